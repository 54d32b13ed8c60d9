package plan

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ActualsFile is one file given to ReadActualsFiles: its name (for the
// errors, and its extension: ".xlsx" is read as a workbook whatever its
// bytes, any other name by its content) and its bytes.
type ActualsFile struct {
	Name string
	Data []byte
}

// ActualsImport is what ReadActualsFiles read.
type ActualsImport struct {
	// Rows are the actuals, one per channel and plan month, summed across
	// the files and the campaigns, in the order each channel and month
	// first appears (files in the order given, rows in file order). Nil
	// when anything was wrong.
	Rows []Actual
	// Files says, per file and in the order given, what it brought.
	Files []ImportedFile
	// Unplaced are the campaigns that matched no channel and no
	// ignore_campaigns pattern, or several channels (each also an error),
	// in file then line order: the app offers a channel to pick for each.
	Unplaced []UnplacedCampaign
}

// ImportedFile is what one file of an import brought.
type ImportedFile struct {
	Name string
	// Source is the kind of file: "google-ads", "meta", "mailchimp" (a
	// report of assets/actuals_columns.toml's [[reports]]) or
	// "campaignsim" (the actuals CSV of FORMAT.md).
	Source string
	// Language is the interface language of a report's headers, "en" or
	// "fr" ("" for the CampaignSim CSV).
	Language string
	// Months are the plan months the file has rows for, ascending.
	Months []int
	// Campaigns maps a channel id to the names of the file's campaigns
	// placed in it (as written in the file, sorted, each once).
	Campaigns map[string][]string
	// Ignored are the campaigns left out by [tracking] ignore_campaigns,
	// sorted, each once.
	Ignored []string
	// Currency is the ISO code the report states for its amounts (a
	// header such as "Amount spent (EUR)" or a currency column); "" when
	// it states none.
	Currency string
	// SpendUnknown says that the file has no cost column (Mailchimp):
	// its rows' spend is unknown, not 0.
	SpendUnknown bool
}

// UnplacedCampaign is a campaign of a report that ReadActualsFiles could
// not place in one channel.
type UnplacedCampaign struct {
	File     string
	Line     int    // the first row of the campaign
	Campaign string // as written in the file
	// Channels are the ids of the channels it matches when more than one;
	// empty when it matches none.
	Channels []string
	// Suggest is the channel the error suggests (the first channel whose
	// kind fits the report's tool), "" when the plan has no channel.
	Suggest string
}

// MaxActualsFiles is the most files one ReadActualsFiles call reads.
const MaxActualsFiles = 20

// ReportSource is one tool's report layout: the [[reports]] of
// assets/actuals_columns.toml, whose comment describes every field.
type ReportSource struct {
	ID   string `toml:"id"`   // "google-ads", "meta", "mailchimp"
	Name string `toml:"name"` // the tool's name, for people
	// Totals are prefixes of a row's campaign cell or first cell that mark
	// a totals row ("Total: Account", "Total : campagnes").
	Totals []string
	// PurchaseWords and LeadWords classify a Meta result indicator.
	PurchaseWords []string `toml:"purchase_words"`
	LeadWords     []string `toml:"lead_words"`
	// EN and FR map each role (campaign, month, week, day, month_end,
	// spend, exposures, interactions, opens, conversions, customers,
	// results, result_indicator, revenue, currency) to the headers that
	// stand for it in that interface language, in order of preference.
	EN map[string][]string `toml:"en"`
	FR map[string][]string `toml:"fr"`
}

// reportRoles are the roles a report's columns may have.
var reportRoles = []string{"campaign", "month", "week", "day", "month_end", "spend", "exposures",
	"interactions", "opens", "conversions", "customers", "results", "result_indicator", "revenue", "currency"}

// figureRoles are the roles holding figures (a row whose figures are all
// zero or empty is skipped).
var figureRoles = []string{"spend", "exposures", "interactions", "opens", "conversions", "customers", "results", "revenue"}

// ReportSources returns the report layouts of assets/actuals_columns.toml
// ([[reports]]), in file order; the error is ActualsSources' (the
// embedded file is checked by the tests).
func ReportSources() ([]ReportSource, error) {
	_, err := ActualsSources()
	return reports, err
}

// reportMatch is a header recognised as a report's.
type reportMatch struct {
	src      *ReportSource
	lang     string
	col      map[string]int // role → 0-based column, only for the roles found
	currency string         // from a header "… (EUR)", "" if none
	curCol   int            // that header's column
	score    int
}

// headerCurrency splits a header "Amount spent (EUR)" into "amount
// spent" (lower case, trimmed) and "EUR"; a header without a three-letter
// upper-case code in parentheses at its end comes back whole.
func headerCurrency(h string) (string, string) {
	h = strings.TrimSpace(h)
	if n := len(h); n >= 6 && h[n-1] == ')' && h[n-5] == '(' {
		code := h[n-4 : n-1]
		if code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' && code[2] >= 'A' && code[2] <= 'Z' {
			return headerKey(h[:n-5]), code
		}
	}
	return headerKey(h), ""
}

// detectReport returns the report layout header matches best: the one
// with the most roles found, among those with a campaign column and one
// figure at least (ties go to the earlier source, then English).
func detectReport(header []string) (reportMatch, bool) {
	srcs, _ := ReportSources()
	keys := make([]string, len(header))
	curs := make([]string, len(header))
	for i, h := range header {
		keys[i], curs[i] = headerCurrency(h)
	}
	var best reportMatch
	for si := range srcs {
		s := &srcs[si]
		for _, lang := range []string{"en", "fr"} {
			cols := s.EN
			if lang == "fr" {
				cols = s.FR
			}
			m := reportMatch{src: s, lang: lang, col: map[string]int{}, curCol: -1}
			for _, role := range reportRoles {
			aliases:
				for _, alias := range cols[role] {
					k := headerKey(alias)
					for i, h := range keys {
						if h == k {
							m.col[role] = i
							if curs[i] != "" && m.currency == "" {
								m.currency, m.curCol = curs[i], i
							}
							break aliases
						}
					}
				}
			}
			m.score = len(m.col)
			if _, ok := m.col["campaign"]; !ok || m.score < 2 || m.score <= best.score {
				continue
			}
			best = m
		}
	}
	return best, best.src != nil
}

// aboveLine is a line above a report's header, with its line number.
type aboveLine struct {
	line  int
	cells []string
}

// reportTable is a report as rows of text cells, from CSV or a workbook.
type reportTable struct {
	above      []aboveLine // the non-blank lines above the header (title, date range)
	header     []string
	headerLine int
	// each calls fn for every row below the header with its line (CSV) or
	// row number (workbook) and its cells (valid during the call).
	each func(fn func(line int, cells []string))
	xlsx bool // cells are a workbook's raw values: numbers as "1234.5", dates as serial numbers
	// dec is the decimal separator the rows' numbers show (decimalEvidence),
	// 0 when they do not tell: the language's is used.
	dec byte
}

// decimalEvidence returns the decimal separator the numbers of text show:
// a "," or "." between digits that is not followed by exactly three digits
// ("0,41", "1.51%", "4 934,20") can only be a decimal separator. The one
// seen more often wins; 0 when neither is seen or both as often (then the
// interface language decides). A separator sep outside double quotes
// separates cells and is not looked at. One pass over the text.
func decimalEvidence(text []byte, sep byte) byte {
	comma, dot := 0, 0
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	in := false
	for i := 0; i+1 < len(text); i++ {
		c := text[i]
		if c == '"' {
			in = !in
			continue
		}
		if c == sep && !in || (c != ',' && c != '.') || i == 0 || !digit(text[i-1]) || !digit(text[i+1]) {
			continue
		}
		n := 0
		for j := i + 1; j < len(text) && digit(text[j]); j++ {
			n++
		}
		if n == 3 {
			continue
		}
		if c == ',' {
			comma++
		} else {
			dot++
		}
	}
	switch {
	case comma > dot:
		return ','
	case dot > comma:
		return '.'
	}
	return 0
}

// ReadActualsFiles reads the actuals of plan p from files — the actuals
// CSV of FORMAT.md and the reports people download from Google Ads (CSV,
// "CSV (Excel)" UTF-16 tab separated, .xlsx; English or French
// interface), Meta Ads Manager (CSV, .xlsx) and Mailchimp (campaign
// export) — and returns them summed per channel and plan month, with
// what each file brought. It is the one entry point of the imports: the
// CLI's repeated --actuals and the app's import call it.
//
// A report is recognised by its header (assets/actuals_columns.toml's
// [[reports]], which also documents the columns read); the lines above
// it (title, date range) are read for the period; totals rows ("Total:
// Account", "Total : campagnes"), rows without a campaign name (Meta's
// account summary) and rows whose figures are all zero or empty (paused
// campaigns) are skipped; " --" is an empty cell; numbers are read the
// way the file writes them ("795,836" and "1,234.56" in English, "795 836"
// and "1 234,56" in French, with U+0020, U+00A0 or U+202F between
// thousands; a currency sign is dropped): the decimal separator is the one
// the file's numbers show ("0,41" can only have a decimal comma), else the
// interface language's. Anything else is
// read by ParseActualsCSV (the CampaignSim format), as before.
//
// Campaigns go to the channel whose id or name they are, whose "[id]"
// they start with, or one of whose `campaigns` patterns they match
// (MatchCampaign); those matching a [tracking] ignore_campaigns pattern
// are left out (ignoring wins over a channel). Periods: a time segment
// column (month, week or day: see actuals_columns.toml) gives each row's
// plan month (MonthOf; a calendar month is read as its 15th); without
// one, the date range above the header must lie inside one plan month or
// be one calendar month. Conversions are customers in b2c and leads in
// b2b; a Meta result counts as customers when its indicator names a
// purchase, as leads when it names a lead, and not at all otherwise.
// Rows of one channel and month add up, across campaigns and files; a
// figure a row does not know (no such column) stays unknown unless
// another row gives it; Spend of a file without a cost column is unknown
// (Actual.SpendUnknown), and stays so only when every row summed is.
//
// Errors: every problem of every file is collected in one ErrorList
// (File = the file's name, Line = the row's line in a CSV or its row in a
// workbook, 0 for the whole file; Path = the column's header), each
// saying what to do: a campaign that matches no channel (naming the
// `campaigns` line that would take it), one that matches two channels, a
// currency other than the plan's (naming both; nothing is converted), a
// period over two plan months or an "All time" report (download it split
// by month), bad numbers and dates. When anything is wrong, Rows is nil —
// nothing is imported — but Files and Unplaced are filled, so that the
// app can offer a channel for each unplaced campaign.
//
// Limits: MaxActualsFiles files; each file MaxFileSize bytes and the CSV
// limits of ParseActualsCSV (rows, columns, cell lengths); a workbook at
// most MaxXLSXUnpacked bytes unpacked, MaxXLSXSheets sheets, read from
// its first sheet. Time and memory are linear in the files' sizes.
func ReadActualsFiles(files []ActualsFile, p Plan) (ActualsImport, error) {
	var out ActualsImport
	var all ErrorList
	if len(files) > MaxActualsFiles {
		return out, ErrorList{{Msg: msgf(msgReportTooManyFiles, len(files), MaxActualsFiles)}}
	}
	acc := newActualsSum(p)
	for _, f := range files {
		errs := &csvErrors{file: f.Name}
		info, unplaced := readOneFile(errs, f, p, acc)
		out.Files = append(out.Files, info)
		out.Unplaced = append(out.Unplaced, unplaced...)
		all = append(all, errs.result()...)
	}
	if len(all) > 0 {
		return out, all
	}
	out.Rows = acc.rows()
	return out, nil
}

// isReportFile reports whether data is a workbook or CSV text whose header
// (among its first 30 lines) is a report's: what ReadActualsFiles reads
// with the report rules rather than as the CampaignSim format.
func isReportFile(data []byte) bool {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return true
	}
	text, ok := csvText(&csvErrors{}, data)
	if !ok {
		return false
	}
	_, isReport, _ := csvReportTable(&csvErrors{}, text)
	return isReport
}

// readOneFile reads one file into acc (only when the whole file is good).
func readOneFile(errs *csvErrors, f ActualsFile, p Plan, acc *actualsSum) (ImportedFile, []UnplacedCampaign) {
	info := ImportedFile{Name: f.Name}
	var tbl reportTable
	isXLSX := strings.HasSuffix(strings.ToLower(f.Name), ".xlsx") || bytes.HasPrefix(f.Data, []byte("PK\x03\x04"))
	if isXLSX {
		t, ok := xlsxTable(errs, f.Data)
		if !ok {
			return info, nil
		}
		tbl = t
	} else {
		text, ok := csvText(errs, f.Data)
		if !ok {
			return info, nil
		}
		t, isReport, ok := csvReportTable(errs, text)
		if !ok {
			return info, nil
		}
		if !isReport {
			info.Source = "campaignsim"
			rows, err := parseCampaignSimCSV(f.Name, f.Data, p)
			if err != nil {
				if el, isList := err.(ErrorList); isList {
					for _, e := range el {
						errs.list = append(errs.list, e)
					}
				} else {
					errs.add(0, "", "%v", err)
				}
				return info, nil
			}
			months := map[int]bool{}
			for _, a := range rows {
				acc.add(a)
				months[a.Month] = true
			}
			info.Months = sortedMonths(months)
			return info, nil
		}
		tbl = t
	}
	m, ok := detectReport(tbl.header)
	if !ok {
		// a workbook whose header is not a report's
		errs.add(tbl.headerLine, "", msgCSVUnknownCol, csvExcerpt(strings.Join(tbl.header, ", ")), msgf(msgReportColumns))
		return info, nil
	}
	r := newReportReader(errs, m, tbl, p)
	info.Source, info.Language = m.src.ID, m.lang
	rows, unplaced := r.read()
	info.Currency = r.currency
	info.SpendUnknown = r.spendUnknown
	info.Campaigns, info.Ignored = r.placed, r.ignoredList()
	if errs.any() {
		return info, unplaced
	}
	months := map[int]bool{}
	for _, a := range rows {
		acc.add(a)
		months[a.Month] = true
	}
	info.Months = sortedMonths(months)
	return info, unplaced
}

func sortedMonths(set map[int]bool) []int {
	out := make([]int, 0, len(set))
	for m := range set {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}

// csvReportTable finds a report's header in CSV text; isReport is false
// when the text is not a report (then the caller reads it as the
// CampaignSim format). ok is false when the file cannot be read at all.
func csvReportTable(errs *csvErrors, text []byte) (t reportTable, isReport, ok bool) {
	found := false
	f, ok := openCSV(text, &csvErrors{}, strings.Join(ActualsColumns, ","), func(cells []string) bool {
		_, found = detectReport(cells)
		if found {
			return true
		}
		_, cs := detectSource(cells)
		return cs
	})
	if !ok || !found {
		return t, false, true
	}
	_, found = detectReport(f.header)
	if !found {
		return t, false, true
	}
	t.header, t.headerLine = f.header, f.headerLine
	t.dec = decimalEvidence(text[f.sc.off:], byte(f.sep))
	// the lines above the header
	sc := newCSVScanner(text, 0, 1, byte(f.sep))
	for {
		line, cells, _, serr, more := sc.next()
		if !more || line >= f.headerLine {
			break
		}
		if serr != nil {
			continue
		}
		row := make([]string, len(cells))
		for i, c := range cells {
			row[i] = strings.TrimSpace(c.text)
		}
		t.above = append(t.above, aboveLine{line, row})
	}
	strs := make([]string, 0, len(f.header))
	t.each = func(fn func(line int, cells []string)) {
		f.each(errs, func(row csvRow) {
			strs = strs[:0]
			for _, c := range row.cells {
				strs = append(strs, c.text)
			}
			fn(row.line, strs)
		})
	}
	return t, true, true
}

// reportReader reads the rows of one report.
type reportReader struct {
	errs *csvErrors
	m    reportMatch
	t    reportTable
	p    Plan
	cm   campaignMatcher
	dec  byte // the decimal separator of the report's language

	currency     string
	spendUnknown bool
	rangeMonth   int // the plan month of the report's date range (no time column), 0 if none

	// campaigns seen: name → what it matched (cached: a daily report
	// repeats each campaign 365 times)
	seen     map[string]campaignPlace
	placed   map[string][]string // channel id → campaign names
	ignored  map[string]bool
	unplaced []UnplacedCampaign
	wide     map[[2]Date]bool // periods over two plan months, reported
}

type campaignPlace struct {
	ch      int // channel index; -1 none, -2 several
	ignored bool
}

func newReportReader(errs *csvErrors, m reportMatch, t reportTable, p Plan) *reportReader {
	r := &reportReader{errs: errs, m: m, t: t, p: p, cm: newCampaignMatcher(p), dec: '.',
		seen: map[string]campaignPlace{}, placed: map[string][]string{}, ignored: map[string]bool{}, wide: map[[2]Date]bool{}}
	if m.lang == "fr" {
		r.dec = ','
	}
	if t.dec != 0 {
		r.dec = t.dec
	}
	return r
}

func (r *reportReader) ignoredList() []string {
	out := make([]string, 0, len(r.ignored))
	for n := range r.ignored {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// head returns the header of role's column ("" when absent).
func (r *reportReader) head(role string) string {
	if i, ok := r.m.col[role]; ok {
		return r.t.header[i]
	}
	return ""
}

// periodRole returns the finest time segment column found ("" for none).
func (r *reportReader) periodRole() string {
	for _, role := range []string{"day", "week", "month"} {
		if _, ok := r.m.col[role]; ok {
			return role
		}
	}
	return ""
}

// read reads every row; it returns the rows (one per channel and month)
// and the unplaced campaigns. Errors go to r.errs.
func (r *reportReader) read() ([]Actual, []UnplacedCampaign) {
	p := r.p
	hl := r.t.headerLine
	hasFigure := false
	for _, role := range figureRoles {
		if _, ok := r.m.col[role]; ok {
			hasFigure = true
		}
	}
	if !hasFigure {
		var names []string
		for _, role := range figureRoles {
			names = append(names, r.aliases(role)...)
		}
		r.errs.add(hl, r.head("campaign"), msgReportNoFigure, csvExcerpt(r.head("campaign")), strings.Join(names, ", "))
		return nil, nil
	}
	// currency in a header
	planCur := p.Info.Currency
	if planCur == "" {
		planCur = "EUR" // the default of [plan] currency
	}
	if r.m.currency != "" {
		r.currency = r.m.currency
		if !strings.EqualFold(r.m.currency, planCur) {
			h := r.t.header[r.m.curCol]
			r.errs.add(hl, h, msgReportCurrencyHead, csvExcerpt(h), r.m.currency, planCur, planCur, r.m.currency)
		}
	}
	_, hasSpend := r.m.col["spend"]
	r.spendUnknown = !hasSpend
	period := r.periodRole()
	if period == "" {
		r.rangeMonth = r.fileRange()
		if r.rangeMonth == 0 {
			return nil, nil
		}
	}
	sum := newActualsSum(p)
	currencyBad := map[string]bool{}
	b2b := p.Business.Model == B2B
	ci := r.m.col
	idx := func(role string) int {
		if i, ok := ci[role]; ok {
			return i
		}
		return -1
	}
	iCamp, iPeriod, iEnd, iCur, iInd := idx("campaign"), idx(period), idx("month_end"), idx("currency"), idx("result_indicator")
	type fig struct {
		role string
		i    int
	}
	var figs []fig
	for _, role := range figureRoles {
		if i := idx(role); i >= 0 {
			figs = append(figs, fig{role, i})
		}
	}
	cellAt := func(cells []string, i int) string {
		if i < 0 || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}
	vals := make(map[string]decimal.NullDecimal, len(figs))
	kept := 0 // rows that are not totals, summaries or all zero
	r.t.each(func(line int, cells []string) {
		camp := cellAt(cells, iCamp)
		first := cellAt(cells, 0)
		for _, pre := range r.m.src.Totals {
			if strings.HasPrefix(camp, pre) || strings.HasPrefix(first, pre) {
				return
			}
		}
		if camp == "" || camp == "--" {
			return // an account summary
		}
		// figures
		bad, any := false, false
		for _, f := range figs {
			v, ok := r.number(line, r.t.header[f.i], cellAt(cells, f.i))
			if !ok {
				bad = true
				continue
			}
			vals[f.role] = v
			if v.Valid && !v.Decimal.IsZero() {
				any = true
			}
		}
		if bad || !any {
			return // reported, or all zero: a paused campaign
		}
		kept++
		// currency column
		if iCur >= 0 {
			cur := cellAt(cells, iCur)
			if cur != "" && cur != "--" {
				if r.currency == "" {
					r.currency = strings.ToUpper(cur)
				}
				if !strings.EqualFold(cur, planCur) && !currencyBad[cur] {
					currencyBad[cur] = true
					h := r.t.header[iCur]
					r.errs.add(line, h, msgReportCurrencyCell, csvExcerpt(h), csvExcerpt(cur), planCur, planCur, csvExcerpt(cur))
				}
			}
		}
		// period
		month := r.rangeMonth
		if period != "" {
			month = r.rowMonth(line, period, cellAt(cells, iPeriod), iEnd, cellAt(cells, iEnd))
			if month == 0 {
				return
			}
		}
		// campaign → channel
		place, seen := r.seen[camp]
		if !seen {
			place = r.place(line, camp)
			r.seen[camp] = place
		}
		if place.ignored || place.ch < 0 {
			return
		}
		a := Actual{Channel: p.Channels[place.ch].ID, Month: month, SpendUnknown: !hasSpend}
		get := func(role string) (decimal.NullDecimal, bool) {
			v, ok := vals[role]
			if _, has := ci[role]; !has {
				return decimal.NullDecimal{}, false
			}
			return v, ok
		}
		if v, ok := get("spend"); ok && v.Valid {
			a.Spend = v.Decimal
		}
		if v, ok := get("exposures"); ok {
			a.Exposures = zeroIfBlank(v)
		}
		if v, ok := get("interactions"); ok {
			a.Interactions = zeroIfBlank(v)
		}
		if v, ok := get("opens"); ok {
			a.Opens = zeroIfBlank(v)
		}
		if v, ok := get("revenue"); ok && v.Valid {
			a.Revenue = v.Decimal
		}
		if v, ok := get("customers"); ok && v.Valid {
			a.Customers = a.Customers.Add(v.Decimal)
		}
		if v, ok := get("conversions"); ok && v.Valid {
			if b2b {
				a.Leads = addNull(a.Leads, v)
			} else {
				a.Customers = a.Customers.Add(v.Decimal)
			}
		}
		if v, ok := get("results"); ok && v.Valid {
			switch r.resultKind(cellAt(cells, iInd)) {
			case "purchase":
				a.Customers = a.Customers.Add(v.Decimal)
			case "lead":
				a.Leads = addNull(a.Leads, v)
			}
		}
		sum.add(a)
	})
	if kept == 0 && !r.errs.any() {
		r.errs.add(hl, "", msgReportNothing)
	}
	if r.errs.any() {
		return nil, r.unplaced
	}
	return sum.rows(), r.unplaced
}

// aliases returns the headers of role in the report's language.
func (r *reportReader) aliases(role string) []string {
	if r.m.lang == "fr" {
		return r.m.src.FR[role]
	}
	return r.m.src.EN[role]
}

// resultKind classifies a Meta result indicator: "purchase", "lead" or "".
func (r *reportReader) resultKind(ind string) string {
	ind = strings.ToLower(ind)
	for _, w := range r.m.src.PurchaseWords {
		if strings.Contains(ind, w) {
			return "purchase"
		}
	}
	for _, w := range r.m.src.LeadWords {
		if strings.Contains(ind, w) {
			return "lead"
		}
	}
	return ""
}

// place matches a campaign seen for the first time, reporting it when it
// goes to no channel or to several.
func (r *reportReader) place(line int, camp string) campaignPlace {
	chans, ignored := r.cm.match(camp)
	head := r.head("campaign")
	switch {
	case ignored:
		r.ignored[camp] = true
		return campaignPlace{ch: -1, ignored: true}
	case len(chans) == 0:
		id := r.cm.suggestChannel(r.m.src.ID)
		r.unplaced = append(r.unplaced, UnplacedCampaign{File: r.errs.file, Line: line, Campaign: camp, Suggest: id})
		pat := suggestedPattern(camp)
		r.errs.add(line, head, msgReportNoCampaign, csvExcerpt(camp), r.cm.campaignsLine(id, pat), id, id, tomlQuote(pat))
		return campaignPlace{ch: -1}
	case len(chans) > 1:
		ids := make([]string, len(chans))
		quoted := make([]string, len(chans))
		for i, c := range chans {
			ids[i] = r.p.Channels[c].ID
			quoted[i] = strconv.Quote(ids[i])
		}
		r.unplaced = append(r.unplaced, UnplacedCampaign{File: r.errs.file, Line: line, Campaign: camp, Channels: ids, Suggest: ids[0]})
		r.errs.add(line, head, msgReportTwoChannels, csvExcerpt(camp), msgf(msgReportAnd, strings.Join(quoted[:len(quoted)-1], ", "), quoted[len(quoted)-1]))
		return campaignPlace{ch: -2}
	}
	id := r.p.Channels[chans[0]].ID
	names := r.placed[id]
	if !slices.Contains(names, camp) {
		names = append(names, camp)
		slices.Sort(names)
		r.placed[id] = names
	}
	return campaignPlace{ch: chans[0]}
}

// suggestedPattern is the pattern an error suggests for a campaign: its
// name as csvExcerpt quotes it, or, when that is cut, its first
// characters then "*" (a pattern that matches it).
func suggestedPattern(camp string) string {
	ex := csvExcerpt(camp)
	if cut, ok := strings.CutSuffix(ex, "…"); ok {
		return cut + "*"
	}
	return ex
}

// number reads a figure cell (0..10^12; "", "--" are blank).
func (r *reportReader) number(line int, col, cell string) (decimal.NullDecimal, bool) {
	if n := utf8.RuneCountInString(cell); n > MaxCSVNumber {
		r.errs.add(line, col, msgCSVNumLong, csvExcerpt(col), csvExcerpt(cell), n, MaxCSVNumber)
		return decimal.NullDecimal{}, false
	}
	d, k := reportNumber(cell, r.dec, r.t.xlsx)
	switch k {
	case cellBlank:
		return decimal.NullDecimal{}, true
	case cellBad:
		ex := "1,234.56"
		if r.dec == ',' {
			ex = "1 234,56"
		}
		r.errs.add(line, col, msgReportNumber, csvExcerpt(col), csvExcerpt(cell), ex)
		return decimal.NullDecimal{}, false
	}
	if d.Sign() < 0 {
		r.errs.add(line, col, msgCSVNegative, csvExcerpt(col), d.String())
		return decimal.NullDecimal{}, false
	}
	if d.NumDigits()+int(d.Exponent()) > 12 && d.GreaterThan(maxImport) {
		r.errs.add(line, col, msgCSVTooBig, csvExcerpt(col), d.String())
		return decimal.NullDecimal{}, false
	}
	return decimal.NullDecimal{Decimal: d, Valid: true}, true
}

// reportNumber reads a report's figure written with the decimal separator
// dec ('.' in English, ',' in French): spaces (U+0020, U+00A0, U+202F,
// U+2009) and a currency sign (€ $ £) are dropped; the other separator
// stands between groups of three digits only ("795,836", "1,234.56";
// "1.234,56"). When both "," and "." appear, the later one is the decimal
// separator whatever the language; in French a lone "." is a decimal
// point too (a value typed by hand). raw says the cell is a workbook's stored value
// (a plain "1234.5" whatever the language). "", "-" and "--" are blank.
//
//	reportNumber("795,836", '.', false)   → 795836
//	reportNumber("1 234,56", ',', false)  → 1234.56
//	reportNumber("12,5", '.', false)      → bad
func reportNumber(s string, dec byte, raw bool) (decimal.Decimal, cellKind) {
	d, t, kind, done := numberCell(s)
	if done {
		return d, kind
	}
	th := byte(',')
	if dec == ',' {
		th = '.'
	}
	lastC, lastD := strings.LastIndexByte(t, ','), strings.LastIndexByte(t, '.')
	switch {
	case lastC >= 0 && lastD >= 0:
		// both: the later one is the decimal separator, whatever the
		// language ("1,210.40" in a French report set to English numbers)
		dec, th = ',', '.'
		if lastD > lastC {
			dec, th = '.', ','
		}
	case dec == ',' && lastD >= 0 && strings.Count(t, ".") == 1:
		dec, th = '.', ',' // "12.50" typed in a French report
	}
	if strings.IndexByte(t, th) >= 0 {
		end := strings.IndexByte(t, dec)
		if !grouped(t, th, end) {
			return decimal.Decimal{}, cellBad
		}
		t = strings.ReplaceAll(t, string(th), "")
	}
	if strings.Count(t, string(dec)) > 1 {
		return decimal.Decimal{}, cellBad
	}
	t = strings.Replace(t, string(dec), ".", 1)
	if !plainNumber(t) {
		return decimal.Decimal{}, cellBad
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, cellBad
	}
	return d, cellNumber
}

// zeroIfBlank turns a report's empty cell (" --") into 0: the report has
// the column, so the figure is known.
func zeroIfBlank(v decimal.NullDecimal) decimal.NullDecimal {
	if !v.Valid {
		return decimal.NullDecimal{Decimal: decimal.Zero, Valid: true}
	}
	return v
}

func addNull(x, y decimal.NullDecimal) decimal.NullDecimal {
	switch {
	case !y.Valid:
		return x
	case !x.Valid:
		return y
	}
	return decimal.NullDecimal{Decimal: x.Decimal.Add(y.Decimal), Valid: true}
}

// cellDate reads a date cell: text as parseReportDate reads it, or in a
// workbook a serial day number (1900 date system).
func (r *reportReader) cellDate(cell string) (Date, bool) {
	if r.t.xlsx && plainNumber(cell) {
		if f, err := strconv.ParseFloat(cell, 64); err == nil && f >= 1 && f < 2958466 {
			// Excel's day 1 is 1900-01-01, and it counts a 29 February
			// 1900 that never was: from day 61 on, day n is 1899-12-30 + n.
			if f >= 61 {
				t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
				return DateOf(t), true
			}
		}
		return Date{}, false
	}
	return parseReportDate(cell, ',')
}

// rowMonth returns the plan month of a row's period cell (0 when
// reported): a calendar month is read as its 15th, a week as its 4th day,
// a day as itself; with an end cell (Meta), start and end must be in one
// plan month unless they span one calendar month.
func (r *reportReader) rowMonth(line int, role, cell string, iEnd int, end string) int {
	p := r.p
	head := r.head(role)
	d, ok := r.cellDate(cell)
	if !ok {
		r.errs.add(line, head, msgCSVNotDate, csvExcerpt(head), csvExcerpt(cell))
		return 0
	}
	switch role {
	case "month":
		d = NewDate(d.Year, d.Month, 15)
	case "week":
		d = DateOf(d.Time().AddDate(0, 0, 3))
	}
	if iEnd >= 0 && end != "" {
		e, ok := r.cellDate(end)
		eh := r.head("month_end")
		if !ok {
			r.errs.add(line, eh, msgCSVNotDate, csvExcerpt(eh), csvExcerpt(end))
			return 0
		}
		if m, ok := r.rangeMonthOf(d, e); ok {
			return m
		}
		if planMonth(p.Info.Start, d) != planMonth(p.Info.Start, e) || e.Time().Before(d.Time()) {
			// once per period: an "All time" export has it on every row
			if k := [2]Date{d, e}; !r.wide[k] {
				r.wide[k] = true
				r.errs.add(line, head, msgReportRowWide, csvExcerpt(head), csvExcerpt(eh), d, e)
			}
			return 0
		}
	}
	m := planMonth(p.Info.Start, d)
	if m < 1 || m > p.Info.Months {
		r.errs.add(line, head, msgCSVOutside, csvExcerpt(head), csvExcerpt(cell), p.Info.Start, End(p.Info.Start, p.Info.Months))
		return 0
	}
	return m
}

// rangeMonthOf returns the plan month of the period from..to when it is
// one whole calendar month (read as its 15th) or lies inside one plan
// month; ok is false otherwise (and for a period outside the plan, which
// the caller reports).
func (r *reportReader) rangeMonthOf(from, to Date) (int, bool) {
	p := r.p
	if to.Time().Before(from.Time()) {
		return 0, false
	}
	if from.Day == 1 && to.Year == from.Year && to.Month == from.Month && to.Time().AddDate(0, 0, 1).Day() == 1 {
		m := planMonth(p.Info.Start, NewDate(from.Year, from.Month, 15))
		return m, m >= 1 && m <= p.Info.Months
	}
	m := planMonth(p.Info.Start, from)
	if m >= 1 && m <= p.Info.Months && planMonth(p.Info.Start, to) == m {
		return m, true
	}
	return 0, false
}

// oneMonth returns the plan month number (possibly outside 1..months) of
// a period that is one calendar month or lies in one plan month; 0 when
// it spans more.
func (r *reportReader) oneMonth(from, to Date) int {
	st := r.p.Info.Start
	if to.Time().Before(from.Time()) {
		return 0
	}
	if from.Day == 1 && to.Year == from.Year && to.Month == from.Month && to.Time().AddDate(0, 0, 1).Day() == 1 {
		if m := planMonth(st, NewDate(from.Year, from.Month, 15)); m != 0 {
			return m
		}
		return -1
	}
	if m := planMonth(st, from); m == planMonth(st, to) {
		if m == 0 {
			return -1
		}
		return m
	}
	return 0
}

// fileRange returns the plan month of the report's date range (the lines
// above its header: "September 1, 2027 - September 30, 2027", "1 oct.
// 2027 - 31 oct. 2027"), reporting why there is none (0).
func (r *reportReader) fileRange() int {
	var periods []string
	for _, role := range []string{"month", "week", "day"} {
		periods = append(periods, r.aliases(role)...)
	}
	for _, l := range r.t.above {
		text := strings.TrimSpace(strings.Join(l.cells, " "))
		from, to, ok := splitRange(text)
		if !ok {
			continue
		}
		if m, ok := r.rangeMonthOf(from, to); ok {
			return m
		}
		if m := r.oneMonth(from, to); m != 0 {
			r.errs.add(l.line, "", msgReportRangeOut, csvExcerpt(text), r.p.Info.Start, End(r.p.Info.Start, r.p.Info.Months))
			return 0
		}
		r.errs.add(l.line, "", msgReportRangeWide, csvExcerpt(text), r.p.Info.Start, r.p.Info.Start.Day)
		return 0
	}
	// no range: a line below the title ("All time", "Toute la période")
	// is the period the report was downloaded for; else there is none
	for i, l := range r.t.above {
		if text := strings.TrimSpace(strings.Join(l.cells, " ")); text != "" && i > 0 {
			r.errs.add(l.line, "", msgReportRangeWide, csvExcerpt(text), r.p.Info.Start, r.p.Info.Start.Day)
			return 0
		}
	}
	r.errs.add(r.t.headerLine, "", msgReportNoPeriod, strings.Join(periods, ", "))
	return 0
}

// splitRange reads a report's date range "A - B" (also with an en or em
// dash, or "au"/"to" between), each side a date parseReportDate reads.
func splitRange(s string) (Date, Date, bool) {
	s = strings.Trim(s, "\" ")
	for _, sep := range []string{" - ", " – ", " — ", " au ", " to ", " à "} {
		if i := strings.Index(s, sep); i > 0 {
			a, okA := parseReportDate(s[:i], ',')
			b, okB := parseReportDate(s[i+len(sep):], ',')
			if okA && okB {
				return a, b, true
			}
		}
	}
	return Date{}, Date{}, false
}

// actualsSum adds up actuals per channel and month.
type actualsSum struct {
	p   Plan
	idx map[string]int // channel id → index
	at  map[[2]int]int // (channel index, month) → index in list
	out []Actual
}

func newActualsSum(p Plan) *actualsSum {
	s := &actualsSum{p: p, idx: make(map[string]int, len(p.Channels)), at: map[[2]int]int{}}
	for i, c := range p.Channels {
		s.idx[c.ID] = i
	}
	return s
}

// add adds a into its channel and month. Spend is unknown only when
// every row added is (a known spend, even 0, makes it known).
func (s *actualsSum) add(a Actual) {
	k := [2]int{s.idx[a.Channel], a.Month}
	j, ok := s.at[k]
	if !ok {
		s.at[k] = len(s.out)
		s.out = append(s.out, a)
		return
	}
	b := s.out[j]
	unknown := b.SpendUnknown && a.SpendUnknown
	opens := addNull(b.Opens, a.Opens)
	b = addActual(b, a)
	b.SpendUnknown, b.Opens = unknown, opens
	s.out[j] = b
}

// rows returns the sums in the order their channel and month first
// appeared (files in order, rows in file order).
func (s *actualsSum) rows() []Actual { return slices.Clone(s.out) }

// planMonth is MonthOf in constant time: it starts from the calendar
// months between start and d and moves by one month at most twice
// (MonthOf counts from month 1, a loop of up to 3 600 steps for a date in
// 2199, which a report of 200 000 rows would repeat).
func planMonth(start, d Date) int {
	if d.Before(start) {
		return 0
	}
	m := max((d.Year-start.Year)*12+int(d.Month)-int(start.Month), 1)
	for m > 1 && d.Before(start.AddMonths(m-1)) {
		m--
	}
	for !d.Before(start.AddMonths(m)) {
		m++
	}
	return m
}
