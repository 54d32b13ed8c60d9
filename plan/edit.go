package plan

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"
)

// ErrLayout is the error EditOver wraps when it cannot write the plan over
// its original text changing only the lines that changed, and EncodeOver
// when it cannot write it without losing something the user wrote; the
// message says why.
var ErrLayout = errors.New("the layout of the file cannot be kept")

// LayoutError is the error wrapping ErrLayout: Why says what in the
// file's layout the editor cannot keep, as a catalog message (a dotted
// key, text after a value, a table it does not know…), which
// display.Text words in the reader's language.
type LayoutError struct{ Why Msg }

// Error says it in English.
func (e *LayoutError) Error() string {
	return "plan: " + ErrLayout.Error() + ": " + e.Why.String()
}

// Unwrap returns ErrLayout.
func (e *LayoutError) Unwrap() error { return ErrLayout }

// EncodeOver returns the text of plan p written over original, the text
// it was read from, as Python's tomlkit and Rust's toml_edit do: only what
// changed is rewritten, and every comment, blank line and key order of
// original is kept (FORMAT.md "More commands"). With an empty original (a
// new plan) it is Encode.
//
// The plan read from original and p are both turned into Encode's
// canonical tables and compared table by table and key by key:
//   - a key whose canonical text is the same in both is left exactly as
//     written, even when written otherwise (budget = 5000 stays so);
//   - a changed value is replaced in place, in the plan's own form (a
//     decimal as a quoted string), keeping an end-of-line comment; an
//     inline table (ranges, factors, engagement_weights) or a list
//     (active_months) is replaced as a whole value;
//   - a key p has and the file lacks is inserted after the table's last
//     key, unless its value is the default the file already meant by
//     leaving it out;
//   - a key back to its default or unset (one Encode leaves out) has its
//     line removed;
//   - a table Encode writes that the file lacks ([funnel], [simulation],
//     [tracking]) is inserted where Encode's layout puts it: after the
//     last table of the kinds that come before it;
//   - the [funnel] of a plan turned b2c is removed with the comment lines
//     directly above its header; a [tracking] table whose weights are
//     cleared keeps its header and its comments.
//
// Entries of arrays of tables keep their identity: channels and
// objectives by id, scenarios by name, a scenario's [[scenarios.channel]]
// by id, actuals by channel and month. An entry of p whose id the file
// lacks is the entry of the file, itself unmatched, that shares the most
// key = value lines with it, when they share at least half of them: the
// same entry with its id edited, so its comments stay. Otherwise it is
// new, and the unmatched entry of the file is removed. An entry the
// file has and p has not is removed — its header, its keys, the comment
// lines directly above its header (they belong to it) and the blank lines
// after it; an entry p adds is appended after the last entry of its kind
// (or inserted before the entry that follows it in p, so that the order
// is p's), in Encode's layout. Entries p reorders move with their
// comments.
//
// The result is checked: Decode of it must give back p as the encoder
// sees it (Encode of both is the same). A p that does not pass Validate
// (a plan saved halfway through an edit) is written all the same: its
// text must then read back as the decoder reads it before validation.
//
// When the file's layout defeats the editor — dotted keys,
// `channels = [{ … }]` inline arrays, subtables such as
// [channels.ranges] — EncodeOver falls back to Encode's canonical layout
// and carries every comment over to the key or table it stood above or
// beside (keepComments): the values and comments are kept, the layout is
// not. Only when even that cannot be done (an original that is no plan
// file) does it return an error wrapping ErrLayout that says why, and no
// text. EncodeOver also fails, as Encode does, on text of p that is not
// valid UTF-8.
func EncodeOver(original []byte, p Plan) ([]byte, error) {
	out, err := EditOver(original, p)
	if !errors.Is(err, ErrLayout) {
		return out, err
	}
	old, ok := readBack(original)
	if !ok {
		return nil, err
	}
	text, ok := keepComments(string(original), old, p)
	if want, encErr := Encode(p); !ok || encErr != nil || !readsBackAs(text, want) {
		return nil, err
	}
	return []byte(text), nil
}

// EditOver is EncodeOver without its fallback: it returns the text of p
// written over original with only the changed lines differing, or an
// error wrapping ErrLayout when the file's layout does not allow that
// (campaignsim-cli set, which promises that only the changed lines
// differ, refuses such a file rather than lay it out anew).
func EditOver(original []byte, p Plan) ([]byte, error) {
	want, err := Encode(p)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(original, []byte("\ufeff")))) == 0 {
		return want, nil
	}
	out, why := editOver(original, p)
	if why.Code == "" && !readsBackAs(string(out), want) {
		why = msgf(msgLayoutReadBack)
	}
	if why.Code != "" {
		return nil, &LayoutError{why}
	}
	return out, nil
}

// readsBackAs reports whether text decodes (see readBack) to the plan
// whose Encode is want, as the encoder sees it.
func readsBackAs(text string, want []byte) bool {
	q, ok := readBack([]byte(text))
	if !ok {
		return false
	}
	got, err := Encode(q)
	return err == nil && bytes.Equal(got, want)
}

// textEdit replaces src[start:end] with text; start == end inserts.
type textEdit struct {
	start, end int
	text       string
}

// entry is one table of the file with the [[scenarios.channel]] tables
// that belong to it (a scenario's).
type entry struct {
	t        *ltable
	children []entry
	last     *ltable // its last table: t or the last child
}

// editor holds what EditOver works on.
type editor struct {
	src  string
	lay  *layout
	nl   string          // the file's line ending
	next map[*ltable]int // where the table after each table starts (its lead), or len(src)
}

// editOver computes the edited text, or says why it cannot.
func editOver(original []byte, p Plan) ([]byte, Msg) {
	old, ok := readBack(original)
	if !ok {
		return nil, msgf(msgLayoutNotPlan)
	}
	src := string(original)
	addedNL := !strings.HasSuffix(src, "\n")
	nl := "\n"
	if strings.Contains(src, "\r\n") {
		nl = "\r\n"
	}
	if addedNL {
		src += nl
	}
	lay := scanLayout(src)
	if lay.exotic.Code != "" {
		return nil, msgf(msgLayoutFileHas, lay.exotic)
	}
	e := &editor{src: src, lay: lay, nl: nl, next: map[*ltable]int{}}
	for i, t := range lay.tables {
		if i+1 < len(lay.tables) {
			e.next[t] = lay.tables[i+1].lead
		} else {
			e.next[t] = len(src)
		}
	}

	// The file's tables by kind, in file order (which is the decoder's).
	fixed := map[string]*entry{}
	arrays := map[string][]entry{}
	for _, t := range lay.tables[1:] {
		switch {
		case t.name == "scenarios.channel":
			sc := arrays["scenarios"]
			if len(sc) == 0 {
				return nil, msgf(msgLayoutScenChannelFirst)
			}
			parent := &sc[len(sc)-1]
			parent.children = append(parent.children, entry{t: t, last: t})
			parent.last = t
		case t.array:
			arrays[t.name] = append(arrays[t.name], entry{t: t, last: t})
		default:
			fixed[t.name] = &entry{t: t, last: t}
		}
	}
	ow, nw := &writer{}, &writer{}
	oldDoc, newDoc := sections(ow, old), sections(nw, p)
	if ow.err != nil || nw.err != nil {
		return nil, msgf(msgLayoutUTF8)
	}
	oldBy, newBy := byName(oldDoc), byName(newDoc)
	for _, name := range []string{"objectives", "channels", "scenarios", "actuals"} {
		if len(arrays[name]) != len(oldBy[name]) {
			return nil, msgf(msgLayoutCount, "[["+name+"]]")
		}
	}
	for i, sc := range arrays["scenarios"] {
		if len(sc.children) != len(oldBy["scenarios"][i].children) {
			return nil, msgf(msgLayoutCount, "[[scenarios.channel]]")
		}
	}

	var edits []textEdit
	removed := map[string]bool{} // kinds whose only table is removed
	kept := func(name string) []entry {
		if f := fixed[name]; f != nil {
			if removed[name] {
				return nil
			}
			return []entry{*f}
		}
		return arrays[name]
	}
	// insertAt is where a first table of kind name goes: after the last
	// table of the kinds before it in Encode's order.
	insertAt := func(name string, drop map[*ltable]bool) int {
		at := lay.tables[0].end
		for _, k := range canonicalOrder {
			if k == name {
				break
			}
			for _, en := range kept(k) {
				if !drop[en.t] {
					at = max(at, en.last.end)
				}
			}
		}
		return at
	}
	dropped := map[*ltable]bool{}

	for _, name := range []string{"plan", "business", "funnel", "simulation", "tracking"} {
		f := fixed[name]
		ot, nt := first(oldBy[name]), first(newBy[name])
		switch {
		case f != nil && nt == nil && ot != nil && name == "funnel":
			// A b2c plan must not have a [funnel]: it goes, with the
			// comment lines above it.
			edits = append(edits, e.removal(*f, len(src)))
			removed[name] = true
			dropped[f.t] = true
		case f != nil && (nt != nil || ot != nil):
			// [tracking] without weights keeps its header and comments.
			if ot == nil {
				ot = &section{}
			}
			if nt == nil {
				nt = &section{}
			}
			ed, ok := e.entryEdit(*f, *ot, *nt)
			if !ok {
				return nil, msgf(msgLayoutOverlapIn, "["+name+"]")
			}
			edits = append(edits, ed...)
		}
	}
	var arrayEdits []textEdit
	for _, name := range []string{"objectives", "channels", "scenarios", "actuals"} {
		ed, drops, ok := e.arrayEdits(arrays[name], oldBy[name], newBy[name], -1, len(src), false)
		if !ok {
			return nil, msgf(msgLayoutOverlapIn, "[["+name+"]]")
		}
		arrayEdits = append(arrayEdits, ed...)
		for t := range drops {
			dropped[t] = true
		}
	}
	// Now that removals are known, place the new tables and the first
	// entries of an array, in Encode's order.
	deferred := map[string]string{}
	for _, ed := range arrayEdits {
		if ed.start < 0 {
			name, text, _ := strings.Cut(ed.text, "\x00")
			deferred[name] = text
			continue
		}
		edits = append(edits, ed)
	}
	for _, name := range []string{"funnel", "simulation", "tracking"} {
		ot, nt := first(oldBy[name]), first(newBy[name])
		if fixed[name] != nil || nt == nil || ot != nil && sameSection(*ot, *nt) {
			continue
		}
		deferred[name] = nl + e.block(*nt)
	}
	for _, name := range canonicalOrder {
		if text, ok := deferred[name]; ok {
			at := insertAt(name, dropped)
			edits = append(edits, textEdit{at, at, text})
		}
	}
	out, ok := apply(src, 0, len(src), edits)
	if !ok {
		return nil, msgf(msgLayoutOverlap)
	}
	if addedNL {
		out = strings.TrimSuffix(out, nl)
	}
	return []byte(out), Msg{}
}

// readBack decodes data as Decode does, and, when Decode refuses it only
// because the plan does not validate, as the decoder reads it without
// validation: a plan being edited may be saved before it is valid, and
// its text must then read back just as well.
func readBack(data []byte) (Plan, bool) {
	if p, err := Decode("", data); err == nil {
		return p, true
	}
	if len(data) > MaxFileSize || !utf8.Valid(data) {
		return Plan{}, false
	}
	src := string(data)
	raw, err := parseTOML(src)
	if err != nil {
		return Plan{}, false
	}
	d := &decoder{pos: scanPositions(src), bad: map[string]bool{}}
	p := d.plan(raw)
	return p, len(d.errs) == 0
}

// byName groups canonical sections by table name.
func byName(doc []section) map[string][]section {
	m := map[string][]section{}
	for _, s := range doc {
		m[s.name] = append(m[s.name], s)
	}
	return m
}

func first(s []section) *section {
	if len(s) == 0 {
		return nil
	}
	return &s[0]
}

// sameSection reports whether two canonical sections write the same text.
func sameSection(a, b section) bool {
	if !slices.Equal(a.keys, b.keys) || len(a.children) != len(b.children) {
		return false
	}
	for i := range a.children {
		if !sameSection(a.children[i], b.children[i]) {
			return false
		}
	}
	return true
}

// block writes a canonical section as new text, in the file's line ending.
func (e *editor) block(s section) string {
	w := &writer{}
	s.write(w)
	return strings.ReplaceAll(w.buf.String(), "\n", e.nl)
}

// region is the span of an entry: from its leading comments to the end
// of its last table's content.
func region(en entry) (int, int) { return en.t.lead, en.last.end }

// removal removes an entry with its leading comments and the blank lines
// after it, up to the next table or limit; at limit, the blank lines
// before it go too, so that nothing is left dangling.
func (e *editor) removal(en entry, limit int) textEdit {
	start, stop := en.t.lead, min(e.next[en.last], limit)
	if stop == limit {
		for start > 0 {
			j := strings.LastIndexByte(e.src[:start-1], '\n') + 1
			if strings.TrimSpace(e.src[j:start]) != "" {
				break
			}
			start = j
		}
	}
	return textEdit{start, stop, ""}
}

// tableEdits edits the keys of table t from the canonical old to new.
func (e *editor) tableEdits(t *ltable, old, new section) []textEdit {
	var edits []textEdit
	inFile := map[string]bool{}
	for _, k := range t.keys {
		inFile[k.key] = true
		o, inOld := old.value(k.key)
		n, inNew := new.value(k.key)
		switch {
		case inNew && (!inOld || o != n):
			edits = append(edits, textEdit{k.valStart, k.valEnd, n})
			// Comments written inside a value over several lines move to
			// the lines above its key, rather than go with the old value.
			if cs := valueComments(e.src[k.valStart:k.valEnd]); len(cs) > 0 {
				indent := e.src[k.line : k.line+len(e.src[k.line:])-len(strings.TrimLeft(e.src[k.line:], " \t"))]
				var b strings.Builder
				for _, c := range cs {
					b.WriteString(indent + c + e.nl)
				}
				edits = append(edits, textEdit{k.line, k.line, b.String()})
			}
		case !inNew && inOld:
			edits = append(edits, textEdit{k.line, k.end, ""})
		}
	}
	var add strings.Builder
	for _, k := range new.keys {
		if inFile[k.key] {
			continue
		}
		if o, ok := old.value(k.key); ok && o == k.text {
			continue // the default the file meant by leaving the key out
		}
		add.WriteString(k.key + " = " + k.text + e.nl)
	}
	if add.Len() > 0 {
		at := t.body
		if len(t.keys) > 0 {
			at = t.keys[len(t.keys)-1].end
		}
		edits = append(edits, textEdit{at, at, add.String()})
	}
	return edits
}

// entryEdit returns the edits that turn entry en (canonical old) into new:
// one replacement of its region, or none when nothing changed.
func (e *editor) entryEdit(en entry, old, new section) ([]textEdit, bool) {
	text, ok := e.entryText(en, old, new)
	if !ok {
		return nil, false
	}
	start, end := region(en)
	if text == e.src[start:end] {
		return nil, true
	}
	return []textEdit{{start, end, text}}, true
}

// entryText returns the text of entry en edited from old to new.
func (e *editor) entryText(en entry, old, new section) (string, bool) {
	start, end := region(en)
	edits := e.tableEdits(en.t, old, new)
	if len(en.children) > 0 || len(new.children) > 0 {
		ce, _, ok := e.arrayEdits(en.children, old.children, new.children, en.t.end, end, true)
		if !ok {
			return "", false
		}
		edits = append(edits, ce...)
	}
	return apply(e.src, start, end, edits)
}

// arrayEdits edits the entries of one array of tables, in file order
// (matching the canonical olds), into news. New entries with no entry
// after them go at insertAt; -1 means "not known yet": such an edit has
// start -1 and its text is the table name, a NUL, then the text. limit is
// the end of the container (the file, or the scenario). It also returns
// the tables it removes.
func (e *editor) arrayEdits(entries []entry, olds, news []section, insertAt, limit int, child bool) ([]textEdit, map[*ltable]bool, bool) {
	used := make([]bool, len(olds))
	match := make([]int, len(news))
	byID := map[string][]int{} // the file's entries of each id, in order
	for i, o := range olds {
		byID[o.id] = append(byID[o.id], i)
	}
	for j, n := range news {
		match[j] = -1
		if is := byID[n.id]; len(is) > 0 {
			match[j], used[is[0]] = is[0], true
			byID[n.id] = is[1:]
		}
	}
	// Entries whose id was edited: an entry of p that matches no id is
	// the unmatched entry of the file most like it.
	var lostOld, newNew []int
	for i := range olds {
		if !used[i] {
			lostOld = append(lostOld, i)
		}
	}
	for j := range news {
		if match[j] < 0 {
			newNew = append(newNew, j)
		}
	}
	if len(lostOld)*len(newNew) <= maxPairings {
		for _, j := range newNew {
			best, bestScore := -1, -1
			for _, i := range lostOld {
				if used[i] {
					continue
				}
				if sc, ok := likeness(olds[i], news[j]); ok && sc > bestScore {
					best, bestScore = i, sc
				}
			}
			if best >= 0 {
				match[j], used[best] = best, true
			}
		}
	}
	var edits []textEdit
	drops := map[*ltable]bool{}
	var slots []int // the kept entries, in file order
	for i, en := range entries {
		if used[i] {
			slots = append(slots, i)
		} else {
			edits = append(edits, e.removal(en, limit))
			drops[en.t] = true
		}
	}
	if len(slots) > 0 {
		insertAt = entries[slots[len(slots)-1]].last.end
	}
	k := 0 // the next slot to fill, in p's order
	var pending strings.Builder
	for j, n := range news {
		i := match[j]
		if i < 0 {
			if child {
				pending.WriteString(e.block(n))
			} else {
				pending.WriteString(e.block(n) + e.nl)
			}
			continue
		}
		slot := entries[slots[k]]
		k++
		text, ok := e.entryText(entries[i], olds[i], n)
		if !ok {
			return nil, nil, false
		}
		start, end := region(slot)
		if pending.Len() > 0 {
			edits = append(edits, textEdit{start, start, pending.String()})
			pending.Reset()
		}
		if text != e.src[start:end] {
			edits = append(edits, textEdit{start, end, text})
		}
	}
	if pending.Len() > 0 {
		text := pending.String()
		if !child {
			text = e.nl + strings.TrimSuffix(text, e.nl)
		}
		if insertAt < 0 {
			edits = append(edits, textEdit{-1, -1, news[0].name + "\x00" + text})
		} else {
			edits = append(edits, textEdit{insertAt, insertAt, text})
		}
	}
	return edits, drops, true
}

// valueComments returns the comments written inside a TOML value (a list
// or an inline table over several lines), each from its "#" to the end of
// its line, trimmed; "#" inside strings is no comment.
func valueComments(v string) []string {
	var out []string
	for i := 0; i < len(v); i++ {
		switch {
		case strings.HasPrefix(v[i:], `"""`), strings.HasPrefix(v[i:], "'''"):
			delim := v[i : i+3]
			j := strings.Index(v[i+3:], delim)
			if j < 0 {
				return out
			}
			i += 3 + j + 2
		case v[i] == '"':
			for i++; i < len(v) && v[i] != '"' && v[i] != '\n'; i++ {
				if v[i] == '\\' {
					i++
				}
			}
		case v[i] == '\'':
			for i++; i < len(v) && v[i] != '\'' && v[i] != '\n'; i++ {
			}
		case v[i] == '#':
			j := strings.IndexByte(v[i:], '\n')
			if j < 0 {
				j = len(v) - i
			}
			out = append(out, strings.TrimRight(v[i:i+j], " \t\r"))
			i += j
		}
	}
	return out
}

// maxPairings bounds the work of pairing renamed entries (unmatched
// entries of the file × unmatched entries of p); beyond it they are
// removed and added.
const maxPairings = 4096

// likeness returns how many key = value lines (children's included) two
// entries share, and whether that is at least half of the longer one's:
// then they are one entry whose id was edited.
func likeness(a, b section) (int, bool) {
	count := map[string]int{}
	lines := func(s section, f func(string)) {
		for _, k := range s.keys {
			f(k.key + "=" + k.text)
		}
		for _, c := range s.children {
			for _, k := range c.keys {
				f("child " + k.key + "=" + k.text)
			}
		}
	}
	na, nb, same := 0, 0, 0
	lines(a, func(l string) { count[l]++; na++ })
	lines(b, func(l string) {
		nb++
		if count[l] > 0 {
			count[l]--
			same++
		}
	})
	return same, 2*same >= max(na, nb)
}

// apply returns src[start:end] with edits made (offsets are into src).
// Deletions may overlap one another; any other overlap, or an edit
// outside start..end, makes it report false.
func apply(src string, start, end int, edits []textEdit) (string, bool) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b textEdit) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.end-a.start, b.end-b.start) // insertions first
	})
	var b strings.Builder
	cur := start
	for _, ed := range edits {
		if ed.start < start || ed.end > end || ed.end < ed.start {
			return "", false
		}
		if ed.start < cur {
			if ed.text != "" {
				return "", false
			}
			ed.start = min(cur, ed.end)
		}
		b.WriteString(src[cur:ed.start])
		b.WriteString(ed.text)
		cur = max(cur, ed.end)
	}
	b.WriteString(src[cur:end])
	return b.String(), true
}
