package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
)

// evaluate is the evaluate command: the actuals against the plan over the
// months with actuals, as text (with track's report), JSON or CSV.
func (c *cli) evaluate(args []string) error {
	fs := flags("evaluate")
	format, checkFormat := formatFlag("evaluate", fs, "text", "json", "csv")
	actuals := actualsFlag(fs)
	p, name, err := c.actualsArgs("evaluate", fs, args, actuals, checkFormat)
	if err != nil {
		return err
	}
	ev, err := simulate.Evaluate(p)
	if err != nil {
		return planError{name, err}
	}
	switch *format {
	case "json":
		return c.writeJSON(object{
			{"actual", resultJSON(p, ev.Actual)},
			{"plan", resultJSON(p, ev.Plan)},
			{"variance", figuresJSON(ev.Variance)},
		})
	case "csv":
		return c.writeCSV(markUnknown(evaluateCSV(ev), simulate.UnknownsOf(p)))
	}
	writeEvaluated(&c.out, p, ev, simulate.UnknownsOf(p))
	if t, err := simulate.Track(p); err == nil {
		writeTracking(&c.out, p, t, nil)
	}
	return nil
}

// csvUnknown is the cell of evaluate's CSV for a figure nobody knows (the
// empty cell is a figure that is undefined, a ratio over zero): a word for
// programs, the same in every language, as the CSV's headers are.
const csvUnknown = "unknown"

// markUnknown writes csvUnknown in the actual and variance cells of
// evaluateCSV's records (series, channel, name, kind, then the figures of
// simulate.FigureSpecs) whose figure u says is unknown.
func markUnknown(records [][]string, u simulate.Unknowns) [][]string {
	if !u.Any() {
		return records
	}
	specs := simulate.FigureSpecs()
	for _, row := range records[1:] {
		if len(row) < 4+len(specs) || (row[0] != "actual" && row[0] != "variance") {
			continue
		}
		for i, s := range specs {
			if row[4+i] == "" && u.Figure(row[1], s.Name, nil) {
				row[4+i] = csvUnknown
			}
		}
	}
	return records
}

// writeEvaluated writes actual, plan and variance of every figure, then
// the main figures per channel, then the warnings of the actual side; a
// figure u says is unknown is written with unknownText, not "—".
func writeEvaluated(b *bytes.Buffer, p plan.Plan, ev simulate.Evaluation, u simulate.Unknowns) {
	lang := p.Info.Language
	writeHeader(b, p, "")
	section(b, word(lang, "cli_evaluation"))
	months := make([]string, len(ev.Months))
	for i, m := range ev.Months {
		months[i] = strconv.Itoa(m)
	}
	fmt.Fprintf(b, "%s%s%s\n\n", word(lang, "cli_actual_months"), colon(lang), strings.Join(months, ", "))
	head := []string{word(lang, "cli_col_figure"), word(lang, "cli_col_actual"), word(lang, "cli_col_plan"), word(lang, "cli_col_variance")}
	right := []bool{false, true, true, true}
	var rows [][]string
	for _, s := range shownFigures(p) {
		unknown := u.Figure("", s.Name, nil)
		rows = append(rows, []string{display.Label(s.Name, lang),
			orUnknown(p, unknown, display.Figure(s, s.Get(ev.Actual.Totals), currencyOf(p), lang)),
			display.Figure(s, s.Get(ev.Plan.Totals), currencyOf(p), lang),
			orUnknown(p, unknown, signedFig(p, s.Name, s.Get(ev.Variance)))})
	}
	writeTable(b, "  ", head, right, rows)

	section(b, word(lang, "cli_by_channel"))
	cols := []string{"cost", "customers", "revenue", "cpa"}
	head = []string{word(lang, "cli_col_channel")}
	right = []bool{false}
	for _, c := range cols {
		l := display.Label(c, lang)
		head = append(head, l+" ("+word(lang, "cli_col_actual")+")", l+" ("+word(lang, "cli_col_plan")+")")
		right = append(right, true, true)
	}
	rows = nil
	for _, pc := range ev.Plan.Channels {
		var af simulate.Figures
		for _, ac := range ev.Actual.Channels {
			if ac.ID == pc.ID {
				af = ac.Figures
			}
		}
		row := []string{pc.Name}
		for _, c := range cols {
			row = append(row, orUnknown(p, u.Figure(pc.ID, c, nil), fig(p, c, af)), fig(p, c, pc.Figures))
		}
		rows = append(rows, row)
	}
	writeTable(b, "  ", head, right, rows)
	writeWarnings(b, p, ev.Actual)
}
