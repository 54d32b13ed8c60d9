package plan

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// bench5MBCell is a CampaignSim actuals file whose one row has a spend
// cell of 5 MiB of digits: a file the reader must refuse, quickly.
func bench5MBCell() []byte {
	return []byte("channel,month,spend,exposures,interactions,leads,customers,revenue,cogs\n" +
		"mailing,1," + strings.Repeat("9", 5<<20) + ",,,,1,1,\n")
}

// BenchmarkActualsCSV5MBCell reads a file with one 5 MiB cell, which is
// refused.
func BenchmarkActualsCSV5MBCell(b *testing.B) {
	data := bench5MBCell()
	p := csvPlan()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ParseActualsCSV("cell.csv", data, p); err == nil {
			b.Fatal("a 5 MB cell was accepted")
		}
	}
}

// bench100kRows is a plan of 2 000 channels over 50 months and an English
// actuals file of 100 000 rows: one per channel and month.
func bench100kRows() (Plan, []byte) {
	p := Plan{Info: Info{Start: NewDate(2027, 1, 1), Months: 50}}
	const nch = 2000
	for i := 0; i < nch; i++ {
		p.Channels = append(p.Channels, Channel{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("C %d", i), Kind: Display})
	}
	var sb strings.Builder
	sb.WriteString("channel,month,spend,exposures,interactions,leads,customers,revenue,cogs\n")
	for i := 0; i < nch; i++ {
		for m := 1; m <= 50; m++ {
			fmt.Fprintf(&sb, "c%d,%d,1234.56,120000,552,,4.5,200.10,80\n", i, m)
		}
	}
	return p, []byte(sb.String())
}

// BenchmarkActualsCSV100kRows reads 100 000 rows (2 000 channels × 50
// months, comma separated, decimal points).
func BenchmarkActualsCSV100kRows(b *testing.B) {
	p, data := bench100kRows()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got, err := ParseActualsCSV("rows.csv", data, p)
		if err != nil || len(got) != 100000 {
			b.Fatalf("%d rows, %v", len(got), err)
		}
	}
}

// benchUTF16 is a Google Ads "CSV (Excel)" export: UTF-16LE with a BOM,
// tab separated, the title and date range above the header, one row per
// campaign and day — 3 campaigns × 90 days (2027-01-04 to 2027-04-03,
// all inside csvPlan's three months) = 270 rows — repeated 20 times
// under 20 names each (the rows add up), 5 400 rows in all.
func benchUTF16() []byte {
	var sb strings.Builder
	sb.WriteString("Campaign report\n\"January 4, 2027 - April 3, 2027\"\n")
	sb.WriteString("Campaign\tDay\tCurrency code\tCost\tImpr.\tClicks\tConversions\tConv. value\n")
	names := []string{"Recherche Google", "[display] Bannières hiver", "Mailing familles"}
	start := NewDate(2027, 1, 4).Time()
	for r := 0; r < 20; r++ {
		for _, n := range names {
			for d := 0; d < 90; d++ {
				fmt.Fprintf(&sb, "%s\t%s\tEUR\t12.40\t480\t31\t1.00\t50.00\n", n, start.AddDate(0, 0, d).Format("2006-01-02"))
			}
		}
	}
	return utf16LE(sb.String(), true)
}

// utf16LE encodes s as UTF-16 little-endian, with a BOM when bom is set.
func utf16LE(s string, bom bool) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2*len(u)+2)
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

// BenchmarkActualsCSVUTF16 reads a 5 400-row Google Ads "CSV (Excel)"
// export (UTF-16LE with BOM, tabs).
func BenchmarkActualsCSVUTF16(b *testing.B) {
	data := benchUTF16()
	p := csvPlan()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got, err := ParseActualsCSV("ads.csv", data, p)
		if err != nil || len(got) != 9 {
			b.Fatalf("%d rows, %v", len(got), err)
		}
	}
}
