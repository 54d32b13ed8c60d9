package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
)

// shellUI is a main window on Fyne's test driver, with a short debounce.
// Fyne's test driver runs fyne.Do at once on the calling goroutine, so the
// results are queued in delivered and applied by wait on the test's own
// goroutine: the test is then the only goroutine touching widgets.
type shellUI struct {
	*UI
	deliver   func(*widgets.Results, error)
	delivered chan delivery
	work      *apptest.WorkQueue // the saves, imports and exports asked for
}

type delivery struct {
	r   *widgets.Results
	err error
}

// newShellUI builds the window with a fresh app (in-memory preferences,
// storage under a temporary folder) in French.
func newShellUI(t *testing.T, args ...string) *shellUI {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir()) // the test app's storage root
	a := apptest.NewTestApp(t, "fr", plan.LangFR)
	return newShellUIOn(t, a, args...)
}

// newShellUIOn builds another window on the app a of an earlier
// newShellUI (the same storage: the next start after a crash, or a second
// instance when the test changed instanceID).
func newShellUIOn(t *testing.T, a fyne.App, args ...string) *shellUI {
	t.Helper()
	return newShellUIWith(t, a, nil, args...)
}

// newShellUIWith is newShellUIOn with the tabs tabsOf builds (nil: none).
func newShellUIWith(t *testing.T, a fyne.App, tabsOf func(fyne.Window, widgets.EditFunc) []tab, args ...string) *shellUI {
	t.Helper()
	prevInterval := recoveryInterval
	recoveryInterval = time.Hour // the tests write the recovery file themselves
	t.Cleanup(func() { recoveryInterval = prevInterval })
	// The window alone, without the other screens: some render in
	// goroutines, which Fyne's test driver runs outside the test's own
	// goroutine (each screen has its own tests).
	a.Preferences().SetString(widgets.PrefLanguage, "fr")
	u := newUI(a, args, tabsOf)
	work := &apptest.WorkQueue{}
	u.goWork = work.Run
	s := &shellUI{UI: u, deliver: u.runner.Deliver, delivered: make(chan delivery, 64), work: work}
	u.runner.SetDeliver(func(r *widgets.Results, err error) { s.delivered <- delivery{r, err} })
	u.runner.mu.Lock()
	u.runner.Debounce = 5 * time.Millisecond
	u.runner.mu.Unlock()
	t.Cleanup(s.stop)
	return s
}

// stop ends the window as a clean exit would (its lock file goes), once.
func (s *shellUI) stop() { s.shutdown() }

// crash ends the window as kill -9 would: its files stay as they are and
// its lock goes (the system drops a dead process's locks).
func (s *shellUI) crash() {
	s.recovery.Flush()
	s.closing = true
	s.runner.Stop()
	close(s.stopRecovery)
	s.recovery.Close()
	_ = s.instanceLock.Close()
	s.instanceLock = nil
	s.offered.release()
}

// save saves as Ctrl+S does and runs the background write.
func (s *shellUI) save(t *testing.T) {
	t.Helper()
	s.onSave(nil)
	s.work.Drain()
}

// saveAs saves to path as Save as… does once the path is chosen.
func (s *shellUI) saveAs(t *testing.T, path string) {
	t.Helper()
	h, _ := hashOfFile(path)
	s.saveTo(path, h, nil)
	s.work.Drain()
}

// wait applies the results delivered until those of the document's
// version, and returns them.
func (s *shellUI) wait(t *testing.T) *widgets.Results {
	t.Helper()
	// No deadline of its own: a real hang is reported by go test
	// -timeout, with every goroutine's stack.
	for {
		d := <-s.delivered
		s.deliver(d.r, d.err)
		if d.err != nil {
			t.Fatal(d.err)
		}
		if d.r != nil && d.r.Version == s.doc.Version() {
			return d.r
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
	if !s.results.HintShown() {
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
	if s.results.HintShown() {
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
	s.work.Drain() // the reading
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
	s.saveAs(t, path)
	if s.doc.Path() != path || s.doc.Dirty() {
		t.Fatalf("after save as: path %q dirty %v", s.doc.Path(), s.doc.Dirty())
	}
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7000"))
	s.save(t)
	if s.doc.Dirty() {
		t.Fatal("still dirty after save")
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no .bak of the previous version: %v", err)
	}
	s.newFromTemplate("")
	s.openFile(path)
	s.work.Drain() // the reading
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
	s.saveAs(t, path)
	data, _ := os.ReadFile(path)
	other := strings.Replace(string(data), "months = 3", "months = 4", 1)
	if err := os.WriteFile(path, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7000"))
	s.save(t) // must ask, not overwrite
	now, _ := os.ReadFile(path)
	if string(now) != other {
		t.Error("save overwrote a file changed on disk without asking")
	}
	if !s.doc.Dirty() {
		t.Error("the document counts as saved though nothing was written")
	}
}

func TestRecoveryWrittenAndOffered(t *testing.T) {
	useInstance(t, 101)
	s := newShellUI(t)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "4321"))
	s.saveRecovery()
	s.recovery.Flush()
	if _, err := os.Stat(s.recoveryFile); err != nil {
		t.Fatalf("no recovery file written for unsaved edits: %v", err)
	}
	s.crash()
	// The next start (same storage, as after kill -9) offers to restore.
	useInstance(t, 102)
	u2 := newShellUIOn(t, s.app)
	u2.runner.SetDeliver(func(*widgets.Results, error) {}) // this test looks at files only
	if u2.afterShowAction == nil || u2.offered == nil {
		t.Fatal("the next start does not offer to restore the unsaved edits")
	}
	dead := u2.offered.file
	u2.afterShowAction()
	u2.confirmDialog.Confirm() // Restore
	if !u2.doc.Dirty() || u2.doc.Plan().Info.Budget.String() != "4321" {
		t.Errorf("restored budget %s dirty %v", u2.doc.Plan().Info.Budget, u2.doc.Dirty())
	}
	u2.recovery.Flush()
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the dead instance's recovery file is still there once restored (err %v)", err)
	}
	if _, err := os.Stat(u2.recoveryFile); err != nil {
		t.Errorf("the restored edits are not in the new instance's recovery file: %v", err)
	}
	// Saving removes it.
	u2.saveAs(t, filepath.Join(t.TempDir(), "saved.toml"))
	u2.recovery.Flush()
	if _, err := os.Stat(u2.recoveryFile); !os.IsNotExist(err) {
		t.Errorf("recovery file still there after saving (err %v)", err)
	}
}
