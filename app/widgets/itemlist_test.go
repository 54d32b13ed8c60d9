package widgets_test

import (
	"slices"
	"strings"
	"testing"

	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// scenarioPlan is a new plan with a valid scenario of each name.
func scenarioPlan(t *testing.T, names ...string) plan.Plan {
	p := plan.New("Plan", "Boutique", plan.LangFR, plan.NewDate(2027, 2, 1))
	for _, n := range names {
		p.Scenarios = append(p.Scenarios, plan.Scenario{Name: n, Factors: []plan.Factor{{Input: "conversion_rate", Factor: d("0.8")}}})
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatal(errs)
	}
	return p
}

// The list keeps its selection through a selection, a deletion (the item
// after, or the last), an addition (the new item) and a refused edit (as
// it was); the notice offers Undo or, with no shell, Ctrl+Z.
func TestItemList(t *testing.T) {
	test.NewTempApp(t)
	rec := &edits{}
	core := &widgets.EditorCore{Edit: rec.edit}
	core.P, core.Loaded = scenarioPlan(t, "A", "B", "C"), true
	shown := 0
	l := widgets.NewItemList(core, func() int { return len(core.P.Scenarios) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i int, o fyne.CanvasObject) { o.(*widget.Label).SetText(core.P.Scenarios[i].Name) },
		nil, nil, func() { shown++ }, "No scenario yet")
	core.Applied = func(plan.Plan) { l.Sync() }
	l.Sync()
	if l.Selected != 0 || shown != 0 {
		t.Fatalf("after Sync: selected %d, show called %d times", l.Selected, shown)
	}
	l.List.Select(2)
	if l.Selected != 2 || shown != 1 || !l.HasSelection() {
		t.Fatalf("after a selection: selected %d, show called %d times", l.Selected, shown)
	}

	remove := func(p *plan.Plan, i int) int {
		p.Scenarios = slices.Delete(p.Scenarios, i, i+1)
		return len(p.Scenarios)
	}
	if ok := l.Delete("Delete scenario", remove); !ok || l.Selected != 1 || len(rec.plans) != 1 {
		t.Fatalf("deleting the last: %v, selected %d, %d edits", ok, l.Selected, len(rec.plans))
	}
	if ok := l.Delete("Delete scenario", func(p *plan.Plan, i int) int {
		remove(p, i)
		p.Scenarios = append(p.Scenarios, plan.Scenario{Name: "A"}) // a second "A": refused
		return 1
	}); ok || l.Selected != 1 || len(rec.plans) != 1 || !l.Notice.Visible() {
		t.Fatalf("refused deletion: %v, selected %d, %d edits, problems shown %v", ok, l.Selected, len(rec.plans), l.Notice.Visible())
	}
	l.ErrLine = widgets.ErrorLine()
	bad := core.P.Clone()
	bad.Scenarios = append(bad.Scenarios, plan.Scenario{Name: "A"})
	if ok := l.Added("Add scenario", bad, 2); ok || l.Selected != 1 || l.ErrLine.Text == "" {
		t.Fatalf("refused addition: %v, selected %d, error line %q", ok, l.Selected, l.ErrLine.Text)
	}
	l.List.Select(0)
	add := core.P.Clone()
	add.Scenarios = append(add.Scenarios, scenarioPlan(t, "D").Scenarios...)
	if ok := l.Added("Add scenario", add, 2); !ok || l.Selected != 2 || len(rec.plans) != 2 {
		t.Fatalf("addition: %v, selected %d, %d edits", ok, l.Selected, len(rec.plans))
	}

	l.SayUndoable("Scenario deleted.", nil)
	if !l.Notice.Visible() || !strings.HasPrefix(l.Notice.Text, "Scenario deleted. ") || l.UndoButton.Visible() {
		t.Errorf("without Undo: notice %q, button %v", l.Notice.Text, l.UndoButton.Visible())
	}
	undone := 0
	l.SayUndoable("Scenario deleted.", func() { undone++ })
	if l.Notice.Text != "Scenario deleted." || !l.UndoButton.Visible() {
		t.Fatalf("with Undo: notice %q, button %v", l.Notice.Text, l.UndoButton.Visible())
	}
	test.Tap(l.UndoButton)
	if undone != 1 || l.Notice.Visible() || l.UndoButton.Visible() {
		t.Errorf("after Undo: %d calls, notice %v, button %v", undone, l.Notice.Visible(), l.UndoButton.Visible())
	}
	l.SayUndoable("again", func() {})
	l.Say("")
	if l.Notice.Visible() || l.UndoButton.Visible() {
		t.Error("Say(\"\") leaves the notice or Undo")
	}

	l.ShowDetail(nil)
	if l.Detail.Objects[0] != l.Empty || l.Empty.Text != "No scenario yet" {
		t.Errorf("empty detail %v", l.Detail.Objects)
	}
	form := widget.NewLabel("form")
	l.ShowDetail(form)
	if len(l.Detail.Objects) != 1 || l.Detail.Objects[0] != form {
		t.Errorf("detail %v", l.Detail.Objects)
	}
}
