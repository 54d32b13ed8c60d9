package plan

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"
)

// Decode reads a plan file (format 1, FORMAT.md) named name and returns
// the plan with every default filled in, or an ErrorList of every problem
// found in one pass, sorted by position. Each Error has File = name, the
// 1-based line and byte column of the key (or of the table header when a
// key is missing), the field's Path and a message saying what is wrong and
// what to write instead.
//
// Decode is strict: unknown keys, keys foreign to a channel's kind, TOML
// floats where a decimal belongs, and values out of range (see Validate)
// are errors. Files over MaxFileSize bytes, text that is not UTF-8, and
// text past the shape limits of checkShape (values nested more than 16
// deep, lists of more than 100 elements, more than 10 000 tables, …: see
// bounds.go) are refused before parsing, with one error at the place the
// limit is passed, so that any input is answered in bounded time and
// memory. Decimals take at most 15 digits before the point and 10 after.
// At most 50 errors are returned, the first by position; when there are
// more, a last Error with File only and no Line says how many. Decode
// never panics.
func Decode(name string, data []byte) (Plan, error) {
	if len(data) > MaxFileSize {
		return Plan{}, ErrorList{{File: name, Msg: msgf(msgTooLarge, len(data), MaxFileSize)}}
	}
	if !utf8.Valid(data) {
		return Plan{}, ErrorList{notUTF8(name, data)}
	}
	src := string(data)
	if e := checkShape(name, src); e != nil {
		return Plan{}, ErrorList{*e}
	}
	raw, err := parseTOML(src)
	if err != nil {
		e, ok := SyntaxError(name, src, err)
		if !ok {
			e = Error{File: name, Line: 1, Msg: msgf(msgParserFailed, err)}
		}
		return Plan{}, ErrorList{e}
	}
	d := &decoder{name: name, pos: scanPositions(src), bad: map[string]bool{}}
	p := d.plan(raw)
	v := &validator{skip: d.isBad, sink: func(e Error) { d.add(d.at(e.Path, e.Msg)) }}
	v.plan(p)
	if d.total > 0 {
		errs := d.errs
		if d.total > len(errs) {
			errs = append(errs, Error{File: name, Msg: msgf(msgMoreErrors, d.total-len(errs))})
		}
		return Plan{}, errs
	}
	return p, nil
}

// add records e, keeping in d.errs only the first maxErrors errors by
// position (line, then column, then the order they were found in, as a
// stable sort would give) and counting all of them in d.total, so that a
// file with a million problems costs a million counts, not a million
// messages.
func (d *decoder) add(e Error) {
	d.total++
	i := d.slot(e)
	if i >= maxErrors {
		return
	}
	d.errs = slices.Insert(d.errs, i, e)
	if len(d.errs) > maxErrors {
		d.errs = d.errs[:maxErrors]
	}
}

// syntaxPosition returns the line and column of a syntax error. The
// parser's own line is one too far when the error is at a newline, so
// both are worked out from the byte offset when it has one.
func syntaxPosition(src string, p toml.Position) (line, col int) {
	off := p.Start
	if strings.HasPrefix(src, "\ufeff") {
		off += 3 // the parser skips the byte order mark
	}
	if (p.Start == 0 && p.Line > 1) || off < 0 || off > len(src) {
		return p.Line, p.Col
	}
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return strings.Count(src[:off], "\n") + 1, off - start + 1
}

// parseTOML parses src into a tree of maps, turning a panic of the parser
// into an error.
func parseTOML(src string) (m map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%v", r)
		}
	}()
	_, err = toml.Decode(src, &m)
	return m, err
}

// notUTF8 reports the first byte of data that is not UTF-8.
func notUTF8(name string, data []byte) Error {
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return Error{File: name, Line: line, Col: i - start + 1, Msg: msgf(msgNotUTF8, fmt.Sprintf("%02x", data[i]))}
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += n
	}
	return Error{File: name, Msg: msgf(msgNotUTF8, "00")}
}

// decoder turns the parsed tree into a Plan, collecting errors.
type decoder struct {
	name  string
	pos   map[string]position
	errs  ErrorList       // the first maxErrors errors by position, sorted
	total int             // errors found, kept or not
	bad   map[string]bool // paths already reported
	model Model
}

// at returns an Error at path's position, or at the nearest enclosing
// key or table that the file has (a missing key is reported at its table).
func (d *decoder) at(path string, msg Msg) Error {
	e := Error{File: d.name, Line: 1, Path: path, Msg: msg}
	for p := path; p != ""; p = parent(p) {
		pos, ok := d.pos[p]
		if !ok {
			// A key written as a list of tables where a table belongs
			// ([[plan]]) is recorded by its first element.
			pos, ok = d.pos[p+"[0]"]
		}
		if ok {
			e.Line, e.Col = pos.Line, pos.Col
			break
		}
	}
	return e
}

// slot is where e goes in the errors kept, in file order; maxErrors or
// more means it is only counted.
func (d *decoder) slot(e Error) int {
	return sort.Search(len(d.errs), func(i int) bool {
		a := d.errs[i]
		return a.Line > e.Line || a.Line == e.Line && a.Col > e.Col
	})
}

// errorf records a problem at path. Its message is built only when the
// error is kept: a hostile file of 8 000 empty tables yields 40 000
// problems, of which maxErrors are listed and the others counted.
func (d *decoder) errorf(path, code string, args ...any) {
	d.bad[path] = true
	e := d.at(path, Msg{})
	if d.slot(e) >= maxErrors {
		d.total++
		return
	}
	e.Msg = msgf(code, args...)
	d.add(e)
}

// report records the problem m at path.
func (d *decoder) report(path string, m Msg) {
	d.bad[path] = true
	d.add(d.at(path, m))
}

// isBad reports whether path or a table enclosing it has been reported.
func (d *decoder) isBad(path string) bool {
	for p := path; p != ""; p = parent(p) {
		if d.bad[p] {
			return true
		}
	}
	return false
}

// parent drops the last element of a path: "a[1].b" → "a[1]" → "a".
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

var topKeys = []string{"format", "plan", "business", "funnel", "objectives", "channels", "scenarios", "simulation", "tracking", "actuals"}

func (d *decoder) plan(raw map[string]any) Plan {
	p := Plan{Format: FormatVersion}
	if v, ok := raw["format"]; !ok {
		d.errorf("format", msgFormatMissing)
	} else if n, ok := d.integer("format", "format", "1", v); ok {
		switch {
		case n > FormatVersion:
			d.errorf("format", msgFormatNewer, n)
		case n != FormatVersion:
			d.errorf("format", msgFormatBad, n)
		}
	}
	d.unknown("", msgf(msgTableTop), raw, topKeys, nil)

	if t, ok := d.table(raw, "plan", true, "title, start, months, budget"); ok {
		decodeSpecs(d, "plan", tableMsg("[plan]"), t, infoSpecs, &p.Info, nil)
		d.unknown("plan", tableMsg("[plan]"), t, specKeys(infoSpecs), nil)
	}
	if t, ok := d.table(raw, "business", true, "name, average_order, gross_margin"); ok {
		decodeSpecs(d, "business", tableMsg("[business]"), t, businessSpecs, &p.Business, nil)
		d.unknown("business", tableMsg("[business]"), t, specKeys(businessSpecs), nil)
	}
	d.model = p.Business.Model
	if t, ok := d.table(raw, "funnel", false, ""); ok {
		if d.model == B2C {
			d.errorf("funnel", msgFunnelInB2C)
		} else {
			decodeSpecs(d, "funnel", tableMsg("[funnel]"), t, funnelSpecs, &p.Funnel, nil)
			d.unknown("funnel", tableMsg("[funnel]"), t, specKeys(funnelSpecs), nil)
		}
	} else if _, present := raw["funnel"]; !present && d.model == B2B {
		d.errorf("business.model", msgFunnelNeeded)
	}

	for i, t := range d.tableList(raw, "objectives") {
		path := fmt.Sprintf("objectives[%d]", i)
		what := describe("[[objectives]]", t, "id", i)
		var o Objective
		decodeSpecs(d, path, what, t, objectiveSpecs, &o, nil)
		d.unknown(path, what, t, specKeys(objectiveSpecs), nil)
		p.Objectives = append(p.Objectives, o)
	}
	for i, t := range d.tableList(raw, "channels") {
		p.Channels = append(p.Channels, d.channel(i, t))
	}
	for i, t := range d.tableList(raw, "scenarios") {
		p.Scenarios = append(p.Scenarios, d.scenario(i, t))
	}
	sim := map[string]any{}
	if t, ok := d.table(raw, "simulation", false, ""); ok {
		sim = t
		d.unknown("simulation", tableMsg("[simulation]"), t, specKeys(simulationSpecs), nil)
	}
	decodeSpecs(d, "simulation", tableMsg("[simulation]"), sim, simulationSpecs, &p.Simulation, nil)
	if t, ok := d.table(raw, "tracking", false, ""); ok {
		d.unknown("tracking", tableMsg("[tracking]"), t, trackingKeys, nil)
		p.Tracking.EngagementWeights = d.weights(t)
		decodeSpecs(d, "tracking", tableMsg("[tracking]"), t, trackingSpecs, &p.Tracking, nil)
	}
	for i, t := range d.tableList(raw, "actuals") {
		path := fmt.Sprintf("actuals[%d]", i)
		what := msgf(msgTableItemN, "[[actuals]]", i+1)
		var a Actual
		decodeSpecs(d, path, what, t, actualSpecs, &a, nil)
		d.unknown(path, what, t, specKeys(actualSpecs), nil)
		p.Actuals = append(p.Actuals, a)
	}
	return p
}

func (d *decoder) channel(i int, t map[string]any) Channel {
	path := fmt.Sprintf("channels[%d]", i)
	what := describe("[[channels]]", t, "id", i)
	var c Channel
	decodeSpecs(d, path, what, t, channelHead, &c, nil)
	known := append(specKeys(channelHead), "active_months", "ranges")
	kindOK := validKind(c.Kind)
	if kindOK {
		take := func(s spec[Channel]) bool { return s.takes(c.Kind) && (!s.b2b || d.model != B2C) }
		decodeSpecs(d, path, what, t, channelBody, &c, take)
		for _, s := range channelBody {
			if take(s) {
				known = append(known, s.key)
			}
		}
	} else {
		for _, s := range channelBody {
			known = append(known, s.key)
		}
	}
	d.unknown(path, what, t, known, func(key string) (Msg, bool) {
		if !kindOK || !isChannelKey(key) {
			return Msg{}, false
		}
		if s, ok := channelSpec(c.Kind, key); ok && s.b2b {
			return msgf(msgB2BKey, key), true
		}
		return msgf(msgForeignKey, key, article(c.Kind), c.Kind, c.Kind, strings.Join(kindKeys(c.Kind), ", ")), true
	})

	if v, ok := t["active_months"]; ok {
		mp := path + ".active_months"
		list, isList := v.([]any)
		switch {
		case !isList:
			d.errorf(mp, msgWantList, "active_months", "active_months", "[1, 2, 3]")
		case len(list) == 0:
			d.errorf(mp, msgActiveEmpty)
		case len(list) > maxMonths:
			d.errorf(mp, msgActiveTooMany, len(list), maxMonths)
		default:
			for j, e := range list {
				if n, ok := d.integer(fmt.Sprintf("%s[%d]", mp, j), "active_months", "1", e); ok {
					c.ActiveMonths = append(c.ActiveMonths, clampInt(n))
				} else {
					d.bad[mp] = true
				}
			}
			slices.Sort(c.ActiveMonths)
		}
	}
	if v, ok := t["ranges"]; ok {
		rp := path + ".ranges"
		if rt, ok := v.(map[string]any); !ok {
			d.errorf(rp, msgWantList, "ranges", "ranges", `{ conversion_rate = ["0.01", "0.03"] }`)
		} else {
			for _, key := range sortedKeys(rt) {
				if r, ok := d.rangeOf(rp+"."+key, key, rt[key]); ok {
					c.Ranges = append(c.Ranges, r)
				}
			}
		}
	}
	return c
}

// rangeOf reads `key = ["low", "high"]` of a ranges table.
func (d *decoder) rangeOf(path, key string, v any) (Range, bool) {
	list, ok := v.([]any)
	if !ok || len(list) != 2 {
		d.errorf(path, msgWantRange, key, key, `"0.01"`, `"0.03"`)
		return Range{}, false
	}
	lo, ok1 := d.decimal(path+"[0]", key, `"0.01"`, list[0])
	hi, ok2 := d.decimal(path+"[1]", key, `"0.03"`, list[1])
	if !ok1 || !ok2 {
		d.bad[path] = true
		return Range{}, false
	}
	return Range{Input: key, Low: lo, High: hi}, true
}

func (d *decoder) scenario(i int, t map[string]any) Scenario {
	path := fmt.Sprintf("scenarios[%d]", i)
	what := describe("[[scenarios]]", t, "name", i)
	var s Scenario
	if v, ok := t["name"]; !ok {
		d.errorf(path+".name", msgMissingKey, "name", what, "name", `"Pessimiste"`)
	} else if str, ok := v.(string); ok {
		s.Name = str
	} else {
		d.errorf(path+".name", msgWantString, "name", "name", `"Pessimiste"`)
	}
	s.Factors = d.factors(path, t)
	if v, ok := t["channel"]; ok {
		for j, ct := range d.asTableList(path+".channel", "scenarios.channel", v) {
			cpath := fmt.Sprintf("%s.channel[%d]", path, j)
			cwhat := describe("[[scenarios.channel]]", ct, "id", j)
			cf := ChannelFactors{}
			if v, ok := ct["id"]; !ok {
				d.errorf(cpath+".id", msgMissingKey, "id", cwhat, "id", `"mailing"`)
			} else if str, ok := v.(string); ok {
				cf.ID = str
			} else {
				d.errorf(cpath+".id", msgWantString, "id", "id", `"mailing"`)
			}
			cf.Factors = d.factors(cpath, ct)
			d.unknown(cpath, cwhat, ct, []string{"id", "factors"}, nil)
			s.Channels = append(s.Channels, cf)
		}
	}
	d.unknown(path, what, t, []string{"name", "factors", "channel"}, nil)
	return s
}

// factors reads the optional `factors = { key = "0.8", … }` of a table,
// sorted by input.
func (d *decoder) factors(path string, t map[string]any) []Factor {
	v, ok := t["factors"]
	if !ok {
		return nil
	}
	fp := path + ".factors"
	ft, ok := v.(map[string]any)
	if !ok {
		d.errorf(fp, msgWantList, "factors", "factors", `{ ctr = "0.8" }`)
		return nil
	}
	var out []Factor
	for _, key := range sortedKeys(ft) {
		if f, ok := d.decimal(fp+"."+key, key, `"0.8"`, ft[key]); ok {
			out = append(out, Factor{Input: key, Factor: f})
		}
	}
	return out
}

// weights reads the optional `engagement_weights = { ctr = "0.3", … }` of
// the [tracking] table t, sorted by KPI. Keys that are not EngagementKPIs
// are reported and left out.
func (d *decoder) weights(t map[string]any) []EngagementWeight {
	v, ok := t["engagement_weights"]
	if !ok {
		return nil
	}
	const wp = "tracking.engagement_weights"
	wt, ok := v.(map[string]any)
	if !ok {
		d.errorf(wp, msgWeightsTable, weightsExample)
		return nil
	}
	if len(wt) == 0 {
		d.errorf(wp, msgWeightsZero)
		return nil
	}
	d.unknown(wp, tableMsg("engagement_weights"), wt, EngagementKPIs, nil)
	var out []EngagementWeight
	failed, positive := false, false
	for _, key := range sortedKeys(wt) {
		if !slices.Contains(EngagementKPIs, key) {
			continue
		}
		if w, ok := d.decimal(wp+"."+key, key, `"0.3"`, wt[key]); ok {
			out = append(out, EngagementWeight{KPI: key, Weight: w})
			positive = positive || w.Sign() > 0
		} else {
			failed = true
		}
	}
	if failed && !positive {
		d.bad[wp] = true // "no weight above 0" would only echo the value reported
	}
	return out
}

// table returns the table raw[key]; a missing required table is an error.
func (d *decoder) table(raw map[string]any, key string, required bool, keys string) (map[string]any, bool) {
	v, ok := raw[key]
	if !ok {
		if required {
			d.errorf(key, msgMissingTable, "["+key+"]", keys)
		}
		return nil, false
	}
	t, ok := v.(map[string]any)
	if !ok {
		d.errorf(key, msgNotTable, key, "["+key+"]")
		return nil, false
	}
	return t, true
}

// tableList returns the array of tables raw[key] (nil when absent).
func (d *decoder) tableList(raw map[string]any, key string) []map[string]any {
	v, ok := raw[key]
	if !ok {
		return nil
	}
	return d.asTableList(key, key, v)
}

func (d *decoder) asTableList(path, header string, v any) []map[string]any {
	switch l := v.(type) {
	case []map[string]any:
		return l
	case []any:
		out := make([]map[string]any, 0, len(l))
		for i, e := range l {
			t, ok := e.(map[string]any)
			if !ok {
				d.errorf(fmt.Sprintf("%s[%d]", path, i), msgNotTableList, header, "[["+header+"]]")
				t = map[string]any{}
			}
			out = append(out, t)
		}
		return out
	}
	d.errorf(path, msgNotTableList, header, "[["+header+"]]")
	return nil
}

// describe names an element of an array of tables for messages, in the
// reader's language: `[[channels]] « mailing »` / `[[channels]] "mailing"`,
// or `[[channels]] n° 3` / `[[channels]] #3` when it has no id (an id of
// more than maxEcho characters is clipped).
func describe(header string, t map[string]any, idKey string, i int) Msg {
	if s, ok := t[idKey].(string); ok && s != "" {
		return msgf(msgTableItem, header, clip(s))
	}
	return msgf(msgTableItemN, header, i+1)
}

// tableMsg names the table header ("[plan]") for messages.
func tableMsg(header string) Msg { return msgf(msgTablePlain, header) }

// unknown reports every key of t not in known. foreign, when set, may give
// the message for a key (a key of another channel kind).
func (d *decoder) unknown(path string, what Msg, t map[string]any, known []string, foreign func(string) (Msg, bool)) {
	for _, key := range sortedKeys(t) {
		if slices.Contains(known, key) {
			continue
		}
		kp := join(path, key)
		if foreign != nil {
			if msg, ok := foreign(key); ok {
				d.report(kp, msg)
				continue
			}
		}
		if s := suggest(key, known); s != "" {
			d.errorf(kp, msgUnknownKey, key, what, s)
		} else {
			d.errorf(kp, msgUnknownKeyNoHint, key, what, what, strings.Join(known, ", "))
		}
	}
}

// decodeSpecs reads the keys of specs (those take accepts) from table t
// into dst, filling defaults for absent optional keys.
func decodeSpecs[T any](d *decoder, path string, what Msg, t map[string]any, specs []spec[T], dst *T, take func(spec[T]) bool) {
	for _, s := range specs {
		if take != nil && !take(s) {
			continue
		}
		kp := join(path, s.key)
		v, ok := t[s.key]
		if !ok {
			if s.req && (s.unless == "" || t[s.unless] != true) {
				d.errorf(kp, msgMissingKey, s.key, what, s.key, s.ex)
			} else if s.def != "" {
				setDefault(s.field(dst), s.def)
			}
			continue
		}
		d.set(kp, s.key, s.ex, s.typ, v, s.field(dst))
	}
}

// set converts the TOML value v of key (of shape typ; ex is an example
// value for messages) into the field ptr.
func (d *decoder) set(path, key, ex string, typ vtype, v any, ptr any) {
	switch typ {
	case tDecimal, tNullDecimal:
		if x, ok := d.decimal(path, key, ex, v); ok {
			assign(ptr, x)
		}
	case tInt, tInt64:
		if n, ok := d.integer(path, key, ex, v); ok {
			if _, isInt := ptr.(*int); isInt {
				n = int64(clampInt(n))
			}
			assign(ptr, n)
		}
	case tBool:
		if b, ok := v.(bool); ok {
			assign(ptr, b)
		} else {
			d.errorf(path, msgWantBool, key, key, ex)
		}
	case tString:
		if str, ok := v.(string); ok {
			assign(ptr, str)
		} else {
			d.errorf(path, msgWantString, key, key, ex)
		}
	case tStrings:
		list, ok := v.([]any)
		if !ok {
			if str, isStr := v.(string); isStr {
				ex = "[" + strconv.Quote(str) + "]"
			}
			d.errorf(path, msgWantList, key, key, ex)
			return
		}
		out := make([]string, 0, len(list))
		for j, e := range list {
			str, isStr := e.(string)
			if !isStr {
				d.errorf(fmt.Sprintf("%s[%d]", path, j), msgWantStrings, key, key, ex)
				return
			}
			out = append(out, str)
		}
		assign(ptr, out)
	case tDate:
		t, ok := v.(time.Time)
		if ok && t.Location().String() == "date-local" {
			assign(ptr, DateOf(t))
			return
		}
		if ok {
			ex = DateOf(t).String()
		} else if str, isStr := v.(string); isStr {
			if t, err := time.Parse("2006-01-02", strings.TrimSpace(str)); err == nil {
				ex = DateOf(t).String()
			}
		}
		d.errorf(path, msgWantDate, key, key, ex)
	}
}

// assign stores a decoded value into a field pointer.
func assign(ptr any, v any) {
	switch p := ptr.(type) {
	case *decimal.Decimal:
		*p = v.(decimal.Decimal)
	case *decimal.NullDecimal:
		*p = decimal.NewNullDecimal(v.(decimal.Decimal))
	case *int:
		*p = int(v.(int64))
	case *int64:
		*p = v.(int64)
	case *bool:
		*p = v.(bool)
	case *string:
		*p = v.(string)
	case *Language:
		*p = Language(v.(string))
	case *Model:
		*p = Model(v.(string))
	case *Direction:
		*p = Direction(v.(string))
	case *Kind:
		*p = Kind(v.(string))
	case *Date:
		*p = v.(Date)
	case *[]string:
		if list, ok := v.([]string); ok { // a list key set from text is not a list
			*p = list
		}
	}
}

// setDefault stores a spec's default (written as text) into a field.
func setDefault(ptr any, def string) {
	switch ptr.(type) {
	case *decimal.Decimal:
		assign(ptr, decimal.RequireFromString(def))
	case *int, *int64:
		n, _ := strconv.ParseInt(def, 10, 64)
		assign(ptr, n)
	default:
		assign(ptr, def)
	}
}

// decimal reads a decimal value: a quoted decimal string or a TOML integer.
func (d *decoder) decimal(path, key, ex string, v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case int64:
		return decimal.NewFromInt(x), true
	case string:
		n, fix, err := parseDecimal(x)
		if err == nil {
			return n, true
		}
		var de *digitsError
		switch {
		case errors.As(err, &de) && fix != "":
			d.errorf(path, msgDigitsRounded, key, strconv.Quote(clip(x)), de.n, maxDigits, key, fix)
		case errors.As(err, &de):
			d.errorf(path, msgDigits, key, strconv.Quote(clip(x)), de.n, maxDigits, key, ex)
		case strings.TrimSpace(x) == "":
			d.errorf(path, msgEmptyDecimal, key, key, ex)
		case fix != "":
			d.errorf(path, msgBadDecimal, key, clip(x), fmt.Sprintf("%s = %q", key, fix))
		default:
			d.errorf(path, msgBadDecimal, key, clip(x), msgf(msgFixDigits, key, ex))
		}
	case float64:
		raw := d.pos[path].Raw
		if raw == "" {
			raw = strconv.FormatFloat(x, 'g', -1, 64)
		}
		if math.IsInf(x, 0) || math.IsNaN(x) {
			d.errorf(path, msgFloatNotNumber, key, raw, key, ex)
			return decimal.Decimal{}, false
		}
		digits := floatDigits(raw, x)
		_, fix, err := parseDecimal(digits)
		var de *digitsError
		switch {
		case errors.As(err, &de) && fix != "":
			d.errorf(path, msgDigitsRounded, key, raw, de.n, maxDigits, key, fix)
		case errors.As(err, &de):
			d.errorf(path, msgDigits, key, raw, de.n, maxDigits, key, ex)
		default:
			d.errorf(path, msgFloat, key, raw, key, digits)
		}
	default:
		d.errorf(path, msgWantDecimal, key, key, ex)
	}
	return decimal.Decimal{}, false
}

// floatDigits returns the digits of a TOML float as a plain decimal, the
// user's own when possible: 0.220 → "0.220", 1e3 → "1000".
func floatDigits(raw string, x float64) string {
	n, err := decimal.NewFromString(strings.ReplaceAll(raw, "_", ""))
	if err != nil || n.Exponent() < -40 || n.Exponent() > 40 {
		n = decimal.NewFromFloat(x)
	}
	return formatDecimal(n)
}

// integer reads a whole number written as a TOML integer.
func (d *decoder) integer(path, key, ex string, v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			ex = strconv.FormatInt(int64(x), 10)
		}
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
			ex = strconv.FormatInt(n, 10)
		}
	}
	d.errorf(path, msgWantInteger, key, key, ex)
	return 0, false
}

// clampInt converts n to an int, saturating (Validate then reports it out
// of range).
func clampInt(n int64) int {
	if int64(int(n)) != n {
		if n < 0 {
			return math.MinInt
		}
		return math.MaxInt
	}
	return int(n)
}

// errNotDecimal is parseDecimal's error for a string that is not a plain
// decimal.
var errNotDecimal = errors.New("not a decimal")

// digitsError is parseDecimal's error for a plain decimal of n digits,
// more than maxDigits.
type digitsError struct{ n int }

// Error says how many digits the decimal has.
func (e *digitsError) Error() string { return fmt.Sprintf("%d digits", e.n) }

// parseDecimal parses a plain decimal string: an optional sign, digits,
// and an optional point followed by digits ("-12.50"); no exponent, no
// spaces; at most maxDigits (30) digits before and after the point
// together, leading zeros not counted. 30 is the limit format 1 always
// had (it counted leading zeros, so every plan read before is read
// still): far more than money (13 digits before the point at most, every
// amount being at most 10^12) or a rate needs, and cheap for shopspring,
// which only ever parses the bounded, trimmed string. More digits give a
// *digitsError, with the value rounded to fit (half away from zero) as the
// fix when it has digits after the point to drop and at most 15 before
// it. On other failures it returns errNotDecimal and the string the user
// most likely meant, if it can tell ("12,5" → "12.5", "22%" → "0.22").
func parseDecimal(s string) (decimal.Decimal, string, error) {
	intDigits, fracDigits, ok := plainDigits(s)
	switch {
	case !ok:
		return decimal.Decimal{}, fixDecimal(s), errNotDecimal
	case intDigits+fracDigits > maxDigits:
		return decimal.Decimal{}, roundDigits(s, intDigits), &digitsError{n: intDigits + fracDigits}
	}
	n, err := decimal.NewFromString(trimZeros(s))
	if err != nil {
		return decimal.Decimal{}, "", errNotDecimal
	}
	return n, "", nil
}

// plainDigits reports whether s is a plain decimal (see parseDecimal), and
// its digits before the point, leading zeros not counted, and after it.
func plainDigits(s string) (intDigits, fracDigits int, ok bool) {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || hasPoint && frac == "" {
		return 0, 0, false
	}
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, 0, false
			}
		}
	}
	return len(strings.TrimLeft(intPart, "0")), len(frac), true
}

// isPlainDecimal reports whether s is a plain decimal parseDecimal takes.
func isPlainDecimal(s string) bool {
	i, f, ok := plainDigits(s)
	return ok && i+f <= maxDigits
}

// trimZeros drops the leading zeros of a plain decimal's integer part,
// keeping one before the point: "-007.50" → "-7.50", "000" → "0".
func trimZeros(s string) string {
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	t := strings.TrimLeft(s, "0")
	if t == "" || t[0] == '.' {
		t = "0" + t
	}
	return sign + t
}

// roundDigits rounds s, a plain decimal of intDigits digits before the
// point and too many in all, to the most places that fit in maxDigits,
// half away from zero, written with exactly that many places:
// "0.1234567890123456789012345678905" → "0.123456789012345678901234567891".
// It returns "" when there is no such value worth suggesting (more than 15
// digits before the point: out of every range anyway). Only one place
// more than kept is read: the rest cannot change the rounding (the
// remainder is at least half a unit exactly when that digit is 5 or more).
func roundDigits(s string, intDigits int) string {
	if intDigits > 15 {
		return ""
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for places := maxDigits - intDigits; places >= 0; places-- {
		f := frac
		if len(f) > places+1 {
			f = f[:places+1]
		}
		t := intPart
		if f != "" {
			t += "." + f
		}
		n, err := decimal.NewFromString(trimZeros(t))
		if err != nil {
			return ""
		}
		out := n.Round(int32(places)).StringFixed(int32(places))
		if isPlainDecimal(out) {
			return out // else rounding up added a digit (0.99… → 1.00…): one place less
		}
	}
	return ""
}

// clip shortens a user's value quoted back in a message to maxEcho
// characters and an ellipsis: a message must stay a line, even for a
// megabyte of text.
func clip(s string) string { return clipN(s, maxEcho) }

// clipN shortens s to its first n characters and an ellipsis.
func clipN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n {
			return s[:i] + "…"
		}
		k++
	}
	return s
}

// lineEscaper writes line breaks as \n and \r.
var lineEscaper = strings.NewReplacer("\r", `\r`, "\n", `\n`)

// oneLine makes the parser's message one line of at most maxSyntaxEcho
// characters: it quotes the text it stopped at, which may hold a newline
// ("not a binary number: '0b\n'") or a long key, and each error must be
// one line of the output.
func oneLine(msg string) string {
	return clipN(lineEscaper.Replace(msg), maxSyntaxEcho)
}

// fixDecimal guesses the decimal a malformed string stands for, or "".
func fixDecimal(s string) string {
	if len(s) > 4*maxEcho {
		return "" // no plausible decimal is that long; do not parse it
	}
	t := strings.TrimSpace(s)
	for _, r := range []string{" ", "\u00a0", "\u202f", "€", "$", "£", "_", "'"} {
		t = strings.ReplaceAll(t, r, "")
	}
	percent := strings.HasSuffix(t, "%")
	t = strings.TrimSuffix(t, "%")
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	} else if strings.Contains(t, ",") && strings.Contains(t, ".") {
		t = strings.ReplaceAll(t, ",", "")
	}
	if strings.HasPrefix(t, ".") {
		t = "0" + t
	} else if strings.HasPrefix(t, "-.") {
		t = "-0" + t[1:]
	}
	t = strings.TrimSuffix(t, ".")
	out := ""
	if !isPlainDecimal(t) {
		if n, err := decimal.NewFromString(t); err == nil && n.Exponent() > -40 && n.Exponent() < 40 && strings.ContainsAny(t, "eE") {
			out = formatDecimal(n)
		}
	} else if n, err := decimal.NewFromString(t); err == nil {
		if percent {
			n = n.Shift(-2)
		}
		out = formatDecimal(n)
	}
	if out == s || !isPlainDecimal(out) {
		return "" // the same, or itself too long to be written
	}
	return out
}

// formatDecimal writes d in plain notation, keeping its trailing zeros
// ("0.220" stays "0.220"), never with an exponent.
func formatDecimal(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

// suggest returns the key of known closest to key by edit distance, when
// it is close enough to be a typo, else "".
func suggest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if diff := len(key) - len(k); diff >= bestD || -diff >= bestD || diff > max(1, len(key)/3) || -diff > max(1, len(key)/3) {
			continue // the distance is at least the difference in length
		}
		dist := editDistance(key, k)
		if dist < bestD && dist <= max(1, len(key)/3) {
			best, bestD = k, dist
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b
// (Levenshtein, with a swap of two neighbours counting as one edit), in
// bytes; long strings count as far apart. It keeps three rows of the
// table on the stack, so that suggesting a key for each of thousands of
// unknown keys allocates nothing.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	var rows [3][65]int // rows i-2, i-1 and i, by i mod 3
	for j := 0; j <= len(b); j++ {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur, prev, prev2 := &rows[i%3], &rows[(i+2)%3], &rows[(i+1)%3]
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
	}
	return rows[len(a)%3][len(b)]
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func specKeys[T any](specs []spec[T]) []string {
	keys := make([]string, 0, len(specs))
	for _, s := range specs {
		if !slices.Contains(keys, s.key) {
			keys = append(keys, s.key)
		}
	}
	return keys
}
