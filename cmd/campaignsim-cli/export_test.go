package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExport runs the export command: a PDF on success, the exit codes of
// FORMAT.md on failure, and no file written when it fails.
func TestExport(t *testing.T) {
	needEngine(t)
	planPath := writeTemp(t, "plan.toml", testPlan)
	badPath := writeTemp(t, "bad.toml", invalidPlan)
	dir := t.TempDir()
	out := filepath.Join(dir, "plan.pdf")

	r := runCLI(t, "", "export", planPath, "-o", out, "--lang", "en", "--scenario", "all")
	if r.code != exitOK {
		t.Fatalf("export: exit %d, stderr %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("export wrote no PDF: %v", err)
	}
	if r.stdout != "" {
		t.Errorf("export printed on stdout: %q", r.stdout)
	}
	// Flags before PLAN, and the plan on standard input.
	if r := runCLI(t, testPlan, "export", "-o", filepath.Join(dir, "stdin.pdf"), "-"); r.code != exitOK {
		t.Fatalf("export from stdin: exit %d, stderr %s", r.code, r.stderr)
	}

	empty := t.TempDir()
	folderPDF := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.Mkdir(folderPDF, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing -o", []string{"export", planPath}, exitUsage, "missing -o"},
		{"bad --lang", []string{"export", planPath, "-o", filepath.Join(empty, "x.pdf"), "--lang", "de"}, exitUsage, "--lang"},
		{"bad --scenario", []string{"export", planPath, "-o", filepath.Join(empty, "x.pdf"), "--scenario", "nope"}, exitUsage, "no such scenario"},
		{"no plan", []string{"export", "-o", filepath.Join(empty, "x.pdf")}, exitUsage, "missing PLAN"},
		{"invalid plan", []string{"export", badPath, "-o", filepath.Join(empty, "x.pdf")}, exitInvalid, "bad.toml:"},
		{"missing plan file", []string{"export", filepath.Join(empty, "none.toml"), "-o", filepath.Join(empty, "x.pdf")}, exitIO, "cannot read"},
		{"unwritable folder", []string{"export", planPath, "-o", filepath.Join(empty, "no", "such", "x.pdf")}, exitIO, "x.pdf"},
		{"output is a folder", []string{"export", planPath, "-o", folderPDF}, exitIO, "f.pdf/plan.pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", c.args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d; stderr %s", r.code, c.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.msg) {
				t.Errorf("stderr %q lacks %q", r.stderr, c.msg)
			}
			if entries, _ := os.ReadDir(empty); len(entries) != 0 {
				t.Errorf("%d files left in the output folder", len(entries))
			}
		})
	}

	help := runCLI(t, "", "export", "--help")
	if help.code != exitOK || !strings.Contains(help.stdout, "usage: campaignsim-cli export PLAN -o OUT.pdf") {
		t.Errorf("export --help: exit %d, stdout %q", help.code, help.stdout)
	}
}

// inLocale runs the rest of the test with the locale LANG=lang.
func inLocale(t *testing.T, lang string) {
	t.Helper()
	old := getenv
	getenv = func(k string) string {
		if k == "LANG" {
			return lang
		}
		return ""
	}
	t.Cleanup(func() { getenv = old })
}

// TestExportNeverOverwritesWhatItMustNot: the plan itself (under any name),
// a device, a link's nature — issue 9, item 3. Before the fix,
// `export p.toml -o p.toml` replaced the plan with a PDF and exited 0.
func TestExportNeverOverwritesWhatItMustNot(t *testing.T) {
	needEngine(t)
	inLocale(t, "en_US.UTF-8")
	dir := t.TempDir()
	planPath := filepath.Join(dir, "p.toml")
	if err := os.WriteFile(planPath, []byte(testPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(planPath, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{planPath, link} {
		r := runCLI(t, "", "export", planPath, "-o", out)
		if r.code != exitUsage || !strings.Contains(r.stderr, "is the plan itself") {
			t.Errorf("-o %s: exit %d, stderr %q; want exit 2 naming the plan", out, r.code, r.stderr)
		}
	}
	if data, _ := os.ReadFile(planPath); string(data) != testPlan {
		t.Fatal("the plan was overwritten")
	}
	// A device node is not replaced.
	devLink := filepath.Join(dir, "dev.pdf")
	_ = os.Symlink("/dev/null", devLink)
	r := runCLI(t, "", "export", planPath, "-o", devLink)
	if r.code != exitIO || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("-o a link to /dev/null: exit %d, stderr %q", r.code, r.stderr)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Fatal("/dev/null is no longer a device")
	}
	// Through a link to a PDF: the link stays a link, its target is written.
	target := filepath.Join(dir, "real.pdf")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	pdfLink := filepath.Join(dir, "out.pdf")
	_ = os.Symlink("real.pdf", pdfLink)
	if r := runCLI(t, "", "export", planPath, "-o", pdfLink); r.code != exitOK {
		t.Fatalf("-o a link: exit %d, stderr %s", r.code, r.stderr)
	}
	if fi, _ := os.Lstat(pdfLink); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(target); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("the link's target is not the PDF")
	}
	// Another extension is a usage error (the format follows the extension).
	r = runCLI(t, "", "export", planPath, "-o", filepath.Join(dir, "plan.docx"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "plan.pdf") {
		t.Errorf("-o plan.docx: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestExportErrorsInFrench: the output errors follow the locale.
func TestExportErrorsInFrench(t *testing.T) {
	needEngine(t)
	inLocale(t, "fr_FR.UTF-8")
	planPath := writeTemp(t, "p.toml", testPlan)
	r := runCLI(t, "", "export", planPath, "-o", planPath)
	if r.code != exitUsage || !strings.Contains(r.stderr, "est le plan lui-même") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, "", "export", planPath, "-o", t.TempDir()+"/")
	if !strings.Contains(r.stderr, "pdf") {
		t.Errorf("a folder: stderr %q", r.stderr)
	}
}
