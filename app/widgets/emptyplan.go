package widgets

import (
	"fmt"
	"time"

	"campaignsim/plan"

	"fyne.io/fyne/v2/lang"
)

// EmptyPlan returns the plan "New → Empty plan" makes on day now: titled
// "New plan" in the interface language, starting on the first Monday of
// next month, for 3 months, a budget of 0, no channel, and business
// figures a user replaces (average order 30, gross margin 60 %). It passes
// plan.Validate.
func EmptyPlan(now time.Time) plan.Plan {
	start := firstMondayOfNextMonth(now)
	business := lang.L("My business")
	text := fmt.Sprintf(`format = 1

[plan]
title = %q
language = %q
currency = "EUR"
start = %s
months = 3
budget = "0"

[business]
name = %q
model = "b2c"
average_order = "30"
gross_margin = "0.60"
`, lang.L("New plan"), string(Lang()), start.String(), business)
	p, err := plan.Decode("new.toml", []byte(text))
	if err != nil {
		// Cannot happen with the text above (TestEmptyPlanIsValid).
		panic(fmt.Sprintf("empty plan: %v", err))
	}
	return p
}

// firstMondayOfNextMonth returns the first Monday of the month after now's.
func firstMondayOfNextMonth(now time.Time) plan.Date {
	t := time.Date(now.Year(), now.Month()+1, 1, 12, 0, 0, 0, time.UTC)
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return plan.DateOf(t)
}
