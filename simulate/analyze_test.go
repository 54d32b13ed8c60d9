package simulate

import (
	"errors"
	"reflect"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

func bakery(t *testing.T) plan.Plan {
	t.Helper()
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestHasUncertainty: only a range whose ends differ is uncertainty; a
// plan whose ranges are all degenerate has none (the PDF used to run a
// Monte Carlo for it, the app and the command line did not).
func TestHasUncertainty(t *testing.T) {
	ch := func(rs ...plan.Range) plan.Plan {
		return plan.Plan{Channels: []plan.Channel{{ID: "a"}, {ID: "b", Ranges: rs}}}
	}
	cases := []struct {
		name string
		p    plan.Plan
		want bool
	}{
		{"no range", ch(), false},
		{"degenerate only", ch(plan.Range{Input: "ctr", Low: d("0.02"), High: d("0.020")}), false},
		{"one real range", ch(plan.Range{Input: "ctr", Low: d("0.02"), High: d("0.020")},
			plan.Range{Input: "cpc", Low: d("0.5"), High: d("0.7")}), true},
	}
	for _, c := range cases {
		if got := HasUncertainty(c.p); got != c.want {
			t.Errorf("%s: HasUncertainty = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestChanceLevelOf: the bounds 0.9, 0.5 and 0.1 belong to the higher
// level.
func TestChanceLevelOf(t *testing.T) {
	cases := []struct {
		pr   string
		want ChanceLevel
	}{
		{"1", ChanceNearlyCertain}, {"0.9", ChanceNearlyCertain}, {"0.8999", ChanceLikely},
		{"0.5", ChanceLikely}, {"0.4999", ChanceRisky}, {"0.1", ChanceRisky},
		{"0.0999", ChanceOutOfReach}, {"0", ChanceOutOfReach},
	}
	for _, c := range cases {
		if got := ChanceLevelOf(d(c.pr)); got != c.want {
			t.Errorf("ChanceLevelOf(%s) = %d, want %d", c.pr, got, c.want)
		}
	}
}

// TestObjectiveStateOf: not met wins, then over budget, then a chance
// below 50 %.
func TestObjectiveStateOf(t *testing.T) {
	cases := []struct {
		name      string
		met, over bool
		chance    decimal.NullDecimal
		want      ObjectiveState
	}{
		{"not met", false, false, none, StateNotMet},
		{"not met over budget", false, true, nd("0.9"), StateNotMet},
		{"met over budget", true, true, nd("0.9"), StateOverBudget},
		{"met at 25 %", true, false, nd("0.25"), StateAtRisk},
		{"met at 50 %", true, false, nd("0.5"), StateMet},
		{"met without ranges", true, false, none, StateMet},
	}
	for _, c := range cases {
		if got := ObjectiveStateOf(c.met, c.over, c.chance); got != c.want {
			t.Errorf("%s: state %d, want %d", c.name, got, c.want)
		}
	}
}

func chanCPA(name, cpa string) ChannelResult {
	c := ChannelResult{ID: name, Name: name}
	if cpa != "" {
		c.Figures.CPA = nd(cpa)
	}
	return c
}

// TestRankChannels: the lowest CPA is the best; the highest, or the first
// channel without customers (undefined CPA), the worst.
func TestRankChannels(t *testing.T) {
	cases := []struct {
		name        string
		cs          []ChannelResult
		best, worst int
	}{
		{"none", nil, -1, -1},
		{"one", []ChannelResult{chanCPA("a", "10")}, 0, 0},
		{"by cpa", []ChannelResult{chanCPA("a", "20"), chanCPA("b", "5"), chanCPA("c", "30"), chanCPA("d", "30")}, 1, 2},
		{"no customer is worst", []ChannelResult{chanCPA("a", "20"), chanCPA("b", ""), chanCPA("c", "30"), chanCPA("d", "")}, 0, 1},
		{"nobody has customers", []ChannelResult{chanCPA("a", ""), chanCPA("b", "")}, -1, 0},
	}
	for _, c := range cases {
		b, w := RankChannels(c.cs)
		if b != c.best || w != c.worst {
			t.Errorf("%s: best %d worst %d, want %d %d", c.name, b, w, c.best, c.worst)
		}
	}
}

// TestStageRates: each rate is from the previous main stage; a side stage
// is measured but is not the next one's base.
func TestStageRates(t *testing.T) {
	c := ChannelResult{Stages: []Stage{
		{Name: "sent", Value: d("1000")},
		{Name: "delivered", Value: d("980")},         // 980 / 1000 = 0.98
		{Name: "opens", Value: d("245"), Side: true}, // 245 / 980 = 0.25
		{Name: "clicks", Value: d("49")},             // 49 / 980 = 0.05 (not / 245)
		{Name: "customers", Value: d("0")},           // 0 / 49 = 0
		{Name: "repeat", Value: d("0")},              // after 0: undefined
	}}
	want := []decimal.NullDecimal{{}, nd("0.98"), nd("0.25"), nd("0.05"), nd("0"), {}}
	got := StageRates(c)
	for i, w := range want {
		g := got[i].Rate
		if g.Valid != w.Valid || (w.Valid && !g.Decimal.Equal(w.Decimal)) {
			t.Errorf("stage %s: rate %v, want %v", got[i].Name, g, w)
		}
	}
}

// TestOwnerShares: owners in the order they first appear, with their
// channels' costs and share of the total.
func TestOwnerShares(t *testing.T) {
	p := plan.Plan{Channels: []plan.Channel{
		{ID: "a", Name: "A", Owner: "Anne"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C", Owner: "Anne"},
	}}
	r := Result{Totals: Figures{Cost: nd("400")}, Channels: []ChannelResult{
		{Figures: Figures{Cost: nd("100")}}, {Figures: Figures{Cost: nd("200")}}, {Figures: Figures{Cost: nd("100")}},
	}}
	got := OwnerShares(p, r)
	// Anne: A + C = 100 + 100 = 200, 200 / 400 = 0.5; nobody: B = 200, 0.5.
	if len(got) != 2 || got[0].Owner != "Anne" || got[1].Owner != "" {
		t.Fatalf("owners %+v", got)
	}
	if !got[0].Cost.Equal(d("200")) || !got[0].Share.Decimal.Equal(d("0.5")) || len(got[0].Channels) != 2 {
		t.Errorf("Anne: %+v", got[0])
	}
	r.Totals.Cost = nd("0")
	if s := OwnerShares(p, r); s[0].Share.Valid {
		t.Errorf("a plan that costs nothing has no share: %+v", s[0])
	}
}

// TestSelect: base, a name, all; an unknown name is ErrUnknownScenario.
func TestSelect(t *testing.T) {
	all := []Result{{Scenario: BaseScenario}, {Scenario: "low"}, {Scenario: "high"}}
	for name, want := range map[string][]string{"": {"base"}, "base": {"base"}, "high": {"high"}, "all": {"base", "low", "high"}} {
		got, err := Select(all, name)
		if err != nil || len(got) != len(want) {
			t.Fatalf("Select(%q) = %v, %v", name, got, err)
		}
		for i := range want {
			if got[i].Scenario != want[i] {
				t.Errorf("Select(%q)[%d] = %s, want %s", name, i, got[i].Scenario, want[i])
			}
		}
	}
	if _, err := Select(all, "medium"); !errors.Is(err, ErrUnknownScenario) {
		t.Errorf("Select(medium) error %v, want ErrUnknownScenario", err)
	}
}

// TestAnalyzeOverBudget: the bakery costs 4 940 € (its README excerpt);
// with a budget of 4 000 € it is over by 4 940 − 4 000 = 940 €, and its
// objectives that the plan meets are over budget, not met.
func TestAnalyzeOverBudget(t *testing.T) {
	p := bakery(t)
	p.Info.Budget = d("4000")
	a, err := Analyze(p, AnalyzeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !a.OverBudget.Valid || !a.OverBudget.Decimal.Equal(d("940")) {
		t.Fatalf("OverBudget %v, want 940", a.OverBudget)
	}
	if a.Uncertainty != nil || a.Sensitivity != nil || a.Optimization != nil || len(a.GoalSeeks) > 0 {
		t.Errorf("parts not asked for were computed")
	}
	if len(a.Objectives) == 0 {
		t.Fatal("no objectives")
	}
	for _, v := range a.Objectives {
		want := StateNotMet
		if v.Result.Met {
			want = StateOverBudget
		}
		if v.State != want {
			t.Errorf("%s: state %d, want %d", v.Objective.ID, v.State, want)
		}
		m := v.StateMsg()
		checkMsg(t, m)
		if over, ok := m.Arg("over"); v.Result.Met && (m.Code != MsgStateOverBudget || !ok || !over.Value.Equal(d("940"))) {
			t.Errorf("%s: state message %+v, want %s with over = 940", v.Objective.ID, m, MsgStateOverBudget)
		}
		if v.Objective.Statement == "" {
			t.Errorf("%s: the plan's objective is not attached", v.Objective.ID)
		}
	}
}

// TestAnalyzeAll: the document's analysis of the bakery: the results of
// Run, every scenario, a chance for each objective (it has ranges) and
// the Achievable reason carrying it, a goal seek per seekable objective.
func TestAnalyzeAll(t *testing.T) {
	if testing.Short() {
		t.Skip("Monte Carlo and sensitivity")
	}
	p := bakery(t)
	a, err := Analyze(p, AnalyzeOptions{Scenario: AllScenarios, Parts: PartsAll, Uncertainty: UncertaintyOptions{Runs: 500}})
	if err != nil {
		t.Fatal(err)
	}
	base, _ := Run(p)
	if !a.Base.Totals.NetProfit.Decimal.Equal(base.Totals.NetProfit.Decimal) {
		t.Errorf("Base is not Run's")
	}
	if len(a.All) != 1+len(p.Scenarios) {
		t.Errorf("All has %d results, want %d", len(a.All), 1+len(p.Scenarios))
	}
	if a.Uncertainty == nil || a.Sensitivity == nil {
		t.Fatalf("no Monte Carlo or sensitivity for a plan with ranges")
	}
	for _, v := range a.Objectives {
		if !v.Chance.Valid || v.Reasons[2].Code != MsgSmartAChance {
			t.Errorf("%s: chance %v, A reason %s", v.Objective.ID, v.Chance, v.Reasons[2].Code)
		}
		checkMsg(t, v.Reasons[2])
	}
	n := 0
	for _, o := range p.Objectives {
		if Seekable(o) {
			n++
		}
	}
	if len(a.GoalSeeks) != n {
		t.Errorf("%d goal seeks, want %d", len(a.GoalSeeks), n)
	}
	if _, err := Analyze(p, AnalyzeOptions{Scenario: "nope", Parts: PartEvaluation}); !errors.Is(err, ErrUnknownScenario) {
		t.Errorf("unknown scenario: %v", err)
	}
}

// TestGoalSeekApply: Apply sets the allocation's budgets on the channels
// of the same id and nothing else; the input plan is untouched.
func TestGoalSeekApply(t *testing.T) {
	p := bakery(t)
	r := GoalSeekResult{Allocation: []BudgetShare{{ID: "facebook-familles", Budget: d("1234.56")}}}
	q := r.Apply(p)
	for i, c := range q.Channels {
		want := p.Channels[i].Budget
		if c.ID == "facebook-familles" {
			want = d("1234.56")
		}
		if !c.Budget.Equal(want) {
			t.Errorf("%s: budget %s, want %s", c.ID, c.Budget, want)
		}
	}
	if fb, _ := p.Channel("facebook-familles"); !fb.Budget.Equal(d("1100")) {
		t.Errorf("the input plan changed: %s", fb.Budget)
	}
}

// TestAdviceMoves: a move that rounds to 0 whole currency units is no
// advice; the PDF and the command line read the same rule (the PDF used
// to call a split "already the best" when the gain was below half a
// customer, while the command line advised moving 131 €).
func TestAdviceMoves(t *testing.T) {
	alloc := func(a, b string) Optimization {
		return Optimization{Allocation: []ChannelAllocation{
			{Name: "A", BudgetBefore: d("1000"), BudgetAfter: d(a)},
			{Name: "B", BudgetBefore: d("500"), BudgetAfter: d(b)},
		}}
	}
	// 1000 → 1000.40: 0.40 moves from B to A, rounds to 0 €: no advice.
	if o := alloc("1000.40", "499.60"); !o.AlreadyBest() || len(o.Moves()) != 1 {
		t.Errorf("a move of 0.40: AlreadyBest %v, moves %v", o.AlreadyBest(), o.Moves())
	}
	// 1000 → 1130.56: 130.56 moves from B to A, advice.
	o := alloc("1130.56", "369.44")
	ms := o.AdviceMoves()
	if o.AlreadyBest() || len(ms) != 1 || ms[0].From != "B" || ms[0].To != "A" || !ms[0].Amount.Equal(d("130.56")) {
		t.Errorf("a move of 130.56: %+v", ms)
	}
	// a gain of 215.2 − 215.1 = 0.1 customer is fine (< 10), 20 is not
	if g := (Optimization{Before: d("215.1"), After: d("215.2")}); !g.FineGain() {
		t.Errorf("a gain of 0.1 is fine")
	}
	if g := (Optimization{Before: d("200"), After: d("220")}); g.FineGain() {
		t.Errorf("a gain of 20 is not fine")
	}
}

// TestAdviceOf: each recommendation names its channel; a plan-wide one
// names none.
func TestAdviceOf(t *testing.T) {
	r := Result{
		Channels:        []ChannelResult{{ID: "m", Name: "Mailing"}},
		Recommendations: []Recommendation{{Channel: "m", KPI: "open_rate"}, {KPI: "cpa"}, {Channel: "gone"}},
	}
	got := AdviceOf(r)
	if got[0].Who != "Mailing" || got[1].Who != "" || got[2].Who != "gone" {
		t.Errorf("AdviceOf: %q %q %q", got[0].Who, got[1].Who, got[2].Who)
	}
}

// TestValueUnit: the unit a value is shown in, for figures and inputs.
func TestValueUnit(t *testing.T) {
	cases := []struct {
		name  string
		unit  Unit
		exact bool
	}{
		{"cpa", Money, false}, {"cpc", Money, false}, {"customers", Count, false}, {"roas", Multiple, false},
		{"cost_per_message", Money, true}, {"budget", Money, true}, {"list_size", Count, false},
		{"open_rate", Rate, false}, {"reach_per_unit", Multiple, false}, {"lead_to_mql", Rate, false},
	}
	for _, c := range cases {
		if u, exact := ValueUnit(c.name); u != c.unit || exact != c.exact {
			t.Errorf("ValueUnit(%s) = %d, %v; want %d, %v", c.name, u, exact, c.unit, c.exact)
		}
	}
}

// TestSensitivityInputFine: a low end below 1 % (not 0) shows two decimals.
func TestSensitivityInputFine(t *testing.T) {
	for low, want := range map[string]bool{"0.004": true, "0.0099": true, "0.01": false, "0": false, "0.2": false} {
		if got := (SensitivityInput{Low: d(low)}).Fine(); got != want {
			t.Errorf("Fine(low %s) = %v, want %v", low, got, want)
		}
	}
}

// TestAnalyzeRunsEachScenarioOnce: Analyze runs the decimal engine once
// per result it shows — the base once (not again for the Monte Carlo's
// base totals, nor for a scenario's checklists), each scenario once — and
// its Monte Carlo gives Uncertainty's result for the same options.
func TestAnalyzeRunsEachScenarioOnce(t *testing.T) {
	p := bakery(t)
	if len(p.Scenarios) == 0 || !HasUncertainty(p) {
		t.Fatal("the bakery has scenarios and ranges")
	}
	opt := UncertaintyOptions{Runs: 300}
	for _, tc := range []struct {
		scenario string
		want     int64
	}{{AllScenarios, int64(1 + len(p.Scenarios))}, {BaseScenario, 1}, {p.Scenarios[0].Name, 2}} {
		before := engineRuns.Load()
		a, err := Analyze(p, AnalyzeOptions{Scenario: tc.scenario, Parts: PartUncertainty, Uncertainty: opt})
		if err != nil {
			t.Fatal(err)
		}
		if got := engineRuns.Load() - before; got != tc.want {
			t.Errorf("scenario %q: the engine ran %d times, want %d", tc.scenario, got, tc.want)
		}
		u := mustUncertainty(t, p, opt)
		if a.Uncertainty == nil || !reflect.DeepEqual(*a.Uncertainty, u) {
			t.Errorf("scenario %q: Analyze's Monte Carlo differs from Uncertainty's", tc.scenario)
		}
		want, err := RunScenario(p, tc.scenario)
		if tc.scenario == AllScenarios {
			want, err = Run(p)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a.Shown, want) {
			t.Errorf("scenario %q: Shown is not RunScenario's", tc.scenario)
		}
	}
}

// BenchmarkAnalyzeWorkbook200x60 is the workbook's analysis of a
// 200-channel, 60-month plan with ranges: every scenario and the Monte
// Carlo, which runs beside the decimal engine.
func BenchmarkAnalyzeWorkbook200x60(b *testing.B) {
	p := bigPlan(200, 60)
	opt := AnalyzeOptions{Scenario: AllScenarios, Parts: PartUncertainty}
	cpu0 := processCPU()
	for b.Loop() {
		if _, err := Analyze(p, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((processCPU()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// TestShownFigures: a b2c plan shows every figure but the lead stages
// (plan.LeadMetrics), a b2b plan every figure, both in FigureSpecs' order.
func TestShownFigures(t *testing.T) {
	for _, c := range []struct {
		example string
		leads   bool
	}{{"bakery", false}, {"b2b-software", true}} {
		p, err := plan.Example(c.example)
		if err != nil {
			t.Fatal(err)
		}
		shown := ShownFigures(p)
		want := 0
		for _, s := range FigureSpecs() {
			if !plan.IsLeadMetric(s.Name) || c.leads {
				if want >= len(shown) || shown[want].Name != s.Name {
					t.Fatalf("%s: figure %d is %v, want %s", c.example, want, shown, s.Name)
				}
				want++
			}
		}
		if len(shown) != want {
			t.Errorf("%s: %d figures shown, want %d", c.example, len(shown), want)
		}
		if FigureApplies(p, "mql") != c.leads || !FigureApplies(p, "customers") {
			t.Errorf("%s: FigureApplies(mql) = %v, want %v", c.example, FigureApplies(p, "mql"), c.leads)
		}
	}
}
