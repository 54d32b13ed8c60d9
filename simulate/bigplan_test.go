package simulate

import (
	"context"
	"fmt"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// bigPlan returns a valid b2b plan of nChannels channels over months
// months (1..60), the scale test of issue 9: channel i is of kind
// plan.Kinds[i mod 13], so every kind appears, with inputs that vary with
// i; one channel in three runs in a window of months, one in five every
// other month, the others throughout. Every channel has a range on its
// conversion rate and one in two a range on a second input, paid channels
// have budget bounds (one in seven is locked), one in four overrides the
// funnel, and the business has repeat orders, so each tool does all of
// its work: cohorts, scenarios, objectives, Monte Carlo, optimiser, goal
// seek. Months 1–3 have actuals for one channel in three.
func bigPlan(nChannels, months int) plan.Plan {
	p := basePlan()
	p.Info.Months = months
	p.Info.Budget = decimal.NewFromInt(int64(5000 * nChannels))
	p.Business.Model = plan.B2B
	p.Business.OrdersPerMonth = d("0.5")
	p.Business.MonthlyRetention = d("0.9")
	p.Business.AverageOrder = d("120")
	p.Funnel = plan.Funnel{LeadToMQL: d("0.4"), MQLToSQL: d("0.5"), SQLToCustomer: d("0.3")}
	last := plan.End(p.Info.Start, months)
	mid := plan.End(p.Info.Start, (months+1)/2)
	p.Objectives = []plan.Objective{
		{ID: "clients", Metric: "customers", Target: decimal.NewFromInt(int64(10 * nChannels)), Direction: plan.AtLeast,
			Deadline: last, Purpose: "conversion", Statement: "Customers by the end"},
		{ID: "profit", Metric: "net_profit", Target: d("0"), Direction: plan.AtLeast, Deadline: mid,
			Purpose: "conversion", Statement: "Profit by mid-plan"},
		{ID: "cpa", Metric: "cpa", Target: d("400"), Direction: plan.AtMost, Deadline: last,
			Purpose: "conversion", Statement: "CPA at most 400"},
	}
	p.Scenarios = []plan.Scenario{
		{Name: "pessimistic", Factors: []plan.Factor{{Input: "conversion_rate", Factor: d("0.8")}, {Input: "average_order", Factor: d("0.9")}}},
		{Name: "optimistic", Factors: []plan.Factor{{Input: "conversion_rate", Factor: d("1.2")}}},
	}
	dec := func(v int64, exp int32) decimal.Decimal { return decimal.New(v, exp) }
	for i := 0; i < nChannels; i++ {
		k := plan.Kinds[i%len(plan.Kinds)]
		v := int64(i%17 + 1)  // 1..17: varies the inputs
		conv := dec(10+v, -3) // 0.011..0.027
		c := plan.Channel{ID: fmt.Sprintf("c%03d", i), Name: fmt.Sprintf("Channel %d (%s)", i, k), Kind: k,
			FixedCost: dec(50*v, 0), ConversionRate: conv, Sends: 1, Posts: 1, RampMonths: 1}
		switch {
		case i%3 == 1:
			from := 1 + i%max(months/2, 1)
			for m := from; m <= min(from+months/3, months); m++ {
				c.ActiveMonths = append(c.ActiveMonths, m)
			}
		case i%5 == 2:
			for m := 1; m <= months; m += 2 {
				c.ActiveMonths = append(c.ActiveMonths, m)
			}
		}
		if i%4 == 3 {
			c.SQLToCustomer = decimal.NewNullDecimal(dec(20+v, -2))
		}
		var second plan.Range
		switch k {
		case plan.Email, plan.SMS:
			c.ListSize, c.Sends = 1000*v, int(1+v%4)
			c.CostPerMessage = dec(v, -3)
			c.BounceRate, c.OpenRate, c.ClickRate, c.UnsubscribeRate = dec(2, -2), dec(20+v, -2), dec(2+v%5, -2), dec(3, -3)
			second = plan.Range{Input: "click_rate", Low: c.ClickRate.Mul(d("0.5")), High: c.ClickRate.Mul(d("1.5"))}
		case plan.Search:
			c.Budget, c.CPC = dec(2000+100*v, 0), dec(50+10*v, -2)
			c.CTR = decimal.NewNullDecimal(dec(3, -2))
			if i%2 == 0 {
				c.MaxClicks = decimal.NewNullDecimal(dec(4000+500*v, 0))
			}
			c.MinBudget, c.MaxBudget = dec(500, 0), decimal.NewNullDecimal(dec(20000, 0))
			c.Locked = i%7 == 0
			second = plan.Range{Input: "cpc", Low: c.CPC.Mul(d("0.8")), High: c.CPC.Mul(d("1.3"))}
		case plan.Display, plan.SocialAds:
			c.Budget, c.CPM = dec(1500+100*v, 0), dec(300+50*v, -2)
			c.CTR = decimal.NewNullDecimal(dec(5+v, -3))
			if i%2 == 1 {
				c.Audience = decimal.NewNullDecimal(dec(200000+10000*v, 0))
			}
			c.MinBudget = dec(200, 0)
			if i%3 != 0 {
				c.MaxBudget = decimal.NewNullDecimal(dec(15000, 0))
			}
			second = plan.Range{Input: "ctr", Low: c.CTR.Decimal.Mul(d("0.5")), High: c.CTR.Decimal.Mul(d("2"))}
		case plan.SocialOrganic, plan.Influencer:
			c.Followers, c.ReachRate, c.Posts = dec(2000*v, 0), dec(10+v, -2), int(4+v)
			c.CTR = decimal.NewNullDecimal(dec(1+v%3, -2))
			if k == plan.Influencer {
				c.Audience = decimal.NewNullDecimal(dec(50000, 0))
			}
			second = plan.Range{Input: "reach_rate", Low: c.ReachRate.Mul(d("0.5")), High: c.ReachRate.Mul(d("1.5"))}
		case plan.SEO, plan.Content:
			c.VisitsPerMonth, c.RampMonths = dec(300*v, 0), int(1+v%12)
			second = plan.Range{Input: "visits_per_month", Low: c.VisitsPerMonth.Mul(d("0.6")), High: c.VisitsPerMonth.Mul(d("1.2"))}
		case plan.Print:
			c.Units, c.CostPerUnit, c.ReachPerUnit, c.ResponseRate = 1000*v, dec(5+v, -2), dec(15, -1), dec(5+v, -3)
			if i%2 == 0 {
				c.Audience = decimal.NewNullDecimal(dec(30000, 0))
			}
			second = plan.Range{Input: "response_rate", Low: c.ResponseRate.Mul(d("0.5")), High: c.ResponseRate.Mul(d("2"))}
		case plan.Event, plan.Partnership:
			c.Contacts, c.ResponseRate = dec(200*v, 0), dec(5+v, -2)
			second = plan.Range{Input: "response_rate", Low: c.ResponseRate.Mul(d("0.5")), High: c.ResponseRate.Mul(d("1.5"))}
		case plan.Affiliate:
			c.Clicks = dec(500*v, 0)
			if i%2 == 0 {
				c.CommissionPerSale = decimal.NewNullDecimal(dec(10+v, 0))
			} else {
				c.CommissionRate = decimal.NewNullDecimal(dec(5+v%10, -2))
			}
		}
		c.Ranges = []plan.Range{{Input: "conversion_rate", Low: conv.Mul(d("0.5")), High: conv.Mul(d("1.5"))}}
		if i%2 == 0 && second.Input != "" {
			c.Ranges = append(c.Ranges, second)
		}
		sortRanges(c.Ranges)
		p.Channels = append(p.Channels, c)
	}
	for i := 0; i < nChannels; i += 3 {
		c := p.Channels[i]
		for m := 1; m <= min(3, months); m++ {
			if !c.IsActive(m, months) {
				continue
			}
			p.Actuals = append(p.Actuals, plan.Actual{Channel: c.ID, Month: m, Spend: decimal.NewFromInt(int64(100 + i)),
				Exposures:    decimal.NewNullDecimal(decimal.NewFromInt(int64(5000 + 10*i))),
				Interactions: decimal.NewNullDecimal(decimal.NewFromInt(int64(100 + i))),
				Leads:        decimal.NewNullDecimal(decimal.NewFromInt(int64(4 + i%9))),
				Customers:    decimal.NewFromInt(int64(i % 3)), Revenue: decimal.NewFromInt(int64(120 * (i % 3)))})
		}
	}
	return p
}

// sortRanges sorts ranges by input name, as plan.Channel.Ranges must be.
func sortRanges(rs []plan.Range) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Input < rs[j-1].Input; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// TestBigPlanEveryTool runs every planning tool on the 200-channel,
// 60-month plan: it must be valid and every tool must answer (no timing
// is asserted: the benchmarks below measure; see the report of issue 9).
func TestBigPlanEveryTool(t *testing.T) {
	if testing.Short() {
		t.Skip("the 200×60 plan takes a few seconds")
	}
	p := bigPlan(200, 60)
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatalf("bigPlan is invalid: %v", errs)
	}
	kinds := map[plan.Kind]bool{}
	for _, c := range p.Channels {
		kinds[c.Kind] = true
	}
	if len(kinds) != len(plan.Kinds) {
		t.Fatalf("bigPlan has %d kinds of %d", len(kinds), len(plan.Kinds))
	}
	rs, err := RunAll(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		checkInvariants(t, p, r)
	}
	for _, m := range []string{"net_profit", "customers"} {
		s, err := Sensitivity(p, m)
		if err != nil {
			t.Fatalf("sensitivity %s: %v", m, err)
		}
		if len(s.Inputs) == 0 {
			t.Errorf("sensitivity %s: no input", m)
		}
	}
	if _, err := Uncertainty(context.Background(), p, UncertaintyOptions{Runs: 1000}); err != nil {
		t.Fatalf("uncertainty: %v", err)
	}
	for _, g := range Goals {
		if _, err := Optimize(p, g, decimal.NullDecimal{}); err != nil {
			t.Fatalf("optimize %s: %v", g, err)
		}
	}
	for _, mix := range []Mix{MixKeep, MixOptimize} {
		if _, err := GoalSeek(p, "customers", rs[0].Totals.Customers.Decimal.Mul(d("1.1")), mix); err != nil {
			t.Fatalf("goal seek %s: %v", mix, err)
		}
	}
	tr, err := Track(p)
	if err != nil {
		t.Fatalf("track: %v", err)
	}
	if _, err := ReforecastChances(context.Background(), tr.Reforecast, UncertaintyOptions{Runs: 500}); err != nil {
		t.Fatalf("re-forecast chances: %v", err)
	}
}

func BenchmarkSimulate200x60(b *testing.B) {
	p := bigPlan(200, 60)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSensitivity200x60(b *testing.B) {
	p := bigPlan(200, 60)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sensitivity(p, "net_profit"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUncertainty200x60(b *testing.B) {
	p := bigPlan(200, 60)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Uncertainty(context.Background(), p, UncertaintyOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOptimize200x60(b *testing.B) {
	p := bigPlan(200, 60)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Optimize(p, GoalCustomers, decimal.NullDecimal{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGoalSeek200x60(b *testing.B) {
	p := bigPlan(200, 60)
	r, err := Run(p)
	if err != nil {
		b.Fatal(err)
	}
	target := r.Totals.Customers.Decimal.Mul(d("1.1"))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := GoalSeek(p, "customers", target, MixOptimize); err != nil {
			b.Fatal(err)
		}
	}
}
