package simulate

import (
	"slices"
	"testing"

	"campaignsim/plan"
)

func TestEngagementKPIsAreThePlans(t *testing.T) {
	if len(EngagementKPIs) != len(plan.EngagementKPIs) || len(DefaultEngagementWeights) != len(plan.EngagementKPIs) {
		t.Fatalf("%d kinds, %d defaults for %d KPIs", len(EngagementKPIs), len(DefaultEngagementWeights), len(plan.EngagementKPIs))
	}
	for i, kpi := range plan.EngagementKPIs {
		if _, ok := EngagementKPIs[kpi]; !ok {
			t.Errorf("no kinds for %s", kpi)
		}
		if DefaultEngagementWeights[i].KPI != kpi {
			t.Errorf("default weight %d is for %s, want %s", i, DefaultEngagementWeights[i].KPI, kpi)
		}
	}
}

func TestEngagementPlanWeights(t *testing.T) {
	p := trackPlan()
	p.Channels = append(p.Channels, plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, ListSize: 1000,
		Sends: 1, ClickRate: d("0.03"), OpenRate: d("0.2"), ConversionRate: d("0.1")})
	p.Actuals = append(p.Actuals, plan.Actual{Channel: "mail", Month: 1, Spend: d("0"), Exposures: nd("500"),
		Interactions: nd("18"), Customers: d("1"), Revenue: d("50")})

	// Without [tracking]: the defaults, ctr 0.3 (index 80: 320 / 40000 =
	// 0.008 observed against 0.01 planned) and click_rate 0.3 (index 120:
	// 18 / 500 = 0.036 against 0.03): (0.3×80 + 0.3×120) / 0.6 = 100.
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "default score", tr.Engagement.Score, "100", "1e-12")
	if tr.Engagement.FromPlan {
		t.Error("default weights said to come from the plan")
	}

	// The plan's weights: click_rate 3, ctr 1, open_rate 2 (never measured:
	// left out), response_rate absent (weight 0, no such channel anyway):
	// (1×80 + 3×120) / (1 + 3) = 440 / 4 = 110.
	p.Tracking.EngagementWeights = []plan.EngagementWeight{
		{KPI: plan.KPIClickRate, Weight: d("3")}, {KPI: plan.KPICTR, Weight: d("1")}, {KPI: plan.KPIOpenRate, Weight: d("2")}}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	tr, err = Track(p)
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Engagement
	nearN(t, "plan score", s.Score, "110", "1e-12")
	if !s.FromPlan {
		t.Error("the plan's weights not said to come from the plan")
	}
	var kpis []string
	for _, ix := range s.Indices {
		kpis = append(kpis, ix.KPI)
	}
	if !slices.Equal(kpis, plan.EngagementKPIs) || !s.Indices[3].Weight.IsZero() || !s.Indices[1].Weight.Equal(d("3")) {
		t.Errorf("indices %+v", s.Indices)
	}
	nearN(t, "click index", s.Indices[1].Index, "120", "1e-12")
	nearN(t, "ctr index", s.Indices[2].Index, "80", "1e-12")

	// Engagement with nil weights takes the plan's too; given weights win.
	e, err := Engagement(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "Engagement", e.Score, "110", "1e-12")
	e, err = Engagement(p, []EngagementWeight{{KPI: plan.KPICTR, Weight: d("1")}})
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "given", e.Score, "80", "1e-12")
	if e.FromPlan {
		t.Error("given weights said to come from the plan")
	}
}

func TestEngagementWeightsOf(t *testing.T) {
	w, fromPlan := EngagementWeightsOf(plan.Plan{})
	if fromPlan || len(w) != len(DefaultEngagementWeights) {
		t.Fatalf("%v %v", w, fromPlan)
	}
	w[0].Weight = d("9") // a copy: the defaults stay as they are
	if !DefaultEngagementWeights[0].Weight.Equal(d("0.2")) {
		t.Error("EngagementWeightsOf returned the defaults themselves")
	}
}
