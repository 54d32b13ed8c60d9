package simulate

import (
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
)

func codes(ws []Warning) []string {
	var c []string
	for _, w := range ws {
		c = append(c, w.Code+"/"+w.Channel)
	}
	return c
}

func TestWarnings(t *testing.T) {
	search := plan.Channel{ID: "sea", Name: "Ads", Kind: plan.Search, Budget: d("100"), CPC: d("1"), ConversionRate: d("0.1")}
	capped := search
	capped.MaxClicks = nd("1000")
	disp := plan.Channel{ID: "disp", Name: "D", Kind: plan.Display, Budget: d("100"), CPM: d("1"), CTR: nd("0.01"), ConversionRate: d("0.1")}
	zeroConv := plan.Channel{ID: "fair", Name: "Fair", Kind: plan.Event, Contacts: d("10"), ResponseRate: d("0.5"), ConversionRate: zero}
	cases := []struct {
		name string
		edit func(*plan.Plan)
		want []string
	}{
		{"clean", func(p *plan.Plan) { p.Channels = []plan.Channel{capped} }, nil},
		// 100 + 100 = 200 > budget 150: over by 50.
		{"over budget", func(p *plan.Plan) {
			p.Info.Budget = d("150")
			p.Channels = []plan.Channel{capped, withID(capped, "sea2")}
		}, []string{"over_budget/"}},
		{"linear search", func(p *plan.Plan) { p.Channels = []plan.Channel{search} }, []string{"linear_channel/sea"}},
		{"linear display", func(p *plan.Plan) { p.Channels = []plan.Channel{disp} }, []string{"linear_channel/disp"}},
		{"no conversions", func(p *plan.Plan) { p.Channels = []plan.Channel{capped, zeroConv} }, []string{"no_conversions/fair"}},
		{"no margin", func(p *plan.Plan) { p.Channels = []plan.Channel{capped}; p.Business.GrossMargin = zero }, []string{"no_margin/"}},
		{"first order at a loss", func(p *plan.Plan) {
			p.Channels = []plan.Channel{capped}
			p.Business.FirstOrderDiscount = d("0.6")
		}, []string{"first_order_loss/"}},
		{"objective outside", func(p *plan.Plan) {
			p.Channels = []plan.Channel{capped}
			p.Objectives = []plan.Objective{{ID: "late", Metric: "customers", Target: d("1"), Direction: plan.AtLeast,
				Deadline: plan.NewDate(2027, time.December, 1)}}
		}, []string{"objective_outside/"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := basePlan()
			c.edit(&p)
			r := mustRun(t, p)
			got := codes(r.Warnings)
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("warnings %v, want %v", got, c.want)
			}
			for _, w := range r.Warnings {
				checkMsg(t, w.Msg)
			}
		})
	}
	// the over-budget message gives the amounts as money (display.Text
	// writes them): two channels of 100 cost 200 against a budget of 150.
	p := basePlan()
	p.Info.Budget = d("150")
	p.Channels = []plan.Channel{capped, withID(capped, "sea2")}
	w := mustRun(t, p).Warnings[0]
	for name, want := range map[string]string{"over": "50", "cost": "200", "budget": "150"} {
		if a, ok := w.Msg.Arg(name); !ok || a.Kind != plan.ArgMoney || !a.Value.Equal(d(want)) {
			t.Errorf("over budget %s = %+v, want money %s", name, a, want)
		}
	}
}

func withID(c plan.Channel, id string) plan.Channel {
	c.ID = id
	return c
}
