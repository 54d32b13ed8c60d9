package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Cell is a one-line label for tables and lists: when its column is too
// narrow it ends in "…", and then a tap or click shows the whole text in
// a pop-up under it (the pointer says it can be clicked); text that fits
// reacts to nothing. Set its Label's text and style as for any label.
type Cell struct {
	widget.BaseWidget
	Label *widget.Label // truncates with an ellipsis

	pop *widget.PopUp
}

var (
	_ fyne.Widget        = (*Cell)(nil)
	_ fyne.Tappable      = (*Cell)(nil)
	_ desktop.Cursorable = (*Cell)(nil)
)

// NewCell returns a cell showing text.
func NewCell(text string) *Cell {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	c := &Cell{Label: l}
	c.ExtendBaseWidget(c)
	return c
}

// SetText changes the text.
func (c *Cell) SetText(text string) { c.Label.SetText(text) }

// Truncated reports whether the text is wider than the cell, so that it
// shows cut with "…".
func (c *Cell) Truncated() bool {
	l := c.Label
	size := theme.TextSize()
	if l.SizeName != "" {
		size = c.Theme().Size(l.SizeName)
	}
	w := fyne.MeasureText(l.Text, size, l.TextStyle).Width + 2*c.Theme().Size(theme.SizeNameInnerPadding)
	return w > c.Size().Width+0.5
}

// Tapped shows the whole text under the cell when it is cut (fyne.Tappable).
func (c *Cell) Tapped(*fyne.PointEvent) {
	if !c.Truncated() {
		return
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil {
		return
	}
	full := NewWrapLabel(c.Label.Text)
	full.TextStyle = c.Label.TextStyle
	c.pop = widget.NewPopUp(FixedWidth(min(max(c.Size().Width, 240), 420), full), cv)
	c.pop.ShowAtRelativePosition(fyne.NewPos(0, c.Size().Height), c)
}

// Shown is the pop-up showing the whole text, nil before the first tap.
func (c *Cell) Shown() *widget.PopUp { return c.pop }

// Cursor is a pointing hand when the text is cut (desktop.Cursorable).
func (c *Cell) Cursor() desktop.Cursor {
	if c.Truncated() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer draws the label (fyne.Widget).
func (c *Cell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.Label) }

// fixedWidth lays out one object at a set width, as tall as it asks to be
// at that width (a wrapping label's height depends on its width).
type fixedWidth struct{ width float32 }

// FixedWidth returns o in a container exactly width wide, as tall as o
// needs at that width: a pop-up or dialog holding a WrapLabel takes the
// width given rather than the label's minimum.
func FixedWidth(width float32, o fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: fixedWidth{width}, Objects: []fyne.CanvasObject{o}}
}

// MinSize is the width, by the tallest object at that width (fyne.Layout).
func (f fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Size().Width != f.width {
			o.Resize(fyne.NewSize(f.width, max(o.Size().Height, o.MinSize().Height)))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

// Layout gives every object the whole size (fyne.Layout).
func (f fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
