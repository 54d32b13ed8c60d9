package chart

import (
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// scenarioName is how a scenario is named in a chart: the base scenario
// ("base" or "") as "Plan de base" / "Base plan", others as written.
func scenarioName(r simulate.Result, o Options) string {
	if r.Scenario == "" || r.Scenario == "base" {
		return tr(o.Lang, "base")
	}
	return r.Scenario
}

// Scenarios draws the scenarios of rs side by side (simulate.RunAll's
// results: the base first): three panels, customers, cost and net profit,
// each with its own scale and one bar per scenario, coloured by the
// scenario's place in rs and labelled with its value; a negative net
// profit goes below the zero line. Undefined values draw no bar and read
// "—". An empty rs gives a chart that says so.
func Scenarios(rs []simulate.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	top := c.title(tr(o.Lang, "scenarios"), tr(o.Lang, "scenarios.sub"))
	if len(rs) == 0 {
		c.message(tr(o.Lang, "no.scenarios"), top)
		return c.png()
	}
	m := c.pt(12)
	items := make([]legendItem, len(rs))
	for i, r := range rs {
		items[i] = legendItem{label: scenarioName(r, o), col: ChannelColor(i, o.Theme)}
	}
	top = c.legend(items, m, c.w-m, top, true) + c.pt(4)

	panels := []struct {
		key  string
		unit simulate.Unit
		get  func(simulate.Figures) decimal.NullDecimal
	}{
		{"customers", simulate.Count, func(f simulate.Figures) decimal.NullDecimal { return f.Customers }},
		{"cost", simulate.Money, func(f simulate.Figures) decimal.NullDecimal { return f.Cost }},
		{"net.profit", simulate.Money, func(f simulate.Figures) decimal.NullDecimal { return f.NetProfit }},
	}
	gap := c.pt(18)
	pw := (c.w - 2*m - 2*gap) / 3
	headY := top + c.pt(4) + c.pt(sizeLabel)
	for k, pn := range panels {
		uf := unitFormat{unit: pn.unit, cur: o.Currency, lang: o.Lang}
		px := m + float64(k)*(pw+gap)
		c.text(c.fit(tr(o.Lang, pn.key), sizeLabel, true, pw), px, headY, sizeLabel, true, c.pal.text, left)
		lo, hi := 0.0, 0.0
		for _, r := range rs {
			if v := pn.get(r.Totals); v.Valid {
				lo, hi = min(lo, f64(v.Decimal)), max(hi, f64(v.Decimal))
			}
		}
		pl := plot{y0: headY + c.pt(10) + c.lineH(sizeSmall), y1: c.h - m}
		if lo < 0 {
			pl.y1 -= c.lineH(sizeSmall)
		}
		minStep := 0.0
		if pn.unit == simulate.Count {
			minStep = 1
		}
		va := c.newValueAxis(lo, hi, true, minStep, min(5, c.ticksFor(pl.h())), uf.tick)
		pl.x0, pl.x1 = px+va.width+c.pt(6), px+pw
		if !pl.valid() {
			continue
		}
		c.drawYAxis(pl, va)
		n := len(rs)
		y0 := va.pos(0, pl.y1, pl.y0)
		for i, r := range rs {
			x0, x1 := bandX(pl, i, n)
			bw := x1 - x0
			pad := bw * 0.15
			if bw-2*pad > c.pt(60) {
				pad = (bw - c.pt(60)) / 2
			}
			v := pn.get(r.Totals)
			label := "—"
			yl := y0
			if v.Valid {
				label = uf.value(v.Decimal)
				yl = va.pos(f64(v.Decimal), pl.y1, pl.y0)
				c.rect(x0+pad, y0, x1-pad, yl, ChannelColor(i, o.Theme))
			}
			label = c.fit(label, sizeSmall, false, bw+c.pt(4))
			if v.Valid && v.Decimal.Sign() < 0 {
				c.text(label, (x0+x1)/2, yl+c.pt(4)+c.pt(sizeSmall), sizeSmall, false, c.pal.text, center)
			} else {
				c.text(label, (x0+x1)/2, yl-c.pt(4), sizeSmall, false, c.pal.text, center)
			}
		}
	}
	return c.png()
}
