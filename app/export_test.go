package app

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/xuri/excelize/v2"
)

// opened records what the export's "open" button would hand to the
// desktop, for the rest of the test.
func opened(t *testing.T) *[]string {
	t.Helper()
	var got []string
	prev := openURL
	openURL = func(_ fyne.App, u *url.URL) error {
		if u.Scheme != "file" {
			t.Errorf("opened %s: not a file URL", u)
		}
		got = append(got, u.Path)
		return nil
	}
	t.Cleanup(func() { openURL = prev })
	return &got
}

// TestExportFileNameKeepsWholeWords: the default file name is the title's
// words, never a word cut in the middle (issue 11 item 12: the PDF export
// suggested "acquérir-200-nouveaux-clients-en-périphé.pdf").
func TestExportFileNameKeepsWholeWords(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		// 8+1+3+1+8+1+7+1+2 = 32 characters; "-périphérie" would make 43 > 40
		{"Acquérir 200 nouveaux clients en périphérie de Lille et Roubaix", "acquérir-200-nouveaux-clients-en.pdf"},
		{"Plan 2027", "plan-2027.pdf"},
		{"  «  Été  » : soldes !  ", "été-soldes.pdf"},
		{strings.Repeat("x", 50) + " fin", strings.Repeat("x", 40) + ".pdf"}, // one word too long: cut
		{"!!!", "campaignsim.pdf"},
		{"", "campaignsim.pdf"},
	} {
		if got := exportFileName(c.title, ".pdf"); got != c.want {
			t.Errorf("exportFileName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
	// exactly 40 characters fit: 19 + 1 + 20
	if got := exportFileName(strings.Repeat("a", 19)+" "+strings.Repeat("b", 20), ".xlsx"); got != strings.Repeat("a", 19)+"-"+strings.Repeat("b", 20)+".xlsx" {
		t.Errorf("a 40-character name is cut: %q", got)
	}
}

// TestExportDialogChoices: the export dialog offers the document's
// language (the plan's by default) and its scenario (base, each of the
// plan's, all), and suggests a name of whole words (issue 11 item 12).
func TestExportDialogChoices(t *testing.T) {
	s := newShellUI(t)
	p := s.doc.Plan()
	d := s.showExport(exportPDF)
	if got := d.lang.Options; len(got) != 2 || got[0] != "Français" || got[1] != "Anglais (English)" {
		t.Errorf("languages %q", got)
	}
	if d.lang.SelectedIndex() != 0 || p.Info.Language != plan.LangFR {
		t.Errorf("language %d selected for a French plan", d.lang.SelectedIndex())
	}
	want := []string{"Scénario de base"}
	for _, sc := range p.Scenarios {
		want = append(want, sc.Name)
	}
	want = append(want, "Tous les scénarios côte à côte")
	if got := d.scenario.Options; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("scenarios %q, want %q", got, want)
	}
	if got, want := d.name.Text, exportFileName(p.Info.Title, ".pdf"); got != want || !strings.HasSuffix(got, ".pdf") {
		t.Errorf("suggested name %q, want %q", got, want)
	}
	if o := d.options(); o.Lang != plan.LangFR || o.Scenario != "base" {
		t.Errorf("default options %+v", o)
	}
	d.lang.SetSelectedIndex(1)
	d.scenario.SetSelectedIndex(len(want) - 1)
	if o := d.options(); o.Lang != plan.LangEN || o.Scenario != "all" {
		t.Errorf("options chosen %+v, want en and all", o)
	}
	d.dialog.Hide()
}

// TestExportExcel drives Fichier → Exporter en Excel… as the user does:
// English, the first scenario, Export; the workbook is written off the UI
// goroutine, in that language and scenario, and "Ouvrir le classeur"
// hands it to the desktop.
func TestExportExcel(t *testing.T) {
	s := newShellUI(t)
	got := opened(t)
	p := s.doc.Plan()
	if len(p.Scenarios) == 0 {
		t.Fatal("the first-launch plan has no scenario")
	}
	d := s.showExport(exportExcel)
	d.folder = t.TempDir()
	d.name.SetText("classeur") // the extension is added
	d.lang.SetSelectedIndex(1)
	d.scenario.SetSelectedIndex(1)
	var ended error = os.ErrInvalid
	d.done = func(_ string, err error) { ended = err }
	apptest.TapIn(t, s.win.Canvas(), lang.L("Export"))
	path := filepath.Join(d.folder, "classeur.xlsx")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the workbook was written on the UI goroutine (err %v)", err)
	}
	if !overlayHas(s.win.Canvas(), "Écriture du classeur…") {
		t.Error("no progress shown while the workbook is written")
	}
	if n := s.work.Drain(); n != 1 || ended != nil {
		t.Fatalf("%d jobs ran, export ended with %v", n, ended)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no workbook at %s: %v", path, err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); sheets[0] != "Summary" {
		t.Errorf("sheets %q: want English", sheets)
	}
	rows, _ := f.GetRows("Summary")
	shown := ""
	for _, r := range rows {
		if len(r) > 1 && r[0] == "Scenario shown" {
			shown = r[1]
		}
	}
	if shown != p.Scenarios[0].Name {
		t.Errorf("scenario shown %q, want %q", shown, p.Scenarios[0].Name)
	}
	if overlayHas(s.win.Canvas(), "Écriture du classeur…") {
		t.Error("the progress is still shown after the export")
	}
	apptest.TapIn(t, s.win.Canvas(), lang.L("Open the workbook"))
	if len(*got) != 1 || (*got)[0] != path {
		t.Errorf("opened %q, want %s", *got, path)
	}
}

// TestExportPDF: Export writes the PDF in the language chosen, and the
// dialog after it has "Ouvrir le PDF" (issue 11 item 12).
func TestExportPDF(t *testing.T) {
	s := newShellUI(t)
	got := opened(t)
	d := s.showExport(exportPDF)
	d.folder = t.TempDir()
	d.lang.SetSelectedIndex(1)
	apptest.TapIn(t, s.win.Canvas(), lang.L("Export"))
	s.work.Drain()
	path := filepath.Join(d.folder, d.name.Text)
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF at %s: %v", path, err)
	}
	if !bytes.Contains(data, []byte("/Lang (en)")) {
		t.Error("the PDF is not in English")
	}
	apptest.TapIn(t, s.win.Canvas(), lang.L("Open the PDF"))
	if len(*got) != 1 || (*got)[0] != path {
		t.Errorf("opened %q", *got)
	}
}

// TestExportErrors: a folder that does not exist gives an error dialog
// that says the workbook was not written, and nothing is left; an
// existing file is replaced only once the user agrees.
func TestExportErrors(t *testing.T) {
	s := newShellUI(t)
	d := s.showExport(exportExcel)
	d.folder = filepath.Join(t.TempDir(), "gone")
	var ended error
	d.done = func(_ string, err error) { ended = err }
	apptest.TapIn(t, s.win.Canvas(), lang.L("Export"))
	s.work.Drain()
	if ended == nil {
		t.Fatal("an export into a missing folder succeeded")
	}
	if !overlayHas(s.win.Canvas(), "Le classeur n'a pas été écrit\u00a0: son dossier n'existe pas") {
		t.Error("no dialog says, in French, that the workbook was not written and why")
	}
	if _, err := os.Stat(d.folder); !os.IsNotExist(err) {
		t.Error("the missing folder was created")
	}

	dir := t.TempDir()
	old := filepath.Join(dir, "old.xlsx")
	if err := os.WriteFile(old, []byte("a colleague's workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	d = s.showExport(exportExcel)
	d.folder = dir
	d.name.SetText("old.xlsx")
	apptest.TapIn(t, s.win.Canvas(), lang.L("Export"))
	if s.work.Pending() != 0 {
		t.Fatal("the export started before the user agreed to replace the file")
	}
	apptest.TapIn(t, s.win.Canvas(), lang.L("Replace"))
	s.work.Drain()
	if data, _ := os.ReadFile(old); !bytes.HasPrefix(data, []byte("PK")) {
		t.Error("the file was not replaced by the workbook")
	}
}

// overlayHas reports whether a dialog shown on c holds text.
func overlayHas(c fyne.Canvas, text string) bool {
	for _, o := range c.Overlays().List() {
		if strings.Contains(allText(o), text) {
			return true
		}
	}
	return false
}

// allText is every text drawn under o, joined.
func allText(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *canvas.Text:
		return x.Text
	case *fyne.Container:
		var b strings.Builder
		for _, c := range x.Objects {
			b.WriteString(allText(c))
		}
		return b.String()
	case fyne.Widget:
		var b strings.Builder
		for _, c := range test.WidgetRenderer(x).Objects() {
			b.WriteString(allText(c))
		}
		return b.String()
	}
	return ""
}
