package plan

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Validate checks every field of p against its range and the plan's
// consistency rules, and returns every problem found (nil when p is valid),
// in plan order, without file positions: each Error's Path names the field,
// e.g. "channels[2].open_rate". Decode runs the same checks on a file and
// adds the positions. The desktop app calls Validate after each edit.
//
// Ranges (FORMAT.md gives most; the others are chosen to catch typos):
//   - rates (gross_margin, open_rate, ctr, conversion_rate, the funnel, …):
//     fractions 0..1; a search ctr, when given, above 0 (exposures are
//     clicks / ctr).
//   - money (budget, fixed_cost, cost_per_message, min/max_budget,
//     commission_per_sale, actual spend and revenue, …): 0..10^12;
//     average_order, cpc and cpm: above 0 (they divide).
//   - decimal counts (followers, contacts, visits_per_month, clicks,
//     actual figures): 0..10^12; audience and max_clicks above 0 (caps).
//   - reach_per_unit 0..10^6 people; orders_per_month 0..1000.
//   - whole numbers: months 1..60, clv_months 0..120, sends 1..1000,
//     posts 1..10 000, ramp_months 1..60, list_size and units 0..10^12,
//     runs 1..1 000 000; seed any int64.
//   - objective target: −10^12..10^12 (a net profit target may be negative).
//   - scenario factors: above 0, at most 100.
//   - title, names, author, client, owner: 1..200 characters where
//     required; statement ≤ 1000; context ≤ 100 000; scenario names ≤ 100.
//   - ids: [a-z0-9-]+, at most 64 characters, unique among objectives and
//     among channels.
//   - language fr|en; currency three capital letters; model b2c|b2b;
//     sector one of Sectors or empty; kind one of Kinds; direction
//     at_least|at_most; purpose one of Purposes or empty; metric one of
//     Metrics, and not leads, mql, sql or cpl in a b2c plan (undefined there).
//   - dates: years 1900..2199; start required.
//   - decimals: at most 10 digits after the point, as Encode writes them
//     (trailing zeros count), so that a plan the app saves opens again.
//   - active_months: at most 60 entries (one error, not one per entry).
//
// Consistency:
//   - An objective's deadline before the plan's start is an error. A deadline
//     after the plan's end is allowed: the engine warns "objective outside
//     the plan" and the SMART time-bound check fails. No deadline (zero
//     Date) is allowed: the objective is then not time-bound.
//   - active_months: each within 1..months, none twice.
//   - min_budget ≤ max_budget; min_budget, max_budget and locked only on
//     search, display and social_ads channels; an affiliate channel has at
//     most one of commission_per_sale and commission_rate.
//   - ranges: the input is a decimal key of the channel's kind (not the
//     optimiser bounds nor the funnel overrides) that has a value;
//     low ≤ value ≤ high, and both ends within the key's own range.
//   - scenarios: names non-empty, unique without regard to case, not "base";
//     factor inputs are uncertain channel keys (as for ranges) or one of
//     average_order, first_order_discount, gross_margin, monthly_retention,
//     orders_per_month; a [[scenarios.channel]] names an existing channel
//     once per scenario and scales only that channel's keys.
//   - tracking: engagement_weights, when set, name each KPI of
//     EngagementKPIs at most once, with a weight from 0 to 1000, at least
//     one of them above 0.
//   - actuals: the channel exists, month within 1..months, at most one row
//     per channel and month.
//
// Validate does not check fields a channel's kind does not use (Encode
// leaves them out), nor the [funnel] of a b2c plan (unused).
func Validate(p Plan) ErrorList {
	v := &validator{}
	v.plan(p)
	return v.errs
}

// validator collects problems; skip, when set, drops problems on paths
// Decode has already reported (a key of the wrong type is left zero and
// must not also be called out of range).
//
// sink, when set, takes each problem instead of errs (Decode positions it
// and keeps the first maxErrors).
type validator struct {
	errs  ErrorList
	skip  func(path string) bool
	sink  func(Error)
	chans map[string]int // channel id → index of its first channel, for lookups
}

// lookup returns the first channel of p with id, as p.Channel does, in
// constant time: a plan with thousands of actuals rows and channels must
// not cost their product.
func (v *validator) lookup(p Plan, id string) (Channel, bool) {
	if v.chans == nil {
		v.chans = make(map[string]int, len(p.Channels))
		for i, c := range p.Channels {
			if _, ok := v.chans[c.ID]; !ok {
				v.chans[c.ID] = i
			}
		}
	}
	i, ok := v.chans[id]
	if !ok {
		return Channel{}, false
	}
	return p.Channels[i], true
}

func (v *validator) add(path, code string, args ...any) {
	if v.skip != nil && v.skip(path) {
		return
	}
	e := Error{Path: path, Msg: msgf(code, args...)}
	if v.sink != nil {
		v.sink(e)
		return
	}
	v.errs = append(v.errs, e)
}

// ok reports whether path has not been reported by Decode.
func (v *validator) ok(path string) bool { return v.skip == nil || !v.skip(path) }

// maxLen is the longest text a string key may hold, in characters.
func maxLen(key string) int {
	switch key {
	case "context":
		return 100_000
	case "statement":
		return 1000
	}
	return 200
}

// checkSpecs checks the required values, ranges and lengths of the keys of
// one table. take filters the specs (nil takes all).
func checkSpecs[T any](v *validator, prefix string, specs []spec[T], val *T, take func(spec[T]) bool) {
	for _, s := range specs {
		if take != nil && !take(s) {
			continue
		}
		// the key's path is built only for a message: most plans have none
		path := func() string { return join(prefix, s.key) }
		var num decimal.Decimal
		has := false
		switch f := s.field(val).(type) {
		case *decimal.Decimal:
			num, has = *f, true
		case *decimal.NullDecimal:
			num, has = f.Decimal, f.Valid
			if !f.Valid && s.req {
				v.add(path(), msgRequired, s.key, s.key, s.ex)
			}
		case *int:
			num, has = decimal.NewFromInt(int64(*f)), true
		case *int64:
			num, has = decimal.NewFromInt(*f), true
		case *[]string:
			if len(*f) > 0 {
				v.list(path(), s.key, *f)
			}
		case *Date:
			if f.IsZero() {
				if s.req {
					v.add(path(), msgRequired, s.key, s.key, s.ex)
				}
			} else if f.Year < 1900 || f.Year > 2199 {
				v.add(path(), msgBadDateYear, s.key, f.String())
			}
		default:
			str := stringOf(f)
			if strings.TrimSpace(str) == "" && s.req {
				v.add(path(), msgRequired, s.key, s.key, s.ex)
			} else if n := utf8.RuneCountInString(str); n > maxLen(s.key) {
				v.add(path(), msgTooLong, s.key, n, maxLen(s.key))
			}
		}
		if has && s.b != nil && !s.b.contains(num) {
			v.add(path(), msgOutOfRange, s.key, formatDecimal(num), s.b.desc)
		} else if has && (s.typ == tDecimal || s.typ == tNullDecimal) && !digitsFit(num) {
			v.digits(path(), s.key, s.ex, num)
		}
	}
}

// digits reports a decimal of more than maxDigits digits as Encode writes
// it (trailing zeros count), which Decode would refuse when the plan is
// opened again, and says whether d is fine; ex is an example value for
// the message when no rounding fits (more than 15 digits before the
// point, which the ranges refuse first).
func (v *validator) digits(path, key, ex string, d decimal.Decimal) bool {
	if digitsFit(d) {
		return true
	}
	text := formatDecimal(d)
	i, f, _ := plainDigits(strings.TrimPrefix(text, "-"))
	if i+f <= maxDigits {
		return true
	}
	if fix := roundDigits(text, i); fix != "" {
		v.add(path, msgDigitsRounded, key, clip(text), i+f, maxDigits, key, fix)
	} else {
		v.add(path, msgDigits, key, clip(text), i+f, maxDigits, key, ex)
	}
	return false
}

// digitsFit reports whether d written out has at most maxDigits digits,
// without writing it: max(NumDigits, places) digits when it has places
// after the point, NumDigits + exponent otherwise (leading zeros are not
// counted in either). digits says more when it has not.
func digitsFit(d decimal.Decimal) bool {
	n, e := d.NumDigits(), int(d.Exponent())
	return e < 0 && max(n, -e) <= maxDigits || e >= 0 && n+e <= maxDigits
}

// list checks a list key (tStrings): at most listLimit(key) entries,
// none blank, each at most maxListEntry characters; kpis, when set, needs
// one at least (an empty list is the key left out).
func (v *validator) list(path, key string, list []string) {
	if n := listLimit(key); len(list) > n {
		v.add(path, msgListTooMany, key, len(list), n)
	}
	for j, e := range list {
		ep := func() string { return fmt.Sprintf("%s[%d]", path, j) }
		switch n := utf8.RuneCountInString(e); {
		case strings.TrimSpace(e) == "":
			v.add(ep(), msgListBlank, key, j+1)
		case n > maxListEntry:
			v.add(ep(), msgListEntryLong, key, j+1, n, maxListEntry)
		}
	}
}

// stringOf returns the text behind a pointer to a string field.
func stringOf(f any) string {
	switch f := f.(type) {
	case *string:
		return *f
	case *Language:
		return string(*f)
	case *Model:
		return string(*f)
	case *Direction:
		return string(*f)
	case *Kind:
		return string(*f)
	}
	return ""
}

func (v *validator) plan(p Plan) {
	info := p.Info
	checkSpecs(v, "plan", infoSpecs, &info, nil)
	if info.Language != LangFR && info.Language != LangEN {
		v.add("plan.language", msgBadEnum, "language", clip(string(info.Language)), msgf(msgOneOfTwo, "fr", "en"))
	}
	if !isCurrency(info.Currency) {
		v.add("plan.currency", msgBadCurrency, clip(info.Currency))
	}
	monthsOK := v.ok("plan.months") && info.Months >= 1 && info.Months <= 60
	startOK := v.ok("plan.start") && !info.Start.IsZero()

	b := p.Business
	checkSpecs(v, "business", businessSpecs, &b, nil)
	if b.Sector != "" && !slices.Contains(Sectors, b.Sector) {
		v.add("business.sector", msgBadEnum, "sector", clip(b.Sector), quoteList(Sectors))
	}
	if b.Model != B2C && b.Model != B2B {
		v.add("business.model", msgBadEnum, "model", clip(string(b.Model)), msgf(msgOneOfTwo, "b2c", "b2b"))
	}
	if b.Model == B2B {
		f := p.Funnel
		checkSpecs(v, "funnel", funnelSpecs, &f, nil)
	}

	ids := map[string]int{}
	for i, o := range p.Objectives {
		pre := fmt.Sprintf("objectives[%d]", i)
		checkSpecs(v, pre, objectiveSpecs, &o, nil)
		v.id(pre+".id", o.ID, "objective", ids, i, func(j int) Msg { return msgf(msgRefObjective, j+1) })
		if o.Metric != "" && !IsMetric(o.Metric) {
			v.add(pre+".metric", msgBadMetric, clip(o.Metric), strings.Join(Metrics, ", "))
		} else if b.Model == B2C && IsLeadMetric(o.Metric) {
			v.add(pre+".metric", msgB2BMetric, o.Metric)
		}
		if o.Direction != AtLeast && o.Direction != AtMost {
			v.add(pre+".direction", msgBadEnum, "direction", clip(string(o.Direction)), msgf(msgOneOfTwo, "at_least", "at_most"))
		}
		if o.Purpose != "" && !slices.Contains(Purposes, o.Purpose) {
			v.add(pre+".purpose", msgBadEnum, "purpose", clip(o.Purpose), quoteList(Purposes))
		}
		if startOK && !o.Deadline.IsZero() && o.Deadline.Before(info.Start) {
			v.add(pre+".deadline", msgDeadline, o.Deadline, info.Start)
		}
	}

	chans := map[string]int{}
	for i, c := range p.Channels {
		v.channel(p, i, c, chans, monthsOK)
	}

	v.scenarios(p)

	sim := p.Simulation
	checkSpecs(v, "simulation", simulationSpecs, &sim, nil)
	v.tracking(p)
	tr := p.Tracking
	checkSpecs(v, "tracking", trackingSpecs, &tr, nil)

	seen := map[string]bool{}
	for i, a := range p.Actuals {
		pre := fmt.Sprintf("actuals[%d]", i)
		checkSpecs(v, pre, actualSpecs, &a, nil)
		if a.SpendUnknown && !a.Spend.IsZero() {
			v.add(pre+".spend", msgSpendUnknown, formatDecimal(a.Spend))
		}
		if _, ok := v.lookup(p, a.Channel); !ok && a.Channel != "" {
			v.add(pre+".channel", msgUnknownChan, "channel", clip(a.Channel), channelIDs(p))
		}
		if monthsOK && v.ok(pre+".month") && (a.Month < 1 || a.Month > info.Months) {
			v.add(pre+".month", msgMonthNotIn, a.Month, info.Months, info.Months)
		}
		k := fmt.Sprintf("%s\x00%d", a.Channel, a.Month)
		if seen[k] {
			v.add(pre, msgActualTwice, clip(a.Channel), a.Month)
		}
		seen[k] = true
	}
}

// whatID and whatWord name an objective's or a channel's id and the thing
// itself in msgDuplicateID.
var (
	whatID   = map[string]Msg{"objective": NewMsg(msgWordObjectiveID), "channel": NewMsg(msgWordChannelID)}
	whatWord = map[string]Msg{"objective": NewMsg(msgWordObjective), "channel": NewMsg(msgWordChannel)}
)

// id checks an objective's or a channel's id: its characters and that no
// earlier one has it.
func (v *validator) id(path, id, what string, seen map[string]int, i int, name func(int) Msg) {
	if id == "" {
		return // reported as required
	}
	if !isID(id) {
		v.add(path, msgBadID, "id", clip(id), "id", slug(id, what))
		return
	}
	if j, ok := seen[id]; ok {
		v.add(path, msgDuplicateID, whatID[what], id, name(j), whatWord[what])
		return
	}
	seen[id] = i
}

func (v *validator) channel(p Plan, i int, c Channel, ids map[string]int, monthsOK bool) {
	pre := fmt.Sprintf("channels[%d]", i)
	checkSpecs(v, pre, channelHead, &c, nil)
	v.id(pre+".id", c.ID, "channel", ids, i, func(j int) Msg { return msgf(msgRefChannel, clip(p.Channels[j].Name)) })
	if !validKind(c.Kind) {
		if c.Kind != "" {
			v.add(pre+".kind", msgBadEnum, "kind", clip(string(c.Kind)), kindList())
		}
		return
	}
	checkSpecs(v, pre, channelBody, &c, func(s spec[Channel]) bool { return s.takes(c.Kind) })
	if !c.Kind.IsPaid() && c.Kind != Print { // print's bounds: MODEL.md, its units × cost_per_unit
		if !c.MinBudget.IsZero() {
			v.add(pre+".min_budget", msgNotPaid, "min_budget")
		}
		if c.MaxBudget.Valid {
			v.add(pre+".max_budget", msgNotPaid, "max_budget")
		}
		if c.Locked {
			v.add(pre+".locked", msgNotPaid, "locked")
		}
	} else if c.MaxBudget.Valid && c.MinBudget.GreaterThan(c.MaxBudget.Decimal) && v.ok(pre+".max_budget") {
		v.add(pre+".min_budget", msgMinMax, formatDecimal(c.MinBudget), formatDecimal(c.MaxBudget.Decimal))
	}
	if c.Kind == Affiliate && c.CommissionPerSale.Valid && c.CommissionRate.Valid {
		v.add(pre+".commission_rate", msgCommission)
	}
	if len(c.ActiveMonths) > maxMonths {
		v.add(pre+".active_months", msgActiveTooMany, len(c.ActiveMonths), maxMonths)
	} else if monthsOK {
		seen := map[int]bool{}
		for _, m := range c.ActiveMonths {
			if m < 1 || m > p.Info.Months {
				v.add(pre+".active_months", msgMonthNotIn, m, p.Info.Months, p.Info.Months)
			} else if seen[m] {
				v.add(pre+".active_months", msgMonthTwice, m)
			}
			seen[m] = true
		}
	}
	for _, r := range c.Ranges {
		v.rangeOf(pre, c, r)
	}
}

// rangeOf checks one uncertainty range of channel c.
func (v *validator) rangeOf(pre string, c Channel, r Range) {
	path := pre + ".ranges." + r.Input
	s, ok := channelSpec(c.Kind, r.Input)
	if !ok || !isUncertain(s) {
		v.add(path, msgRangeKey, r.Input, r.Input, article(c.Kind), c.Kind, strings.Join(uncertainKeys(c.Kind), ", "))
		return
	}
	bad := false
	for _, end := range []struct {
		name string
		d    decimal.Decimal
	}{{"low", r.Low}, {"high", r.High}} {
		if s.b != nil && !s.b.contains(end.d) {
			v.add(path, msgRangeBound, r.Input, end.name, formatDecimal(end.d), s.b.desc)
			bad = true
		} else if !v.digits(path, r.Input, `"0.01"`, end.d) {
			bad = true
		}
	}
	if bad {
		return
	}
	if r.Low.GreaterThan(r.High) {
		v.add(path, msgRangeOrder, r.Input, formatDecimal(r.Low), formatDecimal(r.High))
		return
	}
	var val decimal.Decimal
	switch f := s.field(&c).(type) {
	case *decimal.Decimal:
		val = *f
	case *decimal.NullDecimal:
		if !f.Valid {
			if v.ok(pre + "." + r.Input) {
				v.add(path, msgRangeUnset, r.Input, r.Input, r.Input)
			}
			return
		}
		val = f.Decimal
	}
	if !v.ok(pre + "." + r.Input) {
		return
	}
	if val.LessThan(r.Low) || val.GreaterThan(r.High) {
		v.add(path, msgRangeExclude, r.Input, formatDecimal(r.Low), formatDecimal(r.High), formatDecimal(val), r.Input)
	}
}

func (v *validator) scenarios(p Plan) {
	names := map[string]bool{}
	all := allFactorKeys()
	for i, s := range p.Scenarios {
		pre := fmt.Sprintf("scenarios[%d]", i)
		name := strings.TrimSpace(s.Name)
		switch {
		case name == "":
			v.add(pre+".name", msgRequired, "name", "name", `"Pessimiste"`)
		case strings.EqualFold(name, "base"):
			v.add(pre+".name", msgScenarioName, clip(s.Name))
		case names[strings.ToLower(name)]:
			v.add(pre+".name", msgScenarioDup, clip(s.Name))
		case utf8.RuneCountInString(s.Name) > 100:
			v.add(pre+".name", msgTooLong, "name", utf8.RuneCountInString(s.Name), 100)
		}
		names[strings.ToLower(name)] = true
		for _, f := range s.Factors {
			path := pre + ".factors." + f.Input
			if !slices.Contains(all, f.Input) {
				v.add(path, msgFactorKey, f.Input, f.Input, strings.Join(all, ", "))
			} else if !bFactor.contains(f.Factor) {
				v.add(path, msgOutOfRange, "factors."+f.Input, formatDecimal(f.Factor), bFactor.desc)
			} else {
				v.digits(path, "factors."+f.Input, `"0.8"`, f.Factor)
			}
		}
		seen := map[string]bool{}
		for j, cf := range s.Channels {
			cpre := fmt.Sprintf("%s.channel[%d]", pre, j)
			c, ok := v.lookup(p, cf.ID)
			switch {
			case cf.ID == "":
				v.add(cpre+".id", msgRequired, "id", "id", `"mailing"`)
			case !ok:
				v.add(cpre+".id", msgUnknownChan, "id", clip(cf.ID), channelIDs(p))
			case seen[cf.ID]:
				v.add(cpre+".id", msgScenarioChan, clip(cf.ID), clip(s.Name))
			}
			seen[cf.ID] = true
			for _, f := range cf.Factors {
				path := cpre + ".factors." + f.Input
				if ok && validKind(c.Kind) {
					if keys := uncertainKeys(c.Kind); !slices.Contains(keys, f.Input) {
						v.add(path, msgFactorChan, f.Input, f.Input, article(c.Kind), c.Kind, strings.Join(keys, ", "))
						continue
					}
				}
				if !bFactor.contains(f.Factor) {
					v.add(path, msgOutOfRange, "factors."+f.Input, formatDecimal(f.Factor), bFactor.desc)
				} else {
					v.digits(path, "factors."+f.Input, `"0.8"`, f.Factor)
				}
			}
		}
	}
}

func (v *validator) tracking(p Plan) {
	ws := p.Tracking.EngagementWeights
	if len(ws) == 0 {
		return
	}
	const pre = "tracking.engagement_weights"
	seen := map[string]bool{}
	positive := false
	for _, w := range ws {
		path := pre + "." + w.KPI
		switch {
		case !slices.Contains(EngagementKPIs, w.KPI):
			v.add(path, msgWeightKey, w.KPI, w.KPI, strings.Join(EngagementKPIs, ", "))
		case seen[w.KPI]:
			v.add(path, msgWeightTwice, w.KPI)
		case !bWeight.contains(w.Weight):
			v.add(path, msgOutOfRange, "engagement_weights."+w.KPI, formatDecimal(w.Weight), bWeight.desc)
		default:
			v.digits(path, "engagement_weights."+w.KPI, `"0.3"`, w.Weight)
		}
		seen[w.KPI] = true
		positive = positive || w.Weight.Sign() > 0
	}
	if !positive {
		v.add(pre, msgWeightsZero)
	}
}

// isID reports whether s is a valid id: [a-z0-9-]+, at most 64 bytes.
func isID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// slug suggests an id close to s: lower case, accents dropped, other
// characters turned into '-'.
func slug(s, what string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case strings.ContainsRune("àâä", r):
			b.WriteByte('a')
		case strings.ContainsRune("éèêë", r):
			b.WriteByte('e')
		case strings.ContainsRune("îï", r):
			b.WriteByte('i')
		case strings.ContainsRune("ôö", r):
			b.WriteByte('o')
		case strings.ContainsRune("ùûü", r):
			b.WriteByte('u')
		case r == 'ç':
			b.WriteByte('c')
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > 64 {
		out = strings.TrimRight(out[:64], "-")
	}
	if out == "" {
		out = what + "-1"
	}
	return out
}

// isCurrency reports whether s looks like an ISO 4217 code: three capital
// letters A-Z.
func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return quoteList(s)
}

// channelIDs lists the ids of p's channels for a message: all of them up
// to maxListedIDs, else the first maxListedIDs and a count of the others,
// so that each of thousands of messages about a plan of thousands of
// channels stays a line (and costs a line).
func channelIDs(p Plan) Msg {
	if len(p.Channels) == 0 {
		return msgf(msgNoChannels)
	}
	n := min(len(p.Channels), maxListedIDs)
	s := make([]string, n)
	for i, c := range p.Channels[:n] {
		s[i] = clip(c.ID)
	}
	if len(p.Channels) > n {
		return msgf(msgMoreIDs, quoteList(s), len(p.Channels)-n)
	}
	return msgf(msgVerbatim, quoteList(s))
}
