package simulate_test

import (
	"errors"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate"
)

// FuzzDecodeSimulate feeds arbitrary plan files through the whole path a
// user's file takes: plan.Decode, then every scenario of simulate. It must
// never panic: either the decoder reports errors, or every scenario yields
// a result whose counts and costs are not negative. Seeded with the
// embedded examples, so mutations start from realistic plans.
func FuzzDecodeSimulate(f *testing.F) {
	for _, name := range plan.ExampleNames() {
		data, ok := plan.ExampleFile(name)
		if !ok {
			f.Fatalf("example %q listed but not found", name)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := plan.Decode("fuzz.toml", data)
		if err != nil {
			var list plan.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Decode error is not a non-empty ErrorList: %v", err)
			}
			return
		}
		results, err := simulate.RunAll(p)
		if err != nil {
			t.Fatalf("a plan that decodes must simulate: %v", err)
		}
		for _, r := range results {
			for _, v := range []struct {
				name string
				v    func(simulate.Figures) bool
			}{
				{"cost", func(f simulate.Figures) bool { return f.Cost.Valid && f.Cost.Decimal.IsNegative() }},
				{"customers", func(f simulate.Figures) bool { return f.Customers.Valid && f.Customers.Decimal.IsNegative() }},
				{"revenue", func(f simulate.Figures) bool { return f.Revenue.Valid && f.Revenue.Decimal.IsNegative() }},
			} {
				if v.v(r.Totals) {
					t.Fatalf("scenario %q: %s is negative", r.Scenario, v.name)
				}
			}
		}
	})
}
