//go:build unix

package app

import (
	"os"
	"syscall"
)

// tryLock opens (creating it if needed) the lock file path and takes an
// exclusive flock on it without waiting. It fails when another open file
// — of another process, or another instance in this one — holds it. The
// lock lasts until the returned file is closed or the process ends,
// however it ends.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		return nil, err
	}
	return f, nil
}
