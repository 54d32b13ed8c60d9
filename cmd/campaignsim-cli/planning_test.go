package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// bakeryPath is the bakery example, which carries ranges.
var bakeryPath = filepath.Join("..", "..", "assets", "examples", "bakery.toml")

func TestUncertaintyExitCodes(t *testing.T) {
	good := writeTemp(t, "plan.toml", testPlan)
	bad := writeTemp(t, "bad.toml", invalidPlan)
	for _, c := range []struct {
		name string
		args []string
		code int
	}{
		{"ok", []string{"uncertainty", good, "--runs", "200"}, exitOK},
		{"flags before", []string{"uncertainty", "--runs", "200", "--seed", "7", good}, exitOK},
		{"help", []string{"uncertainty", "--help"}, exitOK},
		{"no plan", []string{"uncertainty"}, exitUsage},
		{"two plans", []string{"uncertainty", good, good}, exitUsage},
		{"bad format", []string{"uncertainty", good, "--format", "csv"}, exitUsage},
		{"bad runs", []string{"uncertainty", good, "--runs", "-3"}, exitUsage},
		{"bad seed", []string{"uncertainty", good, "--seed", "abc"}, exitUsage},
		{"unknown flag", []string{"uncertainty", good, "--bins", "3"}, exitUsage},
		{"invalid plan", []string{"uncertainty", bad}, exitInvalid},
		{"missing file", []string{"uncertainty", filepath.Join(t.TempDir(), "none.toml")}, exitIO},
		{"sensitivity ok", []string{"sensitivity", good}, exitOK},
		{"sensitivity customers", []string{"sensitivity", "--metric", "customers", good}, exitOK},
		{"sensitivity help", []string{"sensitivity", "--help"}, exitOK},
		{"sensitivity bad metric", []string{"sensitivity", good, "--metric", "roi"}, exitUsage},
		{"sensitivity no plan", []string{"sensitivity"}, exitUsage},
		{"sensitivity invalid plan", []string{"sensitivity", bad}, exitInvalid},
		{"sensitivity missing file", []string{"sensitivity", filepath.Join(t.TempDir(), "none.toml")}, exitIO},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, "", c.args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", r.code, c.code, r.stderr)
			}
			if c.code != exitOK && r.stdout != "" {
				t.Errorf("output on failure: %q", r.stdout)
			}
		})
	}
}

func TestUncertaintyJSON(t *testing.T) {
	r := runCLI(t, "", "uncertainty", bakeryPath, "--format", "json", "--runs", "500", "--seed", "3")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if v["runs"] != float64(500) || v["seed"] != float64(3) {
		t.Errorf("runs %v seed %v, want 500 and 3", v["runs"], v["seed"])
	}
	figs, _ := v["figures"].(map[string]any)
	hists, _ := v["histograms"].(map[string]any)
	for _, name := range []string{"customers", "revenue", "gross_margin", "net_profit", "roi", "cpa"} {
		f, ok := figs[name].(map[string]any)
		if !ok {
			t.Errorf("figures.%s missing", name)
			continue
		}
		for _, k := range []string{"p10", "p50", "p90", "mean"} {
			if _, ok := f[k].(string); !ok {
				t.Errorf("figures.%s.%s = %v, want a decimal string", name, k, f[k])
			}
		}
		h, ok := hists[name].(map[string]any)
		if !ok {
			t.Errorf("histograms.%s missing", name)
			continue
		}
		edges, _ := h["edges"].([]any)
		counts, _ := h["counts"].([]any)
		total := 0.0
		for _, c := range counts {
			total += c.(float64)
		}
		if len(edges) != len(counts)+1 || total != 500 {
			t.Errorf("histograms.%s: %d edges, %d counts summing to %g", name, len(edges), len(counts), total)
		}
	}
	objs, _ := v["objectives"].([]any)
	if len(objs) != 3 {
		t.Fatalf("%d objectives, want 3", len(objs))
	}
	for _, o := range objs {
		m := o.(map[string]any)
		if _, ok := m["id"].(string); !ok {
			t.Errorf("objective without id: %v", m)
		}
		if p, ok := m["probability"].(string); !ok || len(p) != len("0.000000") {
			t.Errorf("probability %v, want a fraction with 6 places", m["probability"])
		}
	}
	// the same seed gives the same output
	again := runCLI(t, "", "uncertainty", "--seed", "3", "--runs", "500", "--format", "json", bakeryPath)
	if again.stdout != r.stdout {
		t.Error("the same seed gives another output")
	}
}

func TestUncertaintyText(t *testing.T) {
	r := runCLI(t, "", "uncertainty", bakeryPath, "--runs", "1000")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Sur 1\u202f000 simulations, 8 sur 10 donnent entre", "probabilité d'atteindre «\u00a0Gagner 200",
		"Médiane", "Chances d'atteindre les objectifs", "graine 1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text lacks %q:\n%s", want, r.stdout)
		}
	}
	nr := runCLI(t, "", "uncertainty", writeTemp(t, "plan.toml", testPlan), "--runs", "100")
	if !strings.Contains(nr.stdout, "aucune fourchette") {
		t.Errorf("a plan without ranges is not told so:\n%s", nr.stdout)
	}
}

func TestSensitivityJSON(t *testing.T) {
	r := runCLI(t, "", "sensitivity", bakeryPath, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if v["metric"] != "net_profit" {
		t.Errorf("metric %v", v["metric"])
	}
	if _, ok := v["base"].(string); !ok {
		t.Errorf("base %v, want a decimal string", v["base"])
	}
	ins, _ := v["inputs"].([]any)
	if len(ins) == 0 {
		t.Fatal("no inputs")
	}
	for _, in := range ins {
		m := in.(map[string]any)
		for _, k := range []string{"channel", "input", "low", "high", "value_low", "value_high", "swing"} {
			if _, ok := m[k].(string); !ok {
				t.Errorf("inputs[].%s = %v, want a string", k, m[k])
			}
		}
	}
	first := ins[0].(map[string]any)
	if first["channel"] != "mailing-familles" || first["input"] != "response_rate" {
		t.Errorf("largest swing %v.%v, want mailing-familles.response_rate", first["channel"], first["input"])
	}
}

func TestSensitivityText(t *testing.T) {
	r := runCLI(t, "", "sensitivity", bakeryPath)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Ce qui compte le plus\u00a0: le taux de réponse de «\u00a0Mailing familles") {
		t.Errorf("no headline:\n%s", r.stdout)
	}
	en := runCLI(t, "", "sensitivity", "--metric", "customers", bakeryPath)
	if !strings.Contains(en.stdout, "Clients prévu") {
		t.Errorf("customers metric:\n%s", en.stdout)
	}
}
