package chart

import (
	"strings"

	"campaignsim/plan"
)

// words holds every title, legend and notice the charts write, in French
// and English, keyed by a short name. Figure, stage and kind names come
// from package display (display.Label, display.KindLabel).
var words = map[string][2]string{
	"funnel":          {"Entonnoir : %s", "Funnel: %s"},
	"funnel.sub":      {"Effectifs attendus sur la durée du plan", "Expected people over the plan"},
	"funnel.none":     {"Ce canal n'a pas d'étape à montrer.", "This channel has no stage to show."},
	"cvc":             {"Coût et clients par canal", "Cost and customers by channel"},
	"cvc.sub":         {"Sur la durée du plan ; CPA = coût par client", "Over the plan; CPA = cost per customer"},
	"cost":            {"Coût", "Cost"},
	"customers":       {"Clients", "Customers"},
	"leads":           {"Leads", "Leads"},
	"no.channels":     {"Le plan n'a aucun canal : ajoutez-en un pour voir ce graphique.", "The plan has no channel: add one to see this chart."},
	"no.months":       {"Les résultats n'ont aucun mois à montrer.", "The results have no month to show."},
	"timeline":        {"Clients cumulés par mois", "Cumulative customers by month"},
	"timeline.sub":    {"Barres : nouveaux clients du mois ; ligne : total depuis le début", "Bars: new customers each month; line: total since the start"},
	"cum.customers":   {"Clients cumulés", "Cumulative customers"},
	"new.customers":   {"Nouveaux clients du mois", "New customers in the month"},
	"objective":       {"Objectif", "Objective"},
	"objective.at":    {"Objectif %s (%s)", "Objective %s (%s)"},
	"met":             {"atteint", "met"},
	"not.met":         {"non atteint", "not met"},
	"breakeven":       {"Point mort : coût et marge brute cumulés", "Break-even: cumulative cost and gross margin"},
	"breakeven.sub":   {"La campagne est remboursée quand la marge brute rattrape le coût", "The campaign pays back once gross margin catches up with cost"},
	"cum.cost":        {"Coût cumulé", "Cumulative cost"},
	"cum.margin":      {"Marge brute cumulée", "Cumulative gross margin"},
	"payback":         {"Remboursé au mois %s", "Pays back in month %s"},
	"no.payback":      {"Pas de retour sur investissement pendant le plan", "No payback within the plan"},
	"monthly":         {"Coût par mois et par canal", "Cost by month and channel"},
	"monthly.sub":     {"Total du mois au-dessus de chaque barre", "Month total above each bar"},
	"scenarios":       {"Scénarios comparés", "Scenarios compared"},
	"scenarios.sub":   {"Sur la durée du plan", "Over the plan"},
	"net.profit":      {"Résultat net", "Net profit"},
	"base":            {"Plan de base", "Base plan"},
	"no.scenarios":    {"Aucun résultat de scénario à comparer.", "No scenario result to compare."},
	"histogram":       {"Distribution : %s", "Distribution: %s"},
	"histogram.sub":   {"%s tirages Monte-Carlo ; 8 sur 10 tombent entre P10 et P90", "%s Monte Carlo runs; 8 in 10 fall between P10 and P90"},
	"runs":            {"Tirages", "Runs"},
	"no.histogram":    {"Aucun tirage ne définit cette valeur.", "No run defines this figure."},
	"undefined.runs":  {"%s tirages sans valeur définie ne sont pas comptés", "%s runs with no defined value are left out"},
	"tornado":         {"Sensibilité : %s", "Sensitivity: %s"},
	"tornado.sub":     {"Chaque hypothèse bouge seule à sa fourchette (ou ±20 %%)", "Each input moves alone to its range ends (or ±20%%)"},
	"tornado.low":     {"Hypothèse basse", "Low input"},
	"tornado.high":    {"Hypothèse haute", "High input"},
	"tornado.base":    {"Base : %s", "Base: %s"},
	"tornado.more":    {"+ %s autres hypothèses moins influentes", "+ %s more inputs with a smaller effect"},
	"more.channels":   {"+ %s autres canaux non montrés", "+ %s more channels not shown"},
	"more.total":      {"+ %s autres canaux non montrés : %s, %s clients", "+ %s more channels not shown: %s, %s customers"},
	"others":          {"%s autres canaux", "%s other channels"},
	"no.tornado":      {"Aucune hypothèse ne fait bouger ce résultat.", "No input moves this figure."},
	"undefined.value": {"Valeur non définie", "Undefined value"},
	"month.axis":      {"Mois", "Month"},
}

// tr returns the text of key in lang (French unless plan.LangEN), with
// each %s replaced in order by args. An unknown key is returned as is.
func tr(lang plan.Language, key string, args ...string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	s := w[0]
	if lang == plan.LangEN {
		s = w[1]
	} else {
		// French puts a no-break space before ":" and a narrow one before ";".
		s = strings.NewReplacer(" :", "\u00a0:", " ;", "\u202f;").Replace(s)
	}
	for _, a := range args {
		s = strings.Replace(s, "%s", a, 1)
	}
	return strings.ReplaceAll(s, "%%", "%")
}
