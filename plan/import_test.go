package plan

import (
	"errors"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// importPlan is reportPlan without the patterns that place the Google Ads
// campaigns: "Marque - Recherche" and "Générique - Lille" are unplaced,
// as in a first import.
func importPlan() Plan {
	p := reportPlan()
	p.Info.Language = LangFR
	p.Business = Business{Name: "Boulangerie", Model: B2C, AverageOrder: decimal.NewFromInt(12), GrossMargin: decimal.RequireFromString("0.6")}
	p.Simulation = Simulation{Runs: 1000, Seed: 1}
	p.Channels[0].ListSize, p.Channels[0].Sends = 2500, 2
	p.Channels[1].Campaigns = nil
	p.Channels[1].Budget, p.Channels[1].CPC = decimal.NewFromInt(5000), decimal.RequireFromString("0.5")
	for i := 2; i < 4; i++ {
		p.Channels[i].Budget, p.Channels[i].CPM = decimal.NewFromInt(1000), decimal.NewFromInt(10)
		p.Channels[i].CTR = decimal.NewNullDecimal(decimal.RequireFromString("0.01"))
	}
	return p
}

// TestImportPreviewAndChoices: the first reading of a Google Ads report
// whose search campaigns match no channel lists them as unplaced (with
// the search channel suggested: a Google Ads campaign, and search is the
// plan's first search channel), and previews the rows it could place
// (display 302.40); nothing is imported. Once the user picks search for
// one and "ignore" for the other, ImportActuals writes the pattern into
// search's campaigns and the other into ignore_campaigns, and imports:
// search gets "Marque - Recherche" alone (4934.20, 120 conversions).
func TestImportPreviewAndChoices(t *testing.T) {
	p := importPlan()
	files := []ActualsFile{{"google.csv", readTestdata(t, "google-ads-en.csv")}}
	_, imp, err := ImportActuals(p, files, nil)
	var el ErrorList
	if !errors.As(err, &el) || len(el) != 2 {
		t.Fatalf("want 2 errors (the unplaced campaigns), got %v", err)
	}
	var names []string
	for _, u := range imp.Unplaced {
		names = append(names, u.Campaign)
		if u.Suggest != "search" {
			t.Errorf("%s: suggested %q", u.Campaign, u.Suggest)
		}
	}
	if !reflect.DeepEqual(names, []string{"Marque - Recherche", "Générique - Lille"}) {
		t.Errorf("unplaced %v", names)
	}
	sameReportRows(t, imp.Preview, googleWant()[1:])
	if imp.Rows != nil {
		t.Errorf("rows imported despite the errors: %+v", imp.Rows)
	}

	q, imp, err := ImportActuals(p, files, []CampaignChoice{{"Marque - Recherche", "search"}, {"Générique - Lille", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Channels[1].Campaigns; !reflect.DeepEqual(got, []string{"Marque - Recherche"}) {
		t.Errorf("search campaigns %q", got)
	}
	if got := q.Tracking.IgnoreCampaigns; !reflect.DeepEqual(got, []string{"Ancienne*", "Générique - Lille"}) {
		t.Errorf("ignore_campaigns %q", got)
	}
	want := []Actual{
		{Channel: "search", Month: 9, Spend: dec("4934.20"), Exposures: ndec("795836"), Interactions: ndec("12034"), Customers: dec("120"), Revenue: dec("0")},
		googleWant()[1],
	}
	sameReportRows(t, q.Actuals, want)
	sameReportRows(t, imp.Preview, want)
	if len(p.Channels[1].Campaigns) != 0 || len(p.Tracking.IgnoreCampaigns) != 1 || len(p.Actuals) != 0 {
		t.Error("ImportActuals changed its plan")
	}
}

// A preview is nil when a file has a problem other than a campaign to
// place (a currency other than the plan's): there is nothing to show
// until the file is fixed.
func TestImportPreviewNilOnOtherErrors(t *testing.T) {
	p := importPlan()
	p.Info.Currency = "USD"
	_, imp, err := ImportActuals(p, []ActualsFile{{"google.csv", readTestdata(t, "google-ads-en.csv")}}, nil)
	if err == nil || imp.Preview != nil {
		t.Errorf("err %v, preview %+v", err, imp.Preview)
	}
}

func TestPlaceCampaigns(t *testing.T) {
	p := reportPlan()
	cases := []struct {
		name     string
		choices  []CampaignChoice
		search   []string
		ignore   []string
		errCount int
	}{
		{"to a channel", []CampaignChoice{{" Promo Noël ", "search"}}, []string{"Promo Noël"}, []string{"Ancienne*"}, 0},
		{"already matched adds nothing", []CampaignChoice{{"Marque 2", "search"}}, nil, []string{"Ancienne*"}, 0},
		{"already matched adds nothing", []CampaignChoice{{"Générique - Paris", "search"}}, nil, []string{"Ancienne*"}, 0},
		{"ignored", []CampaignChoice{{"Test A", ""}}, nil, []string{"Ancienne*", "Test A"}, 0},
		{"last choice wins", []CampaignChoice{{"Promo", ""}, {"PROMO", "search"}}, []string{"PROMO"}, []string{"Ancienne*"}, 0},
		{"unknown channel", []CampaignChoice{{"X", "nope"}}, nil, nil, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := PlaceCampaigns(p, c.choices)
			if c.errCount > 0 {
				var el ErrorList
				if !errors.As(err, &el) || len(el) != c.errCount || el[0].Path != "choices[0].channel" {
					t.Fatalf("err %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := q.Channels[1].Campaigns[2:]; !reflect.DeepEqual(got, c.search) && !(len(got) == 0 && len(c.search) == 0) {
				t.Errorf("search campaigns added %q, want %q", got, c.search)
			}
			if !reflect.DeepEqual(q.Tracking.IgnoreCampaigns, c.ignore) {
				t.Errorf("ignore %q, want %q", q.Tracking.IgnoreCampaigns, c.ignore)
			}
			if len(p.Channels[1].Campaigns) != 2 || len(p.Tracking.IgnoreCampaigns) != 1 {
				t.Error("p changed")
			}
		})
	}
	long := make([]rune, 300)
	for i := range long {
		long[i] = 'é'
	}
	pat := CampaignPattern(string(long))
	if n := len([]rune(pat)); n != 255 || !MatchCampaign(pat, string(long)) {
		t.Errorf("long name: %d characters, matches %v", n, MatchCampaign(pat, string(long)))
	}
}

// A file whose every campaign is to place previews no row of its own, but
// does not hide the other files' rows: Preview is empty, not nil.
func TestImportPreviewWhenAFileHasOnlyUnplaced(t *testing.T) {
	p := importPlan()
	p.Tracking.IgnoreCampaigns = append(p.Tracking.IgnoreCampaigns, "Bannières*")
	_, imp, err := ImportActuals(p, []ActualsFile{{"google.csv", readTestdata(t, "google-ads-en.csv")}}, nil)
	if err == nil || imp.Preview == nil || len(imp.Preview) != 0 {
		t.Errorf("err %v, preview %#v: want the errors and an empty preview", err, imp.Preview)
	}
	_, imp, _ = ImportActuals(p, []ActualsFile{{"google.csv", readTestdata(t, "google-ads-en.csv")}, {"mailchimp.csv", readTestdata(t, "mailchimp.csv")}}, nil)
	if len(imp.Preview) != 1 || imp.Preview[0].Channel != "mailing" {
		t.Errorf("preview %+v: want the Mailchimp row", imp.Preview)
	}
}

// BenchmarkImportActualsYearDaily is the app's whole import (place,
// read, merge, validate) of a year of daily Google Ads rows for 50
// campaigns (18 250 rows) into a valid 12-month plan.
func BenchmarkImportActualsYearDaily(b *testing.B) {
	p, data := yearDailyReport()
	p.Info.Language = LangFR
	p.Business = Business{Name: "b", Model: B2C, AverageOrder: decimal.NewFromInt(12), GrossMargin: decimal.RequireFromString("0.6")}
	p.Simulation = Simulation{Runs: 1000, Seed: 1}
	for i := range p.Channels {
		p.Channels[i].Budget, p.Channels[i].CPC = decimal.NewFromInt(1000), decimal.RequireFromString("0.5")
	}
	files := []ActualsFile{{"year.csv", data}}
	if _, _, err := ImportActuals(p, files, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := ImportActuals(p, files, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// What the app's import makes survives a save: the plan with the picks
// written and a Mailchimp row whose spend is unknown encodes and decodes
// back to the same actuals and patterns (spend_unknown kept, not turned
// into a spend of 0 €).
func TestImportedPlanSavesAndReads(t *testing.T) {
	p := importPlan()
	files := []ActualsFile{{"google.csv", readTestdata(t, "google-ads-en.csv")}, {"mailchimp.csv", readTestdata(t, "mailchimp.csv")}}
	q, _, err := ImportActuals(p, files, []CampaignChoice{{"Marque - Recherche", "search"}, {"Générique - Lille", ""}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encode(q)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode("saved.toml", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	sameReportRows(t, back.Actuals, q.Actuals)
	if !reflect.DeepEqual(back.Channels[1].Campaigns, q.Channels[1].Campaigns) || !reflect.DeepEqual(back.Tracking.IgnoreCampaigns, q.Tracking.IgnoreCampaigns) {
		t.Errorf("patterns %q / %q, want %q / %q", back.Channels[1].Campaigns, back.Tracking.IgnoreCampaigns, q.Channels[1].Campaigns, q.Tracking.IgnoreCampaigns)
	}
}
