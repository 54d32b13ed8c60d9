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
