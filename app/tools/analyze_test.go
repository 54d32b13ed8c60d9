package tools

import (
	"strings"
	"testing"

	"campaignsim/app/widgets"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2/test"
)

// TestToolsUncertaintyNoIdleProgress: the Incertitude tab shows no 0 %
// progress bar before anything runs (issue 11 item 12); the bar is there
// while a run is under way and goes once it has ended.
func TestToolsUncertaintyNoIdleProgress(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.unc
	if s.progress.Visible() {
		t.Fatal("a progress bar shows before anything runs")
	}
	s.runs.SetText("200")
	test.Tap(s.run)
	shown := s.progress.Visible() && s.running // its end waits in the test's queue
	if !shown {
		t.Error("no progress bar while the simulation runs")
	}
	f.wait("the simulation", func() bool { return !s.running && s.has })
	if s.progress.Visible() {
		t.Error("the progress bar stays after the run")
	}
}

// TestToolsOptimiseWholeCustomers: customers are whole people on screen
// (MODEL.md "Numbers"): the bakery's optimiser moves 131 € for +0,1
// customer, which read "215,1 → 215,2" and flickered with every edit; it
// now reads "215 → 215 (+0,1)" and the table shows whole customers.
func TestToolsOptimiseWholeCustomers(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.opt
	test.Tap(s.run)
	f.wait("the optimiser", func() bool { return !s.running && s.has })
	before, after := s.result.Before, s.result.After
	want := display.Count(before, widgets.Lang()) + " → " + display.Count(after, widgets.Lang())
	if !strings.Contains(s.change.Text, want) {
		t.Errorf("goal change %q, want whole customers %q", s.change.Text, want)
	}
	cells := toolsTexts(s.table)
	for r := 1; r*5 < len(cells)-5; r++ { // the channels' rows, not the header nor the total
		for _, c := range cells[r*5+3 : r*5+5] {
			if strings.ContainsAny(c, ",.") {
				t.Errorf("customers cell %q is not a whole number", c)
			}
		}
	}
}
