package app

import (
	"fyne.io/fyne/v2/storage"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/editors"
	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// menuItem returns the item labelled label in the menu labelled menu.
func menuItem(t *testing.T, w fyne.Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, i := range m.Items {
			if i.Label == label {
				return i
			}
		}
	}
	t.Fatalf("no item %q in the menu %q", label, menu)
	return nil
}

func TestFitScreen(t *testing.T) {
	for _, c := range []struct {
		name           string
		remembered     fyne.Size // zero: a first launch
		screen, wanted fyne.Size
	}{
		// first launch: as large as the screen allows, up to 1600×1000,
		// 60 units of height left for the title bar and panels
		{"1920x1080", fyne.Size{}, fyne.NewSize(1920, 1080), fyne.NewSize(1600, 1000)},
		{"1024x768", fyne.Size{}, fyne.NewSize(1024, 768), fyne.NewSize(1024, 708)},
		// a remembered size is kept where it fits, shrunk where it does not
		{"kept", fyne.NewSize(1200, 800), fyne.NewSize(1920, 1080), fyne.NewSize(1200, 800)},
		{"shrunk", fyne.NewSize(1200, 800), fyne.NewSize(1024, 768), fyne.NewSize(1024, 708)},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newShellUI(t)
			if c.remembered.Width > 0 {
				s.app.Preferences().SetFloat(prefWindowWidth, float64(c.remembered.Width))
				s.app.Preferences().SetFloat(prefWindowHeight, float64(c.remembered.Height))
			}
			s.FitScreen(c.screen.Width, c.screen.Height)
			if got := s.win.Canvas().Size(); got != c.wanted {
				t.Errorf("window %v on a %v screen, want %v", got, c.screen, c.wanted)
			}
		})
	}
}

// TestWindowSizeRemembered: the size at the close is the size at the next
// start.
func TestWindowSizeRemembered(t *testing.T) {
	s := newShellUI(t)
	s.win.Resize(fyne.NewSize(1300, 850))
	s.rememberSize()
	s2 := newShellUIOn(t, s.app)
	if got := s2.win.Canvas().Size(); got != fyne.NewSize(1300, 850) {
		t.Errorf("next start opens at %v, want the 1300×850 of the last close", got)
	}
}

// TestResultsPaneCanBeHidden: Affichage → Volet des résultats hides the
// pane and shows it again; the choice is remembered.
func TestResultsPaneCanBeHidden(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	a := apptest.NewTestApp(t, "fr", plan.LangFR)
	s := newShellUIWith(t, a, entryTabs(widget.NewEntry()))
	item := menuItem(t, s.win, "Affichage", "Volet des résultats")
	if !s.ResultsShown() || !item.Checked {
		t.Fatalf("first launch: results shown %v, menu checked %v; want both", s.ResultsShown(), item.Checked)
	}
	item.Action()
	if s.ResultsShown() || item.Checked {
		t.Fatal("the menu item did not hide the results pane")
	}
	if isIn(s.win.Content(), s.results.Widget()) {
		t.Error("the results pane is still in the window")
	}
	s2 := newShellUIWith(t, a, entryTabs(widget.NewEntry()))
	if s2.ResultsShown() {
		t.Error("the hidden pane is shown again at the next start")
	}
	menuItem(t, s2.win, "Affichage", "Volet des résultats").Action()
	if !s2.ResultsShown() || !isIn(s2.win.Content(), s2.results.Widget()) {
		t.Error("the menu item did not show the results pane again")
	}
}

// isIn reports whether o is under root.
func isIn(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	switch x := root.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			if isIn(c, o) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if isIn(c, o) {
				return true
			}
		}
	}
	return false
}

// TestPreferencesUnderEditAndEscapeCloses: Préférences… is in Édition
// (not in Affichage) and Escape closes it without applying anything.
func TestPreferencesUnderEditAndEscapeCloses(t *testing.T) {
	s := newShellUI(t)
	item := menuItem(t, s.win, "Édition", "Préférences…")
	for _, i := range s.win.MainMenu().Items[2].Items {
		if i.Label == "Préférences…" {
			t.Error("Préférences… is still in Affichage")
		}
	}
	before := s.app.Preferences().String(widgets.PrefTheme)
	item.Action()
	if len(s.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no dialog shown")
	}
	s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(s.win.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs still shown after Escape", n)
	}
	if got := s.app.Preferences().String(widgets.PrefTheme); got != before {
		t.Errorf("Escape applied the theme %q", got)
	}
	// The window's own key handler is back: Escape does nothing more.
	if h := s.win.Canvas().OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
}

// TestNewDialogListsExamplesByTitle: every example shows its own title
// (three examples are for the same online shop).
func TestNewDialogListsExamplesByTitle(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	seen := map[string]bool{}
	list := templates()
	for _, tp := range list[1:] {
		if strings.HasPrefix(tp.name, "case:") {
			continue // an exercise, listed by its case's title (its own tests)
		}
		p, err := plan.Example(tp.name)
		if err != nil {
			t.Fatal(err)
		}
		if tp.title != p.Info.Title {
			t.Errorf("example %s is listed as %q, want its title %q", tp.name, tp.title, p.Info.Title)
		}
		if seen[tp.title] {
			t.Errorf("two examples are listed as %q", tp.title)
		}
		seen[tp.title] = true
	}
	if len(seen) < 2 {
		t.Fatalf("only %d examples listed", len(seen))
	}
}

// statusPanel is a tab with a notice, standing for an editor's.
type statusPanel struct {
	entryPanel
	cleared *int
}

func (p statusPanel) ClearStatus() { *p.cleared++ }

// TestNewClearsStatus: File → New tells the screens to drop their notices
// about the previous plan.
func TestNewClearsStatus(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	a := apptest.NewTestApp(t, "fr", plan.LangFR)
	cleared := 0
	s := newShellUIWith(t, a, func(fyne.Window, widgets.EditFunc) []tab {
		return []tab{{"T", statusPanel{entryPanel{widget.NewEntry()}, &cleared}}}
	})
	cleared = 0
	s.newFromTemplate("")
	if cleared != 1 {
		t.Errorf("File → New cleared the screens' notices %d times, want 1", cleared)
	}
}

// TestChannelsEditorGetsUndo: the shell gives the channels editor its
// Undo, so that « Canal … supprimé. » offers the Annuler button (without
// it the notice only said "Ctrl+Z to undo", which did nothing).
func TestChannelsEditorGetsUndo(t *testing.T) {
	a := apptest.NewTestApp(t, "fr", plan.LangFR)
	w := a.NewWindow("t")
	u := &UI{app: a, win: w}
	u.tabs = screens(w, func(string, plan.Plan) {})
	u.connectScreens()
	found := false
	for _, tb := range u.tabs {
		if ce, ok := tb.panel.(*editors.ChannelsEditor); ok {
			found = true
			if ce.Undo == nil {
				t.Error("the channels editor has no Undo: its notice cannot offer Annuler")
			}
		}
	}
	if !found {
		t.Fatal("no channels editor among the screens")
	}
}

// importPanel is a tab that imports reports, standing for the tracking
// screen.
type importPanel struct {
	entryPanel
	got *[]string
}

func (p importPanel) ImportActualsPaths(paths ...string) { *p.got = append(*p.got, paths...) }

// TestDropFiles: a plan dropped on the window opens (as File → Open);
// reports dropped go to the tracking screen's import, which previews them
// (before, the window ignored dropped files).
func TestDropFiles(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	a := apptest.NewTestApp(t, "fr", plan.LangFR)
	var got []string
	s := newShellUIWith(t, a, func(fyne.Window, widgets.EditFunc) []tab {
		return []tab{{"T", importPanel{entryPanel{widget.NewEntry()}, &got}}}
	})
	dir := t.TempDir()
	csv, xlsx := filepath.Join(dir, "google.csv"), filepath.Join(dir, "meta.xlsx")
	s.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(csv), storage.NewFileURI(xlsx)})
	if strings.Join(got, "|") != csv+"|"+xlsx {
		t.Errorf("reports handed to the import: %q, want both files", got)
	}
	text, _ := plan.ExampleFile("google-ads")
	path := filepath.Join(dir, "ads.toml")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	got = nil
	s.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	s.work.Drain() // the reading
	if s.doc.Path() != path || len(got) != 0 {
		t.Errorf("after dropping a plan: document %q, imports %q; want the plan open, nothing imported", s.doc.Path(), got)
	}
}
