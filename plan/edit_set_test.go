package plan

import (
	"strings"
	"testing"
)

// TestSet sets keys of the bakery as a person types them and checks the
// value stored, in the plan's own form.
func TestSet(t *testing.T) {
	p, err := Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		key, text string
		check     func(q Plan) bool
	}{
		{"plan.budget", "6000", func(q Plan) bool { return q.Info.Budget.String() == "6000" }},
		{"plan.budget", "6000.50", func(q Plan) bool { return formatDecimal(q.Info.Budget) == "6000.50" }},
		{"plan.start", "2027-05-01", func(q Plan) bool { return q.Info.Start == NewDate(2027, 5, 1) }},
		{"plan.months", "6", func(q Plan) bool { return q.Info.Months == 6 }},
		{"plan.title", "Un titre, avec \"guillemets\"", func(q Plan) bool { return q.Info.Title == "Un titre, avec \"guillemets\"" }},
		{"plan.author", "", func(q Plan) bool { return q.Info.Author == "" }},
		{"plan.language", "", func(q Plan) bool { return q.Info.Language == LangFR }}, // back to its default
		{"business.gross_margin", "0.70", func(q Plan) bool { return formatDecimal(q.Business.GrossMargin) == "0.70" }},
		{"simulation.seed", "-3", func(q Plan) bool { return q.Simulation.Seed == -3 }},
		{"channels.google-display.locked", "true", func(q Plan) bool { return q.Channels[2].Locked }},
		{"channels.google-display.audience", "", func(q Plan) bool { return !q.Channels[2].Audience.Valid }},
		{"channels.google-display.ctr", "0.005", func(q Plan) bool { return formatDecimal(q.Channels[2].CTR.Decimal) == "0.005" }},
		{"channels.mailing-familles.active_months", "3,1", func(q Plan) bool { return len(q.Channels[0].ActiveMonths) == 2 && q.Channels[0].ActiveMonths[0] == 1 }},
		{"channels.mailing-familles.active_months", "", func(q Plan) bool { return q.Channels[0].ActiveMonths == nil }},
		{"channels.google-display.ranges.ctr", "0.003,0.006", func(q Plan) bool { r, ok := q.Channels[2].Range("ctr"); return ok && r.High.String() == "0.006" }},
		{"channels.influenceuse-famille.ranges.reach_rate", "", func(q Plan) bool { return q.Channels[6].Ranges == nil }},
		{"objectives.cout-par-client.target", "20", func(q Plan) bool { return q.Objectives[1].Target.String() == "20" }},
		{"objectives.cout-par-client.deadline", "", func(q Plan) bool { return q.Objectives[1].Deadline.IsZero() }},
		{"tracking.engagement_weights.ctr", "0.5", func(q Plan) bool { return len(q.Tracking.EngagementWeights) == 1 }},
	}
	for _, c := range cases {
		q, err := Set(p, c.key, c.text)
		if err != nil {
			t.Errorf("Set(%s=%s): %v", c.key, c.text, err)
			continue
		}
		if !c.check(q) {
			t.Errorf("Set(%s=%s) did not store the value", c.key, c.text)
		}
		if d := planDiff(p, mustExample(t)); d != "" {
			t.Fatalf("Set changed its argument: %s", d)
		}
	}
}

func mustExample(t *testing.T) Plan {
	p, err := Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSetErrors: every bad key or value says what to write.
func TestSetErrors(t *testing.T) {
	p := mustExample(t)
	cases := []struct{ key, text, want string }{
		{"plan.budgte", "1", `did you mean "plan.budget"`},
		{"plna.budget", "1", "did you mean plan.budget"},
		{"nothing.x", "1", "keys start with one of plan, business"},
		{"plan.zzzzzzzz", "1", "use one of title, author"},
		{"plan.budget", "12,5", "write plan.budget=12.5"},
		{"plan.budget", "abc", "e.g. plan.budget=5000"},
		{"plan.budget", "", "required"},
		{"plan.months", "3.5", "not a whole number"},
		{"plan.start", "04/01/2027", "YYYY-MM-DD"},
		{"funnel.mql_to_sql", "0.3", "only for b2b plans"},
		{"channels.google-dispaly.budget", "1", `did you mean "google-display"`},
		{"channels.zz.budget", "1", "use one of mailing-familles"},
		{"channels.google-display", "1", "channels.ID.KEY"},
		{"channels.google-display.units", "1", "is not a key of a display channel"},
		{"channels.google-display.lead_to_mql", "0.1", "b2b key"},
		{"channels.google-display.budgte", "1", `did you mean "channels.google-display.budget"`},
		{"channels.google-display.locked", "yes", "not true or false"},
		{"channels.google-display.active_months", "1;2", "separated by commas"},
		{"channels.google-display.ranges.ctr", "0.1", "LOW,HIGH"},
		{"channels.google-display.ranges.min_budget", "1,2", "not an uncertain input"},
		{"objectives.nouveaux-client.target", "1", `did you mean "nouveaux-clients"`},
		{"tracking.engagement_weights.ctrr", "1", `did you mean "tracking.engagement_weights.ctr"`},
		{"tracking.kpi", "1", `did you mean "tracking.kpis"`},
		{"tracking.zzzzzzzzzzzz", "1", "tracking.engagement_weights.KPI=WEIGHT"},
	}
	for _, c := range cases {
		_, err := Set(p, c.key, c.text)
		if err == nil {
			t.Errorf("Set(%s=%s) accepted", c.key, c.text)
			continue
		}
		e, ok := err.(Error)
		if !ok || e.Path != c.key || !strings.Contains(e.Msg.String(), c.want) {
			t.Errorf("Set(%s=%s): %v, want %q", c.key, c.text, err, c.want)
		}
		if strings.ContainsRune(e.Msg.String(), 0) {
			t.Errorf("Set(%s=%s): message has a NUL", c.key, c.text)
		}
	}
}
