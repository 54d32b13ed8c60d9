package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolsTableLayout lays cells out in rows of cols columns: each column is
// as wide as its widest cell, each row as tall as its tallest; the first
// column (the names) takes whatever width is left over, or gives some up
// when the window is narrow (its labels then truncate).
type toolsTableLayout struct {
	cols int
}

var _ fyne.Layout = (*toolsTableLayout)(nil)

// widths returns the natural width of each column and the height of each
// row of objects.
func (t *toolsTableLayout) widths(objects []fyne.CanvasObject) (cols []float32, rows []float32) {
	cols = make([]float32, t.cols)
	rows = make([]float32, (len(objects)+t.cols-1)/t.cols)
	for i, o := range objects {
		m := o.MinSize()
		c, r := i%t.cols, i/t.cols
		cols[c] = max(cols[c], m.Width)
		rows[r] = max(rows[r], m.Height)
	}
	return cols, rows
}

// MinSize is the sum of the column widths (the first column at most
// 160 units, since it truncates) and row heights, with padding.
func (t *toolsTableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if t.cols <= 0 || len(objects) == 0 {
		return fyne.NewSize(0, 0)
	}
	cols, rows := t.widths(objects)
	pad := theme.Padding()
	var w, h float32
	for i, c := range cols {
		if i == 0 {
			c = min(c, 160)
		}
		w += c
	}
	for _, r := range rows {
		h += r
	}
	w += pad * float32(len(cols)-1)
	h += pad * float32(max(len(rows)-1, 0))
	return fyne.NewSize(w, h)
}

// Layout places the cells; the first column absorbs the difference
// between the natural width and the width given.
func (t *toolsTableLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if t.cols <= 0 || len(objects) == 0 {
		return
	}
	cols, rows := t.widths(objects)
	pad := theme.Padding()
	var natural float32
	for _, c := range cols {
		natural += c
	}
	natural += pad * float32(len(cols)-1)
	cols[0] = max(cols[0]+size.Width-natural, 40)
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

// Table builds a table: a bold header row, then rows of cells. The
// first column is left-aligned and truncates; the next textCols−1 columns
// (words) are left-aligned; the others (figures) are right-aligned. Every
// row must have len(header) cells.
func Table(header []string, rows [][]string, textCols int) *fyne.Container {
	n := len(header)
	cells := make([]fyne.CanvasObject, 0, n*(len(rows)+1))
	add := func(text string, col int, bold bool) {
		l := widget.NewLabel(text)
		l.TextStyle.Bold = bold
		switch {
		case col == 0:
			l.Truncation = fyne.TextTruncateEllipsis
		case col >= textCols:
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
	return container.New(&toolsTableLayout{cols: n}, cells...)
}
