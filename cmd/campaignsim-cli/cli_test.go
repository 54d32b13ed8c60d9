package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"campaignsim/plan"
)

// TestReport: each kind of error a handler returns has its exit code of
// FORMAT.md and its one way to be printed, also when wrapped.
func TestReport(t *testing.T) {
	withEnv(t, map[string]string{})
	usage := "usage: " + prog + " simulate PLAN [--scenario NAME|all] [--format text|json|csv]\n"
	for _, c := range []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"usage", usagef("simulate", "cli_usage_use_one_of", "flag", "--format", "value", "xml", "choices", "text, json, csv"), exitUsage,
			prog + ` simulate: --format "xml": use one of text, json, csv` + "\n" + usage +
				"Run '" + prog + " simulate --help' for details.\n"},
		// a command that is not in the table has no synopsis line
		{"usage of no command", usagef("nope", "cli_usage_missing_plan"), exitUsage,
			prog + " nope: missing PLAN (a plan file, or - for standard input)\nRun '" + prog + " nope --help' for details.\n"},
		{"unknown command", unknownCommandError{"fly"}, exitUsage,
			prog + ": unknown command \"fly\"\nRun '" + prog + " --help' for the list of commands.\n"},
		// every problem on its line, the file filled in where it lacks
		{"plan errors", planError{"p.toml", plan.ErrorList{
			{Line: 3, Col: 1, Msg: plan.NewMsg("first")},
			{File: "other.csv", Line: 2, Msg: plan.NewMsg("second\nline")},
		}}, exitInvalid, "p.toml:3:1: first\nother.csv:2: second line\n"},
		{"one plan error", planError{"p.toml", plan.Error{Path: "plan.months", Msg: plan.NewMsg("too long")}}, exitInvalid,
			"p.toml: plan.months: too long\n"},
		{"engine error", planError{"p.toml", errors.New("simulate: no channel")}, exitInvalid,
			"p.toml: simulate: no channel\n"},
		{"invalid lines", invalidError{[]string{"p.toml: a", "p.toml: b"}}, exitInvalid, "p.toml: a\np.toml: b\n"},
		{"io", ioErrorf("%s: cannot read the plan: %s", prog, "denied"), exitIO, prog + ": cannot read the plan: denied\n"},
		{"wrapped io", fmt.Errorf("while exporting: %w", ioErrorf("x.pdf: full")), exitIO, "x.pdf: full\n"},
		{"no kind", errors.New("odd\nfault"), exitInvalid, prog + ": odd fault\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			cl := &cli{stdout: &out, stderr: &errb}
			cl.out.WriteString("half-made output")
			if code := cl.exit(c.err); code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			if errb.String() != c.stderr {
				t.Errorf("stderr\n%q, want\n%q", errb.String(), c.stderr)
			}
			if out.Len() != 0 {
				t.Errorf("a failed command printed %q", out.String())
			}
		})
	}
}

// TestReportSuccess: nil and errHelped copy the output to stdout, exit 0.
func TestReportSuccess(t *testing.T) {
	for _, err := range []error{nil, errHelped} {
		var out, errb bytes.Buffer
		cl := &cli{stdout: &out, stderr: &errb}
		cl.out.WriteString("result\n")
		if code := cl.exit(err); code != exitOK || out.String() != "result\n" || errb.Len() != 0 {
			t.Errorf("%v: code %d stdout %q stderr %q", err, code, out.String(), errb.String())
		}
	}
}

// TestHelpStdoutWriteError: a help that cannot be written is an I/O
// error (exit 3), the top-level help as a command's. Before the one error
// mapping the top-level help exited 0 having printed nothing (seen to fail
// so: code 0, empty stderr).
func TestHelpStdoutWriteError(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"simulate", "--help"}, {"help", "track"}} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(""), failingWriter{}, &errb)
		if code != exitIO || !strings.Contains(errb.String(), "cannot write the output") {
			t.Errorf("%v: code %d stderr %q", args, code, errb.String())
		}
	}
}

// TestFlagsCheckedBeforePlan: a usage mistake is told as such (exit 2)
// even when the plan cannot be read, for every command that reads a PLAN,
// and the command's help is printed without reading anything.
func TestFlagsCheckedBeforePlan(t *testing.T) {
	missing := "/nonexistent/plan.toml"
	for _, args := range [][]string{
		{"simulate", missing, "--format", "xml"},
		{"uncertainty", missing, "--runs", "-1"},
		{"optimize", missing, "--goal", "roi"},
		{"goalseek", missing, "--metric", "customers"},
		{"sensitivity", missing, "--metric", "roi"},
		{"evaluate", missing, "--format", "pdf"},
		{"track", missing, "--runs", "-2"},
		{"export", missing},
		{"attribution", missing, "--plan", missing, "--format", "csv"},
	} {
		r := runCLI(t, "", args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "usage: "+prog+" "+args[0]) || r.stdout != "" {
			t.Errorf("%v: code %d stdout %q stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	for _, cmd := range commands() {
		r := runCLI(t, "", cmd.name, "/nonexistent/plan.toml", "--help")
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "usage: "+prog+" "+wordOf(plan.LangEN, cmd.usage)+"\n") || r.stderr != "" {
			t.Errorf("%s --help: code %d stdout %.60q stderr %q", cmd.name, r.code, r.stdout, r.stderr)
		}
	}
}
