package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// width is the number of columns s takes in a terminal: one per rune. The
// multi-byte runes of the reports (€, U+202F, U+00A0, —, ✓, ×) each take
// one column, so a byte count would misalign them. (text/tabwriter counts
// runes too, but aligns every cell to one side; the tables here need text
// on the left and numbers on the right.)
func width(s string) int { return utf8.RuneCountInString(s) }

// writeTable writes rows as an aligned table indented by indent: columns
// two spaces apart, right-aligned where right says so (numbers), with a
// header row underlined when head is not nil.
func writeTable(b *bytes.Buffer, indent string, head []string, right []bool, rows [][]string) {
	all := rows
	if head != nil {
		all = append([][]string{head}, rows...)
	}
	var widths []int
	for _, r := range all {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(cell))
		}
	}
	line := func(r []string) {
		var l strings.Builder
		l.WriteString(indent)
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-width(cell))
			if i > 0 {
				l.WriteString("  ")
			}
			if i < len(right) && right[i] {
				l.WriteString(pad + cell)
			} else {
				l.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	if head != nil {
		line(head)
		dashes := make([]string, len(head))
		for i := range head {
			dashes[i] = strings.Repeat("-", widths[i])
		}
		line(dashes)
	}
	for _, r := range rows {
		line(r)
	}
}

// word renders the tool's word code (catalog cli.toml, listed in
// cliMsgArgs) in lang with display.Text; kv are its arguments, name then
// already formatted value.
func word(lang plan.Language, code string, kv ...string) string {
	args := make([]plan.Arg, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args = append(args, plan.TextArg(kv[i], kv[i+1]))
	}
	return display.Text(plan.NewMsg(code, args...), lang, "")
}

// lowerFirst lowercases the first letter of a label for the middle of a
// sentence ("Taux de conversion" → "taux de conversion"), but not of an
// acronym ("CPA", "ROI").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r) && !unicode.IsUpper(r2) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// quote puts s between the language's quotation marks (cli_quote).
func quote(lang plan.Language, s string) string {
	return word(lang, "cli_quote", "text", s)
}

// colon is ": " with the language's typography (cli_colon: French puts a
// no-break space before it).
func colon(lang plan.Language) string {
	return word(lang, "cli_colon")
}

func heading(b *bytes.Buffer, title string, underline string) {
	b.WriteString(title)
	b.WriteByte('\n')
	b.WriteString(strings.Repeat(underline, width(title)))
	b.WriteByte('\n')
}

func section(b *bytes.Buffer, title string) {
	b.WriteByte('\n')
	heading(b, title, "-")
}

// fig formats figure name of f for people in the plan's currency and language.
func fig(p plan.Plan, name string, f simulate.Figures) string {
	return display.FigureOf(name, f, currencyOf(p), p.Info.Language)
}

// figValue formats a value of the metric name for people in the plan's
// currency and language (display.Value).
func figValue(p plan.Plan, name string, v decimal.NullDecimal) string {
	return showValue(name, v, currencyOf(p), p.Info.Language)
}

// showValue formats a value of a figure or a channel input for people
// (display.Value): a money input that is no figure (a cost per message)
// keeps its fractions of a cent.
func showValue(name string, v decimal.NullDecimal, currency string, lang plan.Language) string {
	return display.Value(name, v, currency, lang)
}

func money(p plan.Plan, v decimal.Decimal) string {
	return display.Money(v, currencyOf(p), p.Info.Language)
}

func count(p plan.Plan, v decimal.Decimal) string { return display.Count(v, p.Info.Language) }

// isB2B reports whether the plan's conversions are leads.
func isB2B(p plan.Plan) bool { return p.Business.Model == plan.B2B }

// shownFigures lists the figures a report shows for p
// (simulate.ShownFigures: not the lead stages in b2c).
func shownFigures(p plan.Plan) []simulate.Spec { return simulate.ShownFigures(p) }

// writeHeader writes the plan's title, business, people, period and
// budget, and the scenario when not empty.
func writeHeader(b *bytes.Buffer, p plan.Plan, scenario string) {
	lang := p.Info.Language
	heading(b, p.Info.Title, "=")
	var rows [][]string
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, []string{label + colon(lang), value})
		}
	}
	add(word(lang, "cli_business"), p.Business.Name)
	add(word(lang, "cli_author"), p.Info.Author)
	add(word(lang, "cli_client"), p.Info.Client)
	if !p.Info.Start.IsZero() {
		add(word(lang, "cli_period"), word(lang, "cli_period_value", "start", display.Date(p.Info.Start, lang),
			"end", display.Date(plan.End(p.Info.Start, p.Info.Months), lang), "length", plural(lang, p.Info.Months, "cli_month", "cli_months")))
	}
	add(word(lang, "cli_budget"), money(p, p.Info.Budget))
	add(word(lang, "cli_scenario"), scenario)
	writeTable(b, "", nil, nil, rows)
}

// keyFigures are the totals of the key-figures block, in order.
var keyFigures = []string{"cost", "budget_left", "revenue", "cogs", "gross_margin", "net_profit",
	"roi", "romi", "net_margin", "roas", "leads", "mql", "sql", "customers", "cpl", "cpa",
	"clv", "break_even_customers", "payback_month"}

// writeReport writes the text report of one result of p: the report a
// student pastes into a document.
func writeReport(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	scenario := r.Scenario
	if scenario == "" || scenario == "base" {
		scenario = word(lang, "cli_base")
	}
	writeHeader(b, p, scenario)

	section(b, word(lang, "cli_key_figures"))
	var rows [][]string
	for _, name := range keyFigures {
		if !simulate.FigureApplies(p, name) {
			continue
		}
		rows = append(rows, []string{display.Label(name, lang), fig(p, name, r.Totals)})
	}
	writeTable(b, "  ", nil, []bool{false, true}, rows)

	writeChannels(b, p, r)
	writeFunnels(b, p, r)
	writeTimeline(b, p, r)
	writeObjectives(b, p, r)
	writeRecommendations(b, p, r)
	writeWarnings(b, p, r)
}

// channelColumns are the figures of the per-channel table.
func channelColumns(p plan.Plan) []string {
	if isB2B(p) {
		return []string{"cost", "exposures", "interactions", "leads", "customers", "cpl", "cpa",
			"revenue", "gross_margin", "roi"}
	}
	return []string{"cost", "exposures", "interactions", "customers", "cpa", "revenue",
		"gross_margin", "roi"}
}

func writeChannels(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	section(b, word(lang, "cli_by_channel"))
	cols := channelColumns(p)
	head := []string{word(lang, "cli_col_channel"), word(lang, "cli_col_kind")}
	right := []bool{false, false}
	for _, c := range cols {
		head = append(head, display.Label(c, lang))
		right = append(right, true)
	}
	var rows [][]string
	for _, ch := range r.Channels {
		row := []string{ch.Name, display.KindLabel(ch.Kind, lang)}
		for _, c := range cols {
			row = append(row, fig(p, c, ch.Figures))
		}
		rows = append(rows, row)
	}
	row := []string{word(lang, "cli_total"), ""}
	for _, c := range cols {
		row = append(row, fig(p, c, r.Totals))
	}
	rows = append(rows, row)
	writeTable(b, "  ", head, right, rows)
}

func writeFunnels(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	if len(r.Channels) == 0 {
		return
	}
	section(b, word(lang, "cli_funnel"))
	for _, ch := range r.Channels {
		fmt.Fprintf(b, "  %s%s%s\n", ch.Name, colon(lang), funnelLine(p, ch))
	}
}

// funnelLine writes a channel's stages: the main stages joined by arrows,
// then the side stages (email bounces, opens, unsubscribes: the next
// stage does not come from them) and the click-to-open rate of email and
// sms, after a dash.
func funnelLine(p plan.Plan, ch simulate.ChannelResult) string {
	lang := p.Info.Language
	var main, side []string
	for _, st := range ch.Stages {
		item := display.Label(st.Name, lang) + " " + count(p, st.Value)
		if st.Side {
			side = append(side, item)
		} else {
			main = append(main, item)
		}
	}
	if ch.ClickToOpen.Valid {
		side = append(side, display.Label("click_to_open", lang)+" "+display.Percent(ch.ClickToOpen.Decimal, lang))
	}
	line := strings.Join(main, " → ")
	if len(side) > 0 {
		line += " — " + strings.Join(side, ", ")
	}
	return line
}

func writeTimeline(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	if len(r.Months) == 0 {
		return
	}
	section(b, word(lang, "cli_timeline"))
	head := []string{word(lang, "cli_col_month"), word(lang, "cli_col_start"), display.Label("cost", lang),
		display.Label("customers", lang), display.Label("revenue", lang), display.Label("gross_margin", lang),
		word(lang, "cli_col_cum_cost"), word(lang, "cli_col_cum_customers"), word(lang, "cli_col_cum_margin")}
	right := []bool{true, false, true, true, true, true, true, true, true}
	var rows [][]string
	for _, m := range r.Months {
		start := display.Undefined
		if !p.Info.Start.IsZero() {
			start = display.Date(p.Info.Start.AddMonths(m.Month-1), lang)
		}
		rows = append(rows, []string{strconv.Itoa(m.Month), start, money(p, m.Cost), count(p, m.Customers),
			money(p, m.Revenue), money(p, m.GrossMargin), money(p, m.CumulativeCost),
			count(p, m.CumulativeCustomers), money(p, m.CumulativeGrossMargin)})
	}
	writeTable(b, "  ", head, right, rows)
}

func writeObjectives(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	if len(r.Objectives) == 0 {
		return
	}
	section(b, word(lang, "cli_objectives_title"))
	for i, ov := range simulate.ObjectiveViews(p, r, nil) {
		ob, po := ov.Result, ov.Objective
		if i > 0 {
			b.WriteByte('\n')
		}
		// the plan's real state: a target met over budget is not met
		// (simulate.ObjectiveStateOf)
		mark := "✗"
		switch ov.State {
		case simulate.StateMet:
			mark = "✓"
		case simulate.StateOverBudget, simulate.StateAtRisk:
			mark = "⚠"
		}
		fmt.Fprintf(b, "  %s %s — %s\n", mark, ob.ID, display.Text(ov.StateMsg(), lang, p.Info.Currency))
		if po.Statement != "" {
			fmt.Fprintf(b, "    %s\n", quote(lang, po.Statement))
		}
		sign := "≥"
		if ob.Direction == plan.AtMost {
			sign = "≤"
		}
		deadline := word(lang, "cli_no_deadline")
		if !po.Deadline.IsZero() {
			deadline = word(lang, "cli_deadline", "date", display.Date(po.Deadline, lang))
		}
		fmt.Fprintf(b, "    %s %s %s, %s%s%s\n", display.Label(ob.Metric, lang), sign,
			figValue(p, ob.Metric, decimal.NewNullDecimal(ob.Target)), deadline, colon(lang),
			word(lang, "cli_value_gap", "value", figValue(p, ob.Metric, ob.Value), "gap", signedFig(p, ob.Metric, ob.Gap)))
		checks := []struct {
			letter string
			c      simulate.Check
		}{
			{"S", ob.Smart.Specific}, {"M", ob.Smart.Measurable}, {"A", ob.Smart.Achievable},
			{"R", ob.Smart.Relevant}, {"T", ob.Smart.TimeBound},
		}
		var letters, reasons []string
		for _, ch := range checks {
			if ch.c.OK {
				letters = append(letters, ch.letter+" ✓")
				continue
			}
			letters = append(letters, ch.letter+" ✗")
			reason := display.Text(ch.c.Why, lang, p.Info.Currency)
			reasons = append(reasons, fmt.Sprintf("    %s ✗ %s", ch.letter, reason))
		}
		fmt.Fprintf(b, "    SMART%s%s\n", colon(lang), strings.Join(letters, "  "))
		for _, l := range reasons {
			b.WriteString(l + "\n")
		}
	}
}

// signedFig formats a gap with a "+" when positive, so that a gap reads as one.
func signedFig(p plan.Plan, metric string, v decimal.NullDecimal) string {
	s := figValue(p, metric, v)
	if v.Valid && v.Decimal.Sign() > 0 && !strings.HasPrefix(s, "-") && s != display.Undefined {
		return "+" + s
	}
	return s
}

// channelName is the name of channel id among r's channels (the id when
// r has none of that id).
func channelName(r simulate.Result, id string) string {
	for _, ch := range r.Channels {
		if ch.ID == id {
			return ch.Name
		}
	}
	return id
}

// writeRecommendations writes r's advice, one line each
// (display.AdviceLine).
func writeRecommendations(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	if len(r.Recommendations) == 0 {
		return
	}
	section(b, word(lang, "cli_recommendations"))
	for _, rec := range simulate.AdviceOf(r) {
		fmt.Fprintf(b, "  - %s\n", display.AdviceLine(rec, currencyOf(p), lang))
	}
}

func writeWarnings(b *bytes.Buffer, p plan.Plan, r simulate.Result) {
	lang := p.Info.Language
	if len(r.Warnings) == 0 {
		return
	}
	section(b, word(lang, "cli_warnings"))
	for _, w := range r.Warnings {
		fmt.Fprintf(b, "  - %s\n", display.Text(w.Msg, lang, p.Info.Currency))
	}
}

// writeScenariosText writes every scenario's figures side by side, then
// each scenario's warnings.
func writeScenariosText(b *bytes.Buffer, p plan.Plan, results []simulate.Result) {
	lang := p.Info.Language
	writeHeader(b, p, "")
	section(b, word(lang, "cli_scenarios"))
	head := []string{word(lang, "cli_col_figure")}
	right := []bool{false}
	for _, r := range results {
		name := r.Scenario
		if name == "" {
			name = "base"
		}
		head = append(head, name)
		right = append(right, true)
	}
	var rows [][]string
	for _, s := range shownFigures(p) {
		row := []string{display.Label(s.Name, lang)}
		for _, r := range results {
			row = append(row, display.Figure(s, s.Get(r.Totals), currencyOf(p), lang))
		}
		rows = append(rows, row)
	}
	writeTable(b, "  ", head, right, rows)
	for _, r := range results {
		if len(r.Warnings) == 0 {
			continue
		}
		section(b, word(lang, "cli_warnings")+" — "+r.Scenario)
		for _, w := range r.Warnings {
			fmt.Fprintf(b, "  - %s\n", display.Text(w.Msg, lang, p.Info.Currency))
		}
	}
}
