package report

import (
	"strings"
	"unicode/utf8"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Limits of a cell and a column (Excel's own: 32 767 characters in a
// cell; widths in characters of the default font).
const (
	maxCellRunes = 32767
	minColWidth  = 6
	maxColWidth  = 60
)

// fmtKind is how a number cell is shown.
type fmtKind int

// The number formats of cells.
const (
	fmtNone      fmtKind = iota // text
	fmtMoney                    // the plan's currency, places decimals
	fmtRate                     // a fraction shown as a percentage, one decimal
	fmtCount                    // a whole number, grouped
	fmtMultiple                 // "2.35×"
	fmtMonth                    // a plan month number
	fmtDecimal                  // places decimals, grouped
	fmtDate                     // a calendar date
	fmtMonthDate                // the month and year of a date
)

// styleKey names one cell style: its number format (and, for money, its
// currency and decimals), bold or not, wrapped or not.
type styleKey struct {
	kind   fmtKind
	places int32
	cur    string
	bold   bool
	wrap   bool
}

// cell is one cell's content: text, or a number (or date serial) with
// its format; shown is the text people read, which sizes the column.
type cell struct {
	text   string
	num    float64
	isNum  bool
	key    styleKey
	shown  string
	isDate bool
}

// txt is a text cell, made safe as display.CSVCell makes a CSV cell (a
// text starting with = + - @ would run as a formula once the sheet is
// saved as CSV or pasted) and cut to what a cell holds.
func txt(s string) cell {
	s = safeText(display.CSVCell(s))
	return cell{text: s, shown: s}
}

// safeText drops what an XML 1.0 document cannot hold (control
// characters but tab and newline, lone surrogates, U+FFFE/U+FFFF) and
// cuts s to maxCellRunes characters.
func safeText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxCellRunes {
			break
		}
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20, r == 0x7f, r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// bold returns c in bold.
func (c cell) bold() cell { c.key.bold = true; return c }

// wrapped returns c with its text wrapped in the column.
func (c cell) wrapped() cell { c.key.wrap = true; return c }

// undefined is the cell of an undefined figure: "—", as the PDF shows it.
func undefined() cell { return cell{text: display.Undefined, shown: display.Undefined} }

// money is an amount in the plan's currency, rounded to its decimals.
func (w *workbook) money(v decimal.Decimal) cell { return w.moneyIn(v, w.cur, false) }

// moneyIn is an amount in currency cur; exact keeps the fractions of a
// cent a unit price may have (display.MoneyExact).
func (w *workbook) moneyIn(v decimal.Decimal, cur string, exact bool) cell {
	places := display.CurrencyDigits(cur)
	shown := display.Money(v, cur, w.lang)
	if exact {
		shown = display.MoneyExact(v, cur, w.lang)
		_, frac, _ := strings.Cut(v.Round(6).String(), ".")
		if n := int32(len(strings.TrimRight(frac, "0"))); n > places {
			places = n
		}
	}
	return cell{num: v.InexactFloat64(), isNum: true, shown: shown,
		key: styleKey{kind: fmtMoney, places: places, cur: cur}}
}

// rate is a fraction shown as a percentage.
func (w *workbook) rate(v decimal.Decimal) cell {
	return cell{num: v.InexactFloat64(), isNum: true, shown: display.Percent(v, w.lang),
		key: styleKey{kind: fmtRate}}
}

// count is a number of people or things, shown whole.
func (w *workbook) count(v decimal.Decimal) cell {
	return cell{num: v.InexactFloat64(), isNum: true, shown: display.Count(v, w.lang),
		key: styleKey{kind: fmtCount}}
}

// whole is an integer input (a list size, a number of sends).
func (w *workbook) whole(n int64) cell { return w.count(decimal.NewFromInt(n)) }

// decimalCell is a plain number with places decimals.
func (w *workbook) decimalCell(v decimal.Decimal, places int32) cell {
	return cell{num: v.InexactFloat64(), isNum: true, shown: display.Decimal(v, places, w.lang),
		key: styleKey{kind: fmtDecimal, places: places}}
}

// date is a calendar date (a date cell, shown as display.Date does).
func (w *workbook) date(d plan.Date) cell {
	if d.IsZero() {
		return undefined()
	}
	return cell{num: excelDate(d), isNum: true, isDate: true, shown: display.Date(d, w.lang),
		key: styleKey{kind: fmtDate}}
}

// monthDate is the month and year of d ("janv. 2027").
func (w *workbook) monthDate(d plan.Date) cell {
	c := w.date(d)
	if c.isNum {
		c.key.kind = fmtMonthDate
	}
	return c
}

// excelDate is d as an Excel date serial (days since 1899-12-30, the
// 1900 date system's epoch once its leap-year bug is accounted for).
func excelDate(d plan.Date) float64 {
	epoch := plan.NewDate(1899, 12, 30).Time()
	return float64(d.Time().Sub(epoch).Hours() / 24)
}

// figure is the value of the figure or metric name, by its unit, as
// display.Figure shows it; undefined shows "—".
func (w *workbook) figure(name string, v decimal.NullDecimal) cell {
	if !v.Valid {
		return undefined()
	}
	s, ok := simulate.SpecOf(name)
	if !ok {
		return w.input(name, v.Decimal, w.cur)
	}
	return w.unit(s.Unit, v.Decimal)
}

// unit is v in unit u.
func (w *workbook) unit(u simulate.Unit, v decimal.Decimal) cell {
	switch u {
	case simulate.Money:
		return w.money(v)
	case simulate.Rate:
		return w.rate(v)
	case simulate.Count:
		return w.count(v)
	case simulate.Multiple:
		return cell{num: v.InexactFloat64(), isNum: true, shown: display.Multiple(v, w.lang),
			key: styleKey{kind: fmtMultiple}}
	case simulate.Month:
		return cell{num: v.Round(0).InexactFloat64(), isNum: true, shown: v.Round(0).String(),
			key: styleKey{kind: fmtMonth}}
	}
	return w.decimalCell(v, 6)
}

// input is the value of a channel or business input key in currency cur
// (a benchmark's may differ from the plan's): money keeps its fractions
// of a cent, counts are whole, reach per unit a plain number, the rest
// rates — the units the PDF shows them in (display.Value, inputUnit).
func (w *workbook) input(key string, v decimal.Decimal, cur string) cell {
	switch key {
	case "gross_margin":
		// the business's margin rate, not the figure of the same name
		return w.rate(v)
	case "reach_per_unit", "orders_per_month":
		return w.decimalCell(v, 2)
	case "ramp_months", "clv_months", "months", "sends", "posts":
		return w.count(v)
	}
	switch u, _ := simulate.ValueUnit(key); u {
	case simulate.Money:
		return w.moneyIn(v, cur, true)
	case simulate.Count:
		return w.count(v)
	}
	return w.rate(v)
}

// numFmt is the Excel number format code of k. Format codes are written
// with "," for grouping and "." for decimals whatever the language (Excel
// shows the reader's separators); the currency symbol stands where the
// language puts it (French after the number and a no-break space, English
// before), the percent sign after a narrow no-break space in French.
func (w *workbook) numFmt(k styleKey) string {
	zeros := func(places int32) string {
		if places <= 0 {
			return "#,##0"
		}
		return "#,##0." + strings.Repeat("0", int(places))
	}
	fr := w.lang != plan.LangEN
	switch k.kind {
	case fmtMoney:
		sym := strings.ReplaceAll(display.CurrencySymbol(k.cur, w.lang), `"`, "")
		num := zeros(k.places)
		if fr {
			return num + `"` + display.NBSP + sym + `"`
		}
		if r, _ := utf8.DecodeLastRuneInString(sym); r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			sym += " "
		}
		return `"` + sym + `"` + num
	case fmtRate:
		if fr {
			return `0.0"` + display.NarrowNBSP + `"%`
		}
		return "0.0%"
	case fmtCount:
		return "#,##0"
	case fmtMultiple:
		return `0.00"×"`
	case fmtMonth:
		return "0"
	case fmtDecimal:
		return zeros(k.places)
	case fmtDate:
		if fr {
			return "dd/mm/yyyy"
		}
		return "yyyy-mm-dd"
	case fmtMonthDate:
		if fr {
			return "[$-40C]mmm yyyy"
		}
		return "[$-409]mmm yyyy"
	}
	return ""
}

// style returns the id of the style of k, made once per workbook.
func (w *workbook) style(k styleKey) (int, error) {
	if id, ok := w.styles[k]; ok {
		return id, nil
	}
	s := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: k.wrap}}
	if k.bold {
		s.Font = &excelize.Font{Bold: true}
	}
	if f := w.numFmt(k); f != "" {
		s.CustomNumFmt = &f
	}
	id, err := w.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	w.styles[k] = id
	return id, nil
}

// sheet is one worksheet being filled row by row. Rows are kept until
// finish, which knows then how wide each column must be and streams the
// sheet out (excelize's StreamWriter: column widths and panes must come
// before the first row).
type sheet struct {
	w      *workbook
	name   string
	rows   [][]cell
	frozen int // rows frozen at the top (the header)
	cols   int // columns frozen at the left
	err    error
}

// newSheet adds the worksheet called name (cut to Excel's 31 characters).
func (w *workbook) newSheet(name string) *sheet {
	s := &sheet{w: w, name: sheetName(name)}
	if !w.started {
		// the first sheet is NewFile's "Sheet1", renamed
		w.started = true
		s.err = w.f.SetSheetName("Sheet1", s.name)
		return s
	}
	_, s.err = w.f.NewSheet(s.name)
	return s
}

// sheetName is name without the characters a sheet name cannot hold,
// cut to 31 characters.
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, safeText(name))
	if utf8.RuneCountInString(name) > 31 {
		name = string([]rune(name)[:31])
	}
	return name
}

// add writes one row of cells below the last.
func (s *sheet) add(cells ...cell) { s.rows = append(s.rows, cells) }

// skip leaves one row blank.
func (s *sheet) skip() { s.rows = append(s.rows, nil) }

// width is the width cell c needs, in characters: its longest line; a
// wrapped text its longest word, up to a limit past which it wraps.
func width(c cell) float64 {
	wd := textWidth(c.shown)
	if c.key.wrap {
		limit := 50.0
		if c.key.bold {
			limit = 16
		}
		wd = max(longestWord(c.shown), min(wd, limit))
	}
	if c.key.bold {
		wd *= 1.1
	}
	return wd
}

// textWidth is the width of s in characters: its longest line.
func textWidth(s string) float64 {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return float64(w)
}

// longestWord is the width of the longest word of s, in characters.
func longestWord(s string) float64 {
	w := 0
	for _, f := range strings.Fields(s) {
		w = max(w, utf8.RuneCountInString(f))
	}
	return float64(w)
}

// header writes the header row (bold, wrapped) and freezes it with the
// first cols columns.
func (s *sheet) header(cols int, titles ...string) {
	cells := make([]cell, len(titles))
	for i, t := range titles {
		cells[i] = txt(t).bold().wrapped()
	}
	s.add(cells...)
	s.frozen, s.cols = len(s.rows), cols
}

// finish writes the sheet: each column as wide as its widest text
// (within minColWidth..maxColWidth), the header frozen, then the rows. It
// returns the first error met.
func (s *sheet) finish() error {
	if s.err != nil {
		return s.err
	}
	var widths []float64
	for _, r := range s.rows {
		for j, c := range r {
			for len(widths) <= j {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], width(c))
		}
	}
	sw, err := s.w.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	for j, wd := range widths {
		if err := sw.SetColWidth(j+1, j+1, min(max(wd+2, minColWidth), maxColWidth)); err != nil {
			return err
		}
	}
	if s.frozen > 0 {
		top, _ := excelize.CoordinatesToCellName(s.cols+1, s.frozen+1)
		pane := "bottomLeft"
		if s.cols > 0 {
			pane = "bottomRight"
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.cols, YSplit: s.frozen,
			TopLeftCell: top, ActivePane: pane}); err != nil {
			return err
		}
	}
	for i, r := range s.rows {
		values := make([]any, len(r))
		lines := 1
		for j, c := range r {
			v, err := s.value(c)
			if err != nil {
				return err
			}
			values[j] = v
			if c.key.wrap {
				lines = max(lines, wrappedLines(c.shown, min(max(widths[j]+2, minColWidth), maxColWidth)))
			}
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		var opts []excelize.RowOpts
		if lines > 1 {
			// a spreadsheet does not always grow a row to its wrapped text
			opts = append(opts, excelize.RowOpts{Height: float64(min(lines, maxRowLines)) * lineHeight})
		}
		if err := sw.SetRow(ref, values, opts...); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// Row heights: points per line of text in the default font, and the most
// lines a row is made tall for.
const (
	lineHeight  = 15
	maxRowLines = 20
)

// wrappedLines is how many lines text s takes in a column width
// characters wide: each of its lines, wrapped at width less the margins.
func wrappedLines(s string, width float64) int {
	per := max(int(width)-2, 1)
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		n += max((utf8.RuneCountInString(line)+per-1)/per, 1)
	}
	return n
}

// value is what the stream writer writes for c: nil for an empty cell,
// else its number or text with its style (every cell is aligned to the
// top, so that a row grown for a wrapped text reads from its first line).
func (s *sheet) value(c cell) (any, error) {
	var v any
	switch {
	case c.isNum:
		v = c.num
	case c.text != "":
		v = c.text
	}
	if v == nil {
		return nil, nil
	}
	id, err := s.w.style(c.key)
	if err != nil {
		return nil, err
	}
	return excelize.Cell{StyleID: id, Value: v}, nil
}
