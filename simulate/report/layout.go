package report

import (
	"bytes"
	"fmt"
	"strings"

	"campaignsim/assets"
	"campaignsim/simulate/chart"

	"codeberg.org/go-pdf/fpdf"
)

// Page geometry (A4 portrait, millimetres) and type sizes (points).
const (
	pageW      = 210.0
	pageH      = 297.0
	marginL    = 18.0
	marginR    = 18.0
	marginT    = 22.0
	marginB    = 18.0
	contentW   = pageW - marginL - marginR
	bodySize   = 9.5
	bodyLine   = 4.6
	tableSize  = 8.0
	tableLine  = 3.7
	cellPad    = 1.2
	family     = "dejavu"
	headerSize = 7.5
)

// Colours (RGB).
var (
	colPrimary = [3]int{31, 78, 121}
	colLight   = [3]int{226, 235, 245}
	colZebra   = [3]int{246, 248, 251}
	colGrey    = [3]int{105, 105, 105}
	colText    = [3]int{33, 33, 33}
	colRule    = [3]int{200, 208, 218}
	colGood    = [3]int{30, 120, 60}
	colBad     = [3]int{170, 40, 30}
)

// layout wraps fpdf with the few blocks the document is made of: section
// and sub-section headings, paragraphs, tables that break across pages with
// their header repeated, and pictures. Every block checks the room left on
// the page first, so that no heading is left alone at the bottom.
type layout struct {
	pdf     *fpdf.Fpdf
	images  int
	section string // the current section title, for the running header
}

func newLayout() *layout {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(true, marginB)
	pdf.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(family, "B", assets.FontBold)
	pdf.SetCellMargin(cellPad)
	return &layout{pdf: pdf}
}

func (l *layout) color(c [3]int) { l.pdf.SetTextColor(c[0], c[1], c[2]) }
func (l *layout) fill(c [3]int)  { l.pdf.SetFillColor(c[0], c[1], c[2]) }
func (l *layout) draw(c [3]int)  { l.pdf.SetDrawColor(c[0], c[1], c[2]) }
func (l *layout) font(b bool, size float64) {
	style := ""
	if b {
		style = "B"
	}
	l.pdf.SetFont(family, style, size)
}

// room is the height left on the current page, in mm.
func (l *layout) room() float64 { return pageH - marginB - l.pdf.GetY() }

// need starts a new page unless h mm are left on this one.
func (l *layout) need(h float64) {
	if l.room() < h {
		l.pdf.AddPage()
	}
}

// cell writes s on one line in a cell w × h mm (no border, no fill; ln
// as fpdf's CellFormat: 0 to the right, 1 to the next line), the
// characters the font lacks drawn as chart.Substitute. Every line of text
// of the document goes through cell or multi.
func (l *layout) cell(w, h float64, s string, ln int, align string) {
	l.pdf.CellFormat(w, h, chart.PrintableLine(s), "", ln, align, false, 0, "")
}

// multi writes s wrapped in a cell w mm wide, h mm per line, aligned
// left, like cell for the characters the font lacks.
//
// Lines break only at ordinary spaces (breakLines): fpdf's MultiCell also
// breaks at U+00A0 and U+202F, the spaces inside French numbers and
// before ":" or "»", and drew "5" at the end of a line and "000,00 €" at
// the start of the next.
func (l *layout) multi(w, h float64, s string) {
	if w == 0 {
		pw, _ := l.pdf.GetPageSize()
		_, _, rm, _ := l.pdf.GetMargins()
		w = pw - rm - l.pdf.GetX()
	}
	x := l.pdf.GetX()
	for _, line := range l.lines(s, w) {
		l.pdf.SetX(x)
		l.pdf.CellFormat(w, h, line, "", 2, "L", false, 0, "")
	}
	lm, _, _, _ := l.pdf.GetMargins()
	l.pdf.SetX(lm)
}

// width is the width of s in mm at the current font, as cell draws it.
func (l *layout) width(s string) float64 { return l.pdf.GetStringWidth(chart.PrintableLine(s)) }

// fit shortens s with "…" until it fits in w mm at the current font; the
// result is s as cell draws it (chart.PrintableLine). The longest prefix
// that fits is found by bisection (a prefix is never wider than a longer
// one), so a long name costs a few measures, not one per character.
func (l *layout) fit(s string, w float64) string {
	s = chart.PrintableLine(s)
	if l.pdf.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // r[:lo]+"…" fits (or lo is 0); r[:hi+1]+"…" does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l.pdf.GetStringWidth(string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// lines splits s into the lines it takes in a cell of width w mm at the
// current font (explicit newlines kept), each as cell draws it
// (chart.PrintableLine). Never empty. Lines break at ordinary spaces only
// (breakLines), never inside "3 007,27 €".
func (l *layout) lines(s string, w float64) []string {
	avail := w - 2*l.pdf.GetCellMargin()
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, breakLines(chart.PrintableLine(para), avail, l.pdf.GetStringWidth)...)
	}
	return out
}

// breakLines breaks s into lines no wider than w by width, greedily, at
// ordinary spaces (U+0020) only: the no-break spaces U+00A0 and U+202F
// that join a number's groups, a number to its unit and French
// punctuation to its word are never break points. A word wider than w
// alone is cut between characters. Never empty.
func breakLines(s string, w float64, width func(string) float64) []string {
	words := strings.Split(s, " ")
	var out []string
	cur, fresh := "", true // fresh: cur starts a line and holds nothing yet
	for _, word := range words {
		try := word
		if !fresh {
			try = cur + " " + word
		}
		if width(try) <= w || word == "" {
			cur, fresh = try, false // leading and repeated spaces are kept
			continue
		}
		if !fresh {
			out = append(out, cur)
		}
		fresh = false
		// the word alone: cut it when it does not fit either
		cur = word
		for width(cur) > w && len([]rune(cur)) > 1 {
			// the longest prefix that fits, by bisection (at least one
			// character, so the loop ends)
			r := []rune(cur)
			lo, hi := 1, len(r)-1
			for lo < hi {
				mid := (lo + hi + 1) / 2
				if width(string(r[:mid])) <= w {
					lo = mid
				} else {
					hi = mid - 1
				}
			}
			out = append(out, string(r[:lo]))
			cur = string(r[lo:])
		}
	}
	return append(out, cur)
}

// h1 starts a section on a new page: a numbered title over a rule, and a
// bookmark.
func (l *layout) h1(n int, title string) {
	l.newPage(title, fmt.Sprintf("%d. %s", n, title))
}

// newPage starts a new page headed by title over a rule, bookmarked, with
// section as the running head of the pages that follow.
func (l *layout) newPage(section, title string) {
	l.section = section
	l.pdf.AddPage()
	l.pdf.Bookmark(title, 0, -1)
	l.font(true, 16)
	l.color(colPrimary)
	l.multi(contentW, 7.5, title)
	y := l.pdf.GetY() + 1
	l.draw(colPrimary)
	l.pdf.SetLineWidth(0.6)
	l.pdf.Line(marginL, y, marginL+contentW, y)
	l.pdf.SetLineWidth(0.2)
	l.pdf.SetY(y + 4)
	l.color(colText)
}

// h2 writes a sub-heading, keeping at least keep mm below it on the page.
func (l *layout) h2(title string, keep float64) {
	l.font(true, 11.5)
	h := float64(len(l.lines(title, contentW)))*5.5 + 3
	l.need(h + keep)
	if l.pdf.GetY() > marginT+1 {
		l.pdf.Ln(2)
	}
	l.pdf.Bookmark(title, 1, -1)
	l.color(colPrimary)
	l.multi(contentW, 5.5, title)
	l.pdf.Ln(1)
	l.color(colText)
}

// h3 writes a small bold heading, keeping keep mm below it.
func (l *layout) h3(title string, keep float64) {
	l.font(true, bodySize+0.5)
	h := float64(len(l.lines(title, contentW))) * bodyLine
	l.need(h + keep + 1)
	l.color(colText)
	l.multi(contentW, bodyLine, title)
	l.pdf.Ln(0.8)
}

// para writes a paragraph of body text (wrapped, breaking across pages).
func (l *layout) para(s string) {
	l.paraStyle(s, false, bodySize, colText)
}

// note writes a small grey paragraph (sources, method notes).
func (l *layout) note(s string) {
	l.paraStyle(s, false, bodySize-1.5, colGrey)
}

func (l *layout) paraStyle(s string, bold bool, size float64, c [3]int) {
	l.font(bold, size)
	l.color(c)
	lh := size * 0.48
	l.need(2 * lh)
	l.multi(contentW, lh, strings.TrimRight(s, "\r\n"))
	l.pdf.Ln(1.5)
	l.color(colText)
}

// bullets writes a list, each item wrapped under its bullet.
func (l *layout) bullets(items []string) {
	l.font(false, bodySize)
	l.color(colText)
	for _, it := range items {
		ls := l.lines(it, contentW-5)
		l.need(float64(min(len(ls), 2)) * bodyLine)
		y := l.pdf.GetY()
		l.pdf.SetXY(marginL, y)
		l.cell(5, bodyLine, "•", 0, "C")
		l.pdf.SetXY(marginL+5, y)
		l.multi(contentW-5, bodyLine, it)
		l.pdf.Ln(0.8)
	}
	l.pdf.Ln(1)
}

// column is one column of a table: its width in mm and alignment ("L",
// "R" or "C").
type column struct {
	w     float64
	align string
}

// table is a grid of text cells with a header row.
type table struct {
	cols []column
	head []string
	rows [][]string
	bold map[int]bool // rows drawn in bold (totals)
	size float64      // font size; 0 means tableSize
}

// cols builds columns: the first takes first mm (0 = what the others
// leave), the n others share the rest equally, aligned right.
func cols(first float64, n int, rest float64) []column {
	if first == 0 {
		first = contentW - float64(n)*rest
	}
	if rest == 0 && n > 0 {
		rest = (contentW - first) / float64(n)
	}
	c := []column{{first, "L"}}
	for i := 0; i < n; i++ {
		c = append(c, column{rest, "R"})
	}
	return c
}

// rowHeight is the height of a row of cells at the current font.
func (l *layout) rowLines(t table, row []string) ([][]string, float64) {
	ls := make([][]string, len(t.cols))
	n := 1
	for i, c := range t.cols {
		cell := ""
		if i < len(row) {
			cell = row[i]
		}
		ls[i] = l.lines(cell, c.w)
		n = max(n, len(ls[i]))
	}
	size := t.size
	if size == 0 {
		size = tableSize
	}
	return ls, float64(n)*size*0.46 + 2*cellPad*0.8
}

// drawRow draws one row at the current y, filled with fill when not nil.
func (l *layout) drawRow(t table, ls [][]string, h float64, fill *[3]int) {
	size := t.size
	if size == 0 {
		size = tableSize
	}
	lh := size * 0.46
	x, y := marginL, l.pdf.GetY()
	if fill != nil {
		l.fill(*fill)
		var w float64
		for _, c := range t.cols {
			w += c.w
		}
		l.pdf.Rect(x, y, w, h, "F")
	}
	for i, c := range t.cols {
		for j, line := range ls[i] {
			l.pdf.SetXY(x, y+cellPad*0.8+float64(j)*lh)
			l.cell(c.w, lh, line, 0, c.align)
		}
		x += c.w
	}
	l.draw(colRule)
	l.pdf.Line(marginL, y+h, x, y+h)
	l.pdf.SetXY(marginL, y+h)
}

// table draws t: the header row is repeated at the top of every page the
// table runs onto, a row is never split, and the header never stands
// alone at the bottom of a page.
func (l *layout) table(t table) { l.drawTable(t, nil) }

// drawTable draws t as table says; after, when not nil, is called once
// each row is drawn, with the row's index, top and height, to write over
// it.
func (l *layout) drawTable(t table, after func(i int, y, h float64)) {
	size := t.size
	if size == 0 {
		size = tableSize
	}
	l.font(true, size)
	headLines, headH := l.rowLines(t, t.head)
	head := func() {
		l.font(true, size)
		l.color(colPrimary)
		fill := colLight
		l.drawRow(t, headLines, headH, &fill)
		l.color(colText)
	}
	first := true
	for i, row := range t.rows {
		l.font(t.bold[i], size)
		ls, h := l.rowLines(t, row)
		if first {
			l.need(headH + h)
			head()
			first = false
		} else if l.room() < h {
			l.pdf.AddPage()
			head()
		}
		l.font(t.bold[i], size)
		var fill *[3]int
		if i%2 == 1 {
			z := colZebra
			fill = &z
		}
		y := l.pdf.GetY()
		l.drawRow(t, ls, h, fill)
		if after != nil {
			after(i, y, h)
		}
	}
	if first && len(t.head) > 0 {
		l.need(headH)
		head()
	}
	l.pdf.Ln(3)
}

// keyValues draws label: value pairs in two columns of pairs.
func (l *layout) keyValues(pairs [][2]string) {
	var rows [][]string
	for i := 0; i < len(pairs); i += 2 {
		row := []string{pairs[i][0], pairs[i][1], "", ""}
		if i+1 < len(pairs) {
			row[2], row[3] = pairs[i+1][0], pairs[i+1][1]
		}
		rows = append(rows, row)
	}
	w := contentW / 2
	t := table{cols: []column{{w * 0.42, "L"}, {w * 0.58, "L"}, {w * 0.42, "L"}, {w * 0.58, "L"}}, rows: rows, size: bodySize - 0.5}
	l.font(false, t.size)
	for i, row := range t.rows {
		l.font(false, t.size)
		ls, h := l.rowLines(t, row)
		l.need(h)
		var fill *[3]int
		if i%2 == 0 {
			z := colZebra
			fill = &z
		}
		l.drawRow(t, ls, h, fill)
	}
	l.pdf.Ln(3)
}

// image places a PNG w mm wide and h mm high at x (mm from the left
// margin), keeping it on one page. When newLine is false the cursor stays
// at the picture's top, for a picture beside it.
func (l *layout) image(png []byte, x, w, h float64, newLine bool) {
	l.images++
	name := fmt.Sprintf("chart%d", l.images)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	l.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	l.need(h + 2)
	y := l.pdf.GetY()
	l.pdf.ImageOptions(name, marginL+x, y, w, h, false, opt, 0, "")
	if newLine {
		l.pdf.SetY(y + h + 3)
	}
}
