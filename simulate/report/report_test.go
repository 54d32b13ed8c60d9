package report_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"
	"campaignsim/simulate/report"
)

// date makes the documents of the tests byte-identical from run to run.
var date = time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)

// tool returns the path of a poppler-utils command, skipping the test
// when it is missing (make test installs poppler-utils).
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (make test installs poppler-utils)", name)
	}
	return path
}

// runTool runs a poppler command and returns its standard output.
func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// flat collapses every run of white space (the no-break spaces of French
// numbers included) to one space, so that text wrapped over lines or laid
// out in columns by pdftotext compares with the strings of the document.
func flat(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// stressPlan is testdata/stress.toml: twelve channels with long names,
// fourteen months, five scenarios.
func stressPlan(t testing.TB) plan.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "stress.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Decode("stress.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type namedPlan struct {
	name string
	p    plan.Plan
}

func allPlans(t *testing.T) []namedPlan {
	var out []namedPlan
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedPlan{name, p})
	}
	return append(out, namedPlan{"stress", stressPlan(t)})
}

// TestDocuments renders every example and the stress plan in both
// languages and checks the text (title, business, channel names, key
// figures written as display writes them), the fonts (all embedded) and
// the charts (one picture per chart) of each PDF.
func TestDocuments(t *testing.T) {
	tool(t, "pdftotext")
	dir := t.TempDir()
	for _, np := range allPlans(t) {
		for _, lang := range []plan.Language{plan.LangFR, plan.LangEN} {
			t.Run(np.name+"-"+string(lang), func(t *testing.T) {
				t.Parallel()
				p := np.p
				path := filepath.Join(dir, np.name+"-"+string(lang)+".pdf")
				if err := report.WriteFile(path, p, report.Options{Lang: lang, Scenario: "all", Date: date}); err != nil {
					t.Fatal(err)
				}
				text := flat(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
				r, err := simulate.Run(p)
				if err != nil {
					t.Fatal(err)
				}
				cur := p.Info.Currency
				want := []string{p.Info.Title, p.Business.Name,
					display.Money(r.Totals.Cost.Decimal, cur, lang),
					display.Money(r.Totals.NetProfit.Decimal, cur, lang),
					display.Money(p.Info.Budget, cur, lang),
					display.Count(r.Totals.Customers.Decimal, lang),
					display.Figure(mustSpec(t, "cpa"), r.Totals.CPA, cur, lang),
					display.Figure(mustSpec(t, "roi"), r.Totals.ROI, cur, lang),
					display.Figure(mustSpec(t, "clv"), r.Totals.CLV, cur, lang),
				}
				for _, c := range p.Channels {
					want = append(want, c.Name)
				}
				for _, s := range want {
					if !strings.Contains(text, flat(s)) {
						t.Errorf("the text of the PDF lacks %q", s)
					}
				}
				// The section titles of the language, and none of the other.
				other := map[plan.Language]string{plan.LangFR: "Expected results", plan.LangEN: "Résultats prévus"}
				if strings.Contains(text, other[lang]) {
					t.Errorf("the %s document has a heading of the other language: %q", lang, other[lang])
				}

				// Section 8 with actuals: the stages of the dashboard, a
				// status word and the re-forecast.
				if np.name == "google-ads" || np.name == "eshop-emailing" {
					checkTracking(t, p, lang, text)
				}

				fonts := runTool(t, "pdffonts", path)
				lines := strings.Split(strings.TrimSpace(fonts), "\n")
				if len(lines) < 3 {
					t.Fatalf("pdffonts lists no font:\n%s", fonts)
				}
				for _, l := range lines[2:] {
					f := strings.Fields(l)
					// name type… encoding emb sub uni object ID
					if len(f) < 6 || f[len(f)-5] != "yes" {
						t.Errorf("font not embedded: %s", l)
					}
				}

				images := runTool(t, "pdfimages", "-list", path)
				n := len(strings.Split(strings.TrimSpace(images), "\n")) - 2
				wantImages := 4 + len(p.Channels) // timeline, monthly cost, cost vs customers, break-even, funnels
				if len(p.Scenarios) > 0 {
					wantImages++
				}
				if simulate.HasUncertainty(p) {
					wantImages++ // histogram
				}
				if len(p.Actuals) > 0 {
					wantImages++ // the KPIs' trend charts of section 8
				}
				if n < wantImages {
					t.Errorf("pdfimages lists %d pictures, want at least %d:\n%s", n, wantImages, images)
				}
				// Print resolution: every picture at 150 dpi or more.
				for _, l := range strings.Split(strings.TrimSpace(images), "\n")[2:] {
					f := strings.Fields(l)
					if len(f) >= 14 && (atoi(f[12]) < 150 || atoi(f[13]) < 150) {
						t.Errorf("picture below 150 dpi: %s", l)
					}
				}
			})
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func mustSpec(t *testing.T, name string) simulate.Spec {
	t.Helper()
	s, ok := simulate.SpecOf(name)
	if !ok {
		t.Fatalf("no figure %q", name)
	}
	return s
}

// TestScenarioShown checks that a named scenario's figures are the ones
// the document shows.
func TestScenarioShown(t *testing.T) {
	tool(t, "pdftotext")
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	name := p.Scenarios[0].Name
	path := filepath.Join(t.TempDir(), "s.pdf")
	if err := report.WriteFile(path, p, report.Options{Scenario: name, Date: date}); err != nil {
		t.Fatal(err)
	}
	r, err := simulate.RunScenario(p, name)
	if err != nil {
		t.Fatal(err)
	}
	text := flat(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
	for _, s := range []string{name, display.Money(r.Totals.Cost.Decimal, "EUR", plan.LangFR), display.Money(r.Totals.NetProfit.Decimal, "EUR", plan.LangFR)} {
		if !strings.Contains(text, flat(s)) {
			t.Errorf("the text of the %s document lacks %q", name, s)
		}
	}
}

// TestDeterministic checks that the same plan, options and date give the
// same bytes.
func TestDeterministic(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := report.Write(&a, p, report.Options{Date: date}); err != nil {
		t.Fatal(err)
	}
	if err := report.Write(&b, p, report.Options{Date: date}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", a.Bytes()[:min(20, a.Len())])
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings of the same plan differ")
	}
}

// TestErrorsWriteNothing checks that a bad plan, an unknown scenario or
// language, and an unwritable path fail and leave nothing behind.
func TestErrorsWriteNothing(t *testing.T) {
	good, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	bad := good.Clone()
	bad.Info.Months = 0
	bad.Channels[0].ConversionRate = bad.Channels[0].ConversionRate.Neg()

	dir := t.TempDir()
	cases := []struct {
		name string
		path string
		p    plan.Plan
		o    report.Options
		is   func(error) bool
	}{
		{"invalid plan", filepath.Join(dir, "bad.pdf"), bad, report.Options{},
			func(err error) bool { var l plan.ErrorList; return errors.As(err, &l) && len(l) > 0 }},
		{"unknown scenario", filepath.Join(dir, "s.pdf"), good, report.Options{Scenario: "nope"},
			func(err error) bool { return errors.Is(err, report.ErrUnknownScenario) }},
		{"unknown language", filepath.Join(dir, "l.pdf"), good, report.Options{Lang: "de"},
			func(err error) bool { return errors.Is(err, report.ErrLanguage) }},
		{"missing folder", filepath.Join(dir, "no", "such", "folder", "x.pdf"), good, report.Options{}, nil},
		{"path is a folder", dir, good, report.Options{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := report.WriteFile(c.path, c.p, c.o)
			if err == nil {
				t.Fatal("no error")
			}
			if c.is != nil && !c.is(err) {
				t.Errorf("wrong error: %v", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 0 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("files left behind: %v", names)
			}
		})
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, bad, report.Options{}); err == nil || buf.Len() != 0 {
		t.Errorf("Write of an invalid plan: err %v, %d bytes written", err, buf.Len())
	}
}

// TestWriteFileReplaces checks that WriteFile replaces an existing file
// and leaves no temporary file.
func TestWriteFileReplaces(t *testing.T) {
	p, err := plan.Example("google-ads")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteFile(path, p, report.Options{Date: date}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not replaced by a PDF: %v %q", err, data[:min(10, len(data))])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("want only out.pdf in the folder, have %d entries", len(entries))
	}
}

// BenchmarkExportBakery measures the whole export of the bakery example
// (simulation, Monte Carlo, sensitivity, goal seek, charts, PDF) and
// reports the size of the file.
func BenchmarkExportBakery(b *testing.B) {
	p, err := plan.Example("bakery")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := report.Write(&buf, p, report.Options{Date: date}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}

// checkTracking checks section 8 of a plan with actuals: the dashboard's
// stage names, a status word and the re-forecast heading, in lang.
func checkTracking(t *testing.T, p plan.Plan, lang plan.Language, text string) {
	t.Helper()
	if len(p.Actuals) == 0 {
		t.Fatal("the plan has no actuals")
	}
	tk, err := simulate.Track(p)
	if err != nil {
		t.Fatal(err)
	}
	stages := map[string][2]string{"awareness": {"Notoriété", "Awareness"}, "engagement": {"Engagement", "Engagement"},
		"leads": {"Génération de leads", "Lead generation"}, "sales": {"Vente", "Sales"}, "loyalty": {"Fidélisation", "Loyalty"}}
	i := 0
	if lang == plan.LangEN {
		i = 1
	}
	want := []string{[2]string{"Tableau de bord par étape du cycle de vie", "Dashboard by life-cycle stage"}[i],
		[2]string{"Reprévision de fin de plan", "End-of-plan re-forecast"}[i]}
	for _, k := range tk.Dashboard.KPIs {
		want = append(want, stages[k.Stage][i], display.Label(k.Name, lang))
	}
	for _, s := range want {
		if !strings.Contains(text, flat(s)) {
			t.Errorf("section 8 lacks %q", s)
		}
	}
	words := [][2]string{{"Conforme", "On track"}, {"En avance", "Ahead"}, {"En retard", "Behind"}}
	found := false
	for _, w := range words {
		found = found || strings.Contains(text, w[i])
	}
	if !found {
		t.Errorf("section 8 has no status word in %s", lang)
	}
}
