package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"
)

func TestExampleNames(t *testing.T) {
	names := ExampleNames()
	want := []string{"bakery", "eshop-emailing", "google-ads", "outbound", "b2b-software"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("ExampleNames() = %q, want %q", names, want)
	}
	for _, n := range names {
		if data, ok := ExampleFile(n); !ok || len(data) == 0 {
			t.Errorf("ExampleFile(%q) = %d bytes, %v", n, len(data), ok)
		}
	}
	for _, bad := range []string{"", "nope", "bakery.toml", "../assets", "examples/bakery", `..\bakery`} {
		if _, ok := ExampleFile(bad); ok {
			t.Errorf("ExampleFile(%q) found a file", bad)
		}
	}
	if _, err := Example("nope"); err == nil || !strings.Contains(err.Error(), "bakery") {
		t.Errorf(`Example("nope") error = %v, want one listing the examples`, err)
	}
	// ExampleFile hands out copies.
	a, _ := ExampleFile("bakery")
	a[0] = '!'
	if b, _ := ExampleFile("bakery"); b[0] == '!' {
		t.Error("ExampleFile shares its bytes")
	}
}

// TestExamplesDecodeAndValidate is the contract with the decoder: every
// embedded example must decode with Decode and pass Validate.
func TestExamplesDecodeAndValidate(t *testing.T) {
	for _, name := range ExampleNames() {
		t.Run(name, func(t *testing.T) {
			p, err := Example(name)
			if err != nil {
				t.Fatalf("Decode(%s.toml):\n%v", name, err)
			}
			if errs := Validate(p); len(errs) > 0 {
				t.Fatalf("Validate(%s):\n%v", name, errs)
			}
			if p.Format != FormatVersion || p.Info.Title == "" || len(p.Channels) == 0 || len(p.Objectives) == 0 {
				t.Fatalf("%s decoded to an incomplete plan: %+v", name, p.Info)
			}
			for _, o := range p.Objectives {
				if o.Statement == "" || o.Deadline.IsZero() || o.Deadline.Time().After(End(p.Info.Start, p.Info.Months).Time()) {
					t.Errorf("objective %s is not SMART-complete (statement, deadline inside the plan)", o.ID)
				}
			}
			for _, c := range p.Channels {
				if c.Owner == "" {
					t.Errorf("channel %s has no owner", c.ID)
				}
				for _, r := range c.Ranges {
					if r.Low.GreaterThan(r.High) {
						t.Errorf("channel %s: range %s is reversed", c.ID, r.Input)
					}
				}
			}
		})
	}
}

// TestExamplesBakery checks the showcase plan against seed 002's case study.
func TestExamplesBakery(t *testing.T) {
	p, err := Example("bakery")
	if err != nil {
		t.Fatalf("Decode(bakery.toml):\n%v", err)
	}
	if p.Info.Language != LangFR || p.Info.Months != 3 || p.Info.Start != NewDate(2027, 1, 4) ||
		!p.Info.Budget.Equal(decimal.NewFromInt(5000)) {
		t.Errorf("bakery [plan] = %+v", p.Info)
	}
	if p.Business.Name != "Boulangerie Artisanale Dupont" || p.Business.Sector != "local-retail" || p.Business.Model != B2C {
		t.Errorf("bakery [business] = %+v", p.Business)
	}
	var customers bool
	for _, o := range p.Objectives {
		if o.Metric == "customers" && o.Target.Equal(decimal.NewFromInt(200)) && o.Deadline == NewDate(2027, 4, 3) {
			customers = true
		}
	}
	if !customers {
		t.Error("bakery has no objective of 200 customers by 2027-04-03")
	}
	if len(p.Scenarios) != 2 || p.Simulation.Runs == 0 {
		t.Errorf("bakery: %d scenarios, simulation %+v", len(p.Scenarios), p.Simulation)
	}
	// Fixed costs, media budgets and unit costs stay within the 5 000 €
	// (affiliate commissions aside, which the bakery does not use).
	total := decimal.Zero
	for _, c := range p.Channels {
		total = total.Add(c.FixedCost).Add(c.Budget).Add(c.CostPerUnit.Mul(decimal.NewFromInt(c.Units)))
		if c.Kind == Email || c.Kind == SMS {
			t.Errorf("bakery: %s channel %s, but the case uses a mailbox mailing", c.Kind, c.ID)
		}
	}
	if total.GreaterThan(p.Info.Budget) || total.LessThan(decimal.NewFromInt(4500)) {
		t.Errorf("bakery spends %s of %s", total, p.Info.Budget)
	}
}

// TestExamplesCourseActuals checks that the two ROI examples carry the
// course's figures exactly (seed 002).
func TestExamplesCourseActuals(t *testing.T) {
	tests := []struct {
		name                    string
		spend, revenue, cogs    string
		customers, interactions string // "" = not given by the course
	}{
		{"eshop-emailing", "150", "4500", "3000", "106", ""},
		{"google-ads", "2000", "10000", "5000", "200", "1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Example(tt.name)
			if err != nil {
				t.Fatalf("Decode(%s.toml):\n%v", tt.name, err)
			}
			if p.Info.Months != 1 || len(p.Actuals) != 1 {
				t.Fatalf("%s: %d months, %d actuals; want 1 and 1", tt.name, p.Info.Months, len(p.Actuals))
			}
			a := p.Actuals[0]
			eq := func(what string, got decimal.Decimal, want string) {
				if !got.Equal(decimal.RequireFromString(want)) {
					t.Errorf("%s actual %s = %s, want %s", tt.name, what, got, want)
				}
			}
			eq("spend", a.Spend, tt.spend)
			eq("revenue", a.Revenue, tt.revenue)
			if !a.COGS.Valid {
				t.Errorf("%s: actual cogs missing", tt.name)
			} else {
				eq("cogs", a.COGS.Decimal, tt.cogs)
			}
			if tt.customers != "" {
				eq("customers", a.Customers, tt.customers)
			}
			if tt.interactions != "" {
				if !a.Interactions.Valid {
					t.Errorf("%s: actual interactions missing", tt.name)
				} else {
					eq("interactions", a.Interactions.Decimal, tt.interactions)
				}
			}
			// The course's ROI is net profit / (marketing cost + cost of goods).
			rev := a.Revenue
			cost := a.Spend.Add(a.COGS.Decimal)
			roi := rev.Sub(cost).DivRound(cost, 16)
			netMargin := rev.Sub(cost).DivRound(rev, 16)
			t.Logf("%s: roi %s, net margin %s", tt.name, roi.StringFixed(4), netMargin.StringFixed(4))
			if !roi.Round(4).Equal(decimal.RequireFromString("0.4286")) {
				t.Errorf("%s: course ROI = %s, want 0.4286", tt.name, roi)
			}
		})
	}
}

// TestExamplesCoverEveryKind reads the example files as plain TOML (so it
// runs even when Decode changes): every channel kind appears in at least
// one example, and no value is a TOML float (FORMAT.md: quoted decimals).
func TestExamplesCoverEveryKind(t *testing.T) {
	seen := map[Kind][]string{}
	for _, name := range ExampleNames() {
		data, _ := ExampleFile(name)
		var raw map[string]any
		if _, err := toml.Decode(string(data), &raw); err != nil {
			t.Fatalf("%s.toml is not TOML: %v", name, err)
		}
		walkTOML(name, raw, func(path string, v any) {
			if _, ok := v.(float64); ok {
				t.Errorf("%s: %s is a TOML float; write it as a quoted decimal", name, path)
			}
		})
		chans, _ := raw["channels"].([]map[string]any)
		for _, c := range chans {
			k, _ := c["kind"].(string)
			seen[Kind(k)] = append(seen[Kind(k)], name)
		}
	}
	for _, k := range Kinds {
		if len(seen[k]) == 0 {
			t.Errorf("no example uses channel kind %s", k)
		}
	}
}

func walkTOML(path string, v any, f func(string, any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			walkTOML(path+"."+k, e, f)
		}
	case []map[string]any:
		for i, e := range x {
			walkTOML(fmt.Sprintf("%s[%d]", path, i), e, f)
		}
	case []any:
		for i, e := range x {
			walkTOML(fmt.Sprintf("%s[%d]", path, i), e, f)
		}
	default:
		f(path, v)
	}
}

func ExampleExampleNames() {
	fmt.Println(ExampleNames()[0])
	// Output: bakery
}

func ExampleExample() {
	p, err := Example("google-ads")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := p.Channels[0]
	fmt.Println(p.Info.Months, c.Kind, c.Budget, c.CPC, c.ConversionRate)
	// Output: 1 search 2000 2 0.2
}
