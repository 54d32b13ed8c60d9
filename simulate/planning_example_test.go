package simulate_test

import (
	"context"
	"fmt"

	"campaignsim/plan"
	"campaignsim/simulate"
)

func ExampleSensitivity() {
	p, _ := plan.Example("bakery")
	r, err := simulate.Sensitivity(p, "net_profit")
	if err != nil {
		panic(err)
	}
	top := r.Inputs[0]
	fmt.Printf("base %s; %s of %s: %s to %s\n", r.Base.Decimal.StringFixed(2), top.Input, top.Channel,
		top.ValueLow.Decimal.StringFixed(2), top.ValueHigh.Decimal.StringFixed(2))
	// Output: base 3007.27; response_rate of mailing-familles: 1805.47 to 4724.14
}

func ExampleUncertainty() {
	p, _ := plan.Example("bakery")
	r, err := simulate.Uncertainty(context.Background(), p, simulate.UncertaintyOptions{Runs: 2000})
	if err != nil {
		panic(err)
	}
	cu, _ := r.Figure("customers")
	fmt.Println(r.Runs, "runs, seed", r.Seed)
	fmt.Println("P10 < P50 < P90:", cu.P10.Decimal.LessThan(cu.P50.Decimal) && cu.P50.Decimal.LessThan(cu.P90.Decimal))
	for _, o := range r.Objectives {
		fmt.Println("chance of", o.ID, "known:", o.Probability.Sign() >= 0)
	}
	// Output:
	// 2000 runs, seed 1
	// P10 < P50 < P90: true
	// chance of nouveaux-clients known: true
	// chance of cout-par-client known: true
	// chance of campagne-rentable known: true
}
