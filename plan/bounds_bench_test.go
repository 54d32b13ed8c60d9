package plan

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkDecodeNestedInline decodes 100 KB of inline tables nested
// 25 000 deep (x = {a={a=…}}), refused at the 17th {. Before the shape
// check it took 48 s and 15 GB.
func BenchmarkDecodeNestedInline(b *testing.B) {
	data := []byte("x = " + strings.Repeat("{a=", 25_000) + "1" + strings.Repeat("}", 25_000) + "\n")
	benchRefused(b, data)
}

// BenchmarkDecodeNestedArrays decodes 50 000 nested arrays (100 KB),
// refused at the 17th [. Before the shape check it took 23.6 s and 3.8 GB.
func BenchmarkDecodeNestedArrays(b *testing.B) {
	data := []byte("x = " + strings.Repeat("[", 50_000) + strings.Repeat("]", 50_000) + "\n")
	benchRefused(b, data)
}

func benchRefused(b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode("bench.toml", data); err == nil || !strings.Contains(err.Error(), "nested more than") {
			b.Fatalf("got %v, want the nesting error", err)
		}
	}
}

// largeValidPlan is the largest plan the limits let through, table-wise:
// 160 email channels over 60 months and one [[actuals]] row per channel
// and month (160 + 9600 + 2 = 9762 tables of the 10 000), with a context
// of 100 000 characters. With pad, a comment after each row brings it
// near MaxFileSize.
func largeValidPlan(pad bool) []byte {
	var s strings.Builder
	s.WriteString("format = 1\n[plan]\ntitle = \"Large\"\nstart = 2027-01-04\nmonths = 60\nbudget = \"500000\"\n")
	s.WriteString("context = \"\"\"\n" + strings.Repeat("Étude de marché. ", 100_000/17) + "\n\"\"\"\n")
	s.WriteString("[business]\nname = \"Shop\"\naverage_order = \"12.50\"\ngross_margin = \"0.65\"\n")
	for c := range 160 {
		fmt.Fprintf(&s, "[[channels]]\nid = \"c%03d\"\nname = \"Channel %d\"\nkind = \"email\"\nlist_size = 2500\nopen_rate = \"0.22\"\nclick_rate = \"0.03\"\nconversion_rate = \"0.10\"\nranges = { open_rate = [\"0.15\", \"0.30\"] }\n", c, c)
	}
	comment := "# " + strings.Repeat("imported from the ad platform's monthly report ", 20) + "\n"
	for c := range 160 {
		for m := 1; m <= 60; m++ {
			fmt.Fprintf(&s, "[[actuals]]\nchannel = \"c%03d\"\nmonth = %d\nspend = \"120.50\"\ncustomers = \"3\"\nrevenue = \"40.25\"\n", c, m)
			if pad {
				s.WriteString(comment)
			}
		}
	}
	return []byte(s.String())
}

// BenchmarkDecodeLargeValid decodes largeValidPlan: "rows" (about 1 MB)
// and "padded" (the same plan with comments, near the 10 MB cap).
func BenchmarkDecodeLargeValid(b *testing.B) {
	for _, pad := range []bool{false, true} {
		name := "rows"
		if pad {
			name = "padded"
		}
		data := largeValidPlan(pad)
		b.Run(name, func(b *testing.B) {
			if len(data) > MaxFileSize {
				b.Fatalf("%d bytes, over the cap", len(data))
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Decode("bench.toml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLargeValidPlanDecodes keeps the benchmark's plan valid.
func TestLargeValidPlanDecodes(t *testing.T) {
	data := largeValidPlan(false)
	p, err := Decode("large.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Channels) != 160 || len(p.Actuals) != 160*60 {
		t.Errorf("%d channels and %d actuals, want 160 and 9600", len(p.Channels), len(p.Actuals))
	}
}
