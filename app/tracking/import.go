package tracking

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"campaignsim/app/widgets"
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
func (v *View) trackingOpenCSV(f func(path string)) {
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
func (v *View) ShowImportActuals() {
	v.trackingOpenCSV(func(path string) { v.importActualsFile(path) })
}

// importActualsFile imports the actuals file at path off the UI
// goroutine (v.goWork): the file is read, parsed, merged into the plan on
// screen and validated in the background, behind a progress dialog, and
// the outcome comes back through fyne.Do as one undoable edit. If the plan
// was edited meanwhile, the rows are merged again into the plan now on
// screen (the edit never undoes what was typed during the import). One
// import runs at a time: a second one asked meanwhile is ignored.
func (v *View) importActualsFile(path string) {
	name := filepath.Base(path)
	v.startImport(name, func() ([]byte, error) { return readCSVFile(path) })
}

// startImport runs the import of the actuals load returns (name is the
// file's name, for the messages); see importActualsFile.
func (v *View) startImport(name string, load func() ([]byte, error)) {
	v.mu.Lock()
	if v.importing || !v.hasPlan {
		v.mu.Unlock()
		return
	}
	v.importing = true
	p := v.current.Clone()
	v.mu.Unlock()
	var progress dialog.Dialog
	if v.win != nil {
		progress = dialog.NewCustomWithoutButtons(lang.L("Import actuals…"),
			container.NewVBox(widget.NewLabel(name), widget.NewProgressBarInfinite()), v.win)
		progress.Show()
	}
	v.goWork(func() {
		data, err := load()
		var q plan.Plan
		if err == nil {
			q, err = prepareActuals(name, data, p)
		}
		fyne.Do(func() {
			if progress != nil {
				progress.Hide()
			}
			v.mu.Lock()
			v.importing = false
			same := v.hasPlan && widgets.SamePlan(v.current, p)
			v.mu.Unlock()
			switch {
			case err != nil:
				v.showImportErrors(lang.L("The actuals cannot be imported"), name, err)
			case !same:
				v.startImport(name, func() ([]byte, error) { return data, nil })
			default:
				v.mu.Lock()
				v.lastErr = nil
				v.mu.Unlock()
				v.edit(lang.L("Import actuals"), q)
			}
		})
	})
}

// prepareActuals parses the actuals CSV data (name is the file's name,
// for the messages) against p, merges its rows into p's actuals and
// validates the result, which it returns; or every problem found.
func prepareActuals(name string, data []byte, p plan.Plan) (plan.Plan, error) {
	rows, err := plan.ParseActualsCSV(name, data, p)
	if err != nil {
		return plan.Plan{}, err
	}
	q, err := plan.MergeActuals(p, rows)
	if err != nil {
		return plan.Plan{}, err
	}
	if errs := plan.Validate(q); len(errs) > 0 {
		return plan.Plan{}, errs
	}
	return q, nil
}

// readCSVFile reads a CSV file, refusing one larger than plan.MaxFileSize.
// It reads at most one byte past the limit whatever the file is — one
// that grows meanwhile, a pipe or a device that reports no size — so a
// wrong choice in the file dialog cannot hang the import.
func readCSVFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return nil, errors.New(lang.L("“{{.File}}” is not a file that can be read: choose a CSV file.",
			map[string]any{"File": filepath.Base(path)}))
	}
	data, err := io.ReadAll(io.LimitReader(f, plan.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > plan.MaxFileSize {
		return nil, errors.New(lang.L("“{{.File}}” is larger than {{.MB}} MB: export only the plan's months, or split the file.",
			map[string]any{"File": filepath.Base(path), "MB": plan.MaxFileSize >> 20}))
	}
	return data, nil
}

// ImportActuals reads the actuals CSV data (name is the file's name, for
// the messages) for the plan on screen and merges its rows into the plan's
// actuals as one undoable edit ("Import actuals"). On any problem it shows
// every one of them, with its row and column, changes nothing and returns
// the error. It runs on the UI goroutine, all of it: the file dialog goes
// through importActualsFile, which does the work in the background.
func (v *View) ImportActuals(name string, data []byte) error {
	v.mu.Lock()
	p, ok := v.current.Clone(), v.hasPlan
	v.mu.Unlock()
	if !ok {
		return fmt.Errorf("no plan")
	}
	q, err := prepareActuals(name, data, p)
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
// conversions (ImportPaths). The file is read off the UI goroutine
// (v.goWork); the result comes back through fyne.Do.
func (v *View) ShowImportPaths() {
	v.trackingOpenCSV(func(path string) {
		name := filepath.Base(path)
		v.mu.Lock()
		p := v.current.Clone()
		v.mu.Unlock()
		v.goWork(func() {
			var paths []plan.ConversionPath
			data, err := readCSVFile(path)
			if err == nil {
				paths, err = plan.ParsePathsCSV(name, data, p)
			}
			fyne.Do(func() {
				if err != nil {
					v.showImportErrors(lang.L("The conversion paths cannot be imported"), name, err)
					return
				}
				v.setPaths(name, paths)
			})
		})
	})
}

// ImportPaths reads conversion paths (CSV path_id,step,channel,converted,
// revenue) for the plan on screen and shows the channels' credits under
// the four attribution models. The paths stay in the view, not in the
// plan. On any problem it shows them all and keeps what it had.
func (v *View) ImportPaths(name string, data []byte) error {
	v.mu.Lock()
	p := v.current.Clone()
	v.mu.Unlock()
	paths, err := plan.ParsePathsCSV(name, data, p)
	if err != nil {
		v.showImportErrors(lang.L("The conversion paths cannot be imported"), name, err)
		return err
	}
	v.setPaths(name, paths)
	return nil
}

// setPaths keeps the conversion paths read from the file name and shows
// their attribution.
func (v *View) setPaths(name string, paths []plan.ConversionPath) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.paths, v.pathsFile, v.lastErr = paths, name, nil
	v.showAttribution()
}

// showImportErrors lists every problem of a refused import, each with its
// line and column, in a dialog.
func (v *View) showImportErrors(title, file string, err error) {
	lines := widgets.LoadErrorLines(err)
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
