package display

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"campaignsim/assets"
	"campaignsim/plan"

	"github.com/BurntSushi/toml"
)

// Entry is one term of the glossary in one language: the words a person
// reads beside a figure, in a tool or in the tracking, defined in plain
// words from MODEL.md.
type Entry struct {
	ID      string   // the term's name, lower case: "cpa", "p10_p90"
	Name    string   // the heading: "CPA — coût par acquisition"
	Text    string   // the definition, a few sentences
	Figures []string // the names of Label (figures, stages, rates) it explains; may be empty
	See     []string // ids of related terms, each in the glossary
}

// Step is one step of the first-plan guide in one language.
type Step struct {
	Title string   // "Décrivez votre commerce"
	Text  string   // what to do, and where in the app
	Terms []string // ids of the glossary terms the step speaks of
}

// termText is a term's or a step's words in one language.
type termText struct {
	Name  string `toml:"name"`
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// rawTerm is one [[term]] of glossary.toml.
type rawTerm struct {
	ID      string   `toml:"id"`
	Figures []string `toml:"figures"`
	See     []string `toml:"see"`
	FR      termText `toml:"fr"`
	EN      termText `toml:"en"`
}

// rawStep is one [[step]] of guide.toml.
type rawStep struct {
	Terms []string `toml:"terms"`
	FR    termText `toml:"fr"`
	EN    termText `toml:"en"`
}

// help is the parsed glossary and guide.
type help struct {
	terms    []rawTerm
	byName   map[string]int // term id or figure name → index in terms
	steps    []rawStep
	parseErr error
}

var (
	helpOnce sync.Once
	helpData help
)

// loadHelp parses the embedded glossary and guide once. A malformed file
// (a test keeps the embedded ones well formed) leaves both empty.
func loadHelp() *help {
	helpOnce.Do(func() {
		terms, err := parseGlossary(assets.Glossary)
		if err != nil {
			helpData.parseErr = fmt.Errorf("glossary.toml: %w", err)
			return
		}
		steps, err := parseGuide(assets.Guide, terms)
		if err != nil {
			helpData.parseErr = fmt.Errorf("guide.toml: %w", err)
			return
		}
		helpData.terms, helpData.steps = terms, steps
		helpData.byName = map[string]int{}
		for i, t := range terms {
			helpData.byName[t.ID] = i
		}
		for i, t := range terms {
			for _, f := range t.Figures {
				if _, ok := helpData.byName[f]; !ok {
					helpData.byName[f] = i
				}
			}
		}
	})
	return &helpData
}

// termID is what a term id may be: lower-case letters, digits and
// underscores, starting with a letter.
var termID = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// parseGlossary reads glossary.toml and checks it: every term has an id
// of its own, a name and a text in both languages; a figure is explained
// by one term only and is a name Label knows, and the term's name starts
// with that figure's label in each language (so the heading matches the
// label the reader clicked); every "see" names another term. An error
// names the term and what to write instead.
func parseGlossary(data []byte) ([]rawTerm, error) {
	var f struct {
		Term []rawTerm `toml:"term"`
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("unknown key %s: a term has id, figures, see, fr.name, fr.text, en.name, en.text", und[0])
	}
	ids := map[string]bool{}
	figureOf := map[string]string{}
	for i, t := range f.Term {
		if !termID.MatchString(t.ID) {
			return nil, fmt.Errorf("term %d: id %q is not a name: write lower-case letters, digits and _", i+1, t.ID)
		}
		if ids[t.ID] {
			return nil, fmt.Errorf("term %q is defined twice: keep one", t.ID)
		}
		ids[t.ID] = true
		for _, l := range []struct {
			code string
			text termText
		}{{"fr", t.FR}, {"en", t.EN}} {
			if l.text.Name == "" || l.text.Text == "" {
				return nil, fmt.Errorf("term %q needs %s.name and %s.text", t.ID, l.code, l.code)
			}
			if l.text.Title != "" {
				return nil, fmt.Errorf("term %q: %s.title is for guide steps: write %s.name", t.ID, l.code, l.code)
			}
		}
		for j, fig := range t.Figures {
			if _, ok := labels[fig]; !ok {
				return nil, fmt.Errorf("term %q: figure %q has no label in display.Label: write a figure, stage or rate name", t.ID, fig)
			}
			if prev, ok := figureOf[fig]; ok {
				return nil, fmt.Errorf("figure %q is explained by both %q and %q: keep it in one", fig, prev, t.ID)
			}
			figureOf[fig] = t.ID
			if j > 0 {
				continue
			}
			for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
				name, want := t.FR.Name, Label(fig, lang)
				if isEN(lang) {
					name = t.EN.Name
				}
				if !strings.HasPrefix(name, want) {
					return nil, fmt.Errorf("term %q: its %s name %q does not start with the label of %q: write %q first", t.ID, lang, name, fig, want)
				}
			}
		}
	}
	for fig, id := range figureOf {
		if ids[fig] && fig != id {
			return nil, fmt.Errorf("figure %q of term %q is also a term's id: let term %q explain it", fig, id, fig)
		}
	}
	for _, t := range f.Term {
		for _, s := range t.See {
			if !ids[s] || s == t.ID {
				return nil, fmt.Errorf("term %q: see %q is not another term of the glossary", t.ID, s)
			}
		}
	}
	return f.Term, nil
}

// parseGuide reads guide.toml: at least one step, each with a title and a
// text in both languages, its terms ids of the glossary terms.
func parseGuide(data []byte, terms []rawTerm) ([]rawStep, error) {
	var f struct {
		Step []rawStep `toml:"step"`
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("unknown key %s: a step has terms, fr.title, fr.text, en.title, en.text", und[0])
	}
	if len(f.Step) == 0 {
		return nil, fmt.Errorf("no [[step]]: write at least one")
	}
	for i, s := range f.Step {
		for _, l := range []struct {
			code string
			text termText
		}{{"fr", s.FR}, {"en", s.EN}} {
			if l.text.Title == "" || l.text.Text == "" || l.text.Name != "" {
				return nil, fmt.Errorf("step %d needs %s.title and %s.text (and no name)", i+1, l.code, l.code)
			}
		}
		for _, id := range s.Terms {
			if !slices.ContainsFunc(terms, func(t rawTerm) bool { return t.ID == id }) {
				return nil, fmt.Errorf("step %d: term %q is not in the glossary", i+1, id)
			}
		}
	}
	return f.Step, nil
}

// entry returns t in lang.
func (t rawTerm) entry(lang plan.Language) Entry {
	w := t.FR
	if isEN(lang) {
		w = t.EN
	}
	return Entry{ID: t.ID, Name: w.Name, Text: w.Text, Figures: slices.Clone(t.Figures), See: slices.Clone(t.See)}
}

// Glossary returns every term of the glossary in lang (French unless
// plan.LangEN), sorted by name as a reader looks it up: case and French
// accents ignored, so "Équilibre" sits among the E. The slices are the
// caller's.
func Glossary(lang plan.Language) []Entry {
	h := loadHelp()
	out := make([]Entry, len(h.terms))
	for i, t := range h.terms {
		out[i] = t.entry(lang)
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		return strings.Compare(sortKey(a.Name), sortKey(b.Name))
	})
	return out
}

// Term returns the glossary entry for name in lang, and whether there is
// one. Name is a term's id ("p10_p90") or a name of Label the term
// explains ("break_even_cpa", "clicks"); a qualified name reads as its
// base ("click_rate.case_studies" is "click_rate"). So a screen that
// shows Label(name) offers the term with Term(name).
func Term(name string, lang plan.Language) (Entry, bool) {
	h := loadHelp()
	i, ok := h.byName[name]
	if !ok {
		base, _, cut := strings.Cut(name, ".")
		if i, ok = h.byName[base]; !ok || !cut {
			return Entry{}, false
		}
	}
	return h.terms[i].entry(lang), true
}

// FirstPlanGuide returns the steps of a first campaign in lang, in order:
// what to fill in, where, and what to read, for someone facing a blank
// plan.
func FirstPlanGuide(lang plan.Language) []Step {
	h := loadHelp()
	out := make([]Step, len(h.steps))
	for i, s := range h.steps {
		w := s.FR
		if isEN(lang) {
			w = s.EN
		}
		out[i] = Step{Title: w.Title, Text: w.Text, Terms: slices.Clone(s.Terms)}
	}
	return out
}

// foldAccents maps the accented letters of French to their base letter.
var foldAccents = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y",
	"œ", "oe", "æ", "ae",
)

// sortKey is s as a dictionary orders it: lower case, accents folded.
func sortKey(s string) string { return foldAccents.Replace(strings.ToLower(s)) }
