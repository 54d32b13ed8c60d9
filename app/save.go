package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/internal/fileio"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// saveJob is one save: the plan value and state taken when it was asked
// for, the text it is written over, and the Hash the file must still have
// (nil: whatever it holds).
type saveJob struct {
	path      string
	p         plan.Plan
	state     int
	original  []byte
	unchanged *fileio.Hash
	after     func()
}

// onSave saves the plan to its file (asking where when untitled) and then
// runs after, if not nil, once the plan is saved. The file is replaced
// only if it still holds what was read or last saved; otherwise the user
// is asked first (the comparison is by content: a same-length edit with
// its time kept is a change).
func (u *UI) onSave(after func()) {
	u.commitTyping()
	if u.saving {
		u.saveQueue = append(u.saveQueue, func() { u.onSave(after) })
		return
	}
	path := u.doc.Path()
	if path == "" {
		u.onSaveAs(after)
		return
	}
	u.saveTo(path, u.doc.Base(), after)
}

// saveTo writes the plan to path in the background (u.goWork) and binds
// the document to it when done; unchanged is the Hash path must still
// have (nil: no check). The plan written is the one on screen now: edits
// made while the save runs stay unsaved (the dirty flag clears only if the
// document is still at the state written). One save runs at a time; a
// save asked meanwhile runs after it.
func (u *UI) saveTo(path string, unchanged *fileio.Hash, after func()) {
	if u.saving {
		u.saveQueue = append(u.saveQueue, func() { u.saveTo(path, unchanged, after) })
		return
	}
	job := saveJob{path: path, p: u.doc.Plan(), state: u.doc.State(), original: u.doc.Original(),
		unchanged: unchanged, after: after}
	u.saving = true
	u.goWork(func() {
		data, err := writePlanFile(job.path, job.original, job.p, job.unchanged)
		fyne.Do(func() { u.saveDone(job, data, err) })
	})
}

// saveDone receives the outcome of job on the UI goroutine.
func (u *UI) saveDone(job saveJob, data []byte, err error) {
	u.saving = false
	queue := u.saveQueue
	u.saveQueue = nil
	switch {
	case errors.Is(err, fileio.ErrChanged):
		// The saves asked meanwhile would meet the same change: the user
		// answers once.
		u.askReplaceChanged(job)
		return
	case err != nil:
		u.showError(fmt.Errorf("%s%s%w", lang.L("The plan was not saved"), widgets.UIColon(), err))
		return
	}
	u.recoveredAt = -1 // a recovery file still needed must name the new base
	u.doc.MarkSavedState(job.path, job.state, data)
	u.addRecent(job.path)
	if job.after != nil {
		job.after()
	}
	for _, f := range queue {
		f()
	}
}

// askReplaceChanged asks whether to replace job's file, changed on disk
// since it was read, with the plan; if so it saves again, requiring the
// file to still be as it is now.
func (u *UI) askReplaceChanged(job saveJob) {
	msg := lang.L("“{{.File}}” was changed on disk since it was opened (by another program or person). Replace it with this plan?",
		map[string]any{"File": filepath.Base(job.path)})
	d := dialog.NewConfirm(lang.L("File changed on disk"), msg, func(ok bool) {
		if ok {
			now, _ := hashOfFile(job.path)
			u.saveTo(job.path, now, job.after)
		}
	}, u.win)
	d.SetConfirmText(lang.L("Replace"))
	d.SetDismissText(lang.L("Cancel"))
	u.confirmDialog = d
	d.Show()
}

// onSaveAs asks where to save the plan, then saves it there.
//
// Fyne's save dialog opens a writer on the chosen file before it hands it
// over, which truncates an existing file: a crash, a full disk or a plan
// that cannot be encoded would then lose its content. So the app asks for
// the folder (Fyne's folder dialog, which opens nothing) and the name in
// its own dialog (askSavePath), confirms a replacement itself, and the
// write goes through fileio.WriteFile: a temporary file renamed over the
// target, whose previous content is kept as .bak.
func (u *UI) onSaveAs(after func()) {
	u.commitTyping()
	name := "plan.toml"
	if u.doc.Path() != "" {
		name = filepath.Base(u.doc.Path())
	} else {
		name = exportFileName(u.doc.Plan().Info.Title, ".toml") // whole words, as the exports
	}
	u.askSavePath(lang.L("Save as…"), name, ".toml", func(path string) {
		// The target's content is read now, when the user agreed to
		// replace it: a change made after that is not overwritten.
		h, _ := hashOfFile(path)
		u.saveTo(path, h, after)
	})
}

// savePathFor returns the file that name in folder designates, with ext
// (".toml", ".pdf") added when name does not end with it (in any case). A
// name that is empty, has a folder separator or is "." or ".." is refused
// with an error that says what to write instead.
func savePathFor(folder, name, ext string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "" || name == "." || name == "..":
		return "", errors.New(lang.L("Write a file name, for example plan{{.Ext}}.", map[string]any{"Ext": ext}))
	case strings.ContainsAny(name, `/\`):
		return "", errors.New(lang.L("“{{.Name}}” has a folder separator: write the file name alone and choose the folder with “Choose…”.",
			map[string]any{"Name": name}))
	}
	if !strings.HasSuffix(strings.ToLower(name), ext) {
		name += ext
	}
	return filepath.Join(folder, name), nil
}

// dialogFolderPath returns the folder the save dialogs start in: the
// plan's own, else the most recent file's, else the home folder.
func (u *UI) dialogFolderPath() string {
	if l := u.dialogFolder(); l != nil {
		return l.Path()
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}

// askSavePath asks for the folder and the name of a file to write (title
// of the dialog, suggested name, the extension ext it must have) and
// gives its path to then. It writes nothing: a file that exists is
// confirmed first, and a folder at that name is refused.
func (u *UI) askSavePath(title, name, ext string, then func(path string)) {
	folder := u.dialogFolderPath()
	nameEntry := widget.NewEntry()
	nameEntry.SetText(name)
	form := container.New(widgets.TightVBox{},
		widget.NewLabel(lang.L("Folder")), u.folderRow(&folder),
		widget.NewLabel(lang.L("File name")), nameEntry)
	d := dialog.NewCustomConfirm(title, lang.L("Save"), lang.L("Cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		u.confirmSavePath(title, folder, nameEntry.Text, ext, then)
	}, u.win)
	nameEntry.OnSubmitted = func(string) { d.Confirm() } // Enter saves
	u.confirmDialog = d
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	u.win.Canvas().Focus(nameEntry)
}

// folderRow returns the folder *folder names, shortened with "…" when
// long, and Choose…, which opens a folder picker there and keeps the
// folder chosen in *folder.
func (u *UI) folderRow(folder *string) fyne.CanvasObject {
	folderLabel := widget.NewLabel(*folder)
	folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton(lang.L("Choose…"), func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if l != nil {
				*folder = l.Path()
				folderLabel.SetText(*folder)
			}
		}, u.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(*folder)); err == nil {
			fd.SetLocation(l)
		}
		fd.Resize(fyne.NewSize(800, 560))
		fd.Show()
	})
	return container.NewBorder(nil, nil, nil, choose, folderLabel)
}

// confirmSavePath checks the name chosen in folder and gives the path to
// then, after asking when the file exists.
func (u *UI) confirmSavePath(title, folder, name, ext string, then func(path string)) {
	path, err := savePathFor(folder, name, ext)
	if err != nil {
		u.showError(err)
		return
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		then(path)
		return
	case err != nil:
		u.showError(err)
		return
	case !fi.Mode().IsRegular():
		u.showError(errors.New(lang.L("“{{.File}}” is a folder or a special file, not a file that can be replaced: choose another name.",
			map[string]any{"File": filepath.Base(path)})))
		return
	}
	msg := lang.L("“{{.File}}” already exists in {{.Folder}}. Replace it? Its current content is kept as {{.File}}.bak.",
		map[string]any{"File": filepath.Base(path), "Folder": folder})
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if ok {
			then(path)
		}
	}, u.win)
	d.SetConfirmText(lang.L("Replace"))
	d.SetDismissText(lang.L("Cancel"))
	u.confirmDialog = d
	d.Show()
}
