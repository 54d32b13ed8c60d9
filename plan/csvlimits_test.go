package plan

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"unicode"
)

// csvHeader is the CampaignSim actuals header.
const csvHeader = "channel,month,spend,exposures,interactions,leads,customers,revenue,cogs\n"

// csvErrList returns err as an ErrorList, failing the test when it is
// not one or is empty, and checks what every import error must have: the
// file's name, a line, a message without control characters and no cell
// quoted at length.
func csvErrList(t *testing.T, file string, err error) ErrorList {
	t.Helper()
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("want an ErrorList, got %v", err)
	}
	for _, e := range list {
		// Whole-file errors (encoding, size) have no Line; those about
		// a byte say where it is in their text.
		if e.File != file || e.Line < 1 && !strings.HasPrefix(e.Msg.String(), "the file ") {
			t.Errorf("error without file or line: %+v", e)
		}
		for _, r := range e.Msg.String() + e.Path {
			if unicode.IsControl(r) || r == '\u202e' {
				t.Errorf("control character %U in %q", r, e.Msg.String())
			}
		}
		if strings.Contains(e.Msg.String(), `\x`) || strings.Contains(e.Msg.String(), `\u`) || strings.Contains(e.Msg.String(), `\U`) {
			t.Errorf("escaped byte in %q", e.Msg.String())
		}
		// The longest message quotes a header (≤ 40 characters + "…"),
		// two cells of 40 and the list of the plan's channels: far less
		// than 600 bytes in these tests.
		if len(e.Msg.String()) > 600 {
			t.Errorf("message of %d bytes: %.200s…", len(e.Msg.String()), e.Msg.String())
		}
	}
	return list
}

// allocBytes returns the bytes f allocates (runtime.MemStats.TotalAlloc,
// which only grows: not a time, and the same from run to run within a
// few kB).
func allocBytes(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// A long number cell used to be parsed as a big decimal (math/big's
// decimal scan is quadratic: 72 s and 60 GB allocated for 5 MiB) and
// echoed whole in the error. Now its length is checked first, and only
// an excerpt is quoted.
func TestActualsCSVLongCell(t *testing.T) {
	p := csvPlan()
	for _, n := range []int{41, 1001, 200000, 1 << 20} {
		data := csvHeader + "mailing,1," + strings.Repeat("9", n) + ",,,,1,1,\n"
		var err error
		alloc := allocBytes(func() { _, err = ParseActualsCSV("a.csv", []byte(data), p) })
		list := csvErrList(t, "a.csv", err)
		e := list[0]
		if len(list) != 1 || e.Line != 2 || e.Path != "spend" || !strings.Contains(e.Msg.String(), fmt.Sprintf("%d characters", n)) ||
			!strings.Contains(e.Msg.String(), `"`+strings.Repeat("9", 40)+`…"`) {
			t.Errorf("%d digits: %v", n, list)
		}
		// Linear: the file itself, a copy of it at most and small change
		// — not the 2 GB the quadratic parse allocated for 1 MiB.
		if max := uint64(4*len(data) + 1<<20); alloc > max {
			t.Errorf("%d digits: %d bytes allocated, want at most %d", n, alloc, max)
		}
	}
	// A text cell (the channel) over 1000 characters.
	data := csvHeader + strings.Repeat("é", 1001) + ",1,1,,,,1,1,\n"
	list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(data), p)))
	if e := list[0]; len(list) != 1 || e.Line != 2 || e.Path != "channel" || !strings.Contains(e.Msg.String(), "1001 characters") ||
		!strings.Contains(e.Msg.String(), "more than the 1000") || !strings.Contains(e.Msg.String(), strings.Repeat("é", 40)+"…") {
		t.Errorf("long channel: %v", list)
	}
	// 40 characters is still a number: 1 234 567 890,12 with padding.
	data = "channel;month;spend;customers;revenue\nmailing;1;" + strings.Repeat(" ", 24) + "1 234 567 890,12;1;1\n"
	got, err := ParseActualsCSV("a.csv", []byte(data), p)
	if err != nil || len(got) != 1 || !got[0].Spend.Equal(dec("1234567890.12")) {
		t.Errorf("a 40-character number: %v, %v", got, err)
	}
}

// mustFail returns the error of a parse that must not give rows.
func mustFail[T any](rows []T, err error) error {
	if rows != nil {
		return fmt.Errorf("rows returned with the error %v", err)
	}
	return err
}

// Rows: 200 000 are read (a Google Ads report by day, whose rows add
// up: spend = 200 000 × 1), one more is refused at its line (the header
// is line 1, so row 200 001 is line 200 002).
func TestActualsCSVRowLimit(t *testing.T) {
	p := csvPlan()
	build := func(rows int) []byte {
		var b strings.Builder
		b.WriteString("Campaign,Month,Cost,Impr.,Clicks,Conversions,Conv. value\n")
		for i := 0; i < rows; i++ {
			b.WriteString("search,January 2027,1,1,1,1,1\n")
		}
		return []byte(b.String())
	}
	got, err := ParseActualsCSV("a.csv", build(MaxCSVRows), p)
	if err != nil || len(got) != 1 || !got[0].Spend.Equal(dec("200000")) {
		t.Fatalf("%d rows: %v", MaxCSVRows, err)
	}
	list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", build(MaxCSVRows+1), p)))
	if e := list[0]; len(list) != 1 || e.Line != MaxCSVRows+2 || !strings.Contains(e.Msg.String(), "more than 200000 rows") {
		t.Errorf("%d rows: %v", MaxCSVRows+1, list)
	}
}

// Columns: a header of 201 cells is one error, not 196 unknown columns.
func TestActualsCSVColumnLimit(t *testing.T) {
	h := "channel,month,spend,customers,revenue"
	for i := 6; i <= MaxCSVColumns+1; i++ {
		h += fmt.Sprintf(",x%d", i)
	}
	data := h + "\nmailing,1,1,1,1" + strings.Repeat(",", MaxCSVColumns+1-5) + "\n"
	list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(data), csvPlan())))
	if e := list[0]; len(list) != 1 || e.Line != 1 || !strings.Contains(e.Msg.String(), "201 cells, more than the 200 columns") {
		t.Errorf("201 columns: %v", list)
	}
	// A data line of 10 000 separators is a ragged row, read in bounded
	// memory (the cells past the 200th are counted, not kept).
	data = csvHeader + "mailing,1,1,,,,1,1," + strings.Repeat(",", 10000) + "x\n"
	list = csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(data), csvPlan())))
	if e := list[0]; len(list) != 1 || e.Line != 2 || !strings.Contains(e.Msg.String(), "this row has 10009 cells but the header has 9") {
		t.Errorf("10 009 cells: %v", list)
	}
}

// Errors: 120 bad rows give the first 50 errors, then one line saying
// that 70 more (120 − 50) follow, from the line of the 51st (line 52:
// the header is line 1).
func TestActualsCSVErrorLimit(t *testing.T) {
	data := csvHeader + strings.Repeat("mailing,1,x,,,,1,1,\n", 120)
	list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(data), csvPlan())))
	if len(list) != MaxCSVErrors+1 {
		t.Fatalf("%d errors, want %d", len(list), MaxCSVErrors+1)
	}
	last := list[MaxCSVErrors]
	if last.Line != 52 || !strings.Contains(last.Msg.String(), "70 more errors") {
		t.Errorf("last: %+v", last)
	}
}

// utf16BE encodes s as UTF-16 big-endian, with a BOM when bom is set.
func utf16BE(s string, bom bool) []byte {
	le := utf16LE(s, bom)
	for i := 0; i+1 < len(le); i += 2 {
		le[i], le[i+1] = le[i+1], le[i]
	}
	return le
}

// UTF-16 files, with or without a BOM, little- or big-endian, read as
// their UTF-8 text. Without a BOM they used to give 14 errors about
// "c\x00h\x00…".
func TestActualsCSVUTF16(t *testing.T) {
	p := csvPlan()
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"LE", utf16LE(englishCSV, false)},
		{"LE BOM", utf16LE(englishCSV, true)},
		{"BE", utf16BE(englishCSV, false)},
		{"BE BOM", utf16BE(englishCSV, true)},
		{"LE French", utf16LE(strings.TrimPrefix(frenchCSV, "\uFEFF"), false)},
	} {
		got, err := ParseActualsCSV(c.name, c.data, p)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		sameActuals(t, got, wantCSV)
	}
	// Google Ads' "CSV (Excel)": UTF-16LE with a BOM, tab separated, CRLF;
	// the same figures as its CSV export (TestParseActualsCSVReports).
	src, err := os.ReadFile("testdata/google-ads-en.csv")
	if err != nil {
		t.Fatal(err)
	}
	utf8CSV, err := ParseActualsCSV("ads.csv", src, p)
	if err != nil {
		t.Fatal(err)
	}
	tabbed := strings.NewReplacer(",", "\t", "\n", "\r\n").Replace(string(src))
	got, err := ParseActualsCSV("ads.csv", utf16LE(tabbed, true), p)
	if err != nil {
		t.Fatal(err)
	}
	sameActuals(t, got, utf8CSV)
	// A broken UTF-16 file (an odd byte at the end, a lone surrogate) is
	// one error naming its line.
	odd := append(utf16LE(englishCSV, false), 'x')
	list := csvErrList(t, "odd.csv", mustFail(ParseActualsCSV("odd.csv", odd, p)))
	if e := list[0]; len(list) != 1 || !strings.Contains(e.Msg.String(), "at line 5, cell 1") || !strings.Contains(e.Msg.String(), "UTF-16") || !strings.Contains(e.Msg.String(), "save it as UTF-8 (CSV UTF-8 in Excel)") {
		t.Errorf("odd length: %v", list)
	}
	lone := utf16LE(csvHeader+"mailing,1,1,,,,1,1,\n", true)
	lone = append(lone, 0x00, 0xD8, 'a', 0)
	list = csvErrList(t, "lone.csv", mustFail(ParseActualsCSV("lone.csv", lone, p)))
	if e := list[0]; len(list) != 1 || !strings.Contains(e.Msg.String(), "UTF-16 text with a broken character at line 3, cell 1") {
		t.Errorf("lone surrogate: %v", list)
	}
}

// Other encodings are one error that says to save the file as UTF-8 and
// never echoes the bytes.
func TestActualsCSVNotUTF8(t *testing.T) {
	p := csvPlan()
	for _, c := range []struct {
		name, data, msg string
	}{
		// "è" in Windows-1252 is the byte 0xE8.
		{"windows-1252", csvHeader + "mailing,1,1,,,,1,1,\nBanni\xe8res,1,1,,,,1,1,\n", "line 3, cell 1 holds the byte 0xE8"},
		{"binary", "channel,month\n\x00\x01\x02\x03\x00\x00\xff\x00\x10", "line 2, cell 1 holds a NUL byte"},
		{"xlsx", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "Excel workbook"},
		{"NUL in UTF-8", csvHeader + "mailing,1,1,,,,1,1,\nsearch,1,1,,\x00,,1,1,\n", "line 3, cell 5 holds a NUL byte"},
	} {
		list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(c.data), p)))
		if e := list[0]; len(list) != 1 || e.Line != 0 || !strings.Contains(e.Msg.String(), c.msg) ||
			!strings.Contains(e.Msg.String(), "save it as UTF-8 (CSV UTF-8 in Excel)") {
			t.Errorf("%s: %v", c.name, list)
		}
	}
}

// Control characters in a cell are shown as their pictures (␁), never
// as the byte or an escape; a bidi override (U+202E) or a zero-width
// joiner as �, a no-break space as a space.
func TestActualsCSVNoControlInMessages(t *testing.T) {
	data := csvHeader + "mail\x01ing\x1b[2J,1,1\x7f,,,,1,\u202e1\u200d\u00a0x,\n"
	list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(data), csvPlan())))
	if len(list) != 3 || !strings.Contains(list[0].Msg.String(), `"mail␁ing␛[2J"`) || !strings.Contains(list[1].Msg.String(), `"1␡"`) ||
		!strings.Contains(list[2].Msg.String(), `"�1� x"`) {
		t.Errorf("got %v", list)
	}
}

// Every error names its line and its column: syntax errors and ragged
// rows too.
func TestActualsCSVErrorsNameTheColumn(t *testing.T) {
	p := csvPlan()
	for _, c := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"quote inside a cell", csvHeader + "mailing,1,1\"2,,,,1,1,\n", 2, `column "spend"`},
		{"text after the closing quote", csvHeader + "mailing,1,\"1\"2,,,,1,1,\n", 2, `column "spend"`},
		{"quote never closed", csvHeader + "mailing,1,1,,,,1,\"1,\nsearch,1,1,,,,1,1,\n", 2, `column "revenue"`},
		{"cell past the header", csvHeader + "mailing,1,1,,,,1,1,,\"x\"1\n", 2, "cell 10"},
		{"short row", csvHeader + "mailing,1,1,,,,1\n", 2, `no cell for "revenue", "cogs"`},
		{"long row", csvHeader + "mailing,1,1,,,,1,1,,x\n", 2, `cell 10 ("x") is past the last column "cogs"`},
		{"duplicate row", csvHeader + "mailing,1,1,,,,1,1,\nmailing,1,2,,,,1,1,\n", 3, `columns "channel" and "month"`},
	} {
		list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(c.data), p)))
		if e := list[0]; e.Line != c.line || !strings.Contains(e.Msg.String(), c.msg) {
			t.Errorf("%s: %v", c.name, list)
		}
	}
	// After a syntax error the reading goes on: every bad line is listed.
	data := csvHeader + "mailing,1,1\"2,,,,1,1,\nmailing,2,x,,,,1,1,\n"
	list := csvErrList(t, "a.csv", mustFail(ParseActualsCSV("a.csv", []byte(data), p)))
	if len(list) != 2 || list[0].Line != 2 || list[1].Line != 3 {
		t.Errorf("two bad lines: %v", list)
	}
}

// Old Mac files end their lines with a lone CR.
func TestActualsCSVCarriageReturns(t *testing.T) {
	got, err := ParseActualsCSV("a.csv", []byte(strings.ReplaceAll(englishCSV, "\n", "\r")), csvPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameActuals(t, got, wantCSV)
}
