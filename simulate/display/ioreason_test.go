package display

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
)

// TestIOReason: the reasons people can act on are worded in both
// languages, wrapped or not, without the path; any other error is left to
// the caller.
func TestIOReason(t *testing.T) {
	wrap := func(e error) error { return &fs.PathError{Op: "open", Path: "/x/plan.pdf", Err: e} }
	for _, c := range []struct {
		err    error
		fr, en string
	}{
		{wrap(syscall.ENOENT), "son dossier n'existe pas", "its folder does not exist"},
		{wrap(syscall.EACCES), "permission refusée", "permission denied"},
		{fmt.Errorf("write: %w", wrap(syscall.ENOSPC)), "le disque est plein", "the disk is full"},
		{wrap(syscall.EROFS), "le disque est en lecture seule", "the disk is read-only"},
		{fmt.Errorf("x: %w", fileio.ErrTooManyLinks), "trop de liens symboliques (une boucle\u00a0?)", "too many symbolic links (a loop?)"},
	} {
		for lang, want := range map[plan.Language]string{plan.LangFR: c.fr, plan.LangEN: c.en} {
			if got, ok := IOReason(c.err, lang); !ok || got != want {
				t.Errorf("IOReason(%v, %s) = %q, %v; want %q", c.err, lang, got, ok, want)
			}
		}
	}
	if got, ok := IOReason(errors.New("something else"), plan.LangFR); ok {
		t.Errorf("IOReason(something else) = %q, want none", got)
	}
}

// TestReadReason: a file to read that does not exist is "no such file",
// not its folder; the other reasons are IOReason's.
func TestReadReason(t *testing.T) {
	missing := &fs.PathError{Op: "open", Path: "/x/cas.toml", Err: syscall.ENOENT}
	for lang, want := range map[plan.Language]string{plan.LangFR: "le fichier n'existe pas", plan.LangEN: "no such file"} {
		if got, ok := ReadReason(missing, lang); !ok || got != want {
			t.Errorf("ReadReason(missing, %s) = %q, %v; want %q", lang, got, ok, want)
		}
	}
	if got, _ := ReadReason(&fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}, plan.LangFR); got != "permission refusée" {
		t.Errorf("ReadReason(permission) = %q", got)
	}
}
