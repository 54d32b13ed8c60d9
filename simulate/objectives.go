package simulate

import (
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// PurposeKinds is seed 004's objective → channel matrix, as channel kinds:
// a plan is relevant to an objective's purpose when it has at least one of
// these kinds. Seed 004 names: awareness → social networks (organic and
// paid), influence marketing, display; lead generation → email, SEA,
// downloadable content, webinars (events); conversion → SEO, SEA, targeted
// email, remarketing (display); loyalty → personalised email, loyalty
// programme, social networks (engagement). Readings: "email" includes sms;
// downloadable content is content, and seo brings it its visitors;
// webinars are events; the seed has no row for engagement, so it takes the
// channels of its engagement KPIs (email open and click rates, time on
// page, social shares and likes): email, sms, social, influencer, content.
var PurposeKinds = map[string][]plan.Kind{
	"awareness":  {plan.SocialOrganic, plan.SocialAds, plan.Influencer, plan.Display},
	"engagement": {plan.Email, plan.SMS, plan.SocialOrganic, plan.SocialAds, plan.Influencer, plan.Content},
	"leads":      {plan.Email, plan.Search, plan.Content, plan.SEO, plan.Event},
	"conversion": {plan.SEO, plan.Search, plan.Email, plan.SMS, plan.Display},
	"loyalty":    {plan.Email, plan.SMS, plan.SocialOrganic},
}

// b2bMetrics exist only in a b2b plan.
var b2bMetrics = map[string]bool{"leads": true, "mql": true, "sql": true, "cpl": true}

// exposureMetrics need at least one channel with exposures.
var exposureMetrics = map[string]bool{"exposures": true, "reach": true, "impressions": true, "cpm": true, "ctr": true}

// deadlineMonth returns the plan month whose end the objective is judged
// at: the month of the deadline when it lies inside the plan, else the last
// month (no deadline, or a deadline outside the plan: after its end or
// before its start), and whether the deadline is inside the plan.
func (e *engine) deadlineMonth(o plan.Objective) (int, bool) {
	if o.Deadline.IsZero() {
		return e.n, false
	}
	m := plan.MonthOf(e.p.Info.Start, o.Deadline)
	if m < 1 || m > e.n {
		return e.n, false
	}
	return m, true
}

// objectives checks every objective of the plan. The value is the metric's
// figure over months 1..M, M the deadline's month (see deadlineMonth):
// counts, cost and money cumulated; ratios recomputed from the cumulated
// parts (cpa at the deadline = cumulative cost / cumulative customers);
// budget_left = budget − cumulative cost; payback_month searched in 1..M;
// clv and break_even_cpa are the plan's (they do not depend on time).
// A metric the engine does not compute has an undefined value; Met is
// false whenever the value is undefined. Gap = value − target.
func (e *engine) objectives(baseObj []ObjectiveResult) []ObjectiveResult {
	if len(e.p.Objectives) == 0 {
		return nil
	}
	out := make([]ObjectiveResult, len(e.p.Objectives))
	cache := map[int]Figures{}
	for i, o := range e.p.Objectives {
		dir := o.Direction
		if dir == "" {
			dir = plan.AtLeast
		}
		m, _ := e.deadlineMonth(o)
		figs, ok := cache[m]
		if !ok {
			mask := make([]bool, e.n)
			for j := 0; j < m; j++ {
				mask[j] = true
			}
			figs = e.figuresOver(mask)
			cache[m] = figs
		}
		or := ObjectiveResult{ID: o.ID, Metric: o.Metric, Target: o.Target, Direction: dir}
		if spec, ok := SpecOf(o.Metric); ok {
			or.Value = spec.Get(figs)
		}
		if or.Value.Valid {
			c := or.Value.Decimal.Cmp(o.Target)
			or.Met = c >= 0
			if dir == plan.AtMost {
				or.Met = c <= 0
			}
			or.Gap = valid(or.Value.Decimal.Sub(o.Target))
		}
		if baseObj != nil && i < len(baseObj) {
			or.Smart = baseObj[i].Smart
		} else {
			or.Smart = e.smart(o, or.Met, or.Value)
		}
		out[i] = or
	}
	return out
}

// smart fills the SMART checklist of objective o (MODEL.md); met is
// whether the base result meets it, value its value at the deadline. Each
// check says why it holds or fails (codes MsgSmart…):
//   - Specific: a statement is written and a metric is chosen.
//   - Measurable: the metric is one the engine computes and is defined for
//     this plan: leads, mql, sql and cpl need a b2b plan; exposures, reach,
//     impressions, cpm and ctr need a channel with exposures (not only seo,
//     content, affiliate or search without ctr).
//   - Achievable: the base result meets the target (the value against the
//     target).
//   - Relevant: the plan has a channel of PurposeKinds[purpose] (named);
//     no purpose given is not relevant.
//   - Time-bound: a deadline inside the plan.
func (e *engine) smart(o plan.Objective, met bool, value decimal.NullDecimal) Smart {
	var s Smart
	metric := plan.MetricArg("metric", o.Metric)
	switch {
	case strings.TrimSpace(o.Statement) == "" && strings.TrimSpace(o.Metric) == "":
		s.Specific.Why = plan.NewMsg(MsgSmartSNone)
	case strings.TrimSpace(o.Statement) == "":
		s.Specific.Why = plan.NewMsg(MsgSmartSNoText)
	case strings.TrimSpace(o.Metric) == "":
		s.Specific.Why = plan.NewMsg(MsgSmartSNoMetric)
	default:
		s.Specific = Check{OK: true, Why: plan.NewMsg(MsgSmartSOK, metric)}
	}
	_, known := SpecOf(o.Metric)
	switch {
	case !known:
		s.Measurable.Why = plan.NewMsg(MsgSmartMUnknown, plan.TextArg("metric", o.Metric))
	case b2bMetrics[o.Metric] && e.biz.model != plan.B2B:
		s.Measurable.Why = plan.NewMsg(MsgSmartMB2B, metric)
	case exposureMetrics[o.Metric] && !e.hasExposures():
		s.Measurable.Why = plan.NewMsg(MsgSmartMExposures, metric)
	default:
		s.Measurable = Check{OK: true, Why: plan.NewMsg(MsgSmartMOK, metric)}
	}
	dir := "≥"
	if o.Direction == plan.AtMost {
		dir = "≤"
	}
	achieved := []plan.Arg{plan.FigureArg("value", o.Metric, value), plan.TextArg("dir", dir),
		plan.FigureArg("target", o.Metric, decimal.NewNullDecimal(o.Target))}
	if met {
		s.Achievable = Check{OK: true, Why: plan.NewMsg(MsgSmartAOK, achieved...)}
	} else {
		s.Achievable.Why = plan.NewMsg(MsgSmartANo, achieved...)
	}
	kinds, known := PurposeKinds[o.Purpose]
	purpose, _ := PurposeMsg(o.Purpose)
	switch {
	case o.Purpose == "":
		s.Relevant.Why = plan.NewMsg(MsgSmartRNone)
	case !known:
		s.Relevant.Why = plan.NewMsg(MsgSmartRUnknown, plan.TextArg("purpose", o.Purpose))
	case !e.hasKind(kinds):
		names := make([]string, len(kinds))
		for i, k := range kinds {
			names[i] = string(k)
		}
		s.Relevant.Why = plan.NewMsg(MsgSmartRNoChannel, plan.MsgsArg("purpose", purpose), plan.KindsArg("kinds", names))
	default:
		var have []string
		for i := range e.chans {
			for _, k := range kinds {
				if e.chans[i].in.ch.Kind == k {
					have = append(have, e.chans[i].in.ch.Name)
					break
				}
			}
		}
		s.Relevant = Check{OK: true, Why: plan.NewMsg(MsgSmartROK, plan.MsgsArg("purpose", purpose),
			plan.TextArg("channels", strings.Join(have, ", ")))}
	}
	_, inside := e.deadlineMonth(o)
	switch {
	case o.Deadline.IsZero():
		s.TimeBound.Why = plan.NewMsg(MsgSmartTNone)
	case !inside && o.Deadline.Before(e.p.Info.Start):
		s.TimeBound.Why = plan.NewMsg(MsgSmartTBefore, plan.DateArg("deadline", o.Deadline), plan.DateArg("start", e.p.Info.Start))
	case !inside:
		s.TimeBound.Why = plan.NewMsg(MsgSmartTAfter, plan.DateArg("deadline", o.Deadline), plan.DateArg("end", plan.End(e.p.Info.Start, e.n)))
	default:
		s.TimeBound = Check{OK: true, Why: plan.NewMsg(MsgSmartTOK, plan.DateArg("deadline", o.Deadline))}
	}
	return s
}

func (e *engine) hasExposures() bool {
	for i := range e.chans {
		if e.chans[i].f.exposures.Valid {
			return true
		}
	}
	return false
}

func (e *engine) hasKind(kinds []plan.Kind) bool {
	for i := range e.chans {
		for _, k := range kinds {
			if e.chans[i].in.ch.Kind == k {
				return true
			}
		}
	}
	return false
}
