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
	doc := sections(w, p)
	w.printf("format = %d\n", FormatVersion)
	for _, s := range doc {
		w.printf("\n")
		s.write(w)
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.buf.Bytes(), nil
}

// section is one table of the canonical layout: a [table] or one entry of
// an [[array]], with its keys and values as Encode writes them. It is the
// one place where a plan becomes TOML text: Encode prints the sections,
// EncodeOver compares those of the old and the new plan key by key.
type section struct {
	name     string // table name: "plan", "channels", "scenarios.channel", …
	array    bool   // an entry of an array of tables ([[name]])
	id       string // identity of an array entry (see entryID)
	keys     []keyText
	children []section // a scenario's [[scenarios.channel]] entries
}

// keyText is one key = value line of a section, the value as TOML text.
type keyText struct{ key, text string }

// header returns the section's header line without its newline.
func (s section) header() string {
	if s.array {
		return "[[" + s.name + "]]"
	}
	return "[" + s.name + "]"
}

// write prints the section: its header, its keys, then its children.
func (s section) write(w *writer) {
	w.printf("%s\n", s.header())
	for _, k := range s.keys {
		w.printf("%s = %s\n", k.key, k.text)
	}
	for _, c := range s.children {
		c.write(w)
	}
}

// value returns the text of key in s, and whether s has the key.
func (s section) value(key string) (string, bool) {
	for _, k := range s.keys {
		if k.key == key {
			return k.text, true
		}
	}
	return "", false
}

// canonicalOrder is the order of the tables in Encode's layout.
var canonicalOrder = []string{"plan", "business", "funnel", "objectives", "channels", "scenarios", "simulation", "tracking", "actuals"}

// sections returns the canonical tables of p in Encode's order. Texts that
// are not valid UTF-8 are recorded as w's error.
func sections(w *writer, p Plan) []section {
	var doc []section
	info := p.Info
	doc = append(doc, section{name: "plan", keys: specTexts(w, infoSpecs, &info, nil)})
	b := p.Business
	doc = append(doc, section{name: "business", keys: specTexts(w, businessSpecs, &b, nil)})

	b2b := p.Business.Model == B2B
	if b2b {
		f := p.Funnel
		doc = append(doc, section{name: "funnel", keys: specTexts(w, funnelSpecs, &f, nil)})
	}

	for _, o := range p.Objectives {
		doc = append(doc, section{name: "objectives", array: true, id: o.ID, keys: specTexts(w, objectiveSpecs, &o, nil)})
	}

	for _, c := range p.Channels {
		keys := specTexts(w, channelHead, &c, nil)
		if len(c.ActiveMonths) > 0 {
			months := make([]string, len(c.ActiveMonths))
			for i, m := range c.ActiveMonths {
				months[i] = strconv.Itoa(m)
			}
			keys = append(keys, keyText{"active_months", "[" + strings.Join(months, ", ") + "]"})
		}
		kind := c.Kind
		keys = append(keys, specTexts(w, channelBody, &c, func(s spec[Channel]) bool {
			if s.b2b {
				return b2b
			}
			return s.takes(kind)
		})...)
		if len(c.Ranges) > 0 {
			parts := make([]string, len(c.Ranges))
			for i, r := range c.Ranges {
				parts[i] = fmt.Sprintf("%s = [%q, %q]", tomlKey(r.Input), formatDecimal(r.Low), formatDecimal(r.High))
			}
			keys = append(keys, keyText{"ranges", "{ " + strings.Join(parts, ", ") + " }"})
		}
		doc = append(doc, section{name: "channels", array: true, id: c.ID, keys: keys})
	}

	for _, s := range p.Scenarios {
		sc := section{name: "scenarios", array: true, id: s.Name, keys: []keyText{{"name", w.str(s.Name)}}}
		sc.keys = appendFactors(sc.keys, s.Factors)
		for _, cf := range s.Channels {
			keys := appendFactors([]keyText{{"id", w.str(cf.ID)}}, cf.Factors)
			sc.children = append(sc.children, section{name: "scenarios.channel", array: true, id: cf.ID, keys: keys})
		}
		doc = append(doc, sc)
	}

	sim := p.Simulation
	doc = append(doc, section{name: "simulation", keys: specTexts(w, simulationSpecs, &sim, nil)})

	var tracking []keyText
	if ws := p.Tracking.EngagementWeights; len(ws) > 0 {
		ws = slices.Clone(ws)
		slices.SortStableFunc(ws, func(a, b EngagementWeight) int { return strings.Compare(a.KPI, b.KPI) })
		parts := make([]string, len(ws))
		for i, x := range ws {
			parts[i] = fmt.Sprintf("%s = %q", tomlKey(x.KPI), formatDecimal(x.Weight))
		}
		tracking = append(tracking, keyText{"engagement_weights", "{ " + strings.Join(parts, ", ") + " }"})
	}
	tr := p.Tracking
	tracking = append(tracking, specTexts(w, trackingSpecs, &tr, nil)...)
	if len(tracking) > 0 {
		doc = append(doc, section{name: "tracking", keys: tracking})
	}

	for _, a := range p.Actuals {
		doc = append(doc, section{name: "actuals", array: true, id: actualID(a.Channel, a.Month), keys: specTexts(w, actualSpecs, &a, nil)})
	}
	return doc
}

// actualID is the identity of a row of actuals: its channel and month.
func actualID(channel string, month int) string { return channel + "\x00" + strconv.Itoa(month) }

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

// appendFactors appends the factors = { … } key of a scenario when it has
// factors.
func appendFactors(keys []keyText, fs []Factor) []keyText {
	if len(fs) == 0 {
		return keys
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s = %q", tomlKey(f.Input), formatDecimal(f.Factor))
	}
	return append(keys, keyText{"factors", "{ " + strings.Join(parts, ", ") + " }"})
}

// specTexts returns the keys of specs (those take accepts) of one table
// with their values as Encode writes them.
func specTexts[T any](w *writer, specs []spec[T], val *T, take func(spec[T]) bool) []keyText {
	var keys []keyText
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
		case *[]string:
			if len(*f) == 0 {
				continue
			}
			parts := make([]string, len(*f))
			for i, e := range *f {
				if utf8.ValidString(e) {
					parts[i] = tomlString(e, false)
				} else {
					parts[i] = w.str(e)
				}
			}
			text = "[" + strings.Join(parts, ", ") + "]"
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
		keys = append(keys, keyText{s.key, text})
	}
	return keys
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
