package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// TestPlanNotes reads the comments beside a plan's values: per table and
// per channel in file order, never a "#" inside a string, never a line of
// a multi-line string or array taken for a key.
func TestPlanNotes(t *testing.T) {
	text := `# a comment line
format = 1 # the format

[plan]
title = "Plan # un" # the title
budget = "5000"      # devis 2026 : 5 000 €
context = """
budget = "1" # inside the context: no key
"""
months = 3

[business] # the business
average_order = '8.50' # panier moyen

[[objectives]]
target = "200" # not a channel

[[channels]]
id = "a"
ctr = "0.009"  # WordStream 2017
active_months = [
  1, # January
  2,
]
cpm = "7" # after a multi-line array
ranges = { ctr = ["0.007", "0.012"] } # from the agency

[[channels]]
id = "b"
name = "Canal \"#2\"" # quoted hash
[[channels.weird]]
ctr = "1" # in a sub-table of channel b
`
	got := planNotes([]byte(text))
	want := map[string]string{
		"plan.title":              "the title",
		"plan.budget":             "devis 2026 : 5 000 €",
		"business.average_order":  "panier moyen",
		"channels.0.ctr":          "WordStream 2017",
		"channels.0.cpm":          "after a multi-line array",
		"channels.0.ranges":       "from the agency",
		"channels.1.name":         "quoted hash",
		"channels.weird.ctr":      "",
		"plan.context":            "",
		"objectives.target":       "",
		"channels.0.active_month": "",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("note %s = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != 7 {
		t.Errorf("%d notes, want 7: %q", len(got), got)
	}
	if n := planNotes(nil); len(n) != 0 {
		t.Errorf("no text gives notes %q", n)
	}
	// An unclosed value runs to the end of the file, and is linear.
	if n := planNotes([]byte("[plan]\nx = [\n" + strings.Repeat("1,\n", 100000))); len(n) != 0 {
		t.Errorf("an unclosed array gives notes %q", n)
	}
}

// TestSafeText: what XML 1.0 cannot hold is dropped, and a text longer
// than a cell holds is cut to Excel's 32 767 characters.
func TestSafeText(t *testing.T) {
	if got := safeText("a\x00b\x1bc\td\ne\r\ufffef🥐"); got != "abc\td\nef🥐" {
		t.Errorf("safeText = %q", got)
	}
	if got := safeText(strings.Repeat("é", 40000)); utf8.RuneCountInString(got) != maxCellRunes {
		t.Errorf("a long text keeps %d characters, want %d", utf8.RuneCountInString(got), maxCellRunes)
	}
	if got := sheetName("Coûts [mois]: a/b*c?d\\e — une très longue feuille"); got != "Coûts -mois-- a-b-c-d-e — une t" {
		t.Errorf("sheetName = %q", got)
	}
}

// BenchmarkWorkbookSheets200x60 measures the workbook's own work on a
// 200-channel, 60-month plan — the sheets, their cells and the file —
// apart from the analysis it shows (simulation of every scenario, Monte
// Carlo), computed once before.
func BenchmarkWorkbookSheets200x60(b *testing.B) {
	text := largePlanText(200, 60)
	p, err := plan.Decode("large.toml", text)
	if err != nil {
		b.Fatal(err)
	}
	a, err := workbookAnalysis(p, Options{Date: time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := newWorkbook(a, text)
		if err := w.build(); err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := w.f.WriteTo(&buf); err != nil {
			b.Fatal(err)
		}
		if _, err := sortedZip(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
		w.f.Close()
	}
}

// TestInputUnits: each input of the assumptions sheet is shown in its
// unit, as FORMAT.md's key table gives it (before the fix, min_budget
// "300" showed 30 000,0 %).
func TestInputUnits(t *testing.T) {
	a := &analysis{lang: plan.LangFR, cur: "EUR"}
	w := &workbook{analysis: a}
	want := map[fmtKind][]string{
		fmtMoney: {"fixed_cost", "cost_per_message", "budget", "cpc", "cpm", "cost_per_unit", "commission_per_sale",
			"min_budget", "max_budget", "average_order"},
		fmtCount: {"list_size", "sends", "followers", "posts", "max_clicks", "visits_per_month", "ramp_months", "units",
			"contacts", "audience", "clicks", "clv_months", "months"},
		fmtRate: {"bounce_rate", "open_rate", "click_rate", "unsubscribe_rate", "reach_rate", "ctr", "response_rate",
			"commission_rate", "conversion_rate", "lead_to_mql", "mql_to_sql", "sql_to_customer", "gross_margin",
			"first_order_discount", "monthly_retention", "annual_discount_rate"},
		fmtDecimal: {"reach_per_unit", "orders_per_month"},
	}
	seen := map[string]bool{}
	for kind, keys := range want {
		for _, k := range keys {
			seen[k] = true
			if got := w.input(k, decimal.NewFromInt(300), "EUR").key.kind; got != kind {
				t.Errorf("%s is shown as format %d, want %d", k, got, kind)
			}
		}
	}
	for _, k := range channelInputs {
		if !seen[k] {
			t.Errorf("channel input %s has no unit in this test", k)
		}
	}
}
