package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzDecode checks that Decode never panics, and that a plan it accepts
// passes Validate and survives Encode → Decode unchanged.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.toml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(basePlan))
	f.Add([]byte(strings.Replace(basePlan, `open_rate = "0.22"`, `open_rate = 0.22`, 1)))
	f.Add([]byte("format = 1\n[plan\n"))
	for _, seed := range shapeSeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode("fuzz.toml", data)
		if err != nil {
			list, ok := err.(ErrorList)
			if !ok {
				t.Fatalf("Decode gave a %T, want an ErrorList", err)
			}
			checkErrorList(t, list)
			return
		}
		if errs := Validate(p); len(errs) != 0 {
			t.Fatalf("Decode accepted a plan Validate refuses: %v", errs)
		}
		out, err := Encode(p)
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		q, err := Decode("encoded.toml", out)
		if err != nil {
			t.Fatalf("the encoded plan does not decode: %v\n%s", err, out)
		}
		if d := planDiff(p, q); d != "" {
			t.Fatalf("round trip changed %s", d)
		}
	})
}

// shapeSeeds are texts at or just past the limits of checkShape, and
// brackets hidden in strings and comments, for the fuzz targets to start
// from.
var shapeSeeds = []string{
	"x = " + strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting) + "\n",
	"x = " + strings.Repeat("{a=", maxNesting) + "1" + strings.Repeat("}", maxNesting) + "\n",
	"x = " + strings.Repeat("[{a=", maxNesting/2+1) + "\n",
	"x = [\"[[[[\", '{{{{', \"\"\"\n[[[\"\"\", # [[[[\n 1]\n[[a.b]]\n[c]\n",
	"x = [" + strings.Repeat("1, ", maxListLen) + "]\n",
	"x = {" + strings.Repeat("k = 1, ", maxInlineKeys) + "}\n",
	strings.Repeat("a.", maxKeyParts) + "a = 1\n",
	"when = 2027-01-04 10:00:00\nl = [2027-01-04 10:00:00]\n",
	strings.Replace(basePlan, `budget = "5000"`, `budget = "1234567890123456789012345678901"`, 1),
	strings.Replace(basePlan, `open_rate = "0.22"`, `open_rate = "0.123456789012"`, 1),
	strings.Replace(basePlan, `budget = "5000"`, `budget = "1e999999"`, 1),
	strings.Replace(basePlan, `list_size = 2500`, "list_size = 2500\nactive_months = ["+strings.Repeat("1, ", maxMonths+1)+"]", 1),
}

// checkErrorList checks what every ErrorList of Decode must be: at most
// maxErrors errors and a count, each naming the file and (but for the
// count) a line, each one line of a bounded length.
func checkErrorList(t *testing.T, list ErrorList) {
	t.Helper()
	if len(list) == 0 || len(list) > maxErrors+1 {
		t.Fatalf("%d errors, want 1 to %d", len(list), maxErrors+1)
	}
	for i, e := range list {
		if e.File != "fuzz.toml" {
			t.Errorf("error %d names file %q: %v", i, e.File, e)
		}
		if e.Line < 1 && !(i == maxErrors && strings.Contains(e.Msg.String(), "more problems")) {
			t.Errorf("error %d has no line: %v", i, e)
		}
		if strings.Contains(e.Msg.String(), "\n") || len(e.Msg.String()) > 4096 {
			t.Errorf("error %d is not one short line (%d bytes): %.200q", i, len(e.Msg.String()), e.Msg.String())
		}
	}
}

// FuzzCheckShape checks that checkShape ends without panic on any text,
// puts its error inside the file, and never lets through a text the TOML
// parser reads as lists nested deeper than maxNesting, longer than
// maxListLen, with more than maxListValues elements in all, or with a
// string longer than maxStringBytes: it may count too much on broken
// TOML, never too little on TOML that parses.
func FuzzCheckShape(f *testing.F) {
	f.Add(basePlan)
	for _, seed := range shapeSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if e := checkShape("f.toml", src); e != nil {
			if e.Line < 1 || e.Col < 1 || e.Line > strings.Count(src, "\n")+1 {
				t.Fatalf("error outside the text: %v", e)
			}
			return
		}
		var m map[string]any
		if _, err := toml.Decode(src, &m); err != nil {
			return
		}
		values := 0
		var walk func(v any, depth int)
		walk = func(v any, depth int) {
			switch x := v.(type) {
			case []any:
				if depth+1 > maxNesting {
					t.Fatalf("lists nested %d deep passed", depth+1)
				}
				if len(x) > maxListLen {
					t.Fatalf("a list of %d passed", len(x))
				}
				values += len(x)
				for _, e := range x {
					walk(e, depth+1)
				}
			case []map[string]any:
				for _, e := range x {
					walk(e, depth)
				}
			case map[string]any:
				for _, e := range x {
					walk(e, depth)
				}
			case string:
				if len(x) > maxStringBytes {
					t.Fatalf("a string of %d bytes passed", len(x))
				}
			}
		}
		walk(m, 0)
		if values > maxListValues {
			t.Fatalf("%d list elements passed", values)
		}
	})
}

// FuzzScanPositions checks that the position scanner ends without panic on
// any text, TOML or not.
func FuzzScanPositions(f *testing.F) {
	f.Add(basePlan)
	f.Add("a = [1, {b = 'x'}, \"\"\"y\n\"\"\"]\n[[t.u]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		scanPositions(src)
	})
}

// BenchmarkDecode decodes a realistic 10-channel plan.
func BenchmarkDecode(b *testing.B) {
	data, err := os.ReadFile("testdata/full-b2c.toml")
	if err != nil {
		b.Fatal(err)
	}
	// full-b2c has 13 channels; drop the last three.
	text := string(data)
	cut := strings.Index(text, "[[channels]]\nid = \"salon\"")
	end := strings.Index(text, "[[scenarios]]")
	text = text[:cut] + text[end:]
	if n := strings.Count(text, "[[channels]]"); n != 10 {
		b.Fatalf("%d channels, want 10", n)
	}
	data = []byte(text)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode("bench.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}
