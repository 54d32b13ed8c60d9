package editors

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CaseView is the "Case" screen of an exercise plan (a plan whose [plan]
// case names a course case): the student's name, the score out of 20 and
// the rubric as a live checklist — each item ticked or not, with what is
// left to do — graded in the background after every change; the tracking
// element's indicators and tools, chosen from lists; and the brief. A
// plan that names no case shows how to start an exercise.
//
// Threading: a case file is read and decoded, and the plan graded, off the
// UI goroutine, each through a widgets.Task; what they hand back runs on
// the UI goroutine, and only for the latest reading or grading. Every
// field is touched on the UI goroutine only: no mutex.
type CaseView struct {
	core widgets.EditorCore

	// DocPath, when not nil, returns the path of the plan's file ("" for
	// a plan never saved): a case file the plan names by a relative path
	// is read from that file's folder, as grade and the PDF read it
	// (simulate.ResolveCasePath). It is asked each time the case is
	// loaded, so a plan saved elsewhere finds its case anew. The shell
	// sets it to its document's Path.
	DocPath func() string

	none      *widget.Label
	title     *widget.Label
	student   *widgets.Field
	score     *widget.Label
	checklist *fyne.Container
	kpis      *widget.CheckGroup
	tools     *widget.CheckGroup
	trackErr  *widget.Label
	brief     *widget.Label
	body      *fyne.Container
	root      fyne.CanvasObject

	kpiNames map[string]string // the shown label of each indicator → its name

	reading widgets.Task // reads the case file
	grading widgets.Task // grades the plan; a newer grading drops an older one's grade
	ref     string       // the case reference the case is for
	file    string       // the case file it is read from ("" for a built-in case)
	loaded  bool         // c (or caseErr) is known for ref and file: no reading under way
	c       simulate.Case
	caseErr string // why the plan's case cannot be used ("" when loaded)
	grade   *simulate.Grade
}

var _ widgets.Panel = (*CaseView)(nil)

// NewCaseView returns the exercise screen. Edits of the student's name and
// of the tracking lists call edit with the whole new plan.
func NewCaseView(w fyne.Window, edit widgets.EditFunc) *CaseView {
	v := &CaseView{core: widgets.EditorCore{Win: w, Edit: edit}}
	v.core.Applied = func(p plan.Plan) { v.show() }
	v.none = widgets.Label(lang.L("This plan is not an exercise. To start one, choose File → New, then an exercise: it opens the brief as a plan to complete."))
	v.title = widget.NewLabel("")
	v.title.TextStyle.Bold = true
	v.title.Wrapping = fyne.TextWrapWord
	v.student = v.core.Bind(widgets.NewField(widgets.UnitText, false), "plan.student", "Student", func(p *plan.Plan) any { return &p.Info.Student })
	v.student.Entry.SetPlaceHolder(lang.L("First name and last name"))
	v.score = widget.NewLabel("")
	v.score.TextStyle.Bold = true
	v.checklist = container.NewVBox()

	v.kpiNames = map[string]string{}
	var kpiLabels []string
	for _, k := range simulate.TrackingKPIs() {
		l := display.Label(k, widgets.Lang())
		if _, dup := v.kpiNames[l]; dup {
			l += " (" + k + ")"
		}
		v.kpiNames[l] = k
		kpiLabels = append(kpiLabels, l)
	}
	slices.Sort(kpiLabels)
	v.kpis = widget.NewCheckGroup(kpiLabels, func([]string) { v.onKPIs() })
	v.kpis.Horizontal = false
	v.tools = widget.NewCheckGroup(simulate.TrackingTools, func([]string) { v.onTools() })
	v.trackErr = widgets.ErrorLine()
	v.brief = widgets.Label("")

	head := widgets.NewForm(widgets.FormRow(lang.L("Student"), v.student.Widget()))
	tracking := widgets.NewCard(lang.L("Tracking: indicators and tools"),
		lang.L("Tick the indicators the plan will follow (three or more) and the tools that will measure them."),
		container.NewVBox(v.trackErr, widgets.NewCard(lang.L("Tools"), "", v.tools), widgets.NewCard(lang.L("Indicators"), "", v.kpis)))
	v.body = container.NewVBox(
		v.title, head, v.score,
		widgets.NewCard(lang.L("Checklist"), lang.L("Updated after every change: ✓ done, ✗ left to do."), v.checklist),
		tracking,
		widgets.NewCard(lang.L("Brief"), "", v.brief),
	)
	v.root = container.NewVScroll(container.NewVBox(v.none, v.body))
	v.core.Root = v.root
	return v
}

// Widget returns the screen.
func (v *CaseView) Widget() fyne.CanvasObject { return v.root }

// Refresh shows p; with its results, grades it in the background.
func (v *CaseView) Refresh(p plan.Plan, r *widgets.Results) {
	changed := !v.core.Loaded || !widgets.PlanEqual(p, v.core.P)
	v.core.R = r
	v.core.Loaded = true
	v.core.P = p
	if changed {
		v.show()
	}
	if r != nil && v.caseLoaded() {
		v.schedule(p, r.Base)
	}
}

// caseLoaded reports whether the plan's case is known and can be used.
func (v *CaseView) caseLoaded() bool {
	return v.ref != "" && v.loaded && v.caseErr == ""
}

// loadCase loads the case the plan names, when it changed: a built-in id
// at once, or a case file's path, relative to the plan file's folder
// (DocPath; the folder the app runs in for a plan without a file), read
// off the UI goroutine (v.reading). Once read, the screen shows it and the
// plan is graded when its results are known.
func (v *CaseView) loadCase(ref string) {
	file := ""
	if simulate.IsCasePath(ref) {
		doc := ""
		if v.DocPath != nil {
			doc = v.DocPath()
		}
		file = simulate.ResolveCasePath(doc, ref)
	}
	if ref == v.ref && file == v.file {
		return
	}
	v.ref, v.file, v.caseErr, v.grade, v.loaded = ref, file, "", nil, false
	v.c = simulate.Case{}
	v.reading.Cancel() // a reading for the case named before
	v.grading.Cancel() // a grading against it
	if ref == "" {
		v.loaded = true
		return
	}
	if file == "" {
		c, err := simulate.BuiltinCase(ref) // built in: nothing to read
		v.setCase(c, err)
		return
	}
	v.reading.Start(func(context.Context) func() {
		var c simulate.Case
		data, err := os.ReadFile(file)
		if err == nil {
			c, err = simulate.DecodeCase(file, data)
		}
		unreadable := err != nil && data == nil
		return func() {
			if unreadable { // the case file itself: say which and why
				err = simulate.CaseErrors{{Msg: plan.NewMsg(simulate.MsgCaseUnreadable,
					plan.TextArg("path", ref), plan.TextArg("reason", widgets.ReadErrorDetail(err)))}}
			}
			v.setCase(c, err)
			v.display()
			if r := v.core.R; r != nil && v.caseLoaded() {
				v.schedule(v.core.P, r.Base)
			}
		}
	})
}

// setCase keeps the case read for v.ref, or why it cannot be used.
func (v *CaseView) setCase(c simulate.Case, err error) {
	v.c, v.loaded = c, true
	if err != nil {
		v.caseErr = caseErrorText(err, widgets.Currency(v.core.P))
	}
}

// caseErrorText is why a case cannot be used, in the UI's language.
func caseErrorText(err error, currency string) string {
	list, ok := err.(simulate.CaseErrors)
	if !ok {
		return widgets.ErrorDetail(err)
	}
	var parts []string
	for _, e := range list {
		s := display.Text(e.Msg, widgets.Lang(), currency)
		if e.File != "" && e.Line > 0 {
			s = fmt.Sprintf("%s:%d: %s", e.File, e.Line, s)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

// schedule grades p (whose base result is base) in the background
// (v.grading); the answer is shown only if no later grading started
// meanwhile.
func (v *CaseView) schedule(p plan.Plan, base simulate.Result) {
	c := v.c
	v.grading.Start(func(ctx context.Context) func() {
		g, err := simulate.GradeResult(ctx, p, c, base)
		if err != nil {
			return nil // cancelled: a newer grading answers
		}
		return func() {
			v.grade = &g
			v.showGrade()
		}
	})
}

// show puts the plan in the widgets: the case's title and brief, the
// student, the tracking lists; the checklist waits for the grading.
func (v *CaseView) show() {
	v.loadCase(strings.TrimSpace(v.core.P.Info.Case))
	v.display()
}

// display puts the plan and the case loaded in the widgets.
func (v *CaseView) display() {
	p := v.core.P
	defer v.core.Begin()()
	ref, caseErr, c := v.ref, v.caseErr, v.c
	if ref == "" {
		v.none.Show()
		v.body.Hide()
		return
	}
	v.none.Hide()
	v.body.Show()
	l := widgets.Lang()
	v.core.ShowField(v.student)
	if caseErr != "" || !v.loaded {
		// the case cannot be used, or is being read: its reference, and
		// why (nothing while it is read)
		v.title.SetText(lang.L("Exercise: {{.Name}}", map[string]any{"Name": ref}))
		v.brief.SetText(caseErr)
		v.score.SetText("")
		v.checklist.Objects = nil
		v.checklist.Refresh()
		return
	}
	v.title.SetText(lang.L("Exercise: {{.Name}}", map[string]any{"Name": c.Title.In(l)}))
	v.brief.SetText(strings.TrimSpace(c.Brief.In(l)))
	var kl []string
	for label, name := range v.kpiNames {
		if slices.Contains(p.Tracking.KPIs, name) {
			kl = append(kl, label)
		}
	}
	v.kpis.SetSelected(kl)
	opts := slices.Clone(simulate.TrackingTools)
	for _, t := range p.Tracking.Tools {
		if !slices.Contains(opts, t) {
			opts = append(opts, t)
		}
	}
	v.tools.Options = opts
	v.tools.SetSelected(slices.Clone(p.Tracking.Tools))
	v.tools.Refresh()
	v.showGrade()
}

// showGrade shows the latest grade: the score and the checklist.
func (v *CaseView) showGrade() {
	g := v.grade
	if g == nil {
		v.score.SetText(lang.L("Grading…"))
		return
	}
	l, cur := widgets.Lang(), widgets.Currency(v.core.P)
	v.score.SetText(lang.L("Score: {{.Grade}} / 20 ({{.Score}} of {{.Max}} points)", map[string]any{
		"Grade": display.Decimal(g.Grade20, 2, l), "Score": g.Score, "Max": g.Max}))
	var rows []fyne.CanvasObject
	for _, ch := range g.Checks {
		icon := widget.NewIcon(theme.ConfirmIcon())
		if !ch.OK {
			icon = widget.NewIcon(theme.CancelIcon())
		}
		label := widgets.Label(fmt.Sprintf("%s (%s)", display.Text(ch.Label, l, cur),
			lang.L("{{.Points}} pt", map[string]any{"Points": ch.Points})))
		label.TextStyle.Bold = !ch.OK
		item := container.NewVBox(label)
		if !ch.OK {
			todo := widgets.Label(display.Text(ch.Todo, l, cur))
			todo.Importance = widget.WarningImportance
			item.Add(todo)
		}
		rows = append(rows, container.NewBorder(nil, nil, icon, nil, item))
	}
	v.checklist.Objects = rows
	v.checklist.Refresh()
}

// onKPIs records the ticked indicators as [tracking] kpis, in the order of
// simulate.TrackingKPIs.
func (v *CaseView) onKPIs() {
	if v.core.Updating {
		return
	}
	var names []string
	for _, k := range simulate.TrackingKPIs() {
		for _, label := range v.kpis.Selected {
			if v.kpiNames[label] == k {
				names = append(names, k)
			}
		}
	}
	cand := v.core.P.Clone()
	cand.Tracking.KPIs = names
	v.apply("Tracked indicators", "tracking.kpis", cand)
}

// onTools records the ticked tools as [tracking] tools, in the order of
// the list.
func (v *CaseView) onTools() {
	if v.core.Updating {
		return
	}
	var tools []string
	for _, o := range v.tools.Options {
		if slices.Contains(v.tools.Selected, o) {
			tools = append(tools, o)
		}
	}
	cand := v.core.P.Clone()
	cand.Tracking.Tools = tools
	v.apply("Tracking tools", "tracking.tools", cand)
}

// apply makes the edit, or shows why the plan refuses it (ten indicators
// at most) and puts the lists back as the plan has them.
func (v *CaseView) apply(label, path string, cand plan.Plan) {
	if msgs := v.core.Apply(label, path, cand); len(msgs) > 0 {
		v.core.Say(v.trackErr, strings.Join(msgs, "\n"))
		v.show()
		return
	}
	v.core.Say(v.trackErr, "")
}
