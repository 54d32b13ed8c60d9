package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/internal/fileio"
	"campaignsim/plan"

	"fyne.io/fyne/v2/lang"
)

func init() {
	// The start-up opening starts inside newUI, before a test can queue
	// u.goWork: in the tests it runs at once, on the test's goroutine (a
	// test that wants it queued sets startupWork itself).
	startupWork = func(f func()) { f() }
}

func TestWritePlanFileAtomicWithBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.toml")
	p := shellBakery(t)

	if _, err := writePlanFile(path, nil, p, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("first save made a .bak (err %v): there was no previous version", err)
	}
	first, _ := os.ReadFile(path)

	q := shellWithBudget(p, "6000")
	_, err := writePlanFile(path, first, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(path + ".bak")
	if err != nil || string(bak) != string(first) {
		t.Fatalf("the .bak does not hold the previous version (err %v)", err)
	}
	got, _, err := readPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Info.Budget.Equal(q.Info.Budget) {
		t.Errorf("read back budget %s, want 6000", got.Info.Budget)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestWritePlanFileFailureLeavesOriginal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.toml")
	p := shellBakery(t)
	if _, err := writePlanFile(path, nil, p, nil); err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(path)

	// A plan that cannot be encoded (text that is not UTF-8).
	bad := p.Clone()
	bad.Info.Title = "caf\xe9"
	if _, err := writePlanFile(path, orig, bad, nil); err == nil {
		t.Error("saving a plan that cannot be encoded reported no error")
	}
	// A folder where no file can be created.
	if os.Geteuid() != 0 { // root may write anywhere
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o700)
		if _, err := writePlanFile(path, orig, shellWithBudget(p, "1"), nil); err == nil {
			t.Error("saving into a read-only folder reported no error")
		}
	}
	// A path whose folder does not exist.
	if _, err := writePlanFile(filepath.Join(dir, "missing", "plan.toml"), nil, p, nil); err == nil {
		t.Error("saving into a missing folder reported no error")
	}
	now, _ := os.ReadFile(path)
	if string(now) != string(orig) {
		t.Error("a failed save changed the original file")
	}
}

// TestChangedOnDiskByContent: a same-length edit whose modification time
// was kept (cp -p, rsync -t, sync tools) is a change: the save that would
// replace it is refused with fileio.ErrChanged, and the file is kept. A
// touch alone is no change. (Before the fix, the check trusted size and
// time and this save overwrote the edit.)
func TestChangedOnDiskByContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.toml")
	if _, err := writePlanFile(path, nil, shellBakery(t), nil); err != nil {
		t.Fatal(err)
	}
	p, text, err := readPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	read := fileio.HashOf(text)
	fi, _ := os.Stat(path)
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if _, err := writePlanFile(path, text, shellWithBudget(p, "5500"), &read); err != nil {
		t.Errorf("a touch without a change of content counts as a change: %v", err)
	}
	_, text, _ = readPlanFile(path)
	read = fileio.HashOf(text)
	fi, _ = os.Stat(path)
	edited := strings.Replace(string(text), `budget = "5500"`, `budget = "5501"`, 1)
	if edited == string(text) || len(edited) != len(text) {
		t.Fatal("test plan has no budget line to change")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil { // as cp -p does
		t.Fatal(err)
	}
	if _, err := writePlanFile(path, text, shellWithBudget(p, "7000"), &read); !errors.Is(err, fileio.ErrChanged) {
		t.Errorf("a same-length edit with its time kept: save error %v, want fileio.ErrChanged", err)
	}
	if now, _ := os.ReadFile(path); string(now) != edited {
		t.Error("the edit made on disk was overwritten")
	}
	_ = os.Remove(path)
	if _, err := writePlanFile(path, text, p, &read); !errors.Is(err, fileio.ErrChanged) {
		t.Errorf("a removed file: save error %v, want fileio.ErrChanged", err)
	}
}

func TestReadPlanFileErrorsHaveLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.toml")
	text := "format = 1\n\n[plan]\ntitle = \"x\"\nmonths = 0\nbudget = 12.5\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	p, _, err := readPlanFile(path)
	if err == nil {
		t.Fatal("an invalid plan was read without error")
	}
	if p.Info.Title != "" {
		t.Error("a failed read returned part of the plan")
	}
	var list plan.ErrorList
	if !errors.As(err, &list) || len(list) < 2 {
		t.Fatalf("want an ErrorList of every problem, got %v", err)
	}
	apptest.NewTestApp(t, "en", plan.LangEN)
	lines := widgets.LoadErrorLines(err)
	if len(lines) != len(list) {
		t.Fatalf("%d lines for %d errors", len(lines), len(list))
	}
	withLine := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "Line ") {
			withLine++
		}
	}
	if withLine == 0 {
		t.Errorf("no error line gives its line number: %q", lines)
	}
}

func TestRecoveryRoundTrip(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sub", "recovery-1.toml")
	p := shellWithBudget(shellBakery(t), "4321")
	base := fileio.HashOf([]byte("the plan file as read"))
	if err := writeRecovery(file, p, "/home/me/plan.toml", &base); err != nil {
		t.Fatal(err)
	}
	got, err := readRecovery(file)
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != "/home/me/plan.toml" || !got.Plan.Info.Budget.Equal(p.Info.Budget) {
		t.Errorf("recovered path %q budget %s", got.Path, got.Plan.Info.Budget)
	}
	if got.Base == nil || *got.Base != base {
		t.Errorf("recovered base %v, want the hash of the file as read %x", got.Base, base)
	}
	if err := writeRecovery(file, p, "", nil); err != nil {
		t.Fatal(err)
	}
	if got, err := readRecovery(file); err != nil || got.Base != nil || got.Path != "" {
		t.Errorf("an untitled plan's recovery: base %v path %q err %v", got.Base, got.Path, err)
	}
	if _, err := readRecovery(filepath.Join(t.TempDir(), "none.toml")); err == nil {
		t.Error("a missing recovery file was read")
	}
}

// TestSaveAsName: Save As proposes the title's whole words (the exports'
// rule, exportFileName), never a word cut at 40 bytes as before
// ("…-en-périphé").
func TestSaveAsName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Acquérir 200 nouveaux clients", "acquérir-200-nouveaux-clients.toml"},
		{"  Plan: été / 2027 ", "plan-été-2027.toml"},
		// 36 characters fit; "périphérie" would make 47 > 40
		{"Acquérir 200 nouveaux clients en périphérie de Lille", "acquérir-200-nouveaux-clients-en.toml"},
		{"", "campaignsim.toml"},
	} {
		if got := exportFileName(c.in, ".toml"); got != c.want {
			t.Errorf("exportFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEmptyPlanIsValid(t *testing.T) {
	now := time.Date(2026, time.November, 22, 10, 0, 0, 0, time.UTC)
	p := widgets.EmptyPlan(now)
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatalf("the empty plan is invalid: %v", errs)
	}
	if want := plan.NewDate(2026, time.December, 7); p.Info.Start != want {
		t.Errorf("start %v, want the first Monday of next month %v", p.Info.Start, want)
	}
	if p.Info.Months != 3 || !p.Info.Budget.IsZero() || len(p.Channels) != 0 {
		t.Errorf("empty plan: %d months, budget %s, %d channels", p.Info.Months, p.Info.Budget, len(p.Channels))
	}
}

// TestWritePlanFileNoEmptyBackup: Fyne's save dialog creates an empty file
// for a new name before the plan is written; that empty file is not a
// previous version, so no .bak is made from it.
func TestWritePlanFileNoEmptyBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.toml")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writePlanFile(path, nil, shellBakery(t), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an empty file left a .bak (err %v)", err)
	}
	if got, _, err := readPlanFile(path); err != nil || got.Info.Title == "" {
		t.Errorf("the plan was not written: %v", err)
	}
}

// writeExample writes the example name as a plan file called file in a
// temporary folder and returns its path.
func writeExample(t *testing.T, name, file string) string {
	t.Helper()
	text, ok := plan.ExampleFile(name)
	if !ok {
		t.Fatalf("no example %s", name)
	}
	path := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenReadsOffTheUIGoroutine: File → Open reads and decodes the plan
// in the background (it did on the UI goroutine: a 10 MB plan froze the
// window 0.65 s). Until the reading ends the plan on screen stays; then
// the plan read is the document, clean, in the title, first of the recent
// files and the last plan.
func TestOpenReadsOffTheUIGoroutine(t *testing.T) {
	s := newShellUI(t)
	before := s.doc.Version()
	path := writeExample(t, "google-ads", "ads.toml")
	s.openFile(path)
	if s.work.Pending() != 1 || s.doc.Path() != "" || s.doc.Version() != before {
		t.Fatalf("%d jobs, document %q: want the reading queued, the plan on screen unchanged", s.work.Pending(), s.doc.Path())
	}
	s.work.Drain()
	if s.doc.Path() != path || s.doc.Dirty() {
		t.Fatalf("after the reading: document %q dirty %v", s.doc.Path(), s.doc.Dirty())
	}
	if title := s.win.Title(); !strings.Contains(title, "(ads.toml)") || strings.HasPrefix(title, "•") {
		t.Errorf("title %q", title)
	}
	if r := s.recent(); len(r) == 0 || r[0] != path || s.app.Preferences().String(prefLastPlan) != path {
		t.Errorf("recent %v, last plan %q", r, s.app.Preferences().String(prefLastPlan))
	}
}

// TestOpenStaleReadingDropped: a second plan opened before the first was
// read: the first reading is dropped (never shown, not in the recent
// files); the second is the document.
func TestOpenStaleReadingDropped(t *testing.T) {
	s := newShellUI(t)
	first := writeExample(t, "google-ads", "first.toml")
	second := writeExample(t, "bakery", "second.toml")
	s.openFile(first)
	s.openFile(second)
	if s.work.Pending() != 2 {
		t.Fatalf("%d readings queued, want 2", s.work.Pending())
	}
	s.work.Drain()
	if s.doc.Path() != second {
		t.Errorf("document %q, want %s", s.doc.Path(), second)
	}
	if r := s.recent(); len(r) != 1 || r[0] != second {
		t.Errorf("recent files %v: the stale reading went in", r)
	}
}

// TestOpenErrorChangesNothing: a plan that cannot be read changes
// nothing once its reading ends and says why; a file gone leaves the
// recent files.
func TestOpenErrorChangesNothing(t *testing.T) {
	s := newShellUI(t)
	version, title := s.doc.Version(), s.win.Title()
	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("format = 1\n[plan]\ntitle = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.openFile(bad)
	s.work.Drain()
	if s.doc.Version() != version || s.doc.Path() != "" || s.win.Title() != title || len(s.recent()) != 0 {
		t.Errorf("a plan that failed to load changed the window: version %d→%d, path %q, title %q", version, s.doc.Version(), s.doc.Path(), s.win.Title())
	}
	if s.win.Canvas().Overlays().Top() == nil {
		t.Error("the reasons are not shown")
	}
	gone := writeExample(t, "bakery", "gone.toml")
	s.openFile(gone)
	s.work.Drain()
	if r := s.recent(); len(r) != 1 || r[0] != gone {
		t.Fatalf("recent %v", r)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	s.openFile(gone)
	s.work.Drain()
	if r := s.recent(); len(r) != 0 || s.doc.Path() != gone {
		t.Errorf("a file gone: recent %v, document %q (want it kept on screen)", r, s.doc.Path())
	}
}

// TestOpenAsksWhenEditedWhileReading: an edit made while the plan was
// being read is not lost silently: the unsaved-changes question comes
// again; "Don't save" then opens the plan.
func TestOpenAsksWhenEditedWhileReading(t *testing.T) {
	s := newShellUI(t)
	path := writeExample(t, "google-ads", "ads.toml")
	s.openFile(path)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "4321"))
	s.work.Drain()
	if s.doc.Path() == path || s.doc.Plan().Info.Budget.String() != "4321" {
		t.Fatalf("the edit made during the reading was replaced without asking")
	}
	apptest.TapIn(t, s.win.Canvas(), lang.L("Don't save"))
	if s.doc.Path() != path || s.doc.Dirty() {
		t.Errorf("after Don't save: document %q dirty %v", s.doc.Path(), s.doc.Dirty())
	}
}

// queueStartup makes the start-up opening wait in the returned queue
// (instead of running inside newUI) for the rest of the test.
func queueStartup(t *testing.T) *apptest.WorkQueue {
	q := &apptest.WorkQueue{}
	prev := startupWork
	startupWork = q.Run
	t.Cleanup(func() { startupWork = prev })
	return q
}

// TestStartupOpensInTheBackground: the plan given on the command line is
// read off the UI goroutine: the window is built (and shown) first, the
// plan comes when its reading ends; a plan that cannot be opened gives the
// example and, once the window is shown, the reasons.
func TestStartupOpensInTheBackground(t *testing.T) {
	path := writeExample(t, "google-ads", "ads.toml")
	q := queueStartup(t)
	s := newShellUI(t, path)
	if q.Pending() != 1 || s.doc.Path() != "" || s.afterShowAction == nil {
		t.Fatalf("%d readings, document %q: want the reading queued and work left for the shown window", q.Pending(), s.doc.Path())
	}
	s.afterShowAction() // ShowAndRun: the window is shown
	q.Drain()
	if s.doc.Path() != path || s.doc.Dirty() || !strings.Contains(s.win.Title(), "(ads.toml)") {
		t.Errorf("after the reading: document %q, title %q", s.doc.Path(), s.win.Title())
	}
	if s.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is shown for a plan that opened")
	}

	missing := filepath.Join(t.TempDir(), "missing.toml")
	s2 := newShellUIOn(t, s.app, missing)
	q.Drain()
	if s2.doc.Path() != "" || !strings.Contains(s2.doc.Plan().Business.Name+s2.doc.Plan().Info.Client, "Boulangerie") {
		t.Errorf("a plan that cannot be opened: document %q, want the bakery example", s2.doc.Path())
	}
	if s2.win.Canvas().Overlays().Top() != nil || s2.afterShowAction == nil {
		t.Fatal("the reasons are shown before the window, or never")
	}
	s2.afterShowAction()
	if s2.win.Canvas().Overlays().Top() == nil {
		t.Error("the reasons are not shown once the window is")
	}
}

// TestStartupLastPlanKeepsWhatWasDoneMeanwhile: the last plan, read at
// start, does not replace a plan the user started meanwhile.
func TestStartupLastPlanKeepsWhatWasDoneMeanwhile(t *testing.T) {
	s := newShellUI(t)
	path := writeExample(t, "google-ads", "ads.toml")
	s.openFile(path)
	s.work.Drain()
	q := queueStartup(t)
	s2 := newShellUIOn(t, s.app)
	if q.Pending() != 1 {
		t.Fatalf("%d readings of the last plan", q.Pending())
	}
	s2.newFromTemplate("")
	q.Drain()
	if s2.doc.Path() == path {
		t.Error("the last plan replaced the new plan")
	}
	s3 := newShellUIOn(t, s.app)
	q.Drain()
	if s3.doc.Path() != path {
		t.Errorf("the next start shows %q, want the last plan", s3.doc.Path())
	}
}
