package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// testPlan is a small valid b2c plan in the format of FORMAT.md.
const testPlan = `format = 1

[plan]
title = "Acquérir des clients & fidéliser"
language = "fr"
currency = "EUR"
start = 2027-01-04
months = 3
budget = "5000"

[business]
name = "Boulangerie Artisanale Dupont"
sector = "local-retail"
average_order = "12.50"
gross_margin = "0.65"

[[objectives]]
id = "new-customers"
metric = "customers"
target = "200"
deadline = 2027-04-03
purpose = "conversion"
statement = "Acquérir 200 nouveaux clients d'ici début avril"

[[channels]]
id = "mailing"
name = "Mailing familles"
kind = "email"
fixed_cost = "450"
list_size = 2500
sends = 3
cost_per_message = "0.001"
open_rate = "0.22"
click_rate = "0.03"
conversion_rate = "0.10"

[[channels]]
id = "display"
name = "Bannières"
kind = "display"
budget = "1800"
cpm = "3.50"
ctr = "0.0046"
conversion_rate = "0.02"

[[scenarios]]
name = "Pessimiste"
factors = { ctr = "0.8" }

[[actuals]]
channel = "mailing"
month = 1
spend = "150"
customers = "9"
revenue = "95.40"
`

// invalidPlan has an unquoted float on line 9 (an error with its line).
const invalidPlan = `format = 1

[plan]
title = "Plan"
start = 2027-01-04
months = 3
budget = "5000"
[business]
name = 3.5
`

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// needEngine skips a test while the decoder or the engine it needs is a
// stub (they are built in parallel with this command).
func needEngine(t *testing.T) plan.Plan {
	t.Helper()
	p, err := plan.Decode("test.toml", []byte(testPlan))
	if err != nil {
		if strings.Contains(err.Error(), "not implemented") {
			t.Skip("plan.Decode is still a stub")
		}
		t.Fatalf("the test plan does not decode: %v", err)
	}
	if _, err := simulate.Run(p); err != nil {
		if strings.Contains(err.Error(), "not implemented") {
			t.Skip("simulate.Run is still a stub")
		}
		t.Fatalf("the test plan does not simulate: %v", err)
	}
	return p
}

func TestUsageExitCodes(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.toml")
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		{"no arguments", nil, exitUsage, "", "Usage"},
		{"top help", []string{"--help"}, exitOK, "Usage", ""},
		{"top -h", []string{"-h"}, exitOK, "Commands", ""},
		{"help command", []string{"help", "simulate"}, exitOK, "--scenario", ""},
		{"help unknown", []string{"help", "fly"}, exitUsage, "", "unknown command"},
		{"unknown command", []string{"fly"}, exitUsage, "", `unknown command "fly"`},
		{"export without -o", []string{"export", "p.toml"}, exitUsage, "", "missing -o"},
		{"validate help", []string{"validate", "--help"}, exitOK, "usage: campaignsim-cli validate", ""},
		{"simulate help", []string{"simulate", "-h"}, exitOK, "--format", ""},
		{"evaluate help", []string{"evaluate", "--help"}, exitOK, "--actuals FILE]...", ""},
		{"examples help", []string{"examples", "--help"}, exitOK, "-o FILE", ""},
		{"benchmarks help", []string{"benchmarks", "--help"}, exitOK, "--sector", ""},
		{"unknown flag", []string{"simulate", "p.toml", "--colour"}, exitUsage, "", "unknown flag --colour: this command's flags are --format, --library, --scenario"},
		{"missing plan", []string{"simulate"}, exitUsage, "", "missing PLAN"},
		{"missing plan validate", []string{"validate"}, exitUsage, "", "missing PLAN"},
		{"two plans", []string{"validate", "a.toml", "b.toml"}, exitUsage, "", "too many arguments"},
		{"bad format", []string{"simulate", missing, "--format", "xml"}, exitUsage, "", `--format "xml"`},
		{"bad format evaluate", []string{"evaluate", "--format=pdf", missing}, exitUsage, "", "text, json, csv"},
		{"flag without value", []string{"simulate", missing, "--format"}, exitUsage, "", "--format needs a value: write --format VALUE"},
		{"unreadable plan", []string{"validate", missing}, exitIO, "", "cannot read"},
		{"plan is a directory", []string{"simulate", dir}, exitIO, "", "directory"},
		{"bad sector", []string{"benchmarks", "--sector", "bakery"}, exitUsage, "", "--sector"},
		{"benchmarks bad format", []string{"benchmarks", "--format", "csv"}, exitUsage, "", "text, json"},
		{"benchmarks argument", []string{"benchmarks", "x"}, exitUsage, "", "unexpected argument"},
		{"examples -o without name", []string{"examples", "-o", filepath.Join(dir, "x.toml")}, exitUsage, "", "needs an example NAME"},
		{"examples unknown", []string{"examples", "no-such-example"}, exitUsage, "", "no example named"},
		{"examples too many", []string{"examples", "a", "b"}, exitUsage, "", "too many"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.out) {
				t.Errorf("stdout lacks %q:\n%s", tt.out, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.err) {
				t.Errorf("stderr lacks %q:\n%s", tt.err, r.stderr)
			}
			if tt.code != exitOK && r.stdout != "" {
				t.Errorf("output on failure: %q", r.stdout)
			}
		})
	}
}

func TestParseFlagsAnywhere(t *testing.T) {
	for _, args := range [][]string{
		{"p.toml", "--format", "json", "--scenario", "all"},
		{"--format", "json", "p.toml", "--scenario=all"},
		{"--format=json", "--scenario", "all", "p.toml"},
		{"--format", "json", "--scenario", "all", "--", "p.toml"},
	} {
		c := &cli{stderr: &bytes.Buffer{}}
		fs := flags("simulate")
		format := fs.String("format", "text", "")
		scenario := fs.String("scenario", "base", "")
		pos, err := c.parse(fs, "simulate", args)
		if err != nil || len(pos) != 1 || pos[0] != "p.toml" || *format != "json" || *scenario != "all" {
			t.Errorf("%v: pos %v err %v format %q scenario %q", args, pos, err, *format, *scenario)
		}
	}
	c := &cli{stderr: &bytes.Buffer{}}
	pos, err := c.parse(flags("validate"), "validate", []string{"-"})
	if err != nil || len(pos) != 1 || pos[0] != "-" {
		t.Errorf("- as PLAN: %v %v", pos, err)
	}
}

func TestInvalidPlan(t *testing.T) {
	needEngine(t)
	path := writeTemp(t, "bad.toml", invalidPlan)
	r := runCLI(t, "", "validate", path)
	if r.code != exitInvalid {
		t.Fatalf("exit code %d, want 1; stderr %s", r.code, r.stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(line, path+":") {
			t.Errorf("error line without FILE: %q", line)
		}
	}
	if !strings.Contains(r.stderr, path+":9:") {
		t.Errorf("no error on line 9:\n%s", r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout on failure: %q", r.stdout)
	}
	// The same through standard input is named <stdin>.
	r = runCLI(t, invalidPlan, "simulate", "-", "--format", "json")
	if r.code != exitInvalid || !strings.HasPrefix(r.stderr, "<stdin>:") {
		t.Errorf("stdin: code %d, stderr %q", r.code, r.stderr)
	}
}

func TestValidate(t *testing.T) {
	needEngine(t)
	path := writeTemp(t, "plan.toml", testPlan)
	r := runCLI(t, "", "validate", path)
	want := "OK\u00a0: Acquérir des clients & fidéliser — 2 canaux, 1 objectif\n"
	if r.code != exitOK || r.stdout != want {
		t.Errorf("code %d stdout %q, want %q; stderr %s", r.code, r.stdout, want, r.stderr)
	}
	r = runCLI(t, strings.Replace(testPlan, `language = "fr"`, `language = "en"`, 1), "validate", "-")
	want = "OK: Acquérir des clients & fidéliser — 2 channels, 1 objective\n"
	if r.code != exitOK || r.stdout != want {
		t.Errorf("stdin en: code %d stdout %q, want %q; stderr %s", r.code, r.stdout, want, r.stderr)
	}
}

func TestSimulateUnknownScenario(t *testing.T) {
	needEngine(t)
	path := writeTemp(t, "plan.toml", testPlan)
	r := runCLI(t, "", "simulate", path, "--scenario", "Optimiste")
	if r.code != exitUsage || !strings.Contains(r.stderr, `"Pessimiste"`) {
		t.Errorf("code %d stderr %s", r.code, r.stderr)
	}
}

func TestSimulateJSON(t *testing.T) {
	needEngine(t)
	path := writeTemp(t, "plan.toml", testPlan)
	r := runCLI(t, "", "simulate", path, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, r.stdout)
	}
	checkResultJSON(t, v, 2)
	if v["scenario"] != "base" || v["plan"] != "Acquérir des clients & fidéliser" || v["currency"] != "EUR" {
		t.Errorf("header: %v %v %v", v["scenario"], v["plan"], v["currency"])
	}
	totals := v["totals"].(map[string]any)
	if totals["cpl"] != nil || totals["leads"] != nil {
		t.Errorf("b2c cpl/leads should be null: %v %v", totals["cpl"], totals["leads"])
	}

	// --scenario all, flags before PLAN: an array, base first.
	r = runCLI(t, "", "simulate", "--scenario", "all", "--format=json", path)
	var arr []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &arr); err != nil || r.code != exitOK {
		t.Fatalf("all: code %d err %v\n%s", r.code, err, r.stderr)
	}
	if len(arr) != 2 || arr[0]["scenario"] != "base" || arr[1]["scenario"] != "Pessimiste" {
		t.Errorf("all: %d results", len(arr))
	}
}

// checkResultJSON checks one RESULT object against FORMAT.md's keys.
func checkResultJSON(t *testing.T, v map[string]any, channels int) {
	t.Helper()
	for _, k := range []string{"format", "plan", "currency", "scenario", "totals", "channels", "months",
		"objectives", "recommendations", "warnings"} {
		if _, ok := v[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	if len(v) != 10 {
		t.Errorf("%d keys, want 10", len(v))
	}
	if v["format"] != 1.0 {
		t.Errorf("format = %v", v["format"])
	}
	checkFigures(t, "totals", v["totals"].(map[string]any))
	chs, _ := v["channels"].([]any)
	if len(chs) != channels {
		t.Fatalf("%d channels, want %d", len(chs), channels)
	}
	for _, c := range chs {
		ch := c.(map[string]any)
		for _, k := range []string{"id", "name", "kind", "stages"} {
			if _, ok := ch[k]; !ok {
				t.Errorf("channel lacks %q", k)
			}
		}
		checkFigures(t, "channel", ch)
		for _, s := range ch["stages"].([]any) {
			st := s.(map[string]any)
			if _, ok := st["stage"].(string); !ok || len(st) != 2 {
				t.Errorf("stage: %v", st)
			}
			if _, ok := st["value"].(string); !ok {
				t.Errorf("stage value: %v", st)
			}
		}
	}
	for _, m := range v["months"].([]any) {
		mo := m.(map[string]any)
		for _, k := range []string{"month", "cost", "customers", "revenue", "gross_margin", "cumulative_cost",
			"cumulative_customers", "cumulative_gross_margin"} {
			if _, ok := mo[k]; !ok {
				t.Errorf("month lacks %q", k)
			}
		}
	}
	for _, o := range v["objectives"].([]any) {
		ob := o.(map[string]any)
		for _, k := range []string{"id", "metric", "target", "direction", "value", "met", "gap", "smart"} {
			if _, ok := ob[k]; !ok {
				t.Errorf("objective lacks %q", k)
			}
		}
		smart := ob["smart"].(map[string]any)
		for _, k := range []string{"specific", "measurable", "achievable", "relevant", "time_bound"} {
			if _, ok := smart[k].(bool); !ok {
				t.Errorf("smart.%s is not a boolean: %v", k, smart[k])
			}
		}
	}
	for _, rc := range v["recommendations"].([]any) {
		rec := rc.(map[string]any)
		for _, k := range []string{"channel", "kpi", "value", "benchmark", "message", "source"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("recommendation lacks %q", k)
			}
		}
	}
	for _, w := range v["warnings"].([]any) {
		if _, ok := w.(string); !ok {
			t.Errorf("warning is not a string: %v", w)
		}
	}
}

func checkFigures(t *testing.T, where string, m map[string]any) {
	t.Helper()
	for _, s := range simulate.FigureSpecs() {
		v, ok := m[s.Name]
		if !ok {
			t.Errorf("%s lacks figure %q", where, s.Name)
			continue
		}
		if v == nil {
			continue
		}
		str, ok := v.(string)
		if !ok {
			t.Errorf("%s.%s is %T, want a string", where, s.Name, v)
			continue
		}
		if _, err := decimal.NewFromString(str); err != nil {
			t.Errorf("%s.%s = %q is not a decimal", where, s.Name, str)
		}
	}
}

func TestSimulateCSV(t *testing.T) {
	needEngine(t)
	path := writeTemp(t, "plan.toml", testPlan)
	r := runCLI(t, "", "simulate", path, "--format", "csv", "--scenario", "all")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+2*3 {
		t.Fatalf("%d records, want header + 2 scenarios × (2 channels + total)", len(recs))
	}
	if strings.Join(recs[0][:5], ",") != "scenario,channel,name,kind,cost" {
		t.Errorf("header: %v", recs[0])
	}
	if recs[3][0] != "base" || recs[3][1] != "" || recs[3][2] != "Total" {
		t.Errorf("totals row: %v", recs[3][:4])
	}
}

func TestSimulateText(t *testing.T) {
	needEngine(t)
	path := writeTemp(t, "plan.toml", testPlan)
	r := runCLI(t, "", "simulate", path)
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{"Acquérir des clients & fidéliser", "Boulangerie Artisanale Dupont",
		"04/01/2027", "5\u202f000,00\u00a0€", "Chiffres clés", "Mailing familles", "SMART"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runCLI(t, "", "simulate", path, "--scenario", "all")
	if r.code != exitOK || !strings.Contains(r.stdout, "Pessimiste") {
		t.Errorf("all: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestEvaluate(t *testing.T) {
	p := needEngine(t)
	if _, err := simulate.Evaluate(p); err != nil && strings.Contains(err.Error(), "not implemented") {
		t.Skip("simulate.Evaluate is still a stub")
	}
	path := writeTemp(t, "plan.toml", testPlan)
	r := runCLI(t, "", "evaluate", path, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	if len(v) != 3 {
		t.Errorf("keys: %v", v)
	}
	for _, k := range []string{"actual", "plan"} {
		m, ok := v[k].(map[string]any)
		if !ok {
			t.Fatalf("%s is not an object", k)
		}
		checkResultJSON(t, m, len(m["channels"].([]any)))
	}
	checkFigures(t, "variance", v["variance"].(map[string]any))

	r = runCLI(t, "", "evaluate", "--format", "csv", path)
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if r.code != exitOK || err != nil {
		t.Fatalf("csv: code %d err %v %s", r.code, err, r.stderr)
	}
	if recs[0][0] != "series" || len(recs) != 1+3*3 {
		t.Errorf("csv: %d records, header %v", len(recs), recs[0][:4])
	}
	if r := runCLI(t, "", "evaluate", path); r.code != exitOK || r.stdout == "" {
		t.Errorf("text: code %d %s", r.code, r.stderr)
	}

	noActuals := strings.Split(testPlan, "[[actuals]]")[0]
	r = runCLI(t, noActuals, "evaluate", "-")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "<stdin>") {
		t.Errorf("no actuals: code %d %s", r.code, r.stderr)
	}
}

func TestExamples(t *testing.T) {
	names := plan.ExampleNames()
	if len(names) == 0 {
		t.Skip("no example plans yet")
	}
	r := runCLI(t, "", "examples")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, names[0]) {
		t.Errorf("list: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	want, _ := plan.ExampleFile(names[0])
	r = runCLI(t, "", "examples", names[0])
	if r.code != exitOK || r.stdout != string(want) {
		t.Errorf("print: code %d", r.code)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "copy.toml")
	r = runCLI(t, "", "examples", "-o", out, names[0])
	got, err := os.ReadFile(out)
	if r.code != exitOK || err != nil || !bytes.Equal(got, want) {
		t.Errorf("-o: code %d err %v %s", r.code, err, r.stderr)
	}
	// An unwritable destination: exit 3 and nothing left behind.
	bad := filepath.Join(dir, "missing-dir", "x.toml")
	r = runCLI(t, "", "examples", names[0], "-o", bad)
	if r.code != exitIO {
		t.Errorf("unwritable: code %d", r.code)
	}
	r = runCLI(t, "", "examples", names[0], "-o", dir) // a directory
	if r.code != exitIO {
		t.Errorf("directory: code %d", r.code)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestBenchmarks(t *testing.T) {
	r := runCLI(t, "", "benchmarks", "--format", "json", "--sector", "local-retail")
	if r.code != exitOK {
		t.Fatalf("code %d %s", r.code, r.stderr)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v["sector"] != "local-retail" {
		t.Errorf("sector %v", v["sector"])
	}
	if _, ok := v["benchmarks"].([]any); !ok {
		t.Errorf("benchmarks: %v", v["benchmarks"])
	}
	t.Setenv("LC_ALL", "en_GB.UTF-8")
	if r := runCLI(t, "", "benchmarks"); r.code != exitOK || !strings.Contains(r.stdout, "Benchmark library") {
		t.Errorf("text: code %d\n%s", r.code, r.stdout)
	}
}

// TestBuildWithoutCgo checks that the command builds as pure Go.
func TestBuildWithoutCgo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.Command(gobin, "build", "-o", filepath.Join(t.TempDir(), "cli"), ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
}

// fakeResult is a hand-made result for the output tests that need no engine.
func fakeResult() (plan.Plan, simulate.Result) {
	d := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	n := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }
	p := plan.Plan{Format: 1, Info: plan.Info{Title: "Test <&>", Language: plan.LangFR, Currency: "EUR",
		Start: plan.NewDate(2027, time.January, 4), Months: 2, Budget: d("5000")},
		Business: plan.Business{Name: "Dupont", Model: plan.B2C},
		Objectives: []plan.Objective{{ID: "o", Metric: "customers", Target: d("200"),
			Direction: plan.AtLeast, Deadline: plan.NewDate(2027, time.March, 3), Statement: "200 clients"}}}
	f := simulate.Figures{Cost: n("1250"), Revenue: n("2000.005"), ROI: n("0.1234567"), Customers: n("187.456"),
		CPA: n("6.6666666666666666666667"), PaybackMonth: n("2")}
	r := simulate.Result{Scenario: "base", Totals: f,
		Channels: []simulate.ChannelResult{{ID: "mail", Name: "Mailing €", Kind: plan.Email, Figures: f,
			Stages: []simulate.Stage{{Name: "sent", Value: d("7425")}, {Name: "delivered", Value: d("7277")},
				{Name: "bounces", Value: d("148"), Side: true}, {Name: "opens", Value: d("1601"), Side: true},
				{Name: "clicks", Value: d("218")}, {Name: "customers", Value: d("187.456")}},
			ClickToOpen: n("0.13616")}},
		Months: []simulate.MonthResult{
			{Month: 1, Cost: d("625"), Customers: d("93.728"), CumulativeCost: d("625")},
			{Month: 2, Cost: d("625"), Customers: d("93.728"), CumulativeCost: d("1250")}},
		Objectives: []simulate.ObjectiveResult{{ID: "o", Metric: "customers", Target: d("200"),
			Direction: plan.AtLeast, Value: n("187.456"), Gap: n("-12.544"),
			Smart: simulate.Smart{Specific: simulate.Check{OK: true}, Achievable: simulate.Check{Why: plan.NewMsg(simulate.MsgSmartANo,
				plan.FigureArg("value", "customers", n("187.456")), plan.TextArg("dir", "≥"),
				plan.FigureArg("target", "customers", n("200")))}}}},
		Recommendations: []simulate.Recommendation{{Channel: "mail", KPI: "open_rate", Value: d("0.15"),
			Benchmark: d("0.2"), Below: true, Lever: plan.Lever{FR: "tester les objets", EN: "test subject lines"},
			Source: "Mailchimp 2019"}},
		// 1250 − 1200 = 50 over budget.
		Warnings: []simulate.Warning{{Code: simulate.WarnOverBudget, Msg: plan.NewMsg(simulate.MsgOverBudget,
			plan.MoneyArg("over", d("50")), plan.MoneyArg("cost", d("1250")), plan.MoneyArg("budget", d("1200")))}},
	}
	return p, r
}

func TestResultJSONContract(t *testing.T) {
	p, r := fakeResult()
	b, err := marshalIndent(resultJSON(p, r))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	checkResultJSON(t, v, 1)
	s := string(b)
	for _, want := range []string{
		`"plan": "Test <&>"`,    // no HTML escaping
		`"cost": "1250.00"`,     // money: 2 places
		`"revenue": "2000.01"`,  // half away from zero
		`"roi": "0.123457"`,     // rates: 6 places
		`"customers": "187.46"`, // counts: 2 places
		`"cpa": "6.67"`,
		`"payback_month": "2"`,
		`"romi": null`, // undefined
		`"message": "tester les objets"`,
		`"warnings": [
    "Le plan dépasse son budget de 50,00 € (coût 1 250,00 €, budget 1 200,00 €)."
  ]`, // 1250 − 1200 = 50, money as display.Money
	} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s:\n%s", want, s)
		}
	}
	// Keys in FORMAT.md's order.
	order := []string{`"format"`, `"plan"`, `"currency"`, `"scenario"`, `"totals"`, `"channels"`, `"months"`,
		`"objectives"`, `"recommendations"`, `"warnings"`}
	last := -1
	for _, k := range order {
		i := strings.Index(s, "\n  "+k)
		if i < last {
			t.Errorf("key %s out of order", k)
		}
		last = i
	}
	// Empty lists are [] not null.
	b, _ = marshal(resultJSON(plan.Plan{}, simulate.Result{}))
	if strings.Contains(string(b), ":null,\"channels\"") || !strings.Contains(string(b), `"warnings":[]`) {
		t.Errorf("empty result: %s", b)
	}
}

func TestCSVContract(t *testing.T) {
	_, r := fakeResult()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.WriteAll(simulateCSV([]simulate.Result{r}))
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(recs[0]) != 4+len(simulate.FigureSpecs()) {
		t.Fatalf("records: %v", recs)
	}
	if recs[1][1] != "mail" || recs[1][4] != "1250.00" || recs[1][5] != "2000.01" || recs[1][10] != "" {
		t.Errorf("channel row: %v", recs[1])
	}
	ev := simulate.Evaluation{Months: []int{1}, Actual: r, Plan: r}
	recs = evaluateCSV(ev)
	if len(recs) != 1+3+3 || recs[3][0] != "variance" || recs[3][4] != "0.00" || recs[3][10] != "" {
		t.Errorf("evaluate rows: %v", recs)
	}
}

func TestTextReport(t *testing.T) {
	p, r := fakeResult()
	var b bytes.Buffer
	writeReport(&b, p, r)
	s := b.String()
	for _, want := range []string{"Test <&>\n========\n", "04/01/2027", "03/03/2027", "(2 mois)",
		"1\u202f250,00\u00a0€", "S ✓  M ✗  A ✗  R ✗  T ✗", "A ✗ non atteint", "Envoyés 7\u202f425 → Délivrés 7\u202f277 → Clics 218 → Clients 187 — Rebonds 148, Ouvertures 1\u202f601, Taux de clic à l'ouverture 13,6\u202f%",
		"tester les objets", "Le plan dépasse son budget de 50,00\u00a0€ (coût 1\u202f250,00\u00a0€, budget 1\u202f200,00\u00a0€).", "Mailchimp 2019"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
	// Aligned tables: every row of a table has the same width in runes
	// (the numbers are right-aligned in their columns).
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  Canal") {
			w := width(lines[i+1])
			for _, row := range lines[i+1 : i+4] {
				if width(row) != w {
					t.Errorf("misaligned channel table:\n%s", strings.Join(lines[i:i+4], "\n"))
				}
			}
		}
	}
	p.Info.Language = plan.LangEN
	b.Reset()
	writeReport(&b, p, r)
	if s := b.String(); !strings.Contains(s, "2027-01-04 to 2027-03-03 (2 months)") || !strings.Contains(s, "A ✗ not met by the simulated plan: 187 against a target ≥ 200") {
		t.Errorf("English report:\n%s", s)
	}
	b.Reset()
	writeScenariosText(&b, p, []simulate.Result{r, r})
	writeEvaluated(&b, p, simulate.Evaluation{Months: []int{1}, Actual: r, Plan: r}, simulate.Unknowns{})
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestStdoutWriteError(t *testing.T) {
	var errb bytes.Buffer
	code := run([]string{"benchmarks", "--format", "json"}, strings.NewReader(""), failingWriter{}, &errb)
	if code != exitIO || !strings.Contains(errb.String(), "cannot write the output") {
		t.Errorf("code %d stderr %q", code, errb.String())
	}
}

func TestStdinWithFlagsAfter(t *testing.T) {
	needEngine(t)
	r := runCLI(t, testPlan, "simulate", "-", "--format", "csv")
	if r.code != exitOK {
		t.Fatalf("code %d stderr %s", r.code, r.stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Errorf("stdin csv: %v, %d records", err, len(recs))
	}
}
