package report

import (
	"testing"
	"time"

	"campaignsim/plan"
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
