package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// csvFilter shows only CSV files in the import dialogs.
var csvFilter = storage.NewExtensionFileFilter([]string{".csv", ".CSV"})

// trackingOpenCSV asks for a CSV file and gives its path to f.
func (v *TrackingView) trackingOpenCSV(f func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		_ = r.Close()
		f(path)
	}, v.win)
	d.SetFilter(csvFilter)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// ShowImportActuals asks for an actuals CSV file and imports it into the
// plan on screen (ImportActuals).
func (v *TrackingView) ShowImportActuals() {
	v.trackingOpenCSV(func(path string) { v.importActualsFile(path) })
}

// importActualsFile reads the file at path and imports it.
func (v *TrackingView) importActualsFile(path string) {
	data, err := readCSVFile(path)
	if err != nil {
		v.showImportErrors(lang.L("The actuals cannot be imported"), filepath.Base(path), err)
		return
	}
	_ = v.ImportActuals(filepath.Base(path), data)
}

// readCSVFile reads a CSV file, refusing one larger than plan.MaxFileSize.
func readCSVFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > plan.MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is too large", filepath.Base(path), fi.Size())
	}
	return os.ReadFile(path)
}

// ImportActuals reads the actuals CSV data (name is the file's name, for
// the messages) for the plan on screen and merges its rows into the plan's
// actuals as one undoable edit ("Import actuals"). On any problem it shows
// every one of them, with its row and column, changes nothing and returns
// the error. It runs on the UI goroutine.
func (v *TrackingView) ImportActuals(name string, data []byte) error {
	v.mu.Lock()
	p, ok := v.current.Clone(), v.hasPlan
	v.mu.Unlock()
	if !ok {
		return fmt.Errorf("no plan")
	}
	rows, err := plan.ParseActualsCSV(name, data, p)
	var q plan.Plan
	if err == nil {
		q, err = plan.MergeActuals(p, rows)
	}
	if err == nil {
		if errs := plan.Validate(q); len(errs) > 0 {
			err = errs
		}
	}
	if err != nil {
		v.showImportErrors(lang.L("The actuals cannot be imported"), name, err)
		return err
	}
	v.mu.Lock()
	v.lastErr = nil
	v.mu.Unlock()
	v.edit(lang.L("Import actuals"), q)
	return nil
}

// ShowImportPaths asks for a conversion paths CSV file and attributes its
// conversions (ImportPaths).
func (v *TrackingView) ShowImportPaths() {
	v.trackingOpenCSV(func(path string) {
		data, err := readCSVFile(path)
		if err != nil {
			v.showImportErrors(lang.L("The conversion paths cannot be imported"), filepath.Base(path), err)
			return
		}
		_ = v.ImportPaths(filepath.Base(path), data)
	})
}

// ImportPaths reads conversion paths (CSV path_id,step,channel,converted,
// revenue) for the plan on screen and shows the channels' credits under
// the four attribution models. The paths stay in the view, not in the
// plan. On any problem it shows them all and keeps what it had.
func (v *TrackingView) ImportPaths(name string, data []byte) error {
	v.mu.Lock()
	p := v.current.Clone()
	v.mu.Unlock()
	paths, err := plan.ParsePathsCSV(name, data, p)
	if err != nil {
		v.showImportErrors(lang.L("The conversion paths cannot be imported"), name, err)
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.paths, v.pathsFile, v.lastErr = paths, name, nil
	v.showAttribution()
	return nil
}

// showImportErrors lists every problem of a refused import, each with its
// line and column, in a dialog.
func (v *TrackingView) showImportErrors(title, file string, err error) {
	lines := loadErrorLines(err)
	v.mu.Lock()
	v.lastErr = lines
	v.mu.Unlock()
	head := lang.L("“{{.File}}” was not imported: nothing was changed.", map[string]any{"File": file})
	if len(lines) > 1 {
		head += "\n" + lang.L("{{.N}} problems to fix in the file:", map[string]any{"N": len(lines)})
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	headL := widget.NewLabel(head)
	headL.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(headL, nil, nil, nil, container.NewVScroll(text))
	if v.win == nil {
		return
	}
	d := dialog.NewCustom(title, lang.L("Close"), body, v.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}
