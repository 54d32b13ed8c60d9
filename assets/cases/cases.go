// Package cases holds the course exercises CampaignSim embeds: one case
// file per exercise, NAME.toml (the schema is in README.md, "Teachers and
// students"). It only exposes bytes; package simulate decodes and grades
// them (simulate.DecodeCase, simulate.BuiltinCase).
package cases

import "embed"

// Files holds the case files as NAME.toml, NAME being the case's id.
//
//go:embed *.toml
var Files embed.FS
