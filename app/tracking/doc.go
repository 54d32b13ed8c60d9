// Package tracking holds the tracking screen of the desktop app: the
// plan's actuals beside the plan, the imports of actuals and conversion
// paths, the re-forecast and the attribution models. It is a
// widgets.Panel built by the shell.
package tracking
