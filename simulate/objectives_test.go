package simulate

import (
	"testing"
	"time"

	"campaignsim/plan"
)

// TestObjectivesAtDeadline uses econPlan (see TestRepeatRevenue): by the
// end of month 2 (deadline 2027-02-10, month 2 = [02-04, 03-04)) the plan
// has cost 500, 100 customers, revenue 900 + 1000 = 1900, margin 700.
func TestObjectivesAtDeadline(t *testing.T) {
	feb10 := plan.NewDate(2027, time.February, 10)
	cases := []struct {
		name     string
		o        plan.Objective
		value    string
		met      bool
		gap      string
		undef    bool
		timeline bool
	}{
		// revenue 1900 < 2000: not met, gap −100.
		{"revenue short", plan.Objective{Metric: "revenue", Target: d("2000"), Direction: plan.AtLeast, Deadline: feb10}, "1900", false, "-100", false, true},
		// cpa = 500/100 = 5 ≤ 6: met, gap −1.
		{"cpa ceiling", plan.Objective{Metric: "cpa", Target: d("6"), Direction: plan.AtMost, Deadline: feb10}, "5", true, "-1", false, true},
		// gross margin 700 ≥ 700: met, gap 0.
		{"margin exactly", plan.Objective{Metric: "gross_margin", Target: d("700"), Direction: plan.AtLeast, Deadline: feb10}, "700", true, "0", false, true},
		// budget left 5000 − 500 = 4500.
		{"budget left", plan.Objective{Metric: "budget_left", Target: d("4000"), Direction: plan.AtLeast, Deadline: feb10}, "4500", true, "500", false, true},
		// payback month 2 ≤ 2.
		{"payback", plan.Objective{Metric: "payback_month", Target: d("2"), Direction: plan.AtMost, Deadline: feb10}, "2", true, "0", false, true},
		// no deadline: plan end, revenue 2400.
		{"no deadline", plan.Objective{Metric: "revenue", Target: d("2000"), Direction: plan.AtLeast}, "2400", true, "400", false, false},
		// deadline after the end (2027-04-03): plan end, revenue 2400.
		{"after the end", plan.Objective{Metric: "revenue", Target: d("2000"), Direction: plan.AtLeast, Deadline: plan.NewDate(2027, time.June, 1)}, "2400", true, "400", false, false},
		// reach is the exposures alias: 100 contacts.
		{"reach alias", plan.Objective{Metric: "reach", Target: d("150"), Direction: plan.AtLeast, Deadline: feb10}, "100", false, "-50", false, true},
		// clv is plan-wide: 10.
		{"clv", plan.Objective{Metric: "clv", Target: d("10"), Direction: plan.AtLeast, Deadline: feb10}, "10", true, "0", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := econPlan()
			c.o.ID = "o"
			c.o.Statement = "Grow"
			c.o.Purpose = "leads"
			p.Objectives = []plan.Objective{c.o}
			r := mustRun(t, p)
			o := r.Objectives[0]
			nearN(t, "value", o.Value, c.value, "1e-20")
			nearN(t, "gap", o.Gap, c.gap, "1e-20")
			if o.Met != c.met {
				t.Errorf("met = %v", o.Met)
			}
			if o.Smart.Achievable.OK != c.met {
				t.Errorf("achievable = %v", o.Smart.Achievable.OK)
			}
			if o.Smart.TimeBound.OK != c.timeline {
				t.Errorf("time-bound = %+v", o.Smart.TimeBound)
			}
			outside := false
			for _, w := range r.Warnings {
				outside = outside || w.Code == WarnObjectiveOutside
			}
			if want := c.name == "after the end"; outside != want {
				t.Errorf("objective outside warning = %v, want %v", outside, want)
			}
		})
	}
}

// TestSmart checks each letter of the checklist, the engine run directly
// (some cases, e.g. cpl in b2c, are rejected by plan.Validate).
func TestSmart(t *testing.T) {
	good := plan.Objective{ID: "o", Metric: "customers", Target: d("50"), Direction: plan.AtLeast,
		Deadline: plan.NewDate(2027, time.March, 1), Purpose: "leads", Statement: "Win 50 customers by March"}
	cases := []struct {
		name   string
		edit   func(*plan.Objective, *plan.Plan)
		letter func(Smart) Check
		ok     bool
		code   string // of Why (messages.go)
	}{
		{"all good: specific", nil, func(s Smart) Check { return s.Specific }, true, MsgSmartSOK},
		{"all good: measurable", nil, func(s Smart) Check { return s.Measurable }, true, MsgSmartMOK},
		{"all good: achievable (100 ≥ 50)", nil, func(s Smart) Check { return s.Achievable }, true, MsgSmartAOK},
		{"all good: relevant (event for leads)", nil, func(s Smart) Check { return s.Relevant }, true, MsgSmartROK},
		{"all good: time-bound", nil, func(s Smart) Check { return s.TimeBound }, true, MsgSmartTOK},
		{"no statement", func(o *plan.Objective, _ *plan.Plan) { o.Statement = " " }, func(s Smart) Check { return s.Specific }, false, MsgSmartSNoText},
		{"no metric", func(o *plan.Objective, _ *plan.Plan) { o.Metric = "" }, func(s Smart) Check { return s.Specific }, false, MsgSmartSNoMetric},
		{"unknown metric", func(o *plan.Objective, _ *plan.Plan) { o.Metric = "likes" }, func(s Smart) Check { return s.Measurable }, false, MsgSmartMUnknown},
		{"cpl in b2c", func(o *plan.Objective, _ *plan.Plan) { o.Metric = "cpl" }, func(s Smart) Check { return s.Measurable }, false, MsgSmartMB2B},
		{"ctr without exposures", func(o *plan.Objective, p *plan.Plan) {
			o.Metric = "ctr"
			p.Channels[0] = plan.Channel{ID: "seo", Name: "SEO", Kind: plan.SEO, ConversionRate: d("0.1"), VisitsPerMonth: d("10"), RampMonths: 1}
		}, func(s Smart) Check { return s.Measurable }, false, MsgSmartMExposures},
		{"not achievable", func(o *plan.Objective, _ *plan.Plan) { o.Target = d("101") }, func(s Smart) Check { return s.Achievable }, false, MsgSmartANo},
		{"no purpose", func(o *plan.Objective, _ *plan.Plan) { o.Purpose = "" }, func(s Smart) Check { return s.Relevant }, false, MsgSmartRNone},
		{"no awareness channel", func(o *plan.Objective, _ *plan.Plan) { o.Purpose = "awareness" }, func(s Smart) Check { return s.Relevant }, false, MsgSmartRNoChannel},
		{"display for conversion (remarketing)", func(o *plan.Objective, p *plan.Plan) {
			o.Purpose = "conversion"
			p.Channels = append(p.Channels, plan.Channel{ID: "disp", Name: "D", Kind: plan.Display, Budget: d("1"), CPM: d("1"), CTR: nd("0.01"), ConversionRate: d("0.01")})
		}, func(s Smart) Check { return s.Relevant }, true, MsgSmartROK},
		{"no deadline", func(o *plan.Objective, _ *plan.Plan) { o.Deadline = plan.Date{} }, func(s Smart) Check { return s.TimeBound }, false, MsgSmartTNone},
		{"deadline after the end", func(o *plan.Objective, _ *plan.Plan) { o.Deadline = plan.NewDate(2027, time.April, 4) }, func(s Smart) Check { return s.TimeBound }, false, MsgSmartTAfter},
		{"deadline on the last day", func(o *plan.Objective, _ *plan.Plan) { o.Deadline = plan.NewDate(2027, time.April, 3) }, func(s Smart) Check { return s.TimeBound }, true, MsgSmartTOK},
		{"deadline before the start", func(o *plan.Objective, _ *plan.Plan) { o.Deadline = plan.NewDate(2026, time.December, 1) }, func(s Smart) Check { return s.TimeBound }, false, MsgSmartTBefore},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := econPlan()
			o := good
			if c.edit != nil {
				c.edit(&o, &p)
			}
			p.Objectives = []plan.Objective{o}
			biz, ins, err := scenarioInputs(p, BaseScenario)
			if err != nil {
				t.Fatal(err)
			}
			e := newEngine(p, biz, ins)
			got := c.letter(e.objectives(nil)[0].Smart)
			if got.OK != c.ok || got.Why.Code != c.code {
				t.Errorf("got %+v, want ok=%v why %s", got, c.ok, c.code)
			}
			checkMsg(t, got.Why)
			if c.code == MsgSmartTAfter {
				// a plan from 2027-01-04 for 3 months ends the day before 2027-04-04
				if a, _ := got.Why.Arg("end"); a.Date != plan.NewDate(2027, time.April, 3) {
					t.Errorf("end = %v, want 2027-04-03", a.Date)
				}
			}
		})
	}
}
