package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzReadActualsFiles checks that ReadActualsFiles never panics, gives
// only well-formed errors (checkCSVErrors) and no rows with them, and
// that the rows it accepts are in reportPlan's channels and months, once
// each, with figures in 0..10^12 (a sum of rows may exceed a row's bound,
// not 10^12 × the rows).
func FuzzReadActualsFiles(f *testing.F) {
	files, _ := filepath.Glob("testdata/reports/*.csv")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(utf16LE(strings.ReplaceAll(string(data), ",", "\t"), true))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := reportPlan()
		imp, err := ReadActualsFiles([]ActualsFile{{"f.csv", data}}, p)
		checkCSVErrors(t, "f.csv", err)
		if err != nil {
			if imp.Rows != nil {
				t.Fatal("rows with errors")
			}
			return
		}
		seen := map[[2]any]bool{}
		limit := decimal.New(1, 12).Mul(decimal.NewFromInt(int64(MaxCSVRows)))
		for _, a := range imp.Rows {
			k := [2]any{a.Channel, a.Month}
			if seen[k] || a.Month < 1 || a.Month > p.Info.Months {
				t.Fatalf("row %+v twice or outside the plan", a)
			}
			seen[k] = true
			if _, ok := p.Channel(a.Channel); !ok {
				t.Fatalf("unknown channel %q", a.Channel)
			}
			for _, d := range []decimal.Decimal{a.Spend, a.Customers, a.Revenue, a.Exposures.Decimal, a.Interactions.Decimal} {
				if d.Sign() < 0 || d.GreaterThan(limit) {
					t.Fatalf("figure %s out of range in %+v", d, a)
				}
			}
		}
	})
}
