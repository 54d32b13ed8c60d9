package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reportsPlan is a one-month plan (September 2027) whose channels take the
// campaigns of the Google Ads and Meta reports in plan/testdata/reports.
const reportsPlan = `format = 1

[plan]
title = "Rentrée"
language = "en"
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
id = "social"
name = "Facebook"
kind = "social_ads"
campaigns = ["Printemps*"]
budget = "1200"
cpm = "12"
ctr = "0.02"
conversion_rate = "0.02"

[tracking]
ignore_campaigns = ["Bannières*", "Ancienne*", "Essai*"]
`

// TestActualsRepeatAcrossReports: --actuals repeats, and each report's
// campaigns reach their channel by the plan's campaigns patterns.
func TestActualsRepeatAcrossReports(t *testing.T) {
	needEngine(t)
	planPath := writeTemp(t, "plan.toml", reportsPlan)
	reports, _ := filepath.Abs(filepath.Join("..", "..", "plan", "testdata", "reports"))
	google, meta := filepath.Join(reports, "google-ads-en.csv"), filepath.Join(reports, "meta-en.csv")
	r := runCLI(t, "", "evaluate", planPath, "--actuals", google, "--actuals", meta, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var out struct {
		Actual struct {
			Totals   map[string]any `json:"totals"`
			Channels []struct {
				ID     string `json:"id"`
				Cost   string `json:"cost"`
				Custom string `json:"customers"`
			} `json:"channels"`
		} `json:"actual"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	// Google Ads: Marque - Recherche 4 934.20 + Générique - Lille 509.60 =
	// 5 443.80, conversions 120 + 14.5 = 134.5 (the display campaign and
	// the paused ones are ignored, the totals rows skipped).
	// Meta: Printemps - Conversions 790.75 + Printemps - Notoriété 390.00 =
	// 1 180.75; customers 42 (purchases only: the reach results are not
	// conversions; the account summary row is not a campaign).
	want := map[string][2]string{"search": {"5443.80", "134.5"}, "social": {"1180.75", "42"}}
	for _, ch := range out.Actual.Channels {
		w, ok := want[ch.ID]
		if !ok {
			continue
		}
		if !sameDecimal(ch.Cost, w[0]) || !sameDecimal(ch.Custom, w[1]) {
			t.Errorf("%s: cost %s customers %s, want %s and %s", ch.ID, ch.Cost, ch.Custom, w[0], w[1])
		}
		delete(want, ch.ID)
	}
	if len(want) > 0 {
		t.Errorf("channels without actuals: %v", want)
	}
	// A campaign no channel takes: exit 1, naming the file and the line that would take it.
	bad := writeTemp(t, "bad.toml", strings.Replace(reportsPlan, `"Bannières*", `, "", 1))
	r = runCLI(t, "", "evaluate", bad, "--actuals", google, "--actuals", meta)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "google-ads-en.csv:") || !strings.Contains(r.stderr, `"Bannières hiver"`) {
		t.Errorf("an unplaced campaign: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(google); err != nil {
		t.Fatal(err)
	}
}

// sameDecimal compares two decimal texts by value ("5443.8" = "5443.80").
func sameDecimal(a, b string) bool {
	return strings.TrimRight(strings.TrimRight(a, "0"), ".") == strings.TrimRight(strings.TrimRight(b, "0"), ".") ||
		a == b
}
