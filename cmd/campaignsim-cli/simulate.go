package main

import (
	"campaignsim/simulate"
)

// simulate is the simulate command: the results of the base, of one
// scenario or of all, as text, JSON or CSV.
func (c *cli) simulate(args []string) error {
	fs := flags("simulate")
	scenario := fs.String("scenario", "base", "cli_flag_simulate_scenario")
	format, checkFormat := formatFlag("simulate", fs, "text", "json", "csv")
	p, name, err := c.planArgs("simulate", fs, args, func(string) error {
		return checkFormat()
	})
	if err != nil {
		return err
	}
	if err := checkScenario("simulate", p, *scenario, "base", "all"); err != nil {
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
