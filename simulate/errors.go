package simulate

import (
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// Error is why a planning tool (the optimiser, goal seek, sensitivity,
// the evaluation of actuals, attribution, the choice of a scenario)
// cannot answer for a plan: a catalog message, which display.Text words in
// the reader's language with the plan's Currency. Err, when set, is the
// sentinel errors.Is finds (ErrBounds, ErrUnknownScenario). Error()
// gives the English text, for logs and tests.
type Error struct {
	Msg      plan.Msg
	Currency string
	Err      error
}

// Error returns the message in English.
func (e *Error) Error() string { return e.Msg.String() }

// Unwrap returns the sentinel the error stands for, or nil.
func (e *Error) Unwrap() error { return e.Err }

// The codes of Error's messages (catalog: simulate.toml).
const (
	MsgErrBudgetNegative  = "err_budget_negative"  // budget (money)
	MsgErrMinOverBudget   = "err_min_over_budget"  // sum, budget (money)
	MsgErrGoalUnknown     = "err_goal_unknown"     // goal, goals
	MsgErrMixUnknown      = "err_mix_unknown"      // mix
	MsgErrSeekMetric      = "err_seek_metric"      // metric, metrics
	MsgErrKeepAllZero     = "err_keep_all_zero"    // no argument
	MsgErrSensMetric      = "err_sens_metric"      // metric
	MsgErrNoActuals       = "err_no_actuals"       // no argument
	MsgErrActualChannel   = "err_actual_channel"   // row, channel
	MsgErrActualMonth     = "err_actual_month"     // row, month, months
	MsgErrPathChannel     = "err_path_channel"     // path, channel
	MsgErrUnknownScenario = "err_unknown_scenario" // scenario, scenarios
)

// errorf is the Error of code for plan p with its arguments.
func errorf(p plan.Plan, sentinel error, code string, args ...plan.Arg) *Error {
	return &Error{Msg: plan.NewMsg(code, args...), Currency: p.Info.Currency, Err: sentinel}
}

// quotedList is names as the messages list them: "a", "b", "c".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return strings.Join(q, ", ")
}

// count is n as a count argument.
func countArg(name string, n int) plan.Arg { return plan.CountArg(name, decimal.NewFromInt(int64(n))) }
