package display_test

import (
	"fmt"

	"campaignsim/plan"
	"campaignsim/simulate/display"
)

// A screen that shows a figure's label offers its term from the same name.
func ExampleTerm() {
	e, ok := display.Term("break_even_cpa", plan.LangEN)
	fmt.Println(ok, e.ID)
	fmt.Println(e.Name)
	fmt.Println(e.See)
	// Output:
	// true break_even_cpa
	// Break-even CPA
	// [cpa clv break_even]
}

func ExampleFirstPlanGuide() {
	for i, s := range display.FirstPlanGuide(plan.LangEN) {
		fmt.Println(i+1, s.Title)
	}
	// Output:
	// 1 Describe your business
	// 2 Set the budget and the length
	// 3 Add two or three channels
	// 4 Write a SMART objective
	// 5 Read the results
	// 6 Measure the risk
	// 7 Save, share, track
}
