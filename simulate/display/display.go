// Package display formats figures for people, in French or English:
// money in a currency, percentages, counts, multiples, dates, and the
// labels of figures, funnel stages and channel kinds. The command line,
// the desktop app and the PDF report all print through it, so a figure
// reads the same everywhere.
//
// The formats follow CLDR for the "fr" and "en" locales:
//
//	French   1 234,56 €   22,7 %   12 345   2,35×   04/01/2027
//	English  €1,234.56    22.7%    12,345   2.35×   2027-01-04
//
// In French the grouping separator is U+202F NARROW NO-BREAK SPACE, the
// decimal separator a comma, the currency symbol follows the number after
// U+00A0 NO-BREAK SPACE and the percent sign after U+202F. Every value is
// rounded half away from zero (decimal.Decimal.Round) just before it is
// printed; no float64 is involved. A negative value that rounds to zero
// prints without its minus sign.
//
// The language is plan.LangEN for English; any other value means French,
// the product's default.
package display

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/bojanz/currency"
	"github.com/shopspring/decimal"
)

// Separators and signs used by the French formats (CLDR fr).
const (
	NarrowNBSP = "\u202f" // NARROW NO-BREAK SPACE: French digit grouping and space before %
	NBSP       = "\u00a0" // NO-BREAK SPACE: French space before a currency symbol
	Undefined  = "—"      // EM DASH: what an undefined figure shows (MODEL.md)
)

// isEN reports whether lang asks for English.
func isEN(lang plan.Language) bool { return lang == plan.LangEN }

// number rounds v to places (half away from zero) and returns whether the
// rounded value is negative and its absolute value written with the
// grouping and decimal separators of lang.
func number(v decimal.Decimal, places int32, lang plan.Language) (neg bool, s string) {
	if places < 0 {
		places = 0
	}
	r := v.Round(places)
	neg = r.Sign() < 0
	digits := r.Abs().StringFixed(places)
	intPart, frac, _ := strings.Cut(digits, ".")
	group, point := NarrowNBSP, ","
	if isEN(lang) {
		group, point = ",", "."
	}
	var b strings.Builder
	n := len(intPart)
	for i := 0; i < n; i++ {
		if i > 0 && (n-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return neg, b.String()
}

// signed prefixes s with a minus sign when neg.
func signed(neg bool, s string) string {
	if neg {
		return "-" + s
	}
	return s
}

// Decimal formats v with exactly places decimal places (rounded half away
// from zero; places < 0 counts as 0), grouped by thousands.
//
//	Decimal(1234.5, 2, fr) = "1 234,50" (U+202F between 1 and 2)
//	Decimal(1234.5, 2, en) = "1,234.50"
//	Decimal(-0.004, 2, en) = "0.00"
func Decimal(v decimal.Decimal, places int32, lang plan.Language) string {
	return signed(number(v, places, lang))
}

// Count formats v as a whole number of people (an expected count may be
// fractional: 187.5 shows 188), grouped by thousands: fr "12 345"
// (U+202F), en "12,345".
func Count(v decimal.Decimal, lang plan.Language) string {
	return Decimal(v, 0, lang)
}

// Plural reports whether a count of v, as Count writes it (rounded to the
// whole), takes the plural: in French from 2 (« 0 client », « 1 client »,
// « 2 clients »), in English for every count but 1 ("0 customers", "1
// customer").
func Plural(v decimal.Decimal, lang plan.Language) bool {
	n := v.Round(0).Abs()
	if isEN(lang) {
		return !n.Equal(decimal.NewFromInt(1))
	}
	return n.GreaterThanOrEqual(decimal.NewFromInt(2))
}

// Percent formats a fraction as a percentage with one decimal: 0.2271
// shows fr "22,7 %" (U+202F before %), en "22.7%"; -0.05 shows "-5,0 %" /
// "-5.0%".
func Percent(frac decimal.Decimal, lang plan.Language) string {
	neg, s := number(frac.Shift(2), 1, lang)
	if isEN(lang) {
		return signed(neg, s+"%")
	}
	return signed(neg, s+NarrowNBSP+"%")
}

// Multiple formats a ratio such as ROAS with two decimals and the sign ×:
// 2.345 shows fr "2,35×", en "2.35×".
func Multiple(v decimal.Decimal, lang plan.Language) string {
	return Decimal(v, 2, lang) + "×"
}

// CurrencyDigits returns the number of decimal places money shows in
// code, from CLDR (bojanz/currency): 2 for EUR and USD, 0 for JPY and
// XOF, 3 for TND; 2 for a code CLDR does not know.
func CurrencyDigits(code string) int32 {
	if d, ok := currency.GetDigits(normCode(code)); ok {
		return int32(d)
	}
	return 2
}

// CurrencySymbol returns the symbol of code in lang, from CLDR
// (bojanz/currency, every ISO 4217 currency): "€" for EUR; "$" in English
// and "$US" in French for USD; "CA$" / "$CA" for CAD; the code itself
// ("CHF", "SEK") when the currency has no symbol of its own in that
// language or CLDR does not know it. The empty code means EUR, the plan's
// default.
func CurrencySymbol(code string, lang plan.Language) string {
	code = normCode(code)
	loc := currency.NewLocale("fr")
	if isEN(lang) {
		loc = currency.NewLocale("en")
	}
	if sym, ok := currency.GetSymbol(code, loc); ok && sym != "" {
		return sym
	}
	return code
}

func normCode(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return "EUR"
	}
	return code
}

// Money formats an amount in the ISO 4217 currency code, rounded half away
// from zero to the currency's decimals (cents; none for JPY):
//
//	fr  1 234,56 €    -1 234,56 €    1 234,56 CHF    1 235 JPY
//	en  €1,234.56     -€1,234.56     CHF 1,234.56    ¥1,235
//
// (French: U+202F between thousands, U+00A0 before the symbol.) English
// puts a space between a symbol that ends with a letter and the number.
// An unknown code is written like CHF. The empty code means EUR.
func Money(v decimal.Decimal, currency string, lang plan.Language) string {
	return money(v, CurrencyDigits(currency), currency, lang)
}

func money(v decimal.Decimal, places int32, currency string, lang plan.Language) string {
	sym := CurrencySymbol(currency, lang)
	neg, s := number(v, places, lang)
	if !isEN(lang) {
		return signed(neg, s+NBSP+sym)
	}
	if r, _ := utf8.DecodeLastRuneInString(sym); unicode.IsLetter(r) {
		return signed(neg, sym+" "+s)
	}
	return signed(neg, sym+s)
}

// MoneyExact is Money for a unit price that may hold fractions of a cent
// (a cost per message of 0.001 €): it shows the currency's decimals, or
// more when v has more, up to 6 (rounded there half away from zero).
//
//	MoneyExact(0.001, "EUR", fr) = "0,001 €"   MoneyExact(2.5, "EUR", en) = "€2.50"
func MoneyExact(v decimal.Decimal, currency string, lang plan.Language) string {
	places := CurrencyDigits(currency)
	_, frac, _ := strings.Cut(v.Round(6).String(), ".")
	frac = strings.TrimRight(frac, "0")
	if int32(len(frac)) > places {
		places = int32(len(frac))
	}
	return money(v, places, currency, lang)
}

// Figure formats the value of the figure spec for people, by its unit:
// Money in currency, Rate as a percentage, Count as a whole number,
// Multiple as "2,35×", Month as a plain month number. An undefined value
// (Valid false) shows "—".
func Figure(spec simulate.Spec, v decimal.NullDecimal, currency string, lang plan.Language) string {
	if !v.Valid {
		return Undefined
	}
	switch spec.Unit {
	case simulate.Money:
		return Money(v.Decimal, currency, lang)
	case simulate.Rate:
		return Percent(v.Decimal, lang)
	case simulate.Count:
		return Count(v.Decimal, lang)
	case simulate.Multiple:
		return Multiple(v.Decimal, lang)
	case simulate.Month:
		return v.Decimal.Round(0).String()
	default:
		return Decimal(v.Decimal, 6, lang)
	}
}

// Date formats d as a short numeric date: French "04/01/2027" (day,
// month, year), English "2027-01-04" (ISO 8601). The zero Date shows "—".
func Date(d plan.Date, lang plan.Language) string {
	if d.IsZero() {
		return Undefined
	}
	if isEN(lang) {
		return d.String()
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}
