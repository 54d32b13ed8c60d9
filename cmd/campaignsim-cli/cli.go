package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate/display"
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

// command is one sub-command. Its handler writes its result into the
// cli's out and returns nil, or returns an error of the kinds below (usageError, planError, invalidError, ioError),
// which exit turns into a message on stderr and an exit code.
type command struct {
	name    string
	usage   string // the synopsis after the program name
	summary string // one line for the top-level help
	help    string // what the command does, for its --help
	run     func(c *cli, args []string) error
}

// commands is the table of the sub-commands, in the order of the help.
func commands() []command {
	return []command{
		{"validate", validateUsage, "check a plan file and report every problem",
			validateHelp, (*cli).validate},
		{"simulate", simulateUsage, "simulate a plan: figures, channels, months, objectives",
			simulateHelp, (*cli).simulate},
		{"uncertainty", uncertaintyUsage, "Monte Carlo: the range of likely results and the chance of each objective",
			uncertaintyHelp, (*cli).uncertainty},
		{"optimize", optimizeUsage, "split the paid budget across channels for the most customers, margin or profit",
			optimizeHelp, (*cli).optimize},
		{"goalseek", goalseekUsage, "the smallest paid budget that reaches a target",
			goalseekHelp, (*cli).goalseek},
		{"sensitivity", sensitivityUsage, "which inputs matter most (tornado)",
			sensitivityHelp, (*cli).sensitivity},
		{"evaluate", evaluateUsage, "compare the plan's [[actuals]] with the plan",
			evaluateHelp, (*cli).evaluate},
		{"track", trackUsage, "actuals against the plan: dashboard, variance, re-forecast, levers",
			trackHelp, (*cli).track},
		{"attribution", attributionUsage, "credit conversions to channels by first, last, linear and position-based touch",
			attributionHelp, (*cli).attribution},
		{"export", exportUsage, "write the plan as a PDF document for a client, or an Excel workbook",
			exportHelp, (*cli).export},
		{"set", setUsage, "edit a plan in place: KEY=VALUE..., keeping its comments",
			setHelp, (*cli).set},
		{"examples", examplesUsage, "list the example plans, or print or write one",
			examplesHelp, (*cli).examples},
		{"benchmarks", benchmarksUsage, "show the benchmark library with its sources",
			benchmarksHelp, (*cli).benchmarks},
		{"case", caseUsage, "the course exercises: list, brief, starting plan (-o)", caseHelp, (*cli).caseCmd},
		{"grade", gradeUsage, "grade students' plans against a case: scores out of 20 and what each missed", gradeHelp, (*cli).grade},
	}
}

// lookup finds the command called name.
func lookup(name string) (command, bool) {
	for _, cmd := range commands() {
		if cmd.name == name {
			return cmd, true
		}
	}
	return command{}, false
}

// run executes the command line args (without the program name) and
// returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	return c.exit(c.dispatch(args))
}

// dispatch runs the command args name: the top-level help, "help
// COMMAND" (that command's --help) or a command with its arguments.
func (c *cli) dispatch(args []string) error {
	if len(args) == 0 {
		return errNoCommand
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			cmd, ok := lookup(args[1])
			if !ok {
				return unknownCommandError{args[1]}
			}
			return cmd.run(c, []string{"--help"})
		}
		c.topUsage(&c.out)
		return nil
	}
	cmd, ok := lookup(name)
	if !ok {
		return unknownCommandError{name}
	}
	return cmd.run(c, args[1:])
}

// exit is the one place where a command's outcome becomes an exit code:
// on success (nil, or errHelped after a help) it copies the output to
// stdout (exit 3 when stdout cannot be written); on an error it prints
// the error on stderr (report) and returns its code. Nothing reaches
// stdout when the command fails.
func (c *cli) exit(err error) int {
	if err != nil && !errors.Is(err, errHelped) {
		return c.report(err)
	}
	if _, err := c.stdout.Write(c.out.Bytes()); err != nil {
		fmt.Fprintf(c.stderr, "%s: cannot write the output: %v\n", prog, err)
		return exitIO
	}
	return exitOK
}

// topUsage writes the top-level help: every command's synopsis and
// summary, the PLAN argument and the exit codes.
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

// The errors a command returns. Each kind has one exit code and one way to
// be printed, both in report.
var (
	// errHelped says that --help was asked for and its text written to
	// the output: a success (exit 0).
	errHelped = errors.New("help printed")
	// errNoCommand is a command line without a command: the top-level
	// help goes to stderr (exit 2).
	errNoCommand = errors.New("no command")
)

// unknownCommandError is a command name that is no command (exit 2).
type unknownCommandError struct{ name string }

// Error is the unknown name, quoted.
func (e unknownCommandError) Error() string { return fmt.Sprintf("unknown command %q", e.name) }

// usageError is a wrong usage of command cmd (exit 2), printed as
// "campaignsim-cli CMD: MSG" then the command's synopsis and a hint.
type usageError struct{ cmd, msg string }

// Error is the message alone.
func (e usageError) Error() string { return e.msg }

// usagef is the usageError of command cmd with the message format.
func usagef(cmd, format string, a ...any) error {
	return usageError{cmd, fmt.Sprintf(format, a...)}
}

// planError is the problems of file (a plan or a CSV file): a
// plan.ErrorList, printed one per line as FILE:LINE:COL: message (FILE
// filled in where a problem lacks it), a plan.Error, or any error, printed
// "FILE: message" (exit 1).
type planError struct {
	file string
	err  error
}

// Error is the file and the problems.
func (e planError) Error() string { return e.file + ": " + e.err.Error() }

// Unwrap is the problems.
func (e planError) Unwrap() error { return e.err }

// invalidError is an invalid plan or input whose message lines are already
// written in full (exit 1), printed one per line.
type invalidError struct{ lines []string }

// Error is the lines, joined by "; ".
func (e invalidError) Error() string { return strings.Join(e.lines, "; ") }

// invalidErrorf is the invalidError of one line.
func invalidErrorf(format string, a ...any) error {
	return invalidError{[]string{fmt.Sprintf(format, a...)}}
}

// ioError is a file that could not be read or written (exit 3), its
// message written in full.
type ioError struct{ msg string }

// Error is the message.
func (e ioError) Error() string { return e.msg }

// ioErrorf is the ioError of the message format.
func ioErrorf(format string, a ...any) error { return ioError{fmt.Sprintf(format, a...)} }

// report prints err on stderr and returns its exit code (FORMAT.md): 2 for
// a usage error, 1 for an invalid plan or input, 3 for a file that could
// not be read or written. An error of no kind above (a fault of this
// program: every handler says what went wrong) is printed
// "campaignsim-cli: message" with exit code 1, as the engine's errors are.
func (c *cli) report(err error) int {
	var (
		usage   usageError
		unknown unknownCommandError
		pe      planError
		invalid invalidError
		ioe     ioError
	)
	switch {
	case errors.Is(err, errNoCommand):
		c.topUsage(c.stderr)
		return exitUsage
	case errors.As(err, &unknown):
		fmt.Fprintf(c.stderr, "%s: %s\nRun '%s --help' for the list of commands.\n", prog, unknown.Error(), prog)
		return exitUsage
	case errors.As(err, &usage):
		fmt.Fprintf(c.stderr, "%s %s: %s\n", prog, usage.cmd, usage.msg)
		if cmd, ok := lookup(usage.cmd); ok {
			fmt.Fprintf(c.stderr, "usage: %s %s\n", prog, cmd.usage)
		}
		fmt.Fprintf(c.stderr, "Run '%s %s --help' for details.\n", prog, usage.cmd)
		return exitUsage
	case errors.As(err, &pe):
		c.planErrors(pe.file, pe.err)
		return exitInvalid
	case errors.As(err, &invalid):
		for _, l := range invalid.lines {
			fmt.Fprintln(c.stderr, l)
		}
		return exitInvalid
	case errors.As(err, &ioe):
		fmt.Fprintln(c.stderr, ioe.msg)
		return exitIO
	}
	fmt.Fprintf(c.stderr, "%s: %s\n", prog, oneLine(err.Error()))
	return exitInvalid
}

// planErrors prints a plan's problems on stderr, one per line, each as
// FILE:LINE:COL: message, in the language of the user's locale
// (envLanguage): the positions are the same in every language.
func (c *cli) planErrors(name string, err error) {
	lang := envLanguage()
	var list plan.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		for _, e := range list {
			if e.File == "" {
				e.File = name
			}
			fmt.Fprintln(c.stderr, oneLine(display.Error(e, lang)))
		}
		return
	}
	var one plan.Error
	if errors.As(err, &one) {
		if one.File == "" {
			one.File = name
		}
		fmt.Fprintln(c.stderr, oneLine(display.Error(one, lang)))
		return
	}
	fmt.Fprintf(c.stderr, "%s: %s\n", name, oneLine(err.Error()))
}

// errorText is err for the user: a plan.Error worded by display in the
// locale's language (envLanguage), any other error as it is.
func errorText(err error) string {
	var one plan.Error
	if errors.As(err, &one) {
		return display.Error(one, envLanguage())
	}
	return err.Error()
}

// oneLine keeps a message on one line, so that there is one error per line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(strings.TrimSpace(s))
}

// flags returns a FlagSet for cmd that reports nothing itself: parse
// reports errors and help.
func flags(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(prog+" "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	addLibraryFlag(fs, cmd) // --library FILE (benchmarks.go)
	return fs
}

// parse parses args with fs, letting flags stand before, between and after
// the positional arguments (a "--" ends the flags), and returns the
// positional arguments. On --help it writes the command's help to the
// output and returns errHelped; on a wrong flag it returns a usageError.
func (c *cli) parse(fs *flag.FlagSet, name string, args []string) (_ []string, err error) {
	defer func() {
		if err == nil {
			err = c.applyLibrary(fs, name) // --library FILE (benchmarks.go)
		}
	}()
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.commandHelp(&c.out, name, fs)
			return nil, errHelped
		}
		if err != nil {
			return nil, usagef(name, "%v", err)
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

// commandHelp writes command name's help: its synopsis, what it does and
// its flags (those of fs).
func (c *cli) commandHelp(w io.Writer, name string, fs *flag.FlagSet) {
	if cmd, ok := lookup(name); ok {
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

// planArgs is the preamble of the commands that read one PLAN: it parses
// args with fs, checks that exactly one PLAN is given, runs check (the
// command's own checks of its flags, given PLAN's path; nil for none) and
// loads the plan. It returns the plan and its name in messages
// ("<stdin>" for "-"), or the first problem: the flags are checked before
// the plan is read, so that a usage mistake is told as such even when the
// plan is missing.
func (c *cli) planArgs(cmd string, fs *flag.FlagSet, args []string, check func(path string) error) (plan.Plan, string, error) {
	pos, err := c.parse(fs, cmd, args)
	if err != nil {
		return plan.Plan{}, "", err
	}
	path, err := onePlan(cmd, pos)
	if err != nil {
		return plan.Plan{}, "", err
	}
	if check != nil {
		if err := check(path); err != nil {
			return plan.Plan{}, "", err
		}
	}
	return c.loadPlan(path)
}

// onePlan checks that pos holds exactly one PLAN argument and returns it.
func onePlan(cmd string, pos []string) (string, error) {
	switch {
	case len(pos) == 0:
		return "", usagef(cmd, "missing PLAN (a plan file, or - for standard input)")
	case len(pos) > 1:
		return "", usagef(cmd, "too many arguments: %s", strings.Join(pos[1:], " "))
	}
	return pos[0], nil
}

// noArgs checks that a command that takes no positional argument was
// given none.
func noArgs(cmd string, pos []string) error {
	if len(pos) > 0 {
		return usagef(cmd, "unexpected argument: %s", strings.Join(pos, " "))
	}
	return nil
}

// oneOf checks that the value of flag flagName of command cmd is one of
// choices: nil, or the usage error naming them.
func oneOf(cmd, flagName, value string, choices ...string) error {
	for _, ch := range choices {
		if value == ch {
			return nil
		}
	}
	return usagef(cmd, "--%s %q: use one of %s", flagName, value, strings.Join(choices, ", "))
}

// formatFlag defines the --format flag of command cmd on fs, one of
// formats (at least two), the first the default; its help lists them
// ("output format: text, json or csv"). It returns the flag's value and
// its check (oneOf, the usage error naming the formats), to call once the
// flags are parsed: the list is written once for both.
func formatFlag(cmd string, fs *flag.FlagSet, formats ...string) (*string, func() error) {
	list := strings.Join(formats[:len(formats)-1], ", ") + " or " + formats[len(formats)-1]
	v := fs.String("format", formats[0], "output `format`: "+list)
	return v, func() error { return oneOf(cmd, "format", *v, formats...) }
}

// firstError is the first non-nil error of errs, or nil: the flag checks
// of a command, told in the order they are listed.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// checkScenario checks --scenario of command cmd against the plan's
// scenarios: base, all and any scenario name are fine; else the usage
// error says use (the words before the list) and lists names, then the
// plan's scenarios, quoted.
func checkScenario(cmd string, p plan.Plan, name, use string, names ...string) error {
	if name == "base" || name == "all" {
		return nil
	}
	for _, s := range p.Scenarios {
		if s.Name == name {
			return nil
		}
		names = append(names, s.Name)
	}
	return usagef(cmd, "--scenario %q: the plan has no such scenario; %s: %s",
		name, use, strings.Join(quoteAll(names), ", "))
}

// quoteAll is every string of s in Go quotes.
func quoteAll(s []string) []string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return q
}

// stdinName is how standard input is named in error messages.
const stdinName = "<stdin>"

// readPlan reads the plan file at path ("-" for standard input), at most
// plan.MaxFileSize bytes, and returns its bytes and its name in messages.
// A file that cannot be read is an ioError (exit 3); a larger file an
// invalidError (exit 1: it is no plan).
func (c *cli) readPlan(path string) (data []byte, name string, err error) {
	name = path
	if path == "-" {
		name = stdinName
		data, err = io.ReadAll(io.LimitReader(c.stdin, plan.MaxFileSize+1))
	} else {
		data, err = readFileLimited(path, plan.MaxFileSize+1)
	}
	if err != nil {
		return nil, name, ioErrorf("%s: cannot read the plan: %v", prog, err)
	}
	if len(data) > plan.MaxFileSize {
		return nil, name, invalidErrorf("%s: the plan file is larger than %d MB: is it really a plan?", name, plan.MaxFileSize>>20)
	}
	return data, name, nil
}

// loadPlan reads (readPlan) and decodes the plan at path ("-" for
// standard input); a plan that does not decode is a planError.
func (c *cli) loadPlan(path string) (plan.Plan, string, error) {
	data, name, err := c.readPlan(path)
	if err != nil {
		return plan.Plan{}, name, err
	}
	p, err := plan.Decode(name, data)
	if err != nil {
		return plan.Plan{}, name, planError{name, err}
	}
	return p, name, nil
}

// readInput reads the input file at path (a CSV of actuals or of paths,
// what naming it in the message), at most plan.MaxFileSize+1 bytes for its
// parser to refuse a larger one. A file that cannot be read is an ioError
// "PATH: cannot read the WHAT: REASON", the reason "no such file" when it
// does not exist.
func readInput(path, what string) ([]byte, error) {
	data, err := readFileLimited(path, plan.MaxFileSize+1)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such file"
		}
		return nil, ioErrorf("%s: cannot read the %s: %s", path, what, msg)
	}
	return data, nil
}

// readFileLimited reads at most limit bytes of the file at path; a folder
// is an error.
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

// getenv is os.Getenv, a variable so that nothing else reads the
// environment.
var getenv = os.Getenv

// envLanguage is the language of the user's locale: the first of
// LC_ALL, LC_MESSAGES and LANG that is set, as gettext reads them; French
// when it starts with "fr" (fr_FR.UTF-8, fr_CA, fr), English otherwise,
// including C, POSIX and no locale at all (a machine's default, where
// English is the lingua franca of logs).
func envLanguage() plan.Language {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return plan.LangFR
			}
			return plan.LangEN
		}
	}
	return plan.LangEN
}
