package plan

import (
	"bytes"
	"testing"

	"github.com/shopspring/decimal"
)

// TestNew: a new plan is valid, survives a save and a reopen unchanged,
// and has repeat orders (issue 11 item 12: a blank plan with 0 orders per
// month had a CLV of one order's margin and every ROI negative).
func TestNew(t *testing.T) {
	p := New("Nouveau plan", "Mon entreprise", LangFR, NewDate(2027, 2, 1))
	if errs := Validate(p); len(errs) > 0 {
		t.Fatalf("Validate: %v", errs)
	}
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Decode("new.toml", data)
	if err != nil {
		t.Fatalf("Decode(Encode(New)): %v\n%s", err, data)
	}
	if again, _ := Encode(q); !bytes.Equal(again, data) || q.Business.OrdersPerMonth.Cmp(p.Business.OrdersPerMonth) != 0 {
		t.Errorf("New and its reopened file differ:\n%+v\n%+v\n%s", p, q, data)
	}
	b := p.Business
	if !b.OrdersPerMonth.IsPositive() || !b.MonthlyRetention.IsPositive() {
		t.Errorf("orders_per_month %s, monthly_retention %s: a new plan needs repeat orders", b.OrdersPerMonth, b.MonthlyRetention)
	}
	if p.Info.Months != NewMonths || p.Info.Currency != "EUR" || p.Business.Model != B2C || p.Simulation.Runs == 0 {
		t.Errorf("defaults: %+v %+v %+v", p.Info, p.Business, p.Simulation)
	}
}

// TestPrefillStartsSizesAboveZero: a new channel of a kind with an
// audience size starts with the key table's example figure, never 0
// (issue 11 item 12: a new SMS channel had a list of 0).
func TestPrefillStartsSizesAboveZero(t *testing.T) {
	lib := DefaultLibrary()
	want := map[Kind]map[string]int64{
		SMS:           {"list_size": 2500},
		Email:         {"list_size": 2500},
		SocialOrganic: {"followers": 1200},
		Print:         {"units": 5000},
		Event:         {"contacts": 300},
		Affiliate:     {"clicks": 1000},
		SEO:           {"visits_per_month": 800},
	}
	for kind, keys := range want {
		c, _ := lib.Prefill(kind, "")
		for key, n := range keys {
			var got int64
			switch key {
			case "list_size":
				got = c.ListSize
			case "units":
				got = c.Units
			default:
				v, _ := c.Value(key)
				got = v.IntPart()
			}
			if got != n {
				t.Errorf("%s %s = %d, want %d", kind, key, got, n)
			}
		}
		if errs := Validate(withChannel(c)); len(errs) > 0 {
			t.Errorf("%s: a plan with the new channel is invalid: %v", kind, errs)
		}
	}
}

// withChannel is a new plan with c as its one channel, named and with an
// id as the app gives them.
func withChannel(c Channel) Plan {
	p := New("Plan", "Shop", LangEN, NewDate(2027, 2, 1))
	c.ID, c.Name = "c1", "Channel"
	p.Channels = []Channel{c}
	return p
}

// TestWidenRange: a response rate moved from 1,5 % to 3 % with a range
// [0,8 %, 2,5 %] is offered [0,8 %, 3,5 %] (3 + (3 − 2,5)); below the
// range the low end mirrors; a rate's end stays at most 100 %; a value in
// its range, or without one, is offered nothing.
func TestWidenRange(t *testing.T) {
	d := decimal.RequireFromString
	c := Channel{Kind: Event, ResponseRate: d("0.03"), Ranges: []Range{{Input: "response_rate", Low: d("0.008"), High: d("0.025")}}}
	w, m, ok := WidenRange(c, "response_rate")
	if !ok || !w.Low.Equal(d("0.008")) || !w.High.Equal(d("0.035")) || m.Code != CodeRangeWiden {
		t.Fatalf("WidenRange = %v %v %v, want [0.008, 0.035]", w, m, ok)
	}
	if got := m.String(); got != "3 % is outside the range 0.8 %–2.5 %: widen it to 0.8 %–3.5 %?" {
		t.Errorf("message %q", got)
	}
	c.ResponseRate = d("0.005") // 0.005 − (0.008 − 0.005) = 0.002
	if w, _, ok := WidenRange(c, "response_rate"); !ok || !w.Low.Equal(d("0.002")) || !w.High.Equal(d("0.025")) {
		t.Errorf("below: %v %v, want [0.002, 0.025]", w, ok)
	}
	c.ResponseRate = d("0.9") // 0.9 + (0.9 − 0.025) = 1.775, held at 1
	if w, _, ok := WidenRange(c, "response_rate"); !ok || !w.High.Equal(d("1")) {
		t.Errorf("capped: %v %v, want high 1", w, ok)
	}
	c.ResponseRate = d("0.02")
	if _, _, ok := WidenRange(c, "response_rate"); ok {
		t.Error("a value inside its range was offered a wider one")
	}
	if _, _, ok := WidenRange(c, "conversion_rate"); ok {
		t.Error("a key without a range was offered one")
	}
}
