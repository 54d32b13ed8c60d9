package app

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"campaignsim/app/widgets"
	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/report"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// exportFormat is one kind of document Fichier → Exporter writes: the PDF
// report or the Excel workbook. Its texts are translation keys.
type exportFormat struct {
	ext                      string // ".pdf", ".xlsx"
	title, writing, notWrite string // the menu item and dialog title; the progress; the failure
	written, where, open     string // the success dialog's title, text ({{.Path}}) and open button
	// build returns the document's bytes for plan p, whose file text is
	// text (nil for a plan never saved), with options o.
	build func(p plan.Plan, text []byte, o report.Options) ([]byte, error)
}

// The two formats of Fichier → Exporter.
var (
	exportPDF = exportFormat{ext: ".pdf", title: "Export as PDF…", writing: "Writing the report…",
		notWrite: "The PDF was not written", written: "PDF written", where: "The report is in {{.Path}}",
		open: "Open the PDF",
		build: func(p plan.Plan, _ []byte, o report.Options) ([]byte, error) {
			var b bytes.Buffer
			err := report.Write(&b, p, o)
			return b.Bytes(), err
		}}
	exportExcel = exportFormat{ext: ".xlsx", title: "Export as Excel…", writing: "Writing the workbook…",
		notWrite: "The workbook was not written", written: "Workbook written", where: "The workbook is in {{.Path}}",
		open: "Open the workbook",
		build: func(p plan.Plan, text []byte, o report.Options) ([]byte, error) {
			return report.Workbook(p, report.WorkbookOptions{Options: o, PlanText: text})
		}}
)

// openURL opens u with the desktop's own application (the PDF reader, the
// spreadsheet); a variable so that the tests see what would be opened.
var openURL = func(a fyne.App, u *url.URL) error { return a.OpenURL(u) }

// exportDialog is the dialog of Fichier → Exporter en PDF… / en Excel…:
// the document's language and scenario, then its folder and file name.
type exportDialog struct {
	u        *UI
	format   exportFormat
	lang     *widget.Select
	scenario *widget.Select
	folder   string
	name     *widget.Entry
	dialog   *dialog.ConfirmDialog
	// scenarios are the values of the scenario choice, in its order:
	// simulate.BaseScenario, each scenario's name, "all".
	scenarios []string
	// done, when set, is told how the export ended (the tests wait on it).
	done func(path string, err error)
}

// onExportPDF is Fichier → Exporter en PDF….
func (u *UI) onExportPDF() { u.showExport(exportPDF) }

// onExportExcel is Fichier → Exporter en Excel….
func (u *UI) onExportExcel() { u.showExport(exportExcel) }

// showExport shows the export dialog of format f: the language (the
// plan's by default, as FORMAT.md says of documents), the scenario (the
// one the results pane shows), the folder (the plan's) and a file name
// made of the plan's title in whole words. Export asks before replacing a
// file (confirmSavePath), then writes off the UI goroutine behind a
// progress dialog, and offers to open the document.
func (u *UI) showExport(f exportFormat) *exportDialog {
	p := u.doc.Plan()
	d := &exportDialog{u: u, format: f, folder: u.dialogFolderPath()}

	langNames := []string{lang.L("Document language: French"), lang.L("Document language: English")} // plan.LangFR, plan.LangEN
	d.lang = widget.NewSelect(langNames, nil)
	d.lang.SetSelectedIndex(0)
	if p.Info.Language == plan.LangEN {
		d.lang.SetSelectedIndex(1)
	}

	names := []string{lang.L("Base scenario")}
	d.scenarios = []string{simulate.BaseScenario}
	for _, s := range p.Scenarios {
		names = append(names, s.Name)
		d.scenarios = append(d.scenarios, s.Name)
	}
	names = append(names, lang.L("All scenarios side by side"))
	d.scenarios = append(d.scenarios, "all")
	d.scenario = widget.NewSelect(names, nil)
	d.scenario.SetSelectedIndex(0)
	if shown := u.results.ShownScenario(); shown != "" {
		for i, s := range d.scenarios {
			if s == shown && i > 0 && i < len(d.scenarios)-1 {
				d.scenario.SetSelectedIndex(i)
			}
		}
	}

	d.name = widget.NewEntry()
	d.name.SetText(exportFileName(p.Info.Title, f.ext))

	form := container.New(widgets.TightVBox{},
		widget.NewLabel(lang.L("Language of the document")), d.lang,
		widget.NewLabel(lang.L("Scenario shown")), d.scenario,
		widget.NewLabel(lang.L("Folder")), u.folderRow(&d.folder),
		widget.NewLabel(lang.L("File name")), d.name)
	d.dialog = dialog.NewCustomConfirm(lang.L(f.title), lang.L("Export"), lang.L("Cancel"), form, func(ok bool) {
		if ok {
			d.confirm()
		}
	}, u.win)
	d.name.OnSubmitted = func(string) { d.dialog.Confirm() } // Enter exports
	u.confirmDialog = d.dialog
	d.dialog.Resize(fyne.NewSize(560, 380))
	d.dialog.Show()
	u.win.Canvas().Focus(d.name)
	return d
}

// options are the document options chosen in the dialog.
func (d *exportDialog) options() report.Options {
	// PlanPath: an exercise's case file is found beside the plan's file
	o := report.Options{Lang: plan.LangFR, Scenario: simulate.BaseScenario, PlanPath: d.u.doc.Path()}
	if d.lang.SelectedIndex() == 1 {
		o.Lang = plan.LangEN
	}
	if i := d.scenario.SelectedIndex(); i >= 0 && i < len(d.scenarios) {
		o.Scenario = d.scenarios[i]
	}
	return o
}

// confirm checks the name (asking before replacing a file) and exports.
func (d *exportDialog) confirm() {
	o := d.options()
	d.u.confirmSavePath(lang.L(d.format.title), d.folder, d.name.Text, d.format.ext, func(path string) {
		d.write(path, o)
	})
}

// write builds the document and writes it to path in the background
// (UI.goWork), behind a progress dialog; then tells where it is, with a
// button that opens it, or why it could not be written.
func (d *exportDialog) write(path string, o report.Options) {
	u, f := d.u, d.format
	p := u.doc.Plan()
	var text []byte
	if orig := u.doc.Original(); len(orig) > 0 {
		// the file as it would be saved now: its comments name the sources
		text, _ = plan.EncodeOver(orig, p)
	}
	wo := fileio.Options{}
	if u.doc.Path() != "" {
		wo.Inputs = []string{u.doc.Path()}
	}
	progress := dialog.NewCustomWithoutButtons(lang.L(f.title),
		container.NewVBox(widget.NewLabel(lang.L(f.writing)), widget.NewProgressBarInfinite()), u.win)
	progress.Show()
	u.goWork(func() {
		data, err := f.build(p, text, o)
		if err == nil {
			err = fileio.WriteFile(path, data, wo)
		}
		fyne.Do(func() {
			progress.Hide()
			if d.done != nil {
				defer d.done(path, err)
			}
			if err != nil {
				u.showError(fmt.Errorf("%s%s%s", lang.L(f.notWrite), widgets.UIColon(), exportReason(err)))
				return
			}
			d.showWritten(path)
		})
	})
}

// exportReason is why a document could not be written, in the
// interface's language for the usual reasons (display.IOReason: the
// folder is gone, no permission, a full or read-only disk), else the
// error as it is.
func exportReason(err error) string { return widgets.ErrorDetail(err) }

// showWritten says where the document is, with a button that opens it.
func (d *exportDialog) showWritten(path string) {
	u := d.u
	var info dialog.Dialog
	open := widget.NewButton(lang.L(d.format.open), func() {
		info.Hide()
		if err := openURL(u.app, &url.URL{Scheme: "file", Path: path}); err != nil {
			u.showError(fmt.Errorf("%s%s%w", lang.L("The file could not be opened"), widgets.UIColon(), err))
		}
	})
	open.Importance = widget.HighImportance
	msg := widget.NewLabel(lang.L(d.format.where, map[string]any{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	info = dialog.NewCustom(lang.L(d.format.written), lang.L("Close"), container.NewVBox(msg, open), u.win)
	info.Resize(fyne.NewSize(520, 200))
	info.Show()
}

// maxExportName is the most characters of the title a default file name
// keeps (before its extension).
const maxExportName = 40

// exportFileName is the default file name of a document of the plan
// titled title: its words in lower case joined by "-", as many whole words
// as fit in maxExportName characters (a first word longer than that is
// cut), then ext; "campaignsim" + ext for a title with no letter or digit.
//
//	exportFileName("Acquérir 200 nouveaux clients en périphérie de Lille", ".pdf")
//	  = "acquérir-200-nouveaux-clients-en.pdf"
func exportFileName(title, ext string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var b strings.Builder
	n := 0
	for _, w := range words {
		wn := utf8.RuneCountInString(w)
		switch {
		case n == 0 && wn > maxExportName:
			w, wn = string([]rune(w)[:maxExportName]), maxExportName
		case n > 0 && n+1+wn > maxExportName:
			return b.String() + ext
		}
		if n > 0 {
			b.WriteByte('-')
			n++
		}
		b.WriteString(w)
		n += wn
	}
	if n == 0 {
		return "campaignsim" + ext
	}
	return b.String() + ext
}
