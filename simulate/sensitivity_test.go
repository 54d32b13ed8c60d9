package simulate

import (
	"testing"

	"campaignsim/plan"
)

// sensitivityPlan: basePlan (A = 10, g = 0.5, one-shot buyers) with
//   - a fair: 1000 contacts × response 0.1 × conversion 0.2 = 20 customers,
//     fixed cost 500, conversion rate ranged [0.1, 0.4];
//   - search ads: 300 / cpc 1.5 = 200 clicks × 0.05 = 10 customers.
//
// Each customer brings a gross margin of 10 × 0.5 = 5: net profit =
// 30 × 5 − 800 = −650.
func sensitivityPlan() plan.Plan {
	return withChannels(basePlan(),
		plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, FixedCost: d("500"), Contacts: d("1000"),
			ResponseRate: d("0.1"), ConversionRate: d("0.2"), Ranges: []plan.Range{span("conversion_rate", "0.1", "0.4")}},
		plan.Channel{ID: "ads", Name: "Ads", Kind: plan.Search, Budget: d("300"), CPC: d("1.5"), ConversionRate: d("0.05")},
	)
}

func TestSensitivityNetProfit(t *testing.T) {
	r, err := Sensitivity(sensitivityPlan(), "net_profit")
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "base", r.Base, "-650", "0")
	// fair conversion 0.1 / 0.4 (its range): 10 / 40 customers, margin
	//   50 / 200: −700 / −550, swing 150;
	// fair response 0.08 / 0.12 (±20 %): 16 / 24 customers: −670 / −630, swing 40;
	// ads cpc 1.2 / 1.8: 250 / 166.67 clicks, 12.5 / 8.333 customers:
	//   −637.5 / −658.333, swing 20.833;
	// ads conversion 0.04 / 0.06: 8 / 12 customers: −660 / −640, swing 20.
	want := []struct {
		ch, in              string
		ranged              bool
		low, high, vlo, vhi string
		swing               string
	}{
		{"fair", "conversion_rate", true, "0.1", "0.4", "-700", "-550", "150"},
		{"fair", "response_rate", false, "0.08", "0.12", "-670", "-630", "40"},
		{"ads", "cpc", false, "1.2", "1.8", "-637.5", "-658.333333333333", "20.833333333333"},
		{"ads", "conversion_rate", false, "0.04", "0.06", "-660", "-640", "20"},
	}
	if len(r.Inputs) != len(want) {
		t.Fatalf("%d inputs, want %d: %+v", len(r.Inputs), len(want), r.Inputs)
	}
	for i, w := range want {
		g := r.Inputs[i]
		if g.Channel != w.ch || g.Input != w.in || g.Ranged != w.ranged {
			t.Errorf("input %d = %s.%s (ranged %v), want %s.%s (%v)", i, g.Channel, g.Input, g.Ranged, w.ch, w.in, w.ranged)
			continue
		}
		near(t, w.in+" low", g.Low, w.low, "0")
		near(t, w.in+" high", g.High, w.high, "0")
		nearN(t, w.in+" value at low", g.ValueLow, w.vlo, "1e-9")
		nearN(t, w.in+" value at high", g.ValueHigh, w.vhi, "1e-9")
		nearN(t, w.in+" swing", g.Swing, w.swing, "1e-9")
	}
}

func TestSensitivityCustomers(t *testing.T) {
	r, err := Sensitivity(sensitivityPlan(), "customers")
	if err != nil {
		t.Fatal(err)
	}
	nearN(t, "base", r.Base, "30", "0")
	swings := []string{"30", "8", "4.166666666667", "4"}
	for i, s := range swings {
		nearN(t, r.Inputs[i].Channel+"."+r.Inputs[i].Input+" swing", r.Inputs[i].Swing, s, "1e-9")
	}
}

func TestSensitivityClampsRates(t *testing.T) {
	p := withChannels(basePlan(), plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, Contacts: d("100"),
		ResponseRate: d("0.9"), ConversionRate: d("1")})
	r, err := Sensitivity(p, "customers")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range r.Inputs {
		if in.High.GreaterThan(one) {
			t.Errorf("%s high end %s above 1", in.Input, in.High)
		}
	}
	// conversion 0.8 / 1 → 72 / 90 customers; response 0.72 / 1 → 72 / 100.
	if r.Inputs[0].Input != "response_rate" {
		t.Errorf("largest swing %s, want response_rate", r.Inputs[0].Input)
	}
	nearN(t, "response swing", r.Inputs[0].Swing, "28", "0")
	nearN(t, "conversion swing", r.Inputs[1].Swing, "18", "0")
}

func TestSensitivityErrors(t *testing.T) {
	if _, err := Sensitivity(sensitivityPlan(), "happiness"); err == nil {
		t.Error("unknown metric: no error")
	}
	p := sensitivityPlan()
	p.Info.Months = 0
	if _, err := Sensitivity(p, "net_profit"); err == nil {
		t.Error("invalid plan: no error")
	}
}

func TestSensitivityExamples(t *testing.T) {
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Sensitivity(p, "net_profit")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(r.Inputs) == 0 {
			t.Errorf("%s: no input", name)
		}
		for i := 1; i < len(r.Inputs); i++ {
			a, b := r.Inputs[i-1].Swing, r.Inputs[i].Swing
			if a.Valid && b.Valid && a.Decimal.LessThan(b.Decimal) {
				t.Errorf("%s: inputs not sorted by swing at %d", name, i)
			}
		}
	}
}
