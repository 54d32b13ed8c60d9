package main

import (
	"strings"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
)

const examplesUsage = "examples [NAME [-o FILE]]"

const examplesHelp = `
Without NAME, lists the embedded example plans with their titles. With
NAME, prints that example's plan file (TOML), or writes it to FILE with -o
(written whole or not at all: nothing is left behind on failure).`

// examples is the examples command: the list of the example plans, or one
// of them printed or written to a file.
func (c *cli) examples(args []string) error {
	fs := flags("examples")
	out := fs.String("o", "", "write the example to `FILE` instead of standard output")
	pos, err := c.parse(fs, "examples", args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("examples", "too many arguments: %s", strings.Join(pos[1:], " "))
	}
	names := plan.ExampleNames()
	if len(pos) == 0 {
		if *out != "" {
			return usagef("examples", "-o needs an example NAME")
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
		return usagef("examples", "no example named %q; examples: %s", pos[0], strings.Join(names, ", "))
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
