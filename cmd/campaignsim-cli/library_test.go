package main

import (
	"strings"
	"testing"
)

// myLibrary is a shop's own open rate, with an alert floor above the
// e-shop example's 22 % so that the recommendation shows.
const myLibrary = `format = 1

[[benchmarks]]
metric = "open_rate"
kinds = ["email"]
value = "0.31"
min = "0.30"
source = { fr = "Boutique, nos campagnes 2025", en = "Shop, our 2025 campaigns" }
year = 2025
levers = ["email-subject-lines"]
`

// TestLibraryFlag: --library FILE puts the user's figures over the
// built-in ones (FORMAT.md, MODEL.md "Benchmarks"): the recommendation
// cites her source; without the flag the next run is back to the built-in
// library; a bad file is told with its lines (exit 1), a missing one is an
// I/O error (exit 3).
func TestLibraryFlag(t *testing.T) {
	eshop := examplePath(t, "eshop-emailing")
	lib := writeTemp(t, "mine.toml", myLibrary)
	r := runCLI(t, "", "simulate", eshop, "--library", lib)
	if r.code != exitOK || !strings.Contains(r.stdout, "sous le repère 30,0\u202f%") || !strings.Contains(r.stdout, "Boutique, nos campagnes 2025, 2025") {
		t.Errorf("simulate --library: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, "", "simulate", eshop); strings.Contains(r.stdout, "nos campagnes 2025") {
		t.Error("the user's library outlived its run")
	}
	r = runCLI(t, "", "benchmarks", "--library", lib, "--format", "json")
	if r.code != exitOK || !strings.Contains(r.stdout, `"user": true`) {
		t.Errorf("benchmarks --library: %d %s", r.code, r.stderr)
	}
	bad := writeTemp(t, "bad.toml", "format = 1\n[[benchmarks]]\nmetric = \"open_rate\"\nvalue = 0.31\nsource = \"s\"\nyear = 2025\n")
	r = runCLI(t, "", "benchmarks", "--library", bad)
	if r.code != exitInvalid || !strings.Contains(r.stderr, bad+":4:") {
		t.Errorf("bad library: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, "", "optimize", eshop, "--library", bad+".none")
	if r.code != exitIO {
		t.Errorf("missing library: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runCLI(t, "", "validate", eshop, "--library", lib); r.code != exitUsage {
		t.Errorf("validate takes no --library: exit %d", r.code)
	}
}
