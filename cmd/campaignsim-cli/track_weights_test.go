package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestTrackEngagementWeights checks that track shows the engagement
// weights it used, and whether they are the plan's or the defaults.
func TestTrackEngagementWeights(t *testing.T) {
	csvPath := writeTemp(t, "actuals.csv", trackCSV)
	for _, c := range []struct {
		name, add, from, text string
		weights               []string
	}{
		{"defaults", "", "default", "Poids (par défaut)\u00a0: Taux d'ouverture 0,2 · Taux de clic (email) 0,3",
			[]string{"open_rate 0.200000", "click_rate 0.300000", "ctr 0.300000", "response_rate 0.200000"}},
		{"plan", "[tracking]\nengagement_weights = { ctr = \"0.75\", click_rate = 2 }\n", "plan",
			"Poids (du plan, [tracking] engagement_weights)\u00a0: Taux d'ouverture 0 · Taux de clic (email) 2",
			[]string{"open_rate 0.000000", "click_rate 2.000000", "ctr 0.750000", "response_rate 0.000000"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			planPath := writeTemp(t, "plan.toml", trackTOML+c.add)
			r := runCLI(t, "", "track", planPath, "--actuals", csvPath, "--runs", "-1")
			if r.code != exitOK || !strings.Contains(r.stdout, c.text) {
				t.Errorf("text: code %d, lacks %q:\n%s%s", r.code, c.text, r.stdout, r.stderr)
			}
			r = runCLI(t, "", "track", planPath, "--actuals", csvPath, "--runs", "-1", "--format", "json")
			var v struct {
				Engagement struct {
					WeightsFrom string `json:"weights_from"`
					Weights     []struct {
						KPI    string `json:"kpi"`
						Weight string `json:"weight"`
					} `json:"weights"`
				} `json:"engagement"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
				t.Fatalf("json: %v\n%s", err, r.stdout)
			}
			var got []string
			for _, w := range v.Engagement.Weights {
				got = append(got, w.KPI+" "+w.Weight)
			}
			if v.Engagement.WeightsFrom != c.from || strings.Join(got, ", ") != strings.Join(c.weights, ", ") {
				t.Errorf("json: weights_from %q, weights %v", v.Engagement.WeightsFrom, got)
			}
		})
	}
}
