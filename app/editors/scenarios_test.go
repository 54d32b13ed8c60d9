package editors

import (
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"
)

func TestScenariosEditorFactors(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangEN)
	p := bakery(t)
	p.Scenarios = nil
	rec := &recorder{}
	w := test.NewTempWindow(t, nil)
	ed := NewScenariosEditor(w, rec.edit)
	rec.panel = ed
	w.SetContent(ed.Widget())
	w.Resize(fyne.NewSize(1024, 768))
	ed.Refresh(p, nil)

	test.Tap(ed.items.AddButton)
	s := rec.last(t).Scenarios[0]
	if s.Name == "" || len(s.Factors) != 1 || s.Factors[0].Input != "conversion_rate" {
		t.Fatalf("added %+v", s)
	}
	if got := ed.global[0].change.Entry.Text; got != "−20" {
		t.Errorf("factor 0.8 shows %q, want −20", got)
	}
	typeIn(ed.global[0].change, "−30")
	if got := rec.last(t).Scenarios[0].Factors[0].Factor; !got.Equal(decimal.RequireFromString("0.7")) {
		t.Errorf("factor = %s, want 0.7", got)
	}
	typeIn(ed.global[0].change, "-20")
	if got := rec.last(t).Scenarios[0].Factors[0].Factor; !got.Equal(decimal.RequireFromString("0.8")) {
		t.Errorf("factor = %s, want 0.8", got)
	}
	n := len(rec.plans)
	typeIn(ed.global[0].change, "-100")
	if len(rec.plans) != n || !ed.global[0].change.Invalid() {
		t.Error("−100 % (factor 0) accepted")
	}
	// A second plan-wide factor, then a per-channel one.
	test.Tap(ed.addGlobal)
	if got := rec.last(t).Scenarios[0].Factors; len(got) != 2 || got[1].Input != "ctr" {
		t.Errorf("factors = %+v", got)
	}
	ed.addChannel.SetSelected(p.Channels[0].Name)
	cf := rec.last(t).Scenarios[0].Channels
	if len(cf) != 1 || cf[0].ID != p.Channels[0].ID {
		t.Fatalf("channel factors = %+v", cf)
	}
	typeIn(ed.channels[0][0].change, "+15")
	if got := rec.last(t).Scenarios[0].Channels[0].Factors[0].Factor; !got.Equal(decimal.RequireFromString("1.15")) {
		t.Errorf("channel factor = %s", got)
	}
	test.Tap(ed.global[1].remove)
	if len(rec.last(t).Scenarios[0].Factors) != 1 {
		t.Error("factor not removed")
	}
	typeIn(ed.name, "base")
	if !ed.name.Invalid() {
		t.Error("scenario named base accepted")
	}
	test.Tap(ed.items.DeleteButton)
	if len(rec.last(t).Scenarios) != 0 {
		t.Error("scenario not deleted")
	}
	_ = plan.Plan{}
}
