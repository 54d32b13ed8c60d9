package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"campaignsim/internal/fileio"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// readPlanFile reads and decodes the plan file at path and returns the
// plan and the file's exact text (kept by the document, see
// Document.Original). On failure it returns the error and the zero plan:
// the caller keeps what it had. A decoding error is a plan.ErrorList with
// every problem and its line.
func readPlanFile(path string) (plan.Plan, []byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return plan.Plan{}, nil, err
	}
	if fi.Size() > plan.MaxFileSize {
		// Decode refuses it too, but without reading 10 MB first.
		return plan.Plan{}, nil, fmt.Errorf("%s: %d bytes is too large for a plan file", path, fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return plan.Plan{}, nil, err
	}
	p, err := plan.Decode(filepath.Base(path), data)
	if err != nil {
		return plan.Plan{}, nil, err
	}
	return p, data, nil
}

// writePlanFile saves p to path over original, the text the plan was read
// from (plan.EncodeOver keeps its comments; nil for a new file), through
// fileio.WriteFile: atomic, the previous non-empty content kept as
// path + ".bak", stale temporary files of a killed writer removed. With
// unchanged not nil, a file whose content no longer has that Hash is left
// as it is and the error is fileio.ErrChanged. It returns the text
// written. If anything fails, path is as it was.
func writePlanFile(path string, original []byte, p plan.Plan, unchanged *fileio.Hash) ([]byte, error) {
	data, err := plan.EncodeOver(original, p)
	if err != nil {
		return nil, fmt.Errorf("cannot write the plan: %w", err)
	}
	if err := fileio.WriteFile(path, data, fileio.Options{Backup: true, Unchanged: unchanged}); err != nil {
		return nil, err
	}
	return data, nil
}

// hashOfFile returns the Hash of the file at path now, and nil when it
// cannot be read (removed): what a save that replaces it after asking
// requires it to still be.
func hashOfFile(path string) (*fileio.Hash, []byte) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil
	}
	h := fileio.HashOf(data)
	return &h, data
}

// tomlFilter shows only plan files in the open and save dialogs.
var tomlFilter = storage.NewExtensionFileFilter([]string{".toml"})

// dialogFolder returns the folder the file dialogs start in: the plan's
// own, else the most recent file's, else the default.
func (u *UI) dialogFolder() fyne.ListableURI {
	dirs := []string{}
	if u.doc.Path() != "" {
		dirs = append(dirs, filepath.Dir(u.doc.Path()))
	}
	if r := u.recent(); len(r) > 0 {
		dirs = append(dirs, filepath.Dir(r[0]))
	}
	for _, d := range dirs {
		if l, err := storage.ListerForURI(storage.NewFileURI(d)); err == nil {
			return l
		}
	}
	return nil
}

// onOpen asks for a plan file and opens it.
func (u *UI) onOpen() {
	u.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if r == nil {
				return // cancelled
			}
			path := r.URI().Path()
			_ = r.Close()
			u.openFile(path)
		}, u.win)
		d.SetFilter(tomlFilter)
		if l := u.dialogFolder(); l != nil {
			d.SetLocation(l)
		}
		d.Resize(fyne.NewSize(800, 560))
		d.Show()
	})
}

// openFile opens path (read off the UI goroutine, see startOpen), or
// shows every problem that prevents it.
func (u *UI) openFile(path string) {
	u.openPath(path, func(err error) {
		if err != nil {
			u.showLoadErrors(path, err)
			if errors.Is(err, os.ErrNotExist) {
				u.removeRecent(path)
			}
		}
	})
}

// recent returns the recent files, most recent first.
func (u *UI) recent() []string {
	return u.app.Preferences().StringList(prefRecent)
}

// addRecent puts path first in the recent files (at most maxRecent).
func (u *UI) addRecent(path string) {
	list := []string{path}
	for _, p := range u.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(prefRecent, list)
	u.app.Preferences().SetString(prefLastPlan, path)
	u.updateRecentMenu()
}

func (u *UI) removeRecent(path string) {
	var list []string
	for _, p := range u.recent() {
		if p != path {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(prefRecent, list)
	u.updateRecentMenu()
}

func (u *UI) updateRecentMenu() {
	if u.recentMenu == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range u.recent() {
		path := p
		items = append(items, fyne.NewMenuItem(filepath.Base(path)+" — "+filepath.Dir(path), func() {
			u.confirmDiscard(func() { u.openFile(path) })
		}))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent file"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	u.recentMenu.Items = items
	if mm := u.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}
