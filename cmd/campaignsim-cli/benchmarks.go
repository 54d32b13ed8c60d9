package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// benchmarks is the benchmarks command: the benchmark library, for one
// sector or all, as text in the locale's language or JSON.
func (c *cli) benchmarks(args []string) error {
	fs := flags("benchmarks")
	sector := fs.String("sector", "", "cli_flag_benchmarks_sector")
	format, checkFormat := formatFlag("benchmarks", fs, "text", "json")
	pos, err := c.parse(fs, "benchmarks", args)
	if err != nil {
		return err
	}
	if err := firstError(
		noArgs("benchmarks", pos),
		checkFormat(),
	); err != nil {
		return err
	}
	if *sector != "" && !slices.Contains(plan.Sectors, *sector) {
		return oneOf("benchmarks", "sector", *sector, plan.Sectors...)
	}
	lib := plan.DefaultLibrary()
	var bs []plan.Benchmark
	for _, b := range lib.Benchmarks {
		if *sector == "" || b.Sector == "" || b.Sector == *sector {
			bs = append(bs, b)
		}
	}
	lang := envLanguage()
	if *format == "json" {
		return c.writeJSON(benchmarksJSON(*sector, bs, lib.Levers, lang))
	}
	writeBenchmarks(&c.out, lang, bs, lib.Levers)
	return nil
}

// benchmarksJSON is the JSON output of benchmarks (see cli_help_benchmarks in cli.toml).
func benchmarksJSON(sector string, bs []plan.Benchmark, levers []plan.Lever, lang plan.Language) object {
	list := make([]any, 0, len(bs))
	for _, b := range bs {
		u := jsonUnit(b.Metric)
		kinds := make([]string, 0, len(b.Kinds))
		for _, k := range b.Kinds {
			kinds = append(kinds, string(k))
		}
		ids := append([]string{}, b.Levers...)
		list = append(list, object{
			{"metric", b.Metric},
			{"kinds", kinds},
			{"sector", nullString(b.Sector)},
			{"value", edgeNull(u, b.Value)},
			{"min", edgeNull(u, b.Min)},
			{"max", edgeNull(u, b.Max)},
			{"currency", nullString(b.Currency)},
			{"source", sourceOnly(b, lang)},
			{"year", b.Year},
			{"note", b.NoteIn(lang)},
			{"levers", ids},
			{"user", b.User},
		})
	}
	ls := make([]any, 0, len(levers))
	for _, l := range levers {
		ls = append(ls, object{{"id", l.ID}, {"fr", l.FR}, {"en", l.EN}, {"source", l.SourceIn(lang)}})
	}
	return object{{"sector", nullString(sector)}, {"benchmarks", list}, {"levers", ls}}
}

// writeBenchmarks writes the benchmarks bs as a table, then the levers.
func writeBenchmarks(b *bytes.Buffer, lang plan.Language, bs []plan.Benchmark, levers []plan.Lever) {
	heading(b, tr(lang, "benchmarks"), "=")
	head := []string{tr(lang, "col metric"), tr(lang, "col kinds"), tr(lang, "col sector"),
		tr(lang, "col value"), tr(lang, "col min"), tr(lang, "col max"), tr(lang, "col source")}
	right := []bool{false, false, false, true, true, true, false}
	var rows [][]string
	for _, bm := range bs {
		cur := bm.Currency
		if cur == "" {
			cur = "EUR"
		}
		show := func(metric string, v decimal.NullDecimal) string { return showValue(metric, v, cur, lang) }
		kinds := tr(lang, "all kinds")
		if len(bm.Kinds) > 0 {
			k := make([]string, len(bm.Kinds))
			for i, kind := range bm.Kinds {
				k[i] = string(kind)
			}
			kinds = strings.Join(k, ", ")
		}
		sector := bm.Sector
		if sector == "" {
			sector = tr(lang, "all sectors")
		}
		source := sourceOnly(bm, lang)
		if bm.Year != 0 {
			source += " (" + strconv.Itoa(bm.Year) + ")"
		}
		if bm.User {
			source = "* " + source
		}
		rows = append(rows, []string{display.Label(bm.Metric, lang), kinds, sector,
			show(bm.Metric, bm.Value), show(bm.Metric, bm.Min), show(bm.Metric, bm.Max), source})
	}
	writeTable(b, "  ", head, right, rows)
	if len(levers) == 0 {
		return
	}
	section(b, tr(lang, "levers"))
	for _, l := range levers {
		fmt.Fprintf(b, "  - %s%s%s", l.ID, colon(lang), l.Text(lang))
		if src := l.SourceIn(lang); src != "" {
			fmt.Fprintf(b, " (%s%s%s)", tr(lang, "source"), colon(lang), src)
		}
		b.WriteByte('\n')
	}
}

// sourceOnly is b's source in lang without its year.
func sourceOnly(b plan.Benchmark, lang plan.Language) string {
	b.Year = 0
	return b.SourceIn(lang)
}

// libraryCommands are the commands that take --library FILE (FORMAT.md):
// those whose output cites benchmarks.
var libraryCommands = map[string]bool{"simulate": true, "evaluate": true, "track": true, "export": true,
	"uncertainty": true, "optimize": true, "goalseek": true, "sensitivity": true, "benchmarks": true}

// addLibraryFlag registers --library FILE on the FlagSet of cmd when cmd
// takes it (libraryCommands); flags calls it for every command.
func addLibraryFlag(fs *flag.FlagSet, cmd string) {
	if libraryCommands[cmd] {
		fs.String("library", "", "cli_flag_library")
	}
}

// applyLibrary makes the file of --library (when fs has the flag and it is
// set) the user's library for this run (plan.SetUserLibrary), and clears
// any earlier one otherwise, so that every run starts from the built-in
// library. A file that cannot be read is an I/O error (exit 3); an invalid
// one is told like a plan, each error with its line (exit 1).
func (c *cli) applyLibrary(fs *flag.FlagSet, cmd string) error {
	plan.SetUserLibrary(plan.Library{})
	f := fs.Lookup("library")
	if f == nil || f.Value.String() == "" {
		return nil
	}
	path := f.Value.String()
	lib, err := plan.ReadLibraryFile(path)
	var list plan.ErrorList
	switch {
	case errors.As(err, &list):
		return planError{file: path, err: err}
	case err != nil:
		lang := envLanguage()
		return ioErrorf("%s %s%s%s", prog, cmd, colon(lang), word(lang, "cli_library_unreadable", "path", path, "reason", readReason(err, lang)))
	}
	plan.SetUserLibrary(lib)
	return nil
}
