package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVOutputsNeutraliseFormulas: a channel or scenario name that a
// spreadsheet would run (issue 9, item 4) is written as text, with a
// leading quote; figures, negative ones included, stay numbers.
func TestCSVOutputsNeutraliseFormulas(t *testing.T) {
	needEngine(t)
	hostile := strings.NewReplacer(
		`name = "Mailing familles"`, `name = "=HYPERLINK(\"http://evil\",\"clic\")"`,
		`name = "Bannières"`, `name = "@SUM(1+1)"`,
		`name = "Pessimiste"`, `name = "+cmd|' /C calc'!A0"`,
	).Replace(testPlan)
	path := writeTemp(t, "plan.toml", hostile)
	for _, args := range [][]string{
		{"simulate", path, "--format", "csv", "--scenario", "all"},
		{"evaluate", path, "--format", "csv"},
	} {
		r := runCLI(t, "", args...)
		if r.code != exitOK {
			t.Fatalf("%v: exit %d, stderr %s", args, r.code, r.stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		negative := false
		for _, rec := range recs[1:] {
			for i, cell := range rec {
				if cell == "" {
					continue
				}
				switch cell[0] {
				case '=', '+', '@', '\t', '\r':
					t.Errorf("%v: cell %q would run as a formula", args[0], cell)
				case '-':
					if i < 4 {
						t.Errorf("%v: text cell %q starts with -", args[0], cell)
					}
					negative = true
				}
				seen[cell] = true
			}
		}
		if !seen[`'=HYPERLINK("http://evil","clic")`] || !seen["'@SUM(1+1)"] {
			t.Errorf("%v: the channel names are not kept as quoted text", args[0])
		}
		if args[0] == "simulate" && !seen["'+cmd|' /C calc'!A0"] {
			t.Errorf("the scenario name is not kept as quoted text")
		}
		if args[0] == "evaluate" && !negative {
			t.Errorf("evaluate's variances: no negative figure left as a number")
		}
	}
}
