package report

import (
	"fmt"
	"strings"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate/display"
)

// text is one string in French and English (the sector names below).
type text struct{ fr, en string }

// msgCode is the catalog code of the document's string key: "pdf_" and
// the key, spaces as underscores ("col status" → "pdf_col_status"). Every
// sentence, heading and column title of the document is in the message
// catalog, assets/i18n/messages/report.toml, keyed so; keys are short
// English descriptions.
func msgCode(key string) string { return "pdf_" + strings.ReplaceAll(key, " ", "_") }

// tr returns the string key in lang, from the catalog (display.Text); a
// missing key shows its code, so a typo is visible in the document and
// caught by the tests.
func tr(lang plan.Language, key string) string {
	return display.Text(plan.NewMsg(msgCode(key)), lang, "")
}

// argNames name the arguments of the document's templates, in order.
const argNames = "abcdefghij"

// trf returns the string key in lang with args, each already formatted
// (fmt.Sprint), in the template's order {a}, {b}…
func trf(lang plan.Language, key string, args ...any) string {
	as := make([]plan.Arg, len(args))
	for i, a := range args {
		as[i] = plan.TextArg(argNames[i:i+1], fmt.Sprint(a))
	}
	return display.Text(plan.NewMsg(msgCode(key), as...), lang, "")
}

// hasText reports whether the catalog has the document's string key.
func hasText(key string) bool {
	cat, _ := display.Catalog()
	_, ok := cat[msgCode(key)]
	return ok
}

// quote puts s between quotation marks: « s » in French, “s” in English.
func quote(lang plan.Language, s string) string {
	if lang == plan.LangEN {
		return "“" + s + "”"
	}
	return "«\u00a0" + s + "\u00a0»"
}

// sectorNames names the sectors of plan.Sectors.
var sectorNames = map[string]text{
	"software":           {"logiciel", "software"},
	"financial-services": {"services financiers", "financial services"},
	"ecommerce":          {"e-commerce", "e-commerce"},
	"manufacturing":      {"industrie", "manufacturing"},
	"local-retail":       {"commerce de proximité", "local retail"},
	"food-service":       {"restauration", "food service"},
	"services":           {"services", "services"},
	"other":              {"autre", "other"},
}

// sectorName returns the name of a sector key in lang ("—" when empty).
func sectorName(lang plan.Language, key string) string {
	t, ok := sectorNames[key]
	switch {
	case key == "":
		return "—"
	case !ok:
		return key
	case lang == plan.LangEN:
		return t.en
	}
	return t.fr
}

// monthNames are the short month names of each language.
var monthNames = [2][12]string{
	{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// monthLabel names plan month m (1-based) of a plan starting on start:
// "M1 · janv. 2027" / "M1 · Jan 2027"; just "M1" when start is zero.
func monthLabel(lang plan.Language, start plan.Date, m int) string {
	if start.IsZero() {
		return fmt.Sprintf("M%d", m)
	}
	d := start.AddMonths(m - 1)
	i := 0
	if lang == plan.LangEN {
		i = 1
	}
	return fmt.Sprintf("M%d · %s %d", m, monthNames[i][d.Month-time.January], d.Year)
}

// longDate writes d in words: "4 janvier 2027" / "4 January 2027".
func longDate(lang plan.Language, d plan.Date) string {
	if lang == plan.LangEN {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month.String(), d.Year)
	}
	long := [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
	day := fmt.Sprint(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, long[d.Month-time.January], d.Year)
}

// monthsText is "3 mois" / "3 months" ("1 month").
func monthsText(lang plan.Language, n int) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, tr(lang, "month one"))
	}
	return fmt.Sprintf("%d %s", n, tr(lang, "month many"))
}
