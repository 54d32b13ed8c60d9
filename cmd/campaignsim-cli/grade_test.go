package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"campaignsim/plan"
)

// TestGoldenCase keeps the case command's outputs: the list, the brief in
// French and English, and the starting plan.
func TestGoldenCase(t *testing.T) {
	for _, c := range []struct {
		name, lang string
		args       []string
	}{
		{"case.list.txt", "fr_FR.UTF-8", []string{"case"}},
		{"case.bakery.fr.txt", "fr_FR.UTF-8", []string{"case", "bakery"}},
		{"case.bakery.en.txt", "en_US.UTF-8", []string{"case", "bakery"}},
		{"case.bakery.start.toml", "fr_FR.UTF-8", []string{"case", "bakery", "-o", "-"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			inLocale(t, c.lang)
			r := runCLI(t, "", c.args...)
			if r.code != exitOK {
				t.Fatalf("%v: exit %d, stderr %s", c.args, r.code, r.stderr)
			}
			checkGolden(t, c.name, []byte(r.stdout))
		})
	}
}

// TestCaseStartingPlanFile: -o writes the starting plan, which validates
// and names its case; the brief is not the answer (no channel).
func TestCaseStartingPlanFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "depart.toml")
	if r := runCLI(t, "", "case", "bakery", "-o", out); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Decode(out, data)
	if err != nil {
		t.Fatal(err)
	}
	if p.Info.Case != "bakery" || len(p.Channels) != 0 || len(p.Objectives) != 1 {
		t.Errorf("starting plan: case %q, %d channels, %d objectives", p.Info.Case, len(p.Channels), len(p.Objectives))
	}
	if r := runCLI(t, "", "validate", out); r.code != exitOK {
		t.Errorf("validate: exit %d: %s", r.code, r.stderr)
	}
}

// TestCaseErrorsInTheUsersLanguage: a broken case file is exit 1 with its
// line, in French or English; an unknown id is too.
func TestCaseErrorsInTheUsersLanguage(t *testing.T) {
	data, _ := os.ReadFile(filepath.Join("..", "..", "assets", "cases", "bakery.toml"))
	broken := strings.Replace(string(data), `check = "ranges"`, `check = "rangées"`, 1)
	path := writeTemp(t, "moncas.toml", broken)
	line := strings.Count(broken[:strings.Index(broken, `check = "rangées"`)], "\n") + 1
	inLocale(t, "fr_FR.UTF-8")
	r := runCLI(t, "", "case", path)
	want := path + ":" + strconv.Itoa(line) + ": Le contrôle «\u00a0rangées\u00a0» n'existe pas\u00a0: écrivez l'un de "
	if r.code != exitInvalid || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("exit %d, stderr %q, want %q…", r.code, r.stderr, want)
	}
	inLocale(t, "en_US.UTF-8")
	r = runCLI(t, "", "grade", "--case", path, "x.toml")
	if r.code != exitInvalid || !strings.Contains(r.stderr, `There is no check “rangées”`) || r.stdout != "" {
		t.Errorf("grade with a broken case: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, "", "case", "boulangerie")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "There is no case “boulangerie”: write one of the built-in cases (bakery)") {
		t.Errorf("unknown case: exit %d, stderr %q", r.code, r.stderr)
	}
}

// class writes a class of plans in a folder and returns their names: the
// finished example with a student's name, the starting plan, a plan that
// does not parse, one that names an unknown case, one whose case is a
// teacher's file next to it, and a file that does not exist.
func class(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ex, _ := plan.ExampleFile("bakery")
	alice := strings.Replace(string(ex), "client = ", "student = \"Alice Martin\"\ncase = \"bakery\"\nclient = ", 1)
	write("alice.toml", alice)
	t.Chdir(dir)
	if r := runCLI(t, "", "case", "bakery", "-o", "bruno.toml"); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	start, _ := os.ReadFile("bruno.toml")
	write("bruno.toml", strings.Replace(string(start), "case = ", "student = \"Bruno Petit\"\ncase = ", 1))
	write("chloe.toml", "format = 1\n[plan\ntitle = \"x\"\n")
	write("david.toml", strings.Replace(alice, `case = "bakery"`, `case = "boulangerie"`, 1))
	cas, _ := os.ReadFile(filepath.Join(goldenDir, "..", "..", "..", "..", "assets", "cases", "bakery.toml"))
	write("cas-prof.toml", strings.Replace(string(cas), "min = 2\n", "min = 30\n", 1))
	write("emma.toml", strings.Replace(alice, `case = "bakery"`, `case = "cas-prof.toml"`, 1))
	return dir, []string{"alice.toml", "bruno.toml", "chloe.toml", "david.toml", "emma.toml", "absent.toml"}
}

// TestGoldenGrade keeps grade's three formats on a class with good, bad
// and missing files: every file has its row and the exit code is 0.
func TestGoldenGrade(t *testing.T) {
	needEngine(t)
	_, files := class(t)
	for _, c := range []struct {
		name, lang string
		args       []string
	}{
		{"grade.fr.txt", "fr_FR.UTF-8", []string{"grade"}},
		{"grade.en.txt", "en_US.UTF-8", []string{"grade"}},
		{"grade.fr.csv", "fr_FR.UTF-8", []string{"grade", "--format", "csv"}},
		{"grade.en.json", "en_US.UTF-8", []string{"grade", "--format", "json"}},
		{"grade.case.csv", "fr_FR.UTF-8", []string{"grade", "--case", "bakery", "--format", "csv"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			inLocale(t, c.lang)
			r := runCLI(t, "", append(c.args, files...)...)
			if r.code != exitOK {
				t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
			}
			checkGolden(t, c.name, []byte(r.stdout))
		})
	}
}

// TestGradeCSVRows: one row per file, in order, even for broken ones; the
// finished plan scores 20/20, the starting plan 4 points (objective as
// briefed 1, within budget 2, duration 1) = 4/20; the unknown case is an
// error at the plan's case line; the teacher's own case (ranges: min 30)
// takes the range point away: 19/20 = 19 × 20 / 20 = 19.
func TestGradeCSVRows(t *testing.T) {
	needEngine(t)
	_, files := class(t)
	inLocale(t, "fr_FR.UTF-8")
	r := runCLI(t, "", append([]string{"grade", "--format", "csv"}, files...)...)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || r.code != exitOK {
		t.Fatalf("exit %d, %v: %s", r.code, err, r.stderr)
	}
	if len(rows) != len(files)+1 || strings.Join(rows[0], ",") != "file,student,score,max,grade20,missing,error" {
		t.Fatalf("rows = %q", rows)
	}
	byFile := map[string][]string{}
	for i, row := range rows[1:] {
		if row[0] != files[i] {
			t.Errorf("row %d is %s, want %s", i+1, row[0], files[i])
		}
		byFile[row[0]] = row
	}
	check := func(file, student, score, grade string) {
		t.Helper()
		row := byFile[file]
		if row[1] != student || row[2] != score || row[3] != "20" && score != "" || row[4] != grade {
			t.Errorf("%s: %q", file, row)
		}
	}
	check("alice.toml", "Alice Martin", "20", "20.00")
	check("bruno.toml", "Bruno Petit", "4", "4.00")
	check("emma.toml", "Alice Martin", "19", "19.00")
	check("chloe.toml", "", "", "")
	check("david.toml", "", "", "")
	david, _ := os.ReadFile("david.toml")
	line := strings.Count(string(david[:strings.Index(string(david), `case = "boulangerie"`)]), "\n") + 1
	if e := byFile["david.toml"][6]; !strings.HasPrefix(e, "david.toml:"+strconv.Itoa(line)+": Il n'y a pas de cas «\u00a0boulangerie\u00a0»") {
		t.Errorf("unknown case: %q", e)
	}
	if e := byFile["chloe.toml"][6]; !strings.HasPrefix(e, "chloe.toml:2:") {
		t.Errorf("broken plan: %q", e)
	}
	if m := byFile["bruno.toml"][5]; !strings.Contains(m, "Au moins 3 canaux qui coûtent ou touchent quelqu'un\u00a0; ") {
		t.Errorf("missing: %q", m)
	}
}
