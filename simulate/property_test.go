package simulate

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// source yields the numbers a generated plan is made of.
type source interface{ Uint64() uint64 }

// byteSource reads fuzz bytes 8 at a time, then zeros.
type byteSource struct{ b []byte }

func (s *byteSource) Uint64() uint64 {
	if len(s.b) >= 8 {
		v := binary.LittleEndian.Uint64(s.b)
		s.b = s.b[8:]
		return v
	}
	var buf [8]byte
	copy(buf[:], s.b)
	s.b = nil
	return binary.LittleEndian.Uint64(buf[:])
}

// genPlan makes a valid plan from src: 1–12 months, b2c or b2b, 1–6
// channels of any kind with random active months, caps set or not.
func genPlan(src source) plan.Plan {
	n := func(k uint64) int64 { return int64(src.Uint64() % k) }
	rate := func() decimal.Decimal { return decimal.New(n(1001), -3) } // 0..1 by 0.001
	money := func(k uint64) decimal.Decimal { return decimal.New(n(k*100), -2) }
	opt := func(v decimal.Decimal) decimal.NullDecimal {
		if n(2) == 0 {
			return decimal.NullDecimal{}
		}
		return decimal.NewNullDecimal(v)
	}
	p := basePlan()
	p.Info.Months = int(1 + n(12))
	p.Info.Budget = money(20000)
	b := &p.Business
	b.AverageOrder = decimal.New(1+n(50000), -2)
	b.GrossMargin, b.FirstOrderDiscount = rate(), rate()
	b.OrdersPerMonth = decimal.New(n(50), -1)
	b.MonthlyRetention, b.AnnualDiscountRate = rate(), rate()
	b.CLVMonths = int(n(121))
	if n(2) == 0 {
		b.Model = plan.B2B
		p.Funnel = plan.Funnel{LeadToMQL: rate(), MQLToSQL: rate(), SQLToCustomer: rate()}
	}
	nc := 1 + n(6)
	for i := int64(0); i < nc; i++ {
		c := plan.Channel{ID: "c" + string(rune('a'+i)), Name: "Channel", Kind: plan.Kinds[n(int64Len(plan.Kinds))],
			FixedCost: money(2000), ConversionRate: rate(), Sends: 1, Posts: 1, RampMonths: 1}
		for m := 1; m <= p.Info.Months; m++ {
			if n(3) == 0 {
				c.ActiveMonths = append(c.ActiveMonths, m)
			}
		}
		if b.Model == plan.B2B && n(2) == 0 {
			c.SQLToCustomer = decimal.NewNullDecimal(rate())
		}
		switch c.Kind {
		case plan.Email, plan.SMS:
			c.ListSize, c.Sends = n(100000), int(1+n(8))
			c.CostPerMessage = decimal.New(n(100), -3)
			c.BounceRate, c.OpenRate, c.ClickRate, c.UnsubscribeRate = rate(), rate(), rate(), rate()
		case plan.Search:
			c.Budget, c.CPC = money(10000), decimal.New(1+n(500), -2)
			c.CTR = opt(decimal.New(1+n(1000), -3))
			c.MaxClicks = opt(decimal.New(1+n(100000), 0))
		case plan.Display, plan.SocialAds:
			c.Budget, c.CPM = money(10000), decimal.New(1+n(2000), -2)
			c.CTR = decimal.NewNullDecimal(rate())
			c.Audience = opt(decimal.New(1+n(1000000), 0))
		case plan.SocialOrganic, plan.Influencer:
			c.Followers, c.ReachRate, c.Posts = decimal.New(n(100000), 0), rate(), int(1+n(30))
			c.CTR = decimal.NewNullDecimal(rate())
			c.Audience = opt(decimal.New(1+n(100000), 0))
		case plan.SEO, plan.Content:
			c.VisitsPerMonth, c.RampMonths = decimal.New(n(10000), 0), int(1+n(12))
		case plan.Print:
			c.Units, c.CostPerUnit, c.ReachPerUnit = n(10000), decimal.New(n(100), -2), decimal.New(n(50), -1)
			c.ResponseRate = rate()
			c.Audience = opt(decimal.New(1+n(100000), 0))
		case plan.Event, plan.Partnership:
			c.Contacts, c.ResponseRate = decimal.New(n(1000), 0), rate()
		case plan.Affiliate:
			c.Clicks = decimal.New(n(10000), 0)
			switch n(3) {
			case 0:
				c.CommissionPerSale = decimal.NewNullDecimal(money(50))
			case 1:
				c.CommissionRate = decimal.NewNullDecimal(rate())
			}
		}
		p.Channels = append(p.Channels, c)
	}
	return p
}

func int64Len[T any](s []T) uint64 { return uint64(len(s)) }

// checkInvariants asserts what must hold for every plan's result.
func checkInvariants(t *testing.T, p plan.Plan, r Result) {
	t.Helper()
	neg := func(what string, v decimal.Decimal) {
		if v.Sign() < 0 {
			t.Errorf("%s is negative: %s", what, v)
		}
	}
	var cost, rev, cogs, cust decimal.Decimal
	for _, c := range r.Channels {
		var prev *decimal.Decimal
		for _, s := range c.Stages {
			neg(c.ID+" "+s.Name, s.Value)
			if s.Side {
				if s.Value.GreaterThan(c.Stages[0].Value) {
					t.Errorf("%s: side stage %s %s above the first stage %s", c.ID, s.Name, s.Value, c.Stages[0].Value)
				}
				continue
			}
			if prev != nil && s.Value.GreaterThan(*prev) {
				t.Errorf("%s (%s): stage %s = %s increases from %s", c.ID, c.Kind, s.Name, s.Value, *prev)
			}
			v := s.Value
			prev = &v
		}
		f := c.Figures
		for _, s := range []Spec{mustSpec("cost"), mustSpec("exposures"), mustSpec("interactions"), mustSpec("conversions"),
			mustSpec("leads"), mustSpec("mql"), mustSpec("sql"), mustSpec("customers")} {
			if v := s.Get(f); v.Valid {
				neg(c.ID+" "+s.Name, v.Decimal)
			}
		}
		for m := range c.MonthlyCost {
			neg("monthly cost", c.MonthlyCost[m])
			neg("monthly customers", c.MonthlyCustomers[m])
			neg("monthly revenue", c.MonthlyRevenue[m])
		}
		cost, rev = cost.Add(f.Cost.Decimal), rev.Add(f.Revenue.Decimal)
		cogs, cust = cogs.Add(f.COGS.Decimal), cust.Add(f.Customers.Decimal)
	}
	for _, x := range []struct {
		n    string
		a, b decimal.Decimal
	}{{"cost", cost, r.Totals.Cost.Decimal}, {"revenue", rev, r.Totals.Revenue.Decimal},
		{"cogs", cogs, r.Totals.COGS.Decimal}, {"customers", cust, r.Totals.Customers.Decimal}} {
		if !x.a.Equal(x.b) {
			t.Errorf("totals %s %s ≠ Σ channels %s", x.n, x.b, x.a)
		}
	}
	if len(r.Months) != p.Info.Months {
		t.Fatalf("%d months for a %d-month plan", len(r.Months), p.Info.Months)
	}
	last := r.Months[len(r.Months)-1]
	if !last.CumulativeCost.Equal(cost) || !last.CumulativeCustomers.Equal(cust) {
		t.Errorf("timeline ends at cost %s, customers %s; totals %s, %s", last.CumulativeCost, last.CumulativeCustomers, cost, cust)
	}
}

func mustSpec(name string) Spec {
	s, ok := SpecOf(name)
	if !ok {
		panic(name)
	}
	return s
}

// sameResult reports whether a and b hold equal figures, stages and months.
func sameResult(a, b Result) bool {
	eqF := func(x, y Figures) bool {
		for _, s := range FigureSpecs() {
			u, v := s.Get(x), s.Get(y)
			if u.Valid != v.Valid || !u.Decimal.Equal(v.Decimal) {
				return false
			}
		}
		return true
	}
	if !eqF(a.Totals, b.Totals) || len(a.Channels) != len(b.Channels) || len(a.Months) != len(b.Months) ||
		len(a.Warnings) != len(b.Warnings) || len(a.Recommendations) != len(b.Recommendations) {
		return false
	}
	for i := range a.Channels {
		if !eqF(a.Channels[i].Figures, b.Channels[i].Figures) || len(a.Channels[i].Stages) != len(b.Channels[i].Stages) {
			return false
		}
		for j, s := range a.Channels[i].Stages {
			if s.Name != b.Channels[i].Stages[j].Name || !s.Value.Equal(b.Channels[i].Stages[j].Value) {
				return false
			}
		}
	}
	for i := range a.Months {
		x, y := a.Months[i], b.Months[i]
		if !x.Revenue.Equal(y.Revenue) || !x.CumulativeGrossMargin.Equal(y.CumulativeGrossMargin) {
			return false
		}
	}
	return true
}

func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2027, 4))
	for i := 0; i < 300; i++ {
		p := genPlan(rng)
		r1, err := RunWith(p, testLibrary())
		if err != nil {
			t.Fatalf("plan %d: %v", i, err)
		}
		r2, err := RunWith(p, testLibrary())
		if err != nil {
			t.Fatal(err)
		}
		if !sameResult(r1, r2) {
			t.Fatalf("plan %d: two runs differ", i)
		}
		checkInvariants(t, p, r1)
		if t.Failed() {
			t.Fatalf("plan %d: %+v", i, p)
		}
	}
}

func FuzzSimulate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("campaignsim: a seed of bytes for the plan generator, long enough to fill several channels....."))
	f.Add(make([]byte, 400))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := genPlan(&byteSource{b: data})
		r, err := RunWith(p, testLibrary())
		if err != nil {
			t.Skip(err) // a generated plan the validator rejects is not the engine's concern
		}
		checkInvariants(t, p, r)
	})
}

// benchPlan: 10 channels of every paid and owned kind over 12 months, with
// repeat orders and a b2c CLV.
func benchPlan() plan.Plan {
	p := basePlan()
	p.Info.Months = 12
	p.Business.OrdersPerMonth = d("2")
	p.Business.MonthlyRetention = d("0.8")
	return withChannels(p,
		plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, FixedCost: d("50"), ConversionRate: d("0.1"), ListSize: 2500, Sends: 3,
			CostPerMessage: d("0.001"), BounceRate: d("0.02"), OpenRate: d("0.22"), ClickRate: d("0.03"), UnsubscribeRate: d("0.003")},
		plan.Channel{ID: "sms", Name: "SMS", Kind: plan.SMS, ConversionRate: d("0.05"), ListSize: 800, Sends: 2, CostPerMessage: d("0.04"), ClickRate: d("0.05")},
		plan.Channel{ID: "sea", Name: "Ads", Kind: plan.Search, Budget: d("1500"), CPC: d("0.8"), CTR: nd("0.0317"), MaxClicks: nd("3000"), ConversionRate: d("0.0375")},
		plan.Channel{ID: "disp", Name: "Banners", Kind: plan.Display, Budget: d("1800"), CPM: d("3.5"), CTR: nd("0.0046"), Audience: nd("45000"), ConversionRate: d("0.0077")},
		plan.Channel{ID: "fb", Name: "Facebook", Kind: plan.SocialAds, Budget: d("900"), CPM: d("6"), CTR: nd("0.009"), Audience: nd("60000"), ConversionRate: d("0.01")},
		plan.Channel{ID: "insta", Name: "Instagram", Kind: plan.SocialOrganic, FixedCost: d("100"), Followers: d("1200"), ReachRate: d("0.12"), Posts: 12, CTR: nd("0.01"), ConversionRate: d("0.05")},
		plan.Channel{ID: "infl", Name: "Influencer", Kind: plan.Influencer, FixedCost: d("400"), Followers: d("30000"), ReachRate: d("0.1"), Posts: 2, CTR: nd("0.01"), Audience: nd("20000"), ConversionRate: d("0.04"), ActiveMonths: []int{2, 3}},
		plan.Channel{ID: "seo", Name: "SEO", Kind: plan.SEO, FixedCost: d("600"), VisitsPerMonth: d("400"), RampMonths: 4, ConversionRate: d("0.015")},
		plan.Channel{ID: "flyers", Name: "Flyers", Kind: plan.Print, Units: 5000, CostPerUnit: d("0.06"), ReachPerUnit: d("1.5"), ResponseRate: d("0.004"), ConversionRate: d("0.5"), ActiveMonths: []int{1}},
		plan.Channel{ID: "aff", Name: "Affiliates", Kind: plan.Affiliate, Clicks: d("2000"), CommissionRate: nd("0.08"), ConversionRate: d("0.02")},
	)
}

// BenchmarkRun10Channels runs benchPlan over 3 months (the course's
// bakery case length); BenchmarkRun10Channels12Months over a year.
func BenchmarkRun10Channels(b *testing.B) {
	p := benchPlan()
	p.Info.Months = 3
	benchRun(b, p)
}

func BenchmarkRun10Channels12Months(b *testing.B) { benchRun(b, benchPlan()) }

func benchRun(b *testing.B, p plan.Plan) {
	lib := testLibrary()
	if _, err := RunWith(p, lib); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RunWith(p, lib); err != nil {
			b.Fatal(err)
		}
	}
}
