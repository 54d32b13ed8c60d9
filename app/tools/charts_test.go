package tools

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"

	"fyne.io/fyne/v2"
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
	drawn chan renderKey
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
	f := &chartsFixture{t: t, p: p, res: &widgets.Results{Version: 1, Base: all[0], Scenarios: all}, drawn: make(chan renderKey, 16)}
	f.w = test.NewWindow(nil)
	t.Cleanup(f.w.Close)
	f.v = NewChartsView(f.w)
	f.v.mu.Lock()
	f.v.onDrawn = func(k renderKey) { f.drawn <- k }
	f.v.mu.Unlock()
	f.w.SetContent(f.v.Widget())
	f.w.Resize(fyne.NewSize(1200, 800))
	return f
}

// waitDrawn waits for the next set of pictures on screen. It has no
// deadline of its own (under -race on a loaded machine a drawing took
// over 30 s and the old deadline failed the test): a real hang is
// reported by go test -timeout, with every goroutine's stack.
func (f *chartsFixture) waitDrawn() renderKey {
	f.t.Helper()
	return <-f.drawn
}

func TestChartsViewShowsCharts(t *testing.T) {
	f := newChartsFixture(t, "bakery")
	f.v.Refresh(f.p, nil) // still simulating: nothing to draw
	f.v.Refresh(f.p, f.res)
	k := f.waitDrawn()
	if k.version != 1 || k.dark {
		t.Errorf("drawn for %+v, want version 1 in light", k)
	}
	f.v.mu.Lock()
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
	f.v.mu.Unlock()

	// choosing another channel shows its funnel at once
	f.v.channel.SetSelectedIndex(2)
	f.v.mu.Lock()
	if f.v.images[chartFunnel].Image == first || f.v.images[chartFunnel].Image == nil {
		t.Error("the funnel did not change with the channel")
	}
	f.v.mu.Unlock()

	// the same results again: no new drawing
	f.v.Refresh(f.p, f.res)
	select {
	case k := <-f.drawn:
		t.Errorf("redrawn for the same results: %+v", k)
	case <-time.After(200 * time.Millisecond):
	}

	// new results: drawn again, the chosen channel kept
	r2 := *f.res
	r2.Version = 2
	f.v.Refresh(f.p, &r2)
	if k := f.waitDrawn(); k.version != 2 {
		t.Errorf("drawn for version %d, want 2", k.version)
	}
	f.v.mu.Lock()
	if f.v.selected != 2 {
		t.Errorf("selected channel %d after new results, want 2", f.v.selected)
	}
	f.v.mu.Unlock()

	// a dark theme redraws the pictures dark
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	f.v.Refresh(f.p, &r2)
	for {
		k := f.waitDrawn()
		if k.dark {
			break
		}
	}
	f.v.mu.Lock()
	c := f.v.images[chartBreakEven].Image.At(1, f.v.images[chartBreakEven].Image.Bounds().Dy()-2)
	f.v.mu.Unlock()
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
	f.v.mu.Lock()
	defer f.v.mu.Unlock()
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
	// called here directly: a window resize on the test goroutine would
	// race with the drawing goroutine's fyne.Do in the test driver
	f.v.onWidth(650)
	var k2 renderKey
	for k2 = f.waitDrawn(); k2.width >= k.width; k2 = f.waitDrawn() {
	}
	if k2.width != 650 {
		t.Errorf("drawn for %v in a 650-wide pane", k2.width)
	}
	f.v.mu.Lock()
	data := f.v.pngs[chartBreakEven]
	disabled := f.v.saves[chartBreakEven].Disabled()
	f.v.mu.Unlock()
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
