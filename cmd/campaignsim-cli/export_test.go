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
		{"unwritable folder", []string{"export", planPath, "-o", filepath.Join(empty, "no", "such", "x.pdf")}, exitIO, "cannot write"},
		{"output is a folder", []string{"export", planPath, "-o", empty}, exitIO, "folder"},
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
