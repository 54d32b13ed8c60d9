package plan_test

import (
	"fmt"

	"campaignsim/plan"
)

// ExampleReadActualsFiles imports a Google Ads report (its campaigns
// placed by the channel's campaigns patterns, the totals row skipped) and
// a Mailchimp export (no cost column: the spend is unknown) for one plan.
func ExampleReadActualsFiles() {
	p, err := plan.Decode("plan.toml", []byte(`format = 1
[plan]
title = "Boulangerie"
start = 2027-09-01
months = 3
budget = "3000"
[business]
name = "Dupont"
average_order = "12.50"
gross_margin = "0.65"
[[channels]]
id = "search"
name = "Recherche Google"
kind = "search"
campaigns = ["Marque*", "Générique*"]
budget = "900"
cpc = "0.60"
conversion_rate = "0.05"
[[channels]]
id = "mailing"
name = "Newsletter"
kind = "email"
campaigns = ["Newsletter*"]
list_size = 2500
click_rate = "0.03"
conversion_rate = "0.10"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	google := "Campaign report\n\"September 1, 2027 - September 30, 2027\"\n" +
		"Campaign,Impr.,Clicks,Cost,Conversions,Currency code\n" +
		"Marque - Recherche,\"4,100\",210,120.50,11.00,EUR\n" +
		"Générique - Lille,900,40,30.00,1.00,EUR\n" +
		"Total: Account,\"5,000\",250,150.50,12.00,EUR\n"
	mailchimp := "Title,Send Date,Successful Deliveries,Unique Opens,Unique Clicks\n" +
		"Newsletter de septembre,\"Sep 08, 2027 07:30 am\",2450,551,71\n"
	imp, err := plan.ReadActualsFiles([]plan.ActualsFile{
		{Name: "campagnes.csv", Data: []byte(google)},
		{Name: "mailchimp.csv", Data: []byte(mailchimp)},
	}, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range imp.Files {
		fmt.Println(f.Name, f.Source, f.Months, f.Campaigns)
	}
	for _, a := range imp.Rows {
		fmt.Printf("%s month %d: spend %s (unknown %v), exposures %s, interactions %s, opens %v, customers %s\n",
			a.Channel, a.Month, a.Spend, a.SpendUnknown, a.Exposures.Decimal, a.Interactions.Decimal, a.Opens.Valid, a.Customers)
	}
	// Output:
	// campagnes.csv google-ads [1] map[search:[Générique - Lille Marque - Recherche]]
	// mailchimp.csv mailchimp [1] map[mailing:[Newsletter de septembre]]
	// search month 1: spend 150.5 (unknown false), exposures 5000, interactions 250, opens false, customers 12
	// mailing month 1: spend 0 (unknown true), exposures 2450, interactions 71, opens true, customers 0
}

// ExampleImportActuals is the app's import: a first reading finds a
// campaign no channel takes; the user picks its channel, and the second
// call writes that pick into the channel's campaigns and merges the rows
// into the plan's actuals — one new plan value, one edit.
func ExampleImportActuals() {
	p, err := plan.Decode("plan.toml", []byte(`format = 1
[plan]
title = "Boulangerie"
start = 2027-09-01
months = 3
budget = "3000"
[business]
name = "Dupont"
average_order = "12.50"
gross_margin = "0.65"
[[channels]]
id = "search"
name = "Recherche Google"
kind = "search"
budget = "900"
cpc = "0.60"
conversion_rate = "0.05"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	google := []plan.ActualsFile{{Name: "campagnes.csv", Data: []byte("Campaign,Month,Clicks,Cost,Conversions\n" +
		"Marque - Recherche,September 2027,210,120.50,11.00\n")}}
	_, imp, err := plan.ImportActuals(p, google, nil)
	for _, u := range imp.Unplaced {
		fmt.Printf("to place: %q (suggested: %s)\n", u.Campaign, u.Suggest)
	}
	fmt.Println("imported:", err == nil)
	q, _, err := plan.ImportActuals(p, google, []plan.CampaignChoice{{Campaign: "Marque - Recherche", Channel: "search"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("campaigns:", q.Channels[0].Campaigns)
	for _, a := range q.Actuals {
		fmt.Printf("%s month %d: spend %s, clicks %s, customers %s\n", a.Channel, a.Month, a.Spend, a.Interactions.Decimal, a.Customers)
	}
	// Output:
	// to place: "Marque - Recherche" (suggested: search)
	// imported: false
	// campaigns: [Marque - Recherche]
	// search month 1: spend 120.5, clicks 210, customers 11
}
