package simulate

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// quantiles7 (selection) gives the values quantile7 gives on the sorted
// values, on shapes that trouble a quickselect: ties, sorted and reversed
// runs, a single value.
func TestQuantiles7IsSortedQuantile7(t *testing.T) {
	gen := rand.New(rand.NewPCG(5, 6))
	shapes := map[string]func(i, n int) float64{
		"uniform":  func(int, int) float64 { return gen.Float64()*200 - 100 },
		"ties":     func(int, int) float64 { return float64(gen.IntN(4)) },
		"sorted":   func(i, _ int) float64 { return float64(i) },
		"reversed": func(i, n int) float64 { return float64(n - i) },
		"equal":    func(int, int) float64 { return 3.5 },
		"organ":    func(i, n int) float64 { return float64(min(i, n-i)) },
		"zeros":    func(int, int) float64 { return []float64{0, math.Copysign(0, -1), 1}[gen.IntN(3)] },
	}
	ps := [][]float64{{0.1, 0.5, 0.9}, {0, 1}, {0.25, 0.25, 0.75}, {0.999, 1}}
	for name, shape := range shapes {
		for _, n := range []int{1, 2, 3, 5, 16, 17, 18, 33, 100, 1000, 10000} {
			x := make([]float64, n)
			for i := range x {
				x[i] = shape(i, n)
			}
			sorted := slices.Clone(x)
			slices.Sort(sorted)
			for _, p := range ps {
				got := quantiles7(slices.Clone(x), p...)
				for j, pj := range p {
					if want := quantile7(sorted, pj); got[j] != want {
						t.Errorf("%s, n = %d: quantile %g = %v by selection, %v sorted", name, n, pj, got[j], want)
					}
				}
			}
		}
	}
}

// BenchmarkSummarise10k: the summary of one figure over 10 000 runs.
func BenchmarkSummarise10k(b *testing.B) {
	gen := rand.New(rand.NewPCG(1, 2))
	vals := make([]float64, 10000)
	for i := range vals {
		vals[i] = 1000 + 100*gen.NormFloat64()
	}
	for b.Loop() {
		summarise("revenue", Money, vals, DefaultBins)
	}
}
