// Package help is the app's help: the glossary (Aide → Glossaire), the
// first-plan guide (Aide → Premier plan) and the label of a figure that
// opens its term (TermLabel). The words are those of
// simulate/display.Glossary and display.FirstPlanGuide, in the interface
// language; this package only lays them out.
package help

import (
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// uiLang is the language the interface's text is in (the glossary reads
// in the language of the menus around it).
func uiLang() plan.Language { return widgets.Lang() }

// Glossary is the glossary screen: a search field, the list of terms and
// the chosen term's definition with links to related terms.
type Glossary struct {
	Search  *widget.Entry
	List    *widget.List
	Name    *widget.Label
	Text    *widgets.WrapLabel
	SeeAlso *fyne.Container // a hyperlink per related term

	all     []display.Entry
	shown   []display.Entry // all, filtered by the search
	current string          // id of the term shown
	content fyne.CanvasObject
}

// NewGlossary builds the glossary screen showing the term name (an id or
// a figure name, display.Term), or the first term when name has none.
func NewGlossary(name string) *Glossary {
	g := &Glossary{all: display.Glossary(uiLang())}
	g.shown = g.all
	g.Search = widget.NewEntry()
	g.Search.SetPlaceHolder(lang.L("Search a word…"))
	g.Search.OnChanged = g.onSearch
	g.List = widget.NewList(
		func() int { return len(g.shown) },
		func() fyne.CanvasObject { return widgets.NewCell("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widgets.Cell).SetText(g.shown[i].Name) },
	)
	g.List.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(g.shown) {
			g.show(g.shown[i].ID)
		}
	}
	g.Name = widget.NewLabel("")
	g.Name.TextStyle.Bold = true
	g.Name.SizeName = theme.SizeNameSubHeadingText
	g.Name.Wrapping = fyne.TextWrapWord
	g.Text = widgets.NewWrapLabel("")
	g.SeeAlso = container.NewVBox()
	detail := container.NewVScroll(container.NewVBox(g.Name, g.Text, g.SeeAlso))
	split := container.NewHSplit(g.List, detail)
	split.Offset = 0.36
	g.content = container.NewBorder(g.Search, nil, nil, nil, split)
	if e, ok := display.Term(name, uiLang()); ok {
		g.Select(e.ID)
	} else if len(g.all) > 0 {
		g.Select(g.all[0].ID)
	}
	return g
}

// Widget returns the screen's root object.
func (g *Glossary) Widget() fyne.CanvasObject { return g.content }

// Current returns the id of the term shown.
func (g *Glossary) Current() string { return g.current }

// Select shows the term id and selects it in the list (clearing a search
// that hides it).
func (g *Glossary) Select(id string) {
	i := g.indexOf(id)
	if i < 0 && g.Search.Text != "" {
		g.Search.SetText("")
		i = g.indexOf(id)
	}
	if i < 0 {
		return
	}
	g.List.Select(i)
	g.List.ScrollTo(i)
	g.show(id)
}

func (g *Glossary) indexOf(id string) int {
	for i, e := range g.shown {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// show fills the definition side with term id.
func (g *Glossary) show(id string) {
	e, ok := display.Term(id, uiLang())
	if !ok || g.current == id {
		return
	}
	g.current = id
	g.Name.SetText(e.Name)
	g.Text.SetText(e.Text)
	g.SeeAlso.RemoveAll()
	if len(e.See) > 0 {
		g.SeeAlso.Add(widget.NewLabelWithStyle(lang.L("See also"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, s := range e.See {
			if t, ok := display.Term(s, uiLang()); ok {
				id := t.ID
				h := widget.NewHyperlink(t.Name, nil)
				h.OnTapped = func() { g.Select(id) }
				g.SeeAlso.Add(h)
			}
		}
	}
	g.SeeAlso.Refresh()
}

// onSearch keeps the terms whose name or text holds every word typed,
// case and accents ignored.
func (g *Glossary) onSearch(q string) {
	words := strings.Fields(fold(q))
	g.shown = g.all
	if len(words) > 0 {
		g.shown = nil
		for _, e := range g.all {
			hay := fold(e.Name + " " + e.Text)
			all := true
			for _, w := range words {
				all = all && strings.Contains(hay, w)
			}
			if all {
				g.shown = append(g.shown, e)
			}
		}
	}
	g.List.UnselectAll()
	g.List.Refresh()
	if i := g.indexOf(g.current); i >= 0 {
		g.List.Select(i)
	} else if len(g.shown) > 0 {
		g.List.Select(0)
	} else {
		g.current = ""
		g.Name.SetText(lang.L("No word matches “{{.Search}}”.", map[string]any{"Search": strings.TrimSpace(q)}))
		g.Text.SetText("")
		g.SeeAlso.RemoveAll()
	}
}

// fold lowers s and drops French accents, for searching.
var folder = strings.NewReplacer("à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "œ", "oe", "æ", "ae")

func fold(s string) string { return folder.Replace(strings.ToLower(s)) }

// glossarySize is the glossary dialog's size: it fits a 1024×768 window.
var glossarySize = fyne.NewSize(780, 520)

// ShowGlossary opens the glossary over win at the term name (an id or a
// figure name; "" for the first term). It returns the screen, for tests.
func ShowGlossary(win fyne.Window, name string) *Glossary {
	g := NewGlossary(name)
	d := dialog.NewCustom(lang.L("Glossary"), lang.L("Close"), g.Widget(), win)
	d.Resize(fitIn(win, glossarySize))
	d.Show()
	// Scroll once the list has its size: before, it scrolls one row too far.
	if i := g.indexOf(g.current); i >= 0 {
		g.List.ScrollTo(i)
	}
	win.Canvas().Focus(g.Search)
	return g
}

// fitIn returns size, made smaller to fit inside win's canvas.
func fitIn(win fyne.Window, size fyne.Size) fyne.Size {
	if win == nil || win.Canvas() == nil {
		return size
	}
	c := win.Canvas().Size()
	if c.Width > 0 {
		size.Width = min(size.Width, c.Width-40)
	}
	if c.Height > 0 {
		size.Height = min(size.Height, c.Height-40)
	}
	return size
}

// Guide is the first-plan guide: the numbered steps of a first
// campaign, each with links to the glossary terms it speaks of.
type Guide struct {
	Steps   []*widgets.WrapLabel // each step's text, in order
	content fyne.CanvasObject
}

// NewGuide builds the guide; a tap on a term's link calls open with the
// term's id.
func NewGuide(open func(id string)) *Guide {
	g := &Guide{}
	box := container.NewVBox()
	steps := display.FirstPlanGuide(uiLang())
	intro := widgets.NewWrapLabel(lang.L("{{.N}} steps from a blank plan to a campaign you can follow. Every figure's name in the results opens its definition.", map[string]any{"N": len(steps)}))
	box.Add(intro)
	for i, s := range steps {
		title := widget.NewLabel(lang.L("{{.N}}. {{.Title}}", map[string]any{"N": i + 1, "Title": s.Title}))
		title.TextStyle.Bold = true
		title.Wrapping = fyne.TextWrapWord
		text := widgets.NewWrapLabel(s.Text)
		g.Steps = append(g.Steps, text)
		box.Add(title)
		box.Add(text)
		if len(s.Terms) > 0 {
			links := container.NewHBox(widget.NewLabel(lang.L("Words:")))
			for _, id := range s.Terms {
				if e, ok := display.Term(id, uiLang()); ok {
					id := e.ID
					h := widget.NewHyperlink(shortName(e.Name), nil)
					h.OnTapped = func() { open(id) }
					links.Add(h)
				}
			}
			box.Add(container.NewHScroll(links))
		}
	}
	g.content = container.NewVScroll(box)
	return g
}

// shortName is a term's name without its explanation after " — " (the
// link "CPA" for "CPA — coût par acquisition").
func shortName(name string) string {
	if a, _, ok := strings.Cut(name, " — "); ok {
		return a
	}
	return name
}

// Widget returns the guide's root object.
func (g *Guide) Widget() fyne.CanvasObject { return g.content }

// guideSize is the guide dialog's size: it fits a 1024×768 window.
var guideSize = fyne.NewSize(680, 560)

// ShowGuide opens the first-plan guide over win; a term's link opens the
// glossary at that term. It returns the guide, for tests.
func ShowGuide(win fyne.Window) *Guide {
	g := NewGuide(func(id string) { ShowGlossary(win, id) })
	d := dialog.NewCustom(lang.L("First plan"), lang.L("Close"), g.Widget(), win)
	d.Resize(fitIn(win, guideSize))
	d.Show()
	return g
}

// TermLabel is the name of a figure that opens its glossary term: a
// label with a question-mark icon before it; a tap or click anywhere on
// it shows the term in a pop-up, with a link to the whole glossary. A
// name with no term shows as a plain label. Set Label's text and style
// as for any label.
type TermLabel struct {
	widget.BaseWidget
	Label *widget.Label
	Name  string // a figure or term name (display.Term)

	icon *widget.Icon
	pop  *widget.PopUp
}

var (
	_ fyne.Tappable      = (*TermLabel)(nil)
	_ desktop.Cursorable = (*TermLabel)(nil)
)

// NewTermLabel returns the label of figure name, showing text.
func NewTermLabel(name, text string) *TermLabel {
	t := &TermLabel{Label: widget.NewLabel(text), Name: name, icon: widget.NewIcon(theme.QuestionIcon())}
	t.ExtendBaseWidget(t)
	return t
}

// hasTerm reports whether the glossary explains t's name.
func (t *TermLabel) hasTerm() bool {
	_, ok := display.Term(t.Name, uiLang())
	return ok
}

// Tapped shows the term in a pop-up under the label (fyne.Tappable).
func (t *TermLabel) Tapped(*fyne.PointEvent) {
	e, ok := display.Term(t.Name, uiLang())
	if !ok {
		return
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(t)
	if cv == nil {
		return
	}
	name := widget.NewLabel(e.Name)
	name.TextStyle.Bold = true
	name.Wrapping = fyne.TextWrapWord
	more := widget.NewHyperlink(lang.L("Open the glossary…"), nil)
	id := e.ID
	more.OnTapped = func() {
		if t.pop != nil {
			t.pop.Hide()
		}
		if w := windowOf(cv); w != nil {
			ShowGlossary(w, id)
		}
	}
	box := container.NewVBox(name, widgets.NewWrapLabel(e.Text), more)
	t.pop = widget.NewPopUp(widgets.FixedWidth(termPopWidth(cv), box), cv)
	t.pop.ShowAtRelativePosition(fyne.NewPos(0, t.Size().Height), t)
}

// termPopWidth is the width of a term's pop-up: 380, less on a narrow
// canvas.
func termPopWidth(cv fyne.Canvas) float32 {
	return max(min(380, cv.Size().Width-40), 200)
}

// Shown is the pop-up showing the term, nil before the first tap.
func (t *TermLabel) Shown() *widget.PopUp { return t.pop }

// Cursor is a pointing hand when there is a term to open (desktop.Cursorable).
func (t *TermLabel) Cursor() desktop.Cursor {
	if t.hasTerm() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// windowOf returns the window whose canvas is cv.
func windowOf(cv fyne.Canvas) fyne.Window {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == cv {
			return w
		}
	}
	return nil
}

// CreateRenderer lays the icon out before the label (fyne.Widget).
func (t *TermLabel) CreateRenderer() fyne.WidgetRenderer {
	if !t.hasTerm() {
		t.icon.Hide()
	}
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(t.icon), nil, t.Label))
}
