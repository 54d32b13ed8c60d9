// Package simulate computes what a plan yields (MODEL.md): the deterministic
// funnel of each channel in exact decimals, the monthly timeline, the
// economics of customers (revenue, margin, CLV), every figure of the results
// table, objectives with their SMART checklist, scenarios, recommendations
// from the benchmark library, warnings, and the evaluation of actuals.
//
// One formula, one place: the command line, the desktop app and the PDF
// read every figure from here. The package never imports fyne.io.
package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// Precision is the number of decimal places kept by every division of the
// deterministic engine (MODEL.md asks for at least 16 significant places).
const Precision = 24

// Figures are the results of MODEL.md's table for a plan, a channel or a
// span of months. Every figure is a NullDecimal: Valid false means
// undefined (a ratio over zero, a lead stage in b2c, a payback that never
// comes). Values are exact; round them only for display (see Spec).
type Figures struct {
	Cost               decimal.NullDecimal // marketing cost, money
	Revenue            decimal.NullDecimal // money
	COGS               decimal.NullDecimal // cost of goods sold, money
	GrossMargin        decimal.NullDecimal // revenue − cogs, money
	NetProfit          decimal.NullDecimal // gross margin − cost, money
	ROI                decimal.NullDecimal // net profit / (cost + cogs), fraction
	ROMI               decimal.NullDecimal // net profit / cost, fraction
	NetMargin          decimal.NullDecimal // net profit / revenue, fraction
	ROAS               decimal.NullDecimal // revenue / cost, a multiple
	CPA                decimal.NullDecimal // cost / customers, money
	CPL                decimal.NullDecimal // cost / leads (b2b), money
	CPC                decimal.NullDecimal // cost / interactions, money
	CPM                decimal.NullDecimal // cost / exposures × 1000, money
	CTR                decimal.NullDecimal // interactions / exposures, fraction
	ConversionRate     decimal.NullDecimal // conversions / interactions, fraction
	BreakEvenCustomers decimal.NullDecimal // cost / gross margin per customer, count
	BreakEvenCPA       decimal.NullDecimal // = CLV, money
	PaybackMonth       decimal.NullDecimal // first month with cumulative margin ≥ cumulative cost
	BudgetLeft         decimal.NullDecimal // plan budget − cost, money (plan totals only)
	Exposures          decimal.NullDecimal // count
	Interactions       decimal.NullDecimal // count
	Conversions        decimal.NullDecimal // count
	Leads              decimal.NullDecimal // count (b2b)
	MQL                decimal.NullDecimal // count (b2b)
	SQL                decimal.NullDecimal // count (b2b)
	Customers          decimal.NullDecimal // count
	CLV                decimal.NullDecimal // customer lifetime value, money per customer
}

// Unit says how a figure is measured, and so how it is rounded and shown.
type Unit int

// The units of figures.
const (
	Money    Unit = iota // rounded to cents; shown in the plan's currency
	Rate                 // a fraction, rounded to 6 places; shown as a percentage
	Count                // expected people, rounded to 2 places; shown whole
	Multiple             // a ratio such as ROAS, 6 places; shown as "×2.35"
	Month                // a plan month number
)

// Spec describes one figure: its JSON/CSV name (MODEL.md's), its unit, and
// how to read it from Figures.
type Spec struct {
	Name string
	Unit Unit
	Get  func(Figures) decimal.NullDecimal
}

// Round rounds v for people as MODEL.md's "edge rounding" says for unit u.
func (u Unit) Round(v decimal.Decimal) decimal.Decimal {
	switch u {
	case Money:
		return v.Round(2)
	case Count:
		return v.Round(2)
	case Month:
		return v.Round(0)
	default:
		return v.Round(6)
	}
}

// Stage is one step of a channel's funnel (e.g. "sent", "delivered",
// "opens", "clicks", "customers"), with its expected count over the plan.
//
// Side is true for a stage beside the main chain (email bounces, opens and
// unsubscribes): the next stage does not come from it, so a funnel chart
// may draw it apart. The main stages never increase from one to the next.
type Stage struct {
	Name  string
	Value decimal.Decimal
	Side  bool
}

// ChannelResult is one channel's figures over the plan, its funnel stages,
// and its cost and customers per plan month (index 0 is month 1).
type ChannelResult struct {
	ID               string
	Name             string
	Kind             plan.Kind
	Figures          Figures
	Stages           []Stage
	MonthlyCost      []decimal.Decimal
	MonthlyCustomers []decimal.Decimal
	// MonthlyRevenue is the revenue booked each month from this channel's
	// customers (first orders and repeats), index 0 is month 1.
	MonthlyRevenue []decimal.Decimal
	// ClickToOpen is clicks / opens for email and sms (MODEL.md asks for it;
	// it is a rate, so it is a field rather than a stage); undefined for the
	// other kinds and when there are no opens.
	ClickToOpen decimal.NullDecimal
	// KPIs are the channel's indicators judged against the benchmark library,
	// in ChannelKPIs order.
	KPIs []KPI
}

// KPI is one of a channel's indicators that the benchmark library judges
// (ChannelKPIs), with the value the engine used: a rate after the
// scenario's factors (the rate the funnel shows), click-to-open and CPA as
// computed. Value is undefined where the channel has none (a search
// channel without ctr).
type KPI struct {
	Name  string
	Value decimal.NullDecimal
}

// MonthResult is one month of the plan's timeline (all channels).
type MonthResult struct {
	Month                 int // 1-based
	Cost                  decimal.Decimal
	Customers             decimal.Decimal // customers acquired this month
	Revenue               decimal.Decimal // first orders and repeat orders booked this month
	COGS                  decimal.Decimal
	GrossMargin           decimal.Decimal
	CumulativeCost        decimal.Decimal
	CumulativeCustomers   decimal.Decimal
	CumulativeGrossMargin decimal.Decimal
}

// Check is one letter of the SMART checklist: whether it holds, and Why —
// what holds when OK, what fails otherwise (codes MsgSmart…; render with
// display.Text). Why is never zero for a checked objective.
type Check struct {
	OK  bool
	Why plan.Msg
}

// Smart is the SMART checklist of one objective.
type Smart struct {
	Specific, Measurable, Achievable, Relevant, TimeBound Check
}

// ObjectiveResult is an objective checked against the results: the
// metric's value cumulated up to the deadline, met or not, and the gap
// (value − target; negative means short of an at_least target).
type ObjectiveResult struct {
	ID        string
	Metric    string
	Target    decimal.Decimal
	Direction plan.Direction
	Value     decimal.NullDecimal
	Met       bool
	Gap       decimal.NullDecimal
	Smart     Smart
}

// Recommendation says that a channel's KPI is off its benchmark and which
// lever of the seeds to pull (Lever.Text gives the lever in a language,
// from the benchmark library).
type Recommendation struct {
	Channel   string // channel id ("" for the whole plan)
	KPI       string // e.g. "open_rate", "cpa"
	Value     decimal.Decimal
	Benchmark decimal.Decimal // the threshold crossed
	Below     bool            // true when Value is below the benchmark's Min
	Lever     plan.Lever
	Source    string // the benchmark's source and year, in French (SourceIn for the reader's language)
	SourceEN  string // the same in English ("" = Source)
}

// Warning is something the user should know about the plan (over budget,
// objective outside the plan, a linear channel with no cap…). Msg tells it
// (render it with display.Text in the reader's language and the plan's
// currency); Code is what tests and programs compare.
type Warning struct {
	Code    string   // stable identifier, e.g. "over_budget"
	Channel string   // channel id, or ""
	Msg     plan.Msg // what to tell the user (codes: messages.go)
}

// Result is everything one scenario of a plan yields.
type Result struct {
	Scenario        string // "base" for the plan as written
	Totals          Figures
	Channels        []ChannelResult
	Months          []MonthResult
	Objectives      []ObjectiveResult
	Recommendations []Recommendation
	Warnings        []Warning
}

// Evaluation compares what happened (actuals) with the plan over the same
// months. Variance is actual − plan, figure by figure (undefined where
// either side is).
type Evaluation struct {
	Months   []int // the plan months that have actuals, ascending
	Actual   Result
	Plan     Result
	Variance Figures
}
