package main

import (
	"bytes"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// sensitivity is the sensitivity command: the tornado of the plan's
// inputs for the metric, as advice or JSON.
func (c *cli) sensitivity(args []string) error {
	fs := flags("sensitivity")
	metric := fs.String("metric", "net_profit", "cli_flag_sensitivity_metric")
	format, checkFormat := formatFlag("sensitivity", fs, "text", "json")
	p, name, err := c.planArgs("sensitivity", fs, args, func(string) error {
		return firstError(
			oneOf("sensitivity", "metric", *metric, "net_profit", "customers"),
			checkFormat(),
		)
	})
	if err != nil {
		return err
	}
	r, err := simulate.Sensitivity(p, *metric)
	if err != nil {
		return planError{name, err}
	}
	if *format == "json" {
		return c.writeJSON(sensitivityJSON(r))
	}
	writeSensitivity(&c.out, p, r)
	return nil
}

// sensitivityJSON is FORMAT.md's JSON output of sensitivity.
func sensitivityJSON(r simulate.SensitivityResult) object {
	ins := make([]any, 0, len(r.Inputs))
	for _, in := range r.Inputs {
		ins = append(ins, object{
			{"channel", in.Channel},
			{"input", in.Input},
			{"low", in.Low.String()},
			{"high", in.High.String()},
			{"value_low", edgeNull(r.Unit, in.ValueLow)},
			{"value_high", edgeNull(r.Unit, in.ValueHigh)},
			{"swing", edgeNull(r.Unit, in.Swing)},
		})
	}
	return object{{"metric", r.Metric}, {"base", edgeNull(r.Unit, r.Base)}, {"inputs", ins}}
}

// inputValue formats a channel input for people: money with its fractions
// of a cent, a rate as a percentage (two decimals when fine is set), else
// a number.
func inputValue(p plan.Plan, name string, v decimal.Decimal, fine bool) string {
	lang := p.Info.Language
	switch metricUnit(name) {
	case simulate.Money:
		return display.MoneyExact(v, currencyOf(p), lang)
	case simulate.Rate:
		if fine {
			s := display.Decimal(v.Shift(2), 2, lang)
			return word(lang, "cli_percent_points", "n", s)
		}
		return display.Percent(v, lang)
	}
	return display.Decimal(v, 0, lang)
}

// writeSensitivity writes the tornado as advice: what matters most, then
// every input.
func writeSensitivity(b *bytes.Buffer, p plan.Plan, r simulate.SensitivityResult) {
	lang := p.Info.Language
	spec, _ := simulate.SpecOf(r.Metric)
	show := func(v decimal.NullDecimal) string { return display.Figure(spec, v, currencyOf(p), lang) }
	label := display.Label(r.Metric, lang)
	heading(b, word(lang, "cli_sensitivity")+p.Info.Title, "=")
	b.WriteString(word(lang, "cli_sensitivity_planned", "figure", label, "figure_lower", lowerFirst(label), "value", show(r.Base)))
	if len(r.Inputs) == 0 {
		b.WriteString(word(lang, "cli_sensitivity_no_input"))
		return
	}
	chName := func(id string) string {
		if ch, ok := p.Channel(id); ok && ch.Name != "" {
			return ch.Name
		}
		return id
	}
	top := r.Inputs[0]
	if top.Swing.Valid && top.Swing.Decimal.Sign() > 0 {
		lo, hi := top.ValueLow, top.ValueHigh
		if lo.Valid && hi.Valid && lo.Decimal.GreaterThan(hi.Decimal) {
			lo, hi = hi, lo
		}
		b.WriteString(word(lang, "cli_sensitivity_top", "input", lowerFirst(display.Label(top.Input, lang)), "channel", quote(lang, chName(top.Channel)),
			"low", show(lo), "high", show(hi), "figure", lowerFirst(label)))
		b.WriteString(word(lang, "cli_sensitivity_check_first"))
	}

	section(b, word(lang, "cli_each_input_moved_alone"))
	head := []string{word(lang, "cli_col_channel"), word(lang, "cli_col_input"), word(lang, "cli_low"), word(lang, "cli_high"),
		word(lang, "cli_at_low"), word(lang, "cli_at_high"), word(lang, "cli_swing")}
	var rows [][]string
	for _, in := range r.Inputs {
		what := display.Label(in.Input, lang)
		if !in.Ranged {
			what = word(lang, "cli_default_range", "input", what)
		}
		// rates below 1 % show two decimals at both ends
		fine := in.Fine()
		rows = append(rows, []string{chName(in.Channel), what, inputValue(p, in.Input, in.Low, fine), inputValue(p, in.Input, in.High, fine),
			show(in.ValueLow), show(in.ValueHigh), show(in.Swing)})
	}
	writeTable(b, "  ", head, []bool{false, false, true, true, true, true, true}, rows)
	b.WriteString(word(lang, "cli_sensitivity_low_high"))
}
