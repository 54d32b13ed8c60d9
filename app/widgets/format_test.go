package widgets_test

import (
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// TestRecommendationText checks that the screens tell advice as the command
// line and the documents do: the catalog's "Plan entier" for the whole plan,
// and a cost per message with its fractions of a cent (simulate.ValueUnit),
// not "0,00 €".
func TestRecommendationText(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	p := plan.Plan{Info: plan.Info{Currency: "EUR"}}
	r := simulate.Result{Recommendations: []simulate.Recommendation{
		{KPI: "cost_per_message", Value: decimal.RequireFromString("0.012"), Benchmark: decimal.RequireFromString("0.004")},
	}}
	got := widgets.RecommendationText(p, simulate.AdviceOf(r)[0])
	want := "Plan entier — Coût par message 0,012\u00a0€, au-dessus du repère 0,004\u00a0€"
	if got != want {
		t.Errorf("RecommendationText =\n%q, want\n%q", got, want)
	}
}
