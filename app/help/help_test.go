package help

import (
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tapText taps the middle of a hyperlink's text (a hyperlink ignores
// taps beside its text).
func tapText(h *widget.Hyperlink) {
	m := h.MinSize()
	test.TapAt(h, fyne.NewPos(m.Width/2, m.Height/2))
}

func TestGlossaryOpensAtAFiguresTerm(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	w := test.NewWindow(widget.NewLabel(""))
	defer w.Close()
	w.Resize(fyne.NewSize(1024, 768))
	g := ShowGlossary(w, "break_even_cpa")
	want, _ := display.Term("break_even_cpa", plan.LangFR)
	if g.Current() != "break_even_cpa" || g.Name.Text != want.Name || g.Text.Text != want.Text {
		t.Fatalf("shows %q: %q / %q", g.Current(), g.Name.Text, g.Text.Text)
	}
	// A stage explained by a wider term opens that term.
	if g := NewGlossary("clicks"); g.Current() != "interactions" {
		t.Errorf("clicks opens %q", g.Current())
	}
	// Unknown: the first term in dictionary order.
	if g := NewGlossary("nope"); g.Current() != display.Glossary(plan.LangFR)[0].ID {
		t.Errorf("an unknown name opens %q", g.Current())
	}
	// "See also" links open the related term.
	var links []*widget.Hyperlink
	for _, o := range g.SeeAlso.Objects {
		if h, ok := o.(*widget.Hyperlink); ok {
			links = append(links, h)
		}
	}
	if len(links) != len(want.See) {
		t.Fatalf("%d links for %v", len(links), want.See)
	}
	tapText(links[0])
	if g.Current() != want.See[0] {
		t.Errorf("after the link: %q, want %q", g.Current(), want.See[0])
	}
}

func TestGlossarySearchIgnoresAccents(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	g := NewGlossary("")
	n := len(g.shown)
	test.Type(g.Search, "equilibre")
	if len(g.shown) == 0 || len(g.shown) >= n {
		t.Fatalf("%d of %d terms for équilibre", len(g.shown), n)
	}
	for _, e := range g.shown {
		if !strings.Contains(fold(e.Name+" "+e.Text), "equilibre") {
			t.Errorf("%q does not speak of équilibre", e.Name)
		}
	}
	// Selecting a term the search hides clears the search.
	g.Select("p10_p90")
	if g.Current() != "p10_p90" || g.Search.Text != "" || len(g.shown) != n {
		t.Errorf("Select under a search: %q, search %q, %d shown", g.Current(), g.Search.Text, len(g.shown))
	}
	g.Search.SetText("zzzz")
	if len(g.shown) != 0 {
		t.Errorf("%d shown for zzzz", len(g.shown))
	}
}

func TestGuideLinksOpenTheirTerms(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	var opened []string
	g := NewGuide(func(id string) { opened = append(opened, id) })
	w := test.NewWindow(g.Widget())
	defer w.Close()
	w.Resize(fyne.NewSize(680, 560))
	steps := display.FirstPlanGuide(plan.LangFR)
	if len(g.Steps) != len(steps) {
		t.Fatalf("%d steps shown, %d in the guide", len(g.Steps), len(steps))
	}
	for i, s := range steps {
		if g.Steps[i].Text != s.Text {
			t.Errorf("step %d: %q", i+1, g.Steps[i].Text)
		}
	}
	var first *widget.Hyperlink
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Hyperlink:
			if first == nil {
				first = x
			}
		case *container.Scroll:
			walk(x.Content)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(g.Widget())
	if first == nil {
		t.Fatal("no link")
	}
	tapText(first)
	if len(opened) != 1 || opened[0] != steps[0].Terms[0] {
		t.Errorf("opened %v, want %s", opened, steps[0].Terms[0])
	}
}

func TestTermLabelShowsItsTerm(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	l := NewTermLabel("break_even_customers", "Clients pour l'équilibre")
	plain := NewTermLabel("no_such_figure", "Autre")
	w := test.NewWindow(container.NewVBox(l, plain))
	defer w.Close()
	w.Resize(fyne.NewSize(600, 400))
	test.Tap(l)
	if l.Shown() == nil || !l.Shown().Visible() {
		t.Fatal("no pop-up")
	}
	want, _ := display.Term("break_even_customers", plan.LangFR)
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			found = found || x.Text == want.Name
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(l.Shown().Content)
	if !found {
		t.Errorf("the pop-up does not name %q", want.Name)
	}
	test.Tap(plain)
	if plain.Shown() != nil {
		t.Error("a label without a term opened a pop-up")
	}
}
