package plan

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The CSV reading shared by ParseActualsCSV and ParsePathsCSV: limits,
// encodings, separator detection, a bounded reader of records, positioned
// errors and numbers written the French or the English way.
//
// Every step is linear in the size of the file and its memory is bounded
// by the limits below: a cell is measured as it is read and only its
// first MaxCSVText characters are kept; a row keeps at most
// MaxCSVColumns+1 cells (the others are counted); a number cell is
// checked against MaxCSVNumber before it is parsed (math/big's decimal
// parse is quadratic: it took 72 s and 60 GB of allocations for a cell of
// 5 MiB of digits).

// Limits of the CSV imports. The file itself may have at most MaxFileSize
// bytes (10 MiB), as a plan file.
const (
	// MaxCSVErrors is the most errors a CSV import lists; past it, one
	// last error, at the line of the first one left out, says how many
	// more there are.
	MaxCSVErrors = 50
	// MaxCSVRows is the most rows (non-blank lines after the header) an
	// import reads: ten times a year of daily rows of 50 campaigns
	// (365 × 50 = 18 250). The row past it is an error and ends the
	// reading.
	MaxCSVRows = 200000
	// MaxCSVColumns is the most cells a header may have (reports have a
	// few dozen columns). A row with more cells than its header is an
	// error (a ragged row) whatever their number.
	MaxCSVColumns = 200
	// MaxCSVText is the most characters (runes) a cell may hold: far
	// above a campaign name (Google Ads allows 255) or a date. A longer
	// cell is an error wherever it stands, even in a column the import
	// ignores: a double quote left open makes such cells.
	MaxCSVText = 1000
	// MaxCSVNumber is the most characters a number cell may hold, spaces
	// and currency sign included ("1 000 000 000 000,00 €" has 22).
	MaxCSVNumber = 40
	// MaxCSVPathSteps is the most rows (touches) one conversion path may
	// have in ParsePathsCSV: a journey of a thousand touches is a path id
	// shared by mistake.
	MaxCSVPathSteps = 1000
	// csvExcerptLen is the most characters of a cell an error quotes;
	// "…" marks the cut.
	csvExcerptLen = 40
)

// Codes of the messages of the CSV imports (their words are in
// assets/i18n/messages/plan.toml; the comment names the arguments, and
// msgNames in messages.go gives their order). Every cell they quote goes
// through csvExcerpt.
const (
	// the file
	msgCSVTooLarge   = "csv_too_large"   // size, max
	msgCSVNotUTF8    = "csv_not_utf8"    // line, cell, byte
	msgCSVNUL        = "csv_nul"         // line, cell
	msgCSVBadUTF16   = "csv_bad_utf16"   // line, cell
	msgCSVWorkbook   = "csv_workbook"    // no argument
	msgCSVEmpty      = "csv_empty"       // columns
	msgCSVHeaderOnly = "csv_header_only" // no argument
	msgCSVTooMany    = "csv_too_many"    // more, max
	msgCSVManyRows   = "csv_many_rows"   // max
	msgCSVManyCols   = "csv_many_cols"   // cells, max, columns

	// syntax and shape
	msgCSVSyntax     = "csv_syntax"      // column, what
	msgCSVBareQuote  = "csv_bare_quote"  // no argument
	msgCSVAfterQuote = "csv_after_quote" // no argument
	msgCSVOpenQuote  = "csv_open_quote"  // no argument
	msgCSVRagged     = "csv_ragged"      // cells, columns, which
	msgCSVNoCellFor  = "csv_no_cell_for" // columns
	msgCSVPastLast   = "csv_past_last"   // cell, excerpt, column
	msgCSVCellLong   = "csv_cell_long"   // column, length, excerpt, max

	// numbers
	msgCSVNumLong   = "csv_num_long"   // column, excerpt, length, max
	msgCSVNumber    = "csv_number"     // column, cell
	msgCSVCommaDec  = "csv_comma_dec"  // column, cell
	msgCSVNegative  = "csv_negative"   // column, value
	msgCSVTooBig    = "csv_too_big"    // column, value
	msgCSVEmptyCell = "csv_empty_cell" // column
	msgCSVWhole     = "csv_whole"      // column, cell, example

	// header
	msgCSVUnknownCol = "csv_unknown_col" // column, columns
	msgCSVMissingCol = "csv_missing_col" // column, columns
	msgCSVColTwice   = "csv_col_twice"   // column, first, second

	// actuals rows (ParseActualsCSV)
	msgCSVChanEmpty  = "csv_chan_empty"  // column, ids
	msgCSVCampaign   = "csv_campaign"    // column, name, ids, id
	msgCSVNotDate    = "csv_not_date"    // column, cell
	msgCSVOutside    = "csv_outside"     // column, cell, start, end
	msgCSVMonthEmpty = "csv_month_empty" // column, months
	msgCSVRowTwice   = "csv_row_twice"   // column, month_column, channel, month, line

	// conversion paths (ParsePathsCSV)
	msgCSVPathEmpty = "csv_path_empty"  // column
	msgCSVStepTwice = "csv_step_twice"  // path, step, line
	msgCSVNotBool   = "csv_not_bool"    // column, cell
	msgCSVConvBoth  = "csv_conv_both"   // column, path, line
	msgCSVTwoRevs   = "csv_two_revs"    // column, path, a, b, line
	msgCSVRevNoConv = "csv_rev_no_conv" // path, revenue
	msgCSVStepWhole = "csv_step_whole"  // column, cell
	msgCSVPathRows  = "csv_path_rows"   // column, path, max
)

// csvErrors collects positioned errors: the first MaxCSVErrors, then a
// count of the others.
type csvErrors struct {
	file     string
	list     ErrorList
	more     int // errors past MaxCSVErrors
	moreLine int // line of the first of them
}

// add records an error at line (0: the whole file) about the column path
// (a header, "" for none); the message is msgf(code, args...), built
// only when it is listed.
func (c *csvErrors) add(line int, path, code string, args ...any) {
	if len(c.list) >= MaxCSVErrors {
		if c.more == 0 {
			c.moreLine = line
		}
		c.more++
		return
	}
	c.list = append(c.list, Error{File: c.file, Line: line, Path: csvExcerpt(path), Msg: msgf(code, args...)})
}

// any reports whether an error was recorded.
func (c *csvErrors) any() bool { return len(c.list) > 0 }

// result returns the errors, ending with the count of those left out.
func (c *csvErrors) result() ErrorList {
	if c.more > 0 {
		return append(c.list, Error{File: c.file, Line: c.moreLine, Msg: msgf(msgCSVTooMany, c.more, MaxCSVErrors)})
	}
	return c.list
}

// csvExcerpt returns s as an error quotes it: trimmed, its first
// csvExcerptLen characters then "…" when longer, control characters shown
// as their pictures (U+0001 as ␁, DEL as ␡), other spaces (no-break,
// thin, line separator) as " " and any other character that fmt's %q
// would escape (C1 controls, format characters such as bidi overrides or
// zero-width joiners) as �: a message never holds a raw control byte,
// and %q of an excerpt escapes nothing but `"` and `\`. s is valid UTF-8
// (csvText).
func csvExcerpt(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	n := 0
	for _, r := range s {
		n++
		if hidden(r) {
			clean = false
		}
	}
	if clean && n <= csvExcerptLen {
		return s
	}
	var b strings.Builder
	i := 0
	for _, r := range s {
		if i == csvExcerptLen {
			b.WriteString("…")
			break
		}
		i++
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case hidden(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hidden reports whether r must not be shown as is: a character %q
// escapes (strconv.IsPrint is false), the space U+0020 aside.
func hidden(r rune) bool { return r != ' ' && !strconv.IsPrint(r) }

// lineAndCell returns the 1-based line of the byte at off in text and the
// 1-based cell it stands in, counting the separators sep outside double
// quotes from the start of that line (a cell spanning lines is not
// followed: this is for a message only).
func lineAndCell(text []byte, off int, sep byte) (line, cell int) {
	line = 1 + bytes.Count(text[:off], []byte{'\n'})
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	cell = 1
	in := false
	for _, c := range text[start:off] {
		switch {
		case c == '"':
			in = !in
		case c == sep && !in:
			cell++
		}
	}
	return line, cell
}

// firstLineSep returns the separator of text's first line (detectSep).
func firstLineSep(text []byte) byte {
	end := bytes.IndexByte(text, '\n')
	if end < 0 {
		end = len(text)
	}
	return byte(detectSep(text[:end]))
}

// csvText checks the size and encoding of data and returns it as UTF-8
// without a byte-order mark, with line feeds. UTF-16 is read, LE or BE,
// with a BOM (Google Ads' "CSV (Excel)") or without one: then recognised
// by its NUL bytes, which text in UTF-8 never has — in the first 4 KiB, a
// zero byte at most odd offsets (LE: "c\x00h\x00") or most even ones
// (BE), at least one character in four below U+0100. Any other input with
// a NUL byte, or that is not UTF-8, is one error at its first bad byte. A
// file whose lines end with a lone CR (old Mac) gets line feeds instead.
// The error is added to errs and the result is false.
func csvText(errs *csvErrors, data []byte) ([]byte, bool) {
	if len(data) > MaxFileSize {
		errs.add(0, "", msgCSVTooLarge, len(data), MaxFileSize)
		return nil, false
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		errs.add(0, "", msgCSVWorkbook)
		return nil, false
	}
	var text []byte
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		t, ok := fromUTF16(errs, data[2:], false)
		if !ok {
			return nil, false
		}
		text = t
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		t, ok := fromUTF16(errs, data[2:], true)
		if !ok {
			return nil, false
		}
		text = t
	default:
		if be, ok := utf16Guess(data); ok {
			t, ok := fromUTF16(errs, data, be)
			if !ok {
				return nil, false
			}
			text = t
		} else {
			text = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
			if i := bytes.IndexByte(text, 0); i >= 0 {
				line, cell := lineAndCell(text, i, firstLineSep(text))
				errs.add(0, "", msgCSVNUL, line, cell)
				return nil, false
			}
			if !utf8.Valid(text) {
				for i := 0; i < len(text); {
					r, n := utf8.DecodeRune(text[i:])
					if r == utf8.RuneError && n <= 1 {
						line, cell := lineAndCell(text, i, firstLineSep(text))
						errs.add(0, "", msgCSVNotUTF8, line, cell, fmt.Sprintf("%02X", text[i]))
						return nil, false
					}
					i += n
				}
			}
		}
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		line, cell := lineAndCell(text, i, firstLineSep(text))
		errs.add(0, "", msgCSVNUL, line, cell)
		return nil, false
	}
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') >= 0 {
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'})
	}
	return text, true
}

// utf16Guess reports whether data without a BOM looks like UTF-16 (see
// csvText), and whether big-endian.
func utf16Guess(data []byte) (be, ok bool) {
	n := min(len(data), 4096) &^ 1
	if n == 0 || bytes.IndexByte(data[:n], 0) < 0 {
		return false, false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd > even && 4*odd >= pairs:
		return false, true
	case even > odd && 4*even >= pairs:
		return true, true
	}
	return false, false
}

// fromUTF16 decodes UTF-16 (big-endian when be) into UTF-8, in one pass.
// An odd byte at the end or an unpaired surrogate is an error at its line.
func fromUTF16(errs *csvErrors, b []byte, be bool) ([]byte, bool) {
	out := make([]byte, 0, len(b)/2+len(b)/8+4)
	unit := func(i int) rune {
		if be {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i]) | rune(b[i+1])<<8
	}
	bad := func() ([]byte, bool) {
		line, cell := lineAndCell(out, len(out), firstLineSep(out))
		errs.add(0, "", msgCSVBadUTF16, line, cell)
		return nil, false
	}
	for i := 0; i < len(b); i += 2 {
		if i+1 >= len(b) {
			return bad()
		}
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if r >= 0xDC00 || i+3 >= len(b) {
				return bad()
			}
			r = utf16.DecodeRune(r, unit(i+2))
			if r == utf8.RuneError {
				return bad()
			}
			i += 2
		}
		out = utf8.AppendRune(out, r)
	}
	return bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF")), true
}

// detectSep returns the separator of a header line: the most frequent of
// ";", "\t" and "," outside double quotes (a tie goes to ";", then tab:
// a French file's decimal commas never stand in its header).
func detectSep(line []byte) rune {
	var semi, tab, comma int
	in := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			in = !in
		case ';':
			if !in {
				semi++
			}
		case '\t':
			if !in {
				tab++
			}
		case ',':
			if !in {
				comma++
			}
		}
	}
	switch {
	case semi > 0 && semi >= tab && semi >= comma:
		return ';'
	case tab > 0 && tab >= comma:
		return '\t'
	}
	return ','
}

// csvCell is one cell of a row as read.
type csvCell struct {
	text  string // the cell without its quotes; its first MaxCSVText characters when longer
	runes int    // characters of the whole cell
}

// long reports whether the cell has more than MaxCSVText characters (its
// text is then cut).
func (c csvCell) long() bool { return c.runes > MaxCSVText }

// csvSyntaxError is a syntax error of the reader: where and what.
type csvSyntaxError struct {
	line, cell int    // 1-based
	what       string // the code msgCSVBareQuote, msgCSVAfterQuote or msgCSVOpenQuote
}

// csvScanner reads the records of CSV text one by one, in one pass over
// the text and in memory bounded by MaxCSVColumns × MaxCSVText, with the
// rules of encoding/csv (RFC 4180): cells separated by sep, records by LF
// or CRLF, a cell that starts with a double quote ends at the next lone
// one ("" inside is a quote; separators and line breaks inside are
// text), blank lines skipped. Its errors do not stop it: after a quote
// out of place it goes on at the next line.
type csvScanner struct {
	text []byte
	off  int // next byte to read
	line int // 1-based line of text[off]
	sep  byte

	buf   []byte    // the kept bytes of the record's cells
	ends  []int     // end of each kept cell in buf
	runes []int     // characters of each kept cell
	cells []csvCell // the record, reused
	n     int       // cells of the record, kept or not
}

// newCSVScanner reads text from off, which is at the start of line line.
func newCSVScanner(text []byte, off, line int, sep byte) *csvScanner {
	return &csvScanner{text: text, off: off, line: line, sep: sep}
}

// next reads the next record that is not a blank line. It returns the
// record's line, its cells (at most MaxCSVColumns+1, valid until the next
// call) and their number n, which may be larger; ok is false at the end
// of the text. A syntax error is returned instead of the record (err is
// then not nil).
func (s *csvScanner) next() (line int, cells []csvCell, n int, err *csvSyntaxError, ok bool) {
	t := s.text
	// skip blank lines
	for s.off < len(t) {
		n := s.eol()
		if n == 0 {
			break
		}
		s.off += n
		s.line++
	}
	if s.off >= len(t) {
		return 0, nil, 0, nil, false
	}
	line = s.line
	s.buf, s.ends, s.runes, s.n = s.buf[:0], s.ends[:0], s.runes[:0], 0
	for {
		keep := s.n < MaxCSVColumns+1
		runes := 0
		add := func(c byte) {
			if c&0xC0 != 0x80 {
				runes++
			}
			if keep && runes <= MaxCSVText {
				s.buf = append(s.buf, c)
			}
		}
		s.n++
		end := false // the record ends after this cell
		if s.off < len(t) && t[s.off] == '"' {
			qline := s.line
			s.off++
			for {
				if s.off >= len(t) {
					return line, nil, 0, &csvSyntaxError{qline, s.n, msgCSVOpenQuote}, true
				}
				c := t[s.off]
				if c == '"' {
					if s.off+1 < len(t) && t[s.off+1] == '"' {
						add('"')
						s.off += 2
						continue
					}
					s.off++
					break
				}
				if c == '\r' && s.off+1 < len(t) && t[s.off+1] == '\n' {
					s.off++
					continue // CRLF inside quotes is LF
				}
				if c == '\n' {
					s.line++
				}
				add(c)
				s.off++
			}
			// after the closing quote: a separator, the end of the line or
			// of the text
			switch n := s.eol(); {
			case s.off >= len(t):
				end = true
			case t[s.off] == s.sep:
				s.off++
			case n > 0:
				s.off += n
				s.line++
				end = true
			default:
				e := &csvSyntaxError{s.line, s.n, msgCSVAfterQuote}
				s.skipLine()
				return line, nil, 0, e, true
			}
		} else {
			for {
				if s.off >= len(t) {
					end = true
					break
				}
				c := t[s.off]
				if c == s.sep {
					s.off++
					break
				}
				if n := s.eol(); n > 0 {
					s.off += n
					s.line++
					end = true
					break
				}
				if c == '"' {
					e := &csvSyntaxError{s.line, s.n, msgCSVBareQuote}
					s.skipLine()
					return line, nil, 0, e, true
				}
				add(c)
				s.off++
			}
		}
		if keep {
			s.ends = append(s.ends, len(s.buf))
			s.runes = append(s.runes, runes)
		}
		if end {
			break
		}
	}
	// One string for the record, sliced into its cells.
	all := string(s.buf)
	s.cells = s.cells[:0]
	from := 0
	for i, e := range s.ends {
		s.cells = append(s.cells, csvCell{text: all[from:e], runes: s.runes[i]})
		from = e
	}
	return line, s.cells, s.n, nil, true
}

// eol returns the length of the line end at s.off: 1 for LF, 2 for
// CRLF, 1 for a CR that ends the text (as encoding/csv reads it), else 0.
func (s *csvScanner) eol() int {
	t := s.text
	switch {
	case s.off >= len(t):
		return 0
	case t[s.off] == '\n':
		return 1
	case t[s.off] == '\r' && s.off+1 == len(t):
		return 1
	case t[s.off] == '\r' && t[s.off+1] == '\n':
		return 2
	}
	return 0
}

// skipLine moves past the end of the current line.
func (s *csvScanner) skipLine() {
	i := bytes.IndexByte(s.text[s.off:], '\n')
	if i < 0 {
		s.off = len(s.text)
		return
	}
	s.off += i + 1
	s.line++
}

// csvFile is a CSV file split into its header and a reader of the rows.
type csvFile struct {
	sep        rune
	header     []string // trimmed cells of the header line
	headerLine int      // 1-based line of the header
	sc         *csvScanner
}

// openCSV finds the header among the first 30 lines of text (the first
// line for which isHeader is true, else the first non-empty line),
// detects the separator from it and returns a reader positioned after
// it. A line of more than MaxCSVColumns cells is not a header; when the
// header found has that many, or there is no line, the error is added to
// errs (columns lists the columns for the message) and ok is false.
func openCSV(text []byte, errs *csvErrors, columns string, isHeader func(cells []string) bool) (csvFile, bool) {
	type cand struct {
		next, line int
		sep        byte
		cells      []string
		n          int
	}
	var first *cand
	off := 0
	for lines := 1; off < len(text) && lines <= 30; lines++ {
		end := bytes.IndexByte(text[off:], '\n')
		next := len(text)
		l := text[off:]
		if end >= 0 {
			l, next = text[off:off+end], off+end+1
		}
		l = bytes.TrimRight(l, "\r")
		if len(bytes.TrimSpace(l)) > 0 {
			sep := byte(detectSep(l))
			cells, n := splitLine(l, sep)
			c := &cand{next, lines, sep, cells, n}
			if first == nil {
				first = c
			}
			if n <= MaxCSVColumns && isHeader(cells) {
				return newCSVFile(text, c.next, c.line, c.sep, c.cells), true
			}
		}
		off = next
	}
	if first == nil {
		errs.add(1, "", msgCSVEmpty, columns)
		return csvFile{}, false
	}
	if first.n > MaxCSVColumns {
		errs.add(first.line, "", msgCSVManyCols, first.n, MaxCSVColumns, columns)
		return csvFile{}, false
	}
	return newCSVFile(text, first.next, first.line, first.sep, first.cells), true
}

func newCSVFile(text []byte, next, line int, sep byte, cells []string) csvFile {
	return csvFile{sep: rune(sep), header: cells, headerLine: line, sc: newCSVScanner(text, next, line+1, sep)}
}

// splitLine splits one line of CSV (the header) into trimmed cells (at
// most MaxCSVColumns+1, each cut at MaxCSVText characters) and returns
// them with their number. A line that is not valid CSV is one cell.
func splitLine(l []byte, sep byte) ([]string, int) {
	line, cells, n, err, ok := newCSVScanner(l, 0, 1, sep).next()
	if err != nil || !ok || line != 1 {
		return []string{strings.TrimSpace(string(l[:min(len(l), 4*MaxCSVText)]))}, 1
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c.text)
	}
	return out, n
}

// csvRow is a row after the header: its line, its cells (at most
// MaxCSVColumns+1) and their number n, which may be larger.
type csvRow struct {
	line  int
	cells []csvCell
	n     int
}

// cell returns the text of cell i ("" past the cells kept).
func (r csvRow) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i].text
}

// columnName names the column of 1-based cell i in a message: its header
// in quotes, or "cell i" past the header.
func (f *csvFile) columnName(i int) Msg {
	if i >= 1 && i <= len(f.header) && f.header[i-1] != "" {
		return msgf(msgColumnRef, csvExcerpt(f.header[i-1]))
	}
	return msgf(msgCellRef, i)
}

// each calls fn for every row after the header; rows whose cells are all
// empty are skipped. Syntax errors are reported and the reading goes on;
// the row past MaxCSVRows is an error that ends it. fn is not called for
// a row that has a cell over MaxCSVText characters (each is reported).
func (f *csvFile) each(errs *csvErrors, fn func(row csvRow)) {
	rows := 0
	for {
		line, cells, n, serr, ok := f.sc.next()
		if !ok {
			return
		}
		if serr != nil {
			errs.add(serr.line, "", msgCSVSyntax, f.columnName(serr.cell), NewMsg(serr.what))
			continue
		}
		blank := true
		for _, c := range cells {
			if strings.TrimSpace(c.text) != "" || c.long() {
				blank = false
				break
			}
		}
		if blank && n == len(cells) {
			continue
		}
		rows++
		if rows > MaxCSVRows {
			errs.add(line, "", msgCSVManyRows, MaxCSVRows)
			return
		}
		long := false
		for i, c := range cells {
			if c.long() {
				long = true
				errs.add(line, f.headerAt(i), msgCSVCellLong, f.columnName(i+1), c.runes, csvExcerpt(c.text), MaxCSVText)
			}
		}
		if long {
			continue
		}
		fn(csvRow{line: line, cells: cells, n: n})
	}
}

// headerAt returns the header of 0-based column i, "" past the header.
func (f *csvFile) headerAt(i int) string {
	if i >= 0 && i < len(f.header) {
		return f.header[i]
	}
	return ""
}

// ragged checks that row has one cell per column of the header (extra
// cells that are empty are allowed when extraOK: a trailing separator),
// reporting the row otherwise. It says which columns have no cell, or
// which cell is past the last column.
func (f *csvFile) ragged(errs *csvErrors, row csvRow, extraOK bool) bool {
	h := len(f.header)
	if row.n == h {
		return false
	}
	if row.n > h && extraOK && row.n == len(row.cells) {
		extra := false
		for _, c := range row.cells[h:] {
			if strings.TrimSpace(c.text) != "" {
				extra = true
			}
		}
		if !extra {
			return false
		}
	}
	var which Msg
	if row.n < h {
		missing := make([]string, 0, h-row.n)
		for _, c := range f.header[row.n:] {
			missing = append(missing, fmt.Sprintf("%q", csvExcerpt(c)))
			if len(missing) == 5 && h-row.n > 5 {
				missing = append(missing, "…")
				break
			}
		}
		which = msgf(msgCSVNoCellFor, strings.Join(missing, ", "))
	} else {
		// the first non-empty cell past the header (the first past it when
		// they are not kept)
		i := h
		for j := h; j < len(row.cells); j++ {
			if strings.TrimSpace(row.cells[j].text) != "" {
				i = j
				break
			}
		}
		which = msgf(msgCSVPastLast, i+1, csvExcerpt(row.cell(i)), csvExcerpt(f.headerAt(h-1)))
	}
	errs.add(row.line, "", msgCSVRagged, row.n, h, which)
	return true
}

// cellKind says what parseNumber found.
type cellKind int

const (
	cellNumber cellKind = iota
	cellBlank           // empty, or "--" (a report's "none")
	cellBad
	cellCommaDecimal // a decimal comma in a comma-separated file
)

// maxImport is the largest figure an import accepts (Validate's range).
var maxImport = decimal.New(1, 12)

// numberCell is the first step of both readers of number cells
// (parseNumber and reportNumber): a plain number ("20", "4934.20", one
// reading in either language) is read at once; otherwise the spaces and
// currency signs are dropped, and an empty, "-" or "--" cell is blank.
// done says the cell is decided (d and kind); else t is the text to read.
func numberCell(s string) (d decimal.Decimal, t string, kind cellKind, done bool) {
	if plainNumber(s) {
		if d, err := decimal.NewFromString(s); err == nil {
			return d, "", cellNumber, true
		}
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '€', '$', '£':
			continue
		}
		b.WriteRune(r)
	}
	t = b.String()
	if t == "" || t == "--" || t == "-" {
		return decimal.Decimal{}, "", cellBlank, true
	}
	return decimal.Decimal{}, t, 0, false
}

// parseNumber reads a cell as a decimal. Spaces, no-break spaces (U+00A0,
// U+202F, U+2009) and a leading or trailing currency sign (€, $, £) are
// dropped. In a file separated by ";" or a tab, "," is the decimal
// separator and "." a thousands separator when both appear (the later one
// is the decimal separator); alone, either one is the decimal separator
// when it appears once ("1234,56", "1234.56"), a thousands separator when
// several times ("1.234.567"). In a file separated by ",", "." is the
// decimal separator and a "," (in a quoted cell) only a thousands
// separator between groups of three digits ("1,234.56"); "12,5" is an
// error. "" and "--" are blank. A cell of more than MaxCSVNumber
// characters is bad without being parsed (callers report its length).
func parseNumber(s string, sep rune) (decimal.Decimal, cellKind) {
	if len(s) > MaxCSVNumber && utf8.RuneCountInString(s) > MaxCSVNumber {
		return decimal.Decimal{}, cellBad
	}
	d, t, kind, done := numberCell(s)
	if done {
		return d, kind
	}
	commas, dots := strings.Count(t, ","), strings.Count(t, ".")
	lastComma, lastDot := strings.LastIndexByte(t, ','), strings.LastIndexByte(t, '.')
	if sep == ',' {
		if commas > 0 {
			if !grouped(t, ',', lastDot) {
				return decimal.Decimal{}, cellCommaDecimal
			}
			t = strings.ReplaceAll(t, ",", "")
		}
		if dots > 1 {
			return decimal.Decimal{}, cellBad
		}
	} else {
		switch {
		case commas > 0 && dots > 0:
			dec, th := byte(','), byte('.')
			if lastDot > lastComma {
				dec, th = '.', ','
			}
			if strings.Count(t, string(dec)) > 1 {
				return decimal.Decimal{}, cellBad
			}
			t = strings.ReplaceAll(t, string(th), "")
			t = strings.Replace(t, string(dec), ".", 1)
		case commas == 1:
			t = strings.Replace(t, ",", ".", 1)
		case commas > 1:
			if !grouped(t, ',', -1) {
				return decimal.Decimal{}, cellBad
			}
			t = strings.ReplaceAll(t, ",", "")
		case dots > 1:
			if !grouped(t, '.', -1) {
				return decimal.Decimal{}, cellBad
			}
			t = strings.ReplaceAll(t, ".", "")
		}
	}
	if !plainNumber(t) {
		return decimal.Decimal{}, cellBad
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, cellBad
	}
	return d, cellNumber
}

// plainNumber reports whether s is an optional "-" then digits with at
// most one "." between digits.
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '-' {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// grouped reports whether the separators th in s (before the index end,
// or everywhere when end < 0) split its integer part into groups of three
// digits after a first group of one to three.
func grouped(s string, th byte, end int) bool {
	if end >= 0 {
		s = s[:end]
	}
	s = strings.TrimPrefix(s, "-")
	parts := strings.Split(s, string(th))
	if len(parts) < 2 || len(parts[0]) < 1 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// amount reads a cell of a count or money column (0..10^12), reporting
// what is wrong at line and column col. blankOK says whether an empty
// cell is allowed (it then returns an invalid NullDecimal). A cell of
// more than MaxCSVNumber characters is refused before any parsing.
func amount(errs *csvErrors, line int, col, cell string, sep rune, blankOK bool) (decimal.NullDecimal, bool) {
	if n := utf8.RuneCountInString(cell); n > MaxCSVNumber {
		errs.add(line, col, msgCSVNumLong, csvExcerpt(col), csvExcerpt(cell), n, MaxCSVNumber)
		return decimal.NullDecimal{}, false
	}
	d, k := parseNumber(cell, sep)
	switch k {
	case cellBlank:
		if blankOK {
			return decimal.NullDecimal{}, true
		}
		errs.add(line, col, msgCSVEmptyCell, csvExcerpt(col))
		return decimal.NullDecimal{}, false
	case cellBad:
		errs.add(line, col, msgCSVNumber, csvExcerpt(col), csvExcerpt(cell))
		return decimal.NullDecimal{}, false
	case cellCommaDecimal:
		errs.add(line, col, msgCSVCommaDec, csvExcerpt(col), csvExcerpt(cell))
		return decimal.NullDecimal{}, false
	}
	if d.Sign() < 0 {
		errs.add(line, col, msgCSVNegative, csvExcerpt(col), d.String())
		return decimal.NullDecimal{}, false
	}
	// |d| < 10^(digits + exponent): only a number of 13 integer digits or
	// more may exceed 10^12 (GreaterThan rescales, allocating).
	if d.NumDigits()+int(d.Exponent()) > 12 && d.GreaterThan(maxImport) {
		errs.add(line, col, msgCSVTooBig, csvExcerpt(col), d.String())
		return decimal.NullDecimal{}, false
	}
	return decimal.NullDecimal{Decimal: d, Valid: true}, true
}

// headerKey is a header cell as compared: trimmed, lower-case.
func headerKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
