package main

import (
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// tr renders the tool's word key (benchmarks.go's older spelling, "col
// metric") from the catalog: it is word(lang, "cli_col_metric").
func tr(lang plan.Language, key string) string {
	return word(lang, cliPrefix+strings.ReplaceAll(key, " ", "_"))
}

// plural writes n with its noun: the code one ("{n} canal") or many
// ("{n} canaux"), as display.Plural says (from 2 in French, for every n
// but 1 in English).
func plural(lang plan.Language, n int, one, many string) string {
	code := one
	if display.Plural(decimal.NewFromInt(int64(n)), lang) {
		code = many
	}
	return word(lang, code, "n", strconv.Itoa(n))
}

// wordOf renders the code held in a variable (a command's help, a flag's
// description, a usage error): word for codes that are not literals at
// the call. Every such code is written as a literal elsewhere (the
// commands' table, the flags' definitions, the usagef calls), where
// words_test.go finds it.
func wordOf(lang plan.Language, code string, kv ...string) string {
	return word(lang, code, kv...)
}
