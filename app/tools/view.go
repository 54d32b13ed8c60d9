package tools

import (
	"context"

	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// View is the planning tools screen: four tools that answer "what
// if" questions about the plan on demand, each in its own tab —
// uncertainty (Monte Carlo), the budget optimiser, goal seek and
// sensitivity (tornado). Nothing runs until the user presses a tool's Run
// button; every run happens in a goroutine and reaches the widgets only
// through fyne.Do, so the window never freezes.
//
// Every result remembers the plan it was computed for. When the plan
// changes afterwards (an edit, undo, a file opened), the result stays on
// screen but is marked as being for an earlier version of the plan, and
// the optimiser's and goal seek's Apply buttons are disabled until the
// tool is run again: Apply only ever writes budgets computed for the plan
// on screen, as one undoable edit (EditFunc).
//
// Threading: each tool runs through a widgets.Task of its own (the one
// background-task helper): the work runs off the UI goroutine and what it
// hands back runs on the UI goroutine, only if no newer run of that tool
// started. Handlers and those functions are the only code that touches
// the screen, all on the UI goroutine, so no mutex guards it (the tests
// set the tasks' Post to a queue they drain on their own goroutine).
type View struct {
	win  fyne.Window
	edit widgets.EditFunc

	current plan.Plan // the plan on screen, as last given to Refresh
	hasPlan bool

	root *container.AppTabs
	unc  *toolsUncertainty
	opt  *toolsOptimize
	seek *toolsGoalSeek
	sens *toolsSensitivity
}

var _ widgets.Panel = (*View)(nil)

// NewView builds the planning tools screen for window w. edit records
// the optimiser's and goal seek's "Apply" as one undoable edit each; it is
// called on the UI goroutine, never while a tool is running. The screen
// shows nothing to compute until the first Refresh gives it a plan.
func NewView(w fyne.Window, edit widgets.EditFunc) *View {
	v := &View{win: w, edit: edit}
	v.unc = newToolsUncertainty(v)
	v.opt = newToolsOptimize(v)
	v.seek = newToolsGoalSeek(v)
	v.sens = newToolsSensitivity(v)
	v.root = container.NewAppTabs(
		container.NewTabItem(lang.L("Uncertainty"), v.unc.content),
		container.NewTabItem(lang.L("Optimise budget"), v.opt.content),
		container.NewTabItem(lang.L("Goal seek"), v.seek.content),
		container.NewTabItem(lang.L("Sensitivity"), v.sens.content),
	)
	return v
}

// Widget returns the screen's root object: the tabs of the four tools.
func (v *View) Widget() fyne.CanvasObject { return v.root }

// Refresh records p as the plan the tools run on next. It runs no tool:
// it refreshes the defaults the user has not typed over (the number of
// simulations and seed, the budget to split, the target) and marks the
// results computed for another plan as stale. r is not used: the tools
// compute their own figures.
func (v *View) Refresh(p plan.Plan, _ *widgets.Results) {
	v.current = p.Clone()
	v.hasPlan = true
	v.unc.planChanged()
	v.opt.planChanged()
	v.seek.planChanged()
	v.sens.planChanged()
}

// focused reports whether o is the widget that has the keyboard focus
// (its text must not be replaced under the user's fingers).
func (v *View) focused(o fyne.Focusable) bool {
	if v.win == nil || v.win.Canvas() == nil {
		return false
	}
	return v.win.Canvas().Focused() == o
}

// toolsRun is the state every tool shares: a status line, the stale
// banner, the plan its result was computed for, and the task that runs
// it (results of older runs are dropped).
type toolsRun struct {
	status *widget.Label   // what the tool is doing, or what went wrong
	stale  *widget.Label   // shown when the result is for an earlier plan
	page   *fyne.Container // the whole tab (toolsPage)

	task    *widgets.Task // runs the tool off the UI goroutine; a newer run drops an older one's result
	running bool          // a run is under way
	has     bool          // a result is on screen
	runPlan plan.Plan     // the plan the result on screen was computed for
}

// newToolsRun returns the status line (empty) and the hidden stale banner.
func newToolsRun() toolsRun {
	status := widgets.Label("")
	stale := widgets.Label(lang.L("Results for an earlier version of the plan"))
	stale.Importance = widget.WarningImportance
	stale.TextStyle.Bold = true
	stale.Hide()
	return toolsRun{status: status, stale: stale, task: &widgets.Task{}}
}

// setStatus shows text on the status line with the given importance.
func (r *toolsRun) setStatus(text string, imp widget.Importance) {
	r.status.Importance = imp
	r.status.SetText(text)
}

// isStale reports whether a result is shown and was computed for another
// plan than current.
func (r *toolsRun) isStale(current plan.Plan) bool {
	return r.has && !widgets.SamePlan(r.runPlan, current)
}

// showStale shows or hides the stale banner for current.
func (r *toolsRun) showStale(current plan.Plan) {
	stale := r.isStale(current)
	if stale == r.stale.Visible() {
		return
	}
	if stale {
		r.stale.Show()
	} else {
		r.stale.Hide()
	}
	if r.page != nil {
		r.page.Refresh() // lay the banner out (or close its gap)
	}
}

// toolsSized returns o at width w (Fyne units) and its own height, not
// stretched by the form or row it is in.
func toolsSized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o))
}

// toolsPage lays a tool out: its controls and status at the top, its
// results below in a vertical scroll.
func toolsPage(controls fyne.CanvasObject, run *toolsRun, results fyne.CanvasObject) fyne.CanvasObject {
	top := container.NewVBox(controls, run.status, run.stale, widget.NewSeparator())
	run.page = container.NewBorder(top, nil, nil, nil, container.NewVScroll(results))
	return run.page
}

// toolsRunApplicable runs compute for p through r.task, for a tool whose
// result Apply writes into the plan (the optimiser, goal seek): when it
// ends, on the UI goroutine, Run is enabled again, an error shows on the
// status line, a result is kept by keep (which shows it), the stale banner
// follows, and updateApply sets Apply's state either way.
func toolsRunApplicable[T any](v *View, r *toolsRun, run *widget.Button, p plan.Plan,
	compute func() (T, error), keep func(T), updateApply func()) {
	r.task.Start(func(context.Context) func() {
		res, err := widgets.Compute(compute)
		return func() {
			r.running = false
			run.Enable()
			if err != nil {
				r.setStatus(widgets.ErrorText(err), widget.DangerImportance)
			} else {
				r.runPlan, r.has = p, true
				keep(res)
				r.showStale(v.current)
			}
			updateApply()
		}
	})
}
