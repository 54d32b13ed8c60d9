package chart

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// f64 converts an exact figure to float64 for drawing (only positions are
// computed in float64; every number written comes from the decimal).
func f64(d decimal.Decimal) float64 {
	v := d.InexactFloat64()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// axis is a numeric scale from lo to hi with its ticks.
type axis struct {
	lo, hi float64
	ticks  []float64
	step   float64
}

// niceAxis returns an axis that covers lo..hi (extended to include 0)
// with about n ticks at 1, 2, 2.5 or 5 × 10^k. An empty range gives 0..1
// (or around the single value).
func niceAxis(lo, hi float64, n int, withZero bool) axis {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if withZero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	if hi-lo < 1e-12*max(1, math.Abs(hi)) {
		if hi == 0 {
			hi = 1
		} else {
			d := math.Abs(hi) * 0.1
			lo, hi = lo-d, hi+d
			if withZero {
				lo, hi = min(lo, 0), max(hi, 0)
			}
		}
	}
	n = max(n, 2)
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	a := axis{lo: math.Floor(lo/step+1e-9) * step, hi: math.Ceil(hi/step-1e-9) * step, step: step}
	if a.hi <= a.lo {
		a.hi = a.lo + step
	}
	for i := 0; ; i++ {
		t := a.lo + float64(i)*step
		if t > a.hi+step*1e-9 || i > 100 {
			break
		}
		if math.Abs(t) < step*1e-9 {
			t = 0
		}
		a.ticks = append(a.ticks, t)
	}
	return a
}

// pos maps v to a position between p0 (at lo) and p1 (at hi).
func (a axis) pos(v, p0, p1 float64) float64 {
	if a.hi == a.lo {
		return p0
	}
	return p0 + (v-a.lo)/(a.hi-a.lo)*(p1-p0)
}

// places returns the decimals a tick step needs (0 for whole steps).
func places(step float64) int32 {
	if step <= 0 || step >= 1 {
		return 0
	}
	p := int32(math.Ceil(-math.Log10(step) - 1e-9))
	if math.Abs(step*math.Pow(10, float64(p))-math.Round(step*math.Pow(10, float64(p)))) > 1e-6 {
		p++
	}
	return min(p, 6)
}

// moneyShort writes an amount with the given decimals in the currency the
// way display.Money does ("1 200 €" in French, "€1,200" in English), but
// without forcing cents: axes and bar labels show whole amounts.
func moneyShort(v decimal.Decimal, decimals int32, cur string, lang plan.Language) string {
	sym := display.CurrencySymbol(cur, lang)
	s := display.Decimal(v.Abs(), decimals, lang)
	neg := v.Round(decimals).Sign() < 0
	if lang != plan.LangEN {
		s += display.NBSP + sym
	} else if r, _ := utf8.DecodeLastRuneInString(sym); unicode.IsLetter(r) {
		s = sym + " " + s
	} else {
		s = sym + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

// percentShort writes a fraction as a percentage with the given decimals:
// "22 %" (U+202F) in French, "22%" in English.
func percentShort(frac decimal.Decimal, decimals int32, lang plan.Language) string {
	s := display.Decimal(frac.Shift(2), decimals, lang)
	if lang == plan.LangEN {
		return s + "%"
	}
	return s + display.NarrowNBSP + "%"
}

// tickDecimal turns a tick value into the decimal it stands for.
func tickDecimal(v float64, dp int32) decimal.Decimal {
	return decimal.NewFromFloat(v).Round(dp + 2)
}

// unitFormat writes values of a unit: axis ticks (with the step's
// decimals) and exact labels.
type unitFormat struct {
	unit simulate.Unit
	cur  string
	lang plan.Language
}

// tick writes an axis tick of the unit; step is the axis step.
func (u unitFormat) tick(v, step float64) string {
	switch u.unit {
	case simulate.Money:
		return moneyShort(tickDecimal(v, 0), places(step), u.cur, u.lang)
	case simulate.Rate:
		return percentShort(tickDecimal(v, 6), places(step*100), u.lang)
	case simulate.Multiple:
		return display.Decimal(tickDecimal(v, 6), places(step), u.lang) + "×"
	default:
		return display.Decimal(tickDecimal(v, 6), places(step), u.lang)
	}
}

// value writes an exact value of the unit for a label: money whole when
// at least 100 or without cents (else with cents), rates with one
// decimal, counts whole (one decimal below 10 when fractional).
func (u unitFormat) value(d decimal.Decimal) string {
	switch u.unit {
	case simulate.Money:
		if d.Abs().Cmp(decimal.NewFromInt(100)) >= 0 || d.Round(2).Equal(d.Round(0)) {
			return moneyShort(d, 0, u.cur, u.lang)
		}
		return display.Money(d, u.cur, u.lang)
	case simulate.Rate:
		return display.Percent(d, u.lang)
	case simulate.Multiple:
		return display.Multiple(d, u.lang)
	case simulate.Count:
		if d.Abs().Cmp(decimal.NewFromInt(10)) < 0 && !d.Equal(d.Round(0)) {
			return display.Decimal(d, 1, u.lang)
		}
		return display.Count(d, u.lang)
	default:
		return display.Decimal(d, 0, u.lang)
	}
}

// monthNames are the short month names, January first.
var monthNames = [2][12]string{
	{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// monthLabels returns the labels of the plan's months 1..n: the short
// month name (from the plan start) and, under it, the year on the first
// month and every January. With no start date the labels are "M1", "M2"…
func monthLabels(start plan.Date, n int, lang plan.Language) (top, bottom []string) {
	top, bottom = make([]string, n), make([]string, n)
	li := 0
	if lang == plan.LangEN {
		li = 1
	}
	for i := range n {
		if start.IsZero() || start.Month < time.January || start.Month > time.December {
			top[i] = "M" + itoa(i+1)
			continue
		}
		d := start.AddMonths(i)
		top[i] = monthNames[li][d.Month-1]
		if i == 0 || d.Month == time.January {
			bottom[i] = itoa(d.Year)
		}
	}
	return top, bottom
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

// humanID turns a channel id ("facebook-familles") into a readable name
// ("Facebook familles") when the channel's name is not at hand.
func humanID(id string) string {
	s := strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(id))
	if s == "" {
		return id
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
