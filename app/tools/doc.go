// Package tools holds the screens of the desktop app that analyse the
// plan: the results pane beside the tabs, the charts, and the planning
// tools (budget optimiser, goal seek, sensitivity, uncertainty). Each is a
// widgets.Panel built by the shell; the work runs off the UI goroutine and
// every figure comes from package simulate.
package tools
