package display

import (
	"strings"

	"campaignsim/plan"
)

// label is a name in French and English.
type label struct{ fr, en string }

// labels names every figure of simulate.FigureSpecs, the metric aliases of
// plan.Metrics, the funnel stages the engine reports and the channel and
// funnel rates the benchmarks and recommendations speak of.
var labels = map[string]label{
	// figures (MODEL.md's results table and the stage counts), in FigureSpecs order
	"cost":                 {"Coût", "Cost"},
	"revenue":              {"Chiffre d'affaires", "Revenue"},
	"cogs":                 {"Coût des marchandises", "Cost of goods sold"},
	"gross_margin":         {"Marge brute", "Gross margin"},
	"net_profit":           {"Résultat net", "Net profit"},
	"roi":                  {"ROI", "ROI"},
	"romi":                 {"ROMI", "ROMI"},
	"net_margin":           {"Marge nette", "Net margin"},
	"roas":                 {"ROAS", "ROAS"},
	"cpa":                  {"CPA", "CPA"},
	"cpl":                  {"CPL", "CPL"},
	"cpc":                  {"CPC", "CPC"},
	"cpm":                  {"CPM", "CPM"},
	"ctr":                  {"CTR", "CTR"},
	"conversion_rate":      {"Taux de conversion", "Conversion rate"},
	"break_even_customers": {"Clients pour l'équilibre", "Break-even customers"},
	"break_even_cpa":       {"CPA d'équilibre", "Break-even CPA"},
	"payback_month":        {"Mois de retour sur investissement", "Payback month"},
	"budget_left":          {"Budget restant", "Budget left"},
	"exposures":            {"Expositions", "Exposures"},
	"interactions":         {"Interactions", "Interactions"},
	"conversions":          {"Conversions", "Conversions"},
	"leads":                {"Leads", "Leads"},
	"mql":                  {"MQL", "MQL"},
	"sql":                  {"SQL", "SQL"},
	"customers":            {"Clients", "Customers"},
	"clv":                  {"CLV", "CLV"},

	// metric aliases and funnel stages
	"reach":         {"Portée", "Reach"},
	"impressions":   {"Impressions", "Impressions"},
	"clicks":        {"Clics", "Clicks"},
	"sent":          {"Envoyés", "Sent"},
	"delivered":     {"Délivrés", "Delivered"},
	"bounces":       {"Rebonds", "Bounces"},
	"opens":         {"Ouvertures", "Opens"},
	"unsubscribes":  {"Désabonnements", "Unsubscribes"},
	"visits":        {"Visites", "Visits"},
	"responses":     {"Réponses", "Responses"},
	"contacts":      {"Contacts", "Contacts"},
	"units":         {"Exemplaires", "Units"},
	"posts":         {"Publications", "Posts"},
	"click_to_open": {"Taux de clic à l'ouverture", "Click-to-open rate"},

	// channel inputs and funnel rates (benchmarks, recommendations)
	"open_rate":           {"Taux d'ouverture", "Open rate"},
	"click_rate":          {"Taux de clic", "Click rate"},
	"bounce_rate":         {"Taux de rebond", "Bounce rate"},
	"unsubscribe_rate":    {"Taux de désabonnement", "Unsubscribe rate"},
	"reach_rate":          {"Taux de portée", "Reach rate"},
	"response_rate":       {"Taux de réponse", "Response rate"},
	"cost_per_message":    {"Coût par message", "Cost per message"},
	"cost_per_unit":       {"Coût unitaire", "Cost per unit"},
	"commission_rate":     {"Taux de commission", "Commission rate"},
	"commission_per_sale": {"Commission par vente", "Commission per sale"},
	"lead_to_mql":         {"Lead → MQL", "Lead → MQL"},
	"mql_to_sql":          {"MQL → SQL", "MQL → SQL"},
	"sql_to_customer":     {"SQL → client", "SQL → customer"},
	"budget":              {"Budget", "Budget"},
}

// Label returns the name people read for a figure, metric, funnel stage or
// channel rate (the names of simulate.FigureSpecs, plan.Metrics, the
// engine's stages and the benchmark metrics): Label("revenue", fr) is
// "Chiffre d'affaires", Label("revenue", en) "Revenue". An unknown name is
// returned with its underscores turned into spaces, so nothing is ever
// blank; a name with a qualifier after a dot reads as its base label and
// the qualifier: Label("click_rate.case_studies", en) is
// "Click rate (case studies)".
func Label(name string, lang plan.Language) string {
	if base, qual, ok := strings.Cut(name, "."); ok && qual != "" {
		return Label(base, lang) + " (" + strings.ReplaceAll(qual, "_", " ") + ")"
	}
	l, ok := labels[name]
	if !ok {
		return strings.ReplaceAll(name, "_", " ")
	}
	if isEN(lang) {
		return l.en
	}
	return l.fr
}

// kindLabels names the channel kinds of plan.Kinds.
var kindLabels = map[plan.Kind]label{
	plan.Email:         {"E-mailing", "Email"},
	plan.SMS:           {"SMS", "SMS"},
	plan.Search:        {"Liens sponsorisés", "Paid search"},
	plan.Display:       {"Display", "Display"},
	plan.SocialAds:     {"Publicité sociale", "Social ads"},
	plan.SocialOrganic: {"Réseaux sociaux", "Organic social"},
	plan.Influencer:    {"Influence", "Influencer"},
	plan.SEO:           {"Référencement naturel", "SEO"},
	plan.Content:       {"Contenu", "Content"},
	plan.Print:         {"Imprimés", "Print"},
	plan.Event:         {"Événement", "Event"},
	plan.Partnership:   {"Partenariat", "Partnership"},
	plan.Affiliate:     {"Affiliation", "Affiliate"},
}

// KindLabel returns the name people read for a channel kind:
// KindLabel(plan.Email, fr) is "E-mailing". An unknown kind is returned
// as written.
func KindLabel(k plan.Kind, lang plan.Language) string {
	l, ok := kindLabels[k]
	if !ok {
		return string(k)
	}
	if isEN(lang) {
		return l.en
	}
	return l.fr
}
