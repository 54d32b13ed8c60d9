package editors

import (
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate/display"
)

// The ids of new items are written in the plan's file, so they are made
// from words in the plan's language (plan.Info.Language), not the
// program's English names: a print channel of a French plan is
// "imprimes", of an English plan "print"; a new objective is "objectif"
// or "objective". The interface language does not matter: the file's
// reader is the plan's author.

// channelIDBase is the id a new channel of kind k starts from: the kind's
// name in lang, made an id ("E-mailing" → "e-mailing", "Liens
// sponsorisés" → "liens-sponsorises").
func channelIDBase(k plan.Kind, lang plan.Language) string {
	return slugify(display.KindLabel(k, lang))
}

// objectiveWords is the word a new objective's id starts from, by plan
// language; French for any other value, as display does.
var objectiveWords = map[plan.Language]string{plan.LangFR: "objectif", plan.LangEN: "objective"}

// objectiveIDBase is the id a new objective starts from in lang, before
// its statement gives it a better one.
func objectiveIDBase(lang plan.Language) string {
	if w, ok := objectiveWords[lang]; ok {
		return w
	}
	return objectiveWords[plan.LangFR]
}

// isPlaceholderObjectiveID reports whether id is one objectiveIDBase
// gave (in either language, perhaps with "-2", "-3"…), which a statement
// then replaces.
func isPlaceholderObjectiveID(id string) bool {
	for _, w := range objectiveWords {
		if id == w || strings.HasPrefix(id, w+"-") {
			return true
		}
	}
	return false
}
