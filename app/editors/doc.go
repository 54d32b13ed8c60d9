// Package editors holds the screens of the desktop app that edit the
// plan: the plan itself, the channels, the objectives and the scenarios.
// Each is a widgets.Panel built by the shell with the window and the edit
// function; every change goes through that function as one undoable step.
package editors
