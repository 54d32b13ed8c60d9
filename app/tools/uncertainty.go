package tools

import (
	"context"
	"errors"
	"strconv"
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

// toolsMaxRuns is the largest number of Monte Carlo runs the screen asks
// for (as the command line).
const toolsMaxRuns = 1_000_000

// toolsUncertainty is the Monte Carlo tab: how many simulations and which
// seed, Run and Cancel, a progress bar, then P10/P50/P90/mean of the main
// figures, the chance of each objective and a histogram.
type toolsUncertainty struct {
	v *View
	toolsRun

	runs, seed             *widget.Entry
	runsEdited, seedEdited bool // the user typed a value: Refresh keeps it
	setting                bool // the code is setting an entry (not the user)
	run, cancel            *widget.Button
	progress               *widget.ProgressBar

	headline   *widgets.WrapLabel // what to expect, in words (never split inside a number)
	table      *fyne.Container    // holds the P10/P50/P90 table
	notes      *widget.Label      // undefined runs, what P10 and P90 mean
	objectives *fyne.Container    // one line per objective
	figure     *widget.Select     // the figure of the histogram
	figures    []string           // names of the figure options, in order
	chart      *canvas.Image
	chartNote  *widget.Label
	results    *fyne.Container // everything below the status line

	cancelRun context.CancelFunc
	result    simulate.UncertaintyResult
	chartTask widgets.Task // draws the histogram of another figure
	content   fyne.CanvasObject
}

// newToolsUncertainty builds the uncertainty tab of v, with no result.
func newToolsUncertainty(v *View) *toolsUncertainty {
	s := &toolsUncertainty{v: v, toolsRun: newToolsRun()}
	s.runs = widget.NewEntry()
	s.runs.SetPlaceHolder(strconv.Itoa(simulate.DefaultRuns))
	s.runs.OnChanged = func(string) {
		if !s.setting {
			s.runsEdited = true
		}
	}
	s.seed = widget.NewEntry()
	s.seed.SetPlaceHolder("1")
	s.seed.OnChanged = func(string) {
		if !s.setting {
			s.seedEdited = true
		}
	}
	s.run = toolsRunButton(s.onRun)
	s.cancel = widget.NewButton(lang.L("Cancel"), s.onCancel)
	s.cancel.Disable()
	s.progress = widget.NewProgressBar()
	s.progress.Hide() // shown while a run is under way: no 0 % bar before anything runs

	s.headline = toolsHeadline()
	s.table = container.NewStack()
	s.notes = widgets.Label("")
	s.notes.TextStyle.Italic = true
	s.objectives = container.NewVBox()
	s.figures = simulate.UncertaintyFigures
	opts := make([]string, len(s.figures))
	for i, f := range s.figures {
		opts[i] = display.Label(f, widgets.Lang())
	}
	s.figure = widget.NewSelect(opts, func(string) { s.onFigure() })
	s.chart = newToolsChartImage(toolsHistogramSize)
	s.chartNote = widgets.Label("")
	s.chartNote.Importance = widget.LowImportance
	s.chartNote.Hide()
	histRow := container.NewHBox(widget.NewLabel(lang.L("Histogram of")), s.figure)
	s.results = toolsResults(s.headline, s.table, s.notes, s.objectives, histRow, s.chart, s.chartNote)

	intro := widgets.Intro(lang.L("Draws every uncertain rate of the plan (its range) thousands of times to show what to expect, from a bad case to a good one."))
	row := container.NewHBox(widget.NewLabel(lang.L("Simulations")), toolsSized(s.runs, 120),
		widget.NewLabel(lang.L("Seed")), toolsSized(s.seed, 90), s.run, s.cancel)
	controls := container.NewVBox(intro, row, s.progress)
	s.content = toolsPage(controls, &s.toolsRun, s.results)
	return s
}

// planChanged refreshes the defaults the user has not typed over and the
// stale banner. It runs on the UI goroutine.
func (s *toolsUncertainty) planChanged() {
	p := s.v.current
	s.setting = true
	if !s.runsEdited && !s.v.focused(s.runs) {
		runs := p.Simulation.Runs
		if runs <= 0 {
			runs = simulate.DefaultRuns
		}
		s.runs.SetText(strconv.Itoa(runs))
	}
	if !s.seedEdited && !s.v.focused(s.seed) {
		s.seed.SetText(strconv.FormatInt(p.Simulation.Seed, 10))
	}
	s.setting = false
	s.showStale(p)
}

// onRun starts a Monte Carlo simulation of the current plan in a
// goroutine, replacing one under way.
func (s *toolsUncertainty) onRun() {
	v := s.v
	if !v.hasPlan {
		s.setStatus(lang.L("No plan to simulate yet."), widget.DangerImportance)
		return
	}
	runs, err := strconv.Atoi(strings.TrimSpace(toolsDigits(s.runs.Text)))
	if err != nil || runs < 1 || runs > toolsMaxRuns {
		s.setStatus(lang.L("Simulations: write a whole number from 1 to 1,000,000, e.g. 10000."), widget.DangerImportance)
		return
	}
	seed, err := strconv.ParseInt(strings.TrimSpace(s.seed.Text), 10, 64)
	if err != nil {
		s.setStatus(lang.L("Seed: write a whole number, e.g. 1."), widget.DangerImportance)
		return
	}
	if s.cancelRun != nil {
		s.cancelRun()
	}
	// Cancel stops this run and still shows that it stopped: its own
	// context, besides the task's (which a newer run cancels, dropping
	// what this one hands back).
	userCtx, cancel := context.WithCancel(context.Background())
	s.cancelRun = cancel
	p := v.current.Clone()
	s.running = true
	s.run.Disable()
	s.cancel.Enable()
	s.progress.SetValue(0)
	s.progress.Show()
	s.setStatus(lang.L("Simulating…"), widget.MediumImportance)

	chartOpts := v.toolsChartOptions(p, toolsHistogramSize)
	figure := s.selectedFigure()
	seqc := make(chan int, 1) // the run's number, for its progress reports
	seqc <- s.task.Start(func(taskCtx context.Context) func() {
		seq := <-seqc
		ctx, stop := context.WithCancel(taskCtx)
		defer stop()
		defer context.AfterFunc(userCtx, stop)()
		last := -1 // the last percentage shown; Progress calls come one at a time
		progress := func(done, total int) {
			pct := done * 100 / total
			if pct == last {
				return
			}
			last = pct
			s.task.Send(seq, func() {
				if !s.running {
					return
				}
				s.progress.SetValue(float64(done) / float64(total))
				s.setStatus(lang.L("Simulating…")+" "+display.Count(decimal.NewFromInt(int64(done)), widgets.Lang())+
					" / "+display.Count(decimal.NewFromInt(int64(total)), widgets.Lang()), widget.MediumImportance)
			})
		}
		res, err := widgets.Compute(func() (simulate.UncertaintyResult, error) {
			return simulate.Uncertainty(ctx, p, simulate.UncertaintyOptions{Runs: runs, Seed: &seed, Progress: progress})
		})
		var img []byte
		var chartErr error
		if err == nil {
			img, chartErr = toolsHistogramPNG(res, figure, chartOpts)
		}
		return func() {
			cancel()
			s.cancelRun = nil
			s.running = false
			s.run.Enable()
			s.cancel.Disable()
			s.progress.Hide() // the status line says how it ended
			switch {
			case errors.Is(err, context.Canceled):
				s.progress.SetValue(0)
				s.setStatus(lang.L("Cancelled."), widget.WarningImportance)
				return
			case err != nil:
				s.progress.SetValue(0)
				s.setStatus(widgets.ErrorText(err), widget.DangerImportance)
				return
			}
			s.progress.SetValue(1)
			s.result, s.runPlan, s.has = res, p, true
			s.show(p)
			s.chartTask.Cancel() // a histogram drawn for the previous result
			s.showChart(img, chartErr)
			if s.selectedFigure() != figure { // picked another figure meanwhile
				s.startChart()
			}
			s.showStale(v.current)
		}
	})
}

// onCancel stops the simulation under way; its goroutine then says so.
func (s *toolsUncertainty) onCancel() {
	if s.cancelRun != nil && s.running {
		s.cancelRun()
		s.cancel.Disable()
		s.setStatus(lang.L("Cancelling…"), widget.WarningImportance)
	}
}

// selectedFigure returns the name of the figure the histogram shows
// (customers until the user picks another).
func (s *toolsUncertainty) selectedFigure() string {
	if i := s.figure.SelectedIndex(); i >= 0 && i < len(s.figures) {
		return s.figures[i]
	}
	return "customers"
}

// onFigure draws the histogram of the figure just selected. It runs on
// the UI goroutine (see View).
func (s *toolsUncertainty) onFigure() {
	if !s.has || s.setting {
		return
	}
	s.startChart()
}

// startChart draws the histogram of the selected figure of s.result in a
// goroutine (s.chartTask); a later drawing replaces it.
func (s *toolsUncertainty) startChart() {
	res, figure := s.result, s.selectedFigure()
	opts := s.v.toolsChartOptions(s.runPlan, toolsHistogramSize)
	s.chartTask.Start(func(context.Context) func() {
		img, err := toolsHistogramPNG(res, figure, opts)
		return func() { s.showChart(img, err) }
	})
}

// showChart shows a chart's PNG, or says why there is none.
func (s *toolsUncertainty) showChart(data []byte, err error) {
	toolsSetChart(s.chart, s.chartNote, data, err)
}

// show fills the results from s.result, computed for p. It runs on the UI
// goroutine.
func (s *toolsUncertainty) show(p plan.Plan) {
	l := widgets.Lang()
	cur := widgets.Currency(p)
	r := s.result
	runs := display.Count(decimal.NewFromInt(int64(r.Runs)), l)
	status := lang.L("Done: {{.Runs}} simulations, seed {{.Seed}}. The same seed gives the same figures.",
		map[string]any{"Runs": runs, "Seed": r.Seed})
	s.setStatus(status, widget.SuccessImportance)

	var head []string
	if cu, ok := r.Figure("customers"); ok && cu.P10.Valid {
		head = append(head, lang.L("Out of {{.Runs}} simulations, 8 in 10 give between {{.Low}} and {{.High}} customers.",
			map[string]any{"Runs": runs, "Low": display.Count(cu.P10.Decimal, l), "High": display.Count(cu.P90.Decimal, l)}))
	}
	if np, ok := r.Figure("net_profit"); ok && np.P10.Valid {
		switch {
		case np.P90.Decimal.Sign() < 0:
			head = append(head, lang.L("Even in the good cases (P90) the campaign loses money: {{.Amount}} of net profit.",
				map[string]any{"Amount": widgets.RoundMoney(np.P90.Decimal, cur, l)}))
		case np.P10.Decimal.Sign() < 0:
			head = append(head, lang.L("One simulation in 10 makes less than {{.Amount}} of net profit: be ready to absorb a loss.",
				map[string]any{"Amount": widgets.RoundMoney(np.P10.Decimal, cur, l)}))
		default:
			head = append(head, lang.L("Nine simulations in 10 make at least {{.Amount}} of net profit: the campaign pays even if the rates disappoint.",
				map[string]any{"Amount": widgets.RoundMoney(np.P10.Decimal, cur, l)}))
		}
	}
	if !simulate.HasUncertainty(p) {
		head = append(head, lang.L("The plan gives no range: every simulation equals the plan. Give a range (low, high) to the rates you are unsure of."))
	}
	s.headline.SetText(strings.Join(head, "\n"))

	header := []string{lang.L("Figure"), lang.L("Plan"), lang.L("P10 (low)"), lang.L("P50 (median)"), lang.L("P90 (high)"), lang.L("Mean")}
	var rows [][]string
	var notes []string
	for _, d := range r.Figures {
		spec, _ := simulate.SpecOf(d.Name)
		f := func(x decimal.NullDecimal) string { return display.Figure(spec, x, cur, l) }
		rows = append(rows, []string{display.Label(d.Name, l), f(spec.Get(r.Base)), f(d.P10), f(d.P50), f(d.P90), f(d.Mean)})
		if d.Undefined > 0 {
			notes = append(notes, lang.L("{{.Figure}}: undefined in {{.N}} simulations (no customer), left out.",
				map[string]any{"Figure": display.Label(d.Name, l), "N": display.Count(decimal.NewFromInt(int64(d.Undefined)), l)}))
		}
	}
	s.table.Objects = []fyne.CanvasObject{widgets.Table(header, rows, 1)}
	s.table.Refresh()
	notes = append(notes, lang.L("8 simulations in 10 fall between P10 and P90; half are below the median (P50)."))
	s.notes.SetText(strings.Join(notes, "\n"))

	s.objectives.Objects = nil
	if len(r.Objectives) > 0 {
		title := widget.NewLabel(lang.L("Chances of meeting the objectives"))
		title.TextStyle.Bold = true
		s.objectives.Add(title)
	}
	for i, o := range r.Objectives {
		name := o.ID
		if i < len(p.Objectives) && strings.TrimSpace(p.Objectives[i].Statement) != "" {
			name = p.Objectives[i].Statement
		}
		line := lang.L("Probability of meeting {{.Objective}}: {{.Percent}}",
			map[string]any{"Objective": widgets.Quote(l, name), "Percent": display.Percent(o.Probability, l)})
		line += " — " + toolsChanceAdvice(o.Probability)
		s.objectives.Add(widgets.Label(line))
	}
	s.objectives.Refresh()
	if s.figure.SelectedIndex() < 0 {
		s.setting = true
		s.figure.SetSelectedIndex(0)
		s.setting = false
	}
	s.results.Show()
	s.content.Refresh()
}

// toolsChanceAdvice says what a probability of meeting an objective means
// for the owner, by its level (simulate.ChanceLevelOf).
func toolsChanceAdvice(pr decimal.Decimal) string {
	switch simulate.ChanceLevelOf(pr) {
	case simulate.ChanceNearlyCertain:
		return lang.L("nearly certain")
	case simulate.ChanceLikely:
		return lang.L("likely but not certain: watch the first results")
	case simulate.ChanceRisky:
		return lang.L("risky: strengthen the channels that matter most (see Sensitivity) or revise the objective")
	default:
		return lang.L("out of reach with this plan: change the plan or the objective")
	}
}

// toolsDigits removes the grouping a person may type in a whole number
// ("10 000", "10,000", "10.000").
func toolsDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', ',', '.', '\'':
			return -1
		}
		return r
	}, s)
}
