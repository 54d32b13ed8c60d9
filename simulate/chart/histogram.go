package chart

import (
	"fmt"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// Histogram draws the Monte Carlo histogram of figure (a name of
// simulate.UncertaintyFigures, e.g. "net_profit") from u: the runs per
// bin, and dashed vertical lines at P10, P50 and P90 labelled with their
// values. When every run gives the same value the single bin is drawn
// around it; when no run defines the figure the chart says so. It
// returns an error when u does not summarise figure.
func Histogram(u simulate.UncertaintyResult, figure string, o Options) ([]byte, error) {
	d, ok := u.Figure(figure)
	if !ok {
		return nil, fmt.Errorf("chart: histogram: the uncertainty result has no figure %q (it has %s)", figure, strings.Join(figureNames(u), ", "))
	}
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	sub := tr(o.Lang, "histogram.sub", display.Count(decimal.NewFromInt(int64(u.Runs)), o.Lang))
	if d.Undefined > 0 {
		sub += " ; " + tr(o.Lang, "undefined.runs", display.Count(decimal.NewFromInt(int64(d.Undefined)), o.Lang))
	}
	top := c.title(tr(o.Lang, "histogram", display.Label(figure, o.Lang)), sub)
	h := d.Histogram
	if d.Defined == 0 || len(h.Counts) == 0 || len(h.Edges) != len(h.Counts)+1 {
		c.message(tr(o.Lang, "no.histogram"), top)
		return c.png()
	}
	uf := unitFormat{unit: d.Unit, cur: o.Currency, lang: o.Lang}
	m := c.pt(12)
	xlo, xhi := f64(h.Edges[0]), f64(h.Edges[len(h.Edges)-1])
	single := xhi <= xlo
	if single {
		half := max(1, abs(xlo)*0.1)
		if d.Unit == simulate.Rate {
			half = max(0.01, abs(xlo)*0.1)
		}
		xlo, xhi = xlo-half, xhi+half
	}
	maxCount := 0
	for _, n := range h.Counts {
		maxCount = max(maxCount, n)
	}
	pct := []struct {
		name string
		v    decimal.NullDecimal
	}{{"P10", d.P10}, {"P50", d.P50}, {"P90", d.P90}}
	for _, p := range pct {
		if p.v.Valid {
			xlo, xhi = min(xlo, f64(p.v.Decimal)), max(xhi, f64(p.v.Decimal))
		}
	}
	labelRows := 2
	pl := plot{y0: top + c.pt(6) + float64(labelRows)*c.lineH(sizeSmall), y1: c.h - m - c.pt(6) - c.lineH(sizeTick)}
	count := unitFormat{unit: simulate.Count, lang: o.Lang}
	ya := c.newValueAxis(0, float64(maxCount), true, 1, c.ticksFor(pl.h()), count.tick)
	pl.x0, pl.x1 = m+ya.width+c.pt(8), c.w-m
	if !pl.valid() {
		return c.png()
	}
	xa := c.newValueAxis(xlo, xhi, false, 0, max(2, min(8, int(pl.w()/c.pt(90)))), uf.tick)
	pl.x1 = c.w - m - xa.width/2
	c.drawYAxis(pl, ya)
	c.drawXAxis(plot{x0: pl.x0, x1: pl.x1, y0: pl.y1, y1: pl.y1 + c.pt(3)}, xa, true)
	c.text(tr(o.Lang, "runs"), m, pl.y0-c.pt(4)-float64(labelRows-1)*c.lineH(sizeSmall), sizeSmall, false, c.pal.muted, left)

	bar := withAlpha(c.pal.accent, 0xd0)
	for i, n := range h.Counts {
		a, b := f64(h.Edges[i]), f64(h.Edges[i+1])
		if single {
			mid, w := f64(h.Edges[0]), (xhi-xlo)*0.04
			a, b = mid-w, mid+w
		}
		x0, x1 := xa.pos(a, pl.x0, pl.x1), xa.pos(b, pl.x0, pl.x1)
		if x1-x0 > c.pt(3) {
			x1 -= c.pt(1) // a thin gap between bins
		}
		c.rect(x0, ya.pos(0, pl.y1, pl.y0), x1, ya.pos(float64(n), pl.y1, pl.y0), bar)
	}
	// P10, P90 on the lower row (P10 to the left of its line, P90 to the
	// right), P50 on the upper row, centred.
	for _, p := range pct {
		if !p.v.Valid {
			continue
		}
		x := xa.pos(f64(p.v.Decimal), pl.x0, pl.x1)
		col := c.pal.accent2
		if p.name == "P50" {
			col = c.pal.text
		}
		c.dashedV(x, pl.y0-c.pt(2), pl.y1, 1.6, col)
		label := p.name + "\u00a0: " + uf.value(p.v.Decimal)
		if o.Lang == plan.LangEN {
			label = p.name + ": " + uf.value(p.v.Decimal)
		}
		w := c.measure(label, sizeSmall, true)
		y := pl.y0 - c.pt(4)
		lx, a := x+c.pt(4), left
		switch p.name {
		case "P10":
			lx, a = x-c.pt(4), right
			if lx-w < m {
				lx, a = m+w, right
			}
		case "P50":
			y -= c.lineH(sizeSmall)
			lx, a = x, center
			lx = min(max(lx, m+w/2), c.w-m-w/2)
		default:
			if lx+w > c.w-m {
				lx = c.w - m - w
			}
		}
		c.text(label, lx, y, sizeSmall, true, col, a)
	}
	return c.png()
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func figureNames(u simulate.UncertaintyResult) []string {
	out := make([]string, len(u.Figures))
	for i, d := range u.Figures {
		out[i] = d.Name
	}
	if len(out) == 0 {
		return []string{"none"}
	}
	return out
}
