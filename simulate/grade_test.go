package simulate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// bakeryCase is the embedded bakery case, or the test stops.
func bakeryCase(t testing.TB) Case {
	t.Helper()
	c, err := BuiltinCase("bakery")
	if err != nil {
		t.Fatalf("bakery case: %v", err)
	}
	return c
}

// bakeryExample is the finished bakery example plan.
func bakeryExample(t testing.TB) plan.Plan {
	t.Helper()
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBakeryCase: the embedded case reads as the course states it: 200
// customers, 5 000 € over 3 months, two of four elements, a rubric of 20
// points.
func TestBakeryCase(t *testing.T) {
	c := bakeryCase(t)
	if c.ID != "bakery" || c.Choose != 2 || len(c.Elements) != 4 || c.Months != 3 || !c.Budget.Equal(decimal.NewFromInt(5000)) {
		t.Errorf("case = %+v", c)
	}
	if c.Objective.Metric != "customers" || !c.Objective.Target.Equal(decimal.NewFromInt(200)) || c.Objective.Direction != plan.AtLeast {
		t.Errorf("objective = %+v", c.Objective)
	}
	if c.MaxPoints() != 20 {
		t.Errorf("rubric total = %d, want 20", c.MaxPoints())
	}
	if c.Title.In(plan.LangEN) == "" || c.Brief.In(plan.LangEN) == c.Brief.In(plan.LangFR) {
		t.Errorf("the brief needs French and English texts")
	}
	if got := CaseIDs(); len(got) == 0 || got[0] != "bakery" {
		t.Errorf("CaseIDs = %v", got)
	}
	if _, err := BuiltinCase("boulangerie"); err == nil || !strings.Contains(err.Error(), MsgCaseUnknown) {
		t.Errorf("unknown case: %v", err)
	}
}

// gradeOf grades p against c, or the test stops.
func gradeOf(t testing.TB, p plan.Plan, c Case) Grade {
	t.Helper()
	g, err := GradePlan(context.Background(), p, c)
	if err != nil {
		t.Fatalf("grade: %v", err)
	}
	return g
}

// missed is the checks g misses, by name.
func missed(g Grade) []string {
	var out []string
	for _, c := range g.Missed() {
		out = append(out, c.Check)
	}
	return out
}

// TestGradeFinishedExample: the finished example meets every check of the
// bakery rubric, so 20 of 20 points and 20/20.
func TestGradeFinishedExample(t *testing.T) {
	g := gradeOf(t, bakeryExample(t), bakeryCase(t))
	if g.Score != 20 || g.Max != 20 || !g.Grade20.Equal(decimal.NewFromInt(20)) || len(g.Missed()) != 0 {
		t.Errorf("grade = %d/%d (%s), missed %v", g.Score, g.Max, g.Grade20, missed(g))
	}
}

// TestGradeStartingPlan: the starting plan has the brief's objective, its
// months and no cost, so it earns objective-as-briefed (1), within-budget
// (2) and duration (1): 4 points, 20 × 4 / 20 = 4 out of 20. Everything
// else is missed, with what to do.
func TestGradeStartingPlan(t *testing.T) {
	c := bakeryCase(t)
	p, err := StartingPlan(c)
	if err != nil {
		t.Fatal(err)
	}
	if p.Info.Case != "bakery" || len(p.Channels) != 0 || p.Info.Months != 3 || !p.Info.Budget.Equal(c.Budget) {
		t.Errorf("starting plan = %+v", p.Info)
	}
	g := gradeOf(t, p, c)
	if g.Score != 4 || !g.Grade20.Equal(decimal.NewFromInt(4)) {
		t.Errorf("grade = %d (%s), missed %v", g.Score, g.Grade20, missed(g))
	}
	want := []string{CheckObjectiveSmart, CheckChannels, CheckOwners, CheckPlanning, CheckElements,
		CheckObjectiveReached, CheckProbability, CheckRanges}
	if got := missed(g); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("missed %v, want %v", got, want)
	}
	for _, m := range g.Missed() {
		if m.Todo.IsZero() || m.Label.IsZero() {
			t.Errorf("%s: no label or todo", m.Check)
		}
	}
}

// TestGradeEachCheck changes the finished example one way at a time: each
// change makes exactly the checks it concerns fail.
func TestGradeEachCheck(t *testing.T) {
	c := bakeryCase(t)
	cases := []struct {
		name   string
		edit   func(p *plan.Plan)
		missed []string
	}{
		{"over budget", func(p *plan.Plan) { p.Channels[1].Budget = p.Channels[1].Budget.Add(overBy(t, *p, 1)) }, []string{CheckWithinBudget}},
		{"four months", func(p *plan.Plan) { p.Info.Months = 4 }, []string{CheckDuration}},
		{"no owner", func(p *plan.Plan) { p.Channels[2].Owner = " " }, []string{CheckOwners}},
		{"every month", func(p *plan.Plan) { p.Channels[0].ActiveMonths = nil }, []string{CheckPlanning}},
		{"lower target", func(p *plan.Plan) {
			// the statement says the new target, so that it stays SMART (its S rule)
			p.Objectives[0].Target = decimal.NewFromInt(150)
			p.Objectives[0].Statement = strings.Replace(p.Objectives[0].Statement, "200", "150", 1)
		}, []string{CheckObjectiveAsBriefed}},
		{"one range", func(p *plan.Plan) {
			for i := range p.Channels {
				p.Channels[i].Ranges = nil
			}
			p.Channels[0].Ranges = []plan.Range{{Input: "response_rate", Low: decimal.RequireFromString("0.008"), High: decimal.RequireFromString("0.025")}}
		}, []string{CheckRanges}},
		{"only actions", func(p *plan.Plan) {
			p.Scenarios = nil
			var keep []plan.Channel
			for _, ch := range p.Channels {
				if ch.Kind != plan.Partnership && ch.Kind != plan.Influencer {
					keep = append(keep, ch)
				}
			}
			p.Channels = keep
		}, []string{CheckObjectiveSmart, CheckElements, CheckObjectiveReached, CheckProbability}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := bakeryExample(t).Clone()
			tc.edit(&p)
			g := gradeOf(t, p, c)
			if got := missed(g); fmt.Sprint(got) != fmt.Sprint(tc.missed) {
				t.Errorf("missed %v, want %v", got, tc.missed)
			}
		})
	}
}

// overBy is what to add to a paid channel's budget for p to cost the
// bakery brief's 5 000 € plus extra: 5 000 − cost + extra.
func overBy(t testing.TB, p plan.Plan, extra int64) decimal.Decimal {
	r, err := Run(p)
	if err != nil {
		t.Fatal(err)
	}
	return decimal.NewFromInt(5000 + extra).Sub(r.Totals.Cost.Decimal)
}

// TestGradeBudgetTodo: the over-budget todo says by how much: cost − 5 000
// = 1 € here; at exactly 5 000 € the plan is within the budget.
func TestGradeBudgetTodo(t *testing.T) {
	p := bakeryExample(t).Clone()
	p.Channels[1].Budget = p.Channels[1].Budget.Add(overBy(t, p, 0))
	if g := gradeOf(t, p, bakeryCase(t)); len(g.Missed()) != 0 {
		t.Fatalf("at 5 000 € exactly: missed %v", missed(g))
	}
	p.Channels[1].Budget = p.Channels[1].Budget.Add(decimal.NewFromInt(1))
	r, err := Run(p)
	if err != nil {
		t.Fatal(err)
	}
	g := gradeOf(t, p, bakeryCase(t))
	m := g.Missed()[0].Todo
	over, _ := m.Arg("over")
	if m.Code != MsgGradeTodoBudget || !over.Value.Equal(decimal.NewFromInt(1)) || !r.Totals.Cost.Decimal.Equal(decimal.NewFromInt(5001)) {
		t.Errorf("todo = %+v", m)
	}
}

// TestDevelopedTracking: tracking counts only the kpis the engine computes
// and needs a tool.
func TestDevelopedTracking(t *testing.T) {
	var p plan.Plan
	p.Tracking.KPIs = []string{"customers", "cpa", "bonheur"}
	p.Tracking.Tools = []string{"Mailchimp"}
	if Developed(p, ElementTracking) {
		t.Error("two computed kpis and an unknown one: not developed")
	}
	p.Tracking.KPIs = append(p.Tracking.KPIs, "response_rate")
	if !Developed(p, ElementTracking) {
		t.Error("three computed kpis and a tool: developed")
	}
	p.Tracking.Tools = []string{"  "}
	if Developed(p, ElementTracking) {
		t.Error("a blank tool is no tool")
	}
	for _, k := range []string{"customers", "cpa", "open_rate", "response_rate", "click_to_open"} {
		if !IsTrackingKPI(k) {
			t.Errorf("%s is computed", k)
		}
	}
}

// TestGrade20: 20 × score / max, rounded to 2 places: 7 of 9 points give
// 140 / 9 = 15.555… → 15.56.
func TestGrade20(t *testing.T) {
	c := bakeryCase(t)
	c.Rubric = []RubricItem{{Check: CheckDuration, Points: 7}, {Check: CheckRanges, Points: 2, Min: decimal.NewNullDecimal(decimal.NewFromInt(50))}}
	g := gradeOf(t, bakeryExample(t), c)
	if g.Score != 7 || g.Max != 9 || g.Grade20.String() != "15.56" {
		t.Errorf("grade %d/%d = %s, want 7/9 = 15.56", g.Score, g.Max, g.Grade20)
	}
}

// TestGradeProbability: without any range the chance is 100 % when the
// base result meets the brief's objective, 0 otherwise; a probability
// threshold above the plan's Monte Carlo chance fails.
func TestGradeProbability(t *testing.T) {
	c := bakeryCase(t)
	c.Rubric = []RubricItem{{Check: CheckProbability, Points: 1}}
	p := bakeryExample(t).Clone()
	for i := range p.Channels {
		p.Channels[i].Ranges = nil
	}
	if g := gradeOf(t, p, c); g.Score != 1 {
		t.Errorf("met without ranges: %v", missed(g))
	}
	c.Objective.Target = decimal.NewFromInt(100000)
	if g := gradeOf(t, p, c); g.Score != 0 {
		t.Error("unmet without ranges must fail")
	}
	c = bakeryCase(t)
	c.Rubric = []RubricItem{{Check: CheckProbability, Points: 1, Min: decimal.NewNullDecimal(decimal.NewFromInt(1))}}
	if g := gradeOf(t, bakeryExample(t), c); g.Score != 0 {
		t.Error("a chance of 100 % is not what the bakery's ranges give")
	}
}

// caseWith is a valid case file with one line replaced (old → new).
func caseWith(t *testing.T, old, new string) []byte {
	t.Helper()
	data, ok := BuiltinCaseFile("bakery")
	if !ok {
		t.Fatal("no bakery case")
	}
	s := string(data)
	if !strings.Contains(s, old) {
		t.Fatalf("the bakery case has no %q", old)
	}
	return []byte(strings.Replace(s, old, new, 1))
}

// lineOf is the 1-based line of the first occurrence of s in data.
func lineOf(data []byte, s string) int {
	i := strings.Index(string(data), s)
	return strings.Count(string(data[:i]), "\n") + 1
}

// TestDecodeCaseErrors: each broken case file is an error with its code
// and the line of the problem.
func TestDecodeCaseErrors(t *testing.T) {
	cases := []struct {
		name   string
		data   []byte
		code   string
		lineAt string // the text whose line the error names ("" for none)
	}{
		{"unknown key", caseWith(t, "choose = 2\n", "choose = 2\nchoix = 3\n"), MsgCaseUnknownKey, "choix = 3"},
		{"unknown check", caseWith(t, `check = "ranges"`, `check = "rangées"`), MsgCaseUnknownCheck, `check = "rangées"`},
		{"duplicate check", caseWith(t, `check = "owners"`, `check = "planning"`), MsgCaseDuplicateCheck, `check = "planning"` + "\npoints = 1\n\n[[rubric]]\ncheck = \"elements\""},
		{"missing metric", caseWith(t, "metric = \"customers\"\n", ""), MsgCaseMissingKey, "[case.objective]"},
		{"missing points", caseWith(t, "check = \"duration\"\npoints = 1\n", "check = \"duration\"\n"), MsgCaseMissingKey, "[[rubric]]\ncheck = \"duration\""},
		{"bad points", caseWith(t, "check = \"duration\"\npoints = 1\n", "check = \"duration\"\npoints = 0\n"), MsgCasePoints, "points = 0"},
		{"param not taken", caseWith(t, "check = \"owners\"\npoints = 1\n", "check = \"owners\"\npoints = 1\nmin = 2\n"), MsgCaseParam, "min = 2"},
		{"float budget", caseWith(t, `budget = "5000"`, `budget = 5000.0`), MsgCasePlan, "budget = 5000.0"},
		{"bad gross margin", caseWith(t, `gross_margin = "0.68"`, `gross_margin = "1.68"`), MsgCasePlan, `gross_margin = "1.68"`},
		{"unknown metric", caseWith(t, `metric = "customers"`, `metric = "clients"`), MsgCasePlan, `metric = "clients"`},
		{"unknown element", caseWith(t, `"optimisation"]`, `"optimization"]`), MsgCaseUnknownElement, `"optimization"]`},
		{"choose too many", caseWith(t, "choose = 2", "choose = 5"), MsgCaseChoose, "choose = 5"},
		{"format", caseWith(t, "format = 1", "format = 2"), MsgCaseFormat, "format = 2"},
		// a syntax error gets plan's words (plan.SyntaxError), as in a plan file
		{"syntax", caseWith(t, "months = 3", "months = = 3"), "syntax", "months = = 3"},
		{"syntax of a text without quotes", caseWith(t, "months = 3", "months = trois"), "syntax_unquoted", "months = trois"},
		{"nesting", caseWith(t, "months = 3", "months = 3\nx = "+strings.Repeat("[", 50)+strings.Repeat("]", 50)), MsgCaseNested, "x = [["},
		{"not utf-8", []byte("format = 1\n\xff\n"), MsgCaseNotUTF8, ""},
		{"too large", []byte("# " + strings.Repeat("x", MaxCaseSize)), MsgCaseTooLarge, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCase("mon-cas.toml", tc.data)
			var list CaseErrors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("err = %v, want case errors", err)
			}
			e := list[0]
			if e.Msg.Code != tc.code || e.File != "mon-cas.toml" {
				t.Fatalf("first error = %v, want %s", list, tc.code)
			}
			if tc.lineAt != "" {
				if want := lineOf(tc.data, tc.lineAt); e.Line != want {
					t.Errorf("line %d, want %d (%v)", e.Line, want, e)
				}
			}
			for _, a := range MsgArgs[e.Msg.Code] {
				if _, ok := e.Msg.Arg(a); !ok {
					t.Errorf("%s lacks its argument %s", e.Msg.Code, a)
				}
			}
		})
	}
}

// teacherCase is a second case a teacher writes from the schema: in
// English, an e-shop that must break even, one element of three, a rubric
// of her own.
const teacherCase = `format = 1

[case]
id = "eshop-break-even"
language = "en"
title = "Corner Shop Online"
brief = "A small online shop must pay back its first campaign within two months."
choose = 1
elements = ["actions", "tracking", "optimisation"]

[case.constraints]
budget = "800"
months = 2
start = 2027-03-01

[case.objective]
metric = "net_profit"
target = "0"
statement = "Pay back the campaign (net profit at least 0) by the end of April 2027"

[case.business]
name = "Corner Shop"
average_order = "40"
gross_margin = "0.5"

[[rubric]]
check = "within-budget"
points = 3

[[rubric]]
check = "objective-reached"
points = 5

[[rubric]]
check = "channels"
points = 2
min = 1
`

// TestTeacherCase: a case written from the schema decodes, gives its
// starting plan, and grades it: no channel costs nothing (within budget,
// 3), a net profit of 0 meets "≥ 0" (5), but no channel (0 of 2): 8 of
// 10, 20 × 8 / 10 = 16.
func TestTeacherCase(t *testing.T) {
	c, err := DecodeCase("eshop.toml", []byte(teacherCase))
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != plan.LangEN || c.Currency != "EUR" || c.Choose != 1 || c.MaxPoints() != 10 {
		t.Errorf("case = %+v", c)
	}
	p, err := StartingPlan(c)
	if err != nil {
		t.Fatal(err)
	}
	if p.Info.Language != plan.LangEN || p.Info.Title != "Corner Shop Online" || p.Objectives[0].Metric != "net_profit" {
		t.Errorf("starting plan = %+v %+v", p.Info, p.Objectives)
	}
	g := gradeOf(t, p, c)
	if g.Score != 8 || g.Grade20.String() != "16" || fmt.Sprint(missed(g)) != "[channels]" {
		t.Errorf("grade %d (%s), missed %v", g.Score, g.Grade20, missed(g))
	}
}

// TestPlanCaseLine: the line of a plan's case key, for the error of an
// unknown case.
func TestPlanCaseLine(t *testing.T) {
	src := []byte("format = 1\n\n[plan]\ntitle = \"x\"\ncontext = \"\"\"\ncase = \"no\"\n\"\"\"\ncase = \"moncas\"\n")
	if got := PlanCaseLine(src); got != 8 {
		t.Errorf("line %d, want 8", got)
	}
	if !IsCasePath("cas/mon.toml") || !IsCasePath("mon.TOML") || IsCasePath("bakery") {
		t.Error("IsCasePath")
	}
	if got := ResolveCasePath("classe/alice.toml", "../cas.toml"); got != "cas.toml" {
		t.Errorf("ResolveCasePath = %q", got)
	}
}

// TestGradeMessagesCarryTheirArgs: every label and todo a grade gives has
// the arguments MsgArgs lists for its code.
func TestGradeMessagesCarryTheirArgs(t *testing.T) {
	c := bakeryCase(t)
	p, _ := StartingPlan(c)
	for _, q := range []plan.Plan{p, bakeryExample(t)} {
		g := gradeOf(t, q, c)
		for _, ch := range g.Checks {
			for _, m := range []plan.Msg{ch.Label, ch.Todo} {
				if m.IsZero() {
					continue
				}
				want, ok := MsgArgs[m.Code]
				if !ok {
					t.Errorf("%s: code %s not in MsgArgs", ch.Check, m.Code)
				}
				for _, a := range want {
					if _, ok := m.Arg(a); !ok {
						t.Errorf("%s: %s lacks %s", ch.Check, m.Code, a)
					}
				}
			}
		}
	}
}

// BenchmarkGradeClass200 grades a class of 200 plans (variants of the
// finished bakery plan, each with its own budgets, so every plan is
// simulated and drawn 10 000 times in Monte Carlo) against the bakery
// case: the teacher's whole class in one go.
func BenchmarkGradeClass200(b *testing.B) {
	c := bakeryCase(b)
	base := bakeryExample(b)
	class := make([]plan.Plan, 200)
	for i := range class {
		p := base.Clone()
		p.Channels[1].Budget = p.Channels[1].Budget.Add(decimal.NewFromInt(int64(i * 7)))
		p.Info.Student = fmt.Sprintf("Élève %d", i)
		class[i] = p
	}
	b.ResetTimer()
	cpu0 := processCPU()
	for range b.N {
		for _, p := range class {
			if _, err := GradePlan(context.Background(), p, c); err != nil {
				b.Fatal(err)
			}
		}
	}
	// The CPU time tells the work apart from the machine's load (the
	// wall time of a loaded machine says little).
	b.ReportMetric((processCPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
