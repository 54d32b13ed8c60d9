package main

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate/display"
)

// set is the set command: the plan file edited in place, KEY=VALUE by
// KEY=VALUE, validated, and written back atomically in its own layout.
func (c *cli) set(args []string) error {
	fs := flags("set")
	pos, err := c.parse(fs, "set", args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("set", "cli_usage_missing_set_plan")
	}
	path, pairs := pos[0], pos[1:]
	if path == "-" {
		return usagef("set", "cli_usage_set_stdin")
	}
	if len(pairs) == 0 {
		return usagef("set", "cli_usage_missing_assignment")
	}
	type assignment struct{ key, value string }
	var sets []assignment
	for _, a := range pairs {
		key, value, ok := strings.Cut(a, "=")
		if !ok || strings.TrimSpace(key) == "" {
			return usagef("set", "cli_usage_not_assignment", "arg", a)
		}
		sets = append(sets, assignment{strings.TrimSpace(key), value})
	}

	data, _, err := c.readPlan(path)
	if err != nil {
		return err
	}
	read := fileio.HashOf(data)
	p, err := plan.Decode(path, data)
	if err != nil {
		return planError{path, err}
	}
	var bad []string // one line per pair that cannot be set
	for _, s := range sets {
		q, err := plan.Set(p, s.key, s.value)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %s", path, oneLine(errorText(err))))
			continue
		}
		p = q
	}
	if len(bad) > 0 {
		return invalidError{bad}
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		for i := range errs {
			errs[i].File = path
			errs[i].Path = setKeyOf(p, errs[i].Path)
		}
		return planError{path, errs}
	}
	lang := envLanguage()
	out, err := plan.EditOver(data, p)
	if err != nil {
		var le *plan.LayoutError
		if errors.As(err, &le) {
			return ioErrorf("%s%s%s", path, colon(lang), word(lang, "cli_set_layout", "why", display.Text(le.Why, lang, "")))
		}
		return invalidErrorf("%s: %v", path, err)
	}
	if bytes.Equal(out, data) {
		return nil // every value was already so: nothing to write
	}
	if err := fileio.WriteFile(path, out, fileio.Options{Backup: true, Unchanged: &read}); err != nil {
		reason := writeReason(err, lang)
		if errors.Is(err, fileio.ErrChanged) {
			reason = word(lang, "cli_set_changed", "reason", err.Error())
		}
		return ioErrorf("%s%s%s", prog, colon(lang), word(lang, "cli_cannot_write", "out", path, "reason", reason))
	}
	return nil
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
