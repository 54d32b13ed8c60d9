package main

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

const benchmarksUsage = "benchmarks [--sector KEY] [--format text|json]"

const benchmarksHelp = `
Shows the benchmark library: every reference figure (value, alert
thresholds) with its channel kinds, sector, source and year, then the
levers the recommendations suggest.

--sector KEY keeps the figures of that sector and those of every sector
(keys: software, financial-services, ecommerce, manufacturing,
local-retail, food-service, services, other).

--format text is a table in the language of your locale (LANG: English
when it starts with "en", French otherwise); json is
{ "sector", "benchmarks": [ { "metric", "kinds", "sector", "value", "min",
"max", "source", "year", "note", "levers" } ], "levers": [ { "id", "fr",
"en", "source" } ] } with decimals as strings (rates as fractions, money in
euros; 2 places for money figures such as cpa, 6 for every other value)
and null where a figure is not set.`

// benchmarks is the benchmarks command: the benchmark library, for one
// sector or all, as text in the locale's language or JSON.
func (c *cli) benchmarks(args []string) error {
	fs := flags("benchmarks")
	sector := fs.String("sector", "", "keep the figures of sector `KEY` and of every sector")
	format, checkFormat := formatFlag("benchmarks", fs, "text", "json")
	pos, err := c.parse(fs, "benchmarks", args)
	if err != nil {
		return err
	}
	if err := firstError(
		noArgs("benchmarks", pos),
		checkFormat(),
	); err != nil {
		return err
	}
	if *sector != "" && !slices.Contains(plan.Sectors, *sector) {
		return usagef("benchmarks", "--sector %q: use one of %s", *sector, strings.Join(plan.Sectors, ", "))
	}
	lib := plan.DefaultLibrary()
	var bs []plan.Benchmark
	for _, b := range lib.Benchmarks {
		if *sector == "" || b.Sector == "" || b.Sector == *sector {
			bs = append(bs, b)
		}
	}
	if *format == "json" {
		return c.writeJSON(benchmarksJSON(*sector, bs, lib.Levers))
	}
	writeBenchmarks(&c.out, envLanguage(), bs, lib.Levers)
	return nil
}

// benchmarksJSON is the JSON output of benchmarks (see benchmarksHelp).
func benchmarksJSON(sector string, bs []plan.Benchmark, levers []plan.Lever) object {
	list := make([]any, 0, len(bs))
	for _, b := range bs {
		u := jsonUnit(b.Metric)
		kinds := make([]string, 0, len(b.Kinds))
		for _, k := range b.Kinds {
			kinds = append(kinds, string(k))
		}
		ids := append([]string{}, b.Levers...)
		list = append(list, object{
			{"metric", b.Metric},
			{"kinds", kinds},
			{"sector", nullString(b.Sector)},
			{"value", edgeNull(u, b.Value)},
			{"min", edgeNull(u, b.Min)},
			{"max", edgeNull(u, b.Max)},
			{"currency", nullString(b.Currency)},
			{"source", b.Source},
			{"year", b.Year},
			{"note", b.Note},
			{"levers", ids},
		})
	}
	ls := make([]any, 0, len(levers))
	for _, l := range levers {
		ls = append(ls, object{{"id", l.ID}, {"fr", l.FR}, {"en", l.EN}, {"source", l.Source}})
	}
	return object{{"sector", nullString(sector)}, {"benchmarks", list}, {"levers", ls}}
}

// writeBenchmarks writes the benchmarks bs as a table, then the levers.
func writeBenchmarks(b *bytes.Buffer, lang plan.Language, bs []plan.Benchmark, levers []plan.Lever) {
	heading(b, tr(lang, "benchmarks"), "=")
	head := []string{tr(lang, "col metric"), tr(lang, "col kinds"), tr(lang, "col sector"),
		tr(lang, "col value"), tr(lang, "col min"), tr(lang, "col max"), tr(lang, "col source")}
	right := []bool{false, false, false, true, true, true, false}
	var rows [][]string
	for _, bm := range bs {
		cur := bm.Currency
		if cur == "" {
			cur = "EUR"
		}
		show := func(metric string, v decimal.NullDecimal) string { return showValue(metric, v, cur, lang) }
		kinds := tr(lang, "all kinds")
		if len(bm.Kinds) > 0 {
			k := make([]string, len(bm.Kinds))
			for i, kind := range bm.Kinds {
				k[i] = string(kind)
			}
			kinds = strings.Join(k, ", ")
		}
		sector := bm.Sector
		if sector == "" {
			sector = tr(lang, "all sectors")
		}
		source := bm.Source
		if bm.Year != 0 {
			source += " (" + strconv.Itoa(bm.Year) + ")"
		}
		rows = append(rows, []string{display.Label(bm.Metric, lang), kinds, sector,
			show(bm.Metric, bm.Value), show(bm.Metric, bm.Min), show(bm.Metric, bm.Max), source})
	}
	writeTable(b, "  ", head, right, rows)
	if len(levers) == 0 {
		return
	}
	section(b, tr(lang, "levers"))
	for _, l := range levers {
		fmt.Fprintf(b, "  - %s%s%s", l.ID, colon(lang), l.Text(lang))
		if l.Source != "" {
			fmt.Fprintf(b, " (%s%s%s)", tr(lang, "source"), colon(lang), l.Source)
		}
		b.WriteByte('\n')
	}
}
