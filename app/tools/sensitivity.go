package tools

import (
	"context"

	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"
)

// toolsSensitivityRows is how many inputs the sensitivity table lists
// (the tornado chart shows them all).
const toolsSensitivityRows = 10

// toolsSensitivityMetrics are the figures the tornado can watch.
var toolsSensitivityMetrics = []string{"net_profit", "customers"}

// toolsSensitivity is the sensitivity tab: the figure to watch, Run; then
// a sentence naming the input that matters most, the tornado chart and a
// table of the inputs that matter most.
type toolsSensitivity struct {
	v *View
	toolsRun

	metric *widget.Select
	run    *widget.Button

	headline  *widgets.WrapLabel // never split inside a number
	chart     *canvas.Image
	chartNote *widget.Label
	table     *fyne.Container
	more      *widget.Label
	results   *fyne.Container

	result  simulate.SensitivityResult
	content fyne.CanvasObject
}

// newToolsSensitivity builds the sensitivity tab of v, with no result.
func newToolsSensitivity(v *View) *toolsSensitivity {
	s := &toolsSensitivity{v: v, toolsRun: newToolsRun()}
	opts := make([]string, len(toolsSensitivityMetrics))
	for i, m := range toolsSensitivityMetrics {
		opts[i] = display.Label(m, widgets.Lang())
	}
	s.metric = widget.NewSelect(opts, nil)
	s.metric.SetSelectedIndex(0)
	s.run = toolsRunButton(s.onRun)

	s.headline = toolsHeadline()
	s.chart = newToolsChartImage(toolsTornadoSize)
	s.chartNote = widgets.Label("")
	s.chartNote.Importance = widget.LowImportance
	s.chartNote.Hide()
	s.table = container.NewStack()
	s.more = widgets.Label("")
	s.more.TextStyle.Italic = true
	s.results = toolsResults(s.headline, s.chart, s.chartNote, s.table, s.more)

	intro := widgets.Intro(lang.L("Moves each uncertain input alone to the ends of its range (or ±20% without a range) to show which figures of the plan matter most: check those first."))
	row := container.NewHBox(widget.NewLabel(lang.L("Figure to watch")), toolsSized(s.metric, 200), s.run)
	controls := container.NewVBox(intro, row)
	s.content = toolsPage(controls, &s.toolsRun, s.results)
	return s
}

// planChanged refreshes the stale banner. It runs on the UI goroutine.
func (s *toolsSensitivity) planChanged() { s.showStale(s.v.current) }

// onRun computes the tornado of the current plan in a goroutine, and
// draws its chart there too.
func (s *toolsSensitivity) onRun() {
	v := s.v
	if !v.hasPlan {
		s.setStatus(lang.L("No plan yet."), widget.DangerImportance)
		return
	}
	metric := toolsSensitivityMetrics[0]
	if i := s.metric.SelectedIndex(); i >= 0 && i < len(toolsSensitivityMetrics) {
		metric = toolsSensitivityMetrics[i]
	}
	p := v.current.Clone()
	s.running = true
	s.run.Disable()
	s.setStatus(lang.L("Calculating…"), widget.MediumImportance)
	opts := v.toolsChartOptions(p, toolsTornadoSize)
	s.task.Start(func(context.Context) func() {
		res, err := widgets.Compute(func() (simulate.SensitivityResult, error) { return simulate.Sensitivity(p, metric) })
		var img []byte
		var chartErr error
		if err == nil {
			img, chartErr = toolsTornadoPNG(res, opts)
		}
		return func() {
			s.running = false
			s.run.Enable()
			if err != nil {
				s.setStatus(widgets.ErrorText(err), widget.DangerImportance)
				return
			}
			s.result, s.runPlan, s.has = res, p, true
			s.show(p)
			toolsSetChart(s.chart, s.chartNote, img, chartErr)
			if len(res.Inputs) == 0 {
				s.chart.Hide()
				s.chartNote.Hide()
			}
			s.showStale(v.current)
		}
	})
}

// show fills the results from s.result, computed for p. It runs on the UI
// goroutine.
func (s *toolsSensitivity) show(p plan.Plan) {
	l := widgets.Lang()
	cur := widgets.Currency(p)
	r := s.result
	spec, _ := simulate.SpecOf(r.Metric)
	f := func(x decimal.NullDecimal) string { return display.Figure(spec, x, cur, l) }
	figure := display.Label(r.Metric, l)
	s.setStatus(lang.L("Done."), widget.SuccessImportance)

	lines := []string{lang.L("With the plan as written: {{.Figure}} {{.Value}}.",
		map[string]any{"Figure": widgets.LowerFirst(figure), "Value": f(r.Base)})}
	s.table.Objects = nil
	s.more.SetText("")
	if len(r.Inputs) == 0 {
		lines = append(lines, lang.L("No uncertain input to move in this plan."))
	} else {
		top := r.Inputs[0]
		if top.Swing.Valid && top.Swing.Decimal.Sign() > 0 {
			lo, hi := top.ValueLow, top.ValueHigh
			if lo.Valid && hi.Valid && lo.Decimal.GreaterThan(hi.Decimal) {
				lo, hi = hi, lo
			}
			say := f // the sentence reads money to the whole unit
			if spec.Unit == simulate.Money {
				say = func(x decimal.NullDecimal) string { return widgets.RoundMoney(x.Decimal, cur, l) }
			}
			lines = append(lines, lang.L("What matters most: {{.Input}} of {{.Channel}} ({{.Figure}} from {{.Low}} to {{.High}}).",
				map[string]any{"Input": widgets.LowerFirst(display.Label(top.Input, l)), "Channel": widgets.Quote(l, widgets.ChannelName(p, top.Channel)),
					"Figure": widgets.LowerFirst(figure), "Low": say(lo), "High": say(hi)}))
			lines = append(lines, lang.L("Check this figure first: a small test (one send, one week of ads) beats a guess."))
		}
		header := []string{lang.L("Channel"), lang.L("Input"), lang.L("Low"), lang.L("High"), lang.L("If low"), lang.L("If high"), lang.L("Swing")}
		var rows [][]string
		for i, in := range r.Inputs {
			if i == toolsSensitivityRows {
				break
			}
			what := display.Label(in.Input, l)
			if !in.Ranged {
				what += " (±20" + toolsPercentSign(l) + ")"
			}
			fine := in.Fine()
			rows = append(rows, []string{widgets.ChannelName(p, in.Channel), what, toolsInputValue(in.Input, in.Low, fine, cur, l),
				toolsInputValue(in.Input, in.High, fine, cur, l), f(in.ValueLow), f(in.ValueHigh), f(in.Swing)})
		}
		s.table.Objects = []fyne.CanvasObject{widgets.Table(header, rows, 2)}
		note := lang.L("Low and high: the plan's range, else ±20% of the plan value.")
		if n := len(r.Inputs) - toolsSensitivityRows; n > 0 {
			note = lang.L("{{.N}} inputs that matter less are not listed.", map[string]any{"N": n}) + " " + note
		}
		s.more.SetText(note)
	}
	s.headline.SetText(strings.Join(lines, "\n"))
	s.table.Refresh()
	s.results.Show()
	s.content.Refresh()
}

// toolsPercentSign is "%" with the language's spacing: " %" in French
// (narrow no-break space), "%" in English.
func toolsPercentSign(l plan.Language) string {
	if l == plan.LangEN {
		return "%"
	}
	return display.NarrowNBSP + "%"
}

// toolsInputValue writes a channel input for people, by the unit
// simulate.ValueUnit gives it: money with its fractions of a cent, a rate
// as a percentage (two decimals when fine), else a whole number.
func toolsInputValue(name string, v decimal.Decimal, fine bool, cur string, l plan.Language) string {
	switch u, _ := simulate.ValueUnit(name); u {
	case simulate.Money:
		return display.MoneyExact(v, cur, l)
	case simulate.Rate:
		if fine {
			return display.Decimal(v.Shift(2), 2, l) + toolsPercentSign(l)
		}
		return display.Percent(v, l)
	}
	return display.Decimal(v, 0, l)
}
