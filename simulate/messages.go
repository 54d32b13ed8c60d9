package simulate

import "campaignsim/plan"

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

	MsgNoDecision      = "no_decision"       // no argument
	MsgOptMaxShort     = "opt_max_short"     // total, left, budget (money)
	MsgOptMaxShortKey  = "opt_max_short_key" // max, total, left, budget (money)
	MsgOptUnspent      = "opt_unspent"       // spent, budget, left (money)
	MsgOptLinear       = "opt_linear"        // channel (name), key (plan key)
	MsgOptMove         = "opt_move"          // amount (whole money), from, to (names)
	MsgOptTakeOff      = "opt_take_off"      // amount (whole money), from (name)
	MsgOptAdd          = "opt_add"           // amount (whole money), to (name)
	MsgGoalKeepUnused  = "goal_keep_unused"  // channel (name)
	MsgGoalMetNoBudget = "goal_met_no_budget"
	MsgGoalMetAtMin    = "goal_met_at_min"
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

	MsgNoDecision:        nil,
	MsgOptMaxShort:       {"total", "left", "budget"},
	MsgOptMaxShortKey:    {"max", "total", "left", "budget"},
	MsgOptUnspent:        {"spent", "budget", "left"},
	MsgOptLinear:         {"channel", "key"},
	MsgOptMove:           {"amount", "from", "to"},
	MsgOptTakeOff:        {"amount", "from"},
	MsgOptAdd:            {"amount", "to"},
	MsgGoalKeepUnused:    {"channel"},
	MsgGoalMetNoBudget:   nil,
	MsgGoalMetAtMin:      nil,
	MsgGoalTooMuch:       {"max"},
	MsgGoalPeak:          {"best", "budget", "target"},
	MsgGoalCapped:        {"what", "metric", "best", "target", "other", "limits"},
	MsgGoalCapsUnlimited: nil,
	MsgGoalCapsBounds:    nil,
	MsgGoalCapsKeyMax:    {"max"},
	MsgGoalLimitCap:      {"channel", "key", "cap", "value"},
	MsgGoalLimitBudget:   {"channel", "key", "cap", "value"},

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

	// --- helper "model"
	MsgSmartSShort:    {"words", "min"},
	MsgSmartSNoFigure: {"target"},
	MsgSmartSStates:   {"target"},
	MsgSmartRNoYield:  {"metric"},
	MsgSmartRYields:   {"metric", "channels"},
	MsgSmartAdvice:    {"purpose", "kinds"},
	MsgOptWholeUnits:  {"spent", "budget", "left"},
}
