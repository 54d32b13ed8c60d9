package editors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// startingPlan is the bakery case's starting plan.
func startingPlan(t *testing.T) plan.Plan {
	t.Helper()
	c, err := simulate.BuiltinCase("bakery")
	if err != nil {
		t.Fatal(err)
	}
	p, err := simulate.StartingPlan(c)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// newCaseViewTest shows p in a Case view whose grading waits in q.
func newCaseViewTest(t *testing.T, text string, p plan.Plan) (*CaseView, *recorder, *apptest.WorkQueue) {
	t.Helper()
	apptest.NewTestApp(t, text, plan.Language(text))
	rec := &recorder{}
	w := test.NewTempWindow(t, nil)
	v := NewCaseView(w, rec.edit)
	q := &apptest.WorkQueue{}
	v.reading.Go, v.grading.Go = q.Run, q.Run
	rec.panel = v
	w.SetContent(v.Widget())
	w.Resize(fyne.NewSize(1024, 768))
	v.Refresh(p, nil)
	return v, rec, q
}

// checklistText is the text of the checklist's rows, one line per row.
func checklistText(v *CaseView) []string {
	var out []string
	for _, row := range v.checklist.Objects {
		var parts []string
		for _, o := range row.(*fyne.Container).Objects {
			if box, ok := o.(*fyne.Container); ok {
				for _, l := range box.Objects {
					parts = append(parts, l.(*widget.Label).Text)
				}
			}
		}
		out = append(out, strings.Join(parts, " | "))
	}
	return out
}

// TestCaseViewNoCase: a plan that names no case says how to start one.
func TestCaseViewNoCase(t *testing.T) {
	v, _, q := newCaseViewTest(t, "fr", bakery(t))
	v.Refresh(bakery(t), results(t, bakery(t)))
	if !v.none.Visible() || v.body.Visible() || q.Pending() != 0 {
		t.Errorf("no case: hint %v, body %v, %d gradings", v.none.Visible(), v.body.Visible(), q.Pending())
	}
	if !strings.Contains(v.none.Text, "Fichier → Nouveau") {
		t.Errorf("hint = %q", v.none.Text)
	}
}

// TestCaseViewChecklist: the starting plan's checklist in French, live:
// 4 points of 20 (objective as briefed 1, within budget 2, duration 1),
// each item with its mark and, when missed, what to do; once the plan
// changes, the new grading replaces it.
func TestCaseViewChecklist(t *testing.T) {
	p := startingPlan(t)
	v, _, q := newCaseViewTest(t, "fr", p)
	if v.title.Text != "Exercice\u00a0: Boulangerie Artisanale Dupont" || !v.body.Visible() {
		t.Errorf("title %q", v.title.Text)
	}
	if v.score.Text != "Évaluation en cours…" {
		t.Errorf("score before grading = %q", v.score.Text)
	}
	v.Refresh(p, results(t, p))
	if n := q.Drain(); n != 1 {
		t.Fatalf("%d gradings ran, want 1", n)
	}
	if v.score.Text != "Note\u00a0: 4,00/20 (4 points sur 20)" {
		t.Errorf("score = %q", v.score.Text)
	}
	rows := checklistText(v)
	if len(rows) != 11 {
		t.Fatalf("%d rows, want the rubric's 11: %q", len(rows), rows)
	}
	if !strings.HasPrefix(rows[0], "L'objectif de l'énoncé\u00a0: Clients ≥ 200 (1 pt)") || strings.Contains(rows[0], "|") {
		t.Errorf("row 1 (done, no todo) = %q", rows[0])
	}
	if !strings.Contains(rows[4], "Au moins 3 canaux") || !strings.Contains(rows[4], "| Canaux qui coûtent ou touchent quelqu'un\u00a0: 0, il en faut au moins 3.") {
		t.Errorf("row 5 (missed, with what to do) = %q", rows[4])
	}

	// A newer plan graded first, then the older grading answers: it is dropped.
	ex := bakery(t)
	ex.Info.Case = "bakery"
	v.Refresh(p, results(t, p))
	v.Refresh(ex, results(t, ex))
	if q.Pending() != 2 {
		t.Fatalf("%d gradings wait, want 2", q.Pending())
	}
	q.Drain()
	if v.score.Text != "Note\u00a0: 20,00/20 (20 points sur 20)" {
		t.Errorf("score after the finished plan = %q (a stale grading was shown)", v.score.Text)
	}
}

// TestCaseViewEnglish: the same screen in English.
func TestCaseViewEnglish(t *testing.T) {
	p := startingPlan(t)
	v, _, q := newCaseViewTest(t, "en", p)
	v.Refresh(p, results(t, p))
	q.Drain()
	if v.title.Text != "Exercise: Boulangerie Artisanale Dupont (artisan bakery)" || v.score.Text != "Score: 4.00 / 20 (4 of 20 points)" {
		t.Errorf("title %q, score %q", v.title.Text, v.score.Text)
	}
}

// TestCaseViewStudentAndTracking: the student's name is typed; the
// tracking indicators and tools are ticked in lists (a tick is an edit at
// once), and land in the plan's [tracking] as names the engine computes.
func TestCaseViewStudentAndTracking(t *testing.T) {
	v, rec, _ := newCaseViewTest(t, "fr", startingPlan(t))
	typeIn(v.student, "Camille Martin")
	if got := rec.last(t).Info.Student; got != "Camille Martin" {
		t.Fatalf("student = %q", got)
	}
	label := func(name string) string {
		for l, n := range v.kpiNames {
			if n == name {
				return l
			}
		}
		t.Fatalf("no indicator %s in the list", name)
		return ""
	}
	v.kpis.SetSelected([]string{label("cpa"), label("customers"), label("response_rate")})
	got := rec.last(t).Tracking.KPIs
	if strings.Join(got, ",") != "cpa,customers,response_rate" {
		t.Errorf("kpis = %v, want the TrackingKPIs order cpa, customers, response_rate", got)
	}
	v.tools.SetSelected([]string{"Mailchimp", "Google Ads"})
	p := rec.last(t)
	if strings.Join(p.Tracking.Tools, ",") != "Google Ads,Mailchimp" {
		t.Errorf("tools = %v", p.Tracking.Tools)
	}
	if !simulate.Developed(p, simulate.ElementTracking) {
		t.Error("three indicators and two tools develop the tracking element")
	}
	// Eleven indicators: the plan takes ten at most; the edit is refused
	// with the plan's reason and the list shows the plan again.
	var many []string
	for _, k := range simulate.TrackingKPIs()[:11] {
		many = append(many, label(k))
	}
	n := len(rec.plans)
	v.kpis.SetSelected(many)
	if len(rec.plans) != n || v.trackErr.Text == "" || len(v.kpis.Selected) != 3 {
		t.Errorf("eleven indicators: %d edits, error %q, %d ticked", len(rec.plans)-n, v.trackErr.Text, len(v.kpis.Selected))
	}
}

// TestCaseViewCaseBesidePlan: a case file named by a relative path is read
// from the plan file's folder (DocPath), as grade and the PDF read it; it
// was read from the folder the app runs in.
func TestCaseViewCaseBesidePlan(t *testing.T) {
	data, ok := simulate.BuiltinCaseFile("bakery")
	if !ok {
		t.Fatal("no built-in bakery case")
	}
	dir := filepath.Join(t.TempDir(), "classe")
	if err := os.MkdirAll(filepath.Join(dir, "cas"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cas", "boulangerie.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	p := startingPlan(t)
	p.Info.Case = "cas/boulangerie.toml"
	apptest.NewTestApp(t, "fr", plan.LangFR)
	w := test.NewTempWindow(t, nil)
	v := NewCaseView(w, (&recorder{}).edit)
	q := &apptest.WorkQueue{}
	v.reading.Go, v.grading.Go = q.Run, q.Run
	v.DocPath = func() string { return filepath.Join(dir, "plan.toml") }
	w.SetContent(v.Widget())
	v.Refresh(p, results(t, p))
	q.Drain()
	if v.title.Text != "Exercice\u00a0: Boulangerie Artisanale Dupont" || v.score.Text != "Note\u00a0: 4,00/20 (4 points sur 20)" {
		t.Errorf("the case beside the plan: title %q, score %q, brief %q", v.title.Text, v.score.Text, v.brief.Text)
	}
	// Saved in another folder (no case there): the case is looked for there.
	elsewhere := filepath.Join(t.TempDir(), "plan.toml")
	v.DocPath = func() string { return elsewhere }
	p.Info.Student = "Camille"
	v.Refresh(p, results(t, p))
	// the file is named, and why in French (it was Go's English; for a while
	// "son dossier n'existe pas", a writing's reason)
	if n := q.Drain(); n != 1 || !strings.Contains(v.brief.Text, "boulangerie.toml") ||
		!strings.Contains(v.brief.Text, "le fichier n'existe pas") || v.score.Text != "" {
		t.Errorf("no case in the new folder: %d jobs (want the reading, no grading), brief %q, score %q", n, v.brief.Text, v.score.Text)
	}
}

// TestCaseViewReadsTheCaseOffTheUIGoroutine: a case file is read and
// decoded in the background (it was read on the UI goroutine, in show):
// until it is, the screen names the case by its reference and grades
// nothing. A reading overtaken by a newer one (the plan saved in another
// folder meanwhile) is dropped: the case shown is the newer folder's, and
// the plan is graded against it once.
func TestCaseViewReadsTheCaseOffTheUIGoroutine(t *testing.T) {
	data, ok := simulate.BuiltinCaseFile("bakery")
	if !ok {
		t.Fatal("no built-in bakery case")
	}
	var dirs []string
	for _, title := range []string{"Première", "Seconde"} {
		dir := filepath.Join(t.TempDir(), "classe")
		if err := os.MkdirAll(filepath.Join(dir, "cas"), 0o755); err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(data), `fr = "Boulangerie Artisanale Dupont"`, `fr = "`+title+`"`, 1)
		if err := os.WriteFile(filepath.Join(dir, "cas", "boulangerie.toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	p := startingPlan(t)
	p.Info.Case = "cas/boulangerie.toml"
	apptest.NewTestApp(t, "fr", plan.LangFR)
	w := test.NewTempWindow(t, nil)
	v := NewCaseView(w, (&recorder{}).edit)
	var jobs []func()
	queue := func(f func()) { jobs = append(jobs, f) }
	v.reading.Go, v.grading.Go = queue, queue
	doc := filepath.Join(dirs[0], "plan.toml")
	v.DocPath = func() string { return doc }
	w.SetContent(v.Widget())
	v.Refresh(p, results(t, p))
	if len(jobs) != 1 || v.title.Text != "Exercice\u00a0: cas/boulangerie.toml" || v.score.Text != "" || len(v.checklist.Objects) != 0 {
		t.Fatalf("%d jobs, title %q, score %q: want the reading under way, nothing graded", len(jobs), v.title.Text, v.score.Text)
	}
	// saved in the second folder before the first reading ends
	doc = filepath.Join(dirs[1], "plan.toml")
	p.Info.Student = "Camille"
	v.Refresh(p, results(t, p))
	if len(jobs) != 2 {
		t.Fatalf("%d jobs, want a second reading", len(jobs))
	}
	jobs[0]() // the first folder's case: stale
	if len(jobs) != 2 || v.title.Text != "Exercice\u00a0: cas/boulangerie.toml" {
		t.Fatalf("the stale reading was used: %d jobs, title %q", len(jobs), v.title.Text)
	}
	jobs[1]()
	if len(jobs) != 3 || v.title.Text != "Exercice\u00a0: Seconde" || v.score.Text != "Évaluation en cours…" {
		t.Fatalf("%d jobs, title %q, score %q: want the second folder's case, being graded", len(jobs), v.title.Text, v.score.Text)
	}
	jobs[2]()
	if v.score.Text != "Note\u00a0: 4,00/20 (4 points sur 20)" || len(v.checklist.Objects) != 11 {
		t.Errorf("score %q, %d rows", v.score.Text, len(v.checklist.Objects))
	}
}
