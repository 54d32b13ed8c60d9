package plan

import (
	"slices"

	"github.com/shopspring/decimal"
)

// vtype is the TOML shape a key takes.
type vtype int

const (
	tDecimal     vtype = iota // decimal.Decimal: quoted decimal string or TOML integer
	tNullDecimal              // decimal.NullDecimal: same, unset when absent
	tInt                      // int: TOML integer
	tInt64                    // int64: TOML integer
	tBool                     // bool
	tString                   // string or a string type (Language, Model, …)
	tDate                     // Date: TOML local date
	tStrings                  // []string: TOML array of strings
)

// bounds is the interval a number must lie in.
type bounds struct {
	lo, hi decimal.Decimal
	loOpen bool // lo itself is excluded
	desc   Msg  // how msgOutOfRange tells what to write
}

func (b *bounds) contains(v decimal.Decimal) bool {
	if b.loOpen && v.Cmp(b.lo) <= 0 || v.Cmp(b.lo) < 0 {
		return false
	}
	return v.Cmp(b.hi) <= 0
}

var (
	maxAmount = decimal.New(1, 12)

	bRate     = &bounds{lo: decimal.Zero, hi: decimal.NewFromInt(1), desc: NewMsg(descRate)}
	bRatePos  = &bounds{lo: decimal.Zero, hi: decimal.NewFromInt(1), loOpen: true, desc: NewMsg(descRatePos)}
	bMoney    = &bounds{lo: decimal.Zero, hi: maxAmount, desc: NewMsg(descMoney)}
	bMoneyPos = &bounds{lo: decimal.Zero, hi: maxAmount, loOpen: true, desc: NewMsg(descMoneyPos)}
	bCount    = &bounds{lo: decimal.Zero, hi: maxAmount, desc: NewMsg(descCount)}
	bCountPos = &bounds{lo: decimal.Zero, hi: maxAmount, loOpen: true, desc: NewMsg(descCountPos)}
	bTarget   = &bounds{lo: maxAmount.Neg(), hi: maxAmount, desc: NewMsg(descTarget)}
	bOrders   = &bounds{lo: decimal.Zero, hi: decimal.NewFromInt(1000), desc: NewMsg(descOrders)}
	bReach    = &bounds{lo: decimal.Zero, hi: decimal.NewFromInt(1_000_000), desc: NewMsg(descReach)}
	bFactor   = &bounds{lo: decimal.Zero, hi: decimal.NewFromInt(100), loOpen: true, desc: NewMsg(descFactor)}
	bWeight   = &bounds{lo: decimal.Zero, hi: decimal.NewFromInt(1000), desc: NewMsg(descWeight)}
)

// whole returns the bounds lo..hi for a whole number.
func whole(lo, hi int64) *bounds {
	return &bounds{lo: decimal.NewFromInt(lo), hi: decimal.NewFromInt(hi), desc: msgf(descWholeFrom, lo, hi)}
}

// spec describes one key of a table of the plan file: its TOML shape,
// whether it is required, its default, its range and the field of T it
// fills.
type spec[T any] struct {
	key string
	typ vtype
	req bool
	// unless names a boolean key of the same table that, when true, makes
	// a required key optional (spend is not required when spend_unknown =
	// true: a report without a cost column cannot say it).
	unless string
	def    string  // default when absent, as a decimal, integer or string; "" for none
	b      *bounds // range of a number; nil for none
	ex     string  // an example value as written in TOML, for messages
	count  bool    // a decimal count: Encode writes it as a TOML integer when whole
	omit   bool    // Encode leaves the key out at its zero value
	kinds  []Kind  // channels: the kinds taking the key; nil means every kind
	b2b    bool    // channels: a funnel override, b2b plans only
	field  func(*T) any
}

// takes reports whether a channel of kind k takes the key.
func (s spec[T]) takes(k Kind) bool { return s.kinds == nil || slices.Contains(s.kinds, k) }

var infoSpecs = []spec[Info]{
	{key: "title", typ: tString, req: true, ex: `"Acquérir 200 nouveaux clients"`, field: func(v *Info) any { return &v.Title }},
	{key: "author", typ: tString, omit: true, ex: `"Camille Martin"`, field: func(v *Info) any { return &v.Author }},
	{key: "client", typ: tString, omit: true, ex: `"Boulangerie Dupont"`, field: func(v *Info) any { return &v.Client }},
	{key: "language", typ: tString, def: "fr", ex: `"fr"`, field: func(v *Info) any { return &v.Language }},
	{key: "currency", typ: tString, def: "EUR", ex: `"EUR"`, field: func(v *Info) any { return &v.Currency }},
	{key: "start", typ: tDate, req: true, ex: "2027-01-04", field: func(v *Info) any { return &v.Start }},
	{key: "months", typ: tInt, req: true, b: whole(1, 60), ex: "3", field: func(v *Info) any { return &v.Months }},
	{key: "budget", typ: tDecimal, req: true, b: bMoney, ex: `"5000"`, field: func(v *Info) any { return &v.Budget }},
	{key: "context", typ: tString, omit: true, ex: `"…"`, field: func(v *Info) any { return &v.Context }},
	{key: "student", typ: tString, omit: true, ex: `"Camille Martin"`, field: func(v *Info) any { return &v.Student }},
	{key: "case", typ: tString, omit: true, ex: `"bakery"`, field: func(v *Info) any { return &v.Case }},
}

var businessSpecs = []spec[Business]{
	{key: "name", typ: tString, req: true, ex: `"Boulangerie Dupont"`, field: func(v *Business) any { return &v.Name }},
	{key: "sector", typ: tString, omit: true, ex: `"local-retail"`, field: func(v *Business) any { return &v.Sector }},
	{key: "model", typ: tString, def: "b2c", ex: `"b2c"`, field: func(v *Business) any { return &v.Model }},
	{key: "average_order", typ: tDecimal, req: true, b: bMoneyPos, ex: `"12.50"`, field: func(v *Business) any { return &v.AverageOrder }},
	{key: "gross_margin", typ: tDecimal, req: true, b: bRate, ex: `"0.65"`, field: func(v *Business) any { return &v.GrossMargin }},
	{key: "first_order_discount", typ: tDecimal, def: "0", b: bRate, ex: `"0.20"`, field: func(v *Business) any { return &v.FirstOrderDiscount }},
	{key: "orders_per_month", typ: tDecimal, def: "0", b: bOrders, ex: `"1"`, field: func(v *Business) any { return &v.OrdersPerMonth }},
	{key: "monthly_retention", typ: tDecimal, def: "0", b: bRate, ex: `"0.85"`, field: func(v *Business) any { return &v.MonthlyRetention }},
	{key: "annual_discount_rate", typ: tDecimal, def: "0.10", b: bRate, ex: `"0.10"`, field: func(v *Business) any { return &v.AnnualDiscountRate }},
	{key: "clv_months", typ: tInt, def: "36", b: whole(0, 120), ex: "36", field: func(v *Business) any { return &v.CLVMonths }},
}

var funnelSpecs = []spec[Funnel]{
	{key: "lead_to_mql", typ: tDecimal, req: true, b: bRate, ex: `"0.15"`, field: func(v *Funnel) any { return &v.LeadToMQL }},
	{key: "mql_to_sql", typ: tDecimal, req: true, b: bRate, ex: `"0.40"`, field: func(v *Funnel) any { return &v.MQLToSQL }},
	{key: "sql_to_customer", typ: tDecimal, req: true, b: bRate, ex: `"0.30"`, field: func(v *Funnel) any { return &v.SQLToCustomer }},
}

var objectiveSpecs = []spec[Objective]{
	{key: "id", typ: tString, req: true, ex: `"new-customers"`, field: func(v *Objective) any { return &v.ID }},
	{key: "metric", typ: tString, req: true, ex: `"customers"`, field: func(v *Objective) any { return &v.Metric }},
	{key: "target", typ: tDecimal, req: true, b: bTarget, ex: `"200"`, field: func(v *Objective) any { return &v.Target }},
	{key: "direction", typ: tString, def: "at_least", ex: `"at_least"`, field: func(v *Objective) any { return &v.Direction }},
	{key: "deadline", typ: tDate, omit: true, ex: "2027-04-03", field: func(v *Objective) any { return &v.Deadline }},
	{key: "purpose", typ: tString, omit: true, ex: `"conversion"`, field: func(v *Objective) any { return &v.Purpose }},
	{key: "statement", typ: tString, omit: true, ex: `"Acquérir 200 nouveaux clients d'ici avril"`, field: func(v *Objective) any { return &v.Statement }},
}

var (
	emailKinds  = []Kind{Email, SMS}
	paidKinds   = []Kind{Search, Display, SocialAds}
	adKinds     = []Kind{Display, SocialAds}
	socialKinds = []Kind{SocialOrganic, Influencer}
	seoKinds    = []Kind{SEO, Content}
	eventKinds  = []Kind{Event, Partnership}
	ctrKinds    = []Kind{Display, SocialAds, SocialOrganic, Influencer}
	audKinds    = []Kind{Display, SocialAds, SocialOrganic, Influencer, Print}
)

// decisionKinds may carry the optimiser's bounds (min_budget, max_budget,
// locked): the paid kinds and print (MODEL.md "Optimiser and goal seek").
var decisionKinds = []Kind{Search, Display, SocialAds, Print}

// channelHead are the keys a channel starts with; active_months follows
// them, then channelBody, then ranges.
var channelHead = []spec[Channel]{
	{key: "id", typ: tString, req: true, ex: `"mailing"`, field: func(v *Channel) any { return &v.ID }},
	{key: "name", typ: tString, req: true, ex: `"Mailing familles"`, field: func(v *Channel) any { return &v.Name }},
	{key: "kind", typ: tString, req: true, ex: `"email"`, field: func(v *Channel) any { return &v.Kind }},
	{key: "owner", typ: tString, omit: true, ex: `"Gérante"`, field: func(v *Channel) any { return &v.Owner }},
	{key: "campaigns", typ: tStrings, omit: true, ex: `["Marque - Recherche", "Générique*"]`, field: func(v *Channel) any { return &v.Campaigns }},
}

// channelBody are the value keys of a channel, in the order Encode writes
// them (FORMAT.md's table).
var channelBody = []spec[Channel]{
	{key: "fixed_cost", typ: tDecimal, def: "0", b: bMoney, omit: true, ex: `"450"`, field: func(v *Channel) any { return &v.FixedCost }},

	{key: "list_size", typ: tInt64, req: true, b: whole(0, 1_000_000_000_000), ex: "2500", kinds: emailKinds, field: func(v *Channel) any { return &v.ListSize }},
	{key: "sends", typ: tInt, def: "1", b: whole(1, 1000), ex: "3", kinds: emailKinds, field: func(v *Channel) any { return &v.Sends }},
	{key: "cost_per_message", typ: tDecimal, def: "0", b: bMoney, ex: `"0.001"`, kinds: emailKinds, field: func(v *Channel) any { return &v.CostPerMessage }},
	{key: "bounce_rate", typ: tDecimal, def: "0", b: bRate, ex: `"0.02"`, kinds: emailKinds, field: func(v *Channel) any { return &v.BounceRate }},
	{key: "open_rate", typ: tDecimal, def: "0", b: bRate, ex: `"0.22"`, kinds: emailKinds, field: func(v *Channel) any { return &v.OpenRate }},
	{key: "click_rate", typ: tDecimal, req: true, b: bRate, ex: `"0.03"`, kinds: emailKinds, field: func(v *Channel) any { return &v.ClickRate }},
	{key: "unsubscribe_rate", typ: tDecimal, def: "0", b: bRate, ex: `"0.003"`, kinds: emailKinds, field: func(v *Channel) any { return &v.UnsubscribeRate }},

	{key: "budget", typ: tDecimal, req: true, b: bMoney, ex: `"1800"`, kinds: paidKinds, field: func(v *Channel) any { return &v.Budget }},
	{key: "cpc", typ: tDecimal, req: true, b: bMoneyPos, ex: `"0.80"`, kinds: []Kind{Search}, field: func(v *Channel) any { return &v.CPC }},
	{key: "cpm", typ: tDecimal, req: true, b: bMoneyPos, ex: `"3.50"`, kinds: adKinds, field: func(v *Channel) any { return &v.CPM }},
	{key: "followers", typ: tDecimal, req: true, b: bCount, count: true, ex: "1200", kinds: socialKinds, field: func(v *Channel) any { return &v.Followers }},
	{key: "reach_rate", typ: tDecimal, req: true, b: bRate, ex: `"0.10"`, kinds: socialKinds, field: func(v *Channel) any { return &v.ReachRate }},
	{key: "posts", typ: tInt, def: "1", b: whole(1, 10000), ex: "8", kinds: socialKinds, field: func(v *Channel) any { return &v.Posts }},
	{key: "ctr", typ: tNullDecimal, b: bRatePos, ex: `"0.0317"`, kinds: []Kind{Search}, field: func(v *Channel) any { return &v.CTR }},
	{key: "ctr", typ: tNullDecimal, req: true, b: bRate, ex: `"0.0046"`, kinds: ctrKinds, field: func(v *Channel) any { return &v.CTR }},
	{key: "max_clicks", typ: tNullDecimal, b: bCountPos, count: true, ex: "5000", kinds: []Kind{Search}, field: func(v *Channel) any { return &v.MaxClicks }},

	{key: "visits_per_month", typ: tDecimal, req: true, b: bCount, count: true, ex: "800", kinds: seoKinds, field: func(v *Channel) any { return &v.VisitsPerMonth }},
	{key: "ramp_months", typ: tInt, def: "1", b: whole(1, 60), ex: "3", kinds: seoKinds, field: func(v *Channel) any { return &v.RampMonths }},

	{key: "units", typ: tInt64, req: true, b: whole(0, 1_000_000_000_000), ex: "5000", kinds: []Kind{Print}, field: func(v *Channel) any { return &v.Units }},
	{key: "cost_per_unit", typ: tDecimal, def: "0", b: bMoney, ex: `"0.05"`, kinds: []Kind{Print}, field: func(v *Channel) any { return &v.CostPerUnit }},
	{key: "reach_per_unit", typ: tDecimal, req: true, b: bReach, ex: `"1.5"`, kinds: []Kind{Print}, field: func(v *Channel) any { return &v.ReachPerUnit }},
	{key: "contacts", typ: tDecimal, req: true, b: bCount, count: true, ex: "300", kinds: eventKinds, field: func(v *Channel) any { return &v.Contacts }},
	{key: "response_rate", typ: tDecimal, req: true, b: bRate, ex: `"0.02"`, kinds: []Kind{Print, Event, Partnership}, field: func(v *Channel) any { return &v.ResponseRate }},
	{key: "audience", typ: tNullDecimal, b: bCountPos, count: true, ex: "45000", kinds: audKinds, field: func(v *Channel) any { return &v.Audience }},

	{key: "clicks", typ: tDecimal, req: true, b: bCount, count: true, ex: "1000", kinds: []Kind{Affiliate}, field: func(v *Channel) any { return &v.Clicks }},
	{key: "commission_per_sale", typ: tNullDecimal, b: bMoney, ex: `"5"`, kinds: []Kind{Affiliate}, field: func(v *Channel) any { return &v.CommissionPerSale }},
	{key: "commission_rate", typ: tNullDecimal, b: bRate, ex: `"0.08"`, kinds: []Kind{Affiliate}, field: func(v *Channel) any { return &v.CommissionRate }},

	{key: "conversion_rate", typ: tDecimal, req: true, b: bRate, ex: `"0.02"`, field: func(v *Channel) any { return &v.ConversionRate }},
	{key: "lead_to_mql", typ: tNullDecimal, b: bRate, b2b: true, ex: `"0.15"`, field: func(v *Channel) any { return &v.LeadToMQL }},
	{key: "mql_to_sql", typ: tNullDecimal, b: bRate, b2b: true, ex: `"0.40"`, field: func(v *Channel) any { return &v.MQLToSQL }},
	{key: "sql_to_customer", typ: tNullDecimal, b: bRate, b2b: true, ex: `"0.30"`, field: func(v *Channel) any { return &v.SQLToCustomer }},

	{key: "min_budget", typ: tDecimal, def: "0", b: bMoney, omit: true, ex: `"500"`, kinds: decisionKinds, field: func(v *Channel) any { return &v.MinBudget }},
	{key: "max_budget", typ: tNullDecimal, b: bMoney, ex: `"3000"`, kinds: decisionKinds, field: func(v *Channel) any { return &v.MaxBudget }},
	{key: "locked", typ: tBool, omit: true, ex: "true", kinds: decisionKinds, field: func(v *Channel) any { return &v.Locked }},
}

var simulationSpecs = []spec[Simulation]{
	{key: "runs", typ: tInt, def: "10000", b: whole(1, 1_000_000), ex: "10000", field: func(v *Simulation) any { return &v.Runs }},
	{key: "seed", typ: tInt64, def: "1", ex: "1", field: func(v *Simulation) any { return &v.Seed }},
}

// trackingSpecs are the keys of the [tracking] table other than
// engagement_weights (an inline table of its own, read by the decoder).
var trackingSpecs = []spec[Tracking]{
	{key: "kpis", typ: tStrings, omit: true, ex: `["customers", "cpa"]`, field: func(v *Tracking) any { return &v.KPIs }},
	{key: "tools", typ: tStrings, omit: true, ex: `["Mailchimp"]`, field: func(v *Tracking) any { return &v.Tools }},
	{key: "ignore_campaigns", typ: tStrings, omit: true, ex: `["Ancienne*"]`, field: func(v *Tracking) any { return &v.IgnoreCampaigns }},
}

// trackingKeys are the keys of the [tracking] table.
var trackingKeys = append([]string{"engagement_weights"}, specKeys(trackingSpecs)...)

// Limits of the list keys (tStrings): how many entries each may hold and
// how many characters an entry may have. kpis also needs at least one.
const (
	maxCampaignPatterns = 100 // campaigns, ignore_campaigns
	maxKPIs             = 10
	maxTools            = 20
	maxListEntry        = 255 // characters: Google Ads allows 255 in a campaign name
)

// listLimit returns the most entries of list key key.
func listLimit(key string) int {
	switch key {
	case "kpis":
		return maxKPIs
	case "tools":
		return maxTools
	}
	return maxCampaignPatterns
}

// weightsExample is an engagement_weights value as written in TOML, for
// messages.
const weightsExample = `{ open_rate = "0.2", click_rate = "0.3", ctr = "0.3", response_rate = "0.2" }`

var actualSpecs = []spec[Actual]{
	{key: "channel", typ: tString, req: true, ex: `"mailing"`, field: func(v *Actual) any { return &v.Channel }},
	{key: "month", typ: tInt, req: true, ex: "1", field: func(v *Actual) any { return &v.Month }},
	{key: "spend", typ: tDecimal, req: true, unless: "spend_unknown", b: bMoney, ex: `"150"`, field: func(v *Actual) any { return &v.Spend }},
	{key: "spend_unknown", typ: tBool, omit: true, ex: "true", field: func(v *Actual) any { return &v.SpendUnknown }},
	{key: "exposures", typ: tNullDecimal, b: bCount, ex: `"2420"`, field: func(v *Actual) any { return &v.Exposures }},
	{key: "interactions", typ: tNullDecimal, b: bCount, ex: `"70"`, field: func(v *Actual) any { return &v.Interactions }},
	{key: "opens", typ: tNullDecimal, b: bCount, ex: `"540"`, field: func(v *Actual) any { return &v.Opens }},
	{key: "leads", typ: tNullDecimal, b: bCount, ex: `"0"`, field: func(v *Actual) any { return &v.Leads }},
	{key: "customers", typ: tDecimal, req: true, b: bCount, ex: `"9"`, field: func(v *Actual) any { return &v.Customers }},
	{key: "revenue", typ: tDecimal, req: true, b: bMoney, ex: `"95.40"`, field: func(v *Actual) any { return &v.Revenue }},
	{key: "cogs", typ: tNullDecimal, b: bMoney, ex: `"38.00"`, field: func(v *Actual) any { return &v.COGS }},
}

// businessFactorKeys are the business inputs a scenario may scale.
var businessFactorKeys = []string{"average_order", "first_order_discount", "gross_margin", "monthly_retention", "orders_per_month"}

// isUncertain reports whether a decimal channel key may carry a range or a
// scenario factor: every decimal key except the optimiser bounds and the
// b2b funnel overrides.
func isUncertain(s spec[Channel]) bool {
	return (s.typ == tDecimal || s.typ == tNullDecimal) && !s.b2b && s.key != "min_budget" && s.key != "max_budget"
}

// channelSpec returns the spec of key for a channel of kind k.
func channelSpec(k Kind, key string) (spec[Channel], bool) {
	for _, s := range channelBody {
		if s.key == key && s.takes(k) {
			return s, true
		}
	}
	return spec[Channel]{}, false
}

// kindKeys returns the keys proper to kind k (not those every channel has).
func kindKeys(k Kind) []string {
	var keys []string
	for _, s := range channelBody {
		if s.kinds != nil && s.takes(k) {
			keys = append(keys, s.key)
		}
	}
	return keys
}

// uncertainKeys returns the keys of a channel of kind k that may carry a
// range or a factor, sorted.
func uncertainKeys(k Kind) []string {
	var keys []string
	for _, s := range channelBody {
		if s.takes(k) && isUncertain(s) {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	return keys
}

// allFactorKeys returns every input a scenario-wide factor may scale, sorted.
func allFactorKeys() []string {
	keys := slices.Clone(businessFactorKeys)
	for _, s := range channelBody {
		if isUncertain(s) && !slices.Contains(keys, s.key) {
			keys = append(keys, s.key)
		}
	}
	slices.Sort(keys)
	return keys
}

// isChannelKey reports whether key is a key of some channel kind.
func isChannelKey(key string) bool {
	if key == "active_months" || key == "ranges" {
		return true
	}
	for _, s := range channelHead {
		if s.key == key {
			return true
		}
	}
	for _, s := range channelBody {
		if s.key == key {
			return true
		}
	}
	return false
}

// validKind reports whether k is one of Kinds.
func validKind(k Kind) bool { return slices.Contains(Kinds, k) }

// article returns "a" or "an" for a channel kind.
func article(k Kind) string {
	switch k {
	case Email, SMS, Event, Influencer, Affiliate, SEO:
		return "an"
	}
	return "a"
}
