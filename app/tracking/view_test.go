package tracking

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/help"
	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// trackingFixture is a View in a 1024×768 test window, showing an
// example plan, with the edits it asked for.
type trackingFixture struct {
	t     *testing.T
	w     fyne.Window
	v     *View
	edits []plan.Plan
	names []string
	work  *apptest.WorkQueue // the imports' background work
	ui    apptest.WorkQueue  // what the tracking's task posts to the UI goroutine
}

func newTrackingFixture(t *testing.T, name string) *trackingFixture {
	t.Helper()
	if os.Getenv("CAMPAIGNSIM_TRACKING_PNG") != "" {
		a := apptest.NewTestApp(t, "fr", plan.LangFR)
		a.Settings().SetTheme(widgets.NewTheme("light"))
	} else {
		apptest.NewTestApp(t, "en", plan.LangFR)
	}
	p, err := plan.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	prevRuns := trackingChanceRuns
	trackingChanceRuns = 200
	t.Cleanup(func() { trackingChanceRuns = prevRuns })
	f := &trackingFixture{t: t}
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.v = NewView(f.w, func(label string, q plan.Plan) {
		f.edits = append(f.edits, q)
		f.names = append(f.names, label)
	})
	// Registered last, so it runs first: no computation of this view may
	// outlive the test (it would touch Fyne's shared caches during the next).
	t.Cleanup(f.v.stop)
	f.work = &apptest.WorkQueue{}
	f.v.goWork = f.work.Run
	f.v.task.Post = f.ui.Run
	f.w.SetContent(f.v.Widget())
	f.w.Resize(fyne.NewSize(1024, 768))
	f.v.Refresh(p, nil)
	return f
}

// wait runs what the tracking's task posts back, on the test's
// goroutine, until cond holds; what names it for the reader. It waits for
// the work itself (widgets.Task.Wait), never for a time: when nothing is
// left to run and cond does not hold, the test fails.
func (f *trackingFixture) wait(what string, cond func() bool) {
	f.t.Helper()
	for {
		f.v.task.Wait()
		n := f.ui.Drain() + f.work.Drain()
		if cond() {
			return
		}
		if n == 0 {
			f.t.Fatalf("%s: nothing left to run, and it has not happened", what)
		}
	}
}

// texts returns the text of every label under o.
func trackingTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widgets.WrapLabel:
			out = append(out, x.Text)
		case *help.TermLabel:
			out = append(out, x.Label.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func trackingHas(o fyne.CanvasObject, want string) bool {
	for _, s := range trackingTexts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

func TestTrackingShowsDashboard(t *testing.T) {
	f := newTrackingFixture(t, "google-ads")
	f.wait("the chances", func() bool { return f.v.chanceOK })
	if !f.v.page.Visible() || f.v.empty.Visible() {
		t.Fatal("the tracking page is not shown")
	}
	if !trackingHas(f.v.body, lang.L("Dashboard")) {
		t.Error("no dashboard")
	}
	status := false
	for _, s := range []string{lang.L("On track"), lang.L("Behind"), lang.L("Ahead")} {
		status = status || trackingHas(f.v.body, s)
	}
	if !status {
		t.Errorf("no status among %q", trackingTexts(f.v.body))
	}
	if !trackingHas(f.v.body, lang.L("End-of-plan forecast")) || !trackingHas(f.v.body, lang.L("Engagement score")) {
		t.Error("no re-forecast or engagement section")
	}
	if os.Getenv("CAMPAIGNSIM_TRACKING_PNG") != "" {
		trackingCapture(t, f.w, "/tmp/tracking-google-ads.png")
		f.w.Resize(fyne.NewSize(1024, 2000))
		trackingCapture(t, f.w, "/tmp/tracking-google-ads-full.png")
	}
}

// TestTrackingFigureNamesOpenGlossary: the names of the figures in the
// tracking's tables open their glossary terms (help.TermLabel), as in the
// results pane; they were plain labels.
func TestTrackingFigureNamesOpenGlossary(t *testing.T) {
	f := newTrackingFixture(t, "google-ads")
	f.wait("the chances", func() bool { return f.v.chanceOK })
	terms := map[string]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *help.TermLabel:
			terms[x.Name] = true
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(f.v.body)
	for _, name := range []string{"customers", "cost", "net_profit"} {
		if !terms[name] {
			t.Errorf("the figure %q is not a glossary term label (terms: %v)", name, terms)
		}
	}
}

func trackingCapture(t *testing.T, w fyne.Window, path string) {
	img := w.Canvas().Capture()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		t.Fatal(err)
	}
}

func TestTrackingEmptyShowsImport(t *testing.T) {
	f := newTrackingFixture(t, "bakery")
	if !f.v.empty.Visible() || f.v.page.Visible() {
		t.Fatal("a plan without actuals should show the explanation")
	}
	if !trackingHas(f.v.empty.(*container.Scroll).Content, "Mailchimp") {
		t.Error("the explanation does not name Mailchimp")
	}
}

func TestTrackingImportActuals(t *testing.T) {
	f := newTrackingFixture(t, "bakery")
	path := filepath.Join(t.TempDir(), "realises.csv")
	csv := "channel;month;spend;exposures;interactions;leads;customers;revenue;cogs\n" +
		"mailing-familles;1;450,50;;;;12;540;\n" +
		"facebook-familles;1;300;20000;250;;8;360;\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	f.v.importActualsFile(path)
	f.work.Drain()
	if len(f.edits) != 0 {
		t.Fatal("imported before the preview was confirmed")
	}
	apptest.TapIn(t, f.w.Canvas(), lang.L("Import"))
	if len(f.edits) != 1 {
		t.Fatalf("%d edits, want 1 (errors: %q)", len(f.edits), f.v.lastErr)
	}
	if f.names[0] != lang.L("Import actuals") {
		t.Errorf("edit named %q", f.names[0])
	}
	q := f.edits[0]
	if len(q.Actuals) != 2 || q.Actuals[0].Channel != "mailing-familles" || q.Actuals[0].Spend.String() != "450.5" {
		t.Errorf("actuals %+v", q.Actuals)
	}
	if os.Getenv("CAMPAIGNSIM_TRACKING_PNG") != "" {
		f.v.Refresh(q, nil)
		f.wait("the chances", func() bool { return f.v.chanceOK })
		f.w.Resize(fyne.NewSize(1024, 2400))
		trackingCapture(t, f.w, "/tmp/tracking-bakery-full.png")
	}
}

func TestTrackingImportInvalidChangesNothing(t *testing.T) {
	f := newTrackingFixture(t, "bakery")
	csv := "channel,month,spend,customers,revenue\nmailing-familles,7,abc,1,2\n"
	f.v.ImportActuals(plan.ActualsFile{Name: "bad.csv", Data: []byte(csv)})
	f.work.Drain()
	apptest.TapIn(t, f.w.Canvas(), lang.L("Import")) // disabled: does nothing
	if len(f.edits) != 0 {
		t.Fatal("an invalid file was imported")
	}
	if len(f.v.lastErr) < 2 {
		t.Errorf("errors shown: %q", f.v.lastErr)
	}
	if f.w.Canvas().Overlays().Top() == nil {
		t.Error("no dialog")
	}
}

func TestTrackingAttributionShowsModels(t *testing.T) {
	f := newTrackingFixture(t, "google-ads")
	p, _ := plan.Example("google-ads")
	ch := p.Channels[0].ID
	csv := "path_id,step,channel,converted,revenue\n" +
		"a,1," + ch + ",1,50\n" +
		"b,1," + ch + ",0,\n"
	if err := f.v.ImportPaths("paths.csv", []byte(csv)); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{lang.L("First touch"), lang.L("Last touch"), lang.L("Linear"), lang.L("Position-based")} {
		if !trackingHas(f.v.attrib, m) {
			t.Errorf("model %q not shown", m)
		}
	}
}

// TestImportPathsFileInBackground: a paths file chosen in the dialog is
// read and parsed off the UI goroutine; a second file chosen before the
// first is read wins, and the first one's problems never show.
func TestImportPathsFileInBackground(t *testing.T) {
	f := newTrackingFixture(t, "google-ads")
	p, _ := plan.Example("google-ads")
	ch := p.Channels[0].ID
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	good := filepath.Join(dir, "parcours.csv")
	if err := os.WriteFile(bad, []byte("path_id,step,channel,converted,revenue\na,1,nowhere,1,50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("path_id,step,channel,converted,revenue\na,1,"+ch+",1,50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.v.importPathsFile(bad)
	f.v.importPathsFile(good)
	if trackingHas(f.v.attrib, lang.L("Linear")) || f.work.Pending() != 2 {
		t.Fatalf("%d jobs queued: want both readings waiting, nothing shown yet", f.work.Pending())
	}
	f.work.Drain()
	if !trackingHas(f.v.attrib, lang.L("Linear")) {
		t.Error("the second file's credits are not shown")
	}
	if f.v.lastErr != nil {
		t.Errorf("the first, older file's problems were shown: %v", f.v.lastErr)
	}
	f.v.importPathsFile(bad)
	f.work.Drain()
	if len(f.v.lastErr) == 0 {
		t.Error("a paths file naming no channel of the plan showed no problem")
	}
}

// TestImportRunsOffUIGoroutine: the actuals file is read and parsed in the
// background behind a progress bar (before the fix, importActualsFile
// did it all on the UI goroutine, freezing the window on a large file). A
// plan edited meanwhile is not undone: the rows are merged into it.
func TestImportRunsOffUIGoroutine(t *testing.T) {
	f := newTrackingFixture(t, "bakery")
	path := filepath.Join(t.TempDir(), "realises.csv")
	csv := "channel;month;spend;exposures;interactions;leads;customers;revenue;cogs\n" +
		"mailing-familles;1;450,50;;;;12;540;\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	f.v.importActualsFile(path)
	if len(f.edits) != 0 || f.work.Pending() != 1 {
		t.Fatalf("%d edits and %d background jobs: want the import queued, not done", len(f.edits), f.work.Pending())
	}
	if f.w.Canvas().Overlays().Top() == nil || !f.v.imp.progress.Visible() {
		t.Error("no progress shown while the import runs")
	}
	f.work.Drain()
	// The user edits the plan meanwhile (the title), then imports.
	p := f.v.current.Clone()
	p.Info.Title = "Edited during the import"
	f.v.Refresh(p, nil)
	apptest.TapIn(t, f.w.Canvas(), lang.L("Import"))
	f.work.Drain()
	if len(f.edits) != 1 {
		t.Fatalf("%d edits, want the import (errors %q)", len(f.edits), f.v.lastErr)
	}
	q := f.edits[0]
	if q.Info.Title != "Edited during the import" || len(q.Actuals) != 1 || q.Actuals[0].Spend.String() != "450.5" {
		t.Errorf("import gave title %q, %d actuals: want the edit kept and the row merged", q.Info.Title, len(q.Actuals))
	}
	if f.w.Canvas().Overlays().Top() != nil {
		t.Error("the import dialog is still shown")
	}
}
