package main

import (
	"bytes"
	"strconv"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
)

// attribution is the attribution command: the conversions of the paths
// credited to the plan's channels by four models, as text or JSON. Its
// PLAN is the --plan flag and its positional argument the paths.
func (c *cli) attribution(args []string) error {
	fs := flags("attribution")
	planPath := fs.String("plan", "", "cli_flag_attribution_plan")
	format, checkFormat := formatFlag("attribution", fs, "text", "json")
	pos, err := c.parse(fs, "attribution", args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return usagef("attribution", "cli_usage_one_paths_file")
	case *planPath == "":
		return usagef("attribution", "cli_usage_missing_plan_flag")
	}
	if err := checkFormat(); err != nil {
		return err
	}
	p, name, err := c.loadPlan(*planPath)
	if err != nil {
		return err
	}
	data, err := readInput(pos[0], "cli_cannot_read_paths")
	if err != nil {
		return err
	}
	paths, err := plan.ParsePathsCSV(pos[0], data, p)
	if err != nil {
		return planError{pos[0], err}
	}
	a, err := simulate.Attribute(p, paths)
	if err != nil {
		return planError{name, err}
	}
	if *format == "json" {
		return c.writeJSON(attributionJSON(a))
	}
	writeAttribution(&c.out, p, a)
	return nil
}

// modelCodes are the words of the attribution models.
var modelCodes = map[simulate.AttributionModel]string{
	simulate.FirstTouch: "cli_first_touch",
	simulate.LastTouch:  "cli_last_touch",
	simulate.Linear:     "cli_linear",
}

// modelName names an attribution model for people (position-based for
// any other).
func modelName(lang plan.Language, m simulate.AttributionModel) string {
	if code, ok := modelCodes[m]; ok {
		return wordOf(lang, code)
	}
	return word(lang, "cli_position_based")
}

// writeAttribution writes the credits of every model side by side, with
// the spread, for the conversions then the revenue.
func writeAttribution(b *bytes.Buffer, p plan.Plan, a simulate.Attribution) {
	lang := p.Info.Language
	heading(b, word(lang, "cli_attribution_of_conversions"), "=")
	b.WriteString(word(lang, "cli_attribution_summary", "paths", strconv.Itoa(a.Paths),
		"conversions", count(p, a.Conversions), "revenue", money(p, a.Revenue)))
	for _, what := range []string{"conversions", "revenue"} {
		title := word(lang, "cli_conversions_by_channel")
		if what == "revenue" {
			title = word(lang, "cli_revenue_by_channel")
		}
		section(b, title)
		head := []string{word(lang, "cli_col_channel")}
		right := []bool{false}
		for _, t := range a.Models {
			head = append(head, modelName(lang, t.Model))
			right = append(right, true)
		}
		head = append(head, word(lang, "cli_spread"))
		right = append(right, true)
		var rows [][]string
		for i, ch := range p.Channels {
			row := []string{ch.Name}
			for _, t := range a.Models {
				cc := t.Channels[i]
				if what == "revenue" {
					row = append(row, money(p, cc.Revenue))
				} else {
					row = append(row, display.Decimal(cc.Conversions, 2, lang))
				}
			}
			if what == "revenue" {
				row = append(row, money(p, a.Spread[i].RevenueSpread))
			} else {
				row = append(row, display.Decimal(a.Spread[i].ConversionsSpread, 2, lang))
			}
			rows = append(rows, row)
		}
		writeTable(b, "  ", head, right, rows)
	}
}

// attributionJSON is the JSON output of attribution (see cli_help_attribution in cli.toml).
func attributionJSON(a simulate.Attribution) object {
	models := []any{}
	for _, t := range a.Models {
		chs := []any{}
		for _, cc := range t.Channels {
			chs = append(chs, object{{"id", cc.Channel}, {"conversions", edge(simulate.Count, cc.Conversions)},
				{"revenue", edge(simulate.Money, cc.Revenue)}})
		}
		models = append(models, object{{"model", string(t.Model)}, {"channels", chs}})
	}
	spread := []any{}
	for _, s := range a.Spread {
		spread = append(spread, object{{"id", s.Channel},
			{"conversions_min", edge(simulate.Count, s.MinConversions)}, {"conversions_max", edge(simulate.Count, s.MaxConversions)},
			{"revenue_min", edge(simulate.Money, s.MinRevenue)}, {"revenue_max", edge(simulate.Money, s.MaxRevenue)}})
	}
	return object{{"paths", a.Paths}, {"conversions", edge(simulate.Count, a.Conversions)},
		{"revenue", edge(simulate.Money, a.Revenue)}, {"models", models}, {"spread", spread}}
}
