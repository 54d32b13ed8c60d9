package simulate

import (
	"sync/atomic"

	"github.com/shopspring/decimal"
)

// firstOrderRevenue is A(1−d): what a new customer pays for the first order.
func (b *business) firstOrderRevenue() decimal.Decimal {
	return b.avgOrder.Mul(one.Sub(b.discount))
}

// orderCOGS is A(1−g): the cost of goods of one order (first or repeat;
// the first-order discount lowers revenue, not the goods).
func (b *business) orderCOGS() decimal.Decimal {
	return b.avgOrder.Mul(one.Sub(b.margin))
}

// firstOrderMargin is A(1−d) − A(1−g).
func (b *business) firstOrderMargin() decimal.Decimal {
	return b.firstOrderRevenue().Sub(b.orderCOGS())
}

// clv is MODEL.md's customer lifetime value, per customer:
// first-order margin + Σ_{k=1}^{clv_months} r^k·o·A·g/(1+i)^k with
// i = (1 + annual_discount_rate)^(1/12) − 1. The sum is geometric in
// q = r/(1+i), so it is computed in closed form (geomSum). o = 0 or
// clv_months = 0 gives the first-order margin alone.
//
// The value depends on the economics only, and its 12th root and power
// are the costliest steps of a run; the last one computed is remembered
// (lastCLV), so runs of the same business (scenarios on channel inputs,
// the optimiser's and goal seek's repeated runs) compute it once.
func (b *business) clv() decimal.Decimal {
	if m := lastCLV.Load(); m != nil && m.b.sameEconomics(b) {
		return m.v
	}
	v := b.computeCLV()
	lastCLV.Store(&clvMemo{b: *b, v: v})
	return v
}

// clvMemo is one business and its CLV (immutable once stored).
type clvMemo struct {
	b business
	v decimal.Decimal
}

// lastCLV is the last CLV computed, shared by every run (safe for
// concurrent runs: a memo is never changed once stored).
var lastCLV atomic.Pointer[clvMemo]

// sameEconomics reports whether a and b have the same inputs of the CLV.
func (a *business) sameEconomics(b *business) bool {
	return a.clvMonths == b.clvMonths && a.avgOrder.Equal(b.avgOrder) && a.margin.Equal(b.margin) &&
		a.discount.Equal(b.discount) && a.ordersPerMonth.Equal(b.ordersPerMonth) &&
		a.retention.Equal(b.retention) && a.annul.Equal(b.annul)
}

// computeCLV computes clv (see there) without the memo.
func (b *business) computeCLV() decimal.Decimal {
	fom := b.firstOrderMargin()
	if b.ordersPerMonth.IsZero() || b.clvMonths <= 0 || b.retention.IsZero() {
		return fom
	}
	i := monthlyRate(b.annul)
	q := b.retention.DivRound(one.Add(i), workPrec)
	s := geomSum(q, b.clvMonths)
	rep := b.ordersPerMonth.Mul(b.avgOrder).Mul(b.margin).Mul(s)
	return fom.Add(rep).Round(Precision)
}

// cohortMoney books the money of customers acquired month by month
// (cust[t] in plan month t+1) into the months it occurs: month t gets the
// first orders of its own customers, A(1−d) each, and the repeat orders of
// every earlier cohort m < t, r^(t−m)·o orders at full price A each.
// The retained stock P_t = Σ_{m<t} cust[m]·r^(t−m) follows
// P_t = r·(P_{t−1} + cust[t−1]), rounded to Precision each month (the
// other products are exact).
// COGS is A(1−g) per order, first or repeat.
func (b *business) cohortMoney(cust []decimal.Decimal, rev, cogs []decimal.Decimal) {
	k := b.cohort()
	k.money(cust, rev, cogs)
}

// cohort holds the per-order constants of cohortMoney, which depend on the
// business alone: a run computes them once for all its channels.
type cohort struct {
	a1d, oA, ag decimal.Decimal // A(1−d), o·A, A(1−g)
	o, r        decimal.Decimal // orders per month, retention
	repeats     bool            // o ≠ 0 and r ≠ 0
}

// cohort returns b's cohort constants.
func (b *business) cohort() cohort {
	return cohort{a1d: b.firstOrderRevenue(), oA: b.ordersPerMonth.Mul(b.avgOrder), ag: b.orderCOGS(),
		o: b.ordersPerMonth, r: b.retention, repeats: !b.ordersPerMonth.IsZero() && !b.retention.IsZero()}
}

// money is cohortMoney with the constants of k.
func (k *cohort) money(cust []decimal.Decimal, rev, cogs []decimal.Decimal) {
	var stock decimal.Decimal
	for t := range cust {
		if k.repeats && t > 0 {
			stock = k.r.Mul(add(stock, cust[t-1])).Round(Precision)
		}
		if cust[t].IsZero() && stock.IsZero() {
			// nothing is sold this month (a month outside the channel's)
			rev[t], cogs[t] = zero, zero
			continue
		}
		r := cust[t].Mul(k.a1d)
		c := cust[t]
		if k.repeats {
			orders := stock.Mul(k.o)
			r = add(r, stock.Mul(k.oA))
			c = add(c, orders)
		}
		rev[t] = r
		cogs[t] = c.Mul(k.ag)
	}
}
