package simulate

import (
	"math"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// Mix says how GoalSeek splits a candidate budget across the decision channels.
type Mix string

// The two mixes of goal seek (MODEL.md "Optimiser and goal seek").
const (
	// MixKeep scales every decision channel's budget by one factor:
	// today's mix, min_budget and max_budget do not apply ("how much
	// money with this mix").
	MixKeep Mix = "keep"
	// MixOptimize splits each candidate budget at its best for the metric
	// within min_budget and max_budget.
	MixOptimize Mix = "optimize"
)

// BudgetShare is one decision channel's budget in a goal seek answer.
type BudgetShare struct {
	ID     string
	Name   string
	Budget decimal.Decimal // money, to the cent
}

// Limit is what stops one decision channel from taking the metric any
// higher, in an unreachable goal seek: its cap (audience, max_clicks) or,
// with MixOptimize, its max_budget.
type Limit struct {
	Channel string // channel id
	Name    string // channel name
	Input   string // "audience", "max_clicks" or "max_budget"
	Cap     decimal.Decimal
	// Value is the most of the metric the channel can bring, rounded to 2
	// places (its cap × its yield per person or click, or its value at
	// max_budget).
	Value decimal.Decimal
}

// GoalSeekResult is the answer of GoalSeek.
type GoalSeekResult struct {
	Metric    string          // as asked (an alias such as "clicks" is kept)
	Target    decimal.Decimal // in the metric's unit
	Mix       Mix
	Reachable bool
	// Budget is the smallest total of the decision channels' budgets whose
	// plan reaches Target (money, the sum of Allocation); undefined when
	// unreachable.
	Budget decimal.NullDecimal
	// Cost is the plan's marketing cost (MODEL.md cost) at Budget:
	// Budget plus every other cost of the plan; undefined when unreachable.
	Cost decimal.NullDecimal
	// Value is the metric for the plan at Budget (decimal engine);
	// undefined when unreachable.
	Value      decimal.NullDecimal
	Allocation []BudgetShare // the decision channels in plan order; empty when unreachable
	// Plan is the input plan with the budgets of Allocation (the input
	// itself when unreachable).
	Plan plan.Plan
	// Best is the most the metric can reach (the supremum: caps and
	// bounds, or the peak of net profit), rounded to 2 places; undefined
	// when it is unbounded.
	Best decimal.NullDecimal
	// BestBudget is the budget at which net profit peaks (net_profit only;
	// undefined otherwise or when unbounded).
	BestBudget decimal.NullDecimal
	// Limits name the caps and bounds that make the target unreachable
	// (empty when reachable, and for net profit).
	Limits []Limit
	// Other is what the channels that are not decisions bring to the metric
	// (rounded to 2 places): part of Best.
	Other    decimal.Decimal
	Warnings []Warning
}

// seekTol is the relative width at which the bisection on the budget
// stops: far below MODEL.md's 0.1 %.
const seekTol = 1e-9

// maxSeekBudget is the largest budget goal seek tries (money): beyond it
// a target is reported unreachable even on a linear channel.
const maxSeekBudget = 1e13

// GoalSeek returns the smallest total budget of p's decision channels
// (see IsDecision; a print channel's budget is units × cost_per_unit, in
// whole units rounded up, so the answer may exceed the exact budget by less
// than one unit's cost per print channel) at which the plan's metric reaches target, and how it is
// split: mix MixKeep scales today's budgets by one factor (min_budget and
// max_budget do not apply); MixOptimize splits each candidate budget at its best for the
// metric itself, within min_budget and max_budget (so the budget found is
// the smallest that any split within the bounds can do with).
//
// metric is one of SeekMetrics: every one but net_profit never decreases
// when a budget grows, so the set of budgets that reach the target is a
// half-line and its start is found by bisection to 1e-9 relative, then
// checked (and nudged up if need be) with the decimal engine on budgets
// rounded up to the cent, so that the answer reaches the target and 0.1 %
// less does not. Net profit rises then falls with the budget (each curve
// is concave and each euro costs a euro): its peak is found first, and the
// smallest budget on the rising side is returned.
//
// Readings: the budget never goes below 0 (keep) or the sum of min_budget
// (optimize); when that already reaches the target, that is the answer
// (with keep: every decision budget 0 and Cost today's cost of the other
// channels) and a warning says so. "Unreachable" (Reachable false, no
// error) when caps, or with optimize the max_budget bounds, keep the
// metric below the target even with unlimited money, or when net profit
// peaks below it: Limits, Best and the first warning say why. With keep, a
// channel with no budget today stays at 0 (a warning says so); if every
// decision budget is 0 it is an error (nothing to scale). No budget goes
// above 10^12, the most the budget key takes (maxBudgetOf): with keep the
// scaling stops when the largest budget reaches it, with optimize it is
// the max_budget of a channel that has none; a target beyond is
// unreachable, the limit named "budget". An invalid plan
// returns its plan.ErrorList; an unknown or non-monotone metric, or one the
// plan does not define, is an error naming the allowed metrics.
func GoalSeek(p plan.Plan, metric string, target decimal.Decimal, mix Mix) (GoalSeekResult, error) {
	if mix != MixKeep && mix != MixOptimize {
		return GoalSeekResult{}, errorf(p, nil, MsgErrMixUnknown, plan.TextArg("mix", string(mix)))
	}
	if _, ok := canonicalMetric(metric); !ok {
		return GoalSeekResult{}, errorf(p, nil, MsgErrSeekMetric, plan.TextArg("metric", metric), plan.TextArg("metrics", strings.Join(SeekMetrics, ", ")))
	}
	resp, base, err := responseCurves(p, metric)
	if err != nil {
		return GoalSeekResult{}, err
	}
	if len(resp.Curves) == 0 {
		return noDecisionSeek(p, metric, resp.Metric, target, mix, base), nil
	}
	g := seeker{p: p, resp: resp, mix: mix, target: target.InexactFloat64()}
	res := GoalSeekResult{Metric: metric, Target: target, Mix: mix, Plan: p, Other: round2f(resp.Constant)}
	for _, c := range resp.Curves {
		g.today += c.Budget
		g.sumMin += c.Min
		g.sumMax += c.Max
	}
	if mix == MixKeep {
		if g.today <= 0 {
			return GoalSeekResult{}, errorf(p, nil, MsgErrKeepAllZero)
		}
		// Scaling stops when the largest budget reaches 10^12, the most
		// the budget key takes (maxBudgetOf): max_budget does not apply.
		// (for print, 10^12 units: keyMaxBudget)
		factor := math.Inf(1)
		for _, c := range resp.Curves {
			if c.Budget > 0 {
				factor = math.Min(factor, toFloat(keyMaxBudget(p.Channels[c.Index]))/c.Budget)
			}
		}
		g.sumMin, g.sumMax = 0, g.today*factor
		for _, c := range resp.Curves {
			if c.Budget == 0 && c.Rate > 0 && c.Weight > 0 {
				res.Warnings = append(res.Warnings, Warning{Code: WarnGoalKeepUnused, Channel: c.ID,
					Msg: plan.NewMsg(MsgGoalKeepUnused, plan.TextArg("channel", c.Name))})
			}
		}
	}

	lo := g.sumMin
	var hi float64
	if v := g.value(lo); v >= g.target {
		hi = lo
		res.Warnings = append(res.Warnings, g.metAtMin(base))
	} else {
		top, best, attained := g.supremum()
		if !math.IsInf(best, 1) {
			res.Best = decimal.NewNullDecimal(round2f(best))
		}
		if resp.NetProfit && !math.IsInf(top, 1) {
			res.BestBudget = decimal.NewNullDecimal(decimal.NewFromFloat(top).Round(2))
		}
		if best < g.target || (!attained && best <= g.target) {
			return g.unreachable(res, best, top), nil
		}
		// Find a budget that reaches the target, doubling up to top.
		hi = math.Max(math.Max(2*lo, g.today), 1)
		for g.value(math.Min(hi, top)) < g.target {
			if hi >= top || hi > maxSeekBudget {
				return g.unreachable(res, best, top), nil
			}
			lo = math.Max(lo, hi)
			hi *= 2
		}
		hi = math.Min(hi, top)
		for hi-lo > seekTol*hi {
			mid := lo + (hi-lo)/2
			if g.value(mid) >= g.target {
				hi = mid
			} else {
				lo = mid
			}
		}
	}
	// Check with the decimal engine on budgets rounded up to the cent;
	// nudge the budget up if the float search fell a hair short.
	var q plan.Plan
	var r Result
	var budgets []decimal.Decimal
	spec, _ := SpecOf(resp.Metric)
	step := math.Max(hi*1e-9, 0.01)
	for try := 0; ; try++ {
		budgets = wholeUnitBudgets(p, resp.Curves, g.cents(hi))
		q = withBudgets(p, resp.Curves, budgets)
		if r, err = runDerived(q, plan.Library{}, "goal seek"); err != nil {
			return GoalSeekResult{}, err
		}
		if !spec.Get(r.Totals).Decimal.LessThan(target) || try >= 60 {
			break
		}
		hi += step
		step *= 2
	}
	res.Reachable = true
	res.Plan = q
	res.Value = spec.Get(r.Totals)
	res.Cost = r.Totals.Cost
	var sum decimal.Decimal
	for i, c := range resp.Curves {
		sum = sum.Add(budgets[i])
		res.Allocation = append(res.Allocation, BudgetShare{ID: c.ID, Name: c.Name, Budget: budgets[i]})
	}
	res.Budget = decimal.NewNullDecimal(sum)
	res.Warnings = append(res.Warnings, linearWarnings(resp.Curves)...)
	return res, nil
}

// seeker holds one goal seek.
type seeker struct {
	p      plan.Plan
	resp   Response
	mix    Mix
	target float64
	today  float64 // Σ today's budgets
	sumMin float64 // the smallest total: 0 (keep) or Σ min_budget
	sumMax float64 // the largest total: the one that brings the largest budget to 10^12 (keep) or Σ maxBudgetOf
}

// split returns the budgets of the decision channels for the total B.
func (g *seeker) split(B float64) []float64 {
	if g.mix == MixKeep {
		x := make([]float64, len(g.resp.Curves))
		for i, c := range g.resp.Curves {
			x[i] = B * c.Budget / g.today
		}
		return x
	}
	// Net profit at a fixed total is gross margin minus that total: the
	// best split is the one that maximises the curves (all spent).
	return allocate(g.resp.Curves, math.Min(B, g.sumMax), false)
}

// value returns the metric at the total B, print channels at whole units
// rounded up (as withBudgets then writes them).
func (g *seeker) value(B float64) float64 {
	x := g.split(B)
	for i, c := range g.resp.Curves {
		if c.UnitCost > 0 {
			x[i] = math.Ceil(x[i]/c.UnitCost-1e-9) * c.UnitCost
		}
	}
	return g.resp.Value(x)
}

// supremum returns the budget beyond which the metric grows no more (top:
// Σ max_budget with optimize, the peak of net profit, else +Inf), the most
// the metric can reach (best, +Inf when unbounded), and whether best is
// attained at a finite budget.
func (g *seeker) supremum() (top, best float64, attained bool) {
	if g.resp.NetProfit {
		top = g.netProfitPeak()
		if math.IsInf(top, 1) {
			return top, top, false
		}
		return top, g.value(top), true
	}
	if !math.IsInf(g.sumMax, 1) {
		return g.sumMax, g.value(g.sumMax), true
	}
	best = g.resp.Constant
	for _, c := range g.resp.Curves {
		switch {
		case g.mix == MixKeep && c.Budget == 0:
		case g.mix == MixOptimize && !math.IsInf(c.Max, 1):
			best += c.Value(c.Max)
		default:
			best += c.Sup()
		}
	}
	return math.Inf(1), best, false
}

// netProfitPeak returns the total at which net profit is highest, +Inf
// when it grows without end (a linear channel returning more than it
// costs, with no max_budget).
func (g *seeker) netProfitPeak() float64 {
	curves := g.resp.Curves
	if g.mix == MixOptimize {
		// The best split of B has the marginal return λ(B), falling with B;
		// net profit peaks where λ = 1.
		s := 0.0
		for _, c := range curves {
			s += c.at(1)
		}
		return math.Min(math.Max(s, g.sumMin), g.sumMax)
	}
	// keep: d/dB of Σ Value_c(B·w_c) − B = Σ w_c·Marginal_c(B·w_c) − 1,
	// falling with B: bisect its root.
	slope := func(B float64) float64 {
		s := -1.0
		for _, c := range curves {
			w := c.Budget / g.today
			s += w * c.Marginal(B*w)
		}
		return s
	}
	if slope(0) <= 0 {
		return 0
	}
	hi := math.Max(g.today, 1)
	for slope(hi) > 0 {
		hi *= 2
		if hi >= g.sumMax {
			return g.sumMax
		}
		if hi > maxSeekBudget {
			return math.Inf(1)
		}
	}
	lo := 0.0
	for hi-lo > seekTol*hi {
		mid := lo + (hi-lo)/2
		if slope(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// cents returns the budgets for the total B rounded up to the cent (within
// max_budget with optimize), so that rounding never takes the metric below
// the target.
func (g *seeker) cents(B float64) []decimal.Decimal {
	x := g.split(B)
	out := make([]decimal.Decimal, len(x))
	for i, c := range g.resp.Curves {
		ch := g.p.Channels[c.Index]
		v := decimal.NewFromFloat(x[i]).RoundCeil(2)
		if g.mix == MixOptimize {
			switch {
			case math.Abs(x[i]-c.Min) < 0.005:
				v = ch.MinBudget
			case math.Abs(x[i]-c.Max) < 0.005:
				v = maxBudgetOf(ch)
			}
			v = clampBudget(v, ch)
		} else if v.GreaterThan(maxAmount) {
			v = maxAmount // float rounding at the top of the scale
		}
		out[i] = v
	}
	return out
}

// metAtMin is the warning of a target already met by the smallest budget.
func (g *seeker) metAtMin(base Result) Warning {
	if g.mix == MixKeep {
		return Warning{Code: WarnGoalMetAtMin, Msg: plan.NewMsg(MsgGoalMetNoBudget)}
	}
	return Warning{Code: WarnGoalMetAtMin, Msg: plan.NewMsg(MsgGoalMetAtMin)}
}

// unreachable fills res for a target no budget reaches: the limits and
// the reason, first of the warnings.
func (g *seeker) unreachable(res GoalSeekResult, best, top float64) GoalSeekResult {
	res.Reachable = false
	res.Allocation = []BudgetShare{}
	metric := g.resp.Metric
	// The figures of an unreachable target show 2 decimals whatever the
	// metric's unit: a cap of 0.75 customers must not read as 1.
	target := plan.DecimalArg("target", res.Target, 2)
	best2 := round2f(best)
	w := Warning{Code: WarnGoalUnreached}
	switch {
	case math.IsInf(best, 1):
		w.Msg = plan.NewMsg(MsgGoalTooMuch, plan.MoneyArg("max", decimal.NewFromFloat(maxSeekBudget)))
	case g.resp.NetProfit:
		w.Msg = plan.NewMsg(MsgGoalPeak, plan.MoneyArg("best", best2),
			plan.MoneyArg("budget", decimal.NewFromFloat(top).Round(2)), plan.MoneyArg("target", res.Target))
	default:
		var limits []plan.Msg
		var at []float64 // the budgets at top, when it is finite
		if !math.IsInf(top, 1) {
			at = g.split(top)
		}
		atKeyMax := false // a channel is held by the budget key's maximum
		for i, c := range g.resp.Curves {
			if c.Rate <= 0 || c.Weight <= 0 || (g.mix == MixKeep && c.Budget == 0) {
				continue
			}
			l := Limit{Channel: c.ID, Name: c.Name}
			ch := g.p.Channels[c.Index]
			bounded := g.mix == MixOptimize && ch.MaxBudget.Valid
			// A channel whose budget reached 10^12 (maxBudgetOf) short of
			// its cap — a linear one always — is held by that maximum.
			keyMax := !bounded && at != nil && at[i] >= toFloat(maxAmount)*(1-seekTol) &&
				(c.Linear() || c.Value(at[i]) < c.Sup())
			code := MsgGoalLimitBudget
			switch {
			case keyMax:
				atKeyMax = true
				l.Input, l.Cap, l.Value = "budget", maxAmount, round2f(c.Value(at[i]))
			case !bounded && c.Linear():
				continue // cannot happen: a linear channel makes the target reachable
			case bounded:
				l.Input, l.Cap, l.Value = "max_budget", ch.MaxBudget.Decimal, round2f(c.Value(c.Max))
			default:
				code = MsgGoalLimitCap
				l.Input, l.Value = c.CapName, round2f(c.Sup())
				if c.CapName == "max_clicks" {
					l.Cap = ch.MaxClicks.Decimal
				} else {
					l.Cap = ch.Audience.Decimal
				}
			}
			res.Limits = append(res.Limits, l)
			capArg := plan.MoneyArg("cap", l.Cap)
			if code == MsgGoalLimitCap {
				capArg = plan.CountArg("cap", l.Cap)
			}
			limits = append(limits, plan.NewMsg(code, plan.TextArg("channel", c.Name), plan.KeyArg("key", l.Input),
				capArg, plan.DecimalArg("value", l.Value, 2)))
		}
		what := plan.NewMsg(MsgGoalCapsUnlimited)
		allMax := true // every decision channel has a max_budget
		for _, c := range g.resp.Curves {
			allMax = allMax && g.p.Channels[c.Index].MaxBudget.Valid
		}
		switch {
		case atKeyMax:
			what = plan.NewMsg(MsgGoalCapsKeyMax, plan.MoneyArg("max", maxAmount))
		case g.mix == MixOptimize && allMax:
			what = plan.NewMsg(MsgGoalCapsBounds)
		}
		w.Msg = plan.NewMsg(MsgGoalCapped, plan.MsgsArg("what", what), plan.MetricArg("metric", metric),
			plan.DecimalArg("best", best2, 2), target,
			plan.DecimalArg("other", res.Other, 2), plan.MsgsArg("limits", limits...))
	}
	res.Warnings = append([]Warning{w}, res.Warnings...)
	return res
}

// round2f converts x to a decimal rounded to 2 places.
func round2f(x float64) decimal.Decimal { return decimal.NewFromFloat(x).Round(2) }

// noDecisionSeek answers a goal seek on a plan with no decision channel:
// no budget can move the metric, so the target is reachable (at today's
// cost, with a zero decision budget) when the plan already meets it, and
// unreachable otherwise. A WarnNoDecision warning says why either way.
func noDecisionSeek(p plan.Plan, metric, canonical string, target decimal.Decimal, mix Mix, base Result) GoalSeekResult {
	spec, _ := SpecOf(canonical)
	v := spec.Get(base.Totals)
	res := GoalSeekResult{Metric: metric, Target: target, Mix: mix, Plan: p, Allocation: []BudgetShare{},
		Other: v.Decimal.Round(2), Best: decimal.NewNullDecimal(v.Decimal.Round(2)),
		Warnings: []Warning{noDecisionWarning()}}
	if v.Valid && !v.Decimal.LessThan(target) {
		res.Reachable = true
		res.Budget = decimal.NewNullDecimal(decimal.Zero)
		res.Cost = base.Totals.Cost
		res.Value = v
	}
	return res
}
