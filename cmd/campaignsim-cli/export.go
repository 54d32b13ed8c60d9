package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"campaignsim/plan"
	"campaignsim/plan/report"
)

const exportUsage = "export PLAN -o OUT.pdf [--lang fr|en] [--scenario NAME|all]"

const exportHelp = `
Writes the plan as a PDF document to hand to a client: a cover, then the
summary (objectives met or not, key figures, a three-sentence conclusion),
the context, the SMART objectives, the actions (each channel with its
funnel and its KPIs against published benchmarks), planning and budget
(month by channel, owners), expected results with charts, risks (Monte
Carlo, tornado, the budget each objective needs), tracking (KPIs per
life-cycle stage, tools, actuals against plan) and recommendations.

-o is the PDF file to write (required). It is written whole or not at
all: through a temporary file in the same folder, renamed at the end.

--lang is the language of the document: fr or en (default: the plan's).

--scenario picks the results shown: base (the plan as written, the
default), the name of one of the plan's [[scenarios]], or all for the base
results plus every scenario side by side.

Exit codes: 1 the plan is invalid; 2 wrong usage (no -o, a bad --lang or
--scenario); 3 the PDF could not be written.`

func (c *cli) export(args []string) int {
	fs := flags("export")
	out := fs.String("o", "", "the PDF `FILE` to write (required)")
	lang := fs.String("lang", "", "language of the document: fr or en (default: the plan's)")
	scenario := fs.String("scenario", "base", "results shown: base, a scenario `NAME` of the plan, or all")
	pos, err := c.parse(fs, "export", args)
	if err != nil {
		return helpOrUsage(err)
	}
	path, ok := c.onePlan("export", pos)
	if !ok {
		return exitUsage
	}
	if *out == "" {
		c.usageError("export", "missing -o OUT.pdf (the PDF file to write)")
		return exitUsage
	}
	if *lang != "" && !c.oneOf("export", "lang", *lang, "fr", "en") {
		return exitUsage
	}
	if st, err := os.Stat(*out); err == nil && st.IsDir() {
		fmt.Fprintf(c.stderr, "%s export: cannot write %s: it is a folder; give a file name such as %s\n",
			prog, *out, filepath.Join(*out, "plan.pdf"))
		return exitIO
	}
	p, name, code := c.loadPlan(path)
	if code != exitOK {
		return code
	}
	if !c.exportScenario(p, *scenario) {
		return exitUsage
	}
	err = report.WriteFile(*out, p, report.Options{Lang: plan.Language(*lang), Scenario: *scenario})
	var list plan.ErrorList
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &list):
		return c.engineError(name, err)
	case errors.Is(err, report.ErrUnknownScenario), errors.Is(err, report.ErrLanguage):
		c.usageError("export", "%v", err)
		return exitUsage
	}
	fmt.Fprintf(c.stderr, "%s export: %v\n", prog, err)
	return exitIO
}

// exportScenario checks --scenario against the plan's scenarios.
func (c *cli) exportScenario(p plan.Plan, name string) bool {
	names := []string{"base", "all"}
	for _, s := range p.Scenarios {
		if s.Name == name {
			return true
		}
		names = append(names, s.Name)
	}
	if name == "base" || name == "all" {
		return true
	}
	c.usageError("export", "--scenario %q: the plan has no such scenario; use one of: %s",
		name, strings.Join(quoteAll(names), ", "))
	return false
}
