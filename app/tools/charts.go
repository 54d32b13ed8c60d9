package tools

import (
	"bytes"
	"image"
	"image/png"
	"sync"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Size of the charts screen's pictures, in Fyne units (pixels at scale 1):
// they are drawn at this size times the window's scale and shown scaled
// to fit their cell, keeping their proportions.
const (
	chartsWidth  = 800
	chartsHeight = 450
)

// The charts of the charts screen, in display order.
const (
	chartFunnel = iota
	chartCostVsCustomers
	chartTimeline
	chartBreakEven
	chartMonthlyCost
	chartScenarios
	chartCount
)

// ChartsView is the charts screen: the funnel of one channel (chosen in
// a select), cost against customers by channel, the customers timeline
// against the objectives, break-even, the monthly cost by channel and,
// when the plan has scenarios, the scenarios side by side. The pictures
// come from package chart; they are drawn in a goroutine only when the
// results change (a new Results.Version), the theme variant changes or
// the window's scale changes, and handed to the screen through fyne.Do,
// so the UI goroutine never waits for them.
type ChartsView struct {
	win  fyne.Window
	root fyne.CanvasObject

	channel   *widget.Select
	status    *widget.Label
	images    [chartCount]*canvas.Image
	scenarios fyne.CanvasObject // the scenarios cell, hidden without scenarios

	// mu guards the fields below: they are written on the UI goroutine
	// and by fyne.Do callbacks, which Fyne's test driver runs on the
	// rendering goroutine.
	mu       sync.Mutex
	drawn    renderKey        // what the pictures on screen were drawn for
	pending  renderKey        // what the running render is for
	gen      int              // number of renders started; a stale one is dropped
	funnels  []image.Image    // one funnel per channel of the drawn results
	chanIDs  []string         // channel ids, in the select's order
	selected int              // index of the channel shown in the funnel
	onDrawn  func(renderKey)  // test hook: called (locked) after pictures are set
	lastPlan plan.Plan        // the plan of last
	last     *widgets.Results // the last results given to Refresh
}

// renderKey says what a set of pictures was drawn for: a results version
// with a theme variant and a window scale.
type renderKey struct {
	version int
	dark    bool
	scale   float32
	set     bool // false until a render has been asked
}

var _ widgets.Panel = (*ChartsView)(nil)

// NewChartsView builds the charts screen for the window w (whose canvas
// scale sets the pictures' resolution).
func NewChartsView(w fyne.Window) *ChartsView {
	v := &ChartsView{win: w}
	v.status = widget.NewLabel(lang.L("Charts appear once the plan has been simulated."))
	v.status.Wrapping = fyne.TextWrapWord
	v.channel = widget.NewSelect(nil, v.onChannel)
	v.channel.PlaceHolder = lang.L("Channel")
	for i := range v.images {
		img := canvas.NewImageFromImage(nil)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		img.SetMinSize(fyne.NewSize(chartsWidth*0.55, chartsHeight*0.55))
		v.images[i] = img
	}
	funnel := container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Funnel of the channel")), nil, v.channel),
		nil, nil, nil, v.images[chartFunnel])
	v.scenarios = v.images[chartScenarios]
	v.scenarios.Hide()
	grid := container.NewGridWrap(fyne.NewSize(chartsWidth*0.62, chartsHeight*0.62+40),
		funnel, v.images[chartCostVsCustomers], v.images[chartTimeline],
		v.images[chartBreakEven], v.images[chartMonthlyCost], v.scenarios)
	v.root = container.NewBorder(v.status, nil, nil, nil, container.NewVScroll(grid))
	if a := fyne.CurrentApp(); a != nil {
		a.Settings().AddListener(func(fyne.Settings) { v.onSettings() })
	}
	return v
}

// Widget returns the screen's root object.
func (v *ChartsView) Widget() fyne.CanvasObject { return v.root }

// Refresh shows the charts of r (the results of p). Pictures are redrawn,
// in the background, only when r is a new version (or the theme or scale
// changed since they were drawn); while r is nil (the simulation of p
// still running) the pictures of the previous results stay.
func (v *ChartsView) Refresh(p plan.Plan, r *widgets.Results) {
	if r == nil {
		return
	}
	v.mu.Lock()
	v.lastPlan, v.last = p, r
	v.mu.Unlock()
	v.render(p, r)
}

// onSettings redraws the pictures when the theme variant changes.
func (v *ChartsView) onSettings() {
	fyne.Do(func() {
		v.mu.Lock()
		p, r := v.lastPlan, v.last
		v.mu.Unlock()
		if r != nil {
			v.render(p, r)
		}
	})
}

// key returns what pictures drawn now would be for: r's version, the
// current theme variant and the window's scale.
func (v *ChartsView) key(r *widgets.Results) renderKey {
	scale := float32(1)
	if v.win != nil && v.win.Canvas() != nil && v.win.Canvas().Scale() > 0 {
		scale = v.win.Canvas().Scale()
	}
	return renderKey{version: r.Version, dark: chartsDark(), scale: scale, set: true}
}

// chartsDark reports whether the current theme shows a dark background
// (the app's theme may force a variant, so the colour is asked, not the
// system's variant).
func chartsDark() bool {
	a := fyne.CurrentApp()
	if a == nil {
		return false
	}
	bg := a.Settings().Theme().Color(theme.ColorNameBackground, a.Settings().ThemeVariant())
	r, g, b, _ := bg.RGBA()
	// relative luminance, roughly; below half is dark
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

// render starts drawing every picture for r in a goroutine, unless the
// pictures on screen (or being drawn) are already for the same key.
func (v *ChartsView) render(p plan.Plan, r *widgets.Results) {
	k := v.key(r)
	v.mu.Lock()
	if k == v.drawn || k == v.pending {
		v.mu.Unlock()
		return
	}
	v.gen++
	gen := v.gen
	v.pending = k
	v.mu.Unlock()

	o := chart.Options{
		Width:    int(chartsWidth * k.scale),
		Height:   int(chartsHeight * k.scale),
		Lang:     widgets.Lang(),
		Currency: p.Info.Currency,
		Scale:    float64(k.scale),
	}
	if k.dark {
		o.Theme = chart.Dark
	}
	base := r.Base
	scenarios := r.Scenarios
	go func() {
		pics := chartsDraw(p, base, scenarios, o)
		fyne.Do(func() { v.show(gen, k, base, len(scenarios) > 1, pics) })
	}()
}

// chartsPictures are the decoded pictures of one render.
type chartsPictures struct {
	funnels []image.Image // per channel of the base result
	others  [chartCount]image.Image
	err     error // the first error, if any (its chart is left empty)
}

// chartsDraw draws every picture (off the UI goroutine).
func chartsDraw(p plan.Plan, base simulate.Result, scenarios []simulate.Result, o chart.Options) chartsPictures {
	var out chartsPictures
	keep := func(b []byte, err error) image.Image {
		if err == nil {
			var img image.Image
			if img, err = png.Decode(bytes.NewReader(b)); err == nil {
				return img
			}
		}
		if out.err == nil {
			out.err = err
		}
		return nil
	}
	for _, ch := range base.Channels {
		out.funnels = append(out.funnels, keep(chart.Funnel(ch, o)))
	}
	out.others[chartCostVsCustomers] = keep(chart.CostVsCustomers(base, o))
	out.others[chartTimeline] = keep(chart.CustomersTimeline(p, base, o))
	out.others[chartBreakEven] = keep(chart.BreakEven(base, o))
	out.others[chartMonthlyCost] = keep(chart.MonthlyCost(p, base, o))
	if len(scenarios) > 1 {
		out.others[chartScenarios] = keep(chart.Scenarios(scenarios, o))
	}
	return out
}

// show puts the pictures of render gen on screen, unless a later render
// has started since (its pictures are then stale). UI goroutine.
func (v *ChartsView) show(gen int, k renderKey, base simulate.Result, hasScenarios bool, pics chartsPictures) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if gen != v.gen {
		return
	}
	v.drawn, v.pending = k, renderKey{}
	v.funnels = pics.funnels

	// the channel select: keep the chosen channel when it still exists
	prev := ""
	if v.selected >= 0 && v.selected < len(v.chanIDs) {
		prev = v.chanIDs[v.selected]
	}
	v.chanIDs = v.chanIDs[:0]
	names := make([]string, len(base.Channels))
	v.selected = 0
	for i, ch := range base.Channels {
		v.chanIDs = append(v.chanIDs, ch.ID)
		names[i] = ch.Name
		if names[i] == "" {
			names[i] = ch.ID
		}
		if ch.ID == prev {
			v.selected = i
		}
	}
	v.channel.Options = names
	if len(names) > 0 {
		// SetSelectedIndex calls onChannel, which locks: set the text directly
		v.channel.Selected = names[v.selected]
	} else {
		v.channel.Selected = ""
	}
	v.channel.Refresh()

	for i := range v.images {
		if i == chartFunnel {
			continue
		}
		v.images[i].Image = pics.others[i]
		v.images[i].Refresh()
	}
	v.showFunnel()
	if hasScenarios {
		v.scenarios.Show()
	} else {
		v.scenarios.Hide()
	}
	switch {
	case pics.err != nil:
		v.status.SetText(lang.L("Some charts could not be drawn:") + " " + pics.err.Error())
		v.status.Show()
	default:
		v.status.Hide()
	}
	if v.onDrawn != nil {
		v.onDrawn(k)
	}
}

// showFunnel shows the funnel of the selected channel (locked).
func (v *ChartsView) showFunnel() {
	img := v.images[chartFunnel]
	img.Image = nil
	if v.selected >= 0 && v.selected < len(v.funnels) {
		img.Image = v.funnels[v.selected]
	}
	img.Refresh()
}

// onChannel shows the funnel of the channel chosen in the select (the
// funnels of every channel are drawn with the other pictures).
func (v *ChartsView) onChannel(name string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for i, n := range v.channel.Options {
		if n == name {
			v.selected = i
		}
	}
	v.showFunnel()
}
