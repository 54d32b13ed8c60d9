package main

import (
	"bytes"
	"strings"
	"testing"

	"campaignsim/plan"
)

// TestObjectivesOverBudget: a plan over its budget does not show its
// objectives as plainly met (issue 11 item 8, MODEL.md "Objectives"): the
// bakery costs 4 940,00 €; with a budget of 4 000 € it is over by
// 4 940 − 4 000 = 940 €.
func TestObjectivesOverBudget(t *testing.T) {
	text, _ := plan.ExampleFile("bakery")
	over := bytes.Replace(text, []byte(`budget = "5000"`), []byte(`budget = "4000"`), 1)
	if bytes.Equal(over, text) {
		t.Fatal("the bakery's budget line moved: fix the test")
	}
	var out, errs bytes.Buffer
	if code := run([]string{"simulate", "-"}, bytes.NewReader(over), &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	want := "⚠ nouveaux-clients — cible atteinte en dépassant le budget de 940,00"
	if !strings.Contains(out.String(), want) {
		t.Errorf("the objective met over budget reads:\n%s\nwant a line %q", grepLine(out.String(), "nouveaux-clients"), want)
	}
	if strings.Contains(out.String(), "✓ nouveaux-clients") {
		t.Errorf("an objective met over budget is ticked as met")
	}
}

// grepLine returns the first line of s that contains sub.
func grepLine(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
