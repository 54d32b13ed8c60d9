package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// UndoTyping takes back the last typing in o when o is a text entry (a
// field of an editor or a plain widget.Entry) that has typing to take
// back, and reports whether it did. The shell's Undo calls it first, so
// that inside a field Ctrl+Z undoes the typing before the plan's last
// edit, as in LibreOffice (Fyne's Entry has its own undo since 2.5).
func UndoTyping(o fyne.Focusable) bool { return changesText(o, (*widget.Entry).Undo) }

// RedoTyping makes again the typing UndoTyping took back in o, and
// reports whether there was any.
func RedoTyping(o fyne.Focusable) bool { return changesText(o, (*widget.Entry).Redo) }

// changesText runs step (the entry's Undo or Redo) on o when o is a text
// entry, and reports whether its text changed.
func changesText(o fyne.Focusable, step func(*widget.Entry)) bool {
	e := entryOf(o)
	if e == nil {
		return false
	}
	before := e.Text
	step(e)
	return e.Text != before
}

// entryOf returns the widget.Entry o is, or nil.
func entryOf(o fyne.Focusable) *widget.Entry {
	switch x := o.(type) {
	case *widget.Entry:
		return x
	case *fieldEntry:
		return &x.Entry
	}
	return nil
}

// ForgetTyping makes the typing in o, a text entry, no longer undoable by
// the entry itself: the shell calls it when that typing has become an
// edit of the plan (Enter, or the focus moving on), so that the next
// Ctrl+Z takes back the plan's edit, as LibreOffice does once a cell is
// entered, instead of only the text of a field that has already
// committed it.
func ForgetTyping(o fyne.Focusable) {
	if e := entryOf(o); e != nil {
		e.SetText(e.Text) // the same text: only the entry's undo stack goes
	}
}

// redoAlt is Ctrl+Shift+Z, the other Redo (the window registers it).
var redoAlt = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// TypedShortcut hands Ctrl+Shift+Z to the window and every other shortcut
// to the entry. Fyne's driver gives a focused widget every shortcut the
// main menu does not match, and widget.Entry drops those it does not
// know: without this, Ctrl+Shift+Z would redo nothing inside a field.
func (e *fieldEntry) TypedShortcut(s fyne.Shortcut) {
	if s.ShortcutName() == redoAlt.ShortcutName() {
		if a := fyne.CurrentApp(); a != nil {
			if c, ok := a.Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
				c.TypedShortcut(s)
				return
			}
		}
	}
	e.Entry.TypedShortcut(s)
}
