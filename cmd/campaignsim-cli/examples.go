package main

import (
	"strings"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
)

// examples is the examples command: the list of the example plans, or one
// of them printed or written to a file.
func (c *cli) examples(args []string) error {
	fs := flags("examples")
	out := fs.String("o", "", "cli_flag_examples_o")
	pos, err := c.parse(fs, "examples", args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return tooMany("examples", pos[1:])
	}
	names := plan.ExampleNames()
	if len(pos) == 0 {
		if *out != "" {
			return usagef("examples", "cli_usage_o_needs_example")
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
		return nil
	}
	data, ok := plan.ExampleFile(pos[0])
	if !ok {
		return usagef("examples", "cli_usage_no_such_example", "name", pos[0], "names", strings.Join(names, ", "))
	}
	if *out == "" || *out == "-" {
		c.out.Write(data)
		return nil
	}
	if err := fileio.WriteFile(*out, data, fileio.Options{}); err != nil {
		return outputError("examples", *out, ".toml", err)
	}
	return nil
}
