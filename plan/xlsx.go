package plan

import (
	"archive/zip"
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits of the workbook (.xlsx) imports, besides MaxFileSize for the
// file and the CSV limits (MaxCSVRows, MaxCSVColumns, MaxCSVText) for its
// rows and cells.
const (
	// MaxXLSXUnpacked is the most bytes a workbook may unpack to (every
	// part of its zip, as its directory declares them; a part that
	// unpacks to more than it declares is refused by archive/zip). A
	// report of 200 000 rows unpacks to some 40 MB.
	MaxXLSXUnpacked = 64 << 20
	// MaxXLSXParts is the most parts (zip entries) a workbook may have.
	MaxXLSXParts = 1000
	// MaxXLSXSheets is the most sheets a workbook may have; the report is
	// read from the first.
	MaxXLSXSheets = 50
)

// xlsxTable reads the first sheet of a workbook as a report table: its
// raw cell values (numbers as stored, "1234.5"; dates as serial day
// numbers; text as is), row numbers as lines. The header is the first of
// the first 30 rows that detectReport recognises (else the first row
// that is not empty). Size checks come before any unpacking: a zip bomb
// is refused from its directory, in time independent of what it claims
// to hold.
func xlsxTable(errs *csvErrors, data []byte) (reportTable, bool) {
	var t reportTable
	t.xlsx = true
	if len(data) > MaxFileSize {
		errs.add(0, "", msgCSVTooLarge, len(data), MaxFileSize)
		return t, false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		errs.add(0, "", msgXLSXBad, err)
		return t, false
	}
	if len(zr.File) > MaxXLSXParts {
		errs.add(0, "", msgXLSXTooBig, MaxXLSXUnpacked>>20, msgf(msgXLSXParts, len(zr.File)))
		return t, false
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxXLSXUnpacked || total > MaxXLSXUnpacked {
			errs.add(0, "", msgXLSXTooBig, MaxXLSXUnpacked>>20, msgf(msgXLSXDeclared, csvExcerpt(f.Name), total))
			return t, false
		}
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxXLSXUnpacked, UnzipXMLSizeLimit: MaxXLSXUnpacked})
	if err != nil {
		errs.add(0, "", msgXLSXBad, err)
		return t, false
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) > MaxXLSXSheets {
		errs.add(0, "", msgXLSXSheets, len(sheets), MaxXLSXSheets)
		return t, false
	}
	if len(sheets) == 0 {
		errs.add(0, "", msgXLSXBad, msgf(msgXLSXNoSheet))
		return t, false
	}
	rows, err := wb.Rows(sheets[0])
	if err != nil {
		errs.add(0, "", msgXLSXBad, err)
		return t, false
	}
	defer rows.Close()
	type row struct {
		line  int
		cells []string
	}
	var all []row
	line := 0
	bad := false
	for rows.Next() {
		line++
		if line > MaxCSVRows+30 {
			errs.add(line, "", msgCSVManyRows, MaxCSVRows)
			return t, false
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			errs.add(line, "", msgXLSXBad, err)
			return t, false
		}
		// trailing empty cells do not count
		n := len(cells)
		for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
			n--
		}
		cells = cells[:n]
		if n == 0 {
			continue
		}
		if n > MaxCSVColumns {
			errs.add(line, "", msgCSVManyCols, n, MaxCSVColumns, msgf(msgCSVColsReport))
			return t, false
		}
		for i, c := range cells {
			if k := utf8.RuneCountInString(c); k > MaxCSVText {
				errs.add(line, "", msgCSVCellLong, msgf(msgCellRef, i+1), k, csvExcerpt(c), MaxCSVText)
				bad = true
			}
		}
		all = append(all, row{line, cells})
	}
	if err := rows.Error(); err != nil {
		errs.add(0, "", msgXLSXBad, err)
		return t, false
	}
	if bad {
		return t, false
	}
	if len(all) == 0 {
		errs.add(0, "", msgXLSXEmpty, csvExcerpt(sheets[0]))
		return t, false
	}
	h := 0
	for i := 0; i < len(all) && i < 30; i++ {
		if _, ok := detectReport(all[i].cells); ok {
			h = i
			break
		}
	}
	for i := 0; i < h; i++ {
		t.above = append(t.above, aboveLine{all[i].line, all[i].cells})
	}
	t.header = make([]string, len(all[h].cells))
	for i, c := range all[h].cells {
		t.header[i] = strings.TrimSpace(c)
	}
	t.headerLine = all[h].line
	body := all[h+1:]
	// numbers stored as text ("1 234,56") tell the decimal separator as
	// in a CSV; stored numbers are plain and tell nothing
	var texts []byte
	for _, r := range body {
		for _, c := range r.cells {
			if !plainNumber(c) {
				texts = append(append(texts, c...), '\n')
			}
		}
	}
	t.dec = decimalEvidence(texts, 0)
	t.each = func(fn func(line int, cells []string)) {
		for _, r := range body {
			fn(r.line, r.cells)
		}
	}
	return t, true
}
