package plan

import (
	"fmt"
	"strings"
	"testing"
)

// A path of more than MaxCSVPathSteps rows is one error at the row past
// the limit (the header is line 1: row 1001 is line 1002); its duplicate
// steps used to be found by scanning every earlier step of the path, a
// quadratic loop (200 000 rows of one path: 2·10¹⁰ comparisons).
func TestParsePathsCSVStepLimit(t *testing.T) {
	build := func(steps int) []byte {
		var b strings.Builder
		b.WriteString("path_id,step,channel,converted,revenue\n")
		for i := 1; i <= steps; i++ {
			fmt.Fprintf(&b, "a,%d,mailing,,\n", i)
		}
		return []byte(b.String())
	}
	got, err := ParsePathsCSV("p.csv", build(MaxCSVPathSteps), csvPlan())
	if err != nil || len(got) != 1 || len(got[0].Channels) != MaxCSVPathSteps {
		t.Fatalf("%d steps: %v", MaxCSVPathSteps, err)
	}
	list := csvErrList(t, "p.csv", mustFail(ParsePathsCSV("p.csv", build(MaxCSVPathSteps+1), csvPlan())))
	if e := list[0]; len(list) != 1 || e.Line != MaxCSVPathSteps+2 || !strings.Contains(e.Msg.String(), `path "a" has more than 1000 steps`) {
		t.Errorf("%d steps: %v", MaxCSVPathSteps+1, list)
	}
}

// The paths reader has the actuals reader's limits and messages: long
// cells, excerpts, UTF-16, and cells past the header that are not empty.
func TestParsePathsCSVLimits(t *testing.T) {
	p := csvPlan()
	const h = "path_id,step,channel,converted,revenue\n"
	for _, c := range []struct {
		name string
		data []byte
		line int
		msg  string
	}{
		{"long id", []byte(h + strings.Repeat("a", 5000) + ",1,mailing,1,1\n"), 2, `column "path_id": the cell holds 5000 characters`},
		{"long revenue", []byte(h + "a,1,mailing,1," + strings.Repeat("1", 100) + "\n"), 2, "is 100 characters long, too long for a number"},
		{"control in channel", []byte(h + "a,1,mail\x07,1,1\n"), 2, `"mail␇" is not the id`},
		{"cell past the header", []byte(h + "a,1,mailing,1,1,oops\n"), 2, `cell 6 ("oops") is past the last column "revenue"`},
		{"UTF-16 without BOM", utf16LE(h+"a,1,tv,1,1\n", false), 2, `"tv" is not the id`},
	} {
		list := csvErrList(t, "p.csv", mustFail(ParsePathsCSV("p.csv", c.data, p)))
		if e := list[0]; len(list) != 1 || e.Line != c.line || !strings.Contains(e.Msg.String(), c.msg) {
			t.Errorf("%s: %v", c.name, list)
		}
	}
	// A trailing separator is still fine.
	got, err := ParsePathsCSV("p.csv", []byte(h+"a,1,mailing,1,1,\n"), p)
	if err != nil || len(got) != 1 {
		t.Errorf("trailing separator: %v", err)
	}
}
