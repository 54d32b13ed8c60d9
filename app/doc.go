// Package app is the shell of CampaignSim's desktop user interface
// (Fyne): the main window, its menus and shortcuts, the document (the plan
// value and its undo stack), files, saving, recovery after a crash,
// preferences and the new-plan dialog. It builds the screens of
// app/editors, app/tools and app/tracking explicitly and passes each what
// it needs (the window, the edit function); the screens never import it.
// It holds no formula: every figure comes from package simulate. It never
// imports fyne.io/fyne/v2/app (only cmd/campaignsim does), so its tests
// run on Fyne's software driver without cgo.
package app
