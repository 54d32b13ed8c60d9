package tools

import (
	"fmt"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"
)

// toolsOptimize is the optimiser tab: a goal, the total paid budget to
// split, Run; then the advice (which budget to move where), the goal
// before → after, a table of the paid channels' budgets and customers
// before and after, the warnings, and Apply.
type toolsOptimize struct {
	v *View
	toolsApplying

	goal         *widget.Select
	goals        []simulate.Goal // the goal of each option, in order
	budget       *widget.Entry
	budgetEdited bool // the user typed a budget: Refresh keeps it
	setting      bool // the code is setting the entry (not the user)
	currency     *widget.Label

	advice  *widgets.WrapLabel // which budget to move where (never split inside an amount)
	change  *widgets.WrapLabel // the goal before → after
	results *fyne.Container

	result  simulate.Optimization
	content fyne.CanvasObject
}

// newToolsOptimize builds the optimiser tab of v, with no result.
func newToolsOptimize(v *View) *toolsOptimize {
	s := &toolsOptimize{v: v, goals: simulate.Goals}
	s.toolsApplying = newToolsApplying(lang.L("Optimise budget"), s.onRun, s.onApply)
	opts := make([]string, len(s.goals))
	for i, g := range s.goals {
		opts[i] = display.Label(string(g), widgets.Lang())
	}
	s.goal = widget.NewSelect(opts, nil)
	s.goal.SetSelectedIndex(0)
	s.budget = widget.NewEntry()
	s.budget.OnChanged = func(string) {
		if !s.setting {
			s.budgetEdited = true
		}
	}
	s.currency = widget.NewLabel(display.CurrencySymbol("EUR", widgets.Lang()))
	s.applyNote.Importance = widget.WarningImportance

	s.advice = toolsHeadline()
	s.change = widgets.NewWrapLabel("")
	s.results = toolsResults(s.advice, s.change, s.table, s.warnings)

	intro := widgets.Intro(lang.L("Splits the paid advertising budget (search, display and social ads channels that are not locked) to get the most of the goal, within each channel's minimum and maximum budget. The other channels stay as written."))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Goal"), toolsSized(s.goal, 220)),
		widget.NewFormItem(lang.L("Budget to split"), container.NewHBox(toolsSized(s.budget, 140), s.currency)),
	)
	buttons := container.NewHBox(s.run, s.apply, s.applyNote)
	controls := container.NewVBox(intro, form, buttons)
	s.content = toolsPage(controls, &s.toolsRun, s.results)
	return s
}

// planChanged refreshes the budget (unless the user typed one), the
// currency, the stale banner and Apply. It runs on the UI goroutine.
func (s *toolsOptimize) planChanged() {
	p := s.v.current
	s.currency.SetText(display.CurrencySymbol(widgets.Currency(p), widgets.Lang()))
	if !s.budgetEdited && !s.v.focused(s.budget) {
		s.setting = true
		s.budget.SetText(toolsAmountText(simulate.DecisionBudget(p), widgets.Lang()))
		s.setting = false
	}
	s.showStale(p)
	s.updateApply()
}

// toolsAmountText writes an amount for an entry the user may edit:
// grouped, without decimals when it is whole ("1 600", "1 600,50").
func toolsAmountText(v decimal.Decimal, l plan.Language) string {
	if v.Equal(v.Round(0)) {
		return display.Decimal(v, 0, l)
	}
	return display.Decimal(v, 2, l)
}

// updateApply enables Apply only for a fresh result that moves money, and
// says why it is disabled otherwise. It runs on the UI goroutine.
func (s *toolsOptimize) updateApply() {
	var apply func(plan.Plan) plan.Plan // nil: the result moves nothing
	if len(s.result.Allocation) > 0 {
		apply = s.result.Apply
	}
	s.showApply(s.v.current, true, apply)
}

// onRun optimises the current plan in a goroutine.
func (s *toolsOptimize) onRun() {
	v := s.v
	if !v.hasPlan {
		s.setStatus(lang.L("No plan to optimise yet."), widget.DangerImportance)
		return
	}
	goal := simulate.GoalCustomers
	if i := s.goal.SelectedIndex(); i >= 0 && i < len(s.goals) {
		goal = s.goals[i]
	}
	var total decimal.NullDecimal
	if t := strings.TrimSpace(s.budget.Text); t != "" {
		b, err := display.ParseNumber(t, widgets.Lang())
		if err != nil || b.Sign() < 0 {
			s.setStatus(lang.L("Budget to split: write an amount, e.g. 1 600 or 1600,50."), widget.DangerImportance)
			return
		}
		total = decimal.NewNullDecimal(b)
	}
	p := v.current.Clone()
	s.starting()
	toolsRunApplicable(v, &s.toolsRun, s.run, p,
		func() (simulate.Optimization, error) { return simulate.Optimize(p, goal, total) },
		func(o simulate.Optimization) {
			s.result, s.applied = o, plan.Plan{}
			s.show(p)
		}, s.updateApply)
}

// onApply writes the optimised budgets into the current plan as one
// undoable edit (simulate.Optimization.Apply decides them).
func (s *toolsOptimize) onApply() {
	s.applyTo(s.v, true, s.result.Apply)
}

// show fills the results from s.result, computed for p. It runs on the UI
// goroutine.
func (s *toolsOptimize) show(p plan.Plan) {
	l := widgets.Lang()
	cur := widgets.Currency(p)
	o := s.result
	s.setStatus(lang.L("Done."), widget.SuccessImportance)
	goalName := display.Label(string(o.Goal), l)

	// Customers are whole people on screen (MODEL.md "Numbers"): before
	// and after are whole, only a small gain shows one decimal
	// (Optimization.FineGain), as a difference — "215 → 215 (+0,1)", not
	// "215,1 → 215,2", which flickers with every edit.
	gain := o.After.Sub(o.Before)
	fine := o.FineGain()
	sign := "+"
	if gain.Sign() < 0 {
		sign = ""
	}
	change := goalName + widgets.Colon(l) + toolsGoalAmount(o.Goal, o.Before, false, cur, l) +
		" → " + toolsGoalAmount(o.Goal, o.After, false, cur, l)
	if o.Goal == simulate.GoalCustomers && fine && !gain.Round(1).IsZero() {
		change += " (" + sign + toolsGoalAmount(o.Goal, gain, true, cur, l) + ")"
	}
	s.change.SetText(change)

	if len(o.Allocation) == 0 {
		s.advice.SetText("")
		s.table.Objects = nil
		s.table.Refresh()
	} else {
		effect := toolsGoalChange(o.Goal, sign+toolsGoalAmount(o.Goal, gain, fine, cur, l), gain, l)
		var lines []string
		for _, m := range o.AdviceMoves() {
			lines = append(lines, display.Text(m.Msg(), l, cur))
		}
		switch len(lines) {
		case 0:
			s.advice.SetText(lang.L("Today's split is already the best, to the euro: {{.Effect}}.", map[string]any{"Effect": effect}))
		case 1:
			s.advice.SetText(lines[0] + widgets.Colon(l) + effect + ".")
		default:
			for i := range lines {
				lines[i] = fmt.Sprintf("%d. %s.", i+1, lines[i])
			}
			lines = append(lines, lang.L("In all")+widgets.Colon(l)+effect+".")
			s.advice.SetText(strings.Join(lines, "\n"))
		}
		header := []string{lang.L("Paid channel"), lang.L("Budget before"), lang.L("Budget after"), lang.L("Customers before"), lang.L("Customers after")}
		rows := make([][]string, 0, len(o.Allocation)+1)
		var before decimal.Decimal
		for _, a := range o.Allocation {
			before = before.Add(a.BudgetBefore)
			rows = append(rows, []string{a.Name, display.Money(a.BudgetBefore, cur, l), display.Money(a.BudgetAfter, cur, l),
				display.Count(a.CustomersBefore, l), display.Count(a.CustomersAfter, l)})
		}
		rows = append(rows, []string{lang.L("Total"), display.Money(before, cur, l), display.Money(o.Spent, cur, l), "", ""})
		s.table.Objects = []fyne.CanvasObject{widgets.Table(header, rows, 1)}
		s.table.Refresh()
	}
	toolsShowWarnings(s.warnings, o.Warnings, cur, nil)
	s.results.Show()
	s.content.Refresh()
}

// toolsShowWarnings lists the warnings' messages in box under a title,
// money in cur (the plan's currency), leaving out those skip returns true
// for.
func toolsShowWarnings(box *fyne.Container, ws []simulate.Warning, cur string, skip func(int, simulate.Warning) bool) {
	l := widgets.Lang()
	box.Objects = nil
	for i, w := range ws {
		if skip != nil && skip(i, w) {
			continue
		}
		if len(box.Objects) == 0 {
			t := widget.NewLabel(lang.L("Warnings"))
			t.TextStyle.Bold = true
			box.Add(t)
		}
		lb := widgets.Label("⚠ " + display.Text(w.Msg, l, cur))
		box.Add(lb)
	}
	box.Refresh()
}

// toolsGoalAmount writes a value of an optimiser goal: customers whole,
// or with one decimal when fine (a small gain must not read "from 215 to
// 215"); money to the whole unit.
func toolsGoalAmount(g simulate.Goal, v decimal.Decimal, fine bool, currency string, l plan.Language) string {
	if g == simulate.GoalCustomers {
		if fine {
			return display.Decimal(v, 1, l)
		}
		return display.Count(v, l)
	}
	return widgets.RoundMoney(v, currency, l)
}

// toolsGoalChange writes amount (a written value v of goal g) with its
// noun: "+0,1 client", "12 clients" (French singular below 2, English
// singular for exactly 1), "+120 € de marge brute", "-40 € de résultat net".
func toolsGoalChange(g simulate.Goal, amount string, v decimal.Decimal, l plan.Language) string {
	data := map[string]any{"N": amount}
	switch g {
	case simulate.GoalGrossMargin:
		return lang.L("{{.N}} of gross margin", data)
	case simulate.GoalNetProfit:
		return lang.L("{{.N}} of net profit", data)
	}
	a := v.Abs()
	if (l == plan.LangEN && a.Equal(decimal.NewFromInt(1))) || (l != plan.LangEN && a.LessThan(decimal.NewFromInt(2))) {
		return lang.L("{{.N}} customer", data)
	}
	return lang.L("{{.N}} customers", data)
}
