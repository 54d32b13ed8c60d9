package plan

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"campaignsim/assets"
)

func mustLibrary(t *testing.T) Library {
	t.Helper()
	lib, err := ParseLibrary(assets.Benchmarks)
	if err != nil {
		t.Fatalf("embedded benchmarks.toml does not parse:\n%v", err)
	}
	return lib
}

func TestLibraryEmbeddedParses(t *testing.T) {
	lib := mustLibrary(t)
	if len(lib.Benchmarks) == 0 || len(lib.Levers) == 0 {
		t.Fatalf("embedded library is empty: %d benchmarks, %d levers", len(lib.Benchmarks), len(lib.Levers))
	}
	if err := DefaultLibraryErr(); err != nil {
		t.Fatalf("DefaultLibraryErr() = %v", err)
	}
	def := DefaultLibrary()
	if len(def.Benchmarks) != len(lib.Benchmarks) || len(def.Levers) != len(lib.Levers) {
		t.Fatalf("DefaultLibrary has %d/%d entries, ParseLibrary %d/%d",
			len(def.Benchmarks), len(def.Levers), len(lib.Benchmarks), len(lib.Levers))
	}
}

func TestLibraryEveryBenchmarkHasSourceAndYear(t *testing.T) {
	for i, b := range mustLibrary(t).Benchmarks {
		if strings.TrimSpace(b.Source) == "" {
			t.Errorf("benchmarks[%d] (%s): no source", i, b.Metric)
		}
		if b.Year < 1990 || b.Year > 2030 {
			t.Errorf("benchmarks[%d] (%s): year %d", i, b.Metric, b.Year)
		}
		if strings.TrimSpace(b.Note) == "" {
			t.Errorf("benchmarks[%d] (%s): no note saying what the figure measures", i, b.Metric)
		}
		// An assumption must say so, and explain itself in its note.
		if strings.Contains(strings.ToLower(b.Source), "assumption") &&
			b.Source != "CampaignSim assumption — to be replaced by your own data" {
			t.Errorf("benchmarks[%d] (%s): assumption source %q is not the standard wording", i, b.Metric, b.Source)
		}
	}
}

func TestLibraryLeversReferencedExist(t *testing.T) {
	lib := mustLibrary(t)
	used := map[string]bool{}
	for i, b := range lib.Benchmarks {
		for _, id := range b.Levers {
			if _, ok := lib.Lever(id); !ok {
				t.Errorf("benchmarks[%d] (%s) names lever %q, which does not exist", i, b.Metric, id)
			}
			used[id] = true
		}
	}
	for _, l := range lib.Levers {
		if l.FR == "" || l.EN == "" || l.Source == "" {
			t.Errorf("lever %q lacks a text or its source", l.ID)
		}
		if l.Text(LangEN) != l.EN || l.Text(LangFR) != l.FR {
			t.Errorf("lever %q: Text does not pick the language", l.ID)
		}
		if !used[l.ID] {
			t.Errorf("lever %q is never suggested by a benchmark", l.ID)
		}
	}
	if _, ok := lib.Lever("no-such-lever"); ok {
		t.Error(`Lever("no-such-lever") found something`)
	}
}

// TestLibrarySeedFigures pins the figures the design names (MODEL.md,
// seeds 000 and 002) to their entries.
func TestLibrarySeedFigures(t *testing.T) {
	lib := mustLibrary(t)
	tests := []struct {
		kind          Kind
		sector        string
		metric        string
		value, lo, hi string // "" = must be unset
		source        string // substring of the source
	}{
		// Seed 000 thresholds come first (Find), Mailchimp 2019 averages hold the value.
		{Email, "", "open_rate", "0.2271", "0.20", "", "Mailchimp"},
		{Email, "", "click_rate", "", "0.02", "", "Campaign Monitor"},
		{Email, "", "unsubscribe_rate", "", "", "0.005", "Mesurer une campagne de lead nurturing"},
		{Email, "", "bounce_rate", "", "", "0.02", "Mesurer une campagne de lead nurturing"},
		{Email, "local-retail", "open_rate", "0.2271", "0.20", "", "Mailchimp"},
		// WordStream Google Ads and Facebook averages.
		{Search, "", "ctr", "0.0317", "0.0317", "", "WordStream"},
		{Search, "", "conversion_rate", "0.0375", "0.0375", "", "WordStream"},
		{Search, "", "cpc", "2.69", "", "2.69", "WordStream"},
		{Display, "", "ctr", "0.0046", "0.0046", "", "WordStream"},
		{Display, "", "conversion_rate", "0.0077", "0.0077", "", "WordStream"},
		{Display, "", "cpc", "0.63", "", "0.63", "WordStream"},
		{SocialAds, "", "ctr", "0.0090", "0.0090", "", "WordStream, «\u00a0Facebook"},
		{Print, "", "response_rate", "0.049", "", "", "ANA/DMA"},
		// Seed 000's sector table.
		{"", "software", "lead_to_mql", "0.15", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "software", "mql_to_customer", "0.05", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "financial-services", "lead_to_mql", "0.12", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "financial-services", "mql_to_customer", "0.04", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "ecommerce", "lead_to_mql", "0.08", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "ecommerce", "mql_to_customer", "0.02", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "manufacturing", "lead_to_mql", "0.10", "", "", "Mesurer une campagne de lead nurturing"},
		{"", "manufacturing", "mql_to_customer", "0.03", "", "", "Mesurer une campagne de lead nurturing"},
		// Seed 000's content-type click rates and seed 002's economics.
		{Email, "", "click_rate.webinars", "0.12", "", "", "Mesurer une campagne de lead nurturing"},
		{Email, "", "click_rate.case_studies", "0.08", "", "", "Mesurer une campagne de lead nurturing"},
		{Email, "", "click_rate.ebooks", "0.07", "", "", "Mesurer une campagne de lead nurturing"},
		{Email, "", "click_rate.blog_posts", "0.05", "", "", "Mesurer une campagne de lead nurturing"},
		{Search, "", "roi", "", "0", "", "Juston-Coumat"},
		{"", "", "roi", "", "0", "", "Juston-Coumat"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/%s/%s", tt.kind, tt.sector, tt.metric)
		b, ok := lib.Find(tt.kind, tt.sector, tt.metric)
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		checkNull(t, name+" value", b.Value, tt.value)
		checkNull(t, name+" min", b.Min, tt.lo)
		checkNull(t, name+" max", b.Max, tt.hi)
		if !strings.Contains(b.Source, tt.source) {
			t.Errorf("%s: source %q does not name %q", name, b.Source, tt.source)
		}
	}

	// The Mailchimp averages behind the thresholds (MODEL.md).
	for metric, want := range map[string]string{
		"open_rate": "0.2271", "click_rate": "0.0291", "bounce_rate": "0.0040", "unsubscribe_rate": "0.0025",
	} {
		b, ok := lib.findValue(Email, "", metric)
		if !ok || !b.Value.Decimal.Equal(decimal.RequireFromString(want)) || !strings.Contains(b.Source, "Mailchimp") || b.Year != 2019 {
			t.Errorf("email %s: want Mailchimp 2019 %s, got %+v", metric, want, b)
		}
	}
}

func checkNull(t *testing.T, name string, got decimal.NullDecimal, want string) {
	t.Helper()
	if want == "" {
		if got.Valid {
			t.Errorf("%s = %s, want unset", name, got.Decimal)
		}
		return
	}
	if !got.Valid || !got.Decimal.Equal(decimal.RequireFromString(want)) {
		t.Errorf("%s = %v, want %s", name, got, want)
	}
}

const precedenceLib = `
format = 1
[[levers]]
id = "l"
fr = "fr"
en = "en"
source = "s"

[[benchmarks]]   # 0: every kind, every sector
metric = "conversion_rate"
value = "0.01"
source = "any"
year = 2020

[[benchmarks]]   # 1: email, every sector
metric = "conversion_rate"
kinds = ["email", "sms"]
value = "0.02"
source = "email"
year = 2020

[[benchmarks]]   # 2: every kind, software
metric = "conversion_rate"
sector = "software"
value = "0.03"
source = "software"
year = 2020

[[benchmarks]]   # 3: email, software
metric = "conversion_rate"
kinds = ["email"]
sector = "software"
value = "0.04"
source = "email software"
year = 2020

[[benchmarks]]   # 4: a second email/software entry, later in the file
metric = "conversion_rate"
kinds = ["email"]
sector = "software"
min = "0.01"
source = "email software threshold"
year = 2020
levers = ["l"]

[[benchmarks]]   # 5: a qualified variant
metric = "conversion_rate.webinars"
kinds = ["email"]
value = "0.5"
source = "variant"
year = 2020
`

func TestLibraryFindPrecedence(t *testing.T) {
	lib, err := ParseLibrary([]byte(precedenceLib))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		kind   Kind
		sector string
		metric string
		want   string // source of the benchmark found; "" = none
	}{
		{"sector and kind specific", Email, "software", "conversion_rate", "email software"},
		{"sector specific beats kind specific", SMS, "software", "conversion_rate", "software"},
		{"sector specific, other kind", Search, "software", "conversion_rate", "software"},
		{"kind specific, no sector figure", Email, "ecommerce", "conversion_rate", "email"},
		{"kind specific, no sector", SMS, "", "conversion_rate", "email"},
		{"fallback to every kind and sector", Print, "local-retail", "conversion_rate", "any"},
		{"plan-level look-up skips kind-specific", "", "software", "conversion_rate", "software"},
		{"plan-level, no sector", "", "", "conversion_rate", "any"},
		{"qualified variant only by its own name", Email, "", "conversion_rate.webinars", "variant"},
		{"unknown metric", Email, "software", "open_rate", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, ok := lib.Find(tt.kind, tt.sector, tt.metric)
			if tt.want == "" {
				if ok {
					t.Fatalf("found %q, want nothing", b.Source)
				}
				return
			}
			if !ok || b.Source != tt.want {
				t.Fatalf("Find(%q, %q, %q) = %q, %v; want %q", tt.kind, tt.sector, tt.metric, b.Source, ok, tt.want)
			}
		})
	}

	all := lib.FindAll(Email, "software", "conversion_rate")
	var got []string
	for _, b := range all {
		got = append(got, b.Source)
	}
	want := []string{"email software", "email software threshold", "software", "email", "any"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("FindAll order = %q, want %q", got, want)
	}
}

func TestLibraryParseErrors(t *testing.T) {
	const lever = "[[levers]]\nid = \"l\"\nfr = \"f\"\nen = \"e\"\nsource = \"s\"\n"
	bench := func(body string) string {
		return "format = 1\n" + lever + "[[benchmarks]]\n" + body
	}
	tests := []struct {
		name string
		in   string
		want string // substring of the error
	}{
		{"missing format", lever, "missing format"},
		{"wrong format", "format = 2\n", "format 2 is not supported"},
		{"toml syntax", "format = 1\n[[benchmarks]\n", ""},
		{"unknown top-level key", "format = 1\nfromat = 1\n", `unknown key "fromat"`},
		{"unknown benchmark key", bench("metric = \"ctr\"\nvalue = \"0.1\"\nsource = \"s\"\nyear = 2020\nvaleur = \"1\"\n"), "benchmarks[0].valeur"},
		{"unknown lever key", "format = 1\n" + lever + "texte = \"x\"\n", "levers[0].texte"},
		{"float value", bench("metric = \"ctr\"\nvalue = 0.1\nsource = \"s\"\nyear = 2020\n"), "write it as a string"},
		{"bad decimal", bench("metric = \"ctr\"\nvalue = \"1,5\"\nsource = \"s\"\nyear = 2020\n"), "not a decimal"},
		{"negative", bench("metric = \"ctr\"\nvalue = \"-0.1\"\nsource = \"s\"\nyear = 2020\n"), "negative"},
		{"boolean value", bench("metric = \"ctr\"\nvalue = true\nsource = \"s\"\nyear = 2020\n"), "decimal written as a string"},
		{"missing source", bench("metric = \"ctr\"\nvalue = \"0.1\"\nyear = 2020\n"), "missing source"},
		{"missing year", bench("metric = \"ctr\"\nvalue = \"0.1\"\nsource = \"s\"\n"), "missing year"},
		{"implausible year", bench("metric = \"ctr\"\nvalue = \"0.1\"\nsource = \"s\"\nyear = 19\n"), "not a plausible"},
		{"missing metric", bench("value = \"0.1\"\nsource = \"s\"\nyear = 2020\n"), "missing metric"},
		{"bad metric", bench("metric = \"Open Rate\"\nvalue = \"0.1\"\nsource = \"s\"\nyear = 2020\n"), "metric \"Open Rate\""},
		{"unknown kind", bench("metric = \"ctr\"\nkinds = [\"tv\"]\nvalue = \"0.1\"\nsource = \"s\"\nyear = 2020\n"), `unknown channel kind "tv"`},
		{"unknown sector", bench("metric = \"ctr\"\nsector = \"bakery\"\nvalue = \"0.1\"\nsource = \"s\"\nyear = 2020\n"), `unknown sector "bakery"`},
		{"min above max", bench("metric = \"ctr\"\nmin = \"0.5\"\nmax = \"0.1\"\nsource = \"s\"\nyear = 2020\n"), "above max"},
		{"nothing to say", bench("metric = \"ctr\"\nsource = \"s\"\nyear = 2020\n"), "at least one of value"},
		{"unknown lever", bench("metric = \"ctr\"\nvalue = \"0.1\"\nsource = \"s\"\nyear = 2020\nlevers = [\"nope\"]\n"), `lever "nope" is not defined`},
		{"duplicate lever", "format = 1\n" + lever + lever, `duplicate lever id "l"`},
		{"bad lever id", "format = 1\n[[levers]]\nid = \"Bad Id\"\nfr = \"f\"\nen = \"e\"\nsource = \"s\"\n", "lower-case"},
		{"lever without texts", "format = 1\n[[levers]]\nid = \"x\"\n", "missing French text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, err := ParseLibrary([]byte(tt.in))
			if err == nil {
				t.Fatalf("no error; library = %+v", lib)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			if len(lib.Benchmarks) != 0 || len(lib.Levers) != 0 {
				t.Fatalf("a failed parse returned entries: %+v", lib)
			}
		})
	}
}

func TestLibraryParseErrorsAreCollected(t *testing.T) {
	in := "format = 1\n[[benchmarks]]\nmetric = \"ctr\"\nvalue = 0.5\n[[benchmarks]]\nmetric = \"cpc\"\nvalue = \"1\"\nlevers = [\"x\"]\n"
	_, err := ParseLibrary([]byte(in))
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error is %T, want ErrorList", err)
	}
	// benchmarks[0]: float, source, year; benchmarks[1]: source, year, lever.
	if len(list) != 6 {
		t.Fatalf("got %d errors, want 6:\n%v", len(list), err)
	}
}

func TestLibraryPrefill(t *testing.T) {
	lib := mustLibrary(t)

	c, used := lib.Prefill(Email, "local-retail")
	if c.Kind != Email || c.Sends != 1 {
		t.Fatalf("Prefill(email) = kind %q, sends %d", c.Kind, c.Sends)
	}
	for name, tt := range map[string]struct {
		got  decimal.Decimal
		want string
	}{
		"open_rate":        {c.OpenRate, "0.2271"},
		"click_rate":       {c.ClickRate, "0.0291"}, // Mailchimp's value, not Campaign Monitor's floor
		"bounce_rate":      {c.BounceRate, "0.0040"},
		"unsubscribe_rate": {c.UnsubscribeRate, "0.0025"},
	} {
		if !tt.got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("email %s = %s, want %s", name, tt.got, tt.want)
		}
	}
	if len(used) != len(PrefillKeys(Email)) {
		t.Errorf("email: %d benchmarks used, want %d", len(used), len(PrefillKeys(Email)))
	}
	for _, b := range used {
		if !b.Value.Valid || b.Source == "" {
			t.Errorf("email: used benchmark %s has no value or source", b.Metric)
		}
	}

	s, _ := lib.Prefill(Search, "")
	if !s.CPC.Equal(decimal.RequireFromString("2.69")) || !s.CTR.Valid ||
		!s.CTR.Decimal.Equal(decimal.RequireFromString("0.0317")) ||
		!s.ConversionRate.Equal(decimal.RequireFromString("0.0375")) {
		t.Errorf("Prefill(search) = cpc %s, ctr %v, conversion %s", s.CPC, s.CTR, s.ConversionRate)
	}
	if !s.Budget.IsZero() || s.ID != "" {
		t.Errorf("Prefill(search) filled what only the user knows: %+v", s)
	}

	// Every kind gets every key it can pre-fill from the embedded library,
	// each from a benchmark of that key.
	for _, k := range Kinds {
		c, used := lib.Prefill(k, "")
		keys := PrefillKeys(k)
		if len(keys) == 0 {
			t.Errorf("%s: no pre-fill keys", k)
		}
		if len(used) != len(keys) {
			t.Errorf("%s: %d of %d keys pre-filled", k, len(used), len(keys))
		}
		for i, b := range used {
			if i < len(keys) && b.Metric != keys[i] {
				t.Errorf("%s: used[%d] is %s, want %s", k, i, b.Metric, keys[i])
			}
		}
		if c.ConversionRate.IsZero() {
			t.Errorf("%s: conversion_rate not pre-filled", k)
		}
	}

	if c, used := (Library{}).Prefill(Print, ""); len(used) != 0 || c.Kind != Print {
		t.Errorf("empty library: Prefill = %+v, %d used", c, len(used))
	}
}

func ExampleLibrary_Find() {
	lib := DefaultLibrary()
	b, _ := lib.Find(Email, "local-retail", "open_rate")
	fmt.Println(b.Value.Decimal, b.Min.Decimal, b.Year)
	lever, _ := lib.Lever(b.Levers[0])
	fmt.Println(lever.Text(LangEN))
	// Output:
	// 0.2271 0.2 2019
	// A/B test the subject line and keep the one that gets opened; write subjects that speak to what the reader cares about.
}

func ExampleLibrary_Prefill() {
	c, used := DefaultLibrary().Prefill(Search, "software")
	fmt.Println(c.Kind, c.CPC, c.CTR.Decimal, c.ConversionRate)
	for _, b := range used {
		fmt.Printf("%s: %s\n", b.Metric, b.SourceIn(LangEN))
	}
	// Output:
	// search 2.69 0.0317 0.0375
	// cpc: WordStream, “Google Ads Benchmarks for YOUR Industry” (all-industry average, Search Network), 2018
	// ctr: WordStream, “Google Ads Benchmarks for YOUR Industry” (all-industry average, Search Network), 2018
	// conversion_rate: WordStream, “Google Ads Benchmarks for YOUR Industry” (all-industry average, Search Network), 2018
}

// TestFindIsFindAllFirst: Find picks, in one pass, the figure FindAll
// puts first (the user's own, then the best score, then the first in the
// file), for every kind, sector (and none) and metric of the embedded
// library, and with user figures added that override some of them.
func TestFindIsFindAllFirst(t *testing.T) {
	lib := DefaultLibrary()
	user := lib
	user.Benchmarks = append([]Benchmark(nil), lib.Benchmarks...)
	for i, b := range lib.Benchmarks {
		if i%3 == 0 {
			b.User = true
			user.Benchmarks = append(user.Benchmarks, b)
		}
	}
	metrics := map[string]bool{}
	for _, b := range lib.Benchmarks {
		metrics[b.Metric] = true
	}
	n := 0
	for _, l := range []Library{lib, user} {
		for _, k := range Kinds {
			for _, sector := range append([]string{""}, Sectors...) {
				for m := range metrics {
					all := l.FindAll(k, sector, m)
					got, ok := l.Find(k, sector, m)
					if ok != (len(all) > 0) || ok && !reflect.DeepEqual(got, all[0]) {
						t.Fatalf("Find(%s, %q, %s) = %+v, %v; FindAll's first is %+v", k, sector, m, got, ok, all)
					}
					if ok {
						n++
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no benchmark found at all")
	}
}
