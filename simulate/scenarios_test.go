package simulate

import (
	"strings"
	"testing"

	"campaignsim/plan"
)

// scenarioPlan: display 350 € at cpm 3.5 → 100000 impressions, ctr 0.0046
// → 460 clicks, 2 % → 9.2 customers; email to 1000 (1 send), click 5 %
// → 50 clicks, 10 % → 5 customers. A = 10, g = 0.5: revenue 10 per customer.
func scenarioPlan() plan.Plan {
	p := withChannels(basePlan(),
		plan.Channel{ID: "disp", Name: "Banners", Kind: plan.Display, ConversionRate: d("0.02"),
			Budget: d("350"), CPM: d("3.5"), CTR: nd("0.0046"), Audience: nd("10000000000")},
		plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, ConversionRate: d("0.1"), ListSize: 1000, Sends: 1,
			OpenRate: d("0.2"), ClickRate: d("0.05")})
	p.Scenarios = []plan.Scenario{
		// ctr × 0.5 everywhere: display clicks 230 → 4.6 customers (email has no ctr: unchanged).
		// average_order × 2: revenue 20 per customer.
		{Name: "Pessimistic", Factors: []plan.Factor{{Input: "ctr", Factor: d("0.5")}, {Input: "average_order", Factor: d("2")}}},
		// one channel: email click_rate × 2 → 100 clicks → 10 customers; display unchanged.
		// conversion_rate × 20 on the email: 0.1 × 20 = 2, clamped to 1 → 50 customers.
		{Name: "Mail only", Channels: []plan.ChannelFactors{{ID: "mail", Factors: []plan.Factor{{Input: "click_rate", Factor: d("2")}}}}},
		{Name: "Clamp", Channels: []plan.ChannelFactors{{ID: "mail", Factors: []plan.Factor{{Input: "conversion_rate", Factor: d("20")}}}}},
	}
	return p
}

func TestScenarios(t *testing.T) {
	p := scenarioPlan()
	rs, err := RunAll(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 4 {
		t.Fatalf("%d results", len(rs))
	}
	// The audience of 10^10 barely bends 100000 impressions:
	// 10^10(1 − e^(−10^-5)) = 100000 × (1 − 5·10^-6 + …) ≈ 99999.5 → tolerance 1e-3 on customers.
	for _, c := range []struct {
		i                   int
		name                string
		disp, mail, revenue string
	}{
		{0, "base", "9.2", "5", "142"},        // (9.2 + 5) × 10
		{1, "Pessimistic", "4.6", "5", "192"}, // (4.6 + 5) × 20
		{2, "Mail only", "9.2", "10", "192"},  // (9.2 + 10) × 10
		{3, "Clamp", "9.2", "50", "592"},      // (9.2 + 50) × 10
	} {
		r := rs[c.i]
		if r.Scenario != c.name {
			t.Errorf("result %d is %q, want %q", c.i, r.Scenario, c.name)
		}
		nearN(t, c.name+" display customers", r.Channels[0].Figures.Customers, c.disp, "1e-3")
		nearN(t, c.name+" email customers", r.Channels[1].Figures.Customers, c.mail, "1e-20")
		nearN(t, c.name+" revenue", r.Totals.Revenue, c.revenue, "1e-2")
	}
	one, err := RunScenario(p, "Mail only")
	if err != nil {
		t.Fatal(err)
	}
	if !one.Totals.Customers.Decimal.Equal(rs[2].Totals.Customers.Decimal) {
		t.Error("RunScenario differs from RunAll")
	}
	base, err := RunScenario(p, BaseScenario)
	if err != nil {
		t.Fatal(err)
	}
	if !base.Totals.Customers.Decimal.Equal(rs[0].Totals.Customers.Decimal) {
		t.Error("RunScenario(base) differs from Run")
	}
	if _, err := RunScenario(p, "Nope"); err == nil || !strings.Contains(err.Error(), `"Nope"`) {
		t.Errorf("unknown scenario: err = %v", err)
	}
}

// TestScenarioAchievableFromBase: an objective met by the base (≥ 10
// customers, base 14.2) but not by the pessimistic scenario (9.6): the
// scenario's Met is false, its SMART Achievable stays the base's (true).
func TestScenarioAchievableFromBase(t *testing.T) {
	p := scenarioPlan()
	p.Objectives = []plan.Objective{{ID: "c", Metric: "customers", Target: d("10"), Direction: plan.AtLeast,
		Statement: "10 customers", Purpose: "conversion"}}
	r, err := RunScenario(p, "Pessimistic")
	if err != nil {
		t.Fatal(err)
	}
	if r.Objectives[0].Met || !r.Objectives[0].Smart.Achievable.OK {
		t.Errorf("objective %+v", r.Objectives[0])
	}
}
