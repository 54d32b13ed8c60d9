package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBreakLinesKeepsNumbersWhole: a line breaks at ordinary spaces only.
// With every character 1 unit wide and lines of 12 units, "Budget de
// 5 000,00 € : fin" (no-break spaces U+202F inside the number, U+00A0
// before "€" and ":") breaks after "Budget de" (9 units; adding the
// 11-unit "5 000,00 €" makes 21), keeps "5 000,00 €" whole (10 units; the
// 2-unit ": " joined by U+00A0 comes along, 12 units), then "fin". fpdf's
// SplitText broke inside the number.
func TestBreakLinesKeepsNumbersWhole(t *testing.T) {
	width := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	s := "Budget de 5\u202f000,00\u00a0€\u00a0: fin"
	got := breakLines(s, 12, width)
	want := []string{"Budget de", "5\u202f000,00\u00a0€\u00a0:", "fin"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("breakLines = %q, want %q", got, want)
	}
	// A word wider than the line alone is cut between characters
	// (26 letters in lines of 10: 10, 10, 6), and nothing is lost.
	long := "abcdefghijklmnopqrstuvwxyz"
	got = breakLines(long, 10, width)
	if len(got) != 3 || strings.Join(got, "") != long || got[2] != "uvwxyz" {
		t.Errorf("long word: %q", got)
	}
	if got := breakLines("", 10, width); len(got) != 1 || got[0] != "" {
		t.Errorf("empty: %q, want one empty line", got)
	}
}

// TestBreakLinesKeepsIndent: the spaces that start a line (an indented
// row, "  Opens (side)") stay.
func TestBreakLinesKeepsIndent(t *testing.T) {
	width := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	if got := breakLines("  Opens (side)", 40, width); len(got) != 1 || got[0] != "  Opens (side)" {
		t.Errorf("breakLines = %q, want the indented line whole", got)
	}
}
