package simulate

import (
	"fmt"
	"strings"
	"sync/atomic"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// BaseScenario is the name of the plan as written, for RunScenario and
// Result.Scenario.
const BaseScenario = "base"

// Run simulates the plan as written (the base scenario) with the default
// benchmark library. It returns the plan's validation errors (a
// plan.ErrorList) if p is invalid.
//
// Readings of MODEL.md made here (see also each helper's comment):
//   - a channel's cost is spread evenly over its active months; its counts
//     (exposures, interactions, leads, customers…) too, except seo and
//     content, whose counts follow each month's ramped visits;
//   - a channel active in no month of the plan does not run: cost and every
//     count are 0 (its stages are listed with zeros; a warning says so);
//   - the last active month takes the rounding remainder of an even split,
//     so the months of a channel add up exactly to its totals;
//   - every rate is clamped to [0, 1] and every other input to ≥ 0 before
//     the funnel (a no-op for a valid plan).
func Run(p plan.Plan) (Result, error) { return RunWith(p, plan.DefaultLibrary()) }

// RunWith is Run with a given benchmark library.
func RunWith(p plan.Plan, lib plan.Library) (Result, error) {
	if errs := plan.Validate(p); len(errs) > 0 {
		return Result{}, errs
	}
	return runScenario(p, BaseScenario, lib, nil)
}

// runDerived runs the base scenario of a plan the engine derived from the
// user's (the optimiser's or goal seek's budgets, a probe, a re-forecast's
// corrected rates), as RunWith does. Such a plan is built to be valid;
// should it not be, the error says it is CampaignSim's defect and is not
// a plan.ErrorList, which callers print as the user's file's errors
// ("channels[1].budget … out of range" about a value the user never
// wrote). what names the tool, e.g. "optimize".
func runDerived(q plan.Plan, lib plan.Library, what string) (Result, error) {
	if err := checkDerived(q, what); err != nil {
		return Result{}, err
	}
	return runScenario(q, BaseScenario, lib, nil)
}

// checkDerived validates a derived plan (see runDerived).
func checkDerived(q plan.Plan, what string) error {
	if errs := plan.Validate(q); len(errs) > 0 {
		return fmt.Errorf("simulate: %s: the plan CampaignSim derived from yours is invalid (%s): a defect of CampaignSim, not of the plan file",
			what, strings.ReplaceAll(errs.Error(), "\n", "; "))
	}
	return nil
}

// RunScenario simulates the named scenario ("base" for the plan as
// written) with the default library. An unknown name is an error.
// The SMART checklist's Achievable letter is judged on the base result
// (MODEL.md: "met by the base result"), so a scenario's checklist equals
// the base one while its Value, Met and Gap are the scenario's own.
func RunScenario(p plan.Plan, name string) (Result, error) {
	return runScenarioWith(p, name, plan.DefaultLibrary())
}

func runScenarioWith(p plan.Plan, name string, lib plan.Library) (Result, error) {
	if errs := plan.Validate(p); len(errs) > 0 {
		return Result{}, errs
	}
	if name == BaseScenario {
		return runScenario(p, name, lib, nil)
	}
	base, err := runScenario(p, BaseScenario, lib, nil)
	if err != nil {
		return Result{}, err
	}
	return runScenario(p, name, lib, base.Objectives)
}

// RunAll simulates the base scenario then every scenario of the plan, in
// file order: the results side by side.
func RunAll(p plan.Plan) ([]Result, error) {
	if errs := plan.Validate(p); len(errs) > 0 {
		return nil, errs
	}
	return runAllValid(p, plan.DefaultLibrary())
}

// runAllValid is RunAll on a plan already validated.
func runAllValid(p plan.Plan, lib plan.Library) ([]Result, error) {
	base, err := runScenario(p, BaseScenario, lib, nil)
	if err != nil {
		return nil, err
	}
	out := []Result{base}
	for _, s := range p.Scenarios {
		r, err := runScenario(p, s.Name, lib, base.Objectives)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// engineRuns counts the scenarios the decimal engine has run (runScenario):
// the tests check with it that a computation runs nothing twice.
var engineRuns atomic.Int64

// runScenario runs one scenario; baseObj, when given, supplies the SMART
// checklists (judged on the base result).
func runScenario(p plan.Plan, name string, lib plan.Library, baseObj []ObjectiveResult) (Result, error) {
	engineRuns.Add(1)
	biz, ins, err := scenarioInputs(p, name)
	if err != nil {
		return Result{}, err
	}
	e := newEngine(p, biz, ins)
	r := e.result(name)
	r.Objectives = e.objectives(baseObj)
	r.Recommendations = e.recommendations(lib, r)
	r.Warnings = e.warnings(r)
	return r, nil
}

// chanRun is one channel's run: its funnel and its months.
type chanRun struct {
	in     *inputs
	f      funnel
	share  []decimal.Decimal // share of the channel's counts in each plan month (Σ = 1 exactly, or all 0)
	cost   []decimal.Decimal // per plan month
	cust   []decimal.Decimal
	rev    []decimal.Decimal
	cogs   []decimal.Decimal
	active int // number of active months
}

// engine holds one scenario's run of a plan.
type engine struct {
	p     plan.Plan
	biz   business
	coh   cohort // biz's cohort constants
	clv   decimal.Decimal
	n     int // plan months
	chans []chanRun
	// months numbers 1..n, for paybackMonth.
	months []int
}

func newEngine(p plan.Plan, biz business, ins []inputs) *engine {
	n := p.Info.Months
	if n < 0 {
		n = 0
	}
	e := &engine{p: p, biz: biz, coh: biz.cohort(), clv: biz.clv(), n: n, chans: make([]chanRun, len(ins)), months: make([]int, n)}
	for m := range e.months {
		e.months[m] = m + 1
	}
	for i := range ins {
		e.chans[i] = e.runChannel(&ins[i])
	}
	return e
}

// shares splits 1 over the months of mask in proportion to weights (one
// per active month; nil or all zero: equal), the last active month taking
// the remainder so the shares add up to exactly 1. An equal share is
// 1/k rounded to Precision, computed once: the other months share that
// one value, and the last one gets 1 − (k−1)·(1/k).
func shares(n int, mask []bool, k int, weights []decimal.Decimal) []decimal.Decimal {
	s := make([]decimal.Decimal, n)
	if k == 0 {
		return s
	}
	var total decimal.Decimal
	for _, w := range weights {
		total = add(total, w)
	}
	even := total.IsZero()
	var each decimal.Decimal
	if even {
		each = one.DivRound(decimal.NewFromInt(int64(k)), Precision)
	}
	var sum decimal.Decimal
	j := 0
	for m := 0; m < n; m++ {
		if !mask[m] {
			continue
		}
		j++
		if j == k {
			if even {
				sum = each.Mul(decimal.NewFromInt(int64(k - 1)))
			}
			s[m] = sub(one, sum)
			break
		}
		if even {
			s[m] = each
			continue
		}
		s[m] = weights[j-1].DivRound(total, Precision)
		sum = add(sum, s[m])
	}
	return s
}

// split sets out[m] = total × share[m] rounded to Precision for the
// months of mask, the last one taking the remainder so that the months add
// up to total exactly. A run of months with equal shares (an even split)
// shares one product, and the run is added to the sum in one
// multiplication.
func split(out []decimal.Decimal, total decimal.Decimal, share []decimal.Decimal, mask []bool) {
	last := -1
	var sum, v, runShare decimal.Decimal
	run := int64(0) // months holding v since the last flush into sum
	flush := func() {
		if run > 0 {
			sum = add(sum, v.Mul(decimal.NewFromInt(run)))
			run = 0
		}
	}
	for m := range out {
		if !mask[m] {
			continue
		}
		if last >= 0 {
			if run == 0 || !share[last].Equal(runShare) {
				flush()
				runShare = share[last]
				v = total.Mul(runShare).Round(Precision)
			}
			out[last] = v
			run++
		}
		last = m
	}
	flush()
	if last >= 0 {
		out[last] = sub(total, sum)
	}
}

func (e *engine) runChannel(in *inputs) chanRun {
	c := chanRun{in: in}
	mask := make([]bool, e.n)
	for m := 1; m <= e.n; m++ {
		if in.ch.IsActive(m, e.n) {
			mask[m-1] = true
			c.active++
		}
	}
	if c.active == 0 {
		c.f = runFunnel(in, &e.biz, 1).zeroed()
	} else {
		c.f = runFunnel(in, &e.biz, c.active)
	}
	c.share = shares(e.n, mask, c.active, c.f.weights)
	costShare := c.share
	if c.f.weights != nil {
		costShare = shares(e.n, mask, c.active, nil)
	}
	c.cost = make([]decimal.Decimal, e.n)
	c.cust = make([]decimal.Decimal, e.n)
	c.rev = make([]decimal.Decimal, e.n)
	c.cogs = make([]decimal.Decimal, e.n)
	split(c.cost, c.f.cost, costShare, mask)
	split(c.cust, c.f.customers, c.share, mask)
	e.coh.money(c.cust, c.rev, c.cogs)
	return c
}

// parts returns the channel's parts over the months where in[m] is true
// (nil: every month).
func (c *chanRun) parts(in []bool) parts {
	var pt parts
	var sh decimal.Decimal
	if in == nil {
		// The months of the cost add up to the cost exactly (split).
		pt.cost = c.f.cost
	}
	for m := range c.cost {
		if in != nil && !in[m] {
			continue
		}
		if in != nil {
			sh = add(sh, c.share[m])
			pt.cost = add(pt.cost, c.cost[m])
		}
		pt.revenue = add(pt.revenue, c.rev[m])
		pt.cogs = add(pt.cogs, c.cogs[m])
	}
	f := &c.f
	scale := func(x decimal.Decimal) decimal.Decimal {
		if in == nil {
			if c.active == 0 {
				return zero
			}
			return x
		}
		return x.Mul(sh)
	}
	scaleN := func(x decimal.NullDecimal) decimal.NullDecimal {
		if !x.Valid {
			return x
		}
		return valid(scale(x.Decimal))
	}
	pt.customers = scale(f.customers)
	pt.interactions = valid(scale(f.interactions))
	pt.conversions = valid(scale(f.conversions))
	pt.leads, pt.mql, pt.sql = scaleN(f.leads), scaleN(f.mql), scaleN(f.sql)
	if f.exposures.Valid {
		pt.exposures = valid(scale(f.exposures.Decimal))
		pt.expCost = valid(pt.cost)
		pt.expInteractions = pt.interactions
	}
	return pt
}

// gm returns the channel's monthly gross margin.
func (c *chanRun) gm() []decimal.Decimal {
	g := make([]decimal.Decimal, len(c.rev))
	for m := range g {
		g[m] = sub(c.rev[m], c.cogs[m])
	}
	return g
}

// result assembles the totals, channels and timeline.
func (e *engine) result(name string) Result {
	r := Result{Scenario: name, Channels: make([]ChannelResult, len(e.chans)), Months: make([]MonthResult, e.n)}
	var tot parts
	for i := range e.chans {
		c := &e.chans[i]
		pt := c.parts(nil)
		tot.add(pt)
		r.Channels[i] = ChannelResult{
			ID: c.in.ch.ID, Name: c.in.ch.Name, Kind: c.in.ch.Kind,
			Figures:          derive(pt, e.clv, decimal.NullDecimal{}, paybackMonth(e.months, c.cost, c.gm())),
			Stages:           c.f.stages,
			MonthlyCost:      c.cost,
			MonthlyCustomers: c.cust,
			MonthlyRevenue:   c.rev,
			ClickToOpen:      c.f.clickToOpen,
		}
		cr := &r.Channels[i]
		kpis := ChannelKPIs(c.in.ch.Kind)
		cr.KPIs = make([]KPI, 0, len(kpis))
		for _, kpi := range kpis {
			v, ok := kpiValue(c, cr, kpi)
			cr.KPIs = append(cr.KPIs, KPI{Name: kpi, Value: decimal.NullDecimal{Decimal: v, Valid: ok}})
		}
	}
	cost, gm := make([]decimal.Decimal, e.n), make([]decimal.Decimal, e.n)
	var cc, ccu, cg decimal.Decimal
	for m := 0; m < e.n; m++ {
		mr := MonthResult{Month: m + 1}
		for i := range e.chans {
			c := &e.chans[i]
			mr.Cost = add(mr.Cost, c.cost[m])
			mr.Customers = add(mr.Customers, c.cust[m])
			mr.Revenue = add(mr.Revenue, c.rev[m])
			mr.COGS = add(mr.COGS, c.cogs[m])
		}
		mr.GrossMargin = sub(mr.Revenue, mr.COGS)
		cc, ccu, cg = add(cc, mr.Cost), add(ccu, mr.Customers), add(cg, mr.GrossMargin)
		mr.CumulativeCost, mr.CumulativeCustomers, mr.CumulativeGrossMargin = cc, ccu, cg
		cost[m], gm[m] = mr.Cost, mr.GrossMargin
		r.Months[m] = mr
	}
	r.Totals = derive(tot, e.clv, valid(e.p.Info.Budget), paybackMonth(e.months, cost, gm))
	return r
}

// figuresOver returns the plan's figures over the months where in[m] is
// true (the payback month is searched among those months, in order).
func (e *engine) figuresOver(in []bool) Figures {
	var tot parts
	var months []int
	cost, gm := []decimal.Decimal{}, []decimal.Decimal{}
	for i := range e.chans {
		tot.add(e.chans[i].parts(in))
	}
	for m := 0; m < e.n; m++ {
		if !in[m] {
			continue
		}
		var c, g decimal.Decimal
		for i := range e.chans {
			ch := &e.chans[i]
			c = add(c, ch.cost[m])
			g = add(g, sub(ch.rev[m], ch.cogs[m]))
		}
		months = append(months, m+1)
		cost, gm = append(cost, c), append(gm, g)
	}
	return derive(tot, e.clv, valid(e.p.Info.Budget), paybackMonth(months, cost, gm))
}
