package chart

import (
	"image/color"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Trend draws one dashboard KPI (an element of simulate.Dashboard.KPIs)
// month by month over the whole plan, from k.Trend: the plan's value of
// each month (grey bars), the actual value of each month with actuals
// (a solid line with dots) and, after the last month with actuals, the
// re-forecast's value (a dashed line continuing the actual one). The
// title is the KPI's name (display.Label), the subtitle its value
// cumulated over the tracked months beside the plan's, the variance and
// k.Status in words, the status word coloured (good when ahead or on
// track, bad when behind). Values are written in k.Unit (money in
// o.Currency, rates as percentages, counts whole). start is the plan's
// start date (plan.Plan.Info.Start): months are labelled like
// CustomersTimeline, by short month name and year, or "M1", "M2"… when
// start is the zero date.
//
// A KPI with no month, or whose months have no defined value, gives a
// chart that says so. At small sizes (a grid of KPIs) the legend is left
// out when it would not fit.
func Trend(k simulate.DashboardKPI, start plan.Date, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	uf := unitFormat{unit: k.Unit, cur: o.Currency, lang: o.Lang}
	m := c.pt(12)

	// title, with the status word on the right
	name := display.Label(k.Name, o.Lang)
	word, wordCol := statusWord(k.Status, o.Lang), c.pal.muted
	switch k.Status {
	case simulate.StatusAhead, simulate.StatusOnTrack:
		wordCol = c.pal.good
	case simulate.StatusBehind:
		wordCol = c.pal.bad
	}
	ww := 0.0
	if word != "" {
		ww = c.measure(word, sizeLabel, true) + c.pt(8)
	}
	y := m + c.pt(sizeTitle)
	c.text(c.fit(name, sizeTitle, true, c.w-2*m-ww), m, y, sizeTitle, true, c.pal.text, left)
	if word != "" && c.w-2*m > ww+c.pt(40) {
		c.text(word, c.w-m, y, sizeLabel, true, wordCol, right)
	}
	y += c.pt(6)
	if sub := trendSubtitle(k, uf, o.Lang); sub != "" {
		y += c.pt(sizeSmall)
		c.text(c.fit(sub, sizeSmall, false, c.w-2*m), m, y, sizeSmall, false, c.pal.muted, left)
		y += c.pt(6)
	}
	top := y

	n := len(k.Trend)
	if n == 0 {
		c.message(tr(o.Lang, "no.months"), top)
		return c.png()
	}
	lo, hi, defined := 0.0, 0.0, false
	last := -1 // index of the last month with an actual value
	hasForecast := false
	for i, tp := range k.Trend {
		if tp.Actual.Valid {
			last = i
		}
		for _, v := range []struct {
			ok bool
			f  float64
		}{{tp.Actual.Valid, f64(tp.Actual.Decimal)}, {tp.Plan.Valid, f64(tp.Plan.Decimal)}, {tp.Forecast.Valid, f64(tp.Forecast.Decimal)}} {
			if v.ok {
				lo, hi, defined = min(lo, v.f), max(hi, v.f), true
			}
		}
	}
	if !defined {
		c.message(tr(o.Lang, "trend.none"), top)
		return c.png()
	}
	for i := last + 1; i < n; i++ {
		if k.Trend[i].Forecast.Valid {
			hasForecast = true
		}
	}
	planCol, actCol := withAlpha(c.pal.axis, 0x80), c.pal.accent
	items := []legendItem{
		{label: tr(o.Lang, "trend.actual"), col: actCol, line: true},
		{label: tr(o.Lang, "trend.plan"), col: planCol},
	}
	if hasForecast && last >= 0 {
		items = append(items, legendItem{label: tr(o.Lang, "trend.forecast"), col: actCol, line: true, dashed: true})
	}
	mtop, mbottom := monthLabels(start, n, o.Lang)
	axisH := c.monthAxisHeight(mbottom)
	if lh := c.legend(items, m, c.w-m, top, false) - top; c.h-top-lh-axisH-m > c.pt(60) {
		top = c.legend(items, m, c.w-m, top, true)
	}
	pl := plot{y0: top + c.pt(8), y1: c.h - m - axisH}
	tick := uf.tick
	if k.Unit == simulate.Money { // keep the step's decimals (2,5 €)
		tick = func(v, step float64) string {
			return moneyShort(tickDecimal(v, places(step)), places(step), uf.cur, uf.lang)
		}
	}
	minStep := 0.0
	if k.Unit == simulate.Count || k.Unit == simulate.Month {
		minStep = 1
	}
	va := c.newValueAxis(lo, hi*1.05, true, minStep, c.ticksFor(pl.h()), tick)
	pl.x0, pl.x1 = m+va.width+c.pt(8), c.w-m
	if !pl.valid() {
		return c.png()
	}
	c.drawYAxis(pl, va)
	c.drawMonthAxis(pl, mtop, mbottom)

	xAt := func(i int) float64 { x0, x1 := bandX(pl, i, n); return (x0 + x1) / 2 }
	yAt := func(v float64) float64 { return va.pos(v, pl.y1, pl.y0) }
	// the months already run are shaded lightly
	if last >= 0 {
		_, x1 := bandX(pl, last, n)
		c.rect(pl.x0, pl.y0, x1, pl.y1, withAlpha(c.pal.grid, 0x60))
	}
	// plan: a bar per month
	for i, tp := range k.Trend {
		if !tp.Plan.Valid {
			continue
		}
		x0, x1 := bandX(pl, i, n)
		half := min((x1-x0)*0.3, c.pt(22))
		xm := (x0 + x1) / 2
		c.rect(xm-half, yAt(0), xm+half, yAt(f64(tp.Plan.Decimal)), planCol)
	}
	// forecast: from the last actual month on
	if hasForecast && last >= 0 {
		xs, ys := []float64{xAt(last)}, []float64{yAt(f64(k.Trend[last].Actual.Decimal))}
		for i := last + 1; i < n; i++ {
			tp := k.Trend[i]
			if !tp.Forecast.Valid {
				break
			}
			xs, ys = append(xs, xAt(i)), append(ys, yAt(f64(tp.Forecast.Decimal)))
		}
		c.dashedPolyline(xs, ys, 2.2, actCol)
	}
	// actual
	c.segments(k.Trend, func(tp simulate.TrendPoint) (bool, float64) { return tp.Actual.Valid, f64(tp.Actual.Decimal) },
		xAt, yAt, 2.5, actCol, pl.w()/float64(n) >= c.pt(10))
	return c.png()
}

// segments strokes the defined values of trend (get) month by month, a
// gap where a month is undefined; a lone defined month and, with dots,
// every defined month is marked with a dot.
func (c *canvas) segments(trend []simulate.TrendPoint, get func(simulate.TrendPoint) (bool, float64),
	xAt func(int) float64, yAt func(float64) float64, w float64, col color.NRGBA, dots bool) {
	var xs, ys []float64
	flush := func() {
		c.polyline(xs, ys, w, col)
		if len(xs) == 1 || dots {
			for j := range xs {
				c.dot(xs[j], ys[j], w+0.8, col)
			}
		}
		xs, ys = xs[:0], ys[:0]
	}
	for i, tp := range trend {
		ok, v := get(tp)
		if !ok {
			flush()
			continue
		}
		xs, ys = append(xs, xAt(i)), append(ys, yAt(v))
	}
	flush()
}

// dashedPolyline strokes the path through xs, ys with dashes.
func (c *canvas) dashedPolyline(xs, ys []float64, w float64, col color.NRGBA) {
	if len(xs) < 2 {
		return
	}
	c.gc.SetStrokeColor(col)
	c.gc.SetLineWidth(c.pt(w))
	c.gc.SetLineDash([]float64{c.pt(6), c.pt(4)}, 0)
	c.gc.SetLineJoin(drawing.RoundJoin)
	c.gc.MoveTo(xs[0], ys[0])
	for i := 1; i < len(xs) && i < len(ys); i++ {
		c.gc.LineTo(xs[i], ys[i])
	}
	c.gc.Stroke()
	c.gc.SetLineDash(nil, 0)
}

// The words of Trend, kept here beside the chart.
func init() {
	for k, v := range map[string][2]string{
		"trend.none":      {"Aucune valeur mensuelle à montrer.", "No monthly value to show."},
		"trend.actual":    {"Réalisé", "Actual"},
		"trend.plan":      {"Prévu", "Plan"},
		"trend.forecast":  {"Reprévision", "Re-forecast"},
		"trend.sub":       {"Réalisé %s · prévu %s", "Actual %s · plan %s"},
		"status.ahead":    {"En avance", "Ahead"},
		"status.on_track": {"Conforme", "On track"},
		"status.behind":   {"En retard", "Behind"},
	} {
		words[k] = v
	}
}

// statusWord is a tracking status in words ("" for StatusNone).
func statusWord(s simulate.Status, lang plan.Language) string {
	switch s {
	case simulate.StatusAhead:
		return tr(lang, "status.ahead")
	case simulate.StatusOnTrack:
		return tr(lang, "status.on_track")
	case simulate.StatusBehind:
		return tr(lang, "status.behind")
	}
	return ""
}

// trendSubtitle is "Réalisé 1 200 € · prévu 1 000 € (+20,0 %)".
func trendSubtitle(k simulate.DashboardKPI, uf unitFormat, lang plan.Language) string {
	val := func(ok bool, s string) string {
		if !ok {
			return "—"
		}
		return s
	}
	s := tr(lang, "trend.sub", val(k.Actual.Valid, uf.value(k.Actual.Decimal)), val(k.Plan.Valid, uf.value(k.Plan.Decimal)))
	if k.Actual.Valid && k.Plan.Valid && !k.Plan.Decimal.IsZero() {
		v := k.Actual.Decimal.Sub(k.Plan.Decimal).DivRound(k.Plan.Decimal.Abs(), 6)
		p := display.Percent(v, lang)
		if v.Sign() > 0 {
			p = "+" + p
		}
		s += " (" + p + ")"
	}
	return s
}
