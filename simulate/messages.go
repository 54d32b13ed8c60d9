package simulate

import "campaignsim/plan"

// The codes of why a file could not be read or written, for the usual
// reasons (display.IOReason words them; catalog: simulate.toml).
const (
	MsgIONoSuchFile    = "io_no_such_file"   // a file to read does not exist
	MsgIOFolderMissing = "io_folder_missing" // the file's folder does not exist
	MsgIOPermission    = "io_permission"     // no permission
	MsgIODiskFull      = "io_disk_full"      // no space left
	MsgIOReadOnly      = "io_read_only"      // a read-only disk
	MsgIOTooManyLinks  = "io_too_many_links" // a loop of symbolic links
)

// The codes of the messages simulate writes (plan.Msg.Code): the keys of
// the message catalog, assets/i18n/messages/*.toml, which words each in
// French and English. A Warning's Code says what is wrong; its Msg.Code
// says how to tell it, and may be finer (WarnLinearChannel is told as
// MsgLinearClicks or MsgLinearAudience).
const (
	MsgOverBudget       = "over_budget"       // over, cost, budget (money)
	MsgNoMargin         = "no_margin"         // no argument
	MsgFirstOrderLoss   = "first_order_loss"  // no argument
	MsgInactiveChannel  = "inactive_channel"  // channel (name)
	MsgLinearClicks     = "linear_clicks"     // channel (name)
	MsgLinearAudience   = "linear_audience"   // channel (name)
	MsgNoConversions    = "no_conversions"    // channel (name)
	MsgObjectiveOutside = "objective_outside" // objective (id), deadline, start, end (dates)

	MsgNoDecision        = "no_decision"         // no argument
	MsgOptMaxShort       = "opt_max_short"       // total, left, budget (money)
	MsgOptMaxShortKey    = "opt_max_short_key"   // max, total, left, budget (money)
	MsgOptUnspent        = "opt_unspent"         // spent, budget, left (money)
	MsgOptLinearClicks   = "opt_linear_clicks"   // channel (name): no cap on clicks
	MsgOptLinearAudience = "opt_linear_audience" // channel (name): no audience cap
	MsgOptMove           = "opt_move"            // amount (whole money), from, to (names)
	MsgOptTakeOff        = "opt_take_off"        // amount (whole money), from (name)
	MsgOptAdd            = "opt_add"             // amount (whole money), to (name)
	MsgGoalKeepUnused    = "goal_keep_unused"    // channel (name)
	MsgGoalMetNoBudget   = "goal_met_no_budget"
	MsgGoalMetAtMin      = "goal_met_at_min"
	// MsgGoalTooMuch: max (money), the most goal seek searches.
	MsgGoalTooMuch = "goal_too_much"
	// MsgGoalPeak: best (net profit), budget, target (money).
	MsgGoalPeak = "goal_peak"
	// MsgGoalCapped: what (a MsgGoalCaps… message), metric, best, target,
	// other (figures of metric), limits (MsgGoalLimit… messages).
	MsgGoalCapped        = "goal_capped"
	MsgGoalCapsUnlimited = "goal_caps_unlimited" // no argument
	MsgGoalCapsBounds    = "goal_caps_bounds"    // no argument
	MsgGoalCapsKeyMax    = "goal_caps_key_max"   // max (money)
	// MsgGoalLimitCap: channel (name), key, cap (count), value (figure).
	MsgGoalLimitCap = "goal_limit_cap"
	// MsgGoalLimitBudget: channel (name), key, cap (money), value (figure).
	MsgGoalLimitBudget = "goal_limit_budget"

	MsgSmartSOK        = "smart_s_ok"         // metric
	MsgSmartSNone      = "smart_s_none"       // no statement and no metric
	MsgSmartSNoText    = "smart_s_no_text"    // no argument
	MsgSmartSNoMetric  = "smart_s_no_metric"  // no argument
	MsgSmartMOK        = "smart_m_ok"         // metric
	MsgSmartMUnknown   = "smart_m_unknown"    // metric (as written)
	MsgSmartMB2B       = "smart_m_b2b"        // metric
	MsgSmartMExposures = "smart_m_exposures"  // metric
	MsgSmartAOK        = "smart_a_ok"         // value, dir (≥ or ≤), target
	MsgSmartANo        = "smart_a_no"         // value, dir (≥ or ≤), target
	MsgSmartROK        = "smart_r_ok"         // purpose (a MsgPurpose… message), channels (names)
	MsgSmartRNone      = "smart_r_none"       // no argument
	MsgSmartRUnknown   = "smart_r_unknown"    // purpose (as written)
	MsgSmartRNoChannel = "smart_r_no_channel" // purpose (a MsgPurpose… message), kinds
	MsgSmartTOK        = "smart_t_ok"         // deadline
	MsgSmartTNone      = "smart_t_none"       // no argument
	MsgSmartTBefore    = "smart_t_before"     // deadline, start
	MsgSmartTAfter     = "smart_t_after"      // deadline, end

	// MsgListSeparator is what separates the messages of a list argument
	// (plan.MsgsArg): "; " in English, " ; " in French.
	MsgListSeparator = "list_separator"

	// Analyze (analyze.go), catalog assets/i18n/messages/analyze.toml.

	// MsgSmartAChance: why (the Achievable reason, one message), chance
	// (rate): the Achievable reason with the chance of meeting the target.
	MsgSmartAChance = "smart_a_chance"
	// An objective's state (ObjectiveView.StateMsg): no argument, except
	// over (money) for MsgStateOverBudget and chance (rate) for
	// MsgStateAtRisk.
	MsgStateMet        = "state_met"
	MsgStateNotMet     = "state_not_met"
	MsgStateOverBudget = "state_over_budget"
	MsgStateAtRisk     = "state_at_risk"
	// --- exercises: case files and grading (grade_case.go, grade.go) ---
	MsgCaseTooLarge         = "case_too_large"         // size, max (counts of bytes)
	MsgCaseNotUTF8          = "case_not_utf8"          // no argument
	MsgCaseNested           = "case_nested"            // max (count)
	MsgCaseSyntax           = "case_syntax"            // error (the parser's words)
	MsgCaseFormatMissing    = "case_format_missing"    // no argument
	MsgCaseFormat           = "case_format"            // format (as written)
	MsgCaseUnknownKey       = "case_unknown_key"       // key, table, keys
	MsgCaseMissingKey       = "case_missing_key"       // key, table
	MsgCaseMissingTable     = "case_missing_table"     // table
	MsgCaseNotTable         = "case_not_table"         // table
	MsgCaseWantText         = "case_want_text"         // key, example
	MsgCaseWantWhole        = "case_want_whole"        // key, example
	MsgCaseWantList         = "case_want_list"         // key, example
	MsgCaseTextBlank        = "case_text_blank"        // key
	MsgCaseBadID            = "case_bad_id"            // value
	MsgCaseBadLanguage      = "case_bad_language"      // value
	MsgCaseChoose           = "case_choose"            // choose, count
	MsgCaseUnknownElement   = "case_unknown_element"   // element, elements
	MsgCaseDuplicateElement = "case_duplicate_element" // element
	MsgCaseNoRubric         = "case_no_rubric"         // no argument
	MsgCaseUnknownCheck     = "case_unknown_check"     // check, checks
	MsgCaseDuplicateCheck   = "case_duplicate_check"   // check
	MsgCasePoints           = "case_points"            // points (as written)
	MsgCaseMinCount         = "case_min_count"         // check
	MsgCaseMinRate          = "case_min_rate"          // check
	MsgCaseParam            = "case_param"             // check, key
	MsgCasePlan             = "case_plan"              // error (the plan's rules, in their words)
	MsgCaseUnknown          = "case_unknown"           // case (as written), cases (the built-in ids)
	MsgCaseUnreadable       = "case_unreadable"        // path, reason
	MsgCaseNone             = "case_none"              // no argument

	MsgGradeLabelSmart       = "grade_label_smart"       // no argument
	MsgGradeLabelAsBriefed   = "grade_label_as_briefed"  // metric, dir, target
	MsgGradeLabelBudget      = "grade_label_budget"      // budget (money)
	MsgGradeLabelDuration    = "grade_label_duration"    // months (count)
	MsgGradeLabelChannels    = "grade_label_channels"    // min (count)
	MsgGradeLabelOwners      = "grade_label_owners"      // no argument
	MsgGradeLabelPlanning    = "grade_label_planning"    // no argument
	MsgGradeLabelElements    = "grade_label_elements"    // choose, count (counts)
	MsgGradeLabelReached     = "grade_label_reached"     // metric, dir, target
	MsgGradeLabelProbability = "grade_label_probability" // min (rate)
	MsgGradeLabelRanges      = "grade_label_ranges"      // min (count)

	MsgGradeTodoSmartNone   = "grade_todo_smart_none"  // no argument
	MsgGradeTodoSmart       = "grade_todo_smart"       // objective (statement or id), why (SMART reasons)
	MsgGradeTodoAsBriefed   = "grade_todo_as_briefed"  // metric, dir, target
	MsgGradeTodoBudget      = "grade_todo_budget"      // cost, budget, over (money)
	MsgGradeTodoDuration    = "grade_todo_duration"    // months, brief (counts)
	MsgGradeTodoChannels    = "grade_todo_channels"    // have, min (counts)
	MsgGradeTodoOwners      = "grade_todo_owners"      // channels (MsgGradeChannelName messages)
	MsgGradeTodoPlanning    = "grade_todo_planning"    // channels (MsgGradeChannelName messages)
	MsgGradeTodoNoChannel   = "grade_todo_no_channel"  // no argument
	MsgGradeTodoElements    = "grade_todo_elements"    // have, choose (counts), missing (MsgGradeElement… messages)
	MsgGradeTodoReached     = "grade_todo_reached"     // metric, dir, target, value
	MsgGradeTodoProbability = "grade_todo_probability" // chance, min (rates)
	MsgGradeTodoRanges      = "grade_todo_ranges"      // have, min (counts)

	MsgGradeElementActions      = "grade_element_actions"      // no argument
	MsgGradeElementTracking     = "grade_element_tracking"     // no argument
	MsgGradeElementPartnerships = "grade_element_partnerships" // no argument
	MsgGradeElementOptimisation = "grade_element_optimisation" // no argument
	MsgGradeChannelName         = "grade_channel_name"         // channel (name)
	// Tracking (helper "tracking"): actuals nobody fully knows.

	// MsgSpendUnknown: channel (name), months (plan month numbers, "9, 10"):
	// those rows' spend is unknown, so are the figures of SpendFigures.
	MsgSpendUnknown = "actual_spend_unknown"
	// MsgFigureUnknown is the word written in place of an unknown figure
	// ("inconnu", "unknown"); no argument.
	MsgFigureUnknown = "figure_unknown"

	// --- helper "model": SMART (MODEL.md "Objectives (SMART)"), the
	// optimiser and the benchmark library; words in
	// assets/i18n/messages/model.toml.

	// MsgSmartSShort: words, min (counts): the statement is too short.
	MsgSmartSShort = "smart_s_short"
	// MsgSmartSNoFigure: target (figure): the statement does not state it.
	MsgSmartSNoFigure = "smart_s_no_figure"
	// MsgSmartSStates: target (figure): the statement states it.
	MsgSmartSStates = "smart_s_states"
	// MsgSmartRNoYield: metric: no channel of the plan yields it.
	MsgSmartRNoYield = "smart_r_no_yield"
	// MsgSmartRYields: metric, channels (names): no purpose given, these
	// channels yield the metric.
	MsgSmartRYields = "smart_r_yields"
	// MsgSmartAdvice: purpose (a MsgPurpose… message), kinds: the
	// matrix's other channels for that purpose (advice beside R).
	MsgSmartAdvice = "smart_advice"
	// MsgOptWholeUnits: spent, budget, left (money): print channels buy
	// whole units, and with no budget channel to take the rest it stays
	// unspent.
	MsgOptWholeUnits = "opt_whole_units"
)

// purposeMsgs names the objective purposes of PurposeKinds.
var purposeMsgs = map[string]string{
	"awareness":  "purpose_awareness",
	"engagement": "purpose_engagement",
	"leads":      "purpose_leads",
	"conversion": "purpose_conversion",
	"loyalty":    "purpose_loyalty",
}

// PurposeMsg returns the message that names an objective purpose of
// PurposeKinds ("awareness" → "notoriété"), and false for another one.
func PurposeMsg(purpose string) (plan.Msg, bool) {
	c, ok := purposeMsgs[purpose]
	return plan.NewMsg(c), ok
}

// MsgArgs lists every code simulate writes with the names of the
// arguments it gives: the contract between the engine and the catalog (a
// test of package display checks that the catalog has exactly these codes,
// each in both languages, and that its templates name only these
// arguments; a test here checks that the messages built carry them).
var MsgArgs = map[string][]string{
	MsgOverBudget:       {"over", "cost", "budget"},
	MsgNoMargin:         nil,
	MsgFirstOrderLoss:   nil,
	MsgInactiveChannel:  {"channel"},
	MsgLinearClicks:     {"channel"},
	MsgLinearAudience:   {"channel"},
	MsgNoConversions:    {"channel"},
	MsgObjectiveOutside: {"objective", "deadline", "start", "end"},

	MsgNoDecision:         nil,
	MsgOptMaxShort:        {"total", "left", "budget"},
	MsgIONoSuchFile:       nil,
	MsgIOFolderMissing:    nil,
	MsgIOPermission:       nil,
	MsgIODiskFull:         nil,
	MsgIOReadOnly:         nil,
	MsgIOTooManyLinks:     nil,
	MsgErrBudgetNegative:  {"budget"},
	MsgErrMinOverBudget:   {"sum", "budget"},
	MsgErrGoalUnknown:     {"goal", "goals"},
	MsgErrMixUnknown:      {"mix"},
	MsgErrSeekMetric:      {"metric", "metrics"},
	MsgErrKeepAllZero:     nil,
	MsgErrSensMetric:      {"metric"},
	MsgErrNoActuals:       nil,
	MsgErrActualChannel:   {"row", "channel"},
	MsgErrActualMonth:     {"row", "month", "months"},
	MsgErrPathChannel:     {"path", "channel"},
	MsgErrUnknownScenario: {"scenario", "scenarios"},
	MsgOptMaxShortKey:     {"max", "total", "left", "budget"},
	MsgOptUnspent:         {"spent", "budget", "left"},
	MsgOptLinearClicks:    {"channel"},
	MsgOptLinearAudience:  {"channel"},
	MsgOptMove:            {"amount", "from", "to"},
	MsgOptTakeOff:         {"amount", "from"},
	MsgOptAdd:             {"amount", "to"},
	MsgGoalKeepUnused:     {"channel"},
	MsgGoalMetNoBudget:    nil,
	MsgGoalMetAtMin:       nil,
	MsgGoalTooMuch:        {"max"},
	MsgGoalPeak:           {"best", "budget", "target"},
	MsgGoalCapped:         {"what", "metric", "best", "target", "other", "limits"},
	MsgGoalCapsUnlimited:  nil,
	MsgGoalCapsBounds:     nil,
	MsgGoalCapsKeyMax:     {"max"},
	MsgGoalLimitCap:       {"channel", "key", "cap", "value"},
	MsgGoalLimitBudget:    {"channel", "key", "cap", "value"},

	MsgSmartSOK:        {"metric"},
	MsgSmartSNone:      nil,
	MsgSmartSNoText:    nil,
	MsgSmartSNoMetric:  nil,
	MsgSmartMOK:        {"metric"},
	MsgSmartMUnknown:   {"metric"},
	MsgSmartMB2B:       {"metric"},
	MsgSmartMExposures: {"metric"},
	MsgSmartAOK:        {"value", "dir", "target"},
	MsgSmartANo:        {"value", "dir", "target"},
	MsgSmartROK:        {"purpose", "channels"},
	MsgSmartRNone:      nil,
	MsgSmartRUnknown:   {"purpose"},
	MsgSmartRNoChannel: {"purpose", "kinds"},
	MsgSmartTOK:        {"deadline"},
	MsgSmartTNone:      nil,
	MsgSmartTBefore:    {"deadline", "start"},
	MsgSmartTAfter:     {"deadline", "end"},

	"purpose_awareness":  nil,
	"purpose_engagement": nil,
	"purpose_leads":      nil,
	"purpose_conversion": nil,
	"purpose_loyalty":    nil,

	MsgListSeparator: nil,

	// Analyze (analyze.go)
	MsgSmartAChance:    {"why", "chance"},
	MsgStateMet:        nil,
	MsgStateNotMet:     nil,
	MsgStateOverBudget: {"over"},
	MsgStateAtRisk:     {"chance"},
	// --- exercises: case files and grading ---
	MsgCaseTooLarge:         {"size", "max"},
	MsgCaseNotUTF8:          nil,
	MsgCaseNested:           {"max"},
	MsgCaseSyntax:           {"error"},
	MsgCaseFormatMissing:    nil,
	MsgCaseFormat:           {"format"},
	MsgCaseUnknownKey:       {"key", "table", "keys"},
	MsgCaseMissingKey:       {"key", "table"},
	MsgCaseMissingTable:     {"table"},
	MsgCaseNotTable:         {"table"},
	MsgCaseWantText:         {"key", "example"},
	MsgCaseWantWhole:        {"key", "example"},
	MsgCaseWantList:         {"key", "example"},
	MsgCaseTextBlank:        {"key"},
	MsgCaseBadID:            {"value"},
	MsgCaseBadLanguage:      {"value"},
	MsgCaseChoose:           {"choose", "count"},
	MsgCaseUnknownElement:   {"element", "elements"},
	MsgCaseDuplicateElement: {"element"},
	MsgCaseNoRubric:         nil,
	MsgCaseUnknownCheck:     {"check", "checks"},
	MsgCaseDuplicateCheck:   {"check"},
	MsgCasePoints:           {"points"},
	MsgCaseMinCount:         {"check"},
	MsgCaseMinRate:          {"check"},
	MsgCaseParam:            {"check", "key"},
	MsgCasePlan:             {"error"},
	MsgCaseUnknown:          {"case", "cases"},
	MsgCaseUnreadable:       {"path", "reason"},
	MsgCaseNone:             nil,

	MsgGradeLabelSmart:       nil,
	MsgGradeLabelAsBriefed:   {"metric", "dir", "target"},
	MsgGradeLabelBudget:      {"budget"},
	MsgGradeLabelDuration:    {"months"},
	MsgGradeLabelChannels:    {"min"},
	MsgGradeLabelOwners:      nil,
	MsgGradeLabelPlanning:    nil,
	MsgGradeLabelElements:    {"choose", "count"},
	MsgGradeLabelReached:     {"metric", "dir", "target"},
	MsgGradeLabelProbability: {"min"},
	MsgGradeLabelRanges:      {"min"},

	MsgGradeTodoSmartNone:   nil,
	MsgGradeTodoSmart:       {"objective", "why"},
	MsgGradeTodoAsBriefed:   {"metric", "dir", "target"},
	MsgGradeTodoBudget:      {"cost", "budget", "over"},
	MsgGradeTodoDuration:    {"months", "brief"},
	MsgGradeTodoChannels:    {"have", "min"},
	MsgGradeTodoOwners:      {"channels"},
	MsgGradeTodoPlanning:    {"channels"},
	MsgGradeTodoNoChannel:   nil,
	MsgGradeTodoElements:    {"have", "choose", "missing"},
	MsgGradeTodoReached:     {"metric", "dir", "target", "value"},
	MsgGradeTodoProbability: {"chance", "min"},
	MsgGradeTodoRanges:      {"have", "min"},

	MsgGradeElementActions:      nil,
	MsgGradeElementTracking:     nil,
	MsgGradeElementPartnerships: nil,
	MsgGradeElementOptimisation: nil,
	MsgGradeChannelName:         {"channel"},
	// The workbook's words (simulate/report/workbook*.go, catalog
	// workbook.toml): sheet names, headers and labels; no argument.
	"wb_sheet_summary":           nil,
	"wb_sheet_channels":          nil,
	"wb_sheet_months":            nil,
	"wb_sheet_costs":             nil,
	"wb_sheet_scenarios":         nil,
	"wb_sheet_objectives":        nil,
	"wb_sheet_assumptions":       nil,
	"wb_col_item":                nil,
	"wb_col_value":               nil,
	"wb_title":                   nil,
	"wb_business":                nil,
	"wb_client":                  nil,
	"wb_author":                  nil,
	"wb_doc_date":                nil,
	"wb_start":                   nil,
	"wb_end":                     nil,
	"wb_budget":                  nil,
	"wb_currency":                nil,
	"wb_scenario":                nil,
	"wb_base_scenario":           nil,
	"wb_all_scenarios":           nil,
	"wb_key_figures":             nil,
	"wb_warnings":                nil,
	"wb_col_id":                  nil,
	"wb_col_channel":             nil,
	"wb_col_kind":                nil,
	"wb_col_owner":               nil,
	"wb_total":                   nil,
	"wb_col_month":               nil,
	"wb_col_month_start":         nil,
	"wb_col_cum_cost":            nil,
	"wb_col_cum_customers":       nil,
	"wb_col_cum_margin":          nil,
	"wb_col_figure":              nil,
	"wb_col_objective":           nil,
	"wb_col_metric":              nil,
	"wb_col_direction":           nil,
	"wb_col_target":              nil,
	"wb_col_deadline":            nil,
	"wb_col_result":              nil,
	"wb_col_status":              nil,
	"wb_met":                     nil,
	"wb_not_met":                 nil,
	"wb_col_gap":                 nil,
	"wb_col_probability":         nil,
	"wb_smart_s":                 nil,
	"wb_smart_m":                 nil,
	"wb_smart_a":                 nil,
	"wb_smart_r":                 nil,
	"wb_smart_t":                 nil,
	"wb_yes":                     nil,
	"wb_no":                      nil,
	"wb_col_why":                 nil,
	"wb_col_part":                nil,
	"wb_col_input":               nil,
	"wb_col_key":                 nil,
	"wb_col_low":                 nil,
	"wb_col_high":                nil,
	"wb_col_source":              nil,
	"wb_col_benchmark":           nil,
	"wb_col_alert_below":         nil,
	"wb_col_alert_above":         nil,
	"wb_col_bench_source":        nil,
	"wb_src_benchmark":           nil,
	"wb_src_plan":                nil,
	"wb_part_plan":               nil,
	"wb_part_business":           nil,
	"wb_part_funnel":             nil,
	"wb_in_months":               nil,
	"wb_in_list_size":            nil,
	"wb_in_sends":                nil,
	"wb_in_fixed_cost":           nil,
	"wb_in_followers":            nil,
	"wb_in_posts":                nil,
	"wb_in_max_clicks":           nil,
	"wb_in_visits_per_month":     nil,
	"wb_in_ramp_months":          nil,
	"wb_in_reach_per_unit":       nil,
	"wb_in_audience":             nil,
	"wb_in_min_budget":           nil,
	"wb_in_max_budget":           nil,
	"wb_in_average_order":        nil,
	"wb_in_gross_margin":         nil,
	"wb_in_first_order_discount": nil,
	"wb_in_orders_per_month":     nil,
	"wb_in_monthly_retention":    nil,
	"wb_in_annual_discount_rate": nil,
	"wb_in_clv_months":           nil,
	// Tracking (helper "tracking").
	MsgSpendUnknown:  {"channel", "months"},
	MsgFigureUnknown: nil,

	// --- helper "model"
	MsgSmartSShort:    {"words", "min"},
	MsgSmartSNoFigure: {"target"},
	MsgSmartSStates:   {"target"},
	MsgSmartRNoYield:  {"metric"},
	MsgSmartRYields:   {"metric", "channels"},
	MsgSmartAdvice:    {"purpose", "kinds"},
	MsgOptWholeUnits:  {"spent", "budget", "left"},
}
