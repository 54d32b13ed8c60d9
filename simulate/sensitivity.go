package simulate

import (
	"cmp"
	"slices"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// SensitivityInputs lists, per channel kind, the inputs Sensitivity moves
// by ±20 % when the channel gives them no range: the rates and unit costs
// that carry the channel's results. Budgets and fixed costs are decisions,
// not uncertainties, and list sizes, units and posts are counts the
// owner knows, so they are moved only when the plan gives them a range;
// open_rate is left out (clicks come from delivered messages, so it moves
// neither customers nor profit), and so is the ctr of a search channel
// (it only turns clicks into impressions). Any input that carries a range
// is moved to its range ends, whether listed here or not.
var SensitivityInputs = map[plan.Kind][]string{
	plan.Email:         {"bounce_rate", "click_rate", "conversion_rate", "cost_per_message", "unsubscribe_rate"},
	plan.SMS:           {"bounce_rate", "click_rate", "conversion_rate", "cost_per_message", "unsubscribe_rate"},
	plan.Search:        {"conversion_rate", "cpc"},
	plan.Display:       {"conversion_rate", "cpm", "ctr"},
	plan.SocialAds:     {"conversion_rate", "cpm", "ctr"},
	plan.SocialOrganic: {"conversion_rate", "ctr", "reach_rate"},
	plan.Influencer:    {"conversion_rate", "ctr", "reach_rate"},
	plan.SEO:           {"conversion_rate"},
	plan.Content:       {"conversion_rate"},
	plan.Print:         {"conversion_rate", "cost_per_unit", "response_rate"},
	plan.Event:         {"conversion_rate", "response_rate"},
	plan.Partnership:   {"conversion_rate", "response_rate"},
	plan.Affiliate:     {"commission_per_sale", "commission_rate", "conversion_rate"},
}

// SensitivityStep is the relative move of an input without a range: ±20 %.
var SensitivityStep = decimal.New(2, -1)

// SensitivityResult is a tornado: how much one figure of the plan's
// totals moves when each uncertain input moves alone to its low and high
// ends, every other input at its plan value.
type SensitivityResult struct {
	Metric string // the figure, e.g. "net_profit" or "customers"
	Unit   Unit
	// Base is the figure with every input at its plan value.
	Base   decimal.NullDecimal
	Inputs []SensitivityInput // largest swing first
}

// SensitivityInput is one input moved alone. Low and High are the input's
// ends: its range when the plan gives one (Ranged), else its plan value
// −20 % and +20 % (rates clamped to [0, 1]). ValueLow and ValueHigh are
// the figure with the input at Low and at High; Swing = |ValueHigh −
// ValueLow|, undefined when either value is (e.g. cpa with no customer).
// Values are exact decimals (the deterministic engine); round for display.
type SensitivityInput struct {
	Channel             string // channel id
	Input               string // channel key, e.g. "conversion_rate"
	Ranged              bool
	Value               decimal.Decimal // the plan value
	Low, High           decimal.Decimal
	ValueLow, ValueHigh decimal.NullDecimal
	Swing               decimal.NullDecimal
}

// sensitivityRate lists the inputs that are fractions (clamped to [0, 1]).
var sensitivityRate = map[string]bool{"conversion_rate": true, "bounce_rate": true, "open_rate": true,
	"click_rate": true, "unsubscribe_rate": true, "ctr": true, "reach_rate": true, "response_rate": true,
	"commission_rate": true}

// Sensitivity computes the tornado of MODEL.md for metric (a figure name
// of FigureSpecs, e.g. "net_profit" or "customers") on the plan's totals:
// each input of each channel that carries a range, and each input of
// SensitivityInputs that has a non-zero value, is moved alone to its low
// and high ends and the plan is simulated by the deterministic decimal
// engine (2 runs per input), so every value is exact. The inputs are
// sorted by swing, largest first; ties (and undefined swings, last) by
// channel in plan order, then input name.
//
// Cost: linear in the plan's size. Moving one input of one channel changes
// that channel's run only (a channel's funnel, months and cohort money do
// not depend on the others'), so each end re-runs that one channel and
// replaces its share of the plan's totals and monthly sums (exact decimal
// subtraction and addition: the figures equal those of a full run of the
// moved plan, to the last digit — TestSensitivityMatchesFullRuns).
//
// Reading: the moved plan is not validated again. Its ends are the plan's
// validated range ends, or ±20 % of a valid value with rates clamped to
// [0, 1]; the engine takes any non-negative input (an amount 20 % above
// 10^12 is simulated, not refused).
//
// It returns the plan's validation errors (a plan.ErrorList) when p is
// invalid, and an error when metric is not a figure.
func Sensitivity(p plan.Plan, metric string) (SensitivityResult, error) {
	spec, ok := SpecOf(metric)
	if !ok {
		return SensitivityResult{}, errorf(p, nil, MsgErrSensMetric, plan.TextArg("metric", metric))
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		return SensitivityResult{}, errs
	}
	biz, ins, err := scenarioInputs(p, BaseScenario)
	if err != nil {
		return SensitivityResult{}, err
	}
	e := newEngine(p, biz, ins)
	t := newTotalsOf(e)
	res := SensitivityResult{Metric: metric, Unit: spec.Unit, Base: spec.Get(t.figures(-1, nil))}
	order := map[string]int{}
	for ci, c := range p.Channels {
		order[c.ID] = ci
		names := slices.Clone(SensitivityInputs[c.Kind])
		for _, r := range c.Ranges {
			if !slices.Contains(names, r.Input) {
				names = append(names, r.Input)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			val, ok := c.Value(name)
			if !ok {
				continue
			}
			in := SensitivityInput{Channel: c.ID, Input: name, Value: val}
			if r, ok := c.Range(name); ok {
				in.Ranged, in.Low, in.High = true, r.Low, r.High
			} else {
				if val.IsZero() {
					continue
				}
				in.Low, in.High = val.Mul(one.Sub(SensitivityStep)), val.Mul(one.Add(SensitivityStep))
				if sensitivityRate[name] {
					in.Low, in.High = clamp01(in.Low), clamp01(in.High)
				}
			}
			for _, end := range []struct {
				v   decimal.Decimal
				out *decimal.NullDecimal
			}{{in.Low, &in.ValueLow}, {in.High, &in.ValueHigh}} {
				qc := c // a copy: only scalar fields change
				qc.Ranges = nil
				qc.SetValue(name, end.v)
				qin := newInputs(qc, p.Funnel)
				qin.clampRates()
				run := e.runChannel(&qin)
				*end.out = spec.Get(t.figures(ci, &run))
			}
			if in.ValueLow.Valid && in.ValueHigh.Valid {
				in.Swing = valid(in.ValueHigh.Decimal.Sub(in.ValueLow.Decimal).Abs())
			}
			res.Inputs = append(res.Inputs, in)
		}
	}
	slices.SortStableFunc(res.Inputs, func(a, b SensitivityInput) int {
		switch {
		case a.Swing.Valid && !b.Swing.Valid:
			return -1
		case !a.Swing.Valid && b.Swing.Valid:
			return 1
		case a.Swing.Valid:
			if c := b.Swing.Decimal.Cmp(a.Swing.Decimal); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(order[a.Channel], order[b.Channel]); c != 0 {
			return c
		}
		return cmp.Compare(a.Input, b.Input)
	})
	return res, nil
}

// totalsOf holds the sums behind a plan's totals (engine.result): the
// channels' parts and the monthly cost and gross margin of the whole
// plan, so that the totals with one channel's run replaced cost one
// channel, not the whole plan.
type totalsOf struct {
	e       *engine
	pts     []parts // each channel's parts over the plan
	tot     parts   // Σ pts, in channel order
	cost    []decimal.Decimal
	rev     []decimal.Decimal // Σ revenue per month
	cogs    []decimal.Decimal // Σ cogs per month
	scratch struct{ cost, gm []decimal.Decimal }
}

func newTotalsOf(e *engine) *totalsOf {
	t := &totalsOf{e: e, pts: make([]parts, len(e.chans)), cost: make([]decimal.Decimal, e.n),
		rev: make([]decimal.Decimal, e.n), cogs: make([]decimal.Decimal, e.n)}
	for i := range e.chans {
		t.pts[i] = e.chans[i].parts(nil)
		t.tot.add(t.pts[i])
	}
	for m := 0; m < e.n; m++ {
		for i := range e.chans {
			c := &e.chans[i]
			t.cost[m] = t.cost[m].Add(c.cost[m])
			t.rev[m] = t.rev[m].Add(c.rev[m])
			t.cogs[m] = t.cogs[m].Add(c.cogs[m])
		}
	}
	t.scratch.cost, t.scratch.gm = make([]decimal.Decimal, e.n), make([]decimal.Decimal, e.n)
	return t
}

// swapN returns x − old + new for one null part of the totals: defined
// when x is defined with new's channel counted, undefined otherwise. ok is
// false when old and new differ in definedness (the sum must then be
// made again).
func swapN(x, old, new decimal.NullDecimal) (decimal.NullDecimal, bool) {
	if old.Valid != new.Valid {
		return x, false
	}
	if !old.Valid {
		return x, true
	}
	return valid(x.Decimal.Sub(old.Decimal).Add(new.Decimal)), true
}

// figures returns the plan's totals (engine.result's Totals) with channel
// ch's run replaced by run (ch < 0: the plan as run). Decimal addition
// and subtraction are exact, so the values are those of a full run.
func (t *totalsOf) figures(ch int, run *chanRun) Figures {
	e := t.e
	tot := t.tot
	cost, gm := t.scratch.cost, t.scratch.gm
	if ch < 0 {
		for m := 0; m < e.n; m++ {
			cost[m], gm[m] = t.cost[m], t.rev[m].Sub(t.cogs[m])
		}
		return derive(tot, e.clv, valid(e.p.Info.Budget), paybackMonth(e.months, cost, gm))
	}
	old, pt := &e.chans[ch], run.parts(nil)
	o := t.pts[ch]
	tot.cost = tot.cost.Sub(o.cost).Add(pt.cost)
	tot.revenue = tot.revenue.Sub(o.revenue).Add(pt.revenue)
	tot.cogs = tot.cogs.Sub(o.cogs).Add(pt.cogs)
	tot.customers = tot.customers.Sub(o.customers).Add(pt.customers)
	same := true
	for _, f := range []struct {
		x    *decimal.NullDecimal
		o, n decimal.NullDecimal
	}{
		{&tot.interactions, o.interactions, pt.interactions}, {&tot.conversions, o.conversions, pt.conversions},
		{&tot.exposures, o.exposures, pt.exposures}, {&tot.expCost, o.expCost, pt.expCost},
		{&tot.expInteractions, o.expInteractions, pt.expInteractions},
		{&tot.leads, o.leads, pt.leads}, {&tot.mql, o.mql, pt.mql}, {&tot.sql, o.sql, pt.sql},
	} {
		var ok bool
		*f.x, ok = swapN(*f.x, f.o, f.n)
		same = same && ok
	}
	if !same {
		// A part became defined or undefined: add the channels up again.
		tot = parts{}
		for i := range t.pts {
			if i == ch {
				tot.add(pt)
			} else {
				tot.add(t.pts[i])
			}
		}
	}
	for m := 0; m < e.n; m++ {
		cost[m] = t.cost[m].Sub(old.cost[m]).Add(run.cost[m])
		gm[m] = t.rev[m].Sub(old.rev[m]).Add(run.rev[m]).Sub(t.cogs[m].Sub(old.cogs[m]).Add(run.cogs[m]))
	}
	return derive(tot, e.clv, valid(e.p.Info.Budget), paybackMonth(e.months, cost, gm))
}
