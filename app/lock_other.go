//go:build !unix

package app

import (
	"errors"
	"io/fs"
	"os"
)

// tryLock takes the lock file path for this instance. Without flock, the
// lock is the file being open: Windows refuses to remove a file another
// process holds open, so a lock file that can be removed belongs to no
// live instance and is made again, held open, for this one. (Not tested on
// these systems: the app's reference platform is Linux.)
func tryLock(path string) (*os.File, error) {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}
