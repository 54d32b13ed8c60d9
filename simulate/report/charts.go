package report

import (
	"context"
	"runtime"
	"sync"

	"campaignsim/simulate"
	"campaignsim/simulate/chart"
)

// Print resolution of the charts: pictures are drawn at chartDPI for
// their printed size (a 174 mm wide chart is 1 370 px wide, well above
// the 150 dpi a print needs), with fonts and lines scaled by chartScale so
// that their text prints at about the size of the table text.
const (
	chartDPI   = 165.0
	chartScale = 1.9
)

// chartFunc draws one chart at the given options.
type chartFunc func(o chart.Options) ([]byte, error)

// chartSet holds the charts of one document, ready to draw at any size.
// A nil func means the chart does not apply (no Monte Carlo without
// ranges).
type chartSet struct {
	timeline, monthlyCost, costVsCustomers, breakEven, scenarios, histogram, tornado chartFunc
	funnel                                                                           []chartFunc
	// trend is the small chart of each dashboard KPI (section 8), drawn
	// from track, the plan's tracking (nil without actuals); chances are
	// the objectives' chances on the re-forecast (nil when not computed).
	trend   []chartFunc
	track   *simulate.Tracking
	chances []simulate.ObjectiveChance
}

// newChartSet binds the charts of package chart to d's results.
func newChartSet(d *doc) chartSet {
	p, r := d.p, d.r
	cs := chartSet{
		timeline:        func(o chart.Options) ([]byte, error) { return chart.CustomersTimeline(p, r, o) },
		monthlyCost:     func(o chart.Options) ([]byte, error) { return chart.MonthlyCost(p, r, o) },
		costVsCustomers: func(o chart.Options) ([]byte, error) { return chart.CostVsCustomers(r, o) },
		breakEven:       func(o chart.Options) ([]byte, error) { return chart.BreakEven(r, o) },
	}
	if len(d.all) > 1 {
		all := d.all
		cs.scenarios = func(o chart.Options) ([]byte, error) { return chart.Scenarios(all, o) }
	}
	if d.unc != nil {
		u := *d.unc
		cs.histogram = func(o chart.Options) ([]byte, error) { return chart.Histogram(u, "net_profit", o) }
	}
	if d.sens != nil && len(d.sens.Inputs) > 0 {
		s := *d.sens
		cs.tornado = func(o chart.Options) ([]byte, error) { return chart.Tornado(s, o) }
	}
	if len(p.Actuals) > 0 {
		if tk, err := simulate.Track(p); err == nil {
			cs.track = &tk
			start := p.Info.Start
			for _, k := range tk.Dashboard.KPIs {
				cs.trend = append(cs.trend, func(o chart.Options) ([]byte, error) {
					o.Scale = trendScale
					return chart.Trend(k, start, o)
				})
			}
			if len(p.Objectives) > 0 {
				if ch, err := simulate.ReforecastChances(context.Background(), tk.Reforecast,
					simulate.UncertaintyOptions{Runs: reforecastRuns}); err == nil {
					cs.chances = ch
				}
			}
		}
	}
	for _, c := range r.Channels {
		c := c
		cs.funnel = append(cs.funnel, func(o chart.Options) ([]byte, error) { return chart.Funnel(c, o) })
	}
	return cs
}

// px is the number of pixels of mm millimetres at chartDPI.
func px(mm float64) int { return int(mm/25.4*chartDPI + 0.5) }

// Sizes of the charts in the document, in mm.
const (
	fullW   = contentW
	funnelW = (contentW - funnelGap) / 2
	funnelH = funnelW * 0.72
	// funnelGap is the space between two funnels side by side.
	funnelGap = 4.0
	// trendW × trendH is a KPI's small trend chart, two per row, drawn
	// with smaller type (trendScale) than the full-width charts.
	trendW     = funnelW
	trendH     = trendW * 0.5
	trendScale = 1.45
	// reforecastRuns is the number of Monte Carlo runs of the objectives'
	// chances on the re-forecast.
	reforecastRuns = 2000
)

// chartKey identifies one drawing of a chart: the func and its size.
type chartKey struct {
	f    *chartFunc
	w, h float64
}

// prerender draws every chart of the document before the layout, on
// GOMAXPROCS workers (the chart package is safe for concurrent use), so
// that laying the pages out only picks the pictures up.
//
// Each picture gets a pixel width of its own (one pixel more than the one
// before): fpdf writes images sorted by width, and equal widths would
// come out in map order, so the same plan would not give the same bytes.
func (d *doc) prerender(full []fullChartSpec) {
	var keys []chartKey
	for _, c := range full {
		if *c.f != nil {
			keys = append(keys, chartKey{c.f, fullW, fullW * c.ratio})
		}
	}
	for i := range d.charts.funnel {
		keys = append(keys, chartKey{&d.charts.funnel[i], funnelW, funnelH})
	}
	for i := range d.charts.trend {
		keys = append(keys, chartKey{&d.charts.trend[i], trendW, trendH})
	}
	d.pngs = make(map[chartKey][]byte, len(keys))
	pngs := make([][]byte, len(keys))
	// One worker per processor: each chart holds its picture (about 1 MB
	// for a funnel at print resolution) while it is drawn, so drawing all
	// 200 funnels of a 200-channel plan at once would hold them all.
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(keys)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				k := keys[i]
				pngs[i] = d.drawChart(*k.f, k.w, k.h, i)
			}
		}()
	}
	for i := range keys {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, k := range keys {
		d.pngs[k] = pngs[i]
	}
}

// drawChart draws f at w × h mm, extra pixels wider, with the plan's
// channel names (the tornado's results carry only ids); nil when f is nil
// or fails (the document then goes on without the picture rather than
// failing the export).
func (d *doc) drawChart(f chartFunc, w, h float64, extra int) []byte {
	if f == nil {
		return nil
	}
	png, err := f(chart.Options{Width: px(w) + extra, Height: px(h), Lang: d.lang, Currency: d.cur, Theme: chart.Light,
		Scale: chartScale, Names: d.names})
	if err != nil {
		return nil
	}
	return png
}

// renderChart returns the picture of f at w × h mm, drawn by prerender
// (or now, when prerender did not draw it).
func (d *doc) renderChart(f *chartFunc, w, h float64) []byte {
	if png, ok := d.pngs[chartKey{f, w, h}]; ok {
		return png
	}
	return d.drawChart(*f, w, h, 0)
}

// fullChart draws f across the text width, ratio × as high as wide.
func (d *doc) fullChart(f *chartFunc, ratio float64) {
	w := fullW
	h := w * ratio
	if png := d.renderChart(f, w, h); png != nil {
		d.image(png, 0, w, h, true)
	}
}

// funnelCharts draws the funnel of every channel, two per row.
func (d *doc) funnelCharts() { d.pairCharts(d.charts.funnel, funnelW, funnelH) }

// trendCharts draws the trend of every dashboard KPI, two per row.
func (d *doc) trendCharts() { d.pairCharts(d.charts.trend, trendW, trendH) }

// pairCharts draws fs two per row, each w × h mm.
func (d *doc) pairCharts(fs []chartFunc, w, h float64) {
	gap := funnelGap
	for i := 0; i < len(fs); i += 2 {
		left := d.renderChart(&fs[i], w, h)
		var right []byte
		if i+1 < len(fs) {
			right = d.renderChart(&fs[i+1], w, h)
		}
		if left == nil && right == nil {
			continue
		}
		d.need(h + 3)
		if left != nil {
			d.image(left, 0, w, h, right == nil)
		}
		if right != nil {
			d.image(right, w+gap, w, h, true)
		}
	}
}

// Height of each full-width chart as a fraction of its width.
const (
	ratioTimeline  = 0.5
	ratioMonthly   = 0.5
	ratioCostCust  = 0.5
	ratioBreakEven = 0.5
	ratioScenarios = 0.5
	ratioHistogram = 0.45
	ratioTornado   = 0.55
)

// fullChartSpec is a full-width chart and its height/width ratio.
type fullChartSpec struct {
	f     *chartFunc
	ratio float64
}

// fullCharts lists every full-width chart of the document, in order.
func (d *doc) fullCharts() []fullChartSpec {
	c := &d.charts
	return []fullChartSpec{
		{&c.timeline, ratioTimeline}, {&c.monthlyCost, ratioMonthly}, {&c.costVsCustomers, ratioCostCust},
		{&c.breakEven, ratioBreakEven}, {&c.scenarios, ratioScenarios}, {&c.histogram, ratioHistogram},
		{&c.tornado, ratioTornado},
	}
}
