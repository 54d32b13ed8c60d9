package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
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
// which exit turns into a message on stderr and an exit code. Its words
// are catalog codes (cli.toml), rendered in the locale's language.
type command struct {
	name    string
	usage   string // code of the synopsis after the program name
	summary string // code of one line for the top-level help
	help    string // code of what the command does, for its --help
	run     func(c *cli, args []string) error
}

// commands is the table of the sub-commands, in the order of the help.
func commands() []command {
	return []command{
		{"validate", "cli_synopsis_validate", "cli_summary_validate", "cli_help_validate", (*cli).validate},
		{"simulate", "cli_synopsis_simulate", "cli_summary_simulate", "cli_help_simulate", (*cli).simulate},
		{"uncertainty", "cli_synopsis_uncertainty", "cli_summary_uncertainty", "cli_help_uncertainty", (*cli).uncertainty},
		{"optimize", "cli_synopsis_optimize", "cli_summary_optimize", "cli_help_optimize", (*cli).optimize},
		{"goalseek", "cli_synopsis_goalseek", "cli_summary_goalseek", "cli_help_goalseek", (*cli).goalseek},
		{"sensitivity", "cli_synopsis_sensitivity", "cli_summary_sensitivity", "cli_help_sensitivity", (*cli).sensitivity},
		{"evaluate", "cli_synopsis_evaluate", "cli_summary_evaluate", "cli_help_evaluate", (*cli).evaluate},
		{"track", "cli_synopsis_track", "cli_summary_track", "cli_help_track", (*cli).track},
		{"attribution", "cli_synopsis_attribution", "cli_summary_attribution", "cli_help_attribution", (*cli).attribution},
		{"export", "cli_synopsis_export", "cli_summary_export", "cli_help_export", (*cli).export},
		{"set", "cli_synopsis_set", "cli_summary_set", "cli_help_set", (*cli).set},
		{"examples", "cli_synopsis_examples", "cli_summary_examples", "cli_help_examples", (*cli).examples},
		{"benchmarks", "cli_synopsis_benchmarks", "cli_summary_benchmarks", "cli_help_benchmarks", (*cli).benchmarks},
		{"case", "cli_synopsis_case", "cli_summary_case", "cli_help_case", (*cli).caseCmd},
		{"grade", "cli_synopsis_grade", "cli_summary_grade", "cli_help_grade", (*cli).grade},
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
		lang := envLanguage()
		fmt.Fprintf(c.stderr, "%s%s%s\n", prog, colon(lang), word(lang, "cli_cannot_write_output", "reason", writeReason(err, lang)))
		return exitIO
	}
	return exitOK
}

// topUsage writes the top-level help in the locale's language
// (envLanguage): every command's synopsis and summary, the PLAN argument
// and the exit codes.
func (c *cli) topUsage(w io.Writer) {
	lang := envLanguage()
	fmt.Fprintf(w, "%s\n\n%s\n", word(lang, "cli_top_title", "prog", prog), word(lang, "cli_top_usage"))
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %s %s\n", prog, wordOf(lang, cmd.usage))
	}
	fmt.Fprintf(w, "\n%s\n", word(lang, "cli_top_commands"))
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", cmd.name, wordOf(lang, cmd.summary))
	}
	fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(word(lang, "cli_top_footer", "prog", prog)))
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

// usageError is a wrong usage of command cmd (exit 2): the catalog code
// of its message (cli_usage_…, listed in cliMsgArgs) and its arguments,
// rendered in the locale's language where it is printed (report), as
// "campaignsim-cli CMD: MSG" then the command's synopsis and a hint.
type usageError struct {
	cmd  string
	code string
	kv   []string // the code's arguments: name, then value
}

// Error is the message alone, in English (people read report's).
func (e usageError) Error() string { return e.text(plan.LangEN) }

// text is the message in lang.
func (e usageError) text(lang plan.Language) string { return wordOf(lang, e.code, e.kv...) }

// usagef is the usageError of command cmd with the message code and its
// arguments kv (name, then value).
func usagef(cmd, code string, kv ...string) error {
	return usageError{cmd, code, kv}
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
		lang := envLanguage()
		fmt.Fprintf(c.stderr, "%s%s%s\n%s\n", prog, colon(lang), word(lang, "cli_unknown_command", "name", unknown.name),
			word(lang, "cli_run_top_help", "prog", prog))
		return exitUsage
	case errors.As(err, &usage):
		lang := envLanguage()
		fmt.Fprintf(c.stderr, "%s %s%s%s\n", prog, usage.cmd, colon(lang), usage.text(lang))
		if cmd, ok := lookup(usage.cmd); ok {
			fmt.Fprintln(c.stderr, word(lang, "cli_usage_synopsis", "synopsis", prog+" "+wordOf(lang, cmd.usage)))
		}
		fmt.Fprintln(c.stderr, word(lang, "cli_run_help", "prog", prog, "cmd", usage.cmd))
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
			return nil, flagError(name, fs, err)
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

// commandHelp writes command name's help in the locale's language
// (envLanguage): its synopsis, what it does and its flags (those of fs),
// in the layout of flag.PrintDefaults.
func (c *cli) commandHelp(w io.Writer, name string, fs *flag.FlagSet) {
	lang := envLanguage()
	if cmd, ok := lookup(name); ok {
		fmt.Fprintf(w, "%s\n\n%s\n", word(lang, "cli_usage_synopsis", "synopsis", prog+" "+wordOf(lang, cmd.usage)),
			strings.TrimSpace(wordOf(lang, cmd.help, helpArgs...)))
	}
	var fl strings.Builder
	fs.VisitAll(func(f *flag.Flag) { writeFlagHelp(&fl, f, lang) })
	if fl.Len() > 0 {
		fmt.Fprintf(w, "\n%s\n%s", word(lang, "cli_help_flags"), fl.String())
	}
}

// helpArgs are the arguments of the commands' help texts.
var helpArgs = []string{"metrics", strings.Join(simulate.SeekMetrics, ", ")}

// writeFlagHelp writes the help of flag f as flag.PrintDefaults does
// ("  -name NAME\n    \tdescription (default …)"), its description the
// catalog code f.Usage in lang. A `NAME` between backquotes in the
// description names the flag's value, else its type does.
func writeFlagHelp(b *strings.Builder, f *flag.Flag, lang plan.Language) {
	kv := []string{}
	if ch, ok := f.Value.(*choiceValue); ok {
		kv = append(kv, "list", orList(lang, ch.choices), "all", strings.Join(ch.choices, ", "))
	}
	text := wordOf(lang, f.Usage, kv...)
	start := b.Len()
	fmt.Fprintf(b, "  -%s", f.Name)
	name := ""
	if i := strings.IndexByte(text, '`'); i >= 0 {
		if j := strings.IndexByte(text[i+1:], '`'); j >= 0 {
			name = text[i+1 : i+1+j]
			text = text[:i] + name + text[i+1+j+1:]
		}
	}
	if name == "" {
		name = typeName(f, lang)
	}
	if name != "" {
		b.WriteString(" " + name)
	}
	if b.Len()-start <= 4 {
		b.WriteString("\t")
	} else {
		b.WriteString("\n    \t")
	}
	b.WriteString(strings.ReplaceAll(text, "\n", "\n    \t"))
	if d := f.DefValue; d != "" && d != "0" && d != "false" {
		b.WriteString(" " + word(lang, "cli_flag_default", "value", d))
	}
	b.WriteString("\n")
}

// typeName names the value of flag f by its type, as flag.UnquoteUsage
// does, in lang: none for a boolean flag.
func typeName(f *flag.Flag, lang plan.Language) string {
	switch fmt.Sprintf("%T", f.Value) {
	case "*flag.boolValue":
		return ""
	case "*flag.intValue":
		return word(lang, "cli_flag_type_int")
	case "*flag.stringValue":
		return word(lang, "cli_flag_type_string")
	}
	return word(lang, "cli_flag_type_value")
}

// orList is the choices joined in lang: "text, json or csv".
func orList(lang plan.Language, choices []string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return word(lang, "cli_or_list", "first", strings.Join(choices[:len(choices)-1], ", "), "last", choices[len(choices)-1])
}

// choiceValue is a string flag whose value is one of choices (checked by
// oneOf once the flags are parsed): the help lists them.
type choiceValue struct {
	value   *string
	choices []string
}

// String is the value (flag.Value).
func (v *choiceValue) String() string {
	if v.value == nil {
		return ""
	}
	return *v.value
}

// Set sets the value (flag.Value); oneOf checks it later, in the order of
// the command's checks.
func (v *choiceValue) Set(s string) error {
	*v.value = s
	return nil
}

// choiceFlag defines the string flag name of fs with value def, one of
// choices, described by the catalog code usage (which may name {list},
// the choices joined by "or", and {all}, joined by commas).
func choiceFlag(fs *flag.FlagSet, name, def, usage string, choices ...string) *string {
	v := &choiceValue{value: new(string), choices: choices}
	*v.value = def
	fs.Var(v, name, usage)
	return v.value
}

// flagError is the usage error of command cmd for err, the flag package's
// error parsing its flags (fs): an unknown flag, a flag without its value,
// a value that is not of the flag's type, each told with what to write.
func flagError(cmd string, fs *flag.FlagSet, err error) error {
	msg := err.Error()
	var name, value string
	switch {
	case scan(msg, "flag provided but not defined: -", &name):
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, dashed(f.Name)) })
		if len(names) == 0 {
			return usagef(cmd, "cli_usage_unknown_flag_none", "flag", dashed(name))
		}
		return usagef(cmd, "cli_usage_unknown_flag", "flag", dashed(name), "flags", strings.Join(names, ", "))
	case scan(msg, "flag needs an argument: -", &name):
		return usagef(cmd, "cli_usage_flag_needs_value", "flag", dashed(name))
	case strings.HasPrefix(msg, "invalid value "):
		rest := strings.TrimPrefix(msg, "invalid value ")
		q, err := strconv.QuotedPrefix(rest)
		if err == nil {
			value, _ = strconv.Unquote(q)
			rest = strings.TrimPrefix(rest[len(q):], " for flag -")
			name, _, _ = strings.Cut(rest, ":")
			if f := fs.Lookup(name); f != nil && fmt.Sprintf("%T", f.Value) == "*flag.intValue" {
				return usagef(cmd, "cli_usage_flag_not_integer", "flag", dashed(name), "value", value)
			}
			return usagef(cmd, "cli_usage_flag_bad_value", "flag", dashed(name), "value", value)
		}
	case scan(msg, "bad flag syntax: ", &name):
		return usagef(cmd, "cli_usage_bad_flag_syntax", "arg", name)
	}
	return usagef(cmd, "cli_usage_flag_other", "text", msg)
}

// scan reports whether msg starts with prefix, and sets rest to what
// follows it.
func scan(msg, prefix string, rest *string) bool {
	if !strings.HasPrefix(msg, prefix) {
		return false
	}
	*rest = strings.TrimPrefix(msg, prefix)
	return true
}

// dashed is flag name as the help writes it: "-o", "--format".
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
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
		return "", usagef(cmd, "cli_usage_missing_plan")
	case len(pos) > 1:
		return "", tooMany(cmd, pos[1:])
	}
	return pos[0], nil
}

// noArgs checks that a command that takes no positional argument was
// given none.
func noArgs(cmd string, pos []string) error {
	if len(pos) > 0 {
		return usagef(cmd, "cli_usage_unexpected_argument", "args", strings.Join(pos, " "))
	}
	return nil
}

// tooMany is the usage error of command cmd given the extra arguments.
func tooMany(cmd string, extra []string) error {
	return usagef(cmd, "cli_usage_too_many_arguments", "args", strings.Join(extra, " "))
}

// oneOf checks that the value of flag flagName of command cmd is one of
// choices: nil, or the usage error naming them.
func oneOf(cmd, flagName, value string, choices ...string) error {
	for _, ch := range choices {
		if value == ch {
			return nil
		}
	}
	return usagef(cmd, "cli_usage_use_one_of", "flag", dashed(flagName), "value", value, "choices", strings.Join(choices, ", "))
}

// formatFlag defines the --format flag of command cmd on fs, one of
// formats (at least two), the first the default; its help lists them
// ("output format: text, json or csv"). It returns the flag's value and
// its check (oneOf, the usage error naming the formats), to call once the
// flags are parsed: the list is written once for both.
func formatFlag(cmd string, fs *flag.FlagSet, formats ...string) (*string, func() error) {
	v := choiceFlag(fs, "format", formats[0], "cli_flag_format", formats...)
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
// error lists names, then the plan's scenarios, quoted.
func checkScenario(cmd string, p plan.Plan, name string, names ...string) error {
	if name == "base" || name == "all" {
		return nil
	}
	for _, s := range p.Scenarios {
		if s.Name == name {
			return nil
		}
		names = append(names, s.Name)
	}
	return usagef(cmd, "cli_usage_no_such_scenario", "scenario", name, "choices", strings.Join(quoteAll(names), ", "))
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
		lang := envLanguage()
		return nil, name, ioErrorf("%s%s%s", prog, colon(lang), word(lang, "cli_cannot_read_plan", "path", path, "reason", readReason(err, lang)))
	}
	if len(data) > plan.MaxFileSize {
		lang := envLanguage()
		return nil, name, invalidErrorf("%s%s%s", name, colon(lang), word(lang, "cli_plan_too_large", "mb", strconv.Itoa(plan.MaxFileSize>>20)))
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
// its catalog code what naming it in the message: cli_cannot_read_actuals,
// cli_cannot_read_paths), at most plan.MaxFileSize+1 bytes for its parser
// to refuse a larger one. A file that cannot be read is an ioError
// "PATH: cannot read the WHAT: REASON" in the locale's language, the
// reason "no such file" when it does not exist.
func readInput(path, what string) ([]byte, error) {
	data, err := readFileLimited(path, plan.MaxFileSize+1)
	if err != nil {
		lang := envLanguage()
		reason := readReason(err, lang)
		if errors.Is(err, fs.ErrNotExist) {
			reason, _ = display.ReadReason(err, lang)
		}
		return nil, ioErrorf("%s%s%s", path, colon(lang), wordOf(lang, what, "reason", reason))
	}
	return data, nil
}

// readReason is why a file could not be read: in English the error as the
// system gives it; in French the reasons ioReason words, the system's
// text for the others.
func readReason(err error, lang plan.Language) string {
	if lang == plan.LangEN {
		return err.Error()
	}
	var dir dirError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why, _ := display.ReadReason(err, lang)
		return why
	case errors.As(err, &dir):
		return word(lang, "cli_is_a_directory")
	}
	return ioReason(err, lang)
}

// writeReason is why a file could not be written: in English the error as
// the system gives it, in French as ioReason words it.
func writeReason(err error, lang plan.Language) string {
	if lang == plan.LangEN {
		return err.Error()
	}
	return ioReason(err, lang)
}

// dirError is a folder where a file is read.
type dirError struct{ path string }

// Error is "PATH is a directory".
func (e dirError) Error() string { return e.path + " is a directory" }

// readFileLimited reads at most limit bytes of the file at path; a folder
// is an error.
func readFileLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, dirError{path}
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
