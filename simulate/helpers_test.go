package simulate

import (
	"testing"
	"time"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// d parses a decimal literal (test helper).
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// nd is a defined NullDecimal.
func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

// none is an undefined NullDecimal.
var none = decimal.NullDecimal{}

// basePlan is a valid b2c plan of 3 months from 2027-01-04 with a budget
// of 5000 and simple economics (A = 10, g = 0.5, one-shot buyers, 10 %
// annual discount, CLV over 36 months) and no channel.
func basePlan() plan.Plan {
	return plan.Plan{
		Format: plan.FormatVersion,
		Info: plan.Info{Title: "Test", Language: plan.LangEN, Currency: "EUR",
			Start: plan.NewDate(2027, time.January, 4), Months: 3, Budget: d("5000")},
		Business: plan.Business{Name: "Shop", Sector: "ecommerce", Model: plan.B2C,
			AverageOrder: d("10"), GrossMargin: d("0.5"), AnnualDiscountRate: d("0.10"), CLVMonths: 36},
		Simulation: plan.Simulation{Runs: 10000, Seed: 1},
	}
}

// withChannels returns p with the channels cs.
func withChannels(p plan.Plan, cs ...plan.Channel) plan.Plan {
	p.Channels = cs
	return p
}

// near fails unless got is within tol (absolute) of want.
func near(t *testing.T, what string, got decimal.Decimal, want, tol string) {
	t.Helper()
	if got.Sub(d(want)).Abs().GreaterThan(d(tol)) {
		t.Errorf("%s = %s, want %s (±%s)", what, got, want, tol)
	}
}

// nearN is near for a figure that must be defined.
func nearN(t *testing.T, what string, got decimal.NullDecimal, want, tol string) {
	t.Helper()
	if !got.Valid {
		t.Errorf("%s undefined, want %s", what, want)
		return
	}
	near(t, what, got.Decimal, want, tol)
}

// undefined fails unless got is undefined.
func undefined(t *testing.T, what string, got decimal.NullDecimal) {
	t.Helper()
	if got.Valid {
		t.Errorf("%s = %s, want undefined", what, got.Decimal)
	}
}

// stage returns the value of the named stage of c.
func stage(t *testing.T, c ChannelResult, name string) decimal.Decimal {
	t.Helper()
	for _, s := range c.Stages {
		if s.Name == name {
			return s.Value
		}
	}
	t.Fatalf("channel %s has no stage %q (stages %v)", c.ID, name, c.Stages)
	return zero
}

func mustRun(t *testing.T, p plan.Plan) Result {
	t.Helper()
	r, err := RunWith(p, plan.Library{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
