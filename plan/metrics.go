package plan

// Metrics lists every name an objective's metric may take: the figures of
// MODEL.md's results table, the stage counts, and the stage aliases reach
// and impressions (= exposures) and clicks (= interactions).
var Metrics = []string{
	"cost", "revenue", "cogs", "gross_margin", "net_profit", "roi", "romi", "net_margin", "roas",
	"cpa", "cpl", "cpc", "cpm", "ctr", "conversion_rate", "break_even_customers", "break_even_cpa",
	"payback_month", "budget_left", "exposures", "interactions", "conversions", "leads", "mql", "sql",
	"customers", "clv", "reach", "impressions", "clicks",
}

// LeadMetrics are the figures of the lead stages — leads, MQL, SQL and
// the cost per lead — which only a b2b plan has (MODEL.md "Funnels"): in
// a b2c plan a conversion is a customer, and they are undefined.
var LeadMetrics = []string{"leads", "mql", "sql", "cpl"}

// IsLeadMetric reports whether name is one of LeadMetrics.
func IsLeadMetric(name string) bool {
	for _, m := range LeadMetrics {
		if m == name {
			return true
		}
	}
	return false
}

// IsMetric reports whether name is one of Metrics.
func IsMetric(name string) bool {
	for _, m := range Metrics {
		if m == name {
			return true
		}
	}
	return false
}
