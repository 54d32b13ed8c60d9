package display

import (
	"strings"
	"testing"
	"unicode/utf8"

	"campaignsim/plan"
	"campaignsim/simulate"
)

func TestGlossaryAndGuideParse(t *testing.T) {
	h := loadHelp()
	if h.parseErr != nil {
		t.Fatal(h.parseErr)
	}
	if len(h.terms) == 0 || len(h.steps) == 0 {
		t.Fatalf("%d terms, %d steps", len(h.terms), len(h.steps))
	}
}

// The words issue 11 asks the glossary to define are all there.
func TestGlossaryHasTheTermsANewcomerMeets(t *testing.T) {
	for _, id := range []string{
		"cpa", "cac", "clv", "roi", "romi", "roas", "roi_romi_roas", "net_margin",
		"break_even", "break_even_customers", "break_even_cpa", "p10_p90", "chance",
		"ctr", "conversion_rate", "open_rate", "click_rate", "mql_sql", "leads",
		"gross_margin", "net_profit", "smart", "range",
	} {
		if _, ok := Term(id, plan.LangFR); !ok {
			t.Errorf("no term %q", id)
		}
	}
}

func TestEveryTermHasBothLanguages(t *testing.T) {
	fr, en := Glossary(plan.LangFR), Glossary(plan.LangEN)
	if len(fr) != len(en) || len(fr) < 30 {
		t.Fatalf("%d French terms, %d English", len(fr), len(en))
	}
	for _, e := range fr {
		g, ok := Term(e.ID, plan.LangEN)
		if !ok {
			t.Fatalf("%s: no English entry", e.ID)
		}
		if e.Name == "" || e.Text == "" || g.Name == "" || g.Text == "" {
			t.Errorf("%s: empty name or text: %+v / %+v", e.ID, e, g)
		}
		if e.Text == g.Text {
			t.Errorf("%s: French and English texts are the same: translate it", e.ID)
		}
	}
}

// Every figure the results show has a term, found from the figure's name,
// and every name a term explains finds that term: a click on a figure's
// label (Label(name)) opens Term(name).
func TestEveryFigureLabelFindsItsTerm(t *testing.T) {
	for _, s := range simulate.FigureSpecs() {
		if _, ok := Term(s.Name, plan.LangFR); !ok {
			t.Errorf("figure %q (%q) has no glossary term", s.Name, Label(s.Name, plan.LangFR))
		}
	}
	found := 0
	for name := range labels {
		for _, e := range Glossary(plan.LangEN) {
			for i, f := range e.Figures {
				if f != name {
					continue
				}
				found++
				for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
					got, ok := Term(name, lang)
					if !ok || got.ID != e.ID {
						t.Errorf("Term(%q, %s) = %q, %v; want %q", name, lang, got.ID, ok, e.ID)
					}
					if i == 0 && !strings.HasPrefix(got.Name, Label(name, lang)) {
						t.Errorf("term %q's %s name %q does not start with the label %q", e.ID, lang, got.Name, Label(name, lang))
					}
				}
			}
		}
	}
	// 27 figures of FigureSpecs, all covered, plus the stages and rates
	// some terms also explain: at least the 27.
	if found < len(simulate.FigureSpecs()) {
		t.Errorf("only %d labels have a term", found)
	}
}

func TestTermLookUp(t *testing.T) {
	cases := []struct {
		name, lang string
		id         string
		ok         bool
	}{
		{"p10_p90", "fr", "p10_p90", true},                    // a term's id
		{"break_even_cpa", "en", "break_even_cpa", true},      // a figure that is its term's id
		{"clicks", "fr", "interactions", true},                // a stage explained by a wider term
		{"mql_to_sql", "en", "mql_sql", true},                 // a funnel rate
		{"click_rate.case_studies", "en", "click_rate", true}, // qualified: its base
		{"no_such_thing", "fr", "", false},
		{"", "fr", "", false},
		{".x", "fr", "", false},
	}
	for _, c := range cases {
		e, ok := Term(c.name, plan.Language(c.lang))
		if ok != c.ok || e.ID != c.id {
			t.Errorf("Term(%q) = %q, %v; want %q, %v", c.name, e.ID, ok, c.id, c.ok)
		}
	}
	e, _ := Term("cpa", plan.LangEN)
	if !strings.HasPrefix(e.Name, "CPA — cost per acquisition") {
		t.Errorf("English CPA: %q", e.Name)
	}
	e, _ = Term("cpa", plan.LangFR)
	if !strings.HasPrefix(e.Name, "CPA — coût par acquisition") {
		t.Errorf("French CPA: %q", e.Name)
	}
}

// The glossary reads in dictionary order: accents and case ignored.
func TestGlossaryIsSortedAsADictionary(t *testing.T) {
	fr := Glossary(plan.LangFR)
	pos := map[string]int{}
	for i, e := range fr {
		pos[e.ID] = i
		if i > 0 && sortKey(fr[i-1].Name) > sortKey(e.Name) {
			t.Errorf("%q before %q", fr[i-1].Name, e.Name)
		}
	}
	// "Équilibre" sorts as "equilibre": after "Coût…" and "Expositions…"? No:
	// "equilibre" < "expositions" (q < x), and after "Conversions".
	if !(pos["conversions"] < pos["break_even"] && pos["break_even"] < pos["exposures"]) {
		t.Errorf("Équilibre at %d, Conversions %d, Expositions %d", pos["break_even"], pos["conversions"], pos["exposures"])
	}
	if got := Glossary(plan.LangFR); &got[0] == &fr[0] {
		t.Error("Glossary shares its slice")
	}
}

func TestFirstPlanGuide(t *testing.T) {
	fr, en := FirstPlanGuide(plan.LangFR), FirstPlanGuide(plan.LangEN)
	if len(fr) < 5 || len(fr) > 7 || len(en) != len(fr) {
		t.Fatalf("%d French steps, %d English: the guide has 5 to 7", len(fr), len(en))
	}
	for i := range fr {
		if fr[i].Title == "" || fr[i].Text == "" || en[i].Title == "" || en[i].Text == "" || fr[i].Text == en[i].Text {
			t.Errorf("step %d: %+v / %+v", i+1, fr[i], en[i])
		}
		for _, id := range fr[i].Terms {
			if _, ok := Term(id, plan.LangFR); !ok {
				t.Errorf("step %d: term %q", i+1, id)
			}
		}
	}
}

// frenchTypography reports the first breach of French typography in s: a
// ":" not preceded by a no-break space, a ";", "!", "?" or "%" not preceded by a narrow or plain no-break space, « » without
// no-break spaces inside, a thousands group split by a plain space, or a
// plain space before "€".
func frenchTypography(s string) string {
	rs := []rune(s)
	nb := func(r rune) bool { return r == '\u00a0' || r == '\u202f' }
	for i, r := range rs {
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '%' && !nb(prev):
			return "a narrow no-break space before %"
		case strings.ContainsRune(":;!?»€", r) && !nb(prev):
			return "a no-break space before " + string(r)
		case r == '«' && !nb(next):
			return "a no-break space after «"
		case r == ' ' && prev >= '0' && prev <= '9' && i+3 < len(rs) &&
			strings.IndexFunc(string(rs[i+1:i+4]), func(c rune) bool { return c < '0' || c > '9' }) < 0 &&
			(i+4 == len(rs) || rs[i+4] < '0' || rs[i+4] > '9'):
			return "a narrow no-break space between the groups of digits"
		}
	}
	return ""
}

func TestFrenchTypography(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"Coût\u00a0: 1\u202f000\u00a0€\u202f; 20\u202f%\u202f! «\u00a0oui\u00a0»\u202f?", ""},
		{"Coût : x", "a no-break space before :"},
		{"Coût: x", "a no-break space before :"},
		{"20 %", "a narrow no-break space before %"},
		{"« oui\u00a0»", "a no-break space after «"},
		{"1 000 clients", "a narrow no-break space between the groups of digits"},
		{"1 tirage sur 10 000\u202f?", "a narrow no-break space between the groups of digits"},
		{"P10 = 30 clients", ""},
		{"5 €", "a no-break space before €"},
	} {
		if got := frenchTypography(c.s); got != c.want {
			t.Errorf("frenchTypography(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	check := func(where, s string) {
		if !utf8.ValidString(s) {
			t.Errorf("%s: not UTF-8", where)
		}
		if why := frenchTypography(s); why != "" {
			t.Errorf("%s: write %s: %q", where, why, s)
		}
	}
	for _, e := range Glossary(plan.LangFR) {
		check(e.ID+" name", e.Name)
		check(e.ID+" text", e.Text)
	}
	for i, s := range FirstPlanGuide(plan.LangFR) {
		check("step "+string(rune('1'+i))+" title", s.Title)
		check("step "+string(rune('1'+i))+" text", s.Text)
	}
	for _, e := range Glossary(plan.LangEN) {
		if strings.ContainsAny(e.Name+e.Text, "«»\u00a0\u202f") {
			t.Errorf("%s: French quotes or spaces in English: %q", e.ID, e.Text)
		}
	}
}

func TestGlossaryErrorsNameTheTerm(t *testing.T) {
	const ok = "[[term]]\nid = \"x\"\n[term.fr]\nname = \"X\"\ntext = \"t\"\n[term.en]\nname = \"X\"\ntext = \"u\"\n"
	// cpa is a well-formed term id that explains the figure cpa.
	cpa := func(id string) string {
		return "[[term]]\nid = \"" + id + "\"\nfigures = [\"cpa\"]\n[term.fr]\nname = \"CPA\"\ntext = \"t\"\n[term.en]\nname = \"CPA\"\ntext = \"u\"\n"
	}
	cases := []struct{ name, data, want string }{
		{"well formed", ok, ""},
		{"no English", "[[term]]\nid = \"x\"\n[term.fr]\nname = \"X\"\ntext = \"t\"\n", `term "x" needs en.name and en.text`},
		{"twice", ok + ok, `term "x" is defined twice`},
		{"bad id", strings.Replace(ok, `"x"`, `"X y"`, 1), `id "X y" is not a name`},
		{"unknown key", ok + "colour = 1\n", "unknown key"},
		{"unknown figure", strings.Replace(ok, "id = \"x\"\n", "id = \"x\"\nfigures = [\"nope\"]\n", 1), `figure "nope" has no label`},
		{"name without the label", strings.Replace(ok, "id = \"x\"\n", "id = \"x\"\nfigures = [\"cpa\"]\n", 1), `does not start with the label of "cpa": write "CPA" first`},
		{"see nothing", strings.Replace(ok, "id = \"x\"\n", "id = \"x\"\nsee = [\"y\"]\n", 1), `see "y" is not another term`},
		{"see itself", strings.Replace(ok, "id = \"x\"\n", "id = \"x\"\nsee = [\"x\"]\n", 1), `see "x" is not another term`},
		{"figure twice", cpa("x") + cpa("y"), `figure "cpa" is explained by both "x" and "y"`},
		{"not TOML", "[[term]\n", "expected"},
	}
	for _, c := range cases {
		_, err := parseGlossary([]byte(c.data))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	terms, _ := parseGlossary([]byte(ok))
	for _, c := range []struct{ name, data, want string }{
		{"no step", "", "no [[step]]"},
		{"no English", "[[step]]\n[step.fr]\ntitle = \"T\"\ntext = \"t\"\n", "step 1 needs en.title"},
		{"unknown term", "[[step]]\nterms = [\"z\"]\n[step.fr]\ntitle = \"T\"\ntext = \"t\"\n[step.en]\ntitle = \"T\"\ntext = \"t\"\n", `step 1: term "z" is not in the glossary`},
	} {
		_, err := parseGuide([]byte(c.data), terms)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("guide %s: error %v, want %q", c.name, err, c.want)
		}
	}
}
