package report

import (
	"regexp"
	"strings"
	"testing"

	"campaignsim/simulate/display"
)

// plainSpaceBefore finds a plain space where French typography wants a
// no-break one: before : ; ! ? and », after «.
var plainSpaceBefore = regexp.MustCompile(` [:;!?»]|« `)

// TestFrenchTypography: the French words of the document and of advice
// (pdf_ and advice_ codes) put a no-break space before : ; ! ? and inside
// « » — 52 of them had a plain space ("Actions : le mix", "« {a} »"), so
// a line could break before the colon.
func TestFrenchTypography(t *testing.T) {
	cat, err := display.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for code, tm := range cat {
		if !strings.HasPrefix(code, "pdf_") && !strings.HasPrefix(code, "advice_") {
			continue
		}
		if loc := plainSpaceBefore.FindStringIndex(tm.FR); loc != nil {
			t.Errorf("%s: %q has a plain space at %q", code, tm.FR, tm.FR[loc[0]:loc[1]])
		}
	}
}
