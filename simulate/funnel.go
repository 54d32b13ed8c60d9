package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// The stage names of ChannelResult.Stages, in the user's words.
const (
	StageSent         = "sent"         // email/sms: messages sent, Σ list_i
	StageBounces      = "bounces"      // email/sms: messages not delivered (side stage)
	StageDelivered    = "delivered"    // email/sms: messages delivered (the exposures)
	StageOpens        = "opens"        // email/sms: opens (side stage: clicks come from delivered)
	StageClicks       = "clicks"       // clicks (interactions of email, sms, search, display, social, affiliate)
	StageUnsubscribes = "unsubscribes" // email/sms (side stage)
	StageImpressions  = "impressions"  // search (when ctr is given), display, social_ads
	StageReach        = "reach"        // social_organic, influencer, print: people exposed
	StageVisits       = "visits"       // seo, content
	StageContacts     = "contacts"     // event, partnership
	StageResponses    = "responses"    // print, event, partnership
	StageLeads        = "leads"        // b2b
	StageMQL          = "mql"          // b2b
	StageSQL          = "sql"          // b2b
	StageCustomers    = "customers"    // every channel, last stage
)

// funnel is what one channel yields over the plan, before time and money.
type funnel struct {
	cost         decimal.Decimal // marketing cost, commission included
	exposures    decimal.NullDecimal
	interactions decimal.Decimal
	conversions  decimal.Decimal
	leads        decimal.NullDecimal // b2b
	mql, sql     decimal.NullDecimal // b2b
	customers    decimal.Decimal
	stages       []Stage
	clickToOpen  decimal.NullDecimal // email, sms
	// weights are the relative share of the channel's counts in each of its
	// active months, in order (nil: equal shares).
	weights []decimal.Decimal
}

// runFunnel computes the funnel of one channel active in nActive months
// (nActive ≥ 1) for the business b, following MODEL.md's table.
//
// Every stage is rounded half up to Precision places (rp) as it is
// computed, and the next stage is computed from the rounded value. Stage
// counts then never grow down the funnel, exactly: a stage is the one
// above times a rate r ≤ 1, and rounding is monotone, so round(u·r) ≤
// round(u) = u when u already has at most Precision places. (Rounding only
// the last stage let customers = round(sql × 1) exceed an sql of 27
// places by 3.9·10^-25.)
func runFunnel(in *inputs, b *business, nActive int) funnel {
	var f funnel
	rp := func(x decimal.Decimal) decimal.Decimal { return x.Round(Precision) }
	st := make([]Stage, 0, 10)
	stage := func(name string, v decimal.Decimal, side bool) {
		st = append(st, Stage{Name: name, Value: v, Side: side})
	}
	switch in.ch.Kind {
	case plan.Email, plan.SMS:
		sends := in.ch.Sends
		if sends <= 0 {
			sends = 1
		}
		list := in.listSize
		var sent, bounces, delivered, opens, clicks, unsubs decimal.Decimal
		keep := one.Sub(in.bounce)
		for i := 0; i < sends; i++ {
			d := list.Mul(keep).Round(Precision)
			u := d.Mul(in.unsub).Round(Precision)
			sent = add(sent, list)
			bounces = add(bounces, sub(list, d))
			delivered = add(delivered, d)
			opens = add(opens, d.Mul(in.open))
			clicks = add(clicks, d.Mul(in.click))
			unsubs = add(unsubs, u)
			list = nonNeg(sub(list, u))
		}
		opens, clicks = rp(opens), rp(clicks)
		f.cost = add(in.fixedCost, in.costPerMessage.Mul(sent))
		f.exposures = valid(delivered)
		f.interactions = clicks
		f.clickToOpen = ratio(clicks, opens)
		stage(StageSent, sent, false)
		stage(StageBounces, bounces, true)
		stage(StageDelivered, delivered, false)
		stage(StageOpens, opens, true)
		stage(StageClicks, clicks, false)
		stage(StageUnsubscribes, unsubs, true)
	case plan.Search:
		var driver decimal.Decimal
		if q, ok := div(in.budget, in.cpc); ok {
			driver = q
		}
		clicks := rp(sat(driver, in.maxClicks))
		f.cost = add(in.budget, in.fixedCost)
		f.interactions = clicks
		if in.ctr.Valid && in.ctr.Decimal.Sign() > 0 {
			impr, _ := div(clicks, in.ctr.Decimal)
			f.exposures = valid(impr)
			stage(StageImpressions, impr, false)
		}
		stage(StageClicks, clicks, false)
	case plan.Display, plan.SocialAds:
		var driver decimal.Decimal
		if q, ok := div(in.budget.Mul(thou), in.cpm); ok {
			driver = q
		}
		impr := rp(sat(driver, in.aud))
		clicks := rp(impr.Mul(in.ctr.Decimal)) // an unset ctr reads as 0
		f.cost = add(in.budget, in.fixedCost)
		f.exposures = valid(impr)
		f.interactions = clicks
		stage(StageImpressions, impr, false)
		stage(StageClicks, clicks, false)
	case plan.SocialOrganic, plan.Influencer:
		reach := rp(sat(in.posts.Mul(in.followers).Mul(in.reachRate), in.aud))
		clicks := rp(reach.Mul(in.ctr.Decimal))
		f.cost = in.fixedCost
		f.exposures = valid(reach)
		f.interactions = clicks
		stage(StageReach, reach, false)
		stage(StageClicks, clicks, false)
	case plan.SEO, plan.Content:
		ramp := in.ch.RampMonths
		if ramp <= 0 {
			ramp = 1
		}
		f.weights = make([]decimal.Decimal, nActive)
		var visits decimal.Decimal
		for k := 1; k <= nActive; k++ {
			w := one
			if k < ramp {
				w = decimal.NewFromInt(int64(k)).DivRound(decimal.NewFromInt(int64(ramp)), Precision)
			}
			v := in.visitsPerMonth.Mul(w)
			f.weights[k-1] = v
			visits = add(visits, v)
		}
		visits = rp(visits)
		f.cost = in.fixedCost
		f.interactions = visits
		stage(StageVisits, visits, false)
	case plan.Print:
		reach := rp(sat(in.units.Mul(in.reachPerUnit), in.aud))
		resp := rp(reach.Mul(in.responseRate))
		f.cost = add(in.fixedCost, in.costPerUnit.Mul(in.units))
		f.exposures = valid(reach)
		f.interactions = resp
		stage(StageReach, reach, false)
		stage(StageResponses, resp, false)
	case plan.Event, plan.Partnership:
		contacts := rp(in.contacts)
		resp := rp(contacts.Mul(in.responseRate))
		f.cost = in.fixedCost
		f.exposures = valid(contacts)
		f.interactions = resp
		stage(StageContacts, contacts, false)
		stage(StageResponses, resp, false)
	case plan.Affiliate:
		f.cost = in.fixedCost
		f.interactions = rp(in.clicks)
		stage(StageClicks, f.interactions, false)
	default:
		f.cost = in.fixedCost
	}
	f.conversions = rp(f.interactions.Mul(in.conversionRate))
	if b.model == plan.B2B {
		mql := rp(f.conversions.Mul(in.l2m))
		sql := rp(mql.Mul(in.m2s))
		f.customers = rp(sql.Mul(in.s2c))
		f.leads, f.mql, f.sql = valid(f.conversions), valid(mql), valid(sql)
		stage(StageLeads, f.conversions, false)
		stage(StageMQL, mql, false)
		stage(StageSQL, sql, false)
	} else {
		f.customers = f.conversions
	}
	stage(StageCustomers, f.customers, false)
	if in.ch.Kind == plan.Affiliate {
		f.cost = add(f.cost, commission(in, b, f.conversions, f.customers))
	}
	f.stages = st
	return f
}

// commission is the affiliate's pay: conversions × commission_per_sale when
// that is set (MODEL.md: conversions, so leads in b2b), else first-order
// revenue × commission_rate (the channel's customers × A(1−d)), else 0.
func commission(in *inputs, b *business, conversions, customers decimal.Decimal) decimal.Decimal {
	if in.commissionPerSale.Valid {
		return conversions.Mul(in.commissionPerSale.Decimal)
	}
	if in.commissionRate.Valid {
		return customers.Mul(b.firstOrderRevenue()).Mul(in.commissionRate.Decimal)
	}
	return zero
}

// zeroed returns f with every count and the cost set to 0 and the same
// stages (a channel active in no month of the plan does not run).
func (f funnel) zeroed() funnel {
	g := funnel{stages: make([]Stage, len(f.stages))}
	for i, s := range f.stages {
		g.stages[i] = Stage{Name: s.Name, Side: s.Side}
	}
	if f.exposures.Valid {
		g.exposures = valid(zero)
	}
	if f.leads.Valid {
		g.leads, g.mql, g.sql = valid(zero), valid(zero), valid(zero)
	}
	return g
}
