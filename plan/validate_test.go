package plan

import (
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// validPlan decodes testdata/full-b2c.toml, a valid plan with every kind.
func validPlan(t testing.TB) Plan {
	t.Helper()
	data, err := os.ReadFile("testdata/full-b2c.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Decode("full-b2c.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidate(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		name string
		edit func(p *Plan)
		path string
		msg  string
	}{
		{"valid", func(p *Plan) {}, "", ""},
		{"title missing", func(p *Plan) { p.Info.Title = "" }, "plan.title", "title is required"},
		{"start missing", func(p *Plan) { p.Info.Start = Date{} }, "plan.start", "start is required: write e.g. start = 2027-01-04"},
		{"odd year", func(p *Plan) { p.Info.Start = NewDate(1800, 1, 1) }, "plan.start", "start = 1800-01-01 is not a plausible date"},
		{"months 0", func(p *Plan) { p.Info.Months = 0 }, "plan.months", "months = 0 is out of range: write a whole number from 1 to 60"},
		{"gross margin 1.5", func(p *Plan) { p.Business.GrossMargin = d("1.5") }, "business.gross_margin", `gross_margin = 1.5 is out of range: write a fraction from 0 to 1`},
		{"average order 0", func(p *Plan) { p.Business.AverageOrder = d("0") }, "business.average_order", "average_order = 0 is out of range: write an amount above 0"},
		{"clv 121", func(p *Plan) { p.Business.CLVMonths = 121 }, "business.clv_months", "write a whole number from 0 to 120"},
		{"sector", func(p *Plan) { p.Business.Sector = "bakery" }, "business.sector", `sector = "bakery" is not one of "software"`},
		{"b2b funnel rate", func(p *Plan) { p.Business.Model = B2B; p.Funnel = Funnel{d("0.1"), d("2"), d("0.1")} }, "funnel.mql_to_sql", "mql_to_sql = 2 is out of range"},
		{"direction", func(p *Plan) { p.Objectives[0].Direction = "more" }, "objectives[0].direction", `direction = "more" is not one of "at_least" or "at_most"`},
		{"purpose", func(p *Plan) { p.Objectives[0].Purpose = "sales" }, "objectives[0].purpose", `purpose = "sales" is not one of`},
		{"deadline before start", func(p *Plan) { p.Objectives[0].Deadline = NewDate(2027, 1, 3) }, "objectives[0].deadline", "deadline = 2027-01-03 is before the plan starts (2027-01-04)"},
		{"channel id", func(p *Plan) { p.Channels[1].ID = "SMS promo" }, "channels[1].id", `id = "SMS promo" is not a valid id: use only lower-case letters a-z, digits and '-', e.g. id = "sms-promo"`},
		{"channel id twice", func(p *Plan) { p.Channels[2].ID = "mailing" }, "channels[2].id", `channel id "mailing" is already used by channel "Mailing familles"`},
		{"sends 0", func(p *Plan) { p.Channels[0].Sends = 0 }, "channels[0].sends", "sends = 0 is out of range: write a whole number from 1 to 1000"},
		{"display ctr unset", func(p *Plan) { p.Channels[3].CTR = decimal.NullDecimal{} }, "channels[3].ctr", `ctr is required: write e.g. ctr = "0.0046"`},
		{"search ctr 0", func(p *Plan) { p.Channels[2].CTR = decimal.NewNullDecimal(d("0")) }, "channels[2].ctr", "ctr = 0 is out of range: write a fraction above 0 and at most 1"},
		{"min budget on seo", func(p *Plan) { p.Channels[7].MinBudget = d("5") }, "channels[7].min_budget", "min_budget is only for search, display and social_ads channels: remove it"},
		{"min above max", func(p *Plan) { p.Channels[3].MinBudget = d("4000") }, "channels[3].min_budget", "min_budget = 4000 is more than max_budget = 3000"},
		{"active month 4", func(p *Plan) { p.Channels[0].ActiveMonths = []int{1, 4} }, "channels[0].active_months", "month 4 is outside the plan, which runs 3 months"},
		// 31 places, the 31st a 1: rounding to 30 goes down.
		{"open rate of 31 places", func(p *Plan) { p.Channels[0].OpenRate = d("0.1234567890123456789012345678901") }, "channels[0].open_rate",
			`open_rate = 0.1234567890123456789012345678901 has 31 digits: write at most 30, rounded: open_rate = "0.123456789012345678901234567890"`},
		// trailing zeros count (Encode writes them, Decode would refuse them):
		// 4 + 27 = 31 digits, rounded to 26 places.
		{"budget with 27 zeros", func(p *Plan) { p.Info.Budget = d("5000." + strings.Repeat("0", 27)) }, "plan.budget",
			`budget = 5000.` + strings.Repeat("0", 27) + ` has 31 digits: write at most 30, rounded: budget = "5000.` + strings.Repeat("0", 26) + `"`},
		{"range end of 31 places", func(p *Plan) {
			p.Channels[0].Ranges[1] = Range{"open_rate", d("0.1" + strings.Repeat("0", 29) + "1"), d("0.3")}
		}, "channels[0].ranges.open_rate",
			`open_rate = 0.1` + strings.Repeat("0", 29) + `1 has 31 digits`},
		{"30 places are fine", func(p *Plan) { p.Channels[0].OpenRate = d("0." + strings.Repeat("2", 30)) }, "", ""},
		{"61 active months", func(p *Plan) { p.Channels[0].ActiveMonths = make([]int, 61) }, "channels[0].active_months",
			"active_months lists 61 months, more than a plan has (at most 60)"},
		{"active month twice", func(p *Plan) { p.Channels[0].ActiveMonths = []int{1, 1} }, "channels[0].active_months", "month 1 is listed twice in active_months"},
		{"range low above high", func(p *Plan) { p.Channels[0].Ranges[1] = Range{"open_rate", d("0.3"), d("0.2")} }, "channels[0].ranges.open_rate", "ranges.open_rate = [0.3, 0.2]: low is above high"},
		{"range beyond the key's range", func(p *Plan) { p.Channels[0].Ranges[1] = Range{"open_rate", d("0.2"), d("1.2")} }, "channels[0].ranges.open_rate", "ranges.open_rate: high = 1.2 is out of range: write a fraction from 0 to 1"},
		{"range on an unset key", func(p *Plan) {
			p.Channels[3].Ranges = []Range{{"audience", d("1"), d("2")}}
			p.Channels[3].Audience = decimal.NullDecimal{}
		}, "channels[3].ranges.audience", "ranges.audience: the channel has no audience to range around"},
		{"range on min_budget", func(p *Plan) { p.Channels[3].Ranges = []Range{{"min_budget", d("1"), d("600")}} }, "channels[3].ranges.min_budget", "min_budget is not an uncertain input of a display channel"},
		{"scenario without name", func(p *Plan) { p.Scenarios[0].Name = " " }, "scenarios[0].name", "name is required"},
		{"scenario names twice", func(p *Plan) { p.Scenarios[1].Name = "PESSIMISTE" }, "scenarios[1].name", `scenario name "PESSIMISTE" is already used (names are compared without case)`},
		{"scenario factor 101", func(p *Plan) { p.Scenarios[0].Factors[0].Factor = d("101") }, "scenarios[0].factors.conversion_rate", "factors.conversion_rate = 101 is out of range"},
		{"scenario channel twice", func(p *Plan) { p.Scenarios[1].Channels[1].ID = "google" }, "scenarios[1].channel[1].id", `channel "google" already has factors in scenario "Optimiste"`},
		{"runs 0", func(p *Plan) { p.Simulation.Runs = 0 }, "simulation.runs", "runs = 0 is out of range: write a whole number from 1 to 1000000"},
		{"actual month 0", func(p *Plan) { p.Actuals[0].Month = 0 }, "actuals[0].month", "month 0 is outside the plan"},
		{"actual spend negative", func(p *Plan) { p.Actuals[0].Spend = d("-1") }, "actuals[0].spend", "spend = -1 is out of range"},
		{"actual twice", func(p *Plan) { p.Actuals[1].Channel = "mailing" }, "actuals[1]", `channel "mailing", month 1 already has a row of actuals`},
		{"both commissions", func(p *Plan) { p.Channels[12].CommissionPerSale = decimal.NewNullDecimal(d("1")) }, "channels[12].commission_rate", "both commission_per_sale and commission_rate are set"},
		{"b2c lead metric", func(p *Plan) { p.Objectives[1].Metric = "cpl" }, "objectives[1].metric", `metric = "cpl" exists only in b2b plans`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := validPlan(t).Clone()
			c.edit(&p)
			errs := Validate(p)
			if c.path == "" {
				if len(errs) != 0 {
					t.Fatalf("want no error, got %v", errs)
				}
				return
			}
			for _, e := range errs {
				if e.Path == c.path && strings.Contains(e.Msg.String(), c.msg) {
					if e.Line != 0 || e.File != "" {
						t.Errorf("Validate gave a position: %+v", e)
					}
					if got := e.Error(); !strings.HasPrefix(got, c.path+": ") {
						t.Errorf("Error() = %q, want it to start with the path", got)
					}
					return
				}
			}
			t.Errorf("no error on %s saying %q; got:\n%v", c.path, c.msg, errs)
		})
	}
}

func TestValidateTestdata(t *testing.T) {
	for _, f := range []string{"full-b2c.toml", "full-b2b.toml", "minimal.toml"} {
		data, err := os.ReadFile("testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Decode(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if errs := Validate(p); len(errs) != 0 {
			t.Errorf("%s: %v", f, errs)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mailing familles", "mailing-familles"},
		{"Été 2027 !", "ete-2027"},
		{"__", "channel-1"},
	} {
		if got := slug(c.in, "channel"); got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
