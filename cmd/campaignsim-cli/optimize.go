package main

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// optimize is the optimize command: the best split of the paid budget for
// the goal, as advice or JSON.
func (c *cli) optimize(args []string) error {
	fs := flags("optimize")
	goal := fs.String("goal", "customers", "cli_flag_optimize_goal")
	budgetText := fs.String("budget", "", "cli_flag_optimize_budget")
	format, checkFormat := formatFlag("optimize", fs, "text", "json")
	var total decimal.NullDecimal
	p, name, err := c.planArgs("optimize", fs, args, func(string) error {
		if err := firstError(
			checkFormat(),
			oneOf("optimize", "goal", *goal, "customers", "gross_margin", "net_profit"),
		); err != nil {
			return err
		}
		if *budgetText != "" {
			v, err := parseAmount(*budgetText)
			if err != nil || v.Sign() < 0 {
				return usagef("optimize", "cli_usage_bad_budget", "value", *budgetText)
			}
			total = decimal.NewNullDecimal(v)
		}
		return nil
	})
	if err != nil {
		return err
	}
	o, err := simulate.Optimize(p, simulate.Goal(*goal), total)
	if err != nil {
		return planningError("optimize", name, err)
	}
	if *format == "json" {
		return c.writeJSON(optimizeJSON(p, o))
	}
	writeOptimization(&c.out, p, o)
	return nil
}

// parseAmount reads a decimal typed on the command line, in the user's
// locale's habits, by the one reader of typed numbers (display.ParseNumber):
// "4500,50", "4 500", "4500.50" all work.
func parseAmount(s string) (decimal.Decimal, error) {
	return display.ParseNumber(s, envLanguage())
}

// planningError is an error of the optimiser or goal seek: the plan's
// problems (a planError, one per line), or the reason on one line
// (invalidError "campaignsim-cli CMD: PLAN: reason"); exit code 1.
func planningError(cmd, name string, err error) error {
	var list plan.ErrorList
	if errors.As(err, &list) {
		return planError{name, err}
	}
	var se *simulate.Error
	if errors.As(err, &se) {
		return invalidErrorf("%s %s: %s: %s", prog, cmd, name, oneLine(display.Text(se.Msg, envLanguage(), se.Currency)))
	}
	return invalidErrorf("%s %s: %s: %s", prog, cmd, name, oneLine(strings.TrimPrefix(err.Error(), "simulate: ")))
}

// goalUnit is the unit of an optimiser goal's value.
func goalUnit(g simulate.Goal) simulate.Unit {
	if g == simulate.GoalCustomers {
		return simulate.Count
	}
	return simulate.Money
}

// warningTexts returns the warnings in the plan's language and currency.
func warningTexts(p plan.Plan, ws []simulate.Warning) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, display.Text(w.Msg, p.Info.Language, p.Info.Currency))
	}
	return out
}

// optimizeJSON is FORMAT.md's JSON output of optimize.
func optimizeJSON(p plan.Plan, o simulate.Optimization) object {
	u := goalUnit(o.Goal)
	alloc := make([]any, 0, len(o.Allocation))
	for _, a := range o.Allocation {
		alloc = append(alloc, object{
			{"id", a.ID},
			{"budget_before", edge(simulate.Money, a.BudgetBefore)},
			{"budget_after", edge(simulate.Money, a.BudgetAfter)},
			{"customers_before", edge(simulate.Count, a.CustomersBefore)},
			{"customers_after", edge(simulate.Count, a.CustomersAfter)},
		})
	}
	return object{
		{"goal", string(o.Goal)},
		{"budget", edge(simulate.Money, o.Budget)},
		{"before", edge(u, o.Before)},
		{"after", edge(u, o.After)},
		{"allocation", alloc},
		{"warnings", warningTexts(p, o.Warnings)},
	}
}

// roundMoney shows an amount to the whole currency unit, as advice reads:
// fr "1 200 €", en "€1,200".
func roundMoney(p plan.Plan, v decimal.Decimal) string {
	return display.MoneyWhole(v, currencyOf(p), p.Info.Language)
}

// goalAmount shows a value of the goal for people: customers whole, or
// with one decimal when fine is true (a small gain must not read "from
// 215 to 215"), money to the unit.
func goalAmount(p plan.Plan, g simulate.Goal, v decimal.Decimal, fine bool) string {
	lang := p.Info.Language
	switch g {
	case simulate.GoalCustomers:
		if fine {
			return display.Decimal(v, 1, lang)
		}
		return display.Count(v, lang)
	default:
		return roundMoney(p, v)
	}
}

// goalNoun is the goal's noun after the number v: "clients", "de marge
// brute" (French singular below 2, English singular for 1).
func goalNoun(lang plan.Language, g simulate.Goal, v decimal.Decimal) string {
	switch g {
	case simulate.GoalGrossMargin:
		return word(lang, "cli_of_gross_margin")
	case simulate.GoalNetProfit:
		return word(lang, "cli_of_net_profit")
	}
	a := v.Abs()
	if (lang == plan.LangEN && a.Equal(decimal.NewFromInt(1))) || (lang != plan.LangEN && a.LessThan(decimal.NewFromInt(2))) {
		return word(lang, "cli_customer")
	}
	return word(lang, "cli_customers")
}

// writeOptimization writes optimize's advice: the moves, what they change,
// a table of the budgets and customers before and after, and the warnings.
func writeOptimization(b *bytes.Buffer, p plan.Plan, o simulate.Optimization) {
	lang := p.Info.Language
	heading(b, word(lang, "cli_advertising_budget_optimisation"), "=")
	fmt.Fprintf(b, "%s%s%s\n", word(lang, "cli_goal"), colon(lang), display.Label(string(o.Goal), lang))
	if len(o.Allocation) == 0 {
		// No paid channel: the warning says it all; no empty table.
		b.WriteByte('\n')
		for _, w := range warningTexts(p, o.Warnings) {
			fmt.Fprintf(b, "%s\n", w)
		}
		fmt.Fprintf(b, "%s%s%s\n", display.Label(string(o.Goal), lang), colon(lang), goalAmount(p, o.Goal, o.After, true))
		return
	}
	fmt.Fprintf(b, "%s%s%s (%s)\n\n", word(lang, "cli_budget_to_split"), colon(lang), roundMoney(p, o.Budget),
		word(lang, "cli_paid_channels", "n", strconv.Itoa(len(o.Allocation))))
	gain := o.After.Sub(o.Before)
	sign := "+"
	if gain.Sign() < 0 {
		sign = ""
	}
	fine := o.FineGain()
	effect := fmt.Sprintf("%s%s %s (%s %s %s %s)", sign, goalAmount(p, o.Goal, gain, fine), goalNoun(lang, o.Goal, gain),
		word(lang, "cli_from"), goalAmount(p, o.Goal, o.Before, fine), word(lang, "cli_to"), goalAmount(p, o.Goal, o.After, fine))
	visible := o.AdviceMoves()
	if o.AlreadyBest() {
		fmt.Fprintf(b, "%s\n", word(lang, "cli_already_best", "effect", effect))
	}
	for i, m := range visible {
		s := display.Text(m.Msg(), lang, currencyOf(p))
		if len(visible) == 1 {
			fmt.Fprintf(b, "%s%s%s.\n", s, colon(lang), effect)
			continue
		}
		fmt.Fprintf(b, "%d. %s.\n", i+1, s)
	}
	if len(visible) > 1 {
		fmt.Fprintf(b, "%s%s%s.\n", word(lang, "cli_in_all"), colon(lang), effect)
	}
	section(b, word(lang, "cli_allocation"))
	head := []string{word(lang, "cli_col_channel"), word(lang, "cli_budget_before"), word(lang, "cli_budget_after"),
		word(lang, "cli_customers_before"), word(lang, "cli_customers_after")}
	rows := make([][]string, 0, len(o.Allocation)+1)
	for _, a := range o.Allocation {
		rows = append(rows, []string{a.Name, money(p, a.BudgetBefore), money(p, a.BudgetAfter),
			display.Decimal(a.CustomersBefore, 1, lang), display.Decimal(a.CustomersAfter, 1, lang)})
	}
	var bb decimal.Decimal
	for _, a := range o.Allocation {
		bb = bb.Add(a.BudgetBefore)
	}
	rows = append(rows, []string{word(lang, "cli_total"), money(p, bb), money(p, o.Spent), "", ""})
	writeTable(b, "  ", head, []bool{false, true, true, true, true}, rows)
	if len(o.Warnings) > 0 {
		section(b, word(lang, "cli_warnings"))
		for _, w := range warningTexts(p, o.Warnings) {
			fmt.Fprintf(b, "- %s\n", w)
		}
	}
}
