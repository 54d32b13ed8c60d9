package plan

import "github.com/shopspring/decimal"

// The business figures of a new plan (New): a small shop selling online
// or over the counter, figures a user replaces but that behave like a
// real business until then. A blank plan used to have no repeat orders
// (orders_per_month = 0, the file format's default for one-shot sales):
// its CLV was the first order's margin alone and every channel's ROI was
// negative. With these, a customer is worth
//
//	first order 30 × (1 − 0) − 30 × (1 − 0.60)                 = 18.00
//	+ Σ_{k=1}^{36} 0.90^k × 0.15 × 30 × 0.60 / 1.10^(k/12)     ≈ 22.1
//	CLV                                                        ≈ 40.1 €
//
// (MODEL.md, "Money from customers"; q = 0.90 / 1.10^(1/12) ≈ 0.89288,
// Σ q^k = q (1 − q^36) / (1 − q) ≈ 8.19, times 2.70; the app's results
// pane shows 40,12 € for the empty plan, against 18,00 € before).
//
// Sources: 0.90 a month keeps 0.90^12 ≈ 28 % of customers after a year,
// the average repeat purchase rate of e-commerce stores in Metrilo's
// survey (28 %, "Retention rate", metrilo.com glossary, 2023); 0.15 orders
// a month is about two orders a year from a returning customer, as in the
// outbound example. The average order (30) and the gross margin (60 %)
// are round figures of small retail, kept from the app's former empty
// plan.
var (
	newAverageOrder     = decimal.NewFromInt(30)
	newGrossMargin      = decimal.RequireFromString("0.60")
	newOrdersPerMonth   = decimal.RequireFromString("0.15")
	newMonthlyRetention = decimal.RequireFromString("0.90")
)

// NewMonths is how many months a new plan runs (New).
const NewMonths = 3

// New returns a new plan, the one place where the defaults of a blank plan
// live: titled title, for the business called business (both in the
// user's words and language: plan holds no prose), written in language,
// starting on start, for NewMonths months, in euros, with a budget of 0
// (the user's first decision), no channel and no objective, the business
// figures above, and every other key at the file format's default (as
// Decode would fill them). It passes Validate when title and business are
// not blank and start is a plausible date, and encodes and decodes back
// to itself.
func New(title, business string, language Language, start Date) Plan {
	p := Plan{Format: FormatVersion}
	defaults(infoSpecs, &p.Info)
	defaults(businessSpecs, &p.Business)
	defaults(simulationSpecs, &p.Simulation)
	defaults(trackingSpecs, &p.Tracking)
	p.Info.Title = title
	p.Info.Language = language
	p.Info.Start = start
	p.Info.Months = NewMonths
	p.Info.Budget = decimal.Zero
	p.Business.Name = business
	p.Business.AverageOrder = newAverageOrder
	p.Business.GrossMargin = newGrossMargin
	p.Business.OrdersPerMonth = newOrdersPerMonth
	p.Business.MonthlyRetention = newMonthlyRetention
	return p
}

// defaults sets every key of specs that has a default to it, as Decode
// does for a key the file leaves out.
func defaults[T any](specs []spec[T], dst *T) {
	for _, s := range specs {
		if s.def != "" {
			setDefault(s.field(dst), s.def)
		}
	}
}
