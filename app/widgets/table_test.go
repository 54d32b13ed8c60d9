package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// In a narrow window a long channel name wraps onto more lines; the
// figures keep their whole width; nothing ends in "…".
func TestTableWrapsNamesAndCutsNothing(t *testing.T) {
	test.NewTempApp(t)
	name := "Affiches écoles supérieures et universités de la métropole"
	tbl := Table([]string{"Canal", "Avant", "Après"}, [][]string{{name, "1\u202f100,00\u00a0€", "+4,2\u202f%"}}, 1)
	w := test.NewWindow(container.NewVBox(tbl))
	defer w.Close()
	w.Resize(fyne.NewSize(360, 400))
	cells := tbl.Objects
	first := cells[3].(*WrapLabel)
	if got := rows(first); len(got) < 2 {
		t.Errorf("the name at width %v is on %d line(s): %q", first.Size().Width, len(got), got)
	}
	for i, c := range cells {
		if l, ok := c.(*widget.Label); ok {
			if need := l.MinSize().Width; c.Size().Width < need {
				t.Errorf("cell %d %q: %v wide, needs %v", i, l.Text, c.Size().Width, need)
			}
			if l.Truncation != fyne.TextTruncateOff {
				t.Errorf("cell %d truncates", i)
			}
		}
	}
	if right := cells[5].Position().X + cells[5].Size().Width; right > tbl.Size().Width+1 {
		t.Errorf("last column ends at %v, beyond the table's %v", right, tbl.Size().Width)
	}
	// The row is as tall as the wrapped name.
	if cells[4].Size().Height < first.MinSize().Height {
		t.Errorf("row height %v < the name's %v", cells[4].Size().Height, first.MinSize().Height)
	}
	// Wide: the name on one line.
	w.Resize(fyne.NewSize(1000, 400))
	if got := rows(first); len(got) != 1 {
		t.Errorf("at 1000 wide the name is on %d lines: %q", len(got), got)
	}
}

// A grid of truncating labels (the tracking screen's cells) laid out by
// NewTableLayout gives each figure its text's width: "+4,2 %" was cut to
// "+4…" by a grid of equal columns.
func TestTableLayoutNeverCutsAFigure(t *testing.T) {
	test.NewTempApp(t)
	cell := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	names := []string{"Indicateur", "Coût par acquisition des nouveaux clients", "Clients"}
	figs := []string{"Écart", "+4,2\u202f%", "−12,5\u202f%"}
	var objs []fyne.CanvasObject
	for i := range names {
		objs = append(objs, cell(names[i]), cell(figs[i]))
	}
	grid := container.New(NewTableLayout(2), objs...)
	w := test.NewWindow(container.NewVBox(grid))
	defer w.Close()
	w.Resize(fyne.NewSize(220, 300))
	for i := 1; i < len(objs); i += 2 {
		l := objs[i].(*widget.Label)
		if got, need := l.Size().Width, labelLineWidth(l); got < need {
			t.Errorf("%q is %v wide, needs %v", l.Text, got, need)
		}
	}
}
