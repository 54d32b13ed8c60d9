package plan

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Encode writes p as a plan file in canonical format 1 that Decode reads
// back equal (for a p that passes Validate): tables and keys in FORMAT.md's
// order; money and rates as quoted decimal strings keeping their written
// digits ("0.220" stays "0.220"); whole counts, and decimal counts that are
// whole (audience, followers, …), as TOML integers; dates as TOML local
// dates.
//
// Encode writes every required key and every key that has a default, and
// leaves out optional keys that are unset or empty (author, owner,
// deadline, ctr, audience, fixed_cost = 0, min_budget = 0, locked = false,
// …), and the [tracking] table when it has no engagement_weights (the
// weights are written sorted by KPI). A channel gets only the keys of its kind; the [funnel] and the
// channels' funnel overrides are written only in a b2b plan. Encode fails
// only on text that is not valid UTF-8.
func Encode(p Plan) ([]byte, error) {
	w := &writer{}
	w.printf("format = %d\n", FormatVersion)

	w.printf("\n[plan]\n")
	info := p.Info
	encodeSpecs(w, infoSpecs, &info, nil)

	w.printf("\n[business]\n")
	b := p.Business
	encodeSpecs(w, businessSpecs, &b, nil)

	b2b := p.Business.Model == B2B
	if b2b {
		w.printf("\n[funnel]\n")
		f := p.Funnel
		encodeSpecs(w, funnelSpecs, &f, nil)
	}

	for _, o := range p.Objectives {
		w.printf("\n[[objectives]]\n")
		encodeSpecs(w, objectiveSpecs, &o, nil)
	}

	for _, c := range p.Channels {
		w.printf("\n[[channels]]\n")
		encodeSpecs(w, channelHead, &c, nil)
		if len(c.ActiveMonths) > 0 {
			months := make([]string, len(c.ActiveMonths))
			for i, m := range c.ActiveMonths {
				months[i] = strconv.Itoa(m)
			}
			w.printf("active_months = [%s]\n", strings.Join(months, ", "))
		}
		kind := c.Kind
		encodeSpecs(w, channelBody, &c, func(s spec[Channel]) bool {
			if s.b2b {
				return b2b
			}
			return s.takes(kind)
		})
		if len(c.Ranges) > 0 {
			parts := make([]string, len(c.Ranges))
			for i, r := range c.Ranges {
				parts[i] = fmt.Sprintf("%s = [%q, %q]", tomlKey(r.Input), formatDecimal(r.Low), formatDecimal(r.High))
			}
			w.printf("ranges = { %s }\n", strings.Join(parts, ", "))
		}
	}

	for _, s := range p.Scenarios {
		w.printf("\n[[scenarios]]\n")
		w.printf("name = %s\n", w.str(s.Name))
		writeFactors(w, s.Factors)
		for _, cf := range s.Channels {
			w.printf("[[scenarios.channel]]\n")
			w.printf("id = %s\n", w.str(cf.ID))
			writeFactors(w, cf.Factors)
		}
	}

	w.printf("\n[simulation]\n")
	sim := p.Simulation
	encodeSpecs(w, simulationSpecs, &sim, nil)

	if ws := p.Tracking.EngagementWeights; len(ws) > 0 {
		ws = slices.Clone(ws)
		slices.SortStableFunc(ws, func(a, b EngagementWeight) int { return strings.Compare(a.KPI, b.KPI) })
		parts := make([]string, len(ws))
		for i, x := range ws {
			parts[i] = fmt.Sprintf("%s = %q", tomlKey(x.KPI), formatDecimal(x.Weight))
		}
		w.printf("\n[tracking]\n")
		w.printf("engagement_weights = { %s }\n", strings.Join(parts, ", "))
	}

	for _, a := range p.Actuals {
		w.printf("\n[[actuals]]\n")
		encodeSpecs(w, actualSpecs, &a, nil)
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.buf.Bytes(), nil
}

// writer accumulates the TOML text and the first error.
type writer struct {
	buf bytes.Buffer
	err error
}

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(&w.buf, format, args...) }

// str quotes s as a TOML basic string.
func (w *writer) str(s string) string {
	if !utf8.ValidString(s) {
		if w.err == nil {
			w.err = fmt.Errorf("plan: encode: %w: %q", errNotUTF8, s)
		}
		return `""`
	}
	return tomlString(s, false)
}

// errNotUTF8 is the error Encode wraps when a text of the plan is not UTF-8.
var errNotUTF8 = errors.New("text is not valid UTF-8")

func writeFactors(w *writer, fs []Factor) {
	if len(fs) == 0 {
		return
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s = %q", tomlKey(f.Input), formatDecimal(f.Factor))
	}
	w.printf("factors = { %s }\n", strings.Join(parts, ", "))
}

// encodeSpecs writes the keys of specs (those take accepts) of one table.
func encodeSpecs[T any](w *writer, specs []spec[T], val *T, take func(spec[T]) bool) {
	for _, s := range specs {
		if take != nil && !take(s) {
			continue
		}
		var text string
		switch f := s.field(val).(type) {
		case *decimal.Decimal:
			if s.omit && f.IsZero() {
				continue
			}
			text = decimalText(*f, s.count)
		case *decimal.NullDecimal:
			if !f.Valid {
				continue
			}
			text = decimalText(f.Decimal, s.count)
		case *int:
			if s.omit && *f == 0 {
				continue
			}
			text = strconv.Itoa(*f)
		case *int64:
			if s.omit && *f == 0 {
				continue
			}
			text = strconv.FormatInt(*f, 10)
		case *bool:
			if s.omit && !*f {
				continue
			}
			text = strconv.FormatBool(*f)
		case *Date:
			if f.IsZero() {
				continue
			}
			text = f.String()
		default:
			str := stringOf(f)
			if s.omit && str == "" {
				continue
			}
			if !utf8.ValidString(str) {
				text = w.str(str)
			} else {
				text = tomlString(str, s.key == "context" && strings.Contains(str, "\n"))
			}
		}
		w.printf("%s = %s\n", s.key, text)
	}
}

// decimalText writes a decimal as a quoted string, or as a TOML integer
// for a whole count.
func decimalText(d decimal.Decimal, count bool) string {
	if count && d.IsInteger() && d.Abs().LessThan(decimal.New(1, 15)) {
		return d.Truncate(0).String()
	}
	return strconv.Quote(formatDecimal(d))
}

// tomlKey writes a key bare when it can, quoted otherwise.
func tomlKey(k string) string {
	if k != "" && strings.IndexFunc(k, func(r rune) bool { return r > 127 || !isBare(byte(r)) }) < 0 {
		return k
	}
	return tomlString(k, false)
}

// tomlString quotes s as a TOML basic string, or as a multi-line basic
// string (newlines kept as they are) when multiline is set.
func tomlString(s string, multiline bool) string {
	var b strings.Builder
	if multiline {
		b.WriteString("\"\"\"\n")
	} else {
		b.WriteByte('"')
	}
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multiline {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
