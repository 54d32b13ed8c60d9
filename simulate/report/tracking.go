package report

import (
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// Section 8 with actuals: the dashboard by life-cycle stage, the trend of
// each KPI, the actuals beside the plan (totals and per channel), the
// re-forecast and what to do where a KPI lags.

// trackingWithActuals writes section 8 for a plan with actuals (its h1
// already written).
func (d *doc) trackingWithActuals(tk simulate.Tracking) {
	lang := d.lang
	var ms []string
	for _, m := range tk.Months {
		ms = append(ms, monthLabel(lang, d.p.Info.Start, m))
	}
	d.para(trf(lang, "dash intro", strings.Join(ms, ", "), d.pct(simulate.TrackingTolerance)))

	d.h2(tr(lang, "h dashboard"), 30)
	d.dashboardTable(tk)
	if len(d.charts.trend) > 0 {
		d.h2(tr(lang, "h trends"), trendH+22)
		d.note(tr(lang, "trends legend"))
		d.trendCharts()
	}

	d.h2(tr(lang, "h actuals"), 30)
	d.actualsVsPlan(tk.Evaluation, tk.Unknowns)
	d.channelActuals(tk)

	d.reforecast(tk)
	d.lagging(tk)

	d.h2(tr(lang, "h tools"), 25)
	d.bullets(d.tools())
	d.note(tr(lang, "tracking src"))
}

// statusText is a status in words and its colour.
func statusText(lang plan.Language, s simulate.Status) (string, [3]int) {
	switch s {
	case simulate.StatusAhead:
		return tr(lang, "st ahead"), colGood
	case simulate.StatusOnTrack:
		return tr(lang, "st on track"), colGood
	case simulate.StatusBehind:
		return tr(lang, "st behind"), colBad
	}
	return "—", colGrey
}

// variancePct is simulate.VariancePct(a, p) written as "+12,0 %", "—"
// when undefined.
func (d *doc) variancePct(a, p decimal.NullDecimal) string {
	v := simulate.VariancePct(a, p)
	if !v.Valid {
		return display.Undefined
	}
	s := d.pct(v.Decimal)
	if v.Decimal.Sign() > 0 {
		s = "+" + s
	}
	return s
}

// unknown is the word written for an actual figure nobody knows (a spend
// missing from the imported report, simulate.Unknowns).
func (d *doc) unknown() string {
	return display.Text(plan.NewMsg(simulate.MsgFigureUnknown), d.lang, d.cur)
}

// orUnknown is shown, or the unknown word when unknown.
func (d *doc) orUnknown(unknown bool, shown string) string {
	if unknown {
		return d.unknown()
	}
	return shown
}

// actualsVsPlan is the table of the plan's figures over the tracked
// months, actual beside plan with the variance; a figure that derives
// from a spend nobody knows reads "unknown" (u). The tracking section and
// the plan-vs-actual section without tracking both draw it.
func (d *doc) actualsVsPlan(ev simulate.Evaluation, u simulate.Unknowns) {
	lang := d.lang
	names := []string{"cost", "customers", "cpa", "revenue", "gross_margin", "net_profit", "roi", "exposures", "interactions"}
	if d.p.Business.Model == plan.B2B {
		names = append(names, "leads", "cpl")
	}
	t := table{head: []string{tr(lang, "col figure"), tr(lang, "col actual"), tr(lang, "col plan"), tr(lang, "col variance")}}
	t.cols = cols(0, 3, 32)
	for _, n := range names {
		s, _ := simulate.SpecOf(n)
		v := s.Get(ev.Variance)
		vs := display.Figure(s, v, d.cur, lang)
		if v.Valid && v.Decimal.Sign() > 0 && vs != display.Undefined {
			vs = "+" + vs
		}
		unknown := u.Figure("", n, nil)
		t.rows = append(t.rows, []string{display.Label(n, lang), d.orUnknown(unknown, d.fig(n, ev.Actual.Totals)),
			d.fig(n, ev.Plan.Totals), d.orUnknown(unknown, vs)})
	}
	d.table(t)
}

// statusTable draws t like layout.table, with the text of the last
// column of each row written in bold in colours[i].
func (d *doc) statusTable(t table, colours [][3]int) {
	words := make([]string, len(t.rows))
	for i, row := range t.rows {
		words[i] = row[len(row)-1]
		t.rows[i] = append(append([]string{}, row[:len(row)-1]...), "")
	}
	size := t.size
	if size == 0 {
		size = tableSize
	}
	last := t.cols[len(t.cols)-1]
	xLast := marginL
	for _, c := range t.cols[:len(t.cols)-1] {
		xLast += c.w
	}
	d.drawTable(t, func(i int, y, h float64) {
		d.font(true, size)
		d.color(colours[i])
		d.pdf.SetXY(xLast, y+cellPad*0.8)
		d.cell(last.w, size*0.46, d.fit(words[i], last.w), 0, last.align)
		d.color(colText)
		d.pdf.SetXY(marginL, y+h)
	})
}

// dashboardTable lists the dashboard's KPIs by stage: actual, plan,
// variance and status (an actual nobody knows reads "unknown").
func (d *doc) dashboardTable(tk simulate.Tracking) {
	db := tk.Dashboard
	lang := d.lang
	t := table{head: []string{tr(lang, "col lc stage"), tr(lang, "col kpi"), tr(lang, "col actual"), tr(lang, "col plan"),
		tr(lang, "col variance pct"), tr(lang, "col track status")}}
	t.cols = []column{{30, "L"}, {contentW - 30 - 2*28 - 20 - 28, "L"}, {28, "R"}, {28, "R"}, {20, "R"}, {28, "L"}}
	var colours [][3]int
	prev := ""
	for _, k := range db.KPIs {
		stage := ""
		if k.Stage != prev {
			stage = tr(lang, "lc "+k.Stage)
			prev = k.Stage
		}
		word, col := statusText(lang, k.Status)
		unknown := tk.Unknowns.Figure("", k.Name, nil)
		t.rows = append(t.rows, []string{stage, display.Label(k.Name, lang), d.orUnknown(unknown, d.value(k.Name, k.Actual)),
			d.value(k.Name, k.Plan), d.orUnknown(unknown, d.variancePct(k.Actual, k.Plan)), word})
		colours = append(colours, col)
	}
	d.statusTable(t, colours)
	d.note(trf(lang, "status legend", d.pct(simulate.TrackingTolerance)))
}

// channelActuals is the per-channel table: cost, customers and CPA,
// actual beside plan, and the customers' status.
func (d *doc) channelActuals(tk simulate.Tracking) {
	lang := d.lang
	if len(tk.Channels) == 0 {
		return
	}
	d.h3(tr(lang, "h track channels"), 20)
	names := []string{"cost", "customers", "cpa"}
	t := table{head: []string{tr(lang, "col channel")}}
	for _, n := range names {
		l := display.Label(n, lang)
		t.head = append(t.head, l+" "+tr(lang, "actual short"), l+" "+tr(lang, "plan short"))
	}
	t.head = append(t.head, tr(lang, "col track status"))
	t.cols = []column{{contentW - 6*19 - 28, "L"}, {19, "R"}, {19, "R"}, {19, "R"}, {19, "R"}, {19, "R"}, {19, "R"}, {28, "L"}}
	var colours [][3]int
	for _, c := range tk.Channels {
		row := []string{c.Name}
		st := simulate.StatusNone
		for _, n := range names {
			cmp, ok := simulate.FindComparison(c.Cumulative, n)
			if !ok {
				cmp = simulate.Comparison{Name: n}
			}
			row = append(row, d.orUnknown(cmp.Unknown, d.value(n, cmp.Actual)), d.value(n, cmp.Plan))
			if n == "customers" {
				st = cmp.Status
			}
		}
		word, col := statusText(lang, st)
		row = append(row, word)
		colours = append(colours, col)
		if len(c.Missing) > 0 {
			var ms []string
			for _, m := range c.Missing {
				ms = append(ms, monthLabel(lang, d.p.Info.Start, m))
			}
			row[0] += " (" + trf(lang, "missing months", strings.Join(ms, ", ")) + ")"
		}
		t.rows = append(t.rows, row)
	}
	d.statusTable(t, colours)
}

// reforecast writes the end-of-plan forecast beside the plan, each
// objective's updated chance and how the observed rates were blended.
func (d *doc) reforecast(tk simulate.Tracking) {
	lang, rf := d.lang, tk.Reforecast
	d.h2(tr(lang, "h reforecast"), 40)
	if rf.FromMonth > d.p.Info.Months {
		d.para(tr(lang, "rf all run"))
	} else {
		d.para(trf(lang, "rf intro", monthLabel(lang, d.p.Info.Start, rf.FromMonth)))
	}
	t := table{head: []string{tr(lang, "col figure"), tr(lang, "col plan"), tr(lang, "col forecast"), tr(lang, "col variance"), tr(lang, "col variance pct")}}
	t.cols = cols(0, 4, 30)
	for _, n := range []string{"customers", "cost", "revenue", "net_profit"} {
		s, _ := simulate.SpecOf(n)
		p, f := s.Get(rf.PlanTotals), s.Get(rf.Totals)
		v := display.Undefined
		if p.Valid && f.Valid {
			diff := f.Decimal.Sub(p.Decimal)
			v = d.value(n, nd(diff))
			if diff.Sign() > 0 {
				v = "+" + v
			}
		}
		unknown := tk.Unknowns.Figure("", n, nil)
		t.rows = append(t.rows, []string{display.Label(n, lang), d.value(n, p), d.orUnknown(unknown, d.value(n, f)),
			d.orUnknown(unknown, v), d.orUnknown(unknown, d.variancePct(f, p))})
	}
	d.table(t)

	if len(tk.Objectives) > 0 {
		d.h3(tr(lang, "h rf objectives"), 20)
		t := table{head: []string{tr(lang, "col objective"), tr(lang, "col target"), tr(lang, "col plan"),
			tr(lang, "col forecast"), tr(lang, "col met"), tr(lang, "col chance")}}
		t.cols = []column{{contentW - 4*26 - 22, "L"}, {26, "R"}, {26, "R"}, {26, "R"}, {22, "C"}, {26, "R"}}
		for _, ob := range tk.Objectives {
			met := tr(lang, "not met")
			if ob.ForecastMet {
				met = tr(lang, "met")
			}
			chance := display.Undefined
			for _, c := range d.charts.chances {
				if c.ID == ob.ID {
					chance = d.pct(c.Probability)
				}
			}
			t.rows = append(t.rows, []string{objectiveTitle(d.objective(ob.ID)), sign(ob.Direction) + " " + d.value(ob.Metric, nd(ob.Target)),
				d.value(ob.Metric, ob.Plan), d.orUnknown(ob.ForecastUnknown, d.value(ob.Metric, ob.Forecast)), met, chance})
		}
		d.table(t)
		d.note(tr(lang, "rf chance note"))
	}

	if len(rf.Inputs) > 0 {
		d.h3(tr(lang, "h rf blend"), 20)
		d.para(tr(lang, "rf blend intro"))
		var lines []string
		for _, in := range rf.Inputs {
			lines = append(lines, trf(lang, "rf blend line", d.channelName(in.Channel), display.Label(in.Input, lang),
				d.inputValue(in.Input, in.Observed), d.cnt(in.Volume), tr(lang, "vol "+in.Input),
				d.pct(in.Weight), d.inputValue(in.Input, in.Planned), d.inputValue(in.Input, in.Blended)))
		}
		d.bullets(lines)
	}
}

// inputValue writes a re-forecast input: cpc and cpm in money, rates as
// percentages.
func (d *doc) inputValue(input string, v decimal.Decimal) string {
	if input == "cpc" || input == "cpm" {
		return d.money(v)
	}
	return d.pct(v)
}

// advice writes one recommendation: its head (display.AdviceHead) as a
// heading, its lever, and the source of its benchmark as a note.
func (d *doc) advice(a simulate.Advice) {
	d.h3(display.AdviceHead(a, d.cur, d.lang), 12)
	d.para(a.Lever.Text(d.lang))
	if src := display.AdviceSource(a, d.lang); src != "" {
		d.note(src)
	}
}

// lagging names the KPIs behind the plan and the levers of the
// re-forecast's recommendations.
func (d *doc) lagging(tk simulate.Tracking) {
	lang := d.lang
	d.h2(tr(lang, "h lagging"), 25)
	var behind []string
	for _, k := range tk.Dashboard.KPIs {
		if k.Status == simulate.StatusBehind {
			behind = append(behind, display.Label(k.Name, lang)+" ("+d.variancePct(k.Actual, k.Plan)+")")
		}
	}
	recs := tk.Reforecast.Recommendations
	if len(behind) == 0 && len(recs) == 0 {
		d.para(tr(lang, "no lagging"))
		return
	}
	if len(behind) > 0 {
		d.para(trf(lang, "lagging kpis", strings.Join(behind, ", ")))
	}
	for _, rec := range recs {
		a := simulate.Advice{Recommendation: rec}
		if rec.Channel != "" {
			a.Who = d.channelName(rec.Channel)
		}
		d.advice(a)
	}
}
