package report

import (
	"fmt"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// word is the workbook's word code in the document's language, from the
// message catalog (assets/i18n/messages/workbook.toml).
func (w *workbook) word(code string) string {
	return display.Text(plan.NewMsg(code), w.lang, w.cur)
}

// label is the name people read for a figure, metric or input key: the
// workbook's own word for the inputs package display does not name
// (inputWords), else display.Label.
func (w *workbook) label(key string) string {
	if inputWords[key] {
		return w.word("wb_in_" + key)
	}
	return display.Label(key, w.lang)
}

// summaryFigures are the key figures of the summary, those of the PDF's
// summary ("h key figures"), b2b adding leads and CPL in front.
func summaryFigures(p plan.Plan) []string {
	names := []string{"customers", "cost", "cpa", "budget_left", "revenue", "gross_margin", "net_profit",
		"roi", "romi", "roas", "break_even_customers", "clv", "payback_month"}
	if p.Business.Model == plan.B2B {
		names = append([]string{"leads", "cpl"}, names...)
	}
	return names
}

// scenarioFigures are the figures of the scenarios side by side, those of
// the PDF's scenario table.
func scenarioFigures(p plan.Plan) []string {
	names := []string{"cost", "customers", "cpa", "revenue", "gross_margin", "net_profit", "roi", "romi",
		"roas", "break_even_customers", "budget_left", "payback_month"}
	if p.Business.Model == plan.B2B {
		names = append([]string{"leads", "cpl"}, names...)
	}
	return names
}

// channelFigures are the figures of a channel's row: every figure of
// simulate.FigureSpecs but the plan-wide budget left, and in b2c the lead
// stages, which are undefined there.
func channelFigures(p plan.Plan) []string {
	var names []string
	for _, s := range simulate.ShownFigures(p) {
		if s.Name == "budget_left" {
			continue
		}
		names = append(names, s.Name)
	}
	return names
}

// scenarioName is the name people read for the scenario name.
func (w *workbook) scenarioName(name string) string {
	switch name {
	case simulate.BaseScenario:
		return w.word("wb_base_scenario")
	case "all":
		return w.word("wb_all_scenarios")
	}
	return name
}

// summarySheet: what the plan is, the key figures of the results shown,
// and the engine's warnings.
func (w *workbook) summarySheet() error {
	s := w.newSheet(w.word("wb_sheet_summary"))
	s.header(1, w.word("wb_col_item"), w.word("wb_col_value"))
	info := w.p.Info
	pair := func(code string, c cell) { s.add(txt(w.word(code)), c) }
	pair("wb_title", txt(info.Title).wrapped())
	pair("wb_business", txt(w.p.Business.Name))
	if info.Client != "" {
		pair("wb_client", txt(info.Client))
	}
	if info.Author != "" {
		pair("wb_author", txt(info.Author))
	}
	pair("wb_doc_date", w.date(plan.DateOf(w.docDate)))
	pair("wb_start", w.date(info.Start))
	if !info.Start.IsZero() {
		pair("wb_end", w.date(plan.End(info.Start, info.Months)))
	}
	pair("wb_in_months", w.whole(int64(info.Months)))
	pair("wb_budget", w.money(info.Budget))
	pair("wb_currency", txt(w.cur))
	pair("wb_scenario", txt(w.scenarioName(w.scenario)))

	s.skip()
	s.add(txt(w.word("wb_key_figures")).bold())
	for _, n := range summaryFigures(w.p) {
		label := display.Label(n, w.lang)
		if n == "clv" {
			label += " (" + display.Label("break_even_cpa", w.lang) + ")"
		}
		s.add(txt(label), w.figure(n, specValue(n, w.r.Totals)))
	}
	if len(w.r.Warnings) > 0 {
		s.skip()
		s.add(txt(w.word("wb_warnings")).bold())
		for _, wn := range w.r.Warnings {
			s.add(txt(display.Text(wn.Msg, w.lang, w.p.Info.Currency)).wrapped())
		}
	}
	return s.finish()
}

// specValue is the value of the figure name in f (undefined for a name
// that is no figure).
func specValue(name string, f simulate.Figures) decimal.NullDecimal {
	s, ok := simulate.SpecOf(name)
	if !ok {
		return decimal.NullDecimal{}
	}
	return s.Get(f)
}

// channelsSheet: one row per channel with every figure, then the plan's
// totals.
func (w *workbook) channelsSheet() error {
	s := w.newSheet(w.word("wb_sheet_channels"))
	names := channelFigures(w.p)
	head := []string{w.word("wb_col_id"), w.word("wb_col_channel"), w.word("wb_col_kind"), w.word("wb_col_owner")}
	for _, n := range names {
		head = append(head, display.Label(n, w.lang))
	}
	s.header(2, head...)
	for _, cr := range w.r.Channels {
		c, _ := w.p.Channel(cr.ID)
		row := []cell{txt(cr.ID), txt(cr.Name), txt(display.KindLabel(cr.Kind, w.lang)), txt(c.Owner)}
		for _, n := range names {
			row = append(row, w.figure(n, specValue(n, cr.Figures)))
		}
		s.add(row...)
	}
	row := []cell{{}, txt(w.word("wb_total")).bold(), {}, {}}
	for _, n := range names {
		row = append(row, w.figure(n, specValue(n, w.r.Totals)).bold())
	}
	s.add(row...)
	return s.finish()
}

// monthsSheet: the plan's timeline, one row per month (the PDF's "by
// month" table, with the customers and cost of goods it leaves out).
func (w *workbook) monthsSheet() error {
	s := w.newSheet(w.word("wb_sheet_months"))
	s.header(2, w.word("wb_col_month"), w.word("wb_col_month_start"), display.Label("cost", w.lang),
		display.Label("customers", w.lang), display.Label("revenue", w.lang), display.Label("cogs", w.lang),
		display.Label("gross_margin", w.lang), w.word("wb_col_cum_cost"), w.word("wb_col_cum_customers"),
		w.word("wb_col_cum_margin"))
	for _, m := range w.r.Months {
		s.add(w.whole(int64(m.Month)), w.monthDate(w.monthStart(m.Month)), w.money(m.Cost), w.count(m.Customers),
			w.money(m.Revenue), w.money(m.COGS), w.money(m.GrossMargin), w.money(m.CumulativeCost),
			w.count(m.CumulativeCustomers), w.money(m.CumulativeGrossMargin))
	}
	return s.finish()
}

// monthStart is the first day of plan month m (the zero Date when the
// plan has no start).
func (w *workbook) monthStart(m int) plan.Date {
	if w.p.Info.Start.IsZero() {
		return plan.Date{}
	}
	return w.p.Info.Start.AddMonths(m - 1)
}

// costsSheet: the cost of each channel each month, the PDF's "month by
// channel" table in one piece. A month a channel spends nothing is 0
// (the PDF prints "—"), so that the columns add up.
func (w *workbook) costsSheet() error {
	s := w.newSheet(w.word("wb_sheet_costs"))
	n := w.p.Info.Months
	head := []string{w.word("wb_col_id"), w.word("wb_col_channel")}
	for m := 1; m <= n; m++ {
		// a month's header names it and, when the plan has a start, its
		// first day: "M1" over "04/01/2027"
		h := fmt.Sprintf("M%d", m)
		if d := w.monthStart(m); !d.IsZero() {
			h += "\n" + display.Date(d, w.lang)
		}
		head = append(head, h)
	}
	head = append(head, w.word("wb_total"))
	s.header(2, head...)
	for _, cr := range w.r.Channels {
		row := []cell{txt(cr.ID), txt(cr.Name)}
		for m := 1; m <= n; m++ {
			v := decimal.Zero
			if m-1 < len(cr.MonthlyCost) {
				v = cr.MonthlyCost[m-1]
			}
			row = append(row, w.money(v))
		}
		row = append(row, w.figure("cost", cr.Figures.Cost))
		s.add(row...)
	}
	row := []cell{{}, txt(w.word("wb_total")).bold()}
	for m := 1; m <= n; m++ {
		v := decimal.Zero
		if m-1 < len(w.r.Months) {
			v = w.r.Months[m-1].Cost
		}
		row = append(row, w.money(v).bold())
	}
	row = append(row, w.figure("cost", w.r.Totals.Cost).bold())
	s.add(row...)
	return s.finish()
}

// scenariosSheet: the key figures of the base and of every scenario side
// by side (the PDF's scenario table), whatever scenario the other sheets
// show.
func (w *workbook) scenariosSheet() error {
	s := w.newSheet(w.word("wb_sheet_scenarios"))
	head := []string{w.word("wb_col_figure")}
	for _, r := range w.all {
		head = append(head, w.scenarioName(r.Scenario))
	}
	s.header(1, head...)
	for _, n := range scenarioFigures(w.p) {
		row := []cell{txt(display.Label(n, w.lang))}
		for _, r := range w.all {
			row = append(row, w.figure(n, specValue(n, r.Totals)))
		}
		s.add(row...)
	}
	return s.finish()
}

// objectivesSheet: each objective, its target and result, met or not, its
// chance when the plan has ranges, and its SMART checklist with the
// engine's reasons.
func (w *workbook) objectivesSheet() error {
	s := w.newSheet(w.word("wb_sheet_objectives"))
	head := []string{w.word("wb_col_id"), w.word("wb_col_objective"), w.word("wb_col_metric"), w.word("wb_col_direction"),
		w.word("wb_col_target"), w.word("wb_col_deadline"), w.word("wb_col_result"), w.word("wb_col_status"), w.word("wb_col_gap")}
	if w.unc != nil {
		head = append(head, w.word("wb_col_probability"))
	}
	letters := []string{"s", "m", "a", "r", "t"}
	for _, l := range letters {
		head = append(head, w.word("wb_smart_"+l))
	}
	head = append(head, w.word("wb_col_why"))
	s.header(2, head...)
	for _, ob := range w.r.Objectives {
		po := w.objective(ob.ID)
		status := w.word("wb_not_met")
		if ob.Met {
			status = w.word("wb_met")
		}
		row := []cell{txt(ob.ID), txt(objectiveTitle(po)).wrapped(), txt(display.Label(ob.Metric, w.lang)),
			txt(sign(ob.Direction)), w.figure(ob.Metric, nd(ob.Target)), w.date(po.Deadline),
			w.figure(ob.Metric, ob.Value), txt(status), w.figure(ob.Metric, ob.Gap)}
		if w.unc != nil {
			pr := undefined()
			for _, c := range w.unc.Objectives {
				if c.ID == ob.ID {
					pr = w.rate(c.Probability)
				}
			}
			row = append(row, pr)
		}
		checks := []simulate.Check{ob.Smart.Specific, ob.Smart.Measurable, ob.Smart.Achievable, ob.Smart.Relevant, ob.Smart.TimeBound}
		var why []string
		for i, c := range checks {
			mark := w.word("wb_no")
			if c.OK {
				mark = w.word("wb_yes")
			}
			row = append(row, txt(mark))
			why = append(why, strings.ToUpper(letters[i])+w.colon()+display.Text(c.Why, w.lang, w.p.Info.Currency))
		}
		row = append(row, txt(strings.Join(why, "\n")).wrapped())
		s.add(row...)
	}
	return s.finish()
}

// colon is the colon between a label and its text: after a no-break
// space in French, right after the label in English.
func (w *workbook) colon() string {
	if w.lang == plan.LangEN {
		return ": "
	}
	return display.NBSP + ": "
}

// objective returns the plan's objective with id.
func (w *workbook) objective(id string) plan.Objective {
	for _, ob := range w.p.Objectives {
		if ob.ID == id {
			return ob
		}
	}
	return plan.Objective{ID: id}
}
