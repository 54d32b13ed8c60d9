package app

import (
	"sync"
	"testing"
	"time"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/tools"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
)

// TestSimRunnerDropsStale schedules versions 1..5 quickly: only the last
// is delivered, and a run that finishes after a newer edit is dropped.
func TestSimRunnerDropsStale(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangFR)
	p := shellBakery(t)
	var mu sync.Mutex
	var ran []int
	delivered := make(chan *widgets.Results, 10)
	release := make(chan struct{})
	started := make(chan struct{})
	s := NewSimRunner(func(r *widgets.Results, err error) {
		if err != nil {
			t.Error(err)
		}
		delivered <- r
	})
	s.Debounce = 10 * time.Millisecond
	s.run = func(q plan.Plan) ([]simulate.Result, error) {
		mu.Lock()
		ran = append(ran, int(q.Info.Budget.IntPart()))
		first := len(ran) == 1
		mu.Unlock()
		if first {
			close(started)
			<-release // the first run is slow: a newer edit arrives meanwhile
		}
		return simulate.RunAll(q)
	}

	s.Schedule(1, shellWithBudget(p, "1"))
	<-started // run 1 has started and is blocked
	for v := 2; v <= 5; v++ {
		s.Schedule(v, shellWithBudget(p, string(rune('0'+v))))
	}
	close(release)

	// No deadline of its own: a machine under load is slow, and a real
	// hang is reported by go test -timeout with every goroutine's stack.
	r := <-delivered
	if r.Version != 5 {
		t.Fatalf("delivered version %d, want 5", r.Version)
	}
	if !r.Base.Totals.Cost.Valid || len(r.Scenarios) == 0 {
		t.Fatal("results without figures")
	}
	select {
	case r := <-delivered: // (a late stale delivery could only make this pass, never fail)
		t.Fatalf("a second delivery, version %d: stale results were not dropped", r.Version)
	case <-time.After(100 * time.Millisecond):
	}
	mu.Lock()
	defer mu.Unlock()
	if len(ran) != 2 || ran[0] != 1 || ran[1] != 5 {
		t.Errorf("runs for budgets %v, want [1 5]: versions 2..4 must be debounced away", ran)
	}
}

// BenchmarkEditToResults measures an edit of the budget until the results
// panel shows the new figures (the debounce excluded: it is a wait, not
// work). Charts are not included.
func BenchmarkEditToResults(b *testing.B) {
	apptest.NewTestApp(b, "fr", plan.LangFR)
	p := shellBakery(b)
	rp := tools.NewResultsPanel()
	doc := NewDocument(p, "")
	done := make(chan struct{}, 1)
	runner := NewSimRunner(func(r *widgets.Results, err error) {
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
