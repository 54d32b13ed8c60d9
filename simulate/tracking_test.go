package simulate

import (
	"context"
	"testing"
	"time"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// trackPlan is a two-month b2c plan from 2027-01-01: A = 50, g = 0.5,
// one-shot buyers (CLV = first-order margin = 50 − 25 = 25), and one
// display channel: budget 1000, cpm 10, ctr 0.01, conversion 0.05, no
// cap. Planned per month: impressions 1000/10×1000/2 = 50 000, clicks
// 500, customers 25, cost 500, revenue 25×50 = 1250, cogs 625.
//
// Actuals of month 1: spend 600, 40 000 impressions, 320 clicks, 20
// customers, revenue 1000 (cogs unset: 1000 × 0.5 = 500).
func trackPlan() plan.Plan {
	p := basePlan()
	p.Info.Start = plan.NewDate(2027, time.January, 1)
	p.Info.Months = 2
	p.Info.Budget = d("2000")
	p.Business.AverageOrder = d("50")
	p.Business.CLVMonths = 0
	p.Channels = []plan.Channel{{ID: "ads", Name: "Bannières", Kind: plan.Display, Budget: d("1000"),
		CPM: d("10"), CTR: nd("0.01"), ConversionRate: d("0.05")}}
	p.Objectives = []plan.Objective{{ID: "clients", Metric: "customers", Target: d("45"), Direction: plan.AtLeast,
		Deadline: plan.NewDate(2027, time.February, 28), Purpose: "conversion", Statement: "45 clients"}}
	p.Actuals = []plan.Actual{{Channel: "ads", Month: 1, Spend: d("600"), Exposures: nd("40000"),
		Interactions: nd("320"), Customers: d("20"), Revenue: d("1000")}}
	return p
}

func TestTrackVariance(t *testing.T) {
	tr, err := Track(trackPlan())
	if err != nil {
		t.Fatal(err)
	}
	if tr.LastMonth != 1 || len(tr.TotalsByMonth) != 1 || len(tr.Channels) != 1 {
		t.Fatalf("tracking: %+v", tr)
	}
	ch := tr.Channels[0].Cumulative
	for _, c := range []struct {
		name                  string
		actual, plan, v, vpct string
		status                Status
	}{
		{"cost", "600", "500", "100", "0.2", StatusNone},                // neutral
		{"exposures", "40000", "50000", "-10000", "-0.2", StatusBehind}, // −20 % < −10 %
		{"interactions", "320", "500", "-180", "-0.36", StatusBehind},
		{"customers", "20", "25", "-5", "-0.2", StatusBehind},
		{"revenue", "1000", "1250", "-250", "-0.2", StatusBehind},
		{"gross_margin", "500", "625", "-125", "-0.2", StatusBehind},
		{"cpa", "30", "20", "10", "0.5", StatusBehind},                       // 600/20 vs 500/25; lower is better
		{"ctr", "0.008", "0.01", "-0.002", "-0.2", StatusBehind},             // 320/40000 vs 0.01
		{"conversion_rate", "0.0625", "0.05", "0.0125", "0.25", StatusAhead}, // 20/320 vs 0.05
		// roi = net profit / (cost + cogs): actual (500 − 600)/(600 + 500) = −1/11,
		// plan (625 − 500)/(500 + 625) = 1/9; variance −1/11 − 1/9 = −20/99.
		{"roi", "-0.0909090909090909", "0.1111111111111111", "-0.2020202020202020", "-1.818181818181818", StatusBehind},
	} {
		cmp, ok := FindComparison(ch, c.name)
		if !ok {
			t.Errorf("%s missing", c.name)
			continue
		}
		nearN(t, c.name+" actual", cmp.Actual, c.actual, "1e-12")
		nearN(t, c.name+" plan", cmp.Plan, c.plan, "1e-12")
		nearN(t, c.name+" variance", cmp.Variance, c.v, "1e-12")
		nearN(t, c.name+" variance %", cmp.VariancePct, c.vpct, "1e-12")
		if cmp.Status != c.status {
			t.Errorf("%s status %q, want %q", c.name, cmp.Status, c.status)
		}
	}
	// cpa 30 is above the break-even CPA (CLV 25).
	if cmp, _ := FindComparison(ch, "cpa"); cmp.BenchmarkFlag != "above" || !cmp.Benchmark.Decimal.Equal(d("25")) {
		t.Errorf("cpa flag %q %v", cmp.BenchmarkFlag, cmp.Benchmark)
	}
	// display ctr 0.008 is above WordStream's 0.46 % floor.
	if cmp, _ := FindComparison(ch, "ctr"); cmp.BenchmarkFlag != "ok" {
		t.Errorf("ctr flag %q", cmp.BenchmarkFlag)
	}
	if _, ok := FindComparison(ch, "leads"); ok {
		t.Error("leads shown in a b2c plan")
	}
	// The objective so far: 20 customers against 25 planned in month 1.
	o := tr.Objectives[0]
	nearN(t, "so far", o.SoFar, "20", "0")
	nearN(t, "plan so far", o.PlanSoFar, "25", "0")
	if o.Status != StatusBehind || !o.PlanMet {
		t.Errorf("objective %+v", o)
	}
}

func TestReforecastByHand(t *testing.T) {
	tr, err := Track(trackPlan())
	if err != nil {
		t.Fatal(err)
	}
	rf := tr.Reforecast
	if rf.FromMonth != 2 || len(rf.Inputs) != 3 {
		t.Fatalf("reforecast: from %d, inputs %+v", rf.FromMonth, rf.Inputs)
	}
	for _, c := range []struct {
		input                                string
		observed, volume, k, weight, blended string
		lagging                              bool
	}{
		// conversion: 20/320 = 0.0625 over 320 clicks; k = 10/0.05 = 200;
		// w = 320/520 = 8/13; blended = 0.05 + 8/13 × 0.0125 = 3/52.
		{"conversion_rate", "0.0625", "320", "200", "0.615384615384615385", "0.0576923076923077", false},
		// ctr: 320/40000 = 0.008 over 40 000 impressions; k = 10/0.01 =
		// 1000; w = 40/41; blended = 0.01 − 40/41 × 0.002 = 0.33/41.
		{"ctr", "0.008", "40000", "1000", "0.975609756097560976", "0.0080487804878049", true},
		// cpm: 600 × 1000 / 40000 = 15 (no fixed cost); k = 100 000;
		// w = 40000/140000 = 2/7; blended = 10 + 2/7 × 5 = 80/7.
		{"cpm", "15", "40000", "100000", "0.285714285714285714", "11.428571428571429", true},
	} {
		var in ReforecastInput
		for _, x := range rf.Inputs {
			if x.Input == c.input {
				in = x
			}
		}
		near(t, c.input+" observed", in.Observed, c.observed, "1e-15")
		near(t, c.input+" volume", in.Volume, c.volume, "0")
		near(t, c.input+" k", in.K, c.k, "1e-12")
		near(t, c.input+" weight", in.Weight, c.weight, "1e-15")
		near(t, c.input+" blended", in.Blended, c.blended, "1e-12")
		if in.Lagging != c.lagging {
			t.Errorf("%s lagging %v", c.input, in.Lagging)
		}
	}
	// Month 2 on the corrected plan: impressions 1000 × 1000 / (80/7) / 2
	// = 43 750; clicks 43 750 × 0.33/41 = 14 437.5/41; customers × 3/52 =
	// 43 312.5/2132 = 20.31543151969981…; cost 500.
	// End of plan: customers 20 + 20.3154315197 = 40.3154315197; cost 600
	// + 500 = 1100; revenue 1000 + 50 × 20.3154315197 = 2015.771575985.
	nearN(t, "customers", rf.Totals.Customers, "40.31543151969981", "1e-9")
	nearN(t, "cost", rf.Totals.Cost, "1100", "1e-12")
	nearN(t, "revenue", rf.Totals.Revenue, "2015.7715759849906", "1e-8")
	nearN(t, "plan customers", rf.PlanTotals.Customers, "50", "1e-12")
	// The objective (45 customers by the end of February) is now missed.
	if o := rf.Objectives[0]; o.Met || !o.Value.Valid || tr.Objectives[0].ForecastMet {
		t.Errorf("objective %+v", o)
	}
	near(t, "month 2 customers", rf.Months[1].Customers, "20.31543151969981", "1e-9")
	// Levers: ctr and cpm lag; the forecast CPA 1100/40.3 = 27.3 > CLV 25.
	kpis := map[string]bool{}
	for _, r := range rf.Recommendations {
		kpis[r.KPI] = true
	}
	if !kpis["ctr"] || !kpis["cpa"] {
		t.Errorf("recommendations %v", kpis)
	}
	// The corrected plan is valid and the Monte Carlo runs on it.
	if errs := plan.Validate(rf.Plan); len(errs) > 0 {
		t.Fatal(errs)
	}
	ch, err := ReforecastChances(context.Background(), rf, UncertaintyOptions{Runs: 200})
	if err != nil || len(ch) != 1 {
		t.Fatalf("chances %v %v", ch, err)
	}
}

func TestDashboard(t *testing.T) {
	p := trackPlan()
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	ks := tr.Dashboard.KPIs
	if len(ks) < MinDashboardKPIs || len(ks) > MaxDashboardKPIs {
		t.Fatalf("%d KPIs", len(ks))
	}
	// The objective's metric first in its stage (conversion → sales), then
	// the sales KPIs; stages in life-cycle order.
	if ks[0].Stage != "sales" || ks[0].Name != "customers" || ks[0].Reason != "objective:clients" {
		t.Errorf("first KPI %+v", ks[0])
	}
	last := 0
	for _, k := range ks {
		i := 0
		for j, s := range LifecycleStages {
			if s == k.Stage {
				i = j
			}
		}
		if i < last {
			t.Errorf("stages out of order at %s", k.Name)
		}
		last = i
		if len(k.Trend) != 2 || !k.Trend[0].Actual.Valid && k.Actual.Valid || k.Trend[1].Actual.Valid {
			t.Errorf("%s trend %+v", k.Name, k.Trend)
		}
	}
	c := tr.Dashboard.Stage("sales")[0]
	if c.Status != StatusBehind || !c.Trend[1].Forecast.Valid {
		t.Errorf("customers %+v", c)
	}
}

func TestEngagementScore(t *testing.T) {
	p := trackPlan()
	// Only the ctr can be measured: index = 0.008 / 0.01 × 100 = 80, and
	// its weight alone counts: score 80.
	s, err := Engagement(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "score", s.Score, "80", "1e-12")
	// With an email channel at click rate 0.03 planned and 0.036 observed
	// (index 120) and weights ctr 0.5, click_rate 0.3: (0.5×80 + 0.3×120)
	// / 0.8 = 95.
	p.Channels = append(p.Channels, plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, ListSize: 1000,
		Sends: 1, ClickRate: d("0.03"), OpenRate: d("0.2"), ConversionRate: d("0.1")})
	p.Actuals = append(p.Actuals, plan.Actual{Channel: "mail", Month: 1, Spend: d("0"), Exposures: nd("500"),
		Interactions: nd("18"), Customers: d("1"), Revenue: d("50")})
	s, err = Engagement(p, []EngagementWeight{{KPI: "open_rate", Weight: d("0.2")}, {KPI: "ctr", Weight: d("0.5")}, {KPI: "click_rate", Weight: d("0.3")}})
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "score", s.Score, "95", "1e-12")
	if s.Indices[0].Index.Valid {
		t.Error("open rate measured without opens")
	}
}

func TestAttribution(t *testing.T) {
	p := basePlan()
	p.Channels = []plan.Channel{{ID: "mailing"}, {ID: "display"}, {ID: "search"}}
	paths := []plan.ConversionPath{
		{ID: "p1", Channels: []string{"search", "mailing", "display"}, Converted: true, Revenue: d("100")},
		{ID: "p2", Channels: []string{"mailing"}, Converted: true, Revenue: d("50")},
		{ID: "p3", Channels: []string{"display", "search"}, Converted: true, Revenue: d("30")},
		{ID: "p4", Channels: []string{"search", "display"}},
	}
	a, err := Attribute(p, paths)
	if err != nil {
		t.Fatal(err)
	}
	if a.Paths != 4 || !a.Conversions.Equal(d("3")) || !a.Revenue.Equal(d("180")) {
		t.Fatalf("totals %+v", a)
	}
	// channel order: mailing, display, search — conversions then revenue.
	want := map[AttributionModel][3][2]string{
		// first touch: p1 → search (100), p2 → mailing (50), p3 → display (30).
		FirstTouch: {{"1", "50"}, {"1", "30"}, {"1", "100"}},
		// last touch: p1 → display (100), p2 → mailing, p3 → search (30).
		LastTouch: {{"1", "50"}, {"1", "100"}, {"1", "30"}},
		// linear: p1 a third each (33.33…), p2 mailing, p3 half each (15):
		// mailing 1/3 + 1 and 33.33 + 50; display 1/3 + 1/2 and 33.33 + 15
		// (the last touch of p1 takes the rounding remainder); search the same.
		Linear: {{"1.333333333333333333333333", "83.333333333333333333333333"},
			{"0.833333333333333333333334", "48.333333333333333333333334"},
			{"0.833333333333333333333333", "48.333333333333333333333333"}},
		// position-based: p1 40/20/40 → search 0.4 (40), mailing 0.2 (20),
		// display 0.4 (40); p2 100 % mailing; p3 two touches, 50/50 (15 each).
		// mailing 1.2 and 70; display 0.9 and 55; search 0.9 and 55.
		PositionBased: {{"1.2", "70"}, {"0.9", "55"}, {"0.9", "55"}},
	}
	for _, m := range AttributionModels {
		tb, _ := a.Table(m)
		var sc, sr = d("0"), d("0")
		for i, c := range tb.Channels {
			near(t, string(m)+" "+c.Channel+" conversions", c.Conversions, want[m][i][0], "1e-20")
			near(t, string(m)+" "+c.Channel+" revenue", c.Revenue, want[m][i][1], "1e-20")
			sc, sr = sc.Add(c.Conversions), sr.Add(c.Revenue)
		}
		if !sc.Equal(d("3")) || !sr.Equal(d("180")) {
			t.Errorf("%s credits add up to %s and %s, want exactly 3 and 180", m, sc, sr)
		}
	}
	// Spread of mailing: conversions 1 to 4/3, revenue 50 to 83.33.
	near(t, "mailing spread", a.Spread[0].RevenueSpread, "33.333333333333333333333333", "1e-20")
	// edge cases of the position-based weights
	for n, w := range map[int][]string{1: {"1"}, 2: {"0.5", "0.5"}, 4: {"0.4", "0.1", "0.1", "0.4"}} {
		got := positionWeights(PositionBased, n)
		for i := range w {
			near(t, "weight", got[i], w[i], "0")
		}
	}
	if _, err := Attribute(p, []plan.ConversionPath{{ID: "x", Channels: []string{"tv"}}}); err == nil {
		t.Error("unknown channel accepted")
	}
}

// TestReforecastChancesDecided: in the google-ads example every month has
// actuals (a one-month plan, fully run), so each objective is decided by
// the actuals: its chance is 1 when the actuals meet it, 0 otherwise — not
// a Monte Carlo guess about months that are over.
func TestReforecastChancesDecided(t *testing.T) {
	p, err := plan.Example("google-ads")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	rf := tr.Reforecast
	if rf.FromMonth <= p.Info.Months {
		t.Fatalf("FromMonth %d: the example should be fully run", rf.FromMonth)
	}
	ch, err := ReforecastChances(context.Background(), rf, UncertaintyOptions{Runs: 200})
	if err != nil || len(ch) != len(p.Objectives) {
		t.Fatalf("chances %v %v", ch, err)
	}
	for i, c := range ch {
		want := zero
		if rf.Objectives[i].Met {
			want = one
		}
		if !c.Probability.Equal(want) {
			t.Errorf("%s: chance %s, want %s (met %v)", c.ID, c.Probability, want, rf.Objectives[i].Met)
		}
	}
}

// TestVariancePct: (actual − plan) / |plan|, undefined over a zero plan.
func TestVariancePct(t *testing.T) {
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	cases := []struct {
		name         string
		actual, plan decimal.NullDecimal
		want         string // "" means undefined
	}{
		{"ahead", nd("120"), nd("100"), "0.2"},          // (120 − 100)/100
		{"behind", nd("75"), nd("100"), "-0.25"},        // (75 − 100)/100
		{"negative plan", nd("-50"), nd("-100"), "0.5"}, // (−50 + 100)/|−100|: better than planned
		{"zero plan", nd("10"), nd("0"), ""},
		{"undefined actual", decimal.NullDecimal{}, nd("100"), ""},
	}
	for _, c := range cases {
		got := VariancePct(c.actual, c.plan)
		if c.want == "" {
			if got.Valid {
				t.Errorf("%s: %s, want undefined", c.name, got.Decimal)
			}
			continue
		}
		if !got.Valid || !got.Decimal.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("%s: %v, want %s", c.name, got, c.want)
		}
	}
}
