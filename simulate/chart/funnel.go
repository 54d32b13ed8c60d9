package chart

import (
	"sort"

	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// Funnel draws the main stages of one channel's funnel (cost aside; Side
// stages such as email opens and bounces left out) as horizontal bars,
// top to bottom, each labelled with its expected count and the share of
// the stage before it ("120 · 1,5 %"). A channel with no main stage gives
// a chart that says so.
func Funnel(ch simulate.ChannelResult, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	name := ch.Name
	if name == "" {
		name = humanID(ch.ID)
	}
	top := c.title(tr(o.Lang, "funnel", name), tr(o.Lang, "funnel.sub"))

	var stages []simulate.Stage
	for _, s := range ch.Stages {
		if !s.Side {
			stages = append(stages, s)
		}
	}
	if len(stages) == 0 {
		c.message(tr(o.Lang, "funnel.none"), top)
		return c.png()
	}
	names := make([]string, len(stages))
	hi := 0.0
	for i, s := range stages {
		names[i] = display.Label(s.Name, o.Lang)
		hi = max(hi, f64(s.Value))
	}
	m := c.pt(12)
	nameW := c.nameColumn(names, 0.3)
	fmtv := unitFormat{unit: simulate.Count, cur: o.Currency, lang: o.Lang}
	labels := make([]string, len(stages))
	labelW := 0.0
	for i, s := range stages {
		labels[i] = fmtv.value(s.Value)
		if i > 0 && stages[i-1].Value.Sign() > 0 {
			labels[i] += " · " + display.Percent(s.Value.DivRound(stages[i-1].Value, 8), o.Lang)
		}
		labelW = max(labelW, c.measure(labels[i], sizeSmall, false))
	}
	p := plot{x0: m + nameW + c.pt(10), y0: top + c.pt(8), x1: c.w - m - labelW - c.pt(8), y1: c.h - m}
	if !p.valid() {
		return c.png()
	}
	rowH := p.h() / float64(len(stages))
	barH := min(rowH*0.7, c.pt(34))
	c.vline(p.x0, p.y0, p.y1, 1, c.pal.axis)
	for i, s := range stages {
		y := p.y0 + rowH*(float64(i)+0.5)
		c.textMid(c.fit(names[i], sizeLabel, false, nameW), p.x0-c.pt(10), y, sizeLabel, false, c.pal.text, right)
		x1 := p.x0
		if hi > 0 {
			x1 = p.x0 + f64(s.Value)/hi*p.w()
		}
		if s.Value.Sign() > 0 {
			x1 = max(x1, p.x0+c.pt(2))
		}
		c.rect(p.x0, y-barH/2, x1, y+barH/2, c.pal.accent)
		c.labelAfterBar(labels[i], x1, y, c.w-m)
	}
	return c.png()
}

// CostVsCustomers draws, for every channel of the result (one row each,
// named on the left), its cost and its customers as two bar panels side
// by side, each with its own scale; the customers label adds the CPA.
// Bars take the channel's colour (ChannelColor). A result with no channel
// gives a chart that says so.
//
// When the rows do not all fit the height (about one per 16 points), the
// chart shows the costliest channels, costliest first (ties in plan
// order), and a last line gives how many are left out with their total
// cost and customers, so a 200-channel plan still reads as a ranking.
func CostVsCustomers(r simulate.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	top := c.title(tr(o.Lang, "cvc"), tr(o.Lang, "cvc.sub"))
	if len(r.Channels) == 0 {
		c.message(tr(o.Lang, "no.channels"), top)
		return c.png()
	}
	m := c.pt(12)
	headH := c.lineH(sizeLabel) + c.pt(6)
	area := plot{y0: top + c.pt(4) + headH, y1: c.h - m}
	rows := min(len(r.Channels), c.rowsFit(area.h(), 16))
	more := len(r.Channels) - rows
	if more > 0 {
		rows = max(1, c.rowsFit(area.h()-c.lineH(sizeSmall), 16))
		more = len(r.Channels) - rows
		area.y1 -= c.lineH(sizeSmall)
	}
	idx := rowChannels(r, rows)
	chans := make([]simulate.ChannelResult, rows)
	for i, k := range idx {
		chans[i] = r.Channels[k]
	}
	rowH := area.h() / float64(rows)
	lines := 1
	if rowH >= 2.3*c.lineH(sizeLabel) {
		lines = 2
	}
	names := make([]string, rows)
	for i, ch := range chans {
		names[i] = ch.Name
		if names[i] == "" {
			names[i] = humanID(ch.ID)
		}
	}
	nameW := c.nameColumn(names, 0.3)

	money := unitFormat{unit: simulate.Money, cur: o.Currency, lang: o.Lang}
	count := unitFormat{unit: simulate.Count, lang: o.Lang}
	costL, custL := make([]string, rows), make([]string, rows)
	var costW, custW, costHi, custHi float64
	for i, ch := range chans {
		cost, cust := nz(ch.Figures.Cost), nz(ch.Figures.Customers)
		costL[i] = money.value(cost)
		custL[i] = count.value(cust)
		if ch.Figures.CPA.Valid {
			custL[i] += " · CPA " + money.value(ch.Figures.CPA.Decimal)
		}
		costW = max(costW, c.measure(costL[i], sizeSmall, false))
		custW = max(custW, c.measure(custL[i], sizeSmall, false))
		costHi = max(costHi, f64(cost))
		custHi = max(custHi, f64(cust))
	}
	x := m + nameW + c.pt(10)
	gap := c.pt(16)
	panelW := (c.w - m - x - gap) / 2
	costP := plot{x0: x, x1: x + panelW - costW - c.pt(6), y0: area.y0, y1: area.y1}
	custP := plot{x0: x + panelW + gap, x1: c.w - m - custW - c.pt(6), y0: area.y0, y1: area.y1}
	c.text(tr(o.Lang, "cost"), costP.x0, area.y0-c.pt(6), sizeLabel, true, c.pal.text, left)
	c.text(tr(o.Lang, "customers"), custP.x0, area.y0-c.pt(6), sizeLabel, true, c.pal.text, left)
	barH := min(rowH*0.36, c.pt(18))
	if lines == 1 {
		barH = min(rowH*0.6, c.pt(22))
	}
	for i, ch := range chans {
		y := area.y0 + rowH*(float64(i)+0.5)
		ls := c.wrap(names[i], sizeLabel, false, nameW, lines)
		ly := y - float64(len(ls)-1)*c.lineH(sizeLabel)/2
		for _, l := range ls {
			c.textMid(l, x-c.pt(10), ly, sizeLabel, false, c.pal.text, right)
			ly += c.lineH(sizeLabel)
		}
		col := ChannelColor(idx[i], o.Theme)
		for k, pp := range []plot{costP, custP} {
			v, hi, label, lw := f64(nz(ch.Figures.Cost)), costHi, costL[i], costW
			if k == 1 {
				v, hi, label, lw = f64(nz(ch.Figures.Customers)), custHi, custL[i], custW
			}
			x1 := pp.x0
			if hi > 0 && pp.w() > 0 {
				x1 = pp.x0 + max(0, v)/hi*pp.w()
			}
			if v > 0 {
				x1 = max(x1, pp.x0+c.pt(2))
			}
			c.rect(pp.x0, y-barH/2, x1, y+barH/2, col)
			c.labelAfterBar(label, x1, y, pp.x1+c.pt(6)+lw)
		}
	}
	for _, pp := range []plot{costP, custP} {
		c.vline(pp.x0, area.y0, area.y1, 1, c.pal.axis)
	}
	if more > 0 {
		shown := map[int]bool{}
		for _, k := range idx {
			shown[k] = true
		}
		cost, cust := decimal.Zero, decimal.Zero
		for k, ch := range r.Channels {
			if !shown[k] {
				cost, cust = cost.Add(nz(ch.Figures.Cost)), cust.Add(nz(ch.Figures.Customers))
			}
		}
		note := tr(o.Lang, "more.total", itoa(more), money.value(cost), count.value(cust))
		c.text(c.fit(note, sizeSmall, false, c.w-2*m), m, c.h-m, sizeSmall, false, c.pal.muted, left)
	}
	return c.png()
}

// nz returns the value of a figure, zero when undefined.
func nz(d decimal.NullDecimal) decimal.Decimal {
	if !d.Valid {
		return decimal.Zero
	}
	return d.Decimal
}

// rowChannels returns the indexes of the channels of r that CostVsCustomers
// gives a row when rows fit: all of them in plan order when they all fit,
// otherwise the rows costliest, costliest first (ties in plan order).
func rowChannels(r simulate.Result, rows int) []int {
	idx := make([]int, len(r.Channels))
	for i := range idx {
		idx[i] = i
	}
	if rows >= len(idx) {
		return idx
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return nz(r.Channels[idx[a]].Figures.Cost).GreaterThan(nz(r.Channels[idx[b]].Figures.Cost))
	})
	return idx[:max(rows, 0)]
}
