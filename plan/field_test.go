package plan

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestChannelValue: Value and SetValue read and write the field a plan-file
// key names, only for keys the channel's kind takes.
func TestChannelValue(t *testing.T) {
	d := decimal.RequireFromString
	display := Channel{Kind: Display, Budget: d("1800"), CPM: d("3.50"), CTR: decimal.NewNullDecimal(d("0.0046"))}
	cases := []struct {
		name string
		c    Channel
		key  string
		want string // "" means: not available
	}{
		{"plain decimal", display, "cpm", "3.5"},
		{"set optional", display, "ctr", "0.0046"},
		{"unset optional", display, "audience", ""},
		{"every kind's key", display, "conversion_rate", "0"},
		{"key of another kind", display, "open_rate", ""},
		{"not a decimal key", display, "locked", ""},
		{"unknown key", display, "opn_rate", ""},
	}
	for _, tc := range cases {
		v, ok := tc.c.Value(tc.key)
		if got := map[bool]string{true: v.String(), false: ""}[ok]; got != tc.want {
			t.Errorf("%s: Value(%q) = %q, want %q", tc.name, tc.key, got, tc.want)
		}
	}
	c := display
	if !c.SetValue("audience", d("45000")) || !c.Audience.Valid || !c.Audience.Decimal.Equal(d("45000")) {
		t.Errorf("SetValue(audience) did not set the optional field: %+v", c.Audience)
	}
	if !c.SetValue("cpm", d("4")) || !c.CPM.Equal(d("4")) {
		t.Errorf("SetValue(cpm) = %s, want 4", c.CPM)
	}
	before := c
	if c.SetValue("open_rate", d("0.2")) || !c.OpenRate.Equal(before.OpenRate) {
		t.Error("SetValue accepted a key a display channel does not take")
	}
}
