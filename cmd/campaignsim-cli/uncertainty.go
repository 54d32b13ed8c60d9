package main

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// uncertainty is the uncertainty command: the Monte Carlo summary of the
// plan, as advice or JSON.
func (c *cli) uncertainty(args []string) error {
	fs := flags("uncertainty")
	runs := fs.Int("runs", 0, "cli_flag_uncertainty_runs")
	seedText := fs.String("seed", "", "cli_flag_uncertainty_seed")
	format, checkFormat := formatFlag("uncertainty", fs, "text", "json")
	opt := simulate.UncertaintyOptions{}
	p, name, err := c.planArgs("uncertainty", fs, args, func(string) error {
		if err := checkFormat(); err != nil {
			return err
		}
		if *runs < 0 || *runs > 1_000_000 {
			return usagef("uncertainty", "cli_usage_uncertainty_runs", "runs", strconv.Itoa(*runs))
		}
		opt.Runs = *runs
		if *seedText != "" {
			s, err := strconv.ParseInt(*seedText, 10, 64)
			if err != nil {
				return usagef("uncertainty", "cli_usage_bad_seed", "value", *seedText)
			}
			opt.Seed = &s
		}
		return nil
	})
	if err != nil {
		return err
	}
	r, err := simulate.Uncertainty(context.Background(), p, opt)
	if err != nil {
		return planError{name, err}
	}
	if *format == "json" {
		return c.writeJSON(uncertaintyJSON(r))
	}
	writeUncertainty(&c.out, p, r)
	return nil
}

// uncertaintyJSON is FORMAT.md's JSON output of uncertainty.
func uncertaintyJSON(r simulate.UncertaintyResult) object {
	figs := make(object, 0, len(r.Figures))
	hists := make(object, 0, len(r.Figures))
	for _, d := range r.Figures {
		figs = append(figs, member{d.Name, object{
			{"p10", edgeNull(d.Unit, d.P10)},
			{"p50", edgeNull(d.Unit, d.P50)},
			{"p90", edgeNull(d.Unit, d.P90)},
			{"mean", edgeNull(d.Unit, d.Mean)},
		}})
		edges := make([]string, len(d.Histogram.Edges))
		for i, e := range d.Histogram.Edges {
			edges[i] = edge(d.Unit, e)
		}
		counts := append([]int{}, d.Histogram.Counts...)
		hists = append(hists, member{d.Name, object{{"edges", edges}, {"counts", counts}}})
	}
	objs := make([]any, 0, len(r.Objectives))
	for _, o := range r.Objectives {
		objs = append(objs, object{{"id", o.ID}, {"probability", edge(simulate.Rate, o.Probability)}})
	}
	return object{
		{"runs", r.Runs},
		{"seed", r.Seed},
		{"figures", figs},
		{"objectives", objs},
		{"histograms", hists},
	}
}

// writeUncertainty writes the Monte Carlo summary as advice.
func writeUncertainty(b *bytes.Buffer, p plan.Plan, r simulate.UncertaintyResult) {
	lang := p.Info.Language
	runs := display.Decimal(decimal.NewFromInt(int64(r.Runs)), 0, lang)
	heading(b, word(lang, "cli_uncertainty")+p.Info.Title, "=")
	if !simulate.HasUncertainty(p) {
		b.WriteString(word(lang, "cli_uncertainty_no_range"))
	}
	// The headline: customers, then the first objective on customers.
	if cu, ok := r.Figure("customers"); ok && cu.P10.Valid {
		b.WriteString(word(lang, "cli_uncertainty_customers", "runs", runs, "p10", count(p, cu.P10.Decimal), "p90", count(p, cu.P90.Decimal)))
		for i, o := range r.Objectives {
			if o.Metric != "customers" {
				continue
			}
			b.WriteString(word(lang, "cli_uncertainty_probability", "objective", quote(lang, objectiveName(p, i)), "probability", display.Percent(o.Probability, lang)))
			break
		}
		b.WriteString(".\n")
	}
	if np, ok := r.Figure("net_profit"); ok && np.P10.Valid {
		switch {
		case np.P90.Decimal.Sign() < 0:
			b.WriteString(word(lang, "cli_uncertainty_loses", "p90", money(p, np.P90.Decimal)))
		case np.P10.Decimal.Sign() < 0:
			b.WriteString(word(lang, "cli_uncertainty_may_lose", "p10", money(p, np.P10.Decimal)))
		default:
			b.WriteString(word(lang, "cli_uncertainty_pays", "p10", money(p, np.P10.Decimal)))
		}
	}

	section(b, word(lang, "cli_what_to_expect"))
	head := []string{word(lang, "cli_col_figure"), word(lang, "cli_plan"), "P10", word(lang, "cli_median"), "P90", word(lang, "cli_mean")}
	var rows [][]string
	var notes []string
	for _, d := range r.Figures {
		spec, _ := simulate.SpecOf(d.Name)
		show := func(v decimal.NullDecimal) string { return display.Figure(spec, v, currencyOf(p), lang) }
		rows = append(rows, []string{display.Label(d.Name, lang), show(spec.Get(r.Base)), show(d.P10), show(d.P50), show(d.P90), show(d.Mean)})
		if d.Undefined > 0 {
			notes = append(notes, word(lang, "cli_uncertainty_undefined", "figure", display.Label(d.Name, lang),
				"runs", display.Decimal(decimal.NewFromInt(int64(d.Undefined)), 0, lang)))
		}
	}
	writeTable(b, "  ", head, []bool{false, true, true, true, true, true}, rows)
	for _, n := range notes {
		b.WriteString("  " + n + "\n")
	}

	if len(r.Objectives) > 0 {
		section(b, word(lang, "cli_chances_of_objectives"))
		for i, o := range r.Objectives {
			fmt.Fprintf(b, "  %s%s%s — %s\n", quote(lang, objectiveName(p, i)), colon(lang),
				display.Percent(o.Probability, lang), chanceAdvice(lang, o.Probability))
		}
	}
	b.WriteString(word(lang, "cli_uncertainty_seed", "runs", runs, "seed", fmt.Sprint(r.Seed)))
}

// objectiveName is how the text names objective i of p
// (simulate.ObjectiveTitle: its statement, else its id).
func objectiveName(p plan.Plan, i int) string {
	if i < len(p.Objectives) {
		return simulate.ObjectiveTitle(p.Objectives[i])
	}
	return ""
}

// chanceAdvice says what a probability of meeting an objective means for
// the owner, by its level (simulate.ChanceLevelOf).
func chanceAdvice(lang plan.Language, pr decimal.Decimal) string {
	if code, ok := chanceCodes[simulate.ChanceLevelOf(pr)]; ok {
		return wordOf(lang, code)
	}
	return word(lang, "cli_chance_out_of_reach")
}

// chanceCodes are the advice of the chance levels but the lowest.
var chanceCodes = map[simulate.ChanceLevel]string{
	simulate.ChanceNearlyCertain: "cli_chance_nearly_certain",
	simulate.ChanceLikely:        "cli_chance_likely",
	simulate.ChanceRisky:         "cli_chance_risky",
}
