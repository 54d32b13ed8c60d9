package tracking

import (
	"context"
	"image"
	"sync"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// trackingChanceRuns is the number of Monte Carlo runs behind each
// objective's updated chance (a variable for the tests).
var trackingChanceRuns = 1000

// View is the tracking screen: the plan's actuals beside the plan.
// Without actuals it explains what to import and offers the Import button;
// with actuals it shows the dashboard by life-cycle stage, the channels'
// plan vs actual, the re-forecast with each objective's updated chance,
// the engagement score and, after an import of conversion paths, the
// attribution models side by side (kept in the view, not in the plan).
//
// Threading follows tools.View: handlers run on the UI goroutine; the
// tracking, the re-forecast and the chances are computed in a goroutine
// and reach the widgets only through fyne.Do, tagged with the plan they
// were computed for (a result for an older plan is dropped). A mutex
// guards the state because the test driver runs fyne.Do callbacks on the
// calling goroutine.
type View struct {
	win  fyne.Window
	edit widgets.EditFunc

	mu      sync.Mutex
	current plan.Plan
	hasPlan bool
	seq     int                // number of the latest computation
	cancel  context.CancelFunc // stops the latest chances computation
	running sync.WaitGroup     // the computations under way

	root    *fyne.Container // the stack: empty page or tracking page
	empty   fyne.CanvasObject
	page    fyne.CanvasObject
	status  *widget.Label
	body    *fyne.Container // the computed sections
	attrib  *fyne.Container // the attribution section
	lastErr []string        // the problems of the latest refused import (for the tests)

	// goWork runs an import's reading and parsing off the UI goroutine
	// (`go f()`; the tests queue f); importing is true meanwhile.
	goWork    func(f func())
	importing bool

	// What is on screen: the tracking of shown, and the chances when known.
	shown    plan.Plan
	tracking *simulate.Tracking
	trends   []image.Image // each dashboard KPI's trend chart (nil: none)
	chances  []simulate.ObjectiveChance
	chanceOK bool

	// The conversion paths imported, and their attribution for the plan on
	// screen.
	paths     []plan.ConversionPath
	pathsFile string
}

var _ widgets.Panel = (*View)(nil)

// NewView builds the tracking screen for window w. edit records an
// import of actuals as one undoable edit. The screen shows nothing until
// the first Refresh gives it a plan.
func NewView(w fyne.Window, edit widgets.EditFunc) *View {
	v := &View{win: w, edit: edit, goWork: func(f func()) { go f() }}
	v.status = widgets.Label("")
	v.body = container.NewVBox()
	v.attrib = container.NewVBox()
	importBtn := widget.NewButton(lang.L("Import actuals…"), v.ShowImportActuals)
	importBtn.Importance = widget.HighImportance
	v.empty = container.NewVScroll(container.NewVBox(
		trackingTitle(lang.L("No actuals yet")),
		widgets.Label(lang.L("Import what the campaign really did, month by month, to compare it with the plan, see which indicators lag and get a new end-of-plan forecast.")),
		widgets.Label(lang.L("The CSV file has one row per channel and month, with the columns channel, month, spend, exposures, interactions, leads, customers, revenue, cogs (exposures, interactions, leads and cogs may be left empty). channel is the channel's id, month the plan month (1, 2, 3…).")),
		widgets.Label(lang.L("French spreadsheets work as they are: ';' as separator and decimal commas (1 234,50). Google Ads campaign reports and Mailchimp campaign exports are read directly: name the campaign like the channel, or start it with [channel id].")),
		container.NewHBox(widget.NewButton(lang.L("Import actuals…"), v.ShowImportActuals)),
	))
	top := container.NewVBox(container.NewHBox(importBtn,
		widget.NewButton(lang.L("Import conversion paths…"), v.ShowImportPaths)), v.status)
	v.page = container.NewBorder(top, nil, nil, nil,
		container.NewVScroll(container.NewVBox(v.body, v.attrib)))
	v.page.Hide()
	v.root = container.NewStack(v.empty, v.page)
	return v
}

// Widget returns the screen's root object.
func (v *View) Widget() fyne.CanvasObject { return v.root }

// Refresh shows p's actuals beside p. When p has actuals and differs from
// the plan on screen, the tracking is computed again in a goroutine; r is
// not used.
func (v *View) Refresh(p plan.Plan, _ *widgets.Results) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.hasPlan && widgets.SamePlan(p, v.current) {
		return
	}
	v.current = p.Clone()
	v.hasPlan = true
	v.seq++
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
	if len(p.Actuals) == 0 {
		v.tracking = nil
		v.page.Hide()
		v.empty.Show()
		v.root.Refresh()
		return
	}
	v.empty.Hide()
	v.page.Show()
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.L("Calculating…"))
	v.showAttribution()
	v.root.Refresh()
	v.start(v.seq, v.current.Clone(), v.trendOptions(v.current))
}

// start computes the tracking of p, then the objectives' chances, in a
// goroutine; seq is the computation's number.
func (v *View) start(seq int, p plan.Plan, o chart.Options) {
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	v.running.Add(1)
	go func() {
		defer v.running.Done()
		t, err := widgets.Compute(func() (simulate.Tracking, error) { return simulate.Track(p) })
		var trends []image.Image
		if err == nil {
			trends = trackingTrends(t, p, o)
		}
		v.do(func() {
			if seq != v.seq {
				return // for an older plan
			}
			if err != nil {
				v.tracking = nil
				v.body.Objects = nil
				v.body.Refresh()
				v.status.Importance = widget.DangerImportance
				v.status.SetText(lang.L("The actuals cannot be compared with the plan:") + " " + err.Error())
				return
			}
			v.shown, v.tracking, v.trends, v.chances, v.chanceOK = p, &t, trends, nil, false
			v.status.Importance = widget.MediumImportance
			v.status.SetText(lang.L("Calculating the chances of the objectives…"))
			v.rebuild()
		})
		if err != nil || len(p.Objectives) == 0 {
			v.do(func() {
				if seq == v.seq && err == nil {
					v.status.SetText("")
				}
			})
			return
		}
		opt := simulate.UncertaintyOptions{Runs: trackingChanceRuns}
		ch, cerr := widgets.Compute(func() ([]simulate.ObjectiveChance, error) {
			return simulate.ReforecastChances(ctx, t.Reforecast, opt)
		})
		v.do(func() {
			if seq != v.seq || ctx.Err() != nil {
				return
			}
			if cerr != nil {
				v.status.Importance = widget.WarningImportance
				v.status.SetText(lang.L("The chances of the objectives cannot be calculated:") + " " + cerr.Error())
				return
			}
			v.chances, v.chanceOK = ch, true
			v.status.SetText("")
			v.rebuild()
		})
	}()
}

// stop cancels the computation under way, if any, and waits until no
// goroutine of the view is left running (a window that closes, a test that
// ends: a computation left behind would touch widgets that are gone).
func (v *View) stop() {
	v.mu.Lock()
	v.seq++ // whatever is still running is now for an older plan
	if v.cancel != nil {
		v.cancel()
		v.cancel = nil
	}
	v.mu.Unlock()
	v.running.Wait()
}

// do runs f on the UI goroutine with the screen's state locked.
func (v *View) do(f func()) {
	fyne.Do(func() {
		v.mu.Lock()
		defer v.mu.Unlock()
		f()
	})
}

// rebuild lays the computed sections out again from the state.
func (v *View) rebuild() {
	if v.tracking == nil {
		return
	}
	v.body.Objects = trackingSections(v.shown, *v.tracking, v.trends, v.chances, v.chanceOK)
	v.body.Refresh()
}

// trackingTrendSize is the size of one KPI's trend chart, in Fyne units.
var trackingTrendSize = fyne.NewSize(340, 190)

// trendOptions returns the options of the trend charts for the screen
// (UI goroutine): pixels for the window's scale, the interface language,
// p's currency, the theme's variant.
func (v *View) trendOptions(p plan.Plan) chart.Options {
	scale := float32(1)
	if v.win != nil && v.win.Canvas() != nil && v.win.Canvas().Scale() > 0 {
		scale = v.win.Canvas().Scale()
	}
	o := chart.Options{
		Width:    int(trackingTrendSize.Width * scale),
		Height:   int(trackingTrendSize.Height * scale),
		Lang:     widgets.Lang(),
		Currency: widgets.Currency(p),
		Names:    chart.ChannelNames(p),
		Scale:    float64(scale),
	}
	if a := fyne.CurrentApp(); a != nil && a.Settings().ThemeVariant() == theme.VariantDark {
		o.Theme = chart.Dark
	}
	return o
}

// trackingTrends draws each dashboard KPI's trend (nil where it fails; the
// view then writes the months out).
func trackingTrends(t simulate.Tracking, p plan.Plan, o chart.Options) []image.Image {
	out := make([]image.Image, len(t.Dashboard.KPIs))
	for i, k := range t.Dashboard.KPIs {
		data, err := widgets.Compute(func() ([]byte, error) { return chart.Trend(k, p.Info.Start, o) })
		if err != nil {
			continue
		}
		if m, err := widgets.DecodePNG(data); err == nil {
			out[i] = m
		}
	}
	return out
}
