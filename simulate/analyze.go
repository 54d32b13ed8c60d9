package simulate

import (
	"context"
	"errors"
	"slices"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// ErrUnknownScenario is wrapped by the error Analyze and Select return for
// a scenario name the plan does not have.
var ErrUnknownScenario = errors.New("unknown scenario")

// AllScenarios is the scenario name that asks for the base results and
// every scenario side by side (AnalyzeOptions.Scenario, Select).
const AllScenarios = "all"

// Parts say which parts of an Analysis Analyze computes (a bit set). The
// results of the plan (Analysis.Base, Shown, All, Objectives, channels,
// owners) are always computed; the other parts cost more, and are computed
// only when asked: a document asks for PartsAll, a screen for the part it
// shows (none for the results pane).
type Parts uint

// The parts of an Analysis beyond the results.
const (
	PartUncertainty  Parts = 1 << iota // Monte Carlo, when HasUncertainty
	PartSensitivity                    // the tornado of net profit
	PartGoalSeeks                      // goal seek of each seekable objective (MixKeep)
	PartEvaluation                     // actuals against the plan, when the plan has actuals
	PartOptimization                   // the best split of the decision budgets for customers
	// PartsAll is every part: what a document shows.
	PartsAll = PartUncertainty | PartSensitivity | PartGoalSeeks | PartEvaluation | PartOptimization
)

// AnalyzeOptions say what Analyze computes.
type AnalyzeOptions struct {
	// Scenario picks the results shown (Analysis.Shown), as Select reads
	// it: "" or BaseScenario, a scenario's name, or AllScenarios.
	Scenario string
	// Parts are the parts computed beyond the results (0: none).
	Parts Parts
	// Uncertainty are the Monte Carlo's options (zero: the plan's
	// [simulation] settings).
	Uncertainty UncertaintyOptions
}

// Analysis is everything a document or a screen shows about a plan,
// computed once by Analyze: the PDF, the command line and the app render
// an Analysis and decide nothing. A part not asked for, or that cannot be
// computed for this plan (no range, no decision channel, no actuals), is
// nil or empty.
type Analysis struct {
	Plan plan.Plan
	// Scenario is the scenario shown: BaseScenario, AllScenarios or a
	// scenario's name.
	Scenario string
	Base     Result   // the plan as written
	Shown    Result   // the results shown: Base, or the scenario asked for (Base for AllScenarios)
	All      []Result // Base then every scenario, for AllScenarios only

	// Objectives are Shown's objectives, each with the plan's objective,
	// its chance and its state (ObjectiveView).
	Objectives []ObjectiveView
	// Best and Worst index Shown.Channels: the channel with the lowest
	// CPA, and the one with the highest (a channel with no customer is
	// the worst); -1 when there is none (see RankChannels).
	Best, Worst int
	// Owners are the channels' owners, in the order they first appear
	// in the plan, with their share of Shown's cost (OwnerShares).
	Owners []OwnerShare
	// OverBudget is how much Shown's cost exceeds the plan's budget;
	// undefined when it does not (MODEL.md budget_left < 0).
	OverBudget decimal.NullDecimal
	// AdBudget is today's total budget of the decision channels (the
	// budget goal seek scales, see IsDecision).
	AdBudget decimal.Decimal

	Uncertainty  *UncertaintyResult // nil without a range (HasUncertainty) or when not asked
	Sensitivity  *SensitivityResult // of net profit; nil when it cannot be computed
	GoalSeeks    []ObjectiveSeek    // one per seekable objective (Seekable), plan order
	Evaluation   *Evaluation        // nil without actuals
	Optimization *Optimization      // for customers; nil without decision channel
}

// ObjectiveView is one objective as every rendering shows it: the plan's
// objective (its statement), the engine's result, its chance of being met
// (Monte Carlo, undefined without ranges) and its state.
type ObjectiveView struct {
	Objective plan.Objective
	Result    ObjectiveResult
	// Chance is the probability of meeting the objective (a fraction);
	// undefined when the plan has no range or Monte Carlo was not run.
	Chance decimal.NullDecimal
	// Level reads Chance (ChanceLevelOf); meaningful only when Chance is
	// defined.
	Level ChanceLevel
	State ObjectiveState
	// Over is how much the plan's cost exceeds its budget (undefined when
	// it does not): the plan is then flagged wherever its objectives are
	// shown (MODEL.md "Objectives").
	Over decimal.NullDecimal
	// Reasons are the SMART checklist's reasons, S, M, A, R, T in order;
	// the Achievable reason carries the chance when there is one
	// (MsgSmartAChance).
	Reasons [5]plan.Msg
}

// Title is how an objective is named to people: its statement, else its
// id.
func (v ObjectiveView) Title() string { return ObjectiveTitle(v.Objective) }

// ObjectiveTitle is how objective o is named to people: its statement,
// else (no statement, or only spaces) its id.
func ObjectiveTitle(o plan.Objective) string {
	if strings.TrimSpace(o.Statement) != "" {
		return o.Statement
	}
	return o.ID
}

// ObjectiveState is what a screen or document says of an objective, the
// plan's real state first (MODEL.md "Objectives": meeting a target by
// spending more than the budget is not meeting the plan).
type ObjectiveState int

// The states of an objective, from ObjectiveStateOf.
const (
	// StateMet: met by the plan, within its budget, and — where the plan
	// has ranges — with a chance of at least 50 %.
	StateMet ObjectiveState = iota
	// StateOverBudget: the target is met only by spending more than the
	// budget.
	StateOverBudget
	// StateAtRisk: met by the plan as written, but with a chance below
	// 50 % (MODEL.md's Achievable threshold).
	StateAtRisk
	// StateNotMet: the plan falls short of the target.
	StateNotMet
)

// AchievableChance is the chance from which an objective counts as
// achievable (MODEL.md "Objectives (SMART)": a probability ≥ 50 %).
var AchievableChance = decimal.New(5, -1)

// ObjectiveStateOf is the state of an objective that the plan meets or
// not (met), when the plan's cost exceeds its budget (overBudget), and
// with its chance of being met (undefined without ranges). Not met wins
// over the rest; then over budget; then a chance below AchievableChance.
//
//	met=false                       → StateNotMet
//	met, overBudget                 → StateOverBudget
//	met, chance 0.25                → StateAtRisk
//	met, chance 0.5 or undefined    → StateMet
func ObjectiveStateOf(met, overBudget bool, chance decimal.NullDecimal) ObjectiveState {
	switch {
	case !met:
		return StateNotMet
	case overBudget:
		return StateOverBudget
	case chance.Valid && chance.Decimal.LessThan(AchievableChance):
		return StateAtRisk
	}
	return StateMet
}

// ChanceLevel reads a probability of meeting an objective in four levels,
// for advice.
type ChanceLevel int

// The levels of ChanceLevelOf.
const (
	ChanceOutOfReach    ChanceLevel = iota // below 10 %
	ChanceRisky                            // 10 % to below 50 %
	ChanceLikely                           // 50 % to below 90 %
	ChanceNearlyCertain                    // 90 % and more
)

// ChanceLevelOf reads probability pr (a fraction) as a level: ≥ 0.9 nearly
// certain, ≥ 0.5 likely, ≥ 0.1 risky, else out of reach. The bounds
// belong to the higher level: 0.9 → ChanceNearlyCertain, 0.5 →
// ChanceLikely, 0.1 → ChanceRisky, 0.0999 → ChanceOutOfReach.
func ChanceLevelOf(pr decimal.Decimal) ChanceLevel {
	switch {
	case pr.GreaterThanOrEqual(decimal.New(9, -1)):
		return ChanceNearlyCertain
	case pr.GreaterThanOrEqual(AchievableChance):
		return ChanceLikely
	case pr.GreaterThanOrEqual(decimal.New(1, -1)):
		return ChanceRisky
	}
	return ChanceOutOfReach
}

// OwnerShare is one owner of channels: the name written in the plan (""
// for channels that name none), the names of their channels in plan
// order, their cost (money) and its share of the plan's cost (a fraction,
// 8 places; undefined when the plan costs nothing).
type OwnerShare struct {
	Owner    string
	Channels []string
	Cost     decimal.Decimal
	Share    decimal.NullDecimal
}

// ObjectiveSeek is goal seek's answer for one objective (MixKeep): the
// smallest decision budget that reaches its target, or Err when goal seek
// cannot answer for this plan (no decision budget to scale).
type ObjectiveSeek struct {
	Objective plan.Objective
	Result    GoalSeekResult
	Err       error
}

// StageRate is one stage of a channel's funnel with its rate from the
// previous main stage (a fraction, 8 places); undefined for the first
// stage and after a main stage of zero.
type StageRate struct {
	Stage
	Rate decimal.NullDecimal
}

// HasUncertainty reports whether plan p carries any uncertainty: a range
// whose low and high differ. A degenerate range [x, x] only fixes the
// input's value (Uncertainty draws nothing from it), so a plan whose
// ranges are all degenerate has no uncertainty — every Monte Carlo run
// would equal the plan. This is the rule of the command line and the app;
// the PDF used to test for any range at all and showed a Monte Carlo
// section for such a plan.
func HasUncertainty(p plan.Plan) bool {
	for _, c := range p.Channels {
		for _, r := range c.Ranges {
			if !r.Low.Equal(r.High) {
				return true
			}
		}
	}
	return false
}

// Seekable reports whether goal seek answers objective o: an at_least
// target on one of SeekMetrics (an at_most target is not reached by
// spending more).
func Seekable(o plan.Objective) bool {
	return o.Direction != plan.AtMost && slices.Contains(SeekMetrics, o.Metric)
}

// HasDecision reports whether p has a channel whose budget the optimiser
// and goal seek may move (IsDecision).
func HasDecision(p plan.Plan) bool {
	for _, c := range p.Channels {
		if IsDecision(c, p.Info.Months) {
			return true
		}
	}
	return false
}

// DecisionBudget is today's total budget of p's decision channels
// (IsDecision; a print channel's units × cost_per_unit,
// ChannelDecisionBudget): the ad budget goal seek scales.
func DecisionBudget(p plan.Plan) decimal.Decimal {
	sum := decimal.Zero
	for _, c := range p.Channels {
		if IsDecision(c, p.Info.Months) {
			sum = sum.Add(ChannelDecisionBudget(c))
		}
	}
	return sum
}

// Select returns the results of scenario name among all (the base first,
// as RunAll returns them): "" or BaseScenario gives the base, a
// scenario's name gives that scenario, and AllScenarios gives every
// result. An unknown name is an error wrapping ErrUnknownScenario that
// names the scenarios to choose from.
func Select(all []Result, name string) ([]Result, error) {
	switch name {
	case "", BaseScenario:
		if len(all) > 0 {
			return all[:1], nil
		}
	case AllScenarios:
		return all, nil
	default:
		for i := range all {
			if all[i].Scenario == name {
				return all[i : i+1], nil
			}
		}
	}
	names := make([]string, 0, len(all))
	for _, r := range all[min(1, len(all)):] {
		names = append(names, r.Scenario)
	}
	return nil, unknownScenario(name, names)
}

// CheckScenario returns nil when name is a scenario Select takes for p
// ("", BaseScenario, AllScenarios or one of p's scenarios), and else the
// error Select would give, before anything is computed.
func CheckScenario(p plan.Plan, name string) error {
	if name == "" || name == BaseScenario || name == AllScenarios {
		return nil
	}
	names := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		if s.Name == name {
			return nil
		}
		names[i] = s.Name
	}
	return unknownScenario(name, names)
}

// unknownScenario is the error for a scenario name the plan has not,
// naming BaseScenario, AllScenarios and the plan's scenarios.
func unknownScenario(name string, scenarios []string) error {
	names := append([]string{BaseScenario, AllScenarios}, scenarios...)
	return errorf(plan.Plan{}, ErrUnknownScenario, MsgErrUnknownScenario, plan.TextArg("scenario", name), plan.TextArg("scenarios", quotedList(names)))
}

// Analyze runs every computation a document or a screen shows for plan p
// (see Analysis and AnalyzeOptions). An invalid plan returns its
// validation errors (a plan.ErrorList, as Run does); an unknown scenario
// an error wrapping ErrUnknownScenario. A part that cannot be computed for
// this plan is left out, never an error: the Monte Carlo without range
// (HasUncertainty), the sensitivity of a plan without inputs to move, the
// optimisation without decision channel, the evaluation without actuals.
func Analyze(p plan.Plan, o AnalyzeOptions) (Analysis, error) {
	parts := o.Parts
	a := Analysis{Plan: p, Scenario: o.Scenario, Best: -1, Worst: -1, AdBudget: DecisionBudget(p)}
	if a.Scenario == "" {
		a.Scenario = BaseScenario
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		return Analysis{}, errs
	}
	if a.Scenario != BaseScenario && a.Scenario != AllScenarios &&
		!slices.ContainsFunc(p.Scenarios, func(s plan.Scenario) bool { return s.Name == a.Scenario }) {
		_, err := Select(nil, a.Scenario)
		return Analysis{}, err
	}
	// The Monte Carlo (float64, on every core) runs beside the decimal
	// engine; its Base totals are the base result's, computed once.
	var mc chan *UncertaintyResult
	if parts&PartUncertainty != 0 && HasUncertainty(p) {
		mc = make(chan *UncertaintyResult, 1)
		go func() {
			u, err := monteCarlo(context.Background(), p, o.Uncertainty)
			if err != nil {
				mc <- nil
				return
			}
			mc <- &u
		}()
	}
	lib := plan.DefaultLibrary()
	var base Result
	var err error
	if a.Scenario == AllScenarios {
		a.All, err = runAllValid(p, lib) // the base first: run once
		if err == nil {
			base = a.All[0]
		}
	} else {
		base, err = runScenario(p, BaseScenario, lib, nil)
	}
	if err == nil && a.Scenario != BaseScenario && a.Scenario != AllScenarios {
		a.Shown, err = runScenario(p, a.Scenario, lib, base.Objectives) // the base's checklists, run once
	} else {
		a.Shown = base
	}
	if err != nil {
		if mc != nil {
			<-mc
		}
		return Analysis{}, err
	}
	a.Base = base

	if parts&PartSensitivity != 0 {
		if s, err := Sensitivity(p, "net_profit"); err == nil {
			a.Sensitivity = &s
		}
	}
	if parts&PartGoalSeeks != 0 {
		for _, ob := range p.Objectives {
			if Seekable(ob) {
				res, err := GoalSeek(p, ob.Metric, ob.Target, MixKeep)
				a.GoalSeeks = append(a.GoalSeeks, ObjectiveSeek{Objective: ob, Result: res, Err: err})
			}
		}
	}
	if parts&PartEvaluation != 0 && len(p.Actuals) > 0 {
		if ev, err := Evaluate(p); err == nil {
			a.Evaluation = &ev
		}
	}
	if parts&PartOptimization != 0 && HasDecision(p) {
		if op, err := Optimize(p, GoalCustomers, decimal.NullDecimal{}); err == nil {
			a.Optimization = &op
		}
	}

	if mc != nil {
		if a.Uncertainty = <-mc; a.Uncertainty != nil {
			a.Uncertainty.Base = base.Totals
		}
	}
	if a.Shown.Totals.BudgetLeft.Valid && a.Shown.Totals.BudgetLeft.Decimal.Sign() < 0 {
		a.OverBudget = decimal.NewNullDecimal(a.Shown.Totals.BudgetLeft.Decimal.Neg())
	}
	var chances []ObjectiveChance
	if a.Uncertainty != nil {
		chances = a.Uncertainty.Objectives
	}
	a.Objectives = ObjectiveViews(p, a.Shown, chances)
	a.Best, a.Worst = RankChannels(a.Shown.Channels)
	a.Owners = OwnerShares(p, a.Shown)
	return a, nil
}

// ObjectiveViews pairs each objective of r with p's objective of the same
// id, its chance among chances (none: no chance known), its state and its
// SMART reasons. The plan is over budget when r's budget_left is negative.
func ObjectiveViews(p plan.Plan, r Result, chances []ObjectiveChance) []ObjectiveView {
	var over decimal.NullDecimal
	if bl := r.Totals.BudgetLeft; bl.Valid && bl.Decimal.Sign() < 0 {
		over = decimal.NewNullDecimal(bl.Decimal.Neg())
	}
	out := make([]ObjectiveView, 0, len(r.Objectives))
	for _, res := range r.Objectives {
		v := ObjectiveView{Objective: plan.Objective{ID: res.ID}, Result: res, Over: over}
		for _, po := range p.Objectives {
			if po.ID == res.ID {
				v.Objective = po
				break
			}
		}
		for _, c := range chances {
			if c.ID == res.ID {
				v.Chance = decimal.NewNullDecimal(c.Probability)
				v.Level = ChanceLevelOf(c.Probability)
				break
			}
		}
		v.State = ObjectiveStateOf(res.Met, over.Valid, v.Chance)
		s := res.Smart
		v.Reasons = [5]plan.Msg{s.Specific.Why, s.Measurable.Why, s.Achievable.Why, s.Relevant.Why, s.TimeBound.Why}
		if v.Chance.Valid {
			v.Reasons[2] = plan.NewMsg(MsgSmartAChance, plan.MsgsArg("why", s.Achievable.Why),
				plan.RateArg("chance", v.Chance.Decimal))
		}
		out = append(out, v)
	}
	return out
}

// StateMsg tells v's state in words (codes MsgStateMet, MsgStateNotMet,
// MsgStateOverBudget with the amount over, MsgStateAtRisk with the
// chance): "atteint", "non atteint", "cible atteinte en dépassant le
// budget de 940,00 €", "atteint dans le plan, mais 25,0 % de chances
// seulement".
func (v ObjectiveView) StateMsg() plan.Msg {
	switch v.State {
	case StateNotMet:
		return plan.NewMsg(MsgStateNotMet)
	case StateOverBudget:
		return plan.NewMsg(MsgStateOverBudget, plan.MoneyArg("over", v.Over.Decimal))
	case StateAtRisk:
		return plan.NewMsg(MsgStateAtRisk, plan.RateArg("chance", v.Chance.Decimal))
	}
	return plan.NewMsg(MsgStateMet)
}

// ObjectiveChances returns the chance of meeting each objective of p, for
// the screens that show the plan's state beside its objectives: with
// actuals, the re-forecast's (Track, then ReforecastChances: the plan
// corrected by what happened, as the tracking view shows it); else, when
// the plan has uncertainty (HasUncertainty), the Monte Carlo's; else none
// (nil, no error). opt are the Monte Carlo's options; ctx cancels it.
//
// Only the chances are computed (UncertaintyOptions.ChancesOnly).
func ObjectiveChances(ctx context.Context, p plan.Plan, opt UncertaintyOptions) ([]ObjectiveChance, error) {
	if len(p.Objectives) == 0 {
		return nil, nil
	}
	opt.ChancesOnly = true
	if len(p.Actuals) > 0 {
		t, err := Track(p)
		if err != nil {
			return nil, err
		}
		return ReforecastChances(ctx, t.Reforecast, opt)
	}
	if !HasUncertainty(p) {
		return nil, nil
	}
	u, err := Uncertainty(ctx, p, opt)
	if err != nil {
		return nil, err
	}
	return u.Objectives, nil
}

// Fragile returns the objective with the lowest chance among a's (the
// first of equals), and false when no objective has a chance.
func (a Analysis) Fragile() (ObjectiveView, bool) {
	var low ObjectiveView
	found := false
	for _, v := range a.Objectives {
		if v.Chance.Valid && (!found || v.Chance.Decimal.LessThan(low.Chance.Decimal)) {
			low, found = v, true
		}
	}
	return low, found
}

// MainRisk returns the input that moves net profit most (the first of the
// sensitivity), and false when there is none or it moves nothing.
func (a Analysis) MainRisk() (SensitivityInput, bool) {
	if a.Sensitivity == nil || len(a.Sensitivity.Inputs) == 0 {
		return SensitivityInput{}, false
	}
	in := a.Sensitivity.Inputs[0]
	return in, in.Swing.Valid && in.Swing.Decimal.Sign() > 0
}

// Chance returns the chance of objective id, when Monte Carlo gave one.
func (a Analysis) Chance(id string) (decimal.Decimal, bool) {
	for _, v := range a.Objectives {
		if v.Objective.ID == id && v.Chance.Valid {
			return v.Chance.Decimal, true
		}
	}
	if a.Uncertainty != nil {
		for _, c := range a.Uncertainty.Objectives {
			if c.ID == id {
				return c.Probability, true
			}
		}
	}
	return decimal.Zero, false
}

// RankChannels returns the indexes of the most efficient channel of cs
// (the lowest CPA; channels without customers, whose CPA is undefined,
// never are) and of the least efficient (the highest CPA, or the first
// channel with no customer), each the first of equals; -1 when cs is
// empty (best is -1 too when no channel has a customer).
func RankChannels(cs []ChannelResult) (best, worst int) {
	best, worst = -1, -1
	for i := range cs {
		cpa := cs[i].Figures.CPA
		if cpa.Valid && (best < 0 || cpa.Decimal.LessThan(cs[best].Figures.CPA.Decimal)) {
			best = i
		}
	}
	for i := range cs {
		cpa := cs[i].Figures.CPA
		switch {
		case worst < 0:
			worst = i
		case !cpa.Valid:
			if cs[worst].Figures.CPA.Valid {
				worst = i
			}
		case cs[worst].Figures.CPA.Valid && cpa.Decimal.GreaterThan(cs[worst].Figures.CPA.Decimal):
			worst = i
		}
	}
	return best, worst
}

// StageRates returns the stages of channel c's funnel, each with its rate
// from the previous main stage (see StageRate): a side stage (email
// bounces, opens) is measured from the main stage before it, and is never
// the base of the next.
func StageRates(c ChannelResult) []StageRate {
	out := make([]StageRate, len(c.Stages))
	var prev decimal.Decimal
	havePrev := false
	for i, st := range c.Stages {
		out[i] = StageRate{Stage: st}
		if havePrev && prev.Sign() > 0 {
			out[i].Rate = decimal.NewNullDecimal(st.Value.DivRound(prev, 8))
		}
		if !st.Side {
			prev, havePrev = st.Value, true
		}
	}
	return out
}

// OwnerShares groups p's channels by owner (see OwnerShare), with the
// costs of r (r.Channels in plan order, as Run returns them).
func OwnerShares(p plan.Plan, r Result) []OwnerShare {
	var out []OwnerShare
	at := map[string]int{}
	for i, c := range p.Channels {
		k, ok := at[c.Owner]
		if !ok {
			k = len(out)
			at[c.Owner] = k
			out = append(out, OwnerShare{Owner: c.Owner})
		}
		out[k].Channels = append(out[k].Channels, c.Name)
		if i < len(r.Channels) && r.Channels[i].Figures.Cost.Valid {
			out[k].Cost = out[k].Cost.Add(r.Channels[i].Figures.Cost.Decimal)
		}
	}
	if tc := r.Totals.Cost; tc.Valid && tc.Decimal.Sign() > 0 {
		for i := range out {
			out[i].Share = decimal.NewNullDecimal(out[i].Cost.DivRound(tc.Decimal, 8))
		}
	}
	return out
}

// Apply returns a copy of p with the decision budgets of r (its
// Allocation) set on the channels of the same id, every other field
// unchanged: goal seek's answer as one edit of the user's current plan,
// made by Optimization.Apply (one way to set a decision's budget). An
// unreachable answer has no allocation and changes nothing.
func (r GoalSeekResult) Apply(p plan.Plan) plan.Plan {
	o := Optimization{Allocation: make([]ChannelAllocation, len(r.Allocation))}
	for i, a := range r.Allocation {
		o.Allocation[i] = ChannelAllocation{ID: a.ID, Name: a.Name, BudgetAfter: a.Budget}
	}
	return o.Apply(p)
}

// ValueUnit is the unit in which a value of name is shown to people: the
// unit of the figure of that name, else that of the channel or business
// input (money for costs, a count for volumes, a multiple for the reach
// per printed unit, a rate otherwise: the benchmarks are mostly rates). exact is true for a money input that is
// no figure (a cost per message of 0,004 €): it keeps its fractions of a
// cent.
func ValueUnit(name string) (u Unit, exact bool) {
	if s, ok := SpecOf(name); ok {
		return s.Unit, false
	}
	switch name {
	case "cost_per_message", "cost_per_unit", "commission_per_sale", "budget", "fixed_cost", "average_order",
		"min_budget", "max_budget":
		return Money, true
	case "visits_per_month", "followers", "contacts", "list_size", "audience", "max_clicks", "sends",
		"posts", "units", "clicks", "orders_per_month":
		return Count, false
	case "reach_per_unit": // people reached per flyer or poster: 1,60×
		return Multiple, false
	}
	return Rate, false
}

// AdviceMoves returns the moves of o (Moves) that advice tells: those of
// at least one whole currency unit once rounded (half away from zero). A
// move of 0,40 € is noise of the rounding to the cent, not advice.
func (o Optimization) AdviceMoves() []BudgetMove {
	var out []BudgetMove
	for _, m := range o.Moves() {
		if m.Amount.Round(0).Sign() > 0 {
			out = append(out, m)
		}
	}
	return out
}

// AlreadyBest reports whether o advises no move (AdviceMoves is empty):
// today's split is already the best, to the whole currency unit.
func (o Optimization) AlreadyBest() bool { return len(o.AdviceMoves()) == 0 }

// FineGain reports whether the gain of o (After − Before) is small enough
// (below 10 in absolute value) that advice shows customers with one
// decimal, so that a small gain does not read "from 215 to 215".
func (o Optimization) FineGain() bool {
	return o.After.Sub(o.Before).Abs().LessThan(decimal.NewFromInt(10))
}

// Advice is a recommendation as every rendering tells it: the engine's
// Recommendation and Who, the name of its channel ("" for the whole plan).
type Advice struct {
	Recommendation
	Who string
}

// AdviceOf returns r's recommendations with their channels' names, in
// order.
func AdviceOf(r Result) []Advice {
	out := make([]Advice, len(r.Recommendations))
	for i, rec := range r.Recommendations {
		out[i] = Advice{Recommendation: rec}
		if rec.Channel == "" {
			continue
		}
		out[i].Who = rec.Channel
		for _, c := range r.Channels {
			if c.ID == rec.Channel {
				out[i].Who = c.Name
				break
			}
		}
	}
	return out
}

// Fine reports whether in's ends are shown with two decimals of a
// percentage: a rate whose low end is below 1 % (and not 0), so that
// "0,4 %" and "0,6 %" do not both read "0,5 %".
func (in SensitivityInput) Fine() bool {
	return in.Low.LessThan(decimal.New(1, -2)) && !in.Low.IsZero()
}
