package plan_test

import (
	"fmt"

	"campaignsim/plan"
)

// A plan saved over the file it was read from keeps the file's comments
// and layout: only the changed line differs.
func ExampleEncodeOver() {
	original := []byte(`format = 1

[plan]
title = "Boulangerie"
start = 2027-01-04
months = 3
budget = 5000        # validated with the owner

[business]
name = "Dupont"
average_order = "8.50"
gross_margin = "0.68"  # raw materials only
`)
	p, err := plan.Decode("bakery.toml", original)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err = plan.Set(p, "plan.budget", "6000")
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := plan.EncodeOver(original, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// format = 1
	//
	// [plan]
	// title = "Boulangerie"
	// start = 2027-01-04
	// months = 3
	// budget = "6000"        # validated with the owner
	//
	// [business]
	// name = "Dupont"
	// average_order = "8.50"
	// gross_margin = "0.68"  # raw materials only
}

// Set reads a value as a person types it and says what to write when it
// is wrong.
func ExampleSet() {
	p, _ := plan.Example("bakery")
	if _, err := plan.Set(p, "plan.budgte", "6000"); err != nil {
		fmt.Println(err)
	}
	if _, err := plan.Set(p, "business.gross_margin", "68%"); err != nil {
		fmt.Println(err)
	}
	q, _ := plan.Set(p, "channels.google-display.locked", "true")
	fmt.Println(q.Channels[2].Locked)
	// Output:
	// plan.budgte: unknown key "plan.budgte" in [plan]; did you mean "plan.budget"?
	// business.gross_margin: business.gross_margin=68% is not a decimal number: write business.gross_margin=0.68
	// true
}
