// Command campaignsim is CampaignSim's desktop app: plan a marketing
// campaign, simulate it and compare scenarios in one window. Give it a plan
// file to open it (campaignsim PLAN.toml); without one it opens the last
// plan, or the bakery example on first launch. The window is package app;
// this command only wires the Fyne application (and the screen's size,
// which only the driver knows) to it.
package main

import (
	"os"

	campapp "campaignsim/app"

	"fyne.io/fyne/v2/app"
	"github.com/go-gl/glfw/v3.3/glfw"
)

func main() {
	a := app.NewWithID("org.campaignsim.app")
	ui := campapp.New(a, os.Args[1:])
	// Fyne has no API for the screen's size: ask GLFW, which the driver
	// has initialised when the app starts (on the main thread, before the
	// window is created), so that a first launch opens as large as the
	// screen allows.
	a.Lifecycle().SetOnStarted(func() {
		m := glfw.GetPrimaryMonitor()
		if m == nil {
			return
		}
		vm := m.GetVideoMode()
		if vm == nil {
			return
		}
		scale := float32(1)
		if s := ui.Window().Canvas().Scale(); s > 1 {
			scale = s
		}
		ui.FitScreen(float32(vm.Width)/scale, float32(vm.Height)/scale)
	})
	ui.ShowAndRun()
}
