package display

import (
	"io/fs"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// Template is one entry of the message catalog (plan.Template): the
// French and English templates of a code.
type Template = plan.Template

// listSeparator is the catalog code of the separator between the messages
// of an ArgMsgs argument.
const listSeparator = "list_separator"

// JoinList joins texts with lang's separator between the items of a list
// of messages ("a\u00a0; b" in French, "a; b" in English).
func JoinList(texts []string, lang plan.Language) string {
	return strings.Join(texts, Text(plan.NewMsg(listSeparator), lang, ""))
}

// Catalog returns the message catalog, parsed once and merged (see
// plan.Catalog, which reads it so that plan's Error() has words too).
func Catalog() (map[string]Template, error) { return plan.Catalog() }

// LoadCatalog reads and merges the catalog files of fsys (plan.LoadCatalog).
func LoadCatalog(fsys fs.FS) (map[string]Template, error) { return plan.LoadCatalog(fsys) }

// ParseCatalog reads one file of the message catalog (plan.ParseCatalog).
func ParseCatalog(data []byte) (map[string]Template, error) { return plan.ParseCatalog(data) }

// Placeholders returns the names of the placeholders of template s
// (plan.Placeholders).
func Placeholders(s string) ([]string, error) { return plan.Placeholders(s) }

// Text renders m in lang (French unless plan.LangEN) from the catalog,
// each argument written by its kind with this package's formats: money
// with Money in currency (the plan's; "" means EUR), rates with Percent,
// counts with Count, dates with Date, metrics with Label, figures with
// Figure, plan keys as written in the file. The template walk is plan.Render, the one renderer;
// a code missing from the catalog renders as the code and its arguments,
// and a placeholder without an argument stays "{name}".
func Text(m plan.Msg, lang plan.Language, currency string) string {
	return plan.Render(m, langOf(lang), func(a plan.Arg) string { return Arg(a, lang, currency) })
}

// langOf is lang as Render reads it: English for LangEN, French otherwise.
func langOf(lang plan.Language) plan.Language {
	if isEN(lang) {
		return plan.LangEN
	}
	return plan.LangFR
}

// unitOf gives the kinds of argument that are written as a figure of
// that unit (Figure does it).
var unitOf = map[plan.ArgKind]simulate.Unit{
	plan.ArgMoney: simulate.Money, plan.ArgRate: simulate.Rate, plan.ArgCount: simulate.Count,
}

// Arg writes one argument of a message for people in lang (see Text).
func Arg(a plan.Arg, lang plan.Language, currency string) string {
	if u, ok := unitOf[a.Kind]; ok {
		return Figure(simulate.Spec{Unit: u}, decimal.NewNullDecimal(a.Value), currency, lang)
	}
	switch a.Kind {
	case plan.ArgMoneyWhole:
		return MoneyWhole(a.Value, currency, lang)
	case plan.ArgDecimal:
		return Decimal(a.Value, a.Places, lang)
	case plan.ArgDate:
		return Date(a.Date, lang)
	case plan.ArgMonth:
		return Count(decimal.NewFromInt(int64(a.Count)), lang)
	case plan.ArgMetric:
		return Label(a.Text, lang)
	case plan.ArgFigure:
		spec, _ := simulate.SpecOf(a.Text)
		return Figure(spec, decimal.NullDecimal{Decimal: a.Value, Valid: a.Valid}, currency, lang)
	case plan.ArgMsgs:
		parts := make([]string, len(a.Msgs))
		for i, m := range a.Msgs {
			parts[i] = Text(m, lang, currency)
		}
		return JoinList(parts, lang)
	case plan.ArgKinds:
		parts := make([]string, len(a.Texts))
		for i, k := range a.Texts {
			parts[i] = KindLabel(plan.Kind(k), lang)
		}
		return strings.Join(parts, ", ")
	}
	return a.Text // ArgText, ArgKey
}

// MoneyWhole is Money rounded to the currency's whole unit (half away from
// zero), as advice reads: fr "1 200 €", en "€1,200", "CHF 1,200"; -0.4
// shows "0 €".
func MoneyWhole(v decimal.Decimal, currency string, lang plan.Language) string {
	return money(v, 0, currency, lang)
}

// Error writes a plan error for a person in lang: its place as
// plan.Error.Where gives it (FILE:LINE:COL:, exactly as Error() does)
// and its message through Text. In English it reads as e.Error().
func Error(e plan.Error, lang plan.Language) string {
	return e.Where() + Text(e.Msg, lang, "")
}

// ErrorIn writes a plan error for a person as Error does, but where e
// has no line to point at (a plan built in the app, an edit on the
// command line) it names the place in p by its words instead of the key
// path: « canal « Mailing » (Taux de conversion) : … ».
func ErrorIn(e plan.Error, p plan.Plan, lang plan.Language) string {
	place := e.Place(p)
	if e.Line > 0 || place.IsZero() {
		return Error(e, lang)
	}
	file := ""
	if e.File != "" {
		file = e.File + ": "
	}
	return file + Text(plan.NewMsg(plan.CodePlaceThen, plan.MsgsArg("place", place), plan.MsgsArg("message", e.Msg)), lang, p.Info.Currency)
}
