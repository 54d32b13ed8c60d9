package report

import (
	"fmt"
	"time"

	"campaignsim/plan"
)

// text is one string of the document in French and English.
type text struct{ fr, en string }

// strs holds every sentence, heading and column title of the document, in
// both languages, in one place. Keys are short English descriptions. A
// format string (with %s) is used through trf. French typography: a
// no-break space (U+00A0) before ":" and inside « », a narrow no-break
// space (U+202F) before ";", "?" and "!" is left out (plain space) because
// lines may break there.
var strs = map[string]text{
	// running header, footer, cover
	"page":             {"Page %s / %s", "Page %s of %s"},
	"made with":        {"Document préparé avec CampaignSim", "Prepared with CampaignSim"},
	"cover kicker":     {"Plan de campagne marketing", "Marketing campaign plan"},
	"business":         {"Entreprise", "Business"},
	"client":           {"Client", "Client"},
	"author":           {"Auteur", "Author"},
	"date":             {"Date du document", "Document date"},
	"period":           {"Période", "Period"},
	"period value":     {"du %s au %s (%s)", "%s to %s (%s)"},
	"budget":           {"Budget", "Budget"},
	"scenario":         {"Scénario", "Scenario"},
	"base scenario":    {"base (le plan tel qu'écrit)", "base (the plan as written)"},
	"all scenarios":    {"base, et tous les scénarios comparés", "base, with every scenario compared"},
	"channels count":   {"Canaux", "Channels"},
	"contents":         {"Sommaire", "Contents"},
	"month one":        {"mois", "month"},
	"month many":       {"mois", "months"},
	"colon":            {"\u00a0: ", ": "},
	"none":             {"aucun", "none"},
	"undefined reason": {"non défini", "undefined"},

	// section titles
	"s summary":    {"Synthèse", "Summary"},
	"s context":    {"Contexte", "Context"},
	"s smart":      {"Objectifs SMART", "SMART objectives"},
	"s actions":    {"Actions : le mix de canaux", "Actions: the channel mix"},
	"s planning":   {"Planning et budget", "Planning and budget"},
	"s results":    {"Résultats prévus", "Expected results"},
	"s risks":      {"Risques", "Risks"},
	"s tracking":   {"Suivi", "Tracking"},
	"s recommends": {"Recommandations", "Recommendations"},

	// summary
	"h objectives":     {"Les objectifs et leur atteinte", "The objectives and whether they are met"},
	"h key figures":    {"Chiffres clés", "Key figures"},
	"h conclusion":     {"Conclusion", "Conclusion"},
	"col objective":    {"Objectif", "Objective"},
	"col target":       {"Cible", "Target"},
	"col value":        {"Valeur prévue", "Expected value"},
	"col status":       {"Atteint", "Met"},
	"col probability":  {"Probabilité", "Probability"},
	"met":              {"oui", "yes"},
	"not met":          {"non", "no"},
	"no objectives":    {"Le plan ne fixe aucun objectif chiffré.", "The plan sets no measurable objective."},
	"scenario note":    {"Les résultats de ce document sont ceux du scénario « %s ».", "The results in this document are those of the scenario \"%s\"."},
	"prob note":        {"Probabilités estimées par %s tirages Monte-Carlo (graine %s) sur les fourchettes du plan.", "Probabilities estimated from %s Monte Carlo runs (seed %s) over the plan's ranges."},
	"conc all met":     {"Le plan atteint ses %s objectifs : %s clients pour un coût de %s, soit un CPA de %s.", "The plan meets its %s objectives: %s customers for a cost of %s, a CPA of %s."},
	"conc one met":     {"Le plan atteint son objectif : %s clients pour un coût de %s, soit un CPA de %s.", "The plan meets its objective: %s customers for a cost of %s, a CPA of %s."},
	"conc some met":    {"Le plan atteint %s objectif(s) sur %s ; il manque « %s » (%s prévu pour une cible de %s).", "The plan meets %s of its %s objectives; it misses \"%s\" (%s expected against a target of %s)."},
	"conc none set":    {"Le plan ne fixe pas d'objectif : il prévoit %s clients pour un coût de %s, soit un CPA de %s.", "The plan sets no objective: it expects %s customers for a cost of %s, a CPA of %s."},
	"conc fragile":     {" L'objectif le plus fragile, « %s », a %s de chances d'être atteint.", " The most fragile objective, \"%s\", has a %s chance of being met."},
	"conc channels":    {"Le canal le plus efficace est « %s » (CPA %s) ; le moins efficace est « %s » (%s).", "The most efficient channel is \"%s\" (CPA %s); the least efficient is \"%s\" (%s)."},
	"conc one channel": {"Le seul canal du plan, « %s », a un CPA de %s.", "The plan's only channel, \"%s\", has a CPA of %s."},
	"conc no customer": {"aucun client", "no customer"},
	"conc cpa":         {"CPA %s", "CPA %s"},
	"conc risk":        {"Le principal risque porte sur l'hypothèse « %s » du canal « %s » : entre %s et %s, le résultat net va de %s à %s.", "The main risk lies in the %s of \"%s\": between %s and %s, net profit ranges from %s to %s."},
	"conc risk p10":    {" Dans un cas sur dix, le résultat net sera inférieur à %s.", " In one case out of ten, net profit will be below %s."},
	"conc no risk":     {"Aucune donnée du plan ne fait varier sensiblement le résultat net.", "No input of the plan moves net profit noticeably."},

	// context
	"h business":       {"L'entreprise", "The business"},
	"h market":         {"Marché, cible et contexte", "Market, target and context"},
	"no context":       {"Le plan ne décrit pas encore son contexte (marché, cible, partenariats).", "The plan does not describe its context yet (market, target, partnerships)."},
	"sector":           {"Secteur", "Sector"},
	"model":            {"Modèle", "Model"},
	"model b2c":        {"B2C : vente aux particuliers", "B2C: selling to consumers"},
	"model b2b":        {"B2B : vente aux entreprises", "B2B: selling to businesses"},
	"average order":    {"Panier moyen", "Average order"},
	"gross margin":     {"Taux de marge brute", "Gross margin rate"},
	"first discount":   {"Remise sur la première commande", "First-order discount"},
	"orders per month": {"Commandes par mois d'un client fidèle", "Orders per month of a retained customer"},
	"retention":        {"Rétention mensuelle", "Monthly retention"},
	"clv horizon":      {"Horizon de la CLV", "CLV horizon"},
	"b2b funnel":       {"Entonnoir B2B (lead → MQL → SQL → client)", "B2B funnel (lead → MQL → SQL → customer)"},

	// SMART
	"smart intro": {"Chaque objectif est vérifié lettre par lettre : Spécifique, Mesurable, Atteignable, Réaliste (pertinent), Temporellement défini.", "Each objective is checked letter by letter: Specific, Measurable, Achievable, Relevant, Time-bound."},
	"col letter":  {"Critère", "Criterion"},
	"col check":   {"Vérifié", "Holds"},
	"col why":     {"Pourquoi", "Why"},
	"letter S":    {"S — Spécifique", "S — Specific"},
	"letter M":    {"M — Mesurable", "M — Measurable"},
	"letter A":    {"A — Atteignable", "A — Achievable"},
	"letter R":    {"R — Réaliste", "R — Relevant"},
	"letter T":    {"T — Temporel", "T — Time-bound"},
	"yes":         {"oui", "yes"},
	"no":          {"non", "no"},
	"A prob":      {" ; probabilité %s", "; probability %s"},

	// actions
	"actions intro":   {"Le plan combine %s. Pour chacun : ce qu'il est, qui le mène, quand, combien il coûte, son entonnoir prévu et ses indicateurs comparés aux repères publiés.", "The plan combines %s. For each: what it is, who runs it, when, what it costs, its expected funnel and its KPIs against published benchmarks."},
	"kind":            {"Type", "Kind"},
	"owner":           {"Responsable", "Owner"},
	"months":          {"Mois actifs", "Active months"},
	"cost":            {"Coût", "Cost"},
	"no owner":        {"non désigné", "not named"},
	"all months":      {"tous (%s)", "all (%s)"},
	"no month":        {"aucun mois du plan", "no month of the plan"},
	"col stage":       {"Étape de l'entonnoir", "Funnel stage"},
	"col count":       {"Volume prévu", "Expected count"},
	"col rate":        {"Taux", "Rate"},
	"side stage":      {"(à côté)", "(side)"},
	"col kpi":         {"Indicateur", "KPI"},
	"col plan":        {"Plan", "Plan"},
	"col benchmark":   {"Repère", "Benchmark"},
	"col verdict":     {"Lecture", "Reading"},
	"col source":      {"Source", "Source"},
	"bench min":       {"seuil bas %s", "floor %s"},
	"bench max":       {"seuil haut %s", "ceiling %s"},
	"bench cpa":       {"CPA d'équilibre (CLV) %s", "break-even CPA (CLV) %s"},
	"verdict ok":      {"dans la norme", "in range"},
	"verdict low":     {"sous le seuil", "below the floor"},
	"verdict high":    {"au-dessus du seuil", "above the ceiling"},
	"verdict compare": {"à comparer", "to compare"},
	"verdict na":      {"—", "—"},
	"plan model":      {"Calcul du plan (CLV)", "Computed from the plan (CLV)"},
	"no benchmark":    {"aucun repère", "no benchmark"},

	// planning
	"planning intro":  {"Coût de chaque canal mois par mois (le coût d'un canal est réparti également sur ses mois actifs).", "Cost of each channel month by month (a channel's cost is spread evenly over its active months)."},
	"h month channel": {"Budget par mois et par canal", "Budget by month and channel"},
	"h owners":        {"Qui fait quoi", "Who does what"},
	"h timeline":      {"Calendrier des clients et des coûts", "Customers and costs over time"},
	"col channel":     {"Canal", "Channel"},
	"col owner":       {"Responsable", "Owner"},
	"col total":       {"Total", "Total"},
	"col channels":    {"Canaux", "Channels"},
	"col share":       {"Part du coût", "Share of cost"},
	"total":           {"Total", "Total"},
	"budget line":     {"Budget du plan %s ; coût prévu %s ; reste %s.", "Plan budget %s; expected cost %s; left %s."},
	"over budget":     {"Attention : le coût prévu dépasse le budget de %s.", "Warning: the expected cost exceeds the budget by %s."},

	// results
	"h by channel":     {"Résultats par canal", "Results by channel"},
	"h by month":       {"Résultats par mois", "Results by month"},
	"h funnels":        {"Entonnoirs", "Funnels"},
	"h cost customers": {"Coût et clients par canal", "Cost and customers by channel"},
	"h break even":     {"Point mort", "Break-even"},
	"h scenarios":      {"Scénarios côte à côte", "Scenarios side by side"},
	"col customers":    {"Clients", "Customers"},
	"col month":        {"Mois", "Month"},
	"col cum cost":     {"Coût cumulé", "Cumulative cost"},
	"col cum margin":   {"Marge cumulée", "Cumulative margin"},
	"col figure":       {"Indicateur", "Figure"},
	"break even text":  {"Il faut %s clients pour couvrir le coût de la campagne avec la marge réalisée pendant le plan ; un client peut coûter au plus %s (sa CLV) pour rester rentable sur %s mois.", "The campaign needs %s customers to cover its cost with the margin earned during the plan; a customer may cost at most %s (their CLV) to stay profitable over %s months."},
	"payback text":     {" Le cumul de la marge dépasse celui des coûts au mois %s.", " Cumulative margin overtakes cumulative cost in month %s."},
	"no payback text":  {" Le cumul de la marge ne rattrape pas celui des coûts pendant le plan.", " Cumulative margin does not catch up with cumulative cost within the plan."},
	"no scenarios":     {"Le plan ne définit pas de scénario.", "The plan defines no scenario."},

	// risks
	"h monte carlo":     {"Fourchettes de résultats (Monte-Carlo)", "Ranges of results (Monte Carlo)"},
	"mc intro":          {"%s tirages des données incertaines du plan (loi PERT sur chaque fourchette, graine %s). Huit cas sur dix tombent entre P10 et P90.", "%s draws of the plan's uncertain inputs (PERT over each range, seed %s). Eight cases out of ten fall between P10 and P90."},
	"mc none":           {"Aucune donnée du plan ne porte de fourchette : la simulation Monte-Carlo n'a pas d'objet. Donnez une fourchette [bas, haut] aux taux les moins sûrs pour mesurer le risque.", "No input of the plan carries a range, so there is nothing for Monte Carlo to draw. Give the least certain rates a [low, high] range to measure the risk."},
	"col p10":           {"P10", "P10"},
	"col p50":           {"P50 (médiane)", "P50 (median)"},
	"col p90":           {"P90", "P90"},
	"col mean":          {"Moyenne", "Mean"},
	"h histogram":       {"Distribution du résultat net", "Distribution of net profit"},
	"h tornado":         {"Sensibilité du résultat net (tornade)", "Sensitivity of net profit (tornado)"},
	"tornado intro":     {"Chaque donnée est déplacée seule aux bornes de sa fourchette (ou de −20 % / +20 % sans fourchette) ; les plus influentes d'abord.", "Each input is moved alone to the ends of its range (or −20 % / +20 % without one); the most influential first."},
	"col input":         {"Donnée", "Input"},
	"col low high":      {"Bas – haut", "Low – high"},
	"col at low":        {"Résultat au bas", "Result at low"},
	"col at high":       {"Résultat au haut", "Result at high"},
	"col swing":         {"Écart", "Swing"},
	"h goal seek":       {"Budget nécessaire pour chaque objectif", "Budget needed for each objective"},
	"goal seek intro":   {"Budget des canaux payants (recherche, display, publicité sociale) au mix actuel, les autres canaux inchangés.", "Budget of the paid channels (search, display, social ads) at today's mix, the other channels unchanged."},
	"seek reach":        {"Pour atteindre %s %s, il faut un budget publicitaire de %s (coût total du plan %s ; budget publicitaire actuel %s).", "To reach %s %s, you need an ad budget of %s (total plan cost %s; ad budget today %s)."},
	"seek unreachable":  {"%s %s est hors d'atteinte avec ce mix : %s", "%s %s cannot be reached with this mix: %s"},
	"seek error":        {"%s %s : le calcul est impossible pour ce plan (aucun budget publicitaire à faire varier).", "%s %s: cannot be computed for this plan (no ad budget to vary)."},
	"seek none":         {"Aucun objectif ne porte sur un indicateur que le budget fait croître (clients, leads, chiffre d'affaires, marge…).", "No objective is about a figure that grows with the budget (customers, leads, revenue, margin…)."},
	"seek best":         {"au mieux %s", "at best %s"},
	"h warnings":        {"Points d'attention", "Points to watch"},
	"no warnings":       {"Aucun point d'attention.", "Nothing to flag."},
	"glyphs missing":    {"Certains caractères du plan n'existent pas dans la police du document : chacun y est remplacé par « %s ». Caractères remplacés : %s.", "Some characters of the plan are not in the document's font: each is shown as “%s”. Characters replaced: %s."},
	"glyphs more":       {" et %s autres", " and %s more"},
	"fig customers":     {"clients", "customers"},
	"fig revenue":       {"de chiffre d'affaires", "of revenue"},
	"fig gross_margin":  {"de marge brute", "of gross margin"},
	"fig net_profit":    {"de résultat net", "of net profit"},
	"fig generic":       {"(%s)", "(%s)"},
	"objective prob hd": {"Probabilité d'atteindre chaque objectif", "Chance of meeting each objective"},

	// tracking
	"tracking intro": {"Quatre à dix indicateurs, suivis tout au long du parcours client, suffisent à piloter la campagne. Ceux-ci sont rangés par étape du cycle de vie, avec les valeurs que prévoit le plan et les outils pour les mesurer.", "Four to ten KPIs followed along the customer journey are enough to steer the campaign. These are grouped by life-cycle stage, with the values the plan expects and the tools to measure them."},
	"col lc stage":   {"Étape", "Stage"},
	"col kpis":       {"Indicateurs à suivre", "KPIs to follow"},
	"col plan value": {"Prévu par le plan", "Expected by the plan"},
	"col tools":      {"Outils", "Tools"},
	"h tools":        {"Outils de mesure", "Measurement tools"},
	"h actuals":      {"Réalisé et prévu", "Actual and plan"},
	"actuals intro":  {"Mois comparés : %s. Écart = réalisé − prévu.", "Months compared: %s. Variance = actual − plan."},
	"no actuals":     {"Le plan n'a pas encore de réalisés. Saisissez chaque mois, par canal, la dépense, les clients et le chiffre d'affaires pour comparer le réalisé au prévu.", "The plan has no actuals yet. Enter each month, per channel, the spend, customers and revenue to compare what happened with the plan."},
	"col actual":     {"Réalisé", "Actual"},
	"col variance":   {"Écart", "Variance"},

	// tracking with actuals (tracking.go)
	"dash intro":          {"Réalisé des mois %s, comparé au plan sur les mêmes mois. Un indicateur est « dans les temps » à ±%s du prévu, « en avance » ou « en retard » au-delà.", "Actuals of %s, compared with the plan over the same months. A KPI is on track within ±%s of the plan, ahead or behind beyond that."},
	"h dashboard":         {"Tableau de bord par étape du cycle de vie", "Dashboard by life-cycle stage"},
	"h trends":            {"Tendance mois par mois", "Month-by-month trend"},
	"trends legend":       {"Barres grises : prévu du mois ; ligne pleine : réalisé ; pointillés : reprévision des mois à venir ; zone grisée : mois déjà réalisés.", "Grey bars: the month's plan; solid line: actual; dashed line: re-forecast of the months to come; shaded area: months already run."},
	"st ahead":            {"En avance", "Ahead"},
	"st on track":         {"Conforme", "On track"},
	"st behind":           {"En retard", "Behind"},
	"col variance pct":    {"Écart %", "Var. %"},
	"col track status":    {"Statut", "Status"},
	"status legend":       {"Écart %% = (réalisé − prévu) / prévu. Le statut tient compte du sens de chaque indicateur : un CPA plus bas que prévu est en avance. Tolérance : ±%s.", "Var. %% = (actual − plan) / plan. The status follows each KPI's better side: a CPA below plan is ahead. Tolerance: ±%s."},
	"h track channels":    {"Par canal : réalisé et prévu", "By channel: actual and plan"},
	"actual short":        {"réal.", "act."},
	"plan short":          {"prévu", "plan"},
	"missing months":      {"sans réalisé : %s", "no actuals: %s"},
	"h reforecast":        {"Reprévision de fin de plan", "End-of-plan re-forecast"},
	"rf all run":          {"Tous les mois du plan sont réalisés : la reprévision est le réalisé.", "Every month of the plan has run: the re-forecast is the actuals."},
	"rf intro":            {"Les mois réalisés sont repris tels quels ; à partir de %s, le plan est prolongé avec les taux corrigés par le réalisé.", "The months run are taken as they happened; from %s on, the plan goes on with its rates corrected by the actuals."},
	"col forecast":        {"Reprévision", "Re-forecast"},
	"h rf objectives":     {"Objectifs : chance mise à jour", "Objectives: updated chance"},
	"col met":             {"Atteint", "Met"},
	"col chance":          {"Chance", "Chance"},
	"rf chance note":      {"Chance : part des tirages Monte-Carlo du plan corrigé qui atteignent l'objectif (le plan corrigé dans son ensemble, comme si les taux observés valaient depuis le début).", "Chance: share of the Monte Carlo runs of the corrected plan that meet the objective (the corrected plan as a whole, as if the observed rates had held from the start)."},
	"h rf blend":          {"Comment le réalisé corrige les taux", "How the actuals correct the rates"},
	"rf blend intro":      {"Chaque taux retenu mêle l'observé et le prévu : poids de l'observé = volume / (volume + k), avec k = 10 événements attendus pour un taux, 100 clics pour un CPC, 100 000 impressions pour un CPM. Plus le volume observé est grand, plus l'observé pèse.", "Each rate kept blends the observed and the planned one: weight of the observed = volume / (volume + k), with k = 10 expected events for a rate, 100 clicks for a CPC, 100,000 impressions for a CPM. The larger the observed volume, the more the observed rate weighs."},
	"rf blend line":       {"%s, %s : observé %s sur %s %s, pèse %s face au prévu %s → %s retenu.", "%s, %s: observed %s over %s %s, weighs %s against the planned %s → %s kept."},
	"vol conversion_rate": {"interactions", "interactions"},
	"vol click_rate":      {"envois", "deliveries"},
	"vol ctr":             {"expositions", "exposures"},
	"vol response_rate":   {"expositions", "exposures"},
	"vol cpc":             {"clics", "clicks"},
	"vol cpm":             {"impressions", "impressions"},
	"h lagging":           {"Que faire là où un indicateur est en retard", "What to do where a KPI lags"},
	"no lagging":          {"Aucun indicateur n'est en retard sur le plan : gardez le cap et continuez à saisir le réalisé chaque mois.", "No KPI is behind the plan: keep the course and go on entering the actuals each month."},
	"lagging kpis":        {"En retard sur le plan : %s.", "Behind the plan: %s."},
	"whole plan":          {"Ensemble du plan", "Whole plan"},
	"tracking src":        {"Sources\u00a0: étapes et indicateurs d'après l'article «\u00a0KPI et inbound marketing\u00a0: les indicateurs à suivre à chaque étape du cycle de vie client\u00a0» ; outils d'après le cours de Rémy Juston-Coumat «\u00a0Mesure de la performance marketing online et offline\u00a0» (2024) et l'article «\u00a0KPI d'une campagne multicanale\u00a0».", "Sources: stages and KPIs after the article “KPI and inbound marketing: the indicators to follow at each stage of the customer life cycle”; tools after Rémy Juston-Coumat's course “Measuring marketing performance online and offline” (2024) and the article “KPIs of a multichannel campaign”."},

	"lc awareness":  {"Notoriété", "Awareness"},
	"lc engagement": {"Engagement", "Engagement"},
	"lc leads":      {"Génération de leads", "Lead generation"},
	"lc sales":      {"Vente", "Sales"},
	"lc loyalty":    {"Fidélisation", "Loyalty"},
	"kpi awareness": {"visiteurs du site, pages vues, position des mots-clés ; portée et impressions des publications, nouveaux abonnés", "site visitors, page views, keyword rankings; reach and impressions of posts, new followers"},
	"kpi engage":    {"visiteurs réguliers, trafic direct et social ; mentions j'aime, partages, commentaires ; inscriptions à la lettre, taux d'ouverture et de clic", "returning visitors, direct and social traffic; likes, shares, comments; newsletter sign-ups, open and click rates"},
	"kpi leads":     {"volume de leads, MQL et SQL, coût par lead, taux de conversion, trafic naturel", "lead volume, MQL and SQL, cost per lead, conversion rate, organic traffic"},
	"kpi sales":     {"taux de conversion en client, coût d'acquisition (CPA), panier moyen, abandon de panier, durée du cycle de vente", "conversion to customer, acquisition cost (CPA), average order, cart abandonment, sales cycle length"},
	"kpi loyalty":   {"rétention, réachat, attrition, avis et note, NPS, durée de vie du client", "retention, repeat purchase, churn, reviews and rating, NPS, customer lifetime"},
	"pv exposures":  {"expositions %s", "exposures %s"},
	"pv inter":      {"interactions %s ; CTR %s", "interactions %s; CTR %s"},
	"pv leads":      {"leads %s ; MQL %s ; CPL %s", "leads %s; MQL %s; CPL %s"},
	"pv conv":       {"conversions %s ; taux %s", "conversions %s; rate %s"},
	"pv sales":      {"clients %s ; CPA %s ; CA %s", "customers %s; CPA %s; revenue %s"},
	"pv loyalty":    {"rétention %s/mois ; CLV %s", "retention %s/month; CLV %s"},

	"tool ga":        {"Google Analytics (trafic, conversions, balises UTM) et Google Tag Manager", "Google Analytics (traffic, conversions, UTM tags) and Google Tag Manager"},
	"tool email":     {"Mailchimp ou Brevo (ex-Sendinblue) : ouvertures, clics, désabonnements, rebonds", "Mailchimp or Brevo (formerly Sendinblue): opens, clicks, unsubscribes, bounces"},
	"tool ads":       {"Google Ads : impressions, clics, CPC, conversions", "Google Ads: impressions, clicks, CPC, conversions"},
	"tool social":    {"Gestionnaire de publicités Meta ; Hootsuite ou Buffer pour les publications", "Meta Ads Manager; Hootsuite or Buffer for posts"},
	"tool crm":       {"CRM (HubSpot, Salesforce) : leads, MQL, SQL, ventes", "CRM (HubSpot, Salesforce): leads, MQL, SQL, sales"},
	"tool offline":   {"un code promo ou un coupon par canal, relevé en caisse", "a promo code or coupon per channel, counted at the till"},
	"tool sheet":     {"un tableur pour rassembler et croiser les chiffres des outils", "a spreadsheet to gather and cross the tools' figures"},
	"tool reviews":   {"avis clients, enquêtes de satisfaction (NPS)", "customer reviews, satisfaction surveys (NPS)"},
	"tools used for": {"%s — pour %s", "%s — for %s"},

	// recommendations
	"recs intro":      {"Indicateurs du plan qui s'écartent des repères publiés, avec le levier à actionner.", "KPIs of the plan that are off their published benchmarks, with the lever to pull."},
	"no recs":         {"Tous les indicateurs comparés sont dans la norme des repères publiés.", "Every KPI compared is within its published benchmark."},
	"rec line":        {"%s — %s : %s, %s %s", "%s — %s: %s, %s %s"},
	"rec below":       {"sous le repère", "below the benchmark"},
	"rec above":       {"au-dessus du repère", "above the benchmark"},
	"plan wide":       {"Plan entier", "Whole plan"},
	"source":          {"Source", "Source"},
	"h optimise":      {"Leviers d'optimisation", "Optimisation levers"},
	"opt text":        {"Répartir autrement les %s du budget publicitaire donnerait %s clients au lieu de %s :", "Splitting the %s of ad budget differently would give %s customers instead of %s:"},
	"opt same":        {"La répartition actuelle du budget publicitaire (%s) est déjà la meilleure pour le nombre de clients.", "Today's split of the ad budget (%s) already gives the most customers."},
	"opt none":        {"Le plan n'a pas de canal payant dont le budget puisse être réparti autrement.", "The plan has no paid channel whose budget could be split differently."},
	"col budget now":  {"Budget actuel", "Budget today"},
	"col budget opt":  {"Budget proposé", "Proposed budget"},
	"col cust now":    {"Clients actuels", "Customers today"},
	"col cust opt":    {"Clients proposés", "Proposed customers"},
	"general levers":  {"Pour aller plus loin, en continu : tester plusieurs offres et messages (tests A/B), affiner le ciblage, couper les emplacements et mots-clés qui coûtent sans convertir, mesurer chaque mois et réallouer le budget vers les canaux au meilleur CPA.", "Going further, continuously: test several offers and messages (A/B tests), sharpen the targeting, cut placements and keywords that cost without converting, measure every month and move budget to the channels with the best CPA."},
	"general src":     {"Source\u00a0: cours de Rémy Juston-Coumat «\u00a0Mesure de la performance marketing online et offline\u00a0» (2024) ; boucle d'optimisation continue de l'article «\u00a0KPI d'une campagne multicanale\u00a0».", "Source: Rémy Juston-Coumat's course “Measuring marketing performance online and offline” (2024); the continuous-optimisation loop of the article “KPIs of a multichannel campaign”."},
	"unknown channel": {"canal %s", "channel %s"},
}

// tr returns the string key in lang; a missing key shows itself, so a
// typo is visible in the document and caught by the tests.
func tr(lang plan.Language, key string) string {
	t, ok := strs[key]
	if !ok {
		return key
	}
	if lang == plan.LangEN {
		return t.en
	}
	return t.fr
}

// trf formats the string key in lang with args.
func trf(lang plan.Language, key string, args ...any) string {
	return fmt.Sprintf(tr(lang, key), args...)
}

// quote puts s between quotation marks: « s » in French, “s” in English.
func quote(lang plan.Language, s string) string {
	if lang == plan.LangEN {
		return "“" + s + "”"
	}
	return "«\u00a0" + s + "\u00a0»"
}

// sectorNames names the sectors of plan.Sectors.
var sectorNames = map[string]text{
	"software":           {"logiciel", "software"},
	"financial-services": {"services financiers", "financial services"},
	"ecommerce":          {"e-commerce", "e-commerce"},
	"manufacturing":      {"industrie", "manufacturing"},
	"local-retail":       {"commerce de proximité", "local retail"},
	"food-service":       {"restauration", "food service"},
	"services":           {"services", "services"},
	"other":              {"autre", "other"},
}

// sectorName returns the name of a sector key in lang ("—" when empty).
func sectorName(lang plan.Language, key string) string {
	t, ok := sectorNames[key]
	switch {
	case key == "":
		return "—"
	case !ok:
		return key
	case lang == plan.LangEN:
		return t.en
	}
	return t.fr
}

// monthNames are the short month names of each language.
var monthNames = [2][12]string{
	{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// monthLabel names plan month m (1-based) of a plan starting on start:
// "M1 · janv. 2027" / "M1 · Jan 2027"; just "M1" when start is zero.
func monthLabel(lang plan.Language, start plan.Date, m int) string {
	if start.IsZero() {
		return fmt.Sprintf("M%d", m)
	}
	d := start.AddMonths(m - 1)
	i := 0
	if lang == plan.LangEN {
		i = 1
	}
	return fmt.Sprintf("M%d · %s %d", m, monthNames[i][d.Month-time.January], d.Year)
}

// longDate writes d in words: "4 janvier 2027" / "4 January 2027".
func longDate(lang plan.Language, d plan.Date) string {
	if lang == plan.LangEN {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month.String(), d.Year)
	}
	long := [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
	day := fmt.Sprint(d.Day)
	if d.Day == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, long[d.Month-time.January], d.Year)
}

// monthsText is "3 mois" / "3 months" ("1 month").
func monthsText(lang plan.Language, n int) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, tr(lang, "month one"))
	}
	return fmt.Sprintf("%d %s", n, tr(lang, "month many"))
}
