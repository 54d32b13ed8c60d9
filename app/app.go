package app

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"time"

	"campaignsim/app/editors"
	apphelp "campaignsim/app/help"
	"campaignsim/app/tools"
	"campaignsim/app/tracking"
	"campaignsim/app/widgets"
	"campaignsim/assets"
	"campaignsim/internal/fileio"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Preference keys of the window and the files.
const (
	prefRecent   = "recent"    // string list, most recent first
	prefLastPlan = "last_plan" // path of the plan open when the app last closed
)

// maxRecent is how many recent files the File menu lists.
const maxRecent = 8

// recoveryInterval is how often unsaved edits are written to the recovery
// file (a variable for the tests).
var recoveryInterval = 5 * time.Second

// tab is one screen of the main window's tabs: its title (already
// translated) and the panel.
type tab struct {
	title string
	panel widgets.Panel
}

// screens builds the tabs of the main window, in order: the editors, the
// charts, the tools and the tracking. The shell constructs each screen
// explicitly and passes it the window and the edit function.
func screens(w fyne.Window, edit widgets.EditFunc) []tab {
	return []tab{
		{lang.L("Plan"), editors.NewPlanEditor(w, edit)},
		{lang.L("Channels"), editors.NewChannelsEditor(w, edit)},
		{lang.L("Objectives"), editors.NewObjectivesEditor(w, edit)},
		{lang.L("Scenarios"), editors.NewScenariosEditor(w, edit)},
		{lang.L("Case"), editors.NewCaseView(w, edit)},
		{lang.L("Charts"), tools.NewChartsView(w)},
		{lang.L("Tools"), tools.NewView(w, edit)},
		{lang.L("Benchmarks"), tools.NewBenchmarksView(w)},
		{lang.L("Tracking"), tracking.NewView(w, edit)},
	}
}

// UI is CampaignSim's main window: the document, the tabs of editors and
// views, the results panel always on the right, the menus and shortcuts,
// files, recovery and preferences.
type UI struct {
	app     fyne.App
	win     fyne.Window
	doc     *Document
	runner  *SimRunner
	results *tools.ResultsPanel
	tabs    []tab
	// The window's content (layout): the tabs, and the split that puts
	// the results pane beside them when it is shown.
	appTabs     *container.AppTabs
	body        *fyne.Container
	split       *container.Split
	splitOffset float64
	resultsItem *fyne.MenuItem   // Affichage → Results pane (checked when shown)
	prefsDialog dialog.Dialog    // the latest Preferences dialog (for the tests)
	last        *widgets.Results // the latest results delivered, for the version in last.Version

	// goWork runs slow work (a save, an import, a PDF) off the UI
	// goroutine: `go f()`; f posts its outcome back through fyne.Do. The
	// tests queue f instead and run it when they choose.
	goWork func(f func())
	// opening reads and decodes a plan file being opened (startOpen).
	opening widgets.Task
	// saving is true while a save runs; saveQueue holds the saves asked
	// meanwhile, run in order after it.
	saving    bool
	saveQueue []func()

	recoveryDir     string
	recoveryFile    string         // this instance's own recovery file
	instanceLock    *os.File       // the lock that says this instance is alive
	recovery        *recoveryStore // writes and removes recoveryFile in order
	recoveredAt     int            // document version last written to the recovery file
	stopRecovery    chan struct{}
	offered         *recoveryClaim        // a dead instance's file being offered
	confirmDialog   *dialog.ConfirmDialog // the latest confirmation shown (for the tests)
	undoItem        *fyne.MenuItem
	redoItem        *fyne.MenuItem
	recentMenu      *fyne.Menu
	edited          bool // the user has edited the plan in this session
	closing         bool
	afterShowAction func()
}

// New builds the main window of a (the Fyne app made by cmd/campaignsim)
// and opens a plan: the file named by args[0] when given, else the plan
// open at the last close, else the bakery example as an untitled plan.
// After a crash it offers to restore the unsaved edits. Call ShowAndRun.
func New(a fyne.App, args []string) *UI {
	return newUI(a, args, screens)
}

// newUI is New with the function that builds the tabs (nil: the window
// alone, with the results pane and no tab, as the shell's tests use it).
func newUI(a fyne.App, args []string, tabsOf func(w fyne.Window, edit widgets.EditFunc) []tab) *UI {
	prefs := a.Preferences()
	widgets.SetupLanguage(prefs.StringWithFallback(widgets.PrefLanguage, "auto"))
	a.Settings().SetTheme(widgets.NewTheme(prefs.StringWithFallback(widgets.PrefTheme, "auto")))
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))

	u := &UI{app: a, win: a.NewWindow("CampaignSim"), recoveredAt: -1, stopRecovery: make(chan struct{}),
		goWork: func(f func()) { go f() }}
	u.startRecovery(recoveryDir(a))
	u.results = tools.NewResultsPanel()
	// the chance of each objective, off the UI goroutine like every slow
	// work of the window (u.goWork: the tests queue it)
	u.results.EnableChances(func(f func()) { u.goWork(f) }, nil)
	u.doc = NewDocument(plan.Plan{}, "")
	u.runner = NewSimRunner(u.onResults)
	u.doc.OnChange(u.onDocChanged)
	if tabsOf != nil {
		u.tabs = tabsOf(u.win, u.Edit)
	}
	u.connectScreens()
	for _, t := range u.tabs { // the Case tab finds a case file beside the plan's file
		if cv, ok := t.panel.(*editors.CaseView); ok {
			cv.DocPath = u.doc.Path
		}
	}
	for _, t := range u.tabs { // the benchmarks screen: her figures changed, simulate again
		if l, ok := t.panel.(interface{ OnLibraryChange(func()) }); ok {
			l.OnLibraryChange(func() { u.last = nil; u.onDocChanged() })
		}
	}
	u.win.SetContent(u.layout())
	u.win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.win.SetCloseIntercept(u.onClose)
	u.win.Resize(u.initialSize())
	u.win.CenterOnScreen()

	u.openInitial(args)
	go u.recoveryLoop(recoveryInterval)
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Document returns the document shown in the window.
func (u *UI) Document() *Document { return u.doc }

// ShowAndRun shows the window and runs the app until it quits.
func (u *UI) ShowAndRun() {
	u.win.Show()
	if f := u.afterShowAction; f != nil {
		u.afterShowAction = nil
		f()
	}
	u.app.Run()
}

// Edit records an edit from a panel as one undoable step (the EditFunc
// every editor receives).
func (u *UI) Edit(label string, p plan.Plan) {
	u.edited = true
	u.doc.Edit(label, p)
	// The typing of the field that made this edit is now the plan's edit:
	// Ctrl+Z takes back the edit, not the field's text.
	if c := u.win.Canvas(); c != nil {
		widgets.ForgetTyping(c.Focused())
	}
}

// onDocChanged runs after every change of the document: title, menus,
// panels, and a new background simulation.
func (u *UI) onDocChanged() {
	u.updateTitle()
	u.updateEditMenu()
	p := u.doc.Plan()
	v := u.doc.Version()
	u.results.ShowHint(!u.edited)
	var r *widgets.Results
	if u.last != nil && u.last.Version == v {
		r = u.last
	}
	u.refreshPanels(p, r)
	if r == nil {
		u.runner.Schedule(v, p)
	}
	if !u.doc.Dirty() {
		u.removeRecovery()
	}
}

func (u *UI) refreshPanels(p plan.Plan, r *widgets.Results) {
	for _, t := range u.tabs {
		t.panel.Refresh(p, r)
	}
	u.results.Refresh(p, r)
}

// onResults receives the results of the latest version on the UI goroutine.
func (u *UI) onResults(r *widgets.Results, err error) {
	if err != nil {
		u.results.ShowError(err)
		return
	}
	u.results.ShowError(nil)
	if r == nil || r.Version != u.doc.Version() {
		return
	}
	u.last = r
	u.refreshPanels(u.doc.Plan(), r)
}

// updateTitle shows the plan's title, its file and a mark when unsaved.
func (u *UI) updateTitle() {
	title := u.doc.Plan().Info.Title
	if title == "" {
		title = lang.L("Untitled plan")
	}
	file := lang.L("not saved")
	if u.doc.Path() != "" {
		file = filepath.Base(u.doc.Path())
	}
	t := title + " (" + file + ") — CampaignSim"
	if u.doc.Dirty() {
		t = "• " + t
	}
	u.win.SetTitle(t)
}

func (u *UI) updateEditMenu() {
	if u.undoItem == nil {
		return
	}
	if l, ok := u.doc.UndoLabel(); ok {
		u.undoItem.Label = lang.L("Undo “{{.Edit}}”", map[string]any{"Edit": l})
		u.undoItem.Disabled = false
	} else {
		u.undoItem.Label = lang.L("Undo")
		u.undoItem.Disabled = true
	}
	if l, ok := u.doc.RedoLabel(); ok {
		u.redoItem.Label = lang.L("Redo “{{.Edit}}”", map[string]any{"Edit": l})
		u.redoItem.Disabled = false
	} else {
		u.redoItem.Label = lang.L("Redo")
		u.redoItem.Disabled = true
	}
	if mm := u.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

// Undo is Édition → Annuler, Ctrl+Z: inside a text field that has typing
// to take back, it undoes the typing (the field's own undo); otherwise it
// takes back the plan's last edit, as LibreOffice does in a cell and then
// in the document.
func (u *UI) Undo() {
	if widgets.UndoTyping(u.win.Canvas().Focused()) {
		return
	}
	u.commitTyping()
	u.doc.Undo()
}

// Redo is Édition → Rétablir, Ctrl+Y or Ctrl+Shift+Z: the field's typing
// taken back first, then the plan's last edit undone.
func (u *UI) Redo() {
	if widgets.RedoTyping(u.win.Canvas().Focused()) {
		return
	}
	u.commitTyping()
	u.doc.Redo()
}

// commitTyping moves the focus out of the field being typed in, which
// commits what was typed there as an edit (the fields commit when they
// lose the focus), so that an undo, a redo or a save sees it, and so that
// the field shows the plan's value again afterwards (a focused field is
// never overwritten).
func (u *UI) commitTyping() {
	if c := u.win.Canvas(); c.Focused() != nil {
		c.Unfocus()
	}
}

func (u *UI) mainMenu() *fyne.MainMenu {
	short := func(k fyne.KeyName, shift bool) fyne.Shortcut {
		m := fyne.KeyModifierShortcutDefault
		if shift {
			m |= fyne.KeyModifierShift
		}
		return &desktop.CustomShortcut{KeyName: k, Modifier: m}
	}
	newItem := fyne.NewMenuItem(lang.L("New…"), u.onNew)
	newItem.Shortcut = short(fyne.KeyN, false)
	openItem := fyne.NewMenuItem(lang.L("Open…"), u.onOpen)
	openItem.Shortcut = short(fyne.KeyO, false)
	u.recentMenu = fyne.NewMenu(lang.L("Recent files"))
	recentItem := fyne.NewMenuItem(lang.L("Recent files"), nil)
	recentItem.ChildMenu = u.recentMenu
	u.updateRecentMenu()
	saveItem := fyne.NewMenuItem(lang.L("Save"), func() { u.onSave(nil) })
	saveItem.Shortcut = short(fyne.KeyS, false)
	saveAsItem := fyne.NewMenuItem(lang.L("Save as…"), func() { u.onSaveAs(nil) })
	saveAsItem.Shortcut = short(fyne.KeyS, true)
	items := []*fyne.MenuItem{newItem, openItem, recentItem, fyne.NewMenuItemSeparator(), saveItem, saveAsItem}
	for _, t := range u.tabs {
		if tv, ok := t.panel.(*tracking.View); ok {
			items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("Import actuals…"), tv.ShowImportActuals))
		}
	}
	items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("Export as PDF…"), u.onExportPDF))
	items = append(items, fyne.NewMenuItem(lang.L("Export as Excel…"), u.onExportExcel))
	quit := fyne.NewMenuItem(lang.L("Quit"), u.onClose)
	quit.IsQuit = true
	items = append(items, fyne.NewMenuItemSeparator(), quit)
	file := fyne.NewMenu(lang.L("File"), items...)

	// Fyne's desktop driver turns Ctrl+Z and Ctrl+Y into ShortcutUndo and
	// ShortcutRedo and matches the main menu's shortcuts by name before
	// the focused widget: these two reach Undo and Redo even inside a field.
	u.undoItem = fyne.NewMenuItem(lang.L("Undo"), u.Undo)
	u.undoItem.Shortcut = &fyne.ShortcutUndo{}
	u.redoItem = fyne.NewMenuItem(lang.L("Redo"), u.Redo)
	u.redoItem.Shortcut = &fyne.ShortcutRedo{}
	// Préférences under Édition, as LibreOffice's Options are under its
	// Tools menu and GNOME applications' under Edit.
	prefs := fyne.NewMenuItem(lang.L("Preferences…"), u.onPreferences)
	edit := fyne.NewMenu(lang.L("Edit"), u.undoItem, u.redoItem, fyne.NewMenuItemSeparator(), prefs)
	view := u.viewMenu()

	help := fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("Glossary…"), func() { apphelp.ShowGlossary(u.win, "") }),
		fyne.NewMenuItem(lang.L("First plan…"), func() { apphelp.ShowGuide(u.win) }),
		fyne.NewMenuItem(lang.L("About CampaignSim"), u.onAbout))
	return fyne.NewMainMenu(file, edit, view, help)
}

func (u *UI) addShortcuts() {
	add := func(k fyne.KeyName, shift bool, fn func()) {
		m := fyne.KeyModifierShortcutDefault
		if shift {
			m |= fyne.KeyModifierShift
		}
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m}, func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyN, false, u.onNew)
	add(fyne.KeyO, false, u.onOpen)
	add(fyne.KeyS, false, func() { u.onSave(nil) })
	add(fyne.KeyS, true, func() { u.onSaveAs(nil) })
	// The canvas gets a shortcut when no focused widget takes it (the
	// test driver, and a driver without the main menu's shortcuts).
	c := u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.Undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.Redo() })
	add(fyne.KeyZ, true, u.Redo)
	add(fyne.KeyQ, false, u.onClose)
}

// openInitial opens what the app shows at start (see New), then offers
// the newest recovery file of a dead instance, if any. A plan file (the
// one named by args[0], else the last plan) is read and decoded off the
// UI goroutine (startOpen): the window may show it a moment after it
// appears. What must wait for the window to be shown (the reasons a plan
// given cannot be opened, the recovery offer) waits in afterShowAction
// until ShowAndRun runs it, or runs at once once it has.
func (u *UI) openInitial(args []string) {
	claims := claimRecoveries(u.recoveryDir, instanceID())
	if len(claims) > 0 {
		// One offer at a time: the others stay on disk, unlocked, for the
		// next start (restoring two would replace one with the other).
		u.offered = claims[0]
		for _, c := range claims[1:] {
			c.release()
		}
	}
	// shown, later and opened are only touched on the UI goroutine (here,
	// in afterShowAction, in what startOpen hands back).
	shown, opened := false, false
	var later []func()
	whenShown := func(f func()) {
		if shown {
			f()
			return
		}
		later = append(later, f)
	}
	// finish follows the start-up opening: the example instead of a plan
	// that cannot be opened (with its reasons when it was asked for by
	// name), then the recovery offer.
	finish := func(err error, asked string) {
		opened = true
		if err != nil {
			u.openExample("bakery")
			if asked != "" {
				whenShown(func() { u.showLoadErrors(asked, err) })
			}
		}
		if u.offered != nil {
			whenShown(func() { u.offerRecovery(u.offered) })
		}
	}
	switch last := u.app.Preferences().String(prefLastPlan); {
	case len(args) > 0:
		path, _ := filepath.Abs(args[0])
		u.startOpen(path, true, func(err error) { finish(err, path) })
	case last != "":
		u.startOpen(last, true, func(err error) { finish(err, "") }) // the example when it is gone
	default:
		u.openExample("bakery")
		finish(nil, "")
	}
	if opened && len(later) == 0 {
		return // nothing waits for the window
	}
	u.afterShowAction = func() {
		shown = true
		for _, f := range later {
			f()
		}
		later = nil
	}
}

// openExample opens the embedded example name as an untitled plan.
func (u *UI) openExample(name string) {
	p, err := plan.Example(name)
	if err != nil {
		fyne.LogError("example "+name, err)
		p = widgets.EmptyPlan(time.Now())
	}
	u.clearStatus()
	// The example's text too, so that saving it keeps its comments (the
	// sources of its figures), as for a plan opened from a file.
	text, _ := plan.ExampleFile(name)
	u.doc.ReplaceFile(p, "", text, nil, false)
}

// startupWork, when not nil, runs the start-up opening's reading instead
// of UI.goWork (which the tests can only replace once newUI has
// returned): the tests run it at once.
var startupWork func(f func())

// openPath opens the plan file at path (File → Open, a recent file, a
// dropped plan): startOpen, then done, when not nil, gets nil once the
// plan is shown or why it cannot be opened — nothing changed then.
func (u *UI) openPath(path string, done func(error)) { u.startOpen(path, false, done) }

// startOpen reads and decodes the plan file at path off the UI goroutine
// (u.opening: a newer opening drops this one) and, back on it, shows it:
// the document, the recent files and the last-plan preference, the title
// (the document's change). When the plan on screen was edited meanwhile,
// it asks again whether to save those edits first; at start-up (the last
// plan, the one given on the command line), the user's own doing meanwhile
// is kept and the plan read is dropped. done (nil: nothing) is called with
// nil once the plan is shown or dropped, or with why it cannot be opened.
func (u *UI) startOpen(path string, startup bool, done func(error)) {
	if done == nil {
		done = func(error) {}
	}
	version := u.doc.Version()
	// u.goWork is read when the work starts, so the tests' queue is used
	u.opening.Go = func(f func()) { u.goWork(f) }
	if startup && startupWork != nil {
		u.opening.Go = startupWork
	}
	u.opening.Start(func(context.Context) func() {
		p, text, err := readPlanFile(path)
		return func() {
			if err != nil {
				done(err)
				return
			}
			show := func() {
				u.clearStatus()
				u.doc.ReplaceFile(p, path, text, nil, false)
				u.addRecent(path)
				done(nil)
			}
			switch {
			case u.doc.Version() == version:
				show()
			case startup:
				done(nil) // she has moved on: her plan stays
			default:
				u.confirmDiscard(show) // edited while it was read
			}
		}
	})
}

// confirmDiscard runs then at once when the plan has no unsaved changes;
// otherwise it asks whether to save them first.
func (u *UI) confirmDiscard(then func()) {
	if !u.doc.Dirty() {
		then()
		return
	}
	msg := widget.NewLabel(lang.L("The plan has unsaved changes. Save them before continuing?"))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("Save"), func() { d.Hide(); u.onSave(then) })
	save.Importance = widget.HighImportance
	discard := widget.NewButton(lang.L("Don't save"), func() { d.Hide(); then() })
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), msg, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Resize(fyne.NewSize(460, 160))
	d.Show()
}

func (u *UI) onClose() {
	u.confirmDiscard(func() {
		u.shutdown()
		prefs := u.app.Preferences()
		prefs.SetString(prefLastPlan, u.doc.Path())
		u.rememberSize()
		u.win.Close()
		u.app.Quit()
	})
}

func (u *UI) onNew() {
	u.confirmDiscard(func() { u.showNewDialog() })
}

// showLoadErrors lists every problem of a plan file that could not be
// opened, each with its line.
func (u *UI) showLoadErrors(path string, err error) {
	lines := widgets.LoadErrorLines(err)
	widgets.ShowProblems(u.win, lang.L("The plan cannot be opened"),
		lang.L("“{{.File}}” cannot be opened: nothing was changed.", map[string]any{"File": filepath.Base(path)}), lines)
}

func (u *UI) showError(err error) {
	dialog.ShowError(err, u.win)
}

func (u *UI) onAbout() {
	v := u.app.Metadata().Version
	if v == "" {
		v = "dev"
	}
	msg := lang.L("CampaignSim {{.Version}} — plan a marketing campaign, simulate its results and compare scenarios.",
		map[string]any{"Version": v})
	dialog.ShowInformation(lang.L("About CampaignSim"), msg, u.win)
}

// onPreferences lets the user choose the language and the colours.
func (u *UI) onPreferences() {
	prefs := u.app.Preferences()
	langCodes := []string{"auto", "fr", "en"}
	langNames := []string{lang.L("System language"), "Français", "English"}
	themeCodes := []string{"auto", "light", "dark"}
	themeNames := []string{lang.L("System colours"), lang.L("Light"), lang.L("Dark")}
	langSel := widget.NewSelect(langNames, nil)
	langSel.SetSelectedIndex(indexOf(langCodes, prefs.StringWithFallback(widgets.PrefLanguage, "auto")))
	themeSel := widget.NewSelect(themeNames, nil)
	themeSel.SetSelectedIndex(indexOf(themeCodes, prefs.StringWithFallback(widgets.PrefTheme, "auto")))
	form := []*widget.FormItem{
		widget.NewFormItem(lang.L("Language"), langSel),
		widget.NewFormItem(lang.L("Theme"), themeSel),
	}
	d := dialog.NewForm(lang.L("Preferences"), lang.L("Apply"), lang.L("Cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		themeCode := themeCodes[max(themeSel.SelectedIndex(), 0)]
		prefs.SetString(widgets.PrefTheme, themeCode)
		u.app.Settings().SetTheme(widgets.NewTheme(themeCode))
		newLang := langCodes[max(langSel.SelectedIndex(), 0)]
		if newLang != prefs.StringWithFallback(widgets.PrefLanguage, "auto") {
			prefs.SetString(widgets.PrefLanguage, newLang)
			dialog.ShowInformation(lang.L("Language"),
				lang.L("The new language applies the next time CampaignSim starts."), u.win)
		}
	}, u.win)
	u.closeOnEscape(d)
	u.prefsDialog = d
	// Wide enough for "Langue du système" and "Couleurs du système".
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

// startRecovery takes this instance's lock in dir and starts the store
// of its recovery file. Without the lock (a folder that cannot be written)
// the app runs without recovery file rather than risk another instance's.
func (u *UI) startRecovery(dir string) {
	u.recoveryDir = dir
	u.recoveryFile = recoveryFileOf(dir, instanceID())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fyne.LogError("recovery folder", err)
	}
	lock, err := tryLock(lockFileOf(u.recoveryFile))
	if err != nil {
		fyne.LogError("recovery lock", err)
		u.recoveryFile = ""
		return
	}
	u.instanceLock = lock
	// A file of this instance's id is from a dead process that had the
	// same id (the lock was free): keep it for the next start.
	if _, err := os.Stat(u.recoveryFile); err == nil {
		_ = os.Rename(u.recoveryFile, recoveryFileOf(dir, -instanceID()))
	}
	u.recovery = newRecoveryStore(u.recoveryFile)
}

// shutdown ends the window's background work on a clean exit: the
// simulations, the recovery loop, and this instance's recovery file (the
// user saved or gave up the edits) and lock file, once the recovery store
// has done what was asked.
func (u *UI) shutdown() {
	if u.closing {
		return
	}
	u.closing = true
	close(u.stopRecovery)
	u.runner.Stop()
	u.removeRecovery()
	u.stopRecoveryStore()
}

// stopRecoveryStore performs the pending recovery requests, stops the
// store, removes the lock file and lets the lock go (a clean exit).
func (u *UI) stopRecoveryStore() {
	if u.recovery != nil {
		u.recovery.Close()
	}
	if u.instanceLock != nil {
		_ = os.Remove(u.instanceLock.Name())
		_ = u.instanceLock.Close()
		u.instanceLock = nil
	}
	u.offered.release()
}

// recoveryLoop writes the unsaved plan to the recovery file every
// every, until the window closes.
func (u *UI) recoveryLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-u.stopRecovery:
			return
		case <-t.C:
			fyne.Do(u.saveRecovery)
		}
	}
}

// saveRecovery asks for the plan to be written to the recovery file when
// it has unsaved edits not yet written there. It runs on the UI
// goroutine; the recovery store writes in its own goroutine, in order
// with the removals.
func (u *UI) saveRecovery() {
	if u.closing || u.recovery == nil || !u.doc.Dirty() || u.recoveredAt == u.doc.Version() {
		return
	}
	u.recoveredAt = u.doc.Version()
	u.recovery.Write(u.doc.Plan(), u.doc.Path(), u.doc.Base())
}

// removeRecovery asks for this instance's recovery file to be removed (the
// plan is saved, or its edits were given up).
func (u *UI) removeRecovery() {
	u.recoveredAt = -1
	if u.recovery != nil {
		u.recovery.Remove()
	}
}

// offerRecovery asks whether to restore the unsaved edits of a dead
// instance, found at start. Either way its file goes (after this
// instance's own file holds the edits, when restored).
func (u *UI) offerRecovery(c *recoveryClaim) {
	if c == nil {
		return
	}
	p, path := c.rec.Plan, c.rec.Path
	where := lang.L("an untitled plan")
	if path != "" {
		where = filepath.Base(path)
	}
	msg := lang.L("CampaignSim closed without saving the changes to “{{.Title}}” ({{.File}}). Restore them?",
		map[string]any{"Title": p.Info.Title, "File": where})
	// For the logs (and scripts/two-instances.sh): which file is offered.
	log.Printf("campaignsim: offering to restore the unsaved edits of %s", c.file)
	d := dialog.NewConfirm(lang.L("Restore unsaved changes?"), msg, func(ok bool) {
		u.offered = nil
		if ok {
			u.restore(c.rec)
		}
		if u.recovery != nil {
			u.recovery.Drop(c)
		} else {
			c.release()
		}
	}, u.win)
	d.SetConfirmText(lang.L("Restore"))
	d.SetDismissText(lang.L("Discard"))
	u.confirmDialog = d
	d.Show()
}

// restore shows a recovered plan bound to its path, with unsaved changes.
// Its base is the Hash of the plan file as read when the edits began (not
// as it is now): if the file changed on disk since, the first save asks
// before replacing it, with the dialog of any changed-on-disk save. The
// text the save writes over is the file as it is now (its comments).
func (u *UI) restore(r recovered) {
	var text []byte
	base := r.Base
	if r.Path != "" {
		if data, err := os.ReadFile(r.Path); err == nil {
			text = data
		}
		if base == nil {
			// A recovery file of an older version, without the hash: the
			// file on disk cannot be told unchanged, so the save asks.
			var none fileio.Hash
			base = &none
		}
	}
	u.clearStatus()
	u.doc.ReplaceFile(r.Plan, r.Path, text, base, true)
	u.saveRecovery()
}
