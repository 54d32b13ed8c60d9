package report

import (
	"fmt"
	"strings"
)

// channelTemplates are the inputs of one valid channel of every kind (the
// thirteen kinds of plan.Kind), as plan file lines; %d is replaced by the
// channel's number so that channels of one kind differ.
var channelTemplates = []struct {
	kind, body string
}{
	{"email", "list_size = %d000\nsends = 4\ncost_per_message = \"0.002\"\nfixed_cost = \"300\"\nbounce_rate = \"0.03\"\nopen_rate = \"0.18\"\nclick_rate = \"0.015\"\nunsubscribe_rate = \"0.007\"\nconversion_rate = \"0.04\"\nranges = { open_rate = [\"0.12\", \"0.25\"] }"},
	{"sms", "list_size = %d00\nsends = 3\ncost_per_message = \"0.045\"\nclick_rate = \"0.06\"\nconversion_rate = \"0.08\""},
	{"search", "budget = \"%d00\"\ncpc = \"0.85\"\nctr = \"0.045\"\nmax_clicks = \"30000\"\nconversion_rate = \"0.035\"\nranges = { cpc = [\"0.60\", \"1.20\"] }"},
	{"display", "budget = \"%d0\"\ncpm = \"3.20\"\nctr = \"0.004\"\naudience = \"800000\"\nconversion_rate = \"0.008\""},
	{"social_ads", "budget = \"%d0\"\ncpm = \"6.50\"\nctr = \"0.011\"\naudience = \"600000\"\nconversion_rate = \"0.05\"\nranges = { ctr = [\"0.007\", \"0.015\"] }"},
	{"social_organic", "fixed_cost = \"%d0\"\nfollowers = \"12000\"\nreach_rate = \"0.12\"\nposts = 12\nctr = \"0.01\"\nconversion_rate = \"0.02\""},
	{"influencer", "fixed_cost = \"%d0\"\nfollowers = \"85000\"\nreach_rate = \"0.25\"\nposts = 3\nctr = \"0.012\"\nconversion_rate = \"0.03\""},
	{"seo", "fixed_cost = \"%d0\"\nvisits_per_month = \"6000\"\nramp_months = 6\nconversion_rate = \"0.012\""},
	{"content", "fixed_cost = \"%d0\"\nvisits_per_month = \"1500\"\nconversion_rate = \"0.02\""},
	{"print", "units = %d00\ncost_per_unit = \"0.14\"\nreach_per_unit = \"1\"\nresponse_rate = \"0.01\"\nconversion_rate = \"0.30\""},
	{"event", "fixed_cost = \"%d0\"\ncontacts = \"900\"\nresponse_rate = \"0.08\"\nconversion_rate = \"0.35\""},
	{"partnership", "fixed_cost = \"%d0\"\ncontacts = \"5000\"\nresponse_rate = \"0.015\"\nconversion_rate = \"0.60\"\nranges = { response_rate = [\"0.008\", \"0.025\"] }"},
	{"affiliate", "clicks = \"%d00\"\ncommission_rate = \"0.08\"\nconversion_rate = \"0.025\""},
}

// largePlanText is a valid plan file of n channels (the thirteen kinds in
// turn, a quarter of them with uncertainty ranges) over months months,
// with two objectives and three scenarios, for the scale tests and
// benchmarks. Channel i is active every month when i is even, otherwise
// in the months m with m ≡ i (mod 3) (a third of them); owners are shared
// by ten channels each.
func largePlanText(n, months int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "format = 1\n\n[plan]\ntitle = \"Plan de %d canaux sur %d mois\"\nauthor = \"Test de charge\"\n", n, months)
	fmt.Fprintf(&b, "language = \"fr\"\ncurrency = \"EUR\"\nstart = 2027-01-01\nmonths = %d\nbudget = \"%d\"\n", months, n*2000)
	b.WriteString("context = \"Un plan généré pour mesurer l'export d'un grand plan.\"\n\n")
	b.WriteString("[business]\nname = \"Grande Entreprise de Test\"\nsector = \"ecommerce\"\nmodel = \"b2c\"\naverage_order = \"42.50\"\n")
	b.WriteString("gross_margin = \"0.45\"\nfirst_order_discount = \"0.10\"\norders_per_month = \"0.8\"\nmonthly_retention = \"0.75\"\nclv_months = 36\n\n")
	b.WriteString("[[objectives]]\nid = \"clients\"\nmetric = \"customers\"\ntarget = \"30000\"\npurpose = \"conversion\"\nstatement = \"Gagner 30 000 clients\"\n\n")
	b.WriteString("[[objectives]]\nid = \"cpa\"\nmetric = \"cpa\"\ntarget = \"40\"\ndirection = \"at_most\"\npurpose = \"conversion\"\nstatement = \"Un CPA sous 40 €\"\n\n")
	for i := 1; i <= n; i++ {
		t := channelTemplates[(i-1)%len(channelTemplates)]
		fmt.Fprintf(&b, "[[channels]]\nid = \"c%03d\"\nname = \"Canal %d (%s)\"\nkind = %q\nowner = \"Équipe %d\"\n", i, i, t.kind, t.kind, (i-1)/10+1)
		if i%2 == 1 {
			var ms []string
			for m := 1; m <= months; m++ {
				if m%3 == i%3 {
					ms = append(ms, fmt.Sprint(m))
				}
			}
			if len(ms) == 0 {
				ms = []string{"1"}
			}
			fmt.Fprintf(&b, "active_months = [%s]\n", strings.Join(ms, ", "))
		}
		body := strings.ReplaceAll(t.body, "%d", fmt.Sprint(10+i%7))
		if (i-1)/len(channelTemplates)%4 != 0 {
			// only one round of kinds in four keeps its ranges
			if k := strings.Index(body, "\nranges"); k >= 0 {
				body = body[:k]
			}
		}
		b.WriteString(body + "\n\n")
	}
	b.WriteString("[[scenarios]]\nname = \"Pessimiste\"\nfactors = { ctr = \"0.8\", conversion_rate = \"0.8\" }\n\n")
	b.WriteString("[[scenarios]]\nname = \"Optimiste\"\nfactors = { ctr = \"1.2\", conversion_rate = \"1.2\" }\n\n")
	b.WriteString("[[scenarios]]\nname = \"Clics plus chers\"\nfactors = { cpc = \"1.3\", cpm = \"1.3\" }\n")
	return []byte(b.String())
}

// LargePlanText is largePlanText, for the tests of package report_test.
var LargePlanText = largePlanText
