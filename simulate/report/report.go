// Package report writes a campaign plan as the PDF document a consultant
// hands to a client, laid out like the course's case study (seed 002): a
// cover, then ten sections — summary, context, SMART objectives, actions
// (the channel mix), planning and budget, expected results, risks,
// tracking, recommendations — with page numbers, a running header, tables
// that break across pages with their header repeated, and the charts of
// package chart at print resolution.
//
// Every figure comes from package simulate and is written by package
// display, so the document shows the same numbers as the command line and
// the desktop app. Text is set in DejaVu Sans (assets.FontRegular and
// assets.FontBold), embedded in the file, which has "€", the French
// accents and the narrow no-break space of French number formats. The
// document is in French or English; all its strings are in strings.go.
//
// The same plan, options and date give the same bytes: the PDF's creation
// and modification dates are the document date and its catalogs are
// sorted.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"campaignsim/internal/fileio"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/chart"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// Options say which document to write.
type Options struct {
	// Lang is the language of the document: plan.LangFR or plan.LangEN;
	// "" means the plan's own language (French when the plan has none).
	Lang plan.Language
	// Scenario picks the results shown: "" or "base" for the plan as
	// written; the name of one of the plan's scenarios; "all" for the base
	// results plus every scenario side by side in the results section.
	Scenario string
	// Date is the document's date, on the cover and in the PDF's metadata;
	// the zero time means today. Set it for byte-identical output.
	Date time.Time
	// PlanPath is the plan file's path ("" when it has none: a new plan,
	// standard input): an exercise's case file (plan.Info.Case) is read
	// relative to its folder, as grade reads it (simulate.ResolveCasePath).
	PlanPath string
}

// ErrUnknownScenario is wrapped by the error Write returns when
// Options.Scenario names no scenario of the plan.
var ErrUnknownScenario = simulate.ErrUnknownScenario

// ErrLanguage is wrapped by the error Write returns when Options.Lang is
// neither "", "fr" nor "en".
var ErrLanguage = errors.New("unknown language")

// Write writes the PDF document of plan p to w. An invalid plan returns
// its validation errors (a plan.ErrorList, as simulate.Run does) and
// writes nothing; so do an unknown scenario (ErrUnknownScenario) and an
// unknown language (ErrLanguage). The document is built in memory and
// written to w in one call only when complete.
func Write(w io.Writer, p plan.Plan, o Options) error {
	data, err := render(p, o)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("report: writing the PDF: %w", err)
	}
	return nil
}

// WriteFile writes the PDF document of plan p to the file at path
// through internal/fileio: atomically (a temporary file beside the target,
// synced, then renamed), through a symbolic link to its target, never over
// a folder or a device. On any error nothing is left behind (no temporary
// file, no half PDF) and an existing file at path is untouched.
func WriteFile(path string, p plan.Plan, o Options) error {
	data, err := render(p, o)
	if err != nil {
		return err
	}
	if err := fileio.WriteFile(path, data, fileio.Options{}); err != nil {
		return fmt.Errorf("report: cannot write %s: %w", path, err)
	}
	return nil
}

// doc is one document being written: the plan, the analysis it shows
// (computed once by simulate.Analyze; the document decides nothing), and
// the page layout.
type doc struct {
	*layout
	p    plan.Plan
	lang plan.Language
	cur  string
	date time.Time
	lib  plan.Library
	// planPath is Options.PlanPath, for the exercise's case file.
	planPath string

	an       simulate.Analysis
	r        simulate.Result   // the results shown (an.Shown)
	all      []simulate.Result // base and every scenario, when Options.Scenario is "all"
	scenario string            // the scenario shown (an.Scenario)

	unc    *simulate.UncertaintyResult // nil when the plan has no uncertainty
	sens   *simulate.SensitivityResult // nil when it cannot be computed
	eval   *simulate.Evaluation        // nil when the plan has no actuals
	opt    *simulate.Optimization      // nil without decision channel
	charts chartSet
	pngs   map[chartKey][]byte // the charts, drawn by prerender
	// missing are the characters of the plan the document's font lacks,
	// drawn as chart.Substitute (missingGlyphs); the summary lists them.
	missing []rune
	names   map[string]string // channel id → name, for the charts (chart.ChannelNames)
}

// render computes everything and returns the PDF bytes.
func render(p plan.Plan, o Options) ([]byte, error) {
	d, err := prepare(p, o)
	if err != nil {
		return nil, err
	}
	d.layout = newLayout()
	d.write()
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("report: building the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// analyze is simulate.Analyze, a variable so that the package's tests can
// time the report's own work (charts, layout, PDF) apart from the
// analysis it shows.
var analyze = simulate.Analyze

// documentLanguage is the language of a document of p: o.Lang, else the
// plan's, French when neither says; another value is ErrLanguage. The PDF
// and the workbook both ask it.
func documentLanguage(p plan.Plan, o Options) (plan.Language, error) {
	lang := o.Lang
	if lang == "" {
		lang = p.Info.Language
	}
	switch lang {
	case "", plan.LangFR:
		return plan.LangFR, nil
	case plan.LangEN:
		return lang, nil
	}
	return "", fmt.Errorf("report: language %q: %w (use fr or en)", o.Lang, ErrLanguage)
}

// prepare checks the options, analyses the plan and draws the charts.
func prepare(p plan.Plan, o Options) (*doc, error) {
	lang, err := documentLanguage(p, o)
	if err != nil {
		return nil, err
	}
	d := &doc{p: p, lang: lang, cur: p.Info.Currency, lib: plan.DefaultLibrary()}
	if d.cur == "" {
		d.cur = "EUR"
	}
	d.date, d.planPath = o.Date, o.PlanPath
	if d.date.IsZero() {
		d.date = time.Now()
	}
	y, m, dd := d.date.Date()
	d.date = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)

	an, err := analyze(p, simulate.AnalyzeOptions{Scenario: o.Scenario, Parts: simulate.PartsAll})
	if err != nil { // an unknown scenario is a *simulate.Error wrapping ErrUnknownScenario
		return nil, err
	}
	d.an, d.r, d.all, d.scenario = an, an.Shown, an.All, an.Scenario
	d.unc, d.sens, d.eval, d.opt = an.Uncertainty, an.Sensitivity, an.Evaluation, an.Optimization
	d.missing = missingGlyphs(p)
	d.names = chart.ChannelNames(p)
	d.charts = newChartSet(d)
	d.prerender(d.fullCharts())
	return d, nil
}

// write lays the whole document out.
func (d *doc) write() {
	pdf := d.pdf
	title := d.p.Info.Title
	pdf.SetTitle(title, true)
	pdf.SetSubject(d.p.Business.Name, true)
	if d.p.Info.Author != "" {
		pdf.SetAuthor(d.p.Info.Author, true)
	}
	pdf.SetCreator("CampaignSim", true)
	pdf.SetProducer("CampaignSim (go-pdf/fpdf)", true)
	pdf.SetLang(string(d.lang))
	pdf.SetCreationDate(d.date)
	pdf.SetModificationDate(d.date)
	pdf.SetCatalogSort(true)
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFuncMode(d.header, false)
	pdf.SetFooterFunc(d.footer)

	d.cover()
	defer d.exercisePages()()
	d.summary()
	d.context()
	d.smart()
	d.actions()
	d.planning()
	d.results()
	d.risks()
	d.tracking()
	d.recommendations()
}

// header draws the running header on every page but the cover: the
// plan's title on the left, the section on the right, over a thin rule.
func (d *doc) header() {
	if d.pdf.PageNo() == 1 {
		return
	}
	d.font(false, headerSize)
	d.color(colGrey)
	right := d.fit(d.section, contentW*0.4)
	rw := d.width(right) + 2*cellPad
	left := d.fit(d.p.Info.Title, contentW-rw-4)
	d.pdf.SetXY(marginL, 10)
	d.cell(contentW-rw, 4, left, 0, "L")
	d.cell(rw, 4, right, 0, "R")
	d.draw(colRule)
	d.pdf.Line(marginL, 14.5, marginL+contentW, 14.5)
	d.pdf.SetXY(marginL, marginT)
	d.color(colText)
}

// footer draws the business name and "Page n / N" on every page but the
// cover.
func (d *doc) footer() {
	if d.pdf.PageNo() == 1 {
		return
	}
	d.font(false, headerSize)
	d.color(colGrey)
	d.pdf.SetXY(marginL, pageH-12)
	page := trf(d.lang, "page", fmt.Sprint(d.pdf.PageNo()), "{nb}")
	d.cell(contentW*0.7, 4, d.fit(d.p.Business.Name, contentW*0.65), 0, "L")
	d.cell(contentW*0.3, 4, page, 0, "R")
	d.color(colText)
}

// money, pct, cnt and fig format numbers through package display.
func (d *doc) money(v decimal.Decimal) string { return display.Money(v, d.cur, d.lang) }
func (d *doc) pct(v decimal.Decimal) string   { return display.Percent(v, d.lang) }
func (d *doc) cnt(v decimal.Decimal) string   { return display.Count(v, d.lang) }

// fig formats the figure name of f.
func (d *doc) fig(name string, f simulate.Figures) string {
	return display.FigureOf(name, f, d.cur, d.lang)
}

// value formats a value of a figure, metric or channel input name
// (display.Value).
func (d *doc) value(name string, v decimal.NullDecimal) string {
	return display.Value(name, v, d.cur, d.lang)
}

// nd wraps a decimal as a defined NullDecimal.
func nd(v decimal.Decimal) decimal.NullDecimal { return decimal.NewNullDecimal(v) }

// channelName returns the name of the channel with id in p (the id when
// unknown, "whole plan" when empty).
func (d *doc) channelName(id string) string {
	if id == "" {
		return tr(d.lang, "plan wide")
	}
	if c, ok := d.p.Channel(id); ok {
		return c.Name
	}
	return id
}

// objectiveTitle is the statement of ob, or its id when it has none.
func objectiveTitle(ob plan.Objective) string { return simulate.ObjectiveTitle(ob) }

// objective returns the plan's objective with id.
func (d *doc) objective(id string) plan.Objective {
	for _, ob := range d.p.Objectives {
		if ob.ID == id {
			return ob
		}
	}
	return plan.Objective{ID: id}
}

// sign is "≥" for at_least and "≤" for at_most.
func sign(dir plan.Direction) string {
	if dir == plan.AtMost {
		return "≤"
	}
	return "≥"
}

// probability returns the Monte Carlo chance of objective id, if run.
func (d *doc) probability(id string) (decimal.Decimal, bool) { return d.an.Chance(id) }

// dateOf is the calendar date of t.
func dateOf(t time.Time) plan.Date { return plan.DateOf(t) }
