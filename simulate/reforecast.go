package simulate

import (
	"context"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// CredibilityEvents is the k of the re-forecast's credibility weighting
// for rates, in expected events: the plan's rate counts as much as a
// sample in which the plan expected CredibilityEvents events (clicks,
// conversions, responses). For a rate planned at p over an observed
// volume n (the rate's denominator: interactions for a conversion rate,
// exposures for a ctr), k = CredibilityEvents / p trials and the weight of
// the observation is w = n / (n + k) = n·p / (n·p + CredibilityEvents):
// 10 expected events weigh one half, 90 weigh nine tenths. (This is the
// mean of a Beta prior of strength k centred on the plan: Bühlmann's
// credibility for a binomial rate.)
var CredibilityEvents = decimal.NewFromInt(10)

// CredibilityClicks and CredibilityImpressions are the k of the cost per
// result, in the volume's unit: a planned cpc counts as much as 100
// observed clicks, a planned cpm as much as 100 000 observed impressions.
var (
	CredibilityClicks      = decimal.NewFromInt(100)
	CredibilityImpressions = decimal.NewFromInt(100000)
)

// credibilityFallback is k, in trials, for a rate the plan set to 0 (k =
// events / 0 has no meaning): 1 000 trials.
var credibilityFallback = decimal.NewFromInt(1000)

// ReforecastInput is one channel input corrected by the actuals:
// Blended = Weight·Observed + (1 − Weight)·Planned with Weight = Volume /
// (Volume + K), then held within the key's valid range (a rate 0..1, a
// search ctr above 0, cpc and cpm above 0 and at most 10^12): actuals
// better than any rate can be (100 customers from 5 clicks) give a
// Blended of 1, not 2. Observed is the measured value, unclamped. Input names a channel key: conversion_rate; click_rate
// (email, sms: clicks / delivered); ctr (search with a ctr, display,
// social_ads, social_organic, influencer); response_rate (print, event,
// partnership); cpc (search: media spend / clicks); cpm (display,
// social_ads: media spend / impressions × 1000). Media spend is the actual
// spend less the channel's planned fixed cost of those months (at least 0),
// over the months whose spend is known (Unknowns): a row without a known
// spend measures no cpc or cpm. Volume is the observed denominator (interactions, exposures, clicks or
// impressions) and K is in the same unit.
type ReforecastInput struct {
	Channel  string
	Input    string
	Planned  decimal.Decimal
	Observed decimal.Decimal
	Volume   decimal.Decimal
	K        decimal.Decimal
	Weight   decimal.Decimal // 0..1
	Blended  decimal.Decimal
	// Lagging is true when the observed value is worse than the planned
	// one by more than TrackingTolerance (a rate lower, a cost higher).
	Lagging bool
}

// ChannelForecast is one channel's end-of-plan forecast.
type ChannelForecast struct {
	ID      string
	Name    string
	Figures Figures
}

// Reforecast is a new end-of-plan forecast made from the actuals: the
// months 1..LastMonth as they happened, the months after with the plan's
// rates corrected by what the actuals showed (ReforecastInput).
//
// Reading: each channel's corrected rates are applied to the whole plan
// (Plan), which the engine runs; the forecast takes that run's months
// after LastMonth (their cost, counts and customers) and adds them to the
// actual rows. Money of the later months follows the cohorts: the repeat
// orders of the customers actually won come on top of those of the
// forecast customers (the engine's cohort rule on the combined monthly
// customers). A channel with no actual row keeps its planned rates. The
// forecast is deterministic; the chance of each objective (see
// ReforecastChances) is Monte Carlo on the corrected Plan as a whole —
// "had the observed rates held from the start" — not conditioned on the
// months already run.
type Reforecast struct {
	// FromMonth is the first month forecast (LastMonth + 1); above the
	// plan's months when every month has run.
	FromMonth int
	Inputs    []ReforecastInput
	// Plan is the plan with the blended rates (its ranges moved with them,
	// keeping their relative width).
	Plan plan.Plan
	// Totals are the end-of-plan figures: actuals + forecast months;
	// PlanTotals the plan's own (base run).
	Totals, PlanTotals Figures
	Channels           []ChannelForecast
	// Months is the combined timeline: actual months then forecast ones.
	Months []MonthResult
	// Objectives are each objective's value at its deadline on the combined
	// timeline (the SMART checklist is not filled).
	Objectives []ObjectiveResult
	// Recommendations name the levers of the library for each lagging
	// input (its benchmark's levers), and cpa-above-clv when the
	// forecast CPA of a channel or of the plan exceeds the CLV.
	Recommendations []Recommendation

	// monthFigures are the figures of each month of the combined timeline
	// (for the dashboard's trends).
	monthFigures []Figures
	// objectiveUnknown says, per objective, that its Value is undefined
	// because it derives from a spend nobody knows (Unknowns).
	objectiveUnknown []bool
}

// weight returns n / (n + k), 0 when n = 0.
func weight(n, k decimal.Decimal) decimal.Decimal {
	if n.Sign() <= 0 {
		return zero
	}
	return n.DivRound(n.Add(k), Precision)
}

// inputBounds is the valid range [lo, hi] of a re-forecast input, the
// range plan.Validate checks for the key.
type inputBounds struct{ lo, hi decimal.Decimal }

// tiny is the smallest positive decimal at Precision places: the low end
// of a key that must be above 0.
var tiny = decimal.New(1, -Precision)

// boundsOf returns the valid range of input name on a channel of kind k:
// a rate is a fraction 0..1, a search ctr above 0 (impressions are clicks
// / ctr), so from tiny; cpc and cpm are amounts above 0, so tiny..10^12.
func boundsOf(k plan.Kind, name string) inputBounds {
	switch {
	case name == "cpc" || name == "cpm":
		return inputBounds{tiny, maxAmount}
	case name == "ctr" && k == plan.Search:
		return inputBounds{tiny, one}
	}
	return inputBounds{zero, one}
}

// clamp returns x held within [b.lo, b.hi].
func (b inputBounds) clamp(x decimal.Decimal) decimal.Decimal {
	if x.LessThan(b.lo) {
		return b.lo
	}
	if x.GreaterThan(b.hi) {
		return b.hi
	}
	return x
}

// blend returns the ReforecastInput for a rate or a cost, the blended
// value held within bounds: the observed value may lie far outside the
// key's range (a conversion rate of 20 when 100 customers came from 5
// clicks; a cpc of millions over a fraction of a click), and the blended
// one must stay a value the user could have written, so that the
// corrected plan is valid. Observed is reported as measured, unclamped.
func blend(channel, input string, planned, observed, volume, k decimal.Decimal, lowerBetter bool, bounds inputBounds) ReforecastInput {
	w := weight(volume, k)
	b := bounds.clamp(w.Mul(observed).Add(one.Sub(w).Mul(planned)).Round(Precision))
	ri := ReforecastInput{Channel: channel, Input: input, Planned: planned, Observed: observed,
		Volume: volume, K: k, Weight: w, Blended: b}
	better := "at_least"
	if lowerBetter {
		better = "at_most"
	}
	ri.Lagging = status(valid(observed), valid(planned), better) == StatusBehind
	return ri
}

// rateK is k for a rate planned at p: CredibilityEvents / p trials.
func rateK(p decimal.Decimal) decimal.Decimal {
	if p.Sign() <= 0 {
		return credibilityFallback
	}
	return CredibilityEvents.DivRound(p, Precision)
}

// observedInputs returns the corrected inputs of channel i from its rows.
func (tk *tracker) observedInputs(i int) []ReforecastInput {
	c := &tk.e.chans[i]
	ch := c.in.ch
	// spend, fixed, clicks and expo are over the rows whose spend is
	// known: the cost per click or per thousand of the others is unknown.
	var spend, fixed, expo, clicks, inter, expoI, interE, conv decimal.Decimal
	var any bool
	fixedPerMonth := zero
	if c.active > 0 {
		fixedPerMonth = c.in.fixedCost.DivRound(decimal.NewFromInt(int64(c.active)), Precision)
	}
	for m := range tk.grid[i] {
		if !tk.seen[i][m] {
			continue
		}
		pt := tk.grid[i][m]
		any = true
		if !tk.unknown[i][m] {
			spend = spend.Add(pt.cost)
			fixed = fixed.Add(fixedPerMonth)
			if pt.exposures.Valid {
				expo = expo.Add(pt.exposures.Decimal)
			}
			if pt.interactions.Valid {
				clicks = clicks.Add(pt.interactions.Decimal)
			}
		}
		if pt.interactions.Valid && pt.conversions.Valid {
			inter = inter.Add(pt.interactions.Decimal)
			conv = conv.Add(pt.conversions.Decimal)
		}
		if pt.exposures.Valid && pt.interactions.Valid {
			expoI = expoI.Add(pt.exposures.Decimal)
			interE = interE.Add(pt.interactions.Decimal)
		}
	}
	if !any {
		return nil
	}
	media := spend.Sub(fixed)
	if media.Sign() < 0 {
		media = zero
	}
	var out []ReforecastInput
	if inter.Sign() > 0 {
		obs := conv.DivRound(inter, Precision)
		out = append(out, blend(ch.ID, "conversion_rate", c.in.conversionRate, obs, inter, rateK(c.in.conversionRate), false, boundsOf(ch.Kind, "conversion_rate")))
	}
	if expoI.Sign() > 0 {
		obs := clamp01(interE.DivRound(expoI, Precision))
		switch ch.Kind {
		case plan.Email, plan.SMS:
			out = append(out, blend(ch.ID, "click_rate", c.in.click, obs, expoI, rateK(c.in.click), false, boundsOf(ch.Kind, "click_rate")))
		case plan.Display, plan.SocialAds, plan.SocialOrganic, plan.Influencer:
			out = append(out, blend(ch.ID, "ctr", c.in.ctr.Decimal, obs, expoI, rateK(c.in.ctr.Decimal), false, boundsOf(ch.Kind, "ctr")))
		case plan.Search:
			if c.in.ctr.Valid {
				out = append(out, blend(ch.ID, "ctr", c.in.ctr.Decimal, obs, expoI, rateK(c.in.ctr.Decimal), false, boundsOf(ch.Kind, "ctr")))
			}
		case plan.Print, plan.Event, plan.Partnership:
			out = append(out, blend(ch.ID, "response_rate", c.in.responseRate, obs, expoI, rateK(c.in.responseRate), false, boundsOf(ch.Kind, "response_rate")))
		}
	}
	switch ch.Kind {
	case plan.Search:
		if clicks.Sign() > 0 && media.Sign() > 0 {
			out = append(out, blend(ch.ID, "cpc", c.in.cpc, media.DivRound(clicks, Precision), clicks, CredibilityClicks, true, boundsOf(ch.Kind, "cpc")))
		}
	case plan.Display, plan.SocialAds:
		if expo.Sign() > 0 && media.Sign() > 0 {
			out = append(out, blend(ch.ID, "cpm", c.in.cpm, media.Mul(thou).DivRound(expo, Precision), expo, CredibilityImpressions, true, boundsOf(ch.Kind, "cpm")))
		}
	}
	return out
}

// setInput sets a channel key to v and moves its range, if any, by the
// same factor, its ends held within the key's valid range (boundsOf: a
// range already reaching 10^12 or 1 is not pushed past it); a range around
// 0 is dropped. v is within that range (blend).
func setInput(c *plan.Channel, name string, v decimal.Decimal) {
	old := zero
	switch name {
	case "conversion_rate":
		old, c.ConversionRate = c.ConversionRate, v
	case "click_rate":
		old, c.ClickRate = c.ClickRate, v
	case "ctr":
		old, c.CTR = c.CTR.Decimal, valid(v)
	case "response_rate":
		old, c.ResponseRate = c.ResponseRate, v
	case "cpc":
		old, c.CPC = c.CPC, v
	case "cpm":
		old, c.CPM = c.CPM, v
	}
	rs := c.Ranges[:0:0]
	for _, r := range c.Ranges {
		if r.Input == name {
			if old.Sign() <= 0 {
				continue
			}
			f := v.DivRound(old, Precision)
			b := boundsOf(c.Kind, name)
			r.Low, r.High = b.clamp(r.Low.Mul(f).Round(Precision)), b.clamp(r.High.Mul(f).Round(Precision))
			if r.Low.GreaterThan(v) {
				r.Low = v
			}
			if r.High.LessThan(v) {
				r.High = v
			}
		}
		rs = append(rs, r)
	}
	c.Ranges = rs
}

// reforecast builds the Reforecast of the plan of tk (see Reforecast).
func reforecast(p plan.Plan, lib plan.Library, tk *tracker) Reforecast {
	n := tk.e.n
	last := 0
	for i := range tk.seen {
		for m := range tk.seen[i] {
			if tk.seen[i][m] && m+1 > last {
				last = m + 1
			}
		}
	}
	rf := Reforecast{FromMonth: last + 1, Plan: p.Clone()}
	for i := range tk.e.chans {
		ins := tk.observedInputs(i)
		for _, in := range ins {
			setInput(&rf.Plan.Channels[i], in.Input, in.Blended)
		}
		rf.Inputs = append(rf.Inputs, ins...)
	}
	biz, ins, _ := scenarioInputs(rf.Plan, BaseScenario)
	ce := newEngine(rf.Plan, biz, ins)
	rf.PlanTotals = tk.e.result(BaseScenario).Totals

	// Combined per channel: actual parts by month (m ≤ last), corrected
	// run's parts after, with the money of the combined cohorts.
	nc := len(ce.chans)
	rev := make([][]decimal.Decimal, nc)
	cogs := make([][]decimal.Decimal, nc)
	for i := range ce.chans {
		c := &ce.chans[i]
		cust := make([]decimal.Decimal, n)
		for m := 0; m < n; m++ {
			if m < last {
				cust[m] = tk.grid[i][m].customers
			} else {
				cust[m] = c.cust[m]
			}
		}
		rev[i], cogs[i] = make([]decimal.Decimal, n), make([]decimal.Decimal, n)
		ce.biz.cohortMoney(cust, rev[i], cogs[i])
	}
	var overFrom func(ch, from, upto int, budget decimal.NullDecimal) Figures
	// monthParts returns channel i's combined parts in month m (0-based).
	// The forecast months are made once (grid), not at each of the
	// several sums that read them: each costs a pass over the months.
	forecast := make([][]parts, nc)
	mask := make([]bool, n)
	for i := range ce.chans {
		forecast[i] = make([]parts, n)
		for m := last; m < n; m++ {
			mask[m] = true
			pt := ce.chans[i].parts(mask)
			mask[m] = false
			pt.revenue, pt.cogs = rev[i][m], cogs[i][m]
			forecast[i][m] = pt
		}
	}
	monthParts := func(i, m int) parts {
		if m < last {
			return tk.grid[i][m]
		}
		return forecast[i][m]
	}
	over := func(ch int, upto int, budget decimal.NullDecimal) Figures {
		return overFrom(ch, 0, upto, budget)
	}
	// overFrom derives the combined figures of channel ch (-1: every
	// channel) over months from..upto-1 (0-based); those of SpendFigures
	// are undefined when an actual month among them has an unknown spend
	// (Unknowns: actual + forecast is not known when the actual is not).
	overFrom = func(ch, from, upto int, budget decimal.NullDecimal) Figures {
		var tot parts
		var months []int
		var cost, gm []decimal.Decimal
		unknown := false
		for m := from; m < upto; m++ {
			var c, g decimal.Decimal
			first, end := 0, nc // every channel, or channel ch alone
			if ch >= 0 {
				first, end = ch, ch+1
			}
			for i := first; i < end; i++ {
				pt := monthParts(i, m)
				tot.add(pt)
				c, g = c.Add(pt.cost), g.Add(pt.revenue.Sub(pt.cogs))
				unknown = unknown || (m < last && tk.unknown[i][m])
			}
			months, cost, gm = append(months, m+1), append(cost, c), append(gm, g)
		}
		f := derive(tot, ce.clv, budget, paybackMonth(months, cost, gm))
		if unknown {
			forgetSpend(&f)
		}
		return f
	}
	rf.Totals = over(-1, n, valid(p.Info.Budget))
	for m := 0; m < n; m++ {
		rf.monthFigures = append(rf.monthFigures, overFrom(-1, m, m+1, decimal.NullDecimal{}))
	}
	for i := range ce.chans {
		ch := ce.chans[i].in.ch
		rf.Channels = append(rf.Channels, ChannelForecast{ID: ch.ID, Name: ch.Name, Figures: over(i, n, decimal.NullDecimal{})})
	}
	var cc, ccu, cg decimal.Decimal
	for m := 0; m < n; m++ {
		mr := MonthResult{Month: m + 1}
		for i := 0; i < nc; i++ {
			pt := monthParts(i, m)
			mr.Cost, mr.Customers = mr.Cost.Add(pt.cost), mr.Customers.Add(pt.customers)
			mr.Revenue, mr.COGS = mr.Revenue.Add(pt.revenue), mr.COGS.Add(pt.cogs)
		}
		mr.GrossMargin = mr.Revenue.Sub(mr.COGS)
		cc, ccu, cg = cc.Add(mr.Cost), ccu.Add(mr.Customers), cg.Add(mr.GrossMargin)
		mr.CumulativeCost, mr.CumulativeCustomers, mr.CumulativeGrossMargin = cc, ccu, cg
		rf.Months = append(rf.Months, mr)
	}
	for _, o := range p.Objectives {
		dir := o.Direction
		if dir == "" {
			dir = plan.AtLeast
		}
		dm, _ := ce.deadlineMonth(o)
		or := ObjectiveResult{ID: o.ID, Metric: o.Metric, Target: o.Target, Direction: dir}
		unknown := false
		if spec, ok := SpecOf(o.Metric); ok {
			or.Value = spec.Get(over(-1, dm, valid(p.Info.Budget)))
			if spendFigure[spec.Name] {
				for m := 0; m < min(dm, last); m++ {
					for i := 0; i < nc; i++ {
						unknown = unknown || tk.unknown[i][m]
					}
				}
			}
		}
		rf.objectiveUnknown = append(rf.objectiveUnknown, unknown)
		if or.Value.Valid {
			c := or.Value.Decimal.Cmp(o.Target)
			or.Met = c >= 0
			if dir == plan.AtMost {
				or.Met = c <= 0
			}
			or.Gap = valid(or.Value.Decimal.Sub(o.Target))
		}
		rf.Objectives = append(rf.Objectives, or)
	}
	rf.Recommendations = reforecastLevers(p, lib, rf, ce)
	return rf
}

// reforecastLevers recommends the levers of each lagging input (the
// levers of the library's benchmark for the input's KPI, the same lookup
// as the plan's recommendations), then cpa-above-clv for each channel and
// the plan whose forecast CPA exceeds the CLV.
func reforecastLevers(p plan.Plan, lib plan.Library, rf Reforecast, ce *engine) []Recommendation {
	var out []Recommendation
	for _, in := range rf.Inputs {
		if !in.Lagging {
			continue
		}
		ch, _ := p.Channel(in.Channel)
		b, ok := findBenchmark(lib, ch.Kind, p.Business.Sector, in.Input)
		if !ok {
			continue
		}
		src, srcEN := b.SourceIn(plan.LangFR), b.SourceIn(plan.LangEN) // Recommendation.SourceIn
		for _, id := range b.Levers {
			out = append(out, Recommendation{Channel: in.Channel, KPI: in.Input, Value: in.Observed,
				Benchmark: in.Planned, Below: in.Input != "cpc" && in.Input != "cpm", Lever: findLever(lib, id), Source: src, SourceEN: srcEN})
		}
	}
	lever := findLever(lib, LeverCPAAboveCLV)
	add := func(channel string, f Figures) {
		if f.CPA.Valid && f.CPA.Decimal.GreaterThan(ce.clv) {
			out = append(out, Recommendation{Channel: channel, KPI: "cpa", Value: f.CPA.Decimal, Benchmark: ce.clv,
				Lever: lever, Source: lever.Source, SourceEN: lever.SourceEN})
		}
	}
	for _, c := range rf.Channels {
		add(c.ID, c.Figures)
	}
	add("", rf.Totals)
	return out
}

// ReforecastChances returns the chance of meeting each objective, in the
// plan's order. An objective whose deadline month has already run (every
// month up to it has actuals) is decided: its chance is 1 when the actuals
// meet it and 0 when they do not. For the others it runs Uncertainty on the
// re-forecast's corrected plan (see Reforecast for that reading: the
// corrected plan as a whole, not conditioned on the months already run).
func ReforecastChances(ctx context.Context, rf Reforecast, opt UncertaintyOptions) ([]ObjectiveChance, error) {
	out := make([]ObjectiveChance, len(rf.Plan.Objectives))
	open := false
	for i, o := range rf.Plan.Objectives {
		out[i] = ObjectiveChance{ID: o.ID, Metric: o.Metric, Probability: decimal.NewFromInt(-1)}
		if objectiveMonth(rf.Plan, o) < rf.FromMonth && i < len(rf.Objectives) {
			out[i].Probability = zero
			if rf.Objectives[i].Met {
				out[i].Probability = one
			}
			continue
		}
		open = true
	}
	if !open {
		return out, nil
	}
	if err := checkDerived(rf.Plan, "re-forecast"); err != nil {
		// rf.Plan is derived by the engine, not written by the user.
		return nil, err
	}
	r, err := Uncertainty(ctx, rf.Plan, opt)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Probability.IsNegative() && i < len(r.Objectives) {
			out[i] = r.Objectives[i]
		}
	}
	return out, nil
}

// objectiveMonth is the plan month at whose end an objective is judged: its
// deadline's month, or the last month when it has no deadline or one after
// the plan.
func objectiveMonth(p plan.Plan, o plan.Objective) int {
	n := p.Info.Months
	if o.Deadline.IsZero() {
		return n
	}
	if m := plan.MonthOf(p.Info.Start, o.Deadline); m >= 1 && m < n {
		return m
	}
	return n
}
