package editors

import "campaignsim/app/widgets"

// The editors' tests type into fields and check what was committed when;
// a field's commit after a typing pause (a timer) would edit the plan at a
// moment no test chose, from another goroutine. widgets' own tests check
// that commit with a pause they end themselves.
func init() { widgets.TypingPause = func(func()) {} }
