package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// track is the track command: the dashboard, the variance per channel,
// the re-forecast with each objective's chance, and the levers.
func (c *cli) track(args []string) error {
	fs := flags("track")
	format, checkFormat := formatFlag("track", fs, "text", "json")
	actuals := actualsFlag(fs)
	runs := fs.Int("runs", 0, "cli_flag_track_runs")
	p, name, err := c.actualsArgs("track", fs, args, actuals, func() error {
		if err := checkFormat(); err != nil {
			return err
		}
		if *runs < -1 || *runs > 1_000_000 {
			return usagef("track", "cli_usage_track_runs", "runs", strconv.Itoa(*runs))
		}
		return nil
	})
	if err != nil {
		return err
	}
	t, err := simulate.Track(p)
	if err != nil {
		return planError{name, err}
	}
	var chances []simulate.ObjectiveChance
	if *runs >= 0 && len(p.Objectives) > 0 {
		chances, err = simulate.ReforecastChances(context.Background(), t.Reforecast, simulate.UncertaintyOptions{Runs: *runs})
		if err != nil {
			return planError{name, err}
		}
	}
	if *format == "json" {
		return c.writeJSON(trackingJSON(p, t, chances))
	}
	writeHeader(&c.out, p, "")
	writeTracking(&c.out, p, t, chances)
	return nil
}

// actualsArgs is the preamble of evaluate and track: planArgs (check
// checks the flags), then the actuals of the files named by --actuals
// merged in (withActuals), then a plan without any actuals refused
// (invalidError "PLAN: the plan has no actuals...", exit 1).
func (c *cli) actualsArgs(cmd string, fs *flag.FlagSet, args []string, actuals *fileList, check func() error) (plan.Plan, string, error) {
	p, name, err := c.planArgs(cmd, fs, args, func(string) error { return check() })
	if err != nil {
		return p, name, err
	}
	var imp plan.ActualsImport
	if p, imp, err = withActuals(p, *actuals); err != nil {
		return p, name, err
	}
	for _, f := range imp.Files {
		if f.NoRevenue {
			// the revenue of such a report reads 0 (plan.Actual cannot
			// say unknown yet): tell the user, in the locale's language
			fmt.Fprint(c.stderr, word(envLanguage(), "cli_actuals_no_revenue", "file", f.Name))
		}
	}
	if len(p.Actuals) == 0 {
		return p, name, invalidErrorf("%s: %s", name, word(p.Info.Language, "cli_no_actuals"))
	}
	return p, name, nil
}

// fileList is a flag that may repeat: --actuals a.csv --actuals b.xlsx.
type fileList []string

// String is the files, joined by commas (flag.Value).
func (l *fileList) String() string { return strings.Join(*l, ",") }

// Set adds one file (flag.Value).
func (l *fileList) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// actualsFlag declares the repeatable --actuals flag of evaluate and track.
func actualsFlag(fs *flag.FlagSet) *fileList {
	var l fileList
	fs.Var(&l, "actuals", "cli_flag_actuals")
	return &l
}

// withActuals merges the actuals of the files at paths (the CampaignSim
// CSV or the tools' reports, plan.ReadActualsFiles: rows of one channel
// and month add up across files and campaigns) into p, and returns what
// the files brought. A file that cannot be read is an ioError (exit 3); a
// bad file a planError (exit 1), its errors one per line, each naming its
// file.
func withActuals(p plan.Plan, paths []string) (plan.Plan, plan.ActualsImport, error) {
	if len(paths) == 0 {
		return p, plan.ActualsImport{}, nil
	}
	files := make([]plan.ActualsFile, 0, len(paths))
	for _, path := range paths {
		data, err := readInput(path, "cli_cannot_read_actuals")
		if err != nil {
			return p, plan.ActualsImport{}, err
		}
		files = append(files, plan.ActualsFile{Name: path, Data: data})
	}
	imp, err := plan.ReadActualsFiles(files, p)
	if err != nil {
		return p, imp, planError{paths[0], err}
	}
	q, err := plan.MergeActuals(p, imp.Rows)
	if err != nil {
		return p, imp, planError{paths[0], err}
	}
	return q, imp, nil
}

// statusCodes are the words of the tracking statuses.
var statusCodes = map[simulate.Status]string{
	simulate.StatusOnTrack: "cli_on_track",
	simulate.StatusAhead:   "cli_ahead",
	simulate.StatusBehind:  "cli_behind",
}

// statusText is a status for people ("" for none).
func statusText(lang plan.Language, s simulate.Status) string { return codeWord(lang, statusCodes[s]) }

// stageCodes are the words of the life-cycle stages.
var stageCodes = map[string]string{
	"awareness":  "cli_stage_awareness",
	"engagement": "cli_stage_engagement",
	"leads":      "cli_stage_leads",
	"sales":      "cli_stage_sales",
	"loyalty":    "cli_stage_loyalty",
}

// stageText names a life-cycle stage ("" for an unknown one).
func stageText(lang plan.Language, st string) string { return codeWord(lang, stageCodes[st]) }

// kpiCodes are the tracking's own names of channel KPIs; every other
// figure has its label (display.Label).
var kpiCodes = map[string]string{
	"click_rate":    "cli_click_rate_email",
	"response_rate": "cli_response_rate",
	"open_rate":     "cli_open_rate",
}

// kpiLabel names a tracked figure or a channel KPI.
func kpiLabel(lang plan.Language, name string) string {
	if code, ok := kpiCodes[name]; ok {
		return wordOf(lang, code)
	}
	return display.Label(name, lang)
}

// codeWord is the word of code in lang, "" for no code.
func codeWord(lang plan.Language, code string) string {
	if code == "" {
		return ""
	}
	return wordOf(lang, code)
}

// showIn shows v in the unit of the figure or KPI name.
func showIn(p plan.Plan, name string, v decimal.NullDecimal) string {
	switch name {
	case "click_rate", "response_rate", "open_rate":
		name = "ctr"
	}
	return figValue(p, name, v)
}

// unknownText is the word written for a figure nobody knows (a spend
// missing from the imported report): "inconnu", "unknown".
func unknownText(p plan.Plan) string {
	return display.Text(plan.NewMsg(simulate.MsgFigureUnknown), p.Info.Language, currencyOf(p))
}

// orUnknown is shown, or the unknown word when unknown.
func orUnknown(p plan.Plan, unknown bool, shown string) string {
	if unknown {
		return unknownText(p)
	}
	return shown
}

// pct shows a fraction as a signed percentage, or "—".
func pct(lang plan.Language, v decimal.NullDecimal) string {
	if !v.Valid {
		return display.Undefined
	}
	s := display.Percent(v.Decimal, lang)
	if v.Decimal.Sign() > 0 {
		s = "+" + s
	}
	return s
}

// weightsFrom says where the engagement score's weights come from: "plan"
// ([tracking] engagement_weights) or "default".
func weightsFrom(e simulate.EngagementScore) string {
	if e.FromPlan {
		return "plan"
	}
	return "default"
}

// writeEngagementWeights writes the line of the weights the engagement
// score used and where they come from.
func writeEngagementWeights(b *bytes.Buffer, lang plan.Language, e simulate.EngagementScore) {
	parts := make([]string, 0, len(e.Indices))
	for _, ix := range e.Indices {
		places := 0 // as many as the weight needs, trailing zeros dropped
		if _, frac, ok := strings.Cut(ix.Weight.String(), "."); ok {
			places = min(len(frac), 6)
		}
		parts = append(parts, kpiLabel(lang, ix.KPI)+" "+display.Decimal(ix.Weight, int32(places), lang))
	}
	from := word(lang, "cli_weights_default")
	if e.FromPlan {
		from = word(lang, "cli_weights_from_plan")
	}
	b.WriteString(word(lang, "cli_engagement_weights", "from", from, "weights", strings.Join(parts, " · ")))
}

// writeTracking writes the dashboard, the variance per channel, the
// re-forecast with its levers and the engagement score. chances may be nil.
func writeTracking(b *bytes.Buffer, p plan.Plan, t simulate.Tracking, chances []simulate.ObjectiveChance) {
	lang := p.Info.Language
	tol := display.Percent(simulate.TrackingTolerance, lang)

	section(b, word(lang, "cli_dashboard_by_life_cycle_stage"))
	b.WriteString(word(lang, "cli_dashboard_note", "tolerance", tol))
	head := []string{word(lang, "cli_stage"), word(lang, "cli_kpi"), word(lang, "cli_col_actual"),
		word(lang, "cli_col_plan"), word(lang, "cli_status"), word(lang, "cli_col_trend")}
	var rows [][]string
	for _, k := range t.Dashboard.KPIs {
		var tr []string
		for _, tp := range k.Trend {
			unknown := t.Unknowns.Figure("", k.Name, []int{tp.Month})
			if !tp.Actual.Valid && !unknown {
				continue
			}
			tr = append(tr, fmt.Sprintf("%d: %s/%s", tp.Month, orUnknown(p, unknown, showIn(p, k.Name, tp.Actual)), showIn(p, k.Name, tp.Plan)))
		}
		rows = append(rows, []string{stageText(lang, k.Stage), kpiLabel(lang, k.Name),
			orUnknown(p, t.Unknowns.Figure("", k.Name, nil), showIn(p, k.Name, k.Actual)),
			showIn(p, k.Name, k.Plan), statusText(lang, k.Status), strings.Join(tr, "  ")})
	}
	writeTable(b, "  ", head, []bool{false, false, true, true, false, false}, rows)
	if s := t.Engagement.Score; s.Valid {
		b.WriteString(word(lang, "cli_engagement_score", "score", display.Decimal(s.Decimal, 0, lang)))
		writeEngagementWeights(b, lang, t.Engagement)
	} else {
		b.WriteString(word(lang, "cli_engagement_unmeasurable"))
		writeEngagementWeights(b, lang, t.Engagement)
	}

	section(b, word(lang, "cli_variance_by_channel"))
	head = []string{word(lang, "cli_col_channel"), word(lang, "cli_col_figure"), word(lang, "cli_col_actual"),
		word(lang, "cli_col_plan"), word(lang, "cli_col_variance"), word(lang, "cli_col_variance_percent"),
		word(lang, "cli_status"), word(lang, "cli_benchmark")}
	rows = nil
	for _, ch := range t.Channels {
		for i, cmp := range ch.Cumulative {
			if !cmp.Actual.Valid && !cmp.Plan.Valid && !cmp.Unknown {
				continue
			}
			name := ""
			if i == 0 {
				name = ch.Name
			}
			bench := ""
			switch cmp.BenchmarkFlag {
			case "below":
				bench = display.BenchmarkSide(true, lang) + " " + showIn(p, cmp.Name, cmp.Benchmark)
			case "above":
				bench = display.BenchmarkSide(false, lang) + " " + showIn(p, cmp.Name, cmp.Benchmark)
			}
			rows = append(rows, []string{name, kpiLabel(lang, cmp.Name), orUnknown(p, cmp.Unknown, showIn(p, cmp.Name, cmp.Actual)),
				showIn(p, cmp.Name, cmp.Plan), orUnknown(p, cmp.Unknown, signedFig(p, cmp.Name, cmp.Variance)),
				orUnknown(p, cmp.Unknown, pct(lang, cmp.VariancePct)), statusText(lang, cmp.Status), bench})
		}
	}
	writeTable(b, "  ", head, []bool{false, false, true, true, true, true, false, false}, rows)
	for _, ch := range t.Channels {
		if len(ch.Missing) > 0 {
			ms := make([]string, len(ch.Missing))
			for i, m := range ch.Missing {
				ms[i] = strconv.Itoa(m)
			}
			b.WriteString(word(lang, "cli_missing_actual_month", "channel", ch.Name, "months", strings.Join(ms, ", ")))
		}
	}

	rf := t.Reforecast
	section(b, word(lang, "cli_reforecast"))
	if rf.FromMonth > p.Info.Months {
		b.WriteString(word(lang, "cli_reforecast_all_actual"))
	} else {
		b.WriteString(word(lang, "cli_reforecast_note", "from", strconv.Itoa(rf.FromMonth), "to", strconv.Itoa(p.Info.Months)))
	}
	if len(rf.Inputs) > 0 {
		head = []string{word(lang, "cli_col_channel"), word(lang, "cli_col_rate"), word(lang, "cli_planned"),
			word(lang, "cli_observed"), "volume", "k", "w", word(lang, "cli_used")}
		rows = nil
		for _, in := range rf.Inputs {
			rows = append(rows, []string{channelName(t.Evaluation.Plan, in.Channel), kpiLabel(lang, in.Input),
				inputValue(p, in.Input, in.Planned, true), inputValue(p, in.Input, in.Observed, true),
				display.Decimal(in.Volume, 0, lang), display.Decimal(in.K, 0, lang),
				display.Percent(in.Weight, lang), inputValue(p, in.Input, in.Blended, true)})
		}
		writeTable(b, "  ", head, []bool{false, false, true, true, true, true, true, true}, rows)
		b.WriteByte('\n')
	}
	head = []string{word(lang, "cli_col_figure"), word(lang, "cli_original_plan"), word(lang, "cli_new_forecast")}
	rows = nil
	for _, name := range []string{"cost", "customers", "revenue", "gross_margin", "net_profit", "roi", "cpa"} {
		rows = append(rows, []string{display.Label(name, lang), fig(p, name, rf.PlanTotals),
			orUnknown(p, t.Unknowns.Figure("", name, nil), fig(p, name, rf.Totals))})
	}
	writeTable(b, "  ", head, []bool{false, true, true}, rows)

	if len(t.Objectives) > 0 {
		section(b, word(lang, "cli_objectives_title"))
		for i, o := range t.Objectives {
			met := word(lang, "cli_not_met")
			if o.ForecastMet {
				met = word(lang, "cli_met")
			}
			fmt.Fprintf(b, "  %s%s", quote(lang, objectiveName(p, i)), colon(lang))
			b.WriteString(word(lang, "cli_objective_so_far",
				"so_far", orUnknown(p, o.SoFarUnknown, figValue(p, o.Metric, o.SoFar)), "plan", figValue(p, o.Metric, o.PlanSoFar), "status", statusText(lang, o.Status),
				"forecast", orUnknown(p, o.ForecastUnknown, figValue(p, o.Metric, o.Forecast)), "target", figValue(p, o.Metric, decimal.NewNullDecimal(o.Target)), "met", met))
			for _, ch := range chances {
				if ch.ID == o.ID {
					b.WriteString(word(lang, "cli_objective_chance", "chance", display.Percent(ch.Probability, lang)))
				}
			}
			b.WriteByte('\n')
		}
		if chances != nil {
			b.WriteString(word(lang, "cli_chance_note"))
		}
	}

	if len(rf.Recommendations) > 0 {
		section(b, word(lang, "cli_what_to_change"))
		for _, r := range rf.Recommendations {
			a := simulate.Advice{Recommendation: r}
			if r.Channel != "" {
				a.Who = channelName(t.Evaluation.Plan, r.Channel)
			}
			who := display.AdviceWho(a, lang)
			text := r.Lever.Text(lang)
			if text == "" {
				text = r.Lever.ID
			}
			show := func(v decimal.Decimal) string { return inputValue(p, r.KPI, v, true) }
			if _, isFigure := simulate.SpecOf(r.KPI); isFigure {
				show = func(v decimal.Decimal) string { return figValue(p, r.KPI, decimal.NewNullDecimal(v)) }
			}
			fmt.Fprintf(b, "  - %s, %s %s (%s %s)%s%s [%s]\n", who, lowerFirst(kpiLabel(lang, r.KPI)),
				show(r.Value), word(lang, "cli_plan_threshold"), show(r.Benchmark), colon(lang), text, r.Source)
		}
	}
}

// comparisonJSON is one Comparison in JSON.
func comparisonJSON(c simulate.Comparison) object {
	u := c.Unit
	return object{
		{"figure", c.Name},
		{"actual", edgeNull(u, c.Actual)},
		{"plan", edgeNull(u, c.Plan)},
		{"variance", edgeNull(u, c.Variance)},
		{"variance_pct", edgeNull(simulate.Rate, c.VariancePct)},
		{"unknown", c.Unknown},
		{"status", nullString(string(c.Status))},
		{"benchmark", edgeNull(u, c.Benchmark)},
		{"benchmark_flag", nullString(c.BenchmarkFlag)},
		{"source", nullString(c.BenchmarkSource)},
	}
}

func comparisonsJSON(cs []simulate.Comparison) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = comparisonJSON(c)
	}
	return out
}

// trackingJSON is track's JSON (see cli_help_track in cli.toml).
func trackingJSON(p plan.Plan, t simulate.Tracking, chances []simulate.ObjectiveChance) object {
	lang := p.Info.Language
	chans := []any{}
	for _, ch := range t.Channels {
		months := []any{}
		for _, m := range ch.Months {
			months = append(months, object{{"month", m.Month}, {"figures", comparisonsJSON(m.Figures)}})
		}
		missing := append([]int{}, ch.Missing...)
		chans = append(chans, object{{"id", ch.ID}, {"name", ch.Name}, {"kind", string(ch.Kind)},
			{"cumulative", comparisonsJSON(ch.Cumulative)}, {"months", months}, {"missing", missing}})
	}
	objs := []any{}
	for _, o := range t.Objectives {
		u := jsonUnit(o.Metric)
		var prob any
		for _, ch := range chances {
			if ch.ID == o.ID {
				prob = edge(simulate.Rate, ch.Probability)
			}
		}
		objs = append(objs, object{{"id", o.ID}, {"metric", o.Metric}, {"target", edge(u, o.Target)},
			{"direction", string(o.Direction)}, {"so_far", edgeNull(u, o.SoFar)}, {"so_far_unknown", o.SoFarUnknown},
			{"plan_so_far", edgeNull(u, o.PlanSoFar)},
			{"status", nullString(string(o.Status))}, {"plan", edgeNull(u, o.Plan)}, {"forecast", edgeNull(u, o.Forecast)},
			{"forecast_unknown", o.ForecastUnknown},
			{"forecast_met", o.ForecastMet}, {"probability", prob}})
	}
	dash := []any{}
	for _, k := range t.Dashboard.KPIs {
		trend := []any{}
		for _, tp := range k.Trend {
			trend = append(trend, object{{"month", tp.Month}, {"actual", edgeNull(k.Unit, tp.Actual)},
				{"plan", edgeNull(k.Unit, tp.Plan)}, {"forecast", edgeNull(k.Unit, tp.Forecast)}})
		}
		dash = append(dash, object{{"stage", k.Stage}, {"kpi", k.Name}, {"reason", k.Reason},
			{"actual", edgeNull(k.Unit, k.Actual)}, {"unknown", t.Unknowns.Figure("", k.Name, nil)}, {"plan", edgeNull(k.Unit, k.Plan)},
			{"status", nullString(string(k.Status))}, {"trend", trend}})
	}
	rf := t.Reforecast
	ins := []any{}
	for _, in := range rf.Inputs {
		u := jsonUnit(in.Input)
		ins = append(ins, object{{"channel", in.Channel}, {"input", in.Input}, {"planned", edge(u, in.Planned)},
			{"observed", edge(u, in.Observed)}, {"volume", edge(simulate.Count, in.Volume)},
			{"k", edge(simulate.Count, in.K)}, {"weight", edge(simulate.Rate, in.Weight)},
			{"blended", edge(u, in.Blended)}, {"lagging", in.Lagging}})
	}
	recs := []any{}
	for _, r := range rf.Recommendations {
		u := jsonUnit(r.KPI)
		recs = append(recs, object{{"channel", nullString(r.Channel)}, {"kpi", r.KPI}, {"value", edge(u, r.Value)},
			{"benchmark", edge(u, r.Benchmark)}, {"message", r.Lever.Text(lang)}, {"source", r.Source}})
	}
	idx := []any{}
	for _, ix := range t.Engagement.Indices {
		idx = append(idx, object{{"kpi", ix.KPI}, {"weight", edge(simulate.Rate, ix.Weight)},
			{"actual", edgeNull(simulate.Rate, ix.Actual)}, {"plan", edgeNull(simulate.Rate, ix.Plan)},
			{"index", edgeNull(simulate.Count, ix.Index)}})
	}
	ws := []any{}
	for _, ix := range t.Engagement.Indices {
		ws = append(ws, object{{"kpi", ix.KPI}, {"weight", edge(simulate.Rate, ix.Weight)}})
	}
	ems := []any{}
	for _, m := range t.Engagement.Months {
		ems = append(ems, object{{"month", m.Month}, {"score", edgeNull(simulate.Count, m.Score)}})
	}
	return object{
		{"months", append([]int{}, t.Months...)},
		{"last_month", t.LastMonth},
		{"totals", comparisonsJSON(t.Totals)},
		{"channels", chans},
		{"objectives", objs},
		{"dashboard", dash},
		{"reforecast", object{{"from_month", rf.FromMonth}, {"inputs", ins}, {"totals", figuresJSON(rf.Totals)},
			{"plan_totals", figuresJSON(rf.PlanTotals)}, {"recommendations", recs}}},
		{"engagement", object{{"score", edgeNull(simulate.Count, t.Engagement.Score)},
			{"weights_from", weightsFrom(t.Engagement)}, {"weights", ws}, {"indices", idx}, {"months", ems}}},
	}
}
