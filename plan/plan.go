// Package plan defines what a campaign plan is: its types, the TOML plan
// file (format 1, see FORMAT.md) with strict decoding and positioned errors,
// validation, defaults, the benchmark library and the embedded example plans.
//
// Plans are values: an edit makes a new Plan (use Clone before mutating a
// copy that shares slices). Money and rates are decimal.Decimal, never
// float64. Rates are fractions: 0.22 means 22 %.
//
// The package never imports fyne.io: it is shared by the command line, the
// desktop app and the PDF report.
package plan

import (
	"github.com/shopspring/decimal"
)

// FormatVersion is the plan file format this package reads and writes.
const FormatVersion = 1

// MaxFileSize is the largest plan file Decode accepts, in bytes (10 MB).
const MaxFileSize = 10 << 20

// Plan is a whole campaign plan: the [plan] table (Info), the business
// economics, the b2b funnel, SMART objectives, the channel mix, scenarios,
// Monte Carlo settings, the tracking settings and actuals.
type Plan struct {
	// Format is the file format version; always FormatVersion once decoded.
	Format     int
	Info       Info
	Business   Business
	Funnel     Funnel
	Objectives []Objective
	Channels   []Channel
	Scenarios  []Scenario
	Simulation Simulation
	// Tracking is the optional [tracking] table; its zero value means
	// the defaults.
	Tracking Tracking
	Actuals  []Actual
}

// Language is a user-facing language: LangFR or LangEN.
type Language string

// The languages of the plan report, the command line and the app.
const (
	LangFR Language = "fr"
	LangEN Language = "en"
)

// Info is the [plan] table: what the plan is called, who wrote it, when it
// runs and the budget it must stay within.
type Info struct {
	Title    string   // required, at most 200 characters
	Author   string   // optional: consultant, student
	Client   string   // optional
	Student  string   // optional, at most 200 characters: who wrote the plan (exercises)
	Case     string   // optional: a built-in case id, or a case file's path relative to the plan
	Language Language // report language; default LangFR
	Currency string   // ISO 4217 code; default "EUR"
	Start    Date     // first day of month 1; required
	Months   int      // plan length in months, 1..60
	Budget   decimal.Decimal
	Context  string // free text: market analysis, target, partnerships
}

// Model is the business model: B2C (conversions are customers) or B2B
// (conversions are leads that go through the Funnel).
type Model string

// The two business models.
const (
	B2C Model = "b2c"
	B2B Model = "b2b"
)

// Sectors lists the sector keys of FORMAT.md (used to pick benchmarks).
var Sectors = []string{"software", "financial-services", "ecommerce", "manufacturing",
	"local-retail", "food-service", "services", "other"}

// Business is the [business] table: the economics of one customer.
type Business struct {
	Name               string          // required
	Sector             string          // optional, one of Sectors
	Model              Model           // default B2C
	AverageOrder       decimal.Decimal // money per order, > 0
	GrossMargin        decimal.Decimal // fraction of revenue, 0..1
	FirstOrderDiscount decimal.Decimal // fraction, 0..1; default 0
	OrdersPerMonth     decimal.Decimal // repeat orders per retained customer per month, ≥ 0; default 0
	MonthlyRetention   decimal.Decimal // fraction of customers kept each month, 0..1; default 0
	AnnualDiscountRate decimal.Decimal // fraction per year for CLV, 0..1; default 0.10
	CLVMonths          int             // CLV horizon in months, 0..120; default 36
}

// Funnel is the [funnel] table: the b2b conversion rates from lead to
// customer (fractions, 0..1). Unused in b2c.
type Funnel struct {
	LeadToMQL     decimal.Decimal
	MQLToSQL      decimal.Decimal
	SQLToCustomer decimal.Decimal
}

// Direction says whether an objective's target is a floor or a ceiling.
type Direction string

// The two directions of an objective.
const (
	AtLeast Direction = "at_least"
	AtMost  Direction = "at_most"
)

// Purposes lists the objective purposes of seed 004's objective → channel matrix.
var Purposes = []string{"awareness", "engagement", "leads", "conversion", "loyalty"}

// Objective is one SMART objective: a metric of the results, a target, a
// direction and a deadline.
type Objective struct {
	ID        string          // unique, [a-z0-9-]
	Metric    string          // a figure or stage name of MODEL.md (see Metrics)
	Target    decimal.Decimal // in the metric's unit (money, fraction, count)
	Direction Direction       // default AtLeast
	Deadline  Date            // zero means none (not time-bound)
	Purpose   string          // optional, one of Purposes
	Statement string          // the sentence a person wrote
}

// Kind is a channel kind of MODEL.md's table.
type Kind string

// The channel kinds.
const (
	Email         Kind = "email"
	SMS           Kind = "sms"
	Search        Kind = "search"
	Display       Kind = "display"
	SocialAds     Kind = "social_ads"
	SocialOrganic Kind = "social_organic"
	Influencer    Kind = "influencer"
	SEO           Kind = "seo"
	Content       Kind = "content"
	Print         Kind = "print"
	Event         Kind = "event"
	Partnership   Kind = "partnership"
	Affiliate     Kind = "affiliate"
)

// Kinds lists every channel kind in display order.
var Kinds = []Kind{Email, SMS, Search, Display, SocialAds, SocialOrganic, Influencer,
	SEO, Content, Print, Event, Partnership, Affiliate}

// IsPaid reports whether the kind's budget is a decision for the optimiser
// (search, display, social_ads).
func (k Kind) IsPaid() bool { return k == Search || k == Display || k == SocialAds }

// Range is a [low, high] interval around a plan value, for Monte Carlo and
// sensitivity. Low ≤ value ≤ High.
type Range struct {
	Input string // the channel key it ranges over, e.g. "open_rate"
	Low   decimal.Decimal
	High  decimal.Decimal
}

// Channel is one action of the channel mix. Kind says which of the
// kind-specific fields are meaningful (FORMAT.md's table); the others are
// zero. Rates are fractions; money is in the plan's currency for the whole
// channel over the plan (not per month) unless said otherwise.
type Channel struct {
	ID    string // unique, [a-z0-9-]
	Name  string
	Kind  Kind
	Owner string // who runs it
	// Campaigns are the names of this channel's campaigns in the reports
	// people export (Google Ads and Meta campaigns, Mailchimp titles), as
	// patterns: `*` matches any run of characters, compared without case,
	// spaces at the ends trimmed (MatchCampaign). The channel's id and
	// name always match, as does a name that starts with "[id]". Optional.
	Campaigns    []string
	ActiveMonths []int // 1-based plan months; empty means every month
	FixedCost    decimal.Decimal
	// ConversionRate turns interactions into conversions (customers in b2c,
	// leads in b2b). Required for every kind.
	ConversionRate decimal.Decimal
	Ranges         []Range // optional uncertainty ranges, sorted by Input

	// b2b overrides of the plan's Funnel; invalid (unset) means "use the plan's".
	LeadToMQL     decimal.NullDecimal
	MQLToSQL      decimal.NullDecimal
	SQLToCustomer decimal.NullDecimal

	// email, sms
	ListSize        int64 // people on the list before the first send
	Sends           int   // default 1
	CostPerMessage  decimal.Decimal
	BounceRate      decimal.Decimal
	OpenRate        decimal.Decimal
	ClickRate       decimal.Decimal // clicks per delivered message
	UnsubscribeRate decimal.Decimal

	// search, display, social_ads
	Budget    decimal.Decimal     // media spend over the plan
	CPC       decimal.Decimal     // search: cost per click
	CPM       decimal.Decimal     // display, social_ads: cost per 1000 impressions
	CTR       decimal.NullDecimal // optional for search; required for display, social_ads, social_organic, influencer
	MaxClicks decimal.NullDecimal // search: cap on clicks; unset means no cap
	Audience  decimal.NullDecimal // cap on exposures (people reachable); unset means no cap
	MinBudget decimal.Decimal     // optimiser bound; default 0
	MaxBudget decimal.NullDecimal // optimiser bound; unset means none
	Locked    bool                // optimiser leaves this channel's budget as written

	// social_organic, influencer
	Followers decimal.Decimal
	ReachRate decimal.Decimal
	Posts     int // default 1

	// seo, content
	VisitsPerMonth decimal.Decimal
	RampMonths     int // default 1

	// print
	Units        int64
	CostPerUnit  decimal.Decimal
	ReachPerUnit decimal.Decimal
	ResponseRate decimal.Decimal // print, event, partnership

	// event, partnership
	Contacts decimal.Decimal

	// affiliate
	Clicks            decimal.Decimal
	CommissionPerSale decimal.NullDecimal
	CommissionRate    decimal.NullDecimal // fraction of first-order revenue
}

// Factor multiplies one named input (a channel key such as "ctr", or a
// business key such as "average_order") in a scenario.
type Factor struct {
	Input  string
	Factor decimal.Decimal // > 0
}

// ChannelFactors are a scenario's factors for one channel.
type ChannelFactors struct {
	ID      string // channel id
	Factors []Factor
}

// Scenario multiplies named inputs by factors, for every channel (Factors)
// or for one (Channels). The base scenario is the plan as written.
type Scenario struct {
	Name     string
	Factors  []Factor
	Channels []ChannelFactors
}

// Simulation is the [simulation] table: Monte Carlo settings.
type Simulation struct {
	Runs int   // default 10000
	Seed int64 // default 1
}

// The KPIs of the multichannel engagement score (simulate.Engagement).
const (
	KPIOpenRate     = "open_rate"
	KPIClickRate    = "click_rate"
	KPICTR          = "ctr"
	KPIResponseRate = "response_rate"
)

// EngagementKPIs lists the KPIs the engagement score knows, in display
// order: the keys [tracking] engagement_weights may take.
var EngagementKPIs = []string{KPIOpenRate, KPIClickRate, KPICTR, KPIResponseRate}

// EngagementWeight is the weight of one engagement KPI in the engagement
// score: a decimal ≥ 0 (only the ratios between the weights count).
type EngagementWeight struct {
	KPI    string // one of EngagementKPIs
	Weight decimal.Decimal
}

// Tracking is the optional [tracking] table: settings for comparing the
// actuals with the plan.
type Tracking struct {
	// EngagementWeights are the plan's own weights of the engagement
	// score, sorted by KPI, each KPI at most once; a KPI left out weighs
	// 0. Empty means the defaults (simulate.DefaultEngagementWeights).
	// When set, at least one weight is above 0.
	EngagementWeights []EngagementWeight
	// KPIs are the figures the plan will follow (names the engine
	// computes: MODEL.md's figures and channel KPIs), 1..10 of them when
	// set; empty means none chosen. plan checks their number and shape
	// only: which names exist is simulate's to say.
	KPIs []string
	// Tools are free text (at most 20 entries): how the actuals are
	// measured ("Mailchimp", "Code coupon par canal en caisse").
	Tools []string
	// IgnoreCampaigns are patterns (as Channel.Campaigns) of report rows
	// to leave out on import: an ignored campaign is not an error, even
	// when it also matches a channel.
	IgnoreCampaigns []string
}

// Actual is what really happened for one channel in one plan month.
// Spend is everything the channel cost that month, fixed costs included.
// Unset optional figures are unknown, not zero.
type Actual struct {
	Channel string // channel id
	Month   int    // 1-based plan month
	Spend   decimal.Decimal
	// SpendUnknown says that no source of this row knew what it cost (a
	// Mailchimp export has no cost column): Spend is then 0 and means
	// "unknown", not "free". Key spend_unknown; default false.
	SpendUnknown bool
	Exposures    decimal.NullDecimal
	Interactions decimal.NullDecimal
	// Opens are the unique opens of an email channel's sends (Mailchimp's
	// Unique Opens); unset means unknown.
	Opens     decimal.NullDecimal
	Leads     decimal.NullDecimal
	Customers decimal.Decimal
	Revenue   decimal.Decimal
	// COGS is the cost of goods sold; unset means revenue × (1 − gross margin).
	COGS decimal.NullDecimal
}

// Channel returns the channel with the given id, and whether it exists.
func (p Plan) Channel(id string) (Channel, bool) {
	for _, c := range p.Channels {
		if c.ID == id {
			return c, true
		}
	}
	return Channel{}, false
}

// Clone returns a deep copy of p: no slice is shared with p, so the copy
// may be edited freely (the app's undo stack keeps values made this way).
func (p Plan) Clone() Plan {
	q := p
	q.Objectives = append([]Objective(nil), p.Objectives...)
	q.Channels = make([]Channel, len(p.Channels))
	for i, c := range p.Channels {
		c.ActiveMonths = append([]int(nil), c.ActiveMonths...)
		c.Ranges = append([]Range(nil), c.Ranges...)
		c.Campaigns = append([]string(nil), c.Campaigns...)
		q.Channels[i] = c
	}
	if p.Channels == nil {
		q.Channels = nil
	}
	q.Scenarios = make([]Scenario, len(p.Scenarios))
	for i, s := range p.Scenarios {
		s.Factors = append([]Factor(nil), s.Factors...)
		cf := make([]ChannelFactors, len(s.Channels))
		for j, c := range s.Channels {
			c.Factors = append([]Factor(nil), c.Factors...)
			cf[j] = c
		}
		if s.Channels == nil {
			cf = nil
		}
		s.Channels = cf
		q.Scenarios[i] = s
	}
	if p.Scenarios == nil {
		q.Scenarios = nil
	}
	q.Tracking.EngagementWeights = append([]EngagementWeight(nil), p.Tracking.EngagementWeights...)
	q.Tracking.KPIs = append([]string(nil), p.Tracking.KPIs...)
	q.Tracking.Tools = append([]string(nil), p.Tracking.Tools...)
	q.Tracking.IgnoreCampaigns = append([]string(nil), p.Tracking.IgnoreCampaigns...)
	q.Actuals = append([]Actual(nil), p.Actuals...)
	return q
}

// IsActive reports whether the channel runs in plan month m (1-based) of a
// plan of n months.
func (c Channel) IsActive(m, n int) bool {
	if m < 1 || m > n {
		return false
	}
	if len(c.ActiveMonths) == 0 {
		return true
	}
	for _, a := range c.ActiveMonths {
		if a == m {
			return true
		}
	}
	return false
}

// Range returns the uncertainty range declared for input, if any.
func (c Channel) Range(input string) (Range, bool) {
	for _, r := range c.Ranges {
		if r.Input == input {
			return r, true
		}
	}
	return Range{}, false
}
