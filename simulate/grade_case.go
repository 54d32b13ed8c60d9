package simulate

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"campaignsim/assets/cases"
	"campaignsim/plan"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"
)

// CaseFormat is the case file format DecodeCase reads.
const CaseFormat = 1

// MaxCaseSize is the largest case file DecodeCase accepts, in bytes (1 MB:
// a case is a brief and a rubric, a few kilobytes).
const MaxCaseSize = 1 << 20

// maxCaseDepth bounds the nesting of [ and { in a case file before it is
// parsed (the parser's cost grows with depth). A case needs 3 at most
// (title = { fr = "…" } inside [case]).
const maxCaseDepth = 8

// The elements of a brief (MODEL.md "Course exercises"), in the course's
// order: what a student may choose to develop, and how the engine sees
// that one is developed (Developed).
const (
	ElementActions      = "actions"
	ElementTracking     = "tracking"
	ElementPartnerships = "partnerships"
	ElementOptimisation = "optimisation"
)

// CaseElements lists the elements a case may ask for, in order.
var CaseElements = []string{ElementActions, ElementTracking, ElementPartnerships, ElementOptimisation}

// Text is a text of a case in French and English. At least one is set;
// In falls back on the other language.
type Text struct{ FR, EN string }

// In returns the text in lang (French unless plan.LangEN), or in the
// other language when that one is empty.
func (t Text) In(lang plan.Language) string {
	if lang == plan.LangEN && t.EN != "" || t.FR == "" {
		return t.EN
	}
	return t.FR
}

// CaseObjective is the brief's objective: a metric of the engine, a
// target and a direction (plan.Objective's meaning), with the purpose and
// the statement the starting plan gets.
type CaseObjective struct {
	Metric    string
	Target    decimal.Decimal
	Direction plan.Direction // AtLeast unless written
	Purpose   string         // optional, one of plan.Purposes
	Statement Text
}

// RubricItem is one line of a case's rubric: a check of RubricChecks and
// the points it is worth, with its optional parameter Min (channels and
// ranges: a count; probability: a fraction).
type RubricItem struct {
	Check  string
	Points int
	Min    decimal.NullDecimal
	// Line is the item's line in its case file (0 when unknown).
	Line int
}

// Case is a course exercise (MODEL.md "Course exercises"): the brief a
// teacher hands out, its constraints and its rubric. DecodeCase reads one
// from a case file; BuiltinCase gives the embedded ones.
type Case struct {
	ID       string
	Language plan.Language // the language of the starting plan; French by default
	Title    Text
	Brief    Text
	// Elements are the strategy elements the brief offers (CaseElements),
	// Choose how many of them the student must develop (1..len(Elements)).
	Elements []string
	Choose   int
	// The brief's constraints: the most the plan may cost, its length, its
	// start and its currency (EUR by default).
	Budget    decimal.Decimal
	Months    int
	Start     plan.Date
	Currency  string
	Objective CaseObjective
	// Business is the economics of a customer the starting plan gets (the
	// plan's [business] table, checked by the plan's rules).
	Business plan.Business
	Rubric   []RubricItem
	// File is the name the case was decoded under (messages name it).
	File string
}

// MaxPoints is the rubric's total.
func (c Case) MaxPoints() int {
	n := 0
	for _, r := range c.Rubric {
		n += r.Points
	}
	return n
}

// CaseError is one problem of a case file, or of a plan's reference to a
// case: where it is (File, and Line when known, 1-based) and what to write
// instead, as a coded message (render it with display.Text in the user's
// language).
type CaseError struct {
	File string
	Line int
	Msg  plan.Msg
}

// Where is the error's position as a message's prefix: "FILE:LINE: ",
// "FILE: ", "LINE: " or "" when it has none.
func (e CaseError) Where() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	return b.String()
}

// Error writes the position and the code with its arguments; people read
// the message rendered by display.Text instead.
func (e CaseError) Error() string {
	var b strings.Builder
	b.WriteString(e.Where())
	b.WriteString(e.Msg.Code)
	for _, a := range e.Msg.Args {
		fmt.Fprintf(&b, " %s=%s", a.Name, a.Text)
	}
	return b.String()
}

// CaseErrors are every problem found in a case file, by line. It is an
// error when not empty.
type CaseErrors []CaseError

// Error joins the errors one per line.
func (l CaseErrors) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// caseDecoder collects the problems of one case file.
type caseDecoder struct {
	name  string
	lines map[string]int
	errs  CaseErrors
}

// add records a problem at the line of path (a dotted key such as
// "case.constraints.budget", or "rubric[2].check"; the nearest enclosing
// key or table that has a line when path itself has none).
func (d *caseDecoder) add(path string, code string, args ...plan.Arg) {
	d.errs = append(d.errs, CaseError{File: d.name, Line: d.line(path), Msg: plan.NewMsg(code, args...)})
}

// line is the line of path or of its nearest parent with one, 0 if none.
func (d *caseDecoder) line(p string) int {
	for p != "" {
		if l, ok := d.lines[p]; ok {
			return l
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 0
}

// The keys of each table of a case file.
var (
	caseTopKeys        = []string{"format", "case", "rubric"}
	caseKeys           = []string{"id", "language", "title", "brief", "choose", "elements", "constraints", "objective", "business"}
	caseConstraintKeys = []string{"budget", "months", "start", "currency"}
	caseObjectiveKeys  = []string{"metric", "target", "direction", "purpose", "statement"}
	caseRubricKeys     = []string{"check", "points", "min"}
	caseTextKeys       = []string{"fr", "en"}
	caseIDPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
)

// DecodeCase reads a case file (the schema is in README.md, "Teachers and
// students"): strictly, so that an unknown key, a missing one, a value of
// the wrong type, a rubric check that does not exist, a parameter a check
// does not take, or a business the plan's rules refuse is each an error
// with its line. The file is bounded before it is parsed (size, nesting).
// name is the file's name in the errors. Every problem found is returned
// together, as CaseErrors.
//
// The [case.business] table, the constraints and the objective are checked
// by building the starting plan and decoding it with plan.Decode: a plan's
// rules are written once. Their problems carry the plan's own message
// (MsgCasePlan) at the case file's line of the key.
func DecodeCase(name string, data []byte) (Case, error) {
	d := &caseDecoder{name: name}
	if len(data) > MaxCaseSize {
		d.add("", MsgCaseTooLarge, plan.CountArg("size", decimal.NewFromInt(int64(len(data)))), plan.CountArg("max", decimal.NewFromInt(MaxCaseSize)))
		return Case{}, d.errs
	}
	if !utf8.Valid(data) {
		d.add("", MsgCaseNotUTF8)
		return Case{}, d.errs
	}
	src := string(data)
	if line, ok := tooDeep(src, maxCaseDepth); !ok {
		d.errs = append(d.errs, CaseError{File: name, Line: line, Msg: plan.NewMsg(MsgCaseNested, plan.CountArg("max", decimal.NewFromInt(maxCaseDepth)))})
		return Case{}, d.errs
	}
	raw, err := parseCaseTOML(src)
	if err != nil {
		e := CaseError{File: name, Line: 1, Msg: plan.NewMsg(MsgCaseSyntax, plan.TextArg("error", err.Error()))}
		if se, ok := plan.SyntaxError(name, src, err); ok {
			e.Line, e.Msg = se.Line, se.Msg
		}
		return Case{}, CaseErrors{e}
	}
	d.lines = keyLines(src)
	c := d.decode(raw)
	c.File = name
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool { return d.errs[i].Line < d.errs[j].Line })
		return Case{}, d.errs
	}
	return c, nil
}

// parseCaseTOML parses src into a tree of maps, turning a panic of the
// parser into an error.
func parseCaseTOML(src string) (m map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%v", r)
		}
	}()
	_, err = toml.Decode(src, &m)
	return m, err
}

// decode checks the parsed tree and builds the case.
func (d *caseDecoder) decode(raw map[string]any) Case {
	var c Case
	d.unknown("", raw, caseTopKeys)
	switch f, ok := raw["format"]; {
	case !ok:
		d.add("", MsgCaseFormatMissing)
	default:
		if n, isInt := f.(int64); !isInt || n != CaseFormat {
			d.add("format", MsgCaseFormat, plan.TextArg("format", fmt.Sprint(f)))
		}
	}
	ct, ok := d.table(raw, "", "case", true)
	if ok {
		d.unknown("case", ct, caseKeys)
		c.ID = d.str(ct, "case", "id", true, `"bakery"`)
		if c.ID != "" && !caseIDPattern.MatchString(c.ID) {
			d.add("case.id", MsgCaseBadID, plan.TextArg("value", c.ID))
		}
		switch l := d.str(ct, "case", "language", false, `"fr"`); l {
		case "", "fr":
			c.Language = plan.LangFR
		case "en":
			c.Language = plan.LangEN
		default:
			d.add("case.language", MsgCaseBadLanguage, plan.TextArg("value", l))
		}
		c.Title = d.text(ct, "case", "title", true)
		c.Brief = d.text(ct, "case", "brief", true)
		c.Elements = d.elements(ct)
		c.Choose = d.integer(ct, "case", "choose", true, "2")
		if c.Choose != 0 && (c.Choose < 1 || c.Choose > len(c.Elements)) && len(c.Elements) > 0 {
			d.add("case.choose", MsgCaseChoose, plan.CountArg("choose", decimal.NewFromInt(int64(c.Choose))), plan.CountArg("count", decimal.NewFromInt(int64(len(c.Elements)))))
		}
		if k, ok := d.table(ct, "case", "constraints", true); ok {
			d.unknown("case.constraints", k, caseConstraintKeys)
			for _, key := range []string{"budget", "months", "start"} {
				if _, ok := k[key]; !ok {
					d.add("case.constraints", MsgCaseMissingKey, plan.KeyArg("key", key), plan.TextArg("table", "[case.constraints]"))
				}
			}
			c.Currency = d.str(k, "case.constraints", "currency", false, `"EUR"`)
			if c.Currency == "" {
				c.Currency = "EUR"
			}
		}
		if o, ok := d.table(ct, "case", "objective", true); ok {
			d.unknown("case.objective", o, caseObjectiveKeys)
			for _, key := range []string{"metric", "target"} {
				if _, ok := o[key]; !ok {
					d.add("case.objective", MsgCaseMissingKey, plan.KeyArg("key", key), plan.TextArg("table", "[case.objective]"))
				}
			}
			c.Objective.Statement = d.text(o, "case.objective", "statement", false)
		}
		if _, ok := d.table(ct, "case", "business", true); ok && len(d.errs) == 0 {
			d.checkPlan(&c, ct)
		}
	}
	c.Rubric = d.rubric(raw)
	return c
}

// unknown reports every key of t not in known, at its line.
func (d *caseDecoder) unknown(at string, t map[string]any, known []string) {
	for _, k := range slices.Sorted(mapKeys(t)) {
		if !slices.Contains(known, k) {
			table := tableName(at)
			if at == "" {
				table = "—"
			}
			d.add(join(at, k), MsgCaseUnknownKey, plan.KeyArg("key", k), plan.TextArg("table", table), plan.TextArg("keys", strings.Join(known, ", ")))
		}
	}
}

// mapKeys is the keys of m.
func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// tableName is how a table is written in a message: [case.objective], or
// [[rubric]] for an entry of the rubric.
func tableName(at string) string {
	if strings.HasPrefix(at, "rubric[") {
		return "[[rubric]]"
	}
	return "[" + at + "]"
}

// join is the dotted path of key in table at.
func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// table returns the table key of t (in table at); a missing required one
// or a value that is no table is an error.
func (d *caseDecoder) table(t map[string]any, at, key string, required bool) (map[string]any, bool) {
	v, ok := t[key]
	if !ok {
		if required {
			d.add(at, MsgCaseMissingTable, plan.TextArg("table", "["+join(at, key)+"]"))
		}
		return nil, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.add(join(at, key), MsgCaseNotTable, plan.TextArg("table", "["+join(at, key)+"]"))
		return nil, false
	}
	return m, true
}

// str returns the text value key of t; a value of another type, or a
// missing required one, is an error showing example.
func (d *caseDecoder) str(t map[string]any, at, key string, required bool, example string) string {
	v, ok := t[key]
	if !ok {
		if required {
			d.add(at, MsgCaseMissingKey, plan.KeyArg("key", key), plan.TextArg("table", tableName(at)))
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.add(join(at, key), MsgCaseWantText, plan.KeyArg("key", key), plan.TextArg("example", key+" = "+example))
		return ""
	}
	return strings.TrimSpace(s)
}

// integer returns the whole-number value key of t (0 when absent or
// wrong, with an error).
func (d *caseDecoder) integer(t map[string]any, at, key string, required bool, example string) int {
	v, ok := t[key]
	if !ok {
		if required {
			d.add(at, MsgCaseMissingKey, plan.KeyArg("key", key), plan.TextArg("table", tableName(at)))
		}
		return 0
	}
	n, ok := v.(int64)
	if !ok || n < -1<<31 || n > 1<<31-1 {
		d.add(join(at, key), MsgCaseWantWhole, plan.KeyArg("key", key), plan.TextArg("example", key+" = "+example))
		return 0
	}
	return int(n)
}

// text returns a Text value: a string (both languages) or a table { fr =
// "…", en = "…" }; a blank one, or a missing required one, is an error.
func (d *caseDecoder) text(t map[string]any, at, key string, required bool) Text {
	p := join(at, key)
	v, ok := t[key]
	if !ok {
		if required {
			d.add(at, MsgCaseMissingKey, plan.KeyArg("key", key), plan.TextArg("table", "["+at+"]"))
		}
		return Text{}
	}
	var out Text
	switch x := v.(type) {
	case string:
		out = Text{FR: strings.TrimSpace(x), EN: strings.TrimSpace(x)}
	case map[string]any:
		d.unknown(p, x, caseTextKeys)
		out.FR = d.str(x, p, "fr", false, `"…"`)
		out.EN = d.str(x, p, "en", false, `"…"`)
	default:
		d.add(p, MsgCaseWantText, plan.KeyArg("key", key), plan.TextArg("example", key+` = { fr = "…", en = "…" }`))
		return Text{}
	}
	if out.FR == "" && out.EN == "" {
		d.add(p, MsgCaseTextBlank, plan.KeyArg("key", p))
	}
	return out
}

// elements reads case.elements: a list of CaseElements, each once.
func (d *caseDecoder) elements(ct map[string]any) []string {
	v, ok := ct["elements"]
	if !ok {
		d.add("case", MsgCaseMissingKey, plan.KeyArg("key", "elements"), plan.TextArg("table", "[case]"))
		return nil
	}
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		d.add("case.elements", MsgCaseWantList, plan.KeyArg("key", "elements"), plan.TextArg("example", `elements = ["actions", "tracking"]`))
		return nil
	}
	var out []string
	for _, e := range list {
		s, ok := e.(string)
		switch {
		case !ok || !slices.Contains(CaseElements, s):
			d.add("case.elements", MsgCaseUnknownElement, plan.TextArg("element", fmt.Sprint(e)), plan.TextArg("elements", strings.Join(CaseElements, ", ")))
		case slices.Contains(out, s):
			d.add("case.elements", MsgCaseDuplicateElement, plan.TextArg("element", s))
		default:
			out = append(out, s)
		}
	}
	return out
}

// rubric reads the [[rubric]] entries.
func (d *caseDecoder) rubric(raw map[string]any) []RubricItem {
	v, ok := raw["rubric"]
	if !ok {
		d.add("", MsgCaseNoRubric)
		return nil
	}
	list, ok := v.([]map[string]any)
	if !ok || len(list) == 0 {
		d.add("rubric", MsgCaseNoRubric)
		return nil
	}
	var out []RubricItem
	seen := map[string]bool{}
	for i, t := range list {
		at := fmt.Sprintf("rubric[%d]", i)
		d.unknown(at, t, caseRubricKeys)
		it := RubricItem{Line: d.line(at)}
		it.Check = d.str(t, at, "check", true, `"channels"`)
		switch {
		case it.Check == "":
		case !slices.Contains(RubricChecks, it.Check):
			d.add(at+".check", MsgCaseUnknownCheck, plan.TextArg("check", it.Check), plan.TextArg("checks", strings.Join(RubricChecks, ", ")))
		case seen[it.Check]:
			d.add(at+".check", MsgCaseDuplicateCheck, plan.TextArg("check", it.Check))
		}
		seen[it.Check] = true
		it.Points = d.integer(t, at, "points", true, "2")
		if _, ok := t["points"]; ok && (it.Points < 1 || it.Points > 100) {
			d.add(at+".points", MsgCasePoints, plan.TextArg("points", fmt.Sprint(t["points"])))
		}
		if m, ok := t["min"]; ok {
			it.Min = d.min(at, it.Check, m)
		}
		out = append(out, it)
	}
	return out
}

// min reads a rubric item's parameter min: a whole number from 1 to 100
// for channels and ranges, a fraction from 0 to 1 in quotes for
// probability; another check takes none.
func (d *caseDecoder) min(at, check string, v any) decimal.NullDecimal {
	switch check {
	case CheckChannels, CheckRanges:
		n, ok := v.(int64)
		if !ok || n < 1 || n > 100 {
			d.add(at+".min", MsgCaseMinCount, plan.TextArg("check", check))
			return decimal.NullDecimal{}
		}
		return decimal.NewNullDecimal(decimal.NewFromInt(n))
	case CheckProbability:
		s, ok := v.(string)
		x, err := decimal.NewFromString(strings.TrimSpace(s))
		if !ok || err != nil || x.IsNegative() || x.GreaterThan(decimal.NewFromInt(1)) {
			d.add(at+".min", MsgCaseMinRate, plan.TextArg("check", check))
			return decimal.NullDecimal{}
		}
		return decimal.NewNullDecimal(x)
	}
	if check != "" {
		d.add(at+".min", MsgCaseParam, plan.TextArg("check", check), plan.KeyArg("key", "min"))
	}
	return decimal.NullDecimal{}
}

// caseToPlan maps the paths of the starting plan's keys (as plan.Error's
// Path names them) to the case file's keys they come from.
var caseToPlan = map[string]string{
	"plan.title":                "case.title",
	"plan.language":             "case.language",
	"plan.currency":             "case.constraints.currency",
	"plan.start":                "case.constraints.start",
	"plan.months":               "case.constraints.months",
	"plan.budget":               "case.constraints.budget",
	"plan.case":                 "case.id",
	"plan.context":              "case.brief",
	"objectives[0].metric":      "case.objective.metric",
	"objectives[0].target":      "case.objective.target",
	"objectives[0].direction":   "case.objective.direction",
	"objectives[0].purpose":     "case.objective.purpose",
	"objectives[0].statement":   "case.objective.statement",
	"objectives[0].deadline":    "case.constraints.start",
	"objectives[0]":             "case.objective",
	"business":                  "case.business",
	"plan":                      "case",
	"objectives":                "case.objective",
	"objectives[0].id":          "case.objective",
	"business.name":             "case.business.name",
	"business.sector":           "case.business.sector",
	"business.model":            "case.business.model",
	"business.average_order":    "case.business.average_order",
	"business.gross_margin":     "case.business.gross_margin",
	"business.clv_months":       "case.business.clv_months",
	"business.orders_per_month": "case.business.orders_per_month",
}

// checkPlan builds the starting plan's TOML from the case's constraints,
// objective and business, decodes it with plan.Decode, and keeps what the
// plan's rules make of them (every problem as MsgCasePlan at the case
// file's line of the key).
func (d *caseDecoder) checkPlan(c *Case, ct map[string]any) {
	k, _ := ct["constraints"].(map[string]any)
	o, _ := ct["objective"].(map[string]any)
	biz, _ := ct["business"].(map[string]any)
	info := map[string]any{"title": nonBlank(c.Title.In(c.Language), c.ID), "language": string(c.Language),
		"currency": c.Currency, "case": c.ID}
	for _, key := range []string{"start", "months", "budget"} {
		if v, ok := k[key]; ok {
			info[key] = v
		}
	}
	obj := map[string]any{"id": "brief"}
	for _, key := range []string{"metric", "target", "direction", "purpose"} {
		if v, ok := o[key]; ok {
			obj[key] = v
		}
	}
	if s := c.Objective.Statement.In(c.Language); s != "" {
		obj["statement"] = s
	}
	if start, ok := k["start"].(time.Time); ok {
		if months, ok := k["months"].(int64); ok && months >= 1 && months <= 60 {
			end := plan.End(plan.DateOf(start), int(months))
			obj["deadline"] = time.Date(end.Year, end.Month, end.Day, 0, 0, 0, 0, start.Location())
		}
	}
	doc := map[string]any{"format": plan.FormatVersion, "plan": info, "business": biz, "objectives": []map[string]any{obj}}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(doc); err != nil {
		d.add("case", MsgCasePlan, plan.TextArg("error", err.Error()))
		return
	}
	p, err := plan.Decode(d.name, buf.Bytes())
	if err != nil {
		list, _ := err.(plan.ErrorList)
		if len(list) == 0 {
			d.add("case", MsgCasePlan, plan.TextArg("error", err.Error()))
		}
		for _, e := range list {
			at, ok := caseToPlan[e.Path]
			if !ok && strings.HasPrefix(e.Path, "business.") {
				at = "case." + e.Path
			} else if !ok {
				at = "case"
			}
			d.add(at, MsgCasePlan, plan.MsgsArg("error", e.Msg))
		}
		return
	}
	c.Budget, c.Months, c.Start = p.Info.Budget, p.Info.Months, p.Info.Start
	c.Business = p.Business
	ob := p.Objectives[0]
	c.Objective.Metric, c.Objective.Target, c.Objective.Direction, c.Objective.Purpose = ob.Metric, ob.Target, ob.Direction, ob.Purpose
	if c.Objective.Direction == "" {
		c.Objective.Direction = plan.AtLeast
	}
}

// nonBlank is s, or alt when s is blank.
func nonBlank(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// StartingPlan is the plan a student starts the exercise from (FORMAT.md
// "case -o"): the brief's business, objective and constraints, the brief
// as the plan's context, case = the case's id, in the case's language, no
// channel yet, the plan's defaults elsewhere. Its title is the case's
// title; the student names herself in student. StartingPlanFile is its
// text.
func StartingPlan(c Case) (plan.Plan, error) {
	data, err := StartingPlanFile(c)
	if err != nil {
		return plan.Plan{}, err
	}
	return plan.Decode(c.ID+".toml", data)
}

// StartingPlanFile is the text of StartingPlan (plan.Encode's layout),
// without a [simulation] table so that the plan's defaults apply.
func StartingPlanFile(c Case) ([]byte, error) {
	lang := c.Language
	p := plan.Plan{Format: plan.FormatVersion}
	p.Info = plan.Info{Title: nonBlank(c.Title.In(lang), c.ID), Case: c.ID, Language: lang, Currency: c.Currency,
		Start: c.Start, Months: c.Months, Budget: c.Budget, Context: strings.TrimSpace(c.Brief.In(lang)) + "\n"}
	p.Business = c.Business
	p.Objectives = []plan.Objective{{ID: "brief", Metric: c.Objective.Metric, Target: c.Objective.Target,
		Direction: c.Objective.Direction, Deadline: plan.End(c.Start, c.Months), Purpose: c.Objective.Purpose,
		Statement: c.Objective.Statement.In(lang)}}
	data, err := plan.Encode(p)
	if err != nil {
		return nil, err
	}
	if i := bytes.Index(data, []byte("\n[simulation]\n")); i >= 0 {
		data = data[:i+1]
	}
	return data, nil
}

// CaseIDs lists the embedded cases by id, sorted.
func CaseIDs() []string {
	names, _ := fs.Glob(cases.Files, "*.toml")
	ids := make([]string, 0, len(names))
	for _, n := range names {
		ids = append(ids, strings.TrimSuffix(n, ".toml"))
	}
	sort.Strings(ids)
	return ids
}

// BuiltinCaseFile returns the text of the embedded case id, and whether it
// exists.
func BuiltinCaseFile(id string) ([]byte, bool) {
	if !caseIDPattern.MatchString(id) {
		return nil, false
	}
	data, err := fs.ReadFile(cases.Files, id+".toml")
	return data, err == nil
}

// BuiltinCase decodes the embedded case id. An unknown id is a CaseError
// (MsgCaseUnknown) that lists the known ones.
func BuiltinCase(id string) (Case, error) {
	data, ok := BuiltinCaseFile(id)
	if !ok {
		return Case{}, CaseErrors{{Msg: UnknownCaseMsg(id)}}
	}
	return DecodeCase(id+".toml", data)
}

// UnknownCaseMsg says that no case is called ref and lists the built-in
// ones.
func UnknownCaseMsg(ref string) plan.Msg {
	return plan.NewMsg(MsgCaseUnknown, plan.TextArg("case", ref), plan.TextArg("cases", strings.Join(CaseIDs(), ", ")))
}

// IsCasePath reports whether ref (a plan's case, or the command line's
// --case) names a case file rather than a built-in case: it ends in
// ".toml" or holds a path separator.
func IsCasePath(ref string) bool {
	return strings.HasSuffix(strings.ToLower(ref), ".toml") || strings.ContainsAny(ref, `/\`)
}

// ResolveCasePath is the file a plan's case reference names: ref relative
// to the plan's folder (planPath's), unless it is absolute.
func ResolveCasePath(planPath, ref string) string {
	if path.IsAbs(ref) || planPath == "" || planPath == "-" {
		return ref
	}
	return path.Join(path.Dir(strings.ReplaceAll(planPath, `\`, "/")), ref)
}

// PlanCaseLine returns the line of the [plan] table's case key in a plan
// file's text (0 when it has none), so that a plan naming an unknown case
// is told where.
func PlanCaseLine(src []byte) int {
	return keyLines(string(src))["plan.case"]
}

// tooDeep reports the line where [ and { nest more than max deep outside
// strings and comments, and false then; true when the text stays within.
func tooDeep(src string, max int) (int, bool) {
	depth, line := 0, 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case '"', '\'':
			delim := string(c)
			if strings.HasPrefix(src[i:], strings.Repeat(delim, 3)) {
				delim = strings.Repeat(delim, 3)
			}
			j := i + len(delim)
			for j < len(src) {
				if c == '"' && src[j] == '\\' {
					j += 2
					continue
				}
				if strings.HasPrefix(src[j:], delim) || (len(delim) == 1 && src[j] == '\n') {
					break
				}
				if src[j] == '\n' {
					line++
				}
				j++
			}
			i = j + len(delim) - 1
		case '[', '{':
			depth++
			if depth > max {
				return line, false
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, true
}

var (
	headerLine = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_."' -]+?)\s*\]\]?\s*(#.*)?$`)
	keyLine    = regexp.MustCompile(`^\s*([A-Za-z0-9_."' -]+?)\s*=\s*(.*)$`)
)

// keyLines maps the keys and tables of a TOML text to their 1-based
// lines: "case", "case.brief.fr", "rubric[2]", "rubric[2].check"; the keys
// of an inline table sit on its line. Multi-line strings are skipped. It
// is a reading of positions for messages only: the parser has the final
// word on the text.
func keyLines(src string) map[string]int {
	out := map[string]int{}
	prefix := ""
	counts := map[string]int{}
	inString := ""
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if inString != "" {
			if strings.Contains(line, inString) {
				inString = ""
			}
			continue
		}
		if m := headerLine.FindStringSubmatch(line); m != nil && !strings.Contains(line, "=") {
			name := unquoteKey(m[2])
			if m[1] == "[[" {
				idx := counts[name]
				counts[name]++
				name = fmt.Sprintf("%s[%d]", name, idx)
			}
			prefix = name
			if _, ok := out[name]; !ok {
				out[name] = n
			}
			continue
		}
		m := keyLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := join(prefix, unquoteKey(m[1]))
		if _, ok := out[key]; !ok {
			out[key] = n
		}
		val := strings.TrimSpace(m[2])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(val, q) && !strings.Contains(val[3:], q) {
				inString = q
			}
		}
	}
	return out
}

// unquoteKey turns a TOML key as written (dotted, maybe quoted, with
// spaces around the dots) into a dotted path.
func unquoteKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if u, err := strconv.Unquote(p); err == nil {
			p = u
		} else {
			p = strings.Trim(p, `'`)
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}
