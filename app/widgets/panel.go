package widgets

import (
	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
)

// Results is what the background simulation computed for one version of
// the plan. Scenarios holds simulate.RunAll's results: the base first,
// then each scenario of the plan in file order.
type Results struct {
	Version   int // the Document version these results are for
	Base      simulate.Result
	Scenarios []simulate.Result
}

// EditFunc records an edit of the plan as one undoable step: label names
// it for the undo menu ("Budget", "Add channel"…), p is the whole new plan
// value. The editor must only call it with a plan that passes
// plan.Validate; it runs on the UI goroutine.
type EditFunc func(label string, p plan.Plan)

// Panel is one screen of the main window (an editor, the charts, the
// planning tools). The window builds it once and calls Refresh on the UI
// goroutine after every change: an edit, undo, redo, a file opened, and
// whenever new results arrive.
type Panel interface {
	// Widget returns the panel's root object (the same one every time).
	Widget() fyne.CanvasObject
	// Refresh shows p and, when known, the results computed for exactly
	// p (r is nil while the simulation of p is still running). A panel must
	// not overwrite what the user is typing in a field that has focus.
	Refresh(p plan.Plan, r *Results)
}
