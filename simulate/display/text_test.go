package display

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// allMsgArgs is every code plan and simulate give (plan.MsgArgs and
// simulate.MsgArgs) with its arguments; a code in both is an error.
func allMsgArgs(t *testing.T) map[string][]string {
	all := map[string][]string{}
	for _, m := range []map[string][]string{plan.MsgArgs, simulate.MsgArgs} {
		for code, args := range m {
			if _, ok := all[code]; ok {
				t.Errorf("code %s is given by both plan and simulate: rename one", code)
			}
			all[code] = args
		}
	}
	return all
}

// TestCatalogMatchesCodes: the embedded catalog parses, has exactly the
// codes plan and simulate give (plan.MsgArgs and simulate.MsgArgs: none
// missing, none unused) besides the command-line tool's "cli_" codes
// (cli.toml, checked by cmd/campaignsim-cli's words_test.go), each in French and English, and its templates
// name only the arguments the code gives.
func TestCatalogMatchesCodes(t *testing.T) {
	cat, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	all := allMsgArgs(t)
	for code, args := range all {
		tmpl, ok := cat[code]
		if !ok {
			t.Errorf("code %s has no entry in messages.toml", code)
			continue
		}
		given := map[string]bool{}
		for _, a := range args {
			given[a] = true
		}
		for lang, s := range map[string]string{"fr": tmpl.FR, "en": tmpl.EN} {
			names, err := Placeholders(s)
			if err != nil {
				t.Errorf("[%s] %s: %v", code, lang, err)
			}
			for _, n := range names {
				if !given[n] {
					t.Errorf("[%s] %s names {%s}, an argument the code does not give (it gives %v)", code, lang, n, args)
				}
			}
		}
	}
	for code := range cat {
		if strings.HasPrefix(code, "cli_") {
			continue // the command-line tool's words: its own test checks them (package main is not importable)
		}
		if _, ok := all[code]; !ok {
			t.Errorf("the catalog has [%s], a code nothing gives: remove it or add it to plan.MsgArgs or simulate.MsgArgs", code)
		}
	}
}

// TestCodesAreConstants: simulate builds its messages from the constants
// of messages.go, so MsgArgs sees every code. A string literal as the
// first argument of plan.NewMsg in simulate's code would escape it.
func TestCodesAreConstants(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("simulate's files: %v", err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewMsg" {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok {
					code, _ := strconv.Unquote(lit.Value)
					t.Errorf("%s: plan.NewMsg(%q…): use a Msg constant of messages.go", fset.Position(call.Pos()), code)
				}
			}
			return true
		})
	}
}

// TestLoadCatalogMerges: the catalog's files merge, and a code two files
// give is refused naming both files, as is a malformed file.
func TestLoadCatalogMerges(t *testing.T) {
	one := &fstest.MapFile{Data: []byte("[a]\nfr = \"x\"\nen = \"y\"\n")}
	two := &fstest.MapFile{Data: []byte("[b]\nfr = \"u\"\nen = \"v\"\n")}
	cat, err := LoadCatalog(fstest.MapFS{"i18n/messages/one.toml": one, "i18n/messages/two.toml": two})
	if err != nil || len(cat) != 2 || cat["b"].EN != "v" {
		t.Fatalf("merged catalog %v, %v: want codes a and b", cat, err)
	}
	_, err = LoadCatalog(fstest.MapFS{"i18n/messages/one.toml": one, "i18n/messages/zwei.toml": one})
	if err == nil || !strings.Contains(err.Error(), "one.toml and zwei.toml") {
		t.Errorf("duplicate code: error %v, want one naming both files", err)
	}
	_, err = LoadCatalog(fstest.MapFS{"i18n/messages/bad.toml": &fstest.MapFile{Data: []byte("[a\n")}})
	if err == nil || !strings.Contains(err.Error(), "bad.toml") {
		t.Errorf("malformed file: error %v, want one naming bad.toml", err)
	}
}

func TestParseCatalogErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"no english", "[a]\nfr = \"x\"\n", "[a] needs both fr and en"},
		{"unknown key", "[a]\nfr = \"x\"\nen = \"y\"\nde = \"z\"\n", "unknown key a.de"},
		{"open placeholder", "[a]\nfr = \"x {b\"\nen = \"y\"\n", "is not closed"},
		{"empty placeholder", "[a]\nfr = \"x {}\"\nen = \"y\"\n", "is not a name"},
		{"not toml", "[a\n", "line 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCatalog([]byte(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	d := decimal.RequireFromString
	over := plan.NewMsg(simulate.MsgOverBudget, plan.MoneyArg("over", d("940")),
		plan.MoneyArg("cost", d("4940")), plan.MoneyArg("budget", d("4000")))
	cases := []struct {
		name string
		m    plan.Msg
		lang plan.Language
		cur  string
		want string
	}{
		// 4940 − 4000 = 940; money as Money: U+00A0 before €, U+202F between thousands
		{"money fr", over, plan.LangFR, "EUR", "Le plan dépasse son budget de 940,00\u00a0€ (coût 4\u202f940,00\u00a0€, budget 4\u202f000,00\u00a0€)."},
		{"money en", over, plan.LangEN, "", "The plan is over budget by €940.00 (cost €4,940.00, budget €4,000.00)."},
		{"money jpy", over, plan.LangEN, "JPY", "The plan is over budget by ¥940 (cost ¥4,940, budget ¥4,000)."},
		{"dates fr", plan.NewMsg(simulate.MsgSmartTBefore, plan.DateArg("deadline", plan.NewDate(2026, 12, 1)),
			plan.DateArg("start", plan.NewDate(2027, 1, 4))), plan.LangFR, "",
			"l'échéance (01/12/2026) précède le début du plan (04/01/2027)"},
		{"metric label", plan.NewMsg(simulate.MsgSmartMB2B, plan.MetricArg("metric", "leads")), plan.LangFR, "",
			"Leads n'existe que dans un plan B2B"},
		{"figure by unit", plan.NewMsg(simulate.MsgSmartANo, plan.FigureArg("value", "customers", decimal.NewNullDecimal(d("187.456"))),
			plan.TextArg("dir", "≥"), plan.FigureArg("target", "customers", decimal.NewNullDecimal(d("200")))), plan.LangEN, "",
			"not met by the simulated plan: 187 against a target ≥ 200"},
		{"undefined figure", plan.NewMsg(simulate.MsgSmartANo, plan.FigureArg("value", "cpa", decimal.NullDecimal{}),
			plan.TextArg("dir", "≤"), plan.FigureArg("target", "cpa", decimal.NewNullDecimal(d("40")))), plan.LangFR, "",
			"non atteint dans le plan simulé\u00a0: — pour une cible ≤ 40,00\u00a0€"},
		{"kinds and nested purpose", plan.NewMsg(simulate.MsgSmartRNoChannel, plan.MsgsArg("purpose", plan.NewMsg("purpose_leads")),
			plan.KindsArg("kinds", []string{"email", "seo"})), plan.LangFR, "",
			"aucun canal du plan n'est recommandé pour «\u00a0génération de leads\u00a0»\u00a0; ajoutez-en un parmi\u00a0: E-mailing, Référencement naturel"},
		{"list separator", plan.NewMsg(simulate.MsgGoalCapped, plan.MsgsArg("what", plan.NewMsg(simulate.MsgGoalCapsUnlimited)),
			plan.MetricArg("metric", "customers"), plan.DecimalArg("best", d("7.75"), 2), plan.DecimalArg("target", d("100"), 2),
			plan.DecimalArg("other", d("6.7"), 2), plan.MsgsArg("limits",
				plan.NewMsg(simulate.MsgGoalLimitCap, plan.TextArg("channel", "A"), plan.KeyArg("key", "audience"), plan.CountArg("cap", d("12000")), plan.DecimalArg("value", d("0.75"), 2)),
				plan.NewMsg(simulate.MsgGoalLimitBudget, plan.TextArg("channel", "B"), plan.KeyArg("key", "max_budget"), plan.MoneyArg("cap", d("15000")), plan.DecimalArg("value", d("1"), 2)))),
			plan.LangEN, "",
			"Unreachable: even with unlimited money, the channels' caps limit Customers to 7.75 (target 100.00; other channels 6.70) — \"A\" (audience 12,000): 0.75 at most; \"B\" (max_budget €15,000.00): 1.00 at most."},
		{"zero", plan.Msg{}, plan.LangFR, "", ""},
		{"unknown code", plan.NewMsg("nope", plan.CountArg("n", d("1234"))), plan.LangEN, "", "nope n=1,234"},
		{"missing argument", plan.NewMsg(simulate.MsgInactiveChannel), plan.LangEN, "", "Channel \"{channel}\" is active in no month of the plan: it costs and yields nothing."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Text(c.m, c.lang, c.cur); got != c.want {
				t.Errorf("Text = %q\n          want %q", got, c.want)
			}
		})
	}
}

// leftOver matches a placeholder left in a rendered message ("{name}"; a
// literal brace of a TOML example, "{ ctr = … }", is not one).
var leftOver = regexp.MustCompile(`\{[a-z_0-9]+\}`)

// TestTextEveryCode renders every code in both languages with dummy
// arguments: no placeholder is left over.
func TestTextEveryCode(t *testing.T) {
	all := allMsgArgs(t)
	codes := make([]string, 0, len(all))
	for c := range all {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		var args []plan.Arg
		for _, n := range all[c] {
			args = append(args, plan.TextArg(n, "x"))
		}
		for _, l := range []plan.Language{plan.LangFR, plan.LangEN} {
			if s := Text(plan.NewMsg(c, args...), l, ""); s == "" || leftOver.MatchString(s) {
				t.Errorf("%s in %s: %q", c, l, s)
			}
		}
	}
}

// TestMoveAdvice: the optimiser's moves read as advice, money to the whole
// unit (1234.56 rounds to 1235, half away from zero).
func TestMoveAdvice(t *testing.T) {
	amt := decimal.RequireFromString("1234.56")
	cases := []struct {
		m    simulate.BudgetMove
		lang plan.Language
		want string
	}{
		{simulate.BudgetMove{From: "A", To: "B", Amount: amt}, plan.LangEN, "Move €1,235 from “A” to “B”"},
		{simulate.BudgetMove{From: "A", To: "B", Amount: amt}, plan.LangFR, "Déplacer 1\u202f235\u00a0€ de «\u00a0A\u00a0» vers «\u00a0B\u00a0»"},
		{simulate.BudgetMove{From: "A", Amount: amt}, plan.LangEN, "Take €1,235 off “A” (do not spend it)"},
		{simulate.BudgetMove{To: "B", Amount: amt}, plan.LangFR, "Ajouter 1\u202f235\u00a0€ à «\u00a0B\u00a0»"},
	}
	for _, c := range cases {
		if got := Text(c.m.Msg(), c.lang, "EUR"); got != c.want {
			t.Errorf("%+v in %s: %q, want %q", c.m, c.lang, got, c.want)
		}
	}
	for _, c := range []struct{ v, cur, want string }{{"-0.4", "EUR", "0\u00a0€"}, {"1200", "CHF", "1\u202f200\u00a0CHF"}} {
		if got := MoneyWhole(decimal.RequireFromString(c.v), c.cur, plan.LangFR); got != c.want {
			t.Errorf("MoneyWhole(%s %s) = %q, want %q", c.v, c.cur, got, c.want)
		}
	}
}

func ExampleText() {
	m := plan.NewMsg(simulate.MsgOverBudget, plan.MoneyArg("over", decimal.NewFromInt(940)),
		plan.MoneyArg("cost", decimal.NewFromInt(4940)), plan.MoneyArg("budget", decimal.NewFromInt(4000)))
	fmt.Println(Text(m, plan.LangEN, "EUR"))
	fmt.Println(Text(m, plan.LangEN, "USD"))
	// Output:
	// The plan is over budget by €940.00 (cost €4,940.00, budget €4,000.00).
	// The plan is over budget by $940.00 (cost $4,940.00, budget $4,000.00).
}

// TestCatalogFrenchTypography: every French message of the catalog —
// plan's errors, the engine's, the documents', the command line's, every
// file of assets/i18n/messages — uses French quotes and a no-break space
// (U+00A0) inside « » and before : ; ? !, so that a line break never
// leaves a colon alone at the start of a line. This is the one check of
// it: the catalog is one, so is its typography.
func TestCatalogFrenchTypography(t *testing.T) {
	cat, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for code, tm := range cat {
		if m := FrenchSpacing(tm.FR); m != "" {
			t.Errorf("[%s] fr: %q in %q: write a no-break space (U+00A0)", code, m, tm.FR)
		}
	}
	for _, c := range []struct {
		s  string
		ok bool
	}{{"clé\u00a0: x", true}, {"clé : x", false}, {"« x\u00a0»", false}, {"x ; y", false}, {"«\u00a0x\u00a0»\u00a0?", true}} {
		if got := FrenchSpacing(c.s) == ""; got != c.ok {
			t.Errorf("the check passes %q: %v, want %v", c.s, got, c.ok)
		}
	}
}

// TestPlanErrorsInFrench: a plan error renders in French with its
// arguments in place, and in English exactly as Error() words it.
func TestPlanErrorsInFrench(t *testing.T) {
	_, err := plan.Decode("p.toml", []byte("format = 1\n[plan]\nname = \"x\"\nstart = 2027-01-04\nmonths = 61\nbudgte = \"1\"\n"))
	var list plan.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("Decode: %v, want errors", err)
	}
	for _, e := range list {
		fr := Text(e.Msg, plan.LangFR, "")
		en := Text(e.Msg, plan.LangEN, "")
		if en != e.Msg.String() {
			t.Errorf("English %q, want Error()'s words %q", en, e.Msg.String())
		}
		if fr == en || leftOver.MatchString(fr) {
			t.Errorf("French %q (English %q)", fr, en)
		}
	}
	want := "clé «\u00a0budgte\u00a0» inconnue dans [plan]\u00a0; vouliez-vous dire «\u00a0budget\u00a0»\u00a0?"
	found := false
	for _, e := range list {
		found = found || Text(e.Msg, plan.LangFR, "") == want
	}
	if !found {
		t.Errorf("no error reads %q in %v", want, list)
	}
}

// TestErrorInNamesThePlace: an error without a line (a plan built in the
// app) names the channel and the figure in words, never the key path.
func TestErrorInNamesThePlace(t *testing.T) {
	p := plan.New("Plan", "Boutique", plan.LangFR, plan.NewDate(2027, 2, 1))
	c, _ := plan.DefaultLibrary().Prefill(plan.Email, "")
	c.ID, c.Name = "mailing", "Mailing"
	c.ConversionRate = decimal.RequireFromString("1.5")
	p.Channels = []plan.Channel{c}
	errs := plan.Validate(p)
	if len(errs) != 1 || errs[0].Path != "channels[0].conversion_rate" {
		t.Fatalf("Validate: %v", errs)
	}
	fr := ErrorIn(errs[0], p, plan.LangFR)
	en := ErrorIn(errs[0], p, plan.LangEN)
	if want := "canal «\u00a0Mailing\u00a0» (Taux de conversion)\u00a0: "; !strings.HasPrefix(fr, want) {
		t.Errorf("French %q, want it to start %q", fr, want)
	}
	if want := "channel \"Mailing\" (Conversion rate): "; !strings.HasPrefix(en, want) {
		t.Errorf("English %q, want it to start %q", en, want)
	}
	if strings.Contains(fr+en, "channels[") {
		t.Errorf("a key path is shown: %q / %q", fr, en)
	}
	// With a line, the place is the line: as Error.
	errs[0].File, errs[0].Line, errs[0].Col = "p.toml", 12, 1
	if got := ErrorIn(errs[0], p, plan.LangEN); got != errs[0].Error() {
		t.Errorf("with a line: %q, want %q", got, errs[0].Error())
	}
}
