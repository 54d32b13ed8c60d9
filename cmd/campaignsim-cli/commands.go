package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"strings"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
)

const validateHelp = `
Checks the plan file and prints every problem found, one per line, as
FILE:LINE:COL: message (exit code 1). A valid plan prints
"OK: <title> — N channels, M objectives" in the plan's language.
PLAN "-" reads standard input (named <stdin> in messages).`

func (c *cli) validate(args []string) int {
	fs := flags("validate")
	pos, err := c.parse(fs, "validate", args)
	if err != nil {
		return helpOrUsage(err)
	}
	path, ok := c.onePlan("validate", pos)
	if !ok {
		return exitUsage
	}
	p, _, code := c.loadPlan(path)
	if code != exitOK {
		return code
	}
	lang := p.Info.Language
	fmt.Fprintf(&c.out, "%s %s — %s, %s\n", tr(lang, "ok"), p.Info.Title,
		plural(lang, len(p.Channels), "channel"), plural(lang, len(p.Objectives), "objective"))
	return exitOK
}

// helpOrUsage turns a parse error into an exit code: 0 after --help, 2
// after a wrong flag.
func helpOrUsage(err error) int {
	if errors.Is(err, errHelped) {
		return exitOK
	}
	return exitUsage
}

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

func (c *cli) simulate(args []string) int {
	fs := flags("simulate")
	scenario := fs.String("scenario", "base", "scenario to simulate: base, a scenario `NAME` of the plan, or all")
	format := fs.String("format", "text", "output `format`: text, json or csv")
	pos, err := c.parse(fs, "simulate", args)
	if err != nil {
		return helpOrUsage(err)
	}
	path, ok := c.onePlan("simulate", pos)
	if !ok || !c.oneOf("simulate", "format", *format, "text", "json", "csv") {
		return exitUsage
	}
	p, name, code := c.loadPlan(path)
	if code != exitOK {
		return code
	}
	if !c.knownScenario(p, *scenario) {
		return exitUsage
	}
	var results []simulate.Result
	if *scenario == "all" {
		results, err = simulate.RunAll(p)
	} else {
		var r simulate.Result
		if *scenario == "base" {
			r, err = simulate.Run(p)
		} else {
			r, err = simulate.RunScenario(p, *scenario)
		}
		results = []simulate.Result{r}
	}
	if err != nil {
		return c.engineError(name, err)
	}
	switch *format {
	case "json":
		var v any
		if *scenario == "all" {
			arr := make([]any, len(results))
			for i, r := range results {
				arr[i] = resultJSON(p, r)
			}
			v = arr
		} else {
			v = resultJSON(p, results[0])
		}
		return c.writeJSON(v)
	case "csv":
		return c.writeCSV(simulateCSV(results))
	default:
		if *scenario == "all" {
			writeScenariosText(&c.out, p, results)
		} else {
			writeReport(&c.out, p, results[0])
		}
		return exitOK
	}
}

// knownScenario checks --scenario against the plan's scenarios.
func (c *cli) knownScenario(p plan.Plan, name string) bool {
	names := []string{"base"}
	for _, s := range p.Scenarios {
		if s.Name == name {
			return true
		}
		names = append(names, s.Name)
	}
	if name == "base" || name == "all" {
		return true
	}
	c.usageError("simulate", "--scenario %q: the plan has no such scenario; use all or one of: %s",
		name, strings.Join(quoteAll(names), ", "))
	return false
}

func quoteAll(s []string) []string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return q
}

// engineError reports an error of the simulation engine: the plan's
// problems (exit 1) or why it could not run (exit 1 too: the engine could
// not make sense of this plan).
func (c *cli) engineError(name string, err error) int {
	c.planErrors(name, err)
	return exitInvalid
}

const evaluateHelp = `
Compares what really happened — the plan file's [[actuals]], per channel
and month — with the plan over the same months, and prints both results
and the variance (actual − plan) of every figure.

--format text is a report in the plan's language; json is
{ "actual": RESULT, "plan": RESULT, "variance": { FIGURES } } with RESULT
shaped as simulate's JSON; csv has the rows actual, plan and variance
(column "series") for every channel, then for the totals (channel empty,
name "Total"). Numbers are written as in simulate's JSON and CSV.

--actuals FILE.csv reads actuals from a CSV file — the format of FORMAT.md
(channel,month,spend,exposures,interactions,leads,customers,revenue,cogs;
"," or ";" separated, decimal point or comma) or a Google Ads or Mailchimp
campaign report — and merges them into the plan's [[actuals]] (a row of the
file replaces the plan's row for the same channel and month). A bad file
exits with 1 and one error per line as FILE:LINE: message, naming the
column; a file that cannot be read exits with 3.

The text report then adds the tracking of 'campaignsim-cli track': the
dashboard by life-cycle stage, the variance per channel, the re-forecast
and what to change. JSON and CSV keep the shapes above.`

func (c *cli) evaluate(args []string) int {
	fs := flags("evaluate")
	format := fs.String("format", "text", "output `format`: text, json or csv")
	actuals := fs.String("actuals", "", "read actuals from `FILE.csv` (merged into the plan's [[actuals]])")
	pos, err := c.parse(fs, "evaluate", args)
	if err != nil {
		return helpOrUsage(err)
	}
	path, ok := c.onePlan("evaluate", pos)
	if !ok || !c.oneOf("evaluate", "format", *format, "text", "json", "csv") {
		return exitUsage
	}
	p, name, code := c.loadPlan(path)
	if code != exitOK {
		return code
	}
	if p, code = c.withActuals(p, *actuals); code != exitOK {
		return code
	}
	if len(p.Actuals) == 0 {
		fmt.Fprintf(c.stderr, "%s: %s\n", name, tr(p.Info.Language, "no actuals"))
		return exitInvalid
	}
	ev, err := simulate.Evaluate(p)
	if err != nil {
		return c.engineError(name, err)
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
	default:
		writeEvaluation(&c.out, p, ev)
		if t, err := simulate.Track(p); err == nil {
			writeTracking(&c.out, p, t, nil)
		}
		return exitOK
	}
}

// writeJSON appends v to the output as indented JSON.
func (c *cli) writeJSON(v any) int {
	b, err := marshalIndent(v)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: cannot write JSON: %v\n", prog, err)
		return exitInvalid
	}
	c.out.Write(b)
	c.out.WriteByte('\n')
	return exitOK
}

// writeCSV appends records to the output as RFC 4180 CSV. Every cell goes
// through display.CSVCell, so a name a spreadsheet would run as a formula
// is written as text.
func (c *cli) writeCSV(records [][]string) int {
	for _, r := range records {
		for i := range r {
			r[i] = display.CSVCell(r[i])
		}
	}
	w := csv.NewWriter(&c.out)
	if err := w.WriteAll(records); err != nil {
		fmt.Fprintf(c.stderr, "%s: cannot write CSV: %v\n", prog, err)
		return exitInvalid
	}
	return exitOK
}

const examplesHelp = `
Without NAME, lists the embedded example plans with their titles. With
NAME, prints that example's plan file (TOML), or writes it to FILE with -o
(written whole or not at all: nothing is left behind on failure).`

func (c *cli) examples(args []string) int {
	fs := flags("examples")
	out := fs.String("o", "", "write the example to `FILE` instead of standard output")
	pos, err := c.parse(fs, "examples", args)
	if err != nil {
		return helpOrUsage(err)
	}
	if len(pos) > 1 {
		c.usageError("examples", "too many arguments: %s", strings.Join(pos[1:], " "))
		return exitUsage
	}
	names := plan.ExampleNames()
	if len(pos) == 0 {
		if *out != "" {
			c.usageError("examples", "-o needs an example NAME")
			return exitUsage
		}
		rows := make([][]string, 0, len(names))
		for _, n := range names {
			title := ""
			if p, err := plan.Example(n); err == nil {
				title = p.Info.Title
			}
			rows = append(rows, []string{n, title})
		}
		writeTable(&c.out, "", nil, []bool{false, false}, rows)
		return exitOK
	}
	data, ok := plan.ExampleFile(pos[0])
	if !ok {
		c.usageError("examples", "no example named %q; examples: %s", pos[0], strings.Join(names, ", "))
		return exitUsage
	}
	if *out == "" || *out == "-" {
		c.out.Write(data)
		return exitOK
	}
	if err := fileio.WriteFile(*out, data, fileio.Options{}); err != nil {
		return c.outputError("examples", *out, ".toml", err)
	}
	return exitOK
}

// getenv is os.Getenv, a variable so that nothing else reads the
// environment.
var getenv = os.Getenv

// envLanguage is the language of the user's locale (LC_ALL, LC_MESSAGES,
// LANG): English when it starts with "en", French otherwise.
func envLanguage() plan.Language {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(v, "en") {
				return plan.LangEN
			}
			return plan.LangFR
		}
	}
	return plan.LangFR
}
