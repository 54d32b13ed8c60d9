package main

import (
	"bytes"
	"strings"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// TestWriteRecommendations: one line per advice in the words of
// display.AdviceLine; a benchmark with no lever ends its line with the
// benchmark, not with a dangling colon (it read "… 0,004 € : ").
func TestWriteRecommendations(t *testing.T) {
	p := plan.Plan{Info: plan.Info{Currency: "EUR", Language: plan.LangFR}}
	r := simulate.Result{Recommendations: []simulate.Recommendation{
		{KPI: "cost_per_message", Value: decimal.RequireFromString("0.012"), Benchmark: decimal.RequireFromString("0.004")},
		{KPI: "cpa", Value: decimal.RequireFromString("249.356"), Benchmark: decimal.RequireFromString("136.96"),
			Lever: plan.Lever{FR: "resserrer la cible", EN: "tighten the targeting"}, Source: "Cours, 2024"},
	}}
	var b bytes.Buffer
	writeRecommendations(&b, p, r)
	want := []string{
		"  - Plan entier — Coût par message 0,012\u00a0€, au-dessus du repère 0,004\u00a0€",
		"  - Plan entier — CPA 249,36\u00a0€, au-dessus du repère 136,96\u00a0€\u00a0: resserrer la cible (source\u00a0: Cours, 2024)",
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) < len(want) {
		t.Fatalf("writeRecommendations wrote\n%s", b.String())
	}
	got := lines[len(lines)-len(want):]
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}
