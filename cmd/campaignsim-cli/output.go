package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// member is one key of a JSON object.
type member struct {
	Key   string
	Value any
}

// object is a JSON object whose keys keep their order (FORMAT.md's order).
type object []member

// MarshalJSON writes o with its keys in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(m.Key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping (a title may hold "&").
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// marshalIndent is marshal indented by two spaces.
func marshalIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// writeJSON appends v to the output as indented JSON; a value that cannot
// be written is an invalidError (exit 1).
func (c *cli) writeJSON(v any) error {
	b, err := marshalIndent(v)
	if err != nil {
		return invalidErrorf("%s: cannot write JSON: %v", prog, err)
	}
	c.out.Write(b)
	c.out.WriteByte('\n')
	return nil
}

// writeCSV appends records to the output as RFC 4180 CSV. Every cell goes
// through display.CSVCell, so a name a spreadsheet would run as a formula
// is written as text. Records that cannot be written are an invalidError
// (exit 1).
func (c *cli) writeCSV(records [][]string) error {
	for _, r := range records {
		for i := range r {
			r[i] = display.CSVCell(r[i])
		}
	}
	w := csv.NewWriter(&c.out)
	if err := w.WriteAll(records); err != nil {
		return invalidErrorf("%s: cannot write CSV: %v", prog, err)
	}
	return nil
}

// nullString is s, or nil (JSON null) when s is empty.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// unitPlaces is the number of decimal places a unit is written with in
// JSON and CSV: the places of MODEL.md's edge rounding (simulate.Unit.Round).
func unitPlaces(u simulate.Unit) int32 {
	switch u {
	case simulate.Money, simulate.Count:
		return 2
	case simulate.Month:
		return 0
	default:
		return 6
	}
}

// edge writes v for machines (JSON, CSV): rounded by u.Round (MODEL.md's
// edge rounding, half away from zero) and written with the unit's places,
// so that money always reads "1250.00" and a rate "0.220000". Should
// Unit.Round ever keep more places, they are written too, never dropped.
func edge(u simulate.Unit, v decimal.Decimal) string {
	r := u.Round(v)
	places := unitPlaces(u)
	if e := -r.Exponent(); e > places {
		places = e
	}
	return r.StringFixed(places)
}

// edgeNull is edge, or nil (JSON null) when v is undefined.
func edgeNull(u simulate.Unit, v decimal.NullDecimal) any {
	if !v.Valid {
		return nil
	}
	return edge(u, v.Decimal)
}

// jsonUnit is the unit by which a value of name is written in JSON and
// CSV: its figure's unit, else (a channel input such as open_rate or
// cost_per_message, in recommendations and benchmarks) the 6 places of
// rates, so that a cost per message of 0.001 keeps its digits.
func jsonUnit(name string) simulate.Unit {
	if s, ok := simulate.SpecOf(name); ok {
		return s.Unit
	}
	return simulate.Rate
}

// metricUnit is the unit by which a value of name is shown to people
// (simulate.ValueUnit).
func metricUnit(name string) simulate.Unit {
	u, _ := simulate.ValueUnit(name)
	return u
}

// figuresJSON is FIGURES of FORMAT.md: every figure of FigureSpecs in
// order, a decimal string or null.
func figuresJSON(f simulate.Figures) object {
	o := make(object, 0, len(simulate.FigureSpecs()))
	for _, s := range simulate.FigureSpecs() {
		o = append(o, member{s.Name, edgeNull(s.Unit, s.Get(f))})
	}
	return o
}

func currencyOf(p plan.Plan) string {
	if p.Info.Currency == "" {
		return "EUR"
	}
	return p.Info.Currency
}

// resultJSON is the object of FORMAT.md's "JSON output of simulate".
func resultJSON(p plan.Plan, r simulate.Result) object {
	lang := p.Info.Language
	channels := make([]any, 0, len(r.Channels))
	for _, ch := range r.Channels {
		o := object{{"id", ch.ID}, {"name", ch.Name}, {"kind", string(ch.Kind)}}
		o = append(o, figuresJSON(ch.Figures)...)
		stages := make([]any, 0, len(ch.Stages))
		for _, st := range ch.Stages {
			stages = append(stages, object{{"stage", st.Name}, {"value", edge(simulate.Count, st.Value)}})
		}
		o = append(o, member{"stages", stages})
		channels = append(channels, o)
	}
	months := make([]any, 0, len(r.Months))
	for _, m := range r.Months {
		months = append(months, object{
			{"month", m.Month},
			{"cost", edge(simulate.Money, m.Cost)},
			{"customers", edge(simulate.Count, m.Customers)},
			{"revenue", edge(simulate.Money, m.Revenue)},
			{"gross_margin", edge(simulate.Money, m.GrossMargin)},
			{"cumulative_cost", edge(simulate.Money, m.CumulativeCost)},
			{"cumulative_customers", edge(simulate.Count, m.CumulativeCustomers)},
			{"cumulative_gross_margin", edge(simulate.Money, m.CumulativeGrossMargin)},
		})
	}
	objectives := make([]any, 0, len(r.Objectives))
	for _, ob := range r.Objectives {
		u := jsonUnit(ob.Metric)
		objectives = append(objectives, object{
			{"id", ob.ID},
			{"metric", ob.Metric},
			{"target", edge(u, ob.Target)},
			{"direction", string(ob.Direction)},
			{"value", edgeNull(u, ob.Value)},
			{"met", ob.Met},
			{"gap", edgeNull(u, ob.Gap)},
			{"smart", object{
				{"specific", ob.Smart.Specific.OK},
				{"measurable", ob.Smart.Measurable.OK},
				{"achievable", ob.Smart.Achievable.OK},
				{"relevant", ob.Smart.Relevant.OK},
				{"time_bound", ob.Smart.TimeBound.OK},
			}},
		})
	}
	recs := make([]any, 0, len(r.Recommendations))
	for _, rec := range r.Recommendations {
		u := jsonUnit(rec.KPI)
		var channel any
		if rec.Channel != "" {
			channel = rec.Channel
		}
		recs = append(recs, object{
			{"channel", channel},
			{"kpi", rec.KPI},
			{"value", edge(u, rec.Value)},
			{"benchmark", edge(u, rec.Benchmark)},
			{"message", rec.Lever.Text(lang)},
			{"source", rec.Source},
		})
	}
	warnings := make([]string, 0, len(r.Warnings))
	for _, w := range r.Warnings {
		warnings = append(warnings, display.Text(w.Msg, lang, p.Info.Currency))
	}
	scenario := r.Scenario
	if scenario == "" {
		scenario = "base"
	}
	return object{
		{"format", plan.FormatVersion},
		{"plan", p.Info.Title},
		{"currency", currencyOf(p)},
		{"scenario", scenario},
		{"totals", figuresJSON(r.Totals)},
		{"channels", channels},
		{"months", months},
		{"objectives", objectives},
		{"recommendations", recs},
		{"warnings", warnings},
	}
}

// csvFigures is the figure cells of one CSV row: edge-rounded decimals,
// empty where undefined.
func csvFigures(get func(simulate.Spec) decimal.NullDecimal) []string {
	specs := simulate.FigureSpecs()
	row := make([]string, 0, len(specs))
	for _, s := range specs {
		v := get(s)
		if !v.Valid {
			row = append(row, "")
			continue
		}
		row = append(row, edge(s.Unit, v.Decimal))
	}
	return row
}

func csvHeader(first ...string) []string {
	h := append([]string{}, first...)
	for _, s := range simulate.FigureSpecs() {
		h = append(h, s.Name)
	}
	return h
}

// totalName is the name column of a totals row in CSV (the same word in
// French and English); its channel and kind cells are empty.
const totalName = "Total"

// simulateCSV is simulate's CSV: a header, then for every result one row
// per channel and a totals row.
func simulateCSV(results []simulate.Result) [][]string {
	records := [][]string{csvHeader("scenario", "channel", "name", "kind")}
	for _, r := range results {
		scenario := r.Scenario
		if scenario == "" {
			scenario = "base"
		}
		for _, ch := range r.Channels {
			f := ch.Figures
			records = append(records, append([]string{scenario, ch.ID, ch.Name, string(ch.Kind)},
				csvFigures(func(s simulate.Spec) decimal.NullDecimal { return s.Get(f) })...))
		}
		records = append(records, append([]string{scenario, "", totalName, ""},
			csvFigures(func(s simulate.Spec) decimal.NullDecimal { return s.Get(r.Totals) })...))
	}
	return records
}

// variance is a − b, undefined where either side is.
func variance(a, b decimal.NullDecimal) decimal.NullDecimal {
	if !a.Valid || !b.Valid {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(a.Decimal.Sub(b.Decimal))
}

// evaluateCSV is evaluate's CSV: for every channel (plan order, then any
// channel only the actuals have) the rows actual, plan and variance, then
// the same three rows for the totals.
func evaluateCSV(ev simulate.Evaluation) [][]string {
	records := [][]string{csvHeader("series", "channel", "name", "kind")}
	type pair struct{ actual, plan *simulate.ChannelResult }
	var ids []string
	pairs := map[string]*pair{}
	for i := range ev.Plan.Channels {
		ch := &ev.Plan.Channels[i]
		ids = append(ids, ch.ID)
		pairs[ch.ID] = &pair{plan: ch}
	}
	for i := range ev.Actual.Channels {
		ch := &ev.Actual.Channels[i]
		if pr, ok := pairs[ch.ID]; ok {
			pr.actual = ch
			continue
		}
		ids = append(ids, ch.ID)
		pairs[ch.ID] = &pair{actual: ch}
	}
	for _, id := range ids {
		pr := pairs[id]
		var a, pl simulate.Figures
		name, kind := "", plan.Kind("")
		if pr.plan != nil {
			pl, name, kind = pr.plan.Figures, pr.plan.Name, pr.plan.Kind
		}
		if pr.actual != nil {
			a = pr.actual.Figures
			if name == "" {
				name, kind = pr.actual.Name, pr.actual.Kind
			}
		}
		records = append(records, evalRows(id, name, string(kind), a, pl, nil)...)
	}
	return append(records, evalRows("", totalName, "", ev.Actual.Totals, ev.Plan.Totals, &ev.Variance)...)
}

// evalRows is the rows actual, plan and variance of one channel or of the
// totals. The variance is the engine's when given (the totals), else
// actual − plan figure by figure.
func evalRows(id, name, kind string, a, p simulate.Figures, v *simulate.Figures) [][]string {
	row := func(series string, get func(simulate.Spec) decimal.NullDecimal) []string {
		return append([]string{series, id, name, kind}, csvFigures(get)...)
	}
	vari := func(s simulate.Spec) decimal.NullDecimal { return variance(s.Get(a), s.Get(p)) }
	if v != nil {
		vari = func(s simulate.Spec) decimal.NullDecimal { return s.Get(*v) }
	}
	return [][]string{
		row("actual", func(s simulate.Spec) decimal.NullDecimal { return s.Get(a) }),
		row("plan", func(s simulate.Spec) decimal.NullDecimal { return s.Get(p) }),
		row("variance", vari),
	}
}
