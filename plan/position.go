package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// position is where a key (or an array element, or a table header) starts
// in a plan file, and the raw TOML text of its value when it is a scalar.
type position struct {
	Line int    // 1-based
	Col  int    // 1-based, in bytes from the start of the line
	Raw  string // the value as written (scalars only), e.g. `0.22` or `"abc"`
}

// scanPositions walks the TOML text src and returns the position of every
// key, table header and array element, named by the same paths Validate
// uses: "plan.title", "channels[2].open_rate", "channels[0].ranges.ctr",
// "channels[0].active_months[1]", "scenarios[0].channel[1].factors.ctr",
// "actuals[3]" (the [[actuals]] header of the fourth row).
//
// BurntSushi/toml does not export key positions, so this small scanner
// does. It is only run on text the TOML parser has accepted, but it never
// panics and always terminates on any input: on something it does not
// expect it skips to the next line.
func scanPositions(src string) map[string]position {
	s := &scanner{src: src, line: 1, pos: make(map[string]position), arrays: make(map[string]int)}
	if strings.HasPrefix(s.src, "\ufeff") {
		s.i = 3
		s.lineStart = 3
	}
	s.document()
	return s.pos
}

type scanner struct {
	src       string
	i         int // byte offset of the next byte
	line      int // current line, 1-based
	lineStart int // byte offset where the current line starts
	table     string
	pos       map[string]position
	arrays    map[string]int // array-of-tables path → number of elements so far
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) here() position { return position{Line: s.line, Col: s.i - s.lineStart + 1} }

// advance moves one byte on, keeping line accounting.
func (s *scanner) advance() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

func (s *scanner) record(path string, p position) {
	if path == "" {
		return
	}
	if _, ok := s.pos[path]; !ok {
		s.pos[path] = p
	}
}

// skipSpace skips blanks, and newlines and comments too when nl is true.
func (s *scanner) skipSpace(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && nl:
			s.advance()
		case c == '#' && nl:
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.advance()
	}
	s.advance()
}

func (s *scanner) document() {
	for !s.eof() {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		start := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		s.skipSpace(false)
		if s.peek() == '#' || s.peek() == '\n' || s.i == start {
			s.skipLine()
		}
	}
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (s *scanner) header() {
	p := s.here()
	s.advance()
	array := s.peek() == '['
	if array {
		s.advance()
	}
	s.skipSpace(false)
	parts := s.key()
	if len(parts) == 0 {
		s.table = ""
		return
	}
	path := ""
	for i, k := range parts {
		path = join(path, k)
		if i == len(parts)-1 {
			break
		}
		if n := s.arrays[path]; n > 0 {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	if array {
		n := s.arrays[path]
		s.arrays[path] = n + 1
		path += "[" + strconv.Itoa(n) + "]"
	}
	s.record(path, p)
	s.table = path
	for !s.eof() && s.peek() != '\n' && s.peek() != '#' {
		s.advance()
	}
}

// keyValue reads key = value inside the table prefix.
func (s *scanner) keyValue(prefix string) {
	p := s.here()
	parts := s.key()
	if len(parts) == 0 {
		return
	}
	path := prefix
	for _, k := range parts {
		path = join(path, k)
		s.record(path, p)
	}
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.advance()
	s.skipSpace(false)
	s.value(path, p)
}

// key reads a dotted key and returns its parts, unquoted.
func (s *scanner) key() []string {
	var parts []string
	for !s.eof() {
		s.skipSpace(false)
		switch c := s.peek(); {
		case c == '"':
			parts = append(parts, s.basicString())
		case c == '\'':
			parts = append(parts, s.literalString())
		case isBare(c):
			j := s.i
			for !s.eof() && isBare(s.peek()) {
				s.advance()
			}
			parts = append(parts, s.src[j:s.i])
		default:
			return parts
		}
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts
		}
		s.advance()
	}
	return parts
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value reads one value; p is where its key (or element) starts.
func (s *scanner) value(path string, p position) {
	start := s.i
	switch c := s.peek(); {
	case c == '[':
		s.advance()
		for n := 0; !s.eof(); n++ {
			s.skipSpace(true)
			if s.peek() == ']' {
				break
			}
			j := s.i
			s.value(path+"["+strconv.Itoa(n)+"]", s.here())
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			} else if s.i == j {
				break
			}
		}
		s.advance()
		return
	case c == '{':
		s.advance()
		for !s.eof() {
			s.skipSpace(true)
			if s.peek() == '}' {
				break
			}
			j := s.i
			s.keyValue(path)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.advance()
			} else if s.i == j {
				break
			}
		}
		s.advance()
		return
	case strings.HasPrefix(s.src[s.i:], `"""`):
		s.multiline(`"""`)
	case strings.HasPrefix(s.src[s.i:], `'''`):
		s.multiline(`'''`)
	case c == '"':
		s.basicString()
	case c == '\'':
		s.literalString()
	default:
		for !s.eof() && !strings.ContainsRune(",]}#\n", rune(s.peek())) {
			s.advance()
		}
	}
	p.Raw = strings.TrimRight(s.src[start:s.i], " \t\r")
	if path != "" {
		s.pos[path] = p
	}
}

// basicString reads a "…" string and returns its value.
func (s *scanner) basicString() string {
	s.advance()
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		switch c {
		case '"':
			s.advance()
			return b.String()
		case '\n':
			return b.String()
		case '\\':
			s.advance()
			e := s.peek()
			s.advance()
			switch e {
			case 'b':
				b.WriteByte('\b')
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'f':
				b.WriteByte('\f')
			case 'r':
				b.WriteByte('\r')
			case 'e':
				b.WriteByte(0x1b)
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if s.i+n <= len(s.src) {
					if r, err := strconv.ParseUint(s.src[s.i:s.i+n], 16, 32); err == nil && utf8.ValidRune(rune(r)) {
						b.WriteRune(rune(r))
					}
					for range n {
						s.advance()
					}
				}
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
			s.advance()
		}
	}
	return b.String()
}

// literalString reads a '…' string and returns its value.
func (s *scanner) literalString() string {
	s.advance()
	j := s.i
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.advance()
	}
	v := s.src[j:s.i]
	if s.peek() == '\'' {
		s.advance()
	}
	return v
}

// multiline skips a """…""" or ”'…”' string.
func (s *scanner) multiline(delim string) {
	for range 3 {
		s.advance()
	}
	for !s.eof() {
		if delim == `"""` && s.peek() == '\\' {
			s.advance()
			s.advance()
			continue
		}
		if strings.HasPrefix(s.src[s.i:], delim) {
			for range 3 {
				s.advance()
			}
			// Up to two more quotes may belong to the string.
			for k := 0; k < 2 && s.peek() == delim[0]; k++ {
				s.advance()
			}
			return
		}
		s.advance()
	}
}

// join appends key to path with a dot.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// layout is the structure of a plan file as EncodeOver edits it: its
// tables in file order, each with the byte spans of its header, its keys
// and their values. Offsets are into the scanned text.
type layout struct {
	tables []*ltable
	// exotic says why the file's layout is not one the editor changes in
	// place (a dotted key, an inline array of tables, an unknown table,
	// text after a value …); "" when it is.
	exotic Msg
}

// ltable is one table of the file: the root (name ""), a [table] or one
// [[array]] entry.
type ltable struct {
	name  string
	array bool
	// lead is where the comment lines directly above the header start
	// (no blank line between them and the header): they belong to the
	// table. It is the header's own line start when there are none.
	lead int
	// body is the offset just after the header line (0 for the root).
	body int
	keys []lkey
	// end is the offset just after the last line of the table's content:
	// its header, its keys and the comment lines among them, not the
	// blank lines or the next table's leading comments that follow.
	end int
}

// lkey is one key = value of a table.
type lkey struct {
	key      string
	line     int // offset of the start of the key's line
	valStart int // offset of the first byte of the value
	valEnd   int // offset just after the value's last byte
	end      int // offset just after the newline that ends the key's (last) line
}

// knownTables are the tables a plan file may hold, array or not.
var knownTables = map[string]bool{
	"plan": false, "business": false, "funnel": false, "simulation": false, "tracking": false,
	"objectives": true, "channels": true, "scenarios": true, "scenarios.channel": true, "actuals": true,
}

// scanLayout returns the layout of src, a text the TOML parser accepted.
// Like scanPositions it never panics and always terminates; on a shape it
// does not edit it sets exotic.
func scanLayout(src string) *layout {
	s := &scanner{src: src, line: 1, pos: make(map[string]position), arrays: make(map[string]int)}
	if strings.HasPrefix(s.src, "\ufeff") {
		s.i = 3
		s.lineStart = 3
	}
	l := &layout{}
	cur := &ltable{lead: s.i, body: s.i, end: s.i}
	l.tables = append(l.tables, cur)
	runStart := -1 // start of the comment lines just above, or -1
	for !s.eof() && l.exotic.Code == "" {
		lineStart := s.i
		for s.peek() == ' ' || s.peek() == '\t' {
			s.advance()
		}
		switch c := s.peek(); {
		case s.eof():
		case c == '\n' || c == '\r':
			s.skipLine()
			if runStart >= 0 {
				cur.end = lineStart // a comment run followed by a blank line is the table's own
				runStart = -1
			}
		case c == '#':
			s.skipLine()
			if runStart < 0 {
				runStart = lineStart
			}
		case c == '[':
			array := strings.HasPrefix(s.src[s.i:], "[[")
			s.advance()
			if array {
				s.advance()
			}
			s.skipSpace(false)
			name := strings.Join(s.key(), ".")
			s.skipSpace(false)
			if !strings.HasPrefix(s.src[s.i:], "]") || (array && !strings.HasPrefix(s.src[s.i:], "]]")) {
				l.exotic = msgf(msgLayoutHeader)
				break
			}
			s.advance()
			if array {
				s.advance()
			}
			if a, ok := knownTables[name]; !ok || a != array {
				l.exotic = msgf(msgLayoutTable, s.src[lineStart:s.i])
				break
			}
			if !s.lineEnd() {
				l.exotic = msgf(msgLayoutAfterHeader)
				break
			}
			lead := lineStart
			if runStart >= 0 {
				lead = runStart
			}
			runStart = -1
			cur = &ltable{name: name, array: array, lead: lead, body: s.i, end: s.i}
			l.tables = append(l.tables, cur)
		default:
			if runStart >= 0 {
				cur.end = s.i // comment lines above a key belong to the table
				runStart = -1
			}
			parts := s.key()
			if len(parts) != 1 {
				l.exotic = msgf(msgLayoutDotted)
				break
			}
			s.skipSpace(false)
			if s.peek() != '=' {
				l.exotic = msgf(msgLayoutNoValue)
				break
			}
			s.advance()
			s.skipSpace(false)
			k := lkey{key: parts[0], line: lineStart, valStart: s.i}
			if (cur.name == "" && parts[0] != "format") || s.peek() == '[' && strings.HasPrefix(strings.TrimLeft(s.src[s.i+1:], " \t\r\n"), "{") {
				l.exotic = msgf(msgLayoutTopKey, parts[0])
				break
			}
			s.value("", position{})
			k.valEnd = s.i
			for k.valEnd > k.valStart && strings.ContainsRune(" \t\r", rune(s.src[k.valEnd-1])) {
				k.valEnd--
			}
			if !s.lineEnd() {
				l.exotic = msgf(msgLayoutAfterValue, parts[0])
				break
			}
			k.end = s.i
			cur.keys = append(cur.keys, k)
			cur.end = s.i
		}
	}
	if runStart >= 0 {
		cur.end = len(src) // comment lines at the end of the file belong to the last table
	}
	return l
}

// lineEnd skips blanks and an end-of-line comment, then the newline, and
// reports whether nothing else stood on the line.
func (s *scanner) lineEnd() bool {
	s.skipSpace(false)
	if s.peek() == '#' {
		for !s.eof() && s.peek() != '\n' {
			s.advance()
		}
	}
	if s.eof() {
		return true
	}
	if s.peek() != '\n' {
		return false
	}
	s.advance()
	return true
}
