package simulate

import "campaignsim/plan"

// The codes of Warning, stable for tests and translations.
const (
	WarnOverBudget       = "over_budget"       // the plan costs more than its budget
	WarnNoMargin         = "no_margin"         // gross_margin is 0: customers bring no margin
	WarnFirstOrderLoss   = "first_order_loss"  // the first-order discount exceeds the margin
	WarnInactiveChannel  = "inactive_channel"  // a channel active in no month of the plan
	WarnLinearChannel    = "linear_channel"    // a paid channel with no cap: results extrapolate
	WarnNoConversions    = "no_conversions"    // a running channel that converts nobody
	WarnObjectiveOutside = "objective_outside" // an objective's deadline outside the plan
)

// warnings lists what the user should know about this result, in a fixed
// order: plan-wide (budget, margin), then channel by channel in plan
// order, then objectives in plan order.
func (e *engine) warnings(r Result) []Warning {
	var w []Warning
	if over := r.Totals.Cost.Decimal.Sub(e.p.Info.Budget); over.Sign() > 0 {
		w = append(w, Warning{Code: WarnOverBudget, Msg: plan.NewMsg(MsgOverBudget,
			plan.MoneyArg("over", over), plan.MoneyArg("cost", r.Totals.Cost.Decimal), plan.MoneyArg("budget", e.p.Info.Budget))})
	}
	if e.biz.margin.IsZero() {
		w = append(w, Warning{Code: WarnNoMargin, Msg: plan.NewMsg(MsgNoMargin)})
	} else if e.biz.discount.GreaterThan(e.biz.margin) {
		w = append(w, Warning{Code: WarnFirstOrderLoss, Msg: plan.NewMsg(MsgFirstOrderLoss)})
	}
	for i := range e.chans {
		c := &e.chans[i]
		id, name := c.in.ch.ID, plan.TextArg("channel", c.in.ch.Name)
		if c.active == 0 {
			w = append(w, Warning{Code: WarnInactiveChannel, Channel: id, Msg: plan.NewMsg(MsgInactiveChannel, name)})
			continue
		}
		switch {
		case c.in.ch.Kind == plan.Search && !c.in.maxClicks.Valid:
			w = append(w, Warning{Code: WarnLinearChannel, Channel: id, Msg: plan.NewMsg(MsgLinearClicks, name)})
		case (c.in.ch.Kind == plan.Display || c.in.ch.Kind == plan.SocialAds) && !c.in.aud.Valid:
			w = append(w, Warning{Code: WarnLinearChannel, Channel: id, Msg: plan.NewMsg(MsgLinearAudience, name)})
		}
		if c.f.conversions.IsZero() {
			w = append(w, Warning{Code: WarnNoConversions, Channel: id, Msg: plan.NewMsg(MsgNoConversions, name)})
		}
	}
	for _, o := range e.p.Objectives {
		if o.Deadline.IsZero() {
			continue
		}
		if _, inside := e.deadlineMonth(o); !inside {
			w = append(w, Warning{Code: WarnObjectiveOutside, Msg: plan.NewMsg(MsgObjectiveOutside,
				plan.TextArg("objective", o.ID), plan.DateArg("deadline", o.Deadline),
				plan.DateArg("start", e.p.Info.Start), plan.DateArg("end", plan.End(e.p.Info.Start, e.n)))})
		}
	}
	return w
}
