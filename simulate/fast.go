package simulate

import (
	"math"

	"campaignsim/plan"
)

// This file holds the float64 fast model used by the Monte Carlo module
// (uncertainty.go). MODEL.md allows float64 there, for speed; nothing on
// the deterministic path uses it.
//
// The fast model MIRRORS the decimal engine: runFunnel (funnel.go), the
// monthly spreading of runChannel/shares (run.go), cohortMoney
// (economics.go), derive and paybackMonth (figures.go) and the objective
// values of objectives.go (figures over months 1..deadline). It is the
// same formulas in float64, compiled once from a plan into flat arrays so
// that one run with perturbed inputs allocates nothing.
//
// One formula, one place: TestFastAgreesWithEngine checks on every example
// plan and on hundreds of generated plans that every total and every
// objective value of the fast model agrees with Run to 1e-9 relative.
// Whenever the decimal engine changes a formula, change it here too and
// keep that test green.

// fastSlot names one float input of a channel in fastChan.in.
type fastSlot int

// The inputs of a channel, as slots of fastChan.in.
const (
	fsFixedCost fastSlot = iota
	fsConversionRate
	fsL2M
	fsM2S
	fsS2C
	fsListSize
	fsCostPerMessage
	fsBounce
	fsOpen
	fsClick
	fsUnsub
	fsBudget
	fsCPC
	fsCPM
	fsCTR
	fsMaxClicks
	fsAudience
	fsFollowers
	fsReachRate
	fsPosts
	fsVisits
	fsUnits
	fsCostPerUnit
	fsReachPerUnit
	fsResponseRate
	fsContacts
	fsClicks
	fsCommissionPerSale
	fsCommissionRate
	fsCount
)

// fastSlots maps the channel keys that may carry a range (plan's
// uncertain keys) to their slot, and says whether the input is a rate
// (clamped to [0, 1]) rather than a non-negative amount.
var fastSlots = map[string]struct {
	slot fastSlot
	rate bool
}{
	"fixed_cost": {fsFixedCost, false}, "conversion_rate": {fsConversionRate, true},
	"lead_to_mql": {fsL2M, true}, "mql_to_sql": {fsM2S, true}, "sql_to_customer": {fsS2C, true},
	"list_size": {fsListSize, false}, "cost_per_message": {fsCostPerMessage, false},
	"bounce_rate": {fsBounce, true}, "open_rate": {fsOpen, true}, "click_rate": {fsClick, true},
	"unsubscribe_rate": {fsUnsub, true}, "budget": {fsBudget, false}, "cpc": {fsCPC, false},
	"cpm": {fsCPM, false}, "ctr": {fsCTR, true}, "max_clicks": {fsMaxClicks, false},
	"audience": {fsAudience, false}, "followers": {fsFollowers, false}, "reach_rate": {fsReachRate, true},
	"posts": {fsPosts, false}, "visits_per_month": {fsVisits, false}, "units": {fsUnits, false},
	"cost_per_unit": {fsCostPerUnit, false}, "reach_per_unit": {fsReachPerUnit, false},
	"response_rate": {fsResponseRate, true}, "contacts": {fsContacts, false}, "clicks": {fsClicks, false},
	"commission_per_sale": {fsCommissionPerSale, false}, "commission_rate": {fsCommissionRate, true},
}

// fastIn are a channel's inputs in float64, indexed by fastSlot.
type fastIn [fsCount]float64

// fastChan is one channel of the fast model: what does not change from a
// run to the next (kind, sends, which optional inputs are set, months).
type fastChan struct {
	kind                         plan.Kind
	sends                        int
	active                       int  // number of active months
	hasCTR, hasMaxClicks, hasAud bool // the optional inputs that are set
	hasPerSale, hasRate          bool // affiliate commission
	// seoSum is Σ_k min(1, k/ramp) over the active months (seo, content):
	// visits = visits_per_month × seoSum.
	seoSum float64
}

// fastChanOut is one channel's funnel in one run.
type fastChanOut struct {
	cost, exposures, interactions, conversions, leads, mql, sql, customers float64
	hasExposures                                                           bool
}

// fastObjective is one objective compiled: its metric, target, direction
// and the plan month (1-based) whose end it is judged at.
type fastObjective struct {
	metric string
	target float64
	atMost bool
	month  int
}

// fastModel is a plan compiled for the fast model. It is read-only once
// built: every run works in its own fastScratch.
type fastModel struct {
	n        int // plan months
	b2b      bool
	nChans   int
	base     []fastIn // the plan's inputs, one per channel (after clamping)
	chans    []fastChan
	share    []float64 // nChans×n: share of each channel's counts in month m
	costSh   []float64 // nChans×n: share of each channel's cost in month m
	cumShare []float64 // nChans×(n+1): Σ share over months 1..M (index M)
	cumCost  []float64 // nChans×(n+1): Σ costSh over months 1..M

	a1d, oA, ag, o, r float64 // A(1−d), o·A, A(1−g), o, retention
	repeats           bool
	clv, budget       float64
	objs              []fastObjective
}

// fastScratch is the working memory of one run (one per worker).
type fastScratch struct {
	in                    []fastIn
	out                   []fastChanOut
	cost, cust, rev, cogs []float64 // per month, all channels
	cumCost, cumGM        []float64 // cumulated, per month
}

func (m *fastModel) newScratch() *fastScratch {
	return &fastScratch{
		in:      make([]fastIn, m.nChans),
		out:     make([]fastChanOut, m.nChans),
		cost:    make([]float64, m.n),
		cust:    make([]float64, m.n),
		rev:     make([]float64, m.n),
		cogs:    make([]float64, m.n),
		cumCost: make([]float64, m.n),
		cumGM:   make([]float64, m.n),
	}
}

func f64(x interface{ InexactFloat64() float64 }) float64 { return x.InexactFloat64() }

// compileFast builds the fast model of the base scenario of p (which must
// be valid): the decimal inputs after defaults and clamping (scenarioInputs),
// converted to float64, and each channel's monthly shares.
func compileFast(p plan.Plan) (*fastModel, error) {
	biz, ins, err := scenarioInputs(p, BaseScenario)
	if err != nil {
		return nil, err
	}
	n := max(p.Info.Months, 0)
	m := &fastModel{n: n, b2b: biz.model == plan.B2B, nChans: len(ins)}
	m.a1d = f64(biz.firstOrderRevenue())
	m.oA = f64(biz.ordersPerMonth.Mul(biz.avgOrder))
	m.ag = f64(biz.orderCOGS())
	m.o, m.r = f64(biz.ordersPerMonth), f64(biz.retention)
	m.repeats = !biz.ordersPerMonth.IsZero() && !biz.retention.IsZero()
	m.clv = f64(biz.clv())
	m.budget = f64(p.Info.Budget)
	m.base = make([]fastIn, len(ins))
	m.chans = make([]fastChan, len(ins))
	m.share = make([]float64, len(ins)*n)
	m.costSh = make([]float64, len(ins)*n)
	m.cumShare = make([]float64, len(ins)*(n+1))
	m.cumCost = make([]float64, len(ins)*(n+1))
	for i := range ins {
		in := &ins[i]
		c := &m.chans[i]
		c.kind = in.ch.Kind
		c.sends = max(in.ch.Sends, 1)
		c.hasCTR, c.hasMaxClicks, c.hasAud = in.ctr.Valid, in.maxClicks.Valid, in.aud.Valid
		c.hasPerSale, c.hasRate = in.commissionPerSale.Valid, in.commissionRate.Valid
		v := &m.base[i]
		v[fsFixedCost], v[fsConversionRate] = f64(in.fixedCost), f64(in.conversionRate)
		v[fsL2M], v[fsM2S], v[fsS2C] = f64(in.l2m), f64(in.m2s), f64(in.s2c)
		v[fsListSize], v[fsCostPerMessage] = f64(in.listSize), f64(in.costPerMessage)
		v[fsBounce], v[fsOpen], v[fsClick], v[fsUnsub] = f64(in.bounce), f64(in.open), f64(in.click), f64(in.unsub)
		v[fsBudget], v[fsCPC], v[fsCPM] = f64(in.budget), f64(in.cpc), f64(in.cpm)
		v[fsCTR], v[fsMaxClicks], v[fsAudience] = f64(in.ctr.Decimal), f64(in.maxClicks.Decimal), f64(in.aud.Decimal)
		v[fsFollowers], v[fsReachRate], v[fsPosts] = f64(in.followers), f64(in.reachRate), f64(in.posts)
		v[fsVisits], v[fsUnits], v[fsCostPerUnit] = f64(in.visitsPerMonth), f64(in.units), f64(in.costPerUnit)
		v[fsReachPerUnit], v[fsResponseRate] = f64(in.reachPerUnit), f64(in.responseRate)
		v[fsContacts], v[fsClicks] = f64(in.contacts), f64(in.clicks)
		v[fsCommissionPerSale], v[fsCommissionRate] = f64(in.commissionPerSale.Decimal), f64(in.commissionRate.Decimal)

		// Months: cost evenly over the active months; counts evenly too,
		// except seo and content whose counts follow the ramped visits.
		var mask []int
		for mo := 1; mo <= n; mo++ {
			if in.ch.IsActive(mo, n) {
				mask = append(mask, mo-1)
			}
		}
		c.active = len(mask)
		var weights []float64
		if (c.kind == plan.SEO || c.kind == plan.Content) && c.active > 0 {
			ramp := max(in.ch.RampMonths, 1)
			weights = make([]float64, c.active)
			for k := 1; k <= c.active; k++ {
				w := 1.0
				if k < ramp {
					w = float64(k) / float64(ramp)
				}
				weights[k-1] = w
				c.seoSum += w
			}
		}
		sh, csh := m.share[i*n:(i+1)*n], m.costSh[i*n:(i+1)*n]
		for j, mo := range mask {
			csh[mo] = 1 / float64(c.active)
			if weights != nil {
				sh[mo] = weights[j] / c.seoSum
			} else {
				sh[mo] = csh[mo]
			}
		}
		cs, cc := m.cumShare[i*(n+1):(i+1)*(n+1)], m.cumCost[i*(n+1):(i+1)*(n+1)]
		for mo := 1; mo <= n; mo++ {
			cs[mo] = cs[mo-1] + sh[mo-1]
			cc[mo] = cc[mo-1] + csh[mo-1]
		}
	}
	e := &engine{p: p, n: n}
	for _, o := range p.Objectives {
		mo, _ := e.deadlineMonth(o)
		m.objs = append(m.objs, fastObjective{metric: o.Metric, target: f64(o.Target),
			atMost: o.Direction == plan.AtMost, month: mo})
	}
	return m, nil
}

// fastSat is sat (decimalmath.go) in float64: cap·(1 − e^(−x/cap)), x
// when there is no cap, 0 for x ≤ 0 or cap ≤ 0, cap when x/cap > 100.
func fastSat(x float64, hasCap bool, c float64) float64 {
	if x <= 0 {
		return 0
	}
	if !hasCap {
		return x
	}
	if c <= 0 {
		return 0
	}
	u := x / c
	if u > 100 {
		return c
	}
	return -c * math.Expm1(-u)
}

// funnel is runFunnel (funnel.go) in float64 for channel i with inputs v.
func (m *fastModel) funnel(i int, v *fastIn) fastChanOut {
	c := &m.chans[i]
	var f fastChanOut
	var interactions float64
	switch c.kind {
	case plan.Email, plan.SMS:
		list := v[fsListSize]
		keep := 1 - v[fsBounce]
		var sent, delivered, clicks float64
		for s := 0; s < c.sends; s++ {
			d := list * keep
			u := d * v[fsUnsub]
			sent += list
			delivered += d
			clicks += d * v[fsClick]
			list = max(list-u, 0)
		}
		f.cost = v[fsFixedCost] + v[fsCostPerMessage]*sent
		f.exposures, f.hasExposures = delivered, true
		interactions = clicks
	case plan.Search:
		var driver float64
		if v[fsCPC] != 0 {
			driver = v[fsBudget] / v[fsCPC]
		}
		interactions = fastSat(driver, c.hasMaxClicks, v[fsMaxClicks])
		f.cost = v[fsBudget] + v[fsFixedCost]
		if c.hasCTR && v[fsCTR] > 0 {
			f.exposures, f.hasExposures = interactions/v[fsCTR], true
		}
	case plan.Display, plan.SocialAds:
		var driver float64
		if v[fsCPM] != 0 {
			driver = v[fsBudget] * 1000 / v[fsCPM]
		}
		impr := fastSat(driver, c.hasAud, v[fsAudience])
		ctr := 0.0
		if c.hasCTR {
			ctr = v[fsCTR]
		}
		interactions = impr * ctr
		f.cost = v[fsBudget] + v[fsFixedCost]
		f.exposures, f.hasExposures = impr, true
	case plan.SocialOrganic, plan.Influencer:
		reach := fastSat(v[fsPosts]*v[fsFollowers]*v[fsReachRate], c.hasAud, v[fsAudience])
		ctr := 0.0
		if c.hasCTR {
			ctr = v[fsCTR]
		}
		interactions = reach * ctr
		f.cost = v[fsFixedCost]
		f.exposures, f.hasExposures = reach, true
	case plan.SEO, plan.Content:
		interactions = v[fsVisits] * c.seoSum
		f.cost = v[fsFixedCost]
	case plan.Print:
		reach := fastSat(v[fsUnits]*v[fsReachPerUnit], c.hasAud, v[fsAudience])
		interactions = reach * v[fsResponseRate]
		f.cost = v[fsFixedCost] + v[fsCostPerUnit]*v[fsUnits]
		f.exposures, f.hasExposures = reach, true
	case plan.Event, plan.Partnership:
		interactions = v[fsContacts] * v[fsResponseRate]
		f.cost = v[fsFixedCost]
		f.exposures, f.hasExposures = v[fsContacts], true
	case plan.Affiliate:
		interactions = v[fsClicks]
		f.cost = v[fsFixedCost]
	default:
		f.cost = v[fsFixedCost]
	}
	f.interactions = interactions
	f.conversions = interactions * v[fsConversionRate]
	if m.b2b {
		f.leads = f.conversions
		f.mql = f.conversions * v[fsL2M]
		f.sql = f.mql * v[fsM2S]
		f.customers = f.sql * v[fsS2C]
	} else {
		f.customers = f.conversions
	}
	if c.kind == plan.Affiliate {
		switch {
		case c.hasPerSale:
			f.cost += f.conversions * v[fsCommissionPerSale]
		case c.hasRate:
			f.cost += f.customers * m.a1d * v[fsCommissionRate]
		}
	}
	if c.active == 0 {
		// a channel active in no month does not run (funnel.zeroed): every
		// count is 0, the figures that are defined stay defined.
		return fastChanOut{hasExposures: f.hasExposures}
	}
	return f
}

// run evaluates the model with the inputs in s.in (set by the caller,
// e.g. copied from m.base then perturbed): every channel's funnel, the
// monthly timeline of the whole plan and its cohort money. It allocates
// nothing. Read the figures with fastParts and fastFigure.
func (m *fastModel) run(s *fastScratch) {
	n := m.n
	for t := 0; t < n; t++ {
		s.cost[t], s.cust[t] = 0, 0
	}
	for i := range m.chans {
		o := m.funnel(i, &s.in[i])
		s.out[i] = o
		if o.cost == 0 && o.customers == 0 {
			continue
		}
		sh, csh := m.share[i*n:(i+1)*n], m.costSh[i*n:(i+1)*n]
		for t := 0; t < n; t++ {
			s.cost[t] += o.cost * csh[t]
			s.cust[t] += o.customers * sh[t]
		}
	}
	// cohortMoney (economics.go), for all channels at once: it is linear
	// in the customers.
	var stock, cc, cg float64
	for t := 0; t < n; t++ {
		if m.repeats && t > 0 {
			stock = m.r * (stock + s.cust[t-1])
		}
		rev := s.cust[t] * m.a1d
		orders := s.cust[t]
		if m.repeats {
			rev += stock * m.oA
			orders += stock * m.o
		}
		s.rev[t] = rev
		s.cogs[t] = orders * m.ag
		cc += s.cost[t]
		cg += rev - s.cogs[t]
		s.cumCost[t], s.cumGM[t] = cc, cg
	}
}

// fastPartsOf are parts (figures.go) in float64: sums over channels and
// months 1..M. The has… flags say whether the null parts are defined.
type fastPartsOf struct {
	cost, revenue, cogs, customers  float64
	interactions, conversions       float64
	exposures, expCost, expInter    float64
	leads, mql, sql                 float64
	hasInter, hasExposures, hasLead bool
	payback                         int // 0: undefined
}

// parts returns the plan's parts over months 1..M (M = n for the totals)
// after run.
func (m *fastModel) parts(s *fastScratch, M int) fastPartsOf {
	var p fastPartsOf
	n := m.n
	for t := 0; t < M; t++ {
		p.revenue += s.rev[t]
		p.cogs += s.cogs[t]
		if p.payback == 0 && s.cumCost[t] > 0 && s.cumGM[t] >= s.cumCost[t] {
			p.payback = t + 1
		}
	}
	for i := range s.out {
		o := &s.out[i]
		sh := m.cumShare[i*(n+1)+M]
		cost := o.cost * m.cumCost[i*(n+1)+M]
		p.cost += cost
		p.customers += o.customers * sh
		p.interactions += o.interactions * sh
		p.conversions += o.conversions * sh
		p.hasInter = true
		if o.hasExposures {
			p.hasExposures = true
			p.exposures += o.exposures * sh
			p.expCost += cost
			p.expInter += o.interactions * sh
		}
		if m.b2b {
			p.hasLead = true
			p.leads += o.leads * sh
			p.mql += o.mql * sh
			p.sql += o.sql * sh
		}
	}
	return p
}

// fastRatio is a/b, and false when b is 0 (undefined).
func fastRatio(a, b float64) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return a / b, true
}

// fastFigure returns the figure name (a metric of SpecOf, aliases
// included) from parts p, as derive (figures.go) defines it, and whether
// it is defined.
func (m *fastModel) fastFigure(name string, p *fastPartsOf) (float64, bool) {
	return m.fastFigureOf(fastFigCodes[name], p)
}

// fastFig is a figure of fastFigure as a number (fastFigCodes), so that
// the Monte Carlo's loop reads its figures without comparing strings.
type fastFig int

// The figures of fastFigure; ffNone is no figure (undefined).
const (
	ffNone fastFig = iota
	ffCost
	ffRevenue
	ffCogs
	ffGrossMargin
	ffNetProfit
	ffRoi
	ffRomi
	ffNetMargin
	ffRoas
	ffCpa
	ffCpl
	ffCpc
	ffCpm
	ffCtr
	ffConversionRate
	ffBreakEvenCustomers
	ffBreakEvenCpa
	ffPaybackMonth
	ffBudgetLeft
	ffExposures
	ffInteractions
	ffConversions
	ffLeads
	ffMql
	ffSql
	ffCustomers
)

// fastFigCodes maps the names fastFigure knows (aliases included) to
// their fastFig.
var fastFigCodes = map[string]fastFig{
	"cost":                 ffCost,
	"revenue":              ffRevenue,
	"cogs":                 ffCogs,
	"gross_margin":         ffGrossMargin,
	"net_profit":           ffNetProfit,
	"roi":                  ffRoi,
	"romi":                 ffRomi,
	"net_margin":           ffNetMargin,
	"roas":                 ffRoas,
	"cpa":                  ffCpa,
	"cpl":                  ffCpl,
	"cpc":                  ffCpc,
	"cpm":                  ffCpm,
	"ctr":                  ffCtr,
	"conversion_rate":      ffConversionRate,
	"break_even_customers": ffBreakEvenCustomers,
	"break_even_cpa":       ffBreakEvenCpa,
	"clv":                  ffBreakEvenCpa,
	"payback_month":        ffPaybackMonth,
	"budget_left":          ffBudgetLeft,
	"exposures":            ffExposures,
	"reach":                ffExposures,
	"impressions":          ffExposures,
	"interactions":         ffInteractions,
	"clicks":               ffInteractions,
	"conversions":          ffConversions,
	"leads":                ffLeads,
	"mql":                  ffMql,
	"sql":                  ffSql,
	"customers":            ffCustomers,
}

// fastFigureOf is fastFigure by code.
func (m *fastModel) fastFigureOf(f fastFig, p *fastPartsOf) (float64, bool) {
	gm := p.revenue - p.cogs
	np := gm - p.cost
	switch f {
	case ffCost:
		return p.cost, true
	case ffRevenue:
		return p.revenue, true
	case ffCogs:
		return p.cogs, true
	case ffGrossMargin:
		return gm, true
	case ffNetProfit:
		return np, true
	case ffRoi:
		return fastRatio(np, p.cost+p.cogs)
	case ffRomi:
		return fastRatio(np, p.cost)
	case ffNetMargin:
		return fastRatio(np, p.revenue)
	case ffRoas:
		return fastRatio(p.revenue, p.cost)
	case ffCpa:
		return fastRatio(p.cost, p.customers)
	case ffCpl:
		if !p.hasLead {
			return 0, false
		}
		return fastRatio(p.cost, p.leads)
	case ffCpc:
		if !p.hasInter {
			return 0, false
		}
		return fastRatio(p.cost, p.interactions)
	case ffCpm:
		if !p.hasExposures {
			return 0, false
		}
		return fastRatio(p.expCost*1000, p.exposures)
	case ffCtr:
		if !p.hasExposures {
			return 0, false
		}
		return fastRatio(p.expInter, p.exposures)
	case ffConversionRate:
		if !p.hasInter {
			return 0, false
		}
		return fastRatio(p.conversions, p.interactions)
	case ffBreakEvenCustomers:
		if p.customers > 0 && gm > 0 {
			return p.cost * p.customers / gm, true
		}
		return 0, false
	case ffBreakEvenCpa:
		return m.clv, true
	case ffPaybackMonth:
		return float64(p.payback), p.payback > 0
	case ffBudgetLeft:
		return m.budget - p.cost, true
	case ffExposures:
		return p.exposures, p.hasExposures
	case ffInteractions:
		return p.interactions, p.hasInter
	case ffConversions:
		return p.conversions, p.hasInter
	case ffLeads:
		return p.leads, p.hasLead
	case ffMql:
		return p.mql, p.hasLead
	case ffSql:
		return p.sql, p.hasLead
	case ffCustomers:
		return p.customers, true
	}
	return 0, false
}
