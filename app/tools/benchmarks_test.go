package tools

import (
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"
)

// newBenchmarksFixture is the screen with the user's configuration folder
// in a temporary directory, saves run at once.
func newBenchmarksFixture(t *testing.T) (*BenchmarksView, string) {
	t.Helper()
	apptest.NewTestApp(t, "fr", plan.LangFR)
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Cleanup(func() { plan.SetUserLibrary(plan.Library{}) })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := NewBenchmarksView(w)
	v.task.Go = func(f func()) { f() } // fyne.Do runs at once on the test driver
	w.SetContent(v.Widget())
	return v, filepath.Join(dir, "campaignsim", "benchmarks.toml")
}

// TestBenchmarksViewSavesHerFigure: issue 14 — a shop owner enters last
// year's real open rate once; it is saved in her configuration folder, and
// every look-up (pre-filled channels, recommendations) then uses it with
// her source.
func TestBenchmarksViewSavesHerFigure(t *testing.T) {
	v, path := newBenchmarksFixture(t)
	changed := 0
	v.OnLibraryChange(func() { changed++ })
	v.metric.SetSelected(display.Label("open_rate", plan.LangFR))
	v.kind.SetSelected(display.Label("email", plan.LangFR))
	test.Type(v.value, "31")
	test.Type(v.min, "28,5")
	test.Type(v.source, "Mes campagnes Mailchimp")
	test.Type(v.year, "2025")
	test.Tap(v.save)
	if changed != 1 {
		t.Fatalf("status %q: library change told %d times", v.status.Text, changed)
	}
	lib, err := plan.ReadLibraryFile(path)
	if err != nil || len(lib.Benchmarks) != 1 {
		t.Fatalf("saved file: %v %+v", err, lib)
	}
	b, _ := plan.DefaultLibrary().Find(plan.Email, "local-retail", "open_rate")
	// 31 % → 0.31, 28,5 % → 0.285 (rates are typed as percentages)
	if !b.User || !b.Value.Decimal.Equal(decimal.RequireFromString("0.31")) || !b.Min.Decimal.Equal(decimal.RequireFromString("0.285")) ||
		b.SourceIn(plan.LangFR) != "Mes campagnes Mailchimp, 2025" {
		t.Errorf("in effect: %+v", b)
	}
	if ch, _ := plan.DefaultLibrary().Prefill(plan.Email, ""); !ch.OpenRate.Equal(decimal.RequireFromString("0.31")) {
		t.Errorf("a new email channel starts at %s", ch.OpenRate)
	}
	if !strings.HasPrefix(v.rowText(0), "★ ") {
		t.Errorf("first row %q: her figure first, marked", v.rowText(0))
	}
	// Overriding the same figure replaces it; removing it goes back to the built-in one.
	v.onSelected(0)
	v.value.SetText("33")
	test.Tap(v.save)
	if lib, _ := plan.ReadLibraryFile(path); len(lib.Benchmarks) != 1 || !lib.Benchmarks[0].Value.Decimal.Equal(decimal.RequireFromString("0.33")) {
		t.Errorf("override: %+v", lib.Benchmarks)
	}
	v.onSelected(0)
	test.Tap(v.remove)
	if b, _ := plan.DefaultLibrary().Find(plan.Email, "", "open_rate"); b.User {
		t.Error("removed figure still in effect")
	}
}

// TestBenchmarksViewRefusesIncompleteFigure: no source, or a rate above
// 100 %, is said in the screen and nothing is written.
func TestBenchmarksViewRefusesIncompleteFigure(t *testing.T) {
	v, path := newBenchmarksFixture(t)
	v.metric.SetSelected(display.Label("click_rate", plan.LangFR))
	test.Type(v.value, "3")
	test.Type(v.year, "2025")
	test.Tap(v.save)
	if !strings.Contains(v.status.Text, "source") {
		t.Errorf("no source: status %q", v.status.Text)
	}
	test.Type(v.source, "Moi")
	v.value.SetText("300")
	test.Tap(v.save)
	if !strings.Contains(v.status.Text, "hors limites") {
		t.Errorf("300 %%: status %q", v.status.Text)
	}
	if _, err := plan.ReadLibraryFile(path); err == nil {
		t.Error("a refused figure was written")
	}
}

// TestBenchmarksViewShowsABadFile: her file with a float is reported with
// its line, and the built-in library stays in effect.
func TestBenchmarksViewShowsABadFile(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Cleanup(func() { plan.SetUserLibrary(plan.Library{}) })
	path := filepath.Join(dir, "campaignsim", "benchmarks.toml")
	if err := writeLibrary(path, []byte("format = 1\n[[benchmarks]]\nmetric = \"open_rate\"\nvalue = 0.31\nsource = \"s\"\nyear = 2025\n")); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	v := NewBenchmarksView(w)
	if !strings.Contains(v.status.Text, "4") || !strings.Contains(v.status.Text, "value") {
		t.Errorf("status %q: want the line and the key", v.status.Text)
	}
	if b, _ := plan.DefaultLibrary().Find(plan.Email, "", "open_rate"); b.User {
		t.Error("a bad file is in effect")
	}
}

// TestBenchmarksViewOneWriteAtATime: the library is written off the UI
// goroutine; while it is, Save and Remove are disabled and a second save
// starts nothing (an older write can never land after a newer one). When
// the write is done, the figure is in effect and Save comes back. A write
// that fails says so and leaves the library in effect as it was.
func TestBenchmarksViewOneWriteAtATime(t *testing.T) {
	v, path := newBenchmarksFixture(t)
	var jobs []func()
	v.task.Go = func(f func()) { jobs = append(jobs, f) }
	changed := 0
	v.OnLibraryChange(func() { changed++ })
	v.metric.SetSelected(display.Label("open_rate", plan.LangFR))
	v.kind.SetSelected(display.Label("email", plan.LangFR))
	test.Type(v.value, "31")
	test.Type(v.source, "Mes campagnes")
	test.Type(v.year, "2025")
	test.Tap(v.save)
	v.store(v.user) // as a second tap would
	if len(jobs) != 1 || !v.save.Disabled() || !v.remove.Disabled() || changed != 0 {
		t.Fatalf("%d writes, save disabled %v, %d changes: want one write under way", len(jobs), v.save.Disabled(), changed)
	}
	if b, _ := plan.DefaultLibrary().Find(plan.Email, "", "open_rate"); b.User {
		t.Error("in effect before it is written")
	}
	jobs[0]()
	if v.save.Disabled() || changed != 1 || !strings.Contains(v.status.Text, path) {
		t.Fatalf("after the write: save disabled %v, %d changes, status %q", v.save.Disabled(), changed, v.status.Text)
	}
	if b, _ := plan.DefaultLibrary().Find(plan.Email, "", "open_rate"); !b.User {
		t.Error("her figure is not in effect")
	}

	// The folder cannot be created: a file stands where it should be.
	v.path = filepath.Join(path, "sub", "benchmarks.toml")
	v.value.SetText("40")
	test.Tap(v.save)
	if len(jobs) != 2 {
		t.Fatalf("%d writes", len(jobs))
	}
	jobs[1]()
	if v.save.Disabled() || changed != 1 || !strings.Contains(v.status.Text, "enregistr") {
		t.Errorf("failed write: save disabled %v, %d changes, status %q", v.save.Disabled(), changed, v.status.Text)
	}
	if b, _ := plan.DefaultLibrary().Find(plan.Email, "", "open_rate"); !b.Value.Decimal.Equal(decimal.RequireFromString("0.31")) {
		t.Errorf("a failed write changed the figure in effect: %s", b.Value.Decimal)
	}
}
