package report

import (
	"bytes"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"
)

// quickSensitivity stands for simulate.Sensitivity in the report-only
// benchmarks: the real analysis of the plan's first eight channels, so the
// tornado chart and table are drawn as usual, at a cost that does not hide
// the report's own.
func quickSensitivity(p plan.Plan, figure string) (simulate.SensitivityResult, error) {
	q := p.Clone()
	q.Channels = q.Channels[:min(8, len(q.Channels))]
	q.Actuals = nil
	return simulate.Sensitivity(q, figure)
}

// quickAnalyze is simulate.Analyze with quickSensitivity for its
// sensitivity.
func quickAnalyze(p plan.Plan, o simulate.AnalyzeOptions) (simulate.Analysis, error) {
	o.Parts = simulate.PartsAll &^ simulate.PartSensitivity
	a, err := simulate.Analyze(p, o)
	if err != nil {
		return a, err
	}
	if s, err := quickSensitivity(p, "net_profit"); err == nil {
		a.Sensitivity = &s
	}
	return a, nil
}

// reportOnly prepares the document of p once (with quickSensitivity) and
// returns a func that does the report's own work on it: the charts
// (prerender), the layout and the PDF's bytes.
func reportOnly(tb testing.TB, p plan.Plan) func() []byte {
	tb.Helper()
	saved := analyze
	analyze = quickAnalyze
	defer func() { analyze = saved }()
	d, err := prepare(p, Options{Date: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		tb.Fatal(err)
	}
	return func() []byte {
		d.prerender(d.fullCharts())
		d.layout = newLayout()
		d.write()
		var buf bytes.Buffer
		if err := d.pdf.Output(&buf); err != nil {
			tb.Fatal(err)
		}
		return buf.Bytes()
	}
}

// BenchmarkReportOnly measures the report's own share of an export
// (charts, layout, PDF; not the simulation) for plans of n channels over
// 60 months: the cost per channel should stay flat as n grows.
func BenchmarkReportOnly(b *testing.B) {
	for _, n := range []int{25, 50, 100, 200, 400} {
		p, err := plan.Decode("large.toml", largePlanText(n, 60))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dx60", n), func(b *testing.B) {
			run := reportOnly(b, p)
			b.ReportAllocs()
			for b.Loop() {
				run()
			}
		})
	}
}

// TestPrerenderBounded checks that prerender draws at most GOMAXPROCS
// charts at a time. It drew every chart of the document at once, each
// holding its picture, which for the 200 funnels of a 200-channel plan
// raised the report's peak memory (193 MB against 118 MB bounded, peak
// RSS of BenchmarkReportOnly/200x60). With one processor, a chart that
// yields (runtime.Gosched) lets any other drawing goroutine run: none may
// then be inside a chart.
func TestPrerenderBounded(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	d, err := prepare(p, Options{Date: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var active, most atomic.Int32
	wrap := func(f chartFunc) chartFunc {
		if f == nil {
			return nil
		}
		return func(o chart.Options) ([]byte, error) {
			n := active.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			for range 10 {
				runtime.Gosched()
			}
			defer active.Add(-1)
			return f(o)
		}
	}
	for i := range d.charts.funnel {
		d.charts.funnel[i] = wrap(d.charts.funnel[i])
	}
	for _, c := range d.fullCharts() {
		*c.f = wrap(*c.f)
	}
	d.prerender(d.fullCharts())
	if m := most.Load(); m > 1 {
		t.Errorf("%d charts drawn at once with GOMAXPROCS 1, want 1", m)
	}
	if len(d.pngs) < len(p.Channels)+4 {
		t.Errorf("%d charts drawn, want at least %d", len(d.pngs), len(p.Channels)+4)
	}
}

// TestTornadoNames checks that the document's tornado names each input by
// its channel's name, as chart.Tornado draws it given chart.ChannelNames:
// the report passed no names, so its tornado read "Mailing familles —
// Taux de réponse" (the id "mailing-familles" made readable) instead of
// the channel's name.
func TestTornadoNames(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	d, err := prepare(p, Options{Date: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if d.sens == nil || d.charts.tornado == nil {
		t.Fatal("the bakery has no tornado")
	}
	got := d.renderChart(&d.charts.tornado, fullW, fullW*ratioTornado)
	o := chart.Options{Width: px(fullW), Height: px(fullW * ratioTornado), Lang: d.lang, Currency: d.cur,
		Theme: chart.Light, Scale: chartScale, Names: chart.ChannelNames(p)}
	for extra := 0; extra < 20; extra++ { // prerender widens each picture by its rank
		o.Width = px(fullW) + extra
		want, err := chart.Tornado(*d.sens, o)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(got, want) {
			return
		}
	}
	t.Error("the tornado of the document is not drawn with the channels' names")
}
