package editors

import (
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"
)

// recorder is a fake shell: it records the edits and refreshes the panel
// with each new plan, as the window does.
type recorder struct {
	labels []string
	plans  []plan.Plan
	panel  widgets.Panel
}

func (r *recorder) edit(label string, p plan.Plan) {
	r.labels = append(r.labels, label)
	r.plans = append(r.plans, p)
	if errs := plan.Validate(p); len(errs) > 0 {
		panic("edit called with an invalid plan: " + errs.Error())
	}
	if r.panel != nil {
		r.panel.Refresh(p, nil)
	}
}

func (r *recorder) last(t *testing.T) plan.Plan {
	t.Helper()
	if len(r.plans) == 0 {
		t.Fatal("edit was not called")
	}
	return r.plans[len(r.plans)-1]
}

// bakery returns the bakery example plan.
func bakery(t *testing.T) plan.Plan {
	t.Helper()
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// results simulates p as the shell's background runner would.
func results(t *testing.T, p plan.Plan) *widgets.Results {
	t.Helper()
	all, err := simulate.RunAll(p)
	if err != nil {
		t.Fatal(err)
	}
	return &widgets.Results{Base: all[0], Scenarios: all}
}

// typeIn replaces the text of f as a person would (select all is not
// available on the test driver: clear, type) and presses Enter.
func typeIn(f *widgets.Field, text string) {
	f.Entry.SetText("")
	test.Type(f.Entry, text)
	f.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func newPlanEditorTest(t *testing.T) (*PlanEditor, *recorder) {
	apptest.NewTestApp(t, "en", plan.LangEN)
	rec := &recorder{}
	w := test.NewTempWindow(t, nil)
	ed := NewPlanEditor(w, rec.edit)
	rec.panel = ed
	w.SetContent(ed.Widget())
	w.Resize(fyne.NewSize(1024, 768))
	ed.Refresh(bakery(t), nil)
	return ed, rec
}

func TestPlanEditorBudget(t *testing.T) {
	ed, rec := newPlanEditorTest(t)
	typeIn(ed.budget, "6 250,50")
	got := rec.last(t).Info.Budget
	if !got.Equal(decimal.RequireFromString("6250.50")) {
		t.Errorf("budget = %s, want 6250.50", got)
	}
	if ed.budget.Invalid() {
		t.Errorf("budget marked invalid: %s", ed.budget.Error.Text)
	}
	typeIn(ed.budget, "7000.25")
	if got := rec.last(t).Info.Budget; !got.Equal(decimal.RequireFromString("7000.25")) {
		t.Errorf("budget = %s, want 7000.25", got)
	}
}

func TestPlanEditorFieldRefused(t *testing.T) {
	cases := []struct {
		name string
		f    func(*PlanEditor) *widgets.Field
		text string
	}{
		{"letters in a rate", func(e *PlanEditor) *widgets.Field { return e.grossMargin }, "abc"},
		{"rate above 100 %", func(e *PlanEditor) *widgets.Field { return e.grossMargin }, "150"},
		{"negative budget", func(e *PlanEditor) *widgets.Field { return e.budget }, "-5"},
		{"huge budget", func(e *PlanEditor) *widgets.Field { return e.budget }, "99999999999999999999999999"},
		{"too many digits", func(e *PlanEditor) *widgets.Field { return e.budget }, "1234567890123456789012345678901234567890123"},
		{"empty budget", func(e *PlanEditor) *widgets.Field { return e.budget }, ""},
		{"zero average order", func(e *PlanEditor) *widgets.Field { return e.averageOrder }, "0"},
		{"months 0", func(e *PlanEditor) *widgets.Field { return e.months }, "0"},
		{"months 2,5", func(e *PlanEditor) *widgets.Field { return e.months }, "2,5"},
		{"months huge", func(e *PlanEditor) *widgets.Field { return e.months }, "99999999999999"},
		{"bad date", func(e *PlanEditor) *widgets.Field { return e.start }, "31/02/2027"},
		{"empty title", func(e *PlanEditor) *widgets.Field { return e.title }, ""},
		{"bad currency", func(e *PlanEditor) *widgets.Field { return e.currency }, "euro"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ed, rec := newPlanEditorTest(t)
			f := c.f(ed)
			typeIn(f, c.text)
			if len(rec.plans) != 0 {
				t.Errorf("edit called with %q", c.text)
			}
			if !f.Invalid() || f.Error.Hidden || f.Error.Text == "" {
				t.Errorf("field not marked invalid for %q", c.text)
			}
		})
	}
}

func TestPlanEditorPercent(t *testing.T) {
	ed, rec := newPlanEditorTest(t)
	typeIn(ed.firstOrderDiscount, "22,5")
	if got := rec.last(t).Business.FirstOrderDiscount; !got.Equal(decimal.RequireFromString("0.225")) {
		t.Errorf("first-order discount = %s, want 0.225", got)
	}
	if ed.grossMargin.Entry.Text != "68" {
		t.Errorf("gross margin shows %q, want 68 (per cent)", ed.grossMargin.Entry.Text)
	}
	if ed.grossMargin.Unit.Text != "%" {
		t.Errorf("gross margin unit = %q", ed.grossMargin.Unit.Text)
	}
}

func TestPlanEditorRefreshKeepsFocusedField(t *testing.T) {
	ed, _ := newPlanEditorTest(t)
	ed.budget.Entry.FocusGained()
	ed.budget.Entry.SetText("12")
	p := bakery(t)
	p.Info.Budget = decimal.NewFromInt(9000)
	ed.Refresh(p, nil)
	if ed.budget.Entry.Text != "12" {
		t.Errorf("Refresh overwrote the focused field: %q", ed.budget.Entry.Text)
	}
	if ed.title.Entry.Text != p.Info.Title {
		t.Errorf("title not shown")
	}
}

func TestPlanEditorB2BFunnel(t *testing.T) {
	ed, rec := newPlanEditorTest(t)
	if ed.funnelCard.Visible() {
		t.Fatal("funnel shown in a b2c plan")
	}
	ed.sector.SetSelected(sectorLabel("software"))
	ed.model.SetSelected(ed.model.Options[1])
	p := rec.last(t)
	if p.Business.Model != plan.B2B {
		t.Fatalf("model = %s", p.Business.Model)
	}
	if !ed.funnelCard.Visible() {
		t.Error("funnel hidden in a b2b plan")
	}
	if p.Funnel.LeadToMQL.IsZero() {
		t.Error("funnel not pre-filled from the benchmarks")
	}
	typeIn(ed.leadToMQL, "12")
	if got := rec.last(t).Funnel.LeadToMQL; !got.Equal(decimal.RequireFromString("0.12")) {
		t.Errorf("lead → MQL = %s", got)
	}
	ed.model.SetSelected(ed.model.Options[0])
	if rec.last(t).Business.Model != plan.B2C || ed.funnelCard.Visible() {
		t.Error("back to b2c: funnel still shown")
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		l    plan.Language
		want string // "" for an error
	}{
		{"1 250,50", plan.LangFR, "1250.5"},
		{"1250.50", plan.LangFR, "1250.5"},
		{"1\u202f250,50 €", plan.LangFR, "1250.5"},
		{"1,250.50", plan.LangEN, "1250.5"},
		{"1.250,50", plan.LangFR, "1250.5"},
		{"1,250", plan.LangEN, "1250"},
		{"1,250", plan.LangFR, "1.25"},
		{"22,5 %", plan.LangFR, "22.5"},
		{"−20", plan.LangFR, "-20"},
		{"+15", plan.LangFR, "15"},
		{",5", plan.LangFR, "0.5"},
		{"abc", plan.LangFR, ""},
		{"", plan.LangFR, ""},
		{"1e9", plan.LangFR, ""},
		{"1,2,3.4.5", plan.LangFR, ""},
		{"--5", plan.LangFR, ""},
	}
	for _, c := range cases {
		got, err := widgets.ParseNumber(c.in, c.l)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("parseNumber(%q) = %s, want an error", c.in, got)
		case c.want != "" && (err != nil || !got.Equal(decimal.RequireFromString(c.want))):
			t.Errorf("parseNumber(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if f, _ := widgets.ParseChange("−20", plan.LangFR); !f.Equal(decimal.RequireFromString("0.8")) {
		t.Errorf("parseChange(−20) = %s", f)
	}
	if s := widgets.ChangeText(decimal.RequireFromString("1.15"), plan.LangEN); s != "+15" {
		t.Errorf("changeText(1.15) = %q", s)
	}
	if d, err := widgets.ParseDate("04/01/2027"); err != nil || d != plan.NewDate(2027, 1, 4) {
		t.Errorf("parseDate = %v, %v", d, err)
	}
}
