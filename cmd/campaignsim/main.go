// Command campaignsim is CampaignSim's desktop app: plan a marketing
// campaign, simulate it and compare scenarios in one window. Give it a plan
// file to open it (campaignsim PLAN.toml); without one it opens the last
// plan, or the bakery example on first launch. The window is package app;
// this command only wires the Fyne application to it.
package main

import (
	"os"

	campapp "campaignsim/app"

	"fyne.io/fyne/v2/app"
)

func main() {
	a := app.NewWithID("org.campaignsim.app")
	ui := campapp.New(a, os.Args[1:])
	ui.ShowAndRun()
}
