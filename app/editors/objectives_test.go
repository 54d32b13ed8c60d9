package editors

import (
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"
)

func TestObjectivesEditorMetricAndSmart(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangEN)
	p := bakery(t)
	rec := &recorder{}
	w := test.NewTempWindow(t, nil)
	ed := NewObjectivesEditor(w, rec.edit)
	rec.panel = ed
	w.SetContent(ed.Widget())
	w.Resize(fyne.NewSize(1024, 768))
	ed.Refresh(p, nil)

	// Metric change: b2b-only metrics are not offered in b2c.
	for _, m := range ed.metricKeys {
		if m == "leads" || m == "cpl" {
			t.Errorf("b2b metric %s offered in a b2c plan", m)
		}
	}
	ed.metric.SetSelected("Revenue")
	if got := rec.last(t).Objectives[0].Metric; got != "revenue" {
		t.Fatalf("metric = %s", got)
	}
	if ed.target.Unit.Text != "€" {
		t.Errorf("target unit = %q, want €", ed.target.Unit.Text)
	}
	ed.metric.SetSelected("Conversion rate")
	typeIn(ed.target, "4,5")
	if got := rec.last(t).Objectives[0].Target; !got.Equal(decimal.RequireFromString("0.045")) {
		t.Errorf("rate target = %s, want 0.045", got)
	}
	typeIn(ed.deadline, "31/13/2027")
	if !ed.deadline.Invalid() {
		t.Error("bad deadline accepted")
	}

	// SMART from a fake result.
	r := &widgets.Results{Base: simulate.Result{Objectives: []simulate.ObjectiveResult{{
		ID: p.Objectives[0].ID, Metric: "customers", Target: decimal.NewFromInt(200), Direction: plan.AtLeast,
		Value: decimal.NewNullDecimal(decimal.NewFromInt(150)), Met: false,
		Smart: simulate.Smart{
			Specific: simulate.Check{OK: true}, Measurable: simulate.Check{OK: true},
			Achievable: simulate.Check{Why: plan.NewMsg(simulate.MsgSmartANo, plan.FigureArg("value", "customers", decimal.NewNullDecimal(decimal.NewFromInt(150))),
				plan.TextArg("dir", "≥"), plan.FigureArg("target", "customers", decimal.NewNullDecimal(decimal.NewFromInt(200))))},
			Relevant: simulate.Check{OK: true},
			TimeBound: simulate.Check{Why: plan.NewMsg(simulate.MsgSmartTAfter, plan.DateArg("deadline", plan.NewDate(2027, 5, 1)),
				plan.DateArg("end", plan.NewDate(2027, 4, 3)))},
		}}}}}
	ed.Refresh(p, r)
	if !strings.HasPrefix(ed.smart[0].Text, "✓") || !strings.HasPrefix(ed.smart[2].Text, "✗") {
		t.Errorf("SMART lines: %q, %q", ed.smart[0].Text, ed.smart[2].Text)
	}
	if !strings.Contains(ed.smart[2].Text, "not met by the simulated plan: 150 against a target ≥ 200") || !strings.Contains(ed.smart[4].Text, "falls after the plan ends (2027-04-03)") {
		t.Errorf("reasons missing: %q / %q", ed.smart[2].Text, ed.smart[4].Text)
	}
	if !strings.Contains(ed.value.Text, "150") || !strings.Contains(ed.value.Text, "not met") {
		t.Errorf("value line %q", ed.value.Text)
	}

	// Add and delete.
	n := len(p.Objectives)
	test.Tap(ed.items.AddButton)
	if len(rec.last(t).Objectives) != n+1 {
		t.Fatal("objective not added")
	}
	// A multi-line field commits when the focus leaves it.
	ed.statement.Entry.FocusGained()
	ed.statement.Entry.SetText("Atteindre 300 clients à Roubaix")
	ed.statement.Entry.FocusLost()
	if got := rec.last(t).Objectives[n].ID; got != "atteindre-300-clients-a-roubaix" {
		t.Errorf("id derived = %q", got)
	}
	test.Tap(ed.items.DeleteButton)
	if len(rec.last(t).Objectives) != n {
		t.Error("objective not deleted")
	}
}
