package chart

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// trackedKPIs returns the dashboard of an example plan with actuals.
func trackedKPIs(tb testing.TB, name string) (plan.Plan, []simulate.DashboardKPI) {
	tb.Helper()
	p, err := plan.Example(name)
	if err != nil {
		tb.Fatal(err)
	}
	tk, err := simulate.Track(p)
	if err != nil {
		tb.Fatal(err)
	}
	if len(tk.Dashboard.KPIs) == 0 {
		tb.Fatalf("%s: empty dashboard", name)
	}
	return p, tk.Dashboard.KPIs
}

// TestTrendOnExamples draws every dashboard KPI of the examples with
// actuals, in both languages and themes, at the requested size. With
// CHART_OUT set the pictures are written there to be looked at.
func TestTrendOnExamples(t *testing.T) {
	t.Parallel()
	out := os.Getenv("CHART_OUT")
	for _, name := range []string{"google-ads", "eshop-emailing"} {
		p, kpis := trackedKPIs(t, name)
		for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
			for _, th := range []Theme{Light, Dark} {
				for _, k := range kpis {
					o := Options{Width: 640, Height: 360, Lang: lang, Theme: th, Currency: p.Info.Currency}
					b, err := Trend(k, p.Info.Start, o)
					if err != nil {
						t.Fatalf("%s %s: %v", name, k.Name, err)
					}
					decode(t, b, 640, 360)
					if out != "" && th == Light {
						fn := filepath.Join(out, "trend-"+name+"-"+k.Name+"-"+string(lang)+".png")
						if err := os.WriteFile(fn, b, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
	}
}

// TestTrendDegenerate draws degenerate KPIs: none may panic or fail, and
// each picture has the requested size.
func TestTrendDegenerate(t *testing.T) {
	t.Parallel()
	undef := decimal.NullDecimal{}
	huge := decimal.NullDecimal{Decimal: decimal.RequireFromString("1e400"), Valid: true}
	tiny := decimal.NullDecimal{Decimal: decimal.RequireFromString("-1e-30"), Valid: true}
	pts := func(vals ...[3]decimal.NullDecimal) []simulate.TrendPoint {
		out := make([]simulate.TrendPoint, len(vals))
		for i, v := range vals {
			out[i] = simulate.TrendPoint{Month: i + 1, Actual: v[0], Plan: v[1], Forecast: v[2]}
		}
		return out
	}
	cases := []struct {
		name string
		k    simulate.DashboardKPI
	}{
		{"zero", simulate.DashboardKPI{}},
		{"no months", simulate.DashboardKPI{Name: "customers", Unit: simulate.Count, Actual: nd(3), Plan: nd(4), Status: simulate.StatusBehind}},
		{"all undefined", simulate.DashboardKPI{Name: "cpa", Unit: simulate.Money, Trend: pts([3]decimal.NullDecimal{undef, undef, undef}, [3]decimal.NullDecimal{})}},
		{"one month plan only", simulate.DashboardKPI{Name: "revenue", Unit: simulate.Money, Trend: pts([3]decimal.NullDecimal{undef, nd(100), undef})}},
		{"one month actual", simulate.DashboardKPI{Name: "roi", Unit: simulate.Rate, Trend: pts([3]decimal.NullDecimal{nd(-0.5), nd(0.2), nd(-0.5)})}},
		{"all zero", simulate.DashboardKPI{Name: "ctr", Unit: simulate.Rate, Actual: nd(0), Plan: nd(0), Trend: pts(
			[3]decimal.NullDecimal{nd(0), nd(0), nd(0)}, [3]decimal.NullDecimal{undef, nd(0), nd(0)})}},
		{"gaps", simulate.DashboardKPI{Name: "leads", Unit: simulate.Count, Status: simulate.StatusAhead, Trend: pts(
			[3]decimal.NullDecimal{nd(1), undef, nd(1)}, [3]decimal.NullDecimal{undef, nd(2), undef},
			[3]decimal.NullDecimal{nd(5), nd(2), nd(5)}, [3]decimal.NullDecimal{undef, undef, nd(7)})}},
		{"forecast only", simulate.DashboardKPI{Name: "customers", Unit: simulate.Count, Trend: pts(
			[3]decimal.NullDecimal{undef, nd(1), nd(2)}, [3]decimal.NullDecimal{undef, nd(1), nd(2)})}},
		{"huge and tiny", simulate.DashboardKPI{Name: "revenue", Unit: simulate.Money, Actual: huge, Plan: tiny, Trend: pts(
			[3]decimal.NullDecimal{huge, tiny, huge}, [3]decimal.NullDecimal{tiny, huge, tiny})}},
		{"unknown unit and name", simulate.DashboardKPI{Name: "no_such_figure", Unit: simulate.Unit(42), Status: "weird", Trend: pts(
			[3]decimal.NullDecimal{nd(1), nd(2), undef}, [3]decimal.NullDecimal{undef, nd(math.MaxFloat64), undef})}},
		{"payback month", simulate.DashboardKPI{Name: "payback_month", Unit: simulate.Month, Trend: pts(
			[3]decimal.NullDecimal{nd(3), nd(3), nd(3)})}},
	}
	long := make([]simulate.TrendPoint, 120)
	for i := range long {
		long[i] = simulate.TrendPoint{Month: i + 1, Plan: nd(float64(i)), Actual: nd(float64(i) * 1.1)}
	}
	cases = append(cases, struct {
		name string
		k    simulate.DashboardKPI
	}{"120 months", simulate.DashboardKPI{Name: "customers", Unit: simulate.Count, Trend: long}})
	sizes := [][2]int{{MinSize, MinSize}, {40, 300}, {300, 40}, {320, 180}, {800, 450}}
	starts := []plan.Date{{}, {Year: 2026, Month: 11, Day: 1}}
	for _, tc := range cases {
		for _, sz := range sizes {
			for _, st := range starts {
				for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
					o := Options{Width: sz[0], Height: sz[1], Lang: lang, Scale: 2}
					b, err := Trend(tc.k, st, o)
					if err != nil {
						t.Fatalf("%s %v: %v", tc.name, sz, err)
					}
					decode(t, b, sz[0], sz[1])
				}
			}
		}
	}
	if _, err := Trend(simulate.DashboardKPI{}, plan.Date{}, Options{Width: 1, Height: 100}); err == nil {
		t.Error("Trend accepted a 1-pixel-wide picture")
	}
}

// BenchmarkTrend draws one KPI of google-ads at 800 × 450 (the package
// aims at ≤ 10 ms).
func BenchmarkTrend(b *testing.B) {
	p, kpis := trackedKPIs(b, "google-ads")
	o := Options{Width: 800, Height: 450, Currency: p.Info.Currency}
	for b.Loop() {
		if _, err := Trend(kpis[0], p.Info.Start, o); err != nil {
			b.Fatal(err)
		}
	}
}
