package display

import "testing"

func TestCSVCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Mailing familles", "Mailing familles"},
		{`=HYPERLINK("http://x","clic")`, `'=HYPERLINK("http://x","clic")`},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"-2+3", "'-2+3"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		// Figures stay numbers: the outputs write them as plain decimals.
		{"-12.50", "-12.50"},
		{"+3", "+3"},
		{"4940.00", "4940.00"},
		{"-", "'-"},
		{"-.", "'-."},
		{"1.2.3", "1.2.3"},
	} {
		if got := CSVCell(c.in); got != c.want {
			t.Errorf("CSVCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
