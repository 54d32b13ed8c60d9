package app

// Helpers of the planning tools screen (tools_view.go): the language the
// figures are written in, amounts typed by people, quotation marks, error
// texts and a small table layout. Every package-level name here starts
// with "tools" so that the screens other people write in package app
// never collide with it.

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"
)

// toolsLang returns the language the screen's figures are written in:
// the interface language the shell chose at start (uiLang, i18n.go).
func toolsLang() plan.Language { return uiLang }

// toolsQuote puts s between the language's quotation marks:
// fr « s » (no-break spaces inside), en “s”.
func toolsQuote(l plan.Language, s string) string {
	if l == plan.LangEN {
		return "“" + s + "”"
	}
	return "«\u00a0" + s + "\u00a0»"
}

// toolsColon is the colon of the language: " : " in French (no-break
// space before), ": " in English.
func toolsColon(l plan.Language) string {
	if l == plan.LangEN {
		return ": "
	}
	return "\u00a0: "
}

// toolsRoundMoney writes an amount to the whole currency unit, as advice
// reads: fr "1 200 €", en "€1,200".
func toolsRoundMoney(v decimal.Decimal, currency string, l plan.Language) string {
	return display.MoneyWhole(v, currency, l)
}

// toolsParseAmount reads a number typed by a person: "1600", "1 600",
// "1 600,50", "1600.50", "1,600.50" (English grouping), "1 600 €". Spaces
// of any kind (including U+00A0 and U+202F) and a currency symbol or code
// are ignored. When both a comma and a point appear, the last one is the
// decimal separator. A lone comma is the decimal separator in French; in
// English it is a thousands separator when exactly three digits follow it
// ("1,600" is 1600) and a decimal separator otherwise ("1600,50"). An
// empty text is an error.
func toolsParseAmount(s string, l plan.Language) (decimal.Decimal, error) {
	up := strings.ToUpper(s)
	for _, code := range []string{"EUR", "USD", "GBP", "CHF", "CAD", "JPY"} {
		up = strings.ReplaceAll(up, code, "")
	}
	var b strings.Builder
	for _, r := range up {
		switch {
		case unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || r == '\'':
		case r == '€' || r == '$' || r == '£' || r == '¥':
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if t == "" || strings.IndexFunc(t, unicode.IsLetter) >= 0 {
		return decimal.Decimal{}, errors.New("not a number")
	}
	comma, point := strings.LastIndex(t, ","), strings.LastIndex(t, ".")
	switch {
	case comma >= 0 && point >= 0:
		if comma > point { // 1.600,50
			t = strings.ReplaceAll(t, ".", "")
			t = strings.Replace(t, ",", ".", 1)
		} else { // 1,600.50
			t = strings.ReplaceAll(t, ",", "")
		}
	case comma >= 0:
		n := strings.Count(t, ",")
		after := len(t) - comma - 1
		if n > 1 || (l == plan.LangEN && after == 3) {
			t = strings.ReplaceAll(t, ",", "")
		} else {
			t = strings.Replace(t, ",", ".", 1)
		}
	case strings.Count(t, ".") > 1: // 1.600.000
		t = strings.ReplaceAll(t, ".", "")
	}
	return decimal.NewFromString(t)
}

// toolsErrorText turns an error of the simulate package into a sentence
// for the screen: the plan's problems (the first three), the optimiser's
// bounds, or the error's own text without its package prefix.
func toolsErrorText(err error) string {
	var list plan.ErrorList
	if errors.As(err, &list) {
		n := min(len(list), 3)
		parts := make([]string, n)
		for i := range n {
			parts[i] = list[i].Error()
		}
		s := lang.L("The plan has a problem to fix first:") + " " + strings.Join(parts, " ; ")
		if len(list) > n {
			s += fmt.Sprintf(" (+%d)", len(list)-n)
		}
		return s
	}
	if errors.Is(err, simulate.ErrBounds) {
		return lang.L("The channels' minimum budgets add up to more than the budget to split: lower a minimum budget or raise the budget.")
	}
	msg := strings.TrimPrefix(err.Error(), "simulate: ")
	return lang.L("The calculation failed:") + " " + msg
}

// toolsLabel returns a label that wraps its text at word boundaries.
func toolsLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// toolsCurrency returns the plan's currency code ("EUR" when unset).
func toolsCurrency(p plan.Plan) string {
	if p.Info.Currency == "" {
		return "EUR"
	}
	return p.Info.Currency
}

// toolsDecisionBudget returns today's sum of the budgets of p's decision
// channels (simulate.IsDecision): the budget the optimiser splits by
// default.
func toolsDecisionBudget(p plan.Plan) decimal.Decimal {
	var sum decimal.Decimal
	for _, ch := range p.Channels {
		if simulate.IsDecision(ch, p.Info.Months) {
			sum = sum.Add(ch.Budget)
		}
	}
	return sum
}

// toolsChannelName returns the name of p's channel id, or the id when the
// channel has no name (or is gone).
func toolsChannelName(p plan.Plan, id string) string {
	if ch, ok := p.Channel(id); ok && ch.Name != "" {
		return ch.Name
	}
	return id
}

// toolsLowerFirst lowercases the first letter of a label for the middle
// of a sentence ("Taux de conversion" → "taux de conversion"), but not of
// an acronym ("CPA", "CTR").
func toolsLowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r) && !unicode.IsUpper(r2) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}
