package display_test

import (
	"fmt"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate"
	"campaignsim/simulate/display"

	"github.com/shopspring/decimal"
)

// visible shows the French no-break spaces so that the examples can be
// read: U+202F as "_" and U+00A0 as "~".
func visible(s string) string {
	return strings.NewReplacer("\u202f", "_", "\u00a0", "~").Replace(s)
}

func ExampleMoney() {
	v := decimal.RequireFromString("-1234.565")
	fmt.Println(visible(display.Money(v, "EUR", plan.LangFR)))
	fmt.Println(display.Money(v, "EUR", plan.LangEN))
	fmt.Println(display.Money(v, "CHF", plan.LangEN))
	fmt.Println(display.Money(v, "JPY", plan.LangEN))
	// Output:
	// -1_234,57~€
	// -€1,234.57
	// -CHF 1,234.57
	// -¥1,235
}

func ExamplePercent() {
	v := decimal.RequireFromString("0.22705")
	fmt.Println(visible(display.Percent(v, plan.LangFR)))
	fmt.Println(display.Percent(v, plan.LangEN))
	// Output:
	// 22,7_%
	// 22.7%
}

func ExampleCount() {
	v := decimal.RequireFromString("12345.5")
	fmt.Println(visible(display.Count(v, plan.LangFR)))
	fmt.Println(display.Count(v, plan.LangEN))
	// Output:
	// 12_346
	// 12,346
}

func ExampleMultiple() {
	fmt.Println(display.Multiple(decimal.RequireFromString("2.345"), plan.LangFR))
	// Output: 2,35×
}

func ExampleFigure() {
	spec, _ := simulate.SpecOf("cpa")
	fmt.Println(display.Figure(spec, decimal.NullDecimal{}, "EUR", plan.LangFR))
	fmt.Println(display.Figure(spec, decimal.NewNullDecimal(decimal.RequireFromString("13.5")), "EUR", plan.LangEN))
	// Output:
	// —
	// €13.50
}

func ExampleLabel() {
	fmt.Println(display.Label("break_even_cpa", plan.LangFR))
	fmt.Println(display.Label("break_even_cpa", plan.LangEN))
	// Output:
	// CPA d'équilibre
	// Break-even CPA
}

func ExampleDate() {
	d := plan.NewDate(2027, 1, 4)
	fmt.Println(display.Date(d, plan.LangFR))
	fmt.Println(display.Date(d, plan.LangEN))
	// Output:
	// 04/01/2027
	// 2027-01-04
}

func ExampleDecimal() {
	v := decimal.RequireFromString("1234.565")
	fmt.Println(visible(display.Decimal(v, 2, plan.LangFR)))
	fmt.Println(display.Decimal(v, 2, plan.LangEN))
	// Output:
	// 1_234,57
	// 1,234.57
}

func ExampleMoneyExact() {
	fmt.Println(visible(display.MoneyExact(decimal.RequireFromString("0.001"), "EUR", plan.LangFR)))
	// Output: 0,001~€
}
