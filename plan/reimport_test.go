package plan

import (
	"reflect"
	"testing"
)

// The same report given twice in one import — its CSV and its .xlsx, or
// one file chosen twice — is one source for each channel and month
// (ReadActualsFiles: the kind of file, the channel, the month), so its
// figures are not doubled: the rows are googleWant's (search 5443.80,
// not 2 × 5443.80 = 10887.60), and the second file says it replaced the
// first's search and display rows of month 9.
func TestSameReportTwiceNotDoubled(t *testing.T) {
	rows := googleRows(t)
	for _, second := range []ActualsFile{
		{"campagnes.xlsx", xlsxOf(t, rows)},
		{"campagnes (1).csv", readTestdata(t, "google-ads-en.csv")},
	} {
		t.Run(second.Name, func(t *testing.T) {
			imp, err := ReadActualsFiles([]ActualsFile{{"campagnes.csv", readTestdata(t, "google-ads-en.csv")}, second}, reportPlan())
			if err != nil {
				t.Fatal(err)
			}
			sameReportRows(t, imp.Rows, googleWant())
			want := []ReplacedRows{{File: 0, Channel: "search", Month: 9}, {File: 0, Channel: "display", Month: 9}}
			if got := imp.Files[1].Replaces; !reflect.DeepEqual(got, want) {
				t.Errorf("Replaces %+v, want %+v", got, want)
			}
			if len(imp.Files[0].Replaces) != 0 {
				t.Errorf("the first file replaces %+v", imp.Files[0].Replaces)
			}
		})
	}
}

// Two Mailchimp exports: the second one (downloaded again, one more send
// on September 29: 2430 delivered, 60 clicks, 500 opens, 5 orders, 60 €)
// replaces what the first brought for mailing in month 9 — the rows are
// the second file's alone: deliveries 4893 + 2430 = 7323, clicks 140 +
// 60 = 200, opens 1091 + 500 = 1591, orders 17 + 5 = 22, revenue 222.75 +
// 60 = 282.75.
func TestMailchimpDownloadedAgainReplaces(t *testing.T) {
	first := readTestdata(t, "mailchimp.csv")
	second := append(append([]byte{}, first...),
		[]byte("Newsletter - fin de mois,Dernier jour,Clients boulangerie,\"Sep 29, 2027 07:30 am\",Wednesday,2480,2430,30,20,50,0,0,500,20.58%,700,60,2.47%,80,4,0,0,0,f0f0f0f0,5,60.60,60.00\n")...)
	imp, err := ReadActualsFiles([]ActualsFile{{"mailchimp.csv", first}, {"mailchimp-2.csv", second}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, imp.Rows, []Actual{{Channel: "mailing", Month: 9, SpendUnknown: true, Exposures: ndec("7323"),
		Interactions: ndec("200"), Opens: ndec("1591"), Customers: dec("22"), Revenue: dec("282.75")}})
}

// Re-importing into the plan: MergeActuals replaces the plan's row of
// each channel and month the import brings, so importing the same report
// a second time leaves the plan as the first import left it.
func TestReimportIntoPlanReplaces(t *testing.T) {
	p := reportPlan()
	files := []ActualsFile{{"google.csv", readTestdata(t, "google-ads-en.csv")}, {"mailchimp.csv", readTestdata(t, "mailchimp.csv")}}
	imp, err := ReadActualsFiles(files, p)
	if err != nil {
		t.Fatal(err)
	}
	once, err := MergeActuals(p, imp.Rows)
	if err != nil {
		t.Fatal(err)
	}
	imp2, err := ReadActualsFiles(files, once)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := MergeActuals(once, imp2.Rows)
	if err != nil {
		t.Fatal(err)
	}
	sameReportRows(t, twice.Actuals, once.Actuals)
}

// A Mailchimp campaign export in the layout of its newer report download
// (Campaign Title, Emails Sent, Unique Opens, Unique Clicks): Emails Sent stands for the deliveries when there is
// no Successful Deliveries column, opens are read, the spend is unknown.
//
//	mailing: 1200 + 1300 = 2500 sent; opens 300 + 325 = 625; clicks 40 +
//	         45 = 85; no orders column: 0 customers
func TestMailchimpCampaignTitleLayout(t *testing.T) {
	data := "Campaign Title,Subject Line,Send Date,Recipients,Emails Sent,Opens,Unique Opens,Open Rate,Clicks,Unique Clicks,Click Rate,Bounces,Unsubscribes\n" +
		"Newsletter rentrée,La rentrée,\"Sep 08, 2027 07:30 am\",1210,1200,410,300,25.00%,52,40,3.33%,10,2\n" +
		"Newsletter offre,L'offre,\"Sep 22, 2027 07:30 am\",1310,1300,430,325,25.00%,60,45,3.46%,10,3\n"
	imp, err := ReadActualsFiles([]ActualsFile{{"campaigns.csv", []byte(data)}}, reportPlan())
	if err != nil {
		t.Fatal(err)
	}
	if imp.Files[0].Source != "mailchimp" || !imp.Files[0].SpendUnknown {
		t.Errorf("file %+v", imp.Files[0])
	}
	sameReportRows(t, imp.Rows, []Actual{{Channel: "mailing", Month: 9, SpendUnknown: true, Exposures: ndec("2500"),
		Interactions: ndec("85"), Opens: ndec("625"), Customers: dec("0"), Revenue: dec("0")}})
}
