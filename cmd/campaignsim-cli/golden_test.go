package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/plan"
)

// update rewrites the golden files: go test ./cmd/campaignsim-cli -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden from the current outputs")

// goldenDir is where the golden files are, found before any test changes
// the working folder.
var goldenDir, _ = filepath.Abs(filepath.Join("testdata", "golden"))

// goldenDate fixes the PDF's date (SOURCE_DATE_EPOCH): 2027-01-04 00:00 UTC.
const goldenDate = "1799020800"

// goldenCase is one command whose output is kept: the arguments after the
// plan, the locale and the golden file's suffix.
type goldenCase struct {
	suffix string
	lang   string
	args   []string
}

// goldenCases are the outputs a user reads or a program parses, for each
// example plan: every format of simulate, the planning tools, and the
// tracking commands where the plan has actuals.
func goldenCases(hasActuals bool) []goldenCase {
	cs := []goldenCase{
		{"validate.txt", "fr_FR.UTF-8", []string{"validate"}},
		{"simulate.fr.txt", "fr_FR.UTF-8", []string{"simulate", "--scenario", "all"}},
		{"simulate.en.txt", "en_US.UTF-8", []string{"simulate", "--scenario", "all"}},
		{"simulate.json", "fr_FR.UTF-8", []string{"simulate", "--scenario", "all", "--format", "json"}},
		{"simulate.csv", "fr_FR.UTF-8", []string{"simulate", "--scenario", "all", "--format", "csv"}},
		{"uncertainty.txt", "fr_FR.UTF-8", []string{"uncertainty", "--runs", "2000"}},
		{"uncertainty.json", "fr_FR.UTF-8", []string{"uncertainty", "--runs", "2000", "--format", "json"}},
		{"optimize.txt", "fr_FR.UTF-8", []string{"optimize"}},
		{"optimize.json", "fr_FR.UTF-8", []string{"optimize", "--format", "json"}},
		{"sensitivity.txt", "fr_FR.UTF-8", []string{"sensitivity"}},
		{"sensitivity.json", "fr_FR.UTF-8", []string{"sensitivity", "--format", "json"}},
		{"goalseek.txt", "fr_FR.UTF-8", []string{"goalseek", "--metric", "customers", "--target", "100"}},
		{"goalseek.json", "fr_FR.UTF-8", []string{"goalseek", "--metric", "customers", "--target", "100", "--mix", "optimize", "--format", "json"}},
	}
	if hasActuals {
		cs = append(cs,
			goldenCase{"evaluate.txt", "fr_FR.UTF-8", []string{"evaluate"}},
			goldenCase{"evaluate.json", "fr_FR.UTF-8", []string{"evaluate", "--format", "json"}},
			goldenCase{"evaluate.csv", "fr_FR.UTF-8", []string{"evaluate", "--format", "csv"}},
			goldenCase{"track.txt", "fr_FR.UTF-8", []string{"track"}},
			goldenCase{"track.json", "fr_FR.UTF-8", []string{"track", "--format", "json"}},
		)
	}
	return cs
}

// checkGolden compares got with testdata/golden/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file %s (run the test with -update to create it): %v", path, err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from its golden file at line %d:\n got: %q\nwant: %q\n(rerun with -update if the change is intended, and say why in the commit)", name, i+1, g, w)
			}
		}
	}
}

// TestGoldenOutputs keeps the command line's outputs for every example
// plan byte for byte, so that a refactoring that changes a figure or a
// word is seen (ARCHITECTURE.md "Testing").
func TestGoldenOutputs(t *testing.T) {
	needEngine(t)
	dir := t.TempDir()
	for _, name := range plan.ExampleNames() {
		data, ok := plan.ExampleFile(name)
		if !ok {
			t.Fatalf("example %s has no file", name)
		}
		path := filepath.Join(dir, name+".toml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		hasActuals := bytes.Contains(data, []byte("\n[[actuals]]"))
		for _, c := range goldenCases(hasActuals) {
			t.Run(name+"."+c.suffix, func(t *testing.T) {
				inLocale(t, c.lang)
				args := append([]string{c.args[0], name + ".toml"}, c.args[1:]...)
				t.Chdir(dir)
				r := runCLI(t, "", args...)
				if r.code != exitOK {
					t.Fatalf("%v: exit %d, stderr %s", args, r.code, r.stderr)
				}
				checkGolden(t, name+"."+c.suffix, []byte(r.stdout))
			})
		}
	}
}

// TestGoldenPDFText keeps the text of the PDF documents (pdftotext) of the
// bakery plan in French and English and of the b2b plan in English.
func TestGoldenPDFText(t *testing.T) {
	needEngine(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (make test installs poppler-utils)")
	}
	dir := t.TempDir()
	for _, c := range []struct{ example, lang, scenario string }{
		{"bakery", "fr", "base"},
		{"bakery", "en", "all"},
		{"b2b-software", "en", "base"},
	} {
		name := c.example + ".pdf." + c.lang + ".txt"
		t.Run(name, func(t *testing.T) {
			old := getenv
			getenv = func(k string) string {
				if k == "SOURCE_DATE_EPOCH" {
					return goldenDate
				}
				return ""
			}
			t.Cleanup(func() { getenv = old })
			data, _ := plan.ExampleFile(c.example)
			in := filepath.Join(dir, c.example+".toml")
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, name+".pdf")
			r := runCLI(t, "", "export", in, "-o", out, "--lang", c.lang, "--scenario", c.scenario)
			if r.code != exitOK {
				t.Fatalf("export: exit %d, stderr %s", r.code, r.stderr)
			}
			text, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, text)
		})
	}
}
