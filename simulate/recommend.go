package simulate

import (
	"fmt"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// LeverCPAAboveCLV is the id of the library lever recommended when a
// channel's (or the plan's) CPA exceeds its break-even CPA (the CLV): seed
// 002's budget levers (narrow the target, prune keywords and placements,
// quality over volume, cheaper hours, longer duration, remarketing,
// cheaper channels, daily follow-up). The benchmark library must define it.
const LeverCPAAboveCLV = "cpa-above-clv"

// ChannelKPIs lists, per kind, the KPIs compared with the benchmark
// library, in the order recommendations are emitted (and ChannelResult.KPIs
// lists them). Every kind ends with conversion_rate and cpa.
func ChannelKPIs(k plan.Kind) []string {
	var l []string
	switch k {
	case plan.Email, plan.SMS:
		l = []string{"open_rate", "click_rate", "click_to_open", "bounce_rate", "unsubscribe_rate"}
	case plan.Search:
		l = []string{"ctr", "cpc"}
	case plan.Display, plan.SocialAds:
		l = []string{"ctr", "cpm"}
	case plan.SocialOrganic, plan.Influencer:
		l = []string{"reach_rate", "ctr"}
	case plan.Print, plan.Event, plan.Partnership:
		l = []string{"response_rate"}
	}
	return append(l, "conversion_rate", "cpa")
}

// kpiValue returns the channel's value of a KPI: the model's rate (the
// input, after the scenario's factors: it is also the rate the funnel
// shows, e.g. opens/delivered = open_rate), click-to-open and cpa as
// computed; false when undefined.
func kpiValue(c *chanRun, cr *ChannelResult, kpi string) (decimal.Decimal, bool) {
	in := c.in
	switch kpi {
	case "open_rate":
		return in.open, true
	case "click_rate":
		return in.click, true
	case "click_to_open":
		return cr.ClickToOpen.Decimal, cr.ClickToOpen.Valid
	case "bounce_rate":
		return in.bounce, true
	case "unsubscribe_rate":
		return in.unsub, true
	case "ctr":
		return in.ctr.Decimal, in.ctr.Valid
	case "cpc":
		return in.cpc, true
	case "cpm":
		return in.cpm, true
	case "reach_rate":
		return in.reachRate, true
	case "response_rate":
		return in.responseRate, true
	case "conversion_rate":
		return in.conversionRate, true
	case "cpa":
		return cr.Figures.CPA.Decimal, cr.Figures.CPA.Valid
	}
	return zero, false
}

// findBenchmark looks metric up for kind and sector: lib.Find first; if it
// finds nothing, the library's own rule by hand (a benchmark for this
// sector before an all-sector one; a benchmark with no kinds applies to
// every kind; the first in library order wins).
func findBenchmark(lib plan.Library, kind plan.Kind, sector, metric string) (plan.Benchmark, bool) {
	if b, ok := lib.Find(kind, sector, metric); ok {
		return b, true
	}
	applies := func(b plan.Benchmark) bool {
		if b.Metric != metric {
			return false
		}
		if len(b.Kinds) == 0 {
			return true
		}
		for _, k := range b.Kinds {
			if k == kind {
				return true
			}
		}
		return false
	}
	if sector != "" {
		for _, b := range lib.Benchmarks {
			if b.Sector == sector && applies(b) {
				return b, true
			}
		}
	}
	for _, b := range lib.Benchmarks {
		if b.Sector == "" && applies(b) {
			return b, true
		}
	}
	return plan.Benchmark{}, false
}

// findLever returns the lever with id (lib.Lever, else a scan of
// lib.Levers); an unknown id gives a Lever with only its ID.
func findLever(lib plan.Library, id string) plan.Lever {
	if l, ok := lib.Lever(id); ok {
		return l
	}
	for _, l := range lib.Levers {
		if l.ID == id {
			return l
		}
	}
	return plan.Lever{ID: id}
}

// SourceIn returns the recommendation's source in lang: the benchmark's
// (or the lever's) publisher and title, with the year, as the reader reads
// them (plan.Benchmark.SourceIn).
func (r Recommendation) SourceIn(lang plan.Language) string {
	if lang == plan.LangEN && r.SourceEN != "" {
		return r.SourceEN
	}
	return r.Source
}

// sourceOf is "Source, Year" (just Source when the year is unknown).
func sourceOf(source string, year int) string {
	if year == 0 {
		return source
	}
	return fmt.Sprintf("%s, %d", source, year)
}

// compare appends one recommendation per lever of b when v is below b.Min
// or above b.Max (a benchmark with no lever still gives one, with an empty
// Lever).
func compare(out []Recommendation, lib plan.Library, channel, kpi string, v decimal.Decimal, b plan.Benchmark) []Recommendation {
	var thr decimal.Decimal
	var below bool
	switch {
	case b.Min.Valid && v.LessThan(b.Min.Decimal):
		thr, below = b.Min.Decimal, true
	case b.Max.Valid && v.GreaterThan(b.Max.Decimal):
		thr = b.Max.Decimal
	default:
		return out
	}
	src, srcEN := b.SourceIn(plan.LangFR), b.SourceIn(plan.LangEN)
	if srcEN == src {
		srcEN = ""
	}
	if len(b.Levers) == 0 {
		return append(out, Recommendation{Channel: channel, KPI: kpi, Value: v, Benchmark: thr, Below: below, Source: src, SourceEN: srcEN})
	}
	for _, id := range b.Levers {
		out = append(out, Recommendation{Channel: channel, KPI: kpi, Value: v, Benchmark: thr, Below: below,
			Lever: findLever(lib, id), Source: src, SourceEN: srcEN})
	}
	return out
}

// recommendations compares every channel's KPIs (ChannelKPIs) with the
// library's benchmark for its kind and the plan's sector, then, in b2b,
// the plan's funnel rates (lead_to_mql, mql_to_sql, sql_to_customer; a
// channel's own override is compared under that channel), then CPA against
// the break-even CPA (CLV): each channel whose CPA exceeds the CLV, then
// the whole plan (Channel ""), with the lever LeverCPAAboveCLV and the
// lever's own source. Order: channels in plan order, KPIs in list order,
// levers in benchmark order — deterministic.
func (e *engine) recommendations(lib plan.Library, r Result) []Recommendation {
	var out []Recommendation
	sector := e.p.Business.Sector
	for i := range e.chans {
		c := &e.chans[i]
		if c.active == 0 {
			continue
		}
		cr := &r.Channels[i]
		for _, kpi := range ChannelKPIs(c.in.ch.Kind) {
			v, ok := kpiValue(c, cr, kpi)
			if !ok {
				continue
			}
			if b, ok := findBenchmark(lib, c.in.ch.Kind, sector, kpi); ok {
				out = compare(out, lib, c.in.ch.ID, kpi, v, b)
			}
		}
		if e.biz.model == plan.B2B {
			ch := c.in.ch
			for _, f := range []struct {
				kpi string
				v   decimal.NullDecimal
			}{{"lead_to_mql", ch.LeadToMQL}, {"mql_to_sql", ch.MQLToSQL}, {"sql_to_customer", ch.SQLToCustomer}} {
				if !f.v.Valid {
					continue
				}
				if b, ok := findBenchmark(lib, ch.Kind, sector, f.kpi); ok {
					out = compare(out, lib, ch.ID, f.kpi, f.v.Decimal, b)
				}
			}
		}
	}
	if e.biz.model == plan.B2B {
		fn := e.p.Funnel
		for _, f := range []struct {
			kpi string
			v   decimal.Decimal
		}{{"lead_to_mql", fn.LeadToMQL}, {"mql_to_sql", fn.MQLToSQL}, {"sql_to_customer", fn.SQLToCustomer}} {
			if b, ok := findBenchmark(lib, "", sector, f.kpi); ok {
				out = compare(out, lib, "", f.kpi, f.v, b)
			}
		}
	}
	lever := findLever(lib, LeverCPAAboveCLV)
	cpaRec := func(channel string, f Figures) {
		if f.CPA.Valid && f.CPA.Decimal.GreaterThan(e.clv) {
			out = append(out, Recommendation{Channel: channel, KPI: "cpa", Value: f.CPA.Decimal, Benchmark: e.clv,
				Lever: lever, Source: lever.Source, SourceEN: lever.SourceEN})
		}
	}
	for i := range r.Channels {
		cpaRec(r.Channels[i].ID, r.Channels[i].Figures)
	}
	cpaRec("", r.Totals)
	return out
}
