package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"campaignsim/plan"
)

// Exit codes of FORMAT.md.
const (
	exitOK      = 0 // success
	exitInvalid = 1 // the plan (or its actuals) is invalid
	exitUsage   = 2 // wrong usage
	exitIO      = 3 // a file could not be read or written
)

const prog = "campaignsim-cli"

// cli is one invocation: its standard streams and the output it builds.
// Commands write their result into out, which run copies to stdout only
// when the command succeeds, so that nothing half-made is ever printed.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	out    bytes.Buffer
}

// command is one sub-command.
type command struct {
	name    string
	usage   string // the synopsis after the program name
	summary string // one line for the top-level help
	help    string // what the command does, for its --help
	run     func(c *cli, args []string) int
}

func commands() []command {
	return []command{
		{"validate", "validate PLAN", "check a plan file and report every problem",
			validateHelp, (*cli).validate},
		{"simulate", "simulate PLAN [--scenario NAME|all] [--format text|json|csv]", "simulate a plan: figures, channels, months, objectives",
			simulateHelp, (*cli).simulate},
		{"uncertainty", "uncertainty PLAN [--runs N] [--seed S] [--format text|json]", "Monte Carlo: the range of likely results and the chance of each objective",
			uncertaintyHelp, (*cli).uncertainty},
		{"optimize", optimizeUsage, "split the paid budget across channels for the most customers, margin or profit",
			optimizeHelp, (*cli).optimize},
		{"goalseek", goalseekUsage, "the smallest paid budget that reaches a target",
			goalseekHelp, (*cli).goalseek},
		{"sensitivity", "sensitivity PLAN [--metric net_profit|customers] [--format text|json]", "which inputs matter most (tornado)",
			sensitivityHelp, (*cli).sensitivity},
		{"evaluate", "evaluate PLAN [--actuals FILE.csv] [--format text|json|csv]", "compare the plan's [[actuals]] with the plan",
			evaluateHelp, (*cli).evaluate},
		{"track", trackUsage, "actuals against the plan: dashboard, variance, re-forecast, levers",
			trackHelp, (*cli).track},
		{"attribution", attributionUsage, "credit conversions to channels by first, last, linear and position-based touch",
			attributionHelp, (*cli).attribution},
		{"export", exportUsage, "write the plan as a PDF document for a client",
			exportHelp, (*cli).export},
		{"set", setUsage, "edit a plan in place: KEY=VALUE..., keeping its comments",
			setHelp, (*cli).set},
		{"examples", "examples [NAME [-o FILE]]", "list the example plans, or print or write one",
			examplesHelp, (*cli).examples},
		{"benchmarks", "benchmarks [--sector KEY] [--format text|json]", "show the benchmark library with its sources",
			benchmarksHelp, (*cli).benchmarks},
	}
}

// run executes the command line args (without the program name) and
// returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		c.topUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			for _, cmd := range commands() {
				if cmd.name == args[1] {
					return c.runCommand(cmd, []string{"--help"})
				}
			}
			fmt.Fprintf(stderr, "%s: unknown command %q\nRun '%s --help' for the list of commands.\n", prog, args[1], prog)
			return exitUsage
		}
		c.topUsage(stdout)
		return exitOK
	}
	for _, cmd := range commands() {
		if cmd.name == name {
			return c.runCommand(cmd, args[1:])
		}
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\nRun '%s --help' for the list of commands.\n", prog, name, prog)
	return exitUsage
}

// runCommand runs cmd and then copies its output to stdout.
func (c *cli) runCommand(cmd command, args []string) int {
	code := cmd.run(c, args)
	if code != exitOK {
		return code
	}
	if _, err := c.stdout.Write(c.out.Bytes()); err != nil {
		fmt.Fprintf(c.stderr, "%s: cannot write the output: %v\n", prog, err)
		return exitIO
	}
	return exitOK
}

func (c *cli) topUsage(w io.Writer) {
	fmt.Fprintf(w, "%s — CampaignSim's command line: simulate a marketing campaign plan.\n\nUsage:\n", prog)
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %s %s\n", prog, cmd.usage)
	}
	fmt.Fprintf(w, "\nCommands:\n")
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprintf(w, `
PLAN is a plan file (TOML, format 1) or "-" for standard input. Flags may
stand before or after PLAN. Run '%s COMMAND --help' for a command's flags.

Exit codes: 0 success; 1 the plan is invalid (the errors on standard error,
one per line, as FILE:LINE:COL: message); 2 wrong usage; 3 a file could not
be read or written.
`, prog)
}

// flags returns a FlagSet for cmd that reports nothing itself: parse
// reports errors and help.
func flags(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(prog+" "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// errHelped says that --help was asked for and printed.
var errHelped = errors.New("help printed")

// parse parses args with fs, letting flags stand before, between and after
// the positional arguments (a "--" ends the flags), and returns the
// positional arguments. On --help it prints the command's help to stdout
// and returns errHelped; on a wrong flag it prints the error and a hint to
// stderr and returns the error.
func (c *cli) parse(fs *flag.FlagSet, name string, args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.commandHelp(c.stdout, name, fs)
			return nil, errHelped
		}
		if err != nil {
			return nil, c.usageError(name, "%v", err)
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageError prints a usage error for command name and returns it.
func (c *cli) usageError(name, format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	fmt.Fprintf(c.stderr, "%s %s: %s\n", prog, name, msg)
	for _, cmd := range commands() {
		if cmd.name == name {
			fmt.Fprintf(c.stderr, "usage: %s %s\n", prog, cmd.usage)
		}
	}
	fmt.Fprintf(c.stderr, "Run '%s %s --help' for details.\n", prog, name)
	return errors.New(msg)
}

func (c *cli) commandHelp(w io.Writer, name string, fs *flag.FlagSet) {
	for _, cmd := range commands() {
		if cmd.name != name {
			continue
		}
		fmt.Fprintf(w, "usage: %s %s\n\n%s\n", prog, cmd.usage, strings.TrimSpace(cmd.help))
	}
	var fl strings.Builder
	fs.SetOutput(&fl)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if fl.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", fl.String())
	}
}

// onePlan checks that pos holds exactly one PLAN argument.
func (c *cli) onePlan(name string, pos []string) (string, bool) {
	switch {
	case len(pos) == 0:
		c.usageError(name, "missing PLAN (a plan file, or - for standard input)")
		return "", false
	case len(pos) > 1:
		c.usageError(name, "too many arguments: %s", strings.Join(pos[1:], " "))
		return "", false
	}
	return pos[0], true
}

// oneOf checks that a flag's value is one of choices.
func (c *cli) oneOf(name, flagName, value string, choices ...string) bool {
	for _, ch := range choices {
		if value == ch {
			return true
		}
	}
	c.usageError(name, "--%s %q: use one of %s", flagName, value, strings.Join(choices, ", "))
	return false
}

// stdinName is how standard input is named in error messages.
const stdinName = "<stdin>"

// loadPlan reads and decodes the plan at path ("-" for standard input).
// It reports problems itself and returns the exit code to use when not ok.
func (c *cli) loadPlan(path string) (p plan.Plan, name string, code int) {
	name = path
	var data []byte
	var err error
	if path == "-" {
		name = stdinName
		data, err = io.ReadAll(io.LimitReader(c.stdin, plan.MaxFileSize+1))
	} else {
		data, err = readFileLimited(path, plan.MaxFileSize+1)
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: cannot read the plan: %v\n", prog, err)
		return plan.Plan{}, name, exitIO
	}
	if len(data) > plan.MaxFileSize {
		fmt.Fprintf(c.stderr, "%s: the plan file is larger than %d MB: is it really a plan?\n", name, plan.MaxFileSize>>20)
		return plan.Plan{}, name, exitInvalid
	}
	p, err = plan.Decode(name, data)
	if err != nil {
		c.planErrors(name, err)
		return plan.Plan{}, name, exitInvalid
	}
	return p, name, exitOK
}

func readFileLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	return io.ReadAll(io.LimitReader(f, limit))
}

// planErrors prints a plan's problems on stderr, one per line, each as
// FILE:LINE:COL: message.
func (c *cli) planErrors(name string, err error) {
	var list plan.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		for _, e := range list {
			if e.File == "" {
				e.File = name
			}
			fmt.Fprintln(c.stderr, oneLine(e.Error()))
		}
		return
	}
	var one plan.Error
	if errors.As(err, &one) {
		if one.File == "" {
			one.File = name
		}
		fmt.Fprintln(c.stderr, oneLine(one.Error()))
		return
	}
	fmt.Fprintf(c.stderr, "%s: %s\n", name, oneLine(err.Error()))
}

// oneLine keeps a message on one line, so that there is one error per line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(strings.TrimSpace(s))
}
