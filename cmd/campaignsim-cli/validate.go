package main

import "fmt"

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
