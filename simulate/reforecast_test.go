package simulate

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
)

// betterThanPlanned is the google-ads example stretched to two months
// (objectives due at the end of month 2, so their chance is still open)
// with one month of actuals far better than planned: 100 customers from 5
// clicks, an observed conversion rate of 100 / 5 = 20 (2000 %).
func betterThanPlanned(t *testing.T) plan.Plan {
	t.Helper()
	p, err := plan.Example("google-ads")
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Months = 2
	for i := range p.Objectives {
		p.Objectives[i].Deadline = plan.NewDate(2027, time.April, 30)
	}
	p.Actuals = []plan.Actual{{Channel: "google-ads-search", Month: 1, Spend: d("2000"),
		Interactions: nd("5"), Customers: d("100"), Revenue: d("10000"), COGS: nd("5000")}}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatalf("test plan invalid: %v", errs)
	}
	return p
}

// TestReforecastRatesStayInRange: the re-forecast's blended conversion
// rate is w·observed + (1 − w)·planned with w = n·p/(n·p + 10) = 5 × 0.2
// / (5 × 0.2 + 10) = 1/11, so 20/11 + (10/11) × 0.2 = 22/11 = 2 before the
// clamp: it must be held at 1, the corrected plan must be valid, and the
// chance of the objectives must be computed — not an error naming
// channels[0].conversion_rate, a value the user never wrote.
// (Before the fix: ReforecastChances returned the ErrorList
// "channels[0].conversion_rate = 1.99…98 is out of range".)
func TestReforecastRatesStayInRange(t *testing.T) {
	p := betterThanPlanned(t)
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	rf := tr.Reforecast
	var conv *ReforecastInput
	for i := range rf.Inputs {
		if rf.Inputs[i].Input == "conversion_rate" {
			conv = &rf.Inputs[i]
		}
	}
	if conv == nil {
		t.Fatalf("no conversion_rate among the re-forecast inputs: %+v", rf.Inputs)
	}
	if !conv.Observed.Equal(d("20")) {
		t.Errorf("observed conversion rate = %s, want 100/5 = 20", conv.Observed)
	}
	if !conv.Blended.Equal(one) {
		t.Errorf("blended conversion rate = %s, want 1 (2 clamped to [0, 1])", conv.Blended)
	}
	if got := rf.Plan.Channels[0].ConversionRate; !got.Equal(one) {
		t.Errorf("corrected plan's conversion_rate = %s, want 1", got)
	}
	if errs := plan.Validate(rf.Plan); len(errs) > 0 {
		t.Errorf("the corrected plan is invalid: %v", errs)
	}
	chances, err := ReforecastChances(context.Background(), rf, UncertaintyOptions{Runs: 300})
	if err != nil {
		t.Fatalf("ReforecastChances: %v", err)
	}
	if len(chances) != len(p.Objectives) {
		t.Fatalf("%d chances for %d objectives", len(chances), len(p.Objectives))
	}
	for _, c := range chances {
		if c.Probability.IsNegative() || c.Probability.GreaterThan(one) {
			t.Errorf("objective %s: chance %s outside [0, 1]", c.ID, c.Probability)
		}
	}
}

// TestReforecastCostsStayInRange: the blended cpc moves its range by the
// same factor, and a range already reaching the key's maximum must not be
// pushed past it. Planned cpc 1 with range [0.5, 10^12]; actual media 10^12
// over 10^9 clicks: observed cpc 1000, w = 10^9/(10^9 + 100) ≈ 1, blended
// ≈ 1000, factor ≈ 1000: the range would become ≈ [500, 10^15]. Its high
// end must be held at 10^12 (the range of cpc: above 0, at most 10^12) so
// that the corrected plan validates.
func TestReforecastCostsStayInRange(t *testing.T) {
	p := betterThanPlanned(t)
	p.Channels[0].CPC = d("1")
	p.Channels[0].Ranges = []plan.Range{{Input: "conversion_rate", Low: d("0.12"), High: d("0.22")},
		{Input: "cpc", Low: d("0.5"), High: d("1000000000000")}}
	p.Actuals = []plan.Actual{{Channel: "google-ads-search", Month: 1, Spend: d("1000000000000"),
		Interactions: nd("1000000000"), Customers: d("100"), Revenue: d("10000")}}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatalf("test plan invalid: %v", errs)
	}
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	if errs := plan.Validate(tr.Reforecast.Plan); len(errs) > 0 {
		t.Errorf("the corrected plan is invalid: %v", errs)
	}
	r, ok := tr.Reforecast.Plan.Channels[0].Range("cpc")
	if !ok {
		t.Fatal("the cpc range was dropped")
	}
	if r.Low.Sign() <= 0 || !r.High.Equal(d("1000000000000")) {
		t.Errorf("cpc range = [%s, %s], want its high end held at 10^12", r.Low, r.High)
	}
}

// TestReforecastChancesNeverBlamesTheUser: should the corrected plan ever
// be invalid (a defect of the engine), the error is not a plan.ErrorList
// (which the CLI prints as FILE: key: problem, as if the user had written
// it) and says whose defect it is.
func TestReforecastChancesNeverBlamesTheUser(t *testing.T) {
	p := betterThanPlanned(t)
	tr, err := Track(p)
	if err != nil {
		t.Fatal(err)
	}
	rf := tr.Reforecast
	rf.Plan = rf.Plan.Clone()
	rf.Plan.Channels[0].ConversionRate = d("2") // as the engine made it before the fix
	_, err = ReforecastChances(context.Background(), rf, UncertaintyOptions{Runs: 100})
	if err == nil {
		t.Fatal("no error for an invalid corrected plan")
	}
	var list plan.ErrorList
	if errors.As(err, &list) {
		t.Errorf("the error is a plan.ErrorList, blaming the user's keys: %v", err)
	}
	if !strings.Contains(err.Error(), "CampaignSim") {
		t.Errorf("the error does not say it is the program's defect: %v", err)
	}
}
