package simulate_test

import (
	"fmt"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// The bakery's 2 840 € of decisions (1 600 € of paid media, 880 € of
// flyers, 360 € of posters), re-split for the most customers: the flyers
// have no audience cap, so they take all their max_budget allows (1 320 €,
// the 12 000 households of the area; a warning says that their response
// is linear); the posters, whose audience saturates, and Facebook share
// the rest.
func ExampleOptimize() {
	p, err := plan.Example("bakery")
	if err != nil {
		fmt.Println(err)
		return
	}
	o, err := simulate.Optimize(p, simulate.GoalCustomers, decimal.NullDecimal{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range o.Allocation {
		fmt.Printf("%s: %s → %s\n", a.ID, a.BudgetBefore.StringFixed(2), a.BudgetAfter.StringFixed(2))
	}
	fmt.Println("customers", o.Before.Round(2), "→", o.After.Round(2))
	// Output:
	// mailing-familles: 880.00 → 1320.00
	// facebook-familles: 1100.00 → 536.00
	// google-display: 500.00 → 0.00
	// affiches-ecoles-supermarches: 360.00 → 984.00
	// customers 215.12 → 260.57
}

// Google Ads at 2 € a click and 20 % conversion brings 0.1 customer per
// euro: 250 customers take 2 500 €.
func ExampleGoalSeek() {
	p, err := plan.Example("google-ads")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := simulate.GoalSeek(p, "customers", decimal.NewFromInt(250), simulate.MixKeep)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Reachable, r.Budget.Decimal.StringFixed(2), r.Cost.Decimal.StringFixed(2), r.Value.Decimal.Round(2))
	// Output:
	// true 2500.00 2500.00 250
}
