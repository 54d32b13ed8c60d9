package fileio

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.toml")
	if err := WriteFile(p, []byte("one"), Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", fi.Mode().Perm())
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("two"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "two" {
		t.Errorf("content %q, want two", got)
	}
	if got := read(t, p+".bak"); got != "one" {
		t.Errorf(".bak %q, want the previous content one", got)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v, want its own 0600 kept", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want the file and its .bak only", len(entries))
	}
}

func TestEmptyPreviousIsNoBackup(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.toml")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p + ".bak"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an empty previous file left a .bak (err %v)", err)
	}
}

func TestSymlinkIsFollowedAndKept(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "plan.toml")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink("real/plan.toml", link); err != nil { // relative link
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (mode %v, err %v)", fi.Mode(), err)
	}
	if got := read(t, real); got != "new" {
		t.Errorf("target %q, want new", got)
	}
	if got := read(t, real+".bak"); got != "old" {
		t.Errorf("backup beside the target %q, want old", got)
	}
	// A dangling link creates its target.
	dangling := filepath.Join(dir, "dangling.toml")
	if err := os.Symlink("made.toml", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "made.toml")); got != "x" {
		t.Errorf("dangling link's target %q, want x", got)
	}
}

func TestLinkLoopIsRefused(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	_ = os.Symlink(b, a)
	_ = os.Symlink(a, b)
	if err := WriteFile(a, []byte("x"), Options{}); !errors.Is(err, ErrTooManyLinks) {
		t.Errorf("link loop: err %v, want ErrTooManyLinks", err)
	}
}

func TestNotRegularIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no fifo here:", err)
	}
	for _, p := range []string{dir, fifo, "/dev/null"} {
		if err := WriteFile(p, []byte("x"), Options{}); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: err %v, want ErrNotRegular", p, err)
		}
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&fs.ModeDevice == 0 {
		t.Errorf("/dev/null is no longer a device: %v %v", fi.Mode(), err)
	}
}

func TestInputIsRefusedUnderAnyName(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.toml")
	if err := os.WriteFile(in, []byte("plan"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "l.toml")
	_ = os.Symlink(in, link)
	hard := filepath.Join(dir, "h.toml")
	_ = os.Link(in, hard)
	t.Chdir(dir)
	for _, out := range []string{in, "p.toml", "./p.toml", link, hard} {
		err := WriteFile(out, []byte("%PDF"), Options{Inputs: []string{"p.toml"}})
		if !errors.Is(err, ErrIsInput) {
			t.Errorf("-o %s: err %v, want ErrIsInput", out, err)
		}
	}
	if got := read(t, in); got != "plan" {
		t.Errorf("input now %q", got)
	}
	if err := WriteFile("other.pdf", []byte("%PDF"), Options{Inputs: []string{"p.toml", "-"}}); err != nil {
		t.Errorf("another name: %v", err)
	}
}

func TestUnchangedDetectsSameLengthEditWithTimeKept(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.toml")
	if err := os.WriteFile(p, []byte("budget = 5000"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(p)
	read := HashOf([]byte("budget = 5000"))
	// A colleague's edit of the same length, its time put back (cp -p).
	if err := os.WriteFile(p, []byte("budget = 6000"), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = os.Chtimes(p, fi.ModTime(), fi.ModTime())
	err := WriteFile(p, []byte("budget = 7000"), Options{Unchanged: &read})
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err %v, want ErrChanged", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "budget = 6000" {
		t.Errorf("the colleague's edit was overwritten: %q", got)
	}
	now := HashOf([]byte("budget = 6000"))
	if err := WriteFile(p, []byte("budget = 7000"), Options{Unchanged: &now}); err != nil {
		t.Errorf("unchanged file refused: %v", err)
	}
	// Removed since it was read is a change too.
	_ = os.Remove(p)
	if err := WriteFile(p, []byte("x"), Options{Unchanged: &now}); !errors.Is(err, ErrChanged) {
		t.Errorf("removed file: err %v, want ErrChanged", err)
	}
}

func TestFailureLeavesTargetAndNoTemp(t *testing.T) {
	if os.Getuid() == 0 {
		// root writes into a read-only folder anyway; use a missing one.
		t.Log("running as root: the failure is a missing folder")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "missing", "plan.toml")
	if err := WriteFile(p, []byte("x"), Options{}); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("left %d entries behind", len(entries))
	}
}

func TestStaleTemporaryFilesAreCleaned(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.toml")
	// A writer that was killed: a process that has ended.
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run a process:", err)
	}
	dead := cmd.Process.Pid
	deadTmp := filepath.Join(dir, ".plan.toml."+strconv.Itoa(dead)+".123.tmp")
	deadBak := filepath.Join(dir, ".plan.toml.bak."+strconv.Itoa(dead)+".456.tmp")
	// A writer at work right now: this process's parent is alive.
	liveTmp := filepath.Join(dir, ".plan.toml."+strconv.Itoa(os.Getppid())+".789.tmp")
	// Another file's temporary file is none of ours.
	otherTmp := filepath.Join(dir, ".other.toml."+strconv.Itoa(dead)+".1.tmp")
	// Written by a version without a pid, an hour and more ago / just now.
	oldNoPid := filepath.Join(dir, ".plan.toml.bak.x1.tmp")
	newNoPid := filepath.Join(dir, ".plan.toml.bak.x2.tmp")
	for _, f := range []string{deadTmp, deadBak, liveTmp, otherTmp, oldNoPid, newNoPid} {
		if err := os.WriteFile(f, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	_ = os.Chtimes(oldNoPid, old, old)
	if err := WriteFile(p, []byte("x"), Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{deadTmp: false, deadBak: false, liveTmp: true, otherTmp: true, oldNoPid: false, newNoPid: true} {
		_, err := os.Stat(f)
		if got := err == nil; got != want {
			t.Errorf("%s: present %v, want %v", filepath.Base(f), got, want)
		}
	}
}

func TestTargetAndCheck(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.pdf")
	if got, err := Target(p); err != nil || got != p {
		t.Errorf("Target of a new file = %q, %v", got, err)
	}
	if err := Check(dir, Options{}); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Check(folder) = %v", err)
	}
	if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
		t.Error("Check wrote something")
	}
}
