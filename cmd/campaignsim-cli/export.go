package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate/display"
	"campaignsim/simulate/report"
)

// withExt is path with its extension replaced by ext ("p.toml" → "p.pdf").
func withExt(path, ext string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ext
}

// outputError is why the output file out of command cmd cannot be
// written, suggesting a name ending in ext: a usageError (exit 2) when it
// is the input plan, an ioError (exit 3) otherwise. The message is in the
// locale's language.
func outputError(cmd, out, ext string, err error) error {
	l := envLanguage()
	switch {
	case errors.Is(err, fileio.ErrIsInput):
		return usagef(cmd, "cli_output_is_input", "out", out, "example", withExt(out, ext))
	case errors.Is(err, fileio.ErrNotRegular):
		if st, serr := os.Stat(out); serr == nil && st.IsDir() {
			return ioErrorf("%s %s: %s", prog, cmd, word(l, "cli_output_is_folder", "out", out, "example", filepath.Join(out, "plan"+ext)))
		}
		return ioErrorf("%s %s: %s", prog, cmd, word(l, "cli_output_not_regular", "out", out, "ext", ext))
	}
	return ioErrorf("%s %s: %s", prog, cmd, word(l, "cli_cannot_write", "out", out, "reason", ioReason(err, l)))
}

// exportFormats are the documents export writes, by the extension of -o.
var exportFormats = map[string]bool{".pdf": true, ".xlsx": true}

// export is the export command: the plan as a PDF document or an Excel
// workbook (by the extension of -o), written atomically to -o.
func (c *cli) export(args []string) error {
	fs := flags("export")
	out := fs.String("o", "", "cli_flag_export_o")
	lang := fs.String("lang", "", "cli_flag_export_lang")
	scenario := fs.String("scenario", "base", "cli_flag_export_scenario")
	pos, err := c.parse(fs, "export", args)
	if err != nil {
		return err
	}
	path, err := onePlan("export", pos)
	if err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out == "" {
		return usagef("export", "cli_usage_missing_export_o")
	}
	if *lang != "" {
		if err := oneOf("export", "lang", *lang, "fr", "en"); err != nil {
			return err
		}
	}
	wo := fileio.Options{Inputs: []string{path}}
	suggest := ext
	if !exportFormats[ext] {
		suggest = ".pdf"
	}
	if err := fileio.Check(*out, wo); err != nil {
		return outputError("export", *out, suggest, err)
	}
	if !exportFormats[ext] {
		return usagef("export", "cli_export_format", "out", *out, "pdf", withExt(*out, ".pdf"), "xlsx", withExt(*out, ".xlsx"))
	}
	text, name, err := c.readPlan(path)
	if err != nil {
		return err
	}
	p, err := plan.Decode(name, text)
	if err != nil {
		return planError{name, err}
	}
	if err := checkScenario("export", p, *scenario, "base", "all"); err != nil {
		return err
	}
	o := report.Options{Lang: plan.Language(*lang), Scenario: *scenario, Date: sourceDate()}
	if path != "-" {
		o.PlanPath = path // an exercise's case file is found beside the plan
	}
	var data []byte
	if ext == ".xlsx" {
		data, err = report.Workbook(p, report.WorkbookOptions{Options: o, PlanText: text})
	} else {
		var pdf bytes.Buffer
		err = report.Write(&pdf, p, o)
		data = pdf.Bytes()
	}
	var list plan.ErrorList
	switch {
	case err == nil:
		if err := fileio.WriteFile(*out, data, wo); err != nil {
			return outputError("export", *out, ext, err)
		}
		return nil
	case errors.As(err, &list):
		return planError{name, err}
	case errors.Is(err, report.ErrUnknownScenario), errors.Is(err, report.ErrLanguage):
		return usagef("export", "cli_usage_flag_other", "text", err.Error())
	}
	return ioErrorf("%s export: %v", prog, err)
}

// ioReason is why a file operation failed, in the user's language, without
// the paths the error carries (the message names the file already).
func ioReason(err error, l plan.Language) string {
	if why, ok := display.IOReason(err, l); ok {
		return why
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// sourceDate is the document date the environment fixes through
// SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
// convention), so that the same plan gives the same PDF bytes; the zero
// time (today) when it is unset or not a number.
func sourceDate() time.Time {
	v := getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}
