package tools

import (
	"strings"
	"testing"
	"time"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// resultsFor simulates p and returns its Results at version 1.
func resultsFor(t testing.TB, p plan.Plan) *widgets.Results {
	t.Helper()
	all, err := simulate.RunAll(p)
	if err != nil {
		t.Fatal(err)
	}
	return &widgets.Results{Version: 1, Base: all[0], Scenarios: all}
}

// TestResultsPanelGolden renders the results panel of the bakery and of an
// empty plan in French and compares them with testdata/results_*.xml. To
// accept a change, copy the markup Fyne writes to testdata/failed/ over the
// file after looking at it.
func TestResultsPanelGolden(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	for _, c := range []struct {
		golden string
		plan   plan.Plan
	}{
		{"results_bakery_fr.xml", bakeryPlan(t)},
		{"results_empty_fr.xml", widgets.EmptyPlan(time.Date(2026, time.November, 22, 0, 0, 0, 0, time.UTC))},
	} {
		rp := NewResultsPanel()
		w := test.NewTempWindow(t, rp.Widget())
		w.Resize(fyne.NewSize(520, 900))
		rp.Refresh(c.plan, resultsFor(t, c.plan))
		test.AssertRendersToMarkup(t, c.golden, w.Canvas())
	}
}

// bakeryPlan returns the bakery example.
func bakeryPlan(t testing.TB) plan.Plan {
	t.Helper()
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChannelTableSorts(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	p := bakeryPlan(t)
	rp := NewResultsPanel()
	rp.Refresh(p, resultsFor(t, p))
	costCol := 1 // resultsColumns: cost first
	rp.SortBy(costCol)
	for i := 1; i < len(rp.rows); i++ {
		if rp.rows[i-1].Figures.Cost.Decimal.LessThan(rp.rows[i].Figures.Cost.Decimal) {
			t.Fatalf("sorted by cost, row %d costs less than row %d", i-1, i)
		}
	}
	if !strings.HasSuffix(rp.headerText(costCol), "▼") {
		t.Errorf("header %q shows no sort mark", rp.headerText(costCol))
	}
	rp.SortBy(costCol)
	if rp.rows[0].Figures.Cost.Decimal.GreaterThan(rp.rows[len(rp.rows)-1].Figures.Cost.Decimal) {
		t.Error("a second click does not reverse the order")
	}
}
