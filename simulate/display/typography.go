package display

import "regexp"

// frenchSpacingRE finds a plain space or tab where French typography wants
// a no-break space (U+00A0): before : ; ? ! and », and after «.
var frenchSpacingRE = regexp.MustCompile(`[ \t][:;?!»]|«[^\x{a0}]`)

// FrenchSpacing returns the first place in s, a French text, where a
// plain space stands for the no-break one French typography wants (before
// : ; ? ! », after «), so that a line is never broken before a colon; ""
// when there is none. The catalog's test and the app's translations' test
// check every French text with it.
func FrenchSpacing(s string) string { return frenchSpacingRE.FindString(s) }
