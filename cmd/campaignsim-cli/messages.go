package main

import (
	"fmt"

	"campaignsim/plan"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// messages are the words of the text outputs, French then English. French
// puts a no-break space before ":" (typography); tr adds nothing.
var messages = map[string][2]string{
	"ok":               {"OK\u00a0:", "OK:"},
	"channel":          {"canal", "channel"},
	"channels":         {"canaux", "channels"},
	"objective":        {"objectif", "objective"},
	"objectives":       {"objectifs", "objectives"},
	"month":            {"mois", "month"},
	"months":           {"mois", "months"},
	"business":         {"Entreprise", "Business"},
	"author":           {"Auteur", "Author"},
	"client":           {"Client", "Client"},
	"period":           {"Période", "Period"},
	"period value":     {"du %s au %s (%s)", "%s to %s (%s)"},
	"budget":           {"Budget", "Budget"},
	"scenario":         {"Scénario", "Scenario"},
	"base":             {"base (le plan tel qu'écrit)", "base (the plan as written)"},
	"key figures":      {"Chiffres clés", "Key figures"},
	"by channel":       {"Par canal", "By channel"},
	"funnel":           {"Entonnoir par canal", "Funnel by channel"},
	"timeline":         {"Calendrier mensuel", "Monthly timeline"},
	"objectives title": {"Objectifs", "Objectives"},
	"recommendations":  {"Recommandations", "Recommendations"},
	"warnings":         {"Avertissements", "Warnings"},
	"none":             {"aucun", "none"},
	"col channel":      {"Canal", "Channel"},
	"col kind":         {"Type", "Kind"},
	"col month":        {"Mois", "Month"},
	"col start":        {"Début", "Starts"},
	"col cum cost":     {"Coût cumulé", "Cumulative cost"},
	"col cum customers": {
		"Clients cumulés", "Cumulative customers"},
	"col cum margin": {"Marge brute cumulée", "Cumulative gross margin"},
	"col figure":     {"Indicateur", "Figure"},
	"total":          {"Total", "Total"},
	"met":            {"atteint", "met"},
	"not met":        {"non atteint", "not met"},
	"deadline":       {"échéance %s", "deadline %s"},
	"no deadline":    {"sans échéance", "no deadline"},
	"value gap":      {"valeur %s, écart %s", "value %s, gap %s"},
	"plan wide":      {"Plan entier", "Whole plan"},
	"below":          {"sous le repère", "below the benchmark"},
	"above":          {"au-dessus du repère", "above the benchmark"},
	"source":         {"source", "source"},
	"no actuals":     {"le plan n'a pas de réalisés : ajoutez des [[actuals]] (canal, mois, dépense, clients, chiffre d'affaires) pour l'évaluer", "the plan has no actuals: add [[actuals]] (channel, month, spend, customers, revenue) to evaluate it"},
	"evaluation":     {"Évaluation : réalisé et prévu", "Evaluation: actual and plan"},
	"actual months":  {"Mois réalisés", "Months with actuals"},
	"col actual":     {"Réalisé", "Actual"},
	"col plan":       {"Prévu", "Plan"},
	"col variance":   {"Écart", "Variance"},
	"scenarios":      {"Scénarios côte à côte", "Scenarios side by side"},
	"benchmarks":     {"Repères de la bibliothèque", "Benchmark library"},
	"col metric":     {"Indicateur", "Metric"},
	"col kinds":      {"Canaux", "Channels"},
	"col sector":     {"Secteur", "Sector"},
	"col value":      {"Valeur", "Value"},
	"col min":        {"Min", "Min"},
	"col max":        {"Max", "Max"},
	"col source":     {"Source", "Source"},
	"all kinds":      {"tous", "all"},
	"all sectors":    {"tous", "all"},
	"levers":         {"Leviers", "Levers"},
}

// tr returns the message key in lang (French unless LangEN). A missing
// key is returned as is, so that a gap shows and never panics.
func tr(lang plan.Language, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == plan.LangEN {
		return m[1]
	}
	return m[0]
}

// trf is tr used as a format.
func trf(lang plan.Language, key string, a ...any) string {
	return fmt.Sprintf(tr(lang, key), a...)
}

// plural writes n and the noun key ("channel", "objective", "month"),
// plural as display.Plural says (from 2 in French, for every n but 1 in
// English).
func plural(lang plan.Language, n int, key string) string {
	if display.Plural(decimal.NewFromInt(int64(n)), lang) {
		key += "s"
	}
	return fmt.Sprintf("%d %s", n, tr(lang, key))
}
