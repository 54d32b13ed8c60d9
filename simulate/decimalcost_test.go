package simulate

import (
	"testing"

	"github.com/shopspring/decimal"
)

// The cost of one exact decimal operation on the engine's values (24
// places, as after a rp or a ratio): the floor of BenchmarkRun10Channels
// is about the number of such operations a run makes times these.
var (
	costA = decimal.RequireFromString("1234.567890123456789012345678").Round(Precision)
	costB = decimal.RequireFromString("0.037500000000000000000000").Round(Precision)
	costI = decimal.NewFromInt(1500)
	costR decimal.Decimal
)

func BenchmarkDecimalAdd(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		costR = costA.Add(costB)
	}
}

// BenchmarkDecimalAddRescale adds an integer (exponent 0) to a value of 24
// places: the integer is rescaled first.
func BenchmarkDecimalAddRescale(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		costR = costA.Add(costI)
	}
}

func BenchmarkDecimalMul(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		costR = costA.Mul(costB)
	}
}

// BenchmarkDecimalMulRound is rp(a·b), a funnel stage.
func BenchmarkDecimalMulRound(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		costR = costA.Mul(costB).Round(Precision)
	}
}

// BenchmarkDecimalDivRound is a ratio of derive.
func BenchmarkDecimalDivRound(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		costR = costA.DivRound(costB, Precision)
	}
}

// BenchmarkSat is one saturation curve (sat: a division to 50 places and
// expm1's 27-term series), as the search, display, social and influencer
// channels each make once per run.
func BenchmarkSat(b *testing.B) {
	x, c := decimal.NewFromInt(514286), decimal.NewFromInt(45000)
	b.ReportAllocs()
	for b.Loop() {
		costR = sat(x, valid(c))
	}
}
