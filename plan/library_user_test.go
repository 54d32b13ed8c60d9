package plan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// userFile is a shop owner's own library: last year's real open rate and
// her own conversion rate for print.
const userFile = `format = 1

[[benchmarks]]
metric = "open_rate"
kinds = ["email"]
value = "0.31"
min = "0.25"
source = { fr = "Boulangerie Dupont, campagnes Mailchimp 2025", en = "Dupont bakery, Mailchimp campaigns 2025" }
year = 2025
note = "moyenne de nos 12 lettres"
levers = ["email-subject-lines"]

[[benchmarks]]
metric = "conversion_rate"
kinds = ["print"]
value = "0.45"
source = "Coupons rapportés en caisse"
year = 2025
`

// TestUserLibraryOverlay: MODEL.md — the user's figures come first in
// every look-up (even over a sector-specific built-in figure) and carry
// her source, in the reader's language where she gave two.
func TestUserLibraryOverlay(t *testing.T) {
	user, err := ParseUserLibrary([]byte(userFile), BuiltinLibrary())
	if err != nil {
		t.Fatal(err)
	}
	lib := Overlay(user, BuiltinLibrary())
	for _, sector := range []string{"", "local-retail", "ecommerce", "software"} {
		b, ok := lib.Find(Email, sector, "open_rate")
		if !ok || !b.User || !b.Value.Decimal.Equal(decimal.RequireFromString("0.31")) {
			t.Fatalf("%s: Find open_rate = %+v", sector, b)
		}
	}
	b, _ := lib.Find(Email, "", "open_rate")
	if got := b.SourceIn(LangFR); got != "Boulangerie Dupont, campagnes Mailchimp 2025, 2025" {
		t.Errorf("source fr = %q", got)
	}
	if got := b.SourceIn(LangEN); got != "Dupont bakery, Mailchimp campaigns 2025, 2025" {
		t.Errorf("source en = %q", got)
	}
	if b.NoteIn(LangEN) != "moyenne de nos 12 lettres" {
		t.Errorf("one note serves both languages: %q", b.NoteIn(LangEN))
	}
	ch, used := lib.Prefill(Print, "local-retail")
	if !ch.ConversionRate.Equal(decimal.RequireFromString("0.45")) {
		t.Errorf("pre-filled print conversion = %s, want the user's 0.45", ch.ConversionRate)
	}
	found := false
	for _, u := range used {
		found = found || (u.Metric == "conversion_rate" && u.User && u.Source == "Coupons rapportés en caisse")
	}
	if !found {
		t.Errorf("Prefill does not say the figure is the user's: %+v", used)
	}
	// The built-in figures stay behind the user's.
	if all := lib.FindAll(Email, "", "open_rate"); len(all) < 2 || all[1].User {
		t.Errorf("FindAll = %+v", all)
	}
}

// TestSetUserLibrary: DefaultLibrary is the overlay once set, the
// embedded library again when cleared.
func TestSetUserLibrary(t *testing.T) {
	user, err := ParseUserLibrary([]byte(userFile), BuiltinLibrary())
	if err != nil {
		t.Fatal(err)
	}
	SetUserLibrary(user)
	defer SetUserLibrary(Library{})
	if b, _ := DefaultLibrary().Find(Email, "", "open_rate"); !b.User {
		t.Errorf("DefaultLibrary after SetUserLibrary: %+v", b)
	}
	if len(UserLibrary().Benchmarks) != 2 {
		t.Error("UserLibrary")
	}
	SetUserLibrary(Library{})
	if b, _ := DefaultLibrary().Find(Email, "", "open_rate"); b.User {
		t.Error("cleared user library still found")
	}
}

// TestLibraryFileErrorsHaveLines: a library file's errors name the file
// and the line, like a plan's (issue 14: an unknown key, a float, a figure
// out of range).
func TestLibraryFileErrorsHaveLines(t *testing.T) {
	in := strings.Join([]string{
		"format = 1",                      // 1
		"[[benchmarks]]",                  // 2
		`metric = "open_rate"`,            // 3
		`value = 0.31`,                    // 4: a float
		`source = "Mes campagnes"`,        // 5
		`year = 2025`,                     // 6
		"[[benchmarks]]",                  // 7
		`metric = "click_rate"`,           // 8
		`value = "3"`,                     // 9: a rate of 300 %
		`sourse = "x"`,                    // 10: unknown key
		`year = 2025`,                     // 11
		"[[benchmarks]]",                  // 12
		`metric = "cpc"`,                  // 13
		`value = "1.20"`,                  // 14
		`source = { fr = "a", de = "b" }`, // 15: unknown language
		`year = 2025`,                     // 16
	}, "\n")
	dir := t.TempDir()
	path := filepath.Join(dir, "benchmarks.toml")
	if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadLibraryFile(path)
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v", err)
	}
	want := []struct {
		line int
		has  string
	}{
		{4, "write it as a string"},
		{9, "out of range"},
		{10, `unknown key "sourse"`},
		{15, `unknown language "de"`},
	}
	for _, w := range want {
		found := false
		for _, e := range list {
			if e.Line == w.line && strings.Contains(e.Msg.String(), w.has) && e.File == path {
				found = true
			}
		}
		if !found {
			t.Errorf("no error at line %d with %q:\n%v", w.line, w.has, err)
		}
	}
	// The second entry also misses its source: reported at its header line.
	if !strings.Contains(err.Error(), path+":7: benchmarks[1].source") && !strings.Contains(err.Error(), path+":7: missing source") {
		t.Errorf("missing source not at line 7:\n%v", err)
	}
	if _, err := ReadLibraryFile(filepath.Join(dir, "none.toml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestEncodeLibraryRoundTrip: what the app saves reads back the same.
func TestEncodeLibraryRoundTrip(t *testing.T) {
	user, err := ParseUserLibrary([]byte(userFile), BuiltinLibrary())
	if err != nil {
		t.Fatal(err)
	}
	user = user.WithFigure(Benchmark{Metric: "cpc", Kinds: []Kind{Search}, Sector: "local-retail",
		Value: decimal.NewNullDecimal(decimal.RequireFromString("0.85")), Currency: "EUR",
		Source: "Mon compte Google Ads \"local\"\n2025", Year: 2025})
	again, err := ParseUserLibrary(EncodeLibrary(user), BuiltinLibrary())
	if err != nil {
		t.Fatalf("%v\n%s", err, EncodeLibrary(user))
	}
	if len(again.Benchmarks) != 3 {
		t.Fatalf("%d benchmarks", len(again.Benchmarks))
	}
	for i, b := range user.Benchmarks {
		a := again.Benchmarks[i]
		if a.Metric != b.Metric || a.Source != b.Source || a.SourceEN != b.SourceEN || a.Note != b.Note ||
			a.Year != b.Year || !nullEq(a.Value, b.Value) || !nullEq(a.Min, b.Min) || !nullEq(a.Max, b.Max) || a.Sector != b.Sector || a.Currency != b.Currency ||
			strings.Join(a.Levers, ",") != strings.Join(b.Levers, ",") || len(a.Kinds) != len(b.Kinds) {
			t.Errorf("benchmark %d: %+v, want %+v", i, a, b)
		}
	}
	// WithFigure on the same slot replaces; WithoutFigure removes.
	over := again.WithFigure(Benchmark{Metric: "open_rate", Kinds: []Kind{Email}, Value: decimal.NewNullDecimal(decimal.RequireFromString("0.4")), Source: "s", Year: 2026})
	if len(over.Benchmarks) != 3 || !over.Benchmarks[0].Value.Decimal.Equal(decimal.RequireFromString("0.4")) {
		t.Errorf("WithFigure: %+v", over.Benchmarks)
	}
	if len(over.WithoutFigure(over.Benchmarks[0]).Benchmarks) != 2 {
		t.Error("WithoutFigure")
	}
}

// TestEmbeddedLibraryTextsInBothLanguages: issue 11 item 3 — every source
// and note of the built-in library reads in French and in English, and
// none names an internal file or a seed number.
func TestEmbeddedLibraryTextsInBothLanguages(t *testing.T) {
	lib := BuiltinLibrary()
	bad := []string{"seed", "Seed", "CampaignSim assumption", "MODEL.md", ".toml"}
	check := func(what, fr, en string) {
		for _, s := range []string{fr, en} {
			for _, b := range bad {
				if strings.Contains(s, b) {
					t.Errorf("%s: %q names %q", what, s, b)
				}
			}
		}
	}
	for i, b := range lib.Benchmarks {
		what := b.Metric
		if b.SourceEN == "" {
			t.Errorf("benchmarks[%d] %s: no English source", i, what)
		}
		if b.Note != "" && b.NoteEN == "" {
			t.Errorf("benchmarks[%d] %s: no English note", i, what)
		}
		check(what, b.SourceIn(LangFR)+" "+b.NoteIn(LangFR), b.SourceIn(LangEN)+" "+b.NoteIn(LangEN))
	}
	for _, l := range lib.Levers {
		if l.SourceEN == "" {
			t.Errorf("lever %s: no English source", l.ID)
		}
		check(l.ID, l.SourceIn(LangFR), l.SourceIn(LangEN))
	}
}

func nullEq(a, b decimal.NullDecimal) bool {
	return a.Valid == b.Valid && (!a.Valid || a.Decimal.Equal(b.Decimal))
}
