package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/plan"

	"github.com/xuri/excelize/v2"
)

// TestExportWorkbook: -o ending in .xlsx writes the workbook (issue 14;
// before, any -o but .pdf was refused, and earlier a PDF was written under
// that name), with the plan file's comments as sources; the format
// follows the extension, whatever its case; the same plan and
// SOURCE_DATE_EPOCH give the same bytes.
func TestExportWorkbook(t *testing.T) {
	needEngine(t)
	withEnv(t, map[string]string{"LANG": "en_US.UTF-8", "SOURCE_DATE_EPOCH": "1798761600"})
	text, _ := plan.ExampleFile("bakery")
	planPath := writeTemp(t, "bakery.toml", string(text))
	dir := t.TempDir()
	out := filepath.Join(dir, "plan.xlsx")
	r := runCLI(t, "", "export", planPath, "-o", out)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("export -o plan.xlsx: exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("no workbook written: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 7 || got[0] != "Synthèse" {
		t.Errorf("sheets %q: want seven, in the plan's language (French)", got)
	}
	rows, _ := f.GetRows("Hypothèses")
	found := false
	for _, r := range rows {
		found = found || strings.Join(r, "|") != "" && strings.Contains(strings.Join(r, "|"), "WordStream, « Facebook Ads Benchmarks for YOUR Industry » (2017) (moyenne tous secteurs)")
	}
	if !found {
		t.Error("the plan file's comment is not the ctr's source")
	}

	// --lang en, an upper-case extension, and the same bytes twice.
	upper := filepath.Join(dir, "PLAN.XLSX")
	for i := 0; i < 2; i++ {
		if r := runCLI(t, "", "export", planPath, "-o", upper, "--lang", "en"); r.code != exitOK {
			t.Fatalf("export -o PLAN.XLSX: exit %d, stderr %s", r.code, r.stderr)
		}
		again, _ := os.ReadFile(upper)
		if i == 0 {
			data = again
		} else if !bytes.Equal(data, again) {
			t.Error("the same plan and SOURCE_DATE_EPOCH gave two workbooks")
		}
	}
	g, err := excelize.OpenFile(upper)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if got := g.GetSheetList(); got[0] != "Summary" {
		t.Errorf("--lang en: sheets %q", got)
	}

	// The plan on standard input has no file: no comment, still a workbook.
	if r := runCLI(t, string(text), "export", "-", "-o", filepath.Join(dir, "stdin.xlsx")); r.code != exitOK {
		t.Fatalf("export - -o stdin.xlsx: exit %d, stderr %s", r.code, r.stderr)
	}
}

// TestExportFormatByExtension: an extension that is neither .pdf nor
// .xlsx is a usage error naming both, in the locale's language; an
// unwritable workbook is an I/O error; nothing is left behind.
func TestExportFormatByExtension(t *testing.T) {
	needEngine(t)
	planPath := writeTemp(t, "plan.toml", testPlan)
	empty := t.TempDir()
	cases := []struct {
		lang, out string
		code      int
		msgs      []string
	}{
		{"en_US.UTF-8", filepath.Join(empty, "plan.docx"), exitUsage, []string{"plan.pdf", "plan.xlsx", "format follows the extension"}},
		{"en_US.UTF-8", filepath.Join(empty, "plan"), exitUsage, []string{"plan.pdf", "plan.xlsx"}},
		{"fr_FR.UTF-8", filepath.Join(empty, "plan.xls"), exitUsage, []string{"plan.pdf", "plan.xlsx", "le format suit l'extension"}},
		{"en_US.UTF-8", filepath.Join(empty, "no", "such", "plan.xlsx"), exitIO, []string{"plan.xlsx", "its folder does not exist"}},
		{"fr_FR.UTF-8", filepath.Join(empty, "no", "plan.xlsx"), exitIO, []string{"plan.xlsx", "son dossier n'existe pas"}},
	}
	for _, c := range cases {
		withEnv(t, map[string]string{"LANG": c.lang})
		r := runCLI(t, "", "export", planPath, "-o", c.out)
		if r.code != c.code {
			t.Errorf("-o %s: exit %d, want %d; stderr %s", c.out, r.code, c.code, r.stderr)
		}
		for _, m := range c.msgs {
			if !strings.Contains(r.stderr, m) {
				t.Errorf("-o %s: stderr %q lacks %q", c.out, r.stderr, m)
			}
		}
		if entries, _ := os.ReadDir(empty); len(entries) != 0 {
			t.Errorf("-o %s: %d files left behind", c.out, len(entries))
		}
	}

	// A read-only folder (when not running as root, who may write anyway).
	if os.Geteuid() != 0 {
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(ro, 0o755)
		withEnv(t, map[string]string{"LANG": "en_US.UTF-8"})
		r := runCLI(t, "", "export", planPath, "-o", filepath.Join(ro, "plan.xlsx"))
		if r.code != exitIO || !strings.Contains(r.stderr, "permission denied") {
			t.Errorf("a read-only folder: exit %d, stderr %q", r.code, r.stderr)
		}
		if entries, _ := os.ReadDir(ro); len(entries) != 0 {
			t.Errorf("%d files left in the read-only folder", len(entries))
		}
	}
}
