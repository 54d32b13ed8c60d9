package app

import (
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// typeShortcut delivers sc to the window as Fyne's desktop driver does
// (internal/driver/glfw/window.go, triggersShortcut): a main menu item
// whose shortcut has the same name first, else the focused widget when it
// takes shortcuts, else the canvas. The test driver has no main menu
// dispatch of its own.
func typeShortcut(w fyne.Window, sc fyne.Shortcut) {
	var inMenu func(m *fyne.Menu) bool
	inMenu = func(m *fyne.Menu) bool {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == sc.ShortcutName() && i.Action != nil {
				i.Action()
				return true
			}
			if i.ChildMenu != nil && inMenu(i.ChildMenu) {
				return true
			}
		}
		return false
	}
	if mm := w.MainMenu(); mm != nil {
		for _, m := range mm.Items {
			if inMenu(m) {
				return
			}
		}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

var (
	ctrlZ      = &fyne.ShortcutUndo{}
	ctrlY      = &fyne.ShortcutRedo{}
	ctrlShiftZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// entryPanel is a tab with one text entry, standing for an editor's field.
type entryPanel struct{ entry *widget.Entry }

func (p entryPanel) Widget() fyne.CanvasObject           { return container.NewVBox(p.entry) }
func (p entryPanel) Refresh(plan.Plan, *widgets.Results) {}
func entryTabs(e *widget.Entry) func(fyne.Window, widgets.EditFunc) []tab {
	return func(fyne.Window, widgets.EditFunc) []tab { return []tab{{"T", entryPanel{e}}} }
}

// TestUndoRedoShortcuts: Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z take back and
// make again the plan's last edit, as the menu items do (Fyne delivers the
// first two as ShortcutUndo and ShortcutRedo, never as custom shortcuts).
func TestUndoRedoShortcuts(t *testing.T) {
	s := newShellUI(t)
	p := s.doc.Plan()
	s.Edit("Budget", shellWithBudget(p, "1234"))
	if !s.doc.Dirty() {
		t.Fatal("an edit left the plan clean")
	}
	typeShortcut(s.win, ctrlZ)
	if s.doc.Dirty() || !s.doc.Plan().Info.Budget.Equal(p.Info.Budget) {
		t.Fatalf("Ctrl+Z: dirty %v, budget %s, want the edit taken back (budget %s)", s.doc.Dirty(), s.doc.Plan().Info.Budget, p.Info.Budget)
	}
	typeShortcut(s.win, ctrlY)
	if got := s.doc.Plan().Info.Budget.String(); got != "1234" || !s.doc.Dirty() {
		t.Fatalf("Ctrl+Y: budget %s dirty %v, want 1234 again, dirty", got, s.doc.Dirty())
	}
	typeShortcut(s.win, ctrlZ)
	typeShortcut(s.win, ctrlShiftZ)
	if got := s.doc.Plan().Info.Budget.String(); got != "1234" {
		t.Fatalf("Ctrl+Shift+Z: budget %s, want 1234 again", got)
	}
	// The canvas shortcuts do the same where no menu is shown.
	s.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlZ)
	if s.doc.Dirty() {
		t.Error("ShortcutUndo on the canvas did not undo")
	}
	s.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlY)
	if !s.doc.Dirty() {
		t.Error("ShortcutRedo on the canvas did not redo")
	}
	if _, ok := s.undoItem.Shortcut.(*fyne.ShortcutUndo); !ok {
		t.Errorf("the Undo item's shortcut is %T, want *fyne.ShortcutUndo (what the driver sends for Ctrl+Z)", s.undoItem.Shortcut)
	}
	if _, ok := s.redoItem.Shortcut.(*fyne.ShortcutRedo); !ok {
		t.Errorf("the Redo item's shortcut is %T, want *fyne.ShortcutRedo", s.redoItem.Shortcut)
	}
}

// TestUndoInsideAField: in a focused field, Ctrl+Z first takes back the
// typing, then the plan's last edit; Ctrl+Y makes the typing again.
func TestUndoInsideAField(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	a := apptest.NewTestApp(t, "fr", plan.LangFR)
	e := widget.NewEntry()
	s := newShellUIWith(t, a, entryTabs(e))
	p := s.doc.Plan()
	s.Edit("Budget", shellWithBudget(p, "1234"))
	s.win.Canvas().Focus(e)
	for _, r := range "abc" {
		e.TypedRune(r)
	}
	typeShortcut(s.win, ctrlZ)
	if e.Text != "" {
		t.Fatalf("Ctrl+Z in the field: text %q, want the typing taken back", e.Text)
	}
	if !s.doc.Dirty() {
		t.Fatal("Ctrl+Z in a field with typing took back the plan's edit too")
	}
	typeShortcut(s.win, ctrlY)
	if e.Text != "abc" {
		t.Fatalf("Ctrl+Y in the field: text %q, want the typing again", e.Text)
	}
	typeShortcut(s.win, ctrlZ) // the typing
	typeShortcut(s.win, ctrlZ) // nothing left to undo in the field: the plan
	if s.doc.Dirty() {
		t.Fatal("a second Ctrl+Z did not take back the plan's edit")
	}

	// Typing then Enter: the field commits its text as an edit. Ctrl+Z
	// then takes back that edit at once, not the field's text.
	s.win.Canvas().Focus(e)
	for _, r := range "42" {
		e.TypedRune(r)
	}
	s.Edit("Budget", shellWithBudget(p, "42")) // what the field does on Enter
	typeShortcut(s.win, ctrlZ)
	if s.doc.Dirty() {
		t.Fatalf("Ctrl+Z after the field committed its text: the plan's edit is still there (text %q)", e.Text)
	}
}

// TestSaveShortcut: Ctrl+S, delivered as the desktop driver does, saves
// the plan to its file.
func TestSaveShortcut(t *testing.T) {
	s := newShellUI(t)
	path := t.TempDir() + "/plan.toml"
	s.saveAs(t, path)
	s.Edit("Budget", shellWithBudget(s.doc.Plan(), "4321"))
	typeShortcut(s.win, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	s.work.Drain()
	if s.doc.Dirty() {
		t.Fatal("Ctrl+S left the plan unsaved")
	}
	q, _, err := readPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Info.Budget.String(); got != "4321" {
		t.Errorf("the file says budget %s after Ctrl+S, want 4321", got)
	}
}
