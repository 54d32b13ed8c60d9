package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// LifecycleStages are the five stages of the customer life cycle of seed
// 001, in order: awareness, engagement, lead generation ("leads"), sales,
// loyalty.
var LifecycleStages = []string{"awareness", "engagement", "leads", "sales", "loyalty"}

// MinDashboardKPIs and MaxDashboardKPIs bound the dashboard: seed 001
// advises 4 to 10 KPIs on one dashboard.
const (
	MinDashboardKPIs = 4
	MaxDashboardKPIs = 10
)

// stageOfFigure is the life-cycle stage a figure measures.
var stageOfFigure = map[string]string{
	"exposures": "awareness", "reach": "awareness", "impressions": "awareness", "cpm": "awareness",
	"interactions": "engagement", "clicks": "engagement", "ctr": "engagement", "cpc": "engagement",
	"engagement_score": "engagement",
	"leads":            "leads", "mql": "leads", "sql": "leads", "cpl": "leads",
	"customers": "sales", "conversions": "sales", "cpa": "sales", "revenue": "sales", "roi": "sales",
	"romi": "sales", "roas": "sales", "gross_margin": "sales", "net_profit": "sales", "net_margin": "sales",
	"conversion_rate": "sales", "cost": "sales", "budget_left": "sales", "payback_month": "sales",
	"break_even_customers": "sales", "break_even_cpa": "sales", "clv": "loyalty", "cogs": "sales",
}

// purposeStage maps an objective's purpose to a life-cycle stage.
var purposeStage = map[string]string{"awareness": "awareness", "engagement": "engagement",
	"leads": "leads", "conversion": "sales", "loyalty": "loyalty"}

// stageKPIs are the KPIs that represent each stage on the dashboard
// (seed 001's KPIs that the actuals can measure): awareness — exposures
// (reach, impressions) and cpm; engagement — interactions and ctr;
// lead generation — leads, cpl and (b2b) the conversion rate; sales —
// customers, cpa, revenue, roi and (b2c) the conversion rate; loyalty —
// revenue and gross margin, which hold the repeat orders (retention and
// repurchase rates are not in the actuals).
var stageKPIs = map[string][]string{
	"awareness":  {"exposures", "cpm"},
	"engagement": {"interactions", "ctr"},
	"leads":      {"leads", "cpl", "conversion_rate"},
	"sales":      {"customers", "cpa", "revenue", "roi", "conversion_rate"},
	"loyalty":    {"revenue", "gross_margin"},
}

// defaultKPIs fill the dashboard up to MinDashboardKPIs.
var defaultKPIs = []string{"customers", "cpa", "roi", "revenue", "interactions", "ctr", "exposures", "gross_margin"}

// TrendPoint is one month of a KPI's trend: Actual (undefined in a month
// without actuals), Plan (the base run's), and Forecast (the re-forecast's
// value for that month: actual up to the last month with actuals, then
// forecast).
type TrendPoint struct {
	Month                  int
	Actual, Plan, Forecast decimal.NullDecimal
}

// DashboardKPI is one KPI on the dashboard: its life-cycle stage, why it
// is there ("objective:ID" or "stage"), its value cumulated over the
// tracked months beside the plan's, its status (TrackingTolerance) and its
// monthly trend over the whole plan.
type DashboardKPI struct {
	Stage        string
	Name         string
	Unit         Unit
	Reason       string
	Actual, Plan decimal.NullDecimal
	Status       Status
	Trend        []TrendPoint
}

// Dashboard is the one-screen view of seed 001: 4 to 10 KPIs, grouped by
// life-cycle stage (LifecycleStages order).
type Dashboard struct {
	KPIs []DashboardKPI
}

// Stage returns the dashboard's KPIs of one stage, in order.
func (d Dashboard) Stage(stage string) []DashboardKPI {
	var out []DashboardKPI
	for _, k := range d.KPIs {
		if k.Stage == stage {
			out = append(out, k)
		}
	}
	return out
}

// dashboard chooses the KPIs: first the metric of each objective (in the
// stage of its purpose, else of the metric), then the stage KPIs of each
// objective's purpose, then defaultKPIs until there are
// MinDashboardKPIs; at most MaxDashboardKPIs. A KPI undefined on both
// sides (leads in b2c, exposures in a plan without any) is left out; the
// engagement score is not a figure and stands apart (Tracking.Engagement).
// KPIs are then ordered by stage.
func dashboard(p plan.Plan, t Tracking, tk *tracker) Dashboard {
	type pick struct{ name, stage, reason string }
	var picks []pick
	seen := map[string]bool{}
	add := func(name, stage, reason string) {
		if spec, ok := SpecOf(name); ok {
			name = spec.Name
		} else {
			return
		}
		if seen[name] || len(picks) >= MaxDashboardKPIs {
			return
		}
		if name == "conversion_rate" && stage == "leads" && p.Business.Model != plan.B2B {
			return
		}
		if name == "conversion_rate" && stage == "sales" && p.Business.Model == plan.B2B {
			return
		}
		spec, _ := SpecOf(name)
		if !spec.Get(t.Evaluation.Actual.Totals).Valid && !spec.Get(t.Evaluation.Plan.Totals).Valid {
			return
		}
		if stage == "" {
			stage = stageOfFigure[name]
		}
		seen[name] = true
		picks = append(picks, pick{name, stage, reason})
	}
	for _, o := range p.Objectives {
		add(o.Metric, purposeStage[o.Purpose], "objective:"+o.ID)
	}
	for _, o := range p.Objectives {
		st := purposeStage[o.Purpose]
		for _, k := range stageKPIs[st] {
			add(k, st, "stage")
		}
	}
	for _, k := range defaultKPIs {
		if len(picks) >= MinDashboardKPIs {
			break
		}
		add(k, "", "stage")
	}
	var d Dashboard
	for _, st := range LifecycleStages {
		for _, pk := range picks {
			if pk.stage != st {
				continue
			}
			spec, _ := SpecOf(pk.name)
			k := DashboardKPI{Stage: st, Name: pk.name, Unit: spec.Unit, Reason: pk.reason,
				Actual: spec.Get(t.Evaluation.Actual.Totals), Plan: spec.Get(t.Evaluation.Plan.Totals)}
			k.Status = status(k.Actual, k.Plan, betterOf(pk.name))
			k.Trend = trend(tk, t, spec)
			d.KPIs = append(d.KPIs, k)
		}
	}
	return d
}

// trend is a KPI's monthly values over the whole plan.
func trend(tk *tracker, t Tracking, spec Spec) []TrendPoint {
	out := make([]TrendPoint, tk.e.n)
	tracked := map[int]bool{}
	for _, m := range t.Months {
		tracked[m] = true
	}
	fc := t.Reforecast.monthFigures
	for m := 1; m <= tk.e.n; m++ {
		mask := tk.monthMask(m)
		tp := TrendPoint{Month: m, Plan: spec.Get(tk.e.figuresOver(mask))}
		if tracked[m] {
			tp.Actual = spec.Get(tk.actualFigures(-1, mask))
		}
		if m-1 < len(fc) {
			tp.Forecast = spec.Get(fc[m-1])
		}
		out[m-1] = tp
	}
	return out
}
