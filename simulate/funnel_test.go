package simulate

import (
	"testing"

	"campaignsim/plan"
)

// TestFunnelKinds checks each kind's stages and cost against arithmetic
// done by hand in the comments (plan: b2c, 3 months, every channel active
// every month).
func TestFunnelKinds(t *testing.T) {
	type want struct {
		stages    map[string]string
		cost      string
		exposures string // "" = undefined
		inter     string
		customers string
	}
	cases := []struct {
		name string
		ch   plan.Channel
		w    want
		tol  string
	}{
		{
			// Send 1: list 1000; delivered 1000×0.98 = 980, bounces 20,
			// opens 980×0.20 = 196, clicks 980×0.03 = 29.4, unsubs 980×0.01 = 9.8.
			// Send 2: list 1000 − 9.8 = 990.2; delivered 990.2×0.98 = 970.396,
			// bounces 19.804, opens 194.0792, clicks 29.11188, unsubs 9.70396.
			// sent 1990.2; bounces 39.804; delivered 1950.396; opens 390.0792;
			// clicks 58.51188; unsubs 19.50396; customers 58.51188×0.1 = 5.851188.
			// cost 50 + 0.01×1990.2 = 69.902.
			name: "email, 2 sends",
			ch: plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, FixedCost: d("50"), ConversionRate: d("0.1"),
				ListSize: 1000, Sends: 2, CostPerMessage: d("0.01"), BounceRate: d("0.02"), OpenRate: d("0.20"),
				ClickRate: d("0.03"), UnsubscribeRate: d("0.01")},
			w: want{stages: map[string]string{"sent": "1990.2", "bounces": "39.804", "delivered": "1950.396",
				"opens": "390.0792", "clicks": "58.51188", "unsubscribes": "19.50396", "customers": "5.851188"},
				cost: "69.902", exposures: "1950.396", inter: "58.51188", customers: "5.851188"},
			tol: "0",
		},
		{
			// 1 send to 500, no bounce: delivered 500, clicks 500×0.05 = 25,
			// customers 25×0.2 = 5; cost 10 + 0.05×500 = 35.
			name: "sms, 1 send",
			ch: plan.Channel{ID: "sms", Name: "SMS", Kind: plan.SMS, FixedCost: d("10"), ConversionRate: d("0.2"),
				ListSize: 500, Sends: 1, CostPerMessage: d("0.05"), OpenRate: d("0.9"), ClickRate: d("0.05")},
			w: want{stages: map[string]string{"sent": "500", "delivered": "500", "clicks": "25", "customers": "5"},
				cost: "35", exposures: "500", inter: "25", customers: "5"},
			tol: "0",
		},
		{
			// No cap: clicks = 1000/0.5 = 2000; impressions 2000/0.04 = 50000;
			// customers 2000×0.05 = 100; cost 1000 + 100.
			name: "search, no cap",
			ch: plan.Channel{ID: "sea", Name: "Ads", Kind: plan.Search, FixedCost: d("100"), ConversionRate: d("0.05"),
				Budget: d("1000"), CPC: d("0.5"), CTR: nd("0.04")},
			w: want{stages: map[string]string{"impressions": "50000", "clicks": "2000", "customers": "100"},
				cost: "1100", exposures: "50000", inter: "2000", customers: "100"},
			tol: "1e-18",
		},
		{
			// Cap 2000 = driver: clicks 2000(1 − e^-1) = 1264.24111765711535680895245967707826510837773794;
			// no ctr: exposures undefined; customers ×0.05 = 63.212055882855767840447622983853913255418886897.
			name: "search, capped",
			ch: plan.Channel{ID: "sea", Name: "Ads", Kind: plan.Search, ConversionRate: d("0.05"),
				Budget: d("1000"), CPC: d("0.5"), MaxClicks: nd("2000")},
			w: want{stages: map[string]string{"clicks": "1264.24111765711535680895245967707826510837773794",
				"customers": "63.212055882855767840447622983853913255418886897"},
				cost: "1000", inter: "1264.24111765711535680895245967707826510837773794",
				customers: "63.212055882855767840447622983853913255418886897"},
			tol: "1e-18",
		},
		{
			// impressions 350/3.5×1000 = 100000; clicks ×0.0046 = 460; customers ×0.02 = 9.2.
			name: "display, no audience",
			ch: plan.Channel{ID: "disp", Name: "Banners", Kind: plan.Display, ConversionRate: d("0.02"),
				Budget: d("350"), CPM: d("3.5"), CTR: nd("0.0046")},
			w: want{stages: map[string]string{"impressions": "100000", "clicks": "460", "customers": "9.2"},
				cost: "350", exposures: "100000", inter: "460", customers: "9.2"},
			tol: "1e-18",
		},
		{
			// audience 100000 = driver: impressions 100000(1 − e^-1) = 63212.0558828557678404476229838539132554;
			// clicks ×0.0046 = 290.775457061136532066059065725728000975;
			// customers ×0.02 = 5.8155091412227306413211813145145600195.
			name: "social ads, audience cap",
			ch: plan.Channel{ID: "fb", Name: "Facebook", Kind: plan.SocialAds, ConversionRate: d("0.02"),
				Budget: d("350"), CPM: d("3.5"), CTR: nd("0.0046"), Audience: nd("100000")},
			w: want{stages: map[string]string{"impressions": "63212.0558828557678404476229838539132554",
				"clicks": "290.775457061136532066059065725728000975", "customers": "5.8155091412227306413211813145145600195"},
				cost: "350", exposures: "63212.0558828557678404476229838539132554",
				inter: "290.775457061136532066059065725728000975", customers: "5.8155091412227306413211813145145600195"},
			tol: "1e-16",
		},
		{
			// reach 4 posts × 2000 followers × 0.1 = 800; clicks ×0.02 = 16; customers ×0.1 = 1.6; cost 200.
			name: "social organic",
			ch: plan.Channel{ID: "insta", Name: "Instagram", Kind: plan.SocialOrganic, FixedCost: d("200"),
				ConversionRate: d("0.1"), Followers: d("2000"), ReachRate: d("0.1"), Posts: 4, CTR: nd("0.02")},
			w: want{stages: map[string]string{"reach": "800", "clicks": "16", "customers": "1.6"},
				cost: "200", exposures: "800", inter: "16", customers: "1.6"},
			tol: "0",
		},
		{
			// driver 800 = audience: reach 800(1 − e^-1) = 505.696447062846142723580983870831306043;
			// clicks ×0.02 = 10.1139289412569228544716196774166261209; customers ×0.5 = 5.05696447062846142723580983870831306043.
			name: "influencer, audience cap",
			ch: plan.Channel{ID: "infl", Name: "Influencer", Kind: plan.Influencer, FixedCost: d("300"),
				ConversionRate: d("0.5"), Followers: d("8000"), ReachRate: d("0.1"), Posts: 1, CTR: nd("0.02"),
				Audience: nd("800")},
			w: want{stages: map[string]string{"reach": "505.696447062846142723580983870831306043",
				"clicks": "10.1139289412569228544716196774166261209", "customers": "5.05696447062846142723580983870831306043"},
				cost: "300", exposures: "505.696447062846142723580983870831306043",
				inter: "10.1139289412569228544716196774166261209", customers: "5.05696447062846142723580983870831306043"},
			tol: "1e-18",
		},
		{
			// 3 active months, ramp 3: 300×1/3 + 300×2/3 + 300 = 600 visits; customers ×0.02 = 12.
			name: "seo with ramp",
			ch: plan.Channel{ID: "seo", Name: "SEO", Kind: plan.SEO, FixedCost: d("300"), ConversionRate: d("0.02"),
				VisitsPerMonth: d("300"), RampMonths: 3},
			w:   want{stages: map[string]string{"visits": "600", "customers": "12"}, cost: "300", inter: "600", customers: "12"},
			tol: "1e-20",
		},
		{
			// ramp 1: 3 × 150 = 450 visits; customers ×0.04 = 18.
			name: "content, no ramp",
			ch: plan.Channel{ID: "blog", Name: "Blog", Kind: plan.Content, ConversionRate: d("0.04"),
				VisitsPerMonth: d("150"), RampMonths: 1},
			w:   want{stages: map[string]string{"visits": "450", "customers": "18"}, cost: "0", inter: "450", customers: "18"},
			tol: "0",
		},
		{
			// reach 1000 × 2 = 2000; responses ×0.01 = 20; customers ×0.5 = 10; cost 100 + 0.2×1000 = 300.
			name: "print",
			ch: plan.Channel{ID: "flyers", Name: "Flyers", Kind: plan.Print, FixedCost: d("100"), ConversionRate: d("0.5"),
				Units: 1000, CostPerUnit: d("0.2"), ReachPerUnit: d("2"), ResponseRate: d("0.01")},
			w: want{stages: map[string]string{"reach": "2000", "responses": "20", "customers": "10"},
				cost: "300", exposures: "2000", inter: "20", customers: "10"},
			tol: "0",
		},
		{
			// contacts 150; responses ×0.2 = 30; customers ×0.5 = 15; cost 800.
			name: "event",
			ch: plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, FixedCost: d("800"), ConversionRate: d("0.5"),
				Contacts: d("150"), ResponseRate: d("0.2")},
			w: want{stages: map[string]string{"contacts": "150", "responses": "30", "customers": "15"},
				cost: "800", exposures: "150", inter: "30", customers: "15"},
			tol: "0",
		},
		{
			// contacts 40 × 0.5 = 20 responses; × 0.25 = 5 customers; cost 0.
			name: "partnership",
			ch: plan.Channel{ID: "school", Name: "School", Kind: plan.Partnership, ConversionRate: d("0.25"),
				Contacts: d("40"), ResponseRate: d("0.5")},
			w: want{stages: map[string]string{"contacts": "40", "responses": "20", "customers": "5"},
				cost: "0", exposures: "40", inter: "20", customers: "5"},
			tol: "0",
		},
		{
			// clicks 1000 × 0.03 = 30 customers; commission 30 × 5 = 150; cost 20 + 150.
			name: "affiliate per sale",
			ch: plan.Channel{ID: "aff", Name: "Affiliates", Kind: plan.Affiliate, FixedCost: d("20"), ConversionRate: d("0.03"),
				Clicks: d("1000"), CommissionPerSale: nd("5")},
			w:   want{stages: map[string]string{"clicks": "1000", "customers": "30"}, cost: "170", inter: "1000", customers: "30"},
			tol: "0",
		},
		{
			// 30 customers; first-order revenue A(1−d) = 10 × 1 = 10 each: 300; commission 10 % = 30.
			name: "affiliate rate",
			ch: plan.Channel{ID: "aff", Name: "Affiliates", Kind: plan.Affiliate, ConversionRate: d("0.03"),
				Clicks: d("1000"), CommissionRate: nd("0.1")},
			w:   want{stages: map[string]string{"clicks": "1000", "customers": "30"}, cost: "30", inter: "1000", customers: "30"},
			tol: "0",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := mustRun(t, withChannels(basePlan(), c.ch))
			ch := r.Channels[0]
			for name, v := range c.w.stages {
				near(t, name, stage(t, ch, name), v, c.tol)
			}
			nearN(t, "cost", ch.Figures.Cost, c.w.cost, c.tol)
			if c.w.exposures == "" {
				undefined(t, "exposures", ch.Figures.Exposures)
			} else {
				nearN(t, "exposures", ch.Figures.Exposures, c.w.exposures, c.tol)
			}
			nearN(t, "interactions", ch.Figures.Interactions, c.w.inter, c.tol)
			nearN(t, "customers", ch.Figures.Customers, c.w.customers, c.tol)
			nearN(t, "conversions", ch.Figures.Conversions, c.w.customers, c.tol)
			undefined(t, "leads (b2c)", ch.Figures.Leads)
			undefined(t, "mql (b2c)", ch.Figures.MQL)
			undefined(t, "sql (b2c)", ch.Figures.SQL)
			undefined(t, "cpl (b2c)", ch.Figures.CPL)
		})
	}
}

// TestClickToOpen: clicks/opens = (delivered × 0.03)/(delivered × 0.20) = 0.15 whatever the list;
// undefined with no opens, and for other kinds.
func TestClickToOpen(t *testing.T) {
	mail := plan.Channel{ID: "mail", Name: "Mail", Kind: plan.Email, ConversionRate: d("0.1"),
		ListSize: 1000, Sends: 2, BounceRate: d("0.02"), OpenRate: d("0.20"), ClickRate: d("0.03")}
	r := mustRun(t, withChannels(basePlan(), mail))
	nearN(t, "click-to-open", r.Channels[0].ClickToOpen, "0.15", "1e-22")
	mail.OpenRate = zero
	r = mustRun(t, withChannels(basePlan(), mail))
	undefined(t, "click-to-open with no opens", r.Channels[0].ClickToOpen)
	r = mustRun(t, withChannels(basePlan(), plan.Channel{ID: "x", Name: "x", Kind: plan.Event, Contacts: d("1"), ResponseRate: d("1"), ConversionRate: d("1")}))
	undefined(t, "click-to-open of an event", r.Channels[0].ClickToOpen)
}

// TestB2BFunnel: event, 200 contacts × 0.5 = 100 responses × 0.4 = 40 leads;
// plan funnel 0.5 / 0.5 / 0.5: mql 20, sql 10, customers 5; cpl = 400/40 = 10;
// with the channel's own sql_to_customer 0.2: customers 10 × 0.2 = 2.
func TestB2BFunnel(t *testing.T) {
	p := basePlan()
	p.Business.Model = plan.B2B
	p.Funnel = plan.Funnel{LeadToMQL: d("0.5"), MQLToSQL: d("0.5"), SQLToCustomer: d("0.5")}
	ev := plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, FixedCost: d("400"), ConversionRate: d("0.4"),
		Contacts: d("200"), ResponseRate: d("0.5")}
	over := ev
	over.ID = "fair2"
	over.SQLToCustomer = nd("0.2")
	r := mustRun(t, withChannels(p, ev, over))
	c := r.Channels[0]
	for _, s := range []struct{ n, v string }{{"contacts", "200"}, {"responses", "100"}, {"leads", "40"},
		{"mql", "20"}, {"sql", "10"}, {"customers", "5"}} {
		near(t, s.n, stage(t, c, s.n), s.v, "0")
	}
	nearN(t, "leads", c.Figures.Leads, "40", "0")
	nearN(t, "conversions = leads", c.Figures.Conversions, "40", "0")
	nearN(t, "mql", c.Figures.MQL, "20", "0")
	nearN(t, "sql", c.Figures.SQL, "10", "0")
	nearN(t, "customers", c.Figures.Customers, "5", "0")
	nearN(t, "cpl", c.Figures.CPL, "10", "0")
	nearN(t, "cpa", c.Figures.CPA, "80", "0")
	nearN(t, "customers with override", r.Channels[1].Figures.Customers, "2", "0")
	nearN(t, "plan leads", r.Totals.Leads, "80", "0")
	nearN(t, "plan customers", r.Totals.Customers, "7", "0")
	nearN(t, "plan cpl", r.Totals.CPL, "10", "0")
}
