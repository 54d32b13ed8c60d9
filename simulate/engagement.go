package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// EngagementWeight is the weight of one engagement KPI in the engagement
// score (any non-negative decimal; the weights are normalised over the
// KPIs that can be measured). It is the plan's type: a plan may set its
// own weights in [tracking] engagement_weights.
type EngagementWeight = plan.EngagementWeight

// EngagementKPIs are the KPIs the engagement score knows (its keys are
// plan.EngagementKPIs, the one list of them), with the channel kinds each
// one is measured on:
//   - open_rate: email, sms — opens / delivered, on the actual rows that
//     give opens (plan.Actual.Opens: Mailchimp's Unique Opens) and
//     exposures (delivered); the plan's side is its open_rate over the
//     same channels and months, weighted by their planned deliveries.
//     Without such rows it is not measured and its weight goes to the
//     others;
//   - click_rate: email, sms — clicks / delivered;
//   - ctr: search (with impressions), display, social_ads, social_organic,
//     influencer — clicks / impressions (the interaction rate of social);
//   - response_rate: print, event, partnership — responses / exposures.
var EngagementKPIs = map[string][]plan.Kind{
	plan.KPIOpenRate:     {plan.Email, plan.SMS},
	plan.KPIClickRate:    {plan.Email, plan.SMS},
	plan.KPICTR:          {plan.Search, plan.Display, plan.SocialAds, plan.SocialOrganic, plan.Influencer},
	plan.KPIResponseRate: {plan.Print, plan.Event, plan.Partnership},
}

// DefaultEngagementWeights are the weights used when the plan gives none
// (the one place they are set): open rate 0.2, click rate 0.3, ctr 0.3,
// response rate 0.2 — clicks weigh more than opens (a click is a
// deliberate act; opens are inflated by privacy proxies), and the two
// click measures as much as each other.
var DefaultEngagementWeights = []EngagementWeight{
	{KPI: plan.KPIOpenRate, Weight: decimal.New(2, -1)},
	{KPI: plan.KPIClickRate, Weight: decimal.New(3, -1)},
	{KPI: plan.KPICTR, Weight: decimal.New(3, -1)},
	{KPI: plan.KPIResponseRate, Weight: decimal.New(2, -1)},
}

// EngagementWeightsOf returns the weights the engagement score of p uses,
// in the order of plan.EngagementKPIs, and whether they are the plan's own
// ([tracking] engagement_weights; a KPI the plan leaves out weighs 0) or,
// when the plan gives none, a copy of DefaultEngagementWeights.
func EngagementWeightsOf(p plan.Plan) (weights []EngagementWeight, fromPlan bool) {
	ws := p.Tracking.EngagementWeights
	if len(ws) == 0 {
		return append([]EngagementWeight(nil), DefaultEngagementWeights...), false
	}
	for _, kpi := range plan.EngagementKPIs {
		w := EngagementWeight{KPI: kpi}
		for _, x := range ws {
			if x.KPI == kpi {
				w.Weight = x.Weight
				break
			}
		}
		weights = append(weights, w)
	}
	return weights, true
}

// EngagementIndex is one KPI of the score: the pooled actual rate (Σ
// interactions / Σ exposures over the channels of its kinds and the
// actual rows that give both; Σ opens / Σ delivered for open_rate), the
// plan's rate over the same channels and months, and Index = 100 ×
// Actual / Plan (100 = engagement as planned).
type EngagementIndex struct {
	KPI          string
	Weight       decimal.Decimal // as given
	Actual, Plan decimal.NullDecimal
	Index        decimal.NullDecimal
}

// EngagementScore is seed 004's multichannel engagement score: the mean of
// the KPIs' indices weighted by their weights, over the KPIs whose index
// is defined (the others' weight is left out): 100 means engagement as
// planned, 120 a fifth better. Undefined when no KPI can be measured.
// Months holds the same score for each tracked month. FromPlan says
// whether the weights are the plan's own ([tracking] engagement_weights)
// rather than DefaultEngagementWeights or weights given by the caller.
type EngagementScore struct {
	Score    decimal.NullDecimal
	Indices  []EngagementIndex
	Months   []MonthScore
	FromPlan bool
}

// MonthScore is the engagement score of one plan month.
type MonthScore struct {
	Month int
	Score decimal.NullDecimal
}

var hundred = decimal.NewFromInt(100)

// engagement computes the score over every tracked month, then each month.
func (tk *tracker) engagement(weights []EngagementWeight) EngagementScore {
	all := make([]bool, tk.e.n)
	var months []int
	for m := 0; m < tk.e.n; m++ {
		for i := range tk.seen {
			if tk.seen[i][m] {
				all[m] = true
			}
		}
		if all[m] {
			months = append(months, m+1)
		}
	}
	s := tk.engagementOver(weights, all)
	for _, m := range months {
		ms := tk.engagementOver(weights, tk.monthMask(m))
		s.Months = append(s.Months, MonthScore{Month: m, Score: ms.Score})
	}
	return s
}

func (tk *tracker) engagementOver(weights []EngagementWeight, mask []bool) EngagementScore {
	var s EngagementScore
	var sumW, sumWI decimal.Decimal
	for _, w := range weights {
		ix := EngagementIndex{KPI: w.KPI, Weight: w.Weight}
		kinds := EngagementKPIs[w.KPI]
		opens := w.KPI == plan.KPIOpenRate
		var ai, ae, pi, pe decimal.Decimal
		for i := range tk.e.chans {
			c := &tk.e.chans[i]
			if !hasKind(kinds, c.in.ch.Kind) || (c.in.ch.Kind == plan.Search && !c.in.ctr.Valid) {
				continue
			}
			for m, in := range mask {
				if !in || !tk.seen[i][m] {
					continue
				}
				pt := tk.grid[i][m]
				// the actual numerator: opens, or interactions
				num := pt.interactions
				if opens {
					num = tk.opens[i][m]
				}
				if !pt.exposures.Valid || !num.Valid {
					continue
				}
				ai, ae = ai.Add(num.Decimal), ae.Add(pt.exposures.Decimal)
				one := make([]bool, len(mask))
				one[m] = true
				pp := c.parts(one)
				switch {
				case opens && pp.exposures.Valid:
					// delivered × open_rate: the plan's opens (MODEL.md)
					pi, pe = pi.Add(pp.exposures.Decimal.Mul(c.in.open)), pe.Add(pp.exposures.Decimal)
				case !opens && pp.exposures.Valid && pp.expInteractions.Valid:
					pi, pe = pi.Add(pp.expInteractions.Decimal), pe.Add(pp.exposures.Decimal)
				}
			}
		}
		ix.Actual, ix.Plan = ratio(ai, ae), ratio(pi, pe)
		if ix.Actual.Valid && ix.Plan.Valid && ix.Plan.Decimal.Sign() > 0 {
			ix.Index = valid(ix.Actual.Decimal.Mul(hundred).DivRound(ix.Plan.Decimal, Precision))
		}
		if ix.Index.Valid && w.Weight.Sign() > 0 {
			sumW = sumW.Add(w.Weight)
			sumWI = sumWI.Add(w.Weight.Mul(ix.Index.Decimal))
		}
		s.Indices = append(s.Indices, ix)
	}
	if sumW.Sign() > 0 {
		s.Score = valid(sumWI.DivRound(sumW, Precision))
	}
	return s
}

func hasKind(ks []plan.Kind, k plan.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// Engagement computes the engagement score of the plan's actuals with the
// given weights (nil: the plan's, else DefaultEngagementWeights; see
// EngagementWeightsOf). Errors: those of Evaluate.
func Engagement(p plan.Plan, weights []EngagementWeight) (EngagementScore, error) {
	if _, err := Evaluate(p); err != nil {
		return EngagementScore{}, err
	}
	return newTracker(p, plan.DefaultLibrary()).engagementOf(p, weights), nil
}

// engagementOf scores engagement with weights, or when nil with the
// plan's weights or the defaults, and records where they came from.
func (tk *tracker) engagementOf(p plan.Plan, weights []EngagementWeight) EngagementScore {
	fromPlan := false
	if weights == nil {
		weights, fromPlan = EngagementWeightsOf(p)
	}
	s := tk.engagement(weights)
	s.FromPlan = fromPlan
	return s
}
