package display

import (
	"errors"
	"regexp"
	"strings"
	"time"

	"campaignsim/plan"

	"github.com/bojanz/currency"
	"github.com/shopspring/decimal"
)

// Errors of the parsers of what people type; the app and the command line
// word them for the reader.
var (
	// ErrNotNumber: the text is not a number in either language's form.
	ErrNotNumber = errors.New("not a number")
	// ErrNotWhole: the number has a fraction, or is beyond ±10^15.
	ErrNotWhole = errors.New("not a whole number")
	// ErrNotDate: the text is not a date that exists, as 04/01/2027 or
	// 2027-01-04.
	ErrNotDate = errors.New("not a date")
)

// MaxTypedLen is the longest number the parsers read, in bytes: longer
// text is ErrNotNumber before any work (a plan's amounts need far fewer).
const MaxTypedLen = 40

var (
	plainNumberRE = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)$`)
	groupsRE      = regexp.MustCompile(`^[+-]?[1-9]\d{0,2}([.,]\d{3})+$`) // a leading group never starts with 0
)

// ParseNumber reads a decimal number as people type it, in French or
// English, the one reader of typed numbers (the app's fields, the command
// line's amounts):
//   - spaces (also no-break and narrow no-break ones) and apostrophes
//     between thousands are dropped; "%", "€", "$", "£", "¥" and an ISO
//     currency code ("EUR", "chf") around the number are ignored; "−"
//     (U+2212) and "–" are minus signs;
//   - when both a comma and a point appear, the last one is the decimal
//     separator ("1,250.50", "1.250,50"); several of one kind are
//     thousands ("1,000,000", "1.000.000");
//   - a single separator followed by exactly three digits is read as the
//     language's thousands separator: in English "1,250" is 1250, in
//     French "5.000" is 5000 (the French habit of a dotted thousand);
//     otherwise a comma or a point is the decimal separator ("1250,5",
//     "22.5", and in French "1,250" is 1.25).
//
// The caller should echo the value as understood ("= 5 000,00 €"), since
// "5.000" could be meant otherwise. No float64 is involved; no exponent
// is accepted.
//
//	fr: "1 250,50" → 1250.50   "5.000" → 5000   "22,5 %" → 22.5   "1,250" → 1.25
//	en: "1,250" → 1250   "1.250" → 1.25   "abc" → ErrNotNumber
func ParseNumber(s string, lang plan.Language) (decimal.Decimal, error) {
	if len(s) > 4*MaxTypedLen {
		return decimal.Decimal{}, ErrNotNumber
	}
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "\u2009", "", "'", "", "’", "",
		"−", "-", "–", "-", "%", "", "€", "", "$", "", "£", "", "¥", "").Replace(strings.TrimSpace(s))
	s = dropCurrencyCode(s)
	if s == "" || len(s) > MaxTypedLen {
		return decimal.Decimal{}, ErrNotNumber
	}
	commas, points := strings.Count(s, ","), strings.Count(s, ".")
	group := "." // the thousands separator a lone separator may be
	if isEN(lang) {
		group = ","
	}
	switch {
	case commas > 0 && points > 0:
		if strings.LastIndex(s, ",") > strings.LastIndex(s, ".") {
			s = strings.ReplaceAll(s, ".", "")
			s = strings.Replace(s, ",", ".", 1)
		} else {
			s = strings.ReplaceAll(s, ",", "")
		}
	case commas > 1:
		s = strings.ReplaceAll(s, ",", "")
	case points > 1:
		s = strings.ReplaceAll(s, ".", "")
	case commas+points == 1:
		if strings.Contains(s, group) && groupsRE.MatchString(s) {
			s = strings.ReplaceAll(s, group, "")
		} else {
			s = strings.Replace(s, ",", ".", 1)
		}
	}
	if !plainNumberRE.MatchString(s) {
		return decimal.Decimal{}, ErrNotNumber
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, ErrNotNumber
	}
	return d, nil
}

// dropCurrencyCode returns s without an ISO 4217 code typed before or
// after the number ("2500EUR", "chf1200", once the spaces are gone), and s
// itself when its letters are no currency code.
func dropCurrencyCode(s string) string {
	if len(s) <= 3 {
		return s
	}
	letters := func(t string) bool {
		for _, r := range t {
			if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
				return false
			}
		}
		return true
	}
	switch {
	case letters(s[len(s)-3:]) && currency.IsValid(strings.ToUpper(s[len(s)-3:])):
		return s[:len(s)-3]
	case letters(s[:3]) && currency.IsValid(strings.ToUpper(s[:3])):
		return s[3:]
	}
	return s
}

// ParsePercent reads a percentage and returns it as a fraction:
// "22,5" → 0.225, "3" → 0.03, "3 %" → 0.03.
func ParsePercent(s string, lang plan.Language) (decimal.Decimal, error) {
	d, err := ParseNumber(s, lang)
	if err != nil {
		return d, err
	}
	return d.Shift(-2), nil
}

// ParseChange reads a percentage change and returns the factor it
// multiplies by: "−20" → 0.8, "+15" → 1.15, "0" → 1.
func ParseChange(s string, lang plan.Language) (decimal.Decimal, error) {
	d, err := ParseNumber(s, lang)
	if err != nil {
		return d, err
	}
	return decimal.NewFromInt(1).Add(d.Shift(-2)), nil
}

// ParseWhole reads a whole number: "1 200" → 1200; "2,5" → ErrNotWhole.
// Numbers beyond ±10^15 are ErrNotWhole rather than an overflow.
func ParseWhole(s string, lang plan.Language) (int64, error) {
	d, err := ParseNumber(s, lang)
	if err != nil {
		return 0, err
	}
	if !d.IsInteger() || d.Abs().GreaterThan(decimal.New(1, 15)) {
		return 0, ErrNotWhole
	}
	return d.IntPart(), nil
}

var (
	dateDayFirstRE = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
	dateISORE      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
)

// ParseDate reads "04/01/2027" (day first, as in French; also with "." or
// "-") or "2027-01-04" (ISO) in either language, and refuses dates that do
// not exist (31/02/2027) with ErrNotDate.
func ParseDate(s string) (plan.Date, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	if g := dateDayFirstRE.FindStringSubmatch(s); g != nil {
		d, m, y = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else if g := dateISORE.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else {
		return plan.Date{}, ErrNotDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return plan.Date{}, ErrNotDate
	}
	return plan.NewDate(y, time.Month(m), d), nil
}

// atoi reads the digits the date patterns matched (at most four).
func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}
