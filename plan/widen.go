package plan

import "github.com/shopspring/decimal"

// WidenRange returns, when channel c's value of key lies outside the
// uncertainty range c gives it (ranges.key), that range widened to hold
// the value, and the message that offers it in the user's words ("3,0 %
// est hors de la fourchette 0,8 %–2,5 % : l'élargir à 0,8 %–3,5 % ?").
// It reports false when c has no range for key, or the range already
// holds the value.
//
// The end the value passed moves as far beyond the value as the value
// went beyond it (its mirror across the value): a response rate set to 3 %
// with a range [0,8 %, 2,5 %] gets [0,8 %, 3,5 %] (3 + (3 − 2,5) = 3,5).
// So the plan value is inside the range with room on that side, and the
// range's other end is kept. The new end is held within the key's limits
// (a rate at most 100 %; a bound that must stay above 0 falls back to the
// value itself), so the widened range always passes Validate. The design
// says nothing about how far to widen; this is the smallest rule that
// leaves the value strictly inside and keeps the user's other end.
func WidenRange(c Channel, key string) (Range, Msg, bool) {
	v, ok := c.Value(key)
	if !ok {
		return Range{}, Msg{}, false
	}
	i := -1
	for j, r := range c.Ranges {
		if r.Input == key {
			i = j
			break
		}
	}
	if i < 0 {
		return Range{}, Msg{}, false
	}
	old := c.Ranges[i]
	if old.Low.GreaterThan(old.High) || (v.Cmp(old.Low) >= 0 && v.Cmp(old.High) <= 0) {
		return Range{}, Msg{}, false
	}
	s, _ := channelSpec(c.Kind, key)
	w := old
	if v.GreaterThan(old.High) {
		w.High = v.Add(v.Sub(old.High))
		if s.b != nil && w.High.GreaterThan(s.b.hi) {
			w.High = s.b.hi
		}
	} else {
		w.Low = v.Sub(old.Low.Sub(v))
		if s.b != nil && (w.Low.LessThan(s.b.lo) || s.b.loOpen && w.Low.Cmp(s.b.lo) <= 0) {
			w.Low = s.b.lo
			if s.b.loOpen {
				w.Low = v
			}
		}
	}
	arg := func(name string, d decimal.Decimal) Arg {
		switch s.b {
		case bRate, bRatePos:
			return RateArg(name, d)
		case bMoney, bMoneyPos:
			return MoneyArg(name, d)
		}
		return DecimalArg(name, d, 2)
	}
	m := NewMsg(msgRangeWiden, arg("value", v), arg("low", old.Low), arg("high", old.High),
		arg("new_low", w.Low), arg("new_high", w.High))
	return w, m, true
}
