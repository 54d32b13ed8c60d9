package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// trackTOML is a two-month plan with one display channel and no actuals
// (they come from the CSV).
const trackTOML = `format = 1
[plan]
title = "Suivi"
language = "fr"
start = 2027-01-01
months = 2
budget = "2000"
[business]
name = "Boutique"
average_order = "50"
gross_margin = "0.5"
[[objectives]]
id = "clients"
metric = "customers"
target = "45"
deadline = 2027-02-28
purpose = "conversion"
statement = "45 clients"
[[channels]]
id = "ads"
name = "Bannières"
kind = "display"
budget = "1000"
cpm = "10"
ctr = "0.01"
conversion_rate = "0.05"
ranges = { ctr = ["0.008", "0.012"] }
`

const trackCSV = "channel;month;spend;exposures;interactions;customers;revenue\r\nads;1;600;40\u202f000;320;20;1000,00\r\n"

func TestEvaluateActualsCSV(t *testing.T) {
	planPath := writeTemp(t, "plan.toml", trackTOML)
	csvPath := writeTemp(t, "actuals.csv", trackCSV)

	r := runCLI(t, "", "evaluate", planPath, "--actuals", csvPath)
	if r.code != exitOK {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Tableau de bord", "Ventes", "en retard", "Re-prévision", "Que changer", "Bannières"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text lacks %q:\n%s", want, r.stdout)
		}
	}
	// JSON keeps FORMAT.md's shape exactly.
	r = runCLI(t, "", "evaluate", "--format", "json", "--actuals", csvPath, planPath)
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || len(v) != 3 || v["variance"] == nil {
		t.Fatalf("json: %v %v", err, v)
	}
	if got := v["variance"].(map[string]any)["customers"]; got != "-5.00" {
		t.Errorf("variance customers %v", got)
	}

	// A bad cell: exit 1, the file, line and column on stderr.
	bad := writeTemp(t, "bad.csv", "channel;month;spend;customers;revenue\nads;1;6x0;20;1000\n")
	r = runCLI(t, "", "evaluate", planPath, "--actuals", bad)
	if r.code != exitInvalid || !strings.Contains(r.stderr, "bad.csv:2: ") || !strings.Contains(r.stderr, `column "spend"`) || r.stdout != "" {
		t.Errorf("bad csv: code %d stderr %q", r.code, r.stderr)
	}
	// A missing file: exit 3.
	r = runCLI(t, "", "evaluate", planPath, "--actuals", csvPath+".nope")
	if r.code != exitIO || !strings.Contains(r.stderr, "cannot read the actuals") {
		t.Errorf("missing csv: code %d stderr %q", r.code, r.stderr)
	}
}

func TestTrackCommand(t *testing.T) {
	planPath := writeTemp(t, "plan.toml", trackTOML)
	csvPath := writeTemp(t, "actuals.csv", trackCSV)
	r := runCLI(t, "", "track", planPath, "--actuals", csvPath, "--runs", "300", "--format", "json")
	if r.code != exitOK {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"months", "last_month", "totals", "channels", "objectives", "dashboard", "reforecast", "engagement"} {
		if _, ok := v[k]; !ok {
			t.Errorf("missing %q", k)
		}
	}
	obj := v["objectives"].([]any)[0].(map[string]any)
	if obj["status"] != "behind" || obj["probability"] == nil || obj["forecast_met"] != false {
		t.Errorf("objective %v", obj)
	}
	r = runCLI(t, "", "track", planPath, "--actuals", csvPath, "--runs", "-1")
	if r.code != exitOK || !strings.Contains(r.stdout, "Score d'engagement multicanal") {
		t.Errorf("text: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "", "track", planPath); r.code != exitInvalid {
		t.Errorf("no actuals: code %d", r.code)
	}
	if r := runCLI(t, "", "track", "--help"); r.code != exitOK || !strings.Contains(r.stdout, "credibility") {
		t.Errorf("help: %d %s", r.code, r.stdout)
	}
}

func TestAttributionCommand(t *testing.T) {
	planPath := writeTemp(t, "plan.toml", strings.Replace(trackTOML, "[[objectives]]", `[[channels]]
id = "mail"
name = "Mailing"
kind = "email"
list_size = 1000
click_rate = "0.03"
conversion_rate = "0.1"

[[objectives]]`, 1))
	paths := writeTemp(t, "paths.csv", "path_id,step,channel,converted,revenue\np1,1,ads,,\np1,2,mail,1,100\np2,1,mail,1,50\n")
	r := runCLI(t, "", "attribution", paths, "--plan", planPath, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	// first touch: ads 100, mail 50; position-based: p1 two touches 50/50.
	models := v["models"].([]any)
	// channels in plan order: mail (declared before the objectives), ads.
	first := models[0].(map[string]any)["channels"].([]any)[1].(map[string]any)
	pos := models[3].(map[string]any)["channels"].([]any)[1].(map[string]any)
	if first["revenue"] != "100.00" || pos["revenue"] != "50.00" || v["revenue"] != "150.00" {
		t.Errorf("json %s", r.stdout)
	}
	if r := runCLI(t, "", "attribution", paths, "--plan", planPath); r.code != exitOK || !strings.Contains(r.stdout, "En U (40/20/40)") {
		t.Errorf("text %d %s", r.code, r.stderr)
	}
	bad := writeTemp(t, "bad.csv", "path_id,step,channel,converted,revenue\np1,one,ads,1,\n")
	if r := runCLI(t, "", "attribution", bad, "--plan", planPath); r.code != exitInvalid || !strings.Contains(r.stderr, "bad.csv:2: ") {
		t.Errorf("bad: %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, "", "attribution", paths+".x", "--plan", planPath); r.code != exitIO {
		t.Errorf("missing: %d", r.code)
	}
	if r := runCLI(t, "", "attribution", paths); r.code != exitUsage {
		t.Errorf("no plan: %d", r.code)
	}
}
