package simulate

import (
	"testing"

	"campaignsim/plan"
)

// econPlan: 3 months, A = 10, g = 0.4, d = 0.1, o = 2 orders/month, r = 0.5,
// no discounting, CLV over 3 months; one event active in month 1 only that
// brings 100 customers (100 contacts × 1 × 1) for a fixed cost of 500.
func econPlan() plan.Plan {
	p := basePlan()
	p.Business.AverageOrder = d("10")
	p.Business.GrossMargin = d("0.4")
	p.Business.FirstOrderDiscount = d("0.1")
	p.Business.OrdersPerMonth = d("2")
	p.Business.MonthlyRetention = d("0.5")
	p.Business.AnnualDiscountRate = zero
	p.Business.CLVMonths = 3
	return withChannels(p, plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, ActiveMonths: []int{1},
		FixedCost: d("500"), ConversionRate: d("1"), Contacts: d("100"), ResponseRate: d("1")})
}

// TestRepeatRevenue: the 100 customers of month 1 (MODEL.md "money from customers"):
//
//	month 1: first orders 100 × A(1−d) = 100 × 9 = 900; cogs 100 × A(1−g) = 600; margin 300
//	month 2: retained 100 × 0.5 = 50, orders 50 × 2 = 100 at A: revenue 1000, cogs 600, margin 400
//	month 3: retained 100 × 0.25 = 25, orders 50: revenue 500, cogs 300, margin 200
//	totals: revenue 2400, cogs 1500, gross margin 900.
func TestRepeatRevenue(t *testing.T) {
	r := mustRun(t, econPlan())
	want := []struct{ cost, cust, rev, cogs, gm, ccost, ccust, cgm string }{
		{"500", "100", "900", "600", "300", "500", "100", "300"},
		{"0", "0", "1000", "600", "400", "500", "100", "700"},
		{"0", "0", "500", "300", "200", "500", "100", "900"},
	}
	if len(r.Months) != 3 {
		t.Fatalf("%d months", len(r.Months))
	}
	for i, w := range want {
		m := r.Months[i]
		if m.Month != i+1 {
			t.Errorf("month %d numbered %d", i+1, m.Month)
		}
		near(t, "cost", m.Cost, w.cost, "0")
		near(t, "customers", m.Customers, w.cust, "0")
		near(t, "revenue", m.Revenue, w.rev, "0")
		near(t, "cogs", m.COGS, w.cogs, "0")
		near(t, "gross margin", m.GrossMargin, w.gm, "0")
		near(t, "cumulative cost", m.CumulativeCost, w.ccost, "0")
		near(t, "cumulative customers", m.CumulativeCustomers, w.ccust, "0")
		near(t, "cumulative gross margin", m.CumulativeGrossMargin, w.cgm, "0")
	}
	near(t, "channel revenue month 2", r.Channels[0].MonthlyRevenue[1], "1000", "0")
}

// TestAllFigures checks every figure of the results table on econPlan
// (cost 500, revenue 2400, cogs 1500, 100 customers, budget 5000):
//
//	gross margin 2400 − 1500 = 900; net profit 900 − 500 = 400
//	roi 400/(500 + 1500) = 0.2; romi 400/500 = 0.8; net margin 400/2400 = 0.1666…
//	roas 2400/500 = 4.8; cpa 500/100 = 5; cpc 500/100 = 5;
//	cpm 500/100 contacts × 1000 = 5000; ctr 100/100 = 1; conversion rate 1
//	break-even customers 500/(900/100) = 55.555…
//	clv: first-order margin 9 − 6 = 3, plus Σ_{k=1..3} 0.5^k × 2 × 10 × 0.4 = 0.875 × 8 = 7 → 10
//	payback: cumulative margin 300 < 500 in month 1, 700 ≥ 500 in month 2 → 2
//	budget left 5000 − 500 = 4500; cpl, leads, mql, sql undefined (b2c).
func TestAllFigures(t *testing.T) {
	r := mustRun(t, econPlan())
	for _, f := range []Figures{r.Totals, r.Channels[0].Figures} {
		for _, c := range []struct{ name, want string }{
			{"cost", "500"}, {"revenue", "2400"}, {"cogs", "1500"}, {"gross_margin", "900"},
			{"net_profit", "400"}, {"roi", "0.2"}, {"romi", "0.8"},
			{"net_margin", "0.166666666666666666666667"}, {"roas", "4.8"}, {"cpa", "5"}, {"cpc", "5"},
			{"cpm", "5000"}, {"ctr", "1"}, {"conversion_rate", "1"},
			{"break_even_customers", "55.555555555555555555555556"}, {"break_even_cpa", "10"},
			{"payback_month", "2"}, {"exposures", "100"}, {"interactions", "100"}, {"conversions", "100"},
			{"customers", "100"}, {"clv", "10"},
		} {
			s, _ := SpecOf(c.name)
			nearN(t, c.name, s.Get(f), c.want, "1e-23")
		}
		undefined(t, "cpl", f.CPL)
		undefined(t, "leads", f.Leads)
		undefined(t, "mql", f.MQL)
		undefined(t, "sql", f.SQL)
	}
	nearN(t, "budget_left", r.Totals.BudgetLeft, "4500", "0")
	undefined(t, "channel budget_left", r.Channels[0].Figures.BudgetLeft)
}

// TestUndefinedFigures: a plan whose only channel converts nobody and costs
// nothing: every ratio over cost, customers or revenue is undefined.
func TestUndefinedFigures(t *testing.T) {
	p := withChannels(basePlan(), plan.Channel{ID: "blog", Name: "Blog", Kind: plan.Content,
		ConversionRate: zero, VisitsPerMonth: zero, RampMonths: 1})
	r := mustRun(t, p)
	f := r.Totals
	for name, v := range map[string]Figures{"totals": f, "channel": r.Channels[0].Figures} {
		t.Run(name, func(t *testing.T) {
			for _, u := range []string{"roi", "romi", "net_margin", "roas", "cpa", "cpc", "conversion_rate",
				"break_even_customers", "payback_month", "cpm", "ctr", "exposures", "cpl"} {
				s, _ := SpecOf(u)
				undefined(t, u, s.Get(v))
			}
			nearN(t, "cost", v.Cost, "0", "0")
			nearN(t, "customers", v.Customers, "0", "0")
		})
	}
}

// TestBreakEvenNoMargin: gross margin 0 → every customer brings 0, so
// break_even_customers is undefined even with customers.
func TestBreakEvenNoMargin(t *testing.T) {
	p := econPlan()
	p.Business.GrossMargin = zero
	p.Business.FirstOrderDiscount = zero
	r := mustRun(t, p)
	undefined(t, "break_even_customers", r.Totals.BreakEvenCustomers)
	undefined(t, "payback_month", r.Totals.PaybackMonth)
	nearN(t, "customers", r.Totals.Customers, "100", "0")
}

// TestCLVDiscounted: A = 100, g = 0.5, d = 0, o = 1, r = 0.9, annual 10 %, 12 months.
// First-order margin 100 − 50 = 50. With v = 1/(1+i) and (1+i)^12 = 1.1 exactly,
// q = 0.9·v = 0.892880049102291857028003530462100304701009613775 and
// q^12 = 0.9^12/1.1 = 0.282429536481/1.1 = 0.256754124073636363…, so
// Σ_{k=1}^{12} q^k = q(1 − q^12)/(1 − q)
//
//	= 0.892880049102291857028 × 0.743245875926363636364 / 0.107119950897708142972
//	= 6.19519901410266605439086694498921296201534281550
//
// CLV = 50 + 50 × 6.195199014102666054390866945 = 359.759950705133302719543347249460648100767.
// One-shot (o = 0): CLV = first-order margin = 50.
func TestCLVDiscounted(t *testing.T) {
	p := basePlan()
	p.Business.AverageOrder = d("100")
	p.Business.GrossMargin = d("0.5")
	p.Business.OrdersPerMonth = d("1")
	p.Business.MonthlyRetention = d("0.9")
	p.Business.AnnualDiscountRate = d("0.10")
	p.Business.CLVMonths = 12
	r := mustRun(t, p)
	nearN(t, "clv", r.Totals.CLV, "359.759950705133302719543347249460648100767", "1e-20")
	nearN(t, "break_even_cpa", r.Totals.BreakEvenCPA, "359.759950705133302719543347249460648100767", "1e-20")
	p.Business.OrdersPerMonth = zero
	r = mustRun(t, p)
	nearN(t, "one-shot clv", r.Totals.CLV, "50", "0")
}

// TestTimelineActiveMonths: 4-month plan; an email active in months 1 and 3
// (cost 50 + 0.01 × 1000 = 60, 1000 × 0.05 × 0.1 = 5 customers) and seo
// active in months 2–4 with ramp 3 (visits 100, 200, 300; customers 1, 2, 3 at
// 1 %; cost 90 spread 30/30/30).
//
//	month 1: cost 30, customers 2.5;  month 2: cost 30, customers 1
//	month 3: cost 60, customers 4.5;  month 4: cost 30, customers 3
func TestTimelineActiveMonths(t *testing.T) {
	p := basePlan()
	p.Info.Months = 4
	p = withChannels(p,
		plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, ActiveMonths: []int{1, 3}, FixedCost: d("50"),
			ConversionRate: d("0.1"), ListSize: 1000, Sends: 1, CostPerMessage: d("0.01"), ClickRate: d("0.05")},
		plan.Channel{ID: "seo", Name: "SEO", Kind: plan.SEO, ActiveMonths: []int{2, 3, 4}, FixedCost: d("90"),
			ConversionRate: d("0.01"), VisitsPerMonth: d("300"), RampMonths: 3})
	r := mustRun(t, p)
	cost := []string{"30", "30", "60", "30"}
	cust := []string{"2.5", "1", "4.5", "3"}
	cum := []string{"2.5", "3.5", "8", "11"}
	for i := range cost {
		near(t, "cost", r.Months[i].Cost, cost[i], "1e-20")
		near(t, "customers", r.Months[i].Customers, cust[i], "1e-20")
		near(t, "cumulative customers", r.Months[i].CumulativeCustomers, cum[i], "1e-20")
	}
	near(t, "seo month 1", r.Channels[1].MonthlyCustomers[0], "0", "0")
	near(t, "mail month 2", r.Channels[0].MonthlyCost[1], "0", "0")
	// the months of a channel add up exactly to its totals
	var s = zero
	for _, c := range r.Channels[1].MonthlyCustomers {
		s = s.Add(c)
	}
	if !s.Equal(r.Channels[1].Figures.Customers.Decimal) {
		t.Errorf("seo months add to %s, totals %s", s, r.Channels[1].Figures.Customers.Decimal)
	}
}

// TestPayback: econPlan pays back in month 2 (see TestAllFigures). With a
// fixed cost of 1000: cumulative margins 300, 700, 900 never reach 1000 → undefined.
// With a zero-cost channel there is nothing to pay back → undefined.
// With cost only in month 2 (margin 0 before): month 1 is skipped.
func TestPayback(t *testing.T) {
	p := econPlan()
	p.Channels[0].FixedCost = d("1000")
	undefined(t, "payback never", mustRun(t, p).Totals.PaybackMonth)
	p.Channels[0].FixedCost = zero
	undefined(t, "payback of a free plan", mustRun(t, p).Totals.PaybackMonth)
	p = econPlan()
	p.Channels[0].ActiveMonths = []int{2}
	p.Channels[0].FixedCost = d("200")
	// month 2: cost 200, margin 300 → payback month 2.
	nearN(t, "payback", mustRun(t, p).Totals.PaybackMonth, "2", "0")
}

// TestInactiveChannel: a channel active in no month (active_months in a
// 3-month plan can only name months 1..3, so the plan is shortened after
// validation would pass — here the engine is run directly).
func TestInactiveChannel(t *testing.T) {
	p := econPlan()
	p.Channels[0].ActiveMonths = []int{4}
	biz, ins, err := scenarioInputs(p, BaseScenario)
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine(p, biz, ins)
	r := e.result(BaseScenario)
	nearN(t, "cost", r.Channels[0].Figures.Cost, "0", "0")
	nearN(t, "customers", r.Channels[0].Figures.Customers, "0", "0")
	w := e.warnings(r)
	if len(w) != 1 || w[0].Code != WarnInactiveChannel {
		t.Errorf("warnings %+v", w)
	}
}
