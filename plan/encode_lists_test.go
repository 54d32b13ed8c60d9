package plan

import (
	"reflect"
	"strings"
	"testing"
)

// TestEncodeKeepsTheListKeys: campaigns, kpis, tools and ignore_campaigns
// (and student, case) survive Encode and EncodeOver. Before, Encode
// dropped the list keys silently, so the first save of a plan lost the
// campaign names its imports rely on.
func TestEncodeKeepsTheListKeys(t *testing.T) {
	orig, ok := ExampleFile("bakery")
	if !ok {
		t.Fatal("no bakery example")
	}
	p, err := Decode("bakery.toml", orig)
	if err != nil {
		t.Fatal(err)
	}
	p.Info.Student = "Camille Martin"
	p.Channels[0].Campaigns = []string{"Marque - Recherche", `Générique* "été"`}
	p.Tracking.KPIs = []string{"customers", "cpa"}
	p.Tracking.Tools = []string{"Mailchimp", "Code coupon par canal en caisse"}
	p.Tracking.IgnoreCampaigns = []string{"Ancienne*"}

	enc, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	over, err := EncodeOver(orig, p)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]byte{"Encode": enc, "EncodeOver": over} {
		q, err := Decode("x.toml", text)
		if err != nil {
			t.Fatalf("%s: the text does not read back: %v\n%s", name, err, text)
		}
		if !reflect.DeepEqual(q.Channels[0].Campaigns, p.Channels[0].Campaigns) ||
			!reflect.DeepEqual(q.Tracking, p.Tracking) || q.Info.Student != p.Info.Student {
			t.Errorf("%s lost a key: campaigns %q, tracking %+v, student %q", name,
				q.Channels[0].Campaigns, q.Tracking, q.Info.Student)
		}
	}
	if !strings.Contains(string(over), "# ") {
		t.Error("EncodeOver dropped the comments")
	}
}

// TestSetListKeys: set writes the list keys; before, Set returned no error
// and changed nothing for them, and tracking.kpis got the weights message.
func TestSetListKeys(t *testing.T) {
	p, err := Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	id := p.Channels[0].ID
	for _, c := range []struct {
		key, text string
		want      []string
		get       func(Plan) []string
	}{
		{"channels." + id + ".campaigns", " Marque* , Générique*,", []string{"Marque*", "Générique*"}, func(q Plan) []string { return q.Channels[0].Campaigns }},
		{"channels." + id + ".campaigns", `["Marque, été", "B"]`, []string{"Marque, été", "B"}, func(q Plan) []string { return q.Channels[0].Campaigns }},
		{"tracking.kpis", "customers,cpa", []string{"customers", "cpa"}, func(q Plan) []string { return q.Tracking.KPIs }},
		{"tracking.tools", "Mailchimp", []string{"Mailchimp"}, func(q Plan) []string { return q.Tracking.Tools }},
		{"tracking.ignore_campaigns", "Ancienne*", []string{"Ancienne*"}, func(q Plan) []string { return q.Tracking.IgnoreCampaigns }},
	} {
		q, err := Set(p, c.key, c.text)
		if err != nil {
			t.Errorf("Set(%s=%s): %v", c.key, c.text, err)
			continue
		}
		if got := c.get(q); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Set(%s=%s) = %q, want %q", c.key, c.text, got, c.want)
		}
		// KEY= unsets it.
		if r, err := Set(q, c.key, ""); err != nil || len(c.get(r)) != 0 {
			t.Errorf("Set(%s=) left %q, %v", c.key, c.get(r), err)
		}
	}
	if _, err := Set(p, "tracking.kpis", `["a", 3]`); err == nil || !strings.Contains(err.Error(), "not a list of texts") {
		t.Errorf("a TOML list of non-texts: err %v", err)
	}
}
