package plan

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"campaignsim/assets"
)

// exampleOrder is the display order of the example plans: the bakery (the
// app's default plan) first, then the course's worked examples, then the
// others. Embedded files not listed here follow in alphabetical order.
var exampleOrder = []string{"bakery", "eshop-emailing", "google-ads", "outbound", "b2b-software"}

// ExampleNames lists the embedded example plans by name (the file name
// without ".toml"), the bakery first. The slice is a fresh copy.
func ExampleNames() []string {
	entries, err := fs.ReadDir(assets.Examples, "examples")
	if err != nil {
		return nil
	}
	present := map[string]bool{}
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			present[name] = true
		}
	}
	var names []string
	for _, n := range exampleOrder {
		if present[n] {
			names = append(names, n)
			delete(present, n)
		}
	}
	var rest []string
	for n := range present {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	return append(names, rest...)
}

// ExampleFile returns the TOML text of the named example plan (a name of
// ExampleNames, without ".toml"), and whether it exists. The bytes are a
// copy: the caller may change them.
func ExampleFile(name string) ([]byte, bool) {
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return nil, false
	}
	data, err := fs.ReadFile(assets.Examples, "examples/"+name+".toml")
	if err != nil {
		return nil, false
	}
	return data, true
}

// Example decodes the named example plan with Decode (errors then name
// the file NAME.toml). An unknown name is an error that lists the known
// ones.
func Example(name string) (Plan, error) {
	data, ok := ExampleFile(name)
	if !ok {
		return Plan{}, fmt.Errorf("plan: no example plan %q (examples: %s)", name, strings.Join(ExampleNames(), ", "))
	}
	return Decode(name+".toml", data)
}
