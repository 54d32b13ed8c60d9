package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/plan"
)

// bakeryFile writes the bakery example (with its comments) to a temporary
// folder and returns its path and text.
func bakeryFile(t *testing.T) (string, string) {
	t.Helper()
	data, ok := plan.ExampleFile("bakery")
	if !ok {
		t.Fatal("no bakery example")
	}
	return writeTemp(t, "bakery.toml", string(data)), string(data)
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestSet edits the bakery: the changed lines only, every comment kept,
// the previous version as .bak, values in the plan's own form.
func TestSet(t *testing.T) {
	path, orig := bakeryFile(t)
	r := runCLI(t, "", "set", path, "plan.budget=6000", "business.average_order=9.00",
		"channels.google-display.locked=true", "plan.author=")
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	got := readText(t, path)
	want := strings.NewReplacer(
		"budget = \"5000\"\n", "budget = \"6000\"\n",
		`average_order = "8.50"         # panier`, `average_order = "9.00"         # panier`,
		"max_budget = \"1500\"\n", "max_budget = \"1500\"\nlocked = true\n",
		"author = \"Exemple CampaignSim, d'après le cours de R. Juston-Coumat «\u00a0Mesure de la performance marketing online et offline\u00a0» (2024)\"\n", "",
	).Replace(orig)
	if got != want {
		t.Errorf("the file is not the bakery with the four changes:\n%s", got)
	}
	if bak := readText(t, path+".bak"); bak != orig {
		t.Error("the .bak is not the previous version")
	}
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("set printed %q %q", r.stdout, r.stderr)
	}
	// A value that is already so writes nothing.
	os.Remove(path + ".bak")
	if r := runCLI(t, "", "set", path, "plan.budget=6000"); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(path + ".bak"); err == nil {
		t.Error("an unchanged plan was written again")
	}
}

// TestSetSymlink: the link stays a link, its target gets the new text.
func TestSetSymlink(t *testing.T) {
	target, orig := bakeryFile(t)
	link := filepath.Join(t.TempDir(), "link.toml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if r := runCLI(t, "", "set", link, "plan.months=4"); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (%v)", err)
	}
	if got, want := readText(t, target), strings.Replace(orig, "months = 3\n", "months = 4\n", 1); got != want {
		t.Errorf("the target is not the bakery with months = 4:\n%s", got)
	}
	if readText(t, target+".bak") != orig {
		t.Error("no .bak beside the target")
	}
}

// TestSetErrors: a bad key, value or usage leaves the file byte for byte
// as it was, with the exit codes of FORMAT.md.
func TestSetErrors(t *testing.T) {
	path, orig := bakeryFile(t)
	invalid := writeTemp(t, "bad.toml", invalidPlan)
	missing := filepath.Join(t.TempDir(), "none.toml")
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown key", []string{path, "plan.budgte=1"}, exitInvalid, `did you mean "plan.budget"`},
		{"unknown channel", []string{path, "channels.google-dispaly.budget=1"}, exitInvalid, `did you mean "google-display"`},
		{"bad decimal", []string{path, "plan.budget=5000,50"}, exitInvalid, "write plan.budget=5000.50"},
		{"out of range", []string{path, "business.gross_margin=1.5"}, exitInvalid, "gross_margin = 1.5 is out of range"},
		{"channel out of range", []string{path, "channels.google-display.ctr=2"}, exitInvalid, "bakery.toml: channels.google-display.ctr: ctr = 2 is out of range"},
		{"one bad of two", []string{path, "plan.months=4", "plan.months=x"}, exitInvalid, "not a whole number"},
		{"required emptied", []string{path, "plan.title="}, exitInvalid, "required"},
		{"invalid plan file", []string{invalid, "plan.months=4"}, exitInvalid, "bad.toml:"},
		{"stdin", []string{"-", "plan.months=4"}, exitUsage, "cannot be -"},
		{"no pair", []string{path}, exitUsage, "missing KEY=VALUE"},
		{"no plan", nil, exitUsage, "missing PLAN"},
		{"not a pair", []string{path, "plan.months"}, exitUsage, "is not KEY=VALUE"},
		{"unknown flag", []string{path, "--force", "plan.months=4"}, exitUsage, "unknown flag --force: this command takes none"},
		{"missing file", []string{missing, "plan.months=4"}, exitIO, "cannot read"},
		{"folder", []string{t.TempDir(), "plan.months=4"}, exitIO, "directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", append([]string{"set"}, c.args...)...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d; stderr %s", r.code, c.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.msg) {
				t.Errorf("stderr %q lacks %q", r.stderr, c.msg)
			}
			if readText(t, path) != orig {
				t.Error("the plan file changed")
			}
			if _, err := os.Stat(path + ".bak"); err == nil {
				t.Error("a .bak was written")
			}
		})
	}
	if readText(t, invalid) != invalidPlan {
		t.Error("the invalid plan file changed")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("set created the missing file")
	}
}

// TestSetLayoutKept: a layout the editor does not change in place is an
// error (exit 3) that leaves the file as it was, never a lost comment.
func TestSetLayoutKept(t *testing.T) {
	text := strings.Replace(testPlan, "[plan]\ntitle = ", "# the title\nplan.title = ", 1)
	text = strings.Replace(text, "language = \"fr\"", "[plan]\nlanguage = \"fr\"", 1)
	path := writeTemp(t, "dotted.toml", text)
	if r := runCLI(t, "", "validate", path); r.code != exitOK {
		t.Fatalf("the dotted plan does not validate: %s", r.stderr)
	}
	r := runCLI(t, "", "set", path, "plan.months=4")
	if r.code != exitIO || !strings.Contains(r.stderr, "dotted key") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if readText(t, path) != text {
		t.Error("the file changed")
	}
}

// TestSetHelp: set --help, and set in the top-level help.
func TestSetHelp(t *testing.T) {
	r := runCLI(t, "", "set", "--help")
	if r.code != exitOK || !strings.Contains(r.stdout, "usage: campaignsim-cli set PLAN KEY=VALUE...") ||
		!strings.Contains(r.stdout, "channels.ID.K") {
		t.Errorf("set --help: exit %d, stdout %q", r.code, r.stdout)
	}
	top := runCLI(t, "", "--help")
	if !strings.Contains(top.stdout, "campaignsim-cli set PLAN KEY=VALUE...") {
		t.Error("the top-level help lacks set")
	}
}

// TestSetLayoutInFrench: the layout that cannot be kept is told in French
// under a French locale, with the editor's reason in French too (it was
// the editor's English, "dotted key").
func TestSetLayoutInFrench(t *testing.T) {
	text := strings.Replace(testPlan, "[plan]\ntitle = ", "# the title\nplan.title = ", 1)
	text = strings.Replace(text, "language = \"fr\"", "[plan]\nlanguage = \"fr\"", 1)
	path := writeTemp(t, "dotted.toml", text)
	withEnv(t, map[string]string{"LANG": "fr_FR.UTF-8"})
	r := runCLI(t, "", "set", path, "plan.months=4")
	want := path + "\u00a0: la mise en page du fichier ne peut pas être gardée ("
	if r.code != exitIO || !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "(le fichier contient une clé à points (a.b = …))") ||
		!strings.Contains(r.stderr, "éditeur de texte") {
		t.Errorf("exit %d, stderr %q, want it to start %q", r.code, r.stderr, want)
	}
	withEnv(t, map[string]string{"LANG": "C"})
	r = runCLI(t, "", "set", path, "plan.months=4")
	if want := path + ": the layout of the file cannot be kept (the file has a dotted key): edit this file"; r.code != exitIO || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("English: exit %d, stderr %q, want it to start %q", r.code, r.stderr, want)
	}
}
