package app

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"campaignsim/internal/fileio"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
)

// Recovery files keep a window's unsaved edits so that a crash, a kill or
// a power cut loses at most the last few seconds of work.
//
// Each running instance of the app has its own recovery file,
// recovery-PID.toml, in the recovery folder (recoveryDir), and holds an
// exclusive lock (flock on Unix) on recovery-PID.lock for as long as it
// runs. A window holds one document at a time, so one file per instance
// is one file per document and instance: when the window changes document,
// the file follows it (it is removed when the document is clean). The lock
// is what tells a live instance's file from a dead one's: the system drops
// it when the process ends, however it ends (kill -9 included), and a
// reused process id does not fool it. At start an instance offers only
// the files whose lock it can take (their owner is dead); it never offers
// nor removes a file whose owner still holds the lock.
const (
	recoveryPrefix = "recovery-"
	recoverySuffix = ".toml"
	lockSuffix     = ".lock"
	// legacyRecovery is the single recovery file of versions before
	// per-instance files; found at start, it is offered like a dead
	// instance's (no live instance of such a version is expected).
	legacyRecovery = "recovery.toml"
)

// instanceID returns the number that names this instance's recovery and
// lock files: the process id (a variable so that the tests can run two
// "instances" in one process).
var instanceID = os.Getpid

// recoveryDir returns the folder of the recovery files of the app: under
// its storage root, or the user's config folder when the app has none.
func recoveryDir(a fyne.App) string {
	if st := a.Storage(); st != nil {
		if root := st.RootURI(); root != nil && root.Path() != "" {
			return root.Path()
		}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "campaignsim")
}

// recoveryFileOf returns the recovery file of instance id in dir.
func recoveryFileOf(dir string, id int) string {
	return filepath.Join(dir, recoveryPrefix+strconv.Itoa(id)+recoverySuffix)
}

// lockFileOf returns the lock file that goes with a recovery file.
func lockFileOf(recoveryFile string) string {
	return strings.TrimSuffix(recoveryFile, recoverySuffix) + lockSuffix
}

// Header lines of a recovery file, TOML comments so that the rest reads as
// a plan. The first names the plan's file ("" for an untitled plan); the
// second gives the Hash, in hexadecimal, of that file's content as it was
// read when the edits began ("none" when there was no file).
const (
	recoveryHeader = "# campaignsim recovery of: "
	recoveryBase   = "# campaignsim plan file hash when read: "
)

// recovered is what a recovery file holds: the plan, the file it is bound
// to, and the Hash of that file when the edits began (nil: no file).
type recovered struct {
	Plan plan.Plan
	Path string
	Base *fileio.Hash
}

// encodeRecovery returns the text of a recovery file for p bound to path,
// whose file held content of Hash base when read (nil: none).
func encodeRecovery(p plan.Plan, path string, base *fileio.Hash) ([]byte, error) {
	data, err := plan.Encode(p)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(recoveryHeader + path + "\n")
	if base != nil {
		b.WriteString(recoveryBase + hex.EncodeToString(base[:]) + "\n")
	} else {
		b.WriteString(recoveryBase + "none\n")
	}
	b.Write(data)
	return b.Bytes(), nil
}

// writeRecovery saves p, bound to path and read as content of Hash base,
// into the recovery file file, atomically (fileio.WriteFile), creating its
// folder if needed.
func writeRecovery(file string, p plan.Plan, path string, base *fileio.Hash) error {
	data, err := encodeRecovery(p, path, base)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return err
	}
	return fileio.WriteFile(file, data, fileio.Options{Perm: 0o600})
}

// readRecovery reads a recovery file. It fails when there is none or it
// does not hold a valid plan. A file without the hash line (written by an
// older version) has a nil Base: its restore asks before any overwrite.
func readRecovery(file string) (recovered, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return recovered{}, err
	}
	if fi.Size() > plan.MaxFileSize {
		return recovered{}, fmt.Errorf("%s: %d bytes is too large for a recovery file", file, fi.Size())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return recovered{}, err
	}
	r := bufio.NewReader(bytes.NewReader(data))
	first, _, _ := r.ReadLine()
	path, ok := strings.CutPrefix(string(first), recoveryHeader)
	if !ok {
		return recovered{}, fmt.Errorf("%s is not a recovery file", file)
	}
	rec := recovered{Path: path}
	second, _, _ := r.ReadLine()
	if h, ok := strings.CutPrefix(string(second), recoveryBase); ok && h != "none" {
		var base fileio.Hash
		if b, err := hex.DecodeString(h); err == nil && len(b) == len(base) {
			copy(base[:], b)
			rec.Base = &base
		}
	}
	rec.Plan, err = plan.Decode(filepath.Base(file), data)
	if err != nil {
		return recovered{}, err
	}
	return rec, nil
}

// recoveryClaim is a dead instance's recovery file that this instance
// holds the lock of, while the user decides what to do with it.
type recoveryClaim struct {
	file string
	lock *os.File // nil once dropped
	rec  recovered
}

// drop removes the claimed recovery file and its lock file, then lets the
// lock go.
func (c *recoveryClaim) drop() {
	if c == nil || c.lock == nil {
		return
	}
	for _, f := range []string{c.file, lockFileOf(c.file)} {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fyne.LogError("recovery file", err)
		}
	}
	_ = c.lock.Close()
	c.lock = nil
}

// release lets the lock go and keeps the files (for a later start).
func (c *recoveryClaim) release() {
	if c != nil && c.lock != nil {
		_ = c.lock.Close()
		c.lock = nil
	}
}

// claimRecoveries returns the recovery files in dir left by instances
// that are no longer running, newest first, each locked by this instance;
// self is this instance's id, whose own file is skipped. Files that do not
// read as recovery files are skipped (and kept). The caller releases or
// drops every claim.
func claimRecoveries(dir string, self int) []*recoveryClaim {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	type found struct {
		claim *recoveryClaim
		mod   int64
	}
	var list []found
	for _, e := range entries {
		name := e.Name()
		if name != legacyRecovery {
			idText, ok := strings.CutPrefix(name, recoveryPrefix)
			if !ok || !strings.HasSuffix(idText, recoverySuffix) {
				continue
			}
			id, err := strconv.Atoi(strings.TrimSuffix(idText, recoverySuffix))
			if err != nil || id == self {
				continue
			}
		}
		file := filepath.Join(dir, name)
		lock, err := tryLock(lockFileOf(file))
		if err != nil {
			continue // its instance is alive (or the lock cannot be taken)
		}
		rec, err := readRecovery(file)
		if err != nil {
			fyne.LogError("recovery file "+file, err)
			_ = lock.Close()
			continue
		}
		var mod int64
		if fi, err := e.Info(); err == nil {
			mod = fi.ModTime().UnixNano()
		}
		list = append(list, found{&recoveryClaim{file: file, lock: lock, rec: rec}, mod})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].mod > list[j].mod })
	out := make([]*recoveryClaim, len(list))
	for i, f := range list {
		out[i] = f.claim
	}
	return out
}

// recoveryOp is a request to the recovery store: write a plan (write),
// remove the file (!write), or nothing (!set); then drop claims.
type recoveryOp struct {
	set   bool
	write bool
	p     plan.Plan
	path  string
	base  *fileio.Hash
	drops []*recoveryClaim
}

// recoveryStore owns one recovery file: one goroutine performs the writes
// and removals asked for, in the order asked, so that a write can never
// land after a later removal (the next start would then offer edits that
// were saved). Only the latest request matters (a write then a removal is
// a removal), so requests not yet started are merged into one and a slow
// disk never makes the UI goroutine wait. Write, Remove and Drop return at
// once; Flush waits for everything asked so far.
type recoveryStore struct {
	file string

	mu      sync.Mutex
	cond    *sync.Cond
	pending recoveryOp
	asked   int // requests made
	done    int // requests performed
	closed  bool
	wake    chan struct{}
	stopped chan struct{}
}

// newRecoveryStore starts the store of file.
func newRecoveryStore(file string) *recoveryStore {
	s := &recoveryStore{file: file, wake: make(chan struct{}, 1), stopped: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

// Write asks for p, bound to path and read with Hash base, to be written.
func (s *recoveryStore) Write(p plan.Plan, path string, base *fileio.Hash) {
	s.request(func(op *recoveryOp) {
		op.set, op.write, op.p, op.path, op.base = true, true, p, path, base
	})
}

// Remove asks for the file to be removed.
func (s *recoveryStore) Remove() {
	s.request(func(op *recoveryOp) {
		op.set, op.write, op.p = true, false, plan.Plan{}
	})
}

// Drop asks for c to be dropped once the requests before it are performed
// (a restored dead instance's file goes only after this instance's own
// file holds the edits).
func (s *recoveryStore) Drop(c *recoveryClaim) {
	s.request(func(op *recoveryOp) { op.drops = append(op.drops, c) })
}

func (s *recoveryStore) request(f func(*recoveryOp)) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	f(&s.pending)
	s.asked++
	select { // under mu, so that Close cannot close wake meanwhile
	case s.wake <- struct{}{}:
	default:
	}
	s.mu.Unlock()
}

// Flush waits until every request made so far is performed.
func (s *recoveryStore) Flush() {
	s.mu.Lock()
	want := s.asked
	for s.done < want && !s.isStopped() {
		s.cond.Wait()
	}
	s.mu.Unlock()
}

func (s *recoveryStore) isStopped() bool {
	select {
	case <-s.stopped:
		return true
	default:
		return false
	}
}

// Close performs what was asked, then stops the store; later requests are
// ignored.
func (s *recoveryStore) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		<-s.stopped
		return
	}
	s.closed = true
	close(s.wake)
	s.mu.Unlock()
	<-s.stopped
}

func (s *recoveryStore) loop() {
	defer func() {
		s.mu.Lock()
		close(s.stopped)
		s.cond.Broadcast()
		s.mu.Unlock()
	}()
	for range s.wake {
		s.performPending()
	}
	s.performPending() // what was asked before Close
}

func (s *recoveryStore) performPending() {
	s.mu.Lock()
	op, seq := s.pending, s.asked
	s.pending = recoveryOp{}
	s.mu.Unlock()
	s.perform(op)
	s.mu.Lock()
	s.done = seq
	s.cond.Broadcast()
	s.mu.Unlock()
}

func (s *recoveryStore) perform(op recoveryOp) {
	ok := true
	switch {
	case op.set && op.write:
		if err := writeRecovery(s.file, op.p, op.path, op.base); err != nil {
			fyne.LogError("recovery file", err)
			ok = false
		}
	case op.set:
		if err := os.Remove(s.file); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fyne.LogError("recovery file", err)
		}
	}
	for _, c := range op.drops {
		if ok {
			c.drop()
		} else {
			// The edits are not safe in this instance's file: keep the
			// dead instance's for the next start.
			c.release()
		}
	}
}
