package main

import (
	"campaignsim/simulate"
)

const evaluateUsage = "evaluate PLAN [--actuals FILE]... [--format text|json|csv]"

const evaluateHelp = `
Compares what really happened — the plan file's [[actuals]], per channel
and month — with the plan over the same months, and prints both results
and the variance (actual − plan) of every figure.

--format text is a report in the plan's language; json is
{ "actual": RESULT, "plan": RESULT, "variance": { FIGURES } } with RESULT
shaped as simulate's JSON; csv has the rows actual, plan and variance
(column "series") for every channel, then for the totals (channel empty,
name "Total"). Numbers are written as in simulate's JSON and CSV.

--actuals FILE reads actuals from a file — the CSV of FORMAT.md
(channel,month,spend,exposures,interactions,leads,customers,revenue,cogs;
"," or ";" separated, decimal point or comma), or a Google Ads, Meta or
Mailchimp report as downloaded (CSV, Excel CSV or .xlsx) — and merges them
into the plan's [[actuals]] (a row replaces the plan's row for the same
channel and month). The flag may repeat: rows of one channel and month add
up across the files. A campaign reaches its channel by the channel's id or
name, or its campaigns patterns. A bad file
exits with 1 and one error per line as FILE:LINE: message, naming the
column; a file that cannot be read exits with 3.

The text report then adds the tracking of 'campaignsim-cli track': the
dashboard by life-cycle stage, the variance per channel, the re-forecast
and what to change. JSON and CSV keep the shapes above.`

// evaluate is the evaluate command: the actuals against the plan over the
// months with actuals, as text (with track's report), JSON or CSV.
func (c *cli) evaluate(args []string) error {
	fs := flags("evaluate")
	format, checkFormat := formatFlag("evaluate", fs, "text", "json", "csv")
	actuals := actualsFlag(fs)
	p, name, err := c.actualsArgs("evaluate", fs, args, actuals, checkFormat)
	if err != nil {
		return err
	}
	ev, err := simulate.Evaluate(p)
	if err != nil {
		return planError{name, err}
	}
	switch *format {
	case "json":
		return c.writeJSON(object{
			{"actual", resultJSON(p, ev.Actual)},
			{"plan", resultJSON(p, ev.Plan)},
			{"variance", figuresJSON(ev.Variance)},
		})
	case "csv":
		return c.writeCSV(evaluateCSV(ev))
	}
	writeEvaluation(&c.out, p, ev)
	if t, err := simulate.Track(p); err == nil {
		writeTracking(&c.out, p, t, nil)
	}
	return nil
}
