package chart

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// fixture is an example plan with every result the charts draw.
type fixture struct {
	p    plan.Plan
	all  []simulate.Result
	unc  simulate.UncertaintyResult
	sens simulate.SensitivityResult
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]*fixture{}
)

// example loads the named example plan and simulates it (cached).
func example(tb testing.TB, name string) *fixture {
	tb.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f, ok := fixtures[name]; ok {
		return f
	}
	p, err := plan.Example(name)
	if err != nil {
		tb.Fatal(err)
	}
	all, err := simulate.RunAll(p)
	if err != nil {
		tb.Fatal(err)
	}
	unc, err := simulate.Uncertainty(context.Background(), p, simulate.UncertaintyOptions{Runs: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	sens, err := simulate.Sensitivity(p, "net_profit")
	if err != nil {
		tb.Fatal(err)
	}
	f := &fixture{p: p, all: all, unc: unc, sens: sens}
	fixtures[name] = f
	return f
}

// render is one chart of a fixture.
type render struct {
	name string
	draw func(f *fixture, o Options) ([]byte, error)
}

var renders = []render{
	{"funnel", func(f *fixture, o Options) ([]byte, error) { return Funnel(f.all[0].Channels[0], o) }},
	{"cost-vs-customers", func(f *fixture, o Options) ([]byte, error) { return CostVsCustomers(f.all[0], o) }},
	{"timeline", func(f *fixture, o Options) ([]byte, error) { return CustomersTimeline(f.p, f.all[0], o) }},
	{"break-even", func(f *fixture, o Options) ([]byte, error) { return BreakEven(f.all[0], o) }},
	{"monthly-cost", func(f *fixture, o Options) ([]byte, error) { return MonthlyCost(f.p, f.all[0], o) }},
	{"scenarios", func(f *fixture, o Options) ([]byte, error) { return Scenarios(f.all, o) }},
	{"histogram", func(f *fixture, o Options) ([]byte, error) { return Histogram(f.unc, "net_profit", o) }},
	{"tornado", func(f *fixture, o Options) ([]byte, error) { o.Names = ChannelNames(f.p); return Tornado(f.sens, o) }},
}

// decode checks that b is a PNG of w × h pixels and returns it.
func decode(t testing.TB, b []byte, w, h int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got := img.Bounds().Size(); got != image.Pt(w, h) {
		t.Fatalf("size %v, want %d×%d", got, w, h)
	}
	return img
}

func TestChartsOnExamples(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("CHART_OUT") // CHART_OUT=/tmp/charts writes the PNGs to look at
	for _, ex := range []string{"bakery", "b2b-software", "eshop-emailing", "google-ads", "outbound"} {
		f := example(t, ex)
		for _, r := range renders {
			langs, themes := []plan.Language{plan.LangFR, plan.LangEN}, []Theme{Light, Dark}
			if ex != "bakery" && ex != "b2b-software" {
				langs, themes = langs[:1], themes[:1] // the other examples in one variant
			}
			for _, lang := range langs {
				for _, th := range themes {
					o := Options{Width: 800, Height: 450, Lang: lang, Currency: f.p.Info.Currency, Theme: th}
					name := fmt.Sprintf("%s-%s-%s-%s", ex, r.name, lang, map[Theme]string{Light: "light", Dark: "dark"}[th])
					t.Run(name, func(t *testing.T) {
						b, err := r.draw(f, o)
						if err != nil {
							t.Fatal(err)
						}
						decode(t, b, 800, 450)
						if dir != "" {
							if err := os.MkdirAll(dir, 0o755); err != nil {
								t.Fatal(err)
							}
							if err := os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644); err != nil {
								t.Fatal(err)
							}
						}
					})
				}
			}
		}
	}
}

func TestSizesAndScale(t *testing.T) {
	t.Parallel()
	f := example(t, "bakery")
	for _, sz := range []struct {
		w, h  int
		scale float64
	}{{800, 450, 0}, {2400, 1350, 3}, {320, 200, 1}, {MinSize, MinSize, 1}, {1000, 300, 1}, {300, 1000, 1}} {
		for _, r := range renders {
			t.Run(fmt.Sprintf("%s-%dx%d@%g", r.name, sz.w, sz.h, sz.scale), func(t *testing.T) {
				b, err := r.draw(f, Options{Width: sz.w, Height: sz.h, Scale: sz.scale})
				if err != nil {
					t.Fatal(err)
				}
				decode(t, b, sz.w, sz.h)
				if dir := os.Getenv("CHART_OUT"); dir != "" && sz.scale == 3 {
					_ = os.WriteFile(filepath.Join(dir, "scale3-"+r.name+".png"), b, 0o644)
				}
			})
		}
	}
}

func TestBadSize(t *testing.T) {
	f := example(t, "bakery")
	for _, sz := range [][2]int{{0, 0}, {-1, 100}, {100, MinSize - 1}, {MaxSize + 1, 100}} {
		for _, r := range renders {
			if _, err := r.draw(f, Options{Width: sz[0], Height: sz[1]}); err == nil {
				t.Errorf("%s %v: no error", r.name, sz)
			}
		}
	}
}

func TestDarkBackground(t *testing.T) {
	f := example(t, "bakery")
	for _, r := range renders {
		t.Run(r.name, func(t *testing.T) {
			corner := func(th Theme) (uint32, uint32, uint32) {
				b, err := r.draw(f, Options{Width: 400, Height: 300, Theme: th})
				if err != nil {
					t.Fatal(err)
				}
				cr, cg, cb, _ := decode(t, b, 400, 300).At(1, 298).RGBA()
				return cr >> 8, cg >> 8, cb >> 8
			}
			lr, lg, lb := corner(Light)
			dr, dg, db := corner(Dark)
			if lr+lg+lb < 600 {
				t.Errorf("light corner (%d,%d,%d) is not light", lr, lg, lb)
			}
			if dr+dg+db > 200 {
				t.Errorf("dark corner (%d,%d,%d) is not dark", dr, dg, db)
			}
		})
	}
}

func TestHistogramUnknownFigure(t *testing.T) {
	f := example(t, "bakery")
	if _, err := Histogram(f.unc, "happiness", Options{Width: 400, Height: 300}); err == nil {
		t.Fatal("no error for an unknown figure")
	}
}

func nd(v float64) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: decimal.NewFromFloat(v), Valid: true}
}

// TestDegenerate draws every chart on empty and degenerate inputs: none
// may panic or fail.
func TestDegenerate(t *testing.T) {
	t.Parallel()
	zeroMonth := simulate.MonthResult{Month: 1}
	zeroChan := simulate.ChannelResult{ID: "vide", Kind: plan.Email,
		Stages:      []simulate.Stage{{Name: "sent"}, {Name: "opens", Side: true}, {Name: "customers"}},
		MonthlyCost: []decimal.Decimal{decimal.Zero}, MonthlyCustomers: []decimal.Decimal{decimal.Zero}}
	negative := simulate.Result{Scenario: "base",
		Totals:   simulate.Figures{Cost: nd(100), NetProfit: nd(-5000), Customers: nd(0)},
		Channels: []simulate.ChannelResult{zeroChan},
		Months: []simulate.MonthResult{{Month: 1, Cost: decimal.NewFromInt(100), CumulativeCost: decimal.NewFromInt(100),
			GrossMargin: decimal.NewFromInt(-50), CumulativeGrossMargin: decimal.NewFromInt(-50)}}}
	longName := simulate.ChannelResult{ID: "x", Name: "Un nom de canal extrêmement long qui ne tient jamais sur une seule ligne du graphique, même en grand",
		Stages:  []simulate.Stage{{Name: "sent", Value: decimal.NewFromInt(1e9)}, {Name: "customers", Value: decimal.RequireFromString("0.001")}},
		Figures: simulate.Figures{Cost: nd(1e9), Customers: nd(0.001), CPA: nd(1e12)}}
	many := simulate.Result{}
	for i := range 40 {
		ch := longName
		ch.ID = fmt.Sprintf("c%d", i)
		ch.MonthlyCost = []decimal.Decimal{decimal.NewFromInt(int64(i))}
		many.Channels = append(many.Channels, ch)
	}
	many.Months = []simulate.MonthResult{{Month: 1}}
	p60 := plan.Plan{Info: plan.Info{Start: plan.NewDate(2027, 1, 1), Months: 60},
		Objectives: []plan.Objective{{ID: "a", Metric: "customers", Target: decimal.NewFromInt(100), Deadline: plan.NewDate(2030, 1, 1)},
			{ID: "b", Metric: "customers", Target: decimal.NewFromInt(5), Deadline: plan.NewDate(2001, 1, 1)},
			{ID: "c", Metric: "customers", Target: decimal.NewFromInt(5)}}}
	r60 := simulate.Result{}
	for i := range 60 {
		r60.Months = append(r60.Months, simulate.MonthResult{Month: i + 1, CumulativeCustomers: decimal.NewFromInt(int64(i * 1000))})
	}
	sensEmpty := simulate.SensitivityResult{Metric: "cpa", Unit: simulate.Money}
	sensUndef := simulate.SensitivityResult{Metric: "cpa", Unit: simulate.Money, Base: nd(10),
		Inputs: []simulate.SensitivityInput{{Channel: "a", Input: "ctr", ValueLow: nd(3)}}}
	sensFlat := simulate.SensitivityResult{Metric: "customers", Unit: simulate.Count, Base: nd(0),
		Inputs: []simulate.SensitivityInput{{Channel: "a", Input: "ctr", ValueLow: nd(0), ValueHigh: nd(0), Swing: nd(0)}}}
	uSingle := simulate.UncertaintyResult{Runs: 10, Figures: []simulate.Distribution{{Name: "cpa", Unit: simulate.Money,
		P10: nd(5), P50: nd(5), P90: nd(5), Defined: 10,
		Histogram: simulate.Histogram{Edges: []decimal.Decimal{decimal.NewFromInt(5), decimal.NewFromInt(5)}, Counts: []int{10}}}}}
	uNone := simulate.UncertaintyResult{Runs: 10, Figures: []simulate.Distribution{{Name: "cpa", Unit: simulate.Money, Undefined: 10}}}
	uBroken := simulate.UncertaintyResult{Runs: 10, Figures: []simulate.Distribution{{Name: "roi", Unit: simulate.Rate, Defined: 3,
		Histogram: simulate.Histogram{Edges: []decimal.Decimal{decimal.Zero}, Counts: []int{1, 2}}}}}
	uZeroRate := simulate.UncertaintyResult{Runs: 10, Figures: []simulate.Distribution{{Name: "roi", Unit: simulate.Rate, Defined: 10,
		P10: nd(0), P50: nd(0), P90: nd(0),
		Histogram: simulate.Histogram{Edges: []decimal.Decimal{decimal.Zero, decimal.Zero}, Counts: []int{10}}}}}

	cases := []struct {
		name string
		draw func(o Options) ([]byte, error)
	}{
		{"funnel/empty", func(o Options) ([]byte, error) { return Funnel(simulate.ChannelResult{}, o) }},
		{"funnel/zeros", func(o Options) ([]byte, error) { return Funnel(zeroChan, o) }},
		{"funnel/long", func(o Options) ([]byte, error) { return Funnel(longName, o) }},
		{"cvc/empty", func(o Options) ([]byte, error) { return CostVsCustomers(simulate.Result{}, o) }},
		{"cvc/zeros", func(o Options) ([]byte, error) { return CostVsCustomers(negative, o) }},
		{"cvc/many", func(o Options) ([]byte, error) { return CostVsCustomers(many, o) }},
		{"timeline/empty", func(o Options) ([]byte, error) { return CustomersTimeline(plan.Plan{}, simulate.Result{}, o) }},
		{"timeline/one-month", func(o Options) ([]byte, error) {
			return CustomersTimeline(plan.Plan{}, simulate.Result{Months: []simulate.MonthResult{zeroMonth}}, o)
		}},
		{"timeline/60", func(o Options) ([]byte, error) { return CustomersTimeline(p60, r60, o) }},
		{"breakeven/empty", func(o Options) ([]byte, error) { return BreakEven(simulate.Result{}, o) }},
		{"breakeven/zero", func(o Options) ([]byte, error) {
			return BreakEven(simulate.Result{Months: []simulate.MonthResult{zeroMonth}}, o)
		}},
		{"breakeven/negative", func(o Options) ([]byte, error) { return BreakEven(negative, o) }},
		{"breakeven/payback-out-of-range", func(o Options) ([]byte, error) {
			r := negative
			r.Totals.PaybackMonth = nd(99)
			return BreakEven(r, o)
		}},
		{"breakeven/60", func(o Options) ([]byte, error) { return BreakEven(r60, o) }},
		{"monthly/empty", func(o Options) ([]byte, error) { return MonthlyCost(plan.Plan{}, simulate.Result{}, o) }},
		{"monthly/no-months", func(o Options) ([]byte, error) {
			return MonthlyCost(plan.Plan{}, simulate.Result{Channels: []simulate.ChannelResult{zeroChan}}, o)
		}},
		{"monthly/zeros", func(o Options) ([]byte, error) { return MonthlyCost(plan.Plan{}, negative, o) }},
		{"monthly/many", func(o Options) ([]byte, error) { return MonthlyCost(plan.Plan{}, many, o) }},
		{"monthly/short-slices", func(o Options) ([]byte, error) {
			return MonthlyCost(p60, simulate.Result{Months: r60.Months, Channels: many.Channels}, o)
		}},
		{"scenarios/none", func(o Options) ([]byte, error) { return Scenarios(nil, o) }},
		{"scenarios/undefined", func(o Options) ([]byte, error) { return Scenarios([]simulate.Result{{}}, o) }},
		{"scenarios/negative", func(o Options) ([]byte, error) {
			return Scenarios([]simulate.Result{negative, negative, {Scenario: "x"}}, o)
		}},
		{"histogram/single", func(o Options) ([]byte, error) { return Histogram(uSingle, "cpa", o) }},
		{"histogram/none", func(o Options) ([]byte, error) { return Histogram(uNone, "cpa", o) }},
		{"histogram/broken", func(o Options) ([]byte, error) { return Histogram(uBroken, "roi", o) }},
		{"histogram/zero-rate", func(o Options) ([]byte, error) { return Histogram(uZeroRate, "roi", o) }},
		{"tornado/empty", func(o Options) ([]byte, error) { return Tornado(sensEmpty, o) }},
		{"tornado/undefined", func(o Options) ([]byte, error) { return Tornado(sensUndef, o) }},
		{"tornado/flat", func(o Options) ([]byte, error) { return Tornado(sensFlat, o) }},
	}
	for _, tc := range cases {
		for _, o := range []Options{{Width: 800, Height: 450}, {Width: 200, Height: 120, Theme: Dark, Lang: plan.LangEN}, {Width: MinSize, Height: MinSize, Scale: 3}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, o.Width, o.Height), func(t *testing.T) {
				b, err := tc.draw(o)
				if err != nil {
					t.Fatal(err)
				}
				decode(t, b, o.Width, o.Height)
				if dir := os.Getenv("CHART_OUT"); dir != "" && o.Width == 800 {
					_ = os.WriteFile(filepath.Join(dir, "degenerate-"+filepath.Base(tc.name)+"-"+filepath.Dir(tc.name)+".png"), b, 0o644)
				}
			})
		}
	}
}

// randDec returns a random decimal, sometimes zero, negative or huge.
func randDec(r *rand.Rand) decimal.Decimal {
	switch r.IntN(6) {
	case 0:
		return decimal.Zero
	case 1:
		return decimal.NewFromFloat(-r.Float64() * 1000)
	case 2:
		return decimal.NewFromFloat(r.Float64() * 1e9)
	default:
		return decimal.NewFromFloat(r.Float64() * 500).Round(2)
	}
}

func randNull(r *rand.Rand) decimal.NullDecimal {
	if r.IntN(5) == 0 {
		return decimal.NullDecimal{}
	}
	return decimal.NullDecimal{Decimal: randDec(r), Valid: true}
}

func randFigures(r *rand.Rand) simulate.Figures {
	return simulate.Figures{Cost: randNull(r), Customers: randNull(r), NetProfit: randNull(r), CPA: randNull(r), PaybackMonth: randNull(r)}
}

// randResult is a random small result: a few channels and months, with
// zeros, negatives, undefined values and mismatched slice lengths.
func randResult(r *rand.Rand) simulate.Result {
	res := simulate.Result{Scenario: []string{"", "base", "Très optimiste"}[r.IntN(3)], Totals: randFigures(r)}
	months := r.IntN(5)
	cum := decimal.Zero
	for m := range months {
		c := randDec(r)
		cum = cum.Add(c)
		res.Months = append(res.Months, simulate.MonthResult{Month: m + 1, Customers: c, CumulativeCustomers: cum,
			CumulativeCost: randDec(r), CumulativeGrossMargin: randDec(r)})
	}
	for i := range r.IntN(5) {
		ch := simulate.ChannelResult{ID: fmt.Sprintf("canal-%d", i), Name: []string{"", "Affiches", "Publicités Facebook et Instagram ciblées familles"}[r.IntN(3)],
			Figures: randFigures(r)}
		for range r.IntN(5) {
			ch.Stages = append(ch.Stages, simulate.Stage{Name: []string{"sent", "clicks", "odd_stage", ""}[r.IntN(4)], Value: randDec(r), Side: r.IntN(3) == 0})
		}
		for range r.IntN(months + 2) {
			ch.MonthlyCost = append(ch.MonthlyCost, randDec(r))
		}
		res.Channels = append(res.Channels, ch)
	}
	return res
}

func TestRandomResultsNeverPanic(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 60 {
		res := randResult(r)
		p := plan.Plan{Info: plan.Info{Start: plan.NewDate(2027, time.Month(1+r.IntN(12)), 1)}}
		if r.IntN(2) == 0 {
			p.Objectives = []plan.Objective{{ID: "o", Metric: "customers", Target: randDec(r), Deadline: plan.NewDate(2027, 3, 1)}}
		}
		var edges []decimal.Decimal
		var counts []int
		lo := randDec(r)
		for k := range r.IntN(4) {
			edges = append(edges, lo.Add(decimal.NewFromInt(int64(k))))
			counts = append(counts, r.IntN(100))
		}
		if len(edges) > 0 {
			edges = append(edges, edges[len(edges)-1].Add(decimal.NewFromInt(1)))
		}
		unc := simulate.UncertaintyResult{Runs: r.IntN(10000), Figures: []simulate.Distribution{{Name: "net_profit",
			Unit: simulate.Unit(r.IntN(5)), P10: randNull(r), P50: randNull(r), P90: randNull(r), Defined: r.IntN(3), Undefined: r.IntN(3),
			Histogram: simulate.Histogram{Edges: edges, Counts: counts}}}}
		sens := simulate.SensitivityResult{Metric: "net_profit", Unit: simulate.Unit(r.IntN(5)), Base: randNull(r)}
		for range r.IntN(6) {
			sens.Inputs = append(sens.Inputs, simulate.SensitivityInput{Channel: "c", Input: "ctr", ValueLow: randNull(r), ValueHigh: randNull(r), Swing: randNull(r)})
		}
		o := Options{Width: MinSize + r.IntN(500), Height: MinSize + r.IntN(350), Theme: Theme(r.IntN(2)), Scale: r.Float64() * 3,
			Lang: []plan.Language{"fr", "en", ""}[r.IntN(3)], Currency: []string{"", "EUR", "USD", "JPY", "XYZ"}[r.IntN(5)]}
		ch := simulate.ChannelResult{}
		if len(res.Channels) > 0 {
			ch = res.Channels[0]
		}
		draws := []func() ([]byte, error){
			func() ([]byte, error) { return Funnel(ch, o) },
			func() ([]byte, error) { return CostVsCustomers(res, o) },
			func() ([]byte, error) { return CustomersTimeline(p, res, o) },
			func() ([]byte, error) { return BreakEven(res, o) },
			func() ([]byte, error) { return MonthlyCost(p, res, o) },
			func() ([]byte, error) { return Scenarios([]simulate.Result{res, randResult(r)}, o) },
			func() ([]byte, error) { return Histogram(unc, "net_profit", o) },
			func() ([]byte, error) { return Tornado(sens, o) },
		}
		for k, draw := range draws {
			b, err := draw()
			if err != nil {
				t.Fatalf("case %d chart %d (%+v): %v", i, k, o, err)
			}
			decode(t, b, o.Width, o.Height)
		}
	}
}

func TestConcurrent(t *testing.T) {
	f := example(t, "bakery")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := renders[i%len(renders)]
			if _, err := r.draw(f, Options{Width: 300, Height: 200, Theme: Theme(i % 2)}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkCharts(b *testing.B) {
	f := example(b, "bakery")
	for _, r := range renders {
		b.Run(r.name, func(b *testing.B) {
			o := Options{Width: 800, Height: 450}
			for b.Loop() {
				if _, err := r.draw(f, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
