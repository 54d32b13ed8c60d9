package simulate

import (
	"testing"

	"campaignsim/plan"
)

// unknownPlan is trackPlan with an email channel whose actual row comes
// from a Mailchimp export: no cost column, so its spend is unknown.
//
// Mail, month 1: 500 delivered, 110 unique opens, 18 clicks, 1 customer,
// revenue 50 (cogs unset: 50 × 0.5 = 25). Ads, month 1 (trackPlan): spend
// 600, 20 customers, revenue 1000, cogs 500.
func unknownPlan() plan.Plan {
	p := trackPlan()
	p.Channels = append(p.Channels, plan.Channel{ID: "mail", Name: "Newsletter", Kind: plan.Email, ListSize: 1000,
		Sends: 1, ClickRate: d("0.03"), OpenRate: d("0.2"), ConversionRate: d("0.1")})
	p.Actuals = append(p.Actuals, plan.Actual{Channel: "mail", Month: 1, SpendUnknown: true, Exposures: nd("500"),
		Opens: nd("110"), Interactions: nd("18"), Customers: d("1"), Revenue: d("50")})
	return p
}

// TestEvaluateSpendUnknown: the figures that derive from the cost are
// unknown (undefined) wherever a spend is, not computed with 0 €; the
// others stay known.
//
// Mail: cost, cpa, roi, romi, roas, net profit unknown; customers 1,
// revenue 50, gross margin 50 − 25 = 25 known. Ads: cost 600, cpa
// 600 / 20 = 30. Totals: cost = 600 + unknown is unknown, so are cpa,
// roi, budget left and the cost's variance; customers 20 + 1 = 21,
// revenue 1000 + 50 = 1050, gross margin 1050 − 525 = 525.
func TestEvaluateSpendUnknown(t *testing.T) {
	ev, err := Evaluate(unknownPlan())
	if err != nil {
		t.Fatal(err)
	}
	var ads, mail Figures
	for _, c := range ev.Actual.Channels {
		switch c.ID {
		case "ads":
			ads = c.Figures
		case "mail":
			mail = c.Figures
		}
	}
	for _, name := range SpendFigures {
		s, _ := SpecOf(name)
		undefined(t, "mail "+name, s.Get(mail))
		undefined(t, "totals "+name, s.Get(ev.Actual.Totals))
		undefined(t, "variance "+name, s.Get(ev.Variance))
	}
	nearN(t, "mail customers", mail.Customers, "1", "0")
	nearN(t, "mail revenue", mail.Revenue, "50", "0")
	nearN(t, "mail gross margin", mail.GrossMargin, "25", "0")
	nearN(t, "ads cost", ads.Cost, "600", "0")
	nearN(t, "ads cpa", ads.CPA, "30", "0")
	nearN(t, "customers", ev.Actual.Totals.Customers, "21", "0")
	nearN(t, "revenue", ev.Actual.Totals.Revenue, "1050", "0")
	nearN(t, "gross margin", ev.Actual.Totals.GrossMargin, "525", "0")
	found := false
	for _, w := range ev.Actual.Warnings {
		if w.Code == WarnSpendUnknown && w.Channel == "mail" && w.Msg.Code == MsgSpendUnknown {
			found = true
		}
	}
	if !found {
		t.Errorf("no %s warning for mail: %+v", WarnSpendUnknown, ev.Actual.Warnings)
	}
}

// TestTrackSpendUnknown: Track's comparisons say which actual values are
// unknown (Comparison.Unknown), the same rule per channel, per month and
// for the totals; the re-forecast's end-of-plan cost is unknown too
// (actual + forecast), its customers known (20 + 1 actual + the forecast
// months').
func TestTrackSpendUnknown(t *testing.T) {
	tr, err := Track(unknownPlan())
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, cs []Comparison, name string, unknown bool) {
		t.Helper()
		c, ok := FindComparison(cs, name)
		if !ok {
			t.Fatalf("%s: no %s", what, name)
		}
		if c.Unknown != unknown {
			t.Errorf("%s %s: Unknown %v, want %v", what, name, c.Unknown, unknown)
		}
		if unknown && (c.Actual.Valid || c.Variance.Valid || c.VariancePct.Valid || c.Status != StatusNone) {
			t.Errorf("%s %s: unknown but %+v", what, name, c)
		}
		if !unknown && !c.Actual.Valid {
			t.Errorf("%s %s: known but undefined", what, name)
		}
	}
	check("totals", tr.Totals, "cost", true)
	check("totals", tr.Totals, "cpa", true)
	check("totals", tr.Totals, "roi", true)
	check("totals", tr.Totals, "customers", false)
	check("totals", tr.Totals, "gross_margin", false)
	check("month 1", tr.TotalsByMonth[0].Figures, "cost", true)
	for _, ch := range tr.Channels {
		unknown := ch.ID == "mail"
		check(ch.ID, ch.Cumulative, "cost", unknown)
		check(ch.ID, ch.Cumulative, "cpa", unknown)
		check(ch.ID+" month 1", ch.Months[0].Figures, "cost", unknown)
		check(ch.ID, ch.Cumulative, "customers", false)
	}
	if !tr.Unknowns.Any() || !tr.Unknowns.Figure("mail", "cpa", []int{1}) || tr.Unknowns.Figure("ads", "cpa", nil) ||
		tr.Unknowns.Figure("mail", "customers", nil) || tr.Unknowns.Figure("mail", "cost", []int{2}) {
		t.Errorf("Unknowns %+v", tr.Unknowns)
	}
	undefined(t, "re-forecast cost", tr.Reforecast.Totals.Cost)
	undefined(t, "re-forecast cpa", tr.Reforecast.Totals.CPA)
	if !tr.Reforecast.Totals.Customers.Valid {
		t.Error("re-forecast customers undefined")
	}
	for _, o := range tr.Objectives { // customers: known
		if o.SoFarUnknown || o.ForecastUnknown || !o.SoFar.Valid {
			t.Errorf("objective %+v", o)
		}
	}
}

// TestReforecastCPCKnownSpendOnly: the observed cpc is the known spend
// over the clicks of the same rows — a row whose spend is unknown
// measures no cpc. Month 1: spend 200, 100 clicks; month 2: spend
// unknown, 100 clicks. Observed cpc = 200 / 100 = 2 (with the unknown
// row counted as 0 € it would read 200 / 200 = 1), over a volume of 100
// clicks.
func TestReforecastCPCKnownSpendOnly(t *testing.T) {
	p := withChannels(basePlan(), plan.Channel{ID: "ads", Name: "Search", Kind: plan.Search, Budget: d("300"),
		CPC: d("1.5"), ConversionRate: d("0.1")})
	p.Actuals = []plan.Actual{
		{Channel: "ads", Month: 1, Spend: d("200"), Interactions: nd("100"), Customers: d("10"), Revenue: d("100")},
		{Channel: "ads", Month: 2, SpendUnknown: true, Interactions: nd("100"), Customers: d("10"), Revenue: d("100")},
	}
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	var got *ReforecastInput
	for i, in := range tr.Reforecast.Inputs {
		if in.Input == "cpc" {
			got = &tr.Reforecast.Inputs[i]
		}
	}
	if got == nil {
		t.Fatalf("no cpc input: %+v", tr.Reforecast.Inputs)
	}
	near(t, "observed cpc", got.Observed, "2", "0")
	near(t, "volume", got.Volume, "100", "0")
}

// TestEngagementOpenRate: the open rate is measured where the actuals
// give opens (Mailchimp's Unique Opens): actual 110 opens / 500 delivered
// = 0.22; the plan's, its open_rate 0.2 over its planned deliveries of
// the month (delivered × 0.2 / delivered); index 0.22 / 0.2 × 100 = 110.
// With the open rate alone weighed, the score is 110.
func TestEngagementOpenRate(t *testing.T) {
	s, err := Engagement(unknownPlan(), []EngagementWeight{{KPI: plan.KPIOpenRate, Weight: d("1")}})
	if err != nil {
		t.Fatal(err)
	}
	ix := s.Indices[0]
	nearN(t, "actual open rate", ix.Actual, "0.22", "0")
	nearN(t, "plan open rate", ix.Plan, "0.2", "1e-20")
	nearN(t, "index", ix.Index, "110", "1e-12")
	nearN(t, "score", s.Score, "110", "1e-12")
}
