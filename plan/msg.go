package plan

import "github.com/shopspring/decimal"

// Msg is something CampaignSim tells a person, as data: a stable Code
// (the key of the message catalog, assets/i18n/messages/*.toml) and the
// typed arguments its templates name. Packages below the renderings
// (plan, simulate) build Msgs and never prose; package simulate/display
// renders one in French or English (display.Text), formatting each
// argument by its Kind, so a figure in a message reads as everywhere else.
//
// The zero Msg (Code "") means "nothing to say".
type Msg struct {
	Code string
	Args []Arg
}

// NewMsg returns the message code with args (in any order: templates name
// them).
func NewMsg(code string, args ...Arg) Msg { return Msg{Code: code, Args: args} }

// IsZero reports whether m says nothing (no code).
func (m Msg) IsZero() bool { return m.Code == "" }

// Arg returns the argument of m called name, and whether m has one.
func (m Msg) Arg(name string) (Arg, bool) {
	for _, a := range m.Args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

// ArgKind says how an argument of a Msg is written for people.
type ArgKind int

// The kinds of Arg. Each names the field of Arg it reads.
const (
	ArgText       ArgKind = iota // Text as written: a name, an id, a symbol
	ArgKey                       // Text is a plan key ("max_clicks"), written as the key
	ArgMoney                     // Value is an amount in the plan's currency
	ArgMoneyWhole                // Value is an amount in the plan's currency, rounded to the whole unit (advice)
	ArgRate                      // Value is a fraction, written as a percentage (0.25 → 25,0 %)
	ArgCount                     // Value is a number of people or things, whole, grouped
	ArgDecimal                   // Value with Places decimals, grouped
	ArgDate                      // Date, a calendar date
	ArgMonth                     // Count is a 1-based plan month number
	ArgMetric                    // Text is a figure's name ("customers"), written as its label
	ArgFigure                    // Value (Valid) of the figure named Text, by the figure's unit
	ArgMsgs                      // Msgs, each rendered, joined by the language's list separator
	ArgKinds                     // Texts are channel kinds ("email"), each written as its label, joined by ", "
)

// Arg is one named, typed argument of a Msg. Only the fields its Kind
// reads are set (see the ArgKind constants); the constructors below set
// them.
type Arg struct {
	Name   string
	Kind   ArgKind
	Text   string          // ArgText, ArgKey, ArgMetric, ArgFigure (the figure's name)
	Value  decimal.Decimal // ArgMoney, ArgMoneyWhole, ArgRate, ArgCount, ArgDecimal, ArgFigure
	Valid  bool            // ArgFigure: false for an undefined figure (shows "—")
	Places int32           // ArgDecimal: decimal places (< 0 counts as 0)
	Date   Date            // ArgDate (the zero Date shows "—")
	Count  int             // ArgMonth
	Msgs   []Msg           // ArgMsgs
	Texts  []string        // ArgKinds
}

// TextArg is a name or id shown as written: TextArg("channel", "Google Ads").
func TextArg(name, s string) Arg { return Arg{Name: name, Kind: ArgText, Text: s} }

// KeyArg is a plan key shown as the key people write in the file:
// KeyArg("key", "max_clicks").
func KeyArg(name, key string) Arg { return Arg{Name: name, Kind: ArgKey, Text: key} }

// MoneyArg is an amount in the plan's currency: MoneyArg("over", d) shows
// "940,00 €" in a French EUR plan.
func MoneyArg(name string, d decimal.Decimal) Arg { return Arg{Name: name, Kind: ArgMoney, Value: d} }

// WholeMoneyArg is an amount rounded to the currency's whole unit, as
// advice reads: "1 200 €" / "€1,200".
func WholeMoneyArg(name string, d decimal.Decimal) Arg {
	return Arg{Name: name, Kind: ArgMoneyWhole, Value: d}
}

// RateArg is a fraction shown as a percentage: RateArg("rate", 0.25)
// shows "25,0 %" / "25.0%".
func RateArg(name string, frac decimal.Decimal) Arg {
	return Arg{Name: name, Kind: ArgRate, Value: frac}
}

// CountArg is a count shown whole and grouped: 12345 shows "12 345" /
// "12,345"; 187.5 shows 188 (half away from zero).
func CountArg(name string, d decimal.Decimal) Arg { return Arg{Name: name, Kind: ArgCount, Value: d} }

// DecimalArg is a plain number shown with places decimals, grouped.
func DecimalArg(name string, d decimal.Decimal, places int32) Arg {
	return Arg{Name: name, Kind: ArgDecimal, Value: d, Places: places}
}

// DateArg is a calendar date: "04/01/2027" / "2027-01-04".
func DateArg(name string, d Date) Arg { return Arg{Name: name, Kind: ArgDate, Date: d} }

// MonthArg is a 1-based plan month number.
func MonthArg(name string, m int) Arg { return Arg{Name: name, Kind: ArgMonth, Count: m} }

// MetricArg is a figure's name shown as its label: MetricArg("metric",
// "customers") shows "Clients" / "Customers".
func MetricArg(name, metric string) Arg { return Arg{Name: name, Kind: ArgMetric, Text: metric} }

// FigureArg is the value of the figure metric, shown by the figure's unit
// (money, percentage, count…); an undefined value (Valid false) shows "—".
func FigureArg(name, metric string, v decimal.NullDecimal) Arg {
	return Arg{Name: name, Kind: ArgFigure, Text: metric, Value: v.Decimal, Valid: v.Valid}
}

// MsgsArg is a list of messages rendered one after the other, joined by
// the language's list separator ("; " in English, " ; " in French); a
// single message is a list of one.
func MsgsArg(name string, ms ...Msg) Arg { return Arg{Name: name, Kind: ArgMsgs, Msgs: ms} }

// KindsArg is a list of channel kinds shown as their labels joined by
// ", ": KindsArg("kinds", []string{"email", "seo"}) shows "E-mailing,
// Référencement naturel".
func KindsArg(name string, kinds []string) Arg { return Arg{Name: name, Kind: ArgKinds, Texts: kinds} }
