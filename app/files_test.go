package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
)

func TestWritePlanFileAtomicWithBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.toml")
	p := shellBakery(t)

	if _, err := writePlanFile(path, p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("first save made a .bak (err %v): there was no previous version", err)
	}
	first, _ := os.ReadFile(path)

	q := shellWithBudget(p, "6000")
	st, err := writePlanFile(path, q)
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
	if changedOnDisk(path, st) {
		t.Error("the file just saved counts as changed on disk")
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
	if _, err := writePlanFile(path, p); err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(path)

	// A plan that cannot be encoded (text that is not UTF-8).
	bad := p.Clone()
	bad.Info.Title = "caf\xe9"
	if _, err := writePlanFile(path, bad); err == nil {
		t.Error("saving a plan that cannot be encoded reported no error")
	}
	// A folder where no file can be created.
	if os.Geteuid() != 0 { // root may write anywhere
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o700)
		if _, err := writePlanFile(path, shellWithBudget(p, "1")); err == nil {
			t.Error("saving into a read-only folder reported no error")
		}
	}
	// A path whose folder does not exist.
	if _, err := writePlanFile(filepath.Join(dir, "missing", "plan.toml"), p); err == nil {
		t.Error("saving into a missing folder reported no error")
	}
	now, _ := os.ReadFile(path)
	if string(now) != string(orig) {
		t.Error("a failed save changed the original file")
	}
}

func TestChangedOnDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.toml")
	if _, err := writePlanFile(path, shellBakery(t)); err != nil {
		t.Fatal(err)
	}
	_, st, err := readPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	if changedOnDisk(path, st) {
		t.Error("a touch without a change of content counts as a change")
	}
	data, _ := os.ReadFile(path)
	edited := strings.Replace(string(data), `budget = "5000"`, `budget = "5001"`, 1)
	if edited == string(data) {
		t.Fatal("test plan has no budget line to change")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.Chtimes(path, later.Add(time.Second), later.Add(time.Second))
	if !changedOnDisk(path, st) {
		t.Error("a change of content on disk was not seen")
	}
	_ = os.Remove(path)
	if !changedOnDisk(path, st) {
		t.Error("a removed file was not seen as changed")
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
	setupLanguage("en")
	lines := loadErrorLines(err)
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
	file := filepath.Join(t.TempDir(), "sub", "recovery.toml")
	p := shellWithBudget(shellBakery(t), "4321")
	if err := writeRecovery(file, p, "/home/me/plan.toml"); err != nil {
		t.Fatal(err)
	}
	got, path, err := readRecovery(file)
	if err != nil {
		t.Fatal(err)
	}
	if path != "/home/me/plan.toml" || !got.Info.Budget.Equal(p.Info.Budget) {
		t.Errorf("recovered path %q budget %s", path, got.Info.Budget)
	}
	if _, _, err := readRecovery(filepath.Join(t.TempDir(), "none.toml")); err == nil {
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
	p := emptyPlan(now)
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
	if _, err := writePlanFile(path, shellBakery(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an empty file left a .bak (err %v)", err)
	}
	if got, _, err := readPlanFile(path); err != nil || got.Info.Title == "" {
		t.Errorf("the plan was not written: %v", err)
	}
}
