package display

import (
	"errors"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

func TestParseNumber(t *testing.T) {
	fr, en := plan.LangFR, plan.LangEN
	for _, c := range []struct {
		in   string
		lang plan.Language
		want string // "" for ErrNotNumber
	}{
		{"1 250,50", fr, "1250.5"},
		{"1\u202f250,50", fr, "1250.5"},
		{"1\u00a0250,50 €", fr, "1250.5"},
		{"1250.50", fr, "1250.5"},
		{"22,5 %", fr, "22.5"},
		{"−20", fr, "-20"},
		{"+15", en, "15"},
		// A lone separator followed by three digits is the language's
		// thousands separator (issue 11: "5.000" was read as 5 €).
		{"5.000", fr, "5000"},
		{"12.500", fr, "12500"},
		{"5.000", en, "5"},
		{"1,250", en, "1250"},
		{"1,250", fr, "1.25"},
		{"5.00", fr, "5"},
		{"0.250", fr, "0.25"}, // no thousands group starts with 0
		{"0,250", en, "0.25"},
		{"5,5", en, "5.5"},
		// Both separators: the last one is the decimal separator.
		{"1.250,50", fr, "1250.5"},
		{"1,250.50", fr, "1250.5"},
		{"1.000.000", fr, "1000000"},
		{"1,000,000", en, "1000000"},
		{"1'000", fr, "1000"},
		{".5", en, "0.5"},
		{"", fr, ""},
		{"abc", fr, ""},
		{"1e5", en, ""},
		{"1,2,3.4.5", en, ""},
		{"--5", en, ""},
		{"12345678901234567890123456789012345678901", en, ""}, // 41 digits: longer than MaxTypedLen
		// A currency code or sign typed with an amount (the app's budget
		// and target fields read them: they had a second parser for it).
		{"2 500 EUR", fr, "2500"},
		{"EUR 2500", fr, "2500"},
		{"1 200 chf", fr, "1200"},
		{"€1,600", en, "1600"},
		{"¥1,600", en, "1600"},
		{"1 600 €", fr, "1600"},
		{"1600 ABC", fr, ""}, // no currency is ABC
		{"EUR", fr, ""},
	} {
		got, err := ParseNumber(c.in, c.lang)
		if c.want == "" {
			if !errors.Is(err, ErrNotNumber) {
				t.Errorf("ParseNumber(%q, %s) = %v, %v; want ErrNotNumber", c.in, c.lang, got, err)
			}
			continue
		}
		if err != nil || !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("ParseNumber(%q, %s) = %v, %v; want %s", c.in, c.lang, got, err, c.want)
		}
	}
}

func TestParsePercentChangeWhole(t *testing.T) {
	if d, err := ParsePercent("3", plan.LangFR); err != nil || !d.Equal(decimal.RequireFromString("0.03")) {
		t.Errorf("ParsePercent(3) = %v, %v; want 0.03", d, err)
	}
	if d, err := ParseChange("−20", plan.LangFR); err != nil || !d.Equal(decimal.RequireFromString("0.8")) {
		t.Errorf("ParseChange(−20) = %v, %v; want 1 − 0.20 = 0.8", d, err)
	}
	if n, err := ParseWhole("1 200", plan.LangFR); err != nil || n != 1200 {
		t.Errorf("ParseWhole(1 200) = %v, %v", n, err)
	}
	if _, err := ParseWhole("2,5", plan.LangFR); !errors.Is(err, ErrNotWhole) {
		t.Errorf("ParseWhole(2,5) err %v, want ErrNotWhole", err)
	}
	if _, err := ParseWhole("2000000000000000", plan.LangEN); !errors.Is(err, ErrNotWhole) {
		t.Errorf("ParseWhole(2e15) err %v, want ErrNotWhole", err)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"04/01/2027": "2027-01-04",
		"4.1.2027":   "2027-01-04",
		"2027-01-04": "2027-01-04",
		" 2027-1-4 ": "2027-01-04",
	} {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"31/02/2027", "2027-13-01", "demain", "01/01/27"} {
		if _, err := ParseDate(in); !errors.Is(err, ErrNotDate) {
			t.Errorf("ParseDate(%q) err %v, want ErrNotDate", in, err)
		}
	}
}
