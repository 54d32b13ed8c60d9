package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// display returns a display channel with the given budget, cpm, ctr,
// conversion rate and audience ("" for none).
func displayCh(id, budget, cpm, ctr, cr, audience string) plan.Channel {
	c := plan.Channel{ID: id, Name: "Display " + id, Kind: plan.Display, Budget: d(budget), CPM: d(cpm),
		CTR: nd(ctr), ConversionRate: d(cr)}
	if audience != "" {
		c.Audience = nd(audience)
	}
	return c
}

// searchCh returns a search channel; maxClicks "" for none.
func searchCh(id, budget, cpc, cr, maxClicks string) plan.Channel {
	c := plan.Channel{ID: id, Name: "Search " + id, Kind: plan.Search, Budget: d(budget), CPC: d(cpc),
		ConversionRate: d(cr)}
	if maxClicks != "" {
		c.MaxClicks = nd(maxClicks)
	}
	return c
}

func mustOptimize(t *testing.T, p plan.Plan, g Goal, total decimal.NullDecimal) Optimization {
	t.Helper()
	o, err := Optimize(p, g, total)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func budgetOf(t *testing.T, o Optimization, id string) decimal.Decimal {
	t.Helper()
	for _, a := range o.Allocation {
		if a.ID == id {
			return a.BudgetAfter
		}
	}
	t.Fatalf("no channel %s in the allocation", id)
	return zero
}

func hasWarning(ws []Warning, code string) bool {
	for _, w := range ws {
		if w.Code == code {
			return true
		}
	}
	return false
}

// Two capped display channels, one month, b2c.
//
// Channel i yields customers g_i(b) = K_i·cap_i·(1 − exp(−b·e_i/cap_i))
// with e_i = 1000/cpm_i impressions per euro and K_i = ctr_i × conversion_i.
// At the optimum the marginal returns are equal (KKT, both interior):
//
//	K_1·e_1·exp(−b_1·e_1/cap_1) = K_2·e_2·exp(−b_2·e_2/cap_2) = λ,  b_1 + b_2 = B.
//
// Write a_i = cap_i/e_i (euros) and s_i = K_i·e_i (customers per euro at 0):
// b_i = a_i·(ln s_i − ln λ), so ln λ = (Σ a_i ln s_i − B)/Σ a_i.
//
// A: cpm 5 → e = 200, audience 40 000 → a = 200 €; K = 0.01 × 0.05 = 5e-4, s = 0.1.
// B: cpm 10 → e = 100, audience 10 000 → a = 100 €; K = 0.02 × 0.05 = 1e-3, s = 0.1.
// Equal s: b_i = B·a_i/Σa, so B = 600 € splits 400 / 200. Both marginals are
// then 0.1·e^−2, and customers = 20(1 − e^−2) + 10(1 − e^−2) = 30(1 − e^−2)
// = 25.939941502901618…
func TestOptimizeTwoChannelsAnalytic(t *testing.T) {
	p := withChannels(basePlan(),
		displayCh("a", "100", "5", "0.01", "0.05", "40000"),
		displayCh("b", "500", "10", "0.02", "0.05", "10000"))
	p.Info.Months = 1
	for _, g := range []Goal{GoalCustomers, GoalGrossMargin} {
		o := mustOptimize(t, p, g, decimal.NullDecimal{})
		near(t, string(g)+" budget a", budgetOf(t, o, "a"), "400", "0.01")
		near(t, string(g)+" budget b", budgetOf(t, o, "b"), "200", "0.01")
		want := 30 * (1 - math.Exp(-2))
		if g == GoalGrossMargin {
			want *= 5 // one-shot buyers: A·g = 10 × 0.5 per customer
		}
		if got := toFloat(o.After); !closeRel(got, want, 1e-6, 1) {
			t.Errorf("%s after = %v, want %v", g, got, want)
		}
		if !o.Spent.Equal(d("600")) || !o.Budget.Equal(d("600")) {
			t.Errorf("%s spent %s of %s, want 600 of 600", g, o.Spent, o.Budget)
		}
	}
}

// Three capped channels with different returns; the closed form of
// TestOptimizeTwoChannelsAnalytic: b_i = a_i·(ln s_i − ln λ) with
// ln λ = (Σ a_i ln s_i − B)/Σ a_i.
//
//	search  cpc 2 → e = 0.5, max_clicks 1 000 → a = 2 000 €; K = 0.04,            s = 0.02
//	display cpm 4 → e = 250, audience 50 000  → a = 200 €;   K = 0.005 × 0.02,     s = 0.025
//	social  cpm 8 → e = 125, audience 30 000  → a = 240 €;   K = 0.01 × 0.03,      s = 0.0375
//
// B = 3 000: Σa = 2 440, Σ a ln s = 2000·ln 0.02 + 200·ln 0.025 + 240·ln 0.0375
// = −7824.05 − 737.78 − 788.15 = −9349.98, ln λ = (−9349.98 − 3000)/2440 = −5.0615,
// so b ≈ 2000(−3.9120 + 5.0615) = 2299.0, 200(−3.6889 + 5.0615) = 274.5,
// 240(−3.2834 + 5.0615) = 426.7 (sum 3000.2 with these rounded logs; the
// test computes them exactly).
func TestOptimizeThreeChannelsAnalytic(t *testing.T) {
	s := searchCh("s", "1000", "2", "0.04", "1000")
	dsp := displayCh("d", "1000", "4", "0.005", "0.02", "50000")
	soc := displayCh("f", "1000", "8", "0.01", "0.03", "30000")
	soc.Kind = plan.SocialAds
	p := withChannels(basePlan(), s, dsp, soc)
	a := []float64{2000, 200, 240}
	sv := []float64{0.02, 0.025, 0.0375}
	caps := []float64{1000, 50000, 30000}
	K := []float64{0.04, 0.0001, 0.0003}
	B := 3000.0
	var sa, sal float64
	for i := range a {
		sa += a[i]
		sal += a[i] * math.Log(sv[i])
	}
	lnl := (sal - B) / sa
	want, value := make([]float64, 3), 0.0
	for i := range a {
		want[i] = a[i] * (math.Log(sv[i]) - lnl)
		if want[i] <= 0 || want[i] >= B {
			t.Fatalf("the worked example is not interior: b_%d = %v", i, want[i])
		}
		value += K[i] * caps[i] * (1 - math.Exp(-want[i]/a[i]))
	}
	o := mustOptimize(t, p, GoalCustomers, decimal.NullDecimal{})
	for i, id := range []string{"s", "d", "f"} {
		if got := toFloat(budgetOf(t, o, id)); math.Abs(got-want[i]) > 0.02 {
			t.Errorf("budget %s = %v, want %v", id, got, want[i])
		}
	}
	if got := toFloat(o.After); !closeRel(got, value, 1e-6, 1) {
		t.Errorf("customers after = %v, want %v", got, value)
	}
}

// bruteForce returns the best value of Σ Value_c(x_c) (− Σx when net)
// over a grid of the feasible budgets of 2 or 3 curves with Σ x = B (or
// ≤ B when net): steps per free dimension.
func bruteForce(curves []Curve, B float64, net bool, steps int) float64 {
	val := func(x []float64) float64 {
		v := 0.0
		for i, c := range curves {
			if x[i] < c.Min-1e-9 || x[i] > c.Max+1e-9 {
				return math.Inf(-1)
			}
			v += c.Value(x[i])
			if net {
				v -= x[i]
			}
		}
		return v
	}
	hiOf := func(c Curve) float64 { return math.Min(c.Max, B) }
	best := math.Inf(-1)
	grid := func(c Curve, k int) float64 { return c.Min + (hiOf(c)-c.Min)*float64(k)/float64(steps) }
	switch {
	case len(curves) == 2 && !net:
		for k := 0; k <= steps; k++ {
			x0 := grid(curves[0], k)
			best = math.Max(best, val([]float64{x0, B - x0}))
		}
	case len(curves) == 2 && net:
		for k := 0; k <= steps; k++ {
			for j := 0; j <= steps; j++ {
				x := []float64{grid(curves[0], k), grid(curves[1], j)}
				if x[0]+x[1] <= B {
					best = math.Max(best, val(x))
				}
			}
		}
	case len(curves) == 3:
		for k := 0; k <= steps; k++ {
			for j := 0; j <= steps; j++ {
				x := []float64{grid(curves[0], k), grid(curves[1], j), 0}
				x[2] = B - x[0] - x[1]
				best = math.Max(best, val(x))
			}
		}
	}
	return best
}

// randomCurves returns n concave curves, some linear, with random bounds.
func randomCurves(rng *rand.Rand, n int, linear bool) []Curve {
	cs := make([]Curve, n)
	for i := range cs {
		c := Curve{ID: fmt.Sprint(i), Rate: 0.1 + rng.Float64()*300, Weight: 1e-4 + rng.Float64()*0.01,
			Cap: 500 + rng.Float64()*100000, Max: math.Inf(1)}
		if linear && rng.IntN(3) == 0 {
			c.Cap = math.Inf(1)
		}
		if rng.IntN(2) == 0 {
			c.Min = math.Round(rng.Float64() * 500)
		}
		if rng.IntN(2) == 0 {
			c.Max = c.Min + 200 + math.Round(rng.Float64()*4000)
		}
		cs[i] = c
	}
	return cs
}

func TestAllocateMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for k := 0; k < 300; k++ {
		n := 2 + k%2
		net := k%4 == 2 && n == 2
		curves := randomCurves(rng, n, k%3 == 0)
		if net {
			for i := range curves {
				curves[i].Weight *= 20 + rng.Float64()*200 // money per customer
			}
		}
		var sumMin, sumMax float64
		for _, c := range curves {
			sumMin += c.Min
			sumMax += c.Max
		}
		B := sumMin + rng.Float64()*5000
		if B > sumMax {
			B = sumMax
		}
		x := allocate(curves, B, net)
		got, sum := 0.0, 0.0
		for i, c := range curves {
			if x[i] < c.Min-1e-9 || x[i] > c.Max+1e-9 {
				t.Fatalf("case %d: budget %d = %v outside [%v, %v]", k, i, x[i], c.Min, c.Max)
			}
			got += c.Value(x[i])
			if net {
				got -= x[i]
			}
			sum += x[i]
		}
		if !net && !closeRel(sum, B, 1e-9, 1) {
			t.Fatalf("case %d: budgets add up to %v, want %v", k, sum, B)
		}
		if net && sum > B*(1+1e-12) {
			t.Fatalf("case %d: net profit spends %v > %v", k, sum, B)
		}
		steps := 20000
		if n == 3 || net {
			steps = 250
		}
		best := bruteForce(curves, B, net, steps)
		if got < best-1e-3*math.Abs(best)-1e-9 {
			t.Errorf("case %d (n=%d net=%v): optimiser %v < brute force %v (curves %+v, B %v)", k, n, net, got, best, curves, B)
		}
	}
}

// Random plans through Optimize: the decimal engine's goal after the
// optimisation is within 0.1 % of a brute-force search on the curves.
func TestOptimizeRandomPlansVersusBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 19))
	for k := 0; k < 20; k++ {
		p := randomPaidPlan(rng, 2, k%2 == 1)
		for i := range p.Channels {
			if p.Channels[i].Kind.IsPaid() {
				p.Channels[i].MinBudget = d("100")
				p.Channels[i].MaxBudget = nd("6000")
			}
		}
		goal := Goals[k%3]
		o := mustOptimize(t, p, goal, decimal.NullDecimal{})
		resp, err := ResponseCurves(p, string(goal))
		if err != nil {
			t.Fatal(err)
		}
		best := bruteForce(resp.Curves, toFloat(o.Budget), resp.NetProfit, 20000/(1+19*btoi(resp.NetProfit)))
		best += resp.Constant
		if got := toFloat(o.After); got < best-1e-3*math.Abs(best)-1e-6 {
			t.Errorf("plan %d %s: after %v < brute force %v", k, goal, got, best)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestOptimizeBoundsLockedAndApply(t *testing.T) {
	a := displayCh("a", "1000", "5", "0.01", "0.05", "40000")
	a.MinBudget, a.MaxBudget = d("300"), nd("700")
	b := displayCh("b", "1000", "10", "0.02", "0.05", "10000")
	b.MinBudget = d("900")
	locked := searchCh("l", "800", "1", "0.5", "100")
	locked.Locked = true
	mail := plan.Channel{ID: "m", Name: "Mail", Kind: plan.Email, ListSize: 100, Sends: 1, ClickRate: d("0.1"), ConversionRate: d("0.1")}
	p := withChannels(basePlan(), a, b, locked, mail)
	o := mustOptimize(t, p, GoalCustomers, decimal.NullDecimal{})
	if len(o.Allocation) != 2 {
		t.Fatalf("allocation %+v: want the two unlocked paid channels", o.Allocation)
	}
	ba, bb := budgetOf(t, o, "a"), budgetOf(t, o, "b")
	if ba.LessThan(d("300")) || ba.GreaterThan(d("700")) || bb.LessThan(d("900")) {
		t.Errorf("bounds not respected: a %s, b %s", ba, bb)
	}
	if !ba.Add(bb).Equal(d("2000")) {
		t.Errorf("a + b = %s, want 2000", ba.Add(bb))
	}
	// Unbounded, a would take 2000·200/300 = 1333 of 2000 (see the
	// analytic test): its max 700 binds and b takes the rest.
	near(t, "a at its max", ba, "700", "0")
	near(t, "b", bb, "1300", "0")
	// Of 1300, unbounded b would take 433: its min 900 binds, a gets 400.
	o2 := mustOptimize(t, p, GoalCustomers, nd("1300"))
	near(t, "b at its min", budgetOf(t, o2, "b"), "900", "0")
	near(t, "a", budgetOf(t, o2, "a"), "400", "0")
	if lc, _ := o.Plan.Channel("l"); !lc.Budget.Equal(d("800")) {
		t.Errorf("locked channel's budget changed to %s", lc.Budget)
	}
	applied := o.Apply(p)
	if c, _ := applied.Channel("a"); !c.Budget.Equal(ba) {
		t.Errorf("Apply: a = %s, want %s", c.Budget, ba)
	}
	if c, _ := p.Channel("a"); !c.Budget.Equal(d("1000")) {
		t.Error("Apply changed its input")
	}
	if hasWarning(o.Warnings, WarnOptLinear) {
		t.Errorf("capped channels: unexpected linear warning %v", o.Warnings)
	}
}

// Two linear search channels: A returns 0.1 customer per euro (cpc 1,
// conversion 10 %) up to its max_budget of 1 000; B returns 0.05. The
// exact optimum of 3 000 is the corner A = 1 000, B = 2 000:
// 100 + 100 = 200 customers.
func TestOptimizeLinearCorner(t *testing.T) {
	a := searchCh("a", "0", "1", "0.1", "")
	a.MaxBudget = nd("1000")
	b := searchCh("b", "3000", "1", "0.05", "")
	p := withChannels(basePlan(), a, b)
	o := mustOptimize(t, p, GoalCustomers, decimal.NullDecimal{})
	near(t, "a", budgetOf(t, o, "a"), "1000", "0")
	near(t, "b", budgetOf(t, o, "b"), "2000", "0")
	near(t, "customers", o.After, "200", "1e-12")
	if !hasWarning(o.Warnings, WarnOptLinear) {
		t.Errorf("no linear warning: %v", o.Warnings)
	}
	// A capped channel beside: it takes money until its marginal return
	// falls to B's 0.05, i.e. K·e·exp(−b·e/cap) = 0.05 with K·e = 0.1 →
	// b = cap/e · ln 2 = 200 · 0.693147 = 138.63 €; B gets the rest.
	c := displayCh("c", "0", "5", "0.01", "0.05", "40000")
	p = withChannels(basePlan(), a, b, c)
	o = mustOptimize(t, p, GoalCustomers, decimal.NullDecimal{})
	near(t, "a", budgetOf(t, o, "a"), "1000", "0")
	near(t, "c", budgetOf(t, o, "c"), fmt.Sprintf("%.4f", 200*math.Ln2), "0.01")
	near(t, "b", budgetOf(t, o, "b"), fmt.Sprintf("%.4f", 2000-200*math.Ln2), "0.01")
}

func TestOptimizeInfeasibleAndShort(t *testing.T) {
	a := displayCh("a", "500", "5", "0.01", "0.05", "40000")
	a.MinBudget, a.MaxBudget = d("400"), nd("600")
	b := displayCh("b", "500", "10", "0.02", "0.05", "10000")
	b.MinBudget, b.MaxBudget = d("400"), nd("600")
	p := withChannels(basePlan(), a, b)
	if _, err := Optimize(p, GoalCustomers, nd("700")); !errors.Is(err, ErrBounds) {
		t.Errorf("Σ min 800 > 700: err = %v, want ErrBounds", err)
	}
	o := mustOptimize(t, p, GoalCustomers, nd("1500"))
	if !hasWarning(o.Warnings, WarnOptMaxShort) {
		t.Errorf("Σ max 1200 < 1500: no warning (%v)", o.Warnings)
	}
	near(t, "a", budgetOf(t, o, "a"), "600", "0")
	near(t, "b", budgetOf(t, o, "b"), "600", "0")
	if _, err := Optimize(p, GoalCustomers, nd("-1")); err == nil {
		t.Error("negative budget: no error")
	}
	if _, err := Optimize(p, "roi", decimal.NullDecimal{}); err == nil {
		t.Error("goal roi: no error")
	}
	// No decision channel is an answer with a warning (TestNoDecisionChannel).
	if o, err := Optimize(withChannels(basePlan()), GoalCustomers, decimal.NullDecimal{}); err != nil || o.Warnings[0].Code != WarnNoDecision {
		t.Errorf("no decision channel: err %v, warnings %+v", err, o.Warnings)
	}
	bad := p.Clone()
	bad.Info.Months = 0
	var list plan.ErrorList
	if _, err := Optimize(bad, GoalCustomers, decimal.NullDecimal{}); !errors.As(err, &list) {
		t.Errorf("invalid plan: err = %v, want a plan.ErrorList", err)
	}
}

// Net profit spends only while a euro returns more than a euro: on the
// bakery's paid ads (its print channels locked: the mailing, linear at
// 2,93 € of margin per euro, would take the whole budget), 354.70 € of
// 1 600 €.
func TestOptimizeNetProfitLeavesBudgetUnspent(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Channels {
		if p.Channels[i].Kind == plan.Print {
			p.Channels[i].Locked = true
		}
	}
	o := mustOptimize(t, p, GoalNetProfit, decimal.NullDecimal{})
	if !o.Spent.LessThan(o.Budget) || !hasWarning(o.Warnings, WarnOptUnspent) {
		t.Errorf("spent %s of %s, warnings %v: want part unspent and a warning", o.Spent, o.Budget, o.Warnings)
	}
	if !o.After.GreaterThan(o.Before) {
		t.Errorf("net profit after %s ≤ before %s", o.After, o.Before)
	}
	// At the optimum each channel above its min_budget returns one euro of
	// margin per euro: marginal = 1.
	resp, _ := ResponseCurves(p, "net_profit")
	for i, c := range resp.Curves {
		b := toFloat(o.Allocation[i].BudgetAfter)
		if b > c.Min+0.01 && math.Abs(c.Marginal(b)-1) > 1e-3 {
			t.Errorf("%s: marginal %v at %v, want 1", c.ID, c.Marginal(b), b)
		}
	}
}

// optBenchPlan is a plan with 10 capped decision channels (search, display
// and social ads alternately) with bounds, for the benchmark and for
// bench/opt_scipy.py.
func optBenchPlan() plan.Plan {
	p := basePlan()
	for i := 0; i < 10; i++ {
		var c plan.Channel
		id := fmt.Sprintf("c%02d", i)
		budget := fmt.Sprint(500 + 150*i)
		switch i % 3 {
		case 0:
			c = searchCh(id, budget, fmt.Sprintf("%.2f", 0.8+0.3*float64(i)), fmt.Sprintf("%.3f", 0.02+0.004*float64(i)), fmt.Sprint(800+300*i))
		case 1:
			c = displayCh(id, budget, fmt.Sprintf("%.2f", 2+float64(i)), "0.005", fmt.Sprintf("%.3f", 0.01+0.002*float64(i)), fmt.Sprint(30000+9000*i))
		default:
			c = displayCh(id, budget, fmt.Sprintf("%.2f", 4+float64(i)), "0.009", fmt.Sprintf("%.3f", 0.03+0.003*float64(i)), fmt.Sprint(20000+7000*i))
			c.Kind = plan.SocialAds
		}
		c.MinBudget = d("100")
		c.MaxBudget = nd(fmt.Sprint(2500 + 250*i))
		p.Channels = append(p.Channels, c)
	}
	return p
}

func BenchmarkOptimize10Channels(b *testing.B) {
	p := optBenchPlan()
	for b.Loop() {
		if _, err := Optimize(p, GoalCustomers, decimal.NullDecimal{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllocate10Channels is the float search alone (no decimal run).
func BenchmarkAllocate10Channels(b *testing.B) {
	resp, err := ResponseCurves(optBenchPlan(), "customers")
	if err != nil {
		b.Fatal(err)
	}
	total := 0.0
	for _, c := range resp.Curves {
		total += c.Budget
	}
	for b.Loop() {
		allocate(resp.Curves, total, false)
	}
}

// TestWriteOpt10JSON writes bench/opt10.json for bench/opt_scipy.py: the
// curves of optBenchPlan (10 capped channels), the budget to split, and
// our optimum with its time. It runs only with CAMPAIGNSIM_WRITE_OPT10=1:
//
//	CAMPAIGNSIM_WRITE_OPT10=1 go test ./simulate -run TestWriteOpt10JSON
func TestWriteOpt10JSON(t *testing.T) {
	if os.Getenv("CAMPAIGNSIM_WRITE_OPT10") == "" {
		t.Skip("set CAMPAIGNSIM_WRITE_OPT10=1 to write bench/opt10.json")
	}
	p := optBenchPlan()
	resp, err := ResponseCurves(p, "customers")
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	type ch struct {
		ID     string  `json:"id"`
		Kind   string  `json:"kind"`
		Rate   float64 `json:"rate"`
		Cap    float64 `json:"cap"`
		Weight float64 `json:"weight"`
		Min    float64 `json:"min"`
		Max    float64 `json:"max"`
		Budget float64 `json:"budget"`
	}
	var chans []ch
	for _, c := range resp.Curves {
		total += c.Budget
		chans = append(chans, ch{c.ID, string(c.Kind), c.Rate, c.Cap, c.Weight, c.Min, c.Max, c.Budget})
	}
	const n = 2000
	start := time.Now()
	var x []float64
	for range n {
		x = allocate(resp.Curves, total, false)
	}
	perSolve := time.Since(start).Seconds() / n
	start = time.Now()
	var o Optimization
	for range 50 {
		if o, err = Optimize(p, GoalCustomers, decimal.NullDecimal{}); err != nil {
			t.Fatal(err)
		}
	}
	perOptimize := time.Since(start).Seconds() / 50
	value := 0.0
	for i, c := range resp.Curves {
		value += c.Value(x[i])
	}
	out := map[string]any{
		"comment": "optBenchPlan (simulate/optimize_test.go): customers = Σ weight·cap·(1 − exp(−b·rate/cap)), " +
			"Σ b = total, min ≤ b ≤ max. Regenerate: CAMPAIGNSIM_WRITE_OPT10=1 go test ./simulate -run TestWriteOpt10JSON",
		"total":    total,
		"channels": chans,
		"go": map[string]any{
			"budgets":               x,
			"value":                 value,
			"engine_customers":      toFloat(o.After.Sub(decimal.NewFromFloat(resp.Constant))),
			"seconds_per_solve":     perSolve,
			"seconds_per_optimize":  perOptimize,
			"solve_note":            "allocate: bisection on the Lagrange multiplier, float64",
			"optimize_note":         "Optimize: curves from the plan, allocate, cents, two decimal engine runs",
			"rounded_budgets_cents": o.Allocation,
		},
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("../bench/opt10.json", append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoDecisionChannel: a plan with no paid channel (the e-shop's emailing)
// has nothing to split. Optimize returns it unchanged with a warning;
// GoalSeek says the target is reachable at today's cost when the plan
// already meets it and unreachable otherwise — never an error.
func TestNoDecisionChannel(t *testing.T) {
	p, err := plan.Example("eshop-emailing")
	if err != nil {
		t.Fatal(err)
	}
	base, err := Run(p)
	if err != nil {
		t.Fatal(err)
	}
	o, err := Optimize(p, GoalCustomers, decimal.NullDecimal{})
	if err != nil {
		t.Fatalf("Optimize: %v", err)
	}
	if !o.Before.Equal(base.Totals.Customers.Decimal) || !o.After.Equal(o.Before) || len(o.Allocation) != 0 {
		t.Errorf("Optimize changed something: before %s after %s, %d allocations", o.Before, o.After, len(o.Allocation))
	}
	if len(o.Warnings) != 1 || o.Warnings[0].Code != WarnNoDecision {
		t.Errorf("warnings = %+v, want one %s", o.Warnings, WarnNoDecision)
	}
	customers := base.Totals.Customers.Decimal
	met, err := GoalSeek(p, "customers", customers.Sub(decimal.NewFromInt(1)), MixKeep)
	if err != nil {
		t.Fatalf("GoalSeek below today's value: %v", err)
	}
	if !met.Reachable || !met.Budget.Decimal.IsZero() || !met.Cost.Decimal.Equal(base.Totals.Cost.Decimal) {
		t.Errorf("a target the plan already meets: reachable %v budget %v cost %v, want true 0 %s",
			met.Reachable, met.Budget, met.Cost, base.Totals.Cost.Decimal)
	}
	miss, err := GoalSeek(p, "customers", customers.Add(decimal.NewFromInt(1)), MixOptimize)
	if err != nil {
		t.Fatalf("GoalSeek above today's value: %v", err)
	}
	if miss.Reachable || miss.Cost.Valid || miss.Warnings[0].Code != WarnNoDecision {
		t.Errorf("a target above what the plan gets: reachable %v cost %v warnings %+v", miss.Reachable, miss.Cost, miss.Warnings)
	}
}

// TestOptimizationMoves: A loses 300 and B loses 100; C gains 250 and D
// gains 200 (50 more than was taken: the total grew by 50). Largest giver to
// largest taker: A→C 250, then A's last 50 → D, then B's 100 → D, and the
// 50 D still lacks is money added. 250 + 50 + 100 + 50 = 450 = C + D's gain.
func TestOptimizationMoves(t *testing.T) {
	d := decimal.RequireFromString
	o := Optimization{Allocation: []ChannelAllocation{
		{Name: "A", BudgetBefore: d("500"), BudgetAfter: d("200")},
		{Name: "B", BudgetBefore: d("300"), BudgetAfter: d("200")},
		{Name: "C", BudgetBefore: d("100"), BudgetAfter: d("350")},
		{Name: "D", BudgetBefore: d("0"), BudgetAfter: d("200")},
		{Name: "E", BudgetBefore: d("80"), BudgetAfter: d("80")},
	}}
	want := []BudgetMove{{"A", "C", d("250")}, {"A", "D", d("50")}, {"B", "D", d("100")}, {"", "D", d("50")}}
	got := o.Moves()
	if len(got) != len(want) {
		t.Fatalf("moves %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].From != want[i].From || got[i].To != want[i].To || !got[i].Amount.Equal(want[i].Amount) {
			t.Errorf("move %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestOptimizeBakeryPrintDecisions: MODEL.md makes print channels
// (units × cost_per_unit) decisions of the optimiser. The bakery's
// decisions are then 2 840 €: Facebook 1 100 + Google Display 500 +
// mailing 8 000 × 0,11 = 880 + posters 60 × 6 = 360, not only the 1 600 €
// of paid ads. By hand, customers per euro at the margin:
//
//	mailing (no audience: linear): 1/0.11 × reach 1 × 0.015 × 0.50 = 0.068182
//	Facebook: 1000/7 × 0.009 × 0.0921 · exp(−b/280) = 0.11842·e^(−b/280)
//	          (cap 40 000 impressions: 40000·7/1000 = 280 €); at its min_budget
//	          300 € it is 0.0406 < 0.0682, so it stays at 300 €
//	Google Display: 1000/2.9 × 0.0046 × 0.0077 = 0.01221 < 0.0682 → 0 € (min 0)
//	posters: 300/6 × 0.005 × 0.50 · exp(−b/500) = 0.125·e^(−b/500)
//	          (cap 25 000 exposures: 25000·6/300 = 500 €) = 0.068182 at
//	          b = 500·ln(0.125/0.068182) = 303.07 € = 50.5 posters → 50 (300 €)
//	mailing takes the rest: 2840 − 300 − 0 − 300 = 2240 € → 20 363 flyers
//	          (2 239,93 €; 20 364 would be 2 240,04 €), the 0,07 € left to Facebook.
func TestOptimizeBakeryPrintDecisions(t *testing.T) {
	p := bakeryUnboundedMailing(t)
	o := mustOptimize(t, p, GoalCustomers, decimal.NullDecimal{})
	if !o.Budget.Equal(d("2840")) {
		t.Fatalf("budget to split = %s, want 2840", o.Budget)
	}
	want := map[string]string{"mailing-familles": "2239.93", "facebook-familles": "300.07",
		"google-display": "0", "affiches-ecoles-supermarches": "300"}
	if len(o.Allocation) != len(want) {
		t.Fatalf("%d decision channels, want %d", len(o.Allocation), len(want))
	}
	for id, w := range want {
		if got := budgetOf(t, o, id); !got.Equal(d(w)) {
			t.Errorf("%s: %s, want %s", id, got, w)
		}
	}
	for _, a := range o.Allocation {
		if a.Kind != plan.Print {
			continue
		}
		ch := o.Plan.Channels[indexOf(t, o.Plan, a.ID)]
		if !decimal.NewFromInt(a.UnitsAfter).Mul(ch.CostPerUnit).Equal(a.BudgetAfter) || ch.Units != a.UnitsAfter {
			t.Errorf("%s: %d units × %s ≠ %s", a.ID, a.UnitsAfter, ch.CostPerUnit, a.BudgetAfter)
		}
		if !ch.FixedCost.Equal(p.Channels[indexOf(t, p, a.ID)].FixedCost) {
			t.Errorf("%s: fixed cost changed", a.ID)
		}
	}
	if u := o.Allocation[0]; u.ID != "mailing-familles" || u.UnitsBefore != 8000 || u.UnitsAfter != 20363 {
		t.Errorf("mailing units %d → %d, want 8000 → 20363", u.UnitsBefore, u.UnitsAfter)
	}
	if !hasWarning(o.Warnings, WarnOptLinear) {
		t.Error("the mailing has no audience cap: the linear warning is missing")
	}
	// Within 0.1 % of the true optimum: the float optimum of the curves,
	// bounded above by giving every channel its float share.
	resp, err := ResponseCurves(p, "customers")
	if err != nil {
		t.Fatal(err)
	}
	x := allocate(resp.Curves, 2840, false)
	best := resp.Value(x)
	if got := toFloat(o.After); got < best*(1-0.001) || got > best*(1+1e-9) {
		t.Errorf("customers after = %v, float optimum %v", got, best)
	}
	// Apply writes the units on the user's plan.
	q := o.Apply(p)
	if q.Channels[indexOf(t, q, "mailing-familles")].Units != 20363 {
		t.Error("Apply did not set the mailing's units")
	}
}

// TestPrintDecisionRules: a print channel with cost_per_unit 0, or locked,
// is not a decision; with only print channels the total is met as closely
// as whole units allow and the rest is said to be unspent.
func TestPrintDecisionRules(t *testing.T) {
	flyers := plan.Channel{ID: "flyers", Name: "Flyers", Kind: plan.Print, Units: 1000, CostPerUnit: d("0.30"),
		ReachPerUnit: d("1"), Audience: nd("5000"), ResponseRate: d("0.02"), ConversionRate: d("0.5")}
	posters := plan.Channel{ID: "posters", Name: "Posters", Kind: plan.Print, Units: 10, CostPerUnit: d("7"),
		ReachPerUnit: d("200"), Audience: nd("3000"), ResponseRate: d("0.01"), ConversionRate: d("0.5")}
	if IsDecision(plan.Channel{Kind: plan.Print, Units: 10}, 3) {
		t.Error("print at 0 per unit is a decision")
	}
	locked := flyers
	locked.Locked = true
	if IsDecision(locked, 3) || !IsDecision(flyers, 3) {
		t.Error("locked print / print with a unit cost")
	}
	p := withChannels(basePlan(), flyers, posters)
	// today: 1000 × 0.30 + 10 × 7 = 370; split 370.50 — whole units cannot
	// use the last 0.20 (flyers) … so at most 0.50 stays unspent.
	o := mustOptimize(t, p, GoalCustomers, decimal.NewNullDecimal(d("370.50")))
	var spent decimal.Decimal
	for _, a := range o.Allocation {
		spent = spent.Add(a.BudgetAfter)
	}
	if spent.GreaterThan(d("370.50")) || spent.LessThan(d("370.50").Sub(d("0.30"))) {
		t.Errorf("spent %s of 370.50", spent)
	}
	if spent.LessThan(d("370.50")) && (!hasWarning(o.Warnings, WarnOptUnspent) || o.Warnings[0].Msg.Code != MsgOptWholeUnits) {
		t.Error("no unspent warning")
	}
}

func indexOf(t *testing.T, p plan.Plan, id string) int {
	t.Helper()
	for i, c := range p.Channels {
		if c.ID == id {
			return i
		}
	}
	t.Fatalf("no channel %q", id)
	return -1
}

// BenchmarkOptimizeBakery: the bakery's four decisions, two of them print
// channels bought in whole units (the local search of splitBudgets).
func BenchmarkOptimizeBakery(b *testing.B) {
	p, err := plan.Example("bakery")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Optimize(p, GoalCustomers, decimal.NullDecimal{}); err != nil {
			b.Fatal(err)
		}
	}
}

// bakeryUnboundedMailing is the bakery example without the max_budget of
// its mailing (1 320 €, its 12 000 households), so that the print decision
// is free: the optimum worked out by hand in TestOptimizeBakeryPrintDecisions
// and goal seek's 300 customers in TestGoalSeekPrintUnits are those of the
// unbounded mailing (with the bound, 300 customers are out of reach: the
// caps allow 276,31).
func bakeryUnboundedMailing(t *testing.T) plan.Plan {
	t.Helper()
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Channels {
		if p.Channels[i].ID == "mailing-familles" {
			if !p.Channels[i].MaxBudget.Valid {
				t.Fatal("the bakery's mailing has no max_budget any more: drop this helper")
			}
			p.Channels[i].MaxBudget = decimal.NullDecimal{}
			return p
		}
	}
	t.Fatal("the bakery has no mailing-familles channel")
	return p
}
