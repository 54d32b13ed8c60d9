package report

import (
	"fmt"
	"strings"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// channelInputs are the value keys of a channel in the order of
// FORMAT.md's table (plan's key table); a channel shows those its kind
// takes and sets (plan.Channel.Value), and the integer ones its kind has
// (channelInt).
var channelInputs = []string{"fixed_cost", "list_size", "sends", "cost_per_message", "bounce_rate", "open_rate",
	"click_rate", "unsubscribe_rate", "budget", "cpc", "cpm", "followers", "reach_rate", "posts", "ctr",
	"max_clicks", "visits_per_month", "ramp_months", "units", "cost_per_unit", "reach_per_unit", "contacts",
	"response_rate", "audience", "clicks", "commission_per_sale", "commission_rate", "conversion_rate",
	"lead_to_mql", "mql_to_sql", "sql_to_customer", "min_budget", "max_budget"}

// inputWords are the input keys the workbook names itself (catalog code
// "wb_in_" + key), package display having no label for them.
var inputWords = map[string]bool{
	"list_size": true, "sends": true, "fixed_cost": true, "followers": true, "posts": true, "max_clicks": true,
	"visits_per_month": true, "ramp_months": true, "reach_per_unit": true, "audience": true, "min_budget": true,
	"max_budget": true, "average_order": true, "gross_margin": true, "first_order_discount": true,
	"orders_per_month": true, "monthly_retention": true, "annual_discount_rate": true, "clv_months": true,
	"months": true,
}

// channelInt is the value of an integer key of channel c, and whether
// its kind has it.
func channelInt(c plan.Channel, key string) (int64, bool) {
	switch {
	case key == "list_size" && (c.Kind == plan.Email || c.Kind == plan.SMS):
		return c.ListSize, true
	case key == "sends" && (c.Kind == plan.Email || c.Kind == plan.SMS):
		return int64(max(c.Sends, 1)), true
	case key == "posts" && (c.Kind == plan.SocialOrganic || c.Kind == plan.Influencer):
		return int64(max(c.Posts, 1)), true
	case key == "ramp_months" && (c.Kind == plan.SEO || c.Kind == plan.Content):
		return int64(max(c.RampMonths, 1)), true
	case key == "units" && c.Kind == plan.Print:
		return c.Units, true
	}
	return 0, false
}

// assumption is one row of the assumptions sheet.
type assumption struct {
	part, key, note string   // the part of the plan, the input's key, the path of its comment
	value           cell     // the plan's value
	rng             *[2]cell // its uncertainty range, if any
	bench           *plan.Benchmark
	benchOf         decimal.Decimal // the plan's value, to compare with the benchmark's
}

// assumptionsSheet: every input of the plan with its value, its
// uncertainty range, where it comes from and the benchmark library's
// figure for it. The source is the comment written beside the value in
// the plan file when there is one (WorkbookOptions.PlanText), else the
// benchmark's publisher when the value is the benchmark's, else "the
// plan's value, no source given".
func (w *workbook) assumptionsSheet() error {
	s := w.newSheet(w.word("wb_sheet_assumptions"))
	s.header(2, w.word("wb_col_part"), w.word("wb_col_input"), w.word("wb_col_key"), w.word("wb_col_value"),
		w.word("wb_col_low"), w.word("wb_col_high"), w.word("wb_col_source"), w.word("wb_col_benchmark"),
		w.word("wb_col_alert_below"), w.word("wb_col_alert_above"), w.word("wb_col_bench_source"))
	for _, a := range w.assumptions() {
		row := []cell{txt(a.part), txt(w.label(a.key)), txt(a.key), a.value, {}, {}}
		if a.rng != nil {
			row[4], row[5] = a.rng[0], a.rng[1]
		}
		source := w.notes[a.note]
		if a.bench != nil {
			b := *a.bench
			cur := firstNonEmpty(b.Currency, "EUR")
			opt := func(v decimal.NullDecimal) cell {
				if !v.Valid {
					return cell{}
				}
				return w.input(a.key, v.Decimal, cur)
			}
			if source == "" && b.Value.Valid && b.Value.Decimal.Equal(a.benchOf) && cur == w.cur {
				source = w.word("wb_src_benchmark") + w.colon() + benchSource(b)
			}
			row = append(row, txt(source).wrapped(), opt(b.Value), opt(b.Min), opt(b.Max), txt(benchSource(b)).wrapped())
		} else {
			row = append(row, txt(source).wrapped())
		}
		if source == "" {
			row[6] = txt(w.word("wb_src_plan")).wrapped()
		}
		s.add(row...)
	}
	return s.finish()
}

// benchSource is a benchmark's publisher and year: "WordStream, Google
// Ads benchmarks, 2017".
func benchSource(b plan.Benchmark) string {
	if b.Year != 0 {
		return fmt.Sprintf("%s, %d", b.Source, b.Year)
	}
	return b.Source
}

// assumptions lists the plan's inputs: the plan's budget and length, the
// business economics, the b2b funnel, then each channel's inputs.
func (w *workbook) assumptions() []assumption {
	p, sector := w.p, w.p.Business.Sector
	planPart, bizPart := w.word("wb_part_plan"), w.word("wb_part_business")
	out := []assumption{
		{part: planPart, key: "budget", note: "plan.budget", value: w.money(p.Info.Budget)},
		{part: planPart, key: "months", note: "plan.months", value: w.whole(int64(p.Info.Months))},
	}
	b := p.Business
	biz := []struct {
		key string
		v   decimal.Decimal
	}{
		{"average_order", b.AverageOrder}, {"gross_margin", b.GrossMargin}, {"first_order_discount", b.FirstOrderDiscount},
		{"orders_per_month", b.OrdersPerMonth}, {"monthly_retention", b.MonthlyRetention},
		{"annual_discount_rate", b.AnnualDiscountRate}, {"clv_months", decimal.NewFromInt(int64(b.CLVMonths))},
	}
	for _, x := range biz {
		out = append(out, assumption{part: bizPart, key: x.key, note: "business." + x.key, value: w.input(x.key, x.v, w.cur)})
	}
	if b.Model == plan.B2B {
		part := w.word("wb_part_funnel")
		for _, x := range []struct {
			key string
			v   decimal.Decimal
		}{{"lead_to_mql", p.Funnel.LeadToMQL}, {"mql_to_sql", p.Funnel.MQLToSQL}, {"sql_to_customer", p.Funnel.SQLToCustomer}} {
			a := assumption{part: part, key: x.key, note: "funnel." + x.key, value: w.rate(x.v), benchOf: x.v}
			if bm, ok := w.lib.Find("", sector, x.key); ok {
				a.bench = &bm
			}
			out = append(out, a)
		}
	}
	for i, c := range p.Channels {
		for _, key := range channelInputs {
			a := assumption{part: c.Name, key: key, note: fmt.Sprintf("channels.%d.%s", i, key)}
			if n, ok := channelInt(c, key); ok {
				a.value, a.benchOf = w.whole(n), decimal.NewFromInt(n)
			} else if v, ok := c.Value(key); ok {
				a.value, a.benchOf = w.input(key, v, w.cur), v
			} else {
				continue
			}
			if r, ok := c.Range(key); ok {
				a.rng = &[2]cell{w.input(key, r.Low, w.cur), w.input(key, r.High, w.cur)}
			}
			if bm, ok := w.lib.Find(c.Kind, sector, key); ok {
				a.bench = &bm
			}
			out = append(out, a)
		}
	}
	return out
}

// planNotes reads the end-of-line comments of a plan file: the path of
// each key written on one line with a comment after its value
// ("plan.budget", "business.average_order", "funnel.lead_to_mql",
// "channels.INDEX.KEY", INDEX counting the [[channels]] tables from 0 in
// file order, as plan.Plan.Channels holds them) → the comment, trimmed. A
// value over several lines (a multi-line string or array) carries no
// note. nil text gives no note. Linear in the text, and the text is at
// most plan.MaxFileSize.
//
// The plan package keeps comments when it edits a file but does not give
// them out; this reads only what the assumptions sheet quotes.
func planNotes(text []byte) map[string]string {
	notes := map[string]string{}
	if len(text) > plan.MaxFileSize {
		return notes
	}
	table, channel := "", -1
	lines := strings.Split(string(text), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(strings.TrimSuffix(lines[i], "\r"))
		switch {
		case line == "" || line[0] == '#':
			continue
		case strings.HasPrefix(line, "[[") || strings.HasPrefix(line, "["):
			name, _, _ := strings.Cut(strings.Trim(strings.SplitN(line, "#", 2)[0], " \t"), "]")
			name = strings.TrimSpace(strings.Trim(name, "[]"))
			table = name
			if strings.HasPrefix(line, "[[") && name == "channels" {
				channel++
			}
			continue
		}
		key, rest, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		key = strings.Trim(strings.TrimSpace(key), `"'`)
		comment, closed := trailingComment(rest)
		if !closed {
			// a value over several lines: skip to its end
			i = skipValue(lines, i, rest)
			continue
		}
		if comment == "" {
			continue
		}
		switch table {
		case "plan", "business", "funnel":
			notes[table+"."+key] = comment
		case "channels":
			if channel >= 0 {
				notes[fmt.Sprintf("channels.%d.%s", channel, key)] = comment
			}
		}
	}
	return notes
}

// trailingComment returns the comment after the value v (the text after
// "=" on a key's line), trimmed, and whether the value ends on this line
// (its strings closed, its brackets balanced).
func trailingComment(v string) (string, bool) {
	depth := 0
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, `"""`) || strings.HasPrefix(v, "'''") {
		q := v[:3]
		if j := strings.Index(v[3:], q); j >= 0 {
			return trailingComment(`""` + v[3+j+3:])
		}
		return "", false
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '"':
			j := i + 1
			for j < len(v) && v[j] != '"' {
				if v[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(v) {
				return "", false
			}
			i = j
		case '\'':
			j := strings.IndexByte(v[i+1:], '\'')
			if j < 0 {
				return "", false
			}
			i += j + 1
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '#':
			return strings.TrimSpace(v[i+1:]), depth <= 0
		}
	}
	return "", depth <= 0
}

// skipValue returns the index of the last line of the value that starts
// on line i after "=" (rest): the line that closes its multi-line string
// or its brackets. Each line is read once.
func skipValue(lines []string, i int, rest string) int {
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, "'''") {
		q := rest[:3]
		for j := i + 1; j < len(lines); j++ {
			if strings.Contains(lines[j], q) {
				return j
			}
		}
		return len(lines)
	}
	depth := bracketDepth(rest)
	for j := i + 1; j < len(lines); j++ {
		if depth += bracketDepth(lines[j]); depth <= 0 {
			return j
		}
	}
	return len(lines)
}

// bracketDepth is the number of brackets and braces line l opens minus
// those it closes, outside quotes and before its comment.
func bracketDepth(l string) int {
	depth := 0
	for i := 0; i < len(l); i++ {
		switch c := l[i]; c {
		case '"', '\'':
			j := i + 1
			for j < len(l) && l[j] != c {
				if c == '"' && l[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '#':
			return depth
		}
	}
	return depth
}
