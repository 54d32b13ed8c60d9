package simulate

import (
	"context"
	"slices"
	"sort"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// The checks a rubric may name (MODEL.md "Course exercises"). Each is
// computed from the plan and its results, never read from the plan's
// text.
const (
	CheckObjectiveSmart     = "objective-smart"      // every objective passes all five SMART letters
	CheckObjectiveAsBriefed = "objective-as-briefed" // an objective with the brief's metric, direction and (at least as ambitious) target
	CheckWithinBudget       = "within-budget"        // cost ≤ the brief's budget
	CheckDuration           = "duration"             // the plan runs the brief's months
	CheckChannels           = "channels"             // at least min (3) channels with a cost or contacts
	CheckOwners             = "owners"               // every channel has an owner
	CheckPlanning           = "planning"             // every channel has its active months
	CheckElements           = "elements"             // at least choose of the brief's elements developed
	CheckObjectiveReached   = "objective-reached"    // the base result meets the brief's objective
	CheckProbability        = "probability"          // the chance of the brief's objective ≥ min (50 %)
	CheckRanges             = "ranges"               // at least min (2) uncertain inputs
)

// RubricChecks lists every check a rubric may name, in MODEL.md's order.
var RubricChecks = []string{CheckObjectiveSmart, CheckObjectiveAsBriefed, CheckWithinBudget, CheckDuration,
	CheckChannels, CheckOwners, CheckPlanning, CheckElements, CheckObjectiveReached, CheckProbability, CheckRanges}

// The defaults of the checks' parameter min (MODEL.md).
var (
	DefaultMinChannels    = decimal.NewFromInt(3)
	DefaultMinRanges      = decimal.NewFromInt(2)
	DefaultMinProbability = decimal.RequireFromString("0.5")
)

// MinActionChannels is how many channels make the actions element
// developed; MinTrackingKPIs how many computed [tracking] kpis make the
// tracking element developed (with at least one tool).
const (
	MinActionChannels = 2
	MinTrackingKPIs   = 3
)

// GradeCheck is one rubric item checked against a plan: what it asks
// (Label, with the case's figures), whether the plan passes it, and what
// to do when it does not (Todo, zero when OK). Render both with
// display.Text.
type GradeCheck struct {
	Check  string
	Points int
	OK     bool
	Label  plan.Msg
	Todo   plan.Msg
}

// Grade is a plan graded against a case: every rubric item in the
// rubric's order, the points earned (Score) out of the rubric's total
// (Max), and the score out of 20 (the French scale).
type Grade struct {
	Case    string // the case's id
	Student string // the plan's student, or its author when it names no student
	Checks  []GradeCheck
	Score   int
	Max     int
	// Grade20 is 20 × Score / Max, rounded to 2 places (half away from
	// zero): 13 points out of 20 give 13, 7 out of 9 give 15.56.
	Grade20 decimal.Decimal
}

// Missed returns the checks the plan fails, in the rubric's order.
func (g Grade) Missed() []GradeCheck {
	var out []GradeCheck
	for _, c := range g.Checks {
		if !c.OK {
			out = append(out, c)
		}
	}
	return out
}

// GradePlan grades plan p against case c: it runs the plan (an invalid
// plan is the error simulate.Run gives) and checks each rubric item
// (GradeResult).
func GradePlan(ctx context.Context, p plan.Plan, c Case) (Grade, error) {
	r, err := Run(p)
	if err != nil {
		return Grade{}, err
	}
	return GradeResult(ctx, p, c, r)
}

// GradeResult grades plan p, whose base result is base, against case c.
// The probability check draws the plan's Monte Carlo (its [simulation]
// runs and seed) for the brief's objective, judged at the end of the plan;
// a plan without any range has no uncertainty, so its chance is 100 % when
// the base result meets the objective and 0 otherwise. The only error is
// ctx's, when it is cancelled during the draws.
func GradeResult(ctx context.Context, p plan.Plan, c Case, base Result) (Grade, error) {
	g := Grade{Case: c.ID, Student: strings.TrimSpace(p.Info.Student)}
	if g.Student == "" {
		g.Student = strings.TrimSpace(p.Info.Author)
	}
	gr := &grader{p: p, c: c, r: base}
	for _, it := range c.Rubric {
		gc := GradeCheck{Check: it.Check, Points: it.Points, Label: c.Label(it)}
		var err error
		gc.OK, gc.Todo, err = gr.check(ctx, it)
		if err != nil {
			return Grade{}, err
		}
		if gc.OK {
			gc.Todo = plan.Msg{}
			g.Score += it.Points
		}
		g.Max += it.Points
		g.Checks = append(g.Checks, gc)
	}
	if g.Max > 0 {
		g.Grade20 = decimal.NewFromInt(int64(20*g.Score)).DivRound(decimal.NewFromInt(int64(g.Max)), 2)
	}
	return g, nil
}

// grader checks one plan against one case.
type grader struct {
	p plan.Plan
	c Case
	r Result
}

// briefArgs are the brief's objective's metric, sign and target as
// message arguments.
func (g *grader) briefArgs() []plan.Arg { return g.c.briefArgs() }

// briefArgs are the objective's metric, sign (≥ or ≤) and target as
// message arguments.
func (c Case) briefArgs() []plan.Arg {
	o := c.Objective
	dir := "≥"
	if o.Direction == plan.AtMost {
		dir = "≤"
	}
	return []plan.Arg{plan.MetricArg("metric", o.Metric), plan.TextArg("dir", dir),
		plan.FigureArg("target", o.Metric, decimal.NewNullDecimal(o.Target))}
}

// ObjectiveMsg tells the brief's objective: "L'objectif de l'énoncé :
// Clients ≥ 200".
func (c Case) ObjectiveMsg() plan.Msg { return plan.NewMsg(MsgGradeLabelAsBriefed, c.briefArgs()...) }

// Label says what rubric item it asks, with the case's figures (the
// checklist's line): "Au moins 3 canaux qui coûtent ou touchent
// quelqu'un".
func (c Case) Label(it RubricItem) plan.Msg {
	switch it.Check {
	case CheckObjectiveSmart:
		return plan.NewMsg(MsgGradeLabelSmart)
	case CheckObjectiveAsBriefed:
		return c.ObjectiveMsg()
	case CheckWithinBudget:
		return plan.NewMsg(MsgGradeLabelBudget, plan.MoneyArg("budget", c.Budget))
	case CheckDuration:
		return plan.NewMsg(MsgGradeLabelDuration, count("months", c.Months))
	case CheckChannels:
		return plan.NewMsg(MsgGradeLabelChannels, plan.CountArg("min", minOf(it, DefaultMinChannels)))
	case CheckOwners:
		return plan.NewMsg(MsgGradeLabelOwners)
	case CheckPlanning:
		return plan.NewMsg(MsgGradeLabelPlanning)
	case CheckElements:
		return plan.NewMsg(MsgGradeLabelElements, count("choose", c.Choose), count("count", len(c.Elements)))
	case CheckObjectiveReached:
		return plan.NewMsg(MsgGradeLabelReached, c.briefArgs()...)
	case CheckProbability:
		return plan.NewMsg(MsgGradeLabelProbability, plan.RateArg("min", minOf(it, DefaultMinProbability)))
	case CheckRanges:
		return plan.NewMsg(MsgGradeLabelRanges, plan.CountArg("min", minOf(it, DefaultMinRanges)))
	}
	return plan.Msg{}
}

// minOf is the item's min, or def.
func minOf(it RubricItem, def decimal.Decimal) decimal.Decimal {
	if it.Min.Valid {
		return it.Min.Decimal
	}
	return def
}

// count is n as a count argument.
func count(name string, n int) plan.Arg { return plan.CountArg(name, decimal.NewFromInt(int64(n))) }

// check computes one rubric item: whether it holds and what to do when it
// does not.
func (g *grader) check(ctx context.Context, it RubricItem) (ok bool, todo plan.Msg, err error) {
	switch it.Check {
	case CheckObjectiveSmart:
		ok, todo = g.smart()
	case CheckObjectiveAsBriefed:
		ok = g.asBriefed()
		todo = plan.NewMsg(MsgGradeTodoAsBriefed, g.briefArgs()...)
	case CheckWithinBudget:
		cost := g.r.Totals.Cost.Decimal
		ok = cost.LessThanOrEqual(g.c.Budget)
		todo = plan.NewMsg(MsgGradeTodoBudget, plan.MoneyArg("cost", cost), plan.MoneyArg("budget", g.c.Budget),
			plan.MoneyArg("over", cost.Sub(g.c.Budget)))
	case CheckDuration:
		ok = g.p.Info.Months == g.c.Months
		todo = plan.NewMsg(MsgGradeTodoDuration, count("months", g.p.Info.Months), count("brief", g.c.Months))
	case CheckChannels:
		min := minOf(it, DefaultMinChannels)
		n := g.workingChannels()
		ok = decimal.NewFromInt(int64(n)).GreaterThanOrEqual(min)
		todo = plan.NewMsg(MsgGradeTodoChannels, count("have", n), plan.CountArg("min", min))
	case CheckOwners:
		ok, todo = g.everyChannel(MsgGradeTodoOwners, func(ch plan.Channel) bool { return strings.TrimSpace(ch.Owner) != "" })
	case CheckPlanning:
		ok, todo = g.everyChannel(MsgGradeTodoPlanning, func(ch plan.Channel) bool { return len(ch.ActiveMonths) > 0 })
	case CheckElements:
		ok, todo = g.elements()
	case CheckObjectiveReached:
		v := g.briefValue()
		ok = g.meets(v)
		todo = plan.NewMsg(MsgGradeTodoReached, append(g.briefArgs(), plan.FigureArg("value", g.c.Objective.Metric, v))...)
	case CheckProbability:
		min := minOf(it, DefaultMinProbability)
		var chance decimal.Decimal
		chance, err = g.chance(ctx)
		ok = chance.GreaterThanOrEqual(min)
		todo = plan.NewMsg(MsgGradeTodoProbability, plan.RateArg("chance", chance), plan.RateArg("min", min))
	case CheckRanges:
		min := minOf(it, DefaultMinRanges)
		n := 0
		for _, ch := range g.p.Channels {
			n += len(ch.Ranges)
		}
		ok = decimal.NewFromInt(int64(n)).GreaterThanOrEqual(min)
		todo = plan.NewMsg(MsgGradeTodoRanges, count("have", n), plan.CountArg("min", min))
	}
	return ok, todo, err
}

// smart: the plan has an objective and every one passes the five letters;
// otherwise the first that fails, with the reasons of its failed letters.
func (g *grader) smart() (bool, plan.Msg) {
	if len(g.r.Objectives) == 0 {
		return false, plan.NewMsg(MsgGradeTodoSmartNone)
	}
	for i, o := range g.r.Objectives {
		s := o.Smart
		var why []plan.Msg
		for _, c := range []Check{s.Specific, s.Measurable, s.Achievable, s.Relevant, s.TimeBound} {
			if !c.OK {
				why = append(why, c.Why)
			}
		}
		if len(why) > 0 {
			name := o.ID
			if i < len(g.p.Objectives) && strings.TrimSpace(g.p.Objectives[i].Statement) != "" {
				name = g.p.Objectives[i].Statement
			}
			return false, plan.NewMsg(MsgGradeTodoSmart, plan.TextArg("objective", name), plan.MsgsArg("why", why...))
		}
	}
	return true, plan.Msg{}
}

// canonical is a metric's figure name (clicks is interactions…).
func canonical(metric string) string {
	if s, ok := SpecOf(metric); ok {
		return s.Name
	}
	return metric
}

// asBriefed: an objective of the plan has the brief's metric and
// direction and a target at least as ambitious (≥ the brief's for
// at_least, ≤ for at_most). The reading: a student who aims higher than
// the brief still answers it.
func (g *grader) asBriefed() bool {
	b := g.c.Objective
	for _, o := range g.p.Objectives {
		dir := o.Direction
		if dir == "" {
			dir = plan.AtLeast
		}
		if canonical(o.Metric) != canonical(b.Metric) || dir != b.Direction {
			continue
		}
		if dir == plan.AtLeast && o.Target.GreaterThanOrEqual(b.Target) || dir == plan.AtMost && o.Target.LessThanOrEqual(b.Target) {
			return true
		}
	}
	return false
}

// briefValue is the plan's total of the brief's metric (over the whole
// plan: the brief's objective is judged at its end).
func (g *grader) briefValue() decimal.NullDecimal {
	s, ok := SpecOf(g.c.Objective.Metric)
	if !ok {
		return decimal.NullDecimal{}
	}
	return s.Get(g.r.Totals)
}

// meets reports whether v meets the brief's objective (undefined does
// not).
func (g *grader) meets(v decimal.NullDecimal) bool {
	if !v.Valid {
		return false
	}
	c := v.Decimal.Cmp(g.c.Objective.Target)
	if g.c.Objective.Direction == plan.AtMost {
		return c <= 0
	}
	return c >= 0
}

// workingChannels counts the channels that cost something or reach
// someone (exposures or interactions above 0): "a channel with a cost or
// contacts".
func (g *grader) workingChannels() int {
	n := 0
	for _, cr := range g.r.Channels {
		f := cr.Figures
		if f.Cost.Valid && f.Cost.Decimal.IsPositive() || f.Exposures.Valid && f.Exposures.Decimal.IsPositive() ||
			f.Interactions.Valid && f.Interactions.Decimal.IsPositive() {
			n++
		}
	}
	return n
}

// everyChannel: the plan has a channel and every one passes has; otherwise
// code names the channels that do not (or MsgGradeTodoNoChannel).
func (g *grader) everyChannel(code string, has func(plan.Channel) bool) (bool, plan.Msg) {
	if len(g.p.Channels) == 0 {
		return false, plan.NewMsg(MsgGradeTodoNoChannel)
	}
	var missing []plan.Msg
	for _, ch := range g.p.Channels {
		if !has(ch) {
			missing = append(missing, plan.NewMsg(MsgGradeChannelName, plan.TextArg("channel", ch.Name)))
		}
	}
	if len(missing) > 0 {
		return false, plan.NewMsg(code, plan.MsgsArg("channels", missing...))
	}
	return true, plan.Msg{}
}

// elementTodo is what develops each element.
var elementTodo = map[string]string{
	ElementActions:      MsgGradeElementActions,
	ElementTracking:     MsgGradeElementTracking,
	ElementPartnerships: MsgGradeElementPartnerships,
	ElementOptimisation: MsgGradeElementOptimisation,
}

// ElementMsg says what develops element e of a brief (what the checklist
// shows beside it), and false for an element that is not one of
// CaseElements.
func ElementMsg(e string) (plan.Msg, bool) {
	c, ok := elementTodo[e]
	return plan.NewMsg(c), ok
}

// Developed reports whether plan p develops element e of a brief
// (MODEL.md): actions, two channels or more; tracking, at least three
// [tracking] kpis that are figures the engine computes (IsTrackingKPI)
// and at least one tool; partnerships, a partnership or influencer
// channel; optimisation, a scenario.
func Developed(p plan.Plan, e string) bool {
	switch e {
	case ElementActions:
		return len(p.Channels) >= MinActionChannels
	case ElementTracking:
		n := 0
		for _, k := range p.Tracking.KPIs {
			if IsTrackingKPI(k) {
				n++
			}
		}
		tools := slices.ContainsFunc(p.Tracking.Tools, func(s string) bool { return strings.TrimSpace(s) != "" })
		return n >= MinTrackingKPIs && tools
	case ElementPartnerships:
		return slices.ContainsFunc(p.Channels, func(c plan.Channel) bool { return c.Kind == plan.Partnership || c.Kind == plan.Influencer })
	case ElementOptimisation:
		return len(p.Scenarios) > 0
	}
	return false
}

// elements: at least Choose of the brief's elements are developed;
// otherwise how many are, and what would develop each of the others.
func (g *grader) elements() (bool, plan.Msg) {
	have := 0
	var others []plan.Msg
	for _, e := range g.c.Elements {
		if Developed(g.p, e) {
			have++
		} else if m, ok := ElementMsg(e); ok {
			others = append(others, m)
		}
	}
	if have >= g.c.Choose {
		return true, plan.Msg{}
	}
	return false, plan.NewMsg(MsgGradeTodoElements, count("have", have), count("choose", g.c.Choose), plan.MsgsArg("missing", others...))
}

// chance is the probability of meeting the brief's objective at the end
// of the plan (see GradeResult).
func (g *grader) chance(ctx context.Context) (decimal.Decimal, error) {
	ranged := slices.ContainsFunc(g.p.Channels, func(c plan.Channel) bool { return len(c.Ranges) > 0 })
	if !ranged {
		if g.meets(g.briefValue()) {
			return decimal.NewFromInt(1), nil
		}
		return decimal.Zero, nil
	}
	q := g.p.Clone()
	q.Objectives = []plan.Objective{{ID: "brief", Metric: g.c.Objective.Metric, Target: g.c.Objective.Target,
		Direction: g.c.Objective.Direction}}
	u, err := Uncertainty(ctx, q, UncertaintyOptions{ChancesOnly: true}) // the chance alone: no quantiles, no histograms
	if err != nil || len(u.Objectives) == 0 {
		if ctx.Err() != nil {
			return decimal.Zero, ctx.Err()
		}
		return decimal.Zero, nil
	}
	return u.Objectives[0].Probability, nil
}

// TrackingKPIs lists the names a plan's [tracking] kpis may take that the
// engine computes (FORMAT.md): the figures and stage counts of
// plan.Metrics and the channel KPIs of ChannelKPIs, sorted. The app offers
// them as a list.
func TrackingKPIs() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, m := range plan.Metrics {
		add(m)
	}
	for _, k := range plan.Kinds {
		for _, kpi := range ChannelKPIs(k) {
			add(kpi)
		}
	}
	for _, k := range plan.EngagementKPIs {
		add(k)
	}
	sort.Strings(out)
	return out
}

// IsTrackingKPI reports whether name is one of TrackingKPIs.
func IsTrackingKPI(name string) bool { return slices.Contains(TrackingKPIs(), name) }

// TrackingTools are the measuring tools the course recommends for
// following a campaign's indicators (seed 002: Google Analytics,
// Mailchimp, Sendinblue, Moosend, Hotjar, Google Tag Manager, Excel; Google
// Ads and Meta's ads manager for the paid campaigns, whose reports the
// tracking imports), as the app offers them in [tracking] tools. They are
// product names, the same in every language.
var TrackingTools = []string{"Google Analytics", "Google Ads", "Meta Ads Manager", "Mailchimp", "Sendinblue",
	"Moosend", "Hotjar", "Google Tag Manager", "Unbounce", "Excel"}
