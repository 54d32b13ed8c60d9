package simulate

import (
	"slices"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// PurposeKinds is MODEL.md's objective → channel matrix ("Objectives
// (SMART)", Relevant): seed 004's matrix extended to the offline channels
// the course itself uses (mailing, posters, coupons, partnerships — seed
// 002). A channel serves an objective's purpose when its kind is in the
// purpose's row.
var PurposeKinds = map[string][]plan.Kind{
	"awareness":  {plan.SocialOrganic, plan.SocialAds, plan.Influencer, plan.Display, plan.Print, plan.Event, plan.Partnership},
	"engagement": {plan.SocialOrganic, plan.SocialAds, plan.Email, plan.SMS, plan.Content, plan.Influencer, plan.Event},
	"leads":      {plan.Email, plan.SMS, plan.Search, plan.Content, plan.SEO, plan.Event, plan.Partnership, plan.Affiliate},
	"conversion": {plan.Search, plan.SEO, plan.Email, plan.SMS, plan.SocialAds, plan.Display, plan.Print, plan.Partnership, plan.Event, plan.Influencer, plan.Affiliate},
	"loyalty":    {plan.Email, plan.SMS, plan.SocialOrganic, plan.Event, plan.Partnership},
}

// MinStatementWords is the fewest words a Specific objective's statement
// has (MODEL.md "Objectives (SMART)"): words are runs of characters
// between spaces, so "200" and "€" count.
const MinStatementWords = 5

// exposureMetrics need at least one channel with exposures.
var exposureMetrics = map[string]bool{"exposures": true, "reach": true, "impressions": true, "cpm": true, "ctr": true}

// deadlineMonth returns the plan month whose end the objective is judged
// at: the month of the deadline when it lies inside the plan, else the last
// month (no deadline, or a deadline outside the plan: after its end or
// before its start), and whether the deadline is inside the plan.
func (e *engine) deadlineMonth(o plan.Objective) (int, bool) {
	if o.Deadline.IsZero() {
		return e.n, false
	}
	m := plan.MonthOf(e.p.Info.Start, o.Deadline)
	if m < 1 || m > e.n {
		return e.n, false
	}
	return m, true
}

// objectives checks every objective of the plan. The value is the metric's
// figure over months 1..M, M the deadline's month (see deadlineMonth):
// counts, cost and money cumulated; ratios recomputed from the cumulated
// parts (cpa at the deadline = cumulative cost / cumulative customers);
// budget_left = budget − cumulative cost; payback_month searched in 1..M;
// clv and break_even_cpa are the plan's (they do not depend on time).
// A metric the engine does not compute has an undefined value; Met is
// false whenever the value is undefined. Gap = value − target.
func (e *engine) objectives(baseObj []ObjectiveResult) []ObjectiveResult {
	if len(e.p.Objectives) == 0 {
		return nil
	}
	out := make([]ObjectiveResult, len(e.p.Objectives))
	cache := map[int]Figures{}
	for i, o := range e.p.Objectives {
		dir := o.Direction
		if dir == "" {
			dir = plan.AtLeast
		}
		m, _ := e.deadlineMonth(o)
		figs, ok := cache[m]
		if !ok {
			mask := make([]bool, e.n)
			for j := 0; j < m; j++ {
				mask[j] = true
			}
			figs = e.figuresOver(mask)
			cache[m] = figs
		}
		or := ObjectiveResult{ID: o.ID, Metric: o.Metric, Target: o.Target, Direction: dir}
		if spec, ok := SpecOf(o.Metric); ok {
			or.Value = spec.Get(figs)
		}
		if or.Value.Valid {
			c := or.Value.Decimal.Cmp(o.Target)
			or.Met = c >= 0
			if dir == plan.AtMost {
				or.Met = c <= 0
			}
			or.Gap = valid(or.Value.Decimal.Sub(o.Target))
		}
		if baseObj != nil && i < len(baseObj) {
			or.Smart = baseObj[i].Smart
		} else {
			or.Smart = e.smart(o, or.Met, or.Value)
		}
		out[i] = or
	}
	return out
}

// smart fills the SMART checklist of objective o (MODEL.md "Objectives
// (SMART)"); met is whether the base result meets it, value its value at
// the deadline. Each check says why it holds or fails (codes MsgSmart…):
//   - Specific: a statement of at least MinStatementWords words that
//     states the target figure (StatesTarget: as written in the plan, or
//     in French or English number format, a rate also as a percentage); a
//     target of 0 ("net profit ≥ 0") needs no figure.
//   - Measurable: the metric is one the engine computes and is defined for
//     this plan: leads, mql, sql and cpl need a b2b plan; exposures, reach,
//     impressions, cpm and ctr need a channel with exposures (not only seo,
//     content, affiliate or search without ctr).
//   - Achievable: the base result meets the target (the value against the
//     target). Where the plan has ranges, the probability rule (≥ 50 %,
//     AchievableChance) is applied by Analyze once the uncertainty has run.
//   - Relevant: a channel of the plan yields the metric (YieldsMetric) and,
//     when the objective has a purpose, its kind is in PurposeKinds[purpose];
//     without a purpose a channel that yields the metric is enough. The
//     matrix's advice is SmartAdvice, shown beside the check, never a failure.
//   - Time-bound: a deadline inside the plan.
func (e *engine) smart(o plan.Objective, met bool, value decimal.NullDecimal) Smart {
	var s Smart
	metric := plan.MetricArg("metric", o.Metric)
	words := len(strings.Fields(o.Statement))
	target := plan.FigureArg("target", o.Metric, decimal.NewNullDecimal(o.Target))
	switch {
	case strings.TrimSpace(o.Statement) == "" && strings.TrimSpace(o.Metric) == "":
		s.Specific.Why = plan.NewMsg(MsgSmartSNone)
	case strings.TrimSpace(o.Statement) == "":
		s.Specific.Why = plan.NewMsg(MsgSmartSNoText)
	case strings.TrimSpace(o.Metric) == "":
		s.Specific.Why = plan.NewMsg(MsgSmartSNoMetric)
	case words < MinStatementWords:
		s.Specific.Why = plan.NewMsg(MsgSmartSShort, plan.CountArg("words", decimal.NewFromInt(int64(words))),
			plan.CountArg("min", decimal.NewFromInt(MinStatementWords)))
	case o.Target.IsZero():
		s.Specific = Check{OK: true, Why: plan.NewMsg(MsgSmartSOK, metric)}
	case !StatesTarget(o.Statement, o.Metric, o.Target):
		s.Specific.Why = plan.NewMsg(MsgSmartSNoFigure, target)
	default:
		s.Specific = Check{OK: true, Why: plan.NewMsg(MsgSmartSStates, target)}
	}
	_, known := SpecOf(o.Metric)
	switch {
	case !known:
		s.Measurable.Why = plan.NewMsg(MsgSmartMUnknown, plan.TextArg("metric", o.Metric))
	case plan.IsLeadMetric(o.Metric) && e.biz.model != plan.B2B:
		s.Measurable.Why = plan.NewMsg(MsgSmartMB2B, metric)
	case exposureMetrics[o.Metric] && !e.hasExposures():
		s.Measurable.Why = plan.NewMsg(MsgSmartMExposures, metric)
	default:
		s.Measurable = Check{OK: true, Why: plan.NewMsg(MsgSmartMOK, metric)}
	}
	dir := "≥"
	if o.Direction == plan.AtMost {
		dir = "≤"
	}
	achieved := []plan.Arg{plan.FigureArg("value", o.Metric, value), plan.TextArg("dir", dir), target}
	if met {
		s.Achievable = Check{OK: true, Why: plan.NewMsg(MsgSmartAOK, achieved...)}
	} else {
		s.Achievable.Why = plan.NewMsg(MsgSmartANo, achieved...)
	}
	s.Relevant = e.relevant(o)
	_, inside := e.deadlineMonth(o)
	switch {
	case o.Deadline.IsZero():
		s.TimeBound.Why = plan.NewMsg(MsgSmartTNone)
	case !inside && o.Deadline.Before(e.p.Info.Start):
		s.TimeBound.Why = plan.NewMsg(MsgSmartTBefore, plan.DateArg("deadline", o.Deadline), plan.DateArg("start", e.p.Info.Start))
	case !inside:
		s.TimeBound.Why = plan.NewMsg(MsgSmartTAfter, plan.DateArg("deadline", o.Deadline), plan.DateArg("end", plan.End(e.p.Info.Start, e.n)))
	default:
		s.TimeBound = Check{OK: true, Why: plan.NewMsg(MsgSmartTOK, plan.DateArg("deadline", o.Deadline))}
	}
	return s
}

// relevant is the R of SMART (see smart): the channels that yield the
// metric, then, with a purpose, those of them whose kind serves it.
func (e *engine) relevant(o plan.Objective) Check {
	var yielding []*chanRun
	for i := range e.chans {
		if e.yields(&e.chans[i], o.Metric) {
			yielding = append(yielding, &e.chans[i])
		}
	}
	names := func(cs []*chanRun) plan.Arg {
		n := make([]string, len(cs))
		for i, c := range cs {
			n[i] = c.in.ch.Name
		}
		return plan.TextArg("channels", strings.Join(n, ", "))
	}
	kinds, known := PurposeKinds[o.Purpose]
	purpose, _ := PurposeMsg(o.Purpose)
	switch {
	case o.Purpose != "" && !known:
		return Check{Why: plan.NewMsg(MsgSmartRUnknown, plan.TextArg("purpose", o.Purpose))}
	case len(yielding) == 0:
		return Check{Why: plan.NewMsg(MsgSmartRNoYield, plan.MetricArg("metric", o.Metric))}
	case o.Purpose == "":
		return Check{OK: true, Why: plan.NewMsg(MsgSmartRYields, plan.MetricArg("metric", o.Metric), names(yielding))}
	}
	var serving []*chanRun
	for _, c := range yielding {
		if slices.Contains(kinds, c.in.ch.Kind) {
			serving = append(serving, c)
		}
	}
	if len(serving) == 0 {
		k := make([]string, len(kinds))
		for i, kind := range kinds {
			k[i] = string(kind)
		}
		return Check{Why: plan.NewMsg(MsgSmartRNoChannel, plan.MsgsArg("purpose", purpose), plan.KindsArg("kinds", k))}
	}
	return Check{OK: true, Why: plan.NewMsg(MsgSmartROK, plan.MsgsArg("purpose", purpose), names(serving))}
}

// metricStage names the funnel stage a metric is made of, for
// YieldsMetric: "exposures" (exposures, reach, impressions, cpm, ctr),
// "interactions" (interactions, clicks, cpc), "leads" (leads, cpl), "mql",
// "sql", "cost" (cost, budget_left), "conversions" (conversions,
// conversion_rate) and "customers" for every figure made of customers and
// their money (customers, revenue, margins, roi, cpa, clv, break-even,
// payback…). "" for a metric the engine does not compute.
func metricStage(metric string) string {
	switch metric {
	case "exposures", "reach", "impressions", "cpm", "ctr":
		return "exposures"
	case "interactions", "clicks", "cpc":
		return "interactions"
	case "leads", "cpl":
		return "leads"
	case "mql", "sql":
		return metric
	case "cost", "budget_left":
		return "cost"
	case "conversions", "conversion_rate":
		return "conversions"
	}
	if _, ok := SpecOf(metric); ok {
		return "customers"
	}
	return ""
}

// yields reports whether channel c, active at least one month, gives a
// positive count (or cost) at the stage the metric is made of
// (metricStage).
func (e *engine) yields(c *chanRun, metric string) bool {
	if c.active == 0 {
		return false
	}
	pos := func(d decimal.Decimal) bool { return d.Sign() > 0 }
	posN := func(d decimal.NullDecimal) bool { return d.Valid && d.Decimal.Sign() > 0 }
	switch metricStage(metric) {
	case "exposures":
		return posN(c.f.exposures)
	case "interactions":
		return pos(c.f.interactions)
	case "leads":
		return posN(c.f.leads)
	case "mql":
		return posN(c.f.mql)
	case "sql":
		return posN(c.f.sql)
	case "cost":
		return pos(c.f.cost) || pos(c.in.fixedCost)
	case "conversions":
		return pos(c.f.conversions)
	case "customers":
		return pos(c.f.customers)
	}
	return false
}

// SmartAdvice is the matrix's advice shown beside an objective's R check
// (MODEL.md: advice, not a failure): with a purpose of PurposeKinds, the
// kinds of its row that the plan has no active channel of ("pour la
// conversion, pensez aussi à : …"); without a purpose, the purposes to
// choose from (MsgSmartRNone). False when there is nothing to advise (every
// kind of the row is in the plan, or an unknown purpose: the R check says
// so).
func SmartAdvice(p plan.Plan, o plan.Objective) (plan.Msg, bool) {
	if o.Purpose == "" {
		return plan.NewMsg(MsgSmartRNone), true
	}
	kinds, ok := PurposeKinds[o.Purpose]
	if !ok {
		return plan.Msg{}, false
	}
	have := map[plan.Kind]bool{}
	for _, ch := range p.Channels {
		for m := 1; m <= p.Info.Months; m++ {
			if ch.IsActive(m, p.Info.Months) {
				have[ch.Kind] = true
				break
			}
		}
	}
	var missing []string
	for _, k := range kinds {
		if !have[k] {
			missing = append(missing, string(k))
		}
	}
	if len(missing) == 0 {
		return plan.Msg{}, false
	}
	purpose, _ := PurposeMsg(o.Purpose)
	return plan.NewMsg(MsgSmartAdvice, plan.MsgsArg("purpose", purpose), plan.KindsArg("kinds", missing)), true
}

// StatesTarget reports whether statement writes the figure target of
// metric: some number in the text equals the target, read as written in
// the plan ("200", "0.25") or in French or English format ("1 000",
// "1\u202f000", "2,5", "1,000.50", "5.000" as French thousands); for a
// rate (a fraction) the percentage counts too ("25 %" for 0.25). Signs are
// ignored (a target of -500 is stated by "500"). Dates and other numbers
// of the text simply do not match.
func StatesTarget(statement, metric string, target decimal.Decimal) bool {
	want := []decimal.Decimal{target.Abs()}
	if spec, ok := SpecOf(metric); ok && spec.Unit == Rate {
		want = append(want, target.Abs().Shift(2))
	}
	for _, n := range numbersIn(statement) {
		for _, w := range want {
			if n.Equal(w) {
				return true
			}
		}
	}
	return false
}

// numberSpace reports whether r may group the digits of a number: a
// space, a no-break space (U+00A0), a narrow no-break space (U+202F) or a
// thin space (U+2009).
func numberSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// numbersIn returns every reading of the numbers written in s (see
// StatesTarget): for each run of digits and separators, the run read
// whole and each of its space-separated parts, with "," and "." taken as
// decimal marks or as thousands separators where either makes sense.
func numbersIn(s string) []decimal.Decimal {
	rs := []rune(s)
	var out []decimal.Decimal
	isDigit := func(r rune) bool { return r >= '0' && r <= '9' }
	for i := 0; i < len(rs); {
		if !isDigit(rs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) {
			if isDigit(rs[j]) {
				j++
				continue
			}
			if (rs[j] == '.' || rs[j] == ',' || numberSpace(rs[j])) && j+1 < len(rs) && isDigit(rs[j+1]) {
				j++
				continue
			}
			break
		}
		run := string(rs[i:j])
		out = append(out, readings(strings.Map(func(r rune) rune {
			if numberSpace(r) {
				return -1
			}
			return r
		}, run))...)
		if parts := strings.FieldsFunc(run, numberSpace); len(parts) > 1 {
			for _, p := range parts {
				out = append(out, readings(p)...)
			}
		}
		i = j
	}
	return out
}

// readings returns the decimals a run of digits, "." and "," may mean:
// with both marks the last is the decimal mark; a mark that appears more
// than once groups thousands; a single mark is read both ways.
func readings(s string) []decimal.Decimal {
	parse := func(t string) []decimal.Decimal {
		d, err := decimal.NewFromString(t)
		if err != nil {
			return nil
		}
		return []decimal.Decimal{d}
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndex(s, ".") > strings.LastIndex(s, ",") {
			return parse(strings.ReplaceAll(s, ",", ""))
		}
		return parse(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."))
	case dots > 1:
		return parse(strings.ReplaceAll(s, ".", ""))
	case commas > 1:
		return parse(strings.ReplaceAll(s, ",", ""))
	case dots == 1:
		return append(parse(s), parse(strings.ReplaceAll(s, ".", ""))...)
	case commas == 1:
		return append(parse(strings.ReplaceAll(s, ",", ".")), parse(strings.ReplaceAll(s, ",", ""))...)
	}
	return parse(s)
}

func (e *engine) hasExposures() bool {
	for i := range e.chans {
		if e.chans[i].f.exposures.Valid {
			return true
		}
	}
	return false
}
