package display

import (
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate"

	"github.com/shopspring/decimal"
)

// TestValue checks the one way a value of a metric is shown: a figure in
// its unit, a money input that is no figure with its fractions of a cent
// (a cost per message of 0,004 € does not read "0,00 €"), a count input,
// and an undefined value, in both languages.
func TestValue(t *testing.T) {
	tests := []struct {
		name string
		v    decimal.NullDecimal
		lang plan.Language
		want string
	}{
		{"cpa", decimal.NewNullDecimal(d("249.356")), fr, "249,36\u00a0€"},
		{"cpa", decimal.NewNullDecimal(d("249.356")), en, "€249.36"},
		{"roi", decimal.NewNullDecimal(d("0.227")), fr, "22,7\u202f%"},
		{"roi", decimal.NewNullDecimal(d("0.227")), en, "22.7%"},
		{"cost_per_message", decimal.NewNullDecimal(d("0.004")), fr, "0,004\u00a0€"},
		{"cost_per_message", decimal.NewNullDecimal(d("0.004")), en, "€0.004"},
		{"open_rate", decimal.NewNullDecimal(d("0.3")), fr, "30,0\u202f%"},
		{"list_size", decimal.NewNullDecimal(d("12345")), en, "12,345"},
		{"cpa", decimal.NullDecimal{}, fr, Undefined},
		{"cost_per_message", decimal.NullDecimal{}, en, Undefined},
	}
	for _, tt := range tests {
		if got := Value(tt.name, tt.v, "EUR", tt.lang); got != tt.want {
			t.Errorf("Value(%s, %v, %s) = %q, want %q", tt.name, tt.v, tt.lang, got, tt.want)
		}
	}
}

// TestAdvice checks the words of a recommendation, written here from the
// catalog (assets/i18n/messages/analyze.toml): its head, its line with the
// lever and the source, the source note, in both languages, for a channel
// and for the whole plan.
func TestAdvice(t *testing.T) {
	lever := plan.Lever{ID: "tighten", FR: "resserrer la cible", EN: "tighten the targeting"}
	channel := simulate.Advice{Who: "Bannières", Recommendation: simulate.Recommendation{
		Channel: "ads", KPI: "cpa", Value: d("249.356"), Benchmark: d("136.96"), Lever: lever,
		Source: "Cours de marketing, 2024", SourceEN: "Marketing course, 2024"}}
	whole := simulate.Advice{Recommendation: simulate.Recommendation{
		KPI: "cost_per_message", Value: d("0.012"), Benchmark: d("0.004")}}
	below := simulate.Advice{Who: "Newsletter", Recommendation: simulate.Recommendation{
		KPI: "open_rate", Value: d("0.12"), Benchmark: d("0.2"), Below: true, Lever: lever}}

	tests := []struct {
		what string
		got  string
		want string
	}{
		{"head fr", AdviceHead(channel, "EUR", fr), "Bannières — CPA 249,36\u00a0€, au-dessus du repère 136,96\u00a0€"},
		{"head en", AdviceHead(channel, "EUR", en), "Bannières — CPA €249.36, above the benchmark €136.96"},
		{"line fr", AdviceLine(channel, "EUR", fr),
			"Bannières — CPA 249,36\u00a0€, au-dessus du repère 136,96\u00a0€\u00a0: resserrer la cible (source\u00a0: Cours de marketing, 2024)"},
		{"line en", AdviceLine(channel, "EUR", en),
			"Bannières — CPA €249.36, above the benchmark €136.96: tighten the targeting (source: Marketing course, 2024)"},
		{"source fr", AdviceSource(channel, fr), "Source\u00a0: Cours de marketing, 2024"},
		{"source en", AdviceSource(channel, en), "Source: Marketing course, 2024"},
		{"no source", AdviceSource(whole, fr), ""},
		{"whole plan fr", AdviceLine(whole, "EUR", fr), "Plan entier — Coût par message 0,012\u00a0€, au-dessus du repère 0,004\u00a0€"},
		{"whole plan en", AdviceLine(whole, "EUR", en), "Whole plan — Cost per message €0.012, above the benchmark €0.004"},
		{"below fr", AdviceLine(below, "EUR", fr), "Newsletter — Taux d'ouverture 12,0\u202f%, sous le repère 20,0\u202f%\u00a0: resserrer la cible"},
		{"below en", AdviceLine(below, "EUR", en), "Newsletter — Open rate 12.0%, below the benchmark 20.0%: tighten the targeting"},
		{"side fr", BenchmarkSide(true, fr), "sous le repère"},
		{"side en", BenchmarkSide(false, en), "above the benchmark"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.what, tt.got, tt.want)
		}
	}
}

// TestFigureOf: a result's figure by its name, in its unit; a name that is
// no figure shows Undefined.
func TestFigureOf(t *testing.T) {
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(p)
	if err != nil {
		t.Fatal(err)
	}
	// the bakery's cost: the sum of its channels' costs, shown as money
	cost := decimal.Zero
	for _, c := range r.Channels {
		cost = cost.Add(c.Figures.Cost.Decimal)
	}
	if got, want := FigureOf("cost", r.Totals, "EUR", plan.LangFR), Money(cost, "EUR", plan.LangFR); got != want {
		t.Errorf("FigureOf(cost) = %q, want %q", got, want)
	}
	if got := FigureOf("no-such-figure", r.Totals, "EUR", plan.LangEN); got != Undefined {
		t.Errorf("FigureOf(no-such-figure) = %q, want %q", got, Undefined)
	}
}
