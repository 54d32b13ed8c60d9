package chart

import (
	"math"
)

// plot is the pixel rectangle of a chart's drawing area.
type plot struct{ x0, y0, x1, y1 float64 }

func (p plot) w() float64 { return p.x1 - p.x0 }
func (p plot) h() float64 { return p.y1 - p.y0 }

// valid reports whether the area is large enough to draw in.
func (p plot) valid() bool { return p.w() >= 4 && p.h() >= 4 }

// valueAxis is a vertical numeric axis with its tick labels.
type valueAxis struct {
	axis
	labels []string
	width  float64 // widest label, pixels
}

// newValueAxis fits an axis to lo..hi (with zero when withZero) and
// writes its ticks with f; minStep forces steps of at least that size
// (1 for counts of people).
func (c *canvas) newValueAxis(lo, hi float64, withZero bool, minStep float64, ticks int, f func(v, step float64) string) valueAxis {
	a := niceAxis(lo, hi, ticks, withZero)
	if minStep > 0 && a.step < minStep {
		a = niceAxis(lo, max(hi, lo+minStep), max(1, int(math.Ceil((max(hi, lo+minStep)-min(lo, 0))/minStep))), withZero)
		if a.step < minStep {
			a = niceAxis(a.lo, a.lo+minStep*float64(max(1, len(a.ticks)-1)), 2, withZero)
		}
	}
	va := valueAxis{axis: a}
	for _, t := range a.ticks {
		s := f(t, a.step)
		va.labels = append(va.labels, s)
		va.width = max(va.width, c.measure(s, sizeTick, false))
	}
	return va
}

// ticksFor returns how many ticks suit a plot of height h pixels.
func (c *canvas) ticksFor(h float64) int {
	return max(2, min(8, int(h/c.pt(45))))
}

// drawYAxis draws horizontal grid lines at the ticks and their labels
// right-aligned left of the plot; the zero line is stronger.
func (c *canvas) drawYAxis(p plot, va valueAxis) {
	for i, t := range va.ticks {
		y := va.pos(t, p.y1, p.y0)
		col := c.pal.grid
		if t == 0 {
			col = c.pal.axis
		}
		c.hline(p.x0, p.x1, y, 1, col)
		c.textMid(va.labels[i], p.x0-c.pt(6), y, sizeTick, false, c.pal.muted, right)
	}
}

// drawXAxis draws vertical grid lines at the ticks and their labels under
// the plot, skipping labels that would overlap.
func (c *canvas) drawXAxis(p plot, va valueAxis, labelsBelow bool) {
	last := math.Inf(-1)
	for i, t := range va.ticks {
		x := va.pos(t, p.x0, p.x1)
		col := c.pal.grid
		if t == 0 {
			col = c.pal.axis
		}
		c.vline(x, p.y0, p.y1, 1, col)
		if !labelsBelow {
			continue
		}
		w := c.measure(va.labels[i], sizeTick, false)
		if x-w/2 < last+c.pt(6) {
			continue
		}
		c.text(va.labels[i], x, p.y1+c.pt(4)+c.pt(sizeTick), sizeTick, false, c.pal.muted, center)
		last = x + w/2
	}
}

// monthAxisHeight is the height of the month labels under a plot.
func (c *canvas) monthAxisHeight(bottom []string) float64 {
	h := c.pt(6) + c.lineH(sizeTick)
	for _, b := range bottom {
		if b != "" {
			return h + c.lineH(sizeSmall)
		}
	}
	return h
}

// bandX returns the left and right edges of month band i (0-based) of n.
func bandX(p plot, i, n int) (float64, float64) {
	bw := p.w() / float64(max(n, 1))
	return p.x0 + float64(i)*bw, p.x0 + float64(i+1)*bw
}

// drawMonthAxis writes "M1", "M2"… under the bands (with the calendar
// month under it when the plan start is known), thinned so labels never
// overlap.
func (c *canvas) drawMonthAxis(p plot, top, bottom []string) {
	n := len(top)
	if n == 0 {
		return
	}
	bw := p.w() / float64(n)
	widest := 0.0
	for i := range top {
		widest = max(widest, c.measure(top[i], sizeTick, false))
		if i < len(bottom) {
			widest = max(widest, c.measure(bottom[i], sizeSmall, false))
		}
	}
	every := 1
	for every < n && float64(every)*bw < widest+c.pt(8) {
		every++
	}
	y := p.y1 + c.pt(4) + c.pt(sizeTick)
	for i := 0; i < n; i += every {
		x0, x1 := bandX(p, i, n)
		xm := (x0 + x1) / 2
		c.text(top[i], xm, y, sizeTick, false, c.pal.muted, center)
		if i < len(bottom) && bottom[i] != "" {
			c.text(bottom[i], xm, y+c.lineH(sizeSmall), sizeSmall, false, c.pal.muted, center)
		}
	}
}

// labelAfterBar writes a value label just after the end x1 of a
// horizontal bar centred on y, moved left if it would pass limit.
func (c *canvas) labelAfterBar(s string, x1, y, limit float64) {
	w := c.measure(s, sizeSmall, false)
	x := x1 + c.pt(5)
	if x+w > limit {
		x = limit - w
	}
	c.textMid(s, x, y, sizeSmall, false, c.pal.text, left)
}

// nameColumn returns the width of a column of row names: the widest
// name, at most frac of the picture width.
func (c *canvas) nameColumn(names []string, frac float64) float64 {
	w := 0.0
	for _, n := range names {
		w = max(w, c.measure(n, sizeLabel, false))
	}
	return min(w, c.w*frac)
}

// rowsFit returns how many rows of at least minH points fit in h pixels.
func (c *canvas) rowsFit(h, minH float64) int {
	return max(1, int(h/c.pt(minH)))
}
