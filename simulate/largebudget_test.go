package simulate

import (
	"errors"
	"strings"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// maxMoney is the largest amount a plan key may hold (FORMAT.md: money
// 0..10^12).
var maxMoney = d("1000000000000")

// largeBudgetPlan is the named example with every paid channel's budget
// and the plan's budget at b, and no max_budget (so nothing but the key's
// own range bounds a channel's budget).
func largeBudgetPlan(t *testing.T, name string, b decimal.Decimal) plan.Plan {
	t.Helper()
	p, err := plan.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Budget = b
	for i := range p.Channels {
		if p.Channels[i].Kind.IsPaid() {
			p.Channels[i].Budget = b
			p.Channels[i].MaxBudget = decimal.NullDecimal{}
		}
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatalf("%s at %s: test plan invalid: %v", name, b, errs)
	}
	return p
}

// TestOptimizeLargeBudgets: at budgets of 10^6, 10^9 and 10^12 on every
// example, the optimiser and goal seek answer (a result or "unreachable"),
// never an error naming a budget the engine chose, and every budget they
// set stays within the key's range 0..10^12. (Before the fix the bakery at
// 10^12 — two paid channels, 2·10^12 to split — gave its linear channel
// 1 999 999 877 264.31 and failed "channels[1].budget … is out of range".)
func TestOptimizeLargeBudgets(t *testing.T) {
	for _, name := range plan.ExampleNames() {
		for _, b := range []string{"1000000", "1000000000", "1000000000000"} {
			p := largeBudgetPlan(t, name, d(b))
			check := func(what string, q plan.Plan) {
				t.Helper()
				for _, c := range q.Channels {
					if c.Budget.IsNegative() || c.Budget.GreaterThan(maxMoney) {
						t.Errorf("%s %s at %s: channel %s budget %s outside 0..10^12", what, name, b, c.ID, c.Budget)
					}
				}
				if errs := plan.Validate(q); len(errs) > 0 {
					t.Errorf("%s %s at %s: the answer's plan is invalid: %v", what, name, b, errs)
				}
			}
			for _, g := range Goals {
				for _, total := range []decimal.NullDecimal{{}, decimal.NewNullDecimal(d(b)), decimal.NewNullDecimal(d(b).Mul(d("10")))} {
					o, err := Optimize(p, g, total)
					if err != nil {
						if !errors.Is(err, ErrBounds) {
							t.Errorf("optimize %s %s at %s (total %v): %v", name, g, b, total, err)
						}
						continue
					}
					check("optimize "+string(g), o.Plan)
				}
			}
			for _, m := range []string{"customers", "interactions", "revenue", "net_profit"} {
				for _, mix := range []Mix{MixKeep, MixOptimize} {
					// a target 10^13 is far beyond what 10^12 per channel buys
					for _, target := range []string{b, "10000000000000"} {
						r, err := GoalSeek(p, m, d(target), mix)
						if err != nil {
							t.Errorf("goal seek %s %s %s → %s at %s: %v", name, mix, m, target, b, err)
							continue
						}
						if r.Reachable {
							check("goal seek "+m, r.Plan)
						}
					}
				}
			}
		}
	}
}

// TestGoalSeekLinearHeldByKeyMaximum: the google-ads example's search
// channel has no max_clicks (linear): at most 10^12 of budget buys 10^12
// / cpc 2 = 5·10^11 clicks × conversion 0.2 = 10^11 customers, so 10^13
// customers is unreachable — said as such, with the limit named (budget
// at most 10^12), not an invalid plan with a budget of 10^13.
func TestGoalSeekLinearHeldByKeyMaximum(t *testing.T) {
	p := largeBudgetPlan(t, "google-ads", d("2000"))
	p.Channels[0].MinBudget = d("0")
	for _, mix := range []Mix{MixKeep, MixOptimize} {
		r, err := GoalSeek(p, "customers", d("10000000000000"), mix)
		if err != nil {
			t.Fatalf("%s: %v", mix, err)
		}
		if r.Reachable {
			t.Fatalf("%s: 10^13 customers reachable: %+v", mix, r.Allocation)
		}
		if len(r.Limits) != 1 || r.Limits[0].Input != "budget" || !r.Limits[0].Cap.Equal(maxMoney) {
			t.Fatalf("%s: limits %+v, want the budget held at 10^12", mix, r.Limits)
		}
		near(t, string(mix)+" limit value", r.Limits[0].Value, "100000000000", "1")
		if len(r.Warnings) == 0 || r.Warnings[0].Code != WarnGoalUnreached {
			t.Errorf("%s: warnings %+v", mix, r.Warnings)
		}
		checkMsg(t, r.Warnings[0].Msg)
	}
}

// TestDerivedPlanErrorsAreOurs: a plan the engine derived (here a budget
// of 2·10^12 as the optimiser set before the fix) that fails validation
// is reported as CampaignSim's defect, not as a plan.ErrorList the CLI
// would print as the user's file's errors.
func TestDerivedPlanErrorsAreOurs(t *testing.T) {
	p := largeBudgetPlan(t, "google-ads", d("2000"))
	p.Channels[0].Budget = d("2000000000000")
	_, err := runDerived(p, plan.Library{}, "optimize")
	if err == nil {
		t.Fatal("no error for an invalid derived plan")
	}
	var list plan.ErrorList
	if errors.As(err, &list) {
		t.Errorf("a plan.ErrorList: %v", err)
	}
	if !strings.Contains(err.Error(), "defect of CampaignSim") || !strings.Contains(err.Error(), "optimize") {
		t.Errorf("error %q does not say whose defect it is and in which tool", err)
	}
}
