package tracking

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// csvFilter shows only CSV files in the conversion paths' dialog.
var csvFilter = storage.NewExtensionFileFilter([]string{".csv", ".CSV"})

// reportFilter shows the files an import of actuals reads: CSV (the tools'
// reports, their UTF-16 "CSV (Excel)", CampaignSim's actuals) and Excel
// workbooks.
var reportFilter = storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".xlsx", ".XLSX", ".tsv", ".txt"})

// openFile asks for a file shown by filter and gives its path to f.
func (v *View) openFile(filter storage.FileFilter, f func(path string)) {
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
	d.SetFilter(filter)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// ShowImportActuals asks for a report or an actuals CSV and opens the
// import dialog with it (Importer), where more files may be added.
func (v *View) ShowImportActuals() {
	v.openFile(reportFilter, func(path string) { v.importActualsFile(path) })
}

// importActualsFile opens the import dialog (or the one already open) and
// adds the file at path, read off the UI goroutine.
func (v *View) importActualsFile(path string) {
	im := v.importer()
	if im == nil {
		return
	}
	im.load(path, func() ([]byte, error) { return readCSVFile(path) })
}

// ImportActualsPaths opens the import dialog (or the one open) with the
// files at paths, each read off the UI goroutine: what the window does
// with files dropped on it.
func (v *View) ImportActualsPaths(paths ...string) {
	for _, path := range paths {
		v.importActualsFile(path)
	}
}

// ImportActuals opens the import dialog with files already read (a
// drop, the tests): they are read for the plan on screen off the UI
// goroutine and previewed; the user then places the campaigns left and
// taps Import, which records one undoable edit.
func (v *View) ImportActuals(files ...plan.ActualsFile) {
	im := v.importer()
	if im == nil {
		return
	}
	for _, f := range files {
		im.addFile(f, f.Name, false)
	}
	im.reread()
}

// importer returns the import dialog open, or opens one for the plan on
// screen; nil when there is no plan yet.
func (v *View) importer() *Importer {
	im, ok, p := v.imp, v.hasPlan, v.current.Clone()
	if im != nil {
		return im
	}
	if !ok {
		return nil
	}
	im = newImporter(v, p)
	v.imp = im
	im.show()
	return im
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

// ShowImportPaths asks for a conversion paths CSV file and attributes its
// conversions (ImportPaths). The file is read and parsed off the UI
// goroutine by the view's paths Task (run by v.goWork); a newer pick drops
// an older one's result.
func (v *View) ShowImportPaths() { v.openFile(csvFilter, v.importPathsFile) }

// importPathsFile reads the conversion paths file at path for the plan on
// screen in the background, then shows the credits or the file's problems.
func (v *View) importPathsFile(path string) {
	name := filepath.Base(path)
	p := v.current.Clone()
	v.pathsTask.Go = v.goWork
	v.pathsTask.Start(func(context.Context) func() {
		var paths []plan.ConversionPath
		data, err := readCSVFile(path)
		if err == nil {
			paths, err = plan.ParsePathsCSV(name, data, p)
		}
		return func() {
			if err != nil {
				v.showImportErrors(lang.L("The conversion paths cannot be imported"), name, err)
				return
			}
			v.setPaths(name, paths)
		}
	})
}

// ImportPaths reads conversion paths (CSV path_id,step,channel,converted,
// revenue) for the plan on screen and shows the channels' credits under
// the four attribution models. The paths stay in the view, not in the
// plan. On any problem it shows them all and keeps what it had.
func (v *View) ImportPaths(name string, data []byte) error {
	p := v.current.Clone()
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
	v.paths, v.pathsFile, v.lastErr = paths, name, nil
	v.showAttribution()
}

// showImportErrors lists every problem of a refused import, each with its
// line and column, in a dialog.
func (v *View) showImportErrors(title, file string, err error) {
	lines := widgets.LoadErrorLines(err)
	v.lastErr = lines
	if v.win == nil {
		return
	}
	widgets.ShowProblems(v.win, title, lang.L("“{{.File}}” was not imported: nothing was changed.", map[string]any{"File": file}), lines)
}
