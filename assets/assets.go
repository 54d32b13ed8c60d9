// Package assets holds the data CampaignSim embeds in its binaries: the
// benchmark library (benchmarks.toml) and the example plans
// (examples/*.toml). It only exposes bytes; package plan parses them.
//
// Sources of every figure are listed in README.md next to this file and in
// the comments and source fields of benchmarks.toml.
package assets

import "embed"

// Benchmarks is the text of benchmarks.toml: the benchmark library (every
// figure with its source and year) and the improvement levers of the
// seeds. Parse it with plan.ParseLibrary, or use plan.DefaultLibrary.
//
//go:embed benchmarks.toml
var Benchmarks []byte

// Examples holds the example plans as examples/NAME.toml (plan file format
// 1, FORMAT.md). Read them through plan.ExampleNames and plan.ExampleFile,
// which also give their display order (the bakery first).
//
//go:embed examples/*.toml
var Examples embed.FS
