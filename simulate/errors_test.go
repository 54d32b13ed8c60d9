package simulate_test

import (
	"errors"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// TestPlanningErrorsAreWorded checks that the planning tools' refusals are
// catalog messages the reader's language words, with the sentinel errors
// still found by errors.Is, and no package prefix or English in French.
func TestPlanningErrorsAreWorded(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	// Minimum budgets of 3 000 € on two decision channels: 2 × 3 000 =
	// 6 000 € of minimums against a 1 000 € budget to split.
	n := 0
	for i := range p.Channels {
		if simulate.IsDecision(p.Channels[i], p.Info.Months) && n < 2 {
			p.Channels[i].MinBudget = decimal.NewFromInt(3000)
			p.Channels[i].MaxBudget = decimal.NullDecimal{}
			n++
		}
	}
	if n < 2 {
		t.Fatal("the bakery has fewer than two decision channels")
	}
	_, err = simulate.Optimize(p, simulate.GoalCustomers, decimal.NewNullDecimal(decimal.NewFromInt(1000)))
	var se *simulate.Error
	if !errors.As(err, &se) || !errors.Is(err, simulate.ErrBounds) {
		t.Fatalf("Optimize gave %v, want a *simulate.Error wrapping ErrBounds", err)
	}
	fr := display.Text(se.Msg, plan.LangFR, se.Currency)
	want := "les budgets minimaux des canaux à répartir totalisent 6\u202f000,00\u00a0€, plus que le budget à répartir (1\u202f000,00\u00a0€)\u00a0: baissez un budget minimal ou augmentez le budget"
	if fr != want {
		t.Errorf("French\n %q\nwant\n %q", fr, want)
	}
	// 2 × 3 000 € = 6 000 € of minimums; French groups digits with U+202F
	if en := display.Text(se.Msg, plan.LangEN, se.Currency); en != "the channels' minimum budgets add up to €6,000.00, more than the budget to split (€1,000.00): lower a minimum budget or raise the budget" {
		t.Errorf("English %q", en)
	}

	_, err = simulate.GoalSeek(p, "roi", decimal.NewFromInt(1), simulate.MixKeep)
	if !errors.As(err, &se) || se.Msg.Code != simulate.MsgErrSeekMetric {
		t.Fatalf("GoalSeek(roi) gave %v", err)
	}

	if err := simulate.CheckScenario(p, "Pessimiste"); err != nil && len(p.Scenarios) > 0 && p.Scenarios[0].Name == "Pessimiste" {
		t.Errorf("CheckScenario refuses the plan's own scenario: %v", err)
	}
	err = simulate.CheckScenario(p, "nope")
	if !errors.Is(err, simulate.ErrUnknownScenario) {
		t.Fatalf("CheckScenario(nope) = %v", err)
	}
	names := `"base", "all"`
	for _, s := range p.Scenarios {
		names += `, "` + s.Name + `"`
	}
	if got, want := err.Error(), `the plan has no scenario "nope": use one of `+names; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, s := range p.Scenarios {
		if err := simulate.CheckScenario(p, s.Name); err != nil {
			t.Errorf("CheckScenario(%q) = %v", s.Name, err)
		}
	}
}
