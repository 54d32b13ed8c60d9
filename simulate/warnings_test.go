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
				if w.FR == "" || w.EN == "" || w.FR == w.EN {
					t.Errorf("warning %s not bilingual: %+v", w.Code, w)
				}
				if w.Message(plan.LangEN) != w.EN || w.Message(plan.LangFR) != w.FR {
					t.Error("Message picks the wrong language")
				}
			}
		})
	}
	// the over-budget message names the amount, with a decimal comma in French.
	p := basePlan()
	p.Info.Budget = d("150")
	p.Channels = []plan.Channel{capped, withID(capped, "sea2")}
	w := mustRun(t, p).Warnings[0]
	if !strings.Contains(w.EN, "50.00 EUR") || !strings.Contains(w.FR, "50,00 EUR") {
		t.Errorf("over budget message: %q / %q", w.EN, w.FR)
	}
}

func withID(c plan.Channel, id string) plan.Channel {
	c.ID = id
	return c
}
