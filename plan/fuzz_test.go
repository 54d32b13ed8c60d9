package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode("fuzz.toml", data)
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("Decode gave a %T, want an ErrorList", err)
			}
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
