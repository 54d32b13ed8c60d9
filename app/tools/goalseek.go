package tools

import (
	"slices"

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

// toolsSeekOrder is the order of the goal seek metrics in the select: the
// figures an owner sets targets on first. Only the metrics of
// simulate.SeekMetrics are offered, and leads, mql and sql only in a b2b
// plan. The aliases that repeat another metric (interactions = clicks,
// exposures and reach = impressions, conversions = customers in b2c) are
// left out so that no two choices give the same answer.
var toolsSeekOrder = []string{"customers", "leads", "mql", "sql", "revenue", "gross_margin", "net_profit", "clicks", "impressions"}

// toolsMoneyMetrics are the goal seek metrics in money.
var toolsMoneyMetrics = map[string]bool{"revenue": true, "gross_margin": true, "net_profit": true}

// toolsGoalSeek is the goal seek tab: a metric, a target, the mix (keep
// today's split or optimise it), Run; then the budget needed, the total
// cost and the split, or "unreachable" and why; and Apply.
type toolsGoalSeek struct {
	v *View
	toolsApplying

	metric       *widget.Select
	metrics      []string // the metric of each option, in order
	b2b          bool     // the options include leads, mql and sql
	target       *widget.Entry
	targetEdited bool // the user typed a target: Refresh keeps it
	setting      bool // the code is setting a widget (not the user)
	unit         *widget.Label
	mix          *widget.RadioGroup
	mixes        []simulate.Mix

	verdict *widgets.WrapLabel // the budget needed, or "Unreachable" (never split inside an amount)
	reason  *widget.Label      // why unreachable; what the plan then reaches
	results *fyne.Container

	result  simulate.GoalSeekResult
	content fyne.CanvasObject
}

// newToolsGoalSeek builds the goal seek tab of v, with no result.
func newToolsGoalSeek(v *View) *toolsGoalSeek {
	s := &toolsGoalSeek{v: v, mixes: []simulate.Mix{simulate.MixKeep, simulate.MixOptimize}}
	s.toolsApplying = newToolsApplying(lang.L("Budget for the target"), s.onRun, s.onApply)
	s.metric = widget.NewSelect(nil, func(string) { s.onMetric() })
	s.setMetrics(false)
	s.target = widget.NewEntry()
	s.target.OnChanged = func(string) {
		if !s.setting {
			s.targetEdited = true
		}
	}
	s.unit = widget.NewLabel("")
	s.mix = widget.NewRadioGroup([]string{
		lang.L("Keep today's split between the paid channels"),
		lang.L("Best split within each channel's minimum and maximum budget"),
	}, nil)
	s.mix.Required = true
	s.mix.SetSelected(s.mix.Options[0])

	s.verdict = toolsHeadline()
	s.reason = widgets.Label("")
	s.results = toolsResults(s.verdict, s.table, s.reason, s.warnings)

	intro := widgets.Intro(lang.L("Finds the smallest paid advertising budget that reaches a target, and what the whole plan then costs."))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Metric"), toolsSized(s.metric, 220)),
		widget.NewFormItem(lang.L("Target"), container.NewHBox(toolsSized(s.target, 140), s.unit)),
		widget.NewFormItem(lang.L("Split"), s.mix),
	)
	controls := container.NewVBox(intro, form, container.NewHBox(s.run, s.apply, s.applyNote))
	s.content = toolsPage(controls, &s.toolsRun, s.results)
	return s
}

// setMetrics fills the metric options for a b2c or b2b plan, keeping the
// selected metric when it is still offered (else customers).
func (s *toolsGoalSeek) setMetrics(b2b bool) {
	selected := s.selectedMetric()
	s.b2b = b2b
	s.metrics = s.metrics[:0]
	var opts []string
	for _, m := range toolsSeekOrder {
		if !slices.Contains(simulate.SeekMetrics, m) {
			continue
		}
		if !b2b && plan.IsLeadMetric(m) {
			continue
		}
		s.metrics = append(s.metrics, m)
		opts = append(opts, display.Label(m, widgets.Lang()))
	}
	s.setting = true
	s.metric.SetOptions(opts)
	i := slices.Index(s.metrics, selected)
	s.metric.SetSelectedIndex(max(i, 0))
	s.setting = false
}

// selectedMetric returns the metric selected ("customers" when none).
func (s *toolsGoalSeek) selectedMetric() string {
	if i := s.metric.SelectedIndex(); i >= 0 && i < len(s.metrics) {
		return s.metrics[i]
	}
	return "customers"
}

// onMetric follows a change of metric: its unit and, unless the user
// typed a target, the plan's objective on it. UI goroutine, no lock.
func (s *toolsGoalSeek) onMetric() {
	if s.setting {
		return
	}
	s.showUnit()
	if !s.targetEdited {
		s.defaultTarget()
	}
}

// showUnit shows the selected metric's unit after the target.
func (s *toolsGoalSeek) showUnit() {
	m := s.selectedMetric()
	if toolsMoneyMetrics[m] {
		s.unit.SetText(display.CurrencySymbol(widgets.Currency(s.v.current), widgets.Lang()))
		return
	}
	s.unit.SetText(widgets.LowerFirst(display.Label(m, widgets.Lang())))
}

// defaultTarget puts the target of the plan's first "at least" objective
// on the selected metric into the target entry (empty when there is none).
func (s *toolsGoalSeek) defaultTarget() {
	m := s.selectedMetric()
	text := ""
	for _, o := range s.v.current.Objectives {
		if o.Metric == m && o.Direction != plan.AtMost {
			text = toolsAmountText(o.Target, widgets.Lang())
			break
		}
	}
	s.setting = true
	s.target.SetText(text)
	s.setting = false
}

// planChanged refreshes the metrics offered, the unit, the default
// target, the stale banner and Apply. It runs on the UI goroutine.
func (s *toolsGoalSeek) planChanged() {
	p := s.v.current
	if b2b := p.Business.Model == plan.B2B; b2b != s.b2b {
		s.setMetrics(b2b)
	}
	s.showUnit()
	if !s.targetEdited && !s.v.focused(s.target) {
		s.defaultTarget()
	}
	s.showStale(p)
	s.updateApply()
}

// updateApply enables Apply only for a fresh, reachable result that
// changes a budget. It runs on the UI goroutine.
func (s *toolsGoalSeek) updateApply() {
	s.showApply(s.v.current, s.result.Reachable, s.result.Apply)
}

// onRun runs goal seek on the current plan in a goroutine.
func (s *toolsGoalSeek) onRun() {
	v := s.v
	if !v.hasPlan {
		s.setStatus(lang.L("No plan yet."), widget.DangerImportance)
		return
	}
	metric := s.selectedMetric()
	target, err := display.ParseNumber(s.target.Text, widgets.Lang())
	if err != nil {
		s.setStatus(lang.L("Target: write the value to reach, e.g. 250 or 12 000."), widget.DangerImportance)
		return
	}
	mix := simulate.MixKeep
	if i := slices.Index(s.mix.Options, s.mix.Selected); i >= 0 {
		mix = s.mixes[i]
	}
	p := v.current.Clone()
	s.starting()
	toolsRunApplicable(v, &s.toolsRun, s.run, p,
		func() (simulate.GoalSeekResult, error) { return simulate.GoalSeek(p, metric, target, mix) },
		func(res simulate.GoalSeekResult) {
			s.result, s.applied = res, plan.Plan{}
			s.show(p)
		}, s.updateApply)
}

// onApply writes the budgets found into the current plan's decision
// channels as one undoable edit (simulate.GoalSeekResult.Apply: one way to
// set the budgets).
func (s *toolsGoalSeek) onApply() {
	s.applyTo(s.v, s.result.Reachable, s.result.Apply)
}

// show fills the results from s.result, computed for p. It runs on the UI
// goroutine.
func (s *toolsGoalSeek) show(p plan.Plan) {
	l := widgets.Lang()
	cur := widgets.Currency(p)
	r := s.result
	target := toolsMetricAmount(r.Metric, r.Target, cur, l)
	s.table.Objects = nil
	if !r.Reachable {
		s.setStatus(lang.L("Done."), widget.SuccessImportance)
		s.verdict.Importance = widget.DangerImportance
		s.verdict.SetText(lang.L("Unreachable: {{.Target}}", map[string]any{"Target": target}))
		s.reason.SetText(toolsUnreachableText(r, cur, l))
	} else {
		s.setStatus(lang.L("Done."), widget.SuccessImportance)
		s.verdict.Importance = widget.MediumImportance
		metAtMin := false
		for _, w := range r.Warnings {
			if w.Code == simulate.WarnGoalMetAtMin || w.Code == simulate.WarnNoDecision {
				metAtMin = true
			}
		}
		data := map[string]any{"Target": target, "Budget": widgets.RoundMoney(r.Budget.Decimal, cur, l), "Cost": widgets.RoundMoney(r.Cost.Decimal, cur, l)}
		switch {
		case metAtMin && r.Budget.Decimal.IsZero():
			s.verdict.SetText(lang.L("{{.Target}}: reached with no advertising budget at all (total plan cost {{.Cost}}).", data))
		case metAtMin:
			s.verdict.SetText(lang.L("{{.Target}}: reached with the minimum budgets already, {{.Budget}} of advertising (total plan cost {{.Cost}}).", data))
		default:
			s.verdict.SetText(lang.L("For {{.Target}}, the advertising budget must be {{.Budget}} (total plan cost {{.Cost}}).", data))
		}
		if len(r.Allocation) > 0 {
			header := []string{lang.L("Paid channel"), lang.L("Budget today"), lang.L("Budget needed")}
			rows := make([][]string, 0, len(r.Allocation)+1)
			var today decimal.Decimal
			for _, a := range r.Allocation {
				ch, _ := p.Channel(a.ID)
				today = today.Add(ch.Budget)
				rows = append(rows, []string{a.Name, display.Money(ch.Budget, cur, l), display.Money(a.Budget, cur, l)})
			}
			rows = append(rows, []string{lang.L("Total"), display.Money(today, cur, l), display.Money(r.Budget.Decimal, cur, l)})
			s.table.Objects = []fyne.CanvasObject{widgets.Table(header, rows, 1)}
		}
		s.reason.SetText(lang.L("The plan then reaches {{.Value}}.", map[string]any{"Value": toolsMetricAmount(r.Metric, r.Value.Decimal, cur, l)}))
	}
	s.table.Refresh()
	toolsShowWarnings(s.warnings, r.Warnings, cur, func(i int, w simulate.Warning) bool {
		// said above: the reason of an unreachable target, the target met at the minimum
		return (i == 0 && !r.Reachable) || w.Code == simulate.WarnGoalMetAtMin
	})
	s.results.Show()
	s.content.Refresh()
}

// toolsUnreachableText explains why no budget reaches the target of r:
// the engine's reason, its first warning, in the interface language.
func toolsUnreachableText(r simulate.GoalSeekResult, cur string, l plan.Language) string {
	if len(r.Warnings) == 0 {
		return ""
	}
	return display.Text(r.Warnings[0].Msg, l, cur)
}

// toolsMetricAmount writes value v of a goal seek metric with its noun,
// as a sentence reads: "250 clients", "12 000 € de chiffre d'affaires".
func toolsMetricAmount(metric string, v decimal.Decimal, cur string, l plan.Language) string {
	if toolsMoneyMetrics[metric] {
		data := map[string]any{"N": widgets.RoundMoney(v, cur, l)}
		switch metric {
		case "revenue":
			return lang.L("{{.N}} of revenue", data)
		case "gross_margin":
			return lang.L("{{.N}} of gross margin", data)
		default:
			return lang.L("{{.N}} of net profit", data)
		}
	}
	num := display.Count(v, l)
	if v.Abs().LessThan(decimal.NewFromInt(100)) && !v.Equal(v.Round(0)) {
		num = display.Decimal(v, 1, l)
	}
	data := map[string]any{"N": num}
	switch metric {
	case "customers", "conversions":
		if (l == plan.LangEN && v.Equal(decimal.NewFromInt(1))) || (l != plan.LangEN && v.Abs().LessThan(decimal.NewFromInt(2))) {
			return lang.L("{{.N}} customer", data)
		}
		return lang.L("{{.N}} customers", data)
	case "leads":
		return lang.L("{{.N}} leads", data)
	case "mql":
		return lang.L("{{.N}} MQLs", data)
	case "sql":
		return lang.L("{{.N}} SQLs", data)
	case "clicks", "interactions":
		return lang.L("{{.N}} clicks", data)
	default:
		return lang.L("{{.N}} impressions", data)
	}
}
