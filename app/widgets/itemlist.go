package widgets

import (
	"strings"

	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ItemList is the side of an editor that lists items of the plan (the
// objectives, the scenarios, the channels): the list, Add and Delete,
// which item is selected, and a notice under the buttons that can offer
// Undo (« Annuler ») after a deletion. The editor gives the rows and the
// plan Add or Delete makes; ItemList keeps the selection through the edit,
// or through its refusal.
type ItemList struct {
	List                    *widget.List
	AddButton, DeleteButton *widget.Button
	// Notice says what happened ("Channel deleted."), hidden when empty;
	// UndoButton beside it takes the edit back (SayUndoable).
	Notice     *widget.Label
	UndoButton *widget.Button
	// Selected is the index of the selected item, -1 for none.
	Selected int
	// Detail holds the selected item's form (ShowDetail), or Empty, which
	// says there is no item yet and how to add one.
	Detail *fyne.Container
	Empty  *widget.Label
	// ErrLine, when the editor sets it, is where the problems of a refused
	// Add or Delete show (widgets.ErrorLine); otherwise the notice says them.
	ErrLine *widget.Label

	core  *EditorCore
	count func() int
	undo  func()
}

// NewItemList returns the list of the count() items of core's plan.
// create and update make and fill a row as widget.List's do (update is
// called only for an item that exists); onAdd and onDelete are Add's and
// Delete's; show shows the selected item's form after the user selected
// another item; empty is the text the detail shows while no item is
// selected.
func NewItemList(core *EditorCore, count func() int, create func() fyne.CanvasObject, update func(int, fyne.CanvasObject),
	onAdd, onDelete, show func(), empty string) *ItemList {
	l := &ItemList{core: core, count: count, Selected: -1}
	l.Empty = widget.NewLabel(empty)
	l.Empty.Wrapping = fyne.TextWrapWord
	l.Detail = container.NewStack(l.Empty)
	l.List = widget.NewList(count, create, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= 0 && id < count() {
			update(id, o)
		}
	})
	l.List.OnSelected = func(id widget.ListItemID) {
		if core.Updating || id == l.Selected {
			return
		}
		l.Selected = id
		show()
	}
	l.AddButton = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), onAdd)
	l.AddButton.Importance = widget.HighImportance
	l.DeleteButton = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), onDelete)
	l.Notice = widget.NewLabel("")
	l.Notice.Wrapping = fyne.TextWrapWord
	l.UndoButton = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), func() {
		if l.undo != nil {
			l.undo()
		}
		l.Notice.Hide()
		l.UndoButton.Hide()
	})
	l.Notice.Hide()
	l.UndoButton.Hide()
	return l
}

// Split lays the editor out and returns its root, which it makes the
// core's Root: top (nil: Add and Delete side by side) and the list under
// it on the left, taking offset of the width, and the detail in a
// vertical scroll on the right.
func (l *ItemList) Split(top fyne.CanvasObject, offset float64) *container.Split {
	if top == nil {
		top = container.NewGridWithColumns(2, l.AddButton, l.DeleteButton)
	}
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, l.List), container.NewVScroll(l.Detail))
	split.Offset = offset
	l.core.Root = split
	return split
}

// ShowDetail shows form in the detail, or the Empty text when form is
// nil; a form already shown is left as it is.
func (l *ItemList) ShowDetail(form fyne.CanvasObject) {
	if form == nil {
		form = l.Empty
	}
	if len(l.Detail.Objects) == 1 && l.Detail.Objects[0] == form {
		return
	}
	l.Detail.Objects = []fyne.CanvasObject{form}
	l.Detail.Refresh()
}

// NoticeRow is the notice with Undo at its end, to put under the buttons.
func (l *ItemList) NoticeRow() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, l.UndoButton, l.Notice)
}

// Sync shows the items of the plan now in the core: the selection kept
// in range (the first item when none was selected), the rows redrawn and
// the selected one marked, without calling show.
func (l *ItemList) Sync() {
	n := l.count()
	if l.Selected >= n {
		l.Selected = n - 1
	}
	if l.Selected < 0 && n > 0 {
		l.Selected = 0
	}
	l.List.Refresh()
	l.core.Updating = true
	if l.Selected >= 0 {
		l.List.Select(l.Selected)
	} else {
		l.List.UnselectAll()
	}
	l.core.Updating = false
}

// HasSelection reports whether an item of the plan is selected.
func (l *ItemList) HasSelection() bool { return l.Selected >= 0 && l.Selected < l.count() }

// Added applies cand, the plan with a new item at index at, as the edit
// label, selects the new item and reports true. A refused edit keeps the
// selection as it was, shows the problems (ErrLine) and reports false.
func (l *ItemList) Added(label string, cand plan.Plan, at int) bool {
	old := l.Selected
	l.Selected = at
	if msgs := l.core.Apply(label, "", cand); len(msgs) > 0 {
		l.Selected = old
		l.refused(msgs)
		return false
	}
	return true
}

// Delete deletes the selected item and reports true: remove takes item i
// out of a copy of the plan and returns how many items are left; the edit,
// named label, then selects the item after it, or the last one. A refused
// edit keeps the selection, shows the problems (ErrLine) and reports
// false; with no item selected, Delete does nothing and reports false.
func (l *ItemList) Delete(label string, remove func(p *plan.Plan, i int) (left int)) bool {
	if !l.HasSelection() {
		return false
	}
	i := l.Selected
	cand := l.core.P.Clone()
	if n := remove(&cand, i); i >= n {
		l.Selected = n - 1
	}
	if msgs := l.core.Apply(label, "", cand); len(msgs) > 0 {
		l.Selected = i
		l.refused(msgs)
		return false
	}
	return true
}

// refused shows msgs, the problems of a refused edit, on ErrLine, or in
// the notice when the editor has no ErrLine.
func (l *ItemList) refused(msgs []string) {
	if l.ErrLine != nil {
		l.core.Say(l.ErrLine, strings.Join(msgs, "\n"))
		return
	}
	l.Say(strings.Join(msgs, "\n"))
}

// Say shows msg in the notice ("" hides it), without Undo.
func (l *ItemList) Say(msg string) {
	l.UndoButton.Hide()
	l.core.Say(l.Notice, msg)
}

// SayUndoable shows msg, about an edit that undo takes back, with the
// Undo button; when undo is nil (no shell to ask), the notice says
// "Ctrl+Z to undo." instead.
func (l *ItemList) SayUndoable(msg string, undo func()) {
	l.undo = undo
	if undo != nil {
		l.UndoButton.Show()
	} else {
		msg += " " + lang.L("Ctrl+Z to undo.")
	}
	l.core.Say(l.Notice, msg)
}
