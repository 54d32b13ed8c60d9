package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// closeRel reports whether a and b agree to rel relative (absolute near 0,
// against scale).
func closeRel(a, b, rel, scale float64) bool {
	return math.Abs(a-b) <= rel*math.Max(math.Max(math.Abs(a), math.Abs(b)), scale)
}

// perChannelMetrics are the metrics whose value per channel the engine
// reports in ChannelResult.Figures.
var perChannelMetrics = []string{"customers", "conversions", "interactions", "exposures", "revenue", "gross_margin"}

// checkCurves checks, for plan p, that every decision channel's curve
// gives the engine's channel figure, and the response the engine's plan
// total, at several budgets of that channel: "one formula, one place".
func checkCurves(t *testing.T, name string, p plan.Plan) {
	t.Helper()
	metrics := append([]string{"net_profit"}, perChannelMetrics...)
	if p.Business.Model == plan.B2B {
		metrics = append(metrics, "leads", "mql", "sql")
	}
	for _, metric := range metrics {
		resp, err := ResponseCurves(p, metric)
		if err != nil {
			if metric == "exposures" {
				continue // a plan may have no exposures at all
			}
			t.Fatalf("%s: ResponseCurves(%s): %v", name, metric, err)
		}
		spec, _ := SpecOf(metric)
		for ci, c := range resp.Curves {
			for _, b := range []float64{0, 0.01, 1, 37.5, c.Budget, 2 * c.Budget, 1234.56, 25000, 3e5, 5e6} {
				q := p.Clone()
				// a print channel buys whole units: compare at the budget it spends
				setDecisionBudget(&q.Channels[c.Index], decimal.NewFromFloat(b))
				bd := ChannelDecisionBudget(q.Channels[c.Index])
				r, err := RunWith(q, plan.Library{})
				if err != nil {
					t.Fatal(err)
				}
				x := resp.Budgets()
				x[ci] = toFloat(bd)
				want := spec.Get(r.Totals).Decimal.InexactFloat64()
				got := resp.Value(x)
				scale := math.Abs(resp.Constant) + 1e-6
				for i, cc := range resp.Curves {
					scale += math.Abs(cc.Value(x[i])) + x[i]
				}
				if !closeRel(got, want, 1e-9, scale) {
					t.Errorf("%s %s: plan total at %s=%v: curves %v, engine %v", name, metric, c.ID, b, got, want)
				}
				if metric == "net_profit" {
					continue
				}
				if f := spec.Get(r.Channels[c.Index].Figures); f.Valid || metric == "exposures" {
					want := f.Decimal.InexactFloat64()
					if got := c.Value(toFloat(bd)); !closeRel(got, want, 1e-9, 1e-9) {
						t.Errorf("%s %s of %s at budget %v: curve %v, engine %v", name, metric, c.ID, b, got, want)
					}
				}
			}
		}
	}
}

func TestResponseMatchesEngineOnExamples(t *testing.T) {
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		checkCurves(t, name, p)
	}
}

// randomPaidPlan returns a valid plan with n random decision channels (search,
// display or social_ads with or without caps, some active in a few months
// only), an email channel, and b2c or b2b economics with repeat orders.
func randomPaidPlan(rng *rand.Rand, n int, b2b bool) plan.Plan {
	dec := func(x float64, places int32) decimal.Decimal { return decimal.NewFromFloat(x).Round(places) }
	p := basePlan()
	p.Info.Months = 1 + rng.IntN(12)
	p.Business.OrdersPerMonth = dec(rng.Float64()*2, 2)
	p.Business.MonthlyRetention = dec(rng.Float64(), 2)
	p.Business.FirstOrderDiscount = dec(rng.Float64()*0.3, 2)
	if b2b {
		p.Business.Model = plan.B2B
		p.Funnel = plan.Funnel{LeadToMQL: dec(0.1+rng.Float64()*0.5, 3), MQLToSQL: dec(0.2+rng.Float64()*0.5, 3),
			SQLToCustomer: dec(0.1+rng.Float64()*0.5, 3)}
	}
	p.Channels = append(p.Channels, plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, ListSize: 1000,
		Sends: 1, ClickRate: d("0.03"), ConversionRate: d("0.1"), FixedCost: d("100")})
	kinds := []plan.Kind{plan.Search, plan.Display, plan.SocialAds}
	for i := 0; i < n; i++ {
		c := plan.Channel{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Channel %d", i), Kind: kinds[rng.IntN(3)],
			Budget: dec(rng.Float64()*5000, 2), ConversionRate: dec(0.005+rng.Float64()*0.1, 4),
			FixedCost: dec(rng.Float64()*200, 2)}
		if c.Kind == plan.Search {
			c.CPC = dec(0.2+rng.Float64()*4, 2)
			if rng.IntN(3) > 0 {
				c.MaxClicks = decimal.NewNullDecimal(dec(100+rng.Float64()*5000, 0))
			}
			if rng.IntN(2) == 0 {
				c.CTR = decimal.NewNullDecimal(dec(0.01+rng.Float64()*0.05, 4))
			}
		} else {
			c.CPM = dec(1+rng.Float64()*20, 2)
			c.CTR = decimal.NewNullDecimal(dec(0.001+rng.Float64()*0.02, 4))
			if rng.IntN(3) > 0 {
				c.Audience = decimal.NewNullDecimal(dec(1000+rng.Float64()*200000, 0))
			}
		}
		if rng.IntN(3) == 0 && p.Info.Months > 1 {
			c.ActiveMonths = []int{1 + rng.IntN(p.Info.Months)}
		}
		if b2b && rng.IntN(2) == 0 {
			c.SQLToCustomer = decimal.NewNullDecimal(dec(rng.Float64(), 2))
		}
		p.Channels = append(p.Channels, c)
	}
	return p
}

func TestResponseMatchesEngineOnGeneratedPlans(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for k := 0; k < 12; k++ {
		p := randomPaidPlan(rng, 1+rng.IntN(4), k%2 == 1)
		if errs := plan.Validate(p); len(errs) > 0 {
			t.Fatalf("generated plan %d invalid: %v", k, errs)
		}
		checkCurves(t, fmt.Sprintf("generated %d", k), p)
	}
}

func TestResponseRefusesMetrics(t *testing.T) {
	p := withChannels(basePlan(), plan.Channel{ID: "s", Name: "S", Kind: plan.Search, Budget: d("100"),
		CPC: d("1"), ConversionRate: d("0.1")})
	for _, m := range []string{"roi", "cpa", "cost", "nonsense"} {
		if _, err := ResponseCurves(p, m); err == nil {
			t.Errorf("ResponseCurves(%q): no error", m)
		}
	}
	if _, err := ResponseCurves(p, "leads"); err == nil {
		t.Error("leads in a b2c plan: no error")
	}
}
