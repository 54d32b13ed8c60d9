package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2/test"
)

// shellUI is a main window on Fyne's test driver, with a short debounce.
// Fyne's test driver runs fyne.Do at once on the calling goroutine, so the
// results are queued in delivered and applied by wait on the test's own
// goroutine: the test is then the only goroutine touching widgets.
type shellUI struct {
	*UI
	deliver   func(*Results, error)
	delivered chan delivery
}

type delivery struct {
	r   *Results
	err error
}

// newShellUI builds the window with a fresh app (in-memory preferences,
// storage under a temporary folder) in French.
func newShellUI(t *testing.T, args ...string) *shellUI {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir()) // the test app's storage root
	recoveryInterval = time.Hour    // the tests write the recovery file themselves
	// The window alone, without the other screens: some render in
	// goroutines, which Fyne's test driver runs outside the test's own
	// goroutine (each screen has its own tests).
	tabs := wiring.tabs
	wiring.tabs = nil
	t.Cleanup(func() { wiring.tabs = tabs })
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLanguage, "fr")
	u := New(a, args)
	s := &shellUI{UI: u, deliver: u.runner.Deliver, delivered: make(chan delivery, 64)}
	u.runner.SetDeliver(func(r *Results, err error) { s.delivered <- delivery{r, err} })
	u.runner.mu.Lock()
	u.runner.Debounce = 5 * time.Millisecond
	u.runner.mu.Unlock()
	t.Cleanup(func() {
		u.runner.Stop()
		close(u.stopRecovery)
	})
	return s
}

// wait applies the results delivered until those of the document's
// version, and returns them.
func (s *shellUI) wait(t *testing.T) *Results {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case d := <-s.delivered:
			s.deliver(d.r, d.err)
			if d.err != nil {
				t.Fatal(d.err)
			}
			if d.r != nil && d.r.Version == s.doc.Version() {
				return d.r
			}
		case <-deadline:
			t.Fatal("no results for the current version within 10 s")
		}
	}
}

func TestFirstLaunchShowsBakerySimulated(t *testing.T) {
	s := newShellUI(t)
	if s.doc.Path() != "" || s.doc.Dirty() {
		t.Errorf("first launch: path %q dirty %v, want the bakery as a clean untitled plan", s.doc.Path(), s.doc.Dirty())
	}
	if !strings.Contains(s.doc.Plan().Business.Name+s.doc.Plan().Info.Client, "Boulangerie") {
		t.Errorf("first launch shows %q, want the bakery", s.doc.Plan().Info.Title)
	}
	// The first run was scheduled before the test's hook: schedule again.
	s.runner.Schedule(s.doc.Version(), s.doc.Plan())
	s.wait(t)
	if got := s.results.KeyFigure("customers"); got == display.Undefined || got == "" {
		t.Errorf("customers shows %q after the simulation", got)
	}
	if !s.results.hint.Visible() {
		t.Error("a new user sees no hint of what to do")
	}
	if title := s.win.Title(); !strings.Contains(title, "Acquérir") || strings.HasPrefix(title, "•") {
		t.Errorf("window title %q", title)
	}
}

func TestEditRefreshesResults(t *testing.T) {
	s := newShellUI(t)
	s.runner.Schedule(s.doc.Version(), s.doc.Plan())
	s.wait(t)
	before := s.results.KeyFigure("budget_left")

	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "6000"))
	s.wait(t)
	after := s.results.KeyFigure("budget_left")
	if before == after {
		t.Fatalf("budget left still %q after the budget went from 5000 to 6000", after)
	}
	if after != "1\u202f060,00\u00a0€" {
		t.Errorf("budget left %q, want 1 060,00 € (6 000 − 4 940)", after)
	}
	if !strings.HasPrefix(s.win.Title(), "•") {
		t.Errorf("title %q has no unsaved mark after an edit", s.win.Title())
	}
	if s.results.hint.Visible() {
		t.Error("the new-user hint is still shown after an edit")
	}
	if s.undoItem.Disabled || !strings.Contains(s.undoItem.Label, "Budget") {
		t.Errorf("undo menu item %q disabled %v", s.undoItem.Label, s.undoItem.Disabled)
	}

	s.Undo()
	s.wait(t)
	if got := s.results.KeyFigure("budget_left"); got != before {
		t.Errorf("after undo budget left %q, want %q", got, before)
	}
}

func TestUndefinedFiguresShowDash(t *testing.T) {
	s := newShellUI(t)
	s.newFromTemplate("")
	s.wait(t)
	for _, name := range []string{"cpa", "roi", "romi"} {
		if got := s.results.KeyFigure(name); got != display.Undefined {
			t.Errorf("%s of a plan without channels shows %q, want %q", name, got, display.Undefined)
		}
	}
	if got := s.results.KeyFigure("cost"); got != "0,00\u00a0€" {
		t.Errorf("cost %q, want 0,00 €", got)
	}
}

func TestOpenInvalidFileChangesNothing(t *testing.T) {
	s := newShellUI(t)
	before := s.doc.Plan().Info.Title
	version := s.doc.Version()
	path := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(path, []byte("format = 1\n[plan]\ntitle = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.openFile(path)
	if s.doc.Plan().Info.Title != before || s.doc.Version() != version || s.doc.Path() != "" {
		t.Error("a plan that failed to load changed the document")
	}
	if len(s.recent()) != 0 {
		t.Error("a file that failed to load went into the recent files")
	}
}

func TestOpenSaveRoundTrip(t *testing.T) {
	s := newShellUI(t)
	path := filepath.Join(t.TempDir(), "plan.toml")
	s.saveTo(path, nil)
	if s.doc.Path() != path || s.doc.Dirty() {
		t.Fatalf("after save as: path %q dirty %v", s.doc.Path(), s.doc.Dirty())
	}
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7000"))
	s.onSave(nil)
	if s.doc.Dirty() {
		t.Fatal("still dirty after save")
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no .bak of the previous version: %v", err)
	}
	s.newFromTemplate("")
	s.openFile(path)
	if s.doc.Path() != path || !s.doc.Plan().Info.Budget.Equal(shellWithBudget(plan.Plan{}, "7000").Info.Budget) {
		t.Errorf("reopened %q with budget %s", s.doc.Path(), s.doc.Plan().Info.Budget)
	}
	if r := s.recent(); len(r) == 0 || r[0] != path {
		t.Errorf("recent files %v, want %s first", r, path)
	}
	if got := s.app.Preferences().String(prefLastPlan); got != path {
		t.Errorf("last plan %q", got)
	}
}

func TestSaveAsksWhenChangedOnDisk(t *testing.T) {
	s := newShellUI(t)
	path := filepath.Join(t.TempDir(), "plan.toml")
	s.saveTo(path, nil)
	data, _ := os.ReadFile(path)
	other := strings.Replace(string(data), "months = 3", "months = 4", 1)
	if err := os.WriteFile(path, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7000"))
	s.onSave(nil) // must ask, not overwrite
	now, _ := os.ReadFile(path)
	if string(now) != other {
		t.Error("save overwrote a file changed on disk without asking")
	}
	if !s.doc.Dirty() {
		t.Error("the document counts as saved though nothing was written")
	}
}

func TestRecoveryWrittenAndOffered(t *testing.T) {
	s := newShellUI(t)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "4321"))
	s.saveRecovery()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(s.recoveryFile); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no recovery file written for unsaved edits")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The next start (same storage, as after kill -9) offers to restore.
	a := s.app
	u2 := New(a, nil)
	u2.runner.SetDeliver(func(*Results, error) {}) // this test looks at files only
	defer func() { u2.runner.Stop(); close(u2.stopRecovery) }()
	if u2.afterShowAction == nil {
		t.Fatal("the next start does not offer to restore the unsaved edits")
	}
	p, path, err := readRecovery(u2.recoveryFile)
	if err != nil {
		t.Fatal(err)
	}
	u2.restore(p, path)
	if !u2.doc.Dirty() || u2.doc.Plan().Info.Budget.String() != "4321" {
		t.Errorf("restored budget %s dirty %v", u2.doc.Plan().Info.Budget, u2.doc.Dirty())
	}
	// Saving removes it.
	u2.saveTo(filepath.Join(t.TempDir(), "saved.toml"), nil)
	if _, err := os.Stat(u2.recoveryFile); !os.IsNotExist(err) {
		t.Errorf("recovery file still there after saving (err %v)", err)
	}
}

func TestChannelTableSorts(t *testing.T) {
	s := newShellUI(t)
	s.runner.Schedule(s.doc.Version(), s.doc.Plan())
	s.wait(t)
	rp := s.results
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

func TestLanguageFor(t *testing.T) {
	for _, c := range []struct {
		pref, sys string
		want      plan.Language
	}{
		{"auto", "fr-FR", plan.LangFR},
		{"auto", "en-US", plan.LangEN},
		{"auto", "de-DE", plan.LangFR},
		{"auto", "", plan.LangFR},
		{"en", "fr-FR", plan.LangEN},
		{"fr", "en-GB", plan.LangFR},
	} {
		if got := languageFor(c.pref, fyneLocale(c.sys)); got != c.want {
			t.Errorf("languageFor(%q, %q) = %q, want %q", c.pref, c.sys, got, c.want)
		}
	}
}
