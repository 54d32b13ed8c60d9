package plan

import (
	"fmt"
	"strings"
	"testing"
)

// manyErrors is a plan of 2000 channels, each with an unknown key and a
// TOML float: 4000 problems, of which Decode keeps the first 50.
func manyErrors() []byte {
	var b strings.Builder
	b.WriteString("format = 1\n[plan]\ntitle = \"t\"\nstart = 2027-01-04\nmonths = 3\nbudget = \"1\"\n[business]\nname = \"b\"\naverage_order = \"1\"\ngross_margin = \"0.5\"\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "[[channels]]\nid = \"c%d\"\nname = \"C\"\nkind = \"email\"\nlist_size = 1\nclick_rate = 0.02\nconversion_rate = \"0.01\"\nopn_rate = \"0.2\"\n", i)
	}
	return []byte(b.String())
}

// BenchmarkDecodeManyErrors: Decode of a file with 4000 problems, and the
// English text of the errors it keeps (Error()).
func BenchmarkDecodeManyErrors(b *testing.B) {
	data := manyErrors()
	b.ReportAllocs()
	for b.Loop() {
		_, err := Decode("p.toml", data)
		if err == nil || len(err.Error()) == 0 {
			b.Fatal("no errors")
		}
	}
}
