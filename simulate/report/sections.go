package report

import (
	"fmt"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// cover draws the first page: what the plan is, for whom, by whom, when
// and for how much.
func (d *doc) cover() {
	pdf, lang := d.pdf, d.lang
	pdf.AddPage()
	d.fill(colPrimary)
	pdf.Rect(0, 0, pageW, 70, "F")
	pdf.SetTextColor(255, 255, 255)
	d.font(false, 11)
	pdf.SetXY(marginL, 28)
	d.cell(contentW, 6, strings.ToUpper(tr(lang, "cover kicker")), 1, "L")
	d.font(true, 15)
	pdf.SetX(marginL)
	d.multi(contentW, 7, d.p.Business.Name)

	pdf.SetY(86)
	d.font(true, 22)
	d.color(colPrimary)
	d.multi(contentW, 10, d.p.Info.Title)
	pdf.Ln(8)

	var pairs [][2]string
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			pairs = append(pairs, [2]string{tr(lang, k), v})
		}
	}
	add("business", d.p.Business.Name)
	add("client", d.p.Info.Client)
	add("author", d.p.Info.Author)
	add("date", longDate(lang, dateOf(d.date)))
	add("period", d.periodText())
	add("budget", d.money(d.p.Info.Budget))
	add("channels count", fmt.Sprint(len(d.p.Channels)))
	add("scenario", d.scenarioText())
	t := table{cols: []column{{45, "L"}, {contentW - 45, "L"}}, size: 10.5}
	for _, kv := range pairs {
		t.rows = append(t.rows, []string{kv[0], kv[1]})
	}
	d.font(false, t.size)
	for i, row := range t.rows {
		ls, h := d.rowLines(t, row)
		h += 1.5
		var fill *[3]int
		if i%2 == 0 {
			z := colZebra
			fill = &z
		}
		d.color(colText)
		d.drawRow(t, ls, h, fill)
	}
	pdf.SetY(pageH - 30)
	d.font(false, 8)
	d.color(colGrey)
	d.cell(contentW, 4, tr(lang, "made with"), 1, "L")
	d.color(colText)
}

// periodText is "du 04/01/2027 au 03/04/2027 (3 mois)".
func (d *doc) periodText() string {
	start := d.p.Info.Start
	if start.IsZero() {
		return monthsText(d.lang, d.p.Info.Months)
	}
	end := plan.End(start, d.p.Info.Months)
	return trf(d.lang, "period value", display.Date(start, d.lang), display.Date(end, d.lang), monthsText(d.lang, d.p.Info.Months))
}

// scenarioText names the scenario the document shows.
func (d *doc) scenarioText() string {
	switch d.scenario {
	case simulate.BaseScenario:
		return tr(d.lang, "base scenario")
	case "all":
		return tr(d.lang, "all scenarios")
	}
	return d.scenario
}

// --- 1. Summary --------------------------------------------------------

func (d *doc) summary() {
	lang, r := d.lang, d.r
	d.h1(1, tr(lang, "s summary"))
	if len(d.missing) > 0 {
		d.paraStyle(d.missingText(), false, bodySize, colBad)
	}
	if d.scenario != simulate.BaseScenario && d.scenario != "all" {
		d.note(trf(lang, "scenario note", d.scenario))
	}
	d.h2(tr(lang, "h objectives"), 20)
	if len(r.Objectives) == 0 {
		d.para(tr(lang, "no objectives"))
	} else {
		t := table{head: []string{tr(lang, "col objective"), tr(lang, "col target"), tr(lang, "col value"), tr(lang, "col status")}}
		t.cols = []column{{contentW - 2*32 - 16, "L"}, {32, "R"}, {32, "R"}, {16, "C"}}
		if d.unc != nil {
			t.head = append(t.head, tr(lang, "col probability"))
			t.cols = []column{{contentW - 2*32 - 16 - 22, "L"}, {32, "R"}, {32, "R"}, {16, "C"}, {22, "R"}}
		}
		for _, ov := range d.an.Objectives {
			ob := ov.Result
			// the plan's real state (simulate.ObjectiveStateOf): met over
			// budget or with a chance below 50 % is not a plain "yes"
			status := tr(lang, "met")
			switch ov.State {
			case simulate.StateNotMet:
				status = tr(lang, "not met")
			case simulate.StateOverBudget:
				status = tr(lang, "met over budget")
			case simulate.StateAtRisk:
				status = tr(lang, "met at risk")
			}
			row := []string{ov.Title(), sign(ob.Direction) + " " + d.value(ob.Metric, nd(ob.Target)),
				d.value(ob.Metric, ob.Value), status}
			if d.unc != nil {
				pr := display.Undefined
				if v, ok := d.probability(ob.ID); ok {
					pr = d.pct(v)
				}
				row = append(row, pr)
			}
			t.rows = append(t.rows, row)
		}
		d.table(t)
		if d.unc != nil {
			d.note(trf(lang, "prob note", d.cnt(decimal.NewFromInt(int64(d.unc.Runs))), fmt.Sprint(d.unc.Seed)))
		}
	}

	d.h2(tr(lang, "h key figures"), 30)
	names := []string{"customers", "cost", "cpa", "budget_left", "revenue", "gross_margin", "net_profit",
		"roi", "romi", "roas", "break_even_customers", "clv", "payback_month"}
	if d.p.Business.Model == plan.B2B {
		names = append([]string{"leads", "cpl"}, names...)
	}
	var pairs [][2]string
	for _, n := range names {
		label := display.Label(n, lang)
		if n == "clv" {
			label += " (" + display.Label("break_even_cpa", lang) + ")"
		}
		pairs = append(pairs, [2]string{label, d.fig(n, r.Totals)})
	}
	d.keyValues(pairs)

	d.h2(tr(lang, "h conclusion"), 20)
	for _, s := range d.conclusion() {
		d.para(s)
	}
}

// conclusion returns three sentences drawn from the results: objectives
// met or not, the strongest and weakest channel, the main risk.
func (d *doc) conclusion() []string {
	lang, r := d.lang, d.r
	tot := r.Totals
	var out []string

	// 1. Objectives.
	met, n := 0, len(r.Objectives)
	var missed *simulate.ObjectiveResult
	for i, ob := range r.Objectives {
		if ob.Met {
			met++
		} else if missed == nil {
			missed = &r.Objectives[i]
		}
	}
	cust, cost, cpa := d.fig("customers", tot), d.fig("cost", tot), d.fig("cpa", tot)
	var s string
	switch {
	case n == 0:
		s = trf(lang, "conc none set", cust, cost, cpa)
	case met == n && n == 1:
		s = trf(lang, "conc one met", cust, cost, cpa)
	case met == n:
		s = trf(lang, "conc all met", fmt.Sprint(n), cust, cost, cpa)
	default:
		s = trf(lang, "conc some met", fmt.Sprint(met), fmt.Sprint(n), objectiveTitle(d.objective(missed.ID)),
			d.value(missed.Metric, missed.Value), sign(missed.Direction)+" "+d.value(missed.Metric, nd(missed.Target)))
	}
	if d.an.OverBudget.Valid && n > 0 {
		// meeting a target by spending more than the budget is not
		// meeting the plan (MODEL.md "Objectives")
		s += trf(lang, "conc over budget", d.money(d.an.OverBudget.Decimal))
	}
	if low, ok := d.an.Fragile(); ok {
		s += trf(lang, "conc fragile", low.Title(), d.pct(low.Chance.Decimal))
	}
	out = append(out, s)

	// 2. Channels, by CPA (simulate.RankChannels).
	switch {
	case len(r.Channels) == 1:
		out = append(out, trf(lang, "conc one channel", r.Channels[0].Name, d.fig("cpa", r.Channels[0].Figures)))
	case d.an.Best >= 0 && d.an.Worst >= 0 && d.an.Best != d.an.Worst:
		best, worst := r.Channels[d.an.Best], r.Channels[d.an.Worst]
		w := tr(lang, "conc no customer")
		if worst.Figures.CPA.Valid {
			w = trf(lang, "conc cpa", d.fig("cpa", worst.Figures))
		}
		out = append(out, trf(lang, "conc channels", best.Name, d.fig("cpa", best.Figures), worst.Name, w))
	}

	// 3. The main risk: the input that moves net profit most.
	if in, ok := d.an.MainRisk(); ok {
		s := trf(lang, "conc risk", strings.ToLower(display.Label(in.Input, lang)), d.channelName(in.Channel),
			d.value(in.Input, nd(in.Low)), d.value(in.Input, nd(in.High)),
			d.value("net_profit", in.ValueLow), d.value("net_profit", in.ValueHigh))
		if d.unc != nil {
			if dist, ok := d.unc.Figure("net_profit"); ok && dist.P10.Valid {
				s += trf(lang, "conc risk p10", d.money(dist.P10.Decimal))
			}
		}
		out = append(out, s)
	} else {
		out = append(out, tr(lang, "conc no risk"))
	}
	return out
}

// --- 2. Context --------------------------------------------------------

func (d *doc) context() {
	lang, b := d.lang, d.p.Business
	d.h1(2, tr(lang, "s context"))
	d.h2(tr(lang, "h business"), 25)
	model := tr(lang, "model b2c")
	if b.Model == plan.B2B {
		model = tr(lang, "model b2b")
	}
	pairs := [][2]string{
		{tr(lang, "business"), b.Name},
		{tr(lang, "sector"), sectorName(lang, b.Sector)},
		{tr(lang, "model"), model},
		{tr(lang, "average order"), d.money(b.AverageOrder)},
		{tr(lang, "gross margin"), d.pct(b.GrossMargin)},
		{tr(lang, "first discount"), d.pct(b.FirstOrderDiscount)},
		{tr(lang, "orders per month"), display.Decimal(b.OrdersPerMonth, 1, lang)},
		{tr(lang, "retention"), d.pct(b.MonthlyRetention)},
		{tr(lang, "clv horizon"), monthsText(lang, b.CLVMonths)},
		{display.Label("clv", lang), d.fig("clv", d.r.Totals)},
	}
	if b.Model == plan.B2B {
		f := d.p.Funnel
		pairs = append(pairs, [2]string{tr(lang, "b2b funnel"),
			d.pct(f.LeadToMQL) + " → " + d.pct(f.MQLToSQL) + " → " + d.pct(f.SQLToCustomer)})
	}
	d.keyValues(pairs)

	d.h2(tr(lang, "h market"), 15)
	ctx := strings.TrimSpace(d.p.Info.Context)
	if ctx == "" {
		d.para(tr(lang, "no context"))
		return
	}
	for _, para := range paragraphs(ctx) {
		d.para(para)
	}
}

// paragraphs splits free text at blank lines and joins each paragraph's
// lines (the plan file wraps them by hand), keeping list lines ("-", "•",
// "*") on their own lines.
func paragraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "• ") || strings.HasPrefix(t, "* "):
			cur = append(cur, "• "+strings.TrimSpace(t[strings.Index(t, " ")+1:]))
		case len(cur) > 0 && !strings.HasPrefix(cur[len(cur)-1], "• "):
			cur[len(cur)-1] += " " + t
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// --- 3. SMART objectives -----------------------------------------------

func (d *doc) smart() {
	lang := d.lang
	d.h1(3, tr(lang, "s smart"))
	if len(d.r.Objectives) == 0 {
		d.para(tr(lang, "no objectives"))
		return
	}
	d.para(tr(lang, "smart intro"))
	letters := [5]string{"S", "M", "A", "R", "T"}
	for _, ov := range d.an.Objectives {
		ob := ov.Result
		d.h3(ov.Title()+" ("+ob.ID+")", 30)
		checks := [5]simulate.Check{ob.Smart.Specific, ob.Smart.Measurable, ob.Smart.Achievable, ob.Smart.Relevant, ob.Smart.TimeBound}
		t := table{head: []string{tr(lang, "col letter"), tr(lang, "col check"), tr(lang, "col why")},
			cols: []column{{34, "L"}, {16, "C"}, {contentW - 50, "L"}}}
		for i, c := range checks {
			mark := tr(lang, "yes")
			if !c.OK {
				mark = tr(lang, "no")
			}
			t.rows = append(t.rows, []string{tr(lang, "letter "+letters[i]), mark, d.text(ov.Reasons[i])})
		}
		d.table(t)
	}
}

// text renders a message of the engine in the document's language and the
// plan's currency.
func (d *doc) text(m plan.Msg) string { return display.Text(m, d.lang, d.p.Info.Currency) }

// --- 4. Actions --------------------------------------------------------

func (d *doc) actions() {
	lang := d.lang
	d.h1(4, tr(lang, "s actions"))
	var kinds []string
	seen := map[plan.Kind]bool{}
	for _, c := range d.p.Channels {
		if !seen[c.Kind] {
			seen[c.Kind] = true
			kinds = append(kinds, strings.ToLower(display.KindLabel(c.Kind, lang)))
		}
	}
	d.para(trf(lang, "actions intro", fmt.Sprintf("%d %s (%s)", len(d.p.Channels), strings.ToLower(tr(lang, "col channels")), strings.Join(kinds, ", "))))
	for i, c := range d.p.Channels {
		var cr simulate.ChannelResult
		for _, x := range d.r.Channels {
			if x.ID == c.ID {
				cr = x
			}
		}
		// keep the channel's block on one page when it fits on one
		keep := 22 + float64(len(cr.Stages)+1)*4.6 + float64(len(cr.KPIs)+1)*8.5
		d.h2(fmt.Sprintf("4.%d %s", i+1, c.Name), min(keep, pageH-marginT-marginB-20))
		owner := c.Owner
		if owner == "" {
			owner = tr(lang, "no owner")
		}
		d.keyValues([][2]string{
			{tr(lang, "kind"), display.KindLabel(c.Kind, lang)},
			{tr(lang, "owner"), owner},
			{tr(lang, "months"), d.monthsOf(c)},
			{tr(lang, "cost"), d.fig("cost", cr.Figures)},
		})
		d.funnelTable(cr)
		d.kpiTable(c, cr)
	}
}

// monthsOf lists a channel's active months by name.
func (d *doc) monthsOf(c plan.Channel) string {
	n := d.p.Info.Months
	var ms []string
	for m := 1; m <= n; m++ {
		if c.IsActive(m, n) {
			ms = append(ms, monthLabel(d.lang, d.p.Info.Start, m))
		}
	}
	switch {
	case len(ms) == 0:
		return tr(d.lang, "no month")
	case len(c.ActiveMonths) == 0 && n > 3:
		return trf(d.lang, "all months", ms[0]+" – "+ms[len(ms)-1])
	}
	return strings.Join(ms, ", ")
}

// funnelTable draws a channel's funnel: each stage, its expected count and
// its rate from the previous main stage.
func (d *doc) funnelTable(cr simulate.ChannelResult) {
	lang := d.lang
	t := table{head: []string{tr(lang, "col stage"), tr(lang, "col count"), tr(lang, "col rate")},
		cols: []column{{70, "L"}, {35, "R"}, {30, "R"}}}
	for _, st := range simulate.StageRates(cr) {
		label := display.Label(st.Name, lang)
		if st.Side {
			label = "    " + label + " " + tr(lang, "side stage")
		}
		rate := ""
		if st.Rate.Valid {
			rate = d.pct(st.Rate.Decimal)
		}
		t.rows = append(t.rows, []string{label, d.cnt(st.Value), rate})
	}
	d.table(t)
}

// kpiTable draws a channel's KPIs against the benchmark library, with
// their sources.
func (d *doc) kpiTable(c plan.Channel, cr simulate.ChannelResult) {
	lang := d.lang
	t := table{head: []string{tr(lang, "col kpi"), tr(lang, "col plan"), tr(lang, "col benchmark"), tr(lang, "col verdict"), tr(lang, "col source")},
		cols: []column{{34, "L"}, {22, "R"}, {40, "L"}, {24, "L"}, {contentW - 120, "L"}}, size: 7.5}
	for _, k := range cr.KPIs {
		kpi, v := k.Name, k.Value
		bench, verdict, source := tr(lang, "no benchmark"), tr(lang, "verdict na"), ""
		if kpi == "cpa" {
			clv := cr.Figures.BreakEvenCPA
			bench = trf(lang, "bench cpa", d.value("clv", clv))
			source = tr(lang, "plan model")
			if v.Valid && clv.Valid {
				verdict = tr(lang, "verdict ok")
				if v.Decimal.GreaterThan(clv.Decimal) {
					verdict = tr(lang, "verdict high")
				}
			}
		} else if b, ok := d.lib.Find(c.Kind, d.p.Business.Sector, kpi); ok {
			bench, verdict = d.benchText(kpi, b, v)
			source = b.SourceIn(lang) // publisher and title in the reader's language, with the year
		}
		t.rows = append(t.rows, []string{display.Label(kpi, lang), d.value(kpi, v), bench, verdict, source})
	}
	d.table(t)
}

// benchText writes a benchmark (its value and alert thresholds) and the
// reading of the plan's value v against it.
func (d *doc) benchText(kpi string, b plan.Benchmark, v decimal.NullDecimal) (string, string) {
	lang := d.lang
	cur := d.cur
	if b.Currency != "" {
		cur = b.Currency
	}
	f := func(x decimal.Decimal) string { return display.Value(kpi, nd(x), cur, lang) }
	var parts []string
	if b.Value.Valid {
		parts = append(parts, f(b.Value.Decimal))
	}
	if b.Min.Valid {
		parts = append(parts, trf(lang, "bench min", f(b.Min.Decimal)))
	}
	if b.Max.Valid {
		parts = append(parts, trf(lang, "bench max", f(b.Max.Decimal)))
	}
	verdict := tr(lang, "verdict na")
	switch {
	case !v.Valid:
	case b.Min.Valid && v.Decimal.LessThan(b.Min.Decimal):
		verdict = tr(lang, "verdict low")
	case b.Max.Valid && v.Decimal.GreaterThan(b.Max.Decimal):
		verdict = tr(lang, "verdict high")
	case b.Min.Valid || b.Max.Valid:
		verdict = tr(lang, "verdict ok")
	case b.Value.Valid:
		verdict = tr(lang, "verdict compare")
	}
	if len(parts) == 0 {
		return tr(lang, "no benchmark"), verdict
	}
	return strings.Join(parts, " ; "), verdict
}
