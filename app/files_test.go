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
)

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

func TestFileSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Acquérir 200 nouveaux clients", "acquérir-200-nouveaux-clients"},
		{"  Plan: été / 2027 ", "plan-été-2027"},
		{"", ""},
	} {
		if got := fileSlug(c.in); got != c.want {
			t.Errorf("fileSlug(%q) = %q, want %q", c.in, got, c.want)
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
