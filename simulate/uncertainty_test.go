package simulate

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// span is a Range literal (test helper).
func span(input, low, high string) plan.Range {
	return plan.Range{Input: input, Low: d(low), High: d(high)}
}

// benchUncertaintyPlan is benchPlan (10 channels of every kind, 12 months,
// repeat orders) with ranges on two or three rates or costs of every
// channel (24 ranges), and the objectives of a shop owner.
func benchUncertaintyPlan() plan.Plan {
	p := benchPlan()
	ranges := map[string][]plan.Range{
		"mail":   {span("click_rate", "0.02", "0.045"), span("conversion_rate", "0.05", "0.15"), span("open_rate", "0.15", "0.28")},
		"sms":    {span("click_rate", "0.03", "0.08"), span("conversion_rate", "0.03", "0.08")},
		"sea":    {span("conversion_rate", "0.02", "0.05"), span("cpc", "0.6", "1.2"), span("ctr", "0.02", "0.05")},
		"disp":   {span("conversion_rate", "0.004", "0.012"), span("cpm", "2.5", "5"), span("ctr", "0.003", "0.006")},
		"fb":     {span("conversion_rate", "0.005", "0.02"), span("cpm", "4", "9"), span("ctr", "0.006", "0.012")},
		"insta":  {span("conversion_rate", "0.03", "0.08"), span("reach_rate", "0.08", "0.2")},
		"infl":   {span("conversion_rate", "0.02", "0.06"), span("reach_rate", "0.05", "0.15"), span("ctr", "0.005", "0.02")},
		"seo":    {span("conversion_rate", "0.01", "0.02"), span("visits_per_month", "250", "600")},
		"flyers": {span("conversion_rate", "0.35", "0.65"), span("response_rate", "0.002", "0.008")},
		"aff":    {span("conversion_rate", "0.01", "0.03"), span("commission_rate", "0.05", "0.1")},
	}
	for i := range p.Channels {
		p.Channels[i].Ranges = ranges[p.Channels[i].ID]
		// sorted by Input, as Decode sorts them
		slices.SortFunc(p.Channels[i].Ranges, func(a, b plan.Range) int { return strings.Compare(a.Input, b.Input) })
	}
	p.Objectives = []plan.Objective{
		{ID: "customers", Metric: "customers", Target: d("300"), Direction: plan.AtLeast, Statement: "300 customers", Purpose: "conversion"},
		{ID: "cpa", Metric: "cpa", Target: d("25"), Direction: plan.AtMost, Statement: "CPA ≤ 25", Purpose: "conversion",
			Deadline: plan.NewDate(2027, 6, 30)},
		{ID: "profit", Metric: "net_profit", Target: d("0"), Direction: plan.AtLeast, Statement: "profitable", Purpose: "conversion"},
	}
	return p
}

func TestPERTMoments(t *testing.T) {
	const n = 200000
	for _, c := range []struct{ a, m, b float64 }{
		{0.15, 0.22, 0.28},  // an open rate
		{0.05, 0.10, 0.15},  // symmetric
		{0, 0, 1},           // mode at the low end: α = 1
		{2.5, 4.9, 5},       // mode near the high end
		{100, 100.1, 10000}, // very skewed
	} {
		b, ok := PERT(c.a, c.m, c.b, rand.NewPCG(1, 2))
		if !ok {
			t.Fatalf("PERT(%v) not ok", c)
		}
		// PERT: mean (a + 4m + b)/6, variance (μ − a)(b − μ)/7.
		mu := (c.a + 4*c.m + c.b) / 6
		vr := (mu - c.a) * (c.b - mu) / 7
		if got := c.a + (c.b-c.a)*b.Mean(); math.Abs(got-mu) > 1e-12*math.Abs(c.b) {
			t.Errorf("%v: Beta mean gives %g, PERT mean is %g", c, got, mu)
		}
		var sum, sum2 float64
		for i := 0; i < n; i++ {
			x := c.a + (c.b-c.a)*b.Rand()
			if x < c.a || x > c.b {
				t.Fatalf("%v: draw %g outside the range", c, x)
			}
			sum += x
			sum2 += x * x
		}
		mean := sum / n
		v := sum2/n - mean*mean
		// 5 standard errors of the mean; the sample variance of a bounded
		// variable is within a few percent at n = 200 000.
		if math.Abs(mean-mu) > 5*math.Sqrt(vr/n) {
			t.Errorf("%v: mean of %d draws %g, want %g ± %g", c, n, mean, mu, 5*math.Sqrt(vr/n))
		}
		if math.Abs(v-vr) > 0.02*vr {
			t.Errorf("%v: variance of %d draws %g, want %g ± 2 %%", c, n, v, vr)
		}
	}
	for _, c := range []struct{ a, m, b float64 }{{1, 1, 1}, {1, 0.5, 2}, {2, 1, 1}} {
		if _, ok := PERT(c.a, c.m, c.b, nil); ok {
			t.Errorf("PERT(%v) ok, want not ok", c)
		}
	}
}

func TestQuantile7(t *testing.T) {
	// x = 1, 2, 3, 4: h = 3p. p = 0.1 → h = 0.3 → 1 + 0.3·(2 − 1) = 1.3;
	// p = 0.5 → h = 1.5 → 2.5; p = 0.9 → h = 2.7 → 3.7; p = 1 → 4.
	x := []float64{1, 2, 3, 4}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {0.1, 1.3}, {0.5, 2.5}, {0.9, 3.7}, {1, 4}} {
		if got := quantile7(x, c.p); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("quantile7(%v, %g) = %g, want %g", x, c.p, got, c.want)
		}
	}
	if got := quantile7([]float64{5}, 0.9); got != 5 {
		t.Errorf("quantile7 of one value = %g, want 5", got)
	}
}

func mustUncertainty(t *testing.T, p plan.Plan, opt UncertaintyOptions) UncertaintyResult {
	t.Helper()
	r, err := Uncertainty(context.Background(), p, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestUncertaintySameSeedAnyWorkers(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	one := mustUncertainty(t, p, UncertaintyOptions{Runs: 3000, Workers: 1})
	for _, w := range []int{2, 3, 8} {
		got := mustUncertainty(t, p, UncertaintyOptions{Runs: 3000, Workers: w})
		if !reflect.DeepEqual(one, got) {
			t.Errorf("%d workers give another result than 1 worker:\n%+v\n%+v", w, got.Figures[0], one.Figures[0])
		}
	}
	seed := int64(2)
	other := mustUncertainty(t, p, UncertaintyOptions{Runs: 3000, Seed: &seed})
	if reflect.DeepEqual(one.Figures, other.Figures) {
		t.Error("seeds 1 and 2 give the same figures")
	}
	if one.Seed != 1 || other.Seed != 2 || one.Runs != 3000 {
		t.Errorf("runs/seed reported %d/%d and %d", one.Runs, one.Seed, other.Seed)
	}
}

func TestUncertaintyNoRanges(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	p = p.Clone()
	for i := range p.Channels {
		p.Channels[i].Ranges = nil
	}
	r := mustUncertainty(t, p, UncertaintyOptions{Runs: 500})
	for _, dist := range r.Figures {
		spec, _ := SpecOf(dist.Name)
		want := spec.Get(r.Base)
		if !want.Valid {
			t.Fatalf("%s undefined in the base result", dist.Name)
		}
		w := spec.Unit.Round(want.Decimal)
		for q, v := range map[string]decimal.NullDecimal{"p10": dist.P10, "p50": dist.P50, "p90": dist.P90, "mean": dist.Mean} {
			if !v.Valid || !v.Decimal.Equal(w) {
				t.Errorf("%s %s = %v, want the deterministic %s", dist.Name, q, v, w)
			}
		}
		if len(dist.Histogram.Counts) != 1 || dist.Histogram.Counts[0] != 500 {
			t.Errorf("%s histogram %v, want one bin of 500", dist.Name, dist.Histogram)
		}
	}
	// the bakery's deterministic result meets "200 customers" and "net
	// profit ≥ 0" or not: the probability is then exactly 1 or 0.
	base, _ := Run(p)
	for i, o := range r.Objectives {
		want := decimal.Zero
		if base.Objectives[i].Met {
			want = decimal.NewFromInt(1)
		}
		if !o.Probability.Equal(want) {
			t.Errorf("objective %s: probability %s, deterministic met = %v", o.ID, o.Probability, base.Objectives[i].Met)
		}
	}
}

func TestUncertaintyObjectiveExtremes(t *testing.T) {
	p := benchUncertaintyPlan()
	p.Objectives = []plan.Objective{
		{ID: "easy", Metric: "customers", Target: d("1"), Direction: plan.AtLeast, Statement: "x", Purpose: "conversion"},
		{ID: "impossible", Metric: "customers", Target: d("1000000"), Direction: plan.AtLeast, Statement: "x", Purpose: "conversion"},
		{ID: "cheap", Metric: "cost", Target: d("1000000"), Direction: plan.AtMost, Statement: "x", Purpose: "conversion"},
		{ID: "free", Metric: "cost", Target: d("1"), Direction: plan.AtMost, Statement: "x", Purpose: "conversion"},
	}
	r := mustUncertainty(t, p, UncertaintyOptions{Runs: 2000})
	want := []string{"1", "0", "1", "0"}
	for i, o := range r.Objectives {
		if !o.Probability.Equal(d(want[i])) {
			t.Errorf("%s: probability %s, want %s", o.ID, o.Probability, want[i])
		}
	}
}

// TestUncertaintyOneRange checks the distribution on a hand-worked case:
// one event channel, 1000 contacts × response 0.1 × conversion rate drawn
// from PERT(0.1, 0.2, 0.4): customers = 100 × rate, so their mean is
// 100 × (0.1 + 4·0.2 + 0.4)/6 = 21.67 and they lie in [10, 40]; one-shot
// buyers at A(1 − d) = 10 each, cost 500: cpa = 500 / customers.
func TestUncertaintyOneRange(t *testing.T) {
	p := withChannels(basePlan(), plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, FixedCost: d("500"),
		Contacts: d("1000"), ResponseRate: d("0.1"), ConversionRate: d("0.2"),
		Ranges: []plan.Range{span("conversion_rate", "0.1", "0.4")}})
	r := mustUncertainty(t, p, UncertaintyOptions{Runs: 20000})
	cu, _ := r.Figure("customers")
	near(t, "mean customers", cu.Mean.Decimal, "21.67", "0.1")
	if cu.P10.Decimal.LessThan(d("10")) || cu.P90.Decimal.GreaterThan(d("40")) || !cu.P10.Decimal.LessThan(cu.P50.Decimal) ||
		!cu.P50.Decimal.LessThan(cu.P90.Decimal) {
		t.Errorf("customers P10 %s P50 %s P90 %s", cu.P10.Decimal, cu.P50.Decimal, cu.P90.Decimal)
	}
	// The quantiles of 100·PERT(0.1, 0.2, 0.4) are 100·(0.1 + 0.3·q), q the
	// Beta(7/3, 11/3) quantile: P10 ≈ 14.59, P50 ≈ 21.27, P90 ≈ 29.33.
	beta, _ := PERT(0.1, 0.2, 0.4, nil)
	for _, c := range []struct {
		name string
		p    float64
		got  decimal.NullDecimal
	}{{"P10", 0.1, cu.P10}, {"P50", 0.5, cu.P50}, {"P90", 0.9, cu.P90}} {
		want := 100 * (0.1 + 0.3*beta.Quantile(c.p))
		if g := c.got.Decimal.InexactFloat64(); math.Abs(g-want) > 0.25 {
			t.Errorf("customers %s = %g, want %.2f ± 0.25", c.name, g, want)
		}
	}
	rev, _ := r.Figure("revenue")
	near(t, "mean revenue", rev.Mean.Decimal, "216.7", "1")
	total := 0
	for _, c := range cu.Histogram.Counts {
		total += c
	}
	if len(cu.Histogram.Counts) != DefaultBins || len(cu.Histogram.Edges) != DefaultBins+1 || total != 20000 {
		t.Errorf("histogram: %d bins, %d edges, %d values", len(cu.Histogram.Counts), len(cu.Histogram.Edges), total)
	}
	cpa, _ := r.Figure("cpa")
	if cpa.Undefined != 0 || cpa.Defined != 20000 {
		t.Errorf("cpa defined in %d runs, undefined in %d", cpa.Defined, cpa.Undefined)
	}
	// cpa = 500/customers is decreasing: its P90 is 500 / customers' P10.
	near(t, "cpa P90", cpa.P90.Decimal, cu.P10.Decimal.Pow(d("-1")).Mul(d("500")).String(), "0.05")
}

func TestUncertaintyUndefinedCPA(t *testing.T) {
	// conversion rate drawn from PERT(0, 0, 0.1): customers are > 0 almost
	// surely; with a range [0, 0] they are 0 in every run and cpa is
	// undefined everywhere.
	p := withChannels(basePlan(), plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, FixedCost: d("500"),
		Contacts: d("1000"), ResponseRate: d("0.1"), ConversionRate: d("0"),
		Ranges: []plan.Range{span("conversion_rate", "0", "0")}})
	r := mustUncertainty(t, p, UncertaintyOptions{Runs: 100})
	cpa, _ := r.Figure("cpa")
	if cpa.P10.Valid || cpa.Mean.Valid || cpa.Defined != 0 || cpa.Undefined != 100 || len(cpa.Histogram.Counts) != 0 {
		t.Errorf("cpa with no customer: %+v", cpa)
	}
}

func TestUncertaintyCancel(t *testing.T) {
	p := benchUncertaintyPlan()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Uncertainty(ctx, p, UncertaintyOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the start: err = %v", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, err := Uncertainty(ctx, p, UncertaintyOptions{Runs: 100000, Progress: func(done, total int) {
		calls++
		if done >= 2000 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled from Progress: err = %v", err)
	}
	if calls >= 100000/uncertaintyBlock {
		t.Errorf("%d progress calls: the work went on after the cancel", calls)
	}
}

func TestUncertaintyProgress(t *testing.T) {
	p := benchUncertaintyPlan()
	last, calls := 0, 0
	mustUncertainty(t, p, UncertaintyOptions{Runs: 1000, Workers: 4, Progress: func(done, total int) {
		calls++
		if total != 1000 || done <= last {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	}})
	if last != 1000 || calls != 4 {
		t.Errorf("progress ended at %d after %d calls, want 1000 after 4", last, calls)
	}
}

func TestUncertaintyInvalidPlan(t *testing.T) {
	p := basePlan()
	p.Info.Months = 0
	_, err := Uncertainty(context.Background(), p, UncertaintyOptions{})
	var list plan.ErrorList
	if !errors.As(err, &list) {
		t.Errorf("invalid plan: err = %v, want a plan.ErrorList", err)
	}
}

// BenchmarkUncertainty10Channels10k: 10 000 runs of benchUncertaintyPlan
// (10 channels, 12 months, 24 ranges, 3 objectives) on every core.
func BenchmarkUncertainty10Channels10k(b *testing.B) {
	p := benchUncertaintyPlan()
	opt := UncertaintyOptions{Runs: 10000}
	if _, err := Uncertainty(context.Background(), p, opt); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Uncertainty(context.Background(), p, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// ChancesOnly gives the very chances of the full computation for the same
// seed (and any number of workers), without figures nor base totals.
func TestUncertaintyChancesOnlySameChances(t *testing.T) {
	for _, p := range []plan.Plan{benchUncertaintyPlan(), func() plan.Plan {
		p, err := plan.Example("bakery")
		if err != nil {
			t.Fatal(err)
		}
		return p
	}()} {
		for _, seed := range []int64{1, 7} {
			full := mustUncertainty(t, p, UncertaintyOptions{Runs: 3000, Seed: &seed})
			for _, w := range []int{1, 3} {
				only := mustUncertainty(t, p, UncertaintyOptions{Runs: 3000, Seed: &seed, Workers: w, ChancesOnly: true})
				if !reflect.DeepEqual(full.Objectives, only.Objectives) {
					t.Errorf("seed %d, %d workers: chances only %v, full %v", seed, w, only.Objectives, full.Objectives)
				}
				if only.Figures != nil || only.Runs != 3000 || only.Seed != seed || len(only.Objectives) != len(p.Objectives) {
					t.Errorf("chances only: figures %v, runs %d, seed %d, %d objectives", only.Figures, only.Runs, only.Seed, len(only.Objectives))
				}
			}
		}
	}
}

// ChancesOnly still returns the plan's validation errors.
func TestUncertaintyChancesOnlyInvalidPlan(t *testing.T) {
	p := basePlan()
	p.Info.Months = 0
	_, err := Uncertainty(context.Background(), p, UncertaintyOptions{ChancesOnly: true})
	var list plan.ErrorList
	if !errors.As(err, &list) {
		t.Errorf("invalid plan: err = %v, want a plan.ErrorList", err)
	}
}

// BenchmarkUncertaintyChancesOnly10k: BenchmarkUncertainty10Channels10k
// computing only the objectives' chances (grading's need).
func BenchmarkUncertaintyChancesOnly10k(b *testing.B) {
	p := benchUncertaintyPlan()
	opt := UncertaintyOptions{Runs: 10000, ChancesOnly: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Uncertainty(context.Background(), p, opt); err != nil {
			b.Fatal(err)
		}
	}
}
