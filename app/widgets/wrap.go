package widgets

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NoBreak reports whether r is a space a line must not break at: U+00A0
// NO-BREAK SPACE (French "12,50 €"), U+202F NARROW NO-BREAK SPACE (French
// "3 007", "20 %"), U+2007 FIGURE SPACE, U+2060 WORD JOINER and U+FEFF.
// Fyne's own word wrapping (widget/richtext.go, findSpaceIndex) breaks at
// every unicode.IsSpace rune, these included, which splits French numbers
// across lines; WrapLabel does not.
func NoBreak(r rune) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2007', '\u2060', '\ufeff':
		return true
	}
	return false
}

// breakable reports whether a line may break at r (a space other than
// the no-break ones and the newline, which always breaks).
func breakable(r rune) bool { return r != '\n' && unicode.IsSpace(r) && !NoBreak(r) }

// hasDigit reports whether s holds a decimal digit: such a word is a
// number ("3 007,27 €", "+4,2 %", "M12") and is never cut.
func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// words splits a paragraph at its breakable spaces: the words and, before
// each word but the first, the run of spaces that preceded it.
func words(par string) (ws, seps []string) {
	i := 0
	sep := ""
	for i < len(par) {
		j := strings.IndexFunc(par[i:], breakable)
		if j < 0 {
			j = len(par) - i
		}
		if j > 0 {
			ws, seps = append(ws, par[i:i+j]), append(seps, sep)
		}
		i += j
		k := strings.IndexFunc(par[i:], func(r rune) bool { return !breakable(r) })
		if k < 0 {
			k = len(par) - i
		}
		if len(ws) > 0 {
			sep = par[i : i+k]
		}
		i += k
	}
	return ws, seps
}

// BreakLines splits text into lines no wider than width, measured by
// measure (the width of a string in the label's font): at newlines, and
// at breakable spaces only — never at a no-break space (NoBreak), so
// "3 007,27 €" and "20 %" stay whole. The spaces at a break are dropped.
// A word wider than width stands alone on its line; if it holds a digit
// it is kept whole (it overflows: MinWidth makes room for it), otherwise
// it is cut between letters, at least one letter a line. A width ≤ 0
// breaks at newlines only.
//
//	BreakLines("Coût : 3 007,27 €", 8 letters) → "Coût :", "3 007,27 €"
func BreakLines(text string, width float32, measure func(string) float32) []string {
	var out []string
	for _, par := range strings.Split(text, "\n") {
		if width <= 0 {
			out = append(out, par)
			continue
		}
		ws, seps := words(par)
		if len(ws) == 0 {
			out = append(out, "")
			continue
		}
		line, lineW := "", float32(0)
		for i, w := range ws {
			ww := measure(w)
			if line != "" {
				sw := measure(seps[i])
				if lineW+sw+ww <= width {
					line, lineW = line+seps[i]+w, lineW+sw+ww
					continue
				}
				out = append(out, line)
				line, lineW = "", 0
			}
			for ww > width && !hasDigit(w) {
				head := cutToWidth(w, width, measure)
				out = append(out, head)
				w = w[len(head):]
				ww = measure(w)
			}
			line, lineW = w, ww
		}
		out = append(out, line)
	}
	return out
}

// cutToWidth returns the longest prefix of w, at least one rune, no
// wider than width.
func cutToWidth(w string, width float32, measure func(string) float32) string {
	rs := []rune(w)
	lo, hi := 1, len(rs) // the answer lies in lo..hi
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(string(rs[:mid])) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo])
}

// MinWidth returns the width of the widest word of text that BreakLines
// keeps whole (a word holding a digit), 0 when there is none: the least
// width a wrapped label of text needs.
func MinWidth(text string, measure func(string) float32) float32 {
	var m float32
	for _, par := range strings.Split(text, "\n") {
		ws, _ := words(par)
		for _, w := range ws {
			if hasDigit(w) {
				m = max(m, measure(w))
			}
		}
	}
	return m
}

// WrapLabel is a label that wraps its text at spaces like a
// widget.Label with fyne.TextWrapWord, but never inside a number: it
// breaks at ordinary spaces only, not at the no-break spaces of French
// numbers (BreakLines). Its minimum width is that of its widest number;
// its height grows with the lines its width needs.
type WrapLabel struct {
	widget.BaseWidget
	Text       string
	TextStyle  fyne.TextStyle
	Importance widget.Importance
	SizeName   fyne.ThemeSizeName // theme.SizeNameText when empty
	Alignment  fyne.TextAlign

	label *widget.Label // wrapping off; Text is the lines joined by "\n"
	width float32       // the width label.Text was broken for
}

var _ fyne.Widget = (*WrapLabel)(nil)

// NewWrapLabel returns a wrapping label showing text.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{Text: text, label: widget.NewLabel(text)}
	l.ExtendBaseWidget(l)
	return l
}

// SetText changes the text and redraws the label.
func (l *WrapLabel) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// measure is the width of s in the label's font and size.
func (l *WrapLabel) measure(s string) float32 {
	size := theme.TextSize()
	if l.SizeName != "" {
		size = l.Theme().Size(l.SizeName)
	}
	return fyne.MeasureText(s, size, l.TextStyle).Width
}

// sync copies the label's style to the inner label and breaks the text
// for width (the label's outer width), refreshing the inner label when
// that changed anything.
func (l *WrapLabel) sync(width float32) {
	in := l.label
	l.width = width
	inner := width - 2*l.Theme().Size(theme.SizeNameInnerPadding)
	if width <= 0 {
		inner = 0
	}
	text := strings.Join(BreakLines(l.Text, inner, l.measure), "\n")
	if text == in.Text && in.TextStyle == l.TextStyle && in.Importance == l.Importance &&
		in.SizeName == l.SizeName && in.Alignment == l.Alignment {
		return
	}
	in.Text, in.TextStyle, in.Importance, in.SizeName, in.Alignment = text, l.TextStyle, l.Importance, l.SizeName, l.Alignment
	in.Refresh()
}

// MinSize is the width of the widest number plus the padding, by the
// height of the lines the current width needs (one paragraph a line
// before the label has a width).
func (l *WrapLabel) MinSize() fyne.Size {
	l.ExtendBaseWidget(l)
	l.sync(l.Size().Width)
	h := l.label.MinSize().Height
	w := MinWidth(l.Text, l.measure) + 2*l.Theme().Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(w, h)
}

// Resize breaks the text again for the new width.
func (l *WrapLabel) Resize(size fyne.Size) {
	if size.Width != l.width {
		l.sync(size.Width)
	}
	l.BaseWidget.Resize(size)
}

// Refresh applies a new text or style.
func (l *WrapLabel) Refresh() {
	l.sync(l.Size().Width)
	l.BaseWidget.Refresh()
}

// CreateRenderer draws the inner label (fyne.Widget).
func (l *WrapLabel) CreateRenderer() fyne.WidgetRenderer {
	l.sync(l.Size().Width)
	return widget.NewSimpleRenderer(l.label)
}

// LineWidth is the width the label needs to show its text without
// wrapping: its widest paragraph on one line, plus the padding.
func (l *WrapLabel) LineWidth() float32 {
	var w float32
	for _, par := range strings.Split(l.Text, "\n") {
		w = max(w, l.measure(par))
	}
	return w + 2*l.Theme().Size(theme.SizeNameInnerPadding)
}
