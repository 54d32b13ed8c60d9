package chart

import (
	"strings"
	"sync"
	"unicode/utf8"

	"campaignsim/assets"

	"golang.org/x/image/font/sfnt"
)

// Substitute is the character shown in place of one the documents' font
// cannot draw (see Covered): U+FFFD REPLACEMENT CHARACTER, which DejaVu
// Sans regular and bold both have.
const Substitute = '\uFFFD'

// coverage is the set of runes of the Basic Multilingual Plane that both
// DejaVu Sans faces map to a glyph, read once from their cmap tables.
var coverage struct {
	once sync.Once
	bmp  [0x10000 / 64]uint64 // bit r%64 of word r/64 is set when r is covered
}

func loadCoverage() {
	coverage.once.Do(func() {
		var faces []*sfnt.Font
		for _, data := range [][]byte{assets.FontRegular, assets.FontBold} {
			f, err := sfnt.Parse(data)
			if err != nil {
				return // no coverage: every character but ASCII is replaced
			}
			faces = append(faces, f)
		}
		var buf sfnt.Buffer
		for r := rune(0); r < 0x10000; r++ {
			ok := true
			for _, f := range faces {
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					ok = false
					break
				}
			}
			if ok {
				coverage.bmp[r/64] |= 1 << (r % 64)
			}
		}
	})
}

// Covered reports whether the text of the charts and of the PDF report
// can show r: r is neither a control character (U+0000–U+001F,
// U+007F–U+009F) nor a surrogate or non-character, it lies in the Basic
// Multilingual Plane (the PDF library keeps glyph widths for U+0000–U+FFFF
// only, so emoji such as U+1F950 and the mathematical letters such as
// U+1D518 are out), and both DejaVu Sans faces, regular and bold, map it
// to a glyph in their cmap table (CJK ideographs, for instance, are not:
// DejaVu Sans has none). Printable ASCII is always covered.
//
// This is the one place that decides which characters the documents can
// draw: Printable, Missing, the charts of this package and package
// plan/report all use it.
func Covered(r rune) bool {
	if r >= 0x20 && r < 0x7f {
		return true
	}
	if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r >= 0x10000 || r == 0xfffe || r == 0xffff {
		return false
	}
	loadCoverage()
	return coverage.bmp[r/64]&(1<<(r%64)) != 0
}

// plainASCII reports whether s is printable ASCII only (the common case,
// which needs no copy).
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// Printable returns s ready to be drawn in the documents' font: each
// character Covered rejects becomes Substitute (one per character: a
// flag emoji made of two code points gives two), a tab becomes a space
// and bytes that are not UTF-8 become Substitute too; line breaks ("\n")
// are kept for the callers that break lines there, "\r" before one is
// dropped. A string with nothing to replace is returned as is.
func Printable(s string) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError:
			b.WriteRune(Substitute)
		case Covered(r):
			b.WriteRune(r)
		default:
			b.WriteRune(Substitute)
		}
	}
	return b.String()
}

// PrintableLine is Printable for text drawn on one line: line breaks
// ("\n", "\r\n", "\r") become spaces too.
func PrintableLine(s string) string {
	if plainASCII(s) {
		return s
	}
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	return Printable(s)
}

// Missing returns the distinct characters of s that Printable replaces by
// Substitute (control characters and invalid bytes left out: they are
// not something a reader could look for), in order of first appearance;
// nil when there is none.
func Missing(s string) []rune {
	if plainASCII(s) {
		return nil
	}
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == utf8.RuneError || seen[r] || Covered(r) {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}
