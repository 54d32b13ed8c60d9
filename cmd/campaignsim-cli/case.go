package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// caseCmd is the case command: the list of the cases, a brief, or a
// starting plan. A case holds its texts in both languages: the list and
// the brief are in the locale's language, the starting plan in the case's
// own (its language key), and --lang fr|en chooses for all three.
func (c *cli) caseCmd(args []string) error {
	fs := flags("case")
	out := fs.String("o", "", "cli_flag_case_o")
	langFlag := fs.String("lang", "", "cli_flag_case_lang")
	pos, err := c.parse(fs, "case", args)
	if err != nil {
		return err
	}
	if *langFlag != "" {
		if err := oneOf("case", "lang", *langFlag, "fr", "en"); err != nil {
			return err
		}
	}
	lang := envLanguage()
	if *langFlag != "" {
		lang = plan.Language(*langFlag)
	}
	if len(pos) > 1 {
		return tooMany("case", pos[1:])
	}
	if len(pos) == 0 {
		if *out != "" {
			return usagef("case", "cli_usage_o_needs_case")
		}
		rows := [][]string{}
		for _, id := range simulate.CaseIDs() {
			title := ""
			if k, err := simulate.BuiltinCase(id); err == nil {
				title = k.Title.In(lang)
			}
			rows = append(rows, []string{id, title})
		}
		writeTable(&c.out, "", nil, []bool{false, false}, rows)
		return nil
	}
	k, err := loadCase(pos[0], "")
	if err != nil {
		return err
	}
	if *out == "" {
		writeBrief(&c.out, k, lang)
		return nil
	}
	if *langFlag != "" {
		k.Language = lang
	}
	data, err := simulate.StartingPlanFile(k)
	if err != nil {
		return invalidErrorf("%s case: %v", prog, err)
	}
	if *out == "-" {
		c.out.Write(data)
		return nil
	}
	if err := fileio.WriteFile(*out, data, fileio.Options{}); err != nil {
		return outputError("case", *out, ".toml", err)
	}
	return nil
}

// caseError is a case that cannot be used: its problems, each rendered in
// the user's language as FILE:LINE: message (exit 1).
func caseError(err error) error {
	lang := envLanguage()
	var list simulate.CaseErrors
	if !errors.As(err, &list) {
		return invalidErrorf("%s: %s", prog, oneLine(err.Error()))
	}
	lines := make([]string, len(list))
	for i, e := range list {
		lines[i] = caseErrorLine(e, lang)
	}
	return invalidError{lines}
}

// caseErrorLine is one problem of a case as FILE:LINE: message.
func caseErrorLine(e simulate.CaseError, lang plan.Language) string {
	return oneLine(e.Where() + display.Text(e.Msg, lang, ""))
}

// loadCase finds the case ref names: a built-in id, or a case file's path
// (simulate.IsCasePath), relative to the plan at planPath when one is
// given. A case that cannot be found, read or decoded is the error
// caseError makes of it.
func loadCase(ref, planPath string) (simulate.Case, error) {
	k, err := findCase(ref, planPath)
	if err != nil {
		return simulate.Case{}, caseError(err)
	}
	return k, nil
}

// findCase is loadCase's search, its errors as simulate.CaseErrors.
func findCase(ref, planPath string) (simulate.Case, error) {
	if !simulate.IsCasePath(ref) {
		return simulate.BuiltinCase(ref)
	}
	path := simulate.ResolveCasePath(planPath, ref)
	data, err := readFileLimited(path, simulate.MaxCaseSize+1)
	if err != nil {
		reason := err.Error()
		if why, ok := display.ReadReason(err, envLanguage()); ok && errors.Is(err, fs.ErrNotExist) {
			reason = why
		}
		return simulate.Case{}, simulate.CaseErrors{{Msg: plan.NewMsg(simulate.MsgCaseUnreadable,
			plan.TextArg("path", path), plan.TextArg("reason", reason))}}
	}
	return simulate.DecodeCase(path, data)
}

// writeBrief writes the case's brief for people: title, text, constraints,
// objective, the elements to choose from and the rubric with its points.
func writeBrief(b *bytes.Buffer, k simulate.Case, lang plan.Language) {
	heading(b, k.Title.In(lang), "=")
	b.WriteString("\n" + strings.TrimSpace(k.Brief.In(lang)) + "\n")
	cur := k.Currency
	section(b, word(lang, "cli_constraints"))
	end := plan.End(k.Start, k.Months)
	rows := [][]string{
		{word(lang, "cli_budget"), display.Money(k.Budget, cur, lang)},
		{word(lang, "cli_length"), plural(lang, k.Months, "cli_month", "cli_months")},
		{word(lang, "cli_period"), word(lang, "cli_period_value", "start", display.Date(k.Start, lang), "end", display.Date(end, lang), "length", plural(lang, k.Months, "cli_month", "cli_months"))},
		{word(lang, "cli_case_objective"), objectiveText(k, lang)},
	}
	writeTable(b, "  ", nil, []bool{false, false}, rows)
	section(b, word(lang, "cli_case_elements", "n", strconv.Itoa(k.Choose)))
	for _, e := range k.Elements {
		m, _ := simulate.ElementMsg(e)
		fmt.Fprintf(b, "  - %s\n", display.Text(m, lang, cur))
	}
	section(b, word(lang, "cli_case_rubric", "n", strconv.Itoa(k.MaxPoints())))
	rows = rows[:0]
	for _, it := range k.Rubric {
		rows = append(rows, []string{fmt.Sprint(it.Points), display.Text(k.Label(it), lang, cur)})
	}
	writeTable(b, "  ", nil, []bool{true, false}, rows)
}

// objectiveText is the brief's objective as "Clients ≥ 200".
func objectiveText(k simulate.Case, lang plan.Language) string {
	o := k.Objective
	dir := "≥"
	if o.Direction == plan.AtMost {
		dir = "≤"
	}
	spec, _ := simulate.SpecOf(o.Metric)
	return display.Label(o.Metric, lang) + " " + dir + " " + display.Figure(spec, decimal.NewNullDecimal(o.Target), k.Currency, lang)
}
