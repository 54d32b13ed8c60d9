package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"campaignsim/plan"
)

// french and english are the locales of the tests below.
var (
	french  = map[string]string{"LANG": "fr_FR.UTF-8"}
	english = map[string]string{"LANG": "C.UTF-8"}
)

// englishWords are words of the English help that no French text
// contains: one of them in a French help is English left over.
var englishWords = regexp.MustCompile(`(?i)\b(the|use|write|with|is|are|and|of|flags?|usage|run|missing|default|needs?|unknown|file|plan's)\b`)

// jsonOrKey is what the French help may quote as written: the JSON
// shapes and values between quotes, words between « », and a CSV's
// header (words joined by commas).
var jsonOrKey = regexp.MustCompile(`"[^"]*"|«[^»]*»|\w+(,\w+)+`)

// TestHelpInBothLanguages walks every command's --help (and the top-level
// help) in French and in English: the French one has no English word
// outside the JSON shapes it quotes, the English one no French word, and
// both list the same flags in the same layout.
func TestHelpInBothLanguages(t *testing.T) {
	cmds := [][]string{{"--help"}}
	for _, cmd := range commands() {
		cmds = append(cmds, []string{cmd.name, "--help"})
	}
	for _, args := range cmds {
		withEnv(t, french)
		fr := runCLI(t, "", args...)
		withEnv(t, english)
		en := runCLI(t, "", args...)
		if fr.code != exitOK || en.code != exitOK || fr.stderr != "" || en.stderr != "" {
			t.Fatalf("%v: exit %d/%d, stderr %q / %q", args, fr.code, en.code, fr.stderr, en.stderr)
		}
		if fr.stdout == en.stdout {
			t.Errorf("%v: the French help is the English one", args)
		}
		for _, l := range strings.Split(fr.stdout, "\n") {
			if m := englishWords.FindString(jsonOrKey.ReplaceAllString(l, "")); m != "" && !strings.Contains(l, "Teachers and students") {
				t.Errorf("%v: English %q in the French line %q", args, m, l)
			}
			if strings.Contains(l, " :") || strings.Contains(l, "« ") || strings.Contains(l, " »") {
				t.Errorf("%v: a plain space where French wants a no-break one in %q", args, l)
			}
		}
		for _, w := range []string{"Utilisation", "Options", "utilisation", "par défaut", "fichier"} {
			if strings.Contains(en.stdout, w) {
				t.Errorf("%v: French %q in the English help", args, w)
			}
		}
		if len(args) == 2 {
			if !strings.HasPrefix(fr.stdout, "utilisation\u00a0: campaignsim-cli "+args[0]) ||
				!strings.HasPrefix(en.stdout, "usage: campaignsim-cli "+args[0]) {
				t.Errorf("%v: first lines %q / %q", args, firstLine(fr.stdout), firstLine(en.stdout))
			}
			if a, b := flagNames(fr.stdout), flagNames(en.stdout); strings.Join(a, " ") != strings.Join(b, " ") {
				t.Errorf("%v: flags %v in French, %v in English", args, a, b)
			}
		}
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// flagNames are the flags a help lists, as PrintDefaults writes them.
func flagNames(help string) []string {
	var names []string
	for _, l := range strings.Split(help, "\n") {
		if strings.HasPrefix(l, "  -") {
			n, _, _ := strings.Cut(l[2:], " ")
			n, _, _ = strings.Cut(n, "\t")
			names = append(names, n)
		}
	}
	return names
}

// TestHelpFlagLayout: the flags of a help are written as PrintDefaults
// writes them, their value named in the help's language and their default
// shown.
func TestHelpFlagLayout(t *testing.T) {
	withEnv(t, french)
	r := runCLI(t, "", "examples", "--help")
	if want := "\nOptions\u00a0:\n  -o FICHIER\n    \técrire l'exemple dans FICHIER au lieu de la sortie standard\n"; !strings.HasSuffix(r.stdout, want) {
		t.Errorf("French examples --help ends\n%q, want\n%q", r.stdout[max(0, len(r.stdout)-200):], want)
	}
	r = runCLI(t, "", "simulate", "--help")
	if want := "  -format format\n    \tformat de sortie\u00a0: text, json ou csv (par défaut\u00a0: «\u00a0text\u00a0»)\n"; !strings.Contains(r.stdout, want) {
		t.Errorf("French simulate --help\n%s\nlacks %q", r.stdout, want)
	}
	withEnv(t, english)
	r = runCLI(t, "", "simulate", "--help")
	if want := "\nFlags:\n  -format format\n    \toutput format: text, json or csv (default \"text\")\n"; !strings.Contains(r.stdout, want) {
		t.Errorf("English simulate --help\n%s\nlacks %q", r.stdout, want)
	}
	if want := "  -runs int\n"; !strings.Contains(runCLI(t, "", "help", "track").stdout, want) &&
		!strings.Contains(runCLI(t, "", "help", "track").stdout, "  -runs N\n") {
		t.Errorf("track --help lacks -runs")
	}
}

// TestUsageErrorsFollowTheLocale: every kind of usage error, the flag
// package's included, is told in the locale's language with the
// command's synopsis and the hint, exit code 2 in both.
func TestUsageErrorsFollowTheLocale(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.toml")
	bakery, _ := plan.ExampleFile("bakery")
	planPath := writeTemp(t, "bakery.toml", string(bakery))
	for _, c := range []struct {
		args   []string
		fr, en string
	}{
		{[]string{"simulate"}, "PLAN manquant\u00a0: un fichier de plan, ou - pour l'entrée standard",
			"missing PLAN (a plan file, or - for standard input)"},
		{[]string{"validate", "a.toml", "b.toml"}, "trop d'arguments\u00a0: b.toml", "too many arguments: b.toml"},
		{[]string{"benchmarks", "x"}, "cette commande ne prend pas d'argument\u00a0: x", "unexpected argument: x"},
		{[]string{"simulate", missing, "--format", "xml"}, "--format «\u00a0xml\u00a0»\u00a0: choisissez parmi text, json, csv",
			`--format "xml": use one of text, json, csv`},
		{[]string{"simulate", planPath, "--scenario", "nope"}, "--scenario «\u00a0nope\u00a0»\u00a0: le plan n'a pas ce scénario",
			`--scenario "nope": the plan has no such scenario; use one of: "base", "all"`},
		{[]string{"simulate", missing, "--colour"}, "option --colour inconnue\u00a0: les options de cette commande sont --format, --library, --scenario",
			"unknown flag --colour: this command's flags are --format, --library, --scenario"},
		{[]string{"validate", missing, "-x"}, "option -x inconnue\u00a0: cette commande n'en prend aucune",
			"unknown flag -x: this command takes none"},
		{[]string{"simulate", missing, "-=x"}, "option mal écrite\u00a0: -=x (écrivez --nom ou --nom=valeur)",
			"bad flag syntax: -=x (write --name or --name=value)"},
		{[]string{"simulate", missing, "--format"}, "--format attend une valeur\u00a0: écrivez --format VALEUR",
			"--format needs a value: write --format VALUE"},
		{[]string{"track", missing, "--runs", "many"}, "--runs «\u00a0many\u00a0»\u00a0: écrivez un nombre entier, par exemple --runs 1000",
			`--runs "many": write a whole number, e.g. --runs 1000`},
		{[]string{"uncertainty", missing, "--runs", "-1"}, "--runs -1\u00a0: donnez un nombre de simulations de 1 à 1000000",
			"--runs -1: use a number of simulations from 1 to 1000000"},
		{[]string{"uncertainty", missing, "--seed", "x"}, "--seed «\u00a0x\u00a0»\u00a0: écrivez un nombre entier", `--seed "x": write a whole number`},
		{[]string{"goalseek", missing}, "--metric manquant\u00a0: choisissez parmi customers", "missing --metric: use one of customers"},
		{[]string{"goalseek", missing, "--metric", "customers"}, "--target manquant\u00a0: écrivez la valeur à atteindre",
			"missing --target: write the value to reach"},
		{[]string{"goalseek", missing, "--metric", "customers", "--target", "lots"}, "--target «\u00a0lots\u00a0»\u00a0: écrivez un nombre décimal",
			`--target "lots": write a decimal`},
		{[]string{"optimize", missing, "--budget", "-3"}, "--budget «\u00a0-3\u00a0»\u00a0: écrivez un montant ≥ 0", `--budget "-3": write an amount ≥ 0`},
		{[]string{"export", planPath}, "-o SORTIE.pdf ou -o SORTIE.xlsx manquant", "missing -o OUT.pdf or -o OUT.xlsx"},
		{[]string{"attribution", "p.csv"}, "--plan PLAN manquant", "missing --plan PLAN"},
		{[]string{"attribution"}, "donnez un seul fichier PARCOURS.csv", "give one PATHS.csv file"},
		{[]string{"examples", "-o", "x.toml"}, "-o demande le NOM d'un exemple", "-o needs an example NAME"},
		{[]string{"examples", "nope"}, "aucun exemple ne s'appelle «\u00a0nope\u00a0»\u00a0; exemples\u00a0: ", `no example named "nope"; examples: `},
		{[]string{"case", "-o", "x.toml"}, "-o demande l'ID d'un cas", "-o needs a case ID"},
		{[]string{"case", "bakery", "--lang", "de"}, "--lang «\u00a0de\u00a0»\u00a0: choisissez parmi fr, en", `--lang "de": use one of fr, en`},
		{[]string{"grade"}, "PLAN manquant\u00a0: un ou plusieurs fichiers de plan", "missing PLAN (one or more plan files)"},
		{[]string{"set", planPath}, "CLÉ=VALEUR manquant", "missing KEY=VALUE"},
		{[]string{"set", "-", "a=1"}, "PLAN ne peut pas être -", "PLAN cannot be -"},
		{[]string{"set", planPath, "budget"}, "«\u00a0budget\u00a0» n'est pas de la forme CLÉ=VALEUR", `"budget" is not KEY=VALUE`},
		{[]string{"benchmarks", "--sector", "bakery"}, "--sector «\u00a0bakery\u00a0»\u00a0: choisissez parmi software", `--sector "bakery": use one of software`},
	} {
		withEnv(t, french)
		fr := runCLI(t, "", c.args...)
		withEnv(t, english)
		en := runCLI(t, "", c.args...)
		cmd := c.args[0]
		wantFR := "campaignsim-cli " + cmd + "\u00a0: " + c.fr
		wantEN := "campaignsim-cli " + cmd + ": " + c.en
		if fr.code != exitUsage || !strings.HasPrefix(fr.stderr, wantFR) ||
			!strings.Contains(fr.stderr, "\nutilisation\u00a0: campaignsim-cli "+cmd) ||
			!strings.HasSuffix(fr.stderr, "Lancez «\u00a0campaignsim-cli "+cmd+" --help\u00a0» pour le détail.\n") {
			t.Errorf("%v in French: exit %d, stderr\n%s\nwant it to start %q", c.args, fr.code, fr.stderr, wantFR)
		}
		if en.code != exitUsage || !strings.HasPrefix(en.stderr, wantEN) ||
			!strings.Contains(en.stderr, "\nusage: campaignsim-cli "+cmd) ||
			!strings.HasSuffix(en.stderr, "Run 'campaignsim-cli "+cmd+" --help' for details.\n") {
			t.Errorf("%v in English: exit %d, stderr\n%s\nwant it to start %q", c.args, en.code, en.stderr, wantEN)
		}
		if fr.stdout != "" || en.stdout != "" {
			t.Errorf("%v: a usage error printed %q / %q", c.args, fr.stdout, en.stdout)
		}
	}
}

// TestUnknownCommandFollowsTheLocale: an unknown command and no command
// at all are told in the locale's language (exit 2).
func TestUnknownCommandFollowsTheLocale(t *testing.T) {
	withEnv(t, french)
	r := runCLI(t, "", "fly")
	want := "campaignsim-cli\u00a0: commande «\u00a0fly\u00a0» inconnue\nLancez «\u00a0campaignsim-cli --help\u00a0» pour la liste des commandes.\n"
	if r.code != exitUsage || r.stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", r.code, r.stderr, want)
	}
	r = runCLI(t, "")
	if r.code != exitUsage || !strings.Contains(r.stderr, "Commandes\u00a0:\n") {
		t.Errorf("no command in French: exit %d, stderr %.80q", r.code, r.stderr)
	}
}

// TestCaseStartingPlanLanguage: case -o writes the starting plan in the
// case's own language (the bakery case's is French), and --lang en writes
// it, and the brief, in English.
func TestCaseStartingPlanLanguage(t *testing.T) {
	withEnv(t, english)
	def := runCLI(t, "", "case", "bakery", "-o", "-")
	en := runCLI(t, "", "case", "bakery", "-o", "-", "--lang", "en")
	fr := runCLI(t, "", "case", "bakery", "-o", "-", "--lang", "fr")
	if def.code != exitOK || en.code != exitOK || fr.code != exitOK {
		t.Fatalf("exit %d/%d/%d: %s%s%s", def.code, en.code, fr.code, def.stderr, en.stderr, fr.stderr)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "golden", "case.bakery.start.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if def.stdout != string(golden) || fr.stdout != def.stdout {
		t.Errorf("the default and --lang fr starting plans differ from the golden")
	}
	if !strings.Contains(en.stdout, `language = "en"`) || en.stdout == def.stdout {
		t.Errorf("--lang en starting plan:\n%s", en.stdout)
	}
	for _, s := range []string{en.stdout, fr.stdout} {
		if _, err := plan.Decode("start.toml", []byte(s)); err != nil {
			t.Errorf("the starting plan does not decode: %v", err)
		}
	}
	withEnv(t, french)
	brief := runCLI(t, "", "case", "bakery", "--lang", "en")
	briefEN := runCLI(t, "", "case", "bakery")
	withEnv(t, english)
	if want := runCLI(t, "", "case", "bakery").stdout; brief.stdout != want || briefEN.stdout == want {
		t.Errorf("--lang en under a French locale does not give the English brief")
	}
}

// TestOutputWriteErrorFollowsTheLocale: standard output that cannot be
// written is told in the locale's language (exit 3).
func TestOutputWriteErrorFollowsTheLocale(t *testing.T) {
	withEnv(t, french)
	var errb bytes.Buffer
	code := run([]string{"--help"}, strings.NewReader(""), failingWriter{}, &errb)
	if code != exitIO || !strings.HasPrefix(errb.String(), "campaignsim-cli\u00a0: impossible d'écrire la sortie\u00a0: ") {
		t.Errorf("code %d stderr %q", code, errb.String())
	}
}

// TestReadErrorsFollowTheLocale: a plan or an input file that cannot be
// read is told in the locale's language (exit 3); English keeps the
// system's words.
func TestReadErrorsFollowTheLocale(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.toml")
	bakery, _ := plan.ExampleFile("bakery")
	planPath := writeTemp(t, "bakery.toml", string(bakery))
	for _, c := range []struct {
		args   []string
		fr, en string
	}{
		{[]string{"validate", missing}, "campaignsim-cli\u00a0: impossible de lire le plan " + missing + "\u00a0: le fichier n'existe pas\n",
			"campaignsim-cli: cannot read the plan: open " + missing + ": no such file or directory\n"},
		{[]string{"validate", dir}, "campaignsim-cli\u00a0: impossible de lire le plan " + dir + "\u00a0: c'est un dossier\n",
			"campaignsim-cli: cannot read the plan: " + dir + " is a directory\n"},
		{[]string{"track", planPath, "--actuals", missing}, missing + "\u00a0: impossible de lire le réalisé\u00a0: le fichier n'existe pas\n",
			missing + ": cannot read the actuals: no such file\n"},
		{[]string{"benchmarks", "--library", missing}, "campaignsim-cli benchmarks\u00a0: --library " + missing + "\u00a0: impossible de lire le fichier\u00a0: le fichier n'existe pas\n",
			"campaignsim-cli benchmarks: --library " + missing + ": open " + missing + ": no such file or directory\n"},
		{[]string{"attribution", dir, "--plan", planPath}, dir + "\u00a0: impossible de lire les parcours\u00a0: c'est un dossier\n",
			dir + ": cannot read the paths: " + dir + " is a directory\n"},
	} {
		withEnv(t, french)
		fr := runCLI(t, "", c.args...)
		withEnv(t, english)
		en := runCLI(t, "", c.args...)
		if fr.code != exitIO || fr.stderr != c.fr || en.code != exitIO || en.stderr != c.en {
			t.Errorf("%v: exit %d %q / exit %d %q, want %q / %q", c.args, fr.code, fr.stderr, en.code, en.stderr, c.fr, c.en)
		}
	}
}
