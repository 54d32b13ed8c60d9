package plan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// hostile builds the hostile inputs of issue 9: each about size bytes.
var hostile = []struct {
	name string
	make func(size int) string
}{
	{"nested inline tables", func(n int) string {
		n /= 4
		return "x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n"
	}},
	{"nested arrays", func(n int) string { n /= 2; return "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n" }},
	{"dotted key", func(n int) string { return strings.Repeat("a.", n/2) + "a = 1\n" }},
	{"dotted header", func(n int) string { return "[" + strings.Repeat("a.", n/2) + "a]\n" }},
	{"keys of one inline table", func(n int) string {
		var b strings.Builder
		b.WriteString("x = {")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "k%d=1,", i)
		}
		return b.String() + "k=1}\n"
	}},
	{"one long list", func(n int) string { return "x = [" + strings.Repeat("1,", n/2) + "1]\n" }},
	{"active_months", func(n int) string {
		return strings.Replace(basePlan, `list_size = 2500`, "list_size = 2500\nactive_months = ["+strings.Repeat("1, ", n/3)+"1]", 1)
	}},
	{"empty [[actuals]]", func(n int) string { return basePlan + strings.Repeat("[[actuals]]\n", n/12) }},
	{"top-level keys", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "k%d = 1\n", i)
		}
		return b.String()
	}},
	{"float digits", func(n int) string {
		return strings.Replace(basePlan, `budget = "5000"`, "budget = 1."+strings.Repeat("0", n)+"1", 1)
	}},
	{"decimal digits", func(n int) string {
		return strings.Replace(basePlan, `budget = "5000"`, `budget = "1`+strings.Repeat("0", n)+`e5"`, 1)
	}},
}

// TestDecodeHostileIsCheap decodes each hostile input of about 100 KB and
// of about 9 MB and checks that Decode refuses it with at most maxErrors
// errors and a count while allocating little. Before the shape check a
// 100 KB file of nested inline tables took 48 s and 15 GB. The bound
// (64 MB allocated in all, beside the input) is generous: the shape check
// allocates only the copy of the text and the message, and the errors are
// capped.
func TestDecodeHostileIsCheap(t *testing.T) {
	const budget = 64 << 20
	for _, h := range hostile {
		for _, size := range []int{100_000, 9_000_000} {
			t.Run(fmt.Sprintf("%s/%d", h.name, size), func(t *testing.T) { decodeCheaply(t, []byte(h.make(size)), budget) })
		}
	}
}

// decodeCheaply decodes data, wanting errors and at most budget bytes
// allocated.
func decodeCheaply(t *testing.T, data []byte, budget uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Decode("h.toml", data)
	runtime.ReadMemStats(&after)
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("Decode gave %v, want errors", err)
	}
	if len(list) > maxErrors+1 {
		t.Errorf("%d errors, want at most %d and a count of the rest", len(list), maxErrors+1)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > budget+uint64(len(data)) {
		t.Errorf("Decode of %d bytes allocated %d MB, want at most %d MB beside the input", len(data), n>>20, budget>>20)
	}
}

// TestCheckShape checks each limit at the place it is passed, worked out
// from the text: the column is 1 + the bytes before the offending token on
// its line.
func TestCheckShape(t *testing.T) {
	topKeys := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%07d = 1\n", i)
		}
		return b.String()
	}
	lists := func(lines int) string {
		var b strings.Builder
		for i := range lines {
			fmt.Fprintf(&b, "k%04d = [%s1]\n", i, strings.Repeat("1,", maxListLen-1))
		}
		return b.String()
	}
	cases := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		// "x = " is 4 bytes and each "{a=" 3: the 17th { is at 4 + 16×3.
		{"inline tables 17 deep", "format = 1\nx = " + strings.Repeat("{a=", 17) + "1" + strings.Repeat("}", 17), 2, 4 + 16*3 + 1,
			"values are nested more than 16 deep: a plan needs 4 at most"},
		// the 17th [ follows "x = " and 16 [.
		{"arrays 17 deep", "x = " + strings.Repeat("[", 17) + strings.Repeat("]", 17), 1, 4 + 16 + 1,
			"values are nested more than 16 deep"},
		// lists and inline tables mixed: [{a=[{a=… two levels per 5 bytes "[{a=" is 4.
		{"mixed 17 deep", "x = " + strings.Repeat("[{a=", 9), 1, 4 + 16/2*4 + 1, "values are nested more than 16 deep"},
		// 16 parts "a." take 32 bytes.
		{"dotted key of 17 parts", strings.Repeat("a.", 16) + "a = 1", 1, 33, "this key has more than 16 parts"},
		{"header of 17 parts", "format = 1\n[[" + strings.Repeat("a . ", 16) + "a]]", 2, 3 + 16*4, "this key has more than 16 parts"},
		{"quoted key too long", `"` + strings.Repeat("k", 128) + `" = 1`, 1, 1, "this key is 130 bytes long, more than the 128"},
		{"string value too long", strings.Replace(basePlan, `"Test"`, `"`+strings.Repeat("é", maxStringBytes/2)+`"`, 1), 4, 9,
			"this text is more than 1048576 bytes (1 MB) long"},
		{"multi-line string too long", "x = '''" + strings.Repeat("\n", maxStringBytes) + "'''", 1, 5, "this text is more than 1048576 bytes"},
		{"bare value too long", "budget = 1" + strings.Repeat("0", 300), 1, 10, "this value is more than 256 characters long without quotes"},
		// the 101st element starts after "x = [" and 100 "1, ".
		{"list of 101", "x = [" + strings.Repeat("1, ", 101) + "]", 1, 6 + 100*3, "this list has more than 100 elements: the longest list of a plan, active_months, has at most 60"},
		{"inline table of 101 keys", "x = {" + strings.Repeat("k = 1, ", 101) + "}", 1, 6 + 100*7, "this inline table has more than 100 keys"},
		{"10001 tables", strings.Repeat("[[actuals]]\n", maxTables+1), maxTables + 1, 1, "the file has more than 10000 tables"},
		{"10001 inline tables", strings.Repeat("x = {}\n", maxTables+1), maxTables + 1, 5, "the file has more than 10000 tables"},
		{"200001 keys", topKeys(maxKeys + 1), maxKeys + 1, 1, "the file has more than 200000 keys"},
		// each line holds 100 elements; "k0000 = [" is 9 bytes.
		{"100001 list elements", lists(maxListValues/maxListLen + 1), maxListValues/maxListLen + 1, 10, "the lists of the file have more than 100000 elements"},
		{"byte order mark", "\ufeffx = " + strings.Repeat("[", 17), 1, 4 + 16 + 1, "nested"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := checkShape("s.toml", c.src)
			if e == nil {
				t.Fatalf("no error, want %q at %d:%d", c.msg, c.line, c.col)
			}
			if e.File != "s.toml" || e.Line != c.line || e.Col != c.col || !strings.Contains(e.Msg.String(), c.msg) {
				t.Errorf("got %v, want s.toml:%d:%d: %s…", e, c.line, c.col, c.msg)
			}
			_, err := Decode("s.toml", []byte(c.src))
			if err == nil || err.Error() != e.Error() {
				t.Errorf("Decode gave %v, want the shape error alone", err)
			}
		})
	}
}

// TestCheckShapeNotNesting checks that brackets in strings, comments and
// table headers are not counted, and that a plan within every limit
// passes.
func TestCheckShapeNotNesting(t *testing.T) {
	deep := strings.Repeat("[", 40)
	ok := []string{
		basePlan,
		"x = \"" + deep + "\"\ny = '" + deep + "'\n",
		"x = \"\"\"\n" + deep + "\n\"\"\"\ny = '''" + deep + "\n'''\n",
		"x = \"\\\"" + deep + "\"\n", // an escaped quote does not end the string
		"x = [ # " + deep + "\n 1, # " + deep + "\n]\n",
		"# " + deep + "\n" + strings.Repeat("[a]\n[[b]]\n[c.d]\n", 100),
		"when = 2027-01-04 10:00:00\nlist = [2027-01-04 10:00:00, 2027-01-05 11:00:00]\n",
		"x = " + strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting) + "\n",
		"x = [" + strings.Repeat("1, ", maxListLen) + "]\n",
		"x = \"" + strings.Repeat("x", maxStringBytes-2) + "\"\n",
		strings.Repeat("k.", maxKeyParts-1) + "k = 1\n",
	}
	files, _ := filepath.Glob("testdata/*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ok = append(ok, string(data))
	}
	for _, name := range ExampleNames() {
		data, _ := ExampleFile(name)
		ok = append(ok, string(data))
	}
	for i, src := range ok {
		if e := checkShape("ok.toml", src); e != nil {
			t.Errorf("case %d: %v", i, e)
		}
	}
}

// TestDecodeCapsErrors checks that Decode reports the first maxErrors
// errors by position and counts the others on one last line. 200 unknown
// keys give 200 errors: 50 shown, 200 − 50 = 150 counted.
func TestDecodeCapsErrors(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "zz%03d = 1\n", i)
	}
	src := edit(t, `budget = "5000"`, "budget = \"5000\"\n"+b.String())
	_, err := Decode("p.toml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Decode gave %v, want errors", err)
	}
	if len(list) != maxErrors+1 {
		t.Fatalf("%d errors, want %d and a count", len(list), maxErrors)
	}
	for i, e := range list[:maxErrors] {
		// the unknown keys start on line 8, one a line, in order.
		if e.Line != 8+i || !strings.Contains(e.Msg.String(), fmt.Sprintf(`"zz%03d"`, i)) {
			t.Errorf("error %d: %v, want zz%03d at line %d", i, e, i, 8+i)
		}
	}
	want := "p.toml: 150 more problems were found: fix the ones above first, then check the file again"
	if got := list[maxErrors].Error(); got != want {
		t.Errorf("last line %q, want %q", got, want)
	}
}

// TestDecodeActiveMonthsBound checks that a list of more than 60 months
// is one error, not one per entry.
func TestDecodeActiveMonthsBound(t *testing.T) {
	src := edit(t, `list_size = 2500`, "list_size = 2500\nactive_months = ["+strings.Repeat("1, ", 61)+"]")
	_, err := Decode("p.toml", []byte(src))
	want := `p.toml:25:1: active_months lists 61 months, more than a plan has (at most 60): list each month once, e.g. active_months = [1, 2, 3]`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestEditDistance checks the three-row editDistance on worked pairs:
// kitten → sitting is 3 (k→s, e→i, +g); tilte → title is 1 swap; ca → abc
// is 3 in optimal string alignment (a swap may not be edited again);
// "" → abc is 3 insertions.
func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"kitten", "sitting", 3}, {"tilte", "title", 1}, {"ca", "abc", 3}, {"", "abc", 3}, {"abc", "", 3},
		{"open_rate", "open_rate", 0}, {"opn_rate", "open_rate", 1}, {"cmp", "cpm", 1}, {"runs", "run", 1},
		{strings.Repeat("a", 65), "a", 64},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { editDistance("colour", "channels") }); n != 0 {
		t.Errorf("editDistance allocates %v times, want 0", n)
	}
}

// TestDecodeManyChannelsIsLinear decodes a plan of 2000 channels and 2000
// actuals rows naming no channel: each message used to list all 2000 ids
// (2000 × 2000 × 9 bytes, 36 MB, built twice) after a linear search
// through the channels. The rows must now cost a line each: at most 64 MB
// allocated in all, and the list of ids ends with a count.
func TestDecodeManyChannelsIsLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.Replace(basePlan, "months = 3", "months = 60", 1))
	for i := range 2000 {
		fmt.Fprintf(&b, "[[channels]]\nid = \"c%04d\"\nname = \"C\"\nkind = \"sms\"\nlist_size = 10\nclick_rate = \"0.1\"\nconversion_rate = \"0.1\"\n", i)
	}
	for i := range 2000 {
		fmt.Fprintf(&b, "[[actuals]]\nchannel = \"x%d\"\nmonth = 1\nspend = \"1\"\ncustomers = \"1\"\nrevenue = \"1\"\n", i)
	}
	data := []byte(b.String())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Decode("p.toml", data)
	runtime.ReadMemStats(&after)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != maxErrors+1 {
		t.Fatalf("Decode gave %v, want %d errors and a count", err, maxErrors)
	}
	// 2 + 2000 channels; the first 20 ids are listed, 2002 − 20 = 1982 counted.
	want := `channel = "x0" is not the id of a channel of this plan: write one of "mailing", "display", "c0000", `
	if !strings.HasPrefix(list[0].Msg.String(), want) || !strings.HasSuffix(list[0].Msg.String(), `"c0017" and 1982 more`) {
		t.Errorf("first error %q, want it to start %q and end with 18 more ids and a count", list[0].Msg.String(), want)
	}
	// the rest: 2000 − 50 = 1950 errors.
	if got := list[maxErrors].Msg.String(); !strings.HasPrefix(got, "1950 more problems") {
		t.Errorf("last line %q, want 1950 more", got)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("Decode of %d bytes allocated %d MB, want at most 64 MB", len(data), n>>20)
	}
	t.Logf("%d bytes: %d MB allocated", len(data), (after.TotalAlloc-before.TotalAlloc)>>20)
}

// TestSuggest checks that skipping keys whose length differs by the
// threshold or more (their distance is at least the difference) keeps the
// suggestions: opn_rate is 1 insertion from open_rate; tilte 1 swap from
// title; conversion_rat00000 is 4 longer than conversion_rate, too far.
func TestSuggest(t *testing.T) {
	known := []string{"id", "name", "kind", "open_rate", "conversion_rate", "title", "runs"}
	for _, c := range []struct{ key, want string }{
		{"opn_rate", "open_rate"}, {"tilte", "title"}, {"run", "runs"}, {"nam", "name"},
		{"conversion_rat00000", ""}, {"conversion_rat", "conversion_rate"}, {"x", ""}, {"idx", "id"},
	} {
		if got := suggest(c.key, known); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.key, got, c.want)
		}
	}
}
