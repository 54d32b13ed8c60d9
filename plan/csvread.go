package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The CSV reading shared by ParseActualsCSV and ParsePathsCSV: size limit,
// encodings, separator detection, positioned errors and numbers written
// the French or the English way.

// MaxCSVErrors is the most errors a CSV import reports; past it, one last
// error says that there are more.
const MaxCSVErrors = 100

// Messages of the CSV imports (English; each a fmt format, its verbs in
// the comment).
const (
	msgCSVTooLarge   = "the file is %d bytes, more than the %d bytes (10 MB) an import may have: split it or keep only the plan's months" // size, max
	msgCSVNotUTF8    = "the file is not UTF-8 text (byte 0x%02x): save it as \"CSV UTF-8\""                                               // byte
	msgCSVEmpty      = "the file is empty: write a header line (%s), then one row per line"                                               // columns
	msgCSVHeaderOnly = "the file has a header but no row: add one row per line below the header"
	msgCSVSyntax     = "CSV syntax error: %v: put a cell that holds the separator or a quote in double quotes, and double the quotes inside it" // error
	msgCSVRagged     = "this row has %d cells but the header has %d: every row needs one cell per column (leave a cell empty rather than remove it)"
	msgCSVTooMany    = "more than %d errors: fix these first" // max
	msgCSVNumber     = "column %q: %q is not a number: write digits with a decimal point or, in a file separated by \";\", a decimal comma (1234.56 or 1 234,56)"
	msgCSVCommaDec   = "column %q: %q has a decimal comma in a file separated by \",\": write 1234.56, or separate the columns with \";\""
	msgCSVNegative   = "column %q: %s is negative: write a number from 0 to 1000000000000"
	msgCSVTooBig     = "column %q: %s is too large: write a number from 0 to 1000000000000"
	msgCSVEmptyCell  = "column %q is empty: write a number (0 if there was none)"
	msgCSVWhole      = "column %q: %q is not a whole number: write e.g. %s"
	msgCSVUnknownCol = "unknown column %q: remove it, or rename it to one of %s"
	msgCSVMissingCol = "missing column %q: add it to the header (the columns are %s)"
	msgCSVColTwice   = "column %q appears twice in the header (as %q and %q): keep one"
)

// csvErrors collects positioned errors up to MaxCSVErrors.
type csvErrors struct {
	file string
	list ErrorList
	full bool
}

func (c *csvErrors) add(line int, path, format string, args ...any) {
	if c.full {
		return
	}
	if len(c.list) == MaxCSVErrors {
		c.list = append(c.list, Error{File: c.file, Line: line, Msg: fmt.Sprintf(msgCSVTooMany, MaxCSVErrors)})
		c.full = true
		return
	}
	c.list = append(c.list, Error{File: c.file, Line: line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// csvText checks the size and encoding of data and returns it as UTF-8
// without a byte-order mark. UTF-16 with a BOM (Google Ads' "Excel CSV")
// is converted.
func csvText(data []byte) ([]byte, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf(msgCSVTooLarge, len(data), MaxFileSize)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		le := data[0] == 0xFF
		b := data[2:]
		u := make([]uint16, len(b)/2)
		for i := range u {
			if le {
				u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
		}
		return []byte(string(utf16.Decode(u))), nil
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, fmt.Errorf(msgCSVNotUTF8, data[i])
			}
			i += n
		}
	}
	return data, nil
}

// detectSep returns the separator of a header line: the most frequent of
// ";", "\t" and "," outside double quotes (a tie goes to ";", then tab:
// a French file's decimal commas never stand in its header).
func detectSep(line string) rune {
	var semi, tab, comma int
	in := false
	for _, r := range line {
		switch r {
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

// csvFile is a CSV file split into its header and a reader of the rows.
type csvFile struct {
	sep        rune
	header     []string // trimmed cells of the header line
	headerLine int      // 1-based line of the header
	r          *csv.Reader
}

// openCSV finds the header among the first lines of text (the first line
// for which isHeader is true, else the first non-empty line), detects the
// separator from it and returns a reader positioned after it.
func openCSV(text []byte, isHeader func(cells []string) bool) (csvFile, bool) {
	lines := 0
	first := -1
	var firstLine int
	off := 0
	for off < len(text) && lines < 30 {
		end := bytes.IndexByte(text[off:], '\n')
		var l []byte
		next := len(text)
		if end >= 0 {
			l = text[off : off+end]
			next = off + end + 1
		} else {
			l = text[off:]
		}
		lines++
		s := strings.TrimRight(string(l), "\r")
		if strings.TrimSpace(s) != "" {
			sep := detectSep(s)
			cells := splitLine(s, sep)
			if first < 0 {
				first, firstLine = off, lines
			}
			if isHeader(cells) {
				return newCSVFile(text, off, next, lines, sep, cells), true
			}
		}
		off = next
	}
	if first < 0 {
		return csvFile{}, false
	}
	end := bytes.IndexByte(text[first:], '\n')
	next := len(text)
	if end >= 0 {
		next = first + end + 1
	}
	s := strings.TrimRight(string(text[first:next]), "\r\n")
	sep := detectSep(s)
	return newCSVFile(text, first, next, firstLine, sep, splitLine(s, sep)), true
}

func newCSVFile(text []byte, _ int, next, line int, sep rune, cells []string) csvFile {
	r := csv.NewReader(bytes.NewReader(text[next:]))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return csvFile{sep: sep, header: cells, headerLine: line, r: r}
}

// splitLine splits one line of CSV (the header) into trimmed cells.
func splitLine(s string, sep rune) []string {
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	rec, err := r.Read()
	if err != nil {
		return []string{strings.TrimSpace(s)}
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	return rec
}

// each calls f for every row after the header with its 1-based file
// line; rows whose cells are all empty are skipped. A syntax error is
// reported and ends the reading.
func (f *csvFile) each(errs *csvErrors, fn func(line int, rec []string)) {
	for {
		rec, err := f.r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			line := f.headerLine
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line += pe.Line
				err = pe.Err
			}
			errs.add(line, "", msgCSVSyntax, err)
			return
		}
		line, _ := f.r.FieldPos(0)
		blank := true
		for _, c := range rec {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		fn(f.headerLine+line, rec)
	}
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

// parseNumber reads a cell as a decimal. Spaces, no-break spaces (U+00A0,
// U+202F, U+2009) and a leading or trailing currency sign (€, $, £) are
// dropped. In a file separated by ";" or a tab, "," is the decimal
// separator and "." a thousands separator when both appear (the later one
// is the decimal separator); alone, either one is the decimal separator
// when it appears once ("1234,56", "1234.56"), a thousands separator when
// several times ("1.234.567"). In a file separated by ",", "." is the
// decimal separator and a "," (in a quoted cell) only a thousands
// separator between groups of three digits ("1,234.56"); "12,5" is an
// error. "" and "--" are blank.
func parseNumber(s string, sep rune) (decimal.Decimal, cellKind) {
	if plainNumber(s) {
		d, err := decimal.NewFromString(s)
		if err == nil {
			return d, cellNumber
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
	t := b.String()
	if t == "" || t == "--" || t == "-" {
		return decimal.Decimal{}, cellBlank
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
// cell is allowed (it then returns an invalid NullDecimal).
func amount(errs *csvErrors, line int, col, cell string, sep rune, blankOK bool) (decimal.NullDecimal, bool) {
	d, k := parseNumber(cell, sep)
	switch k {
	case cellBlank:
		if blankOK {
			return decimal.NullDecimal{}, true
		}
		errs.add(line, col, msgCSVEmptyCell, col)
		return decimal.NullDecimal{}, false
	case cellBad:
		errs.add(line, col, msgCSVNumber, col, strings.TrimSpace(cell))
		return decimal.NullDecimal{}, false
	case cellCommaDecimal:
		errs.add(line, col, msgCSVCommaDec, col, strings.TrimSpace(cell))
		return decimal.NullDecimal{}, false
	}
	if d.Sign() < 0 {
		errs.add(line, col, msgCSVNegative, col, d.String())
		return decimal.NullDecimal{}, false
	}
	if d.GreaterThan(maxImport) {
		errs.add(line, col, msgCSVTooBig, col, d.String())
		return decimal.NullDecimal{}, false
	}
	return decimal.NullDecimal{Decimal: d, Valid: true}, true
}

// headerKey is a header cell as compared: trimmed, lower-case.
func headerKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
