package report

import (
	"fmt"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// monthsPerTable is the number of month columns of one month × channel
// table; a longer plan gets several tables.
const monthsPerTable = 6

// --- 5. Planning and budget ---------------------------------------------

func (d *doc) planning() {
	lang, r := d.lang, d.r
	d.h1(5, tr(lang, "s planning"))
	tot := r.Totals
	d.para(trf(lang, "budget line", d.money(d.p.Info.Budget), d.fig("cost", tot), d.fig("budget_left", tot)))
	if d.an.OverBudget.Valid {
		d.para(trf(lang, "over budget", d.money(d.an.OverBudget.Decimal)))
	}
	d.h2(tr(lang, "h month channel"), 30)
	d.note(tr(lang, "planning intro"))
	n := d.p.Info.Months
	for from := 1; from <= n; from += monthsPerTable {
		to := min(from+monthsPerTable-1, n)
		last := to == n
		k := to - from + 1
		if last {
			k++
		}
		t := table{head: []string{tr(lang, "col channel")}, bold: map[int]bool{}, size: 7.5}
		restW := 20.0
		if k <= 4 {
			restW = 26
		}
		t.cols = cols(0, k, restW)
		for m := from; m <= to; m++ {
			t.head = append(t.head, monthLabel(lang, d.p.Info.Start, m))
		}
		if last {
			t.head = append(t.head, tr(lang, "col total"))
		}
		for _, c := range r.Channels {
			row := []string{c.Name}
			for m := from; m <= to; m++ {
				row = append(row, d.moneyOrDash(c.MonthlyCost, m))
			}
			if last {
				row = append(row, d.fig("cost", c.Figures))
			}
			t.rows = append(t.rows, row)
		}
		row := []string{tr(lang, "total")}
		for m := from; m <= to; m++ {
			v := decimal.Zero
			if m-1 < len(r.Months) {
				v = r.Months[m-1].Cost
			}
			row = append(row, d.money(v))
		}
		if last {
			row = append(row, d.fig("cost", tot))
		}
		t.bold[len(t.rows)] = true
		t.rows = append(t.rows, row)
		d.table(t)
	}

	d.h2(tr(lang, "h owners"), 25)
	t := table{head: []string{tr(lang, "col owner"), tr(lang, "col channels"), tr(lang, "cost"), tr(lang, "col share")},
		cols: []column{{40, "L"}, {contentW - 40 - 28 - 22, "L"}, {28, "R"}, {22, "R"}}}
	for _, o := range d.an.Owners {
		name := o.Owner
		if name == "" {
			name = tr(lang, "no owner")
		}
		share := display.Undefined
		if o.Share.Valid {
			share = d.pct(o.Share.Decimal)
		}
		t.rows = append(t.rows, []string{name, strings.Join(o.Channels, "\n"), d.money(o.Cost), share})
	}
	d.table(t)

	d.h2(tr(lang, "h timeline"), fullW*ratioTimeline+4)
	d.fullChart(&d.charts.timeline, ratioTimeline)
	d.fullChart(&d.charts.monthlyCost, ratioMonthly)
}

// moneyOrDash formats month m (1-based) of a monthly series: "—" when the
// channel spends nothing that month.
func (d *doc) moneyOrDash(s []decimal.Decimal, m int) string {
	if m-1 >= len(s) || s[m-1].IsZero() {
		return display.Undefined
	}
	return d.money(s[m-1])
}

// --- 6. Results ---------------------------------------------------------

func (d *doc) results() {
	lang, r := d.lang, d.r
	d.h1(6, tr(lang, "s results"))
	if d.scenario != simulate.BaseScenario && d.scenario != "all" {
		d.note(trf(lang, "scenario note", d.scenario))
	}
	d.h2(tr(lang, "h by channel"), 30)
	names := []string{"cost", "customers", "cpa", "revenue", "net_profit", "romi"}
	if d.p.Business.Model == plan.B2B {
		names = []string{"cost", "leads", "customers", "cpa", "revenue", "net_profit"}
	}
	t := table{head: []string{tr(lang, "col channel")}, bold: map[int]bool{}, size: 7.5}
	t.cols = cols(0, len(names), 20)
	for _, n := range names {
		t.head = append(t.head, display.Label(n, lang))
	}
	for _, c := range r.Channels {
		row := []string{c.Name}
		for _, n := range names {
			row = append(row, d.fig(n, c.Figures))
		}
		t.rows = append(t.rows, row)
	}
	row := []string{tr(lang, "total")}
	for _, n := range names {
		row = append(row, d.fig(n, r.Totals))
	}
	t.bold[len(t.rows)] = true
	t.rows = append(t.rows, row)
	d.table(t)
	d.fullChart(&d.charts.costVsCustomers, ratioCostCust)

	d.h2(tr(lang, "h by month"), 30)
	t = table{head: []string{tr(lang, "col month"), display.Label("cost", lang), tr(lang, "col customers"),
		display.Label("revenue", lang), display.Label("gross_margin", lang), tr(lang, "col cum cost"), tr(lang, "col cum margin")},
		size: 7.5}
	t.cols = cols(36, 6, 0)
	for _, m := range r.Months {
		t.rows = append(t.rows, []string{monthLabel(lang, d.p.Info.Start, m.Month), d.money(m.Cost), d.cnt(m.Customers),
			d.money(m.Revenue), d.money(m.GrossMargin), d.money(m.CumulativeCost), d.money(m.CumulativeGrossMargin)})
	}
	d.table(t)

	d.h2(tr(lang, "h break even"), fullW*ratioBreakEven+16)
	tot := r.Totals
	s := trf(lang, "break even text", d.fig("break_even_customers", tot), d.fig("break_even_cpa", tot),
		fmt.Sprint(d.p.Business.CLVMonths))
	if tot.PaybackMonth.Valid {
		s += trf(lang, "payback text", tot.PaybackMonth.Decimal.String())
	} else {
		s += tr(lang, "no payback text")
	}
	d.para(s)
	d.fullChart(&d.charts.breakEven, ratioBreakEven)

	d.h2(tr(lang, "h funnels"), funnelH+4)
	d.funnelCharts()

	if d.scenario == "all" {
		d.h2(tr(lang, "h scenarios"), 40)
		d.scenarioTable()
		d.fullChart(&d.charts.scenarios, ratioScenarios)
	}
}

// scenarioTable draws the key figures of every scenario side by side,
// four scenarios per table.
func (d *doc) scenarioTable() {
	lang := d.lang
	if len(d.all) <= 1 {
		d.para(tr(lang, "no scenarios"))
	}
	names := []string{"cost", "customers", "cpa", "revenue", "gross_margin", "net_profit", "roi", "romi",
		"roas", "break_even_customers", "budget_left", "payback_month"}
	if d.p.Business.Model == plan.B2B {
		names = append([]string{"leads", "cpl"}, names...)
	}
	const per = 4
	for from := 0; from < len(d.all); from += per {
		rs := d.all[from:min(from+per, len(d.all))]
		t := table{head: []string{tr(lang, "col figure")}, size: 7.5}
		t.cols = cols(0, len(rs), 30)
		for _, r := range rs {
			name := r.Scenario
			if name == simulate.BaseScenario {
				name = tr(lang, "base scenario")
			}
			t.head = append(t.head, name)
		}
		for _, n := range names {
			row := []string{display.Label(n, lang)}
			for _, r := range rs {
				row = append(row, d.fig(n, r.Totals))
			}
			t.rows = append(t.rows, row)
		}
		d.table(t)
	}
}

// --- 7. Risks -----------------------------------------------------------

func (d *doc) risks() {
	lang := d.lang
	d.h1(7, tr(lang, "s risks"))
	d.h2(tr(lang, "h monte carlo"), 30)
	if d.unc == nil {
		d.para(tr(lang, "mc none"))
	} else {
		u := d.unc
		d.para(trf(lang, "mc intro", d.cnt(decimal.NewFromInt(int64(u.Runs))), fmt.Sprint(u.Seed)))
		t := table{head: []string{tr(lang, "col figure"), tr(lang, "col p10"), tr(lang, "col p50"), tr(lang, "col p90"), tr(lang, "col mean")}}
		t.cols = cols(0, 4, 30)
		for _, dist := range u.Figures {
			s, _ := simulate.SpecOf(dist.Name)
			f := func(v decimal.NullDecimal) string { return display.Figure(s, v, d.cur, lang) }
			t.rows = append(t.rows, []string{display.Label(dist.Name, lang), f(dist.P10), f(dist.P50), f(dist.P90), f(dist.Mean)})
		}
		d.table(t)
		if len(u.Objectives) > 0 {
			d.h3(tr(lang, "objective prob hd"), 15)
			t := table{head: []string{tr(lang, "col objective"), tr(lang, "col probability")}, cols: cols(0, 1, 30)}
			for _, c := range u.Objectives {
				t.rows = append(t.rows, []string{objectiveTitle(d.objective(c.ID)), d.pct(c.Probability)})
			}
			d.table(t)
		}
		d.h2(tr(lang, "h histogram"), fullW*ratioHistogram+4)
		d.fullChart(&d.charts.histogram, ratioHistogram)
	}

	if d.sens != nil && len(d.sens.Inputs) > 0 {
		d.h2(tr(lang, "h tornado"), fullW*ratioTornado+12)
		d.note(tr(lang, "tornado intro"))
		d.fullChart(&d.charts.tornado, ratioTornado)
		t := table{head: []string{tr(lang, "col channel"), tr(lang, "col input"), tr(lang, "col low high"),
			tr(lang, "col at low"), tr(lang, "col at high"), tr(lang, "col swing")}, size: 7.5}
		t.cols = []column{{44, "L"}, {30, "L"}, {28, "R"}, {24, "R"}, {24, "R"}, {contentW - 150, "R"}}
		for i, in := range d.sens.Inputs {
			if i == 10 {
				break
			}
			t.rows = append(t.rows, []string{d.channelName(in.Channel), display.Label(in.Input, lang),
				d.value(in.Input, nd(in.Low)) + " – " + d.value(in.Input, nd(in.High)),
				d.value("net_profit", in.ValueLow), d.value("net_profit", in.ValueHigh), d.value("net_profit", in.Swing)})
		}
		d.table(t)
	}

	d.h2(tr(lang, "h goal seek"), 25)
	if len(d.an.GoalSeeks) == 0 {
		d.para(tr(lang, "seek none"))
	} else {
		d.note(tr(lang, "goal seek intro"))
		var items []string
		for _, s := range d.an.GoalSeeks {
			items = append(items, d.seekText(s))
		}
		d.bullets(items)
	}

	d.h2(tr(lang, "h warnings"), 8)
	if len(d.r.Warnings) == 0 {
		d.para(tr(lang, "no warnings"))
	} else {
		var items []string
		for _, w := range d.r.Warnings {
			items = append(items, d.text(w.Msg))
		}
		d.bullets(items)
	}
}

// seekText words the goal seek answer for one objective.
func (d *doc) seekText(s simulate.ObjectiveSeek) string {
	lang := d.lang
	target := d.value(s.Objective.Metric, nd(s.Objective.Target))
	what := strings.ToLower(display.Label(s.Objective.Metric, lang))
	if hasText("fig " + s.Objective.Metric) {
		what = tr(lang, "fig "+s.Objective.Metric)
	}
	if s.Err != nil {
		return trf(lang, "seek error", target, what)
	}
	res := s.Result
	if res.Reachable {
		s := trf(lang, "seek reach", target, what, d.value("cost", res.Budget), d.value("cost", res.Cost), d.money(d.an.AdBudget))
		for _, w := range res.Warnings {
			if w.Code == simulate.WarnGoalMetAtMin {
				s += " " + d.text(w.Msg)
			}
		}
		return s
	}
	why := ""
	if len(res.Warnings) > 0 {
		why = d.text(res.Warnings[0].Msg)
	} else if res.Best.Valid {
		why = trf(lang, "seek best", d.value(s.Objective.Metric, res.Best))
	}
	return trf(lang, "seek unreachable", target, what, why)
}

// --- 8. Tracking --------------------------------------------------------

func (d *doc) tracking() {
	lang, r := d.lang, d.r
	tot := r.Totals
	d.h1(8, tr(lang, "s tracking"))
	if tk := d.charts.track; tk != nil {
		d.trackingWithActuals(*tk)
		return
	}
	d.para(tr(lang, "tracking intro"))
	b2b := d.p.Business.Model == plan.B2B
	leads := trf(lang, "pv conv", d.fig("conversions", tot), d.fig("conversion_rate", tot))
	if b2b {
		leads = trf(lang, "pv leads", d.fig("leads", tot), d.fig("mql", tot), d.fig("cpl", tot))
	}
	rows := [][]string{
		{tr(lang, "lc awareness"), tr(lang, "kpi awareness"), trf(lang, "pv exposures", d.fig("exposures", tot))},
		{tr(lang, "lc engagement"), tr(lang, "kpi engage"), trf(lang, "pv inter", d.fig("interactions", tot), d.fig("ctr", tot))},
		{tr(lang, "lc leads"), tr(lang, "kpi leads"), leads},
		{tr(lang, "lc sales"), tr(lang, "kpi sales"), trf(lang, "pv sales", d.fig("customers", tot), d.fig("cpa", tot), d.fig("revenue", tot))},
		{tr(lang, "lc loyalty"), tr(lang, "kpi loyalty"), trf(lang, "pv loyalty", d.pct(d.p.Business.MonthlyRetention), d.fig("clv", tot))},
	}
	t := table{head: []string{tr(lang, "col lc stage"), tr(lang, "col kpis"), tr(lang, "col plan value")},
		cols: []column{{30, "L"}, {contentW - 30 - 55, "L"}, {55, "L"}}}
	t.rows = rows
	d.table(t)

	d.h2(tr(lang, "h tools"), 25)
	d.bullets(d.tools())
	d.note(tr(lang, "tracking src"))

	d.h2(tr(lang, "h actuals"), 30)
	if d.eval == nil {
		d.para(tr(lang, "no actuals"))
		return
	}
	var ms []string
	for _, m := range d.eval.Months {
		ms = append(ms, monthLabel(lang, d.p.Info.Start, m))
	}
	d.note(trf(lang, "actuals intro", strings.Join(ms, ", ")))
	d.actualsTable()
}

// actualsTable is the plan's figures over the tracked months, actual
// beside plan, with the variance (actualsVsPlan), unknown where a spend
// is.
func (d *doc) actualsTable() {
	if d.eval == nil {
		return
	}
	d.actualsVsPlan(*d.eval, simulate.UnknownsOf(d.p))
}

// tools lists the measurement tools for the plan's channel kinds.
func (d *doc) tools() []string {
	lang := d.lang
	has := map[plan.Kind]bool{}
	byKind := map[string][]string{}
	add := func(tool string, c plan.Channel) {
		byKind[tool] = append(byKind[tool], c.Name)
	}
	for _, c := range d.p.Channels {
		has[c.Kind] = true
		switch c.Kind {
		case plan.Email, plan.SMS:
			add("tool email", c)
		case plan.Search, plan.Display:
			add("tool ads", c)
		case plan.SocialAds, plan.SocialOrganic, plan.Influencer:
			add("tool social", c)
		case plan.Print, plan.Event, plan.Partnership:
			add("tool offline", c)
		}
	}
	var out []string
	for _, k := range []string{"tool email", "tool ads", "tool social", "tool offline"} {
		if chans, ok := byKind[k]; ok {
			out = append(out, trf(lang, "tools used for", tr(lang, k), strings.Join(chans, ", ")))
		}
	}
	out = append(out, tr(lang, "tool ga"))
	if d.p.Business.Model == plan.B2B || has[plan.Event] || has[plan.Content] {
		out = append(out, tr(lang, "tool crm"))
	}
	out = append(out, tr(lang, "tool reviews"), tr(lang, "tool sheet"))
	return out
}

// --- 9. Recommendations -------------------------------------------------

func (d *doc) recommendations() {
	lang, r := d.lang, d.r
	d.h1(9, tr(lang, "s recommends"))
	if len(r.Recommendations) == 0 {
		d.para(tr(lang, "no recs"))
	} else {
		d.para(tr(lang, "recs intro"))
		for _, rec := range simulate.AdviceOf(r) {
			d.advice(rec)
		}
	}

	d.h2(tr(lang, "h optimise"), 30)
	switch {
	case d.opt == nil:
		d.para(tr(lang, "opt none"))
	case d.opt.AlreadyBest():
		d.para(trf(lang, "opt same", d.money(d.opt.Budget)))
	default:
		o := d.opt
		// Customers are whole people (MODEL.md "Numbers"); a small gain
		// (Optimization.FineGain) is added with one decimal, so that it
		// never reads "215 customers instead of 215" alone.
		before := d.cnt(o.Before)
		if gain := o.After.Sub(o.Before); o.FineGain() && !gain.Round(1).IsZero() {
			sign := "+"
			if gain.Sign() < 0 {
				sign = ""
			}
			before += " (" + sign + display.Decimal(gain, 1, lang) + ")"
		}
		d.para(trf(lang, "opt text", d.money(o.Budget), d.cnt(o.After), before))
		t := table{head: []string{tr(lang, "col channel"), tr(lang, "col budget now"), tr(lang, "col budget opt"),
			tr(lang, "col cust now"), tr(lang, "col cust opt")}}
		t.cols = cols(0, 4, 28)
		for _, a := range o.Allocation {
			t.rows = append(t.rows, []string{a.Name, d.money(a.BudgetBefore), d.money(a.BudgetAfter),
				d.cnt(a.CustomersBefore), d.cnt(a.CustomersAfter)})
		}
		d.table(t)
		var ws []string
		for _, w := range o.Warnings {
			ws = append(ws, d.text(w.Msg))
		}
		if len(ws) > 0 {
			d.bullets(ws)
		}
	}
	d.para(tr(lang, "general levers"))
	d.note(tr(lang, "general src"))
}
