package plan

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"campaignsim/assets"

	"github.com/BurntSushi/toml"
)

// Template is one entry of the message catalog: the French and English
// templates of a code. A template is text with named placeholders in
// braces, "{over}", each the Name of an argument of the message.
type Template struct {
	FR string `toml:"fr"`
	EN string `toml:"en"`
}

// codeListSeparator is the catalog code of the separator between the
// messages of an ArgMsgs argument.
const codeListSeparator = "list_separator"

var (
	catalogOnce sync.Once
	catalog     map[string]Template
	catalogErr  error
)

// Catalog returns the message catalog, the files
// assets/i18n/messages/*.toml parsed once and merged: code → templates.
// It is the one place every message of plan and simulate is worded. The
// error is that of a malformed catalog (a test keeps the embedded one well
// formed); the map is then empty.
//
// It lives in plan, not in simulate/display, so that Error() can word a
// plan error without display (which imports plan): both read the same
// templates through Render.
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

// ParseCatalog reads one file of the message catalog: one TOML table per
// code with the string keys fr and en. An unknown key, a missing language
// or a placeholder left open ("{over") is an error naming the code.
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
// order of appearance (repeated as often as they appear). "{{" is a
// literal "{" (a message that shows TOML: "ranges = {{ ctr = … }"). A "{"
// without its "}" or an empty name "{}" is an error.
func Placeholders(s string) ([]string, error) {
	var names []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return names, nil
		}
		if strings.HasPrefix(s[i:], "{{") {
			s = s[i+2:]
			continue
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return names, fmt.Errorf("placeholder %q is not closed: write {name}", s[i:])
		}
		name := s[i+1 : i+j]
		if name == "" || strings.ContainsAny(name, "{ ") {
			return names, fmt.Errorf("placeholder {%s} is not a name: write {name}, or {{ for a brace", name)
		}
		names = append(names, name)
		s = s[i+j+1:]
	}
}

// Render is the one renderer of messages: it writes m in lang (French
// unless LangEN) from the catalog, each argument written by arg. The zero
// Msg renders "". A code missing from the catalog (a test forbids it)
// renders as the code followed by its arguments, and a placeholder the
// message has no argument for stays as "{name}", so nothing is ever
// silently lost.
//
// Two callers give arg: simulate/display.Text writes arguments for people
// (money, percentages and dates in the language's notation), Msg.String
// (and so Error.Error) writes them as a plan file does. The words are the
// same.
func Render(m Msg, lang Language, arg func(Arg) string) string {
	if m.IsZero() {
		return ""
	}
	cat, _ := Catalog()
	t, ok := cat[m.Code]
	if !ok {
		parts := []string{m.Code}
		for _, a := range m.Args {
			parts = append(parts, a.Name+"="+arg(a))
		}
		return strings.Join(parts, " ")
	}
	tmpl := t.FR
	if lang == LangEN {
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
		if i >= 0 && j < 0 && strings.HasPrefix(s[i:], "{{") {
			j = 1 // "{{" with no "}" after it
		}
		if i < 0 || j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if strings.HasPrefix(s[i:], "{{") {
			b.WriteByte('{')
			s = s[i+2:]
			continue
		}
		name := s[i+1 : i+j]
		if a, ok := m.Arg(name); ok {
			b.WriteString(arg(a))
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

// String writes m in English with its arguments as a plan file writes
// them (decimals with a point, dates as 2027-01-04, keys and names as
// they are): the words of Error.Error and of logs. People read a message
// through simulate/display.Text, in their language.
func (m Msg) String() string { return Render(m, LangEN, plainArg) }

// plainArg writes an argument as a plan file would (see Msg.String).
func plainArg(a Arg) string {
	switch a.Kind {
	case ArgMoney:
		return a.Value.StringFixed(2)
	case ArgMoneyWhole, ArgCount:
		return a.Value.Round(0).String()
	case ArgRate:
		return a.Value.Shift(2).String() + " %"
	case ArgDecimal:
		return a.Value.StringFixed(max(a.Places, 0))
	case ArgDate:
		if a.Date.IsZero() {
			return "—"
		}
		return a.Date.String()
	case ArgMonth:
		return fmt.Sprint(a.Count)
	case ArgFigure:
		if !a.Valid {
			return "—"
		}
		return a.Value.String()
	case ArgMsgs:
		parts := make([]string, len(a.Msgs))
		for i, m := range a.Msgs {
			parts[i] = m.String()
		}
		return strings.Join(parts, NewMsg(codeListSeparator).String())
	case ArgKinds:
		return strings.Join(a.Texts, ", ")
	}
	return a.Text // ArgText, ArgKey, ArgMetric
}
