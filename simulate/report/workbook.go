package report

// The workbook: the plan as an Excel file (.xlsx, excelize) for a
// consultant who computes with its figures. One sheet per part — summary,
// channels, months, monthly costs, scenarios, objectives, assumptions —
// with sheet names and headers in the document's language (words from
// the message catalog, assets/i18n/messages/workbook.toml), the header
// row frozen, columns as wide as their text, and every figure a number
// carrying its number format: money in the plan's currency (the symbol
// and decimals of CLDR, through package display), rates as percentages
// with one decimal, counts as whole numbers, multiples as "2.35×", dates
// as dates. A figure the engine leaves undefined (a CPA with no customer)
// is the text "—", as in the PDF.
//
// A cell holds the engine's exact value (as the nearest float64, what a
// spreadsheet computes with) and its format rounds it for the eye exactly
// as the PDF does, half away from zero, so the text a cell shows is the
// PDF's text for the same figure. Values are not rounded before they are
// stored: rounded twice, 19.4999 customers would read 20 where the PDF
// says 19, and the month costs would not add up to the plan's cost.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/xuri/excelize/v2"
)

// WorkbookOptions say which workbook to write: the document's options
// (language, scenario shown, date), and optionally the plan file's text.
type WorkbookOptions struct {
	Options
	// PlanText is the plan file as written, or nil. When given, the end
	// of line comment beside a value ("ctr = "0.009" # WordStream 2017")
	// is that value's source on the assumptions sheet, since that is
	// where a plan's author writes where a figure comes from.
	PlanText []byte
}

// Workbook returns the .xlsx workbook of plan p. An invalid plan returns
// its validation errors (a plan.ErrorList) and no bytes; so do an unknown
// scenario (ErrUnknownScenario) and an unknown language (ErrLanguage).
// The same plan and options give the same bytes.
func Workbook(p plan.Plan, o WorkbookOptions) ([]byte, error) {
	a, err := workbookAnalysis(p, o.Options)
	if err != nil {
		return nil, err
	}
	w := newWorkbook(a, o.PlanText)
	defer w.f.Close()
	if err := w.build(); err != nil {
		return nil, fmt.Errorf("report: building the workbook: %w", err)
	}
	var buf bytes.Buffer
	if _, err := w.f.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("report: building the workbook: %w", err)
	}
	data, err := sortedZip(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("report: building the workbook: %w", err)
	}
	return data, nil
}

// sortedZip returns the zip archive data with its entries in name order,
// copied as they are (not compressed again): excelize writes the sheets
// of its stream writers in the order of a map, and the same plan must
// give the same bytes.
func sortedZip(data []byte) ([]byte, error) {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(r.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WriteWorkbook writes the workbook of plan p to w in one call, only once
// it is complete (see Workbook).
func WriteWorkbook(w io.Writer, p plan.Plan, o WorkbookOptions) error {
	data, err := Workbook(p, o)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("report: writing the workbook: %w", err)
	}
	return nil
}

// analysis is what the workbook shows, computed from the plan by
// simulate.Analyze (the PDF renders an Analysis too): the one place the
// workbook depends on the engine.
type analysis struct {
	p        plan.Plan
	lang     plan.Language
	cur      string
	docDate  time.Time
	lib      plan.Library
	scenario string // "base", "all" or a scenario's name

	r   simulate.Result   // the results shown (base, or the scenario asked for)
	all []simulate.Result // base then every scenario, in file order
	// unc is the Monte Carlo summary (objectives' chances), nil when the
	// plan has no uncertainty (simulate.HasUncertainty), as in the PDF.
	unc *simulate.UncertaintyResult
}

// workbookAnalysis checks the options as the PDF does (prepare) and asks
// simulate.Analyze for what the workbook shows: every scenario side by
// side (the scenarios sheet always has them all; the other sheets show
// the one asked for, picked with simulate.Select) and the objectives'
// chances (PartUncertainty). It asks for no sensitivity, goal seek or
// optimisation: no sheet shows them.
func workbookAnalysis(p plan.Plan, o Options) (*analysis, error) {
	lang, err := documentLanguage(p, o)
	if err != nil {
		return nil, err
	}
	a := &analysis{p: p, lang: lang, cur: p.Info.Currency, lib: plan.DefaultLibrary(), scenario: o.Scenario}
	if a.cur == "" {
		a.cur = "EUR"
	}
	if a.scenario == "" {
		a.scenario = simulate.BaseScenario
	}
	a.docDate = o.Date
	if a.docDate.IsZero() {
		a.docDate = time.Now()
	}
	y, m, dd := a.docDate.Date()
	a.docDate = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)

	// before any computation: an unknown name is a usage error
	if err := simulate.CheckScenario(p, a.scenario); err != nil {
		return nil, err
	}
	an, err := simulate.Analyze(p, simulate.AnalyzeOptions{Scenario: simulate.AllScenarios, Parts: simulate.PartUncertainty})
	if err != nil {
		return nil, err
	}
	shown, err := simulate.Select(an.All, a.scenario)
	if err != nil {
		return nil, err
	}
	a.all, a.r, a.unc = an.All, shown[0], an.Uncertainty
	return a, nil
}

// workbook is one workbook being written.
type workbook struct {
	*analysis
	f      *excelize.File
	notes  map[string]string // plan key path → the comment beside it (planNotes)
	styles map[styleKey]int
	// started is set once the first sheet exists.
	started bool
}

// newWorkbook starts an empty workbook for a.
func newWorkbook(a *analysis, planText []byte) *workbook {
	return &workbook{analysis: a, f: excelize.NewFile(), notes: planNotes(planText), styles: map[styleKey]int{}}
}

// build writes every sheet, in order, and the document's properties.
func (w *workbook) build() error {
	steps := []func() error{w.summarySheet, w.channelsSheet, w.monthsSheet, w.costsSheet,
		w.scenariosSheet, w.objectivesSheet, w.assumptionsSheet}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	date := w.docDate.Format(time.RFC3339)
	return w.f.SetDocProps(&excelize.DocProperties{
		Title:          safeText(w.p.Info.Title),
		Subject:        safeText(w.p.Business.Name),
		Creator:        safeText(firstNonEmpty(w.p.Info.Author, "CampaignSim")),
		LastModifiedBy: "CampaignSim",
		Language:       string(w.lang),
		Created:        date,
		Modified:       date,
	})
}

// firstNonEmpty is the first of ss that is not empty.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
