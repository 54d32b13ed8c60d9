package tools

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"
)

// toolsFixture is a View in a 1024×768 test window, showing an
// example plan, with the edits it asked for.
type toolsFixture struct {
	t     *testing.T
	w     fyne.Window
	v     *View
	p     plan.Plan
	edits []plan.Plan
	names []string
	queue apptest.WorkQueue // what the tools' tasks post to the UI goroutine
}

// newToolsFixture builds the screen on the example plan name. Every edit
// is recorded and refreshed into the screen, as the main window does.
func newToolsFixture(t *testing.T, name string) *toolsFixture {
	t.Helper()
	if os.Getenv("CAMPAIGNSIM_TOOLS_PNG") != "" {
		// Looking at the screen: the app's theme (its font has U+202F)
		// and the language asked for (CAMPAIGNSIM_TOOLS_LANG, French by
		// default).
		l := os.Getenv("CAMPAIGNSIM_TOOLS_LANG")
		if l == "" {
			l = "fr"
		}
		a := apptest.NewTestApp(t, l, plan.Language(l))
		a.Settings().SetTheme(widgets.NewTheme("light"))
	} else {
		apptest.NewTestApp(t, "en", plan.LangFR)
	}
	p, err := plan.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	f := &toolsFixture{t: t, p: p}
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.v = NewView(f.w, func(label string, q plan.Plan) {
		f.edits = append(f.edits, q)
		f.names = append(f.names, label)
		f.v.Refresh(q, nil)
	})
	for _, t := range f.tasks() {
		t.Post = f.queue.Run
	}
	f.w.SetContent(f.v.Widget())
	f.w.Resize(fyne.NewSize(1024, 768))
	f.v.Refresh(p, nil)
	return f
}

// tasks returns the screen's background tasks.
func (f *toolsFixture) tasks() []*widgets.Task {
	v := f.v
	return []*widgets.Task{v.unc.task, &v.unc.chartTask, v.opt.task, v.seek.task, v.sens.task}
}

// wait runs what the tools' work posts back, on the test's goroutine,
// until cond holds; what names it for the reader. It waits for the work
// itself (widgets.Task.Wait), never for a time: when nothing is left to
// run and cond does not hold, the test fails.
func (f *toolsFixture) wait(what string, cond func() bool) {
	f.t.Helper()
	for {
		for _, t := range f.tasks() {
			t.Wait()
		}
		n := f.queue.Drain()
		if cond() {
			return
		}
		if n == 0 {
			f.t.Fatalf("%s: nothing left to run, and it has not happened", what)
		}
	}
}

// toolsTexts returns the texts of every label under o, in order.
func toolsTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widgets.WrapLabel: // the names of widgets.Table
			out = append(out, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// capture shows tab and writes the window to dir/name.png when
// CAMPAIGNSIM_TOOLS_PNG names a folder (to look at the screen).
func (f *toolsFixture) capture(tab int, name string) {
	dir := os.Getenv("CAMPAIGNSIM_TOOLS_PNG")
	if dir == "" {
		return
	}
	f.t.Helper()
	f.v.root.SelectIndex(tab)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		f.t.Fatal(err)
	}
	write := func(name string) {
		img := f.w.Canvas().Capture()
		out, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			f.t.Fatal(err)
		}
		if err := png.Encode(out, img); err != nil {
			out.Close()
			f.t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			f.t.Fatal(err)
		}
	}
	write(name)
	// The whole page, below the fold too.
	f.w.Resize(fyne.NewSize(1024, 1500))
	write(name + "-full")
	f.w.Resize(fyne.NewSize(1024, 768))
}

// toolsHasDigit reports whether s holds a digit.
func toolsHasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func TestToolsUncertaintyRuns(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.unc
	if got := s.runs.Text; got != "10000" {
		t.Errorf("runs default = %q, want the plan's 10000", got)
	}
	s.runs.SetText("500")
	test.Tap(s.run)
	f.wait("the simulation", func() bool { return !s.running && s.has })

	rows := toolsTexts(s.table)
	if len(rows) != 6*(1+len(simulate.UncertaintyFigures)) {
		t.Fatalf("table has %d cells, want 6 × 7: %q", len(rows), rows)
	}
	for r := 1; r <= len(simulate.UncertaintyFigures); r++ {
		for c := 1; c < 6; c++ {
			if cell := rows[r*6+c]; !toolsHasDigit(cell) && cell != "—" {
				t.Errorf("row %d column %d = %q, want a number", r, c, cell)
			}
		}
	}
	if !toolsHasDigit(rows[6+2]) { // customers, P10
		t.Errorf("customers P10 = %q", rows[8])
	}
	if !strings.Contains(s.status.Text, "500") {
		t.Errorf("status = %q, want the number of runs", s.status.Text)
	}
	objs := toolsTexts(s.objectives)
	if len(objs) != 1+len(f.p.Objectives) || !strings.Contains(objs[1], f.p.Objectives[0].Statement) || !strings.Contains(objs[1], "%") {
		t.Errorf("objective lines = %q", objs)
	}
	if s.progress.Value != 1 {
		t.Errorf("progress = %v, want 1 at the end", s.progress.Value)
	}
	if s.stale.Visible() {
		t.Error("fresh results are marked stale")
	}
	f.capture(0, "uncertainty")

	// Another figure in the histogram select keeps the results.
	s.figure.SetSelectedIndex(3)
	if s.selectedFigure() != "net_profit" {
		t.Errorf("selected figure = %q", s.selectedFigure())
	}

	// An edit marks the results stale but keeps them.
	q := f.p.Clone()
	q.Channels[1].Budget = decimal.NewFromInt(1200)
	f.v.Refresh(q, nil)
	if !s.stale.Visible() || len(toolsTexts(s.table)) == 0 {
		t.Error("after an edit the results should stay, marked stale")
	}
	f.v.Refresh(f.p, nil) // undo: the results are for this plan again
	if s.stale.Visible() {
		t.Error("after undo the results are current again")
	}
}

func TestToolsUncertaintyCancel(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.unc
	s.runs.SetText("1000000")
	test.Tap(s.run)
	running := s.running && !s.cancel.Disabled()
	if !running {
		t.Fatal("Cancel should be enabled while the simulation runs")
	}
	test.Tap(s.cancel)
	f.wait("the cancellation", func() bool { return !s.running })
	if want := lang.L("Cancelled."); s.status.Text != want {
		t.Errorf("status = %q, want %q", s.status.Text, want)
	}
	if s.has || s.results.Visible() {
		t.Error("a cancelled run shows no result")
	}
	if s.run.Disabled() || !s.cancel.Disabled() {
		t.Error("after cancelling, Run is enabled and Cancel disabled")
	}
}

func TestToolsUncertaintyBadInput(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.unc
	s.runs.SetText("beaucoup")
	test.Tap(s.run)
	if s.running || s.status.Importance != widget.DangerImportance || s.status.Text == "" {
		t.Errorf("bad runs: running %v, status %q", s.running, s.status.Text)
	}
}

func TestToolsOptimiseApply(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.opt
	// 2 840 € = ads 1 100 + 500, flyers 8 000 × 0,11, posters 60 × 6 (print is a decision, MODEL.md)
	if got, want := s.budget.Text, toolsAmountText(decimal.NewFromInt(2840), widgets.Lang()); got != want {
		t.Errorf("budget default = %q, want today's paid budget %q", got, want)
	}
	test.Tap(s.run)
	f.wait("the optimiser", func() bool { return !s.running && s.has })
	if s.apply.Disabled() {
		t.Fatalf("Apply disabled after a run: %q / %q", s.status.Text, s.applyNote.Text)
	}
	if !strings.Contains(s.advice.Text, "«") && !strings.Contains(s.advice.Text, "“") {
		t.Errorf("advice = %q, want a sentence naming channels", s.advice.Text)
	}
	if !strings.Contains(s.change.Text, "→") {
		t.Errorf("goal change = %q", s.change.Text)
	}
	cells := toolsTexts(s.table)
	if len(cells) != 5*6 || !strings.Contains(cells[10], "Facebook") {
		t.Errorf("allocation table = %q", cells)
	}
	f.capture(1, "optimise")

	test.Tap(s.apply)
	if len(f.edits) != 1 {
		t.Fatalf("Apply made %d edits, want 1", len(f.edits))
	}
	if f.names[0] != lang.L("Optimise budget") {
		t.Errorf("edit label = %q", f.names[0])
	}
	got := f.edits[0]
	if !simulate.DecisionBudget(got).Equal(simulate.DecisionBudget(f.p)) {
		t.Errorf("paid total after = %s, want %s", simulate.DecisionBudget(got), simulate.DecisionBudget(f.p))
	}
	changed := 0
	for i, ch := range got.Channels {
		if !ch.Budget.Equal(f.p.Channels[i].Budget) {
			changed++
			if !ch.Kind.IsPaid() {
				t.Errorf("channel %s (%s) changed budget", ch.ID, ch.Kind)
			}
		}
	}
	if changed == 0 {
		t.Error("Apply changed no budget")
	}
	if errs := plan.Validate(got); len(errs) > 0 {
		t.Errorf("applied plan is invalid: %v", errs)
	}
	// The plan on screen is now the applied one: Apply is off, and says why.
	if !s.apply.Disabled() || s.applyNote.Text != lang.L("Applied to the plan (Undo brings the old budgets back).") {
		t.Errorf("after Apply: disabled %v, note %q", s.apply.Disabled(), s.applyNote.Text)
	}
	test.Tap(s.apply)
	if len(f.edits) != 1 {
		t.Error("a second Apply must not edit again")
	}
	f.capture(1, "optimise-applied")
}

func TestToolsOptimiseStale(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.opt
	test.Tap(s.run)
	f.wait("the optimiser", func() bool { return !s.running && s.has })
	q := f.p.Clone()
	q.Business.AverageOrder = decimal.NewFromInt(9)
	f.v.Refresh(q, nil)
	if !s.apply.Disabled() || s.applyNote.Text != lang.L("Plan changed — run again") || !s.stale.Visible() {
		t.Errorf("stale: apply disabled %v, note %q, banner %v", s.apply.Disabled(), s.applyNote.Text, s.stale.Visible())
	}
	if !s.results.Visible() {
		t.Error("stale results should stay on screen")
	}
	test.Tap(s.apply)
	if len(f.edits) != 0 {
		t.Error("Apply on a stale result edited the plan")
	}
	f.capture(1, "optimise-stale")
}

func TestToolsOptimiseBadBudget(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.opt
	s.budget.SetText("deux mille")
	test.Tap(s.run)
	if s.running || s.status.Importance != widget.DangerImportance {
		t.Errorf("bad budget: running %v, status %q", s.running, s.status.Text)
	}
	s.budget.SetText("100") // below the min_budget bounds (300): an error in the view
	test.Tap(s.run)
	f.wait("the optimiser", func() bool { return !s.running })
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, minOverBudget(300, 100)) {
		t.Errorf("bounds error: status %q", s.status.Text)
	}
}

func TestToolsGoalSeekApply(t *testing.T) {
	f := newToolsFixture(t, "google-ads")
	s := f.v.seek
	if s.selectedMetric() != "customers" {
		t.Fatalf("metric = %q", s.selectedMetric())
	}
	if got, want := s.target.Text, "200"; got != want {
		t.Errorf("target default = %q, want the objective's %q", got, want)
	}
	s.target.SetText("250")
	test.Tap(s.run)
	f.wait("goal seek", func() bool { return !s.running && s.has })
	// 2 000 € give 200 customers (cpc 2 €, conversion 0.2, no cap), so
	// 250 customers need 250 / 0.2 × 2 = 2 500 €.
	if !s.result.Reachable || !s.result.Budget.Decimal.Equal(decimal.NewFromInt(2500)) {
		t.Fatalf("result: reachable %v, budget %v", s.result.Reachable, s.result.Budget)
	}
	want := widgets.RoundMoney(decimal.NewFromInt(2500), "EUR", widgets.Lang())
	if !strings.Contains(s.verdict.Text, want) {
		t.Errorf("verdict = %q, want it to name %q", s.verdict.Text, want)
	}
	f.capture(2, "goalseek")
	test.Tap(s.apply)
	if len(f.edits) != 1 {
		t.Fatalf("Apply made %d edits, want 1", len(f.edits))
	}
	ch, _ := f.edits[0].Channel("google-ads-search")
	if !ch.Budget.Equal(decimal.NewFromInt(2500)) {
		t.Errorf("budget applied = %s, want 2500", ch.Budget)
	}
	if f.names[0] != lang.L("Budget for the target") {
		t.Errorf("edit label = %q", f.names[0])
	}
}

func TestToolsGoalSeekUnreachable(t *testing.T) {
	f := newToolsFixture(t, "google-ads")
	s := f.v.seek
	s.target.SetText("500")
	s.mix.SetSelected(s.mix.Options[1]) // optimise: max_budget 4 000 € caps at 400 customers
	test.Tap(s.run)
	f.wait("goal seek", func() bool { return !s.running && s.has })
	if s.result.Reachable {
		t.Fatal("500 customers within max_budget 4 000 € should be unreachable")
	}
	if !strings.Contains(s.verdict.Text, strings.TrimSuffix(lang.L("Unreachable: {{.Target}}", map[string]any{"Target": ""}), " ")) {
		t.Errorf("verdict = %q", s.verdict.Text)
	}
	if !strings.Contains(s.reason.Text, "Annonces Google") || !strings.Contains(s.reason.Text, "400") {
		t.Errorf("reason = %q, want the channel and its 400 customers", s.reason.Text)
	}
	if !s.apply.Disabled() {
		t.Error("Apply must be disabled when unreachable")
	}
	f.capture(2, "goalseek-unreachable")
}

func TestToolsSensitivity(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	s := f.v.sens
	test.Tap(s.run)
	f.wait("sensitivity", func() bool { return !s.running && s.has })
	top := s.result.Inputs[0]
	name := widgets.ChannelName(f.p, top.Channel)
	if !strings.Contains(s.headline.Text, name) {
		t.Errorf("headline = %q, want it to name %q", s.headline.Text, name)
	}
	cells := toolsTexts(s.table)
	if len(cells) < 14 || cells[7] != name || !toolsHasDigit(cells[13]) {
		t.Errorf("table = %q", cells)
	}
	f.capture(3, "sensitivity")
}

func TestToolsNoPlan(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangFR)
	w := test.NewWindow(nil)
	defer w.Close()
	v := NewView(w, nil)
	w.SetContent(v.Widget())
	for _, b := range []*widget.Button{v.unc.run, v.opt.run, v.seek.run, v.sens.run} {
		test.Tap(b)
	}
	if v.unc.running || v.opt.running || v.seek.running || v.sens.running || v.sens.status.Text == "" {
		t.Error("without a plan nothing runs and the status says so")
	}
}

func TestToolsTableLayout(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangFR)
	tbl := widgets.Table([]string{"Canal", "Avant", "Après"}, [][]string{{"Un canal au nom très long, vraiment très long", "1 100,00 €", "1 230,56 €"}}, 1)
	w := test.NewWindow(container.NewVBox(tbl))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 200))
	cells := tbl.Objects
	if cells[1].Position().X <= cells[0].Position().X || cells[2].Position().X <= cells[1].Position().X {
		t.Error("columns overlap")
	}
	if right := cells[2].Position().X + cells[2].Size().Width; right > tbl.Size().Width+1 {
		t.Errorf("last column ends at %v, beyond the table's %v", right, tbl.Size().Width)
	}
}

// TestToolsVerdictsKeepNumbersWhole: the tools' headlines and verdicts are
// widgets.WrapLabel, which breaks only at ordinary spaces, so that a
// narrow window never shows "de 1 | 805 €" (a widget.Label broke at the
// no-break space inside the number).
func TestToolsVerdictsKeepNumbersWhole(t *testing.T) {
	f := newToolsFixture(t, "bakery")
	for name, o := range map[string]fyne.CanvasObject{
		"uncertainty headline": f.v.unc.headline,
		"optimiser advice":     f.v.opt.advice,
		"optimiser change":     f.v.opt.change,
		"goal seek verdict":    f.v.seek.verdict,
		"sensitivity headline": f.v.sens.headline,
	} {
		if _, ok := o.(*widgets.WrapLabel); !ok {
			t.Errorf("%s is a %T, want a *widgets.WrapLabel", name, o)
		}
	}
}

// minOverBudget is the optimiser's refusal when the channels' minimum
// budgets (sum) exceed the budget to split, as the catalog words it in the
// interface language.
func minOverBudget(sum, budget int64) string {
	return display.Text(plan.NewMsg(simulate.MsgErrMinOverBudget,
		plan.MoneyArg("sum", decimal.NewFromInt(sum)), plan.MoneyArg("budget", decimal.NewFromInt(budget))), widgets.Lang(), "EUR")
}
