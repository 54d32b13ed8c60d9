package plan

import "github.com/shopspring/decimal"

// Value returns the value of one decimal input of the channel, named by its
// plan-file key ("open_rate", "ctr", "budget", "audience"…), and whether
// the channel's kind takes that key and it is set (an unset optional key
// such as a display channel without audience gives false). Rates are
// fractions; money is in the plan's currency. This is the one mapping from
// key names to Channel fields: the decoder, the benchmark pre-fill, the
// sensitivity analysis and the app all go through the key table it reads.
func (c Channel) Value(key string) (decimal.Decimal, bool) {
	s, ok := channelSpec(c.Kind, key)
	if !ok {
		return decimal.Decimal{}, false
	}
	switch f := s.field(&c).(type) {
	case *decimal.Decimal:
		return *f, true
	case *decimal.NullDecimal:
		return f.Decimal, f.Valid
	}
	return decimal.Decimal{}, false
}

// SetValue sets one decimal input of the channel, named by its plan-file
// key (see Value); an optional key becomes set. It reports false, and
// changes nothing, when the channel's kind has no decimal key of that name.
// It does not check the value's range: plan.Validate does.
func (c *Channel) SetValue(key string, v decimal.Decimal) bool {
	s, ok := channelSpec(c.Kind, key)
	if !ok {
		return false
	}
	switch f := s.field(c).(type) {
	case *decimal.Decimal:
		*f = v
	case *decimal.NullDecimal:
		*f = decimal.NewNullDecimal(v)
	default:
		return false
	}
	return true
}
