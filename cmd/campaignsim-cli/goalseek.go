package main

import (
	"bytes"
	"fmt"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// goalseek is the goalseek command: the smallest paid budget at which the
// metric reaches the target, as advice or JSON.
func (c *cli) goalseek(args []string) error {
	fs := flags("goalseek")
	metric := choiceFlag(fs, "metric", "", "cli_flag_goalseek_metric", simulate.SeekMetrics...)
	targetText := fs.String("target", "", "cli_flag_goalseek_target")
	mix := fs.String("mix", "keep", "cli_flag_goalseek_mix")
	format, checkFormat := formatFlag("goalseek", fs, "text", "json")
	var target decimal.Decimal
	p, name, err := c.planArgs("goalseek", fs, args, func(string) error {
		if err := firstError(
			checkFormat(),
			oneOf("goalseek", "mix", *mix, "keep", "optimize"),
		); err != nil {
			return err
		}
		if *metric == "" {
			return usagef("goalseek", "cli_usage_missing_metric", "choices", strings.Join(simulate.SeekMetrics, ", "))
		}
		if err := oneOf("goalseek", "metric", *metric, simulate.SeekMetrics...); err != nil {
			return err
		}
		if *targetText == "" {
			return usagef("goalseek", "cli_usage_missing_target")
		}
		var err error
		if target, err = parseAmount(*targetText); err != nil {
			return usagef("goalseek", "cli_usage_bad_target", "value", *targetText)
		}
		return nil
	})
	if err != nil {
		return err
	}
	res, err := simulate.GoalSeek(p, *metric, target, simulate.Mix(*mix))
	if err != nil {
		return planningError("goalseek", name, err)
	}
	if *format == "json" {
		return c.writeJSON(goalseekJSON(p, res))
	}
	writeGoalSeek(&c.out, p, res)
	return nil
}

// goalseekJSON is FORMAT.md's JSON output of goalseek.
func goalseekJSON(p plan.Plan, r simulate.GoalSeekResult) object {
	alloc := make([]any, 0, len(r.Allocation))
	for _, a := range r.Allocation {
		alloc = append(alloc, object{{"id", a.ID}, {"budget", edge(simulate.Money, a.Budget)}})
	}
	return object{
		{"metric", r.Metric},
		{"target", edge(jsonUnit(r.Metric), r.Target)},
		{"reachable", r.Reachable},
		{"cost", edgeNull(simulate.Money, r.Cost)},
		{"allocation", alloc},
		{"warnings", warningTexts(p, r.Warnings)},
	}
}

// metricAmount shows value v of metric with its noun, as a sentence reads:
// "250 clients", "12 000 € de chiffre d'affaires", "1 500 clics".
func metricAmount(p plan.Plan, metric string, v decimal.Decimal) string {
	lang := p.Info.Language
	money := map[string]string{
		"revenue":      word(lang, "cli_amount_revenue"),
		"gross_margin": word(lang, "cli_of_gross_margin"),
		"net_profit":   word(lang, "cli_of_net_profit"),
	}
	if n, ok := money[metric]; ok {
		return roundMoney(p, v) + " " + n
	}
	nouns := map[string]string{
		"customers":    word(lang, "cli_customers"),
		"conversions":  word(lang, "cli_amount_conversions"),
		"leads":        word(lang, "cli_amount_leads"),
		"mql":          word(lang, "cli_amount_mql"),
		"sql":          word(lang, "cli_amount_sql"),
		"interactions": word(lang, "cli_amount_interactions"),
		"clicks":       word(lang, "cli_amount_clicks"),
		"exposures":    word(lang, "cli_amount_exposures"),
		"impressions":  word(lang, "cli_amount_impressions"),
		"reach":        word(lang, "cli_amount_reach"),
	}
	num := display.Count(v, lang)
	if v.Abs().LessThan(decimal.NewFromInt(100)) && !v.Equal(v.Round(0)) {
		num = display.Decimal(v, 1, lang)
	}
	return num + " " + nouns[metric]
}

// writeGoalSeek writes goal seek's advice.
func writeGoalSeek(b *bytes.Buffer, p plan.Plan, r simulate.GoalSeekResult) {
	lang := p.Info.Language
	target := metricAmount(p, r.Metric, r.Target)
	heading(b, word(lang, "cli_goal_seek"), "=")
	mixText := word(lang, "cli_keeping_todays_mix")
	if r.Mix == simulate.MixOptimize {
		mixText = word(lang, "cli_best_split")
	}
	fmt.Fprintf(b, "%s%s%s, %s\n\n", word(lang, "cli_target"), colon(lang), target, mixText)
	if !r.Reachable {
		writeUnreachable(b, p, r)
	} else {
		metAtMin := false
		for _, w := range r.Warnings {
			if w.Code == simulate.WarnGoalMetAtMin || w.Code == simulate.WarnNoDecision {
				metAtMin = true
			}
		}
		switch {
		case metAtMin && r.Budget.Decimal.IsZero():
			b.WriteString(word(lang, "cli_goal_met_no_budget", "target", target, "cost", roundMoney(p, r.Cost.Decimal)))
		case metAtMin:
			b.WriteString(word(lang, "cli_goal_met_at_min", "target", target, "budget", roundMoney(p, r.Budget.Decimal), "cost", roundMoney(p, r.Cost.Decimal)))
		default:
			b.WriteString(word(lang, "cli_goal_budget", "target", target, "budget", roundMoney(p, r.Budget.Decimal), "cost", roundMoney(p, r.Cost.Decimal)))
		}
		if !(metAtMin && r.Budget.Decimal.IsZero()) {
			rows := make([][]string, 0, len(r.Allocation))
			for _, a := range r.Allocation {
				rows = append(rows, []string{"- " + quote(lang, a.Name), roundMoney(p, a.Budget)})
			}
			writeTable(b, "  ", nil, []bool{false, true}, rows)
		}
		b.WriteString(word(lang, "cli_goal_then_reaches", "value", metricAmount(p, r.Metric, r.Value.Decimal)))
	}
	var rest []string
	for i, w := range r.Warnings {
		if (i == 0 && !r.Reachable) || w.Code == simulate.WarnGoalMetAtMin {
			continue // said above
		}
		rest = append(rest, display.Text(w.Msg, lang, p.Info.Currency))
	}
	if len(rest) > 0 {
		section(b, word(lang, "cli_warnings"))
		for _, w := range rest {
			fmt.Fprintf(b, "- %s\n", w)
		}
	}
}

// writeUnreachable explains why no budget reaches the target: the
// engine's reason, its first warning (the limits, the best value, the
// other channels' share), in the plan's language.
func writeUnreachable(b *bytes.Buffer, p plan.Plan, r simulate.GoalSeekResult) {
	if len(r.Warnings) > 0 {
		fmt.Fprintf(b, "%s\n", display.Text(r.Warnings[0].Msg, p.Info.Language, p.Info.Currency))
	}
}
