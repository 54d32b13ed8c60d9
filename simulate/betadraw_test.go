package simulate

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// betaDraw gives the very bits of gonum's distuv.Beta.Rand, draw after
// draw, from the same source: the Monte Carlo's results do not change.
func TestBetaDrawIsGonums(t *testing.T) {
	params := []float64{1, 1 + 1e-12, 1.2, 4.999, 5, 3, 0.5, 0.1, 0.25, 2.5}
	gen := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		params = append(params, 1+4*gen.Float64())
	}
	for _, a := range params {
		for _, b := range params {
			want := distuv.Beta{Alpha: a, Beta: b, Src: rand.NewPCG(11, 12)}
			d := newBetaDraw(a, b)
			rnd := rand.New(rand.NewPCG(11, 12))
			for i := range 300 {
				w, g := want.Rand(), d.rand(rnd)
				if math.Float64bits(w) != math.Float64bits(g) {
					t.Fatalf("Beta(%v, %v) draw %d: %v, gonum %v", a, b, i, g, w)
				}
			}
		}
	}
}

// BenchmarkBetaDraw: one PERT draw (α, β = 2.2, 3.8), as the Monte Carlo
// makes 240 000 of for BenchmarkUncertainty10Channels10k.
func BenchmarkBetaDraw(b *testing.B) {
	d := newBetaDraw(2.2, 3.8)
	rnd := rand.New(rand.NewPCG(1, 2))
	s := 0.0
	for b.Loop() {
		s += d.rand(rnd)
	}
	_ = s
}

// BenchmarkBetaGonum is BenchmarkBetaDraw with distuv.Beta.Rand.
func BenchmarkBetaGonum(b *testing.B) {
	d := distuv.Beta{Alpha: 2.2, Beta: 3.8, Src: rand.NewPCG(1, 2)}
	s := 0.0
	for b.Loop() {
		s += d.Rand()
	}
	_ = s
}
