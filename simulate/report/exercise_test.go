package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"
)

// pdfText is the text of a PDF (pdftotext), page by page; the test is
// skipped without pdftotext.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (make test installs poppler-utils)")
	}
	cmd := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(out), "\f")
}

// TestExercisePages: an exercise plan's document has, on its cover, the
// student's name, the case and the score out of 20, and as its last page
// the marking grid with each item and the total; a plan that names no
// case has neither.
func TestExercisePages(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	plain, err := render(p, Options{Date: date})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(pdfText(t, plain), ""); strings.Contains(text, "Élève") || strings.Contains(text, "Annexe") {
		t.Error("a plan without a case has no exercise pages")
	}
	p.Info.Student, p.Info.Case = "Camille Martin", "bakery"
	data, err := render(p, Options{Date: date})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, data)
	cover := pages[0]
	for _, want := range []string{"Exercice", "Élève", "Camille Martin", "Cas", "Boulangerie Artisanale Dupont", "20,00 / 20 (20 points sur 20)"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover lacks %q:\n%s", want, cover)
		}
	}
	last := pages[len(pages)-1]
	if strings.TrimSpace(last) == "" {
		last = pages[len(pages)-2]
	}
	for _, want := range []string{"Annexe — grille d'évaluation", "Au moins 3 canaux qui coûtent ou touchent", "20 / 20"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page lacks %q:\n%s", want, last)
		}
	}
	p.Info.Case = "boulangerie"
	data, err = render(p, Options{Date: date, Lang: plan.LangEN})
	if err != nil {
		t.Fatal(err)
	}
	if cover := pdfText(t, data)[0]; !strings.Contains(cover, "This exercise's case could not be read: There is no case") {
		t.Errorf("an unknown case is said on the cover:\n%s", cover)
	}
}

// TestExerciseCaseBesidePlan: a case file the plan names by a relative
// path is read from the plan file's folder (Options.PlanPath), as grade
// reads it, not from the current folder; without PlanPath, from the
// current folder.
func TestExerciseCaseBesidePlan(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
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
	p.Info.Student, p.Info.Case = "Camille Martin", "cas/boulangerie.toml"
	date := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	d, err := prepare(p, Options{Date: date, PlanPath: filepath.Join(dir, "plan.toml")})
	if err != nil {
		t.Fatal(err)
	}
	if e := d.exerciseOf(); e == nil || !e.ready || e.g.Score != e.g.Max {
		t.Fatalf("the case beside the plan is not read: %+v", e)
	}
	d, err = prepare(p, Options{Date: date})
	if err != nil {
		t.Fatal(err)
	}
	if e := d.exerciseOf(); e == nil || e.ready || !strings.Contains(e.err, "cas/boulangerie.toml") {
		t.Errorf("without PlanPath the case is read from the current folder (none there): %+v", e)
	}
}
