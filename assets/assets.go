// Package assets holds the data CampaignSim embeds in its binaries: the
// benchmark library (benchmarks.toml) and the example plans
// (examples/*.toml), the fonts, the icon and the interface translations
// (i18n/). It only exposes bytes; package plan parses the data.
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

// FontRegular and FontBold are DejaVu Sans (regular and bold), TrueType,
// from Debian's fonts-dejavu-core: they have "€", the French accents and
// the narrow no-break space U+202F that French number formatting uses, so
// the app, the charts and the PDF show money the French way without
// missing glyphs. Their licence (free to embed and redistribute) is
// fonts/LICENSE-DejaVu.txt.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

// FontBold is DejaVu Sans Bold; see FontRegular.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

// Icon is the application icon (PNG, 256×256): a funnel of three bars.
//
//go:embed icon.png
var Icon []byte

// I18N holds the interface translations as i18n/LANG/AREA.json (LANG is
// "fr" or "en"): JSON objects keyed by the English text. Each area of the
// desktop app has its own file; package app merges every file of a
// language.
//
//go:embed i18n
var I18N embed.FS

// Messages is the message catalog, the files i18n/messages/*.toml: every
// sentence of packages plan and simulate as one table per code with French
// and English templates, one file per area (simulate.toml, plan.toml, …)
// so that areas never edit the same file. A code lives in one file only.
// Package simulate/display parses, merges and renders them (display.Text).
//
//go:embed i18n/messages
var Messages embed.FS
