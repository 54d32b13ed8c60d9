package chart

import (
	"image/color"
	"math"
	"sort"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// objectiveMark is an objective's target drawn at its deadline month.
type objectiveMark struct {
	target float64
	month  int // 1-based
	label  string
	met    bool
}

// CustomersTimeline draws the customers acquired each month (bars) and
// their running total (line) over the plan's months, against each
// customers objective of p: a dashed target line up to the objective's
// deadline month (the last month when it has none or it lies outside the
// plan, as the engine judges it) ending in a diamond labelled with the
// target, the deadline and whether r meets it. Months are "M1", "M2"…
// with the calendar month under them. A result with no month gives a
// chart that says so.
func CustomersTimeline(p plan.Plan, r simulate.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	top := c.title(tr(o.Lang, "timeline"), tr(o.Lang, "timeline.sub"))
	n := len(r.Months)
	if n == 0 {
		c.message(tr(o.Lang, "no.months"), top)
		return c.png()
	}
	count := unitFormat{unit: simulate.Count, lang: o.Lang}
	hi := 0.0
	for _, mr := range r.Months {
		hi = max(hi, f64(mr.CumulativeCustomers), f64(mr.Customers))
	}
	var marks []objectiveMark
	for i, ob := range p.Objectives {
		if ob.Metric != "customers" {
			continue
		}
		m := n
		if !ob.Deadline.IsZero() {
			if k := plan.MonthOf(p.Info.Start, ob.Deadline); k >= 1 && k <= n {
				m = k
			}
		}
		met := false
		for _, or := range r.Objectives {
			if or.ID == ob.ID {
				met = or.Met
			}
		}
		if ob.ID == "" && i < len(r.Objectives) {
			met = r.Objectives[i].Met
		}
		state := tr(o.Lang, "not.met")
		if met {
			state = tr(o.Lang, "met")
		}
		label := tr(o.Lang, "objective") + " " + count.value(ob.Target)
		if !ob.Deadline.IsZero() {
			label = tr(o.Lang, "objective.at", count.value(ob.Target), display.Date(ob.Deadline, o.Lang))
		}
		marks = append(marks, objectiveMark{target: f64(ob.Target), month: m, label: label + " — " + state, met: met})
		hi = max(hi, f64(ob.Target))
	}

	items := []legendItem{
		{label: tr(o.Lang, "cum.customers"), col: c.pal.accent, line: true},
		{label: tr(o.Lang, "new.customers"), col: withAlpha(c.pal.accent, 0x70)},
	}
	if len(marks) > 0 {
		items = append(items, legendItem{label: tr(o.Lang, "objective"), col: c.pal.accent2, line: true, dashed: true})
	}
	m := c.pt(12)
	top = c.legend(items, m, c.w-m, top, true) + c.pt(6)
	mtop, mbottom := monthLabels(p.Info.Start, n, o.Lang)
	pl := plot{y0: top + c.pt(6), y1: c.h - m - c.monthAxisHeight(mbottom)}
	va := c.newValueAxis(0, hi*1.08, true, 1, c.ticksFor(pl.h()), count.tick)
	pl.x0, pl.x1 = m+va.width+c.pt(8), c.w-m
	if !pl.valid() {
		return c.png()
	}
	c.drawYAxis(pl, va)
	c.drawMonthAxis(pl, mtop, mbottom)

	bar := withAlpha(c.pal.accent, 0x70)
	xs, ys := []float64{pl.x0}, []float64{va.pos(0, pl.y1, pl.y0)}
	for i, mr := range r.Months {
		x0, x1 := bandX(pl, i, n)
		bw := x1 - x0
		c.rect(x0+bw*0.2, va.pos(0, pl.y1, pl.y0), x1-bw*0.2, va.pos(max(0, f64(mr.Customers)), pl.y1, pl.y0), bar)
		xs = append(xs, x1)
		ys = append(ys, va.pos(f64(mr.CumulativeCustomers), pl.y1, pl.y0))
	}
	for _, mk := range marks {
		_, x := bandX(pl, mk.month-1, n)
		y := va.pos(mk.target, pl.y1, pl.y0)
		c.dashedH(pl.x0, x, y, 1.6, c.pal.accent2)
	}
	c.polyline(xs, ys, 2.5, c.pal.accent)
	if pl.w()/float64(n) >= c.pt(12) { // dots only where they do not crowd
		for i := 1; i < len(xs); i++ {
			c.dot(xs[i], ys[i], 3.5, c.pal.accent)
		}
	}
	// the total at the end of the line
	last := count.value(r.Months[n-1].CumulativeCustomers)
	c.text(last, xs[n]-c.pt(6), ys[n]-c.pt(8), sizeSmall, true, c.pal.text, right)
	for k, mk := range marks {
		_, x := bandX(pl, mk.month-1, n)
		y := va.pos(mk.target, pl.y1, pl.y0)
		col := c.pal.bad
		if mk.met {
			col = c.pal.good
		}
		c.diamond(x, y, 6, col)
		ly := max(y-c.pt(9)-float64(k)*c.lineH(sizeSmall), pl.y0+c.pt(sizeSmall))
		if ly < pl.y0+c.pt(sizeSmall)+1 {
			ly = y + c.pt(8) + c.pt(sizeSmall) // no room above the line: write under it
		}
		lw := c.measure(mk.label, sizeSmall, false)
		if lw > x-pl.x0-c.pt(10) && pl.x1-x > x-pl.x0 {
			c.textBox(c.fit(mk.label, sizeSmall, false, pl.x1-x-c.pt(10)), x+c.pt(10), ly, sizeSmall, false, c.pal.text, left)
		} else {
			c.textBox(c.fit(mk.label, sizeSmall, false, x-pl.x0-c.pt(10)), x-c.pt(10), ly, sizeSmall, false, c.pal.text, right)
		}
	}
	return c.png()
}

// withAlpha returns col with alpha a.
func withAlpha(col color.NRGBA, a uint8) color.NRGBA {
	col.A = a
	return col
}

// BreakEven draws the cumulative marketing cost and the cumulative gross
// margin of r month by month (both from zero at the start of the plan) and
// marks the payback month (r.Totals.PaybackMonth, the first month whose
// cumulative margin reaches the cumulative cost) with a vertical line; when
// the campaign does not pay back within the plan the chart says so.
// Months are "M1", "M2"… (the result has no calendar). A result with no
// month gives a chart that says so.
func BreakEven(r simulate.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	top := c.title(tr(o.Lang, "breakeven"), tr(o.Lang, "breakeven.sub"))
	n := len(r.Months)
	if n == 0 {
		c.message(tr(o.Lang, "no.months"), top)
		return c.png()
	}
	money := unitFormat{unit: simulate.Money, cur: o.Currency, lang: o.Lang}
	costCol, gmCol := c.pal.bad, c.pal.good
	m := c.pt(12)
	top = c.legend([]legendItem{
		{label: tr(o.Lang, "cum.cost"), col: costCol, line: true},
		{label: tr(o.Lang, "cum.margin"), col: gmCol, line: true},
	}, m, c.w-m, top, true) + c.pt(6)
	lo, hi := 0.0, 0.0
	for _, mr := range r.Months {
		for _, v := range []float64{f64(mr.CumulativeCost), f64(mr.CumulativeGrossMargin)} {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	mtop, mbottom := monthLabels(plan.Date{}, n, o.Lang)
	pl := plot{y0: top + c.pt(8) + c.lineH(sizeSmall), y1: c.h - m - c.monthAxisHeight(mbottom)}
	va := c.newValueAxis(lo, hi*1.05, true, 0, c.ticksFor(pl.h()), money.tick)
	endW := max(c.measure(money.value(r.Months[n-1].CumulativeCost), sizeSmall, true),
		c.measure(money.value(r.Months[n-1].CumulativeGrossMargin), sizeSmall, true))
	pl.x0, pl.x1 = m+va.width+c.pt(8), c.w-m-endW-c.pt(8)
	if !pl.valid() {
		return c.png()
	}
	c.drawYAxis(pl, va)
	c.drawMonthAxis(pl, mtop, mbottom)

	y0 := va.pos(0, pl.y1, pl.y0)
	cx, cy := []float64{pl.x0}, []float64{y0}
	gy := []float64{y0}
	for i, mr := range r.Months {
		_, x1 := bandX(pl, i, n)
		cx = append(cx, x1)
		cy = append(cy, va.pos(f64(mr.CumulativeCost), pl.y1, pl.y0))
		gy = append(gy, va.pos(f64(mr.CumulativeGrossMargin), pl.y1, pl.y0))
	}
	if pb := r.Totals.PaybackMonth; pb.Valid {
		k := int(pb.Decimal.IntPart())
		if k >= 1 && k <= n {
			_, x := bandX(pl, k-1, n)
			c.dashedV(x, pl.y0-c.pt(4), pl.y1, 1.5, c.pal.text)
			label := tr(o.Lang, "payback", itoa(k))
			a := right
			lx := x - c.pt(5)
			if c.measure(label, sizeSmall, true) > lx-pl.x0 {
				a, lx = left, x+c.pt(5)
			}
			c.text(label, lx, pl.y0-c.pt(2), sizeSmall, true, c.pal.text, a)
		}
	} else {
		c.text(tr(o.Lang, "no.payback"), pl.x0+c.pt(6), pl.y0-c.pt(2), sizeSmall, true, c.pal.text, left)
	}
	c.polyline(cx, cy, 2.5, costCol)
	c.polyline(cx, gy, 2.5, gmCol)
	for i := 1; i < len(cx) && pl.w()/float64(n) >= c.pt(12); i++ {
		c.dot(cx[i], cy[i], 3.2, costCol)
		c.dot(cx[i], gy[i], 3.2, gmCol)
	}
	// end values, pushed apart when they would overlap
	ya, yb := cy[n], gy[n]
	gap := c.lineH(sizeSmall)
	if math.Abs(ya-yb) < gap {
		mid := (ya + yb) / 2
		if ya <= yb {
			ya, yb = mid-gap/2, mid+gap/2
		} else {
			ya, yb = mid+gap/2, mid-gap/2
		}
	}
	c.textMid(money.value(r.Months[n-1].CumulativeCost), pl.x1+c.pt(8), ya, sizeSmall, true, costCol, left)
	c.textMid(money.value(r.Months[n-1].CumulativeGrossMargin), pl.x1+c.pt(8), yb, sizeSmall, true, gmCol, left)
	return c.png()
}

// MonthlyCost draws the marketing cost of each plan month as a bar made of
// one absolute stack per channel (in ChannelColor order, the first channel
// at the bottom), the month's total written above it when it fits; the
// legend names the channels (from p when the result lacks a name). A
// result with no month or no channel gives a chart that says so.
//
// A plan of more than MaxSeries channels would need a legend longer than
// the chart and colours used twice; its chart shows the MaxSeries − 1
// channels that cost most over the plan (ties: the first in the plan),
// still in plan order, coloured in that order with the palette's first
// MaxSeries − 1 colours (not by plan index, which would give two of them
// one colour), and one grey stack on top for all the others,
// named "N autres canaux" / "N other channels". The bar heights and
// totals are the same either way.
func MonthlyCost(p plan.Plan, r simulate.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	top := c.title(tr(o.Lang, "monthly"), tr(o.Lang, "monthly.sub"))
	n := len(r.Months)
	switch {
	case len(r.Channels) == 0:
		c.message(tr(o.Lang, "no.channels"), top)
		return c.png()
	case n == 0:
		c.message(tr(o.Lang, "no.months"), top)
		return c.png()
	}
	money := unitFormat{unit: simulate.Money, cur: o.Currency, lang: o.Lang}
	m := c.pt(12)
	series := costSeries(p, r, o.Theme)
	items := make([]legendItem, len(series))
	for i, sr := range series {
		items[i] = legendItem{label: sr.name, col: sr.col}
		if sr.others > 0 {
			items[i].label = tr(o.Lang, "others", itoa(sr.others))
		}
	}
	top = c.legend(items, m, c.w-m, top, true) + c.pt(4)

	totals := make([]decimal.Decimal, n)
	hi := 0.0
	for i := range n {
		t := decimal.Zero
		for _, ch := range r.Channels {
			if i < len(ch.MonthlyCost) && ch.MonthlyCost[i].Sign() > 0 {
				t = t.Add(ch.MonthlyCost[i])
			}
		}
		totals[i] = t
		hi = max(hi, f64(t))
	}
	mtop, mbottom := monthLabels(p.Info.Start, n, o.Lang)
	pl := plot{y0: top + c.pt(4) + c.lineH(sizeSmall), y1: c.h - m - c.monthAxisHeight(mbottom)}
	va := c.newValueAxis(0, hi, true, 0, c.ticksFor(pl.h()), money.tick)
	pl.x0, pl.x1 = m+va.width+c.pt(8), c.w-m
	if !pl.valid() {
		return c.png()
	}
	c.drawYAxis(pl, va)
	c.drawMonthAxis(pl, mtop, mbottom)
	for i := range n {
		x0, x1 := bandX(pl, i, n)
		bw := x1 - x0
		pad := min(bw*0.18, c.pt(30))
		if bw-2*pad > c.pt(70) {
			pad = (bw - c.pt(70)) / 2
		}
		acc := 0.0
		for _, sr := range series {
			v := 0.0
			for _, k := range sr.chans {
				if ch := r.Channels[k]; i < len(ch.MonthlyCost) && ch.MonthlyCost[i].Sign() > 0 {
					v += f64(ch.MonthlyCost[i])
				}
			}
			if v <= 0 {
				continue
			}
			ya, yb := va.pos(acc, pl.y1, pl.y0), va.pos(acc+v, pl.y1, pl.y0)
			c.rect(x0+pad, ya, x1-pad, yb, sr.col)
			acc += v
			// a hairline of background between stacks keeps neighbours apart
			if yb < ya-c.pt(3) {
				c.hline(x0+pad, x1-pad, yb, 0.8, c.pal.bg)
			}
		}
		label := money.value(totals[i])
		if c.measure(label, sizeSmall, false) <= bw-c.pt(2) {
			c.text(label, (x0+x1)/2, va.pos(acc, pl.y1, pl.y0)-c.pt(4), sizeSmall, false, c.pal.text, center)
		}
	}
	return c.png()
}

// MaxSeries is the largest number of channels a chart with a colour
// legend (MonthlyCost) shows one by one: the eight colours of the
// palette. A plan with more gets its MaxSeries − 1 costliest channels and
// one "others" series.
const MaxSeries = 8

// series is one coloured stack of MonthlyCost: one channel, or the
// others (others > 0 channels) grouped.
type series struct {
	name   string
	col    color.NRGBA
	chans  []int // indexes in the result's channels
	others int
}

// costSeries returns the stacks of MonthlyCost, bottom first: every
// channel in plan order (coloured by ChannelColor) when there are at most
// MaxSeries, otherwise the MaxSeries − 1 costliest in plan order, coloured
// by rank, and the others in grey.
func costSeries(p plan.Plan, r simulate.Result, t Theme) []series {
	name := func(i int) string {
		ch := r.Channels[i]
		switch {
		case ch.Name != "":
			return ch.Name
		case i < len(p.Channels) && p.Channels[i].Name != "":
			return p.Channels[i].Name
		}
		return humanID(ch.ID)
	}
	if len(r.Channels) <= MaxSeries {
		out := make([]series, len(r.Channels))
		for i := range r.Channels {
			out[i] = series{name: name(i), col: ChannelColor(i, t), chans: []int{i}}
		}
		return out
	}
	cost := make([]decimal.Decimal, len(r.Channels))
	order := make([]int, len(r.Channels))
	for i, ch := range r.Channels {
		order[i] = i
		for _, v := range ch.MonthlyCost {
			if v.Sign() > 0 {
				cost[i] = cost[i].Add(v)
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return cost[order[a]].GreaterThan(cost[order[b]]) })
	keep := order[:MaxSeries-1]
	sort.Ints(keep)
	kept := map[int]bool{}
	out := make([]series, 0, MaxSeries)
	for rank, i := range keep {
		kept[i] = true
		out = append(out, series{name: name(i), col: ChannelColor(rank, t), chans: []int{i}})
	}
	rest := series{col: ChannelColor(MaxSeries-1, t)}
	for i := range r.Channels {
		if !kept[i] {
			rest.chans = append(rest.chans, i)
		}
	}
	rest.others = len(rest.chans)
	return append(out, rest)
}
