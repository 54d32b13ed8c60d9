package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// FigureSpecs lists every figure of Figures in the order of the JSON and
// CSV outputs (FORMAT.md), with its MODEL.md name and unit.
func FigureSpecs() []Spec { return figureSpecs }

var figureSpecs = []Spec{
	{"cost", Money, func(f Figures) decimal.NullDecimal { return f.Cost }},
	{"revenue", Money, func(f Figures) decimal.NullDecimal { return f.Revenue }},
	{"cogs", Money, func(f Figures) decimal.NullDecimal { return f.COGS }},
	{"gross_margin", Money, func(f Figures) decimal.NullDecimal { return f.GrossMargin }},
	{"net_profit", Money, func(f Figures) decimal.NullDecimal { return f.NetProfit }},
	{"roi", Rate, func(f Figures) decimal.NullDecimal { return f.ROI }},
	{"romi", Rate, func(f Figures) decimal.NullDecimal { return f.ROMI }},
	{"net_margin", Rate, func(f Figures) decimal.NullDecimal { return f.NetMargin }},
	{"roas", Multiple, func(f Figures) decimal.NullDecimal { return f.ROAS }},
	{"cpa", Money, func(f Figures) decimal.NullDecimal { return f.CPA }},
	{"cpl", Money, func(f Figures) decimal.NullDecimal { return f.CPL }},
	{"cpc", Money, func(f Figures) decimal.NullDecimal { return f.CPC }},
	{"cpm", Money, func(f Figures) decimal.NullDecimal { return f.CPM }},
	{"ctr", Rate, func(f Figures) decimal.NullDecimal { return f.CTR }},
	{"conversion_rate", Rate, func(f Figures) decimal.NullDecimal { return f.ConversionRate }},
	{"break_even_customers", Count, func(f Figures) decimal.NullDecimal { return f.BreakEvenCustomers }},
	{"break_even_cpa", Money, func(f Figures) decimal.NullDecimal { return f.BreakEvenCPA }},
	{"payback_month", Month, func(f Figures) decimal.NullDecimal { return f.PaybackMonth }},
	{"budget_left", Money, func(f Figures) decimal.NullDecimal { return f.BudgetLeft }},
	{"exposures", Count, func(f Figures) decimal.NullDecimal { return f.Exposures }},
	{"interactions", Count, func(f Figures) decimal.NullDecimal { return f.Interactions }},
	{"conversions", Count, func(f Figures) decimal.NullDecimal { return f.Conversions }},
	{"leads", Count, func(f Figures) decimal.NullDecimal { return f.Leads }},
	{"mql", Count, func(f Figures) decimal.NullDecimal { return f.MQL }},
	{"sql", Count, func(f Figures) decimal.NullDecimal { return f.SQL }},
	{"customers", Count, func(f Figures) decimal.NullDecimal { return f.Customers }},
	{"clv", Money, func(f Figures) decimal.NullDecimal { return f.CLV }},
}

// SpecOf returns the Spec of a figure or metric name (the aliases reach and
// impressions read exposures, clicks reads interactions), and whether it
// exists.
func SpecOf(name string) (Spec, bool) {
	switch name {
	case "reach", "impressions":
		name = "exposures"
	case "clicks":
		name = "interactions"
	}
	for _, s := range figureSpecs {
		if s.Name == name {
			return s, true
		}
	}
	return Spec{}, false
}

// FigureApplies reports whether figure name is one plan p has: every
// figure but the lead stages (plan.LeadMetrics) in a b2c plan, where they
// are undefined by definition. The documents, the command line and the
// app show only these.
func FigureApplies(p plan.Plan, name string) bool {
	return p.Business.Model == plan.B2B || !plan.IsLeadMetric(name)
}

// ShownFigures is FigureSpecs without the figures p does not have
// (FigureApplies), in the same order.
func ShownFigures(p plan.Plan) []Spec {
	var out []Spec
	for _, s := range FigureSpecs() {
		if FigureApplies(p, s.Name) {
			out = append(out, s)
		}
	}
	return out
}
