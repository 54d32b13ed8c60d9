package app

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// fileStamp is what the app remembers of a plan file when it opens or
// saves it, to tell whether someone else changed it since.
type fileStamp struct {
	Size    int64
	ModTime time.Time
	Hash    [sha256.Size]byte
}

// stampOf returns the stamp of the file at path.
func stampOf(path string) (fileStamp, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return fileStamp{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{Size: fi.Size(), ModTime: fi.ModTime(), Hash: sha256.Sum256(data)}, nil
}

// changedOnDisk reports whether the file at path is no longer the one
// stamped: another size or content, or it was removed. A new modification
// time alone (a "touch") with the same content is not a change.
func changedOnDisk(path string, was fileStamp) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return true
	}
	if fi.Size() != was.Size {
		return true
	}
	if fi.ModTime().Equal(was.ModTime) {
		return false
	}
	now, err := stampOf(path)
	return err != nil || now.Hash != was.Hash
}

// readPlanFile reads and decodes the plan file at path. On failure it
// returns the error and the zero plan: the caller keeps what it had. A
// decoding error is a plan.ErrorList with every problem and its line.
func readPlanFile(path string) (plan.Plan, fileStamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return plan.Plan{}, fileStamp{}, err
	}
	if fi.Size() > plan.MaxFileSize {
		// Decode refuses it too, but without reading 10 MB first.
		return plan.Plan{}, fileStamp{}, fmt.Errorf("%s: %d bytes is too large for a plan file", path, fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return plan.Plan{}, fileStamp{}, err
	}
	p, err := plan.Decode(filepath.Base(path), data)
	if err != nil {
		return plan.Plan{}, fileStamp{}, err
	}
	return p, fileStamp{Size: int64(len(data)), ModTime: fi.ModTime(), Hash: sha256.Sum256(data)}, nil
}

// writePlanFile saves p to path atomically: it writes a temporary file in
// the same folder, flushes it to disk, copies the previous version (if
// any and not empty) to path + ".bak", then renames the temporary file over path. If
// anything fails, path is left as it was and the error says why. It
// returns the stamp of the file written.
func writePlanFile(path string, p plan.Plan) (fileStamp, error) {
	data, err := plan.Encode(p)
	if err != nil {
		return fileStamp{}, fmt.Errorf("cannot write the plan: %w", err)
	}
	mode := os.FileMode(0o644)
	old, err := os.ReadFile(path)
	switch {
	case err == nil:
		if fi, err := os.Stat(path); err == nil {
			mode = fi.Mode().Perm()
		}
	case errors.Is(err, os.ErrNotExist):
		old = nil
	default:
		return fileStamp{}, err
	}
	if len(old) > 0 {
		// The previous version is kept beside it, before it is replaced.
		// An empty file is no version worth keeping: it is what Fyne's save
		// dialog creates for a new name. A .bak that cannot be written does
		// not stop the save.
		_ = writeAtomic(path+".bak", old, mode)
	}
	if err := writeAtomic(path, data, mode); err != nil {
		return fileStamp{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{Size: int64(len(data)), ModTime: fi.ModTime(), Hash: sha256.Sum256(data)}, nil
}

// writeAtomic replaces path with data: temporary file in the same folder,
// fsync, rename, fsync of the folder. path is untouched on failure.
func writeAtomic(path string, data []byte, mode os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
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
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // best effort: not every file system syncs folders
		_ = d.Close()
	}
	return nil
}

// recoveryHeader starts the first line of a recovery file; the rest of the
// line is the path of the plan's file ("" for an untitled plan).
const recoveryHeader = "# campaignsim recovery of: "

// writeRecovery saves p with the path it is bound to into the recovery
// file file, atomically.
func writeRecovery(file string, p plan.Plan, path string) error {
	data, err := plan.Encode(p)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(recoveryHeader + path + "\n")
	b.Write(data)
	return writeAtomic(file, b.Bytes(), 0o600)
}

// readRecovery reads a recovery file: the plan and the path it was bound
// to. It fails when there is none or it does not hold a valid plan.
func readRecovery(file string) (plan.Plan, string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return plan.Plan{}, "", err
	}
	first, _, _ := bufio.NewReader(bytes.NewReader(data)).ReadLine()
	path, ok := strings.CutPrefix(string(first), recoveryHeader)
	if !ok {
		return plan.Plan{}, "", fmt.Errorf("%s is not a recovery file", file)
	}
	p, err := plan.Decode(filepath.Base(file), data)
	if err != nil {
		return plan.Plan{}, "", err
	}
	return p, path, nil
}

// errorLines turns a load error into lines people read: one per problem
// of a plan.ErrorList, each with its line and column.
func loadErrorLines(err error) []string {
	var list plan.ErrorList
	if !errors.As(err, &list) {
		return []string{err.Error()}
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		var where string
		switch {
		case e.Line > 0 && e.Col > 0:
			where = lang.L("Line {{.Line}}, column {{.Col}}", map[string]any{"Line": e.Line, "Col": e.Col})
		case e.Line > 0:
			where = lang.L("Line {{.Line}}", map[string]any{"Line": e.Line})
		default:
			where = e.Path
		}
		msg := e.Msg
		if e.Path != "" && e.Line > 0 {
			msg = e.Path + " — " + msg
		}
		if where != "" {
			msg = where + "\u00a0: " + msg
		}
		out = append(out, msg)
	}
	return out
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

// openFile opens path, or shows every problem that prevents it.
func (u *UI) openFile(path string) {
	if err := u.openPath(path); err != nil {
		u.showLoadErrors(path, err)
		if errors.Is(err, os.ErrNotExist) {
			u.removeRecent(path)
		}
	}
}

// onSave saves the plan to its file (asking where when untitled) and then
// runs after, if not nil, once the plan is saved.
func (u *UI) onSave(after func()) {
	path := u.doc.Path()
	if path == "" {
		u.onSaveAs(after)
		return
	}
	if u.hasStamp && changedOnDisk(path, u.stamp) {
		msg := lang.L("“{{.File}}” was changed on disk since it was opened (by another program or person). Replace it with this plan?",
			map[string]any{"File": filepath.Base(path)})
		d := dialog.NewConfirm(lang.L("File changed on disk"), msg, func(ok bool) {
			if ok {
				u.saveTo(path, after)
			}
		}, u.win)
		d.SetConfirmText(lang.L("Replace"))
		d.SetDismissText(lang.L("Cancel"))
		d.Show()
		return
	}
	u.saveTo(path, after)
}

// saveTo writes the plan to path atomically and binds the document to it.
func (u *UI) saveTo(path string, after func()) {
	st, err := writePlanFile(path, u.doc.Plan())
	if err != nil {
		u.showError(fmt.Errorf("%s%s%w", lang.L("The plan was not saved"), uiColon(), err))
		return
	}
	u.stamp, u.hasStamp = st, true
	u.doc.MarkSaved(path)
	u.addRecent(path)
	if after != nil {
		after()
	}
}

// onSaveAs asks where to save the plan, then saves it there.
func (u *UI) onSaveAs(after func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		_ = w.Close()
		if !strings.HasSuffix(strings.ToLower(path), ".toml") {
			_ = os.Remove(path) // the dialog created it empty
			path += ".toml"
		}
		u.saveTo(path, after)
	}, u.win)
	d.SetFilter(tomlFilter)
	name := "plan.toml"
	if u.doc.Path() != "" {
		name = filepath.Base(u.doc.Path())
	} else if s := fileSlug(u.doc.Plan().Info.Title); s != "" {
		name = s + ".toml"
	}
	d.SetFileName(name)
	if l := u.dialogFolder(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// fileSlug turns a plan title into a file name: lower case letters and
// digits joined by "-", accents kept, at most 40 characters.
func fileSlug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
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

// onExportPDF asks where to write the PDF report, writes it in a goroutine
// behind a progress dialog, then says where it is.
func (u *UI) onExportPDF() {
	export := wiring.exportPDF
	if export == nil {
		return
	}
	p := u.doc.Plan()
	scenario := ""
	if i := u.results.shown; u.results.results != nil && i > 0 && i < len(u.results.results.Scenarios) {
		scenario = u.results.results.Scenarios[i].Scenario
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		progress := dialog.NewCustomWithoutButtons(lang.L("Export as PDF…"),
			container.NewVBox(widget.NewLabel(lang.L("Writing the report…")), widget.NewProgressBarInfinite()), u.win)
		progress.Show()
		go func() {
			err := export(path, p, uiLang, scenario)
			fyne.Do(func() {
				progress.Hide()
				if err != nil {
					u.showError(fmt.Errorf("%s%s%w", lang.L("The PDF was not written"), uiColon(), err))
					return
				}
				dialog.ShowInformation(lang.L("PDF written"), lang.L("The report is in {{.Path}}", map[string]any{"Path": path}), u.win)
			})
		}()
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	name := "campaignsim.pdf"
	if s := fileSlug(p.Info.Title); s != "" {
		name = s + ".pdf"
	}
	d.SetFileName(name)
	if l := u.dialogFolder(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
