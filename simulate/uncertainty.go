package simulate

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultRuns is the number of Monte Carlo runs when neither the options
// nor the plan's [simulation] table give one.
const DefaultRuns = 10000

// DefaultBins is the number of histogram bins of a Distribution.
const DefaultBins = 30

// uncertaintyBlock is the number of runs drawn from one random source:
// block b of a seed s draws from rand.NewPCG(s, b), whichever worker runs
// it, so the results of a seed do not depend on the number of workers.
const uncertaintyBlock = 256

// UncertaintyFigures lists the figures Uncertainty summarises, in the
// order of UncertaintyResult.Figures (and of FORMAT.md's JSON).
var UncertaintyFigures = []string{"customers", "revenue", "gross_margin", "net_profit", "roi", "cpa"}

// UncertaintyOptions tune a Monte Carlo simulation. The zero value uses
// the plan's [simulation] settings and every core.
type UncertaintyOptions struct {
	// Runs is the number of draws; 0 takes the plan's [simulation] runs,
	// or DefaultRuns when the plan has none.
	Runs int
	// Seed, when not nil, replaces the plan's [simulation] seed.
	Seed *int64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// The result of a seed is the same for every number of workers.
	Workers int
	// Bins is the number of histogram bins; 0 means DefaultBins.
	Bins int
	// Progress, when not nil, is told how many runs are done out of how
	// many, after each block of runs. It is called from the worker
	// goroutines, one call at a time, with done increasing; it must be
	// quick (a GUI should hand the numbers over with fyne.Do).
	Progress func(done, total int)
	// ChancesOnly computes only the objectives' chances (with Runs and
	// Seed): no figure is read in the runs, Base is zero and Figures is
	// nil, so no decimal run, quantile sort nor histogram is done. The
	// chances are those of the full computation for the same seed. Grading
	// and the results pane's chances need nothing else.
	ChancesOnly bool
}

// UncertaintyResult is the summary of a Monte Carlo simulation.
type UncertaintyResult struct {
	Runs int   // number of runs drawn
	Seed int64 // seed of the generator
	// Base are the plan's deterministic totals (the decimal engine, every
	// input at its plan value), for comparison.
	Base Figures
	// Figures are the distributions of UncertaintyFigures, in that order.
	Figures []Distribution
	// Objectives are the chances of meeting each objective of the plan, in
	// the plan's order.
	Objectives []ObjectiveChance
}

// Figure returns the distribution of the named figure, and whether
// Uncertainty summarises it.
func (r UncertaintyResult) Figure(name string) (Distribution, bool) {
	for _, d := range r.Figures {
		if d.Name == name {
			return d, true
		}
	}
	return Distribution{}, false
}

// Distribution summarises one figure over the runs. P10, P50 and P90 are
// quantiles of type 7 (Hyndman and Fan; R's and NumPy's default): with the
// n defined values sorted x[0] ≤ … ≤ x[n−1] and h = (n−1)·p, the quantile
// is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). So 8 runs in 10 fall between
// P10 and P90. Values are rounded as Unit.Round says (money to cents).
//
// A run where the figure is undefined (cpa with no customer) is left out:
// Defined counts the runs summarised, Undefined those left out. When no
// run defines the figure, P10, P50, P90 and Mean are undefined and the
// histogram is empty.
type Distribution struct {
	Name                string // a name of UncertaintyFigures
	Unit                Unit
	P10, P50, P90, Mean decimal.NullDecimal
	Defined, Undefined  int
	Histogram           Histogram
}

// Histogram counts the defined values of a figure in equal-width bins
// between their minimum and maximum: bin i holds the values in
// [Edges[i], Edges[i+1]) (the last bin includes its upper edge), so
// len(Edges) = len(Counts) + 1. When every value is the same there is one
// bin, whose two edges are that value. Edges are rounded like the figure.
type Histogram struct {
	Edges  []decimal.Decimal
	Counts []int
}

// ObjectiveChance is the probability of meeting one objective: the share
// of runs whose value of the objective's metric at its deadline (the same
// reading as ObjectiveResult.Value) meets the target. A run where the
// value is undefined does not meet it.
type ObjectiveChance struct {
	ID     string
	Metric string
	// Probability is a fraction, 0..1, rounded to 6 places.
	Probability decimal.Decimal
}

// mcRange is one channel input drawn from PERT in every run.
type mcRange struct {
	ch        int
	slot      fastSlot
	low, span float64 // the draw is low + span × Beta(alpha, beta)
	alpha     float64
	beta      float64
	draw      betaDraw // draws Beta(alpha, beta)
}

// betaDraw draws from Beta(α, β) exactly as gonum's distuv.Beta.Rand does
// (the same draws from the source, the same operations, so the same bits:
// TestBetaDrawIsGonums), with what depends on α and β alone computed once
// instead of at every draw, and one rand.Rand for all the draws of a block
// instead of one per Gamma draw.
type betaDraw struct{ a, b gammaDraw }

// newBetaDraw prepares the draws of Beta(alpha, beta).
func newBetaDraw(alpha, beta float64) betaDraw {
	return betaDraw{newGammaDraw(alpha), newGammaDraw(beta)}
}

// rand returns a draw: Gamma(α)/(Gamma(α) + Gamma(β)), distuv.Beta.Rand.
func (d *betaDraw) rand(rnd *rand.Rand) float64 {
	ga := d.a.rand(rnd)
	gb := d.b.rand(rnd)
	return ga / (ga + gb)
}

// gammaDraw draws from Gamma(α, 1) as distuv.Gamma.Rand does: exponential
// for α = 1, Marsaglia–Tsang for α > 1 with d = α − 1/3 and
// c = 1/(3√d) precomputed. Other α (below 1, which PERT never gives) are
// left to distuv.Gamma itself.
type gammaDraw struct {
	alpha float64
	d, c  float64
}

func newGammaDraw(alpha float64) gammaDraw {
	d := alpha - 1.0/3
	return gammaDraw{alpha: alpha, d: d, c: 1 / (3 * math.Sqrt(d))}
}

func (g *gammaDraw) rand(rnd *rand.Rand) float64 {
	switch {
	case g.alpha == 1:
		return rnd.ExpFloat64() / 1
	case g.alpha > 1:
		// distuv.Gamma.Rand's Marsaglia–Tsang loop with m = 1 and b = 1:
		// m·d·v/b is d·v exactly.
		d, c := g.d, g.c
		for {
			x := rnd.NormFloat64()
			v := 1 + x*c
			if v <= 0.0 {
				continue
			}
			v = v * v * v
			u := rnd.Float64()
			if u < 1.0-0.0331*(x*x)*(x*x) {
				return d * v
			}
			if math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
				return d * v
			}
		}
	}
	return distuv.Gamma{Alpha: g.alpha, Beta: 1, Src: rnd}.Rand()
}

// PERT returns the PERT distribution over [low, high] with the given mode
// as the Beta distribution (gonum's distuv.Beta) it scales, with λ = 4:
// α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high − mode)/(high − low).
// A draw is low + (high − low)·Beta. Its mean is (low + 4·mode + high)/6.
// It needs low < high and low ≤ mode ≤ high; ok is false otherwise (a
// degenerate range low = high is the constant low).
func PERT(low, mode, high float64, src rand.Source) (b distuv.Beta, ok bool) {
	if !(low < high) || mode < low || mode > high {
		return distuv.Beta{}, false
	}
	w := high - low
	return distuv.Beta{Alpha: 1 + 4*(mode-low)/w, Beta: 1 + 4*(high-mode)/w, Src: src}, true
}

// Uncertainty runs the Monte Carlo simulation of MODEL.md on the plan p:
// in each run, every range of every channel is drawn independently from
// PERT (λ = 4) over [low, high] with the plan value as mode, and the plan
// is simulated with those inputs by a float64 mirror of the engine (see
// fast.go; MODEL.md allows float64 here); ranges with low = high are
// constant. It reports P10, P50, P90 and mean of UncertaintyFigures, their
// histograms and the probability of meeting each objective.
//
// Runs are drawn in blocks of 256 from random sources derived from (seed,
// block index), and the results are combined in run order: a seed gives
// the same result for any number of workers. A plan with no range gives
// P10 = P50 = P90 = mean = the deterministic value.
//
// It returns the plan's validation errors (a plan.ErrorList) when p is
// invalid, and ctx.Err() when ctx is cancelled before the end.
func Uncertainty(ctx context.Context, p plan.Plan, opt UncertaintyOptions) (UncertaintyResult, error) {
	if opt.ChancesOnly {
		if errs := plan.Validate(p); len(errs) > 0 {
			return UncertaintyResult{}, errs
		}
		return monteCarlo(ctx, p, opt)
	}
	if errs := plan.Validate(p); len(errs) > 0 {
		return UncertaintyResult{}, errs
	}
	// The base totals (RunWith's; no recommendations needed) are computed
	// beside the draws: the decimal run is serial, and would otherwise
	// leave every other core idle for its duration.
	var base Result
	var baseErr error
	baseDone := make(chan struct{})
	go func() {
		defer close(baseDone)
		base, baseErr = runScenario(p, BaseScenario, plan.Library{}, nil)
	}()
	res, err := monteCarlo(ctx, p, opt)
	<-baseDone
	if baseErr != nil {
		return UncertaintyResult{}, baseErr
	}
	res.Base = base.Totals
	return res, err
}

// monteCarlo is Uncertainty on a valid plan p without its Base totals
// (the decimal engine's, which Uncertainty and Analyze fill in): Analyze
// runs it beside the decimal engine, which computes those totals anyway.
func monteCarlo(ctx context.Context, p plan.Plan, opt UncertaintyOptions) (UncertaintyResult, error) {
	m, err := compileFast(p)
	if err != nil {
		return UncertaintyResult{}, err
	}
	runs := opt.Runs
	if runs <= 0 {
		runs = p.Simulation.Runs
	}
	if runs <= 0 {
		runs = DefaultRuns
	}
	seed := p.Simulation.Seed
	if opt.Seed != nil {
		seed = *opt.Seed
	}
	ranges, err := mcRanges(p, m)
	if err != nil {
		return UncertaintyResult{}, err
	}

	nFig, nObj := len(UncertaintyFigures), len(m.objs)
	if opt.ChancesOnly {
		nFig = 0
	}
	vals := make([][]float64, nFig) // per figure, per run; NaN when undefined
	for i := range vals {
		vals[i] = make([]float64, runs)
	}
	nBlocks := (runs + uncertaintyBlock - 1) / uncertaintyBlock
	met := make([]int32, nBlocks*nObj) // per block and objective
	months := objectiveMonths(m)

	figCodes := make([]fastFig, nFig) // UncertaintyFigures by code
	for f := range figCodes {
		figCodes[f] = fastFigCodes[UncertaintyFigures[f]]
	}
	objCodes, objMonth := make([]fastFig, nObj), make([]int, nObj) // each objective's figure and index in months
	for k, o := range m.objs {
		objCodes[k] = fastFigCodes[o.metric]
		objMonth[k], _ = slices.BinarySearch(months, o.month)
	}

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, nBlocks)
	var next atomic.Int64
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := m.newScratch()
			copy(s.in, m.base)
			pts := make([]fastPartsOf, len(months))
			src := rand.NewPCG(0, 0) // re-seeded for each block
			rnd := rand.New(src)
			for {
				if ctx.Err() != nil {
					return
				}
				b := int(next.Add(1) - 1)
				if b >= nBlocks {
					return
				}
				lo, hi := b*uncertaintyBlock, min((b+1)*uncertaintyBlock, runs)
				src.Seed(uint64(seed), uint64(b)) // rand.NewPCG(seed, b)
				for r := lo; r < hi; r++ {
					// The model reads s.in and never writes it, and every
					// run draws every range again: s.in needs the plan's
					// values only once (above).
					for i := range ranges {
						g := &ranges[i]
						s.in[g.ch][g.slot] = g.low + g.span*g.draw.rand(rnd)
					}
					m.run(s)
					var tot fastPartsOf
					if nFig > 0 {
						tot = m.parts(s, m.n)
						for f, code := range figCodes {
							v, ok := m.fastFigureOf(code, &tot)
							if !ok {
								v = math.NaN()
							}
							vals[f][r] = v
						}
					}
					for j, mo := range months {
						if mo == m.n && nFig > 0 {
							pts[j] = tot // the same parts
							continue
						}
						pts[j] = m.parts(s, mo)
					}
					for k := range m.objs {
						v, ok := m.fastFigureOf(objCodes[k], &pts[objMonth[k]])
						o := &m.objs[k]
						if ok && fastMet(v, o.target, o.atMost) {
							met[b*nObj+k]++
						}
					}
				}
				if opt.Progress != nil {
					mu.Lock()
					done += hi - lo
					opt.Progress(done, runs)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return UncertaintyResult{}, err
	}

	bins := opt.Bins
	if bins <= 0 {
		bins = DefaultBins
	}
	res := UncertaintyResult{Runs: runs, Seed: seed, Objectives: make([]ObjectiveChance, nObj)}
	if nFig > 0 {
		res.Figures = make([]Distribution, nFig)
	}
	var fwg sync.WaitGroup
	for f, name := range UncertaintyFigures[:nFig] {
		fwg.Add(1)
		go func() {
			defer fwg.Done()
			spec, _ := SpecOf(name)
			res.Figures[f] = summarise(name, spec.Unit, vals[f], bins)
		}()
	}
	fwg.Wait()
	for k, o := range p.Objectives {
		n := 0
		for b := 0; b < nBlocks; b++ {
			n += int(met[b*nObj+k])
		}
		res.Objectives[k] = ObjectiveChance{ID: o.ID, Metric: o.Metric,
			Probability: decimal.NewFromInt(int64(n)).DivRound(decimal.NewFromInt(int64(runs)), 6)}
	}
	return res, nil
}

// mcRanges lists the non-degenerate ranges of p's channels as draws on
// the fast model's inputs (degenerate ranges set the input to their value).
func mcRanges(p plan.Plan, m *fastModel) ([]mcRange, error) {
	var out []mcRange
	for ci, c := range p.Channels {
		for _, r := range c.Ranges {
			s, ok := fastSlots[r.Input]
			if !ok {
				return nil, fmt.Errorf("simulate: channel %q: %q cannot carry a range", c.ID, r.Input)
			}
			low, high := r.Low.InexactFloat64(), r.High.InexactFloat64()
			mode := m.base[ci][s.slot]
			if low == high {
				m.base[ci][s.slot] = low
				continue
			}
			b, ok := PERT(low, mode, high, nil)
			if !ok {
				return nil, fmt.Errorf("simulate: channel %q: %s = %g lies outside its range [%g, %g]", c.ID, r.Input, mode, low, high)
			}
			out = append(out, mcRange{ch: ci, slot: s.slot, low: low, span: high - low, alpha: b.Alpha, beta: b.Beta,
				draw: newBetaDraw(b.Alpha, b.Beta)})
		}
	}
	return out, nil
}

// objectiveMonths returns the distinct deadline months of m's objectives,
// sorted.
func objectiveMonths(m *fastModel) []int {
	var months []int
	for _, o := range m.objs {
		if !slices.Contains(months, o.month) {
			months = append(months, o.month)
		}
	}
	slices.Sort(months)
	return months
}

// fastMet reports whether value meets target in the direction; values
// within 1e-10 relative of the target count as equal (and so meet it):
// the float model is that close to the exact one, and an objective whose
// exact value is its target is met.
func fastMet(v, target float64, atMost bool) bool {
	tol := 1e-10 * math.Max(math.Abs(v), math.Abs(target))
	if atMost {
		return v <= target+tol
	}
	return v >= target-tol
}

// toDecimal converts a float of the fast model to a decimal for people:
// first to 12 significant digits (the float model agrees with the exact
// one far closer than that, so float noise such as 2.9999999999999996 is
// dropped), then rounded as unit u says.
func toDecimal(x float64, u Unit) decimal.Decimal {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.Zero
	}
	d := decimal.NewFromFloat(x)
	digits := 12 - int32(math.Floor(math.Log10(math.Abs(x)))+1)
	return u.Round(d.Round(digits))
}

// quantile7 is the type-7 quantile p of the sorted values x (len ≥ 1).
func quantile7(x []float64, p float64) float64 {
	h := float64(len(x)-1) * p
	lo := int(math.Floor(h))
	if lo >= len(x)-1 {
		return x[len(x)-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}

// quantiles7 returns the type-7 quantiles ps (ascending, in [0, 1]) of x
// (len ≥ 1, no NaN), as quantile7 gives them on x sorted, without sorting
// x: each needs only the order statistics h = ⌊(n−1)p⌋ and h+1, found by
// selection (selectKth), O(n) each instead of the O(n log n) of a sort.
// It reorders x.
func quantiles7(x []float64, ps ...float64) []float64 {
	out := make([]float64, len(ps))
	n := len(x)
	from := 0 // x[from:] holds the order statistics from..n−1
	for i, p := range ps {
		h := float64(n-1) * p
		lo := int(math.Floor(h))
		if lo >= n-1 {
			// the largest value
			selectKth(x[from:], n-1-from)
			out[i] = x[n-1]
			continue
		}
		selectKth(x[from:], lo-from)
		from = lo
		next := x[lo+1] // the smallest of x[lo+1:], all ≥ x[lo]
		for _, v := range x[lo+2:] {
			if v < next {
				next = v
			}
		}
		out[i] = x[lo] + (h-float64(lo))*(next-x[lo])
	}
	return out
}

// selectKth reorders x so that x[k] is the value it has once x is sorted,
// with x[i] ≤ x[k] for i < k and x[j] ≥ x[k] for j > k: quickselect with a
// median-of-three pivot and a three-way partition (runs of equal values
// cost nothing more), that falls back to sorting the part left after
// 2·log₂(n) + 8 rounds, so it is never quadratic.
func selectKth(x []float64, k int) {
	lo, hi := 0, len(x) // the k-th lies in x[lo:hi]
	budget := 2*bits.Len(uint(len(x))) + 8
	for hi-lo > 16 {
		if budget == 0 {
			slices.Sort(x[lo:hi])
			return
		}
		budget--
		a, b, c := x[lo], x[lo+(hi-lo)/2], x[hi-1]
		if a > b {
			a, b = b, a
		}
		if b > c {
			b = c
			if a > b {
				b = a
			}
		}
		pivot := b
		// Dutch flag: x[lo:lt] < pivot, x[lt:i] == pivot, x[gt:hi] > pivot.
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch v := x[i]; {
			case v < pivot:
				x[lt], x[i] = x[i], x[lt]
				lt++
				i++
			case v > pivot:
				gt--
				x[gt], x[i] = x[i], x[gt]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return // x[k] == pivot, in place
		}
	}
	slices.Sort(x[lo:hi])
}

// summarise computes the distribution of one figure from its values in
// run order (NaN where undefined).
func summarise(name string, u Unit, vals []float64, bins int) Distribution {
	d := Distribution{Name: name, Unit: u}
	x := make([]float64, 0, len(vals))
	sum := 0.0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if math.IsNaN(v) {
			d.Undefined++
			continue
		}
		x = append(x, v)
		sum += v
		lo, hi = min(lo, v), max(hi, v)
	}
	d.Defined = len(x)
	if len(x) == 0 {
		return d
	}
	mean := sum / float64(len(x))
	if lo == hi {
		mean = lo
	}
	mean = min(max(mean, lo), hi)
	nd := func(v float64) decimal.NullDecimal { return valid(toDecimal(v, u)) }
	q := quantiles7(x, 0.1, 0.5, 0.9)
	d.P10, d.P50, d.P90, d.Mean = nd(q[0]), nd(q[1]), nd(q[2]), nd(mean)
	if lo == hi {
		d.Histogram = Histogram{Edges: []decimal.Decimal{toDecimal(lo, u), toDecimal(hi, u)}, Counts: []int{len(x)}}
		return d
	}
	w := (hi - lo) / float64(bins)
	h := Histogram{Edges: make([]decimal.Decimal, bins+1), Counts: make([]int, bins)}
	for i := 0; i <= bins; i++ {
		e := lo + float64(i)*w
		if i == bins {
			e = hi
		}
		h.Edges[i] = toDecimal(e, u)
	}
	for _, v := range x {
		i := int((v - lo) / w)
		h.Counts[min(max(i, 0), bins-1)]++
	}
	d.Histogram = h
	return d
}
