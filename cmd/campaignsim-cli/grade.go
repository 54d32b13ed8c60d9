package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
)

// gradeRow is one PLAN's grade, or why it has none.
type gradeRow struct {
	file  string
	grade simulate.Grade
	cur   string // the plan's currency, for the messages
	err   string // why the file could not be graded ("" when graded)
}

// grade is the grade command.
func (c *cli) grade(args []string) error {
	fs := flags("grade")
	caseRef := fs.String("case", "", "cli_flag_grade_case")
	format, checkFormat := formatFlag("grade", fs, "text", "csv", "json")
	pos, err := c.parse(fs, "grade", args)
	if err != nil {
		return err
	}
	if err := checkFormat(); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("grade", "cli_usage_missing_plans")
	}
	lang := envLanguage()
	var given *simulate.Case
	if *caseRef != "" {
		k, err := loadCase(*caseRef, "")
		if err != nil {
			return err
		}
		given = &k
	}
	found := map[string]simulate.Case{} // the plans' own cases, by reference and folder
	rows := make([]gradeRow, 0, len(pos))
	for _, path := range pos {
		rows = append(rows, c.gradeOne(path, given, found, lang))
	}
	switch *format {
	case "csv":
		return c.writeCSV(gradeCSV(rows, lang))
	case "json":
		return c.writeJSON(gradeJSON(rows, lang))
	}
	writeGrades(c, rows, lang)
	return nil
}

// gradeOne grades the plan at path against the given case, or the case
// the plan names (found caches those).
func (c *cli) gradeOne(path string, given *simulate.Case, found map[string]simulate.Case, lang plan.Language) gradeRow {
	row := gradeRow{file: path}
	data, name, err := c.readPlan(path)
	if err != nil {
		row.err = oneLine(err.Error())
		return row
	}
	row.file = name
	p, err := plan.Decode(name, data)
	if err != nil {
		row.err = planErrorText(name, err)
		return row
	}
	row.cur = p.Info.Currency
	var k simulate.Case
	if ref := strings.TrimSpace(p.Info.Case); ref != "" {
		key := ref
		if simulate.IsCasePath(ref) {
			key = simulate.ResolveCasePath(path, ref)
		}
		own, ok := found[key]
		if !ok {
			if own, err = findCase(ref, path); err != nil {
				row.err = planCaseError(name, simulate.PlanCaseLine(data), err, lang)
				return row
			}
			found[key] = own
		}
		k = own
	}
	switch {
	case given != nil:
		k = *given
	case k.ID == "":
		row.err = caseErrorLine(simulate.CaseError{File: name, Msg: plan.NewMsg(simulate.MsgCaseNone)}, lang)
		return row
	}
	g, err := simulate.GradePlan(context.Background(), p, k)
	if err != nil {
		row.err = planErrorText(name, err)
		return row
	}
	row.grade = g
	return row
}

// planErrorText is a plan's problems on one line, each FILE:LINE:COL:
// message, joined by " | ".
func planErrorText(name string, err error) string {
	var list plan.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		s := make([]string, len(list))
		for i, e := range list {
			if e.File == "" {
				e.File = name
			}
			s[i] = oneLine(e.Error())
		}
		return strings.Join(s, " | ")
	}
	return name + ": " + oneLine(err.Error())
}

// planCaseError is why the case a plan names cannot be used: at the
// plan's case line when the case is unknown, else the case file's own
// problems.
func planCaseError(name string, line int, err error, lang plan.Language) string {
	var list simulate.CaseErrors
	if !errors.As(err, &list) || len(list) == 0 {
		return name + ": " + oneLine(err.Error())
	}
	s := make([]string, len(list))
	for i, e := range list {
		if e.File == "" || e.Msg.Code == simulate.MsgCaseUnreadable {
			e.File, e.Line = name, line
		}
		s[i] = caseErrorLine(e, lang)
	}
	return strings.Join(s, " | ")
}

// missedLabels are the labels of the checks a grade misses.
func missedLabels(g simulate.Grade, lang plan.Language, cur string) []string {
	var out []string
	for _, ch := range g.Missed() {
		out = append(out, display.Text(ch.Label, lang, cur))
	}
	return out
}

// gradeCSV is FORMAT.md's grade CSV: one row per file.
func gradeCSV(rows []gradeRow, lang plan.Language) [][]string {
	out := [][]string{{"file", "student", "score", "max", "grade20", "missing", "error"}}
	sep := display.Text(plan.NewMsg(simulate.MsgListSeparator), lang, "")
	for _, r := range rows {
		if r.err != "" {
			out = append(out, []string{r.file, "", "", "", "", "", r.err})
			continue
		}
		g := r.grade
		out = append(out, []string{r.file, g.Student, fmt.Sprint(g.Score), fmt.Sprint(g.Max), g.Grade20.StringFixed(2),
			strings.Join(missedLabels(g, lang, r.cur), sep), ""})
	}
	return out
}

// gradeJSON is one object per file: the CSV's columns, missing as a list,
// and every check with its points, its result, its label and what to do.
func gradeJSON(rows []gradeRow, lang plan.Language) []object {
	out := make([]object, 0, len(rows))
	for _, r := range rows {
		if r.err != "" {
			out = append(out, object{{"file", r.file}, {"student", nil}, {"score", nil}, {"max", nil},
				{"grade20", nil}, {"missing", []string{}}, {"checks", []object{}}, {"error", r.err}})
			continue
		}
		g := r.grade
		checks := make([]object, 0, len(g.Checks))
		for _, ch := range g.Checks {
			checks = append(checks, object{{"check", ch.Check}, {"points", ch.Points}, {"ok", ch.OK},
				{"label", display.Text(ch.Label, lang, r.cur)}, {"todo", nullString(display.Text(ch.Todo, lang, r.cur))}})
		}
		missing := missedLabels(g, lang, r.cur)
		if missing == nil {
			missing = []string{}
		}
		out = append(out, object{{"file", r.file}, {"student", nullString(g.Student)}, {"score", g.Score}, {"max", g.Max},
			{"grade20", g.Grade20.StringFixed(2)}, {"missing", missing}, {"checks", checks}, {"error", nil}})
	}
	return out
}

// writeGrades writes the text output: per file, the student, the score
// and the score out of 20, then each check missed with what to do.
func writeGrades(c *cli, rows []gradeRow, lang plan.Language) {
	b := &c.out
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		if r.err != "" {
			fmt.Fprintf(b, "%s%s%s\n", r.file, colon(lang), word(lang, "cli_not_graded"))
			fmt.Fprintf(b, "  %s\n", r.err)
			continue
		}
		g := r.grade
		who := g.Student
		if who == "" {
			who = word(lang, "cli_unnamed_student")
		}
		note := display.Decimal(g.Grade20, 2, lang)
		fmt.Fprintf(b, "%s — %s%s%d/%d, %s/20\n", r.file, who, colon(lang), g.Score, g.Max, note)
		for _, ch := range g.Checks {
			mark := "✓"
			if !ch.OK {
				mark = "✗"
			}
			fmt.Fprintf(b, "  %s %s (%s)\n", mark, display.Text(ch.Label, lang, r.cur), word(lang, "cli_points", "n", strconv.Itoa(ch.Points)))
			if !ch.OK {
				fmt.Fprintf(b, "      %s\n", display.Text(ch.Todo, lang, r.cur))
			}
		}
	}
}
