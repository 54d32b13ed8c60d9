package report_test

import (
	"bytes"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
	"campaignsim/simulate/report"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// wbDate is the date of the workbooks of these tests.
var wbDate = time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC)

// bakery is the bakery example and its file's text.
func bakery(tb testing.TB) (plan.Plan, []byte) {
	tb.Helper()
	text, ok := plan.ExampleFile("bakery")
	if !ok {
		tb.Fatal("no bakery example")
	}
	p, err := plan.Decode("bakery.toml", text)
	if err != nil {
		tb.Fatal(err)
	}
	return p, text
}

// openWorkbook writes the workbook of p and opens it with excelize.
func openWorkbook(t *testing.T, p plan.Plan, o report.WorkbookOptions) *excelize.File {
	t.Helper()
	if o.Date.IsZero() {
		o.Date = wbDate
	}
	data, err := report.Workbook(p, o)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// grid is a sheet's cells: raw values (numbers as written, not
// formatted) by row, and a column's index by its header.
type grid struct {
	f     *excelize.File
	sheet string
	rows  [][]string
	col   map[string]int
}

func readGrid(t *testing.T, f *excelize.File, sheet string) grid {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	if len(rows) == 0 {
		t.Fatalf("sheet %q is empty", sheet)
	}
	g := grid{f: f, sheet: sheet, rows: rows, col: map[string]int{}}
	for i, h := range rows[0] {
		g.col[h] = i
	}
	return g
}

// row returns the row whose first or second cell is key.
func (g grid) row(t *testing.T, key string) int {
	t.Helper()
	for i, r := range g.rows {
		if len(r) > 0 && r[0] == key || len(r) > 1 && r[1] == key {
			return i
		}
	}
	t.Fatalf("sheet %q has no row %q", g.sheet, key)
	return 0
}

// at is the raw value at row i under header h.
func (g grid) at(t *testing.T, i int, h string) string {
	t.Helper()
	j, ok := g.col[h]
	if !ok {
		t.Fatalf("sheet %q has no column %q (has %v)", g.sheet, h, g.rows[0])
	}
	if j >= len(g.rows[i]) {
		return ""
	}
	return g.rows[i][j]
}

// numFmt is the number format of the cell at row i (0-based) under
// header h.
func (g grid) numFmt(t *testing.T, i int, h string) string {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(g.col[h]+1, i+1)
	id, err := g.f.GetCellStyle(g.sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := g.f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// wbSpec is the figure name's Spec.
func wbSpec(t *testing.T, name string) simulate.Spec {
	t.Helper()
	s, ok := simulate.SpecOf(name)
	if !ok {
		t.Fatalf("no figure %q", name)
	}
	return s
}

// dec reads a raw numeric cell.
func dec(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("cell %q is not a number: %v", s, err)
	}
	return d
}

// TestWorkbookBakery reads the bakery workbook back: its sheets, frozen
// headers, figures worked out from the plan's definitions, number
// formats, and that every figure of the channels sheet reads as the PDF
// writes it.
func TestWorkbookBakery(t *testing.T) {
	p, text := bakery(t)
	f := openWorkbook(t, p, report.WorkbookOptions{PlanText: text})

	want := []string{"Synthèse", "Canaux", "Mois", "Coûts par mois", "Scénarios", "Objectifs", "Hypothèses"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for _, sh := range want {
		pn, err := f.GetPanes(sh)
		if err != nil || !pn.Freeze || pn.YSplit != 1 {
			t.Errorf("sheet %q: header row not frozen: %+v %v", sh, pn, err)
		}
		if w, err := f.GetColWidth(sh, "A"); err != nil || w < 6 || w > 60 {
			t.Errorf("sheet %q: column A is %v wide (%v)", sh, w, err)
		}
	}

	ch := readGrid(t, f, "Canaux")
	mail := ch.row(t, "mailing-familles")
	// The mailing: fixed 250 + 8 000 units × 0,11 € = 1 130,00 €; customers
	// 8 000 units × 1 reached × 1,5 % respond × 50 % convert = 60.
	if got := dec(t, ch.at(t, mail, "Coût")); !got.Equal(decimal.NewFromInt(1130)) {
		t.Errorf("mailing cost %s, want 1130", got)
	}
	if got := dec(t, ch.at(t, mail, "Clients")); !got.Equal(decimal.NewFromInt(60)) {
		t.Errorf("mailing customers %s, want 60", got)
	}
	// CPA = 1 130 / 60 = 18,8333…, shown 18,83 €.
	if got := dec(t, ch.at(t, mail, "CPA")); !got.Sub(decimal.RequireFromString("18.833333")).Abs().LessThan(decimal.RequireFromString("0.000001")) {
		t.Errorf("mailing CPA %s, want 1130/60 = 18.8333…", got)
	}
	if got := ch.numFmt(t, mail, "Coût"); got != "#,##0.00\"\u00a0€\"" {
		t.Errorf("money format %q", got)
	}
	if got := ch.numFmt(t, mail, "ROI"); !strings.HasSuffix(got, "%") || !strings.HasPrefix(got, "0.0") {
		t.Errorf("rate format %q", got)
	}
	if got := ch.numFmt(t, mail, "Clients"); got != "#,##0" {
		t.Errorf("count format %q", got)
	}
	if got := ch.numFmt(t, mail, "ROAS"); got != `0.00"×"` {
		t.Errorf("multiple format %q", got)
	}

	// Every figure cell shows what the PDF shows for it (display.Figure of
	// the engine's value), and an undefined one is "—".
	res, err := simulate.Run(p)
	if err != nil {
		t.Fatal(err)
	}
	rows := append([]simulate.ChannelResult(nil), res.Channels...)
	rows = append(rows, simulate.ChannelResult{ID: "", Name: "Total", Figures: res.Totals})
	checked := 0
	for _, cr := range rows {
		i := ch.row(t, cr.Name)
		for _, s := range simulate.FigureSpecs() {
			j, ok := ch.col[display.Label(s.Name, plan.LangFR)]
			if !ok {
				continue
			}
			want := display.Figure(s, s.Get(cr.Figures), "EUR", plan.LangFR)
			raw := ""
			if j < len(ch.rows[i]) {
				raw = ch.rows[i][j]
			}
			got := raw
			if raw != display.Undefined {
				got = display.Figure(s, decimal.NewNullDecimal(dec(t, raw)), "EUR", plan.LangFR)
			}
			if got != want {
				t.Errorf("%s %s: the cell %q shows %q, the PDF %q", cr.Name, s.Name, raw, got, want)
			}
			checked++
		}
	}
	if checked < 8*20 {
		t.Errorf("only %d figures compared", checked)
	}

	// The months add up to the plan's cost, 4 940,00 € (the channels'
	// total), though each month is 1 701,67 + 2 226,67 + 1 011,67 to the
	// cent: cells keep the exact values.
	mo := readGrid(t, f, "Mois")
	sum := decimal.Zero
	for i := 1; i < len(mo.rows); i++ {
		sum = sum.Add(dec(t, mo.at(t, i, "Coût")))
	}
	total := dec(t, ch.at(t, ch.row(t, "Total"), "Coût"))
	if !sum.Round(6).Equal(total) || !total.Equal(decimal.NewFromInt(4940)) {
		t.Errorf("months add up to %s, channels to %s, want 4940", sum, total)
	}
	if got := mo.numFmt(t, 1, "Mois calendaire"); !strings.Contains(got, "mmm yyyy") {
		t.Errorf("month date format %q", got)
	}
	// 2027-01-04 is day 46 391 of Excel's calendar (1899-12-30 + 46 391 days).
	if got := mo.at(t, 1, "Mois calendaire"); got != "46391" {
		t.Errorf("month 1 starts on serial %s, want 46391", got)
	}

	co := readGrid(t, f, "Coûts par mois")
	// the mailing is active in months 1 and 2: 1 130 / 2 = 565 each, 0 in month 3
	m := co.row(t, "mailing-familles")
	if got := co.rows[m][2:5]; strings.Join(got, " ") != "565 565 0" {
		t.Errorf("mailing monthly costs %q, want 565 565 0", got)
	}
	// Month 1 of every channel adds up to the plan's month 1.
	month1 := decimal.Zero
	for _, r := range co.rows[1 : len(co.rows)-1] {
		month1 = month1.Add(dec(t, r[2]))
	}
	if want := dec(t, mo.at(t, 1, "Coût")); !month1.Round(6).Equal(want.Round(6)) {
		t.Errorf("channels' month 1 add up to %s, the month's cost is %s", month1, want)
	}

	sc := readGrid(t, f, "Scénarios")
	if got := sc.rows[0]; len(got) != 1+1+len(p.Scenarios) || got[1] != "Scénario de base" {
		t.Errorf("scenario columns %q", got)
	}

	ob := readGrid(t, f, "Objectifs")
	i := ob.row(t, "nouveaux-clients")
	if ob.at(t, i, "Statut") != "Atteint" || ob.at(t, i, "Sens") != "≥" || ob.at(t, i, "Cible") != "200" {
		t.Errorf("objective row %q", ob.rows[i])
	}
	if pr := dec(t, ob.at(t, i, "Probabilité d'atteinte")); pr.Sign() <= 0 || pr.GreaterThan(decimal.NewFromInt(1)) {
		t.Errorf("probability %s, want a fraction", pr)
	}
	if why := ob.at(t, i, "Pourquoi (SMART)"); !strings.HasPrefix(why, "S\u00a0: ") || strings.Count(why, "\n") != 4 {
		t.Errorf("SMART reasons %q", why)
	}

	as := readGrid(t, f, "Hypothèses")
	var fb int
	for k, r := range as.rows {
		if len(r) > 2 && r[0] == "Publicités Facebook et Instagram ciblées familles" && r[2] == "ctr" {
			fb = k
		}
	}
	if fb == 0 {
		t.Fatal("no row for the Facebook channel's ctr")
	}
	// ctr = "0.0090" # WordStream, « Facebook Ads Benchmarks for YOUR Industry » (2017) (moyenne tous secteurs)
	if got := as.at(t, fb, "Valeur"); got != "0.009" {
		t.Errorf("ctr %s, want 0.009", got)
	}
	if got := as.at(t, fb, "Source"); got != "WordStream, « Facebook Ads Benchmarks for YOUR Industry » (2017) (moyenne tous secteurs)" {
		t.Errorf("ctr source %q (the plan's comment)", got)
	}
	if got := as.numFmt(t, fb, "Valeur"); !strings.HasSuffix(got, "%") {
		t.Errorf("ctr format %q", got)
	}
	gm := as.row(t, "Taux de marge brute")
	if got := as.at(t, gm, "Valeur"); got != "0.68" || !strings.HasSuffix(as.numFmt(t, gm, "Valeur"), "%") {
		t.Errorf("business gross margin %s (%s), want 0.68 as a rate", got, as.numFmt(t, gm, "Valeur"))
	}
}

// TestWorkbookEnglish: sheet names, headers and formats follow --lang;
// no catalog code is left unworded in either language.
func TestWorkbookEnglish(t *testing.T) {
	p, _ := bakery(t)
	for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
		f := openWorkbook(t, p, report.WorkbookOptions{Options: report.Options{Lang: lang}})
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for _, r := range rows {
				for _, c := range r {
					if strings.Contains(c, "wb_") {
						t.Errorf("%s %s: a code without words: %q", lang, sh, c)
					}
				}
			}
		}
		if lang != plan.LangEN {
			continue
		}
		want := []string{"Summary", "Channels", "Months", "Monthly costs", "Scenarios", "Objectives", "Assumptions"}
		if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("sheets %q, want %q", got, want)
		}
		ch := readGrid(t, f, "Channels")
		if got := ch.numFmt(t, 1, "Cost"); got != `"€"#,##0.00` {
			t.Errorf("English money format %q", got)
		}
		if got := ch.numFmt(t, 1, "ROI"); got != "0.0%" {
			t.Errorf("English rate format %q", got)
		}
	}
}

// TestWorkbookCurrency: money is in the plan's currency, with its
// decimals (none for the yen).
func TestWorkbookCurrency(t *testing.T) {
	p, _ := bakery(t)
	p.Info.Currency = "JPY"
	f := openWorkbook(t, p, report.WorkbookOptions{Options: report.Options{Lang: plan.LangEN}})
	ch := readGrid(t, f, "Channels")
	i := ch.row(t, "mailing-familles")
	if got, want := ch.numFmt(t, i, "Cost"), `"`+display.CurrencySymbol("JPY", plan.LangEN)+`"#,##0`; got != want {
		t.Errorf("yen format %q, want %q", got, want)
	}
	// CPA 1 130 / 60 = 18,83… → ¥19, no decimals, as the PDF shows it.
	cpa := decimal.NewNullDecimal(dec(t, ch.at(t, i, "CPA")))
	if got := display.Figure(wbSpec(t, "cpa"), cpa, "JPY", plan.LangEN); got != display.Money(decimal.NewFromInt(19), "JPY", plan.LangEN) {
		t.Errorf("yen CPA %s", got)
	}
}

// TestWorkbookInjection: a text cell that a spreadsheet would run as a
// formula once saved as CSV is quoted as display.CSVCell quotes it, and
// no cell is a formula.
func TestWorkbookInjection(t *testing.T) {
	p, _ := bakery(t)
	names := []string{`=HYPERLINK("http://evil","x")`, "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"}
	for i, n := range names {
		p.Channels[i].Name = n
		p.Channels[i].Owner = n
	}
	p.Objectives[0].Statement = "=1+1"
	f := openWorkbook(t, p, report.WorkbookOptions{})
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh, excelize.Options{RawCellValue: true})
		for i, r := range rows {
			for j, c := range r {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fm, _ := f.GetCellFormula(sh, ref); fm != "" {
					t.Errorf("%s!%s is a formula: %q", sh, ref, fm)
				}
				if c != "" && strings.ContainsRune("=+@", rune(c[0])) {
					t.Errorf("%s!%s starts with a formula sign: %q", sh, ref, c)
				}
				if strings.HasPrefix(c, "-") {
					if _, err := decimal.NewFromString(c); err != nil {
						t.Errorf("%s!%s: text starting with -: %q", sh, ref, c)
					}
				}
			}
		}
	}
	ch := readGrid(t, f, "Canaux")
	for _, n := range names {
		ch.row(t, display.CSVCell(n))
	}
}

// TestWorkbookScenario: the sheets show the scenario asked for; the
// scenarios sheet always shows them all.
func TestWorkbookScenario(t *testing.T) {
	p, _ := bakery(t)
	name := p.Scenarios[0].Name
	r, err := simulate.RunScenario(p, name)
	if err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, p, report.WorkbookOptions{Options: report.Options{Scenario: name}})
	ch := readGrid(t, f, "Canaux")
	got := dec(t, ch.at(t, ch.row(t, "Total"), "Clients"))
	if want := r.Totals.Customers.Decimal.Round(6); !got.Round(6).Equal(want) {
		t.Errorf("scenario %q customers %s, want %s", name, got, want)
	}
	sum := readGrid(t, f, "Synthèse")
	if v := sum.at(t, sum.row(t, "Scénario présenté"), "Valeur"); v != name {
		t.Errorf("scenario shown %q, want %q", v, name)
	}
	if sc := readGrid(t, f, "Scénarios"); len(sc.rows[0]) != 2+len(p.Scenarios) {
		t.Errorf("scenarios sheet columns %q", sc.rows[0])
	}
}

// TestWorkbookErrors: an invalid plan, an unknown scenario or language
// give their errors and no bytes.
func TestWorkbookErrors(t *testing.T) {
	good, _ := bakery(t)
	bad := good.Clone()
	bad.Info.Months = 0
	cases := []struct {
		name string
		p    plan.Plan
		o    report.Options
		is   func(error) bool
	}{
		{"invalid plan", bad, report.Options{}, func(err error) bool { var l plan.ErrorList; return errors.As(err, &l) }},
		{"unknown scenario", good, report.Options{Scenario: "nope"}, func(err error) bool { return errors.Is(err, report.ErrUnknownScenario) }},
		{"unknown language", good, report.Options{Lang: "de"}, func(err error) bool { return errors.Is(err, report.ErrLanguage) }},
	}
	for _, c := range cases {
		data, err := report.Workbook(c.p, report.WorkbookOptions{Options: c.o})
		if err == nil || !c.is(err) || data != nil {
			t.Errorf("%s: %v, %d bytes", c.name, err, len(data))
		}
	}
}

// TestWorkbookDeterministic: the same plan, options and date give the
// same bytes.
func TestWorkbookDeterministic(t *testing.T) {
	p, text := bakery(t)
	o := report.WorkbookOptions{Options: report.Options{Date: wbDate}, PlanText: text}
	a, err := report.Workbook(p, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := report.Workbook(p, o)
	if !bytes.HasPrefix(a, []byte("PK")) || !bytes.Equal(a, b) {
		t.Error("two workbooks of the same plan differ (or are no zip)")
	}
}

// TestWorkbookOddText: names with characters XML cannot hold, emoji and
// very long text still give a workbook that opens.
func TestWorkbookOddText(t *testing.T) {
	p, _ := bakery(t)
	p.Channels[0].Name = "Pain \x01\x7f 🥐 au levain\u202f\ufffe"
	f := openWorkbook(t, p, report.WorkbookOptions{})
	ch := readGrid(t, f, "Canaux")
	ch.row(t, "Pain  🥐 au levain\u202f")
}

// BenchmarkWorkbookBakery measures the bakery example's workbook (the
// simulation of every scenario, the Monte Carlo chances, the sheets).
func BenchmarkWorkbookBakery(b *testing.B) {
	p, text := bakery(b)
	benchWorkbook(b, p, text)
}

// BenchmarkWorkbook200x60 measures the workbook of a 200-channel plan
// over 60 months (largePlan: every kind, ranges, three scenarios).
func BenchmarkWorkbook200x60(b *testing.B) {
	benchWorkbook(b, largePlan(b, 200, 60), report.LargePlanText(200, 60))
}

// benchWorkbook measures the workbook of p (its file text), with its size
// and the CPU time per workbook.
func benchWorkbook(b *testing.B, p plan.Plan, text []byte) {
	b.ReportAllocs()
	var size int
	cpu := cpuTime()
	for b.Loop() {
		data, err := report.Workbook(p, report.WorkbookOptions{Options: report.Options{Date: wbDate}, PlanText: text})
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "bytes/xlsx")
	b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/op")
}

// TestWorkbookEveryPlan: every example plan (b2c and b2b, with and
// without ranges, scenarios or actuals) and the stress plan give, in both
// languages and with every scenario shown, a workbook that opens with its
// seven sheets, each with a frozen header.
func TestWorkbookEveryPlan(t *testing.T) {
	plans := map[string]plan.Plan{}
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		plans[name] = p
	}
	plans["stress"] = stressPlan(t)
	for name, p := range plans {
		for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
			f := openWorkbook(t, p, report.WorkbookOptions{Options: report.Options{Lang: lang, Scenario: "all"}})
			sheets := f.GetSheetList()
			if len(sheets) != 7 {
				t.Errorf("%s %s: sheets %q", name, lang, sheets)
			}
			for _, sh := range sheets {
				if pn, err := f.GetPanes(sh); err != nil || !pn.Freeze {
					t.Errorf("%s %s %s: header not frozen", name, lang, sh)
				}
			}
			if p.Business.Model == plan.B2B {
				as := readGrid(t, f, sheets[6])
				as.row(t, display.Label("lead_to_mql", lang)) // the b2b funnel is an assumption
			}
		}
	}
}

// cpuTime is the CPU time the process has used (user and system, every
// thread): on a machine shared with other work, the benchmarks report it
// beside the wall time, which the others' load stretches.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
