package tracking

import (
	"image"
	"strings"
	"unicode"

	"campaignsim/app/help"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"
)

// trackingTitle returns a section title.
func trackingTitle(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	return l
}

// trackingCell returns a table cell (no wrapping: the grid sizes itself).
func trackingCell(text string, bold bool) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = bold
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// trackingTerm is the name of figure name written text, in a cell that
// opens its glossary term (help.TermLabel), like trackingCell otherwise.
func trackingTerm(name, text string, bold bool) *help.TermLabel {
	l := help.NewTermLabel(name, text)
	l.Label.TextStyle.Bold = bold
	l.Label.Truncation = fyne.TextTruncateEllipsis
	return l
}

// trackingStatus returns a coloured label for a status.
func trackingStatus(s simulate.Status) *widget.Label {
	l := widget.NewLabel(display.Undefined)
	l.TextStyle.Bold = true
	switch s {
	case simulate.StatusOnTrack:
		l.SetText("● " + lang.L("On track"))
		l.Importance = widget.HighImportance
	case simulate.StatusBehind:
		l.SetText("▼ " + lang.L("Behind"))
		l.Importance = widget.DangerImportance
	case simulate.StatusAhead:
		l.SetText("▲ " + lang.L("Ahead"))
		l.Importance = widget.SuccessImportance
	default:
		l.TextStyle.Bold = false
		l.Importance = widget.LowImportance
	}
	return l
}

// trackingVariance formats a variance fraction with its sign: "+12,0 %".
func trackingVariance(v decimal.NullDecimal) string {
	if !v.Valid {
		return display.Undefined
	}
	s := display.Percent(v.Decimal, widgets.Lang())
	if v.Decimal.Sign() > 0 {
		s = "+" + s
	}
	return s
}

// trackingMonth names plan month m.
func trackingMonth(m int) string {
	return lang.L("Month {{.N}}", map[string]any{"N": m})
}

// trackingSections lays out the tracking of p: dashboard, channels,
// re-forecast, engagement.
func trackingSections(p plan.Plan, t simulate.Tracking, trends []image.Image, chances []simulate.ObjectiveChance, chanceOK bool) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	months := make([]string, len(t.Months))
	for i, m := range t.Months {
		months[i] = display.Count(decimal.NewFromInt(int64(m)), widgets.Lang())
	}
	out = append(out, widgets.Intro(lang.L("Months with actuals: {{.Months}} (of {{.Total}}), compared with the plan over the same months.",
		map[string]any{"Months": strings.Join(months, ", "), "Total": p.Info.Months})))
	out = append(out, trackingDashboard(p, t, trends)...)
	out = append(out, widget.NewSeparator())
	out = append(out, trackingChannels(p, t)...)
	out = append(out, widget.NewSeparator())
	out = append(out, trackingReforecast(p, t, chances, chanceOK)...)
	out = append(out, widget.NewSeparator())
	out = append(out, trackingEngagement(t.Engagement)...)
	return out
}

// trackingDashboard shows the dashboard's KPIs by life-cycle stage.
func trackingDashboard(p plan.Plan, t simulate.Tracking, images []image.Image) []fyne.CanvasObject {
	out := []fyne.CanvasObject{trackingTitle(lang.L("Dashboard"))}
	grid := container.New(widgets.NewTableLayout(5),
		trackingCell(lang.L("Indicator"), true), trackingCell(lang.L("Actual"), true),
		trackingCell(lang.L("Plan"), true), trackingCell(lang.L("Variance"), true),
		trackingCell(lang.L("Status"), true))
	var trends, charts []fyne.CanvasObject
	for _, stage := range simulate.LifecycleStages {
		kpis := t.Dashboard.Stage(stage)
		if len(kpis) == 0 {
			continue
		}
		st := trackingCell(widgets.StageLabel(stage), true)
		grid.Add(st)
		for i := 0; i < 4; i++ {
			grid.Add(widget.NewLabel(""))
		}
		for _, k := range kpis {
			name := display.Label(k.Name, widgets.Lang())
			if strings.HasPrefix(k.Reason, "objective:") {
				name += " ◎"
			}
			var vp decimal.NullDecimal
			if c, ok := simulate.FindComparison(t.Totals, k.Name); ok {
				vp = c.VariancePct
			} else {
				vp = simulate.VariancePct(k.Actual, k.Plan)
			}
			unknown := t.Unknowns.Figure("", k.Name, nil)
			grid.Add(trackingTerm(k.Name, name, false))
			grid.Add(trackingCell(orUnknown(p, unknown, widgets.ResultsValue(p, k.Name, k.Actual)), false))
			grid.Add(trackingCell(widgets.ResultsValue(p, k.Name, k.Plan), false))
			grid.Add(trackingCell(orUnknown(p, unknown, trackingVariance(vp)), false))
			grid.Add(trackingStatus(k.Status))
			if i := trackingKPIIndex(t.Dashboard, k); i < len(images) && images[i] != nil {
				img := canvas.NewImageFromImage(images[i])
				img.FillMode = canvas.ImageFillContain
				img.ScaleMode = canvas.ImageScaleSmooth
				img.SetMinSize(trackingTrendSize)
				charts = append(charts, img)
			} else {
				trends = append(trends, trackingTrend(p, t.Unknowns, k))
			}
		}
	}
	out = append(out, grid)
	out = append(out, widgets.Intro(lang.L("◎ an objective's indicator. On track: within 10 % of the plan; behind or ahead: worse or better by more.")))
	if len(trends)+len(charts) > 0 {
		out = append(out, trackingTitle(lang.L("Month by month (actual / plan)")))
		if len(charts) > 0 {
			out = append(out, container.NewGridWrap(trackingTrendSize, charts...))
		}
		out = append(out, trends...)
	}
	return out
}

// trackingKPIIndex returns the index of k in d.KPIs.
func trackingKPIIndex(d simulate.Dashboard, k simulate.DashboardKPI) int {
	for i := range d.KPIs {
		if d.KPIs[i].Name == k.Name && d.KPIs[i].Stage == k.Stage {
			return i
		}
	}
	return len(d.KPIs)
}

// trackingTrend is a KPI's monthly trend as one compact row: actual /
// plan of each month with actuals (an actual nobody knows, u, written so).
func trackingTrend(p plan.Plan, u simulate.Unknowns, k simulate.DashboardKPI) fyne.CanvasObject {
	var parts []string
	for _, tp := range k.Trend {
		unknown := u.Figure("", k.Name, []int{tp.Month})
		if !tp.Actual.Valid && !unknown {
			continue
		}
		parts = append(parts, lang.L("M{{.N}}", map[string]any{"N": tp.Month})+" "+
			orUnknown(p, unknown, widgets.ResultsValue(p, k.Name, tp.Actual))+" / "+widgets.ResultsValue(p, k.Name, tp.Plan))
	}
	if len(parts) == 0 {
		parts = []string{display.Undefined}
	}
	l := widgets.Label(display.Label(k.Name, widgets.Lang()) + widgets.UIColon() + strings.Join(parts, "  ·  "))
	return l
}

// trackingChannelFigures are the columns of the channels' table.
var trackingChannelFigures = []string{"cost", "customers", "revenue", "cpa"}

// trackingChannels shows each channel's plan vs actual.
func trackingChannels(p plan.Plan, t simulate.Tracking) []fyne.CanvasObject {
	out := []fyne.CanvasObject{trackingTitle(lang.L("Channels: actual against plan"))}
	grid := container.New(widgets.NewTableLayout(1 + len(trackingChannelFigures)))
	grid.Add(trackingCell(lang.L("Channel"), true))
	for _, f := range trackingChannelFigures {
		grid.Add(trackingTerm(f, display.Label(f, widgets.Lang()), true))
	}
	row := func(name string, cs []simulate.Comparison) {
		grid.Add(trackingCell(name, false))
		for _, f := range trackingChannelFigures {
			c, ok := simulate.FindComparison(cs, f)
			if !ok {
				grid.Add(trackingCell(display.Undefined, false))
				continue
			}
			l := trackingCell(orUnknown(p, c.Unknown, widgets.ResultsValue(p, f, c.Actual))+"\n"+
				lang.L("plan {{.Plan}}, {{.Variance}}", map[string]any{
					"Plan": widgets.ResultsValue(p, f, c.Plan), "Variance": orUnknown(p, c.Unknown, trackingVariance(c.VariancePct))}), false)
			switch c.Status {
			case simulate.StatusBehind:
				l.Importance = widget.DangerImportance
			case simulate.StatusAhead:
				l.Importance = widget.SuccessImportance
			}
			grid.Add(l)
		}
	}
	for _, ch := range t.Channels {
		row(ch.Name, ch.Cumulative)
	}
	row(lang.L("Whole plan"), t.Totals)
	out = append(out, grid)
	for _, ch := range t.Channels {
		if len(ch.Missing) > 0 {
			ms := make([]string, len(ch.Missing))
			for i, m := range ch.Missing {
				ms[i] = trackingMonth(m)
			}
			w := widgets.Label("⚠ " + lang.L("{{.Channel}}: no actuals for {{.Months}}; counted as zero.",
				map[string]any{"Channel": ch.Name, "Months": strings.Join(ms, ", ")}))
			w.Importance = widget.WarningImportance
			out = append(out, w)
		}
	}
	return out
}

// trackingVolume says what a re-forecast input's volume counts, for a
// channel of kind k: "120 responses".
func trackingVolume(in simulate.ReforecastInput, k plan.Kind) string {
	n := map[string]any{"N": display.Count(in.Volume, widgets.Lang())}
	switch in.Input {
	case "conversion_rate":
		switch k {
		case plan.Print, plan.Event, plan.Partnership:
			return lang.L("{{.N}} responses", n)
		case plan.Email, plan.SMS, plan.Search, plan.Display, plan.SocialAds:
			return lang.L("{{.N}} clicks", n)
		}
		return lang.L("{{.N}} interactions", n)
	case "click_rate":
		return lang.L("{{.N}} messages delivered", n)
	case "cpc":
		return lang.L("{{.N}} clicks", n)
	case "cpm", "ctr":
		return lang.L("{{.N}} impressions", n)
	}
	return lang.L("{{.N}} people reached", n)
}

// trackingLower lowercases the first letter of a label inside a sentence
// ("Taux de conversion" → "taux de conversion"), not an acronym's ("CTR").
func trackingLower(s string) string {
	r := []rune(s)
	if len(r) == 0 || len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// trackingReforecast shows the end-of-plan forecast against the plan, how
// it blends observed and planned rates, the objectives' updated chances
// and the recommendations for lagging indicators.
func trackingReforecast(p plan.Plan, t simulate.Tracking, chances []simulate.ObjectiveChance, chanceOK bool) []fyne.CanvasObject {
	rf := t.Reforecast
	out := []fyne.CanvasObject{trackingTitle(lang.L("End-of-plan forecast"))}
	grid := container.New(widgets.NewTableLayout(4),
		trackingCell("", true), trackingCell(lang.L("Forecast"), true),
		trackingCell(lang.L("Plan"), true), trackingCell(lang.L("Variance"), true))
	for _, f := range []string{"customers", "cost", "net_profit"} {
		s, _ := simulate.SpecOf(f)
		fv, pv := s.Get(rf.Totals), s.Get(rf.PlanTotals)
		vp := simulate.VariancePct(fv, pv)
		unknown := t.Unknowns.Figure("", f, nil) // actual + forecast is unknown when the actual is
		grid.Add(trackingTerm(f, display.Label(f, widgets.Lang()), false))
		grid.Add(trackingCell(orUnknown(p, unknown, display.Figure(s, fv, p.Info.Currency, widgets.Lang())), true))
		grid.Add(trackingCell(display.Figure(s, pv, p.Info.Currency, widgets.Lang()), false))
		grid.Add(trackingCell(orUnknown(p, unknown, trackingVariance(vp)), false))
	}
	out = append(out, grid)
	if rf.FromMonth > p.Info.Months {
		out = append(out, widgets.Intro(lang.L("Every month of the plan has actuals: the forecast is what happened.")))
	}

	// How the remaining months are forecast.
	var parts []string
	for _, in := range rf.Inputs {
		if in.Volume.Sign() <= 0 {
			continue
		}
		name, kind := in.Channel, plan.Kind("")
		if c, ok := p.Channel(in.Channel); ok {
			name, kind = c.Name, c.Kind
		}
		parts = append(parts, lang.L("{{.Weight}} observed for the {{.Input}} of {{.Channel}}, from {{.Volume}}", map[string]any{
			"Weight":  display.Percent(in.Weight.Round(2), widgets.Lang()),
			"Input":   trackingLower(display.Label(in.Input, widgets.Lang())),
			"Channel": name,
			"Volume":  trackingVolume(in, kind),
		}))
	}
	if len(parts) > 0 && rf.FromMonth <= p.Info.Months {
		out = append(out, widgets.Label(lang.L("The remaining months use a blend of the observed and the planned rate:")+" "+
			strings.Join(parts, " ; ")+"."))
		out = append(out, widgets.Intro(lang.L("The more the actuals have seen, the more the observed rate counts.")))
	}

	// The objectives.
	if len(t.Objectives) > 0 {
		out = append(out, trackingTitle(lang.L("Objectives")))
		og := container.New(widgets.NewTableLayout(5),
			trackingCell(lang.L("Objective"), true), trackingCell(lang.L("So far"), true),
			trackingCell(lang.L("Forecast"), true), trackingCell(lang.L("Plan"), true),
			trackingCell(lang.L("Chance"), true))
		for _, o := range t.Objectives {
			sign := "≥"
			if o.Direction == plan.AtMost {
				sign = "≤"
			}
			og.Add(trackingCell(display.Label(o.Metric, widgets.Lang())+" "+sign+" "+
				widgets.ResultsValue(p, o.Metric, decimal.NewNullDecimal(o.Target)), false))
			sf := trackingCell(orUnknown(p, o.SoFarUnknown, widgets.ResultsValue(p, o.Metric, o.SoFar)), false)
			og.Add(sf)
			fc := trackingCell(orUnknown(p, o.ForecastUnknown, widgets.ResultsValue(p, o.Metric, o.Forecast)), true)
			if o.Forecast.Valid {
				fc.Importance = widget.DangerImportance
				if o.ForecastMet {
					fc.Importance = widget.SuccessImportance
				}
			}
			og.Add(fc)
			og.Add(trackingCell(widgets.ResultsValue(p, o.Metric, o.Plan), false))
			chance := "…"
			if chanceOK {
				chance = display.Undefined
				for _, c := range chances {
					if c.ID == o.ID {
						chance = display.Percent(c.Probability.Round(2), widgets.Lang())
					}
				}
			}
			og.Add(trackingCell(chance, false))
		}
		out = append(out, og)
		out = append(out, widgets.Intro(lang.L("Chance: how often the objective is met when the observed rates hold for the whole plan (simulations).")))
	}

	// What to do.
	if len(rf.Recommendations) > 0 {
		out = append(out, trackingTitle(lang.L("What to do where an indicator lags")))
		res := simulate.Result{Recommendations: rf.Recommendations}
		for _, c := range p.Channels {
			res.Channels = append(res.Channels, simulate.ChannelResult{ID: c.ID, Name: c.Name})
		}
		for _, rec := range simulate.AdviceOf(res) {
			out = append(out, widgets.NewWrapLabel("→ "+widgets.RecommendationText(p, rec)))
		}
	}
	return out
}

// trackingEngagement shows the engagement score per month and its weights.
func trackingEngagement(e simulate.EngagementScore) []fyne.CanvasObject {
	out := []fyne.CanvasObject{trackingTitle(lang.L("Engagement score"))}
	score := func(v decimal.NullDecimal) string {
		if !v.Valid {
			return display.Undefined
		}
		return display.Decimal(v.Decimal, 0, widgets.Lang())
	}
	if !e.Score.Valid {
		return append(out, widgets.Label(lang.L("No engagement indicator can be measured from these actuals (it needs exposures and interactions).")))
	}
	out = append(out, widgets.Label(lang.L("Score over the months tracked: {{.Score}} (100 = as planned).", map[string]any{"Score": score(e.Score)})))
	var ms []string
	for _, m := range e.Months {
		ms = append(ms, trackingMonth(m.Month)+widgets.UIColon()+score(m.Score))
	}
	if len(ms) > 0 {
		out = append(out, widgets.Label(strings.Join(ms, "  ·  ")))
	}
	var ws []string
	for _, ix := range e.Indices {
		w := display.Label(ix.KPI, widgets.Lang()) + " " + display.Percent(ix.Weight, widgets.Lang())
		if ix.Index.Valid {
			w += " (" + lang.L("index {{.I}}", map[string]any{"I": score(ix.Index)}) + ")"
		} else {
			w += " (" + lang.L("not measured") + ")"
		}
		ws = append(ws, w)
	}
	out = append(out, widgets.Intro(lang.L("Weights:")+" "+strings.Join(ws, ", ")+". "+
		lang.L("An indicator that cannot be measured leaves its weight to the others.")))
	return out
}

// showAttribution lays the attribution section out for the plan on screen
// (state locked).
func (v *View) showAttribution() {
	v.attrib.Objects = nil
	defer v.attrib.Refresh()
	if len(v.paths) == 0 {
		return
	}
	v.attrib.Add(widget.NewSeparator())
	v.attrib.Add(trackingTitle(lang.L("Attribution of the conversions")))
	a, err := simulate.Attribute(v.current, v.paths)
	if err != nil {
		l := widgets.Label(lang.L("The conversion paths no longer match the plan:") + " " + widgets.ErrorDetail(err))
		l.Importance = widget.DangerImportance
		v.attrib.Add(l)
		return
	}
	p := v.current
	v.attrib.Add(widgets.Intro(lang.L("{{.File}}: {{.Paths}} paths, {{.Conv}} conversions, {{.Revenue}} of revenue. Each model shares every conversion among the channels of its path differently.",
		map[string]any{"File": v.pathsFile, "Paths": a.Paths, "Conv": display.Count(a.Conversions, widgets.Lang()),
			"Revenue": display.Money(a.Revenue, widgets.Currency(p), widgets.Lang())})))
	grid := container.New(widgets.NewTableLayout(1 + len(a.Models)))
	grid.Add(trackingCell(lang.L("Channel"), true))
	for _, m := range a.Models {
		grid.Add(trackingCell(trackingModelName(m.Model), true))
	}
	for i, c := range p.Channels {
		grid.Add(trackingCell(c.Name, false))
		for _, m := range a.Models {
			cr := m.Channels[i]
			grid.Add(trackingCell(lang.L("{{.N}} conv.", map[string]any{"N": display.Decimal(cr.Conversions, 1, widgets.Lang())})+
				"\n"+display.Money(cr.Revenue, widgets.Currency(p), widgets.Lang()), false))
		}
	}
	v.attrib.Add(grid)
}

// trackingModelName names an attribution model.
func trackingModelName(m simulate.AttributionModel) string {
	switch m {
	case simulate.FirstTouch:
		return lang.L("First touch")
	case simulate.LastTouch:
		return lang.L("Last touch")
	case simulate.Linear:
		return lang.L("Linear")
	case simulate.PositionBased:
		return lang.L("Position-based")
	}
	return string(m)
}
