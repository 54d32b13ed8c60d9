package main

import (
	"strings"
	"testing"

	"campaignsim/plan"
)

// withEnv runs the rest of the test with exactly the environment vars
// (every other variable unset).
func withEnv(t *testing.T, vars map[string]string) {
	t.Helper()
	old := getenv
	getenv = func(k string) string { return vars[k] }
	t.Cleanup(func() { getenv = old })
}

func TestEnvLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want plan.Language
	}{
		{map[string]string{"LANG": "fr_FR.UTF-8"}, plan.LangFR},
		{map[string]string{"LANG": "fr"}, plan.LangFR},
		{map[string]string{"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, plan.LangFR},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, plan.LangEN},
		{map[string]string{"LANG": "C.UTF-8"}, plan.LangEN},
		{map[string]string{"LANG": "de_DE.UTF-8"}, plan.LangEN},
		{map[string]string{}, plan.LangEN},
	} {
		withEnv(t, c.env)
		if got := envLanguage(); got != c.want {
			t.Errorf("%v: %s, want %s", c.env, got, c.want)
		}
	}
}

// badPlan has an unknown key on line 6, column 1 and a month count out
// of range on line 5.
const badPlan = `format = 1
[plan]
title = "Test"
start = 2027-01-04
months = 61
budgte = "100"
`

// TestValidateFollowsTheLocale: validate words the errors in the locale's
// language (French for fr_FR.UTF-8, English for C or none) at the same
// positions.
func TestValidateFollowsTheLocale(t *testing.T) {
	path := writeTemp(t, "bad.toml", badPlan)
	run := func(env map[string]string) []string {
		withEnv(t, env)
		r := runCLI(t, "", "validate", path)
		if r.code != exitInvalid || r.stdout != "" {
			t.Fatalf("%v: exit %d, stdout %q", env, r.code, r.stdout)
		}
		return strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	}
	fr := run(map[string]string{"LANG": "fr_FR.UTF-8"})
	en := run(map[string]string{"LANG": "C.UTF-8"})
	none := run(map[string]string{})
	if strings.Join(en, "\n") != strings.Join(none, "\n") {
		t.Errorf("C and no locale differ:\n%v\n%v", en, none)
	}
	if len(fr) != len(en) || len(fr) < 2 {
		t.Fatalf("French\n%v\nEnglish\n%v: want the same errors", fr, en)
	}
	for i := range fr {
		// the position is everything up to the third ": " (FILE:LINE:COL: )
		pf, pe := fr[i][:strings.Index(fr[i], ": ")+2], en[i][:strings.Index(en[i], ": ")+2]
		if pf != pe || !strings.HasPrefix(pf, path+":") {
			t.Errorf("line %d: position %q in French, %q in English", i, pf, pe)
		}
	}
	wantFR := path + ":6:1: clé «\u00a0budgte\u00a0» inconnue dans [plan]\u00a0; vouliez-vous dire «\u00a0budget\u00a0»\u00a0?"
	wantEN := path + ":6:1: unknown key \"budgte\" in [plan]; did you mean \"budget\"?"
	if !contains(fr, wantFR) || !contains(en, wantEN) {
		t.Errorf("French\n%q\nwant a line %q\nEnglish\n%q\nwant a line %q", fr, wantFR, en, wantEN)
	}
	wantFR = path + ":5:1: months = 61 est hors limites\u00a0: écrivez un nombre entier de 1 à 60"
	if !contains(fr, wantFR) {
		t.Errorf("French\n%q\nwant a line %q", fr, wantFR)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}
