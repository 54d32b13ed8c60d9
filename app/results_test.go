package app

import (
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func fyneLocale(s string) fyne.Locale { return fyne.Locale(s) }

// resultsFor simulates p and returns its Results at version 1.
func resultsFor(t testing.TB, p plan.Plan) *Results {
	t.Helper()
	all, err := simulate.RunAll(p)
	if err != nil {
		t.Fatal(err)
	}
	return &Results{Version: 1, Base: all[0], Scenarios: all}
}

// TestResultsPanelGolden renders the results panel of the bakery and of an
// empty plan in French and compares them with testdata/results_*.xml. To
// accept a change, copy the markup Fyne writes to testdata/failed/ over the
// file after looking at it.
func TestResultsPanelGolden(t *testing.T) {
	newTestApp(t, "fr", plan.LangFR)
	for _, c := range []struct {
		golden string
		plan   plan.Plan
	}{
		{"results_bakery_fr.xml", shellBakery(t)},
		{"results_empty_fr.xml", emptyPlan(time.Date(2026, time.November, 22, 0, 0, 0, 0, time.UTC))},
	} {
		rp := NewResultsPanel()
		w := test.NewTempWindow(t, rp.Widget())
		w.Resize(fyne.NewSize(520, 900))
		rp.Refresh(c.plan, resultsFor(t, c.plan))
		test.AssertRendersToMarkup(t, c.golden, w.Canvas())
	}
}

// BenchmarkEditToResults measures an edit of the budget until the results
// panel shows the new figures (the debounce excluded: it is a wait, not
// work). Charts are not included.
func BenchmarkEditToResults(b *testing.B) {
	newTestApp(b, "fr", plan.LangFR)
	p := shellBakery(b)
	rp := NewResultsPanel()
	doc := NewDocument(p, "")
	done := make(chan struct{}, 1)
	runner := NewSimRunner(func(r *Results, err error) {
		if err != nil {
			b.Error(err)
		}
		rp.Refresh(doc.Plan(), r)
		done <- struct{}{}
	})
	runner.Debounce = 0
	budgets := []string{"5000", "6000"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc.Edit("Budget", shellWithBudget(p, budgets[i%2]))
		runner.Schedule(doc.Version(), doc.Plan())
		<-done
	}
}
