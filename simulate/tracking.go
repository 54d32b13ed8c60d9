package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// TrackingTolerance is the band around the plan inside which a figure is
// on track: 0.10, i.e. ±10 % of the planned value. Beyond it a figure is
// ahead (better than planned) or behind (worse).
var TrackingTolerance = decimal.New(1, -1)

// Status says how a figure stands against the plan.
type Status string

// The statuses of a tracked figure. StatusNone is given to figures with
// no better side (cost, cogs) and where the plan's value is zero or either
// side is undefined.
const (
	StatusOnTrack Status = "on_track" // within ±TrackingTolerance of the plan
	StatusBehind  Status = "behind"   // worse than the plan by more than the tolerance
	StatusAhead   Status = "ahead"    // better than the plan by more than the tolerance
	StatusNone    Status = ""
)

// TrackedFigures are the figures Track compares, per channel and month and
// cumulated. An email or sms channel's ctr (clicks / delivered) is shown
// under the name "click_rate" (MODEL.md's click rate).
var TrackedFigures = []string{"cost", "exposures", "interactions", "leads", "customers", "revenue",
	"gross_margin", "cpa", "roi", "romi", "ctr", "conversion_rate"}

// lowerIsBetter and neutral figures; every other figure is better higher.
var (
	lowerIsBetter = map[string]bool{"cpa": true, "cpl": true, "cpc": true, "cpm": true}
	neutralFigure = map[string]bool{"cost": true, "cogs": true, "budget_left": true, "payback_month": true,
		"break_even_customers": true, "break_even_cpa": true, "clv": true}
)

// Comparison is one figure, actual beside planned. Variance = Actual −
// Plan; VariancePct = Variance / |Plan| (a fraction: 0.12 is +12 %),
// undefined when the plan's value is 0 or either side is undefined.
// Unknown says that the actual value is undefined because it derives
// from a spend nobody knows (Unknowns): renderings write "unknown"
// (MsgFigureUnknown), not "—"; Actual, Variance and VariancePct are then
// undefined and Status is StatusNone.
//
// Benchmark is the library's threshold the actual value is compared with
// (its Min or Max; for cpa the plan's break-even CPA, the CLV), and
// BenchmarkFlag "below" or "above" when the actual value crosses it, "ok"
// when it does not, "" when there is no benchmark.
type Comparison struct {
	Name                                string // a figure name, or "click_rate"
	Unit                                Unit
	Actual, Plan, Variance, VariancePct decimal.NullDecimal
	Unknown                             bool
	Status                              Status
	Benchmark                           decimal.NullDecimal
	BenchmarkFlag                       string
	BenchmarkSource                     string
}

// MonthComparison is the tracked figures of one plan month.
type MonthComparison struct {
	Month   int
	Figures []Comparison
}

// ChannelTracking is one channel's actuals beside its plan: per tracked
// month and cumulated over the tracked months (the same span as
// Evaluate's channel figures). Missing lists the tracked months in which
// the plan expected the channel to spend or convert but no actual row was
// given: they count as zero, as in Evaluate.
type ChannelTracking struct {
	ID         string
	Name       string
	Kind       plan.Kind
	Months     []MonthComparison
	Cumulative []Comparison
	Missing    []int
}

// ObjectiveTracking is one objective seen from the actuals. SoFar and
// PlanSoFar are the metric's value over the tracked months up to the
// deadline (actual, and the plan over the same months), Status compares
// them (the objective's direction tells which side is better); SoFarUnknown
// says SoFar is undefined because the metric derives from a spend nobody
// knows (Unknowns). Forecast is the re-forecast value at the deadline
// (Reforecast.Objectives), undefined for the same reason when
// ForecastUnknown; Plan the plan's own value there.
type ObjectiveTracking struct {
	ID, Metric           string
	Target               decimal.Decimal
	Direction            plan.Direction
	SoFar, PlanSoFar     decimal.NullDecimal
	SoFarUnknown         bool
	Status               Status
	Plan, Forecast       decimal.NullDecimal
	ForecastUnknown      bool
	PlanMet, ForecastMet bool
}

// Tracking is a plan's actuals beside the plan (Track): the evaluation of
// FORMAT.md, the tracked figures per month and channel, the objectives so
// far, the dashboard by life-cycle stage, the re-forecast and the
// engagement score.
type Tracking struct {
	// Months are the plan months with at least one actual row; LastMonth
	// the latest of them.
	Months     []int
	LastMonth  int
	Evaluation Evaluation
	// Totals are the whole plan's figures cumulated over Months;
	// TotalsByMonth the same for each of Months.
	Totals        []Comparison
	TotalsByMonth []MonthComparison
	Channels      []ChannelTracking
	Objectives    []ObjectiveTracking
	Dashboard     Dashboard
	Reforecast    Reforecast
	Engagement    EngagementScore
	// Unknowns are the actual rows whose spend nobody knows: the figures
	// of SpendFigures over them are undefined (Comparison.Unknown).
	Unknowns Unknowns
}

// Track compares the plan's actuals with the plan, builds the dashboard,
// re-forecasts the months not yet run and scores engagement with the
// plan's [tracking] engagement_weights, or DefaultEngagementWeights when
// it gives none. It uses the default benchmark library.
//
// Every figure, actual or planned, comes from the engine's own derivation
// (the one Run and Evaluate use): the actual side of a month or channel
// is derived from its actual rows as Evaluate reads them, the plan side
// from the base run restricted to the same months. Errors: those of
// Evaluate (no actuals, an invalid plan).
func Track(p plan.Plan) (Tracking, error) {
	return TrackWith(p, plan.DefaultLibrary(), nil)
}

// TrackWith is Track with a benchmark library and engagement weights
// (nil: the plan's, else DefaultEngagementWeights, as Track).
func TrackWith(p plan.Plan, lib plan.Library, weights []EngagementWeight) (Tracking, error) {
	ev, err := Evaluate(p)
	if err != nil {
		return Tracking{}, err
	}
	tk := newTracker(p, lib)
	t := Tracking{Months: ev.Months, LastMonth: ev.Months[len(ev.Months)-1], Evaluation: ev, Unknowns: tk.u}
	sector := p.Business.Sector
	all := make([]bool, tk.e.n)
	for _, m := range ev.Months {
		all[m-1] = true
	}

	// Totals, cumulated and per month.
	t.Totals = tk.compare("", ev.Actual.Totals, ev.Plan.Totals, sector, tk.spendUnknown(-1, all))
	for _, m := range ev.Months {
		mask := tk.monthMask(m)
		t.TotalsByMonth = append(t.TotalsByMonth, MonthComparison{Month: m,
			Figures: tk.compare("", tk.actualFigures(-1, mask), tk.e.figuresOver(mask), sector, tk.spendUnknown(-1, mask))})
	}
	// Channels.
	for i := range tk.e.chans {
		c := &tk.e.chans[i]
		ch := c.in.ch
		ct := ChannelTracking{ID: ch.ID, Name: ch.Name, Kind: ch.Kind}
		for _, m := range ev.Months {
			mask := tk.monthMask(m)
			ct.Months = append(ct.Months, MonthComparison{Month: m,
				Figures: tk.compare(ch.Kind, tk.actualFigures(i, mask), tk.planChannelFigures(i, mask), sector, tk.spendUnknown(i, mask))})
			if !tk.seen[i][m-1] && (c.cost[m-1].Sign() > 0 || c.cust[m-1].Sign() > 0) {
				ct.Missing = append(ct.Missing, m)
			}
		}
		ct.Cumulative = tk.compare(ch.Kind, ev.Actual.Channels[i].Figures, ev.Plan.Channels[i].Figures, sector, tk.spendUnknown(i, all))
		t.Channels = append(t.Channels, ct)
	}

	rf := reforecast(p, lib, tk)
	t.Reforecast = rf

	// Objectives so far and at their deadline.
	base := tk.e.objectives(nil)
	for i, o := range p.Objectives {
		dir := o.Direction
		if dir == "" {
			dir = plan.AtLeast
		}
		ot := ObjectiveTracking{ID: o.ID, Metric: o.Metric, Target: o.Target, Direction: dir}
		dm, _ := tk.e.deadlineMonth(o)
		mask := make([]bool, tk.e.n)
		any := false
		for _, m := range ev.Months {
			if m <= dm {
				mask[m-1], any = true, true
			}
		}
		if spec, ok := SpecOf(o.Metric); ok && any {
			ot.SoFar = spec.Get(tk.actualFigures(-1, mask))
			ot.SoFarUnknown = spendFigure[spec.Name] && tk.spendUnknown(-1, mask)
			ot.PlanSoFar = spec.Get(tk.e.figuresOver(mask))
			better := "at_least"
			if dir == plan.AtMost {
				better = "at_most"
			}
			ot.Status = status(ot.SoFar, ot.PlanSoFar, better)
		}
		if i < len(base) {
			ot.Plan, ot.PlanMet = base[i].Value, base[i].Met
		}
		if i < len(rf.Objectives) {
			ot.Forecast, ot.ForecastMet = rf.Objectives[i].Value, rf.Objectives[i].Met
			ot.ForecastUnknown = i < len(rf.objectiveUnknown) && rf.objectiveUnknown[i]
		}
		t.Objectives = append(t.Objectives, ot)
	}
	t.Engagement = tk.engagementOf(p, weights)
	t.Dashboard = dashboard(p, t, tk)
	return t, nil
}

// tracker holds the base run of a plan and its actual rows by channel and
// month.
type tracker struct {
	p    plan.Plan
	lib  plan.Library
	e    *engine
	grid [][]parts // channel × month: the actual rows' parts
	seen [][]bool  // channel × month: a row was given
	// unknown is channel × month: the row's spend is unknown (u).
	unknown [][]bool
	// opens is channel × month: the row's opens (email, sms), undefined
	// when the row does not give them.
	opens [][]decimal.NullDecimal
	u     Unknowns
	idx   map[string]int
}

func newTracker(p plan.Plan, lib plan.Library) *tracker {
	biz, ins, _ := scenarioInputs(p, BaseScenario)
	e := newEngine(p, biz, ins)
	tk := &tracker{p: p, lib: lib, e: e, idx: map[string]int{}, u: UnknownsOf(p)}
	nc := len(e.chans)
	tk.grid, tk.seen, tk.unknown, tk.opens = make([][]parts, nc), make([][]bool, nc), make([][]bool, nc), make([][]decimal.NullDecimal, nc)
	for i := range e.chans {
		tk.idx[e.chans[i].in.ch.ID] = i
		tk.grid[i] = make([]parts, e.n)
		tk.seen[i] = make([]bool, e.n)
		tk.unknown[i] = make([]bool, e.n)
		tk.opens[i] = make([]decimal.NullDecimal, e.n)
	}
	for _, a := range p.Actuals {
		i, ok := tk.idx[a.Channel]
		if !ok || a.Month < 1 || a.Month > e.n {
			continue
		}
		tk.grid[i][a.Month-1].add(e.actualParts(a))
		tk.seen[i][a.Month-1] = true
		tk.unknown[i][a.Month-1] = tk.unknown[i][a.Month-1] || a.SpendUnknown
		tk.opens[i][a.Month-1] = addN(tk.opens[i][a.Month-1], a.Opens)
	}
	return tk
}

// spendUnknown reports whether a row of channel ch (-1: every channel)
// in the months of mask has an unknown spend (the Unknowns rule).
func (tk *tracker) spendUnknown(ch int, mask []bool) bool {
	for i := range tk.unknown {
		if ch >= 0 && i != ch {
			continue
		}
		for m, in := range mask {
			if in && tk.unknown[i][m] {
				return true
			}
		}
	}
	return false
}

func (tk *tracker) monthMask(m int) []bool {
	mask := make([]bool, tk.e.n)
	mask[m-1] = true
	return mask
}

// actualParts sums the actual rows of channel ch (-1: every channel) in
// the months of mask.
func (tk *tracker) actualParts(ch int, mask []bool) parts {
	var pt parts
	for i := range tk.grid {
		if ch >= 0 && i != ch {
			continue
		}
		for m, in := range mask {
			if in && tk.seen[i][m] {
				pt.add(tk.grid[i][m])
			}
		}
	}
	return pt
}

// actualFigures derives the figures of the actual rows of channel ch (-1:
// all) in the months of mask, as Evaluate derives them.
func (tk *tracker) actualFigures(ch int, mask []bool) Figures {
	budget := decimal.NullDecimal{}
	if ch < 0 {
		budget = valid(tk.p.Info.Budget)
	}
	var months []int
	var cost, gm []decimal.Decimal
	for m, in := range mask {
		if !in {
			continue
		}
		var c, g decimal.Decimal
		for i := range tk.grid {
			if (ch >= 0 && i != ch) || !tk.seen[i][m] {
				continue
			}
			c = c.Add(tk.grid[i][m].cost)
			g = g.Add(tk.grid[i][m].revenue.Sub(tk.grid[i][m].cogs))
		}
		months, cost, gm = append(months, m+1), append(cost, c), append(gm, g)
	}
	f := derive(tk.actualParts(ch, mask), tk.e.clv, budget, paybackMonth(months, cost, gm))
	if tk.spendUnknown(ch, mask) {
		forgetSpend(&f)
	}
	return f
}

// planChannelFigures derives channel i's planned figures over mask.
func (tk *tracker) planChannelFigures(i int, mask []bool) Figures {
	c := &tk.e.chans[i]
	var months []int
	var cost, gm []decimal.Decimal
	for m, in := range mask {
		if in {
			months, cost, gm = append(months, m+1), append(cost, c.cost[m]), append(gm, c.rev[m].Sub(c.cogs[m]))
		}
	}
	return derive(c.parts(mask), tk.e.clv, decimal.NullDecimal{}, paybackMonth(months, cost, gm))
}

// status compares a with p: better is "at_least" (higher is better),
// "at_most" (lower is better) or "" (no better side).
func status(a, p decimal.NullDecimal, better string) Status {
	if !a.Valid || !p.Valid || p.Decimal.IsZero() || better == "" {
		return StatusNone
	}
	r := a.Decimal.Sub(p.Decimal).DivRound(p.Decimal.Abs(), Precision)
	if better == "at_most" {
		r = r.Neg()
	}
	switch {
	case r.GreaterThan(TrackingTolerance):
		return StatusAhead
	case r.LessThan(TrackingTolerance.Neg()):
		return StatusBehind
	}
	return StatusOnTrack
}

// betterOf is the better side of a figure for status.
func betterOf(name string) string {
	switch {
	case neutralFigure[name]:
		return ""
	case lowerIsBetter[name]:
		return "at_most"
	}
	return "at_least"
}

// compare builds the Comparisons of TrackedFigures for a channel of kind
// (or the totals, kind "") in the plan's sector; spendUnknown says the
// actual rows compared include one whose spend is unknown (a, already
// without its SpendFigures, then marks them Unknown). leads is left out
// of a b2c plan (undefined there).
func (tk *tracker) compare(kind plan.Kind, a, p Figures, sector string, spendUnknown bool) []Comparison {
	var out []Comparison
	for _, name := range TrackedFigures {
		if name == "leads" && tk.p.Business.Model != plan.B2B {
			continue
		}
		spec, _ := SpecOf(name)
		c := Comparison{Name: name, Unit: spec.Unit, Actual: spec.Get(a), Plan: spec.Get(p),
			Unknown: spendUnknown && spendFigure[name]}
		if name == "ctr" && (kind == plan.Email || kind == plan.SMS) {
			c.Name = "click_rate"
		}
		if c.Actual.Valid && c.Plan.Valid {
			c.Variance = valid(c.Actual.Decimal.Sub(c.Plan.Decimal))
		}
		c.VariancePct = VariancePct(c.Actual, c.Plan)
		c.Status = status(c.Actual, c.Plan, betterOf(name))
		tk.flag(&c, kind, sector)
		out = append(out, c)
	}
	return out
}

// flag sets c's benchmark and flag: cpa against the break-even CPA (CLV),
// the other figures against the library's Min/Max for the kind, sector and
// metric (the channel KPI's name: click_rate for email).
func (tk *tracker) flag(c *Comparison, kind plan.Kind, sector string) {
	if !c.Actual.Valid {
		return
	}
	v := c.Actual.Decimal
	if c.Name == "cpa" {
		c.Benchmark = valid(tk.e.clv)
		c.BenchmarkFlag = "ok"
		if v.GreaterThan(tk.e.clv) {
			c.BenchmarkFlag = "above"
		}
		lever := findLever(tk.lib, LeverCPAAboveCLV)
		c.BenchmarkSource = lever.Source
		return
	}
	switch c.Name {
	case "ctr", "click_rate", "conversion_rate", "roi", "romi", "cpc", "cpm":
	default:
		return
	}
	b, ok := findBenchmark(tk.lib, kind, sector, c.Name)
	if !ok || (!b.Min.Valid && !b.Max.Valid) {
		return
	}
	c.BenchmarkSource = sourceOf(b.Source, b.Year)
	c.BenchmarkFlag = "ok"
	switch {
	case b.Min.Valid && v.LessThan(b.Min.Decimal):
		c.Benchmark, c.BenchmarkFlag = b.Min, "below"
	case b.Max.Valid && v.GreaterThan(b.Max.Decimal):
		c.Benchmark, c.BenchmarkFlag = b.Max, "above"
	case b.Min.Valid:
		c.Benchmark = b.Min
	default:
		c.Benchmark = b.Max
	}
}

// FindComparison returns the comparison named name in cs, and whether it is there.
func FindComparison(cs []Comparison, name string) (Comparison, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c, true
		}
	}
	return Comparison{}, false
}

// VariancePct is (actual − plan) / |plan|, a fraction (0.12 is +12 %):
// how far actual is from plan, relative to plan. It is undefined when
// either is undefined or plan is zero.
func VariancePct(actual, planned decimal.NullDecimal) decimal.NullDecimal {
	if !actual.Valid || !planned.Valid || planned.Decimal.IsZero() {
		return decimal.NullDecimal{}
	}
	return valid(actual.Decimal.Sub(planned.Decimal).DivRound(planned.Decimal.Abs(), Precision))
}
