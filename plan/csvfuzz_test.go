package plan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// checkCSVErrors fails t unless err is nil or an ErrorList that an
// import may give: 1 to MaxCSVErrors+1 errors, each with the file's name,
// a message of bounded length, no control character in it.
func checkCSVErrors(t *testing.T, file string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("a %T, want an ErrorList: %v", err, err)
	}
	if len(list) == 0 || len(list) > MaxCSVErrors+1 {
		t.Fatalf("%d errors", len(list))
	}
	for _, e := range list {
		if e.File != file || e.Msg.String() == "" || e.Line < 0 {
			t.Fatalf("bad error %+v", e)
		}
		// The longest messages quote three excerpts of 40 characters
		// (4 bytes each at most) and csvPlan's three channel ids.
		if len(e.Msg.String()) > 1200 || len(e.Path) > 4*csvExcerptLen+3 {
			t.Fatalf("message of %d bytes, path of %d: %.300q", len(e.Msg.String()), len(e.Path), e.Msg.String())
		}
		for _, r := range e.Msg.String() + e.Path {
			if unicode.IsControl(r) {
				t.Fatalf("control character %U in %q", r, e.Msg.String())
			}
		}
		// Cells are quoted through csvExcerpt, so %q escapes nothing.
		if strings.Contains(e.Msg.String(), `\x`) || strings.Contains(e.Msg.String(), `\u`) || strings.Contains(e.Msg.String(), `\U`) {
			t.Fatalf("escape in %q", e.Msg.String())
		}
	}
}

// FuzzActualsCSV checks that ParseActualsCSV (and ParsePathsCSV, which
// shares its reader) never panics, gives only well-formed errors, and
// that the rows it accepts are in csvPlan's channels and months, once
// each, with figures in 0..10^12.
func FuzzActualsCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(utf16LE(strings.ReplaceAll(string(data), ",", "\t"), true))
	}
	for _, s := range []string{englishCSV, frenchCSV, csvHeader + "mailing,1,\"1\"\"2\",,,,1,1,\n",
		"path_id,step,channel,converted,revenue\na,2,mailing,,\na,1,display,1,120.50\n",
		csvHeader + "mailing,1,1,,,,1,\"1,\nsearch,1,1,,,,1,1,\n", "\r\n\r\n", "a\rb\rc"} {
		f.Add([]byte(s))
		f.Add(utf16LE(s, false))
		f.Add(utf16BE(s, false))
	}
	p := csvPlan()
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := ParseActualsCSV("f.csv", data, p)
		checkCSVErrors(t, "f.csv", err)
		if err != nil && rows != nil {
			t.Fatal("rows and an error")
		}
		if err == nil {
			if len(rows) == 0 {
				t.Fatal("no rows and no error")
			}
			if _, err := MergeActuals(p, rows); err != nil {
				t.Fatalf("accepted rows MergeActuals refuses: %v", err)
			}
			for _, a := range rows {
				for _, d := range []struct {
					ok  bool
					val string
				}{{true, a.Spend.String()}, {true, a.Customers.String()}, {true, a.Revenue.String()},
					{a.Exposures.Valid, a.Exposures.Decimal.String()}, {a.Interactions.Valid, a.Interactions.Decimal.String()},
					{a.Leads.Valid, a.Leads.Decimal.String()}, {a.COGS.Valid, a.COGS.Decimal.String()}} {
					if !d.ok {
						continue
					}
					v := dec(d.val)
					// A report's rows add up: 200 000 rows of 10^12.
					if v.Sign() < 0 || v.GreaterThan(maxImport.Mul(dec("200000"))) {
						t.Fatalf("figure %s out of range in %+v", d.val, a)
					}
				}
			}
		}
		paths, err := ParsePathsCSV("f.csv", data, p)
		checkCSVErrors(t, "f.csv", err)
		if err != nil && paths != nil {
			t.Fatal("paths and an error")
		}
	})
}
