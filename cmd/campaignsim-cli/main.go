// Command campaignsim-cli is CampaignSim's command line (FORMAT.md): it
// validates and simulates plan files, compares actuals with the plan,
// prints the embedded example plans and the benchmark library. It is pure
// Go and builds with CGO_ENABLED=0.
//
// Exit codes: 0 success; 1 the plan is invalid (errors on standard error,
// one per line, as FILE:LINE:COL: message); 2 wrong usage; 3 a file could
// not be read or written.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
