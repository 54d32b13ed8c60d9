package widgets

import (
	"testing"

	"campaignsim/plan"

	"fyne.io/fyne/v2"
)

func TestLanguageFor(t *testing.T) {
	for _, c := range []struct {
		pref, sys string
		want      plan.Language
	}{
		{"auto", "fr-FR", plan.LangFR},
		{"auto", "en-US", plan.LangEN},
		{"auto", "de-DE", plan.LangFR},
		{"auto", "", plan.LangFR},
		{"en", "fr-FR", plan.LangEN},
		{"fr", "en-GB", plan.LangFR},
	} {
		if got := languageFor(c.pref, fyne.Locale(c.sys)); got != c.want {
			t.Errorf("languageFor(%q, %q) = %q, want %q", c.pref, c.sys, got, c.want)
		}
	}
}

// A C or POSIX locale in the first of LC_ALL, LC_MESSAGES, LANG that is
// set means no language: the app's French default applies and Fyne is
// pointed at the chosen language through that variable.
func TestCLocaleEnv(t *testing.T) {
	for _, c := range []struct {
		all, messages, lang string
		env                 string
		isC                 bool
	}{
		{"", "", "", "", false},
		{"", "", "C.UTF-8", "LANG", true},
		{"", "fr_FR.UTF-8", "C", "LC_MESSAGES", false},
		{"POSIX", "fr_FR.UTF-8", "", "LC_ALL", true},
	} {
		t.Setenv("LC_ALL", c.all)
		t.Setenv("LC_MESSAGES", c.messages)
		t.Setenv("LANG", c.lang)
		if env, isC := cLocaleEnv(); env != c.env || isC != c.isC {
			t.Errorf("%+v: cLocaleEnv() = %q, %v", c, env, isC)
		}
	}
}

// Every purpose of an objective has its words, not its key.
func TestStageLabelNamesEveryPurpose(t *testing.T) {
	for _, p := range append(plan.Purposes, "sales") {
		if StageLabel(p) == p {
			t.Errorf("purpose %q has no label", p)
		}
	}
}
