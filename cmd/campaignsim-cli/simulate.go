package main

import (
	"campaignsim/simulate"
)

const simulateUsage = "simulate PLAN [--scenario NAME|all] [--format text|json|csv]"

const simulateHelp = `
Simulates the plan and prints the results: key figures, one
line per channel with its funnel, the monthly timeline, the objectives
with their SMART checklist, recommendations and warnings.

--scenario picks the scenario: "base" (the plan as written, the default),
the name of one of the plan's [[scenarios]], or "all" for the base then
every scenario, side by side.

--format text is a report in the plan's language; json is one object with
the keys format, plan, currency, scenario, totals, channels, months,
objectives, recommendations and warnings (an array of such objects with
--scenario all); csv has one row per channel and a totals row (channel
empty, name "Total") per scenario.

In JSON and CSV every figure is a decimal written with the places of its
unit after MODEL.md's edge rounding (half away from zero): money with 2
("1250.00"), rates and multiples with 6 ("0.220000"), counts with 2
("187.40"), months with 0. An undefined figure is null in JSON and an
empty cell in CSV.`

// simulate is the simulate command: the results of the base, of one
// scenario or of all, as text, JSON or CSV.
func (c *cli) simulate(args []string) error {
	fs := flags("simulate")
	scenario := fs.String("scenario", "base", "scenario to simulate: base, a scenario `NAME` of the plan, or all")
	format, checkFormat := formatFlag("simulate", fs, "text", "json", "csv")
	p, name, err := c.planArgs("simulate", fs, args, func(string) error {
		return checkFormat()
	})
	if err != nil {
		return err
	}
	if err := checkScenario("simulate", p, *scenario, "use all or one of", "base"); err != nil {
		return err
	}
	an, err := simulate.Analyze(p, simulate.AnalyzeOptions{Scenario: *scenario})
	if err != nil {
		return planError{name, err}
	}
	results := []simulate.Result{an.Shown}
	if an.Scenario == simulate.AllScenarios {
		results = an.All
	}
	switch *format {
	case "json":
		if *scenario != "all" {
			return c.writeJSON(resultJSON(p, results[0]))
		}
		arr := make([]any, len(results))
		for i, r := range results {
			arr[i] = resultJSON(p, r)
		}
		return c.writeJSON(arr)
	case "csv":
		return c.writeCSV(simulateCSV(results))
	}
	if *scenario == "all" {
		writeScenariosText(&c.out, p, results)
	} else {
		writeReport(&c.out, p, results[0])
	}
	return nil
}
