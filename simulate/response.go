package simulate

// Response curves: how one figure of the plan answers the budget of each
// decision channel. They feed the optimiser (optimize.go) and goal seek
// (goalseek.go), which search in float64 for speed; every figure they
// report is then computed again by the decimal engine on the final
// allocation.
//
// One formula, one place: the curves restate MODEL.md's table for search,
// display, social_ads and print (clicks = sat(budget/cpc, max_clicks);
// impressions = sat(budget/cpm·1000, audience), clicks = impressions·ctr;
// exposures = sat(units·reach_per_unit, audience), responses =
// exposures·response_rate;
// conversions = clicks·conversion_rate; b2b funnel) in closed form. The
// money per customer is not restated: it is read from the decimal engine.
// TestResponseMatchesEngine checks, on every example plan and on generated
// channels, that the curves give the engine's figures to 1e-9 relative at
// many budgets, so the two cannot drift apart silently.

import (
	"fmt"
	"math"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// SeekMetrics lists the metrics goal seek and ResponseCurves accept: those
// that never decrease when a decision channel's budget grows (net_profit
// excepted: it rises then falls, see GoalSeek). reach and impressions are
// aliases of exposures, clicks of interactions; leads, mql and sql exist
// in b2b plans only.
var SeekMetrics = []string{"customers", "conversions", "leads", "mql", "sql", "interactions", "clicks",
	"exposures", "impressions", "reach", "revenue", "gross_margin", "net_profit"}

// canonicalMetric maps the aliases of SeekMetrics to the name of their
// figure; ok is false for a metric that is not in SeekMetrics.
func canonicalMetric(m string) (string, bool) {
	switch m {
	case "reach", "impressions":
		return "exposures", true
	case "clicks":
		return "interactions", true
	}
	for _, s := range SeekMetrics {
		if s == m {
			return m, true
		}
	}
	return "", false
}

// Curve is the response of one decision channel to its budget b (money
// over the whole plan):
//
//	Value(b) = Weight · sat(b·Rate, Cap)
//
// where the driver is what the money buys — clicks for search
// (Rate = 1/cpc), impressions for display and social_ads
// (Rate = 1000/cpm), exposures for print (Rate = reach_per_unit /
// cost_per_unit, b = units × cost_per_unit) — Cap is the driver's cap (max_clicks or audience;
// +Inf when the channel has none: the curve is then a straight line) and
// Weight is the metric obtained per unit of driver (for customers of a
// display channel: ctr × conversion_rate, × lead_to_mql × mql_to_sql ×
// sql_to_customer in b2b; for gross margin, × the channel's gross margin
// per customer within the plan).
//
// Edge cases: cpc or cpm = 0 gives Rate = 0 (the engine buys nothing);
// a channel active in no month of the plan is never a decision channel.
type Curve struct {
	Index   int    // index of the channel in plan.Channels
	ID      string // channel id
	Name    string
	Kind    plan.Kind
	Budget  float64 // today's budget, money
	Min     float64 // min_budget, money
	Max     float64 // max_budget, money; the budget key's maximum 10^12 when none (maxBudgetOf)
	Rate    float64 // driver units per unit of money, ≥ 0
	Cap     float64 // cap on the driver; +Inf when none
	CapName string  // the plan key of the cap: "max_clicks" or "audience"
	Weight  float64 // metric per driver unit (may be < 0 for money when a customer loses money)
	// UnitCost is a print channel's cost_per_unit: its budget is bought in
	// whole units of that cost. 0 for a budget channel.
	UnitCost float64
}

// Linear reports whether the curve has no cap (constant marginal return).
func (c Curve) Linear() bool { return math.IsInf(c.Cap, 1) }

// Driver returns sat(b·Rate, Cap): clicks (search) or impressions.
func (c Curve) Driver(b float64) float64 {
	x := b * c.Rate
	if c.Linear() || x == 0 {
		return x
	}
	return -c.Cap * math.Expm1(-x/c.Cap)
}

// Value returns Weight · sat(b·Rate, Cap), the metric the channel yields at budget b.
func (c Curve) Value(b float64) float64 {
	if c.Weight == 0 {
		return 0
	}
	return c.Weight * c.Driver(b)
}

// Marginal returns dValue/db at b: Weight·Rate·exp(−b·Rate/Cap).
func (c Curve) Marginal(b float64) float64 {
	s := c.Weight * c.Rate
	if c.Linear() || s == 0 {
		return s
	}
	return s * math.Exp(-b*c.Rate/c.Cap)
}

// Sup returns the least upper bound of Value over every budget ≥ 0:
// Weight·Cap for a capped channel that buys something, +Inf for a linear
// one with a positive return, else 0.
func (c Curve) Sup() float64 {
	switch {
	case c.Rate <= 0 || c.Weight <= 0:
		return 0
	case c.Linear():
		return math.Inf(1)
	}
	return c.Weight * c.Cap
}

// at returns the budget maximising Value(b) − λ·b within [Min, Max]:
// for a capped channel b = Cap/Rate · ln(Weight·Rate/λ) (0 when
// Weight·Rate ≤ λ), clamped; for a linear one Max when its return
// Weight·Rate beats λ, else Min (a tie spends nothing). λ ≤ 0: Max.
func (c Curve) at(lambda float64) float64 {
	if lambda <= 0 {
		return c.Max
	}
	s := c.Weight * c.Rate
	var b float64
	switch {
	case c.Linear():
		if s > lambda {
			return c.Max
		}
		return c.Min
	case s > lambda:
		b = c.Cap / c.Rate * math.Log(s/lambda)
	}
	return math.Min(math.Max(b, c.Min), c.Max)
}

// Response is a figure of the plan as a function of the budgets x of its
// decision channels:
//
//	value(x) = Constant + Σ_c Curves[c].Value(x_c) − (NetProfit ? Σ_c x_c : 0)
//
// Constant holds everything that does not move with those budgets (the
// other channels, fixed costs of the decision channels). The plan's
// marketing cost is Cost0 + Σ_c x_c.
type Response struct {
	Metric    string  // the canonical figure name (exposures, interactions, customers…)
	Curves    []Curve // the decision channels, in plan order
	Constant  float64
	NetProfit bool    // the metric is net_profit: each unit of budget also costs one unit
	Cost0     float64 // the plan's marketing cost without the decision channels' budgets
}

// Value returns the metric at the budgets x (one per curve).
func (r Response) Value(x []float64) float64 {
	v := r.Constant
	for i, c := range r.Curves {
		v += c.Value(x[i])
		if r.NetProfit {
			v -= x[i]
		}
	}
	return v
}

// Budgets returns today's budgets of the curves.
func (r Response) Budgets() []float64 {
	x := make([]float64, len(r.Curves))
	for i, c := range r.Curves {
		x[i] = c.Budget
	}
	return x
}

// IsDecision reports whether channel ch's spending is a decision for the
// optimiser and goal seek in a plan of n months (MODEL.md "Optimiser and
// goal seek"): search, display or social_ads (the budget), or print with a
// cost_per_unit above 0 (units × cost_per_unit, the units being the
// decision, its fixed cost unchanged); not locked; active in at least one
// month.
func IsDecision(ch plan.Channel, n int) bool {
	if ch.Locked || !(ch.Kind.IsPaid() || (ch.Kind == plan.Print && ch.CostPerUnit.Sign() > 0)) {
		return false
	}
	for m := 1; m <= n; m++ {
		if ch.IsActive(m, n) {
			return true
		}
	}
	return false
}

// ChannelDecisionBudget returns the money channel ch's decision puts in, over the
// whole plan: its budget, or for a print channel units × cost_per_unit
// (its fixed cost is not part of the decision). Other kinds have 0.
func ChannelDecisionBudget(ch plan.Channel) decimal.Decimal {
	if ch.Kind == plan.Print {
		return decimal.NewFromInt(ch.Units).Mul(ch.CostPerUnit)
	}
	return ch.Budget
}

// setDecisionBudget sets channel ch's decision to the money b: its budget,
// or for a print channel the units b / cost_per_unit rounded up to a whole
// unit (so that a budget found to reach a target still reaches it), at
// most 10^12 units (the most the units key takes).
func setDecisionBudget(ch *plan.Channel, b decimal.Decimal) {
	if ch.Kind != plan.Print {
		ch.Budget = b
		return
	}
	if ch.CostPerUnit.Sign() <= 0 {
		return
	}
	u := b.DivRound(ch.CostPerUnit, Precision).Ceil()
	if u.GreaterThan(maxAmount) {
		u = maxAmount
	}
	ch.Units = u.IntPart()
}

// wholeUnitBudgets returns the budgets x of the curves with every print
// channel's rounded up to whole units (ChannelDecisionBudget after
// setDecisionBudget): the money the plan then really spends.
func wholeUnitBudgets(p plan.Plan, curves []Curve, x []decimal.Decimal) []decimal.Decimal {
	out := append([]decimal.Decimal(nil), x...)
	for i, c := range curves {
		if c.UnitCost > 0 {
			ch := p.Channels[c.Index]
			setDecisionBudget(&ch, x[i])
			out[i] = ChannelDecisionBudget(ch)
		}
	}
	return out
}

// ResponseCurves returns the response of metric (one of SeekMetrics) to
// the budgets of p's decision channels (see IsDecision). p must be valid:
// otherwise its plan.ErrorList is returned. A metric the plan does not
// define (leads in b2c, exposures when no channel has any) is an error.
//
// The money per customer of a channel (revenue, gross margin) depends on
// the months the channel runs (repeat orders of early customers fall
// inside the plan) but not on its budget: customers are spread over the
// same months whatever their number, and every money figure is linear in
// them. It is read from the decimal engine as the channel's gross margin
// (or revenue) divided by its customers, on the plan as written or, for a
// channel that has no customers today, on a probe run with a budget of
// 1000 for it.
func ResponseCurves(p plan.Plan, metric string) (Response, error) {
	r, _, err := responseCurves(p, metric)
	return r, err
}

// responseCurves is ResponseCurves that also returns the engine's result
// for p as written.
func responseCurves(p plan.Plan, metric string) (Response, Result, error) {
	name, ok := canonicalMetric(metric)
	if !ok {
		return Response{}, Result{}, fmt.Errorf("simulate: %q cannot be sought: use one of %s", metric, strings.Join(SeekMetrics, ", "))
	}
	base, err := RunWith(p, plan.Library{})
	if err != nil {
		return Response{}, Result{}, err
	}
	spec, _ := SpecOf(name)
	total := spec.Get(base.Totals)
	if !total.Valid {
		return Response{}, base, fmt.Errorf("simulate: %s is undefined for this plan (b2c plans have no leads, mql or sql; exposures need a channel that has some)", metric)
	}
	n := p.Info.Months
	resp := Response{Metric: name, NetProfit: name == "net_profit"}
	var probe *Result
	var spent float64
	for i, ch := range p.Channels {
		if !IsDecision(ch, n) {
			continue
		}
		c := newCurve(i, ch, p.Funnel, p.Business.Model, name)
		if name == "revenue" || name == "gross_margin" || name == "net_profit" {
			per, err := moneyPerCustomer(p, i, base, &probe, name)
			if err != nil {
				return Response{}, base, err
			}
			c.Weight *= per
		}
		resp.Curves = append(resp.Curves, c)
		spent += c.Budget
	}
	resp.Cost0 = base.Totals.Cost.Decimal.InexactFloat64() - spent
	resp.Constant = total.Decimal.InexactFloat64() - resp.Value(resp.Budgets()) // Constant is 0 here
	return resp, base, nil
}

// toFloat converts a decimal to float64.
func toFloat(d decimal.Decimal) float64 { return d.InexactFloat64() }

// newCurve builds the curve of channel ch (index i) for the canonical
// metric name, from the channel's fields (rates clamped to [0, 1] as the
// engine does). The money weights (revenue, gross margin) are the
// customers' weight; the caller multiplies them by the money per customer.
func newCurve(i int, ch plan.Channel, f plan.Funnel, model plan.Model, name string) Curve {
	c := Curve{Index: i, ID: ch.ID, Name: ch.Name, Kind: ch.Kind, Budget: toFloat(ChannelDecisionBudget(ch)),
		Min: toFloat(ch.MinBudget), Max: toFloat(maxBudgetOf(ch)), Cap: math.Inf(1)}
	rate := func(d decimal.Decimal) float64 { return math.Min(math.Max(toFloat(d), 0), 1) }
	orDefault := func(n decimal.NullDecimal, d decimal.Decimal) float64 {
		if n.Valid {
			return rate(n.Decimal)
		}
		return rate(d)
	}
	var clicks, exposures float64 // per driver unit
	switch ch.Kind {
	case plan.Print:
		// exposures = sat(units·reach_per_unit, audience), responses =
		// exposures·response_rate (MODEL.md), units = b / cost_per_unit.
		c.UnitCost = toFloat(ch.CostPerUnit)
		if c.UnitCost > 0 {
			c.Rate = math.Max(toFloat(ch.ReachPerUnit), 0) / c.UnitCost
		}
		if ch.Audience.Valid {
			c.Cap, c.CapName = math.Max(toFloat(ch.Audience.Decimal), 0), "audience"
		}
		exposures = 1
		clicks = rate(ch.ResponseRate)
	case plan.Search:
		if ch.CPC.Sign() > 0 {
			c.Rate = 1 / toFloat(ch.CPC)
		}
		if ch.MaxClicks.Valid {
			c.Cap, c.CapName = math.Max(toFloat(ch.MaxClicks.Decimal), 0), "max_clicks"
		}
		clicks = 1
		if ch.CTR.Valid && ch.CTR.Decimal.Sign() > 0 {
			exposures = 1 / rate(ch.CTR.Decimal)
		}
	default:
		if ch.CPM.Sign() > 0 {
			c.Rate = 1000 / toFloat(ch.CPM)
		}
		if ch.Audience.Valid {
			c.Cap, c.CapName = math.Max(toFloat(ch.Audience.Decimal), 0), "audience"
		}
		exposures = 1
		if ch.CTR.Valid {
			clicks = rate(ch.CTR.Decimal)
		}
	}
	if c.Cap == 0 {
		c.Rate = 0 // a cap of 0: the channel reaches nobody
		c.Cap = math.Inf(1)
	}
	conv := clicks * rate(ch.ConversionRate)
	leads, mql, sql, cust := conv, 0.0, 0.0, conv
	if model == plan.B2B {
		mql = leads * orDefault(ch.LeadToMQL, f.LeadToMQL)
		sql = mql * orDefault(ch.MQLToSQL, f.MQLToSQL)
		cust = sql * orDefault(ch.SQLToCustomer, f.SQLToCustomer)
	}
	switch name {
	case "exposures":
		c.Weight = exposures
	case "interactions":
		c.Weight = clicks
	case "conversions", "leads":
		c.Weight = conv
	case "mql":
		c.Weight = mql
	case "sql":
		c.Weight = sql
	default: // customers and money
		c.Weight = cust
	}
	return c
}

// probeBudget is the budget given to a channel with no customers today to
// read its money per customer from the engine.
var probeBudget = decimal.NewFromInt(1000)

// moneyPerCustomer returns channel i's revenue (name "revenue") or gross
// margin per customer within the plan, read from base or, when the
// channel has no customers there, from a probe run (made once, cached in
// *probe) where every decision channel without customers gets probeBudget.
// It is 0 when the channel converts nobody at any budget.
func moneyPerCustomer(p plan.Plan, i int, base Result, probe **Result, name string) (float64, error) {
	per := func(r Result) (float64, bool) {
		f := r.Channels[i].Figures
		if !f.Customers.Valid || f.Customers.Decimal.Sign() <= 0 {
			return 0, false
		}
		money := f.GrossMargin.Decimal
		if name == "revenue" {
			money = f.Revenue.Decimal
		}
		return toFloat(money.DivRound(f.Customers.Decimal, Precision)), true
	}
	if v, ok := per(base); ok {
		return v, nil
	}
	if *probe == nil {
		q := p.Clone()
		for j, ch := range q.Channels {
			if IsDecision(ch, q.Info.Months) && base.Channels[j].Figures.Customers.Decimal.Sign() <= 0 {
				setDecisionBudget(&q.Channels[j], probeBudget)
			}
		}
		r, err := runDerived(q, plan.Library{}, "response curves")
		if err != nil {
			return 0, err
		}
		*probe = &r
	}
	v, _ := per(**probe)
	return v, nil
}

// maxBudgetOf returns the largest budget the optimiser and goal seek may
// give channel ch: its max_budget, or 10^12 (the largest amount the
// budget key takes, FORMAT.md; for print, keyMaxBudget) when it has none. Every budget they set
// is a value the user could have written, so the plan they return is
// valid: a derived budget must never fail validation as if the user had
// written it (a linear channel would otherwise take a whole 2·10^12).
func maxBudgetOf(ch plan.Channel) decimal.Decimal {
	m := keyMaxBudget(ch)
	if ch.MaxBudget.Valid && ch.MaxBudget.Decimal.LessThan(m) {
		return ch.MaxBudget.Decimal
	}
	return m
}

// keyMaxBudget is the most channel ch's decision can spend as a value the
// user could write: 10^12 of budget, or for print 10^12 units (the most
// the units key takes) × cost_per_unit.
func keyMaxBudget(ch plan.Channel) decimal.Decimal {
	if ch.Kind == plan.Print && ch.CostPerUnit.Sign() > 0 {
		return decimal.Min(maxAmount, maxAmount.Mul(ch.CostPerUnit))
	}
	return maxAmount
}

// withBudgets returns a copy of p whose decision channels (the curves of
// r) have the budgets x (a print channel's units rounded up: see
// setDecisionBudget).
func withBudgets(p plan.Plan, curves []Curve, x []decimal.Decimal) plan.Plan {
	q := p.Clone()
	for i, c := range curves {
		setDecisionBudget(&q.Channels[c.Index], x[i])
	}
	return q
}
