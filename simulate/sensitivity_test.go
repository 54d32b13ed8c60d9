package simulate

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
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

// sensitivityByFullRuns is Sensitivity as it was before issue 9: every end
// of every input simulates the whole moved plan with RunWith (O(channels²)
// for the plan). It is the reference the linear Sensitivity must equal.
func sensitivityByFullRuns(t *testing.T, p plan.Plan, metric string) SensitivityResult {
	t.Helper()
	fast, err := Sensitivity(p, metric) // for the list of inputs and their ends
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := SpecOf(metric)
	base, err := RunWith(p, plan.Library{})
	if err != nil {
		t.Fatal(err)
	}
	res := SensitivityResult{Metric: metric, Unit: spec.Unit, Base: spec.Get(base.Totals)}
	for _, in := range fast.Inputs {
		ci := -1
		for i, c := range p.Channels {
			if c.ID == in.Channel {
				ci = i
			}
		}
		ref := SensitivityInput{Channel: in.Channel, Input: in.Input, Ranged: in.Ranged, Value: in.Value, Low: in.Low, High: in.High}
		for _, end := range []struct {
			v   decimal.Decimal
			out *decimal.NullDecimal
		}{{in.Low, &ref.ValueLow}, {in.High, &ref.ValueHigh}} {
			q := p.Clone()
			q.Channels[ci].Ranges = nil
			q.Channels[ci].SetValue(in.Input, end.v)
			biz, ins, err := scenarioInputs(q, BaseScenario) // RunWith without re-validating the moved plan
			if err != nil {
				t.Fatal(err)
			}
			*end.out = spec.Get(newEngine(q, biz, ins).result(BaseScenario).Totals)
		}
		if ref.ValueLow.Valid && ref.ValueHigh.Valid {
			ref.Swing = valid(ref.ValueHigh.Decimal.Sub(ref.ValueLow.Decimal).Abs())
		}
		res.Inputs = append(res.Inputs, ref)
	}
	return res
}

// TestSensitivityMatchesFullRuns: the linear Sensitivity (one channel
// re-run per end) gives, digit for digit, what full runs of each moved
// plan give, on every example for every figure, and on generated plans.
func TestSensitivityMatchesFullRuns(t *testing.T) {
	str := func(x decimal.NullDecimal) string {
		if !x.Valid {
			return "undefined"
		}
		return x.Decimal.String()
	}
	compare := func(what string, p plan.Plan, metric string) {
		t.Helper()
		got, err := Sensitivity(p, metric)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		want := sensitivityByFullRuns(t, p, metric)
		if str(got.Base) != str(want.Base) {
			t.Errorf("%s %s: base %s, full run %s", what, metric, str(got.Base), str(want.Base))
		}
		for i := range want.Inputs {
			g, w := got.Inputs[i], want.Inputs[i]
			if str(g.ValueLow) != str(w.ValueLow) || str(g.ValueHigh) != str(w.ValueHigh) || str(g.Swing) != str(w.Swing) {
				t.Errorf("%s %s: %s.%s = %s / %s (swing %s), full runs %s / %s (swing %s)", what, metric, g.Channel, g.Input,
					str(g.ValueLow), str(g.ValueHigh), str(g.Swing), str(w.ValueLow), str(w.ValueHigh), str(w.Swing))
			}
		}
	}
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range FigureSpecs() {
			compare(name, p, s.Name)
		}
	}
	rng := rand.New(rand.NewPCG(9, 13))
	for i := 0; i < 40; i++ {
		p := genPlan(rng)
		if len(plan.Validate(p)) > 0 {
			continue
		}
		for _, m := range []string{"net_profit", "customers", "cpa", "payback_month", "cpm", "leads"} {
			compare(fmt.Sprintf("generated plan %d", i), p, m)
		}
	}
	compare("bigPlan(26, 12)", bigPlan(26, 12), "net_profit")
	compare("bigPlan(26, 12)", bigPlan(26, 12), "roi")
}
