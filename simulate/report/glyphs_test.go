package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate/report"
)

// odd are characters DejaVu Sans cannot draw (an emoji, CJK, a
// mathematical letter outside the BMP, private use, a flag of two
// regional indicators), with a combining accent it can.
const odd = "🥐 中文 𝔘 \ue000 🇫🇷 e\u0301"

// oddShown is odd as the document draws it: one U+FFFD per character the
// font lacks.
const oddShown = "\ufffd \ufffd\ufffd \ufffd \ufffd \ufffd\ufffd e\u0301"

// TestMissingGlyphsExport checks that a valid plan whose title, names,
// owners, statements, context and scenario names hold characters the
// font lacks exports in both languages (it failed with "character
// outside the supported range" before), that pdftotext shows U+FFFD in
// their place, and that the summary lists the replaced characters by code
// point.
func TestMissingGlyphsExport(t *testing.T) {
	tool(t, "pdftotext")
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	p = p.Clone()
	p.Info.Title = "Plan " + odd
	p.Info.Author += " " + odd
	p.Info.Client += " " + odd
	p.Info.Context = odd + "\n\n" + p.Info.Context
	p.Business.Name += " " + odd
	for i := range p.Channels {
		p.Channels[i].Name += " " + odd
		p.Channels[i].Owner += " " + odd
	}
	for i := range p.Objectives {
		p.Objectives[i].Statement += " " + odd
	}
	for i := range p.Scenarios {
		p.Scenarios[i].Name += " " + odd
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		t.Fatalf("the plan is not valid: %v", errs)
	}
	for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
		path := filepath.Join(t.TempDir(), "odd.pdf")
		if err := report.WriteFile(path, p, report.Options{Lang: lang, Scenario: "all", Date: date}); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		text := flat(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
		for _, s := range []string{"Plan " + oddShown, p.Business.Name[:len(p.Business.Name)-len(odd)] + oddShown,
			strings.TrimSuffix(p.Channels[0].Name, odd) + oddShown} {
			if !strings.Contains(text, flat(s)) {
				t.Errorf("%s: the text lacks %q", lang, s)
			}
		}
		notice := map[plan.Language]string{plan.LangFR: "Caractères remplacés : U+1F950, U+4E2D, U+6587, U+1D518, U+E000, U+1F1EB, U+1F1F7.",
			plan.LangEN: "Characters replaced: U+1F950, U+4E2D, U+6587, U+1D518, U+E000, U+1F1EB, U+1F1F7."}[lang]
		if !strings.Contains(text, notice) {
			t.Errorf("%s: the summary lacks the notice %q", lang, notice)
		}
		if strings.Contains(text, "🥐") || strings.Contains(text, "中") {
			t.Errorf("%s: the text has a character the font cannot draw", lang)
		}
	}
}
