package widgets

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// runes measures a string as one unit a rune.
func runes(s string) float32 { return float32(utf8.RuneCountInString(s)) }

func TestBreakLines(t *testing.T) {
	const nn, nb = "\u202f", "\u00a0"
	money := "3" + nn + "007,27" + nb + "€" // 10 runes
	cases := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"fits", "Coût total", 20, []string{"Coût total"}},
		{"breaks at a space", "Coût total", 6, []string{"Coût", "total"}},
		// "Coût" + " " + money = 15 runes > 12: the money goes whole to the next line.
		{"never inside a number", "Coût " + money, 12, []string{"Coût", money}},
		// Narrower than the number itself: it stays whole and overflows.
		{"a number wider than the line", "Coût " + money, 6, []string{"Coût", money}},
		{"percent stays with its figure", "taux 20" + nn + "%", 7, []string{"taux", "20" + nn + "%"}},
		{"a long word is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"newlines are kept", "a b\n\nc", 10, []string{"a b", "", "c"}},
		{"no width: newlines only", "a b c\nd", 0, []string{"a b c", "d"}},
		{"spaces at the break are dropped", "aaa   bbb", 4, []string{"aaa", "bbb"}},
		{"inner spaces kept", "a  b", 10, []string{"a  b"}},
		{"leading spaces dropped", "  a", 10, []string{"a"}},
		{"empty", "", 10, []string{""}},
		// A greedy fill: as many words a line as fit.
		{"greedy", "un deux trois quatre", 10, []string{"un deux", "trois", "quatre"}},
	}
	for _, c := range cases {
		got := BreakLines(c.text, c.width, runes)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: BreakLines(%q, %v) = %q, want %q", c.name, c.text, c.width, got, c.want)
		}
	}
	if got := MinWidth("Coût "+money+" et 20"+nn+"%", runes); got != 10 {
		t.Errorf("MinWidth = %v, want 10 (the money)", got)
	}
	if got := MinWidth("pas de chiffre", runes); got != 0 {
		t.Errorf("MinWidth without a number = %v", got)
	}
}

func TestNoBreakSpaces(t *testing.T) {
	for _, r := range "\u00a0\u202f\u2007\u2060\ufeff" {
		if !NoBreak(r) || breakable(r) {
			t.Errorf("U+%04X must not be a break point", r)
		}
	}
	for _, r := range " \t\u2009" {
		if NoBreak(r) || !breakable(r) {
			t.Errorf("U+%04X is a break point", r)
		}
	}
}

// rows returns the text of each canvas.Text drawn by o, top to bottom.
func rows(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Visible() && x.Text != "" {
				out = append(out, x.Text)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// Fyne's own word wrapping breaks at U+202F and U+00A0, splitting "3 007,27 €"
// (fyne widget/richtext.go findSpaceIndex uses unicode.IsSpace); WrapLabel
// keeps it whole. If the first half ever fails, Fyne has changed and
// WrapLabel may no longer be needed.
func TestWrapLabelNeverBreaksInsideANumber(t *testing.T) {
	test.NewTempApp(t)
	money := "3\u202f007,27\u00a0€"
	text := "Coût de la campagne : " + money
	width := fyne.MeasureText("Coût de la campagne : 3", 14, fyne.TextStyle{}).Width + 2*8 + 4

	fy := widget.NewLabel(text)
	fy.Wrapping = fyne.TextWrapWord
	fy.Resize(fyne.NewSize(width, 200))
	split := false
	for _, r := range rows(fy) {
		if strings.Contains(r, "3") && !strings.Contains(r, money) {
			split = true
		}
	}
	t.Logf("Fyne's rows: %q (split: %v)", rows(fy), split)
	if !split {
		t.Logf("Fyne no longer splits the number: %q", rows(fy))
	}

	l := NewWrapLabel(text)
	w := test.NewWindow(l)
	defer w.Close()
	l.Resize(fyne.NewSize(width, 200))
	got := rows(l)
	if len(got) < 2 || !slices.Contains(got, money) {
		t.Errorf("WrapLabel rows %q: want the money whole on a line of its own", got)
	}
	for _, r := range got {
		if r != money && strings.ContainsAny(r, "0123456789") {
			t.Errorf("a row holds part of the number: %q", r)
		}
	}
	// Its minimum width holds the money, and its height two lines at least.
	if m := l.MinSize(); m.Width < fyne.MeasureText(money, 14, fyne.TextStyle{}).Width || m.Height < 2*fyne.MeasureText("A", 14, fyne.TextStyle{}).Height {
		t.Errorf("MinSize %v", m)
	}
	l.SetText("court")
	if got := rows(l); !slices.Equal(got, []string{"court"}) {
		t.Errorf("after SetText: %q", got)
	}
}
