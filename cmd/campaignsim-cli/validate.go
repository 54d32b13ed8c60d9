package main

import "fmt"

const validateUsage = "validate PLAN"

const validateHelp = `
Checks the plan file and prints every problem found, one per line, as
FILE:LINE:COL: message (exit code 1). A valid plan prints
"OK: <title> — N channels, M objectives" in the plan's language.
PLAN "-" reads standard input (named <stdin> in messages).`

// validate is the validate command: the plan's problems, or one line
// saying that it is valid.
func (c *cli) validate(args []string) error {
	p, _, err := c.planArgs("validate", flags("validate"), args, nil)
	if err != nil {
		return err
	}
	lang := p.Info.Language
	fmt.Fprintf(&c.out, "%s %s — %s, %s\n", word(lang, "cli_ok"), p.Info.Title,
		plural(lang, len(p.Channels), "cli_channel", "cli_channels"), plural(lang, len(p.Objectives), "cli_objective", "cli_objectives"))
	return nil
}
