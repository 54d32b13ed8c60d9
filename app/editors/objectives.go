package editors

import (
	"fmt"
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
	"github.com/shopspring/decimal"
)

// ObjectivesEditor is the panel that edits the SMART objectives: a list,
// and the form of the selected objective (statement, metric, target in the
// metric's unit, direction, deadline, purpose, id) with its SMART checklist
// and value against target from the latest results.
type ObjectivesEditor struct {
	core widgets.EditorCore

	items                     *widgets.ItemList
	statement, id, target     *widgets.Field
	deadline                  *widgets.Field
	metric, purpose           *widget.Select
	direction                 *widget.RadioGroup
	selectErr                 *widget.Label
	smart                     [5]*widget.Label // S, M, A, R, T: "✓ Specific" or "✗ Achievable — reason"
	value                     *widget.Label    // value against target, met or not
	form                      *fyne.Container
	metricNames, purposeNames []string
	metricKeys                []string // metricNames' keys, for the plan's model
	root                      fyne.CanvasObject
}

var _ widgets.Panel = (*ObjectivesEditor)(nil)

// NewObjectivesEditor returns the objectives editor.
func NewObjectivesEditor(w fyne.Window, edit widgets.EditFunc) *ObjectivesEditor {
	e := &ObjectivesEditor{core: widgets.EditorCore{Win: w, Edit: edit}}
	e.core.Applied = func(plan.Plan) { e.show() }
	c := &e.core
	e.items = widgets.NewItemList(c, func() int { return len(e.core.P.Objectives) },
		func() fyne.CanvasObject {
			// The statement on two lines before "…" (the blank label sets the row's height).
			l := widget.NewLabel("")
			l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.QuestionIcon()), nil, container.NewStack(widget.NewLabel("\n"), l))
		},
		func(id int, o fyne.CanvasObject) {
			ob := e.core.P.Objectives[id]
			box := o.(*fyne.Container)
			text := ob.Statement
			if text == "" {
				text = ob.ID
			}
			box.Objects[0].(*fyne.Container).Objects[1].(*widget.Label).SetText(text)
			icon := theme.QuestionIcon()
			if r := e.result(id); r != nil {
				icon = theme.ConfirmIcon()
				if !r.Met {
					icon = theme.CancelIcon()
				}
			}
			box.Objects[1].(*widget.Icon).SetResource(icon)
		}, e.onAdd, e.onDelete, e.showForm,
		lang.L("No objective yet: press Add to write one (e.g. 200 new customers by April)."))

	obj := func(get func(o *plan.Objective) any) func(p *plan.Plan) any {
		return func(p *plan.Plan) any {
			if e.items.Selected < 0 || e.items.Selected >= len(p.Objectives) {
				return nil
			}
			return get(&p.Objectives[e.items.Selected])
		}
	}
	e.statement = c.Bind(widgets.NewField(widgets.UnitText, true), "", "Statement", obj(func(o *plan.Objective) any { return &o.Statement }))
	e.statement.Entry.SetMinRowsVisible(2)
	e.statement.Entry.SetPlaceHolder(lang.L("e.g. Win 200 new customers around Lille by 3 April"))
	e.statement.Commit = e.onStatement
	e.id = c.Bind(widgets.NewField(widgets.UnitText, false), "", "Objective id", obj(func(o *plan.Objective) any { return &o.ID }))
	e.id.SetInfo(lang.L("Derived from the statement until you change it: a-z, 0-9 and dashes."))
	e.target = c.Bind(widgets.NewField(widgets.UnitNumber, false), "", "Target", obj(func(o *plan.Objective) any { return &o.Target }))
	e.deadline = c.Bind(widgets.NewField(widgets.UnitDate, false), "", "Deadline", obj(func(o *plan.Objective) any { return &o.Deadline }))
	e.metric = widget.NewSelect(nil, func(s string) { e.onMetric(s) })
	e.direction = widget.NewRadioGroup([]string{lang.L("at least"), lang.L("at most")}, func(s string) { e.onDirection(s) })
	e.direction.Horizontal = true
	e.direction.Required = true
	for _, p := range plan.Purposes {
		e.purposeNames = append(e.purposeNames, widgets.StageLabel(p))
	}
	e.purpose = widget.NewSelect(append([]string{lang.L("(no purpose)")}, e.purposeNames...), func(s string) { e.onPurpose(s) })
	e.selectErr = widgets.ErrorLine()
	e.items.ErrLine = e.selectErr
	for i := range e.smart {
		e.smart[i] = widget.NewLabel("")
		e.smart[i].Wrapping = fyne.TextWrapWord
	}
	e.value = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.value.Wrapping = fyne.TextWrapWord

	smartBox := container.NewVBox(e.value)
	for _, l := range e.smart {
		smartBox.Add(l)
	}
	e.form = container.NewVBox(
		widgets.NewCard(lang.L("Objective"), lang.L("What you want to reach, by when"), container.NewVBox(widgets.NewForm(
			widgets.FormRow(lang.L("Statement"), e.statement.Widget()),
			widgets.FormRow(lang.L("Metric"), e.metric),
			widgets.FormRow(lang.L("Direction"), e.direction),
			widgets.FormRow(lang.L("Target"), e.target.Widget()),
			widgets.FormRow(lang.L("Deadline"), e.deadline.Widget()),
			widgets.FormRow(lang.L("Purpose"), e.purpose),
			widgets.FormRow(lang.L("Identifier"), e.id.Widget()),
		), e.selectErr)),
		widgets.NewCard(lang.L("SMART check"), lang.L("From the latest simulation"), smartBox),
	)
	e.root = e.items.Split(nil, 0.3)
	return e
}

// Widget returns the list and the form side by side.
func (e *ObjectivesEditor) Widget() fyne.CanvasObject { return e.root }

// Refresh shows p and, when r is not nil, the SMART checklist and value of
// each objective.
func (e *ObjectivesEditor) Refresh(p plan.Plan, r *widgets.Results) {
	switch changed, resultsChanged := e.core.Load(p, r); {
	case changed:
		e.show()
	case resultsChanged:
		e.items.List.Refresh()
		e.showSmart()
	}
}

// result returns the latest result of objective i, or nil when the results
// are unknown or stale.
func (e *ObjectivesEditor) result(i int) *simulate.ObjectiveResult {
	r := e.core.R
	if r == nil || i < 0 || i >= len(e.core.P.Objectives) {
		return nil
	}
	id := e.core.P.Objectives[i].ID
	for j := range r.Base.Objectives {
		if r.Base.Objectives[j].ID == id {
			return &r.Base.Objectives[j]
		}
	}
	return nil
}

// show puts e.core.P in the list and the form.
func (e *ObjectivesEditor) show() {
	e.items.Sync()
	e.showForm()
}

// showForm fills the form with the selected objective.
func (e *ObjectivesEditor) showForm() {
	c := &e.core
	if !e.items.HasSelection() {
		e.items.DeleteButton.Disable()
		e.items.ShowDetail(nil)
		return
	}
	e.items.DeleteButton.Enable()
	e.items.ShowDetail(e.form)
	o := c.P.Objectives[e.items.Selected]
	pre := fmt.Sprintf("objectives[%d]", e.items.Selected)
	e.statement.Path, e.id.Path, e.target.Path, e.deadline.Path = pre+".statement", pre+".id", pre+".target", pre+".deadline"
	l := widgets.Lang()
	defer c.Begin()()

	e.metricKeys, e.metricNames = nil, nil
	for _, m := range plan.Metrics {
		if !simulate.FigureApplies(c.P, m) && m != o.Metric {
			continue
		}
		e.metricKeys = append(e.metricKeys, m)
		e.metricNames = append(e.metricNames, display.Label(m, l))
	}
	e.metric.Options = e.metricNames
	if i := slices.Index(e.metricKeys, o.Metric); i >= 0 {
		e.metric.SetSelected(e.metricNames[i])
	} else {
		e.metric.ClearSelected()
	}
	e.target.UnitKind = targetUnit(o.Metric)
	switch e.target.UnitKind {
	case widgets.UnitMoney:
		e.target.SetUnit(display.CurrencySymbol(c.P.Info.Currency, l))
	case widgets.UnitPercent:
		e.target.SetUnit("%")
	default:
		e.target.SetUnit("")
	}
	for _, f := range []*widgets.Field{e.statement, e.id, e.target, e.deadline} {
		f.Shown = "\x00" // a new objective may show the same text: refresh anyway
		if !f.Entry.Focused {
			f.Bad = false
		}
		c.ShowField(f)
	}
	if o.Direction == plan.AtMost {
		e.direction.SetSelected(e.direction.Options[1])
	} else {
		e.direction.SetSelected(e.direction.Options[0])
	}
	if i := slices.Index(plan.Purposes, o.Purpose); i >= 0 {
		e.purpose.SetSelected(e.purposeNames[i])
	} else {
		e.purpose.SetSelectedIndex(0)
	}
	if !c.P.Info.Start.IsZero() {
		e.deadline.SetInfo(lang.L("The plan runs from {{.Start}} to {{.End}}.", map[string]any{
			"Start": display.Date(c.P.Info.Start, l), "End": display.Date(plan.End(c.P.Info.Start, c.P.Info.Months), l)}))
	}
	e.core.Say(e.selectErr, "")
	e.showSmart()
}

// targetUnit is the unit an objective's target is typed in for metric.
func targetUnit(metric string) widgets.FieldUnit {
	spec, ok := simulate.SpecOf(metric)
	if !ok {
		return widgets.UnitNumber
	}
	switch spec.Unit {
	case simulate.Money:
		return widgets.UnitMoney
	case simulate.Rate:
		return widgets.UnitPercent
	}
	return widgets.UnitNumber
}

// showSmart shows the SMART letters and the value against the target.
func (e *ObjectivesEditor) showSmart() {
	r := e.result(e.items.Selected)
	if r == nil {
		for i, l := range e.smart {
			l.SetText(smartNames()[i] + " …")
		}
		e.value.SetText(lang.L("Simulating…"))
		return
	}
	checks := []simulate.Check{r.Smart.Specific, r.Smart.Measurable, r.Smart.Achievable, r.Smart.Relevant, r.Smart.TimeBound}
	for i, ck := range checks {
		if ck.OK {
			e.smart[i].SetText("✓ " + smartNames()[i])
			e.smart[i].Importance = widget.SuccessImportance
		} else {
			e.smart[i].SetText("✗ " + smartNames()[i] + " — " + display.Text(ck.Why, widgets.Lang(), e.core.P.Info.Currency))
			e.smart[i].Importance = widget.DangerImportance
		}
		e.smart[i].Refresh()
	}
	p := e.core.P
	l := widgets.Lang()
	spec, _ := simulate.SpecOf(r.Metric)
	val := display.Figure(spec, r.Value, p.Info.Currency, l)
	tgt := display.Figure(spec, decimal.NewNullDecimal(r.Target), p.Info.Currency, l)
	dir := "≥"
	if r.Direction == plan.AtMost {
		dir = "≤"
	}
	state := lang.L("not met")
	e.value.Importance = widget.DangerImportance
	if r.Met {
		state = lang.L("met")
		e.value.Importance = widget.SuccessImportance
	}
	e.value.SetText(lang.L("Simulated: {{.Value}} — target {{.Dir}} {{.Target}}: {{.State}}", map[string]any{
		"Value": val, "Dir": dir, "Target": tgt, "State": state}))
}

// smartNames are the five letters of SMART with their words.
func smartNames() [5]string {
	return [5]string{lang.L("S — Specific"), lang.L("M — Measurable"), lang.L("A — Achievable"), lang.L("R — Relevant"), lang.L("T — Time-bound")}
}

// objectiveID returns a free objective id made from text.
func objectiveID(p plan.Plan, text string, skip int) string {
	base := slugify(text)
	if base == "" {
		base = objectiveIDBase(p.Info.Language)
	}
	taken := func(id string) bool {
		for i, o := range p.Objectives {
			if i != skip && o.ID == id {
				return true
			}
		}
		return false
	}
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		if id := fmt.Sprintf("%s-%d", base, n); !taken(id) {
			return id
		}
	}
}

// onStatement stores the statement and, while the id is still the one
// derived from the previous statement, derives it again.
func (e *ObjectivesEditor) onStatement(f *widgets.Field, text string) {
	c := &e.core
	i := e.items.Selected
	if i < 0 || i >= len(c.P.Objectives) {
		return
	}
	cand := c.P.Clone()
	o := &cand.Objectives[i]
	derived := o.ID == objectiveID(c.P, o.Statement, i) || isPlaceholderObjectiveID(o.ID)
	o.Statement = strings.TrimSpace(text)
	if derived && o.Statement != "" {
		o.ID = objectiveID(cand, o.Statement, i)
	}
	if msgs := c.Apply("Statement", f.Path, cand); len(msgs) > 0 {
		f.SetError(strings.Join(msgs, "\n"))
		return
	}
	f.Accepted(text)
}

// onMetric changes the metric; the target keeps its number.
func (e *ObjectivesEditor) onMetric(s string) {
	c := &e.core
	i := e.items.Selected
	if c.Updating || i < 0 || i >= len(c.P.Objectives) {
		return
	}
	j := slices.Index(e.metricNames, s)
	if j < 0 {
		return
	}
	cand := c.P.Clone()
	cand.Objectives[i].Metric = e.metricKeys[j]
	if msgs := c.Apply("Metric", fmt.Sprintf("objectives[%d].metric", i), cand); len(msgs) > 0 {
		e.core.Say(e.selectErr, strings.Join(msgs, "\n"))
	}
}

func (e *ObjectivesEditor) onDirection(s string) {
	c := &e.core
	i := e.items.Selected
	if c.Updating || s == "" || i < 0 || i >= len(c.P.Objectives) {
		return
	}
	cand := c.P.Clone()
	cand.Objectives[i].Direction = plan.AtLeast
	if s == e.direction.Options[1] {
		cand.Objectives[i].Direction = plan.AtMost
	}
	e.core.Say(e.selectErr, strings.Join(c.Apply("Direction", fmt.Sprintf("objectives[%d].direction", i), cand), "\n"))
}

func (e *ObjectivesEditor) onPurpose(s string) {
	c := &e.core
	i := e.items.Selected
	if c.Updating || i < 0 || i >= len(c.P.Objectives) {
		return
	}
	cand := c.P.Clone()
	cand.Objectives[i].Purpose = ""
	if j := slices.Index(e.purposeNames, s); j >= 0 {
		cand.Objectives[i].Purpose = plan.Purposes[j]
	}
	e.core.Say(e.selectErr, strings.Join(c.Apply("Purpose", fmt.Sprintf("objectives[%d].purpose", i), cand), "\n"))
}

// onAdd adds an objective: customers, at least 100, by the plan's end.
func (e *ObjectivesEditor) onAdd() {
	c := &e.core
	cand := c.P.Clone()
	o := plan.Objective{ID: objectiveID(cand, objectiveIDBase(cand.Info.Language), -1), Metric: "customers", Target: decimal.NewFromInt(100),
		Direction: plan.AtLeast, Purpose: "conversion"}
	if !cand.Info.Start.IsZero() && cand.Info.Months > 0 {
		o.Deadline = plan.End(cand.Info.Start, cand.Info.Months)
	}
	cand.Objectives = append(cand.Objectives, o)
	e.items.Added("Add objective", cand, len(cand.Objectives)-1)
}

func (e *ObjectivesEditor) onDelete() {
	e.items.Delete("Delete objective", func(p *plan.Plan, i int) int {
		p.Objectives = slices.Delete(p.Objectives, i, i+1)
		return len(p.Objectives)
	})
}
