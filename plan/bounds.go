package plan

import (
	"strings"
)

// Limits on the shape of a plan file. checkShape enforces them on the raw
// text before any parsing: the cost of the TOML parser and of the position
// scanner grows with the nesting depth and with the number of keys,
// tables and list elements (a 100 KB file of nested inline tables took
// 48 s and 15 GB), and the 10 MB MaxFileSize alone does not bound it.
// Within these limits any input up to MaxFileSize is answered in a few
// seconds and well under 300 MB: the worst found, 9000 channels of 20
// unknown keys each (4 MB), takes 1.8 s of CPU and 120 MB in
// campaignsim-cli validate; the largest valid plan (160 channels, 9600
// actuals rows) 0.75 s and 38 MB.
//
// A real plan is far inside each limit: values nest 2 deep
// (ranges = { ctr = ["0.01", "0.03"] }; 4 if the channels are written as a
// list of inline tables); keys have 3 parts at most
// (tracking.engagement_weights.ctr, or [[scenarios.channel]]); its
// longest list is active_months (60 months at most), its longest text the
// context (100 000 characters at most); it has a few dozen tables (one
// [[actuals]] per channel and month is the most: 60 months × 20 channels
// is 1200).
const (
	maxNesting     = 16      // [ and { open inside one value
	maxKeyParts    = 16      // parts of one dotted key or table header, a.b.c
	maxKeyBytes    = 128     // bytes of one key part, quotes included
	maxStringBytes = 1 << 20 // bytes of one string value, quotes included (1 MB)
	maxBareBytes   = 256     // bytes of one unquoted value: a number, date or boolean
	maxListLen     = 100     // elements of one list
	maxInlineKeys  = 100     // keys of one inline table { … }
	maxTables      = 10_000  // tables in the file: [headers], [[headers]] and { … }
	maxKeys        = 200_000 // keys in the file
	maxListValues  = 100_000 // list elements in the file, all lists together
	maxMonths      = 60      // months of a plan, and so the most active_months entries
	maxErrors      = 50      // errors Decode reports; one more line counts the rest
	maxDigits      = 30      // digits of a decimal, before and after the point (leading zeros not counted)
	maxEcho        = 100     // characters of a user's value quoted back in a message
	maxSyntaxEcho  = 300     // characters of the TOML parser's message in msgSyntax
	maxListedIDs   = 20      // channel ids a message lists before counting the others
	bareDateLength = len("2006-01-02")
)

// checkShape scans src, the text of a plan file, once and in linear time,
// and returns an Error at the first place where it passes one of the
// limits above, or nil. It knows just enough TOML to tell values from
// table headers, strings and comments: a [ or { inside a string or a
// comment, or a [header] at the start of a line, is not nesting. On text
// that is not TOML it goes on conservatively (it may count too much, never
// too little, before the point where the parser would stop), so the parser
// never meets text beyond the limits. The column is in bytes, as
// scanPositions gives it.
func checkShape(name, src string) *Error {
	s := &shapeScan{src: src, errAt: -1}
	if strings.HasPrefix(src, "\ufeff") {
		s.i = 3
	}
	s.document()
	if s.errAt < 0 {
		return nil
	}
	line := strings.Count(src[:s.errAt], "\n") + 1
	start := strings.LastIndexByte(src[:s.errAt], '\n') + 1
	if line == 1 && strings.HasPrefix(src, "\ufeff") {
		start = 3
	}
	return &Error{File: name, Line: line, Col: s.errAt - start + 1, Msg: s.msg}
}

// shapeScan is the state of checkShape.
type shapeScan struct {
	src                  string
	i                    int // offset of the next byte
	tables, keys, values int // counted so far
	errAt                int // offset where a limit is passed, -1 before
	msg                  Msg
}

func (s *shapeScan) eof() bool { return s.i >= len(s.src) }

func (s *shapeScan) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

// fail records the first limit passed, at offset off, and ends the scan.
func (s *shapeScan) fail(off int, code string, args ...any) {
	if s.errAt < 0 {
		s.errAt, s.msg = off, msgf(code, args...)
	}
	s.i = len(s.src)
}

// skipSpace skips blanks, and newlines and comments too when nl is true.
func (s *shapeScan) skipSpace(nl bool) {
	for !s.eof() {
		switch c := s.src[s.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.i++
		case c == '\n' && nl:
			s.i++
		case c == '#' && nl:
			s.skipComment()
		default:
			return
		}
	}
}

// skipComment moves to the newline ending a comment.
func (s *shapeScan) skipComment() {
	if j := strings.IndexByte(s.src[s.i:], '\n'); j >= 0 {
		s.i += j
	} else {
		s.i = len(s.src)
	}
}

func (s *shapeScan) document() {
	for !s.eof() {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		start := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(0)
		}
		s.restOfLine()
		if s.i == start {
			s.i++
		}
	}
}

// restOfLine reads what follows a header or a key/value on its line: only
// a comment in TOML, but anything else is read as more values, so that
// brackets there are counted too.
func (s *shapeScan) restOfLine() {
	for !s.eof() {
		s.skipSpace(false)
		switch s.peek() {
		case 0, '\n':
			return
		case '#':
			s.skipComment()
			return
		}
		start := s.i
		s.value(0)
		if s.i == start {
			s.i++
		}
	}
}

// header reads [a.b] or [[a.b]].
func (s *shapeScan) header() {
	off := s.i
	s.i++
	if s.peek() == '[' {
		s.i++
	}
	s.tables++
	if s.tables > maxTables {
		s.fail(off, msgShapeTables, maxTables)
		return
	}
	s.key()
	s.skipSpace(false)
	for k := 0; k < 2 && s.peek() == ']'; k++ {
		s.i++
	}
}

// key reads a dotted key, checking its parts, and reports whether it read
// at least one part.
func (s *shapeScan) key() bool {
	parts := 0
	for !s.eof() {
		s.skipSpace(false)
		off := s.i
		switch c := s.peek(); {
		case c == '"':
			s.basicString(false)
		case c == '\'':
			s.literalString(false)
		case isBare(c):
			for !s.eof() && isBare(s.src[s.i]) {
				s.i++
			}
		}
		if s.i == off {
			return parts > 0
		}
		parts++
		if n := s.i - off; n > maxKeyBytes {
			s.fail(off, msgShapeKeyLong, n, maxKeyBytes)
			return true
		}
		if parts > maxKeyParts {
			s.fail(off, msgShapeKeyParts, maxKeyParts)
			return true
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return true
		}
		s.i++
	}
	return parts > 0
}

// keyValue reads key = value; depth is the nesting of the table it is in.
func (s *shapeScan) keyValue(depth int) {
	off := s.i
	if !s.key() || s.eof() {
		return
	}
	s.keys++
	if s.keys > maxKeys {
		s.fail(off, msgShapeKeys, maxKeys)
		return
	}
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.i++
	s.skipSpace(false)
	s.value(depth)
}

// value reads one value inside depth open brackets.
func (s *shapeScan) value(depth int) {
	switch c := s.peek(); {
	case c == '[' || c == '{':
		if depth+1 > maxNesting {
			s.fail(s.i, msgShapeNested, maxNesting)
			return
		}
		if c == '[' {
			s.list(depth + 1)
		} else {
			s.inlineTable(depth + 1)
		}
	case strings.HasPrefix(s.src[s.i:], `"""`):
		s.multiline(`"""`)
	case strings.HasPrefix(s.src[s.i:], `'''`):
		s.multiline(`'''`)
	case c == '"':
		s.basicString(true)
	case c == '\'':
		s.literalString(true)
	default:
		s.bare()
	}
}

// list reads [a, b, …], the depth-th open bracket.
func (s *shapeScan) list(depth int) {
	s.i++
	n := 0
	for !s.eof() {
		s.skipSpace(true)
		switch s.peek() {
		case 0:
			return
		case ']':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		n++
		s.values++
		if n > maxListLen {
			s.fail(s.i, msgShapeList, maxListLen, maxMonths)
			return
		}
		if s.values > maxListValues {
			s.fail(s.i, msgShapeValues, maxListValues)
			return
		}
		start := s.i
		s.value(depth)
		if s.i == start {
			s.i++
		}
	}
}

// inlineTable reads { k = v, … }, the depth-th open bracket. Newlines and
// comments are let through (TOML 1.1 allows them; counting on past a 1.0
// syntax error is harmless).
func (s *shapeScan) inlineTable(depth int) {
	s.tables++
	if s.tables > maxTables {
		s.fail(s.i, msgShapeTables, maxTables)
		return
	}
	s.i++
	n := 0
	for !s.eof() {
		s.skipSpace(true)
		switch s.peek() {
		case 0:
			return
		case '}':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		start := s.i
		n++
		if n > maxInlineKeys {
			s.fail(s.i, msgShapeInlineKeys, maxInlineKeys)
			return
		}
		s.keyValue(depth)
		if s.i == start {
			s.i++
		}
	}
}

// stringTooLong reports a string value that started at off and is already
// more than maxStringBytes long.
func (s *shapeScan) stringTooLong(off int) bool {
	if s.i-off > maxStringBytes {
		s.fail(off, msgShapeString, maxStringBytes)
		return true
	}
	return false
}

// basicString reads "…", up to the closing quote or the end of the line.
// isValue says whether it is a value (checked against maxStringBytes) or
// a key (checked by key).
func (s *shapeScan) basicString(isValue bool) {
	off := s.i
	s.i++
	for !s.eof() {
		switch s.src[s.i] {
		case '\\':
			s.i += 2
		case '"':
			s.i++
			if isValue {
				s.stringTooLong(off)
			}
			return
		case '\n':
			return
		default:
			s.i++
		}
		if isValue && s.stringTooLong(off) {
			return
		}
	}
	s.i = min(s.i, len(s.src))
}

// literalString reads '…', up to the closing quote or the end of the line.
func (s *shapeScan) literalString(isValue bool) {
	off := s.i
	s.i++
	j := strings.IndexAny(s.src[s.i:], "'\n")
	if j < 0 {
		s.i = len(s.src)
	} else {
		s.i += j
		if s.src[s.i] == '\'' {
			s.i++
		}
	}
	if isValue {
		s.stringTooLong(off)
	}
}

// multiline reads """…""" or ”'…”', with up to two more quotes that
// belong to the string.
func (s *shapeScan) multiline(delim string) {
	off := s.i
	s.i += 3
	for !s.eof() {
		if delim == `"""` && s.src[s.i] == '\\' {
			s.i += 2
			continue
		}
		if strings.HasPrefix(s.src[s.i:], delim) {
			s.i += 3
			for k := 0; k < 2 && s.peek() == delim[0]; k++ {
				s.i++
			}
			s.stringTooLong(off)
			return
		}
		s.i++
		if s.stringTooLong(off) {
			return
		}
	}
	s.i = min(s.i, len(s.src))
	s.stringTooLong(off)
}

// bare reads an unquoted value: a number, boolean or date, with the space
// of a date-time ("2027-01-04 10:00:00") taken as part of it.
func (s *shapeScan) bare() {
	off := s.i
	for !s.eof() {
		c := s.src[s.i]
		if c == ' ' && s.i-off == bareDateLength && s.i+1 < len(s.src) && isDigit(s.src[s.i+1]) && isDigit(s.src[off]) {
			s.i++
			continue
		}
		if strings.IndexByte(" \t\r\n,[]{}#\"'=", c) >= 0 {
			break
		}
		s.i++
		if s.i-off > maxBareBytes {
			s.fail(off, msgShapeBare, maxBareBytes)
			return
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
