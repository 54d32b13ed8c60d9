package display

import (
	"errors"
	"io/fs"
	"syscall"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
)

// ReadReason is why a file could not be read, in lang: "no such file"
// when it does not exist, else as IOReason says it. ok is false for any
// other error.
func ReadReason(err error, lang plan.Language) (why string, ok bool) {
	if errors.Is(err, fs.ErrNotExist) {
		return Text(plan.NewMsg(simulate.MsgIONoSuchFile), lang, ""), true
	}
	return IOReason(err, lang)
}

// IOReason is why a file could not be written (or read, but for a missing
// file see ReadReason), in lang, for the
// reasons people can act on — the folder does not exist, no permission, a
// full or read-only disk, a loop of symbolic links — without the paths the
// error carries (the message around it names the file). ok is false for
// any other error, which the caller shows as the system words it. The
// command line and the app word these reasons through it.
func IOReason(err error, lang plan.Language) (why string, ok bool) {
	var code string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		code = simulate.MsgIOFolderMissing
	case errors.Is(err, fs.ErrPermission):
		code = simulate.MsgIOPermission
	case errors.Is(err, syscall.ENOSPC):
		code = simulate.MsgIODiskFull
	case errors.Is(err, syscall.EROFS):
		code = simulate.MsgIOReadOnly
	case errors.Is(err, fileio.ErrTooManyLinks):
		code = simulate.MsgIOTooManyLinks
	default:
		return "", false
	}
	return Text(plan.NewMsg(code), lang, ""), true
}
