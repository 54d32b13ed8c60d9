// Package fileio writes the files a user owns — plans, their backups,
// recovery files, PDF documents, workbooks — so that nothing is ever lost:
// the new content goes to a temporary file beside the target, is synced,
// then renamed over it, so the target is always either the old file or
// the whole new one. It is the one writer of the app, the command line and
// the documents (ARCHITECTURE.md).
//
// What it guarantees, beyond atomicity:
//   - a symbolic link is followed to its target, which is replaced; the
//     link itself stays a link (a dangling link creates its target);
//   - only regular files are replaced: a folder, a device node, a pipe or
//     a socket at the path is refused with ErrNotRegular;
//   - a file named in Options.Inputs (the plan an export was made from) is
//     never overwritten: ErrIsInput, whatever path names it;
//   - with Options.Unchanged, a file whose content is no longer the one
//     read (a colleague's edit, a sync tool) is not overwritten:
//     ErrChanged;
//   - with Options.Backup, the previous non-empty content is kept as
//     TARGET.bak before the target is replaced;
//   - temporary files left by a writer that was killed are removed the
//     next time the same target is written.
package fileio

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Errors WriteFile returns, to be told apart with errors.Is. Each is
// wrapped with the path it concerns.
var (
	// ErrNotRegular: the path names a folder, a device, a pipe or a
	// socket, which a save must not replace.
	ErrNotRegular = errors.New("not a regular file")
	// ErrIsInput: the path names one of Options.Inputs.
	ErrIsInput = errors.New("is an input of this command")
	// ErrChanged: the file's content is no longer the one Options.Unchanged
	// describes.
	ErrChanged = errors.New("changed on disk since it was read")
	// ErrTooManyLinks: the chain of symbolic links is a loop or longer
	// than 40 links (Linux's own limit).
	ErrTooManyLinks = errors.New("too many levels of symbolic links")
)

// Hash is the SHA-256 of a file's content: what tells whether a file
// changed, since a same-length edit with its time kept (cp -p, rsync -t,
// sync tools) leaves size and modification time as they were.
type Hash [sha256.Size]byte

// HashOf returns the Hash of data.
func HashOf(data []byte) Hash { return sha256.Sum256(data) }

// Options says how WriteFile writes. The zero value writes a new file
// with mode 0644, no backup and no checks beyond the regular-file one.
type Options struct {
	// Perm is the mode of a file that does not exist yet (0 means 0644).
	// An existing file keeps its own mode.
	Perm os.FileMode
	// Backup keeps the target's previous content, when not empty, as
	// TARGET.bak (itself written atomically) before replacing it. A .bak
	// that cannot be written fails the write: the user asked for a
	// backup. An empty previous file is no version worth keeping (it is
	// what a save dialog creates for a new name).
	Backup bool
	// Inputs are files the content was made from; the target must not be
	// one of them (compared as files, so another name of the same file,
	// through a link or a relative path, is caught too).
	Inputs []string
	// Unchanged, when not nil, is the Hash of the content the caller read
	// from the target; if the target now holds something else, or was
	// removed, nothing is written and WriteFile returns ErrChanged. The
	// check is made just before the new content is written.
	Unchanged *Hash
}

// Target returns the file that a write to path replaces: path itself, or
// the end of its chain of symbolic links (relative links are resolved
// from their own folder). The target need not exist.
func Target(path string) (string, error) {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return "", fmt.Errorf("%s: %w", path, ErrTooManyLinks)
}

// Check tells, without writing anything, whether WriteFile(path, _, o)
// would be refused for what path names (not a regular file, one of the
// inputs, a link loop). Commands call it before long work, so that a
// wrong -o is reported at once.
func Check(path string, o Options) error {
	_, err := check(path, o)
	return err
}

func check(path string, o Options) (string, error) {
	target, err := Target(path)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil
	case err != nil:
		return "", err
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	for _, in := range o.Inputs {
		if in == "" || in == "-" {
			continue
		}
		if ii, err := os.Stat(in); err == nil && os.SameFile(fi, ii) {
			return "", fmt.Errorf("%s: %w", path, ErrIsInput)
		}
	}
	return target, nil
}

// WriteFile replaces the file at path (through its symbolic links) with
// data, atomically, as the package comment says. On any error the target
// is as it was and no temporary file is left behind.
func WriteFile(path string, data []byte, o Options) (err error) {
	target, err := check(path, o)
	if err != nil {
		return err
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	CleanStale(target)
	mode := o.Perm
	if mode == 0 {
		mode = 0o644
	}
	old, rerr := os.ReadFile(target)
	switch {
	case rerr == nil:
		if fi, err := os.Stat(target); err == nil {
			mode = fi.Mode().Perm()
		}
	case errors.Is(rerr, fs.ErrNotExist):
		old = nil
	default:
		return rerr
	}
	if o.Unchanged != nil && (rerr != nil || HashOf(old) != *o.Unchanged) {
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	if o.Backup && len(old) > 0 {
		if err := replace(target+".bak", filepath.Dir(target), filepath.Base(target)+".bak", old, mode); err != nil {
			return err
		}
	}
	if err := replace(target, dir, base, data, mode); err != nil {
		return err
	}
	return nil
}

// tmpPrefix is how a temporary file of target base starts; the process id
// that follows lets CleanStale tell a killed writer's file from one being
// written right now.
func tmpPrefix(base string) string { return "." + base + "." }

const tmpSuffix = ".tmp"

// replace writes data to a temporary file in dir and renames it over
// target.
func replace(target, dir, base string, data []byte, mode os.FileMode) (err error) {
	tmp, err := os.CreateTemp(dir, tmpPrefix(base)+strconv.Itoa(os.Getpid())+".*"+tmpSuffix)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // best effort: not every file system syncs folders
		_ = d.Close()
	}
	return nil
}

// staleAge is how old a temporary file whose writer cannot be identified
// must be before CleanStale removes it.
const staleAge = time.Hour

// CleanStale removes the temporary files that writers of target (and of
// its .bak) left behind when they were killed: those whose process is no
// longer running, or, when the process cannot be told, those older than
// an hour. A file being written by a live process is never touched.
func CleanStale(target string) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, tmpSuffix) {
			continue
		}
		rest, ok := strings.CutPrefix(name, tmpPrefix(base+".bak"))
		if !ok {
			rest, ok = strings.CutPrefix(name, tmpPrefix(base))
		}
		if !ok {
			continue
		}
		pidText, _, _ := strings.Cut(rest, ".")
		pid, err := strconv.Atoi(pidText)
		if err == nil && pid == os.Getpid() {
			continue
		}
		if err == nil && pid > 0 && canTellProcesses {
			if processAlive(pid) {
				continue
			}
		} else if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < staleAge {
			continue
		}
		_ = os.Remove(filepath.Join(dir, name))
	}
}
