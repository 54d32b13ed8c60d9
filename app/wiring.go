package app

import (
	"campaignsim/plan"
	"campaignsim/simulate/report"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// This file connects the main window to the screens and the PDF export
// built in the other files of the package and in simulate/report.
func init() {
	wiring.tabs = func(w fyne.Window, edit EditFunc) []tab {
		return []tab{
			{lang.L("Plan"), NewPlanEditor(w, edit)},
			{lang.L("Channels"), NewChannelsEditor(w, edit)},
			{lang.L("Objectives"), NewObjectivesEditor(w, edit)},
			{lang.L("Scenarios"), NewScenariosEditor(w, edit)},
			{lang.L("Charts"), NewChartsView(w)},
			{lang.L("Tools"), NewToolsView(w, edit)},
			{lang.L("Tracking"), NewTrackingView(w, edit)},
		}
	}
	wiring.exportPDF = func(path string, p plan.Plan, l plan.Language, scenario string) error {
		return report.WriteFile(path, p, report.Options{Lang: l, Scenario: scenario})
	}
}
