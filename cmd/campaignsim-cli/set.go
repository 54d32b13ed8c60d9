package main

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
)

const setUsage = "set PLAN KEY=VALUE..."

const setHelp = `
Edits the plan file in place: sets each KEY to VALUE, validates the new
plan, then writes it back keeping every comment, blank line and key
order: only the changed lines differ.

KEY is plan.K, business.K, funnel.K, simulation.K, tracking.K,
channels.ID.K or objectives.ID.K, K a key of that table of the plan file
(FORMAT.md), ID a channel's or an objective's id. VALUE is written as in
the plan but without quotes — 6000, 0.25, 2027-05-01, true, a text — and
stored in the plan's own form (decimals as quoted strings). An empty
VALUE (KEY=) unsets an optional key or puts it back to its default.
channels.ID.active_months takes 1,2,3; channels.ID.ranges.K takes
LOW,HIGH; tracking.engagement_weights.KPI takes a weight. The pairs are
applied in order, so channels.ID.kind=display can come before the keys of
the new kind.

An unknown key or an invalid value (or a new plan that does not
validate) is an error (exit 1) and the file is left byte for byte as it
was. The write is atomic (the file is the old one or the whole new one,
never half written), goes through a symbolic link to its target, keeps
the previous version as PLAN.bak, and is refused when the file changed
since it was read. PLAN cannot be "-": there would be nothing to write
back.

Exit codes: 1 the plan, a key or a value is invalid; 2 wrong usage; 3 the
file could not be read or written, or its layout cannot be kept.`

func (c *cli) set(args []string) int {
	fs := flags("set")
	pos, err := c.parse(fs, "set", args)
	if err != nil {
		return helpOrUsage(err)
	}
	if len(pos) == 0 {
		c.usageError("set", "missing PLAN (the plan file to edit)")
		return exitUsage
	}
	path, pairs := pos[0], pos[1:]
	if path == "-" {
		c.usageError("set", "PLAN cannot be - (standard input): set writes the plan back to its file")
		return exitUsage
	}
	if len(pairs) == 0 {
		c.usageError("set", "missing KEY=VALUE (e.g. plan.budget=6000)")
		return exitUsage
	}
	type assignment struct{ key, value string }
	var sets []assignment
	for _, a := range pairs {
		key, value, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(key) == "" {
			c.usageError("set", "%q is not KEY=VALUE: write e.g. plan.budget=6000", a)
			return exitUsage
		}
		sets = append(sets, assignment{strings.TrimSpace(key), value})
	}

	data, err := readFileLimited(path, plan.MaxFileSize+1)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: cannot read the plan: %v\n", prog, err)
		return exitIO
	}
	if len(data) > plan.MaxFileSize {
		fmt.Fprintf(c.stderr, "%s: the plan file is larger than %d MB: is it really a plan?\n", path, plan.MaxFileSize>>20)
		return exitInvalid
	}
	read := fileio.HashOf(data)
	p, err := plan.Decode(path, data)
	if err != nil {
		c.planErrors(path, err)
		return exitInvalid
	}
	bad := false
	for _, s := range sets {
		q, err := plan.Set(p, s.key, s.value)
		if err != nil {
			fmt.Fprintf(c.stderr, "%s: %s\n", path, oneLine(err.Error()))
			bad = true
			continue
		}
		p = q
	}
	if bad {
		return exitInvalid
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		for _, e := range errs {
			e.File = path
			e.Path = setKeyOf(p, e.Path)
			fmt.Fprintln(c.stderr, oneLine(e.Error()))
		}
		return exitInvalid
	}
	out, err := plan.EditOver(data, p)
	if err != nil {
		if errors.Is(err, plan.ErrLayout) {
			fmt.Fprintf(c.stderr, "%s: %v: edit this file in a text editor, or let the app save it in its own layout\n", path, err)
			return exitIO
		}
		fmt.Fprintf(c.stderr, "%s: %v\n", path, err)
		return exitInvalid
	}
	if bytes.Equal(out, data) {
		return exitOK // every value was already so: nothing to write
	}
	if err := fileio.WriteFile(path, out, fileio.Options{Backup: true, Unchanged: &read}); err != nil {
		if errors.Is(err, fileio.ErrChanged) {
			fmt.Fprintf(c.stderr, "%s: cannot write %s: %v; run set again on the new content\n", prog, path, err)
		} else {
			fmt.Fprintf(c.stderr, "%s: cannot write %s: %v\n", prog, path, err)
		}
		return exitIO
	}
	return exitOK
}

// setKeyOf names a field of p as set's KEY does: "channels[2].ctr" is
// "channels.ID.ctr" with the channel's id, and the same for objectives;
// other paths are already so.
func setKeyOf(p plan.Plan, path string) string {
	for _, table := range []string{"channels", "objectives"} {
		rest, ok := strings.CutPrefix(path, table+"[")
		if !ok {
			continue
		}
		n, after, ok := strings.Cut(rest, "]")
		i, err := strconv.Atoi(n)
		if !ok || err != nil || i < 0 {
			return path
		}
		var id string
		switch {
		case table == "channels" && i < len(p.Channels):
			id = p.Channels[i].ID
		case table == "objectives" && i < len(p.Objectives):
			id = p.Objectives[i].ID
		}
		if id == "" || strings.ContainsAny(id, ".[]") {
			return path
		}
		return table + "." + id + after
	}
	return path
}
