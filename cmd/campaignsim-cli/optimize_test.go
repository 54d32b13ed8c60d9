package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"campaignsim/plan"
)

// examplePath writes the named example plan to a temporary file.
func examplePath(t *testing.T, name string) string {
	t.Helper()
	data, ok := plan.ExampleFile(name)
	if !ok {
		t.Fatalf("no example %s", name)
	}
	return writeTemp(t, name+".toml", string(data))
}

func TestOptimizeGoalSeekExitCodes(t *testing.T) {
	bakery := examplePath(t, "bakery")
	bad := writeTemp(t, "bad.toml", invalidPlan)
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"optimize help", []string{"optimize", "--help"}, exitOK},
		{"goalseek help", []string{"goalseek", "--help"}, exitOK},
		{"optimize ok", []string{"optimize", bakery}, exitOK},
		{"optimize flags first", []string{"optimize", "--goal", "net_profit", "--format", "json", bakery}, exitOK},
		{"optimize budget", []string{"optimize", bakery, "--budget", "2000,50"}, exitOK},
		{"optimize missing plan", []string{"optimize"}, exitUsage},
		{"optimize bad goal", []string{"optimize", bakery, "--goal", "roi"}, exitUsage},
		{"optimize bad budget", []string{"optimize", bakery, "--budget", "lots"}, exitUsage},
		{"optimize negative budget", []string{"optimize", bakery, "--budget", "-5"}, exitUsage},
		{"optimize bad format", []string{"optimize", bakery, "--format", "csv"}, exitUsage},
		{"optimize invalid plan", []string{"optimize", bad}, exitInvalid},
		{"optimize min bounds too high", []string{"optimize", bakery, "--budget", "100"}, exitInvalid},
		{"optimize no paid channel", []string{"optimize", examplePath(t, "eshop-emailing")}, exitOK},
		{"goalseek no paid channel", []string{"goalseek", examplePath(t, "eshop-emailing"), "--metric", "customers", "--target", "500"}, exitOK},
		{"optimize missing file", []string{"optimize", "/nonexistent/plan.toml"}, exitIO},
		{"goalseek ok", []string{"goalseek", bakery, "--metric", "clicks", "--target", "1000"}, exitOK},
		{"goalseek flags first", []string{"goalseek", "--metric", "customers", "--target", "250", "--mix", "optimize", bakery}, exitOK},
		{"goalseek missing metric", []string{"goalseek", bakery, "--target", "250"}, exitUsage},
		{"goalseek missing target", []string{"goalseek", bakery, "--metric", "customers"}, exitUsage},
		{"goalseek non-decimal target", []string{"goalseek", bakery, "--metric", "customers", "--target", "beaucoup"}, exitUsage},
		{"goalseek bad metric", []string{"goalseek", bakery, "--metric", "roi", "--target", "1"}, exitUsage},
		{"goalseek bad mix", []string{"goalseek", bakery, "--metric", "customers", "--target", "1", "--mix", "both"}, exitUsage},
		{"goalseek invalid plan", []string{"goalseek", bad, "--metric", "customers", "--target", "1"}, exitInvalid},
		{"goalseek leads in b2c", []string{"goalseek", bakery, "--metric", "leads", "--target", "1"}, exitInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if tc.code != exitOK && r.stdout != "" {
				t.Errorf("output on failure: %q", r.stdout)
			}
			if tc.code != exitOK && r.stderr == "" {
				t.Error("no message on standard error")
			}
		})
	}
}

// jsonKeys returns the keys of a JSON object in their order.
func jsonKeys(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var out []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestOptimizeJSONKeys(t *testing.T) {
	r := runCLI(t, "", "optimize", examplePath(t, "bakery"), "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	raw := json.RawMessage(r.stdout)
	if got, want := jsonKeys(t, raw), []string{"goal", "budget", "before", "after", "allocation", "warnings"}; !reflect.DeepEqual(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	var v struct {
		Goal, Budget, Before, After string
		Allocation                  []json.RawMessage
		Warnings                    []string
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	// 2 840 € = Facebook 1 100 + Display 500 + flyers 8 000 × 0,11 + posters 60 × 6
	if v.Goal != "customers" || v.Budget != "2840.00" || len(v.Allocation) != 4 || v.Warnings == nil {
		t.Errorf("unexpected %+v", v)
	}
	want := []string{"id", "budget_before", "budget_after", "customers_before", "customers_after"}
	for _, a := range v.Allocation {
		if got := jsonKeys(t, a); !reflect.DeepEqual(got, want) {
			t.Errorf("allocation keys %v, want %v", got, want)
		}
	}
}

// lockedPrintBakery writes the bakery with its print channels locked (not
// decisions): only its paid ads, whose audiences cap what money can buy
// (the mailing has no audience, so with it any target is in reach).
func lockedPrintBakery(t *testing.T, drop func(line string) bool) string {
	t.Helper()
	data, _ := plan.ExampleFile("bakery")
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if drop != nil && drop(l) {
			continue
		}
		kept = append(kept, l)
		if strings.HasPrefix(l, `kind = "print"`) {
			kept = append(kept, "locked = true")
		}
	}
	return writeTemp(t, "locked.toml", strings.Join(kept, "\n"))
}

func TestGoalSeekJSONKeys(t *testing.T) {
	bakery := examplePath(t, "bakery")
	locked := lockedPrintBakery(t, nil)
	for _, tc := range []struct {
		file      string
		args      []string
		reachable bool
	}{
		{bakery, []string{"--metric", "clicks", "--target", "1000"}, true},
		{locked, []string{"--metric", "customers", "--target", "250", "--mix", "optimize"}, false},
	} {
		r := runCLI(t, "", append([]string{"goalseek", tc.file, "--format", "json"}, tc.args...)...)
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		raw := json.RawMessage(r.stdout)
		if got, want := jsonKeys(t, raw), []string{"metric", "target", "reachable", "cost", "allocation", "warnings"}; !reflect.DeepEqual(got, want) {
			t.Errorf("keys %v, want %v", got, want)
		}
		var v struct {
			Metric     string
			Target     string
			Reachable  bool
			Cost       *string
			Allocation []map[string]string
			Warnings   []string
		}
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		if v.Reachable != tc.reachable || (v.Cost != nil) != tc.reachable {
			t.Errorf("%v: reachable %v cost %v", tc.args, v.Reachable, v.Cost)
		}
		if tc.reachable && (len(v.Allocation) != 4 || v.Allocation[0]["id"] == "" || v.Allocation[0]["budget"] == "") {
			t.Errorf("allocation %v", v.Allocation)
		}
		if !tc.reachable && (len(v.Warnings) == 0 || !strings.Contains(v.Warnings[0], "Inatteignable")) {
			t.Errorf("warnings %v: want the reason first", v.Warnings)
		}
	}
}

func TestOptimizeGoalSeekText(t *testing.T) {
	bakery := examplePath(t, "bakery")
	r := runCLI(t, "", "optimize", bakery)
	// The mailing is a decision (print: units × cost_per_unit) bounded by
	// its max_budget, 1 320 € (12 000 households × 0,11 €): it rises from
	// 880 € (8 000 × 0,11) by 440 €, taken from the display banners.
	if !strings.Contains(r.stdout, "Déplacer 440\u00a0€ de «\u00a0Bannières Google Display autour des écoles\u00a0» vers «\u00a0Mailing familles") {
		t.Errorf("optimize advice:\n%s", r.stdout)
	}
	r = runCLI(t, "", "goalseek", bakery, "--metric", "clicks", "--target", "1000")
	if !strings.Contains(r.stdout, "Pour 1\u202f000 clics, il faut un budget publicitaire de 2\u202f027\u00a0€ (coût total du plan 4\u202f127\u00a0€)") {
		t.Errorf("goal seek advice:\n%s", r.stdout)
	}
	r = runCLI(t, "", "goalseek", lockedPrintBakery(t, nil), "--metric", "customers", "--target", "250")
	if !strings.Contains(r.stdout, "Inatteignable\u00a0: même sans limite de budget, les plafonds des canaux limitent Clients à 215,89 (cible 250,00\u00a0; autres canaux 180,61) — «\u00a0Publicités Facebook et Instagram ciblées familles\u00a0» (audience 40\u202f000)\u00a0: 33,16 au plus") {
		t.Errorf("unreachable advice:\n%s", r.stdout)
	}
}

// TestGoalSeekUnreachableIntroFollowsBounds: in optimize mix a plan whose
// channels have no max_budget is held by their caps "even with unlimited
// money". The CLI used to choose the intro from the mix alone and said
// "even at every channel's max_budget" (seen failing before the CLI
// rendered the engine's reason).
func TestGoalSeekUnreachableIntroFollowsBounds(t *testing.T) {
	path := lockedPrintBakery(t, func(l string) bool { return strings.HasPrefix(l, "max_budget") })
	r := runCLI(t, "", "goalseek", path, "--metric", "customers", "--target", "250", "--mix", "optimize")
	if !strings.Contains(r.stdout, "même sans limite de budget") || strings.Contains(r.stdout, "budget maximal") {
		t.Errorf("unreachable without max_budget:\n%s%s", r.stdout, r.stderr)
	}
}
