package plan

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// fileComment is one comment of a plan file and the key or table it
// belongs to.
type fileComment struct {
	text   string // from "#" to the end of the line, trimmed
	anchor string // the path of the key or table (see scanPositions)
	eol    bool   // written after a value, on its line; else on lines above
	blank  bool   // a blank line followed it in the file (comments above only)
}

// keepComments writes p in Encode's canonical layout and carries every
// comment of original (read as old) over to the key or table it stood
// above or beside: the fallback of EncodeOver for layouts it does not
// edit in place. Array entries are followed by identity (as EncodeOver
// matches them); the comments of an entry p removed go with it. A comment
// whose key p no longer has goes to the nearest table p has.
func keepComments(original string, old, p Plan) (string, bool) {
	canon, err := Encode(p)
	if err != nil {
		return "", false
	}
	out := string(canon)
	outPos := scanPositions(out)
	lines := strings.SplitAfter(out, "\n")
	lineOf := func(path string) (int, bool) {
		for a := path; a != ""; a = parent(a) {
			for _, b := range []string{a, a + "[0]"} { // an array's name: its first entry
				if pos, ok := outPos[b]; ok && pos.Line >= 1 && pos.Line <= len(lines) {
					return pos.Line - 1, true
				}
			}
		}
		return 0, false
	}
	remap := indexMap(old, p)
	above := map[int][]string{} // comment lines to write above each line of out
	eol := map[int]string{}
	var tail []string
	for _, c := range commentsOf(original) {
		path, ok := remapPath(c.anchor, remap)
		if !ok {
			continue // a comment of an entry p removed
		}
		l, found := lineOf(path)
		switch {
		case !found:
			tail = append(tail, c.text)
		case c.eol && !strings.Contains(lines[l], `"""`):
			eol[l] += " " + c.text
		default:
			above[l] = append(above[l], c.text)
			if c.blank && !c.eol {
				above[l] = append(above[l], "")
			}
		}
	}
	var b strings.Builder
	if strings.HasPrefix(original, "\ufeff") {
		b.WriteString("\ufeff")
	}
	for i, line := range lines {
		for _, c := range above[i] {
			b.WriteString(c + "\n")
		}
		if e, ok := eol[i]; ok {
			line = strings.TrimSuffix(line, "\n") + e + "\n"
		}
		b.WriteString(line)
	}
	if len(tail) > 0 {
		b.WriteString("\n" + strings.Join(tail, "\n") + "\n")
	}
	text := b.String()
	if strings.Contains(original, "\r\n") {
		text = crlf(text)
	}
	return text, true
}

// crlf turns the line endings of a canonical text into CRLF, except the
// newlines inside a multi-line string (context), which are part of its
// value. Encode escapes every quote inside strings, so a line holds
// three quotes only where a multi-line string opens or closes.
func crlf(text string) string {
	var b strings.Builder
	inside := false
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.Count(line, `"""`)%2 == 1 {
			inside = !inside
		}
		if !inside && strings.HasSuffix(line, "\n") {
			line = strings.TrimSuffix(line, "\n") + "\r\n"
		}
		b.WriteString(line)
	}
	return b.String()
}

// commentsOf returns the comments of src in file order, each with the
// path of the key or table it belongs to: a comment on a line of its own
// belongs to the next key or table header, a comment after a value to the
// key of its line. "#" inside strings is no comment.
func commentsOf(src string) []fileComment {
	pos := scanPositions(src)
	// The path that starts on each line: the leftmost, and the longest
	// among those (plan.title rather than plan for a dotted key).
	type start struct {
		col  int
		path string
	}
	starts := map[int]start{}
	for path, p := range pos {
		s, ok := starts[p.Line]
		if !ok || p.Col < s.col || p.Col == s.col && len(path) > len(s.path) {
			starts[p.Line] = start{p.Col, path}
		}
	}
	lineNums := make([]int, 0, len(starts))
	for l := range starts {
		lineNums = append(lineNums, l)
	}
	sort.Ints(lineNums)
	next := func(line int) string { // the first path starting after line
		i := sort.SearchInts(lineNums, line+1)
		if i < len(lineNums) {
			return starts[lineNums[i]].path
		}
		return ""
	}
	var out []fileComment
	line, lineStart := 1, 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			line++
			lineStart = i + 1
		case strings.HasPrefix(src[i:], `"""`), strings.HasPrefix(src[i:], "'''"):
			delim := src[i : i+3]
			j := strings.Index(src[i+3:], delim)
			if j < 0 {
				return out
			}
			for _, ch := range src[i : i+3+j+3] {
				if ch == '\n' {
					line++
				}
			}
			if k := strings.LastIndexByte(src[:i+3+j+3], '\n'); k >= lineStart {
				lineStart = k + 1
			}
			i += 3 + j + 2
		case c == '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			if i < len(src) && src[i] == '\n' {
				i--
			}
		case c == '\'':
			for i++; i < len(src) && src[i] != '\'' && src[i] != '\n'; i++ {
			}
			if i < len(src) && src[i] == '\n' {
				i--
			}
		case c == '#':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			fc := fileComment{text: strings.TrimRight(src[i:i+j], " \t\r")}
			if strings.TrimSpace(strings.TrimPrefix(src[lineStart:i], "\ufeff")) == "" {
				fc.anchor = next(line)
				rest := src[i+j:]
				fc.blank = strings.HasPrefix(rest, "\n\n") || strings.HasPrefix(rest, "\n\r\n")
			} else {
				fc.eol = true
				if s, ok := starts[line]; ok {
					fc.anchor = s.path
				} else {
					fc.anchor = next(line)
				}
			}
			out = append(out, fc)
			i += j - 1
		}
	}
	return out
}

// indexRe reads the array entries a path starts with: "channels[2]",
// "scenarios[1].channel[0]".
var indexRe = regexp.MustCompile(`^(objectives|channels|scenarios|actuals)\[(\d+)\](?:\.channel\[(\d+)\])?`)

// indexMap says where each array entry of old is in p: key "channels[2]"
// (or "scenarios[1].channel[0]") → the same in p, or "" when p removed it.
func indexMap(old, p Plan) map[string]string {
	ow, nw := &writer{}, &writer{}
	olds, news := byName(sections(ow, old)), byName(sections(nw, p))
	m := map[string]string{}
	for _, name := range []string{"objectives", "channels", "scenarios", "actuals"} {
		match := matchEntries(olds[name], news[name])
		for i, j := range match {
			from := fmt.Sprintf("%s[%d]", name, i)
			if j < 0 {
				m[from] = ""
				continue
			}
			m[from] = fmt.Sprintf("%s[%d]", name, j)
			if name == "scenarios" {
				for ci, cj := range matchEntries(olds[name][i].children, news[name][j].children) {
					key := fmt.Sprintf("%s.channel[%d]", from, ci)
					if cj < 0 {
						m[key] = ""
					} else {
						m[key] = fmt.Sprintf("%s.channel[%d]", m[from], cj)
					}
				}
			}
		}
	}
	return m
}

// matchEntries returns, for each old entry, the index of the same entry
// in news, or -1: by id, then by likeness as EncodeOver pairs them.
func matchEntries(olds, news []section) []int {
	out := make([]int, len(olds))
	taken := make([]bool, len(news))
	byID := map[string][]int{}
	for j, n := range news {
		byID[n.id] = append(byID[n.id], j)
	}
	lost, free := 0, 0
	for i, o := range olds {
		out[i] = -1
		if js := byID[o.id]; len(js) > 0 {
			out[i], taken[js[0]] = js[0], true
			byID[o.id] = js[1:]
		} else {
			lost++
		}
	}
	for _, t := range taken {
		if !t {
			free++
		}
	}
	for i, o := range olds {
		if out[i] >= 0 || lost*free > maxPairings {
			continue
		}
		best, bestScore := -1, -1
		for j, n := range news {
			if taken[j] {
				continue
			}
			if sc, ok := likeness(o, n); ok && sc > bestScore {
				best, bestScore = j, sc
			}
		}
		if best >= 0 {
			out[i], taken[best] = best, true
		}
	}
	return out
}

// remapPath moves a path of old's entries to p's; false when its entry
// was removed.
func remapPath(path string, m map[string]string) (string, bool) {
	loc := indexRe.FindStringSubmatchIndex(path)
	if loc == nil {
		return path, true
	}
	prefix := path[:loc[1]]
	if to, ok := m[prefix]; ok {
		if to == "" {
			return "", false
		}
		return to + path[loc[1]:], true
	}
	if loc[6] >= 0 { // a scenario's channel the map lacks: move the scenario only
		outer := path[:loc[5]+1]
		if to, ok := m[outer]; ok && to != "" {
			return to + path[len(outer):], true
		}
	}
	return "", false
}
