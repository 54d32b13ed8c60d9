package widgets

import (
	"time"

	"campaignsim/plan"

	"fyne.io/fyne/v2/lang"
)

// EmptyPlan returns the plan "New → Empty plan" makes on day now:
// plan.New (where the defaults of a blank plan live) titled "New plan",
// for "My business", in the interface language, starting on the first
// Monday of next month.
func EmptyPlan(now time.Time) plan.Plan {
	return plan.New(lang.L("New plan"), lang.L("My business"), Lang(), firstMondayOfNextMonth(now))
}

// firstMondayOfNextMonth returns the first Monday of the month after now's.
func firstMondayOfNextMonth(now time.Time) plan.Date {
	t := time.Date(now.Year(), now.Month()+1, 1, 12, 0, 0, 0, time.UTC)
	for t.Weekday() != time.Monday {
		t = t.AddDate(0, 0, 1)
	}
	return plan.DateOf(t)
}
