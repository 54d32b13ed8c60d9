package display

import (
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

const (
	fr = plan.LangFR
	en = plan.LangEN
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestMoney(t *testing.T) {
	tests := []struct {
		v, cur string
		lang   plan.Language
		want   string
	}{
		{"1234.56", "EUR", fr, "1\u202f234,56\u00a0€"},
		{"1234.56", "EUR", en, "€1,234.56"},
		{"-1234.56", "EUR", fr, "-1\u202f234,56\u00a0€"},
		{"-1234.56", "EUR", en, "-€1,234.56"},
		{"0", "EUR", fr, "0,00\u00a0€"},
		{"0", "EUR", en, "€0.00"},
		{"-0.004", "EUR", fr, "0,00\u00a0€"}, // rounds to zero: no minus sign
		{"-0.005", "EUR", en, "-€0.01"},      // half away from zero
		{"0.005", "EUR", en, "€0.01"},
		{"2.675", "EUR", fr, "2,68\u00a0€"},
		{"2.665", "EUR", en, "€2.67"},
		{"-2.665", "EUR", en, "-€2.67"},
		{"999.995", "EUR", fr, "1\u202f000,00\u00a0€"},
		{"999.994999", "EUR", en, "€999.99"},
		{"12.5", "EUR", fr, "12,50\u00a0€"},
		{"5000", "", fr, "5\u202f000,00\u00a0€"}, // empty code: EUR
		{"1234567890.126", "EUR", fr, "1\u202f234\u202f567\u202f890,13\u00a0€"},
		{"1234567890.126", "EUR", en, "€1,234,567,890.13"},
		{"123456789012345678901234.5", "EUR", en, "€123,456,789,012,345,678,901,234.50"},
		{"100", "EUR", fr, "100,00\u00a0€"},
		{"1000", "EUR", fr, "1\u202f000,00\u00a0€"},
		{"1234.56", "USD", en, "$1,234.56"},
		{"1234.56", "USD", fr, "1\u202f234,56\u00a0$US"},
		{"1234.56", "GBP", en, "£1,234.56"},
		{"1234.56", "GBP", fr, "1\u202f234,56\u00a0£GB"},
		{"1234.56", "CHF", fr, "1\u202f234,56\u00a0CHF"},
		{"1234.56", "CHF", en, "CHF 1,234.56"},
		{"-1234.56", "CHF", en, "-CHF 1,234.56"},
		{"1234.56", "CAD", en, "CA$1,234.56"},
		{"1234.56", "CAD", fr, "1\u202f234,56\u00a0$CA"},
		{"1234.5", "JPY", en, "¥1,235"},
		// CLDR 48 (bojanz/currency v1.4.2): French writes the yen "¥" too; the
		// hand-written table before it said "JPY", from memory.
		{"1234.5", "JPY", fr, "1\u202f235\u00a0¥"},
		{"1234.5", "XOF", fr, "1\u202f235\u00a0F\u202fCFA"}, // CLDR: no decimals, its own symbol
		{"1234.5678", "TND", en, "TND 1,234.568"},           // three decimals
		{"1234.56", "SEK", en, "SEK 1,234.56"},
		{"1234.56", "sek", fr, "1\u202f234,56\u00a0SEK"},
	}
	exact := []struct {
		v, cur string
		lang   plan.Language
		want   string
	}{
		{"0.001", "EUR", fr, "0,001\u00a0€"},
		{"0.0010", "EUR", en, "€0.001"},
		{"2.5", "EUR", en, "€2.50"},
		{"1234.5678", "USD", en, "$1,234.5678"},
		{"0.00000049", "EUR", en, "€0.00"},
		{"0.0000005", "EUR", en, "€0.000001"},
		{"-0.125", "EUR", fr, "-0,125\u00a0€"},
		{"7.5", "JPY", en, "¥7.5"},
	}
	for _, tt := range exact {
		if got := MoneyExact(d(tt.v), tt.cur, tt.lang); got != tt.want {
			t.Errorf("MoneyExact(%s, %q, %s) = %q, want %q", tt.v, tt.cur, tt.lang, got, tt.want)
		}
	}
	for _, tt := range tests {
		if got := Money(d(tt.v), tt.cur, tt.lang); got != tt.want {
			t.Errorf("Money(%s, %q, %s) = %q, want %q", tt.v, tt.cur, tt.lang, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		v    string
		lang plan.Language
		want string
	}{
		{"0.2271", fr, "22,7\u202f%"},
		{"0.2271", en, "22.7%"},
		{"0.22", fr, "22,0\u202f%"},
		{"0", en, "0.0%"},
		{"0.00049", en, "0.0%"},
		{"0.0005", en, "0.1%"}, // 0.05 % rounds half away from zero
		{"0.22705", fr, "22,7\u202f%"},
		{"0.22750", fr, "22,8\u202f%"},
		{"-0.2275", en, "-22.8%"},
		{"-0.0004", fr, "0,0\u202f%"},
		{"1", fr, "100,0\u202f%"},
		{"12.345", fr, "1\u202f234,5\u202f%"},
		{"12.345", en, "1,234.5%"},
	}
	for _, tt := range tests {
		if got := Percent(d(tt.v), tt.lang); got != tt.want {
			t.Errorf("Percent(%s, %s) = %q, want %q", tt.v, tt.lang, got, tt.want)
		}
	}
}

func TestCountDecimalMultiple(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"count fr", Count(d("12345"), fr), "12\u202f345"},
		{"count en", Count(d("12345"), en), "12,345"},
		{"count half", Count(d("187.5"), en), "188"},
		{"count below half", Count(d("187.49"), fr), "187"},
		{"count zero", Count(d("0"), fr), "0"},
		{"count small negative", Count(d("-0.4"), en), "0"},
		{"count negative", Count(d("-1234.5"), en), "-1,235"},
		{"count million", Count(d("1000000"), fr), "1\u202f000\u202f000"},
		{"count 999", Count(d("999"), en), "999"},
		{"decimal fr", Decimal(d("1234.5"), 2, fr), "1\u202f234,50"},
		{"decimal en", Decimal(d("1234.5"), 2, en), "1,234.50"},
		{"decimal round", Decimal(d("0.125"), 2, en), "0.13"},
		{"decimal neg round", Decimal(d("-0.125"), 2, fr), "-0,13"},
		{"decimal zero places", Decimal(d("2.5"), 0, en), "3"},
		{"decimal negative places", Decimal(d("2.5"), -1, en), "3"},
		{"decimal six", Decimal(d("0.0000005"), 6, en), "0.000001"},
		{"multiple fr", Multiple(d("2.345"), fr), "2,35×"},
		{"multiple en", Multiple(d("2.345"), en), "2.35×"},
		{"multiple zero", Multiple(d("0"), en), "0.00×"},
		{"multiple large", Multiple(d("1234.5"), fr), "1\u202f234,50×"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestFigure(t *testing.T) {
	spec := func(name string) simulate.Spec {
		s, ok := simulate.SpecOf(name)
		if !ok {
			t.Fatalf("no spec %q", name)
		}
		return s
	}
	valid := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	tests := []struct {
		name string
		v    decimal.NullDecimal
		cur  string
		lang plan.Language
		want string
	}{
		{"cost", valid("2700"), "EUR", fr, "2\u202f700,00\u00a0€"},
		{"cost", valid("2700"), "USD", en, "$2,700.00"},
		{"roi", valid("0.2271"), "EUR", fr, "22,7\u202f%"},
		{"roi", decimal.NullDecimal{}, "EUR", fr, "—"},
		{"cpa", decimal.NullDecimal{}, "EUR", en, "—"},
		{"roas", valid("2.345"), "EUR", fr, "2,35×"},
		{"customers", valid("187.4"), "EUR", en, "187"},
		{"customers", valid("12345.5"), "EUR", fr, "12\u202f346"},
		{"payback_month", valid("3"), "EUR", fr, "3"},
		{"payback_month", decimal.NullDecimal{}, "EUR", en, "—"},
		{"clicks", valid("1500"), "EUR", en, "1,500"},
	}
	for _, tt := range tests {
		if got := Figure(spec(tt.name), tt.v, tt.cur, tt.lang); got != tt.want {
			t.Errorf("Figure(%s, %v, %s, %s) = %q, want %q", tt.name, tt.v, tt.cur, tt.lang, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	day := plan.NewDate(2027, time.January, 4)
	if got := Date(day, fr); got != "04/01/2027" {
		t.Errorf("fr: %q", got)
	}
	if got := Date(day, en); got != "2027-01-04" {
		t.Errorf("en: %q", got)
	}
	if got := Date(plan.Date{}, fr); got != "—" {
		t.Errorf("zero: %q", got)
	}
}

func TestLabelEveryFigure(t *testing.T) {
	for _, s := range simulate.FigureSpecs() {
		for _, lang := range []plan.Language{fr, en} {
			if _, ok := labels[s.Name]; !ok {
				t.Errorf("no label for figure %q", s.Name)
			}
			if l := Label(s.Name, lang); l == "" || strings.Contains(l, "_") {
				t.Errorf("Label(%q, %s) = %q", s.Name, lang, l)
			}
		}
	}
	for _, m := range plan.Metrics {
		if _, ok := labels[m]; !ok {
			t.Errorf("no label for metric %q", m)
		}
	}
	for _, k := range plan.Kinds {
		if _, ok := kindLabels[k]; !ok {
			t.Errorf("no label for kind %q", k)
		}
	}
	want := map[string][2]string{
		"cost":                 {"Coût", "Cost"},
		"revenue":              {"Chiffre d'affaires", "Revenue"},
		"net_profit":           {"Résultat net", "Net profit"},
		"break_even_customers": {"Clients pour l'équilibre", "Break-even customers"},
		"payback_month":        {"Mois de retour sur investissement", "Payback month"},
		"customers":            {"Clients", "Customers"},
		"opens":                {"Ouvertures", "Opens"},
	}
	for name, w := range want {
		if got := Label(name, fr); got != w[0] {
			t.Errorf("Label(%q, fr) = %q, want %q", name, got, w[0])
		}
		if got := Label(name, en); got != w[1] {
			t.Errorf("Label(%q, en) = %q, want %q", name, got, w[1])
		}
	}
	if got := Label("some_new_stage", en); got != "some new stage" {
		t.Errorf("unknown label: %q", got)
	}
	if got := Label("click_rate.case_studies", fr); got != "Taux de clic (case studies)" {
		t.Errorf("qualified label: %q", got)
	}
	if got := KindLabel("fax", en); got != "fax" {
		t.Errorf("unknown kind: %q", got)
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		v      string
		fr, en bool
	}{
		{"0", false, true}, {"1", false, false}, {"1.4", false, false}, {"1.6", true, true}, {"2", true, true}, {"215", true, true},
	} {
		v := decimal.RequireFromString(c.v)
		if got := Plural(v, plan.LangFR); got != c.fr {
			t.Errorf("Plural(%s, fr) = %v", c.v, got)
		}
		if got := Plural(v, plan.LangEN); got != c.en {
			t.Errorf("Plural(%s, en) = %v", c.v, got)
		}
	}
}
