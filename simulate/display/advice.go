package display

import (
	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// FigureOf formats the figure name of f (Spec.Get) by its unit, or
// Undefined when name is no figure. The command line, the app and the
// documents show a result's figures through it.
func FigureOf(name string, f simulate.Figures, currency string, lang plan.Language) string {
	s, ok := simulate.SpecOf(name)
	if !ok {
		return Undefined
	}
	return Figure(s, s.Get(f), currency, lang)
}

// Value formats a value of the metric name — a figure, or a channel or
// business input of the benchmark library — in the unit
// simulate.ValueUnit gives it: a money input that is no figure (a cost
// per message of 0,004 €) keeps its fractions of a cent (MoneyExact), a
// figure reads as Figure does, an undefined value shows Undefined. The
// command line, the app and the documents all show values through it.
func Value(name string, v decimal.NullDecimal, currency string, lang plan.Language) string {
	u, exact := simulate.ValueUnit(name)
	if exact && v.Valid {
		return MoneyExact(v.Decimal, currency, lang)
	}
	s, ok := simulate.SpecOf(name)
	if !ok {
		s = simulate.Spec{Name: name, Unit: u}
	}
	return Figure(s, v, currency, lang)
}

// AdviceWho names whom advice a is about: its channel's name, or the
// catalog's words for the whole plan ("Plan entier") when it has none.
func AdviceWho(a simulate.Advice, lang plan.Language) string {
	if a.Who != "" {
		return a.Who
	}
	return Text(plan.NewMsg(simulate.MsgAdvicePlanWide), lang, "")
}

// BenchmarkSide says on which side of its benchmark a value is: "sous le
// repère" when below, "au-dessus du repère" otherwise. A benchmark
// comparison reads it followed by the benchmark's value.
func BenchmarkSide(below bool, lang plan.Language) string {
	code := simulate.MsgAdviceAbove
	if below {
		code = simulate.MsgAdviceBelow
	}
	return Text(plan.NewMsg(code), lang, "")
}

// AdviceHead is the head of advice a: who, the KPI with its value and the
// benchmark it is off — "Plan entier — CPA 249,36 €, au-dessus du repère
// 136,96 €" —, values in currency as Value writes them. The PDF shows it
// as a heading, AdviceLine starts with it.
func AdviceHead(a simulate.Advice, currency string, lang plan.Language) string {
	return Text(plan.NewMsg(simulate.MsgAdviceHead,
		plan.TextArg("who", AdviceWho(a, lang)),
		plan.MetricArg("kpi", a.KPI),
		plan.TextArg("value", Value(a.KPI, decimal.NewNullDecimal(a.Value), currency, lang)),
		plan.TextArg("side", BenchmarkSide(a.Below, lang)),
		plan.TextArg("benchmark", Value(a.KPI, decimal.NewNullDecimal(a.Benchmark), currency, lang)),
	), lang, currency)
}

// AdviceSource is the note that gives the source of a's benchmark
// ("Source : …"), or "" when a has none. The PDF shows it under the lever.
func AdviceSource(a simulate.Advice, lang plan.Language) string {
	src := a.SourceIn(lang)
	if src == "" {
		return ""
	}
	return Text(plan.NewMsg(simulate.MsgAdviceSourceNote, plan.TextArg("source", src)), lang, "")
}

// AdviceLine is advice a on one line, as the command line and the app show
// it: AdviceHead, then the lever when a has one and the source between
// brackets when a has one — "… 136,96 € : resserrer la cible (source :
// …)".
func AdviceLine(a simulate.Advice, currency string, lang plan.Language) string {
	line := AdviceHead(a, currency, lang)
	if lever := a.Lever.Text(lang); lever != "" {
		line = Text(plan.NewMsg(simulate.MsgAdviceLever, plan.TextArg("head", line), plan.TextArg("lever", lever)), lang, "")
	}
	if src := a.SourceIn(lang); src != "" {
		line = Text(plan.NewMsg(simulate.MsgAdviceSource, plan.TextArg("line", line), plan.TextArg("source", src)), lang, "")
	}
	return line
}
