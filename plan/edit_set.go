package plan

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"
)

// SetTables are the first parts a key given to Set may start with.
var SetTables = []string{"plan", "business", "funnel", "simulation", "tracking", "channels", "objectives"}

// Set returns a copy of p with one key set from text, as a person types it
// on a command line (FORMAT.md "More commands": campaignsim-cli set). p
// itself is not changed. key is "plan.K", "business.K", "funnel.K",
// "simulation.K", "tracking.K", "channels.ID.K" or "objectives.ID.K", K a
// key of that table in the plan file; the keys, their types and their
// defaults are those of the decoder's key table (keys.go), so Set knows
// exactly the keys a plan file may hold. text is the value written as in
// the plan but without quotes: 6000, 0.25, 2027-05-01, true, a text.
//
// Edge cases:
//   - An empty text unsets an optional key (author, ctr, audience …) or
//     puts it back to its default (language fr, sends 1 …); for a
//     required key it is an error.
//   - Decimals are plain decimals ("12.50"; not "12,50" nor "1e3": the
//     error says what to write); they keep their digits, so 0.220 stays
//     "0.220" in the file.
//   - channels.ID.active_months takes the months as 1,2,3 (or [1, 2, 3]);
//     channels.ID.ranges.K takes LOW,HIGH (empty removes the range);
//     tracking.engagement_weights.KPI takes a weight (empty removes it).
//   - A key of another channel kind, a b2b key of a b2c plan, funnel.K
//     in a b2c plan, an unknown table, key or id is an error saying what
//     to write instead, with the nearest known name ("did you mean").
//
// Set checks the shape of the value (a number, a date …), not its range:
// Validate the plan once every key is set. The error is an Error whose
// Path is key and whose Msg says what to write.
func Set(p Plan, key, text string) (Plan, error) {
	q := p.Clone()
	if err := set(&q, key, text); !err.IsZero() {
		return p, Error{Path: key, Msg: err}
	}
	return q, nil
}

// set does Set's work on q; it returns the problem, or "".
func set(q *Plan, key, text string) Msg {
	table, rest, _ := strings.Cut(key, ".")
	switch table {
	case "plan":
		return setSpec(infoSpecs, nil, &q.Info, tableMsg("[plan]"), table, rest, text)
	case "business":
		return setSpec(businessSpecs, nil, &q.Business, tableMsg("[business]"), table, rest, text)
	case "funnel":
		if q.Business.Model != B2B {
			return msgf(msgFunnelInB2C)
		}
		return setSpec(funnelSpecs, nil, &q.Funnel, tableMsg("[funnel]"), table, rest, text)
	case "simulation":
		return setSpec(simulationSpecs, nil, &q.Simulation, tableMsg("[simulation]"), table, rest, text)
	case "tracking":
		if slices.ContainsFunc(trackingSpecs, func(s spec[Tracking]) bool { return s.key == rest }) {
			return setSpec(trackingSpecs, nil, &q.Tracking, tableMsg("[tracking]"), table, rest, text)
		}
		return setWeight(q, rest, text)
	case "objectives", "channels":
		id, k, ok := strings.Cut(rest, ".")
		if !ok || id == "" || k == "" {
			return msgf(msgSetIDKey, key, table, table)
		}
		if table == "objectives" {
			ids := make([]string, len(q.Objectives))
			for i, o := range q.Objectives {
				ids[i] = o.ID
			}
			i := slices.Index(ids, id)
			if i < 0 {
				return unknownID(msgf(msgWordObjective), id, ids)
			}
			return setSpec(objectiveSpecs, nil, &q.Objectives[i], msgf(msgTableItem, "[[objectives]]", id), "objectives."+id, k, text)
		}
		ids := make([]string, len(q.Channels))
		for i, c := range q.Channels {
			ids[i] = c.ID
		}
		i := slices.Index(ids, id)
		if i < 0 {
			return unknownID(msgf(msgWordChannel), id, ids)
		}
		return setChannel(&q.Channels[i], q.Business.Model, k, text)
	}
	if s := suggest(table, SetTables); s != "" {
		return msgf(msgSetTable, key, s+strings.TrimPrefix(key, table))
	}
	return msgf(msgSetTableNoHint, key, strings.Join(SetTables, ", "))
}

// unknownID says that no objective or channel has id.
func unknownID(what Msg, id string, ids []string) Msg {
	if s := suggest(id, ids); s != "" {
		return msgf(msgSetID, what, id, s)
	}
	if len(ids) == 0 {
		return msgf(msgSetIDNoHint, what, id, msgf(msgNoChannels))
	}
	return msgf(msgSetIDNoHint, what, id, strings.Join(ids, ", "))
}

// setChannel sets key of channel c in a plan of model m.
func setChannel(c *Channel, m Model, key, text string) Msg {
	where := msgf(msgTableItem, "[[channels]]", c.ID)
	prefix := "channels." + c.ID
	switch {
	case key == "active_months":
		return setMonths(c, text)
	case strings.HasPrefix(key, "ranges."):
		return setRange(c, strings.TrimPrefix(key, "ranges."), text)
	}
	if msg := setSpec(channelHead, nil, c, where, prefix, key, text); !isUnknownKey(msg) {
		return msg
	}
	take := func(s spec[Channel]) bool { return s.takes(c.Kind) && (!s.b2b || m == B2B) }
	msg := setSpec(channelBody, take, c, where, prefix, key, text)
	if !isUnknownKey(msg) {
		return msg
	}
	if s, ok := channelSpec(c.Kind, key); ok && s.b2b {
		return msgf(msgB2BKey, key)
	}
	if isChannelKey(key) {
		return msgf(msgForeignKey, key, article(c.Kind), c.Kind, c.Kind, strings.Join(kindKeys(c.Kind), ", "))
	}
	known := append(specKeys(channelHead), "active_months", "ranges.KEY")
	for _, s := range channelBody {
		if take(s) && !slices.Contains(known, s.key) {
			known = append(known, s.key)
		}
	}
	return unknownKey(prefix, key, where, known)
}

// isUnknownKey reports whether m is the message setSpec gives for a key
// its table lacks, so that a caller may try another table first.
func isUnknownKey(m Msg) bool { return m.Code == msgUnknownKey || m.Code == msgSetUnknownKey }

// unknownKey says that table where has no key, with the nearest one.
func unknownKey(prefix, key string, where Msg, known []string) Msg {
	if s := suggest(key, known); s != "" {
		return msgf(msgUnknownKey, prefix+"."+key, where, prefix+"."+s)
	}
	return msgf(msgSetUnknownKey, prefix+"."+key, where, strings.Join(known, ", "))
}

// setSpec sets key of the table val (described by specs, those take
// accepts) from text.
func setSpec[T any](specs []spec[T], take func(spec[T]) bool, val *T, where Msg, prefix, key, text string) Msg {
	i := slices.IndexFunc(specs, func(s spec[T]) bool { return s.key == key && (take == nil || take(s)) })
	if i < 0 {
		var known []string
		for _, s := range specs {
			if (take == nil || take(s)) && !slices.Contains(known, s.key) {
				known = append(known, s.key)
			}
		}
		return unknownKey(prefix, key, where, known)
	}
	s := specs[i]
	full := prefix + "." + key
	ex := strings.Trim(s.ex, `"`)
	ptr := s.field(val)
	if text == "" {
		switch {
		case s.req:
			return msgf(msgSetRequired, full, full, ex)
		case s.def != "":
			setDefault(ptr, s.def)
		default:
			zeroField(ptr)
		}
		return Msg{}
	}
	switch s.typ {
	case tDecimal, tNullDecimal:
		n, msg := setDecimal(full, ex, text)
		if !msg.IsZero() {
			return msg
		}
		assign(ptr, n)
	case tInt, tInt64:
		n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
		if err != nil {
			return msgf(msgSetInteger, full, text, full, ex)
		}
		if _, isInt := ptr.(*int); isInt {
			n = int64(clampInt(n))
		}
		assign(ptr, n)
	case tBool:
		b, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil || strings.TrimSpace(text) != "true" && strings.TrimSpace(text) != "false" {
			return msgf(msgSetBool, full, text, full, full)
		}
		assign(ptr, b)
	case tDate:
		t, err := time.Parse("2006-01-02", strings.TrimSpace(text))
		if err != nil {
			return msgf(msgSetDate, full, text, full, ex)
		}
		assign(ptr, DateOf(t))
	case tStrings:
		list, ok := setStrings(text)
		if !ok {
			return msgf(msgSetStrings, full, text, full, full)
		}
		assign(ptr, list)
	default:
		assign(ptr, text)
	}
	return Msg{}
}

// setStrings reads a list of texts typed for a list key: entries
// separated by commas (`Marque*,Générique*`, spaces at the ends trimmed,
// empty entries dropped), or, for names that hold a comma, a TOML list
// (`["Marque, été", "Générique*"]`). ok is false for a TOML list that does
// not read as strings.
func setStrings(text string) (list []string, ok bool) {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "[") {
		var v struct{ L []string }
		if _, err := toml.Decode("L = "+t, &v); err != nil {
			return nil, false
		}
		return v.L, true
	}
	for _, part := range strings.Split(t, ",") {
		if part = strings.TrimSpace(part); part != "" {
			list = append(list, part)
		}
	}
	return list, true
}

// zeroField sets a field to its zero value (an optional key unset).
func zeroField(ptr any) {
	switch f := ptr.(type) {
	case *decimal.Decimal:
		*f = decimal.Decimal{}
	case *decimal.NullDecimal:
		*f = decimal.NullDecimal{}
	case *int:
		*f = 0
	case *int64:
		*f = 0
	case *bool:
		*f = false
	case *Date:
		*f = Date{}
	case *[]string:
		*f = nil
	default:
		assign(ptr, "")
	}
}

// setDecimal parses a decimal typed for key, or says what to write.
func setDecimal(key, ex, text string) (decimal.Decimal, Msg) {
	n, fix, err := parseDecimal(strings.TrimSpace(text))
	if err == nil {
		return n, Msg{}
	}
	if fix != "" {
		return n, msgf(msgSetDecimal, key, text, key+"="+fix)
	}
	return n, msgf(msgSetDecimal, key, text, msgf(msgFixDigitsSet, key, ex))
}

// setMonths sets a channel's active_months from "1,2,3" or "[1, 2, 3]";
// empty means every month.
func setMonths(c *Channel, text string) Msg {
	key := "channels." + c.ID + ".active_months"
	list := strings.TrimSpace(text)
	list = strings.TrimSuffix(strings.TrimPrefix(list, "["), "]")
	if strings.TrimSpace(list) == "" {
		c.ActiveMonths = nil
		return Msg{}
	}
	var months []int
	for _, part := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil {
			return msgf(msgSetMonths, key, text, key)
		}
		months = append(months, n)
	}
	slices.Sort(months)
	c.ActiveMonths = months
	return Msg{}
}

// setRange sets the range of input of a channel from "LOW,HIGH"; empty
// removes it.
func setRange(c *Channel, input, text string) Msg {
	key := "channels." + c.ID + ".ranges." + input
	if s, ok := channelSpec(c.Kind, input); !ok || !isUncertain(s) {
		return msgf(msgRangeKey, input, input, article(c.Kind), c.Kind, strings.Join(uncertainKeys(c.Kind), ", "))
	}
	ranges := slices.DeleteFunc(slices.Clone(c.Ranges), func(r Range) bool { return r.Input == input })
	if strings.TrimSpace(text) != "" {
		lo, hi, ok := strings.Cut(strings.Trim(strings.TrimSpace(text), "[]"), ",")
		if !ok {
			return msgf(msgSetRange, key, text, key)
		}
		l, msg := setDecimal(key, "0.01", strings.Trim(strings.TrimSpace(lo), `"`))
		if !msg.IsZero() {
			return msg
		}
		h, msg := setDecimal(key, "0.03", strings.Trim(strings.TrimSpace(hi), `"`))
		if !msg.IsZero() {
			return msg
		}
		ranges = append(ranges, Range{Input: input, Low: l, High: h})
		slices.SortFunc(ranges, func(a, b Range) int { return strings.Compare(a.Input, b.Input) })
	}
	if len(ranges) == 0 {
		ranges = nil
	}
	c.Ranges = ranges
	return Msg{}
}

// setWeight sets tracking.engagement_weights.KPI; empty removes it, and
// tracking.engagement_weights= clears every weight (the defaults).
func setWeight(q *Plan, rest, text string) Msg {
	const wk = "engagement_weights"
	kpi, hasKPI := strings.CutPrefix(rest, wk+".")
	if rest == wk && strings.TrimSpace(text) == "" {
		q.Tracking.EngagementWeights = nil
		return Msg{}
	}
	if !hasKPI {
		if s := suggest(rest, trackingKeys); s != "" && s != rest {
			if s == wk {
				s += ".KPI"
			}
			return msgf(msgUnknownKey, "tracking."+rest, tableMsg("[tracking]"), "tracking."+s)
		}
		return msgf(msgSetWeight, "tracking."+rest, strings.Join(EngagementKPIs, ", "))
	}
	if !slices.Contains(EngagementKPIs, kpi) {
		if s := suggest(kpi, EngagementKPIs); s != "" {
			return msgf(msgUnknownKey, "tracking."+rest, wk, "tracking."+wk+"."+s)
		}
		return msgf(msgWeightKey, kpi, kpi, strings.Join(EngagementKPIs, ", "))
	}
	ws := slices.DeleteFunc(slices.Clone(q.Tracking.EngagementWeights), func(w EngagementWeight) bool { return w.KPI == kpi })
	if strings.TrimSpace(text) != "" {
		n, msg := setDecimal("tracking."+rest, "0.3", text)
		if !msg.IsZero() {
			return msg
		}
		ws = append(ws, EngagementWeight{KPI: kpi, Weight: n})
		slices.SortFunc(ws, func(a, b EngagementWeight) int { return strings.Compare(a.KPI, b.KPI) })
	}
	if len(ws) == 0 {
		ws = nil
	}
	q.Tracking.EngagementWeights = ws
	return Msg{}
}
