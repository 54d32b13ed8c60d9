package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// planDiff returns the first difference between a and b, or "" when they
// are equal: decimals are compared by value (Equal), nil and empty slices
// are the same.
func planDiff(a, b Plan) string { return diff("plan", reflect.ValueOf(a), reflect.ValueOf(b)) }

var decimalType = reflect.TypeOf(decimal.Decimal{})

func diff(path string, a, b reflect.Value) string {
	if a.Type() == decimalType {
		x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		if !x.Equal(y) {
			return fmt.Sprintf("%s: %s ≠ %s", path, x, y)
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d elements ≠ %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %v ≠ %v", path, a.Interface(), b.Interface())
		}
	}
	return ""
}

func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.toml")
	if len(files) < 3 {
		t.Fatalf("testdata has %d plans", len(files))
	}
	kinds := map[Kind]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Decode(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range p.Channels {
			kinds[c.Kind] = true
		}
		out, err := Encode(p)
		if err != nil {
			t.Fatalf("%s: Encode: %v", f, err)
		}
		q, err := Decode("encoded", out)
		if err != nil {
			t.Fatalf("%s: the encoded plan does not decode: %v\n%s", f, err, out)
		}
		if d := planDiff(p, q); d != "" {
			t.Errorf("%s: round trip changed %s", f, d)
		}
		again, _ := Encode(q)
		if string(again) != string(out) {
			t.Errorf("%s: Encode is not stable", f)
		}
	}
	for _, k := range Kinds {
		if !kinds[k] {
			t.Errorf("no testdata plan has a %s channel", k)
		}
	}
}

func TestEncodeCanonical(t *testing.T) {
	p := validPlan(t)
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"format = 1\n\n[plan]\ntitle = ",
		"start = 2027-01-04\nmonths = 3\nbudget = \"5000\"\n",
		"audience = 45000\n",           // a whole count as an integer
		"open_rate = \"0.22\"\n",       // a rate as a quoted string
		"conversion_rate = \"0.10\"\n", // with the digits as written
		"ranges = { conversion_rate = [\"0.05\", \"0.15\"], open_rate = [\"0.15\", \"0.28\"] }\n",
		"[[scenarios.channel]]\nid = \"mailing\"\nfactors = { open_rate = \"0.7\" }\n",
		"context = \"\"\"\nMarché : familles de Lille et Roubaix.\nCible : \\\"actifs pressés\\\" \\\\ étudiants.\n\"\"\"\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Encode output lacks %q", want)
		}
	}
	// Keys of other kinds and b2b keys are left out of a b2c plan.
	for _, absent := range []string{"[funnel]", "lead_to_mql", "cpm = \"0\"", "followers = 0"} {
		if strings.Contains(text, absent) {
			t.Errorf("Encode output has %q", absent)
		}
	}
}

func TestEncodeStrings(t *testing.T) {
	p := validPlan(t)
	p.Info.Title = "tab\there \"quoted\" back\\slash \x01 é"
	p.Info.Context = "one line"
	out, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Decode("x", out)
	if err != nil {
		t.Fatal(err)
	}
	if q.Info.Title != p.Info.Title || q.Info.Context != p.Info.Context {
		t.Errorf("strings changed: %q %q", q.Info.Title, q.Info.Context)
	}
	p.Info.Author = "bad \xff"
	if _, err := Encode(p); err == nil {
		t.Error("Encode accepted text that is not UTF-8")
	}
}
