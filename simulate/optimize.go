package simulate

import (
	"errors"
	"math"
	"sort"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// Goal is what Optimize maximises for the whole plan.
type Goal string

// The goals of the optimiser (MODEL.md "Optimiser and goal seek").
const (
	GoalCustomers   Goal = "customers"    // expected customers
	GoalGrossMargin Goal = "gross_margin" // gross margin within the plan, money
	GoalNetProfit   Goal = "net_profit"   // gross margin − marketing cost, money
)

// Goals lists the goals Optimize accepts.
var Goals = []Goal{GoalCustomers, GoalGrossMargin, GoalNetProfit}

// The warning codes of Optimize and GoalSeek (Warning.Code).
const (
	WarnOptLinear      = "optimizer_linear"      // a decision channel without cap: the answer extrapolates
	WarnOptUnspent     = "optimizer_unspent"     // net profit is best leaving part of the budget unspent
	WarnOptMaxShort    = "optimizer_max_short"   // the max_budget bounds add up to less than the budget
	WarnGoalUnreached  = "goal_unreachable"      // no budget reaches the target: why
	WarnGoalMetAtMin   = "goal_met_at_minimum"   // the target is met with the smallest budget already
	WarnGoalKeepUnused = "goal_keep_zero_budget" // keep leaves channels with no budget today at zero
	WarnNoDecision     = "no_decision_channel"   // no paid channel's budget to split or scale
)

// ErrBounds is wrapped by the errors of Optimize and GoalSeek that come
// from the channels' min_budget/max_budget bounds.
var ErrBounds = errors.New("budget bounds")

// ChannelAllocation is one decision channel before and after Optimize:
// its budget and its expected customers (from the decimal engine). For a
// print channel the budget is units × cost_per_unit (ChannelDecisionBudget; its
// fixed cost is not part of it) and Units say how many to print.
type ChannelAllocation struct {
	ID              string
	Name            string
	Kind            plan.Kind
	BudgetBefore    decimal.Decimal // money, as written in the plan
	BudgetAfter     decimal.Decimal // money, to the cent
	CustomersBefore decimal.Decimal // expected customers, exact
	CustomersAfter  decimal.Decimal
	// UnitsBefore and UnitsAfter are a print channel's units (flyers,
	// posters…) before and after; 0 for the other kinds.
	UnitsBefore, UnitsAfter int64
}

// Optimization is the answer of Optimize: the best split of the budget
// across the decision channels, the goal's value for the whole plan before
// and after (both from the decimal engine), and the optimised plan.
type Optimization struct {
	Goal Goal
	// Budget is the total split across the decision channels, money.
	Budget decimal.Decimal
	// Spent is the sum of the budgets after: Budget, unless the goal is
	// net profit and spending less is better, or the max_budget bounds add
	// up to less (a warning says so).
	Spent      decimal.Decimal
	Before     decimal.Decimal // the goal's value for the plan as written
	After      decimal.Decimal // the goal's value for Plan
	Allocation []ChannelAllocation
	// Plan is the input plan with the new budgets (to the cent): "apply"
	// it as one edit. Every other field is the input's.
	Plan plan.Plan
	// Result is the decimal engine's result for Plan (run without the
	// benchmark library: it carries no recommendations).
	Result   Result
	Warnings []Warning
}

// Apply returns a copy of p with the budgets of o's allocation set on the
// channels of the same id (a print channel's units; channels o does not
// name are unchanged): the optimiser's answer as one edit of the user's
// current plan.
func (o Optimization) Apply(p plan.Plan) plan.Plan {
	q := p.Clone()
	for _, a := range o.Allocation {
		for i := range q.Channels {
			if q.Channels[i].ID != a.ID {
				continue
			}
			if q.Channels[i].Kind == plan.Print {
				q.Channels[i].Units = a.UnitsAfter
			} else {
				q.Channels[i].Budget = a.BudgetAfter
			}
		}
	}
	return q
}

// goalMetric returns the figure name of goal, or an error.
func goalMetric(goal Goal) (string, error) {
	for _, g := range Goals {
		if g == goal {
			return string(g), nil
		}
	}
	names := make([]string, len(Goals))
	for i, g := range Goals {
		names[i] = string(g)
	}
	return "", errorf(plan.Plan{}, nil, MsgErrGoalUnknown, plan.TextArg("goal", string(goal)), plan.TextArg("goals", strings.Join(names, ", ")))
}

// Optimize splits a total budget across p's decision channels (search,
// display and social_ads budgets, and print channels' units × cost_per_unit,
// not locked, see IsDecision) within each one's min_budget and max_budget,
// to maximise goal for the whole plan. Every other channel stays as
// written, and so does a print channel's fixed cost. total invalid means
// today's sum of the decision channels' budgets (ChannelDecisionBudget).
//
// Method: with the saturating curves of ResponseCurves the goal is a sum of
// concave functions of each channel's budget, so the optimum equalises the
// marginal returns (Karush–Kuhn–Tucker): for a multiplier λ each channel
// spends b_c(λ) = argmax Value_c(b) − λ·b in its bounds, which is
// Cap/Rate·ln(Weight·Rate/λ) clamped (closed form); Σ b_c(λ) decreases with
// λ, and λ is found by bisection until the budgets add up to the total (to
// float64 precision). A linear channel (no cap) has a constant return: it
// gets its max_budget when that return beats λ, its min_budget when not,
// and the part of the total that falls between them when it is the
// marginal channel — an exact corner solution; a warning then says that
// the answer extrapolates. The budgets are rounded to the cent and the
// figures reported come from the decimal engine. Print channels buy whole
// units (splitBudgets): the budget channels share what the units leave, at
// their optimum; with only print channels, what whole units cannot use
// stays unspent (less than one unit's cost per channel; a warning says so).
//
// Readings: with GoalNetProfit the budget is a ceiling, not an obligation:
// a euro whose gross margin returns less than a euro is not spent, so
// Spent may be below Budget (a warning says how much stays unspent).
// min_budget still applies. A channel without max_budget is bounded by
// 10^12, the largest amount its budget key takes (maxBudgetOf), so the
// answer is always a valid plan. When those bounds add up to less than
// the total, every channel gets its maximum and a warning says how much
// cannot be placed. When the min_budget bounds add up to more than the
// total, it is an error wrapping ErrBounds. An invalid plan returns its
// plan.ErrorList. A plan with no decision channel is returned as written,
// with a WarnNoDecision warning.
func Optimize(p plan.Plan, goal Goal, total decimal.NullDecimal) (Optimization, error) {
	metric, err := goalMetric(goal)
	if err != nil {
		return Optimization{}, err
	}
	resp, before, err := responseCurves(p, metric)
	if err != nil {
		return Optimization{}, err
	}
	if len(resp.Curves) == 0 {
		// Nothing to split is an answer, not an error: the plan stays as
		// written and a warning says why.
		spec, _ := SpecOf(metric)
		v := spec.Get(before.Totals).Decimal
		return Optimization{Goal: goal, Before: v, After: v, Allocation: []ChannelAllocation{},
			Plan: p, Result: before, Warnings: []Warning{noDecisionWarning()}}, nil
	}
	o := Optimization{Goal: goal}
	var today, sumMin, sumMax decimal.Decimal
	allMax := true // every decision channel has a max_budget
	for _, c := range resp.Curves {
		ch := p.Channels[c.Index]
		today = today.Add(ChannelDecisionBudget(ch))
		sumMin = sumMin.Add(ch.MinBudget)
		sumMax = sumMax.Add(maxBudgetOf(ch))
		allMax = allMax && ch.MaxBudget.Valid
	}
	o.Budget = today
	if total.Valid {
		o.Budget = total.Decimal
	}
	switch {
	case o.Budget.Sign() < 0:
		return Optimization{}, errorf(p, nil, MsgErrBudgetNegative, plan.MoneyArg("budget", o.Budget))
	case sumMin.GreaterThan(o.Budget):
		return Optimization{}, errorf(p, ErrBounds, MsgErrMinOverBudget, plan.MoneyArg("sum", sumMin), plan.MoneyArg("budget", o.Budget))
	}
	target := o.Budget
	if sumMax.LessThan(o.Budget) {
		target = sumMax
		left := o.Budget.Sub(sumMax)
		w := Warning{Code: WarnOptMaxShort, Msg: plan.NewMsg(MsgOptMaxShort,
			plan.MoneyArg("total", sumMax), plan.MoneyArg("left", left), plan.MoneyArg("budget", o.Budget))}
		if !allMax {
			w.Msg = plan.NewMsg(MsgOptMaxShortKey, plan.MoneyArg("max", maxAmount),
				plan.MoneyArg("total", sumMax), plan.MoneyArg("left", left), plan.MoneyArg("budget", o.Budget))
		}
		o.Warnings = append(o.Warnings, w)
	}
	x := allocate(resp.Curves, toFloat(target), resp.NetProfit)
	budgets := splitBudgets(p, resp.Curves, x, target, resp.NetProfit)
	o.Plan = withBudgets(p, resp.Curves, budgets)
	after, err := runDerived(o.Plan, plan.Library{}, "optimize")
	if err != nil {
		return Optimization{}, err
	}
	o.Result = after
	spec, _ := SpecOf(metric)
	o.Before = spec.Get(before.Totals).Decimal
	o.After = spec.Get(after.Totals).Decimal
	for i, c := range resp.Curves {
		o.Spent = o.Spent.Add(budgets[i])
		a := ChannelAllocation{
			ID: c.ID, Name: c.Name, Kind: c.Kind,
			BudgetBefore:    ChannelDecisionBudget(p.Channels[c.Index]),
			BudgetAfter:     budgets[i],
			CustomersBefore: before.Channels[c.Index].Figures.Customers.Decimal,
			CustomersAfter:  after.Channels[c.Index].Figures.Customers.Decimal,
		}
		if c.Kind == plan.Print {
			a.UnitsBefore, a.UnitsAfter = p.Channels[c.Index].Units, o.Plan.Channels[c.Index].Units
		}
		o.Allocation = append(o.Allocation, a)
	}
	if o.Spent.LessThan(target) && (resp.NetProfit || !hasBudgetCurve(resp.Curves)) {
		left := o.Budget.Sub(o.Spent)
		code := MsgOptUnspent
		if !resp.NetProfit {
			code = MsgOptWholeUnits // only print channels: whole units leave a rest
		}
		o.Warnings = append(o.Warnings, Warning{Code: WarnOptUnspent, Msg: plan.NewMsg(code,
			plan.MoneyArg("spent", o.Spent), plan.MoneyArg("budget", o.Budget), plan.MoneyArg("left", left))})
	}
	o.Warnings = append(o.Warnings, linearWarnings(resp.Curves)...)
	return o, nil
}

// hasBudgetCurve reports whether some curve is a budget channel's (not
// print's): one that can take any amount to the cent.
func hasBudgetCurve(curves []Curve) bool {
	for _, c := range curves {
		if c.UnitCost == 0 {
			return true
		}
	}
	return false
}

// splitBudgets turns the float optimum x of the curves into budgets a
// plan can carry (see Optimize): print channels buy whole units, the
// budget channels any amount to the cent. The print units start at
// floor(x / cost_per_unit) within [ceil(min/cost), floor(max/cost)] (always
// within the total, since the float optimum is), the budget channels split
// the rest at their own optimum (allocate); then a local search moves one
// unit at a time (one more, one less, or — with no budget channel — one
// from a print channel to another), by steps of 1, 2, 4… units, while the
// goal improves and the total holds. The result is within one unit per print channel of the float
// optimum, and never worse than plain rounding down.
func splitBudgets(p plan.Plan, curves []Curve, x []float64, target decimal.Decimal, netProfit bool) []decimal.Decimal {
	out := make([]decimal.Decimal, len(curves))
	var budgetIdx, printIdx []int
	minRest := 0.0 // the budget channels' min_budget
	for i, c := range curves {
		if c.UnitCost > 0 {
			printIdx = append(printIdx, i)
		} else {
			budgetIdx = append(budgetIdx, i)
			minRest += c.Min
		}
	}
	if len(printIdx) == 0 {
		return toCents(p, curves, x, target, !netProfit)
	}
	sub := make([]Curve, len(budgetIdx))
	for j, i := range budgetIdx {
		sub[j] = curves[i]
	}
	total := toFloat(target)
	units := make([]int64, len(curves))
	loU := make([]int64, len(curves))
	hiU := make([]int64, len(curves))
	for _, i := range printIdx {
		ch := p.Channels[curves[i].Index]
		loU[i] = ch.MinBudget.DivRound(ch.CostPerUnit, Precision).Ceil().IntPart()
		hi := maxBudgetOf(ch).DivRound(ch.CostPerUnit, Precision).Floor()
		if hi.GreaterThan(maxAmount) {
			hi = maxAmount
		}
		hiU[i] = hi.IntPart()
		units[i] = min(max(int64(math.Floor(x[i]/curves[i].UnitCost+1e-9)), loU[i]), hiU[i])
	}
	// value returns the goal at these units with the budget channels at
	// their best for the rest, and whether the total holds.
	value := func(u []int64) (float64, []float64, bool) {
		spent, v := 0.0, 0.0
		for _, i := range printIdx {
			b := float64(u[i]) * curves[i].UnitCost
			spent += b
			v += curves[i].Value(b)
		}
		rest := total - spent
		if rest < minRest-1e-9 || (len(budgetIdx) == 0 && rest < -1e-9) {
			return 0, nil, false
		}
		xs := allocate(sub, math.Max(rest, minRest), netProfit)
		for j, c := range sub {
			v += c.Value(xs[j])
			spent += xs[j]
		}
		if netProfit {
			v -= spent
		}
		return v, xs, true
	}
	best, xs, _ := value(units)
	try := func(u []int64) bool {
		if v, x2, ok := value(u); ok && v > best*(1+1e-12)+1e-12 {
			best, xs = v, x2
			copy(units, u)
			return true
		}
		return false
	}
	cand := make([]int64, len(units))
	for round := 0; round < 8*len(printIdx)+16; round++ {
		improved := false
		for _, i := range printIdx {
			// steps of 1, 2, 4… units either way, so that a cheap unit
			// (a flyer at 0,11 €) reaches its place in a few rounds
			for k := int64(1); float64(k)*curves[i].UnitCost <= 2*total+curves[i].UnitCost && k > 0; k *= 2 {
				for _, step := range []int64{k, -k} {
					copy(cand, units)
					cand[i] += step
					if cand[i] >= loU[i] && cand[i] <= hiU[i] && try(cand) {
						improved = true
					}
				}
			}
		}
		if !improved && len(budgetIdx) == 0 {
			for _, i := range printIdx {
				for _, j := range printIdx {
					copy(cand, units)
					cand[i]++
					cand[j]--
					if i != j && cand[i] <= hiU[i] && cand[j] >= loU[j] && try(cand) {
						improved = true
					}
				}
			}
		}
		if !improved {
			break
		}
	}
	spent := decimal.Zero
	for _, i := range printIdx {
		out[i] = decimal.NewFromInt(units[i]).Mul(p.Channels[curves[i].Index].CostPerUnit)
		spent = spent.Add(out[i])
	}
	if len(budgetIdx) > 0 {
		cents := toCents(p, sub, xs, target.Sub(spent), !netProfit)
		for j, i := range budgetIdx {
			out[i] = cents[j]
		}
	}
	return out
}

// noDecisionWarning says that a plan has no decision channel: no search,
// display or social_ads channel that is unlocked and active, so no budget
// for the optimiser or goal seek to move.
func noDecisionWarning() Warning {
	return Warning{Code: WarnNoDecision, Msg: plan.NewMsg(MsgNoDecision)}
}

// linearWarnings says, for each decision channel without a cap that
// yields something, that its response is linear and the answer extrapolates.
func linearWarnings(curves []Curve) []Warning {
	var w []Warning
	for _, c := range curves {
		if !c.Linear() || c.Rate <= 0 || c.Weight == 0 {
			continue
		}
		code := MsgOptLinearAudience
		if c.Kind == plan.Search {
			code = MsgOptLinearClicks
		}
		w = append(w, Warning{Code: WarnOptLinear, Channel: c.ID,
			Msg: plan.NewMsg(code, plan.TextArg("channel", c.Name))})
	}
	return w
}

// allocate returns the budgets x, each within its curve's [Min, Max],
// that maximise Σ Value_c(x_c) with Σ x_c = total — or, when netProfit,
// Σ Value_c(x_c) − x_c with Σ x_c ≤ total. It requires Σ Min ≤ total;
// when Σ Max ≤ total every curve gets Max (Min when netProfit and a
// budget does not pay back). See Optimize for the method.
//
// Edge cases: the multiplier λ is bisected geometrically between the
// floor (0, or 1 for net profit: below it a euro returns less than a euro)
// and a value above every marginal return at Min, to 1e-15 relative; the
// remainder of the total left by the bisection (a linear channel's corner
// or rounding) is shared among the channels in proportion to how much
// more each would spend at the lower end of the bracket.
func allocate(curves []Curve, total float64, netProfit bool) []float64 {
	n := len(curves)
	x := make([]float64, n)
	sumAt := func(l float64, out []float64) float64 {
		s := 0.0
		for i, c := range curves {
			out[i] = c.at(l)
			s += out[i]
		}
		return s
	}
	floor := 0.0
	if netProfit {
		floor = 1
	}
	if sumAt(floor, x) <= total {
		return x // every channel at Max, or the net profit optimum fits in the budget
	}
	lo, hi := floor, floor+1 // Σ at(lo) > total ≥ Σ at(hi)
	for _, c := range curves {
		if m := c.Marginal(c.Min); m >= hi {
			hi = 2 * m
		}
	}
	for range 5000 {
		mid := hi / 16
		if lo > 0 {
			mid = math.Sqrt(lo * hi)
		}
		if !(mid > lo && mid < hi) {
			break
		}
		if sumAt(mid, x) > total {
			lo = mid
		} else {
			hi = mid
		}
		if lo > 0 && hi-lo <= 1e-15*hi {
			break
		}
	}
	xl := make([]float64, n)
	sumAt(lo, xl)
	rest := total - sumAt(hi, x)
	if rest <= 0 {
		return x
	}
	// Share the rest in proportion to each channel's gap between the two
	// ends of the bracket (an infinite gap, a linear channel with no
	// max_budget, takes it all, shared equally with any other such).
	var gaps float64
	inf := 0
	for i := range x {
		g := xl[i] - x[i]
		if math.IsInf(g, 1) {
			inf++
		} else if g > 0 {
			gaps += g
		}
	}
	for i := range x {
		g := xl[i] - x[i]
		switch {
		case inf > 0:
			if math.IsInf(g, 1) {
				x[i] += rest / float64(inf)
			}
		case gaps > 0 && g > 0:
			x[i] += rest * g / gaps
		}
	}
	return x
}

// toCents turns the float budgets x of the curves into decimal budgets to
// the cent within each channel's bounds (a budget within half a cent of a
// bound takes the bound exactly). When fix is true the budgets are made to
// add up to target exactly, the rounding difference going to the channels
// with the largest budgets that have room.
func toCents(p plan.Plan, curves []Curve, x []float64, target decimal.Decimal, fix bool) []decimal.Decimal {
	out := make([]decimal.Decimal, len(x))
	var sum decimal.Decimal
	for i, c := range curves {
		ch := p.Channels[c.Index]
		switch {
		case math.Abs(x[i]-c.Min) < 0.005:
			out[i] = ch.MinBudget
		case math.Abs(x[i]-c.Max) < 0.005:
			out[i] = maxBudgetOf(ch)
		default:
			out[i] = clampBudget(decimal.NewFromFloat(x[i]).Round(2), ch)
		}
		sum = sum.Add(out[i])
	}
	if !fix {
		return out
	}
	diff := target.Sub(sum)
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return out[order[a]].GreaterThan(out[order[b]]) })
	for _, i := range order {
		if diff.IsZero() {
			break
		}
		ch := p.Channels[curves[i].Index]
		v := clampBudget(out[i].Add(diff), ch)
		diff = diff.Sub(v.Sub(out[i]))
		out[i] = v
	}
	return out
}

// clampBudget limits b to ch's [min_budget, maxBudgetOf(ch)].
func clampBudget(b decimal.Decimal, ch plan.Channel) decimal.Decimal {
	if b.LessThan(ch.MinBudget) {
		return ch.MinBudget
	}
	if m := maxBudgetOf(ch); b.GreaterThan(m) {
		return m
	}
	return b
}

// BudgetMove is one transfer of the optimiser's advice: Amount (money)
// moves from the channel named From to the channel named To. From is ""
// for money added to the paid budget (a larger total), To is "" for money
// taken out of it (not spent).
type BudgetMove struct {
	From, To string
	Amount   decimal.Decimal
}

// Msg tells the move as advice (codes MsgOptMove, MsgOptTakeOff,
// MsgOptAdd): "Move €1,200 from “A” to “B”", the amount to the whole
// currency unit.
func (m BudgetMove) Msg() plan.Msg {
	amount := plan.WholeMoneyArg("amount", m.Amount)
	switch {
	case m.From != "" && m.To != "":
		return plan.NewMsg(MsgOptMove, amount, plan.TextArg("from", m.From), plan.TextArg("to", m.To))
	case m.From != "":
		return plan.NewMsg(MsgOptTakeOff, amount, plan.TextArg("from", m.From))
	}
	return plan.NewMsg(MsgOptAdd, amount, plan.TextArg("to", m.To))
}

// Moves turns the budgets before and after into transfers a person can
// act on: the channels that lose money give it, largest first, to those
// that gain, largest first; what is left is money added or not spent. The
// moves add up to the allocation's changes exactly.
func (o Optimization) Moves() []BudgetMove {
	type side struct {
		name string
		amt  decimal.Decimal
	}
	var give, take []side
	for _, a := range o.Allocation {
		d := a.BudgetAfter.Sub(a.BudgetBefore)
		switch d.Sign() {
		case -1:
			give = append(give, side{a.Name, d.Neg()})
		case 1:
			take = append(take, side{a.Name, d})
		}
	}
	sort.SliceStable(give, func(i, j int) bool { return give[i].amt.GreaterThan(give[j].amt) })
	sort.SliceStable(take, func(i, j int) bool { return take[i].amt.GreaterThan(take[j].amt) })
	var out []BudgetMove
	i, j := 0, 0
	for i < len(give) && j < len(take) {
		m := decimal.Min(give[i].amt, take[j].amt)
		out = append(out, BudgetMove{give[i].name, take[j].name, m})
		give[i].amt = give[i].amt.Sub(m)
		take[j].amt = take[j].amt.Sub(m)
		if give[i].amt.IsZero() {
			i++
		}
		if take[j].amt.IsZero() {
			j++
		}
	}
	for ; i < len(give); i++ {
		out = append(out, BudgetMove{From: give[i].name, Amount: give[i].amt})
	}
	for ; j < len(take); j++ {
		out = append(out, BudgetMove{To: take[j].name, Amount: take[j].amt})
	}
	return out
}
