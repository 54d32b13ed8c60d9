package simulate

import "github.com/shopspring/decimal"

// parts are the additive quantities a Figures is derived from: sums over
// channels and months. Null parts are unknown (actuals) or undefined (a
// channel kind without exposures, lead stages in b2c); a sum of parts is
// defined as soon as one of its terms is.
type parts struct {
	cost, revenue, cogs, customers decimal.Decimal
	interactions, conversions      decimal.NullDecimal
	// exposures, and the cost and interactions of the channels (or actual
	// rows) that have exposures: cpm and ctr compare like with like.
	exposures, expCost, expInteractions decimal.NullDecimal
	leads, mql, sql                     decimal.NullDecimal
}

func addN(x, y decimal.NullDecimal) decimal.NullDecimal {
	switch {
	case !y.Valid:
		return x
	case !x.Valid:
		return y
	}
	return valid(add(x.Decimal, y.Decimal))
}

func (a *parts) add(b parts) {
	a.cost = add(a.cost, b.cost)
	a.revenue = add(a.revenue, b.revenue)
	a.cogs = add(a.cogs, b.cogs)
	a.customers = add(a.customers, b.customers)
	a.interactions = addN(a.interactions, b.interactions)
	a.conversions = addN(a.conversions, b.conversions)
	a.exposures = addN(a.exposures, b.exposures)
	a.expCost = addN(a.expCost, b.expCost)
	a.expInteractions = addN(a.expInteractions, b.expInteractions)
	a.leads = addN(a.leads, b.leads)
	a.mql = addN(a.mql, b.mql)
	a.sql = addN(a.sql, b.sql)
}

// derive computes every figure of MODEL.md's results table from parts.
// clv is the plan's CLV per customer; budget is the plan budget (invalid
// for a channel: budget_left is a plan figure); payback is the payback
// month found on the timeline (see paybackMonth).
//
// Edge cases: a ratio over zero is undefined; break_even_customers =
// cost / (gross margin per customer) with gross margin per customer =
// gross_margin / customers, i.e. cost·customers/gross_margin, undefined
// when there are no customers or the gross margin is ≤ 0 (no number of
// customers pays the cost back); cpm and ctr use only the channels that
// have exposures (their cost and interactions).
func derive(pt parts, clv decimal.Decimal, budget, payback decimal.NullDecimal) Figures {
	gm := sub(pt.revenue, pt.cogs)
	np := sub(gm, pt.cost)
	f := Figures{
		Cost:         valid(pt.cost),
		Revenue:      valid(pt.revenue),
		COGS:         valid(pt.cogs),
		GrossMargin:  valid(gm),
		NetProfit:    valid(np),
		ROI:          ratio(np, add(pt.cost, pt.cogs)),
		ROMI:         ratio(np, pt.cost),
		NetMargin:    ratio(np, pt.revenue),
		ROAS:         ratio(pt.revenue, pt.cost),
		CPA:          ratio(pt.cost, pt.customers),
		BreakEvenCPA: valid(clv),
		PaybackMonth: payback,
		Exposures:    pt.exposures,
		Interactions: pt.interactions,
		Conversions:  pt.conversions,
		Leads:        pt.leads,
		MQL:          pt.mql,
		SQL:          pt.sql,
		Customers:    valid(pt.customers),
		CLV:          valid(clv),
	}
	if pt.leads.Valid {
		f.CPL = ratio(pt.cost, pt.leads.Decimal)
	}
	if pt.interactions.Valid {
		f.CPC = ratio(pt.cost, pt.interactions.Decimal)
		if pt.conversions.Valid {
			f.ConversionRate = ratio(pt.conversions.Decimal, pt.interactions.Decimal)
		}
	}
	if pt.exposures.Valid {
		if pt.expCost.Valid {
			f.CPM = ratio(pt.expCost.Decimal.Mul(thou), pt.exposures.Decimal)
		}
		if pt.expInteractions.Valid {
			f.CTR = ratio(pt.expInteractions.Decimal, pt.exposures.Decimal)
		}
	}
	if pt.customers.Sign() > 0 && gm.Sign() > 0 {
		f.BreakEvenCustomers = valid(pt.cost.Mul(pt.customers).DivRound(gm, Precision))
	}
	if budget.Valid {
		f.BudgetLeft = valid(budget.Decimal.Sub(pt.cost))
	}
	return f
}

// paybackMonth returns the first month (months[t]) in which the cumulative
// gross margin reaches the cumulative cost, counting from the first month
// with any cost: before the first spending there is nothing to pay back.
// It is undefined when nothing is ever spent or the margin never catches up.
func paybackMonth(months []int, cost, gm []decimal.Decimal) decimal.NullDecimal {
	var cc, cg decimal.Decimal
	for t := range cost {
		cc = add(cc, cost[t])
		cg = add(cg, gm[t])
		if cc.Sign() > 0 && cg.Cmp(cc) >= 0 {
			return valid(decimal.NewFromInt(int64(months[t])))
		}
	}
	return decimal.NullDecimal{}
}
