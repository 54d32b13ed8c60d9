package app

import (
	"path/filepath"
	"strings"

	"campaignsim/app/editors"
	"campaignsim/app/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// Preference keys of the window.
const (
	prefWindowWidth  = "window_width"  // float, Fyne units, at the last close
	prefWindowHeight = "window_height" // float
	prefShowResults  = "show_results"  // bool: the results pane is shown (Affichage)
)

// defaultWindowSize is the window's size on a first launch when the size
// of the screen is not known: it fits a 1024×768 screen.
var defaultWindowSize = fyne.NewSize(1024, 720)

// largestFirstSize is the largest size a first launch opens at, on a
// screen with room for it: enough for the editors and the results pane
// side by side without scrolling sideways.
var largestFirstSize = fyne.NewSize(1600, 1000)

// resultsOffset is the share of the window's width the tabs take when the
// results pane is shown.
const resultsOffset = 0.58

// rememberedSize returns the window size of the last close, if any.
func (u *UI) rememberedSize() (fyne.Size, bool) {
	prefs := u.app.Preferences()
	w, h := prefs.Float(prefWindowWidth), prefs.Float(prefWindowHeight)
	if w < 200 || h < 150 { // none, or too small to be a real window
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w), float32(h)), true
}

// initialSize is the window's size at start: the remembered one, else
// defaultWindowSize (FitScreen may make it larger once the screen is
// known).
func (u *UI) initialSize() fyne.Size {
	if s, ok := u.rememberedSize(); ok {
		return s
	}
	return defaultWindowSize
}

// FitScreen sizes the window for a screen of width × height (Fyne units),
// as cmd/campaignsim reports it once the driver knows it: a first launch
// opens as large as the screen allows, up to largestFirstSize (60 units
// of height left for the title bar and the desktop's panels); a
// remembered size is kept, only shrunk to fit a smaller screen. It
// centres the window.
func (u *UI) FitScreen(width, height float32) {
	if width <= 0 || height <= 0 {
		return
	}
	room := fyne.NewSize(width, max(height-60, height*0.8))
	s, ok := u.rememberedSize()
	if !ok {
		s = fyne.NewSize(min(largestFirstSize.Width, room.Width), min(largestFirstSize.Height, room.Height))
	}
	s = fyne.NewSize(min(s.Width, room.Width), min(s.Height, room.Height))
	u.win.Resize(s)
	u.win.CenterOnScreen()
}

// rememberSize records the window's size for the next start.
func (u *UI) rememberSize() {
	s := u.win.Canvas().Size()
	if s.Width < 200 || s.Height < 150 {
		return
	}
	prefs := u.app.Preferences()
	prefs.SetFloat(prefWindowWidth, float64(s.Width))
	prefs.SetFloat(prefWindowHeight, float64(s.Height))
}

// layout builds the window's content once: the tabs on the left and the
// results pane on the right, or the tabs alone when the pane is hidden
// (Affichage); with no tabs the results fill the window.
func (u *UI) layout() fyne.CanvasObject {
	if len(u.tabs) == 0 {
		return u.results.Widget()
	}
	items := make([]*container.TabItem, len(u.tabs))
	for i, t := range u.tabs {
		// A horizontal scroll lets a wide screen shrink with the window
		// instead of pushing the results off the screen.
		items[i] = container.NewTabItem(t.title, container.NewHScroll(t.panel.Widget()))
	}
	u.appTabs = container.NewAppTabs(items...)
	u.body = container.NewStack()
	u.splitOffset = resultsOffset
	u.showResults(u.app.Preferences().BoolWithFallback(prefShowResults, true))
	return u.body
}

// showResults shows or hides the results pane beside the tabs and
// remembers the choice.
func (u *UI) showResults(show bool) {
	u.app.Preferences().SetBool(prefShowResults, show)
	if u.resultsItem != nil {
		u.resultsItem.Checked = show
		if mm := u.win.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
	if u.body == nil {
		return
	}
	if u.split != nil {
		u.splitOffset = u.split.Offset
		u.split = nil
	}
	if show {
		// A Split holds its two sides: a new one each time, so that the
		// tabs are never in two containers at once.
		u.split = container.NewHSplit(u.appTabs, u.results.Widget())
		u.split.Offset = u.splitOffset
		u.body.Objects = []fyne.CanvasObject{u.split}
	} else {
		u.body.Objects = []fyne.CanvasObject{u.appTabs}
	}
	u.body.Refresh()
}

// ResultsShown reports whether the results pane is shown.
func (u *UI) ResultsShown() bool { return u.split != nil || len(u.tabs) == 0 }

// viewMenu is Affichage: the results pane, shown or hidden.
func (u *UI) viewMenu() *fyne.Menu {
	u.resultsItem = fyne.NewMenuItem(lang.L("Results pane"), func() { u.showResults(!u.ResultsShown()) })
	u.resultsItem.Checked = u.ResultsShown()
	return fyne.NewMenu(lang.L("View"), u.resultsItem)
}

// connectScreens gives the screens what the shell offers them beyond the
// edit function: the Undo of the channels editor's notice ("Channel
// deleted. [Undo]"), the Import actuals menu item of the tracking screen.
func (u *UI) connectScreens() {
	for _, t := range u.tabs {
		if ce, ok := t.panel.(*editors.ChannelsEditor); ok {
			ce.Undo = u.Undo
		}
	}
	u.win.SetOnDropped(u.onDropped)
}

// actualsImporter is the screen that imports the tools' reports
// (tracking.View).
type actualsImporter interface{ ImportActualsPaths(paths ...string) }

// onDropped does what a desktop user expects of files dropped on the
// window: a plan (.toml) opens, as with File → Open (asking first about
// unsaved edits; the other files are then ignored); any other file is a
// report of actuals (CSV, the Excel CSV, .xlsx), handed to the import
// dialog of the tracking screen, which shows its preview before anything
// changes.
func (u *UI) onDropped(_ fyne.Position, uris []fyne.URI) {
	var planPath string
	var reports []string
	for _, uri := range uris {
		if uri == nil || uri.Scheme() != "file" {
			continue
		}
		if path := uri.Path(); strings.EqualFold(filepath.Ext(path), ".toml") {
			if planPath == "" {
				planPath = path
			}
		} else {
			reports = append(reports, path)
		}
	}
	if planPath != "" {
		u.confirmDiscard(func() {
			u.openPath(planPath, func(err error) {
				if err != nil {
					u.showError(err)
				}
			})
		})
		return
	}
	if len(reports) == 0 {
		return
	}
	for _, t := range u.tabs {
		if im, ok := t.panel.(actualsImporter); ok {
			im.ImportActualsPaths(reports...)
			return
		}
	}
}

// clearStatus tells the screens that another plan replaced the one on
// screen (File → New, Open, a recovery): their notices about the previous
// plan go.
func (u *UI) clearStatus() {
	for _, t := range u.tabs {
		if c, ok := t.panel.(widgets.StatusClearer); ok {
			c.ClearStatus()
		}
	}
}

// closeOnEscape makes Escape close d while it is shown and no widget of
// the window has the keyboard focus (Fyne's dialogs ignore Escape); the
// window's previous key handler is put back when d closes.
func (u *UI) closeOnEscape(d dialog.Dialog) {
	c := u.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}
