package simulate

import (
	"fmt"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

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

// money formats an amount to cents with the plan's currency code, in the
// language's decimal separator (FR: comma).
func money(d decimal.Decimal, cur string, lang plan.Language) string {
	if cur == "" {
		cur = "EUR"
	}
	s := d.StringFixed(2)
	if lang == plan.LangFR {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " " + cur
}

// warnings lists what the user should know about this result, in a fixed
// order: plan-wide (budget, margin), then channel by channel in plan
// order, then objectives in plan order.
func (e *engine) warnings(r Result) []Warning {
	var w []Warning
	cur := e.p.Info.Currency
	if over := r.Totals.Cost.Decimal.Sub(e.p.Info.Budget); over.Sign() > 0 {
		w = append(w, Warning{Code: WarnOverBudget,
			FR: fmt.Sprintf("Le plan dépasse son budget de %s (coût %s, budget %s).",
				money(over, cur, plan.LangFR), money(r.Totals.Cost.Decimal, cur, plan.LangFR), money(e.p.Info.Budget, cur, plan.LangFR)),
			EN: fmt.Sprintf("The plan is over budget by %s (cost %s, budget %s).",
				money(over, cur, plan.LangEN), money(r.Totals.Cost.Decimal, cur, plan.LangEN), money(e.p.Info.Budget, cur, plan.LangEN)),
		})
	}
	if e.biz.margin.IsZero() {
		w = append(w, Warning{Code: WarnNoMargin,
			FR: "La marge brute est nulle : les clients ne rapportent aucune marge et aucune dépense n'est rentabilisée.",
			EN: "The gross margin is zero: customers bring no margin and no spending pays back.",
		})
	} else if e.biz.discount.GreaterThan(e.biz.margin) {
		w = append(w, Warning{Code: WarnFirstOrderLoss,
			FR: "La remise de première commande dépasse la marge brute : chaque première commande est vendue à perte.",
			EN: "The first-order discount exceeds the gross margin: every first order is sold at a loss.",
		})
	}
	for i := range e.chans {
		c := &e.chans[i]
		id, name := c.in.ch.ID, c.in.ch.Name
		if c.active == 0 {
			w = append(w, Warning{Code: WarnInactiveChannel, Channel: id,
				FR: fmt.Sprintf("Le canal « %s » n'est actif aucun mois du plan : il ne coûte ni ne rapporte rien.", name),
				EN: fmt.Sprintf("Channel %q is active in no month of the plan: it costs and yields nothing.", name),
			})
			continue
		}
		switch {
		case c.in.ch.Kind == plan.Search && !c.in.maxClicks.Valid:
			w = append(w, Warning{Code: WarnLinearChannel, Channel: id,
				FR: fmt.Sprintf("Le canal « %s » n'a pas de plafond de clics (max_clicks) : linéaire, il extrapole (chaque euro de plus rapporte autant de clics).", name),
				EN: fmt.Sprintf("Channel %q has no cap on clicks (max_clicks): linear, it extrapolates (every extra euro buys as many clicks).", name),
			})
		case (c.in.ch.Kind == plan.Display || c.in.ch.Kind == plan.SocialAds) && !c.in.aud.Valid:
			w = append(w, Warning{Code: WarnLinearChannel, Channel: id,
				FR: fmt.Sprintf("Le canal « %s » n'a pas d'audience maximale (audience) : linéaire, il extrapole (chaque euro de plus rapporte autant d'impressions).", name),
				EN: fmt.Sprintf("Channel %q has no audience cap (audience): linear, it extrapolates (every extra euro buys as many impressions).", name),
			})
		}
		if c.f.conversions.IsZero() {
			w = append(w, Warning{Code: WarnNoConversions, Channel: id,
				FR: fmt.Sprintf("Le canal « %s » ne produit aucune conversion.", name),
				EN: fmt.Sprintf("Channel %q yields no conversions.", name),
			})
		}
	}
	for _, o := range e.p.Objectives {
		if o.Deadline.IsZero() {
			continue
		}
		if _, inside := e.deadlineMonth(o); !inside {
			end := plan.End(e.p.Info.Start, e.n)
			w = append(w, Warning{Code: WarnObjectiveOutside,
				FR: fmt.Sprintf("L'échéance de l'objectif « %s » (%s) est hors du plan (%s – %s) : il est évalué à la fin du plan.", o.ID, o.Deadline, e.p.Info.Start, end),
				EN: fmt.Sprintf("Objective %q has its deadline (%s) outside the plan (%s – %s): it is judged at the end of the plan.", o.ID, o.Deadline, e.p.Info.Start, end),
			})
		}
	}
	return w
}
