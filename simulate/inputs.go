package simulate

import (
	"fmt"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// inputs are one channel's inputs as decimals, after the scenario's
// factors and the b2b funnel overrides are applied. Integer inputs that a
// scenario may scale (list_size, units, posts) become decimals here.
type inputs struct {
	ch plan.Channel // identity, kind, active months, sends, ramp_months

	fixedCost, conversionRate decimal.Decimal
	l2m, m2s, s2c             decimal.Decimal // effective b2b funnel

	listSize, costPerMessage, bounce, open, click, unsub decimal.Decimal

	budget, cpc, cpm     decimal.Decimal
	ctr, maxClicks, aud  decimal.NullDecimal
	followers, reachRate decimal.Decimal
	posts                decimal.Decimal

	visitsPerMonth decimal.Decimal

	units, costPerUnit, reachPerUnit, responseRate decimal.Decimal
	contacts, clicks                               decimal.Decimal
	commissionPerSale, commissionRate              decimal.NullDecimal
}

// business holds the plan-wide economics of one customer.
type business struct {
	model                            plan.Model
	avgOrder, margin, discount       decimal.Decimal
	ordersPerMonth, retention, annul decimal.Decimal
	clvMonths                        int
}

func newInputs(c plan.Channel, f plan.Funnel) inputs {
	orDefault := func(n decimal.NullDecimal, d decimal.Decimal) decimal.Decimal {
		if n.Valid {
			return n.Decimal
		}
		return d
	}
	posts := c.Posts
	if posts <= 0 {
		posts = 1
	}
	return inputs{
		ch:                c,
		fixedCost:         c.FixedCost,
		conversionRate:    c.ConversionRate,
		l2m:               orDefault(c.LeadToMQL, f.LeadToMQL),
		m2s:               orDefault(c.MQLToSQL, f.MQLToSQL),
		s2c:               orDefault(c.SQLToCustomer, f.SQLToCustomer),
		listSize:          decimal.NewFromInt(c.ListSize),
		costPerMessage:    c.CostPerMessage,
		bounce:            c.BounceRate,
		open:              c.OpenRate,
		click:             c.ClickRate,
		unsub:             c.UnsubscribeRate,
		budget:            c.Budget,
		cpc:               c.CPC,
		cpm:               c.CPM,
		ctr:               c.CTR,
		maxClicks:         c.MaxClicks,
		aud:               c.Audience,
		followers:         c.Followers,
		reachRate:         c.ReachRate,
		posts:             decimal.NewFromInt(int64(posts)),
		visitsPerMonth:    c.VisitsPerMonth,
		units:             decimal.NewFromInt(c.Units),
		costPerUnit:       c.CostPerUnit,
		reachPerUnit:      c.ReachPerUnit,
		responseRate:      c.ResponseRate,
		contacts:          c.Contacts,
		clicks:            c.Clicks,
		commissionPerSale: c.CommissionPerSale,
		commissionRate:    c.CommissionRate,
	}
}

func newBusiness(b plan.Business) business {
	m := b.Model
	if m == "" {
		m = plan.B2C
	}
	return business{
		model: m, avgOrder: b.AverageOrder, margin: b.GrossMargin, discount: b.FirstOrderDiscount,
		ordersPerMonth: b.OrdersPerMonth, retention: b.MonthlyRetention, annul: b.AnnualDiscountRate,
		clvMonths: b.CLVMonths,
	}
}

// ScenarioInputs lists the input names a scenario may scale: every channel
// key that is a decimal (or a count the funnel treats as one), then the
// business keys. sends and ramp_months are whole steps of the funnel and
// cannot be scaled.
var ScenarioInputs = []string{
	"fixed_cost", "conversion_rate", "lead_to_mql", "mql_to_sql", "sql_to_customer",
	"list_size", "cost_per_message", "bounce_rate", "open_rate", "click_rate", "unsubscribe_rate",
	"budget", "cpc", "cpm", "ctr", "max_clicks", "audience", "followers", "reach_rate", "posts",
	"visits_per_month", "units", "cost_per_unit", "reach_per_unit", "response_rate", "contacts",
	"clicks", "commission_per_sale", "commission_rate",
	"average_order", "gross_margin", "first_order_discount", "orders_per_month",
	"monthly_retention", "annual_discount_rate",
}

// isBusinessInput reports whether name is a key of [business].
func isBusinessInput(name string) bool {
	switch name {
	case "average_order", "gross_margin", "first_order_discount", "orders_per_month",
		"monthly_retention", "annual_discount_rate":
		return true
	}
	return false
}

// scaleChannel multiplies the channel input name by f, and reports whether
// name is a channel input. Rates are clamped to [0, 1] by clampRates after
// every factor is applied.
func (in *inputs) scale(name string, f decimal.Decimal) bool {
	mul := func(d *decimal.Decimal) { *d = d.Mul(f) }
	mulN := func(d *decimal.NullDecimal) {
		if d.Valid {
			d.Decimal = d.Decimal.Mul(f)
		}
	}
	switch name {
	case "fixed_cost":
		mul(&in.fixedCost)
	case "conversion_rate":
		mul(&in.conversionRate)
	case "lead_to_mql":
		mul(&in.l2m)
	case "mql_to_sql":
		mul(&in.m2s)
	case "sql_to_customer":
		mul(&in.s2c)
	case "list_size":
		mul(&in.listSize)
	case "cost_per_message":
		mul(&in.costPerMessage)
	case "bounce_rate":
		mul(&in.bounce)
	case "open_rate":
		mul(&in.open)
	case "click_rate":
		mul(&in.click)
	case "unsubscribe_rate":
		mul(&in.unsub)
	case "budget":
		mul(&in.budget)
	case "cpc":
		mul(&in.cpc)
	case "cpm":
		mul(&in.cpm)
	case "ctr":
		mulN(&in.ctr)
	case "max_clicks":
		mulN(&in.maxClicks)
	case "audience":
		mulN(&in.aud)
	case "followers":
		mul(&in.followers)
	case "reach_rate":
		mul(&in.reachRate)
	case "posts":
		mul(&in.posts)
	case "visits_per_month":
		mul(&in.visitsPerMonth)
	case "units":
		mul(&in.units)
	case "cost_per_unit":
		mul(&in.costPerUnit)
	case "reach_per_unit":
		mul(&in.reachPerUnit)
	case "response_rate":
		mul(&in.responseRate)
	case "contacts":
		mul(&in.contacts)
	case "clicks":
		mul(&in.clicks)
	case "commission_per_sale":
		mulN(&in.commissionPerSale)
	case "commission_rate":
		mulN(&in.commissionRate)
	default:
		return false
	}
	return true
}

// clampRates limits every rate to [0, 1] and every other input to ≥ 0.
func (in *inputs) clampRates() {
	for _, d := range []*decimal.Decimal{&in.conversionRate, &in.l2m, &in.m2s, &in.s2c, &in.bounce,
		&in.open, &in.click, &in.unsub, &in.reachRate, &in.responseRate} {
		*d = clamp01(*d)
	}
	for _, d := range []*decimal.Decimal{&in.fixedCost, &in.listSize, &in.costPerMessage, &in.budget,
		&in.cpc, &in.cpm, &in.followers, &in.posts, &in.visitsPerMonth, &in.units, &in.costPerUnit,
		&in.reachPerUnit, &in.contacts, &in.clicks} {
		*d = nonNeg(*d)
	}
	if in.ctr.Valid {
		in.ctr.Decimal = clamp01(in.ctr.Decimal)
	}
	if in.commissionRate.Valid {
		in.commissionRate.Decimal = clamp01(in.commissionRate.Decimal)
	}
	for _, d := range []*decimal.NullDecimal{&in.maxClicks, &in.aud, &in.commissionPerSale} {
		if d.Valid {
			d.Decimal = nonNeg(d.Decimal)
		}
	}
}

func (b *business) scale(name string, f decimal.Decimal) bool {
	switch name {
	case "average_order":
		b.avgOrder = b.avgOrder.Mul(f)
	case "gross_margin":
		b.margin = b.margin.Mul(f)
	case "first_order_discount":
		b.discount = b.discount.Mul(f)
	case "orders_per_month":
		b.ordersPerMonth = b.ordersPerMonth.Mul(f)
	case "monthly_retention":
		b.retention = b.retention.Mul(f)
	case "annual_discount_rate":
		b.annul = b.annul.Mul(f)
	default:
		return false
	}
	return true
}

func (b *business) clamp() {
	b.margin = clamp01(b.margin)
	b.discount = clamp01(b.discount)
	b.retention = clamp01(b.retention)
	b.annul = clamp01(b.annul)
	b.avgOrder = nonNeg(b.avgOrder)
	b.ordersPerMonth = nonNeg(b.ordersPerMonth)
}

// scenarioInputs builds the inputs of the named scenario ("base": the plan
// as written). Plan-wide factors apply first: a channel key scales that
// input of every channel (channels that do not use it are unaffected), a
// business key scales the business input. Then each channel's own factors.
// Finally every rate is clamped to [0, 1] and every other input to ≥ 0
// (for a valid plan's base scenario this changes nothing; it keeps an
// invalid or fuzzed plan from producing negative counts).
// An unknown scenario, channel id or input name is an error.
func scenarioInputs(p plan.Plan, name string) (business, []inputs, error) {
	biz := newBusiness(p.Business)
	ins := make([]inputs, len(p.Channels))
	for i, c := range p.Channels {
		ins[i] = newInputs(c, p.Funnel)
	}
	if name == BaseScenario {
		biz.clamp()
		for i := range ins {
			ins[i].clampRates()
		}
		return biz, ins, nil
	}
	var sc *plan.Scenario
	for i := range p.Scenarios {
		if p.Scenarios[i].Name == name {
			sc = &p.Scenarios[i]
			break
		}
	}
	if sc == nil {
		return biz, nil, fmt.Errorf("simulate: the plan has no scenario named %q", name)
	}
	for _, f := range sc.Factors {
		if biz.scale(f.Input, f.Factor) {
			continue
		}
		known := false
		for i := range ins {
			known = ins[i].scale(f.Input, f.Factor)
		}
		if !known && !isScenarioInput(f.Input) {
			return biz, nil, fmt.Errorf("simulate: scenario %q: unknown input %q", name, f.Input)
		}
	}
	for _, cf := range sc.Channels {
		idx := -1
		for i, c := range p.Channels {
			if c.ID == cf.ID {
				idx = i
			}
		}
		if idx < 0 {
			return biz, nil, fmt.Errorf("simulate: scenario %q: no channel with id %q", name, cf.ID)
		}
		for _, f := range cf.Factors {
			if !ins[idx].scale(f.Input, f.Factor) {
				return biz, nil, fmt.Errorf("simulate: scenario %q, channel %q: %q is not a channel input that can be scaled", name, cf.ID, f.Input)
			}
		}
	}
	biz.clamp()
	for i := range ins {
		ins[i].clampRates()
	}
	return biz, ins, nil
}

func isScenarioInput(name string) bool {
	for _, n := range ScenarioInputs {
		if n == name {
			return true
		}
	}
	return false
}
