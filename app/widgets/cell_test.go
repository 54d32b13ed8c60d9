package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// A cell too narrow for its text ends in "…"; a tap shows the whole text.
func TestCellShowsItsWholeTextWhenCut(t *testing.T) {
	test.NewTempApp(t)
	long := NewCell("Affiches écoles supérieures et universités")
	short := NewCell("+4,2\u202f%")
	w := test.NewWindow(container.NewWithoutLayout(long, short))
	defer w.Close()
	w.Resize(fyne.NewSize(600, 300))
	long.Resize(fyne.NewSize(90, long.MinSize().Height))
	short.Resize(fyne.NewSize(200, short.MinSize().Height))
	short.Move(fyne.NewPos(0, 60))

	if !long.Truncated() || long.Cursor() != desktop.PointerCursor {
		t.Fatalf("a 90-wide cell of %q is not cut", long.Label.Text)
	}
	test.Tap(long)
	p := long.Shown()
	if p == nil || !p.Visible() {
		t.Fatal("no pop-up")
	}
	if got := rows(p.Content); len(got) == 0 || got[0] == "" {
		t.Errorf("pop-up rows %q", got)
	}
	joined := ""
	for _, r := range rows(p.Content) {
		if joined != "" {
			joined += " "
		}
		joined += r
	}
	if joined != long.Label.Text {
		t.Errorf("pop-up shows %q, want %q", joined, long.Label.Text)
	}

	if short.Truncated() || short.Cursor() != desktop.DefaultCursor {
		t.Error("a cell that fits counts as cut")
	}
	test.Tap(short)
	if short.Shown() != nil {
		t.Error("a cell that fits opened a pop-up")
	}
}

func TestFixedWidthGivesItsWidth(t *testing.T) {
	test.NewTempApp(t)
	l := NewWrapLabel("un deux trois quatre cinq six sept huit neuf dix onze douze treize")
	c := FixedWidth(150, l)
	m := c.MinSize()
	if m.Width != 150 {
		t.Errorf("width %v", m.Width)
	}
	// At 150 the text needs several lines: taller than one.
	one := NewWrapLabel("un").MinSize().Height
	if m.Height <= one {
		t.Errorf("height %v, one line %v", m.Height, one)
	}
}
