package plan

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"campaignsim/assets"
)

// ActualsColumns lists the columns of the actuals CSV (FORMAT.md), in the
// order of its header.
var ActualsColumns = []string{"channel", "month", "spend", "exposures", "interactions", "leads",
	"customers", "revenue", "cogs"}

// requiredActualsColumns are the columns an actuals CSV must have.
var requiredActualsColumns = map[string]bool{"channel": true, "month": true, "spend": true,
	"customers": true, "revenue": true}

// ActualsSource is one kind of file ParseActualsCSV reads: the CampaignSim
// format of FORMAT.md or a tool's report. The sources and their header
// names are data, in assets/actuals_columns.toml (whose comment describes
// every field).
type ActualsSource struct {
	ID   string // "campaignsim" (the tools' reports are ReportSources)
	Name string
	// Strict makes unknown columns errors (the CampaignSim format); a
	// report's other columns are ignored.
	Strict bool
	// Month is "plan_month" (a plan month number) or "date" (a date or a
	// calendar month, turned into the plan month that contains it).
	Month string
	// Channel is "id" (a channel id) or "campaign" (a channel id or name
	// without regard to case, or a name that starts with "[id]").
	Channel string
	// Rows is "one" (one row per channel and month) or "sum" (rows of one
	// channel and month are added up).
	Rows string
	// SkipRows are prefixes of a row's first cell that mark it as a total
	// to skip.
	SkipRows []string `toml:"skip_rows"`
	// ZeroWhenAbsent are required columns the report never has, read as 0
	// when the file lacks them.
	ZeroWhenAbsent []string `toml:"zero_when_absent"`
	// Columns maps each of our columns (ActualsColumns) to the headers
	// that stand for it, in order of preference.
	Columns map[string][]string
}

var (
	sourcesOnce sync.Once
	sources     []ActualsSource
	reports     []ReportSource // the [[reports]] of the same file (ReportSources)
	sourcesErr  error
)

// ActualsSources returns the sources of assets/actuals_columns.toml, in
// file order (the CampaignSim format first), parsed once. The embedded
// file is checked by the tests; should it not parse, the result holds the
// CampaignSim format alone and the error says why.
func ActualsSources() ([]ActualsSource, error) {
	sourcesOnce.Do(func() {
		var f struct {
			Format  int             `toml:"format"`
			Sources []ActualsSource `toml:"sources"`
			Reports []ReportSource  `toml:"reports"`
		}
		md, err := toml.NewDecoder(bytes.NewReader(assets.ActualsColumns)).Decode(&f)
		switch {
		case err != nil:
			sourcesErr = err
		case len(md.Undecoded()) > 0:
			sourcesErr = fmt.Errorf("unknown keys %v", md.Undecoded())
		case f.Format != 1 || len(f.Sources) == 0 || f.Sources[0].ID != "campaignsim":
			sourcesErr = fmt.Errorf("format 1 with the campaignsim source first expected")
		}
		if sourcesErr != nil {
			sourcesErr = fmt.Errorf("plan: embedded actuals_columns.toml: %w", sourcesErr)
			cols := map[string][]string{}
			for _, c := range ActualsColumns {
				cols[c] = []string{c}
			}
			sources = []ActualsSource{{ID: "campaignsim", Name: "CampaignSim", Strict: true,
				Month: "plan_month", Channel: "id", Rows: "one", Columns: cols}}
			return
		}
		sources = f.Sources
		reports = f.Reports
	})
	return sources, sourcesErr
}

// match returns, for each of our columns, the index of its header in
// cells (-1 when absent), and how many of our columns were found. The
// channel and month columns must be found for the source to match.
func (s ActualsSource) match(cells []string) (map[string]int, int, bool) {
	idx := map[string]int{}
	n := 0
	keys := make([]string, len(cells))
	for i, c := range cells {
		keys[i] = headerKey(c)
	}
	for _, col := range ActualsColumns {
		idx[col] = -1
		for _, name := range s.Columns[col] {
			k := headerKey(name)
			found := -1
			for i, h := range keys {
				if h == k {
					found = i
					break
				}
			}
			if found >= 0 {
				idx[col] = found
				n++
				break
			}
		}
	}
	return idx, n, idx["channel"] >= 0 && idx["month"] >= 0
}

// detectSource returns the source whose headers cells match best (the
// most of our columns found; ties go to the earlier source).
func detectSource(cells []string) (ActualsSource, bool) {
	srcs, _ := ActualsSources()
	best, bestN := -1, 0
	for i, s := range srcs {
		if _, n, ok := s.match(cells); ok && n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return srcs[0], false
	}
	return srcs[best], true
}

// ParseActualsCSV reads actuals from a CSV file for plan p and returns
// them in file order (one per channel and month). name is the file's name
// for the errors.
//
// The file is the actuals CSV of FORMAT.md — header
// channel,month,spend,exposures,interactions,leads,customers,revenue,cogs
// (exposures, interactions, leads and cogs may be left out, or their cells
// left empty: unknown), then one row per channel and plan month — or a
// report exported from Google Ads or Mailchimp, recognised by its headers
// (assets/actuals_columns.toml lists which header stands for which column,
// in English and French).
//
// Reading: UTF-8 with or without a byte-order mark, or UTF-16 (LE or BE,
// with a BOM — Google Ads' "CSV (Excel)" — or without one, recognised by
// its NUL bytes); any other encoding is one error saying to save the file
// as UTF-8. CRLF, LF or (old Mac) CR; the separator is the most frequent
// of ";", tab and "," in the header line; cells may be quoted (RFC 4180).
// Numbers: see parseNumber — in a ";" file "1 234,56", "1234,56" and
// "1234.56" are all 1234.56 (with spaces U+0020, U+00A0 or U+202F between
// thousands). Headers are compared without case. Lines above the header
// (a report's title) are skipped when the header is recognised; blank
// lines are skipped.
//
// Limits (each an error, read in time linear in the file's size and in
// bounded memory): MaxFileSize bytes, MaxCSVRows rows, MaxCSVColumns
// header cells, MaxCSVText characters in any cell, MaxCSVNumber in a
// number cell.
//
// Rules: in the CampaignSim format, an unknown column is an error naming
// it; channel must be a channel id of p; month a plan month 1..months;
// one row per (channel, month); counts and money 0..10^12. In a report,
// other columns are ignored; the campaign must be a channel id or name of
// p (without case) or start with "[id]"; the date gives the plan month
// (MonthOf; a calendar month such as "January 2027" is read as its 15th
// day, i.e. the plan month holding most of it); rows of one channel and
// month are added up (one row per day or per send); rows starting with
// "Total" are skipped; "--" is an empty cell.
//
// A report as the tools export it — a header ReadActualsFiles recognises
// (assets/actuals_columns.toml's [[reports]]), or an .xlsx workbook — is
// read by ReadActualsFiles with all its rules (campaigns patterns, periods,
// currency, totals, Meta results); the rules below are the CampaignSim
// format's.
//
// Errors: every problem is collected as an ErrorList whose Errors have
// File = name, Line = the file line of the row (0 for the whole file:
// its size or encoding, whose message then says the line and cell of the
// first bad byte), Path = the column's header; their Msg names the column
// (by its header, or as "cell N" past the header) and says what to write
// instead. Col is left 0: a CSV's column is its header, not a character
// position. Cells are quoted at most 40 characters long, control
// characters shown as pictures (␁). Past MaxCSVErrors errors, one last
// Error says how many more there are. Nothing is returned when any row is
// bad.
func ParseActualsCSV(name string, data []byte, p Plan) ([]Actual, error) {
	if isReportFile(data) {
		imp, err := ReadActualsFiles([]ActualsFile{{Name: name, Data: data}}, p)
		if err != nil {
			return nil, err
		}
		return imp.Rows, nil
	}
	return parseCampaignSimCSV(name, data, p)
}

// parseCampaignSimCSV is ParseActualsCSV for a file that is not a tool's
// report (the CampaignSim format, or a layout of [[sources]]).
func parseCampaignSimCSV(name string, data []byte, p Plan) ([]Actual, error) {
	errs := &csvErrors{file: name}
	text, ok := csvText(errs, data)
	if !ok {
		return nil, errs.result()
	}
	f, ok := openCSV(text, errs, strings.Join(ActualsColumns, ","), func(cells []string) bool { _, ok := detectSource(cells); return ok })
	if !ok {
		return nil, errs.result()
	}
	src, _ := detectSource(f.header)
	idx, _, _ := src.match(f.header)
	hl := f.headerLine

	// The header: unknown, missing and repeated columns.
	if src.Strict {
		for i, h := range f.header {
			col := ""
			for _, c := range ActualsColumns {
				for _, alias := range src.Columns[c] {
					if headerKey(alias) == headerKey(h) {
						col = c
					}
				}
			}
			switch {
			case col == "" && h == "" && i == len(f.header)-1:
				// a trailing separator
			case col == "":
				errs.add(hl, h, msgCSVUnknownCol, csvExcerpt(h), strings.Join(ActualsColumns, ", "))
			case idx[col] != i:
				errs.add(hl, h, msgCSVColTwice, col, csvExcerpt(f.header[idx[col]]), csvExcerpt(h))
			}
		}
	}
	zero := map[string]bool{}
	for _, c := range src.ZeroWhenAbsent {
		zero[c] = true
	}
	for _, col := range ActualsColumns {
		if idx[col] < 0 && requiredActualsColumns[col] && !zero[col] {
			want := src.Columns[col]
			head := col
			if len(want) > 0 {
				head = want[0]
			}
			errs.add(hl, head, msgCSVMissingCol, head, strings.Join(ActualsColumns, ","))
		}
	}
	if errs.any() {
		return nil, errs.result()
	}

	// Channels by id (and, for reports, by name without case).
	byID := make(map[string]int, len(p.Channels))
	byName := map[string]int{}
	for i, c := range p.Channels {
		byID[c.ID] = i
		if src.Channel == "campaign" {
			byName[strings.ToLower(c.ID)] = i
			byName[strings.ToLower(strings.TrimSpace(c.Name))] = i
		}
	}
	chanIDs := channelIDs(p) // once: the messages of every bad row quote it
	n := p.Info.Months
	type key struct{ ch, m int }
	type seen struct{ i, line int } // index in out, first line
	// At most one Actual per channel and month, and per line: sized once
	// (the 100 000-row benchmark allocated 5× its result growing it).
	size := min(bytes.Count(text[f.sc.off:], []byte{'\n'})+1, len(p.Channels)*n, MaxCSVRows)
	rowOf := make(map[key]seen, size)
	out := make([]Actual, 0, size)
	rows := 0
	f.each(errs, func(row csvRow) {
		rows++
		line := row.line
		if len(src.SkipRows) > 0 {
			first := strings.TrimSpace(row.cell(0))
			for _, pre := range src.SkipRows {
				if strings.HasPrefix(first, pre) {
					return
				}
			}
		}
		if f.ragged(errs, row, true) {
			return
		}
		cell := func(col string) (string, string, bool) {
			i := idx[col]
			if i < 0 {
				return "", "", false
			}
			return row.cell(i), f.header[i], true
		}
		bad := false
		// channel
		chCell, chHead, _ := cell("channel")
		chName := strings.TrimSpace(chCell)
		ci, found := byID[chName]
		if !found && src.Channel == "campaign" {
			ci, found = byName[strings.ToLower(chName)]
			if !found && strings.HasPrefix(chName, "[") {
				if end := strings.IndexByte(chName, ']'); end > 1 {
					ci, found = byID[strings.TrimSpace(chName[1:end])]
				}
			}
		}
		if !found {
			bad = true
			h, c := csvExcerpt(chHead), csvExcerpt(chName)
			if chName == "" {
				errs.add(line, chHead, msgCSVChanEmpty, h, chanIDs)
			} else if src.Channel == "campaign" {
				errs.add(line, chHead, msgCSVCampaign, h, c, chanIDs, firstID(p), c)
			} else {
				errs.add(line, chHead, msgUnknownChan, msgf(msgColumnRef, h), c, chanIDs)
			}
		}
		// month
		mCell, mHead, _ := cell("month")
		m := 0
		mCell = strings.TrimSpace(mCell)
		if src.Month == "date" {
			d, ok := parseReportDate(mCell, f.sep)
			if !ok {
				bad = true
				errs.add(line, mHead, msgCSVNotDate, csvExcerpt(mHead), csvExcerpt(mCell))
			} else if m = planMonth(p.Info.Start, d); m < 1 || m > n {
				bad = true
				errs.add(line, mHead, msgCSVOutside, csvExcerpt(mHead), csvExcerpt(mCell), p.Info.Start, End(p.Info.Start, n))
			}
		} else {
			v, err := strconv.Atoi(mCell)
			switch {
			case mCell == "":
				bad = true
				errs.add(line, mHead, msgCSVMonthEmpty, csvExcerpt(mHead), n)
			case err != nil:
				bad = true
				errs.add(line, mHead, msgCSVWhole, csvExcerpt(mHead), csvExcerpt(mCell), "1")
			case v < 1 || v > n:
				bad = true
				errs.add(line, mHead, msgCSVMonthNotIn, csvExcerpt(mHead), v, n)
			default:
				m = v
			}
		}
		var a Actual
		num := func(col string, dst *decimal.NullDecimal) {
			c, h, ok := cell(col)
			if !ok {
				if zero[col] {
					*dst = decimal.NullDecimal{Decimal: decimal.Zero, Valid: true}
				}
				return
			}
			req := requiredActualsColumns[col]
			v, ok := amount(errs, line, h, c, f.sep, !req || !src.Strict)
			if !ok {
				bad = true
				return
			}
			if req && !v.Valid {
				v = decimal.NullDecimal{Decimal: decimal.Zero, Valid: true} // a report's "--"
			}
			*dst = v
		}
		var spend, cust, rev decimal.NullDecimal
		num("spend", &spend)
		num("exposures", &a.Exposures)
		num("interactions", &a.Interactions)
		num("leads", &a.Leads)
		num("customers", &cust)
		num("revenue", &rev)
		num("cogs", &a.COGS)
		if bad {
			return
		}
		a.Channel, a.Month = p.Channels[ci].ID, m
		a.Spend, a.Customers, a.Revenue = spend.Decimal, cust.Decimal, rev.Decimal
		k := key{ci, m}
		if j, dup := rowOf[k]; dup {
			if src.Rows != "sum" {
				errs.add(line, chHead, msgCSVRowTwice, csvExcerpt(chHead), csvExcerpt(mHead), a.Channel, m, j.line)
				return
			}
			out[j.i] = addActual(out[j.i], a)
			return
		}
		rowOf[k] = seen{len(out), line}
		out = append(out, a)
	})
	if errs.any() {
		return nil, errs.result()
	}
	if rows == 0 {
		errs.add(hl, "", msgCSVHeaderOnly)
		return nil, errs.result()
	}
	return out, nil
}

// addActual adds b's figures to a's (a report's rows of one channel and
// month); an optional figure is known once either row gives it.
func addActual(a, b Actual) Actual {
	add := func(x, y decimal.NullDecimal) decimal.NullDecimal {
		switch {
		case !y.Valid:
			return x
		case !x.Valid:
			return y
		}
		return decimal.NullDecimal{Decimal: x.Decimal.Add(y.Decimal), Valid: true}
	}
	a.Spend = a.Spend.Add(b.Spend)
	a.Customers = a.Customers.Add(b.Customers)
	a.Revenue = a.Revenue.Add(b.Revenue)
	a.Exposures = add(a.Exposures, b.Exposures)
	a.Interactions = add(a.Interactions, b.Interactions)
	a.Leads = add(a.Leads, b.Leads)
	a.COGS = add(a.COGS, b.COGS)
	return a
}

func firstID(p Plan) string {
	if len(p.Channels) > 0 {
		return p.Channels[0].ID
	}
	return "mailing"
}

// monthNames are the English and French month names and abbreviations,
// lower case, with their month.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	en := []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december"}
	fr := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
	frShort := []string{"janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"}
	for i := range en {
		mo := time.Month(i + 1)
		m[en[i]], m[en[i][:3]], m[fr[i]], m[frShort[i]] = mo, mo, mo, mo
	}
	m["sept"], m["fevrier"], m["aout"], m["decembre"], m["fevr"], m["dec"] = 9, 2, 8, 12, 2, 12
	return m
}()

// parseReportDate reads a report's date or calendar month: 2027-01-15
// (with or without a time after it), 15/01/2027 or 15.01.2027 (day
// first, the French way; when the second number is above 12 it is read
// month first), "Jan 15, 2027" (Mailchimp, a time may follow), "15 janv.
// 2027", "January 2027", "janvier 2027", "2027-01". A calendar month is
// read as its 15th day.
func parseReportDate(s string, _ rune) (Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, false
	}
	ok := func(y, m, d int) (Date, bool) {
		if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31 {
			return Date{}, false
		}
		dt := NewDate(y, time.Month(m), d)
		if DateOf(dt.Time()) != dt {
			return Date{}, false
		}
		return dt, true
	}
	// ISO: 2027-01-15…, 2027-01
	if len(s) >= 7 && s[4] == '-' {
		y, e1 := strconv.Atoi(s[:4])
		if len(s) >= 10 && s[7] == '-' {
			m, e2 := strconv.Atoi(s[5:7])
			d, e3 := strconv.Atoi(s[8:10])
			if e1 == nil && e2 == nil && e3 == nil && (len(s) == 10 || s[10] == ' ' || s[10] == 'T') {
				return ok(y, m, d)
			}
		}
		if len(s) == 7 {
			m, e2 := strconv.Atoi(s[5:7])
			if e1 == nil && e2 == nil {
				return ok(y, m, 15)
			}
		}
	}
	// 15/01/2027, 15.01.2027 (a time may follow)
	if f := strings.FieldsFunc(strings.Fields(s)[0], func(r rune) bool { return r == '/' || r == '.' }); len(f) == 3 {
		a, e1 := strconv.Atoi(f[0])
		b, e2 := strconv.Atoi(f[1])
		y, e3 := strconv.Atoi(f[2])
		if e1 == nil && e2 == nil && e3 == nil && len(f[2]) == 4 {
			if b > 12 {
				a, b = b, a
			}
			return ok(y, b, a)
		}
	}
	// words: "Jan 15, 2027 10:00 am", "15 janv. 2027", "January 2027"
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
	var mo time.Month
	var nums []int
	for _, w := range words {
		if v, found := monthNames[w]; found && mo == 0 {
			mo = v
			continue
		}
		if v, err := strconv.Atoi(w); err == nil {
			nums = append(nums, v)
		}
		if len(nums) == 2 && mo != 0 {
			break
		}
	}
	if mo == 0 {
		return Date{}, false
	}
	switch {
	case len(nums) >= 2 && nums[0] <= 31 && nums[1] >= 1900:
		return ok(nums[1], int(mo), nums[0])
	case len(nums) >= 1 && nums[0] >= 1900:
		return ok(nums[0], int(mo), 15)
	}
	return Date{}, false
}

// MergeActuals returns a new plan: p with rows merged into its actuals —
// a row replaces p's row for the same (channel, month), in place; the
// other rows are added after p's, in their order. p is not changed. It is
// an error (an ErrorList whose Paths name the rows, "rows[i]…") when a row
// names a channel p does not have, a month outside the plan, or the same
// (channel, month) as an earlier row.
func MergeActuals(p Plan, rows []Actual) (Plan, error) {
	var errs ErrorList
	type key struct {
		ch string
		m  int
	}
	seen := map[key]int{}
	known := make(map[string]bool, len(p.Channels)) // one look-up per row, not a scan of the channels
	for _, c := range p.Channels {
		known[c.ID] = true
	}
	for i, a := range rows {
		pre := fmt.Sprintf("rows[%d]", i)
		if !known[a.Channel] {
			errs = append(errs, Error{Path: pre + ".channel", Msg: msgf(msgUnknownChan, "channel", a.Channel, channelIDs(p))})
		}
		if a.Month < 1 || a.Month > p.Info.Months {
			errs = append(errs, Error{Path: pre + ".month", Msg: msgf(msgMonthNotIn, a.Month, p.Info.Months, p.Info.Months)})
		}
		k := key{a.Channel, a.Month}
		if j, dup := seen[k]; dup {
			errs = append(errs, Error{Path: pre, Msg: msgf(msgActualRowTwice, a.Channel, a.Month, j)})
		}
		seen[k] = i
	}
	if len(errs) > 0 {
		return Plan{}, errs
	}
	q := p.Clone()
	done := make([]bool, len(rows))
	for i, a := range q.Actuals {
		if j, ok := seen[key{a.Channel, a.Month}]; ok {
			q.Actuals[i] = rows[j]
			done[j] = true
		}
	}
	for j, a := range rows {
		if !done[j] {
			q.Actuals = append(q.Actuals, a)
		}
	}
	return q, nil
}
