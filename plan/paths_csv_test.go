package plan

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParsePathsCSV(t *testing.T) {
	p := csvPlan()
	en := "path_id,step,channel,converted,revenue\n" +
		"a,2,mailing,,\n" +
		"a,1,display,1,120.50\n" +
		"b,1,search,0,\n" +
		"c,1,search,yes,\"1,000.00\"\n" +
		"c,2,search,yes,1000\n"
	fr := "\uFEFFparcours;étape;canal;converti;chiffre_affaires\r\n" +
		"a;2;mailing;;\r\n" +
		"a;1;display;oui;120,50\r\n" +
		"b;1;search;non;\r\n" +
		"c;1;search;1;1\u202f000,00\r\n" +
		"c;2;search;1;1000\r\n"
	for _, data := range []string{en, fr} {
		got, err := ParsePathsCSV("paths.csv", []byte(data), p)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || !reflect.DeepEqual(got[0].Channels, []string{"display", "mailing"}) || !got[0].Converted ||
			!got[0].Revenue.Equal(dec("120.5")) || got[1].Converted || !got[2].Revenue.Equal(dec("1000")) ||
			len(got[2].Channels) != 2 {
			t.Errorf("got %+v", got)
		}
	}
}

func TestParsePathsCSVErrors(t *testing.T) {
	p := csvPlan()
	const h = "path_id,step,channel,converted,revenue\n"
	for _, c := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"unknown column", "path_id,step,channel,converted,revenue,cost\n", 1, `unknown column "cost"`},
		{"missing column", "path_id,step,channel\n", 1, `missing column "converted"`},
		{"bad step", h + "a,x,mailing,1,1\n", 2, "not a whole number"},
		{"duplicate step", h + "a,1,mailing,1,1\na,1,search,1,1\n", 3, "already has a step 1"},
		{"unknown channel", h + "a,1,tv,1,1\n", 2, `"tv" is not the id`},
		{"two revenues", h + "a,1,mailing,1,1\na,2,search,1,2\n", 3, "two revenues"},
		{"both converted and not", h + "a,1,mailing,1,\na,2,search,0,\n", 3, "both converted"},
		{"revenue without conversion", h + "a,1,mailing,0,5\n", 2, "did not convert"},
		{"bad yes/no", h + "a,1,mailing,peut-être,\n", 2, "not yes or no"},
		{"ragged", h + "a,1,mailing\n", 2, "3 cells"},
		{"header only", h, 1, "no row"},
		{"empty", "", 1, "empty"},
	} {
		_, err := ParsePathsCSV("p.csv", []byte(c.data), p)
		var list ErrorList
		if !errors.As(err, &list) || list[0].Line != c.line || !strings.Contains(list[0].Msg.String(), c.msg) {
			t.Errorf("%s: got %v, want line %d ~ %q", c.name, err, c.line, c.msg)
		}
	}
}
