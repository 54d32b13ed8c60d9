package plan

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeTracking(t *testing.T) {
	src := basePlan + "\n[tracking]\nengagement_weights = { ctr = \"0.5\", click_rate = 3, open_rate = \"0\" }\n"
	p, err := Decode("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []EngagementWeight{{KPIClickRate, dec("3")}, {KPICTR, dec("0.5")}, {KPIOpenRate, dec("0")}}
	if d := diff("weights", reflect.ValueOf(p.Tracking.EngagementWeights), reflect.ValueOf(want)); d != "" {
		t.Errorf("decoded %s", d)
	}
	// No [tracking], or an empty one: the defaults (zero value).
	for _, src := range []string{basePlan, basePlan + "\n[tracking]\n"} {
		p, err := Decode("p.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if p.Tracking.EngagementWeights != nil {
			t.Errorf("weights %v without engagement_weights", p.Tracking.EngagementWeights)
		}
	}
}

func TestDecodeTrackingErrors(t *testing.T) {
	// [tracking] follows basePlan on line 38, its key on line 39.
	cases := []struct {
		name      string
		add       string
		line, col int
		msg       string
	}{
		{"float weight", `engagement_weights = { ctr = 0.3 }`, 39, 24,
			`ctr = 0.3 is a TOML float, which loses digits: write it as a string: ctr = "0.3"`},
		{"unknown KPI", `engagement_weights = { ctr = "0.3", open = "0.2" }`, 39, 37,
			`unknown key "open" in engagement_weights: remove it (the keys of engagement_weights are open_rate, click_rate, ctr, response_rate)`},
		{"misspelt KPI", `engagement_weights = { click_rat = "0.3" }`, 39, 24,
			`unknown key "click_rat" in engagement_weights; did you mean "click_rate"?`},
		{"negative weight", `engagement_weights = { ctr = "-1", click_rate = "1" }`, 39, 24,
			`engagement_weights.ctr = -1 is out of range: write a weight from 0 to 1000 (only the ratios between the weights count)`},
		{"weight too large", `engagement_weights = { ctr = 5000 }`, 39, 24,
			`engagement_weights.ctr = 5000 is out of range`},
		{"bad decimal", `engagement_weights = { ctr = "0,3" }`, 39, 24,
			`ctr = "0,3" is not a decimal number: write ctr = "0.3"`},
		{"every weight zero", `engagement_weights = { ctr = "0", open_rate = 0 }`, 39, 1,
			`engagement_weights gives no weight above 0: give at least one KPI a weight above 0, or remove engagement_weights to use the default weights`},
		{"empty weights", `engagement_weights = {}`, 39, 1,
			`engagement_weights gives no weight above 0`},
		{"weights not a table", `engagement_weights = "0.3"`, 39, 1,
			`engagement_weights must be a table of KPI = weight: write engagement_weights = { open_rate = "0.2", click_rate = "0.3", ctr = "0.3", response_rate = "0.2" }`},
		{"unknown key of [tracking]", `engagement_weight = { ctr = "1" }`, 39, 1,
			`unknown key "engagement_weight" in [tracking]; did you mean "engagement_weights"?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := basePlan + "\n[tracking]\n" + c.add + "\n"
			_, err := Decode("p.toml", []byte(src))
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Decode gave %v, want an ErrorList", err)
			}
			for _, e := range list {
				if e.Line == c.line && e.Col == c.col && strings.Contains(e.Msg.String(), c.msg) {
					return
				}
			}
			t.Errorf("no error at %d:%d saying %q; got:\n%v", c.line, c.col, c.msg, err)
		})
	}
	// A float beside zero weights is reported once, not also as "no weight
	// above 0".
	_, err := Decode("p.toml", []byte(basePlan+"\n[tracking]\nengagement_weights = { ctr = 0.3, open_rate = \"0\" }\n"))
	if err == nil || strings.Contains(err.Error(), "no weight above 0") || !strings.Contains(err.Error(), "TOML float") {
		t.Errorf("got %v", err)
	}
	// A tracking key that is not a table.
	_, err = Decode("p.toml", []byte(strings.Replace(basePlan, "format = 1", "format = 1\ntracking = 3", 1)))
	if err == nil || !strings.Contains(err.Error(), "p.toml:2:1: tracking must be a table") {
		t.Errorf("got %v", err)
	}
}

func TestValidateTracking(t *testing.T) {
	p := validPlan(t)
	p.Tracking.EngagementWeights = []EngagementWeight{{"ctr", dec("1")}, {"ctr", dec("2")}, {"likes", dec("1")}}
	got := Validate(p).Error()
	for _, want := range []string{
		"engagement_weights.ctr is given twice: give each KPI one weight",
		"engagement_weights.likes: likes is not an engagement KPI: use one of open_rate, click_rate, ctr, response_rate",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Validate lacks %q; got:\n%s", want, got)
		}
	}
	p.Tracking.EngagementWeights = []EngagementWeight{{"ctr", dec("0")}}
	if errs := Validate(p); len(errs) != 1 || errs[0].Path != "tracking.engagement_weights" {
		t.Errorf("all-zero weights: %v", errs)
	}
	p.Tracking.EngagementWeights = nil
	if errs := Validate(p); errs != nil {
		t.Errorf("no weights: %v", errs)
	}
}

func TestEncodeTracking(t *testing.T) {
	p := validPlan(t)
	p.Tracking = Tracking{}
	out, _ := Encode(p)
	if strings.Contains(string(out), "[tracking]") {
		t.Error("Encode wrote [tracking] for a plan without weights")
	}
	p.Tracking.EngagementWeights = []EngagementWeight{{"response_rate", dec("0.20")}, {"ctr", dec("1")}}
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	want := "\n[tracking]\nengagement_weights = { ctr = \"1\", response_rate = \"0.20\" }\n"
	if !strings.Contains(string(out), want) {
		t.Errorf("Encode output lacks %q:\n%s", want, out)
	}
	q, err := Decode("x", out)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Tracking.EngagementWeights) != 2 || q.Tracking.EngagementWeights[1].Weight.String() != "0.2" ||
		q.Tracking.EngagementWeights[1].Weight.StringFixed(2) != "0.20" {
		t.Errorf("decoded back %v", q.Tracking.EngagementWeights)
	}
}

func TestCloneTracking(t *testing.T) {
	p := validPlan(t)
	p.Tracking.EngagementWeights = []EngagementWeight{{"ctr", dec("1")}}
	q := p.Clone()
	q.Tracking.EngagementWeights[0].Weight = dec("2")
	if !p.Tracking.EngagementWeights[0].Weight.Equal(dec("1")) {
		t.Error("Clone shares the engagement weights")
	}
}
