package simulate

import (
	"testing"

	"campaignsim/plan"
)

// TestStagesNeverGrowDownTheFunnel: a stage drawn from the one above by a
// rate of at most 1 must not exceed it, to the last digit. A b2b event of
// 1 contact, response_rate 1, conversion_rate 0.777777777777777777777777
// (24 places): leads = 0.777…777; mql = leads × 0.5 =
// 0.3888888888888888888888885 (25 places); sql = mql × 1. customers =
// sql × sql_to_customer 1 rounded half up to 24 places would be
// 0.388888888888888888888889, 5·10^-25 above sql (the fuzz crasher of
// FuzzSimulate, on an sms channel). Every stage is now held at 24 places,
// so sql itself is 0.388888888888888888888889 and customers = sql.
// (Seen failing before the fix: "stage customers = 0.388…889 increases
// from 0.388…8885".)
func TestStagesNeverGrowDownTheFunnel(t *testing.T) {
	p := basePlan()
	p.Business.Model = plan.B2B
	p.Funnel = plan.Funnel{LeadToMQL: d("0.5"), MQLToSQL: d("1"), SQLToCustomer: d("1")}
	p = withChannels(p,
		plan.Channel{ID: "salon", Name: "Salon", Kind: plan.Event, Contacts: d("1"), ResponseRate: d("1"),
			ConversionRate: d("0.777777777777777777777777")},
		// sms: clicks = delivered × click_rate carry 24 + 3 places, leads
		// = clicks × 1 rounded half up would exceed them.
		plan.Channel{ID: "sms", Name: "SMS", Kind: plan.SMS, ListSize: 1, Sends: 1, BounceRate: d("0.000000000000000000000001"),
			ClickRate: d("0.999"), ConversionRate: d("1")},
	)
	r, err := RunWith(p, testLibrary())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, p, r)
	for _, c := range r.Channels {
		for _, s := range c.Stages {
			if s.Value.Exponent() < -Precision {
				t.Errorf("%s: stage %s = %s has more than %d places", c.ID, s.Name, s.Value, Precision)
			}
		}
	}
	// mql = 0.3888888888888888888888885 held at 24 places: …889.
	if got := r.Channels[0].Figures.MQL.Decimal; !got.Equal(d("0.388888888888888888888889")) {
		t.Errorf("mql = %s, want 0.388888888888888888888889", got)
	}
}
