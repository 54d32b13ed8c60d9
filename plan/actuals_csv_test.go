package plan

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// csvPlan is a three-month plan from 2027-01-04 with an email, a display
// and a search channel.
func csvPlan() Plan {
	return Plan{Format: 1,
		Info: Info{Title: "t", Start: NewDate(2027, 1, 4), Months: 3, Budget: decimal.NewFromInt(5000)},
		Channels: []Channel{
			{ID: "mailing", Name: "Mailing familles", Kind: Email},
			{ID: "display", Name: "Bannières", Kind: Display},
			{ID: "search", Name: "Recherche Google", Kind: Search},
		}}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
func ndec(s string) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: dec(s), Valid: true}
}

// sameActuals compares two lists of actuals by value (decimals with Equal).
func sameActuals(t *testing.T, got, want []Actual) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d:\n%+v", len(got), len(want), got)
	}
	eqN := func(a, b decimal.NullDecimal) bool {
		return a.Valid == b.Valid && (!a.Valid || a.Decimal.Equal(b.Decimal))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Channel != w.Channel || g.Month != w.Month || !g.Spend.Equal(w.Spend) || !g.Customers.Equal(w.Customers) ||
			!g.Revenue.Equal(w.Revenue) || !eqN(g.Exposures, w.Exposures) || !eqN(g.Interactions, w.Interactions) ||
			!eqN(g.Leads, w.Leads) || !eqN(g.COGS, w.COGS) {
			t.Errorf("row %d:\ngot  %+v\nwant %+v", i, g, w)
		}
	}
}

const englishCSV = `channel,month,spend,exposures,interactions,leads,customers,revenue,cogs
mailing,1,150,2420,70,,9,95.40,38.00
display,1,1234.56,120000,552,,4.5,200,
search,2,"1,000.50",,310,,12,600.25,
`

// The same data as a French spreadsheet writes it: BOM, ";", decimal
// commas, thousands separated by U+202F and U+00A0, CRLF, quoted cells.
var frenchCSV = "\uFEFFchannel;month;spend;exposures;interactions;leads;customers;revenue;cogs\r\n" +
	"mailing;1;150;2\u202f420;70;;9;95,40;38,00\r\n" +
	"display;1;1\u00a0234,56;120 000;552;;4,5;200;\r\n" +
	"\"search\";2;1000,50;;310;;12;\"600,25\";\r\n"

var wantCSV = []Actual{
	{Channel: "mailing", Month: 1, Spend: dec("150"), Exposures: ndec("2420"), Interactions: ndec("70"), Customers: dec("9"), Revenue: dec("95.40"), COGS: ndec("38")},
	{Channel: "display", Month: 1, Spend: dec("1234.56"), Exposures: ndec("120000"), Interactions: ndec("552"), Customers: dec("4.5"), Revenue: dec("200")},
	{Channel: "search", Month: 2, Spend: dec("1000.50"), Interactions: ndec("310"), Customers: dec("12"), Revenue: dec("600.25")},
}

func TestParseActualsCSVFrenchAndEnglish(t *testing.T) {
	p := csvPlan()
	en, err := ParseActualsCSV("en.csv", []byte(englishCSV), p)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := ParseActualsCSV("fr.csv", []byte(frenchCSV), p)
	if err != nil {
		t.Fatal(err)
	}
	sameActuals(t, en, wantCSV)
	sameActuals(t, fr, wantCSV)
	// French headers, and optional columns left out.
	fr2 := "canal;mois;dépense;clients;chiffre_affaires\nmailing;1;150;9;95,40\n"
	got, err := ParseActualsCSV("fr2.csv", []byte(fr2), p)
	if err != nil {
		t.Fatal(err)
	}
	sameActuals(t, got, []Actual{{Channel: "mailing", Month: 1, Spend: dec("150"), Customers: dec("9"), Revenue: dec("95.4")}})
}

func TestParseActualsCSVErrors(t *testing.T) {
	p := csvPlan()
	const h = "channel,month,spend,exposures,interactions,leads,customers,revenue,cogs\n"
	big := make([]byte, MaxFileSize+1)
	for i := range big {
		big[i] = 'a'
	}
	cases := []struct {
		name, data string
		line       int
		path, msg  string
	}{
		{"unknown column", "channel,month,spend,customers,revenue,clicks\nmailing,1,1,1,1,1\n", 1, "clicks", `unknown column "clicks"`},
		{"missing column", "channel,month,spend,customers\nmailing,1,1,1\n", 1, "revenue", `missing column "revenue"`},
		{"column twice", "channel,month,spend,customers,revenue,clients\nmailing,1,1,1,1,1\n", 1, "clients", "appears twice"},
		{"bad decimal", h + "mailing,1,12x,,,,1,1,\n", 2, "spend", `"12x" is not a number`},
		{"decimal comma in comma file", h + "mailing,1,\"12,5\",,,,1,1,\n", 2, "spend", "decimal comma"},
		{"two decimal commas", "channel;month;spend;customers;revenue\nmailing;1;1,2,3;1;1\n", 2, "spend", "not a number"},
		{"negative", h + "mailing,1,-5,,,,1,1,\n", 2, "spend", "negative"},
		{"empty required", h + "mailing,1,,,,,1,1,\n", 2, "spend", "is empty"},
		{"month out of range", h + "mailing,4,1,,,,1,1,\n", 2, "month", "month 4 is outside the plan"},
		{"month not a number", h + "mailing,janvier,1,,,,1,1,\n", 2, "month", "not a whole number"},
		{"unknown channel", h + "mail,1,1,,,,1,1,\n", 2, "channel", `"mail" is not the id of a channel`},
		{"duplicate row", h + "mailing,1,1,,,,1,1,\nmailing,1,2,,,,1,1,\n", 3, "channel", "already has a row (line 2)"},
		{"empty file", "", 1, "", "the file is empty"},
		{"blank lines only", "\r\n\r\n", 1, "", "the file is empty"},
		{"header only", h, 1, "", "no row"},
		{"ragged row", h + "mailing,1,1,,,,1\n", 2, "", "this row has 7 cells but the header has 9"},
		{"bad quote", h + "mailing,1,\"1\"2,,,,1,1,\n", 2, "", "CSV syntax error"},
		{"not utf-8", "channel,month\n\xe9\n", 0, "", "not UTF-8"},
		{"too large", string(big), 0, "", "more than the 10485760 bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseActualsCSV("a.csv", []byte(c.data), p)
			if got != nil {
				t.Errorf("rows imported despite the error: %v", got)
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("want an ErrorList, got %v", err)
			}
			e := list[0]
			if e.File != "a.csv" || e.Line != c.line || e.Path != c.path || !strings.Contains(e.Msg.String(), c.msg) {
				t.Errorf("got %+v\nwant line %d path %q msg ~ %q", e, c.line, c.path, c.msg)
			}
		})
	}
}

func TestParseActualsCSVNothingWhenOneRowIsBad(t *testing.T) {
	data := englishCSV + "search,3,abc,,,,1,1,\nmailing,9,1,,,,1,1,\n"
	_, err := ParseActualsCSV("a.csv", []byte(data), csvPlan())
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || list[0].Line != 5 || list[1].Line != 6 {
		t.Fatalf("want two errors on lines 5 and 6, got %v", err)
	}
	if !strings.HasPrefix(list[0].Error(), "a.csv:5: ") {
		t.Errorf("format: %s", list[0].Error())
	}
}

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		sep  rune
		want string
		kind cellKind
	}{
		{"1234.56", ',', "1234.56", cellNumber},
		{"1,234.56", ',', "1234.56", cellNumber},
		{"1,234", ',', "1234", cellNumber},
		{"12,5", ',', "", cellCommaDecimal},
		{"1234,56", ';', "1234.56", cellNumber},
		{"1 234,56", ';', "1234.56", cellNumber},
		{"1\u202f234,56", ';', "1234.56", cellNumber},
		{"1\u00a0234,56 €", ';', "1234.56", cellNumber},
		{"1.234,56", ';', "1234.56", cellNumber},
		{"1234.56", ';', "1234.56", cellNumber},
		{"1.234.567", ';', "1234567", cellNumber},
		{"--", ',', "", cellBlank},
		{"", ';', "", cellBlank},
		{"1,2,3", ';', "", cellBad},
		{"1e5", ',', "", cellBad},
		{".5", ',', "", cellBad},
		{"12.", ',', "", cellBad},
	} {
		d, k := parseNumber(c.in, c.sep)
		if k != c.kind || (k == cellNumber && !d.Equal(dec(c.want))) {
			t.Errorf("parseNumber(%q, %q) = %s, %d; want %s, %d", c.in, c.sep, d, k, c.want, c.kind)
		}
	}
}

func TestParseReportDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2027-01-15", "2027-01-15"},
		{"2027-01-15 10:00:00", "2027-01-15"},
		{"2027-01", "2027-01-15"},
		{"15/01/2027", "2027-01-15"},
		{"01/15/2027", "2027-01-15"},
		{"Jan 06, 2027 07:30 am", "2027-01-06"},
		{"January 2027", "2027-01-15"},
		{"janvier 2027", "2027-01-15"},
		{"6 févr. 2027", "2027-02-06"},
		{"2027-02-30", ""},
		{"soon", ""},
	} {
		d, ok := parseReportDate(c.in, ',')
		got := ""
		if ok {
			got = d.String()
		}
		if got != c.want {
			t.Errorf("parseReportDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseActualsCSVReports(t *testing.T) {
	p := csvPlan()
	// Google Ads (French and English interface): the days of January are
	// added up: search = 1210.40 + 89.60 = 1300 spend, 4820 + 980 = 5800
	// impressions, 312 + 48 = 360 clicks, 12.5 + 1.5 = 14 conversions,
	// 625 + 75 = 700 revenue. The total row is skipped.
	wantAds := []Actual{
		{Channel: "search", Month: 1, Spend: dec("1300"), Exposures: ndec("5800"), Interactions: ndec("360"), Customers: dec("14"), Revenue: dec("700")},
		{Channel: "display", Month: 1, Spend: dec("300"), Exposures: ndec("120000"), Interactions: ndec("540"), Customers: dec("4"), Revenue: dec("200")},
		{Channel: "search", Month: 2, Spend: dec("700"), Exposures: ndec("3000"), Interactions: ndec("200"), Customers: dec("8"), Revenue: dec("400")},
	}
	for _, f := range []string{"google-ads-fr.csv", "google-ads-en.csv"} {
		data, err := os.ReadFile("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseActualsCSV(f, data, p)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sameActuals(t, got, wantAds)
	}
	// Mailchimp: the two January sends of "mailing" are added up (2450 +
	// 2443 delivered, 71 + 69 clicks, 9 + 8 orders, 118.80 + 103.95
	// revenue); February's campaign is named by the channel's name; spend
	// is 0 (Mailchimp does not report it).
	data, err := os.ReadFile("testdata/mailchimp.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseActualsCSV("mailchimp.csv", data, p)
	if err != nil {
		t.Fatal(err)
	}
	sameActuals(t, got, []Actual{
		{Channel: "mailing", Month: 1, Spend: dec("0"), Exposures: ndec("4893"), Interactions: ndec("140"), Customers: dec("17"), Revenue: dec("222.75")},
		{Channel: "mailing", Month: 2, Spend: dec("0"), Exposures: ndec("2437"), Interactions: ndec("66"), Customers: dec("7"), Revenue: dec("89.10")},
	})
	// An unknown campaign says how to name it.
	bad := strings.Replace(string(data), "Mailing familles", "Février", 1)
	_, err = ParseActualsCSV("mailchimp.csv", []byte(bad), p)
	if err == nil || !strings.Contains(err.Error(), "mailchimp.csv:4: ") || !strings.Contains(err.Error(), "[mailing]") {
		t.Errorf("unknown campaign: %v", err)
	}
}

func TestActualsSources(t *testing.T) {
	srcs, err := ActualsSources()
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, s := range srcs {
		ids = append(ids, s.ID)
		for col := range s.Columns {
			found := false
			for _, c := range ActualsColumns {
				found = found || c == col
			}
			if !found {
				t.Errorf("%s: column %q is not one of ours", s.ID, col)
			}
		}
	}
	// the tools' reports are [[reports]] (TestReportSources)
	if !reflect.DeepEqual(ids, []string{"campaignsim"}) {
		t.Errorf("sources: %v", ids)
	}
}

func TestMergeActuals(t *testing.T) {
	p := csvPlan()
	p.Actuals = []Actual{
		{Channel: "mailing", Month: 1, Spend: dec("1")},
		{Channel: "display", Month: 1, Spend: dec("2")},
	}
	q, err := MergeActuals(p, []Actual{
		{Channel: "search", Month: 2, Spend: dec("3")},
		{Channel: "mailing", Month: 1, Spend: dec("4")},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, a := range q.Actuals {
		got = append(got, fmt.Sprintf("%s/%d/%s", a.Channel, a.Month, a.Spend))
	}
	if want := []string{"mailing/1/4", "display/1/2", "search/2/3"}; !reflect.DeepEqual(got, want) {
		t.Errorf("merged %v, want %v", got, want)
	}
	if !p.Actuals[0].Spend.Equal(dec("1")) {
		t.Error("MergeActuals changed its input")
	}
	_, err = MergeActuals(p, []Actual{{Channel: "x", Month: 1}, {Channel: "mailing", Month: 7},
		{Channel: "search", Month: 1}, {Channel: "search", Month: 1}})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 3 {
		t.Errorf("want 3 errors, got %v", err)
	}
}

// BenchmarkParseActualsCSV100k parses 100 000 rows: 60 months × 1 667
// channels of a five-year plan, in the French form (";", decimal commas).
func BenchmarkParseActualsCSV100k(b *testing.B) {
	p := Plan{Info: Info{Start: NewDate(2027, 1, 1), Months: 60}}
	const nch = 1667
	for i := 0; i < nch; i++ {
		p.Channels = append(p.Channels, Channel{ID: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("C %d", i), Kind: Display})
	}
	var sb strings.Builder
	sb.WriteString("channel;month;spend;exposures;interactions;leads;customers;revenue;cogs\r\n")
	rows := 0
	for i := 0; i < nch && rows < 100000; i++ {
		for m := 1; m <= 60 && rows < 100000; m++ {
			fmt.Fprintf(&sb, "c%d;%d;1 234,56;120000;552;;4,5;200,10;80\r\n", i, m)
			rows++
		}
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got, err := ParseActualsCSV("big.csv", data, p)
		if err != nil || len(got) != 100000 {
			b.Fatalf("%d rows, %v", len(got), err)
		}
	}
}
