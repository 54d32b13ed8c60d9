package tools

import (
	"context"
	"image/color"
	"sort"
	"strings"

	"campaignsim/app/help"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// keyFigureNames are the figures of the key-figures block, three a row.
var keyFigureNames = []string{
	"customers", "cost", "cpa",
	"roi", "romi", "net_profit",
	"break_even_customers", "clv", "budget_left",
}

// resultsChanceRuns is the number of Monte Carlo runs behind the chance
// of each objective in the results pane (a variable for the tests).
var resultsChanceRuns = 1000

// ResultsPanel is the results column of the main window, always visible:
// the plan's real state first (over budget, in plain words), the key
// figures of the chosen scenario, the objectives with their state
// (simulate.ObjectiveStateOf: met over budget, or with a chance below
// 50 %, is not a green "atteint"), the per-channel table (sortable by
// clicking a column header), the warnings and the recommendations with
// their sources. It implements Panel.
//
// Once EnableChances is called, the chance of each objective
// (simulate.ObjectiveChances: the re-forecast's with actuals, else the
// Monte Carlo's when the plan has ranges) is computed in the background
// after each new plan; until it is known an objective met by the plan
// within its budget reads "met".
type ResultsPanel struct {
	root   *container.Scroll
	body   *fyne.Container
	hint   *widget.Label
	status *widget.Label
	// over says, at the top, that the plan costs more than its budget
	// (the engine's over-budget warning); hidden otherwise.
	over     *widget.Label
	scenario *widget.Select
	// scenarioRow holds the scenario selector, shown when the plan has
	// scenarios.
	scenarioRow *fyne.Container
	keyNames    map[string]*widget.Label
	keyValues   map[string]*widget.Label
	objTitle    *widget.Label
	objBox      *fyne.Container
	table       *widget.Table
	tableSize   *canvas.Rectangle
	notesBox    *fyne.Container

	plan     plan.Plan
	results  *widgets.Results
	shown    int // index in results.Scenarios of the scenario shown
	rows     []simulate.ChannelResult
	sortCol  int // column of channelColumns; -1 keeps the plan's order
	sortDesc bool

	// chances of the objectives of chancePlan, the base plan, once known
	// (chanceOK), computed by chanceTask once EnableChances is called
	// (chancesOn).
	chances    []simulate.ObjectiveChance
	chanceOK   bool
	chancePlan plan.Plan
	chanceTask widgets.Task
	chancesOn  bool
}

var _ widgets.Panel = (*ResultsPanel)(nil)

// NewResultsPanel builds the results panel, empty until Refresh.
func NewResultsPanel() *ResultsPanel {
	rp := &ResultsPanel{keyNames: map[string]*widget.Label{}, keyValues: map[string]*widget.Label{}, sortCol: -1}

	rp.hint = widget.NewLabel(lang.L("Change a channel or the budget on the left: the results update at once."))
	rp.hint.Wrapping = fyne.TextWrapWord
	rp.hint.TextStyle.Italic = true

	rp.status = widget.NewLabel("")
	rp.status.Wrapping = fyne.TextWrapWord
	rp.status.Hide()

	rp.over = widget.NewLabel("")
	rp.over.Wrapping = fyne.TextWrapWord
	rp.over.TextStyle.Bold = true
	rp.over.Importance = widget.DangerImportance
	rp.over.Hide()

	rp.scenario = widget.NewSelect(nil, func(string) { rp.onScenario() })

	tiles := make([]fyne.CanvasObject, 0, len(keyFigureNames))
	for _, name := range keyFigureNames {
		term := help.NewTermLabel(name, "") // a tap on the name opens its glossary term
		n := term.Label
		n.SizeName = theme.SizeNameCaptionText
		n.Wrapping = fyne.TextWrapWord // "Clients pour l'équilibre" whole, on two lines if need be
		v := widget.NewLabel(display.Undefined)
		v.TextStyle.Bold = true
		v.SizeName = theme.SizeNameSubHeadingText
		v.Truncation = fyne.TextTruncateEllipsis
		rp.keyNames[name], rp.keyValues[name] = n, v
		tiles = append(tiles, container.New(widgets.TightVBox{}, term, v))
	}
	keys := container.NewGridWithColumns(3, tiles...)

	rp.objTitle = resultsHeading(lang.L("Objectives"))
	rp.objBox = container.NewVBox()

	rp.table = widget.NewTable(rp.tableSizeOf, rp.newCell, rp.updateCell)
	rp.table.ShowHeaderRow = true
	rp.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	rp.table.UpdateHeader = rp.updateHeader
	rp.table.OnSelected = func(id widget.TableCellID) { rp.table.UnselectAll() }
	rp.tableSize = canvas.NewRectangle(color.Transparent)

	rp.notesBox = container.NewVBox()

	rp.scenarioRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Scenario")), nil, rp.scenario)
	rp.scenarioRow.Hide()
	rp.body = container.NewVBox(
		resultsHeading(lang.L("Results")),
		rp.scenarioRow,
		rp.over,
		rp.hint,
		rp.status,
		keys,
		widget.NewSeparator(),
		rp.objTitle,
		rp.objBox,
		widget.NewSeparator(),
		resultsHeading(lang.L("By channel")),
		container.NewStack(rp.tableSize, rp.table),
		rp.notesBox,
	)
	rp.root = container.NewVScroll(container.NewPadded(rp.body))
	return rp
}

func resultsHeading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// HintShown reports whether the pane shows its first-launch hint.
func (rp *ResultsPanel) HintShown() bool { return rp.hint.Visible() }

// ShownScenario returns the name of the scenario the pane shows, or ""
// for the base plan (or while no results are known).
func (rp *ResultsPanel) ShownScenario() string {
	if i := rp.shown; rp.results != nil && i > 0 && i < len(rp.results.Scenarios) {
		return rp.results.Scenarios[i].Scenario
	}
	return ""
}

// Widget returns the panel's root object.
func (rp *ResultsPanel) Widget() fyne.CanvasObject { return rp.root }

// ShowHint shows or hides the line telling a new user what to do.
func (rp *ResultsPanel) ShowHint(show bool) {
	if show {
		rp.hint.Show()
	} else {
		rp.hint.Hide()
	}
}

// ShowError shows why the plan could not be simulated (nil hides it).
func (rp *ResultsPanel) ShowError(err error) {
	if err == nil {
		rp.status.Hide()
		return
	}
	rp.status.SetText(lang.L("The plan cannot be simulated") + widgets.UIColon() + widgets.ErrorDetail(err))
	rp.status.Importance = widget.DangerImportance
	rp.status.Show()
}

// Refresh shows the results r of p; while r is nil (the simulation of p is
// running) it keeps the previous figures and says they are being updated.
func (rp *ResultsPanel) Refresh(p plan.Plan, r *widgets.Results) {
	rp.plan = p
	if r == nil {
		if rp.results == nil {
			rp.status.SetText(lang.L("Calculating…"))
			rp.status.Importance = widget.LowImportance
			rp.status.Show()
		}
		return
	}
	rp.status.Hide()
	rp.results = r
	rp.updateScenarios()
	if rp.chancesOn && !widgets.SamePlan(rp.chancePlan, p) {
		rp.startChances(p)
	}
	rp.show()
}

// EnableChances makes the pane compute the chance of each objective after
// each new plan, through a widgets.Task: run starts work off the UI
// goroutine and post brings its answer back onto it (nil: the Task's
// defaults, go f() and fyne.Do — what the window passes). The tests pass
// a work queue they drain, so no goroutine of theirs touches a widget.
// Call it once, before the first Refresh.
func (rp *ResultsPanel) EnableChances(run, post func(func())) {
	rp.chanceTask.Go, rp.chanceTask.Post, rp.chancesOn = run, post, true
}

// startChances computes the chance of each objective of p in the
// background (simulate.ObjectiveChances, through widgets.Task: a newer
// plan cancels the older computation and drops its answer), forgetting
// the chances of the plan before; show then gives each objective its
// state. UI goroutine.
func (rp *ResultsPanel) startChances(p plan.Plan) {
	rp.chances, rp.chanceOK, rp.chancePlan = nil, false, p
	q := p.Clone()
	rp.chanceTask.Start(func(ctx context.Context) func() {
		ch, err := simulate.ObjectiveChances(ctx, q, simulate.UncertaintyOptions{Runs: resultsChanceRuns})
		if err != nil {
			return nil // no chance to tell: the objectives keep the plan's own state
		}
		return func() {
			rp.chances, rp.chanceOK = ch, true
			if rp.results != nil {
				rp.show()
			}
		}
	})
}

// updateScenarios lists the base and the plan's scenarios in the selector,
// keeping the chosen one when it still exists.
func (rp *ResultsPanel) updateScenarios() {
	names := make([]string, len(rp.results.Scenarios))
	for i, s := range rp.results.Scenarios {
		names[i] = scenarioLabel(s.Scenario)
	}
	old := rp.scenario.Selected
	rp.shown = 0
	for i, n := range names {
		if n == old {
			rp.shown = i
		}
	}
	rp.scenario.OnChanged = nil
	rp.scenario.SetOptions(names)
	if len(names) > 1 {
		rp.scenario.SetSelectedIndex(rp.shown)
		rp.scenarioRow.Show()
	} else {
		rp.scenarioRow.Hide()
	}
	rp.scenario.OnChanged = func(string) { rp.onScenario() }
}

func scenarioLabel(name string) string {
	if name == "" || name == simulate.BaseScenario {
		return lang.L("Base scenario")
	}
	return name
}

func (rp *ResultsPanel) onScenario() {
	if rp.results == nil {
		return
	}
	if i := rp.scenario.SelectedIndex(); i >= 0 && i < len(rp.results.Scenarios) {
		rp.shown = i
	}
	rp.show()
}

// current returns the result of the scenario shown.
func (rp *ResultsPanel) current() simulate.Result {
	if rp.shown < len(rp.results.Scenarios) {
		return rp.results.Scenarios[rp.shown]
	}
	return rp.results.Base
}

func (rp *ResultsPanel) show() {
	res := rp.current()
	for _, name := range keyFigureNames {
		rp.keyNames[name].SetText(display.Label(name, widgets.Lang()))
		rp.keyValues[name].SetText(rp.figure(name, res.Totals))
	}
	rp.showObjectives(res)
	rp.rows = append(rp.rows[:0], res.Channels...)
	rp.sortRows()
	cols := resultsColumns(rp.plan)
	// Each column as wide as its widest text, the channel's name at most
	// 120: the table should fit the results column of a 1024-wide window.
	for c := 0; c <= len(cols); c++ {
		w := textWidth(rp.headerText(c) + " ▼")
		for r := 0; r <= len(rp.rows); r++ {
			w = max(w, textWidth(rp.cellText(r, c)))
		}
		if c == 0 {
			w = min(w, 120)
		}
		rp.table.SetColumnWidth(c, w+theme.InnerPadding()*2+theme.Padding()/2)
	}
	rows := len(rp.rows) + 2 // the header and the total line
	h := float32(rows)*(resultsRowHeight()+theme.Padding()+theme.SeparatorThicknessSize()) + theme.ScrollBarSize() + theme.Padding()*2
	rp.tableSize.SetMinSize(fyne.NewSize(10, h))
	rp.table.Refresh()
	rp.showNotes(res)
	// Rows were added, hidden or resized: lay the column out again.
	rp.body.Refresh()
	rp.root.Refresh()
}

// textWidth is the width of s in the theme's text size.
func textWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
}

// resultsRowHeight is the height of one line of the channel table.
func resultsRowHeight() float32 {
	return widget.NewLabel("Ag").MinSize().Height
}

// figure formats figure name of f in the plan's currency and the
// interface language; undefined shows "—".
func (rp *ResultsPanel) figure(name string, f simulate.Figures) string {
	return widgets.ResultsFigure(rp.plan, name, f)
}

// KeyFigure returns the text shown for the key figure name ("cpa",
// "net_profit"…), or "" when it is not a key figure.
func (rp *ResultsPanel) KeyFigure(name string) string {
	if l, ok := rp.keyValues[name]; ok {
		return l.Text
	}
	return ""
}

func (rp *ResultsPanel) showObjectives(res simulate.Result) {
	rp.objBox.RemoveAll()
	if len(res.Objectives) == 0 {
		rp.objTitle.Hide()
		rp.objBox.Hide()
		return
	}
	rp.objTitle.Show()
	rp.objBox.Show()
	var chances []simulate.ObjectiveChance
	if rp.chanceOK && rp.shown == 0 {
		chances = rp.chances // the chances are the base plan's
	}
	for _, v := range simulate.ObjectiveViews(rp.plan, res, chances) {
		o := v.Result
		sign := "≥"
		if o.Direction == plan.AtMost {
			sign = "≤"
		}
		// the plan's real state first: met over budget or with a poor
		// chance is a warning, not a green tick
		mark, imp := "✗", widget.DangerImportance
		switch v.State {
		case simulate.StateMet:
			mark, imp = "✓", widget.SuccessImportance
		case simulate.StateOverBudget, simulate.StateAtRisk:
			mark, imp = "⚠", widget.WarningImportance
		}
		text := mark + " " + display.Label(o.Metric, widgets.Lang()) + " " + sign + " " +
			widgets.ResultsValue(rp.plan, o.Metric, decimal.NewNullDecimal(o.Target)) + widgets.UIColon() +
			widgets.ResultsValue(rp.plan, o.Metric, o.Value) + " — " + display.Text(v.StateMsg(), widgets.Lang(), rp.plan.Info.Currency)
		l := widgets.NewWrapLabel(text) // never "3" on one line and "007,27 €" on the next
		l.Importance = imp
		rp.objBox.Add(l)
	}
}

// ObjectiveLines returns the text of each objective line, in order (for
// the tests and the smoke checks).
func (rp *ResultsPanel) ObjectiveLines() []string {
	var out []string
	for _, o := range rp.objBox.Objects {
		if l, ok := o.(*widgets.WrapLabel); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

// OverBudgetText returns the over-budget line at the top, "" when hidden.
func (rp *ResultsPanel) OverBudgetText() string {
	if !rp.over.Visible() {
		return ""
	}
	return rp.over.Text
}

func (rp *ResultsPanel) showNotes(res simulate.Result) {
	rp.notesBox.RemoveAll()
	// The over-budget warning goes at the top, in the engine's words
	// ("Le plan dépasse son budget de 940,00 €…"), and not again below.
	rp.over.Hide()
	var rest []simulate.Warning
	for _, w := range res.Warnings {
		if w.Code == simulate.WarnOverBudget {
			rp.over.SetText("⚠ " + display.Text(w.Msg, widgets.Lang(), rp.plan.Info.Currency))
			rp.over.Show()
			continue
		}
		rest = append(rest, w)
	}
	if len(rest) > 0 {
		rp.notesBox.Add(widget.NewSeparator())
		rp.notesBox.Add(resultsHeading(lang.L("Warnings")))
		for _, w := range rest {
			l := widgets.NewWrapLabel("⚠ " + display.Text(w.Msg, widgets.Lang(), rp.plan.Info.Currency))
			l.Importance = widget.WarningImportance
			rp.notesBox.Add(l)
		}
	}
	if len(res.Recommendations) > 0 {
		rp.notesBox.Add(widget.NewSeparator())
		rp.notesBox.Add(resultsHeading(lang.L("Recommendations")))
		for _, rec := range simulate.AdviceOf(res) {
			l := widgets.NewWrapLabel("• " + widgets.RecommendationText(rp.plan, rec))
			rp.notesBox.Add(l)
		}
	}
}

// resultsColumns are the figures of the per-channel table after the
// channel's name.
func resultsColumns(p plan.Plan) []string {
	if p.Business.Model == plan.B2B {
		return []string{"cost", "leads", "cpl", "customers", "cpa", "roi"}
	}
	return []string{"cost", "customers", "cpa", "roi"}
}

func (rp *ResultsPanel) tableSizeOf() (int, int) {
	if rp.results == nil {
		return 0, 0
	}
	return len(rp.rows) + 1, len(resultsColumns(rp.plan)) + 1
}

func (rp *ResultsPanel) newCell() fyne.CanvasObject {
	return widgets.NewCell("") // a cut channel name shows whole on a tap
}

// cellText returns the text of a body cell; the last row is the total.
func (rp *ResultsPanel) cellText(row, col int) string {
	cols := resultsColumns(rp.plan)
	if row >= len(rp.rows) {
		if col == 0 {
			return lang.L("Total")
		}
		return rp.figure(cols[col-1], rp.current().Totals)
	}
	ch := rp.rows[row]
	if col == 0 {
		return ch.Name
	}
	return rp.figure(cols[col-1], ch.Figures)
}

func (rp *ResultsPanel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widgets.Cell).Label
	l.TextStyle.Bold = id.Row >= len(rp.rows)
	if id.Col == 0 {
		l.Alignment = fyne.TextAlignLeading
	} else {
		l.Alignment = fyne.TextAlignTrailing
	}
	l.SetText(rp.cellText(id.Row, id.Col))
}

func (rp *ResultsPanel) headerText(col int) string {
	var t string
	if col == 0 {
		t = lang.L("Channel")
	} else {
		t = display.Label(resultsColumns(rp.plan)[col-1], widgets.Lang())
	}
	if col == rp.sortCol {
		if rp.sortDesc {
			t += " ▼"
		} else {
			t += " ▲"
		}
	}
	return t
}

func (rp *ResultsPanel) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	col := id.Col
	b.SetText(rp.headerText(col))
	b.OnTapped = func() { rp.SortBy(col) }
}

// SortBy sorts the channel table by column col (0 is the channel's name,
// then channelColumns): a first click sorts figures from the largest
// (names A→Z), a second click reverses.
func (rp *ResultsPanel) SortBy(col int) {
	if rp.sortCol == col {
		rp.sortDesc = !rp.sortDesc
	} else {
		rp.sortCol, rp.sortDesc = col, col > 0
	}
	rp.sortRows()
	rp.table.Refresh()
}

// sortRows orders rp.rows by the sort column; undefined figures go last.
func (rp *ResultsPanel) sortRows() {
	if rp.sortCol < 0 || rp.results == nil {
		return
	}
	if rp.sortCol == 0 {
		sort.SliceStable(rp.rows, func(i, j int) bool {
			a, b := strings.ToLower(rp.rows[i].Name), strings.ToLower(rp.rows[j].Name)
			if rp.sortDesc {
				return a > b
			}
			return a < b
		})
		return
	}
	spec, _ := simulate.SpecOf(resultsColumns(rp.plan)[rp.sortCol-1])
	sort.SliceStable(rp.rows, func(i, j int) bool {
		a, b := spec.Get(rp.rows[i].Figures), spec.Get(rp.rows[j].Figures)
		if !a.Valid || !b.Valid {
			return a.Valid && !b.Valid
		}
		if rp.sortDesc {
			return a.Decimal.GreaterThan(b.Decimal)
		}
		return a.Decimal.LessThan(b.Decimal)
	})
}
