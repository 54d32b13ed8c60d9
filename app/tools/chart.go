package tools

import (
	"image"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate/chart"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Sizes of the tools' charts, in Fyne units (pixels at scale 1): the
// tornado is taller, to have room for a row per input.
var (
	toolsHistogramSize = fyne.NewSize(760, 320)
	toolsTornadoSize   = fyne.NewSize(760, 480)
)

// toolsChartOptions returns the chart options for the screen: size in
// pixels for the window's scale, the interface language, p's currency
// and channel names, and the theme's variant. It runs on the UI goroutine.
func (v *View) toolsChartOptions(p plan.Plan, size fyne.Size) chart.Options {
	scale := float32(1)
	if v.win != nil && v.win.Canvas() != nil && v.win.Canvas().Scale() > 0 {
		scale = v.win.Canvas().Scale()
	}
	o := chart.Options{
		Width:    int(size.Width * scale),
		Height:   int(size.Height * scale),
		Lang:     widgets.Lang(),
		Currency: widgets.Currency(p),
		Names:    chart.ChannelNames(p),
		Scale:    float64(scale),
	}
	if chartsDark() { // the background's colour, not the system's variant: the app's theme may force one
		o.Theme = chart.Dark
	}
	return o
}

// toolsHistogramPNG draws the histogram of one figure of a Monte Carlo
// result; toolsTornadoPNG the tornado of a sensitivity result (package
// chart; both are safe to call from the tools' goroutines).
var (
	toolsHistogramPNG = chart.Histogram
	toolsTornadoPNG   = chart.Tornado
)

// newToolsChartImage returns an empty, hidden image of the given size.
func newToolsChartImage(size fyne.Size) *canvas.Image {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	img.SetMinSize(size)
	img.Hide()
	return img
}

// toolsSetChart shows a chart's PNG bytes in img, or hides img and says in
// note why there is no chart.
func toolsSetChart(img *canvas.Image, note *widget.Label, data []byte, err error) {
	if err == nil {
		var m image.Image
		if m, err = widgets.DecodePNG(data); err == nil {
			img.Image = m
			img.Show()
			img.Refresh()
			note.Hide()
			return
		}
	}
	img.Hide()
	note.SetText(lang.L("The chart could not be drawn:") + " " + err.Error())
	note.Show()
}
