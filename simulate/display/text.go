package display

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"campaignsim/assets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"
)

// Template is one entry of the message catalog: the French and English
// templates of a code. A template is text with named placeholders in
// braces, "{over}", each the Name of an argument of the message.
type Template struct {
	FR string `toml:"fr"`
	EN string `toml:"en"`
}

// listSeparator is the catalog code of the separator between the messages
// of an ArgMsgs argument.
const listSeparator = "list_separator"

var (
	catalogOnce sync.Once
	catalog     map[string]Template
	catalogErr  error
)

// Catalog returns the message catalog, the files assets/i18n/messages/*.toml
// parsed once and merged: code → templates. It is the one place every message of plan and
// simulate is worded. The error is that of a malformed catalog (a test
// keeps the embedded one well formed); the map is then empty.
func Catalog() (map[string]Template, error) {
	catalogOnce.Do(func() {
		catalog, catalogErr = LoadCatalog(assets.Messages)
	})
	return catalog, catalogErr
}

// LoadCatalog reads every .toml file of fsys's "i18n/messages" folder
// with ParseCatalog and merges them. A code given by two files is an error
// naming both, as is a malformed file (named).
func LoadCatalog(fsys fs.FS) (map[string]Template, error) {
	names, err := fs.Glob(fsys, "i18n/messages/*.toml")
	if err != nil || len(names) == 0 {
		return map[string]Template{}, fmt.Errorf("messages: no catalog file in i18n/messages")
	}
	all := map[string]Template{}
	from := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return map[string]Template{}, err
		}
		cat, err := ParseCatalog(data)
		if err != nil {
			return map[string]Template{}, fmt.Errorf("%s: %w", path.Base(name), err)
		}
		for code, t := range cat {
			if prev, ok := from[code]; ok {
				return map[string]Template{}, fmt.Errorf("messages: [%s] is in both %s and %s: keep one", code, prev, path.Base(name))
			}
			from[code] = path.Base(name)
			all[code] = t
		}
	}
	return all, nil
}

// ParseCatalog reads one file of the message catalog: one TOML table per code with the
// string keys fr and en. An unknown key, a missing language or a
// placeholder left open ("{over") is an error naming the code.
func ParseCatalog(data []byte) (map[string]Template, error) {
	var raw map[string]Template
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return map[string]Template{}, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return map[string]Template{}, fmt.Errorf("unknown key %s: each code has only fr and en", und[0])
	}
	for _, c := range slices.Sorted(maps.Keys(raw)) {
		t := raw[c]
		if t.FR == "" || t.EN == "" {
			return map[string]Template{}, fmt.Errorf("[%s] needs both fr and en", c)
		}
		for _, s := range []string{t.FR, t.EN} {
			if _, err := Placeholders(s); err != nil {
				return map[string]Template{}, fmt.Errorf("[%s]: %w", c, err)
			}
		}
	}
	return raw, nil
}

// Placeholders returns the names of the placeholders of template s, in
// order of appearance (repeated as often as they appear). A "{" without
// its "}" or an empty name "{}" is an error.
func Placeholders(s string) ([]string, error) {
	var names []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return names, nil
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return names, fmt.Errorf("placeholder %q is not closed: write {name}", s[i:])
		}
		name := s[i+1 : i+j]
		if name == "" || strings.ContainsAny(name, "{ ") {
			return names, fmt.Errorf("placeholder {%s} is not a name: write {name}", name)
		}
		names = append(names, name)
		s = s[i+j+1:]
	}
}

// Text renders m in lang (French unless plan.LangEN) from the catalog,
// each argument written by its kind with this package's formats: money
// with Money in currency (the plan's; "" means EUR), rates with Percent,
// counts with Count, dates with Date, metrics with Label, figures with
// Figure, plan keys as written in the file. The zero Msg renders "". A
// code missing from the catalog (a test forbids it) renders as the code
// followed by its arguments, and a placeholder the message has no
// argument for stays as "{name}", so nothing is ever silently lost.
func Text(m plan.Msg, lang plan.Language, currency string) string {
	if m.IsZero() {
		return ""
	}
	cat, _ := Catalog()
	t, ok := cat[m.Code]
	if !ok {
		parts := []string{m.Code}
		for _, a := range m.Args {
			parts = append(parts, a.Name+"="+Arg(a, lang, currency))
		}
		return strings.Join(parts, " ")
	}
	tmpl := t.FR
	if isEN(lang) {
		tmpl = t.EN
	}
	var b strings.Builder
	s := tmpl
	for {
		i := strings.IndexByte(s, '{')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i:], '}')
		}
		if i < 0 || j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		if a, ok := m.Arg(name); ok {
			b.WriteString(Arg(a, lang, currency))
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

// unitOf gives the kinds of argument that are written as a figure of
// that unit (Figure does it).
var unitOf = map[plan.ArgKind]simulate.Unit{
	plan.ArgMoney: simulate.Money, plan.ArgRate: simulate.Rate, plan.ArgCount: simulate.Count,
}

// Arg writes one argument of a message for people in lang (see Text).
func Arg(a plan.Arg, lang plan.Language, currency string) string {
	if u, ok := unitOf[a.Kind]; ok {
		return Figure(simulate.Spec{Unit: u}, decimal.NewNullDecimal(a.Value), currency, lang)
	}
	switch a.Kind {
	case plan.ArgMoneyWhole:
		return MoneyWhole(a.Value, currency, lang)
	case plan.ArgDecimal:
		return Decimal(a.Value, a.Places, lang)
	case plan.ArgDate:
		return Date(a.Date, lang)
	case plan.ArgMonth:
		return Count(decimal.NewFromInt(int64(a.Count)), lang)
	case plan.ArgMetric:
		return Label(a.Text, lang)
	case plan.ArgFigure:
		spec, _ := simulate.SpecOf(a.Text)
		return Figure(spec, decimal.NullDecimal{Decimal: a.Value, Valid: a.Valid}, currency, lang)
	case plan.ArgMsgs:
		parts := make([]string, len(a.Msgs))
		for i, m := range a.Msgs {
			parts[i] = Text(m, lang, currency)
		}
		return strings.Join(parts, Text(plan.NewMsg(listSeparator), lang, currency))
	case plan.ArgKinds:
		parts := make([]string, len(a.Texts))
		for i, k := range a.Texts {
			parts[i] = KindLabel(plan.Kind(k), lang)
		}
		return strings.Join(parts, ", ")
	}
	return a.Text // ArgText, ArgKey
}

// MoneyWhole is Money rounded to the currency's whole unit (half away from
// zero), as advice reads: fr "1 200 €", en "€1,200", "CHF 1,200"; -0.4
// shows "0 €".
func MoneyWhole(v decimal.Decimal, currency string, lang plan.Language) string {
	return money(v, 0, currency, lang)
}
