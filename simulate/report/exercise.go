package report

import (
	"context"
	"fmt"
	"os"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
)

// exStrs are the words of an exercise plan's cover box and annex, in both
// languages (French typography as in strs).
var exStrs = map[string]text{
	"exercise":       {"Exercice", "Exercise"},
	"student":        {"Élève", "Student"},
	"no student":     {"(nom à indiquer dans le plan : student)", "(name to give in the plan: student)"},
	"case":           {"Cas", "Case"},
	"score":          {"Note", "Score"},
	"score value":    {"%s / 20 (%d points sur %d)", "%s / 20 (%d of %d points)"},
	"annex":          {"Annexe — grille d'évaluation", "Annex — marking grid"},
	"annex intro":    {"chaque point de la grille est calculé à partir du plan et de ses résultats.", "each item of the grid is computed from the plan and its results."},
	"col check":      {"Point de la grille", "Grid item"},
	"col done":       {"Fait", "Done"},
	"col points":     {"Points", "Points"},
	"col todo":       {"Ce qu'il reste à faire", "What is left to do"},
	"yes":            {"oui", "yes"},
	"no":             {"non", "no"},
	"total":          {"Total", "Total"},
	"case not found": {"Le cas de cet exercice n'a pas pu être lu : %s", "This exercise's case could not be read: %s"},
}

// ex is one of exStrs in the document's language.
func (d *doc) ex(key string) string {
	t, ok := exStrs[key]
	if !ok {
		return key
	}
	if d.lang == plan.LangEN {
		return t.en
	}
	return t.fr
}

// exercise is what an exercise plan's document adds: its case and the
// plan's grade, computed once.
type exercise struct {
	c     simulate.Case
	g     simulate.Grade
	err   string // why the case or the grade is missing ("" when present)
	ready bool
}

// exercisePages draws the exercise box on the cover of an exercise plan
// (call it right after the cover) and returns what draws the annex, to be
// called once the last section is written: write calls it as
// "defer d.exercisePages()()", its one hook. For a plan that names no
// case both do nothing.
func (d *doc) exercisePages() func() {
	e := d.exerciseOf()
	if e == nil {
		return func() {}
	}
	d.exerciseCover(e)
	return func() { d.exerciseAnnex(e) }
}

// exerciseOf grades the plan against the case it names (plan.Info.Case):
// a built-in case by id, a case file by its path, relative to the plan
// file's folder (Options.PlanPath; the current folder without one), as
// grade reads it. Nil for a plan that is no exercise.
func (d *doc) exerciseOf() *exercise {
	ref := strings.TrimSpace(d.p.Info.Case)
	if ref == "" {
		return nil
	}
	e := &exercise{}
	var err error
	if simulate.IsCasePath(ref) {
		var data []byte
		path := simulate.ResolveCasePath(d.planPath, ref)
		if data, err = readCase(path); err == nil {
			e.c, err = simulate.DecodeCase(path, data)
		}
	} else {
		e.c, err = simulate.BuiltinCase(ref)
	}
	if err == nil {
		e.g, err = simulate.GradeResult(context.Background(), d.p, e.c, d.an.Base)
	}
	if err != nil {
		e.err = d.caseErrorText(err)
		return e
	}
	e.ready = true
	return e
}

// readCase reads a case file, at most simulate.MaxCaseSize+1 bytes (its
// decoder refuses a larger one).
func readCase(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, simulate.MaxCaseSize+1)
	n, err := f.Read(buf)
	if err != nil {
		return nil, err
	}
	return buf[:n], nil
}

// caseErrorText is err in the document's language: a case's problems
// rendered from their codes, each with its file and line.
func (d *doc) caseErrorText(err error) string {
	list, ok := err.(simulate.CaseErrors)
	if !ok {
		return err.Error()
	}
	parts := make([]string, len(list))
	for i, e := range list {
		s := d.text(e.Msg)
		if e.File != "" && e.Line > 0 {
			s = fmt.Sprintf("%s:%d: %s", e.File, e.Line, s)
		}
		parts[i] = s
	}
	return strings.Join(parts, " ")
}

// exerciseCover adds, on the cover of an exercise plan, a box with the
// case, the student's name and the score out of 20.
func (d *doc) exerciseCover(e *exercise) {
	lang := d.lang
	student := strings.TrimSpace(d.p.Info.Student)
	if student == "" {
		student = d.ex("no student")
	}
	caseName := d.p.Info.Case
	if e.ready {
		caseName = e.c.Title.In(lang)
	}
	rows := [][]string{{d.ex("student"), student}, {d.ex("case"), caseName}}
	if e.ready {
		rows = append(rows, []string{d.ex("score"), fmt.Sprintf(d.ex("score value"), display.Decimal(e.g.Grade20, 2, lang), e.g.Score, e.g.Max)})
	}
	// The cover ends with its footnote at the bottom of the page: the box
	// stands above it, where the cover's table (eight lines at most) never
	// reaches.
	pdf := d.pdf
	pdf.SetY(pageH - 84)
	d.font(true, 12)
	d.color(colPrimary)
	d.cell(contentW, 7, d.ex("exercise"), 1, "L")
	t := table{cols: []column{{45, "L"}, {contentW - 45, "L"}}, size: 11}
	d.font(false, t.size)
	for _, row := range rows {
		ls, h := d.rowLines(t, row)
		z := colLight
		d.color(colText)
		d.drawRow(t, ls, h+2, &z)
	}
	if !e.ready {
		d.paraStyle(fmt.Sprintf(d.ex("case not found"), e.err), false, bodySize, colBad)
	}
	d.color(colText)
}

// exerciseAnnex adds, at the end of an exercise plan's document, the
// marking grid: each rubric item, done or not, its points, and what is
// left to do; then the total and the score out of 20.
func (d *doc) exerciseAnnex(e *exercise) {
	if !e.ready {
		return
	}
	title := d.ex("annex")
	d.newPage(title, title)
	d.para(e.c.Title.In(d.lang) + " — " + d.ex("annex intro"))
	t := table{
		cols: []column{{70, "L"}, {14, "C"}, {16, "R"}, {contentW - 100, "L"}},
		head: []string{d.ex("col check"), d.ex("col done"), d.ex("col points"), d.ex("col todo")},
		bold: map[int]bool{},
		size: tableSize + 0.5,
	}
	for _, ch := range e.g.Checks {
		done, pts := d.ex("no"), fmt.Sprintf("0 / %d", ch.Points)
		if ch.OK {
			done, pts = d.ex("yes"), fmt.Sprintf("%d / %d", ch.Points, ch.Points)
		}
		t.rows = append(t.rows, []string{d.text(ch.Label), done, pts, d.text(ch.Todo)})
	}
	t.bold[len(t.rows)] = true
	t.rows = append(t.rows, []string{d.ex("total"), "", fmt.Sprintf("%d / %d", e.g.Score, e.g.Max),
		fmt.Sprintf(d.ex("score value"), display.Decimal(e.g.Grade20, 2, d.lang), e.g.Score, e.g.Max)})
	d.table(t)
}
