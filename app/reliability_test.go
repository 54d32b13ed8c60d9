package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"

	"fyne.io/fyne/v2/lang"
)

// TestRecoveryWriteNeverLandsAfterRemoval: a recovery write asked for
// just before the plan is saved must not land after the removal the save
// asks for (before the fix, saveRecovery wrote in a goroutine of its own
// and, about one run in a few, recreated the file after saveTo removed
// it: TestRecoveryWrittenAndOffered failed with "recovery file still
// there after saving", and the next start offered saved edits). Each
// round asks for a write then a removal; once the store has done what was
// asked, there must be no file. The order is the store's, not timing's:
// no sleep is needed for the answer to be certain.
func TestRecoveryWriteNeverLandsAfterRemoval(t *testing.T) {
	file := filepath.Join(t.TempDir(), "recovery-1.toml")
	st := newRecoveryStore(file)
	defer st.Close()
	p := shellBakery(t)
	for i := range 200 {
		st.Write(p, "/x/plan.toml", nil)
		if i%2 == 0 {
			st.Flush() // half the rounds: the write is done before the removal is asked
		}
		st.Remove()
		st.Flush()
		if _, err := os.Stat(file); !os.IsNotExist(err) {
			t.Fatalf("round %d: the recovery file exists after write then remove (err %v)", i, err)
		}
	}
	st.Write(p, "", nil)
	st.Flush()
	if _, err := readRecovery(file); err != nil {
		t.Fatalf("the last write is not on disk: %v", err)
	}
}

// TestSaveRemovesRecoveryForGood drives the window: an edit written to the
// recovery file, then saved; the file is gone and the next start offers
// nothing.
func TestSaveRemovesRecoveryForGood(t *testing.T) {
	useInstance(t, 301)
	s := newShellUI(t)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "4321"))
	s.saveRecovery()
	s.saveAs(t, filepath.Join(t.TempDir(), "plan.toml"))
	s.crash()
	if _, err := os.Stat(s.recoveryFile); !os.IsNotExist(err) {
		t.Fatalf("recovery file still there after saving (err %v)", err)
	}
	useInstance(t, 302)
	u2 := newShellUIOn(t, s.app)
	if u2.offered != nil {
		t.Error("the next start offers to restore edits that were saved")
	}
}

// TestLiveInstanceRecoveryIsLeftAlone: two windows on one machine (one
// storage). The second one neither offers nor removes the first one's
// live edits (before the fix they shared one recovery file: the second
// window offered the first's live edits as a crash, and Discard deleted
// them). Once the first is killed, a third start offers exactly its
// edits; Discard removes them.
func TestLiveInstanceRecoveryIsLeftAlone(t *testing.T) {
	useInstance(t, 201)
	s1 := newShellUI(t)
	s1.Edit("Budget", shellWithBudget(s1.doc.Plan(), "4321"))
	s1.saveRecovery()
	s1.recovery.Flush()
	live, err := os.ReadFile(s1.recoveryFile)
	if err != nil {
		t.Fatalf("no recovery file for the first window's edits: %v", err)
	}

	useInstance(t, 202)
	s2 := newShellUIOn(t, s1.app)
	if s2.offered != nil || s2.afterShowAction != nil {
		t.Fatal("the second window offers the first window's live edits as a crash to restore")
	}
	if s2.recoveryFile == s1.recoveryFile {
		t.Fatalf("both windows write %s", s1.recoveryFile)
	}
	s2.Edit("Budget", shellWithBudget(s2.doc.Plan(), "9999"))
	s2.saveRecovery()
	s2.recovery.Flush()
	s2.stop() // a clean exit of the second window
	if now, err := os.ReadFile(s1.recoveryFile); err != nil || !bytes.Equal(now, live) {
		t.Fatalf("the second window touched the first one's recovery file (err %v)", err)
	}

	s1.crash() // kill -9 of the first window
	useInstance(t, 203)
	s3 := newShellUIOn(t, s1.app)
	if s3.offered == nil {
		t.Fatal("the killed window's edits are not offered")
	}
	if s3.offered.file != s1.recoveryFile || s3.offered.rec.Plan.Info.Budget.String() != "4321" {
		t.Fatalf("offered %s (budget %s), want the killed window's %s (4321)",
			s3.offered.file, s3.offered.rec.Plan.Info.Budget, s1.recoveryFile)
	}
	s3.afterShowAction()
	s3.confirmDialog.Dismiss() // Discard
	s3.recovery.Flush()
	if _, err := os.Stat(s1.recoveryFile); !os.IsNotExist(err) {
		t.Errorf("Discard kept the dead window's recovery file (err %v)", err)
	}
	if s3.doc.Dirty() {
		t.Error("Discard restored the edits")
	}
}

// TestRestoreAsksWhenFileChangedMeanwhile: after a crash, the plan file
// was changed on disk (a colleague, a sync tool) before the edits were
// restored. Saving the restored plan asks before replacing it, because the
// recovery file records the file's Hash as read when the edits began
// (before the fix the stamp was taken at restore time and the save
// overwrote the change silently).
func TestRestoreAsksWhenFileChangedMeanwhile(t *testing.T) {
	useInstance(t, 401)
	s := newShellUI(t)
	path := filepath.Join(t.TempDir(), "plan.toml")
	s.saveAs(t, path)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "4321"))
	s.saveRecovery()
	s.crash()
	data, _ := os.ReadFile(path)
	other := strings.Replace(string(data), "months = 3", "months = 5", 1)
	if other == string(data) {
		t.Fatal("test plan has no months line to change")
	}
	if err := os.WriteFile(path, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}

	useInstance(t, 402)
	u2 := newShellUIOn(t, s.app)
	if u2.offered == nil || u2.offered.rec.Base == nil {
		t.Fatal("no recovery offered, or without the hash of the file as read")
	}
	u2.afterShowAction()
	u2.confirmDialog.Confirm() // Restore
	u2.save(t)
	if now, _ := os.ReadFile(path); string(now) != other {
		t.Fatal("saving the restored plan overwrote the change made on disk without asking")
	}
	if !u2.doc.Dirty() {
		t.Error("the document counts as saved though nothing was written")
	}
	// The dialog asks; Replace writes the restored plan over the change.
	u2.confirmDialog.Confirm()
	u2.work.Drain()
	got, _, err := readPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Info.Budget.String() != "4321" || u2.doc.Dirty() {
		t.Errorf("after Replace: budget on disk %s, dirty %v; want 4321 and clean", got.Info.Budget, u2.doc.Dirty())
	}
}

// TestSaveAsksOnSameLengthEditTimeKept: the window's save compares by
// content. A same-length edit on disk whose modification time was put
// back (cp -p, rsync -t) is not overwritten silently (before the fix,
// size and time were trusted and it was).
func TestSaveAsksOnSameLengthEditTimeKept(t *testing.T) {
	s := newShellUI(t)
	path := filepath.Join(t.TempDir(), "plan.toml")
	s.saveAs(t, path)
	fi, _ := os.Stat(path)
	data, _ := os.ReadFile(path)
	other := strings.Replace(string(data), "months = 3", "months = 4", 1)
	if len(other) != len(data) || other == string(data) {
		t.Fatal("test plan has no months line to change")
	}
	if err := os.WriteFile(path, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7000"))
	s.save(t)
	if now, _ := os.ReadFile(path); string(now) != other {
		t.Error("a same-length edit with its time kept was overwritten without asking")
	}
	if s.confirmDialog == nil {
		t.Error("the save did not ask")
	}
}

// TestSaveRunsOffUIGoroutine: the save writes in the background the plan
// taken when it was asked; an edit made meanwhile stays unsaved (before
// the fix the write ran on the UI goroutine, inside saveTo).
func TestSaveRunsOffUIGoroutine(t *testing.T) {
	s := newShellUI(t)
	path := filepath.Join(t.TempDir(), "plan.toml")
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "6000"))
	s.saveTo(path, nil, nil)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the save was written on the UI goroutine (err %v)", err)
	}
	if s.work.Pending() != 1 {
		t.Fatalf("%d background jobs queued, want the save", s.work.Pending())
	}
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "6500")) // typed while the save runs
	s.saveTo(path, nil, nil)                                // Ctrl+S again: runs after the first
	s.work.Drain()
	got, _, err := readPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Info.Budget.String() != "6500" || s.doc.Dirty() {
		t.Errorf("after both saves: budget on disk %s, dirty %v; want 6500, clean", got.Info.Budget, s.doc.Dirty())
	}
	if data, err := os.ReadFile(path + ".bak"); err != nil || !strings.Contains(string(data), `budget = "6000"`) {
		t.Errorf("the .bak does not hold the first save (err %v)", err)
	}

	// One save, an edit before it ends: the file holds the plan asked
	// for, and the document stays dirty.
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7000"))
	s.onSave(nil)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "7100"))
	s.work.Drain()
	got, _, _ = readPlanFile(path)
	if got.Info.Budget.String() != "7000" {
		t.Errorf("budget on disk %s, want 7000: the plan when the save was asked", got.Info.Budget)
	}
	if !s.doc.Dirty() {
		t.Error("the edit typed while the save ran counts as saved")
	}
	s.Undo() // back to the plan saved
	if s.doc.Dirty() {
		t.Error("undo back to the plan saved is not clean")
	}
}

// TestSaveAsNeverTruncatesExisting: Save as… over an existing file keeps
// its content until the new one is safely written, then keeps it as .bak
// (before the fix, Fyne's save dialog truncated it when it opened its
// writer, before our write).
func TestSaveAsNeverTruncatesExisting(t *testing.T) {
	s := newShellUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "existing.toml")
	old := []byte("# a colleague's plan\nformat = 1\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, ".existing.toml.bak.999999999.1.tmp") // left by a killed writer
	if err := os.WriteFile(stale, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	var chosen string
	s.confirmSavePath("Save as…", dir, "existing", ".toml", func(p string) { chosen = p })
	if chosen != "" {
		t.Fatal("an existing file was chosen without asking")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("the existing file changed while the user was asked")
	}
	s.confirmDialog.Confirm() // Replace
	if chosen != path {
		t.Fatalf("chosen %q, want %q", chosen, path)
	}
	h, _ := hashOfFile(chosen)
	s.saveTo(chosen, h, nil)
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("the existing file changed before the new content was written")
	}
	s.work.Drain()
	if bak, _ := os.ReadFile(path + ".bak"); !bytes.Equal(bak, old) {
		t.Errorf(".bak %q, want the previous content", bak)
	}
	if _, _, err := readPlanFile(path); err != nil || s.doc.Path() != path {
		t.Errorf("the plan was not saved as %s: %v", path, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a killed writer's temporary file is still there (err %v)", err)
	}
}

// TestSaveAsDialogKeepsExisting drives Save as… as the user does: the
// suggested name is an existing file's, Save, then Replace. The file keeps
// its content until the new plan is written (before the fix, Fyne's save
// dialog truncated it as soon as Replace was pressed: seen with
// dialog.NewFileSave in the test driver, the file read "" before the app
// wrote anything).
func TestSaveAsDialogKeepsExisting(t *testing.T) {
	s := newShellUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, fileSlug(s.doc.Plan().Info.Title)+".toml")
	old := []byte("# someone's plan\nformat = 1\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	s.addRecent(path) // the dialog starts in the most recent file's folder
	s.onSaveAs(nil)
	apptest.TapIn(t, s.win.Canvas(), lang.L("Save"))
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("the existing file changed before the user agreed to replace it")
	}
	apptest.TapIn(t, s.win.Canvas(), lang.L("Replace"))
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("the existing file changed before the new content was written")
	}
	if s.work.Drain() != 1 {
		t.Fatal("Replace did not start the save")
	}
	if bak, _ := os.ReadFile(path + ".bak"); !bytes.Equal(bak, old) {
		t.Errorf(".bak %q, want the previous content", bak)
	}
	if got, _, err := readPlanFile(path); err != nil || got.Info.Title != s.doc.Plan().Info.Title || s.doc.Dirty() {
		t.Errorf("the plan was not saved over %s (err %v, dirty %v)", path, err, s.doc.Dirty())
	}
}

func TestSavePathFor(t *testing.T) {
	apptest.NewTestApp(t, "en", plan.LangEN)
	for _, c := range []struct{ name, want string }{
		{"plan", "/d/plan.toml"},
		{"plan.toml", "/d/plan.toml"},
		{"Plan.TOML", "/d/Plan.TOML"},
		{" été 2027 ", "/d/été 2027.toml"},
	} {
		if got, err := savePathFor("/d", c.name, ".toml"); err != nil || got != c.want {
			t.Errorf("savePathFor(%q) = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "  ", ".", "..", "sub/plan", `a\b`} {
		if _, err := savePathFor("/d", bad, ".toml"); err == nil {
			t.Errorf("savePathFor(%q) accepted", bad)
		}
	}
}

// useInstance makes the UIs built next in this test instance id (their
// recovery and lock files), as if each were another process.
func useInstance(t testing.TB, id int) {
	t.Helper()
	prev := instanceID
	instanceID = func() int { return id }
	t.Cleanup(func() { instanceID = prev })
}
