package tools

import (
	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// toolsRunButton returns a tool's Run button, which calls onRun.
func toolsRunButton(onRun func()) *widget.Button {
	b := widget.NewButton(lang.L("Run"), onRun)
	b.Importance = widget.HighImportance
	return b
}

// toolsHeadline returns the empty bold line a tool's result starts with
// (the budget needed, the advice, what to expect); it never splits inside
// an amount.
func toolsHeadline() *widgets.WrapLabel {
	l := widgets.NewWrapLabel("")
	l.TextStyle.Bold = true
	return l
}

// toolsResults returns the box of a tool's result, holding parts in
// order, hidden until there is a result.
func toolsResults(parts ...fyne.CanvasObject) *fyne.Container {
	c := container.NewVBox(parts...)
	c.Hide()
	return c
}

// toolsApplying is what the tools whose result Apply writes into the plan
// (goal seek, the optimiser) share on top of toolsRun: Run, Apply, the
// note beside Apply that says why it is disabled, and the plan Apply
// produced last. What to write is the engine's decision
// (simulate.GoalSeekResult.Apply, simulate.Optimization.Apply); the UI
// part, one undoable edit and the note, lives here once.
type toolsApplying struct {
	toolsRun

	run, apply *widget.Button
	applyNote  *widget.Label
	applied    plan.Plan       // the plan Apply produced, to say "applied"
	editLabel  string          // names Apply's edit in the undo menu
	table      *fyne.Container // holds the result's table of budgets
	warnings   *fyne.Container // the result's warnings (toolsShowWarnings)
}

// newToolsApplying returns Run (calling onRun), Apply (calling onApply,
// disabled until a result is on screen) for an edit named editLabel, and
// the empty table and warnings of the result.
func newToolsApplying(editLabel string, onRun, onApply func()) toolsApplying {
	a := toolsApplying{toolsRun: newToolsRun(), editLabel: editLabel,
		table: container.NewStack(), warnings: container.NewVBox()}
	a.run = toolsRunButton(onRun)
	a.apply = widget.NewButton(lang.L("Apply to the plan"), onApply)
	a.apply.Disable()
	a.applyNote = widget.NewLabel("")
	return a
}

// starting shows a run of the tool under way: Run and Apply disabled,
// "Calculating…" on the status line. It runs on the UI goroutine.
func (a *toolsApplying) starting() {
	a.running = true
	a.run.Disable()
	a.apply.Disable()
	a.applyNote.SetText("")
	a.setStatus(lang.L("Calculating…"), widget.MediumImportance)
}

// showApply enables Apply only for a fresh result that changes the plan
// cur, and says why it is disabled otherwise. ready says whether the
// result on screen can be applied at all (goal seek: the target is
// reachable); apply is what Apply writes, the result's Apply, nil for a
// result that moves nothing. It runs on the UI goroutine.
func (a *toolsApplying) showApply(cur plan.Plan, ready bool, apply func(plan.Plan) plan.Plan) {
	switch {
	case !a.has || a.running || !ready:
		a.apply.Disable()
		a.applyNote.SetText("")
	case a.isStale(cur) && len(a.applied.Channels) > 0 && widgets.SamePlan(a.applied, cur):
		a.apply.Disable()
		a.applyNote.Importance = widget.SuccessImportance
		a.applyNote.SetText(lang.L("Applied to the plan (Undo brings the old budgets back)."))
	case a.isStale(cur):
		a.apply.Disable()
		a.applyNote.Importance = widget.WarningImportance
		a.applyNote.SetText(lang.L("Plan changed — run again"))
	case apply == nil || widgets.SamePlan(apply(cur), cur):
		a.apply.Disable()
		a.applyNote.Importance = widget.LowImportance
		a.applyNote.SetText(lang.L("Nothing to change."))
	default:
		a.apply.Enable()
		a.applyNote.SetText("")
	}
}

// applyTo writes apply(v.current) into v's plan as one undoable edit,
// when a fresh result that can be applied (ready) is on screen and the
// plan it gives passes plan.Validate; otherwise the problems show on the
// status line. The edit refreshes every panel, this one too.
func (a *toolsApplying) applyTo(v *View, ready bool, apply func(plan.Plan) plan.Plan) {
	if !a.has || a.running || !ready || a.isStale(v.current) {
		return
	}
	q := apply(v.current)
	if errs := plan.Validate(q); len(errs) > 0 {
		a.setStatus(widgets.ErrorText(errs), widget.DangerImportance)
		return
	}
	a.applied = q
	if v.edit != nil {
		v.edit(a.editLabel, q)
	}
}
