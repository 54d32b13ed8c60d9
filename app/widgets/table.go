package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableLayout lays cells out in rows of cols columns: each column but the
// first as wide as its widest cell, the first (the names) takes the width
// left over and wraps its names onto more lines when that is narrow, each
// row as tall as its tallest cell at those widths. Nothing is cut.
type tableLayout struct {
	cols  int
	first float32 // the first column's width at the last layout
}

var _ fyne.Layout = (*tableLayout)(nil)

// firstMax is the most the first column asks for in MinSize: wider names
// wrap rather than push the figures out of a narrow window.
const firstMax = 200

// firstMin is the least the first column is given when the window is
// narrow.
const firstMin = 60

// natural returns the width of each column's widest cell (a label's whole
// text, even one that could truncate), the first column's counted on one
// line and at most firstMax.
func (t *tableLayout) natural(objects []fyne.CanvasObject) []float32 {
	cols := make([]float32, t.cols)
	for i, o := range objects {
		c := i % t.cols
		w := o.MinSize().Width
		switch l := o.(type) {
		case *WrapLabel:
			w = min(l.LineWidth(), firstMax)
		case *widget.Label:
			// A label that truncates asks for almost nothing: give it its
			// text's width, so a figure is never cut ("+4…").
			if l.Truncation != fyne.TextTruncateOff && l.Wrapping == fyne.TextWrapOff {
				w = max(w, labelLineWidth(l))
			}
		}
		if c == 0 {
			w = min(w, firstMax)
		}
		cols[c] = max(cols[c], w)
	}
	return cols
}

// heights resizes the first column's cells to width first and returns
// each row's height.
func (t *tableLayout) heights(objects []fyne.CanvasObject, first float32) []float32 {
	rows := make([]float32, (len(objects)+t.cols-1)/t.cols)
	for i, o := range objects {
		if i%t.cols == 0 && o.Size().Width != first {
			o.Resize(fyne.NewSize(first, o.Size().Height))
		}
		rows[i/t.cols] = max(rows[i/t.cols], o.MinSize().Height)
	}
	return rows
}

// MinSize is the sum of the column widths (the first at most firstMax)
// and of the row heights at the last layout's widths, with padding.
func (t *tableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if t.cols <= 0 || len(objects) == 0 {
		return fyne.NewSize(0, 0)
	}
	cols := t.natural(objects)
	first := t.first
	if first <= 0 {
		first = cols[0]
	}
	rows := t.heights(objects, first)
	pad := theme.Padding()
	var w, h float32
	for _, c := range cols {
		w += c
	}
	for _, r := range rows {
		h += r
	}
	w += pad * float32(len(cols)-1)
	h += pad * float32(max(len(rows)-1, 0))
	return fyne.NewSize(w, h)
}

// Layout places the cells; the first column takes the width the others
// leave, at least firstMin.
func (t *tableLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if t.cols <= 0 || len(objects) == 0 {
		return
	}
	cols := t.natural(objects)
	pad := theme.Padding()
	others := pad * float32(len(cols)-1)
	for _, c := range cols[1:] {
		others += c
	}
	cols[0] = max(size.Width-others, firstMin)
	t.first = cols[0]
	rows := t.heights(objects, cols[0])
	y := float32(0)
	for r, rh := range rows {
		x := float32(0)
		for c := 0; c < t.cols; c++ {
			i := r*t.cols + c
			if i >= len(objects) {
				break
			}
			objects[i].Move(fyne.NewPos(x, y))
			objects[i].Resize(fyne.NewSize(cols[c], rh))
			x += cols[c] + pad
		}
		y += rh + pad
	}
}

// NewTableLayout returns the layout of Table for rows of cols cells: the
// first column's cells should be WrapLabels (names that wrap), the others
// any widget at its natural width. Use it for a grid of cells built by
// hand (a container.NewGridWithColumns gives every column the same width
// and cuts the wide ones).
func NewTableLayout(cols int) fyne.Layout { return &tableLayout{cols: cols} }

// Table builds a table: a bold header row, then rows of cells. The first
// column (names) is left-aligned and wraps when the table is narrow, never
// cut; the next textCols−1 columns (words) are left-aligned; the others
// (figures) are right-aligned; every column but the first is as wide as
// its widest cell. Every row must have len(header) cells.
func Table(header []string, rows [][]string, textCols int) *fyne.Container {
	n := len(header)
	cells := make([]fyne.CanvasObject, 0, n*(len(rows)+1))
	add := func(text string, col int, bold bool) {
		if col == 0 {
			l := NewWrapLabel(text)
			l.TextStyle.Bold = bold
			cells = append(cells, l)
			return
		}
		l := widget.NewLabel(text)
		l.TextStyle.Bold = bold
		if col >= textCols {
			l.Alignment = fyne.TextAlignTrailing
		}
		cells = append(cells, l)
	}
	for c, h := range header {
		add(h, c, true)
	}
	for _, row := range rows {
		for c := 0; c < n; c++ {
			text := ""
			if c < len(row) {
				text = row[c]
			}
			add(text, c, false)
		}
	}
	return &fyne.Container{Layout: &tableLayout{cols: n}, Objects: cells}
}

// labelLineWidth is the width of l's text on one line, with its padding.
func labelLineWidth(l *widget.Label) float32 {
	size := theme.TextSize()
	if l.SizeName != "" {
		size = theme.Size(l.SizeName)
	}
	return fyne.MeasureText(l.Text, size, l.TextStyle).Width + 2*theme.InnerPadding()
}
