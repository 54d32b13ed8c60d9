package tracking

import (
	"context"
	"image"

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
// tracking, the re-forecast and the chances are computed through a
// widgets.Task (off the UI goroutine; what they hand back runs on it, and
// is dropped once a newer plan came). Only UI-goroutine code touches the
// state, so no mutex guards it (the tests set the task's Post to a queue
// they drain).
type View struct {
	win  fyne.Window
	edit widgets.EditFunc

	current plan.Plan
	hasPlan bool
	task    widgets.Task // computes the tracking of the plan on screen

	root    *fyne.Container // the stack: empty page or tracking page
	empty   fyne.CanvasObject
	page    fyne.CanvasObject
	status  *widget.Label
	body    *fyne.Container // the computed sections
	attrib  *fyne.Container // the attribution section
	lastErr []string        // the problems of the latest refused import (for the tests)

	// goWork runs the background work of the view's Tasks (the import
	// dialog's readings, the paths file) off the UI goroutine (`go f()`;
	// the tests queue f).
	goWork func(f func())
	// pathsTask reads and parses a conversion paths file (ShowImportPaths).
	pathsTask widgets.Task
	// imp is the import dialog open, nil when none.
	imp *Importer

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
		widgets.Label(lang.L("French spreadsheets work as they are: ';' as separator and decimal commas (1 234,50). Google Ads, Meta Ads Manager and Mailchimp reports are read as downloaded (CSV, Excel CSV, .xlsx): the import shows what it will bring, month by month, and asks which channel takes each campaign it cannot place.")),
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
	if v.hasPlan && widgets.SamePlan(p, v.current) {
		return
	}
	v.current = p.Clone()
	v.hasPlan = true
	v.task.Cancel() // whatever is still running is for an older plan
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
	v.start(v.current.Clone(), v.trendOptions(v.current))
}

// start computes the tracking of p, then the objectives' chances, off the
// UI goroutine (v.task): the tracking shows as soon as it is known, the
// chances after it.
func (v *View) start(p plan.Plan, o chart.Options) {
	seqc := make(chan int, 1) // the computation's number, for its first report
	seqc <- v.task.Start(func(ctx context.Context) func() {
		seq := <-seqc
		t, err := widgets.Compute(func() (simulate.Tracking, error) { return simulate.Track(p) })
		var trends []image.Image
		if err == nil {
			trends = trackingTrends(t, p, o)
		}
		v.task.Send(seq, func() {
			if err != nil {
				v.tracking = nil
				v.body.Objects = nil
				v.body.Refresh()
				v.status.Importance = widget.DangerImportance
				v.status.SetText(lang.L("The actuals cannot be compared with the plan:") + " " + widgets.ErrorDetail(err))
				return
			}
			v.shown, v.tracking, v.trends, v.chances, v.chanceOK = p, &t, trends, nil, false
			v.status.Importance = widget.MediumImportance
			v.status.SetText(lang.L("Calculating the chances of the objectives…"))
			v.rebuild()
		})
		if err != nil || len(p.Objectives) == 0 {
			return func() {
				if err == nil {
					v.status.SetText("")
				}
			}
		}
		opt := simulate.UncertaintyOptions{Runs: trackingChanceRuns}
		ch, cerr := widgets.Compute(func() ([]simulate.ObjectiveChance, error) {
			return simulate.ReforecastChances(ctx, t.Reforecast, opt)
		})
		return func() {
			if cerr != nil {
				v.status.Importance = widget.WarningImportance
				v.status.SetText(lang.L("The chances of the objectives cannot be calculated:") + " " + widgets.ErrorDetail(cerr))
				return
			}
			v.chances, v.chanceOK = ch, true
			v.status.SetText("")
			v.rebuild()
		}
	})
}

// stop cancels the computation under way, if any, and waits until no
// goroutine of the view is left running (a window that closes, a test that
// ends: a computation left behind would touch widgets that are gone).
func (v *View) stop() {
	v.task.Cancel()
	v.task.Wait()
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
