//go:build unix

package fileio

import (
	"errors"
	"syscall"
)

// canTellProcesses: on Unix, processAlive answers for real.
const canTellProcesses = true

// processAlive reports whether a process with this id is running: signal
// 0 checks without sending anything. EPERM means it exists but is
// someone else's.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
