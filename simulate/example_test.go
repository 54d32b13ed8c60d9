package simulate_test

import (
	"fmt"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// A bakery mails 1 000 families once: 2 % bounce, 3 % click, 10 % of the
// clickers come: 1000 × 0.98 × 0.03 × 0.1 = 2.94 customers for 150 €.
// cpa 150/2.94 = 51.0204…; revenue 2.94 × 12.50 = 36.75, cogs 36.75 × 0.35
// = 12.8625, net profit 36.75 − 12.8625 − 150 = −126.1125,
// roi −126.1125/(150 + 12.8625) = −0.7743495…
func ExampleRun() {
	dec := decimal.RequireFromString
	p := plan.Plan{
		Format: plan.FormatVersion,
		Info: plan.Info{Title: "Bakery", Language: plan.LangEN, Currency: "EUR",
			Start: plan.NewDate(2027, time.January, 4), Months: 1, Budget: dec("200")},
		Business: plan.Business{Name: "Dupont", Model: plan.B2C, AverageOrder: dec("12.50"),
			GrossMargin: dec("0.65"), AnnualDiscountRate: dec("0.10"), CLVMonths: 24},
		Channels: []plan.Channel{{ID: "mailing", Name: "Mailing", Kind: plan.Email, FixedCost: dec("150"),
			ListSize: 1000, Sends: 1, BounceRate: dec("0.02"), OpenRate: dec("0.22"), ClickRate: dec("0.03"),
			ConversionRate: dec("0.10")}},
		Simulation: plan.Simulation{Runs: 10000, Seed: 1},
	}
	r, err := simulate.Run(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.Channels[0].Stages {
		fmt.Printf("%-12s %s\n", s.Name, simulate.Count.Round(s.Value))
	}
	fmt.Println("cost", simulate.Money.Round(r.Totals.Cost.Decimal))
	fmt.Println("cpa", simulate.Money.Round(r.Totals.CPA.Decimal))
	fmt.Println("roi", simulate.Rate.Round(r.Totals.ROI.Decimal))
	// Output:
	// sent         1000
	// bounces      20
	// delivered    980
	// opens        215.6
	// clicks       29.4
	// unsubscribes 0
	// customers    2.94
	// cost 150
	// cpa 51.02
	// roi -0.77435
}
