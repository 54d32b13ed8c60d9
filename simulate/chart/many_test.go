package chart

import (
	"slices"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// manyChannels is a result of n channels over 3 months where channel i
// (0-based) costs (i*37 mod n) + 1 each month: every cost differs, and
// the costliest are spread over the plan, not at its start.
func manyChannels(n int) simulate.Result {
	r := simulate.Result{Months: make([]simulate.MonthResult, 3)}
	for i := range n {
		v := decimal.NewFromInt(int64(i*37%n + 1))
		r.Channels = append(r.Channels, simulate.ChannelResult{ID: "c" + itoa(i), Name: "Canal " + itoa(i),
			MonthlyCost: []decimal.Decimal{v, v, v}, Figures: simulate.Figures{Cost: decimal.NewNullDecimal(v.Mul(decimal.NewFromInt(3)))}})
	}
	for m := range r.Months {
		r.Months[m].Month = m + 1
	}
	return r
}

// TestCostSeriesTopAndOthers checks the stacks of MonthlyCost for 200
// channels: MaxSeries of them, the MaxSeries − 1 costliest channels in
// plan order with distinct colours, then one "others" stack holding the
// 193 others, so that every channel's cost is in exactly one stack. With
// 200 channels the chart used to draw a 200-entry legend over the whole
// picture and no bars.
func TestCostSeriesTopAndOthers(t *testing.T) {
	const n = 200
	r := manyChannels(n)
	ss := costSeries(plan.Plan{}, r, Light)
	if len(ss) != MaxSeries {
		t.Fatalf("%d stacks, want %d", len(ss), MaxSeries)
	}
	// i*37 mod 200 + 1 is 200, 199, … for the i with i*37 ≡ 199, 198, …
	// (mod 200); 37⁻¹ ≡ 173 (mod 200) since 37 × 173 = 6401 = 32 × 200 + 1.
	var want []int
	for v := n - 1; v > n-MaxSeries; v-- {
		want = append(want, v*173%n)
	}
	slices.Sort(want)
	var got []int
	colours := map[[4]uint8]bool{}
	seen := make([]int, n)
	for _, s := range ss {
		for _, k := range s.chans {
			seen[k]++
		}
		colours[[4]uint8{s.col.R, s.col.G, s.col.B, s.col.A}] = true
		if s.others == 0 {
			got = append(got, s.chans[0])
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("channels shown one by one %v, want the costliest %v in plan order", got, want)
	}
	if last := ss[len(ss)-1]; last.others != n-(MaxSeries-1) {
		t.Errorf("the others stack holds %d channels, want %d", last.others, n-(MaxSeries-1))
	}
	if len(colours) != MaxSeries {
		t.Errorf("%d distinct colours for %d stacks", len(colours), MaxSeries)
	}
	for k, c := range seen {
		if c != 1 {
			t.Errorf("channel %d is in %d stacks, want 1", k, c)
		}
	}
	// at most MaxSeries channels: one stack each, in plan order
	small := costSeries(plan.Plan{}, manyChannels(MaxSeries), Light)
	for i, s := range small {
		if s.others != 0 || len(s.chans) != 1 || s.chans[0] != i || s.col != ChannelColor(i, Light) {
			t.Errorf("small plan, stack %d: %+v", i, s)
		}
	}
	if _, err := MonthlyCost(plan.Plan{}, r, Options{Width: 800, Height: 450}); err != nil {
		t.Fatal(err)
	}
}

// TestRowChannelsCostliest checks that CostVsCustomers, when its rows do
// not all fit, shows the costliest channels first rather than the first
// ones of the plan (which showed channels 1–12 of 200, whatever they
// cost).
func TestRowChannelsCostliest(t *testing.T) {
	r := manyChannels(200)
	got := rowChannels(r, 3)
	// costs 200, 199, 198 (× 3) belong to the i with 37 i ≡ 199, 198, 197
	// (mod 200): i = 199 × 173 mod 200 = 27, 198 × 173 mod 200 = 54,
	// 197 × 173 mod 200 = 81.
	if want := []int{27, 54, 81}; !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	if got := rowChannels(manyChannels(5), 5); !slices.Equal(got, []int{0, 1, 2, 3, 4}) {
		t.Errorf("rows that fit: %v, want plan order", got)
	}
	if _, err := CostVsCustomers(r, Options{Width: 800, Height: 450}); err != nil {
		t.Fatal(err)
	}
}
