package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// mailchimpPlan is a one-month plan (September 2027) with a Google Ads
// channel and an email channel that takes the Mailchimp newsletters.
const mailchimpPlan = `format = 1

[plan]
title = "Rentrée"
language = "LANG"
start = 2027-09-01
months = 1
budget = "8000"

[business]
name = "Boulangerie"
average_order = "12.50"
gross_margin = "0.65"

[[channels]]
id = "search"
name = "Recherche"
kind = "search"
campaigns = ["Marque*", "Générique*"]
budget = "5000"
cpc = "0.50"
ctr = "0.02"
conversion_rate = "0.01"

[[channels]]
id = "mailing"
name = "Newsletter"
kind = "email"
campaigns = ["Newsletter*"]
list_size = 2500
sends = 2
open_rate = "0.2"
click_rate = "0.03"
conversion_rate = "0.05"

[tracking]
ignore_campaigns = ["Bannières*", "Ancienne*", "Essai*"]
`

// TestEvaluateMailchimpSpendUnknown: a Mailchimp export has no cost
// column, so the newsletter's spend is unknown: its cost and CPA, and the
// plan's total cost, CPA and ROI, read "unknown" in the text (in the
// plan's language), null in JSON and "unknown" in CSV — not 0 €; its
// customers (9 + 8 = 17 orders) stay known.
func TestEvaluateMailchimpSpendUnknown(t *testing.T) {
	needEngine(t)
	reports, _ := filepath.Abs(filepath.Join("..", "..", "plan", "testdata", "reports"))
	google, mailchimp := filepath.Join(reports, "google-ads-en.csv"), filepath.Join(reports, "mailchimp.csv")
	for _, lang := range []struct{ code, word string }{{"en", "unknown"}, {"fr", "inconnu"}} {
		planPath := writeTemp(t, "plan.toml", strings.Replace(mailchimpPlan, "LANG", lang.code, 1))
		r := runCLI(t, "", "evaluate", planPath, "--actuals", google, "--actuals", mailchimp)
		if r.code != exitOK {
			t.Fatalf("%s: exit %d, stderr %s", lang.code, r.code, r.stderr)
		}
		for _, want := range []string{"Newsletter", lang.word} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s: no %q in\n%s", lang.code, want, r.stdout)
			}
		}
		// the newsletter's row of the channels table: its actual cost
		// (the first value) is unknown, not 0
		row := ""
		for _, line := range strings.Split(r.stdout, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "Newsletter ") && row == "" {
				row = line
			}
		}
		if f := strings.Fields(row); len(f) < 2 || f[1] != lang.word {
			t.Errorf("%s: the newsletter's actual cost is not %q: %q", lang.code, lang.word, row)
		}
		r = runCLI(t, "", "track", planPath, "--actuals", google, "--actuals", mailchimp, "--runs", "-1")
		if r.code != exitOK || !strings.Contains(r.stdout, lang.word) {
			t.Errorf("%s track: exit %d, no %q:\n%s%s", lang.code, r.code, lang.word, r.stdout, r.stderr)
		}
	}
	planPath := writeTemp(t, "plan.toml", strings.Replace(mailchimpPlan, "LANG", "en", 1))
	r := runCLI(t, "", "evaluate", planPath, "--actuals", google, "--actuals", mailchimp, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("json: exit %d, stderr %s", r.code, r.stderr)
	}
	var out struct {
		Actual struct {
			Totals   map[string]any `json:"totals"`
			Channels []map[string]any
		} `json:"actual"`
		Variance map[string]any `json:"variance"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cost", "cpa", "roi", "net_profit", "budget_left"} {
		if v, ok := out.Actual.Totals[name]; !ok || v != nil {
			t.Errorf("totals %s = %v, want null", name, v)
		}
		if v := out.Variance[name]; v != nil {
			t.Errorf("variance %s = %v, want null", name, v)
		}
	}
	for _, ch := range out.Actual.Channels {
		switch ch["id"] {
		case "mailing":
			if ch["cost"] != nil || ch["cpa"] != nil || ch["customers"] != "17.00" {
				t.Errorf("mailing: cost %v, cpa %v, customers %v", ch["cost"], ch["cpa"], ch["customers"])
			}
		case "search":
			if ch["cost"] == nil {
				t.Errorf("search: cost unknown")
			}
		}
	}
	r = runCLI(t, "", "evaluate", planPath, "--actuals", google, "--actuals", mailchimp, "--format", "csv")
	if r.code != exitOK {
		t.Fatalf("csv: exit %d, stderr %s", r.code, r.stderr)
	}
	lines := strings.Split(r.stdout, "\n")
	head := strings.Split(strings.TrimSpace(lines[0]), ",")
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, head)
		return -1
	}
	cost, cust := col("cost"), col("customers")
	seen := 0
	for _, l := range lines[1:] {
		cells := strings.Split(strings.TrimSpace(l), ",")
		if len(cells) <= cost || cells[0] != "actual" || (cells[1] != "mailing" && cells[1] != "") {
			continue
		}
		seen++
		if cells[cost] != "unknown" || cells[cust] == "unknown" || cells[cust] == "" {
			t.Errorf("csv row %q: cost %q, customers %q", l, cells[cost], cells[cust])
		}
	}
	if seen != 2 {
		t.Errorf("%d actual rows of mailing and totals, want 2:\n%s", seen, r.stdout)
	}
}
