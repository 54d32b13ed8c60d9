package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// yearDailyReport is a Google Ads campaign report segmented by day for
// 2027 — 50 campaigns × 365 days = 18 250 rows, English CSV with its
// title, date range and totals rows — and the plan it is for: 12 months
// from 2027-01-01, five search channels each taking ten campaigns by a
// pattern ("Campagne 3*" takes "Campagne 30".."Campagne 39").
func yearDailyReport() (Plan, []byte) {
	p := Plan{Format: 1, Info: Info{Title: "t", Start: NewDate(2027, 1, 1), Months: 12, Currency: "EUR", Budget: decimal.NewFromInt(5000)}}
	for c := 0; c < 5; c++ {
		p.Channels = append(p.Channels, Channel{ID: fmt.Sprintf("search-%d", c), Name: fmt.Sprintf("Search %d", c), Kind: Search,
			Campaigns: []string{fmt.Sprintf("Campagne %d*", c+1)}})
	}
	var b strings.Builder
	b.WriteString("Campaign report\n\"January 1, 2027 - December 31, 2027\"\n")
	b.WriteString("Day,Campaign status,Campaign,Campaign type,Impr.,Clicks,Cost,Conversions,Conv. value,Currency code\n")
	d := NewDate(2027, 1, 1)
	for day := 0; day < 365; day++ {
		date := d.Time().AddDate(0, 0, day).Format("2006-01-02")
		for c := 0; c < 50; c++ {
			fmt.Fprintf(&b, "%s,Enabled,Campagne %d,Search,\"1,%03d\",%d,%d.%02d,%d.00,%d.50,EUR\n", date, 10+c, c, 20+c, c, day%100, c%3, c)
		}
	}
	b.WriteString("Total: Account,,,, --, --, --, --, --,\n")
	return p, []byte(b.String())
}

// The year of daily rows reads into 5 channels × 12 months = 60 rows; the
// impressions add up to 365 × Σ_{c<50} (1000 + c) = 365 × (50 000 + 1 225)
// = 18 697 125.
func TestGoogleAdsYearDaily(t *testing.T) {
	p, data := yearDailyReport()
	imp, err := ReadActualsFiles([]ActualsFile{{"year.csv", data}}, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(imp.Rows) != 60 {
		t.Fatalf("%d rows, want 60", len(imp.Rows))
	}
	sum := decimal.Zero
	for _, a := range imp.Rows {
		sum = sum.Add(a.Exposures.Decimal)
	}
	if !sum.Equal(decimal.NewFromInt(18_697_125)) {
		t.Errorf("impressions = %s, want 18697125", sum)
	}
}

// BenchmarkGoogleAdsYearDaily imports a year of daily Google Ads rows for
// 50 campaigns (18 250 rows, 1.1 MB).
func BenchmarkGoogleAdsYearDaily(b *testing.B) {
	p, data := yearDailyReport()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadActualsFiles([]ActualsFile{{"year.csv", data}}, p); err != nil {
			b.Fatal(err)
		}
	}
}
