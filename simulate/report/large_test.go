package report_test

import (
	"bytes"
	"os"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate/report"
)

// largePlan decodes largePlanText(n, months), failing tb when it is not a
// valid plan.
func largePlan(tb testing.TB, n, months int) plan.Plan {
	tb.Helper()
	p, err := plan.Decode("large.toml", report.LargePlanText(n, months))
	if err != nil {
		tb.Fatal(err)
	}
	if len(p.Channels) != n || p.Info.Months != months {
		tb.Fatalf("large plan: %d channels × %d months, want %d × %d", len(p.Channels), p.Info.Months, n, months)
	}
	return p
}

// TestLargePlanValid checks that the generated plan is valid, has every
// channel kind, and writes it to $CAMPAIGNSIM_LARGE_PLAN when that is set
// (to measure the command line on it).
func TestLargePlanValid(t *testing.T) {
	p := largePlan(t, 200, 60)
	if err := plan.Validate(p); len(err) > 0 {
		t.Fatal(err)
	}
	kinds := map[plan.Kind]bool{}
	for _, c := range p.Channels {
		kinds[c.Kind] = true
	}
	if len(kinds) != 13 {
		t.Errorf("%d kinds of channel, want the 13 of plan.Kind", len(kinds))
	}
	if out := os.Getenv("CAMPAIGNSIM_LARGE_PLAN"); out != "" {
		if err := os.WriteFile(out, report.LargePlanText(200, 60), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkExport200x60 measures the whole export of a 200-channel,
// 60-month plan (largePlan): simulation, Monte Carlo, sensitivity, goal
// seek, charts and PDF.
func BenchmarkExport200x60(b *testing.B) {
	p := largePlan(b, 200, 60)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := report.Write(&buf, p, report.Options{Date: date}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}
