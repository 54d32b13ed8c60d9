package simulate

import (
	"sort"
	"strconv"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// The generic stage names of an actual channel result (actuals do not
// tell the kind's own stages).
const (
	StageExposures    = "exposures"
	StageInteractions = "interactions"
)

// WarnSpendUnknown is the Warning of an actual result (Evaluate) for a
// channel some of whose rows have an unknown spend (Unknowns); its Msg is
// MsgSpendUnknown.
const WarnSpendUnknown = "actual_spend_unknown"

// ErrNoActuals is returned by Evaluate for a plan without actuals.
var ErrNoActuals error = &Error{Msg: plan.NewMsg(MsgErrNoActuals)}

// Evaluate computes results from the plan's actuals beside the plan over
// the same months (the months that have at least one actual row).
//
// The actual side, per channel and for the totals: cost = Σ spend (fixed
// costs included); exposures, interactions and leads = Σ of the rows that
// give them (undefined when no row does; leads only in b2b, where they are
// also the conversions — in b2c conversions are the customers); customers
// and revenue as given; cogs as given, or revenue × (1 − gross_margin)
// where unset; mql and sql are unknown (undefined). Every other figure is
// derived by the same definitions as the plan's (roi = net_profit /
// (cost + cogs), …); cpm and ctr use the rows that give exposures; clv and
// break_even_cpa are the plan's; budget_left = plan budget − actual cost;
// payback_month is searched among the evaluated months.
//
// The plan side is the base result restricted to the same months: each
// channel's cost, customers, revenue and cogs of those months, its counts
// and stages scaled by the share of its counts falling in them. Both sides
// keep Monthly* slices of the plan's length (0 outside the evaluated
// months) and list in Months only the evaluated months, cumulated over
// them. Objectives, recommendations and warnings are not repeated.
// Actual.Scenario is "actual"; Plan.Scenario is "base".
//
// A row whose spend nobody knows (plan.Actual.SpendUnknown) leaves the
// actual SpendFigures of its channel and of the totals undefined, and
// adds a WarnSpendUnknown to Actual.Warnings (the rule: Unknowns); the
// monthly timelines (Months, MonthlyCost) add the known spends only.
//
// Variance is actual − plan for every figure of the totals, undefined
// where either side is. Errors: no actuals (ErrNoActuals), a row for an
// unknown channel or outside the plan's months, or the plan's validation
// errors.
func Evaluate(p plan.Plan) (Evaluation, error) {
	if errs := plan.Validate(p); len(errs) > 0 {
		return Evaluation{}, errs
	}
	if len(p.Actuals) == 0 {
		return Evaluation{}, ErrNoActuals
	}
	biz, ins, err := scenarioInputs(p, BaseScenario)
	if err != nil {
		return Evaluation{}, err
	}
	e := newEngine(p, biz, ins)
	idx := map[string]int{}
	for i, c := range p.Channels {
		idx[c.ID] = i
	}
	mask := make([]bool, e.n)
	for k, a := range p.Actuals {
		if _, ok := idx[a.Channel]; !ok {
			return Evaluation{}, errorf(p, nil, MsgErrActualChannel, countArg("row", k+1), plan.TextArg("channel", a.Channel))
		}
		if a.Month < 1 || a.Month > e.n {
			return Evaluation{}, errorf(p, nil, MsgErrActualMonth, countArg("row", k+1), countArg("month", a.Month), countArg("months", e.n))
		}
		mask[a.Month-1] = true
	}
	var ev Evaluation
	for m := 0; m < e.n; m++ {
		if mask[m] {
			ev.Months = append(ev.Months, m+1)
		}
	}
	ev.Plan = e.planOver(mask, ev.Months)
	ev.Actual = e.actualResult(p, idx, ev.Months)
	u := UnknownsOf(p)
	for i := range ev.Actual.Channels {
		if u.Figure(ev.Actual.Channels[i].ID, "cost", nil) {
			forgetSpend(&ev.Actual.Channels[i].Figures)
		}
	}
	if u.Figure("", "cost", nil) {
		forgetSpend(&ev.Actual.Totals)
	}
	ev.Actual.Warnings = append(ev.Actual.Warnings, u.warnings(p)...)
	ev.Variance = variance(ev.Actual.Totals, ev.Plan.Totals)
	return ev, nil
}

// SpendFigures are the figures derived from the cost (MODEL.md's
// definitions): cost itself, net profit and the ratios over it or over
// the cost (roi, romi, net_margin, roas, cpa, cpl, cpc, cpm), the
// break-even customers, the budget left and the payback month. On the
// actual side they are unknown wherever a spend is (Unknowns).
var SpendFigures = []string{"cost", "net_profit", "roi", "romi", "net_margin", "roas", "cpa", "cpl",
	"cpc", "cpm", "break_even_customers", "budget_left", "payback_month"}

var spendFigure = func() map[string]bool {
	m := make(map[string]bool, len(SpendFigures))
	for _, n := range SpendFigures {
		m[n] = true
	}
	return m
}()

// forgetSpend makes the SpendFigures of f undefined: they derive from a
// spend nobody knows.
func forgetSpend(f *Figures) {
	fs := f.fields()
	for i, s := range FigureSpecs() {
		if spendFigure[s.Name] {
			*fs[i] = decimal.NullDecimal{}
		}
	}
}

// Unknowns are the actual rows whose spend nobody knows
// (plan.Actual.SpendUnknown: a Mailchimp export has no cost column).
//
// The rule, for the actual side of Evaluate, Track and the re-forecast:
// a figure of SpendFigures over some channels and months is unknown when
// one of the rows it adds up is — a total of known and unknown spends is
// not known, it is at least the known part. Its value is then undefined
// (null in JSON) and the renderings write "unknown" (MsgFigureUnknown)
// rather than "—" (a ratio over zero) or a misleading 0 €. Figures that do
// not involve the cost (customers, revenue, gross margin, exposures,
// interactions, rates) stay known. A tracked month without any row for a
// channel counts as zero (ChannelTracking.Missing), not as unknown.
type Unknowns struct {
	// Spend maps a channel id to the plan months of its rows whose spend
	// is unknown, ascending; nil when every spend is known.
	Spend map[string][]int
}

// UnknownsOf returns the Unknowns of p's actuals.
func UnknownsOf(p plan.Plan) Unknowns {
	var u Unknowns
	for _, a := range p.Actuals {
		if !a.SpendUnknown {
			continue
		}
		if u.Spend == nil {
			u.Spend = map[string][]int{}
		}
		u.Spend[a.Channel] = append(u.Spend[a.Channel], a.Month)
	}
	for _, ms := range u.Spend {
		sort.Ints(ms)
	}
	return u
}

// Any reports whether some spend is unknown.
func (u Unknowns) Any() bool { return len(u.Spend) > 0 }

// Figure reports whether the actual value of figure name (a figure of
// FigureSpecs, or "click_rate") over channel (its id; "" for every
// channel) and months (plan months; nil for every month) is unknown: the
// figure derives from the cost (SpendFigures) and one of those rows has
// an unknown spend.
func (u Unknowns) Figure(channel, name string, months []int) bool {
	if !spendFigure[name] {
		return false
	}
	for id, ms := range u.Spend {
		if channel != "" && id != channel {
			continue
		}
		if months == nil {
			return true
		}
		for _, m := range ms {
			for _, want := range months {
				if m == want {
					return true
				}
			}
		}
	}
	return false
}

// warnings are the WarnSpendUnknown of u, one per channel in plan order.
func (u Unknowns) warnings(p plan.Plan) []Warning {
	var out []Warning
	for _, c := range p.Channels {
		ms := u.Spend[c.ID]
		if len(ms) == 0 {
			continue
		}
		nums := make([]string, len(ms))
		for i, m := range ms {
			nums[i] = strconv.Itoa(m)
		}
		out = append(out, Warning{Code: WarnSpendUnknown, Channel: c.ID,
			Msg: plan.NewMsg(MsgSpendUnknown, plan.TextArg("channel", c.Name), plan.TextArg("months", strings.Join(nums, ", ")))})
	}
	return out
}

// planOver is the base result restricted to the months of mask.
func (e *engine) planOver(mask []bool, months []int) Result {
	r := Result{Scenario: BaseScenario, Channels: make([]ChannelResult, len(e.chans))}
	for i := range e.chans {
		c := &e.chans[i]
		var sh decimal.Decimal
		cost, cust, rev := make([]decimal.Decimal, e.n), make([]decimal.Decimal, e.n), make([]decimal.Decimal, e.n)
		var mc, mg []decimal.Decimal
		for m := 0; m < e.n; m++ {
			if !mask[m] {
				continue
			}
			sh = sh.Add(c.share[m])
			cost[m], cust[m], rev[m] = c.cost[m], c.cust[m], c.rev[m]
			mc, mg = append(mc, c.cost[m]), append(mg, c.rev[m].Sub(c.cogs[m]))
		}
		st := make([]Stage, len(c.f.stages))
		for j, s := range c.f.stages {
			st[j] = Stage{Name: s.Name, Value: s.Value.Mul(sh), Side: s.Side}
		}
		r.Channels[i] = ChannelResult{ID: c.in.ch.ID, Name: c.in.ch.Name, Kind: c.in.ch.Kind,
			Figures: derive(c.parts(mask), e.clv, decimal.NullDecimal{}, paybackMonth(months, mc, mg)),
			Stages:  st, MonthlyCost: cost, MonthlyCustomers: cust, MonthlyRevenue: rev}
	}
	r.Totals = e.figuresOver(mask)
	var cc, ccu, cg decimal.Decimal
	for _, m := range months {
		mr := MonthResult{Month: m}
		for i := range e.chans {
			c := &e.chans[i]
			mr.Cost = mr.Cost.Add(c.cost[m-1])
			mr.Customers = mr.Customers.Add(c.cust[m-1])
			mr.Revenue = mr.Revenue.Add(c.rev[m-1])
			mr.COGS = mr.COGS.Add(c.cogs[m-1])
		}
		mr.GrossMargin = mr.Revenue.Sub(mr.COGS)
		cc, ccu, cg = cc.Add(mr.Cost), ccu.Add(mr.Customers), cg.Add(mr.GrossMargin)
		mr.CumulativeCost, mr.CumulativeCustomers, mr.CumulativeGrossMargin = cc, ccu, cg
		r.Months = append(r.Months, mr)
	}
	return r
}

// actualParts turns one actual row into parts.
func (e *engine) actualParts(a plan.Actual) parts {
	pt := parts{cost: a.Spend, revenue: a.Revenue, customers: a.Customers, interactions: a.Interactions}
	if a.COGS.Valid {
		pt.cogs = a.COGS.Decimal
	} else {
		pt.cogs = a.Revenue.Mul(one.Sub(e.biz.margin))
	}
	if e.biz.model == plan.B2B {
		pt.leads = a.Leads
		pt.conversions = a.Leads
	} else {
		pt.conversions = valid(a.Customers)
	}
	if a.Exposures.Valid {
		pt.exposures = a.Exposures
		pt.expCost = valid(a.Spend)
		pt.expInteractions = a.Interactions
	}
	return pt
}

// actualResult builds the Result of the actuals over months.
func (e *engine) actualResult(p plan.Plan, idx map[string]int, months []int) Result {
	nc := len(e.chans)
	chParts := make([]parts, nc)
	type cell struct {
		pt   parts
		seen bool
	}
	grid := make([][]cell, nc) // channel × plan month
	for i := range grid {
		grid[i] = make([]cell, e.n)
	}
	rows := append([]plan.Actual(nil), p.Actuals...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Month < rows[j].Month })
	var tot parts
	for _, a := range rows {
		i := idx[a.Channel]
		pt := e.actualParts(a)
		chParts[i].add(pt)
		tot.add(pt)
		g := &grid[i][a.Month-1]
		g.pt.add(pt)
		g.seen = true
	}
	r := Result{Scenario: "actual", Channels: make([]ChannelResult, nc)}
	for i := range e.chans {
		ch := e.chans[i].in.ch
		cost, cust, rev := make([]decimal.Decimal, e.n), make([]decimal.Decimal, e.n), make([]decimal.Decimal, e.n)
		var mc, mg []decimal.Decimal
		for _, m := range months {
			pt := grid[i][m-1].pt
			cost[m-1], cust[m-1], rev[m-1] = pt.cost, pt.customers, pt.revenue
			mc, mg = append(mc, pt.cost), append(mg, pt.revenue.Sub(pt.cogs))
		}
		pt := chParts[i]
		var st []Stage
		if pt.exposures.Valid {
			st = append(st, Stage{Name: StageExposures, Value: pt.exposures.Decimal})
		}
		if pt.interactions.Valid {
			st = append(st, Stage{Name: StageInteractions, Value: pt.interactions.Decimal})
		}
		if pt.leads.Valid {
			st = append(st, Stage{Name: StageLeads, Value: pt.leads.Decimal})
		}
		st = append(st, Stage{Name: StageCustomers, Value: pt.customers})
		r.Channels[i] = ChannelResult{ID: ch.ID, Name: ch.Name, Kind: ch.Kind,
			Figures: derive(pt, e.clv, decimal.NullDecimal{}, paybackMonth(months, mc, mg)),
			Stages:  st, MonthlyCost: cost, MonthlyCustomers: cust, MonthlyRevenue: rev}
	}
	var mc, mg []decimal.Decimal
	var cc, ccu, cg decimal.Decimal
	for _, m := range months {
		mr := MonthResult{Month: m}
		for i := 0; i < nc; i++ {
			pt := grid[i][m-1].pt
			mr.Cost = mr.Cost.Add(pt.cost)
			mr.Customers = mr.Customers.Add(pt.customers)
			mr.Revenue = mr.Revenue.Add(pt.revenue)
			mr.COGS = mr.COGS.Add(pt.cogs)
		}
		mr.GrossMargin = mr.Revenue.Sub(mr.COGS)
		cc, ccu, cg = cc.Add(mr.Cost), ccu.Add(mr.Customers), cg.Add(mr.GrossMargin)
		mr.CumulativeCost, mr.CumulativeCustomers, mr.CumulativeGrossMargin = cc, ccu, cg
		mc, mg = append(mc, mr.Cost), append(mg, mr.GrossMargin)
		r.Months = append(r.Months, mr)
	}
	r.Totals = derive(tot, e.clv, valid(p.Info.Budget), paybackMonth(months, mc, mg))
	return r
}

// fields returns pointers to every figure of f, in FigureSpecs order.
func (f *Figures) fields() []*decimal.NullDecimal {
	return []*decimal.NullDecimal{&f.Cost, &f.Revenue, &f.COGS, &f.GrossMargin, &f.NetProfit, &f.ROI,
		&f.ROMI, &f.NetMargin, &f.ROAS, &f.CPA, &f.CPL, &f.CPC, &f.CPM, &f.CTR, &f.ConversionRate,
		&f.BreakEvenCustomers, &f.BreakEvenCPA, &f.PaybackMonth, &f.BudgetLeft, &f.Exposures,
		&f.Interactions, &f.Conversions, &f.Leads, &f.MQL, &f.SQL, &f.Customers, &f.CLV}
}

// variance is a − b figure by figure, undefined where either is.
func variance(a, b Figures) Figures {
	var v Figures
	af, bf, vf := a.fields(), b.fields(), v.fields()
	for i := range vf {
		if af[i].Valid && bf[i].Valid {
			*vf[i] = valid(af[i].Decimal.Sub(bf[i].Decimal))
		}
	}
	return v
}
