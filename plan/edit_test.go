package plan

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// editSources returns every example and testdata plan, by file name.
func editSources(t testing.TB) map[string][]byte {
	t.Helper()
	files, _ := filepath.Glob("testdata/*.toml")
	examples, _ := filepath.Glob("../assets/examples/*.toml")
	more, _ := filepath.Glob("testdata/edit/*.toml")
	files = append(append(files, examples...), more...)
	if len(files) < 8 {
		t.Fatalf("only %d plans to edit", len(files))
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	return out
}

// changedLines counts the lines a line diff of a and b removes plus those
// it adds (n + m − 2 × the longest common subsequence of lines).
func changedLines(a, b string) int {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			switch {
			case x[i-1] == y[j-1]:
				cur[j] = prev[j-1] + 1
			default:
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return len(x) + len(y) - 2*prev[len(y)]
}

// comments returns every comment of src: whole comment lines and the
// end-of-line comments of key lines (from " #" on), trimmed.
func comments(src string) []string {
	var out []string
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			out = append(out, line)
		} else if i := strings.Index(line, " # "); i >= 0 && !strings.Contains(line[:i], `"""`) {
			out = append(out, strings.TrimSpace(line[i:]))
		}
	}
	return out
}

// planEdit is one kind of edit a user makes; apply returns false when it
// does not apply to p.
type planEdit struct {
	name  string
	apply func(p *Plan) bool
	// removes names an entry the edit removes (its comments may go):
	// "channels", "objectives", …
	removes string
	// moves: the edit moves entries, and their comments move with them.
	moves bool
}

var editDefs = []planEdit{
	{name: "scalar", apply: func(p *Plan) bool {
		p.Info.Budget = p.Info.Budget.Add(decimal.NewFromInt(1))
		return true
	}},
	{name: "channel scalar", apply: func(p *Plan) bool {
		if len(p.Channels) == 0 {
			return false
		}
		c := &p.Channels[len(p.Channels)-1]
		c.ConversionRate = c.ConversionRate.Div(decimal.NewFromInt(2)).Round(6)
		return true
	}},
	{name: "added key", apply: func(p *Plan) bool {
		for i := range p.Channels {
			if p.Channels[i].Owner == "" {
				p.Channels[i].Owner = "Nouvelle responsable"
				return true
			}
		}
		if p.Info.Client == "" {
			p.Info.Client = "Client ajouté"
			return true
		}
		return false
	}},
	{name: "removed key", apply: func(p *Plan) bool {
		for i := range p.Channels {
			if p.Channels[i].Owner != "" {
				p.Channels[i].Owner = ""
				return true
			}
		}
		if p.Info.Author != "" {
			p.Info.Author = ""
			return true
		}
		return false
	}},
	{name: "added channel", apply: func(p *Plan) bool {
		p.Channels = append(p.Channels, Channel{ID: "nouveau-mailing", Name: "Nouveau mailing", Kind: Email,
			ListSize: 1000, Sends: 2, ClickRate: decimal.RequireFromString("0.03"),
			ConversionRate: decimal.RequireFromString("0.05")})
		return true
	}},
	{name: "removed channel", removes: "channels", apply: func(p *Plan) bool {
		if len(p.Channels) < 2 {
			return false
		}
		removeChannel(p, 1)
		return true
	}},
	{name: "renamed channel", apply: func(p *Plan) bool {
		if len(p.Channels) == 0 {
			return false
		}
		old := p.Channels[0].ID
		p.Channels[0].ID = old + "-bis"
		for i := range p.Actuals {
			if p.Actuals[i].Channel == old {
				p.Actuals[i].Channel = old + "-bis"
			}
		}
		for i := range p.Scenarios {
			for j := range p.Scenarios[i].Channels {
				if p.Scenarios[i].Channels[j].ID == old {
					p.Scenarios[i].Channels[j].ID = old + "-bis"
				}
			}
		}
		return true
	}},
	{name: "reordered channels", moves: true, apply: func(p *Plan) bool {
		if len(p.Channels) < 2 {
			return false
		}
		p.Channels[0], p.Channels[1] = p.Channels[1], p.Channels[0]
		return true
	}},
	{name: "added objective", apply: func(p *Plan) bool {
		p.Objectives = append(p.Objectives, Objective{ID: "marge", Metric: "gross_margin",
			Target: decimal.NewFromInt(1000), Direction: AtLeast, Statement: "Une marge brute d'au moins 1000"})
		return true
	}},
	{name: "removed objective", removes: "objectives", apply: func(p *Plan) bool {
		if len(p.Objectives) == 0 {
			return false
		}
		p.Objectives = slices.Delete(p.Objectives, 0, 1)
		return true
	}},
	{name: "added scenario", apply: func(p *Plan) bool {
		s := Scenario{Name: "Prudent", Factors: []Factor{{Input: "conversion_rate", Factor: decimal.RequireFromString("0.9")}}}
		if len(p.Channels) > 0 {
			s.Channels = []ChannelFactors{{ID: p.Channels[0].ID, Factors: []Factor{{Input: "conversion_rate", Factor: decimal.RequireFromString("0.5")}}}}
		}
		p.Scenarios = append(p.Scenarios, s)
		return true
	}},
	{name: "removed scenario", removes: "scenarios", apply: func(p *Plan) bool {
		if len(p.Scenarios) == 0 {
			return false
		}
		p.Scenarios = slices.Delete(p.Scenarios, 0, 1)
		return true
	}},
	{name: "scenario channel added", apply: func(p *Plan) bool {
		if len(p.Scenarios) == 0 || len(p.Channels) == 0 {
			return false
		}
		s := &p.Scenarios[len(p.Scenarios)-1]
		id := p.Channels[len(p.Channels)-1].ID
		for _, c := range s.Channels {
			if c.ID == id {
				return false
			}
		}
		s.Channels = append(s.Channels, ChannelFactors{ID: id, Factors: []Factor{{Input: "conversion_rate", Factor: decimal.RequireFromString("1.1")}}})
		return true
	}},
	{name: "changed factors", apply: func(p *Plan) bool {
		if len(p.Scenarios) == 0 {
			return false
		}
		s := &p.Scenarios[0]
		s.Factors = append(slices.Clone(s.Factors), Factor{})
		s.Factors = s.Factors[:len(s.Factors)-1]
		if len(s.Factors) == 0 {
			s.Factors = []Factor{{Input: "conversion_rate", Factor: decimal.RequireFromString("0.95")}}
		} else {
			s.Factors[0].Factor = s.Factors[0].Factor.Add(decimal.RequireFromString("0.05"))
		}
		return true
	}},
	{name: "added actual", apply: func(p *Plan) bool {
		if len(p.Channels) == 0 {
			return false
		}
		id := p.Channels[len(p.Channels)-1].ID
		for _, a := range p.Actuals {
			if a.Channel == id && a.Month == p.Info.Months {
				return false
			}
		}
		p.Actuals = append(p.Actuals, Actual{Channel: id, Month: p.Info.Months, Spend: decimal.NewFromInt(120),
			Customers: decimal.NewFromInt(3), Revenue: decimal.RequireFromString("45.50")})
		return true
	}},
	{name: "removed actual", removes: "actuals", apply: func(p *Plan) bool {
		if len(p.Actuals) == 0 {
			return false
		}
		p.Actuals = p.Actuals[:len(p.Actuals)-1]
		return true
	}},
	{name: "active months", apply: func(p *Plan) bool {
		if len(p.Channels) == 0 {
			return false
		}
		p.Channels[0].ActiveMonths = []int{1}
		return true
	}},
	{name: "changed ranges", apply: func(p *Plan) bool {
		for i := range p.Channels {
			c := &p.Channels[i]
			if len(c.Ranges) > 0 {
				c.Ranges = slices.Clone(c.Ranges)
				c.Ranges[0].High = c.Ranges[0].High.Add(decimal.RequireFromString("0.001"))
				return true
			}
		}
		for i := range p.Channels {
			c := &p.Channels[i]
			v := c.ConversionRate
			c.Ranges = []Range{{Input: "conversion_rate", Low: v.Div(decimal.NewFromInt(2)).Round(4), High: v}}
			return true
		}
		return false
	}},
	{name: "cleared ranges", apply: func(p *Plan) bool {
		for i := range p.Channels {
			if len(p.Channels[i].Ranges) > 0 {
				p.Channels[i].Ranges = nil
				return true
			}
		}
		return false
	}},
	{name: "weights", apply: func(p *Plan) bool {
		if len(p.Tracking.EngagementWeights) > 0 {
			p.Tracking.EngagementWeights = nil
		} else {
			p.Tracking.EngagementWeights = []EngagementWeight{{KPI: KPICTR, Weight: decimal.NewFromInt(1)}}
		}
		return true
	}},
	{name: "simulation", apply: func(p *Plan) bool {
		p.Simulation.Runs += 500
		return true
	}},
	{name: "model", removes: "funnel", apply: func(p *Plan) bool {
		if p.Business.Model == B2B {
			p.Business.Model = B2C
			p.Funnel = Funnel{}
			for i := range p.Channels {
				c := &p.Channels[i]
				c.LeadToMQL, c.MQLToSQL, c.SQLToCustomer = decimal.NullDecimal{}, decimal.NullDecimal{}, decimal.NullDecimal{}
			}
		} else {
			p.Business.Model = B2B
			p.Funnel = Funnel{LeadToMQL: decimal.RequireFromString("0.2"), MQLToSQL: decimal.RequireFromString("0.5"), SQLToCustomer: decimal.RequireFromString("0.25")}
		}
		return true
	}},
	{name: "kind", apply: func(p *Plan) bool {
		// event and partnership take the same keys: contacts, response_rate.
		for i := range p.Channels {
			switch c := &p.Channels[i]; c.Kind {
			case Partnership:
				c.Kind = Event
				return true
			case Event:
				c.Kind = Partnership
				return true
			}
		}
		return false
	}},
}

// removeChannel removes channel i and what refers to it.
func removeChannel(p *Plan, i int) {
	id := p.Channels[i].ID
	p.Channels = slices.Delete(p.Channels, i, i+1)
	p.Actuals = slices.DeleteFunc(p.Actuals, func(a Actual) bool { return a.Channel == id })
	for k := range p.Scenarios {
		p.Scenarios[k].Channels = slices.DeleteFunc(slices.Clone(p.Scenarios[k].Channels), func(c ChannelFactors) bool { return c.ID == id })
	}
}

// checkOver runs EncodeOver on orig and p and checks what it promises.
func checkOver(t *testing.T, name string, orig []byte, old, p Plan, removes string, moves bool) string {
	t.Helper()
	out, err := EncodeOver(orig, p)
	if err != nil {
		t.Fatalf("%s: EncodeOver: %v", name, err)
	}
	q, err := Decode("out.toml", out)
	if err != nil {
		t.Fatalf("%s: the edited text does not decode: %v\n%s", name, err, out)
	}
	want, _ := Encode(p)
	got, _ := Encode(q)
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: the edited text reads back as another plan: %s", name, planDiff(p, q))
	}
	// Every comment stays, but those of a removed entry.
	outComments := comments(string(out))
	for _, c := range comments(string(orig)) {
		if i := slices.Index(outComments, c); i >= 0 {
			outComments = slices.Delete(outComments, i, i+1)
		} else if removes == "" {
			t.Errorf("%s: comment lost: %s", name, c)
		}
	}
	// The diff touches no more lines than the canonical diff, plus the
	// leading comments of a removed entry and a blank line.
	before, _ := Encode(old)
	canon := changedLines(string(before), string(want))
	slack := len(comments(string(orig))) - len(comments(string(out))) + 2
	if moves {
		slack += 2 * len(comments(string(orig)))
	}
	if removes != "" {
		// The blank lines around a removed entry and an added one; and an
		// entry added where no entry of its kind is left goes after the
		// kinds before it in Encode's order, maybe far from the removed
		// one, so that the diff matches fewer of their common lines.
		slack += 4 + canon
	}
	for _, tb := range scanLayout(string(orig)).tables {
		for _, k := range tb.keys {
			// A list over several lines is rewritten on one, its comments above.
			if v := string(orig[k.valStart:k.valEnd]); strings.Contains(v, "\n") && strings.ContainsAny(v[:1], "[{") {
				slack += strings.Count(v, "\n") + 1 + len(valueComments(v))
			}
		}
	}
	if n := changedLines(string(orig), string(out)); n > canon+slack {
		t.Errorf("%s: %d lines changed, canonical diff %d", name, n, canon)
	}
	return string(out)
}

// TestEncodeOverEdits edits every example and testdata plan in every way
// a user does and checks the result.
func TestEncodeOverEdits(t *testing.T) {
	applied := map[string]int{}
	for file, orig := range editSources(t) {
		old, err := Decode(file, orig)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		// No edit: the file comes back byte for byte.
		same, err := EncodeOver(orig, old)
		if err != nil || !bytes.Equal(same, orig) {
			t.Errorf("%s: EncodeOver of the plan as read changed the text (%v)", file, err)
		}
		for _, ed := range editDefs {
			p := old.Clone()
			if !ed.apply(&p) {
				continue
			}
			if errs := Validate(p); len(errs) > 0 {
				t.Logf("%s %s: skipped, the edit makes the plan invalid: %v", file, ed.name, errs[0])
				continue
			}
			applied[ed.name]++
			checkOver(t, file+" "+ed.name, orig, old, p, ed.removes, ed.moves)
		}
	}
	for _, ed := range editDefs {
		if applied[ed.name] == 0 {
			t.Errorf("edit %q applied to no plan", ed.name)
		}
	}
}

// TestEncodeOverExact pins the text of the simple edits on the bakery.
func TestEncodeOverExact(t *testing.T) {
	orig, ok := ExampleFile("bakery")
	if !ok {
		t.Fatal("no bakery example")
	}
	old, err := Decode("bakery.toml", orig)
	if err != nil {
		t.Fatal(err)
	}
	src := string(orig)
	cases := []struct {
		name     string
		edit     func(p *Plan)
		old, new string // the one line (or lines) that change
	}{
		{"scalar with a comment", func(p *Plan) { p.Business.AverageOrder = decimal.RequireFromString("9.00") },
			`average_order = "8.50"         # panier`, `average_order = "9.00"         # panier`},
		{"count written as integer", func(p *Plan) { p.Channels[0].Units = 9000 },
			"units = 8000                   #", "units = 9000                   #"},
		{"removed key", func(p *Plan) { p.Channels[0].Owner = "" },
			"owner = \"Gérante\"\nactive_months = [1, 2]\nfixed_cost = \"250\"", "active_months = [1, 2]\nfixed_cost = \"250\""},
		{"added key", func(p *Plan) { p.Channels[2].FixedCost = decimal.NewFromInt(90) },
			"max_budget = \"1500\"\n", "max_budget = \"1500\"\nfixed_cost = \"90\"\n"},
		{"ranges", func(p *Plan) { p.Channels[6].Ranges[0].Low = decimal.RequireFromString("0.12") },
			`ranges = { reach_rate = ["0.10", "0.30"] }`, `ranges = { reach_rate = ["0.12", "0.30"] }`},
		{"active months", func(p *Plan) { p.Channels[0].ActiveMonths = []int{1, 2, 3} },
			"active_months = [1, 2]\nfixed_cost = \"250\"", "active_months = [1, 2, 3]\nfixed_cost = \"250\""},
		{"removed scenario channel", func(p *Plan) { p.Scenarios[1].Channels = nil },
			"\n[[scenarios.channel]]\nid = \"influenceuse-famille\"\nfactors = { reach_rate = \"1.3\" }\n", "\n"},
		{"seed", func(p *Plan) { p.Simulation.Seed = 7 }, "seed = 1\n", "seed = 7\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.Count(src, c.old) != 1 {
				t.Fatalf("the bakery has %q %d times", c.old, strings.Count(src, c.old))
			}
			p := old.Clone()
			c.edit(&p)
			out, err := EncodeOver(orig, p)
			if err != nil {
				t.Fatal(err)
			}
			if want := strings.Replace(src, c.old, c.new, 1); string(out) != want {
				t.Errorf("got %d changed lines:\n%s", changedLines(want, string(out)), out)
			}
		})
	}
}

// TestEncodeOverRemovedChannel removes a bakery channel: its block goes
// with the comment line above its header, and nothing else changes.
func TestEncodeOverRemovedChannel(t *testing.T) {
	orig, _ := ExampleFile("bakery")
	old, err := Decode("bakery.toml", orig)
	if err != nil {
		t.Fatal(err)
	}
	p := old.Clone()
	removeChannel(&p, 2) // google-display
	out, err := EncodeOver(orig, p)
	if err != nil {
		t.Fatal(err)
	}
	src := string(orig)
	start := strings.Index(src, "# --- Action 1 : bannières Google Display")
	end := strings.Index(src, "# --- Action 1 : affichage")
	if want := src[:start] + src[end:]; string(out) != want {
		t.Errorf("%d lines differ from the bakery without its block", changedLines(want, string(out)))
	}
	// Adding it back appends it after the last channel, canonically.
	back, err := EncodeOver(out, old)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := Decode("back", back)
	if d := planDiff(q, old); d != "" {
		t.Errorf("added back: %s", d)
	}
	// Added back in p's place: before the channel that follows it, in
	// Encode's layout, with a blank line after it.
	block, _ := Encode(Plan{Channels: old.Channels[2:3]})
	canon := string(block[strings.Index(string(block), "[[channels]]"):strings.Index(string(block), "\n[simulation]")])
	next := strings.Index(string(out), "# --- Action 1 : affichage")
	if want := string(out[:next]) + canon + "\n" + string(out[next:]); string(back) != want {
		t.Errorf("added back: %d lines differ from the expected text:\n%s", changedLines(want, string(back)), back)
	}
}

// TestEncodeOverLayouts: shapes the editor must handle or refuse.
func TestEncodeOverLayouts(t *testing.T) {
	const base = "format = 1\n[plan]\ntitle = \"T\"\nstart = 2027-01-04\nmonths = 3\nbudget = \"5000\"\n" +
		"[business]\nname = \"B\"\naverage_order = \"10\"\ngross_margin = \"0.5\"\n"
	const channel = "[[channels]]\nid = \"s\"\nname = \"S\"\nkind = \"sms\"\nlist_size = 10\nclick_rate = \"0.1\"\nconversion_rate = \"0.1\"\n"
	cases := []struct {
		name   string
		src    string
		layout bool // EncodeOver refuses with ErrLayout
	}{
		{"plain", base + channel, false},
		{"no final newline", strings.TrimSuffix(base+channel, "\n"), false},
		{"CRLF", strings.ReplaceAll(base+channel, "\n", "\r\n"), false},
		{"CRLF dotted with context", strings.ReplaceAll(strings.Replace(base, "[plan]\ntitle = \"T\"\n", "plan.title = \"T\" # t\n[plan]\ncontext = \"\"\"\nl1\nl2\n\"\"\"\n", 1)+channel, "\n", "\r\n"), true},
		{"byte order mark", "\ufeff" + base + channel, false},
		{"literal strings and spaces", strings.Replace(base, "title = \"T\"", "  title   =   'T'   # t", 1) + channel, false},
		{"dotted key", "# top\n" + strings.Replace(base, "[plan]\ntitle = \"T\"\n", "# the title\nplan.title = \"T\" # eol title\n[plan] # plan header\n", 1) + channel, true},
		{"subtable", base + "# the channel\n" + channel + "# its ranges\n[channels.ranges]\nconversion_rate = [\"0.05\", \"0.2\"] # why\n# the end\n", true},
		{"inline array of tables", "format = 1\n# the channels\nchannels = [ # inline\n{ id = \"s\", name = \"S\", kind = \"sms\", list_size = 10, click_rate = \"0.1\", conversion_rate = \"0.1\" }, # sms\n]\n" + base[len("format = 1\n"):], true},
		{"not a plan", "format = 1\n", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p Plan
			var err error
			if c.name == "not a plan" {
				p, err = Decode("x", []byte(base+channel))
			} else {
				p, err = Decode("x", []byte(c.src))
			}
			if err != nil {
				t.Fatalf("the case does not decode: %v", err)
			}
			p.Info.Budget = decimal.NewFromInt(6000)
			p.Channels[0].Owner = "O"
			p.Channels = append(p.Channels, Channel{ID: "t", Name: "T", Kind: Content, VisitsPerMonth: decimal.NewFromInt(10), RampMonths: 1, ConversionRate: decimal.RequireFromString("0.01")})
			out, err := EditOver([]byte(c.src), p)
			if c.layout {
				if !errors.Is(err, ErrLayout) {
					t.Fatalf("EditOver: %v, want ErrLayout", err)
				}
				if c.name == "not a plan" {
					if _, err := EncodeOver([]byte(c.src), p); !errors.Is(err, ErrLayout) {
						t.Fatalf("EncodeOver over no plan: %v, want ErrLayout", err)
					}
					return
				}
				// EncodeOver falls back to the canonical layout, every
				// comment carried over.
				if out, err = EncodeOver([]byte(c.src), p); err != nil {
					t.Fatalf("EncodeOver: %v", err)
				}
				for _, cm := range comments(c.src) {
					if !strings.Contains(string(out), cm) {
						t.Errorf("comment %q lost:\n%s", cm, out)
					}
				}
			} else if err != nil {
				t.Fatal(err)
			}
			q, err := Decode("out", out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if d := planDiff(p, q); d != "" {
				t.Errorf("round trip: %s", d)
			}
			// CRLF throughout, but inside a multi-line string (its value).
			if strings.Contains(c.src, "\r\n") && !strings.Contains(c.src, `"""`) && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
				t.Errorf("mixed line endings:\n%q", out)
			}
			if strings.HasSuffix(c.src, "\n") != strings.HasSuffix(string(out), "\n") {
				t.Errorf("final newline changed: %q", out)
			}
			if c.name == "literal strings and spaces" && !strings.Contains(string(out), "  title   =   'T'   # t\n") {
				t.Errorf("the untouched line moved:\n%s", out)
			}
		})
	}
	// An empty original is a new plan: the canonical text.
	p, _ := Decode("x", []byte(base+channel))
	out, err := EncodeOver(nil, p)
	want, _ := Encode(p)
	if err != nil || !bytes.Equal(out, want) {
		t.Errorf("EncodeOver(nil) is not Encode: %v", err)
	}
}

// TestEncodeOverRandom applies random sequences of edits to every plan and
// checks each result reads back as the edited plan.
func TestEncodeOverRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 6))
	sources := editSources(t)
	files := make([]string, 0, len(sources))
	for f := range sources {
		files = append(files, f)
	}
	slices.Sort(files)
	rounds := 300
	if testing.Short() {
		rounds = 50
	}
	for r := range rounds {
		file := files[rng.IntN(len(files))]
		orig := sources[file]
		old, err := Decode(file, orig)
		if err != nil {
			t.Fatal(err)
		}
		p := old.Clone()
		var names []string
		removes, moves := "", false
		for range 1 + rng.IntN(4) {
			ed := editDefs[rng.IntN(len(editDefs))]
			q := p.Clone()
			if ed.apply(&q) && len(Validate(q)) == 0 {
				p = q
				names = append(names, ed.name)
				removes += ed.removes
				moves = moves || ed.moves
			}
		}
		name := fmt.Sprintf("round %d %s %v", r, file, names)
		checkOver(t, name, orig, old, p, removes, moves)
		// The fallback for layouts EditOver refuses keeps every comment too.
		text, ok := keepComments(string(orig), old, p)
		if want, _ := Encode(p); !ok || !readsBackAs(text, want) {
			t.Fatalf("%s: the fallback text does not read back as the plan:\n%s", name, text)
		}
		if removes == "" {
			have := comments(text)
			for _, c := range comments(string(orig)) {
				if i := slices.Index(have, c); i >= 0 {
					have = slices.Delete(have, i, i+1)
				} else {
					t.Errorf("%s: the fallback lost the comment %s", name, c)
				}
			}
		}
	}
}

// FuzzEncodeOver applies the edits a fuzzed byte string picks to the
// examples: Decode(EncodeOver(orig, p)) must be p.
func FuzzEncodeOver(f *testing.F) {
	f.Add([]byte{0, 1, 2})
	f.Add([]byte{4, 5, 6, 7, 8})
	f.Add([]byte{3, 9, 10, 11, 12, 13, 14})
	f.Add([]byte("02\a000")) // rename, reorder and add: the renamed channel once lost its comments
	f.Add([]byte("898000'")) // the only scenario replaced by another, on messy.toml
	sources := editSources(f)
	files := make([]string, 0, len(sources))
	for file := range sources {
		files = append(files, file)
	}
	slices.Sort(files)
	f.Fuzz(func(t *testing.T, picks []byte) {
		if len(picks) == 0 || len(picks) > 16 {
			return
		}
		file := files[int(picks[0])%len(files)]
		orig := sources[file]
		old, err := Decode(file, orig)
		if err != nil {
			t.Fatal(err)
		}
		p := old.Clone()
		removes, moves := "", false
		for _, b := range picks[1:] {
			q := p.Clone()
			if ed := editDefs[int(b)%len(editDefs)]; ed.apply(&q) && len(Validate(q)) == 0 {
				p = q
				removes += ed.removes
				moves = moves || ed.moves
			}
		}
		checkOver(t, file, orig, old, p, removes, moves)
	})
}

// TestEncodeOverValueComments: a comment inside a value written over
// several lines stays when the value is replaced, on the line above its
// key (it once went with the old value).
func TestEncodeOverValueComments(t *testing.T) {
	orig, err := os.ReadFile("testdata/edit/messy.toml")
	if err != nil {
		t.Fatal(err)
	}
	old, err := Decode("messy.toml", orig)
	if err != nil {
		t.Fatal(err)
	}
	p := old.Clone()
	p.Channels[0].ActiveMonths = []int{1, 3}
	out, err := EncodeOver(orig, p)
	if err != nil {
		t.Fatal(err)
	}
	const before = "active_months = [\n  1,  # janvier\n  2,\n]\n"
	const after = "# janvier\nactive_months = [1, 3]\n"
	if want := strings.Replace(string(orig), before, after, 1); string(out) != want {
		t.Errorf("got\n%s", out)
	}
	for _, c := range []struct {
		value string
		want  []string
	}{
		{`[1, 2]`, nil},
		{"[\n  1, # one\n  2, # two\n]", []string{"# one", "# two"}},
		{`{ a = "#no", b = '#no' }`, nil},
		{"\"\"\"\n# not a comment\n\"\"\"", nil},
		{"'''#no''' # yes", []string{"# yes"}},
		{`"esc \" # still a string" # yes`, []string{"# yes"}},
	} {
		if got := valueComments(c.value); !slices.Equal(got, c.want) {
			t.Errorf("valueComments(%q) = %q, want %q", c.value, got, c.want)
		}
	}
}

// TestEncodeOverInvalidPlan: a plan saved before it is valid (an objective
// whose target is still out of range, a channel without a name) is
// written over its file all the same, and reads back as it was (before
// validation).
func TestEncodeOverInvalidPlan(t *testing.T) {
	orig, _ := ExampleFile("bakery")
	old, err := Decode("bakery.toml", orig)
	if err != nil {
		t.Fatal(err)
	}
	p := old.Clone()
	p.Business.GrossMargin = decimal.NewFromInt(2)
	p.Channels[1].Name = ""
	if len(Validate(p)) == 0 {
		t.Fatal("the edited plan is valid")
	}
	out, err := EncodeOver(orig, p)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(`gross_margin = "0.68"`, `gross_margin = "2"`,
		`name = "Publicités Facebook et Instagram ciblées familles"`, `name = ""`).Replace(string(orig))
	if string(out) != want {
		t.Errorf("%d lines differ", changedLines(want, string(out)))
	}
	// An original that is no plan file at all is refused.
	if _, err := EncodeOver([]byte("format = 1\n[plan\n"), p); !errors.Is(err, ErrLayout) {
		t.Errorf("EncodeOver over a broken file: %v", err)
	}
}

// BenchmarkEncodeOver saves the bakery with one value changed, as the
// app's every save does.
func BenchmarkEncodeOver(b *testing.B) {
	orig, _ := ExampleFile("bakery")
	p, err := Decode("bakery.toml", orig)
	if err != nil {
		b.Fatal(err)
	}
	p.Info.Budget = decimal.NewFromInt(6000)
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeOver(orig, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeOverActuals saves a plan of 50 channels × 24 months of
// actuals (1200 rows, about 130 KB) with one value changed.
func BenchmarkEncodeOverActuals(b *testing.B) {
	var src strings.Builder
	src.WriteString("format = 1\n[plan]\ntitle = \"T\"\nstart = 2027-01-04\nmonths = 24\nbudget = \"5000\"\n" +
		"[business]\nname = \"B\"\naverage_order = \"10\"\ngross_margin = \"0.5\"\n")
	for c := range 50 {
		fmt.Fprintf(&src, "\n# channel %d\n[[channels]]\nid = \"c%d\"\nname = \"C\"\nkind = \"event\"\ncontacts = 100\nresponse_rate = \"0.1\"\nconversion_rate = \"0.2\"\n", c, c)
	}
	for c := range 50 {
		for m := 1; m <= 24; m++ {
			fmt.Fprintf(&src, "\n[[actuals]]  # row\nchannel = \"c%d\"\nmonth = %d\nspend = \"1.50\"\ncustomers = \"2\"\nrevenue = \"20\"\n", c, m)
		}
	}
	orig := []byte(src.String())
	p, err := Decode("big.toml", orig)
	if err != nil {
		b.Fatal(err)
	}
	p.Info.Budget = decimal.NewFromInt(6000)
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeOver(orig, p); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzLayout checks that the layout and comment scanners end without
// panic on any text, TOML or not, and that the spans they give lie in it.
func FuzzLayout(f *testing.F) {
	for _, data := range editSources(f) {
		f.Add(string(data))
	}
	f.Add("a = [1, # c\n{b = 'x'}, \"\"\"y\n\"\"\"]\n[[t.u]]\n# end")
	f.Add("x = \"unterminated\n'''open")
	f.Fuzz(checkLayout)
}

// TestLayoutMutations runs FuzzLayout's checks on 3000 seeded mutations
// of the plans (bytes replaced, inserted, removed, the text cut short),
// so that go test covers them without a fuzzing run.
func TestLayoutMutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 3))
	var seeds []string
	for _, d := range editSources(t) {
		seeds = append(seeds, string(d))
	}
	slices.Sort(seeds)
	const alphabet = "[]{}\"'#=\n\r \t.,ab1\\u\x00\xff"
	for range 3000 {
		s := []byte(seeds[rng.IntN(len(seeds))])
		for range 1 + rng.IntN(8) {
			i := rng.IntN(len(s) + 1)
			c := alphabet[rng.IntN(len(alphabet))]
			switch rng.IntN(3) {
			case 0:
				if i < len(s) {
					s[i] = c
				}
			case 1:
				s = slices.Insert(s, i, c)
			default:
				if i < len(s) {
					s = slices.Delete(s, i, i+1)
				}
			}
		}
		if rng.IntN(3) == 0 && len(s) > 0 {
			s = s[:rng.IntN(len(s))]
		}
		checkLayout(t, string(s))
	}
}

// checkLayout runs the layout and comment scanners on src and checks that
// the spans they give lie in it.
func checkLayout(t *testing.T, src string) {
	l := scanLayout(src)
	for _, tb := range l.tables {
		if tb.lead > tb.body || tb.body > tb.end || tb.end > len(src) {
			t.Fatalf("table %q spans %d %d %d of %d", tb.name, tb.lead, tb.body, tb.end, len(src))
		}
		for _, k := range tb.keys {
			if k.line > k.valStart || k.valStart > k.valEnd || k.valEnd > k.end || k.end > len(src) {
				t.Fatalf("key %q spans %d %d %d %d of %d", k.key, k.line, k.valStart, k.valEnd, k.end, len(src))
			}
		}
	}
	for _, c := range commentsOf(src) {
		if !strings.HasPrefix(c.text, "#") || strings.Contains(c.text, "\n") {
			t.Fatalf("comment %q", c.text)
		}
	}
	valueComments(src)
}
