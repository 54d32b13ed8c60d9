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
