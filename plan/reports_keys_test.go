package plan

import (
	"reflect"
	"strings"
	"testing"
)

// keysPlan is minimal.toml with the keys of FORMAT.md's "Additions to
// format 1" that the imports use.
const keysPlan = `format = 1
[plan]
title = "Minimal"
student = "Camille Martin"
case = "bakery"
start = 2027-01-01
months = 12
budget = "0"
[business]
name = "Shop"
average_order = "30"
gross_margin = "0.5"
[[channels]]
id = "search"
name = "Recherche"
kind = "search"
campaigns = ["Marque - Recherche", "Générique*"]
budget = "100"
cpc = "1"
conversion_rate = "0.02"
[tracking]
kpis = ["customers", "cpa"]
tools = ["Mailchimp", "Code coupon par canal en caisse"]
ignore_campaigns = ["Ancienne*"]
[[actuals]]
channel = "search"
month = 1
spend = "0"
spend_unknown = true
opens = "540"
customers = "0"
revenue = "0"
`

func TestAdditionKeysDecode(t *testing.T) {
	p, err := Decode("keys.toml", []byte(keysPlan))
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(p); err != nil {
		t.Fatal(err)
	}
	if p.Info.Student != "Camille Martin" || p.Info.Case != "bakery" {
		t.Errorf("student, case = %q, %q", p.Info.Student, p.Info.Case)
	}
	if !reflect.DeepEqual(p.Channels[0].Campaigns, []string{"Marque - Recherche", "Générique*"}) {
		t.Errorf("campaigns = %q", p.Channels[0].Campaigns)
	}
	tr := p.Tracking
	if !reflect.DeepEqual(tr.KPIs, []string{"customers", "cpa"}) || len(tr.Tools) != 2 || !reflect.DeepEqual(tr.IgnoreCampaigns, []string{"Ancienne*"}) {
		t.Errorf("tracking = %+v", tr)
	}
	a := p.Actuals[0]
	if !a.SpendUnknown || !a.Opens.Valid || a.Opens.Decimal.IntPart() != 540 {
		t.Errorf("actual = %+v", a)
	}
	// Clone copies the lists.
	q := p.Clone()
	q.Channels[0].Campaigns[0] = "x"
	q.Tracking.IgnoreCampaigns[0] = "y"
	if p.Channels[0].Campaigns[0] == "x" || p.Tracking.IgnoreCampaigns[0] == "y" {
		t.Error("Clone shares the campaign lists")
	}
}

func TestAdditionKeysErrors(t *testing.T) {
	many := `["a","b","c","d","e","f","g","h","i","j","k"]` // 11 > maxKPIs
	cases := []struct{ name, from, to, want string }{
		{"campaigns not a list", `campaigns = ["Marque - Recherche", "Générique*"]`, `campaigns = "Marque"`, `campaigns must be a list: write campaigns = ["Marque"]`},
		{"campaigns of numbers", `campaigns = ["Marque - Recherche", "Générique*"]`, `campaigns = [1]`, "campaigns must be a list of texts in quotes"},
		{"blank pattern", `ignore_campaigns = ["Ancienne*"]`, `ignore_campaigns = [" "]`, "ignore_campaigns: entry 1 is blank"},
		{"too many kpis", `kpis = ["customers", "cpa"]`, `kpis = ` + many, "kpis has 11 entries, more than the 10"},
		{"long entry", `tools = ["Mailchimp", "Code coupon par canal en caisse"]`, `tools = ["` + strings.Repeat("x", 256) + `"]`, "tools: entry 1 is 256 characters long: write at most 255"},
		{"typo", `kpis = [`, `kpi = [`, `unknown key "kpi" in [tracking]; did you mean "kpis"?`},
		{"spend known and unknown", `spend = "0"`, `spend = "12"`, `spend is 12 but spend_unknown = true`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(keysPlan, c.from, c.to, 1)
			p, err := Decode("keys.toml", []byte(src))
			if err == nil {
				err = Validate(p)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
}

// TestSpendUnknownNeedsNoSpend: a row whose spend nobody knows
// (spend_unknown = true) needs no spend key (it used to be refused with
// "missing key spend"); without spend_unknown, spend stays required.
func TestSpendUnknownNeedsNoSpend(t *testing.T) {
	src := strings.Replace(keysPlan, "spend = \"0\"\nspend_unknown = true\n", "spend_unknown = true\n", 1)
	if src == keysPlan {
		t.Fatal("the fixture has no spend line to remove")
	}
	p, err := Decode("keys.toml", []byte(src))
	if err == nil {
		err = Validate(p).Err()
	}
	if err != nil {
		t.Fatalf("spend_unknown without spend: %v", err)
	}
	if a := p.Actuals[0]; !a.SpendUnknown || !a.Spend.IsZero() {
		t.Errorf("actual = %+v, want spend 0 and unknown", a)
	}
	_, err = Decode("keys.toml", []byte(strings.Replace(keysPlan, "spend = \"0\"\nspend_unknown = true\n", "", 1)))
	if err == nil || !strings.Contains(err.Error(), `missing key "spend"`) {
		t.Errorf("no spend and no spend_unknown: %v, want missing key spend", err)
	}
}
