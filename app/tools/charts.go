package tools

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"path/filepath"

	"campaignsim/app/widgets"
	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Size of the charts screen's pictures, in Fyne units (pixels at scale 1):
// each chart takes the width of the pane (chartsMinWidth at least) and
// chartsAspect of it in height, within chartsMinHeight..chartsMaxHeight;
// it is drawn at exactly that size times the window's scale, so its text
// reads at the chart's own size (not shrunk), and drawn again when the
// pane's width changes by more than chartsWidthStep.
const (
	chartsMinWidth  = 360
	chartsMinHeight = 260
	chartsMaxHeight = 620
	chartsAspect    = 0.5
	chartsWidthStep = 24
	// chartsWidth and chartsHeight are the size before the pane is laid out.
	chartsWidth  = 800
	chartsHeight = 400
)

// chartsSize returns the size of a chart for a pane width.
func chartsSize(width float32) fyne.Size {
	w := max(width, chartsMinWidth)
	return fyne.NewSize(w, min(max(w*chartsAspect, chartsMinHeight), chartsMaxHeight))
}

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
// the window's scale changes, through a widgets.Task, so the UI goroutine
// never waits for them and the pictures of a render overtaken by a newer
// one are dropped. Every field is read and written on the UI goroutine
// only (the handlers, the layout, what the tasks hand back): no mutex.
type ChartsView struct {
	win  fyne.Window
	root fyne.CanvasObject

	channel   *widget.Select
	status    *widget.Label
	images    [chartCount]*canvas.Image
	saves     [chartCount]*widget.Button // "Save as PNG…" under each chart
	scenarios fyne.CanvasObject          // the scenarios cell, hidden without scenarios

	draw       widgets.Task       // draws the pictures; a newer render drops an older one's
	saving     widgets.Task       // writes a chart's PNG file
	drawn      renderKey          // what the pictures on screen were drawn for
	pending    renderKey          // what the running render is for (while draw is Running)
	funnels    []image.Image      // one funnel per channel of the drawn results
	pngs       [chartCount][]byte // the PNG bytes of the pictures on screen (the funnel's: the selected channel's)
	funnelPNGs [][]byte           // the PNG bytes of each funnel
	width      float32            // the pane's width the pictures are for
	chanIDs    []string           // channel ids, in the select's order
	selected   int                // index of the channel shown in the funnel
	onDrawn    func(renderKey)    // test hook: called after pictures are set
	lastPlan   plan.Plan          // the plan of last
	last       *widgets.Results   // the last results given to Refresh
}

// renderKey says what a set of pictures was drawn for: a results version
// with a theme variant and a window scale.
type renderKey struct {
	version int
	dark    bool
	scale   float32
	width   float32 // the chart's width, Fyne units
	set     bool    // false until a render has been asked
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
	v.width = chartsWidth
	size := chartsSize(v.width)
	cells := make([]fyne.CanvasObject, chartCount)
	for i := range v.images {
		img := canvas.NewImageFromImage(nil)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		img.SetMinSize(size)
		v.images[i] = img
		v.saves[i] = widget.NewButton(lang.L("Save as PNG…"), func() { v.onSave(i) })
		v.saves[i].Disable()
		cells[i] = container.NewVBox(img, container.NewHBox(layout.NewSpacer(), v.saves[i]))
	}
	cells[chartFunnel] = container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Funnel of the channel")), nil, v.channel),
		nil, nil, nil, cells[chartFunnel])
	v.scenarios = cells[chartScenarios]
	v.scenarios.Hide()
	column := container.New(&chartsColumn{v: v}, container.NewVBox(cells...))
	v.root = container.NewBorder(v.status, nil, nil, nil, container.NewVScroll(column))
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
	v.lastPlan, v.last = p, r
	v.render(p, r)
}

// onSettings redraws the pictures when the theme variant changes.
func (v *ChartsView) onSettings() {
	fyne.Do(func() {
		if v.last != nil {
			v.render(v.lastPlan, v.last)
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
	w := chartsSize(v.width).Width
	return renderKey{version: r.Version, dark: chartsDark(), scale: scale, width: w, set: true}
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

// render starts drawing every picture for r off the UI goroutine
// (v.draw), unless the pictures being drawn are already for the same key.
// When those on screen are, a render under way (for another key) is
// cancelled: the screen is right as it is.
func (v *ChartsView) render(p plan.Plan, r *widgets.Results) {
	k := v.key(r)
	running := v.draw.Running()
	switch {
	case running && k == v.pending:
		return
	case k == v.drawn:
		if running {
			v.draw.Cancel()
			v.pending = renderKey{}
		}
		return
	}
	v.pending = k

	size := chartsSize(k.width)
	o := chart.Options{
		Width:    int(size.Width * k.scale),
		Height:   int(size.Height * k.scale),
		Lang:     widgets.Lang(),
		Currency: p.Info.Currency,
		Scale:    float64(k.scale),
	}
	if k.dark {
		o.Theme = chart.Dark
	}
	base := r.Base
	scenarios := r.Scenarios
	v.draw.Start(func(context.Context) func() {
		pics := chartsDraw(p, base, scenarios, o)
		return func() { v.show(k, base, len(scenarios) > 1, pics) }
	})
}

// chartsPictures are the decoded pictures of one render.
type chartsPictures struct {
	funnels    []image.Image // per channel of the base result
	funnelPNGs [][]byte
	others     [chartCount]image.Image
	pngs       [chartCount][]byte // PNG bytes of others, for "Save as PNG…"
	err        error              // the first error, if any (its chart is left empty)
}

// chartsDraw draws every picture (off the UI goroutine).
func chartsDraw(p plan.Plan, base simulate.Result, scenarios []simulate.Result, o chart.Options) chartsPictures {
	var out chartsPictures
	keep := func(b []byte, err error) ([]byte, image.Image) {
		if err == nil {
			var img image.Image
			if img, err = png.Decode(bytes.NewReader(b)); err == nil {
				return b, img
			}
		}
		if out.err == nil {
			out.err = err
		}
		return nil, nil
	}
	for _, ch := range base.Channels {
		b, img := keep(chart.Funnel(ch, o))
		out.funnels = append(out.funnels, img)
		out.funnelPNGs = append(out.funnelPNGs, b)
	}
	out.pngs[chartCostVsCustomers], out.others[chartCostVsCustomers] = keep(chart.CostVsCustomers(base, o))
	out.pngs[chartTimeline], out.others[chartTimeline] = keep(chart.CustomersTimeline(p, base, o))
	out.pngs[chartBreakEven], out.others[chartBreakEven] = keep(chart.BreakEven(base, o))
	out.pngs[chartMonthlyCost], out.others[chartMonthlyCost] = keep(chart.MonthlyCost(p, base, o))
	if len(scenarios) > 1 {
		out.pngs[chartScenarios], out.others[chartScenarios] = keep(chart.Scenarios(scenarios, o))
	}
	return out
}

// show puts the pictures drawn for k on screen (UI goroutine: v.draw
// runs it only for the latest render).
func (v *ChartsView) show(k renderKey, base simulate.Result, hasScenarios bool, pics chartsPictures) {
	v.drawn, v.pending = k, renderKey{}
	v.funnels, v.funnelPNGs = pics.funnels, pics.funnelPNGs
	v.pngs = pics.pngs
	size := chartsSize(k.width)

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
		// SetSelectedIndex would call onChannel: set the text directly
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
		v.images[i].SetMinSize(size)
		v.images[i].Refresh()
		enable(v.saves[i], pics.others[i] != nil)
	}
	v.images[chartFunnel].SetMinSize(size)
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

// showFunnel shows the funnel of the selected channel.
func (v *ChartsView) showFunnel() {
	img := v.images[chartFunnel]
	img.Image = nil
	v.pngs[chartFunnel] = nil
	if v.selected >= 0 && v.selected < len(v.funnels) {
		img.Image = v.funnels[v.selected]
		v.pngs[chartFunnel] = v.funnelPNGs[v.selected]
	}
	img.Refresh()
	enable(v.saves[chartFunnel], img.Image != nil)
}

// enable enables b when on, disables it otherwise.
func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// chartsFileNames are the file names "Save as PNG…" proposes, per chart.
func chartsFileNames() [chartCount]string {
	return [chartCount]string{lang.L("funnel.png"), lang.L("cost-and-customers.png"), lang.L("customers-timeline.png"),
		lang.L("break-even.png"), lang.L("monthly-cost.png"), lang.L("scenarios.png")}
}

// onSave asks where to save chart i as PNG (a file dialog filtered to
// .png), then writes it (saveAs).
func (v *ChartsView) onSave(i int) {
	data := v.pngs[i]
	if data == nil || v.win == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // the file is written atomically by savePNG, not through w
		v.saveAs(path, data)
	}, v.win)
	d.SetFileName(chartsFileNames()[i])
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	d.Show()
}

// saveAs writes the PNG bytes data at path off the UI goroutine
// (v.saving, savePNG) and says in the status line how it went.
func (v *ChartsView) saveAs(path string, data []byte) {
	v.saving.Start(func(context.Context) func() {
		err := savePNG(path, data)
		return func() {
			if err != nil {
				v.status.SetText(lang.L("The chart could not be saved:") + " " + widgets.ErrorDetail(err))
			} else {
				v.status.SetText(lang.L("Chart saved in {{.Path}}.", map[string]any{"Path": path}))
			}
			v.status.Show()
		}
	})
}

// savePNG writes the PNG bytes data at path, atomically
// (internal/fileio.WriteFile), adding ".png" when the name has no
// extension.
func savePNG(path string, data []byte) error {
	if filepath.Ext(path) == "" {
		path += ".png"
	}
	return fileio.WriteFile(path, data, fileio.Options{Perm: 0o644})
}

// chartsColumn lays out the charts' column at the pane's width, and tells
// the view that width, so that the pictures are drawn for it.
type chartsColumn struct{ v *ChartsView }

// MinSize is the column's height at its narrowest: a chart never forces
// the pane wider than chartsMinWidth.
func (c *chartsColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(chartsMinWidth, h)
}

// Layout gives the column the whole width and tells the view.
func (c *chartsColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, max(size.Height, o.MinSize().Height)))
	}
	c.v.onWidth(size.Width - 2*theme.Padding())
}

// onWidth redraws the pictures for a new pane width (UI goroutine, from
// the layout): only when it changed by more than chartsWidthStep.
func (v *ChartsView) onWidth(w float32) {
	if w <= 0 || (w-v.width < chartsWidthStep && v.width-w < chartsWidthStep) {
		return
	}
	v.width = w
	p, r := v.lastPlan, v.last
	if r != nil {
		fyne.Do(func() { v.render(p, r) }) // after this layout pass
	}
}

// onChannel shows the funnel of the channel chosen in the select (the
// funnels of every channel are drawn with the other pictures).
func (v *ChartsView) onChannel(name string) {
	for i, n := range v.channel.Options {
		if n == name {
			v.selected = i
		}
	}
	v.showFunnel()
}
