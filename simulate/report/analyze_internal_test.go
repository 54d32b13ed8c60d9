package report

import (
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate/display"
)

// TestDegenerateRangesNoMonteCarlo: a plan whose only ranges are
// degenerate ([x, x]: the input's value, nothing to draw) has no
// uncertainty (simulate.HasUncertainty), so the document has no Monte
// Carlo: the PDF used to test for any range at all and showed a Monte
// Carlo section and probability column where the app and the command line
// said "no range".
func TestDegenerateRangesNoMonteCarlo(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Channels {
		c := &p.Channels[i]
		c.Ranges = nil
		if i == 0 {
			c.Ranges = []plan.Range{{Input: "conversion_rate", Low: c.ConversionRate, High: c.ConversionRate}}
		}
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatal(errs)
	}
	d, err := prepare(p, Options{Date: time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if d.unc != nil {
		t.Errorf("a plan with only degenerate ranges got a Monte Carlo of %d runs", d.unc.Runs)
	}
}

// TestNoInternalWords: the document's own words (its part of the
// catalog) name no internal file or seed number ("Modèle CampaignSim
// (MODEL.md)", "seed 002"): a client reads sources by author and title, in
// their language.
func TestNoInternalWords(t *testing.T) {
	cat, err := display.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for code, tm := range cat {
		if !strings.HasPrefix(code, "pdf_") {
			continue
		}
		n++
		for _, v := range []string{tm.FR, tm.EN} {
			low := strings.ToLower(v)
			for _, bad := range []string{"seed 0", "model.md", "seed 1", "seed 2"} {
				if strings.Contains(low, bad) {
					t.Errorf("%s: %q shows the internal word %q", code, v, bad)
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("the catalog has %d words of the document, want them all (200 and more)", n)
	}
}
