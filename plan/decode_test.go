package plan

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// basePlan is a small valid plan; the bad-input cases edit one line of it.
// Its line numbers matter: the cases below assert them.
const basePlan = `format = 1

[plan]
title = "Test"
start = 2027-01-04
months = 3
budget = "5000"

[business]
name = "Shop"
average_order = "12.50"
gross_margin = "0.65"

[[objectives]]
id = "new-customers"
metric = "customers"
target = "200"
deadline = 2027-04-03

[[channels]]
id = "mailing"
name = "Mailing"
kind = "email"
list_size = 2500
open_rate = "0.22"
click_rate = "0.03"
conversion_rate = "0.10"

[[channels]]
id = "display"
name = "Display"
kind = "display"
budget = "1800"
cpm = "3.50"
ctr = "0.0046"
conversion_rate = "0.02"
`

// edit returns basePlan with the first line equal to old replaced by new
// (which may hold several lines, or none).
func edit(t *testing.T, old, new string) string {
	t.Helper()
	lines := strings.Split(basePlan, "\n")
	for i, l := range lines {
		if l == old {
			lines[i] = new
			return strings.Join(lines, "\n")
		}
	}
	t.Fatalf("basePlan has no line %q", old)
	return ""
}

func TestDecodeBasePlan(t *testing.T) {
	if _, err := Decode("base.toml", []byte(basePlan)); err != nil {
		t.Fatalf("basePlan does not decode: %v", err)
	}
}

func TestDecodeErrors(t *testing.T) {
	const actual = "\n[[actuals]]\nchannel = \"mailing\"\nmonth = %s\nspend = \"1\"\ncustomers = \"1\"\nrevenue = \"10\"\n"
	cases := []struct {
		name     string
		old, new string // a line of basePlan and what replaces it; old "" appends new
		line     int
		col      int // 0: not checked
		msg      string
	}{
		{"unknown top-level key", "format = 1", "format = 1\ncolour = \"red\"", 2, 1,
			`unknown key "colour" in the top level of the file: remove it (the keys of the top level of the file are format, plan, business, funnel, objectives, channels, scenarios, simulation, tracking, actuals)`},
		// Issue 9, item 11: a header on line 3 was reported on line 1.
		{"list of tables where a table belongs", "[plan]", "[[plan]]", 3, 0,
			`plan must be a table: write [plan] on a line of its own, then its keys below`},
		{"unknown key in a table", `budget = "5000"`, "budget = \"5000\"\ntilte = \"x\"", 8, 1,
			`unknown key "tilte" in [plan]; did you mean "title"?`},
		{"unknown key in a channel", `open_rate = "0.22"`, `opn_rate = "0.22"`, 25, 1,
			`unknown key "opn_rate" in [[channels]] "mailing"; did you mean "open_rate"?`},
		{"unknown key in the second channel", `cpm = "3.50"`, `cmp = "3.50"`, 34, 1,
			`unknown key "cmp" in [[channels]] "display"; did you mean "cpm"?`},
		{"float for a decimal", `open_rate = "0.22"`, `open_rate = 0.22`, 25, 1,
			`open_rate = 0.22 is a TOML float, which loses digits: write it as a string: open_rate = "0.22"`},
		{"float keeps the user's digits", `gross_margin = "0.65"`, `gross_margin = 0.650`, 12, 1,
			`write it as a string: gross_margin = "0.650"`},
		{"float with exponent", `budget = "5000"`, `budget = 5e3`, 7, 1,
			`budget = 5e3 is a TOML float, which loses digits: write it as a string: budget = "5000"`},
		{"integer for a decimal is fine, string for a count is not", `months = 3`, `months = "3"`, 6, 1,
			`months must be a whole number without quotes: write months = 3`},
		{"float for a count", `list_size = 2500`, `list_size = 2500.0`, 24, 1,
			`list_size must be a whole number without quotes: write list_size = 2500`},
		{"key foreign to the kind", `cpm = "3.50"`, "cpm = \"3.50\"\ncpc = \"1\"", 35, 1,
			`cpc is not a key of a display channel; display channels take budget, cpm, ctr, audience, min_budget, max_budget, locked`},
		{"email key on search", `kind = "display"`, "kind = \"search\"\nopen_rate = \"0.2\"\ncpc = \"1\"", 33, 1,
			`open_rate is not a key of a search channel; search channels take budget, cpc, ctr, max_clicks, min_budget, max_budget, locked`},
		{"rate above 1", `click_rate = "0.03"`, `click_rate = "1.5"`, 26, 1,
			`click_rate = 1.5 is out of range: write a fraction from 0 to 1 ("0.22" is 22 %)`},
		{"negative money", `budget = "5000"`, `budget = "-1"`, 7, 1,
			`budget = -1 is out of range: write an amount from 0 to 1000000000000`},
		{"negative channel budget", `budget = "1800"`, `budget = -1800`, 33, 1,
			`budget = -1800 is out of range: write an amount from 0 to 1000000000000`},
		{"months 0", `months = 3`, `months = 0`, 6, 1,
			`months = 0 is out of range: write a whole number from 1 to 60`},
		{"months 61", `months = 3`, `months = 61`, 6, 1,
			`months = 61 is out of range: write a whole number from 1 to 60`},
		{"cpm zero", `cpm = "3.50"`, `cpm = "0"`, 34, 1,
			`cpm = 0 is out of range: write an amount above 0 and at most 1000000000000`},
		{"duplicate channel id", `id = "display"`, `id = "mailing"`, 30, 1,
			`channel id "mailing" is already used by channel "Mailing": give each channel its own id`},
		{"duplicate objective id", `deadline = 2027-04-03`, "deadline = 2027-04-03\n[[objectives]]\nid = \"new-customers\"\nmetric = \"cost\"\ntarget = \"1\"", 20, 1,
			`objective id "new-customers" is already used by objective #1: give each objective its own id`},
		{"deadline before start", `deadline = 2027-04-03`, `deadline = 2026-12-31`, 18, 1,
			`deadline = 2026-12-31 is before the plan starts (2027-01-04): write a date on or after the start`},
		{"actual month outside the plan", "", strings.Replace(actual, "%s", "4", 1), 40, 1,
			`month 4 is outside the plan, which runs 3 months: write a month from 1 to 3`},
		{"actual of an unknown channel", "", strings.Replace(strings.Replace(actual, "%s", "1", 1), `"mailing"`, `"mail"`, 1), 39, 1,
			`channel = "mail" is not the id of a channel of this plan: write one of "mailing", "display"`},
		{"two actuals for one month", "", strings.Replace(actual, "%s", "1", 1) + strings.Replace(actual, "%s", "1", 1), 45, 1,
			`channel "mailing", month 1 already has a row of actuals: keep one row per channel and month`},
		{"missing key in [business]", `average_order = "12.50"`, ``, 9, 1,
			`missing key "average_order" in [business]: add average_order = "12.50"`},
		{"missing key in a channel", `click_rate = "0.03"`, ``, 20, 1,
			`missing key "click_rate" in [[channels]] "mailing": add click_rate = "0.03"`},
		{"missing ctr of display", `ctr = "0.0046"`, ``, 29, 1,
			`missing key "ctr" in [[channels]] "display": add ctr = "0.0046"`},
		{"missing [plan]", `[plan]`, `[plann]`, 3, 1,
			`unknown key "plann" in the top level of the file; did you mean "plan"?`},
		{"missing format", "format = 1", "", 1, 0,
			`missing key "format" at the top of the file: add format = 1 as its first line`},
		{"newer format", "format = 1", "format = 2", 1, 1,
			`this plan is written in format 2, newer than this version of CampaignSim reads (format 1): update CampaignSim`},
		{"date in quotes", `start = 2027-01-04`, `start = "2027-01-04"`, 5, 1,
			`start must be a date without quotes or time: write start = 2027-01-04`},
		{"date with time", `start = 2027-01-04`, `start = 2027-01-04T10:00:00`, 5, 1,
			`start must be a date without quotes or time: write start = 2027-01-04`},
		{"impossible date", `start = 2027-01-04`, `start = 2027-02-30`, 5, 0,
			`"2027-02-30" is not a date that exists: write it YYYY-MM-DD`},
		{"bad id chars", `id = "mailing"`, `id = "Mailing_1"`, 21, 1,
			`id = "Mailing_1" is not a valid id: use only lower-case letters a-z, digits and '-', e.g. id = "mailing-1"`},
		{"b2b without funnel", `gross_margin = "0.65"`, "gross_margin = \"0.65\"\nmodel = \"b2b\"", 13, 1,
			`a b2b plan needs a [funnel] table: add [funnel] with lead_to_mql, mql_to_sql and sql_to_customer`},
		{"funnel in b2c", `[[objectives]]`, "[funnel]\nlead_to_mql = \"0.1\"\n[[objectives]]", 14, 1,
			`[funnel] is only for b2b plans: remove it or set model = "b2b" in [business]`},
		{"funnel override in b2c", `conversion_rate = "0.10"`, "conversion_rate = \"0.10\"\nlead_to_mql = \"0.2\"", 28, 1,
			`lead_to_mql is a b2b key, but this plan is b2c: remove it or set model = "b2b" in [business]`},
		{"leads objective in b2c", `metric = "customers"`, `metric = "leads"`, 16, 1,
			`metric = "leads" exists only in b2b plans`},
		{"min_budget above max_budget", `ctr = "0.0046"`, "ctr = \"0.0046\"\nmin_budget = \"900\"\nmax_budget = \"500\"", 36, 1,
			`min_budget = 900 is more than max_budget = 500: write a min_budget at most max_budget`},
		{"min_budget on email", `click_rate = "0.03"`, "click_rate = \"0.03\"\nmin_budget = \"1\"", 27, 1,
			`min_budget is not a key of an email channel; email channels take list_size, sends, cost_per_message, bounce_rate, open_rate, click_rate, unsubscribe_rate`},
		{"range excludes the plan value", `open_rate = "0.22"`, "open_rate = \"0.22\"\nranges = { open_rate = [\"0.10\", \"0.20\"] }", 26, 12,
			`ranges.open_rate = [0.10, 0.20] does not contain the plan value 0.22: widen the range so that low ≤ open_rate ≤ high`},
		{"range of a key foreign to the kind", `open_rate = "0.22"`, "open_rate = \"0.22\"\nranges = { conversion_rate = [\"0.05\", \"0.2\"], cpc = [\"1\", \"2\"] }", 26, 47,
			`ranges.cpc: cpc is not an uncertain input of an email channel; ranges take bounce_rate, click_rate, conversion_rate, cost_per_message, fixed_cost, open_rate, unsubscribe_rate`},
		{"range with a float", `open_rate = "0.22"`, "open_rate = \"0.22\"\nranges = { open_rate = [0.1, \"0.3\"] }", 26, 25,
			`open_rate = 0.1 is a TOML float, which loses digits: write it as a string: open_rate = "0.1"`},
		{"range with one end", `open_rate = "0.22"`, "open_rate = \"0.22\"\nranges = { open_rate = [\"0.1\"] }", 26, 12,
			`ranges.open_rate must be a list of two decimals [low, high]: write open_rate = ["0.01", "0.03"]`},
		{"syntax error", `title = "Test"`, `title = "Test`, 4, 0,
			`a text opened with a quote is not closed on this line: add the closing quote`},
		// the parser quotes "0b\n": the message must stay one line.
		{"syntax error quoting a newline", `title = "Test"`, "title = 0b\n0", 4, 0,
			`"0b" is not a number this format reads: `},
		{"non-UTF-8", `title = "Test"`, "title = \"T\xffst\"", 4, 11,
			`the file is not valid UTF-8 text (byte 0xff): save it as UTF-8`},
		{"decimal with a comma", `average_order = "12.50"`, `average_order = "12,50"`, 11, 1,
			`average_order = "12,50" is not a decimal number: write average_order = "12.50"`},
		{"decimal as a percentage", `open_rate = "0.22"`, `open_rate = "22%"`, 25, 1,
			`open_rate = "22%" is not a decimal number: write open_rate = "0.22"`},
		{"decimal as words", `target = "200"`, `target = "abc"`, 17, 1,
			`target = "abc" is not a decimal number: write digits with a decimal point, e.g. target = "200"`},
		{"31 digits", `budget = "5000"`, `budget = "1234567890123456789012345678901"`, 7, 1,
			`budget = "1234567890123456789012345678901" has 31 digits: write at most 30, e.g. budget = "5000"`},
		// 31 places; the 31st is 5, so rounding to 30 places goes up: …890 → …891.
		{"31 places", `open_rate = "0.22"`, `open_rate = "0.1234567890123456789012345678905"`, 25, 1,
			`open_rate = "0.1234567890123456789012345678905" has 31 digits: write at most 30, rounded: open_rate = "0.123456789012345678901234567891"`},
		// 0. and 31 nines round to 1 and 30 zeros, 31 digits: one place less,
		// 1 and 29 zeros.
		{"31 nines round up to 1", `click_rate = "0.03"`, `click_rate = "-0.` + strings.Repeat("9", 31) + `"`, 26, 1,
			`has 31 digits: write at most 30, rounded: click_rate = "-1.` + strings.Repeat("0", 29) + `"`},
		// leading zeros do not count: 2 + 28 = 30 digits.
		{"leading zeros", `average_order = "12.50"`, `average_order = "0000012.` + strings.Repeat("5", 28) + `0"`, 11, 1,
			`has 31 digits: write at most 30, rounded: average_order = "12.` + strings.Repeat("5", 28) + `"`},
		{"float of 31 places", `open_rate = "0.22"`, `open_rate = 0.1234567890123456789012345678905`, 25, 1,
			`open_rate = 0.1234567890123456789012345678905 has 31 digits: write at most 30, rounded: open_rate = "0.123456789012345678901234567891"`},
		{"float of 12 places", `open_rate = "0.22"`, `open_rate = 0.123456789012`, 25, 1,
			`open_rate = 0.123456789012 is a TOML float, which loses digits: write it as a string: open_rate = "0.123456789012"`},
		// 1e300 is 1 and 300 zeros: 301 digits.
		{"float 1e300", `budget = "5000"`, `budget = 1e300`, 7, 1,
			`budget = 1e300 has 301 digits: write at most 30, e.g. budget = "5000"`},
		{"huge exponent", `budget = "5000"`, `budget = "1e999999"`, 7, 1,
			`budget = "1e999999" is not a decimal number: write digits with a decimal point, e.g. budget = "5000"`},
		{"exponent beyond the digits", `budget = "5000"`, `budget = "1e30"`, 7, 1,
			`budget = "1e30" is not a decimal number: write digits with a decimal point, e.g. budget = "5000"`},
		{"small exponent is fixed", `budget = "5000"`, `budget = "5e3"`, 7, 1,
			`budget = "5e3" is not a decimal number: write budget = "5000"`},
		// the value is quoted back as its first 100 characters and "…".
		{"long bad decimal", `target = "200"`, `target = "` + strings.Repeat("1", 1000) + `x"`, 17, 1,
			`target = "` + strings.Repeat("1", 100) + `…" is not a decimal number: write digits with a decimal point, e.g. target = "200"`},
		{"long kind is clipped", `kind = "email"`, `kind = "` + strings.Repeat("x", 1000) + `"`, 23, 1,
			`kind = "` + strings.Repeat("x", 100) + `…" is not one of "email"`},
		{"long id is clipped", `id = "mailing"`, `id = "` + strings.Repeat("y", 1000) + `"`, 21, 1,
			`id = "` + strings.Repeat("y", 100) + `…" is not a valid id`},
		{"long id is clipped where it names the channel", `id = "mailing"`, "id = \"" + strings.Repeat("y", 1000) + "\"\nopn = 1", 22, 1,
			`unknown key "opn" in [[channels]] "` + strings.Repeat("y", 100) + `…": remove it`},
		{"empty decimal", `target = "200"`, `target = ""`, 17, 1,
			`target is empty: write a number in quotes, e.g. target = "200"`},
		{"bool for a decimal", `target = "200"`, `target = true`, 17, 1,
			`target must be a decimal in quotes: write e.g. target = "200"`},
		{"active month out of range and twice", `list_size = 2500`, "list_size = 2500\nactive_months = [0, 2, 2]", 25, 1,
			`month 0 is outside the plan, which runs 3 months: write a month from 1 to 3`},
		{"active_months empty", `list_size = 2500`, "list_size = 2500\nactive_months = []", 25, 1,
			`active_months is empty: remove the key to run the channel every month`},
		{"unknown kind", `kind = "email"`, `kind = "mail"`, 23, 1,
			`kind = "mail" is not one of "email", "sms", "search"`},
		{"bad currency", `budget = "5000"`, "budget = \"5000\"\ncurrency = \"eur\"", 8, 1,
			`currency = "eur" is not an ISO 4217 code: write three capital letters, e.g. currency = "EUR"`},
		{"bad language", `budget = "5000"`, "budget = \"5000\"\nlanguage = \"de\"", 8, 1,
			`language = "de" is not one of "fr" or "en": write one of them`},
		{"title too long", `title = "Test"`, `title = "` + strings.Repeat("x", 201) + `"`, 4, 1,
			`title is 201 characters long: write at most 200`},
		{"empty title", `title = "Test"`, `title = " "`, 4, 1,
			`title is required: write e.g. title = "Acquérir 200 nouveaux clients"`},
		{"funnel is not a table", "format = 1", "format = 1\nfunnel = 3", 2, 1,
			`funnel must be a table: write [funnel] on a line of its own, then its keys below`},
		{"scenario named base", "", "\n[[scenarios]]\nname = \"Base\"\n", 39, 1,
			`scenario name "Base" is reserved for the plan as written: choose another name`},
		{"scenario factor on an unknown input", "", "\n[[scenarios]]\nname = \"Low\"\nfactors = { ctr = \"0.8\", colour = \"2\" }\n", 40, 26,
			`factors.colour: colour is not an input a scenario can scale: use one of audience, average_order`},
		{"scenario factor not above 0", "", "\n[[scenarios]]\nname = \"Low\"\nfactors = { ctr = \"0\" }\n", 40, 13,
			`factors.ctr = 0 is out of range: write a factor above 0 and at most 100 ("0.8" is 20 % less)`},
		{"scenario channel unknown", "", "\n[[scenarios]]\nname = \"Low\"\n[[scenarios.channel]]\nid = \"mail\"\nfactors = { open_rate = \"0.5\" }\n", 41, 1,
			`id = "mail" is not the id of a channel of this plan: write one of "mailing", "display"`},
		{"scenario channel factor foreign to kind", "", "\n[[scenarios]]\nname = \"Low\"\n[[scenarios.channel]]\nid = \"mailing\"\n[[scenarios.channel]]\nid = \"display\"\nfactors = { open_rate = \"0.5\" }\n", 44, 13,
			`factors.open_rate: open_rate is not a key of a display channel: use one of audience, budget, conversion_rate, cpm, ctr, fixed_cost`},
		{"scenario channel unknown key", "", "\n[[scenarios]]\nname = \"Low\"\n[[scenarios.channel]]\nid = \"mailing\"\nfactor = { open_rate = \"0.5\" }\n", 42, 1,
			`unknown key "factor" in [[scenarios.channel]] "mailing"; did you mean "factors"?`},
		{"runs out of range", "", "\n[simulation]\nruns = 0\n", 39, 1,
			`runs = 0 is out of range: write a whole number from 1 to 1000000`},
		{"simulation unknown key", "", "\n[simulation]\nrun = 10\n", 39, 1,
			`unknown key "run" in [simulation]; did you mean "runs"?`},
		{"both commissions", `kind = "display"`, "kind = \"affiliate\"\nclicks = 10\ncommission_rate = \"0.1\"\ncommission_per_sale = \"2\"\n[[channels]]\nid = \"x\"\nname = \"X\"\nkind = \"display\"", 34, 1,
			`both commission_per_sale and commission_rate are set: keep only one`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := basePlan + c.new
			if c.old != "" {
				src = edit(t, c.old, c.new)
			}
			_, err := Decode("p.toml", []byte(src))
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Decode gave %v, want an ErrorList", err)
			}
			for _, e := range list {
				if e.Line == c.line && strings.Contains(e.Msg.String(), c.msg) {
					if c.col != 0 && e.Col != c.col {
						t.Errorf("column %d, want %d: %v", e.Col, c.col, e)
					}
					if e.File != "p.toml" {
						t.Errorf("file %q, want p.toml", e.File)
					}
					return
				}
			}
			t.Errorf("no error at line %d saying %q; got:\n%v", c.line, c.msg, err)
		})
	}
}

func TestDecodeOnePass(t *testing.T) {
	src := basePlan
	src = strings.Replace(src, `months = 3`, `months = 61`, 1)
	src = strings.Replace(src, `open_rate = "0.22"`, `opn_rate = 0.22`, 1)
	src = strings.Replace(src, `ctr = "0.0046"`, `ctr = 0.0046`, 1)
	src = strings.Replace(src, `id = "display"`, `id = "mailing"`, 1)
	_, err := Decode("p.toml", []byte(src))
	want := []string{
		`p.toml:6:1: months = 61 is out of range: write a whole number from 1 to 60`,
		`p.toml:25:1: unknown key "opn_rate" in [[channels]] "mailing"; did you mean "open_rate"?`,
		`p.toml:30:1: channel id "mailing" is already used by channel "Mailing": give each channel its own id`,
		`p.toml:35:1: ctr = 0.0046 is a TOML float, which loses digits: write it as a string: ctr = "0.0046"`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("got\n%v\nwant\n%s", err, strings.Join(want, "\n"))
	}
}

func TestDecodeNoCascade(t *testing.T) {
	// A key of the wrong type is reported once, not again as out of range
	// or missing; checks that depend on it are skipped.
	src := strings.Replace(basePlan, `months = 3`, `months = "x"`, 1)
	src += "\n[[actuals]]\nchannel = \"mailing\"\nmonth = 9\nspend = \"1\"\ncustomers = \"1\"\nrevenue = \"1\"\n"
	_, err := Decode("p.toml", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
}

func TestDecodeTooLarge(t *testing.T) {
	data := bytes.Repeat([]byte("# comment\n"), MaxFileSize/10+1)
	_, err := Decode("big.toml", data)
	want := "big.toml: the file is 10485770 bytes, more than the 10485760 bytes (10 MB) a plan may have: is it really a plan file?"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestDecodeSyntaxErrorIsShort(t *testing.T) {
	_, err := Decode("p.toml", []byte("format = 1\n[plan\ntitle = 1\n"))
	want := `p.toml:2:6: this table header is not closed: write it on a line of its own, in brackets, e.g. [plan] or [[channels]]`
	if err == nil || err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

func TestDecodeDefaults(t *testing.T) {
	src := `format = 1
[plan]
title = "Defaults"
start = 2027-01-04
months = 2
budget = 100
[business]
name = "B"
average_order = 10
gross_margin = "0.5"
[[objectives]]
id = "o"
metric = "customers"
target = 10
[[channels]]
id = "e"
name = "E"
kind = "sms"
list_size = 10
click_rate = "0.1"
conversion_rate = "0.1"
[[channels]]
id = "s"
name = "S"
kind = "social_organic"
followers = 10
reach_rate = "0.1"
ctr = "0.1"
conversion_rate = "0.1"
[[channels]]
id = "c"
name = "C"
kind = "content"
visits_per_month = 10
conversion_rate = "0.1"
[[channels]]
id = "p"
name = "P"
kind = "print"
units = 10
reach_per_unit = "1"
response_rate = "0.1"
conversion_rate = "0.1"
[[channels]]
id = "g"
name = "G"
kind = "search"
budget = "10"
cpc = "1"
conversion_rate = "0.1"
`
	p, err := Decode("d.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	checks := []struct {
		name      string
		got, want any
	}{
		{"format", p.Format, 1},
		{"language", p.Info.Language, LangFR},
		{"currency", p.Info.Currency, "EUR"},
		{"model", p.Business.Model, B2C},
		{"first_order_discount", p.Business.FirstOrderDiscount.String(), "0"},
		{"orders_per_month", p.Business.OrdersPerMonth.String(), "0"},
		{"monthly_retention", p.Business.MonthlyRetention.String(), "0"},
		{"annual_discount_rate", p.Business.AnnualDiscountRate.Equal(d("0.10")), true},
		{"clv_months", p.Business.CLVMonths, 36},
		{"direction", p.Objectives[0].Direction, AtLeast},
		{"deadline", p.Objectives[0].Deadline.IsZero(), true},
		{"sends", p.Channels[0].Sends, 1},
		{"cost_per_message", p.Channels[0].CostPerMessage.IsZero(), true},
		{"bounce_rate", p.Channels[0].BounceRate.IsZero(), true},
		{"open_rate", p.Channels[0].OpenRate.IsZero(), true},
		{"unsubscribe_rate", p.Channels[0].UnsubscribeRate.IsZero(), true},
		{"active_months", p.Channels[0].ActiveMonths == nil, true},
		{"fixed_cost", p.Channels[0].FixedCost.IsZero(), true},
		{"posts", p.Channels[1].Posts, 1},
		{"audience", p.Channels[1].Audience.Valid, false},
		{"ramp_months", p.Channels[2].RampMonths, 1},
		{"cost_per_unit", p.Channels[3].CostPerUnit.IsZero(), true},
		{"min_budget", p.Channels[4].MinBudget.IsZero(), true},
		{"max_budget", p.Channels[4].MaxBudget.Valid, false},
		{"search ctr", p.Channels[4].CTR.Valid, false},
		{"max_clicks", p.Channels[4].MaxClicks.Valid, false},
		{"locked", p.Channels[4].Locked, false},
		{"runs", p.Simulation.Runs, 10000},
		{"seed", p.Simulation.Seed, int64(1)},
		{"integer budget", p.Info.Budget.String(), "100"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestDecodeSortsAndKeepsDigits(t *testing.T) {
	src := strings.Replace(basePlan, `list_size = 2500`, "list_size = 2500\nactive_months = [3, 1]\nranges = { open_rate = [\"0.10\", \"0.30\"], click_rate = [\"0.01\", \"0.05\"] }", 1)
	p, err := Decode("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := p.Channels[0]
	if len(c.ActiveMonths) != 2 || c.ActiveMonths[0] != 1 || c.ActiveMonths[1] != 3 {
		t.Errorf("active months %v, want [1 3]", c.ActiveMonths)
	}
	if len(c.Ranges) != 2 || c.Ranges[0].Input != "click_rate" || c.Ranges[1].Input != "open_rate" {
		t.Errorf("ranges %v, want click_rate then open_rate", c.Ranges)
	}
	if got := formatDecimal(c.Ranges[1].Low); got != "0.10" {
		t.Errorf("low %s, want the written 0.10", got)
	}
}

func TestDecodeDeadlineAfterEndIsAllowed(t *testing.T) {
	src := strings.Replace(basePlan, `deadline = 2027-04-03`, `deadline = 2028-01-01`, 1)
	if _, err := Decode("p.toml", []byte(src)); err != nil {
		t.Errorf("a deadline after the plan's end must decode (the engine warns): %v", err)
	}
}

func TestDecodeB2B(t *testing.T) {
	src := strings.Replace(basePlan, `gross_margin = "0.65"`, "gross_margin = \"0.65\"\nmodel = \"b2b\"\n[funnel]\nlead_to_mql = \"0.2\"\nmql_to_sql = \"0.5\"", 1)
	src = strings.Replace(src, `conversion_rate = "0.10"`, "conversion_rate = \"0.10\"\nsql_to_customer = \"0.3\"", 1)
	_, err := Decode("p.toml", []byte(src))
	want := `p.toml:14:1: missing key "sql_to_customer" in [funnel]: add sql_to_customer = "0.30"`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
	src = strings.Replace(src, `mql_to_sql = "0.5"`, "mql_to_sql = \"0.5\"\nsql_to_customer = \"0.3\"", 1)
	p, err := Decode("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Channels[0].SQLToCustomer.Valid || p.Channels[0].LeadToMQL.Valid {
		t.Errorf("channel overrides: %+v", p.Channels[0])
	}
}

func TestScanPositions(t *testing.T) {
	src := "\ufeffformat = 1 # c\n" + // 1
		"[plan]\n" + // 2
		"context = \"\"\"\n[not a table]\nx = 1\n\"\"\"\n" + // 3-6
		"  \"quoted\" . 'dotted' = [ 1,\n  2, # two\n  3 ]\n" + // 7-9
		"[[channels]]\n" + // 10
		"id = \"a\"\n" + // 11
		"[[channels]]\n" + // 12
		"ranges = { ctr = [\"0.1\", \"0.2\"], cpm = [\"1\",\"2\"] }\n" + // 13
		"[[scenarios]]\n" + // 14
		"[[scenarios.channel]]\n" + // 15
		"[[scenarios]]\n" + // 16
		"factors={a=\"1\"}\n" + // 17
		"[[scenarios.channel]]\n" + // 18
		"[[scenarios.channel]]\n" + // 19
		"  factors = { open_rate = \"0.7\" }\n" + // 20
		"[business]\n" + // 21
		"when = 2027-01-01 10:00:00\n" + // 22
		"after = 1\n" // 23
	want := map[string]position{
		"format":                                    {1, 1, "1"},
		"plan":                                      {2, 1, ""},
		"plan.context":                              {3, 1, "\"\"\"\n[not a table]\nx = 1\n\"\"\""},
		"plan.quoted.dotted":                        {7, 3, ""},
		"plan.quoted.dotted[1]":                     {8, 3, "2"},
		"plan.quoted.dotted[2]":                     {9, 3, "3"},
		"channels[0]":                               {10, 1, ""},
		"channels[0].id":                            {11, 1, `"a"`},
		"channels[1]":                               {12, 1, ""},
		"channels[1].ranges.ctr":                    {13, 12, ""},
		"channels[1].ranges.ctr[1]":                 {13, 26, `"0.2"`},
		"channels[1].ranges.cpm":                    {13, 34, ""},
		"scenarios[0].channel[0]":                   {15, 1, ""},
		"scenarios[1]":                              {16, 1, ""},
		"scenarios[1].factors.a":                    {17, 10, `"1"`},
		"scenarios[1].channel[1]":                   {19, 1, ""},
		"scenarios[1].channel[1].factors.open_rate": {20, 15, `"0.7"`},
		"business.when":                             {22, 1, "2027-01-01 10:00:00"},
		"business.after":                            {23, 1, "1"},
	}
	got := scanPositions(src)
	for path, w := range want {
		g := got[path]
		if g.Line != w.Line || g.Col != w.Col || w.Raw != "" && g.Raw != w.Raw {
			t.Errorf("%s: got %+v, want %+v", path, g, w)
		}
	}
	if _, ok := got["not a table"]; ok {
		t.Error("a multi-line string was read as a table header")
	}
}
