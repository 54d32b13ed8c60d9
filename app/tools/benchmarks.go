package tools

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// BenchmarksView is the "Repères / Benchmarks" screen (issue 14 item 2,
// MODEL.md "Benchmarks"): the library in effect — the user's own figures
// first, marked, then the built-in ones — each with its value, thresholds,
// source, year and note in the interface language; and a form where the
// user adds a figure or overrides one (same metric, channel kind and
// sector) with her own source. Her figures are saved in her configuration
// folder (plan.UserLibraryPath) through internal/fileio.WriteFile, off the
// UI goroutine, and become the library every look-up reads
// (plan.SetUserLibrary): pre-filled channels, recommendations, the PDF.
type BenchmarksView struct {
	win  fyne.Window
	root fyne.CanvasObject

	path   string           // the user's library file ("" when the system has no configuration folder)
	user   plan.Library     // her figures, as saved
	shown  []plan.Benchmark // the rows of list, in order
	rows   *fyne.Container  // one row per figure: its text and an "Edit" button
	status *widget.Label

	metric, kind, sector          *widget.Select
	value, min, max, source, note *widget.Entry
	year                          *widget.Entry
	save, remove                  *widget.Button

	onChange func() // the shell re-simulates the plan (OnLibraryChange)
	// task writes the library off the UI goroutine; one write at a time
	// (Save and Remove wait while it runs), so an older write can never
	// land after a newer one.
	task widgets.Task
}

var _ widgets.Panel = (*BenchmarksView)(nil)

// benchmarkMetrics are the metrics the form offers: every rate and unit
// cost a channel takes from the library (plan.PrefillKeys), then the
// funnel rates and the CPA.
func benchmarkMetrics() []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range plan.Kinds {
		for _, key := range plan.PrefillKeys(k) {
			if !seen[key] {
				seen[key] = true
				out = append(out, key)
			}
		}
	}
	return append(out, "click_to_open", "lead_to_mql", "mql_to_sql", "sql_to_customer", "cpa")
}

// NewBenchmarksView builds the screen and loads the user's library from
// her configuration folder (an unreadable or invalid file is shown, with
// its lines, and the built-in library stays in effect).
func NewBenchmarksView(w fyne.Window) *BenchmarksView {
	v := &BenchmarksView{win: w}
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.rows = container.NewVBox()
	metrics := benchmarkMetrics()
	labels := make([]string, len(metrics))
	for i, m := range metrics {
		labels[i] = display.Label(m, widgets.Lang())
	}
	v.metric = widget.NewSelect(labels, nil)
	v.metric.PlaceHolder = lang.L("Choose the figure")
	kinds := []string{lang.L("Every kind")}
	for _, k := range plan.Kinds {
		kinds = append(kinds, display.Label(string(k), widgets.Lang()))
	}
	v.kind = widget.NewSelect(kinds, nil)
	v.kind.SetSelectedIndex(0)
	sectors := append([]string{lang.L("Every sector")}, plan.Sectors...)
	v.sector = widget.NewSelect(sectors, nil)
	v.sector.SetSelectedIndex(0)
	entry := func(hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		return e
	}
	v.value = entry(lang.L("e.g. 31 % or 0,45 €"))
	v.min = entry(lang.L("alert below (optional)"))
	v.max = entry(lang.L("alert above (optional)"))
	v.source = entry(lang.L("who measured it, e.g. My Mailchimp campaigns 2025"))
	v.year = entry("2025")
	v.note = entry(lang.L("what exactly it measures (optional)"))
	v.save = widget.NewButton(lang.L("Save my figure"), v.onSave)
	v.save.Importance = widget.HighImportance
	v.remove = widget.NewButton(lang.L("Remove my figure"), v.onRemove)
	v.remove.Disable()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Figure"), v.metric),
		widget.NewFormItem(lang.L("Channel kind"), v.kind),
		widget.NewFormItem(lang.L("Sector"), v.sector),
		widget.NewFormItem(lang.L("Value"), v.value),
		widget.NewFormItem(lang.L("Minimum"), v.min),
		widget.NewFormItem(lang.L("Maximum"), v.max),
		widget.NewFormItem(lang.L("Source"), v.source),
		widget.NewFormItem(lang.L("Year"), v.year),
		widget.NewFormItem(lang.L("Note"), v.note),
	)
	intro := widgets.Intro(lang.L("The benchmarks every channel is compared with. Your own figures (★) come first and are cited with your source in the recommendations, new channels and the PDF. Rates are percentages."))
	side := container.NewVBox(widget.NewLabelWithStyle(lang.L("Add or override a figure"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		form, container.NewHBox(v.save, v.remove), v.status, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("The library in effect"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.rows)
	v.root = container.NewBorder(intro, nil, nil, nil, container.NewVScroll(side))
	v.load()
	return v
}

// OnLibraryChange sets what runs after the user's library changed (the
// shell re-simulates the plan, so that recommendations cite her figures).
func (v *BenchmarksView) OnLibraryChange(f func()) { v.onChange = f }

// Widget returns the screen's root object.
func (v *BenchmarksView) Widget() fyne.CanvasObject { return v.root }

// Refresh does nothing: the library does not depend on the plan.
func (v *BenchmarksView) Refresh(plan.Plan, *widgets.Results) {}

// load reads the user's library (plan.ReadUserLibrary) and makes it the
// one in effect.
func (v *BenchmarksView) load() {
	lib, path, err := plan.ReadUserLibrary()
	v.path = path
	if err != nil {
		v.status.SetText(lang.L("Your benchmarks file could not be read; the built-in library is used:") + "\n" +
			strings.Join(widgets.LoadErrorLines(err), "\n"))
		lib = plan.Library{}
	}
	v.user = lib
	plan.SetUserLibrary(lib)
	v.fill()
}

// fill lists the library in effect, a row per figure with a button that
// puts it in the form.
func (v *BenchmarksView) fill() {
	v.shown = plan.DefaultLibrary().Benchmarks
	objs := make([]fyne.CanvasObject, 0, len(v.shown))
	for i := range v.shown {
		l := widget.NewLabel(v.rowText(i))
		l.Wrapping = fyne.TextWrapWord
		b := widget.NewButton(lang.L("Change"), func() { v.onSelected(i) })
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewVBox(b), l))
	}
	v.rows.Objects = objs
	v.rows.Refresh()
}

// rowText is row i of the list: the figure, where it applies, its value
// and thresholds, its source and year, and its note.
func (v *BenchmarksView) rowText(i int) string {
	if i < 0 || i >= len(v.shown) {
		return ""
	}
	b := v.shown[i]
	l := widgets.Lang()
	var head strings.Builder
	if b.User {
		head.WriteString("★ ")
	}
	head.WriteString(display.Label(b.Metric, l))
	where := lang.L("every kind")
	if len(b.Kinds) > 0 {
		k := make([]string, len(b.Kinds))
		for j, kind := range b.Kinds {
			k[j] = display.Label(string(kind), l)
		}
		where = strings.Join(k, ", ")
	}
	if b.Sector != "" {
		where += " · " + b.Sector
	}
	head.WriteString(" — " + where)
	var figs []string
	show := func(label string, d decimal.NullDecimal) {
		if d.Valid {
			figs = append(figs, label+" "+v.format(b, d))
		}
	}
	show(lang.L("value"), b.Value)
	show(lang.L("min"), b.Min)
	show(lang.L("max"), b.Max)
	text := head.String()
	if len(figs) > 0 {
		text += "\n" + strings.Join(figs, " · ")
	}
	text += "\n" + lang.L("Source") + widgets.UIColon() + b.SourceIn(l)
	if note := b.NoteIn(l); note != "" {
		text += "\n" + note
	}
	return text
}

// format writes a figure of benchmark b by its metric's unit: a rate as a
// percentage, money in the benchmark's currency (euros when none).
func (v *BenchmarksView) format(b plan.Benchmark, d decimal.NullDecimal) string {
	cur := b.Currency
	if cur == "" {
		cur = "EUR"
	}
	return display.Figure(benchmarkSpec(b.Metric), d, cur, widgets.Lang())
}

// benchmarkSpec is the unit of a library metric: a figure of the engine
// (cpa…), money for the unit costs (cpc, cpm, cost_per_…), else a rate.
func benchmarkSpec(metric string) simulate.Spec {
	base, _, _ := strings.Cut(metric, ".")
	if s, ok := simulate.SpecOf(base); ok && base != "ctr" && base != "conversion_rate" {
		return s
	}
	s := simulate.Spec{Name: base, Unit: simulate.Rate}
	if base == "cpc" || base == "cpm" || strings.HasPrefix(base, "cost_per_") || base == "commission_per_sale" {
		s.Unit = simulate.Money
	}
	return s
}

// onSelected fills the form with the chosen figure, to override it (a
// built-in figure) or to change or remove it (one of hers).
func (v *BenchmarksView) onSelected(i int) {
	if i < 0 || i >= len(v.shown) {
		return
	}
	b := v.shown[i]
	l := widgets.Lang()
	v.metric.SetSelected(display.Label(b.Metric, l))
	v.kind.SetSelectedIndex(0)
	if len(b.Kinds) == 1 {
		v.kind.SetSelected(display.Label(string(b.Kinds[0]), l))
	}
	v.sector.SetSelectedIndex(0)
	if b.Sector != "" {
		v.sector.SetSelected(b.Sector)
	}
	in := func(d decimal.NullDecimal) string {
		if !d.Valid {
			return ""
		}
		if benchmarkSpec(b.Metric).Unit == simulate.Rate {
			return display.Decimal(d.Decimal.Shift(2), 2, l)
		}
		return display.Decimal(d.Decimal, 2, l)
	}
	v.value.SetText(in(b.Value))
	v.min.SetText(in(b.Min))
	v.max.SetText(in(b.Max))
	if b.User {
		src := b
		src.Year = 0 // the year has its own field
		v.source.SetText(src.SourceIn(l))
		v.note.SetText(b.NoteIn(l))
		v.year.SetText(strconv.Itoa(b.Year))
		v.remove.Enable()
	} else {
		v.source.SetText("")
		v.note.SetText("")
		v.year.SetText("")
		v.remove.Disable()
	}
}

// figure reads the form into a benchmark, or says what to fix.
func (v *BenchmarksView) figure() (plan.Benchmark, error) {
	l := widgets.Lang()
	metrics := benchmarkMetrics()
	var b plan.Benchmark
	for i, m := range metrics {
		if display.Label(m, l) == v.metric.Selected {
			b.Metric = metrics[i]
		}
	}
	if b.Metric == "" {
		return b, errors.New(lang.L("Choose the figure."))
	}
	if i := v.kind.SelectedIndex(); i > 0 {
		b.Kinds = []plan.Kind{plan.Kinds[i-1]}
	}
	if i := v.sector.SelectedIndex(); i > 0 {
		b.Sector = plan.Sectors[i-1]
	}
	rate := benchmarkSpec(b.Metric).Unit == simulate.Rate
	num := func(e *widget.Entry) (decimal.NullDecimal, error) {
		t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(e.Text), "%"))
		t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, "€"), "EUR"))
		if t == "" {
			return decimal.NullDecimal{}, nil
		}
		d, err := display.ParseNumber(t, l)
		if err != nil {
			return decimal.NullDecimal{}, errors.New(lang.L("Write a number, e.g. 31 or 0,45."))
		}
		if rate {
			d = d.Shift(-2)
		}
		return decimal.NewNullDecimal(d), nil
	}
	var err error
	if b.Value, err = num(v.value); err != nil {
		return b, err
	}
	if b.Min, err = num(v.min); err != nil {
		return b, err
	}
	if b.Max, err = num(v.max); err != nil {
		return b, err
	}
	if !b.Value.Valid && !b.Min.Valid && !b.Max.Valid {
		return b, errors.New(lang.L("Write the value, a minimum or a maximum."))
	}
	b.Source = strings.TrimSpace(v.source.Text)
	if b.Source == "" {
		return b, errors.New(lang.L("Say where the figure comes from (your source)."))
	}
	y, yerr := strconv.Atoi(strings.TrimSpace(v.year.Text))
	if yerr != nil || y < 1900 || y > 2100 {
		return b, errors.New(lang.L("Write the year of the figure, e.g. 2025."))
	}
	b.Year = y
	b.Note = strings.TrimSpace(v.note.Text)
	return b, nil
}

// onSave adds the form's figure to the user's library, or replaces hers
// for the same figure, kind and sector.
func (v *BenchmarksView) onSave() {
	b, err := v.figure()
	if err != nil {
		v.status.SetText(err.Error())
		return
	}
	v.store(v.user.WithFigure(b))
}

// onRemove removes the selected figure of hers.
func (v *BenchmarksView) onRemove() {
	b, err := v.figure()
	if err != nil {
		v.status.SetText(err.Error())
		return
	}
	v.store(v.user.WithoutFigure(b))
}

// store checks lib by reading back what would be written (the figure out
// of range is refused like in a file), writes it atomically off the UI
// goroutine (v.task), then makes it the library in effect. While a write
// runs, Save and Remove are disabled and store does nothing.
func (v *BenchmarksView) store(lib plan.Library) {
	if v.task.Running() {
		return
	}
	data := plan.EncodeLibrary(lib)
	if _, err := plan.ParseUserLibrary(data, plan.BuiltinLibrary()); err != nil {
		v.status.SetText(strings.Join(widgets.LoadErrorLines(err), "\n"))
		return
	}
	if v.path == "" {
		v.status.SetText(lang.L("There is no configuration folder to save your benchmarks in."))
		return
	}
	removable := !v.remove.Disabled()
	v.save.Disable()
	v.remove.Disable()
	path := v.path
	v.task.Start(func(context.Context) func() {
		err := writeLibrary(path, data) // never cut short: the file is whole or untouched
		return func() {
			v.save.Enable()
			if removable {
				v.remove.Enable()
			}
			if err != nil {
				v.status.SetText(lang.L("Your benchmarks could not be saved:") + " " + widgets.ErrorDetail(err))
				return
			}
			v.user = lib
			plan.SetUserLibrary(lib)
			v.fill()
			v.status.SetText(lang.L("Saved in {{.Path}}.", map[string]any{"Path": path}))
			if v.onChange != nil {
				v.onChange()
			}
		}
	})
}

// writeLibrary writes the user's library file, creating its folder.
func writeLibrary(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return fileio.WriteFile(path, data, fileio.Options{Perm: 0o644})
}
