package simulate

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// benchPlanFile is where TestBenchPlanJSON exports benchUncertaintyPlan
// for bench/mc_numpy.py, the NumPy version of the Monte Carlo.
var benchPlanFile = filepath.Join("..", "bench", "plan10.json")

// benchPlanJSON describes benchUncertaintyPlan as the fast model sees it
// (inputs after defaults, monthly shares, ranges as PERT parameters), plus
// the Go results to compare with.
func benchPlanJSON(t testing.TB) []byte {
	p := benchUncertaintyPlan()
	m, err := compileFast(p)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, fsCount)
	for name, s := range fastSlots {
		names[s.slot] = name
	}
	type channel struct {
		ID           string             `json:"id"`
		Kind         string             `json:"kind"`
		Sends        int                `json:"sends"`
		Active       int                `json:"active"`
		SEOSum       float64            `json:"seo_sum"`
		HasCTR       bool               `json:"has_ctr"`
		HasMaxClicks bool               `json:"has_max_clicks"`
		HasAudience  bool               `json:"has_audience"`
		HasPerSale   bool               `json:"has_commission_per_sale"`
		HasRate      bool               `json:"has_commission_rate"`
		Inputs       map[string]float64 `json:"inputs"`
		Share        []float64          `json:"share"`
		CostShare    []float64          `json:"cost_share"`
	}
	type rangeJSON struct {
		Channel int     `json:"channel"`
		Input   string  `json:"input"`
		Low     float64 `json:"low"`
		Mode    float64 `json:"mode"`
		High    float64 `json:"high"`
	}
	out := struct {
		Comment  string         `json:"comment"`
		Runs     int            `json:"runs"`
		Seed     int64          `json:"seed"`
		Months   int            `json:"months"`
		B2B      bool           `json:"b2b"`
		Business map[string]any `json:"business"`
		Channels []channel      `json:"channels"`
		Ranges   []rangeJSON    `json:"ranges"`
		Go       map[string]any `json:"go"`
	}{
		Comment: "benchUncertaintyPlan (simulate/uncertainty_test.go) as the fast model sees it; " +
			"regenerate with CAMPAIGNSIM_WRITE_BENCH=1 go test ./simulate -run TestBenchPlanJSON",
		Runs: 10000, Seed: 1, Months: m.n, B2B: m.b2b,
		Business: map[string]any{"first_order_revenue": m.a1d, "orders_times_order": m.oA, "order_cogs": m.ag,
			"orders_per_month": m.o, "retention": m.r, "repeats": m.repeats},
	}
	for i, c := range m.chans {
		ch := channel{ID: p.Channels[i].ID, Kind: string(c.kind), Sends: c.sends, Active: c.active, SEOSum: c.seoSum,
			HasCTR: c.hasCTR, HasMaxClicks: c.hasMaxClicks, HasAudience: c.hasAud, HasPerSale: c.hasPerSale, HasRate: c.hasRate,
			Inputs: map[string]float64{}, Share: m.share[i*m.n : (i+1)*m.n], CostShare: m.costSh[i*m.n : (i+1)*m.n]}
		for s, v := range m.base[i] {
			ch.Inputs[names[s]] = v
		}
		out.Channels = append(out.Channels, ch)
		for _, r := range p.Channels[i].Ranges {
			s := fastSlots[r.Input]
			out.Ranges = append(out.Ranges, rangeJSON{Channel: i, Input: r.Input, Low: r.Low.InexactFloat64(),
				Mode: m.base[i][s.slot], High: r.High.InexactFloat64()})
		}
	}
	base, err := Run(p)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Uncertainty(context.Background(), p, UncertaintyOptions{Runs: 10000})
	if err != nil {
		t.Fatal(err)
	}
	cu, _ := res.Figure("customers")
	out.Go = map[string]any{"deterministic_customers": base.Totals.Customers.Decimal.InexactFloat64(),
		"customers_p10": cu.P10.Decimal.StringFixed(2), "customers_p50": cu.P50.Decimal.StringFixed(2), "customers_p90": cu.P90.Decimal.StringFixed(2),
		"customers_mean": cu.Mean.Decimal.StringFixed(2)}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// TestBenchPlanJSON keeps bench/plan10.json in step with the benchmark
// plan; CAMPAIGNSIM_WRITE_BENCH=1 (re)writes it.
func TestBenchPlanJSON(t *testing.T) {
	b := benchPlanJSON(t)
	if os.Getenv("CAMPAIGNSIM_WRITE_BENCH") != "" {
		if err := os.WriteFile(benchPlanFile, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(benchPlanFile)
	if err != nil {
		t.Skipf("%s: %v (write it with CAMPAIGNSIM_WRITE_BENCH=1)", benchPlanFile, err)
	}
	if !bytes.Equal(old, b) {
		t.Errorf("%s is out of date: rewrite it with CAMPAIGNSIM_WRITE_BENCH=1 go test ./simulate -run TestBenchPlanJSON", benchPlanFile)
	}
}
