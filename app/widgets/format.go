package widgets

// Helpers of the planning tools screen (tools_view.go): the language the
// figures are written in, amounts typed by people, quotation marks, error
// texts and a small table layout. Every package-level name here starts
// with "tools" so that the screens other people write in package app
// never collide with it.

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"reflect"
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

// Quote puts s between the language's quotation marks:
// fr « s » (no-break spaces inside), en “s”.
func Quote(l plan.Language, s string) string {
	if l == plan.LangEN {
		return "“" + s + "”"
	}
	return "«\u00a0" + s + "\u00a0»"
}

// Colon is the colon of the language: " : " in French (no-break
// space before), ": " in English.
func Colon(l plan.Language) string {
	if l == plan.LangEN {
		return ": "
	}
	return "\u00a0: "
}

// RoundMoney writes an amount to the whole currency unit, as advice
// reads: fr "1 200 €", en "€1,200".
func RoundMoney(v decimal.Decimal, currency string, l plan.Language) string {
	return display.MoneyWhole(v, currency, l)
}

// ErrorText turns an error of a computation into a sentence for the
// screen: "The plan has a problem to fix first: …" with the plan's
// problems, "This cannot be calculated: …" with a planning tool's reason,
// or "The calculation failed: …", each followed by ErrorDetail.
func ErrorText(err error) string {
	var list plan.ErrorList
	var se *simulate.Error
	switch {
	case errors.As(err, &list):
		return lang.L("The plan has a problem to fix first:") + " " + ErrorDetail(err)
	case errors.As(err, &se):
		return lang.L("This cannot be calculated:") + " " + ErrorDetail(err) + "."
	}
	return lang.L("The calculation failed:") + " " + ErrorDetail(err)
}

// ReadErrorDetail is ErrorDetail for an error reading a file: a file
// that does not exist is "no such file" (display.ReadReason), not its
// folder.
func ReadErrorDetail(err error) string {
	if why, ok := display.ReadReason(err, Lang()); ok {
		return why
	}
	return ErrorDetail(err)
}

// ErrorDetail words err for the screen in the interface language, after
// a lead-in of the caller's: the plan's problems (the first three, then
// how many more), a planning tool's reason (simulate.Error), why a file
// could not be read or written (display.IOReason), or else the error's
// own text without a package prefix.
func ErrorDetail(err error) string {
	var list plan.ErrorList
	if errors.As(err, &list) {
		n := min(len(list), 3)
		parts := make([]string, n)
		for i := range n {
			parts[i] = display.Error(list[i], Lang())
		}
		s := display.JoinList(parts, Lang())
		if len(list) > n {
			s += fmt.Sprintf(" (+%d)", len(list)-n)
		}
		return s
	}
	var se *simulate.Error
	if errors.As(err, &se) {
		return display.Text(se.Msg, Lang(), se.Currency)
	}
	if why, ok := display.IOReason(err, Lang()); ok {
		return why
	}
	return strings.TrimPrefix(err.Error(), "simulate: ")
}

// Label returns a label that wraps its text at word boundaries.
func Label(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Currency returns the plan's currency code ("EUR" when unset).
func Currency(p plan.Plan) string {
	if p.Info.Currency == "" {
		return "EUR"
	}
	return p.Info.Currency
}

// ChannelName returns the name of p's channel id, or the id when the
// channel has no name (or is gone).
func ChannelName(p plan.Plan, id string) string {
	if ch, ok := p.Channel(id); ok && ch.Name != "" {
		return ch.Name
	}
	return id
}

// LowerFirst lowercases the first letter of a label for the middle
// of a sentence ("Taux de conversion" → "taux de conversion"), but not of
// an acronym ("CPA", "CTR").
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r) && !unicode.IsUpper(r2) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// DecodePNG decodes a chart's PNG bytes.
func DecodePNG(data []byte) (image.Image, error) {
	return png.Decode(bytes.NewReader(data))
}

// SamePlan reports whether a and b are the same plan value.
func SamePlan(a, b plan.Plan) bool { return reflect.DeepEqual(a, b) }

// Compute runs f and turns a panic into an error, so that a bug in a
// computation shows in the view instead of ending the program.
func Compute[T any](f func() (T, error)) (res T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return f()
}

// Intro returns the sentence that says what a tool does, in italics.
func Intro(text string) *widget.Label {
	l := Label(text)
	l.TextStyle.Italic = true
	return l
}

// ResultsFigure formats figure name of f in p's currency and the
// interface language; an undefined figure shows "—".
func ResultsFigure(p plan.Plan, name string, f simulate.Figures) string {
	return display.FigureOf(name, f, p.Info.Currency, Lang())
}

// ResultsValue formats a value of the metric name (a figure, or a
// channel input of the benchmark library) in the plan's currency and the
// interface language, as display.Value does everywhere: a money input that
// is no figure (a cost per message of 0,004 €) keeps its fractions of a
// cent.
func ResultsValue(p plan.Plan, name string, v decimal.NullDecimal) string {
	return display.Value(name, v, Currency(p), Lang())
}

// RecommendationText says which channel's KPI is off its benchmark, by how
// much, what to do about it and the source of the benchmark: the advice of
// simulate.AdviceOf on one line (display.AdviceLine), in the plan's
// currency and the interface language, in the words the command line and
// the documents use ("Plan entier", "sous le repère").
func RecommendationText(p plan.Plan, rec simulate.Advice) string {
	return display.AdviceLine(rec, Currency(p), Lang())
}

// LoadErrorLines turns a load error into lines people read: one per problem
// of a plan.ErrorList, each with its line and column.
func LoadErrorLines(err error) []string {
	var list plan.ErrorList
	if !errors.As(err, &list) {
		return []string{err.Error()}
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		var where string
		switch {
		case e.Line > 0 && e.Col > 0:
			where = lang.L("Line {{.Line}}, column {{.Col}}", map[string]any{"Line": e.Line, "Col": e.Col})
		case e.Line > 0:
			where = lang.L("Line {{.Line}}", map[string]any{"Line": e.Line})
		default:
			where = e.Path
		}
		// The message names the key or column itself: the line is enough,
		// and a key path (channels[0].ctr) is not what people read.
		msg := display.Text(e.Msg, Lang(), "")
		if where != "" {
			msg = where + "\u00a0: " + msg
		}
		out = append(out, msg)
	}
	return out
}
