package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// reportPlan is a twelve-month b2c plan from 2027-01-01 (its months are
// calendar months: September 2027 is month 9) with the channels the
// reports of testdata/reports feed.
func reportPlan() Plan {
	return Plan{Format: 1,
		Info:     Info{Title: "t", Start: NewDate(2027, 1, 1), Months: 12, Currency: "EUR", Budget: decimal.NewFromInt(5000)},
		Business: Business{Model: B2C},
		Channels: []Channel{
			{ID: "mailing", Name: "Mailing familles", Kind: Email, Campaigns: []string{"Newsletter*"}},
			{ID: "search", Name: "Recherche Google", Kind: Search, Campaigns: []string{"Marque*", "Générique*"}},
			{ID: "display", Name: "Bannières", Kind: Display, Campaigns: []string{"bannières *"}},
			{ID: "meta", Name: "Publicité Facebook", Kind: SocialAds, Campaigns: []string{"Printemps*"}},
		},
		Tracking: Tracking{IgnoreCampaigns: []string{"Ancienne*"}},
	}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/reports/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// googleWant are the September (month 9) rows of google-ads-en.csv: the
// paused campaigns and the two totals rows are skipped.
//
//	search  = "Marque - Recherche" + "Générique - Lille":
//	          spend 4934.20 + 509.60 = 5443.80; impressions 795836 + 41200 =
//	          837036; clicks 12034 + 980 = 13014; conversions 120 + 14.50 =
//	          134.50 (customers: b2c)
//	display = "Bannières hiver": 302.40, 210000, 630, 3
//
// No revenue column: revenue 0; leads and cogs unknown.
func googleWant() []Actual {
	return []Actual{
		{Channel: "search", Month: 9, Spend: dec("5443.80"), Exposures: ndec("837036"), Interactions: ndec("13014"), Customers: dec("134.50"), Revenue: dec("0")},
		{Channel: "display", Month: 9, Spend: dec("302.40"), Exposures: ndec("210000"), Interactions: ndec("630"), Customers: dec("3"), Revenue: dec("0")},
	}
}

func sameReportRows(t *testing.T, got, want []Actual) {
	t.Helper()
	sameActuals(t, got, want)
	for i := range got {
		g, w := got[i], want[i]
		if g.SpendUnknown != w.SpendUnknown || g.Opens.Valid != w.Opens.Valid || g.Opens.Valid && !g.Opens.Decimal.Equal(w.Opens.Decimal) {
			t.Errorf("row %d: spend unknown %v opens %v, want %v %v", i, g.SpendUnknown, g.Opens, w.SpendUnknown, w.Opens)
		}
	}
}

func TestReadGoogleAdsReport(t *testing.T) {
	for _, name := range []string{"google-ads-en.csv", "google-ads-fr.csv"} {
		t.Run(name, func(t *testing.T) {
			imp, err := ReadActualsFiles([]ActualsFile{{name, readTestdata(t, name)}}, reportPlan())
			if err != nil {
				t.Fatal(err)
			}
			sameReportRows(t, imp.Rows, googleWant())
			f := imp.Files[0]
			if f.Source != "google-ads" || !reflect.DeepEqual(f.Months, []int{9}) || f.Currency != "EUR" {
				t.Errorf("file = %+v", f)
			}
			if want := []string{"Générique - Lille", "Marque - Recherche"}; !reflect.DeepEqual(f.Campaigns["search"], want) {
				t.Errorf("search campaigns = %q, want %q", f.Campaigns["search"], want)
			}
		})
	}
}

// googleRows are the rows of google-ads-en.csv, as cells.
func googleRows(t *testing.T) [][]string {
	r := csv.NewReader(bytes.NewReader(readTestdata(t, "google-ads-en.csv")))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// utf16Excel writes rows as Google Ads' "CSV (Excel)": UTF-16LE with a
// byte-order mark, tab separated, CRLF.
func utf16Excel(rows [][]string) []byte {
	var sb strings.Builder
	for _, r := range rows {
		sb.WriteString(strings.Join(r, "\t"))
		sb.WriteString("\r\n")
	}
	u := utf16.Encode([]rune(sb.String()))
	out := []byte{0xFF, 0xFE}
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

// xlsxOf writes rows into the first sheet of a workbook; cells that are
// numbers in the report's English writing ("795,836", "4,934.20") are
// stored as numbers, as Google Ads' .xlsx stores them.
func xlsxOf(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var v any = c
			if d, k := reportNumber(c, '.', false); k == cellNumber && i >= 3 {
				v, _ = d.Float64()
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The same figures from the CSV, the Excel CSV (UTF-16, tabs) and the
// .xlsx of one report.
func TestReportSameFiguresThreeFormats(t *testing.T) {
	rows := googleRows(t)
	files := []ActualsFile{
		{"campagnes.csv", readTestdata(t, "google-ads-en.csv")},
		{"campagnes-excel.csv", utf16Excel(rows)},
		{"campagnes.xlsx", xlsxOf(t, rows)},
	}
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			imp, err := ReadActualsFiles([]ActualsFile{f}, reportPlan())
			if err != nil {
				t.Fatal(err)
			}
			sameReportRows(t, imp.Rows, googleWant())
		})
	}
}

// Meta: the account summary (no campaign name) is skipped; purchases are
// customers, reach results are not conversions; the currency is in the
// spend header.
//
//	meta = "Printemps - Conversions" + "Printemps - Notoriété":
//	       spend 790.75 + 390.00 = 1180.75; impressions 58000 + 38200 =
//	       96200; link clicks 1120 + 582 = 1702; customers 42 (purchases) +
//	       0 (reach) = 42
func TestReadMetaReport(t *testing.T) {
	data := readTestdata(t, "meta-en.csv")
	imp, err := ReadActualsFiles([]ActualsFile{{"meta.csv", data}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, []Actual{{Channel: "meta", Month: 9, Spend: dec("1180.75"), Exposures: ndec("96200"), Interactions: ndec("1702"), Customers: dec("42"), Revenue: dec("0")}})
	if f := imp.Files[0]; f.Source != "meta" || f.Currency != "EUR" {
		t.Errorf("file = %+v", f)
	}
	// b2b: a lead indicator makes leads, a purchase still customers.
	p := reportPlan()
	p.Business.Model = B2B
	lead := strings.Replace(string(data), "actions:offsite_conversion.fb_pixel_purchase", "actions:lead", 1)
	imp, err = ReadActualsFiles([]ActualsFile{{"meta.csv", []byte(lead)}}, p)
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, []Actual{{Channel: "meta", Month: 9, Spend: dec("1180.75"), Exposures: ndec("96200"), Interactions: ndec("1702"), Leads: ndec("42"), Customers: dec("0"), Revenue: dec("0")}})
}

// Mailchimp: the two September sends add up; opens are read; the export
// has no cost column, so the spend is unknown.
//
//	mailing: deliveries 2450 + 2443 = 4893; unique clicks 71 + 69 = 140;
//	         unique opens 551 + 540 = 1091; orders 9 + 8 = 17; revenue
//	         118.80 + 103.95 = 222.75
func TestReadMailchimpReport(t *testing.T) {
	imp, err := ReadActualsFiles([]ActualsFile{{"mailchimp.csv", readTestdata(t, "mailchimp.csv")}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, []Actual{{Channel: "mailing", Month: 9, SpendUnknown: true, Exposures: ndec("4893"), Interactions: ndec("140"), Opens: ndec("1091"), Customers: dec("17"), Revenue: dec("222.75")}})
	if !imp.Files[0].SpendUnknown {
		t.Error("SpendUnknown not set on the file")
	}
}

// Three files of three tools, and a CampaignSim CSV, add up per channel
// and month: the CampaignSim row of search in September (spend 100,
// customers 1) adds to the Google Ads one (5443.80 + 100 = 5543.80;
// 134.50 + 1 = 135.50); the Mailchimp row keeps its spend unknown alone,
// known once a CampaignSim row gives one.
func TestReadSeveralFiles(t *testing.T) {
	own := "channel,month,spend,customers,revenue\nsearch,9,100,1,40\n"
	imp, err := ReadActualsFiles([]ActualsFile{
		{"google.csv", readTestdata(t, "google-ads-en.csv")},
		{"meta.csv", readTestdata(t, "meta-en.csv")},
		{"mailchimp.csv", readTestdata(t, "mailchimp.csv")},
		{"own.csv", []byte(own)},
	}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	want := []Actual{ // in the order each first appears
		{Channel: "search", Month: 9, Spend: dec("5543.80"), Exposures: ndec("837036"), Interactions: ndec("13014"), Customers: dec("135.50"), Revenue: dec("40")},
		{Channel: "display", Month: 9, Spend: dec("302.40"), Exposures: ndec("210000"), Interactions: ndec("630"), Customers: dec("3"), Revenue: dec("0")},
		{Channel: "meta", Month: 9, Spend: dec("1180.75"), Exposures: ndec("96200"), Interactions: ndec("1702"), Customers: dec("42"), Revenue: dec("0")},
		{Channel: "mailing", Month: 9, SpendUnknown: true, Exposures: ndec("4893"), Interactions: ndec("140"), Opens: ndec("1091"), Customers: dec("17"), Revenue: dec("222.75")},
	}
	sameReportRows(t, imp.Rows, want)
	srcs := []string{}
	for _, f := range imp.Files {
		srcs = append(srcs, f.Source)
	}
	if !reflect.DeepEqual(srcs, []string{"google-ads", "meta", "mailchimp", "campaignsim"}) {
		t.Errorf("sources = %q", srcs)
	}
}

// The errors a report gives, each naming its file, line and column.
func TestReportErrors(t *testing.T) {
	en := string(readTestdata(t, "google-ads-en.csv"))
	meta := string(readTestdata(t, "meta-en.csv"))
	noPatterns := func(p Plan) Plan { p.Channels[1].Campaigns = nil; return p }
	cases := []struct {
		name, file, data string
		plan             func(Plan) Plan
		want             []string
	}{
		{"unplaced campaign", "g.csv", en, noPatterns,
			[]string{`g.csv:4: campaign "Marque - Recherche" matches no channel of the plan: add it to a channel, e.g. campaigns = ["Marque - Recherche"] under the [[channels]] with id = "search"`,
				`g.csv:5: campaign "Générique - Lille"`}},
		{"two channels", "g.csv", en, func(p Plan) Plan { p.Channels[2].Campaigns = []string{"*hiver", "Marque*"}; return p },
			[]string{`g.csv:4: campaign "Marque - Recherche" matches the channels "search" and "display"`}},
		{"currency column", "g.csv", en, func(p Plan) Plan { p.Info.Currency = "USD"; return p },
			[]string{`g.csv:4: column "Currency code": the amounts of this row are in EUR but the plan is in USD: download the report in USD, or set currency = "EUR" in [plan]`}},
		{"currency header", "m.csv", meta, func(p Plan) Plan { p.Info.Currency = "CHF"; return p },
			[]string{`m.csv:1: the amounts of column "Amount spent (EUR)" are in EUR but the plan is in CHF`}},
		{"all time", "g.csv", strings.Replace(en, `"September 1, 2027 - September 30, 2027"`, "All time", 1), nil,
			[]string{`g.csv:2: the report covers "All time", which is not inside one month of the plan`, "Segment → Time → Month"}},
		{"two months", "g.csv", strings.Replace(en, "September 30, 2027", "October 31, 2027", 1), nil,
			[]string{`g.csv:2: the report covers "September 1, 2027 - October 31, 2027", which is not inside one month`}},
		{"no range", "g.csv", strings.Replace(en, "\"September 1, 2027 - September 30, 2027\"\n", "", 1), nil,
			[]string{`g.csv:2: the report has no time segment column (Month, Week, Day, Date) and no date range above its header`}},
		{"meta over two months", "m.csv", strings.Replace(meta, "2027-09-01,2027-09-30,Printemps - Conversions", "2027-09-01,2027-10-31,Printemps - Conversions", 1), nil,
			[]string{`m.csv:3: columns "Reporting starts" and "Reporting ends": this row covers 2027-09-01 to 2027-10-31`}},
		{"meta all time: one error", "m.csv", strings.ReplaceAll(meta, "2027-09-01,2027-09-30", "2027-01-01,2027-09-30"), nil,
			[]string{`m.csv:3: columns "Reporting starts" and "Reporting ends": this row covers 2027-01-01 to 2027-09-30`}},
		// found by FuzzActualsCSV: a report's header alone gave no row and no error
		{"header only", "g.csv", "CAmpAign,Month,Cost", nil, []string{"g.csv:1: the report has no row to import"}},
		{"only paused campaigns", "g.csv", strings.Join(strings.Split(en, "\n")[:3], "\n") + "\nPaused,Essai 2026,5.00,Daily,Paused,Search,0,0,0.00%, --,0.00,0,0.00,0.00%, --,EUR\n", nil,
			[]string{"g.csv:3: the report has no row to import: every row below the header is a total, an account summary or all zero"}},
		{"bad number", "g.csv", strings.Replace(en, `"4,934.20"`, `"4,93.20"`, 1), nil,
			[]string{`g.csv:4: column "Cost": "4,93.20" is not a number: write it as the report does, e.g. 1,234.56`}},
		{"outside the plan", "g.csv", strings.ReplaceAll(en, "2027", "2029"), nil,
			[]string{`g.csv:2: the report covers "September 1, 2029 - September 30, 2029"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := reportPlan()
			if c.plan != nil {
				p = c.plan(p)
			}
			imp, err := ReadActualsFiles([]ActualsFile{{c.file, []byte(c.data)}}, p)
			if err == nil {
				t.Fatal("no error")
			}
			if imp.Rows != nil {
				t.Error("rows imported despite the errors")
			}
			var el ErrorList
			if !errors.As(err, &el) || el[0].File != c.file || el[0].Line == 0 {
				t.Errorf("not an ErrorList with File and Line: %#v", err)
			}
			if strings.HasPrefix(c.name, "meta all time") && len(el) != 1 {
				t.Errorf("%d errors, want 1: %v", len(el), err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got\n%v\nwant it to contain\n%s", err, w)
				}
			}
		})
	}
}

// Unplaced campaigns come back for the app to offer a channel.
func TestReportUnplaced(t *testing.T) {
	p := reportPlan()
	p.Channels[1].Campaigns = []string{"Marque*"}
	imp, err := ReadActualsFiles([]ActualsFile{{"g.csv", readTestdata(t, "google-ads-en.csv")}}, p)
	if err == nil {
		t.Fatal("no error")
	}
	want := []UnplacedCampaign{{File: "g.csv", Line: 5, Campaign: "Générique - Lille", Suggest: "search"}}
	if !reflect.DeepEqual(imp.Unplaced, want) {
		t.Errorf("unplaced = %+v, want %+v", imp.Unplaced, want)
	}
}

func TestMatchCampaign(t *testing.T) {
	cases := []struct {
		pat, name string
		want      bool
	}{
		{"Générique*", "générique - Lille", true},
		{"*Noël*", "Promo Noël 2027", true},
		{"Marque", "Marque 2", false},
		{"  marque ", "MARQUE", true},
		{"*", "", true},
		{"a*a", "a", false},
		{"a*b*c", "aXbYc", true},
		{"a*b*c", "aXcYb", false},
		{"GÉNÉRIQUE*", "générique", true},
		{"Promo?", "Promo?", true},
		{"Promo?", "Promo!", false},
	}
	for _, c := range cases {
		if got := MatchCampaign(c.pat, c.name); got != c.want {
			t.Errorf("MatchCampaign(%q, %q) = %v, want %v", c.pat, c.name, got, c.want)
		}
	}
}

func TestReportNumber(t *testing.T) {
	cases := []struct {
		s    string
		dec  byte
		want string // "" for bad, "blank"
	}{
		{"795,836", '.', "795836"},
		{"1,234.56", '.', "1234.56"},
		{"12,5", '.', ""},
		{" --", '.', "blank"},
		{"1\u202f234,56", ',', "1234.56"},
		{"1\u00a0234", ',', "1234"},
		{"1.234,56", ',', "1234.56"},
		{"12.50", ',', "12.50"},
		{"€1,250.50", '.', "1250.50"},
		{"1,2,3", '.', ""},
	}
	for _, c := range cases {
		d, k := reportNumber(c.s, c.dec, false)
		got := ""
		switch k {
		case cellBlank:
			got = "blank"
		case cellNumber:
			got = d.String()
			if d.Equal(dec(c.want)) {
				got = c.want
			}
		}
		if got != c.want {
			t.Errorf("reportNumber(%q, %q) = %q, want %q", c.s, c.dec, got, c.want)
		}
	}
}

// planMonth is MonthOf, faster: the same month for every day of 1900..2199
// against plans starting at month ends and beginnings.
func TestPlanMonthIsMonthOf(t *testing.T) {
	for _, st := range []Date{NewDate(2027, 1, 1), NewDate(2027, 1, 4), NewDate(2027, 1, 31), NewDate(2028, 2, 29), NewDate(2026, 12, 30)} {
		for d := NewDate(2025, 1, 1); d.Year < 2032; d = DateOf(d.Time().AddDate(0, 0, 1)) {
			if a, b := planMonth(st, d), MonthOf(st, d); a != b {
				t.Fatalf("start %s, %s: planMonth %d, MonthOf %d", st, d, a, b)
			}
		}
		for _, d := range []Date{NewDate(1900, 1, 1), NewDate(2199, 12, 31)} {
			if a, b := planMonth(st, d), MonthOf(st, d); a != b {
				t.Fatalf("start %s, %s: planMonth %d, MonthOf %d", st, d, a, b)
			}
		}
	}
}

// Issue 12: ParseActualsCSV (what the CLI's --actuals and the app read)
// refused a real Google Ads campaign report — `unknown column "Campaign
// report"` then "missing column" errors — and every campaign not named
// after a channel id. It now reads it by the report rules.
func TestParseActualsCSVRealGoogleAds(t *testing.T) {
	for _, name := range []string{"google-ads-en.csv", "google-ads-fr.csv"} {
		got, err := ParseActualsCSV(name, readTestdata(t, name), reportPlan())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameActuals(t, got, googleWant())
	}
}

// Google Ads' "CSV (Excel)" in English is tab separated with thousands
// written "795,836": ParseActualsCSV read them as decimals (795.836
// impressions, 12.034 clicks) before the report rules, which take the
// decimal separator from the numbers ("4,934.20": a point) or the
// language.
func TestExcelCSVEnglishThousands(t *testing.T) {
	p := reportPlan()
	data := "Campaign\tMonth\tCost\tImpr.\tClicks\tConversions\tConv. value\nRecherche Google\tSeptember 2027\t4,934.20\t795,836\t12,034\t120.00\t0.00\n"
	rows, err := ParseActualsCSV("ads.csv", []byte(data), p)
	if err != nil {
		t.Fatal(err)
	}
	// September 2027 → its 15th → plan month 9 (the plan starts 2027-01-01)
	sameActuals(t, rows, []Actual{{Channel: "search", Month: 9, Spend: dec("4934.20"), Exposures: ndec("795836"), Interactions: ndec("12034"), Customers: dec("120"), Revenue: dec("0")}})
}

// Time segments: a month column is read as the month's 15th, a week as its
// 4th day, a day as itself — against a plan whose months start on the
// 4th (month 1 = 2027-01-04..2027-02-03, month 9 = 2027-09-04..10-03).
func TestReportSegments(t *testing.T) {
	p := reportPlan()
	p.Info.Start = NewDate(2027, 1, 4)
	head := "Campaign report\n\"September 1, 2027 - October 31, 2027\"\n"
	cases := []struct {
		name, data string
		want       []Actual
	}{
		// "September 2027" → 2027-09-15 → month 9; "October 2027" → 10-15 → month 10
		{"month", head + "Month,Campaign,Cost,Impr.,Clicks,Conversions\nSeptember 2027,Marque - Recherche,10.00,100,5,1.00\nOctober 2027,Marque - Recherche,20.00,200,6,2.00\n",
			[]Actual{
				{Channel: "search", Month: 9, Spend: dec("10"), Exposures: ndec("100"), Interactions: ndec("5"), Customers: dec("1"), Revenue: dec("0")},
				{Channel: "search", Month: 10, Spend: dec("20"), Exposures: ndec("200"), Interactions: ndec("6"), Customers: dec("2"), Revenue: dec("0")},
			}},
		// French month names: "sept. 2027" too
		{"mois", "Rapport sur les campagnes\n\"1 sept. 2027 - 31 oct. 2027\"\nMois,Campagne,Coût,Impr.,Clics,Conversions\nseptembre 2027,Marque - Recherche,\"10,50\",100,5,\"1,00\"\n",
			[]Actual{{Channel: "search", Month: 9, Spend: dec("10.50"), Exposures: ndec("100"), Interactions: ndec("5"), Customers: dec("1"), Revenue: dec("0")}}},
		// the week of Monday 2027-08-30 → its 4th day 09-02 → month 8
		// (08-04..09-03); the week of 09-06 → 09-09 → month 9: they do not add up
		{"week", head + "Week,Campaign,Cost,Impr.,Clicks,Conversions\n2027-08-30,Marque - Recherche,1.00,10,1,0.00\n2027-09-06,Marque - Recherche,2.00,20,2,0.00\n",
			[]Actual{
				{Channel: "search", Month: 8, Spend: dec("1"), Exposures: ndec("10"), Interactions: ndec("1"), Customers: dec("0"), Revenue: dec("0")},
				{Channel: "search", Month: 9, Spend: dec("2"), Exposures: ndec("20"), Interactions: ndec("2"), Customers: dec("0"), Revenue: dec("0")},
			}},
		// days 09-03 (month 8) and 09-04, 09-30 (month 9: 1 + 2 = 3 spend)
		{"day", head + "Day,Campaign,Cost,Impr.,Clicks,Conversions\n2027-09-03,Marque - Recherche,5.00,10,1,0.00\n2027-09-04,Marque - Recherche,1.00,10,1,0.00\n2027-09-30,Marque - Recherche,2.00,20,2,1.00\n",
			[]Actual{
				{Channel: "search", Month: 8, Spend: dec("5"), Exposures: ndec("10"), Interactions: ndec("1"), Customers: dec("0"), Revenue: dec("0")},
				{Channel: "search", Month: 9, Spend: dec("3"), Exposures: ndec("30"), Interactions: ndec("3"), Customers: dec("1"), Revenue: dec("0")},
			}},
		// no segment, a range of one whole calendar month: September →
		// its 15th → month 9, although it starts in month 8
		{"calendar month range", "Campaign report\n\"September 1, 2027 - September 30, 2027\"\nCampaign,Cost,Impr.,Clicks,Conversions\nMarque - Recherche,1.00,10,1,0.00\n",
			[]Actual{{Channel: "search", Month: 9, Spend: dec("1"), Exposures: ndec("10"), Interactions: ndec("1"), Customers: dec("0"), Revenue: dec("0")}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			imp, err := ReadActualsFiles([]ActualsFile{{"r.csv", []byte(c.data)}}, p)
			if err != nil {
				t.Fatal(err)
			}
			sameReportRows(t, imp.Rows, c.want)
		})
	}
}

// Every role of assets/actuals_columns.toml's [[reports]] is one the
// reader knows, and every report has a campaign column in both languages.
func TestReportSources(t *testing.T) {
	srcs, err := ReportSources()
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, s := range srcs {
		ids = append(ids, s.ID)
		for lang, cols := range map[string]map[string][]string{"en": s.EN, "fr": s.FR} {
			if len(cols["campaign"]) == 0 {
				t.Errorf("%s.%s: no campaign column", s.ID, lang)
			}
			for role := range cols {
				found := false
				for _, r := range reportRoles {
					found = found || r == role
				}
				if !found {
					t.Errorf("%s.%s: role %q is not one of %v", s.ID, lang, role, reportRoles)
				}
			}
		}
	}
	if !reflect.DeepEqual(ids, []string{"google-ads", "meta", "mailchimp"}) {
		t.Errorf("reports = %q", ids)
	}
}

// Meta and Mailchimp in French: the same figures as their English
// exports (TestReadMetaReport, TestReadMailchimpReport), numbers written
// "1 180,75" and "96 200" (no-break spaces), semicolons between cells.
func TestReadFrenchExports(t *testing.T) {
	meta := "Début des rapports;Fin des rapports;Nom de la campagne;Résultats;Indicateur de résultat;Impressions;Montant dépensé (EUR);Clics sur un lien\n" +
		"2027-09-01;2027-09-30;;;;96\u00a0200;1\u00a0180,75;1\u00a0702\n" +
		"2027-09-01;2027-09-30;Printemps - Conversions;42;actions:offsite_conversion.fb_pixel_purchase;58\u00a0000;790,75;1\u00a0120\n" +
		"2027-09-01;2027-09-30;Printemps - Notoriété;17\u00a0110;reach;38\u00a0200;390,00;582\n"
	mail := "Titre;Date d'envoi;Livraisons réussies;Ouvertures uniques;Clics uniques;Commandes;Chiffre d'affaires total\n" +
		"Newsletter de septembre;8 sept. 2027 07:30;2450;551;71;9;118,80\n" +
		"Newsletter - offre du mois;22 sept. 2027 07:30;2443;540;69;8;103,95\n"
	imp, err := ReadActualsFiles([]ActualsFile{{"meta.csv", []byte(meta)}, {"mailchimp.csv", []byte(mail)}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, []Actual{
		{Channel: "meta", Month: 9, Spend: dec("1180.75"), Exposures: ndec("96200"), Interactions: ndec("1702"), Customers: dec("42"), Revenue: dec("0")},
		{Channel: "mailing", Month: 9, SpendUnknown: true, Exposures: ndec("4893"), Interactions: ndec("140"), Opens: ndec("1091"), Customers: dec("17"), Revenue: dec("222.75")},
	})
	if imp.Files[0].Language != "fr" || imp.Files[1].Language != "fr" {
		t.Errorf("languages %q, %q", imp.Files[0].Language, imp.Files[1].Language)
	}
}
