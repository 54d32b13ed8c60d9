package plan

import "github.com/shopspring/decimal"

// Benchmark is one reference figure of the benchmark library, with where it
// comes from. Value pre-fills a new channel's empty rate; Min and Max are the
// thresholds below or above which the engine recommends the Levers.
// Rates are fractions; money is in Currency (euros unless it says otherwise).
type Benchmark struct {
	Metric string // a channel key ("open_rate", "ctr", …) or a funnel key ("lead_to_mql", …)
	Kinds  []Kind // channel kinds it applies to; empty means every kind
	Sector string // a key of Sectors; "" means every sector
	Value  decimal.NullDecimal
	Min    decimal.NullDecimal // alert when the plan's figure is below
	Max    decimal.NullDecimal // alert when the plan's figure is above
	// Currency is the ISO 4217 code of a money figure (cpc, cpm, costs);
	// empty means EUR. Rates ignore it.
	Currency string
	Source   string   // publisher and title in French, e.g. "WordStream, « Google Ads Benchmarks »"
	Year     int      // year of the figure
	Note     string   // what exactly it measures, in French
	Levers   []string // ids of Lever to suggest when the figure is off
	// SourceEN and NoteEN are Source and Note in English ("" when the file
	// gives one text for both languages); read them through SourceIn and
	// NoteIn (library.go).
	SourceEN, NoteEN string
	// User is true for a figure of the user's own library (Overlay): it
	// comes first in every look-up and carries her source.
	User bool
}

// Lever is one improvement action from the seeds (e.g. "test subject lines,
// segment the list"), in both languages, with its source.
type Lever struct {
	ID     string
	FR     string
	EN     string
	Source string // in French; SourceEN in English ("" = the same), see SourceIn
	// SourceEN is Source in English.
	SourceEN string
}

// Text returns the lever in lang (French unless lang is LangEN).
func (l Lever) Text(lang Language) string {
	if lang == LangEN {
		return l.EN
	}
	return l.FR
}

// Library is the benchmark library: figures and levers.
type Library struct {
	Benchmarks []Benchmark
	Levers     []Lever
}
