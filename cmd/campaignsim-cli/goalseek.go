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

const goalseekUsage = "goalseek PLAN --metric METRIC --target VALUE [--mix keep|optimize] [--format text|json]"

var goalseekHelp = `
Finds the smallest paid budget — the budgets of the search, display and
social_ads channels that are not locked — at which the plan's METRIC reaches
VALUE, and what the whole plan then costs.

--metric is one of: ` + strings.Join(simulate.SeekMetrics, ", ") + `
(the figures that grow with the budget; leads, mql and sql in b2b plans
only; net_profit rises then falls: the smallest budget on the rising side).
--target is a decimal in the metric's unit (250 customers, 12000.50 of
revenue). Both are required.

--mix keep (the default) scales every paid channel's budget by one factor:
today's mix, min_budget and max_budget do not apply ("how much money with
this mix"); --mix optimize splits each candidate budget at its best within
min_budget and max_budget.

The answer is within 0.1 % of the exact budget: the budget found reaches
the target and 0.1 % less does not. When caps (audience, max_clicks) or,
with optimize, max_budget bounds make the target impossible, the answer
says so and why (reachable false, exit code 0).

--format text is advice in the plan's language; json is
{ "metric", "target", "reachable", "cost",
  "allocation": [ { "id", "budget" } ], "warnings": [...] }
where cost is the plan's total marketing cost at that budget (null when
unreachable), the first warning the reason when unreachable.`

// goalseek is the goalseek command: the smallest paid budget at which the
// metric reaches the target, as advice or JSON.
func (c *cli) goalseek(args []string) error {
	fs := flags("goalseek")
	metric := fs.String("metric", "", "the `METRIC` to reach: "+strings.Join(simulate.SeekMetrics, ", "))
	targetText := fs.String("target", "", "the `VALUE` to reach, a decimal in the metric's unit")
	mix := fs.String("mix", "keep", "keep (today's mix, scaled) or optimize (best split within the bounds)")
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
			return usagef("goalseek", "missing --metric: use one of %s", strings.Join(simulate.SeekMetrics, ", "))
		}
		if err := oneOf("goalseek", "metric", *metric, simulate.SeekMetrics...); err != nil {
			return err
		}
		if *targetText == "" {
			return usagef("goalseek", "missing --target: write the value to reach as a decimal, e.g. --target 250")
		}
		var err error
		if target, err = parseAmount(*targetText); err != nil {
			return usagef("goalseek", "--target %q: write a decimal, e.g. --target 250 or --target 12000.50", *targetText)
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
