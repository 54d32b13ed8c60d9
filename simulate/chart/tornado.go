package chart

import (
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
)

// Tornado draws the sensitivity result s as a tornado: one row per input
// (largest swing on top, as s.Inputs is ordered), named "Canal — Taux de
// conversion" (the channel's name from Options.Names, else its id made
// readable, and the input's label), with a bar from the base value to
// the figure with the input at its low end and another to the figure at
// its high end, each end labelled. A vertical line marks the base. Inputs
// with an undefined swing are left out; rows that do not fit are counted
// in a note. A result with no input (or an undefined base) gives a chart
// that says so.
func Tornado(s simulate.SensitivityResult, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	top := c.title(tr(o.Lang, "tornado", display.Label(s.Metric, o.Lang)), tr(o.Lang, "tornado.sub"))
	var ins []simulate.SensitivityInput
	for _, in := range s.Inputs {
		if in.Swing.Valid && in.ValueLow.Valid && in.ValueHigh.Valid {
			ins = append(ins, in)
		}
	}
	if len(ins) == 0 || !s.Base.Valid {
		c.message(tr(o.Lang, "no.tornado"), top)
		return c.png()
	}
	m := c.pt(12)
	lowCol, highCol := c.pal.accent, c.pal.accent2
	top = c.legend([]legendItem{
		{label: tr(o.Lang, "tornado.low"), col: lowCol},
		{label: tr(o.Lang, "tornado.high"), col: highCol},
	}, m, c.w-m, top, true) + c.pt(2)

	uf := unitFormat{unit: s.Unit, cur: o.Currency, lang: o.Lang}
	area := plot{y0: top + c.pt(6) + c.lineH(sizeSmall), y1: c.h - m - c.pt(6) - c.lineH(sizeTick)}
	rows := min(len(ins), c.rowsFit(area.h(), 18))
	more := len(ins) - rows
	if more > 0 {
		area.y1 -= c.lineH(sizeSmall)
		rows = min(len(ins), c.rowsFit(area.h(), 18))
		more = len(ins) - rows
	}
	ins = ins[:rows]
	rowH := area.h() / float64(rows)
	lines := 1
	if rowH >= 2.3*c.lineH(sizeLabel) {
		lines = 2
	}
	names := make([]string, rows)
	base := f64(s.Base.Decimal)
	lo, hi := base, base
	lowL, highL := make([]string, rows), make([]string, rows)
	var lw, hw float64
	for i, in := range ins {
		ch := o.Names[in.Channel]
		if ch == "" {
			ch = humanID(in.Channel)
		}
		names[i] = ch + " — " + display.Label(in.Input, o.Lang)
		a, b := f64(in.ValueLow.Decimal), f64(in.ValueHigh.Decimal)
		lo, hi = min(lo, a, b), max(hi, a, b)
		lowL[i], highL[i] = uf.value(in.ValueLow.Decimal), uf.value(in.ValueHigh.Decimal)
		// the label of the smaller value goes on the left
		l, r := lowL[i], highL[i]
		if a > b {
			l, r = r, l
		}
		lw, hw = max(lw, c.measure(l, sizeSmall, false)), max(hw, c.measure(r, sizeSmall, false))
	}
	nameW := c.nameColumn(names, 0.4)
	if lines == 2 {
		nameW = min(nameW, max(c.nameColumn(names, 0.4)*0.65, c.pt(110)))
	}
	area.x0 = m + nameW + c.pt(12) + lw + c.pt(6)
	area.x1 = c.w - m - hw - c.pt(6)
	if !area.valid() {
		return c.png()
	}
	xa := c.newValueAxis(lo, hi, false, 0, max(2, min(7, int(area.w()/c.pt(90)))), uf.tick)
	c.drawXAxis(plot{x0: area.x0, x1: area.x1, y0: area.y0, y1: area.y1}, xa, true)
	bx := xa.pos(base, area.x0, area.x1)
	barH := min(rowH*0.62, c.pt(24))
	for i, in := range ins {
		y := area.y0 + rowH*(float64(i)+0.5)
		ls := c.wrap(names[i], sizeLabel, false, nameW, lines)
		if len(ls) == 1 && c.measure(names[i], sizeLabel, false) > nameW {
			// shorten the channel's name, never the input's
			input := " — " + display.Label(in.Input, o.Lang)
			ch := strings.TrimSuffix(names[i], input)
			ls[0] = c.fit(c.fit(ch, sizeLabel, false, nameW-c.measure(input, sizeLabel, false))+input, sizeLabel, false, nameW)
		}
		ly := y - float64(len(ls)-1)*c.lineH(sizeLabel)/2
		for _, l := range ls {
			c.textMid(l, m+nameW, ly, sizeLabel, false, c.pal.text, right)
			ly += c.lineH(sizeLabel)
		}
		xl := xa.pos(f64(in.ValueLow.Decimal), area.x0, area.x1)
		xh := xa.pos(f64(in.ValueHigh.Decimal), area.x0, area.x1)
		c.rect(bx, y-barH/2, xl, y+barH/2, lowCol)
		c.rect(bx, y-barH/2, xh, y+barH/2, highCol)
		// labels outside the bars' ends
		lx, ll, rx, rl := xl, lowL[i], xh, highL[i]
		if xl > xh {
			lx, ll, rx, rl = xh, highL[i], xl, lowL[i]
		}
		c.textMid(ll, min(lx, bx)-c.pt(5), y, sizeSmall, false, c.pal.text, right)
		c.textMid(rl, max(rx, bx)+c.pt(5), y, sizeSmall, false, c.pal.text, left)
	}
	c.vline(bx, area.y0-c.pt(4), area.y1, 1.5, c.pal.text)
	bl := tr(o.Lang, "tornado.base", uf.value(s.Base.Decimal))
	bw := c.measure(bl, sizeSmall, true)
	c.text(bl, min(max(bx, area.x0+bw/2), c.w-m-bw/2), area.y0-c.pt(6), sizeSmall, true, c.pal.text, center)
	if more > 0 {
		c.text(tr(o.Lang, "tornado.more", itoa(more)), m, c.h-m, sizeSmall, false, c.pal.muted, left)
	}
	return c.png()
}

// ChannelNames maps the id of each channel of p to its name, for
// Options.Names (channels without a name are left out).
func ChannelNames(p plan.Plan) map[string]string {
	out := make(map[string]string, len(p.Channels))
	for _, ch := range p.Channels {
		if ch.Name != "" {
			out[ch.ID] = ch.Name
		}
	}
	return out
}
