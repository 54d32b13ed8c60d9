package tools

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// chartsFixture is a ChartsView in a test window and the results of an
// example plan.
type chartsFixture struct {
	t     *testing.T
	w     fyne.Window
	v     *ChartsView
	p     plan.Plan
	res   *widgets.Results
	drawn []renderKey        // what each set of pictures shown was drawn for
	work  *apptest.WorkQueue // the drawings and saves, run when the test drains it
}

func newChartsFixture(t *testing.T, name string) *chartsFixture {
	t.Helper()
	a := apptest.NewTestApp(t, "en", plan.LangFR)
	a.Settings().SetTheme(theme.LightTheme())
	p, err := plan.Example(name)
	if err != nil {
		t.Fatal(err)
	}
	all, err := simulate.RunAll(p)
	if err != nil {
		t.Fatal(err)
	}
	f := &chartsFixture{t: t, p: p, res: &widgets.Results{Version: 1, Base: all[0], Scenarios: all}, work: &apptest.WorkQueue{}}
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.v = NewChartsView(f.w)
	f.v.onDrawn = func(k renderKey) { f.drawn = append(f.drawn, k) }
	// the work runs on the test's goroutine when it drains the queue; what
	// it hands back (fyne.Do) runs at once there, on the test driver
	f.v.draw.Go, f.v.saving.Go = f.work.Run, f.work.Run
	f.w.SetContent(f.v.Widget())
	f.w.Resize(fyne.NewSize(1200, 800))
	return f
}

// waitDrawn runs the drawings queued and returns what the last set of
// pictures shown was drawn for; the test fails when none was shown.
func (f *chartsFixture) waitDrawn() renderKey {
	f.t.Helper()
	f.drawn = nil
	f.work.Drain()
	if len(f.drawn) == 0 {
		f.t.Fatal("no pictures shown")
	}
	return f.drawn[len(f.drawn)-1]
}

func TestChartsViewShowsCharts(t *testing.T) {
	f := newChartsFixture(t, "bakery")
	f.v.Refresh(f.p, nil) // still simulating: nothing to draw
	f.v.Refresh(f.p, f.res)
	k := f.waitDrawn()
	if k.version != 1 || k.dark {
		t.Errorf("drawn for %+v, want version 1 in light", k)
	}
	for i, img := range f.v.images {
		if img.Image == nil {
			t.Errorf("picture %d not set", i)
			continue
		}
		// drawn at the pane's width (the 1200-unit window less padding), not
		// shrunk from a fixed 800: its text reads at the chart's own size
		want := chartsSize(k.width)
		if b := img.Image.Bounds(); b.Dx() != int(want.Width*k.scale) || b.Dy() != int(want.Height*k.scale) || k.width < 1100 {
			t.Errorf("picture %d is %v, want %v for a pane of %v", i, b, want, k.width)
		}
	}
	if !f.v.scenarios.Visible() {
		t.Error("the bakery has scenarios but their chart is hidden")
	}
	if got, want := len(f.v.channel.Options), len(f.p.Channels); got != want {
		t.Errorf("%d channels in the select, want %d", got, want)
	}
	first := f.v.images[chartFunnel].Image

	// choosing another channel shows its funnel at once
	f.v.channel.SetSelectedIndex(2)
	if f.v.images[chartFunnel].Image == first || f.v.images[chartFunnel].Image == nil {
		t.Error("the funnel did not change with the channel")
	}

	// the same results again: no new drawing
	f.v.Refresh(f.p, f.res)
	if n := f.work.Pending(); n != 0 {
		t.Errorf("%d drawings for the same results", n)
	}

	// new results: drawn again, the chosen channel kept
	r2 := *f.res
	r2.Version = 2
	f.v.Refresh(f.p, &r2)
	if k := f.waitDrawn(); k.version != 2 {
		t.Errorf("drawn for version %d, want 2", k.version)
	}
	if f.v.selected != 2 {
		t.Errorf("selected channel %d after new results, want 2", f.v.selected)
	}

	// a dark theme redraws the pictures dark
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	f.v.Refresh(f.p, &r2)
	if k := f.waitDrawn(); !k.dark {
		t.Errorf("drawn for %+v after the dark theme", k)
	}
	c := f.v.images[chartBreakEven].Image.At(1, f.v.images[chartBreakEven].Image.Bounds().Dy()-2)
	if r, g, b, _ := c.RGBA(); r+g+b > 3*0x4000 {
		t.Errorf("dark theme: corner colour %v is not dark", c)
	}
}

func TestChartsViewNoScenarios(t *testing.T) {
	f := newChartsFixture(t, "bakery")
	f.p.Scenarios = nil
	f.res.Scenarios = f.res.Scenarios[:1]
	f.v.Refresh(f.p, f.res)
	f.waitDrawn()
	if f.v.scenarios.Visible() {
		t.Error("the scenarios chart shows for a plan without scenarios")
	}
	if f.v.images[chartBreakEven].Image == nil {
		t.Error("break-even not drawn")
	}
}

// TestChartsViewFollowsThePaneAndSaves: a narrower pane redraws the
// pictures at its width, and "Save as PNG…" writes the picture on screen
// (atomically, a .png added to a bare name).
func TestChartsViewFollowsThePaneAndSaves(t *testing.T) {
	f := newChartsFixture(t, "bakery")
	f.v.Refresh(f.p, f.res)
	k := f.waitDrawn()
	// the layout tells the view the pane's width (chartsColumn.Layout);
	// called here directly, as a narrower window's layout would
	f.v.onWidth(650)
	k2 := f.waitDrawn()
	if k2.width != 650 || k2.width >= k.width {
		t.Errorf("drawn for %v in a 650-wide pane", k2.width)
	}
	data := f.v.pngs[chartBreakEven]
	disabled := f.v.saves[chartBreakEven].Disabled()
	if data == nil || disabled {
		t.Fatal("no PNG to save")
	}
	path := filepath.Join(t.TempDir(), "seuil")
	if err := savePNG(path, data); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path + ".png")
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("saved %d bytes, err %v", len(got), err)
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil || img.Bounds().Dx() != int(chartsSize(k2.width).Width*k2.scale) {
		t.Errorf("saved picture: %v, %v", err, img.Bounds())
	}
}

// TestChartsFollowTheAppTheme: the app's theme set to light while the
// system's variant is dark gives light charts, in the charts view and in
// the tools (issue 11 item 11: "dark in the light theme"); forced dark gives
// dark ones.
func TestChartsFollowTheAppTheme(t *testing.T) {
	a := apptest.NewTestApp(t, "en", plan.LangFR)
	a.Settings().SetTheme(widgets.NewTheme("light"))
	if chartsDark() {
		t.Error("light app theme: charts drawn dark")
	}
	v := &View{}
	if o := v.toolsChartOptions(plan.Plan{}, fyne.NewSize(400, 200)); o.Theme == chart.Dark {
		t.Error("tools chart dark in the light theme")
	}
	a.Settings().SetTheme(widgets.NewTheme("dark"))
	if !chartsDark() {
		t.Error("dark app theme: charts drawn light")
	}
	// the system's variant stays light here: the tools asked it, and drew light
	if o := v.toolsChartOptions(plan.Plan{}, fyne.NewSize(400, 200)); o.Theme != chart.Dark {
		t.Error("tools chart light in the dark app theme")
	}
}

// TestChartsViewDropsStalePictures: new results arriving while the
// previous ones are still being drawn make those pictures stale: they are
// never shown, the newer ones are. Results going back to those on screen
// while another drawing runs cancel it: the pictures on screen stay.
func TestChartsViewDropsStalePictures(t *testing.T) {
	f := newChartsFixture(t, "bakery")
	var jobs []func()
	f.v.draw.Go = func(job func()) { jobs = append(jobs, job) }
	f.v.Refresh(f.p, f.res)
	r2 := *f.res
	r2.Version = 2
	f.v.Refresh(f.p, &r2)
	if len(jobs) != 2 {
		t.Fatalf("%d drawings, want 2", len(jobs))
	}
	jobs[0]() // version 1's: stale
	if len(f.drawn) != 0 || f.v.images[chartBreakEven].Image != nil || !f.v.status.Visible() {
		t.Fatalf("stale pictures shown (%+v)", f.drawn)
	}
	jobs[1]()
	if len(f.drawn) != 1 || f.drawn[0].version != 2 || f.v.images[chartBreakEven].Image == nil || f.v.status.Visible() {
		t.Fatalf("drawn %+v, want version 2 on screen", f.drawn)
	}
	if f.v.saves[chartBreakEven].Disabled() || len(f.v.channel.Options) != len(f.p.Channels) {
		t.Error("the pictures' save buttons and the channel select are not set")
	}

	r3 := *f.res
	r3.Version = 3
	f.v.Refresh(f.p, &r3)
	f.v.Refresh(f.p, &r2) // back to the results on screen
	if f.v.draw.Running() {
		t.Error("the drawing for version 3 still runs")
	}
	jobs[2]()
	if len(f.drawn) != 1 || f.v.drawn.version != 2 {
		t.Errorf("drawn %+v: want version 2 kept", f.drawn)
	}
}

// TestChartsViewSaveFails: a PNG that cannot be written (its folder is
// gone) is said in the status line; one written says where.
func TestChartsViewSaveFails(t *testing.T) {
	f := newChartsFixture(t, "bakery")
	f.v.Refresh(f.p, f.res)
	f.waitDrawn()
	data := f.v.pngs[chartBreakEven]
	f.v.saveAs(filepath.Join(t.TempDir(), "gone", "seuil.png"), data)
	if f.work.Pending() != 1 {
		t.Fatalf("%d saves queued: want the save off the UI goroutine", f.work.Pending())
	}
	f.work.Drain()
	if !f.v.status.Visible() || !strings.Contains(f.v.status.Text, lang.L("The chart could not be saved:")) {
		t.Errorf("status %q", f.v.status.Text)
	}
	path := filepath.Join(t.TempDir(), "seuil.png")
	f.v.saveAs(path, data)
	f.work.Drain()
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) || !strings.Contains(f.v.status.Text, path) {
		t.Errorf("saved: %v, status %q", err, f.v.status.Text)
	}
}
