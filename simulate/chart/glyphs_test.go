package chart

import (
	"bytes"
	"slices"
	"testing"

	"campaignsim/simulate"
)

// TestCovered checks the characters the documents can draw against what
// DejaVu Sans has: the French text and money (accents, "€", the narrow
// no-break space of French numbers, "…", "≥", "□") are covered; emoji,
// CJK, mathematical letters outside the BMP, private use and control
// characters are not.
func TestCovered(t *testing.T) {
	for _, r := range []rune{'a', ' ', 'é', 'œ', 'Ç', '€', '\u00a0', '\u202f', '…', '≥', '≤', '→', '•', '—', '□', '\u0301', Substitute} {
		if !Covered(r) {
			t.Errorf("Covered(%U %q) = false, want true", r, r)
		}
	}
	for _, r := range []rune{'🥐', '😀', '中', '日', '𝔘', '\ue000', '\x00', '\x07', '\t', '\n', '\u0085', '\uffff', 0x10ffff, -1} {
		if Covered(r) {
			t.Errorf("Covered(%U %q) = true, want false", r, r)
		}
	}
}

// TestPrintable checks the substitutions: one Substitute per character
// the font lacks, tabs to spaces, line breaks kept (and dropped by
// PrintableLine), invalid bytes replaced, covered text unchanged.
func TestPrintable(t *testing.T) {
	const s = "\ufffd"
	cases := []struct{ in, want, line string }{
		{"Boulangerie Dupont", "Boulangerie Dupont", "Boulangerie Dupont"},
		{"Crème brûlée 1 200 €", "Crème brûlée 1 200 €", "Crème brûlée 1 200 €"},
		{"Croissant 🥐!", "Croissant " + s + "!", "Croissant " + s + "!"},
		{"中文 ok", s + s + " ok", s + s + " ok"},
		{"𝔘nicode", s + "nicode", s + "nicode"},
		{"a\ue000b", "a" + s + "b", "a" + s + "b"},
		{"a\tb", "a b", "a b"},
		{"a\nb\r\nc", "a\nb\nc", "a b c"},
		{"bell\x07", "bell" + s, "bell" + s},
		{"bad \xff byte", "bad " + s + " byte", "bad " + s + " byte"},
		{"🇫🇷", s + s, s + s}, // a flag is two regional indicators
		{"e\u0301", "e\u0301", "e\u0301"},
	}
	for _, c := range cases {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := PrintableLine(c.in); got != c.line {
			t.Errorf("PrintableLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

// TestMissing checks that Missing lists each character Printable
// replaces once, in order, without control characters.
func TestMissing(t *testing.T) {
	got := Missing("🥐 et 中 puis 🥐\x07 et 𝔘 é")
	want := []rune{'🥐', '中', '𝔘'}
	if !slices.Equal(got, want) {
		t.Errorf("Missing = %q, want %q", got, want)
	}
	if m := Missing("Crème 1 200 €"); m != nil {
		t.Errorf("Missing of covered text = %q, want nil", m)
	}
}

// TestMissingGlyphsDrawnAsSubstitute checks that a channel name with
// characters DejaVu Sans lacks (an emoji, CJK, a letter outside the BMP,
// private use, a control character) is drawn exactly as the same name
// with Substitute in their place — not as the font's empty .notdef box,
// nor measured with its width — in the funnel (title) and the cost
// against customers chart (row names), and that no chart fails on it.
func TestMissingGlyphsDrawnAsSubstitute(t *testing.T) {
	f := example(t, "bakery")
	const name, shown = "Croissants 🥐 中 𝔘\ue000\x07 fin", "Croissants \ufffd \ufffd \ufffd\ufffd\ufffd fin"
	rename := func(n string) simulate.Result {
		r := f.all[0]
		r.Channels = slices.Clone(r.Channels)
		r.Channels[0].Name = n
		return r
	}
	o := Options{Width: 800, Height: 450}
	for _, c := range []struct {
		chart string
		draw  func(r simulate.Result) ([]byte, error)
	}{
		{"Funnel", func(r simulate.Result) ([]byte, error) { return Funnel(r.Channels[0], o) }},
		{"CostVsCustomers", func(r simulate.Result) ([]byte, error) { return CostVsCustomers(r, o) }},
		{"MonthlyCost", func(r simulate.Result) ([]byte, error) { return MonthlyCost(f.p, r, o) }},
	} {
		got, err := c.draw(rename(name))
		if err != nil {
			t.Fatalf("%s: %v", c.chart, err)
		}
		want, err := c.draw(rename(shown))
		if err != nil {
			t.Fatalf("%s: %v", c.chart, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the name with missing characters is not drawn as the name with %q in their place", c.chart, Substitute)
		}
	}
}
