package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// withObjectives adds to p one objective per metric of plan.Metrics that is
// defined for its model, each with a deadline drawn from rng (inside the
// plan, after its end, or none).
func withObjectives(p plan.Plan, rng *rand.Rand) plan.Plan {
	p.Objectives = nil
	for i, metric := range plan.Metrics {
		if !FigureApplies(p, metric) {
			continue
		}
		o := plan.Objective{ID: fmt.Sprintf("o%d", i), Metric: metric, Target: decimal.New(rng.Int64N(1000), 0),
			Statement: "x", Purpose: "conversion", Direction: plan.AtLeast}
		if rng.IntN(4) == 0 {
			o.Direction = plan.AtMost
		}
		if rng.IntN(6) > 0 {
			o.Deadline = plan.DateOf(p.Info.Start.Time().AddDate(0, 0, rng.IntN(p.Info.Months*31+40)))
		}
		p.Objectives = append(p.Objectives, o)
	}
	return p
}

// fastAgrees checks the fast model of p against the decimal engine: every
// figure of the totals and every objective's value. Tolerance: 1e-9
// relative to the larger of the two values and of the figure's scale (the
// money that flows through the plan for money and ratios, the largest
// count for counts), since a difference such as net profit = margin − cost
// carries the rounding of its terms, not of its result.
func fastAgrees(t *testing.T, what string, p plan.Plan) {
	t.Helper()
	r, err := RunWith(p, plan.Library{})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	m, err := compileFast(p)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	s := m.newScratch()
	copy(s.in, m.base)
	m.run(s)
	// The Monte Carlo sets s.in once and then only its ranged slots:
	// the model must read its inputs and never write them.
	for i := range s.in {
		if s.in[i] != m.base[i] {
			t.Errorf("%s: the fast model changed the inputs of channel %d", what, i)
		}
	}
	tot := m.parts(s, m.n)
	money := math.Abs(tot.cost) + math.Abs(tot.revenue) + math.Abs(tot.cogs)
	counts := math.Max(math.Max(tot.exposures, tot.interactions), tot.customers)
	check := func(name string, want decimal.NullDecimal, got float64, ok bool, spec Spec) {
		t.Helper()
		if want.Valid != ok {
			t.Errorf("%s: %s defined %v in the engine (%s), %v in the fast model (%g)", what, name, want.Valid, want.Decimal, ok, got)
			return
		}
		if !ok {
			return
		}
		w := want.Decimal.InexactFloat64()
		scale := math.Max(math.Abs(w), math.Abs(got))
		switch spec.Unit {
		case Money:
			scale = math.Max(scale, money)
		case Count:
			scale = math.Max(scale, counts)
		case Rate, Multiple:
			scale = math.Max(scale, 1)
		}
		if math.Abs(w-got) > 1e-9*scale {
			t.Errorf("%s: %s = %s in the engine, %.17g in the fast model", what, name, want.Decimal, got)
		}
	}
	for _, spec := range FigureSpecs() {
		v, ok := m.fastFigure(spec.Name, &tot)
		check("totals."+spec.Name, spec.Get(r.Totals), v, ok, spec)
	}
	for i, o := range r.Objectives {
		fo := m.objs[i]
		pt := m.parts(s, fo.month)
		v, ok := m.fastFigure(fo.metric, &pt)
		spec, _ := SpecOf(o.Metric)
		check("objective "+o.ID+" ("+o.Metric+")", o.Value, v, ok, spec)
	}
}

func TestFastAgreesWithEngineExamples(t *testing.T) {
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		fastAgrees(t, name, p)
		fastAgrees(t, name+" with every metric", withObjectives(p, rand.New(rand.NewPCG(7, 7))))
	}
}

func TestFastAgreesWithEngineGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(2027, 11))
	count := 400
	if testing.Short() {
		count = 60
	}
	for i := 0; i < count; i++ {
		p := withObjectives(genPlan(rng), rng)
		fastAgrees(t, fmt.Sprintf("generated plan %d", i), p)
		if t.Failed() {
			t.Fatalf("plan %d: %+v", i, p)
		}
	}
	fastAgrees(t, "bench plan", withObjectives(benchPlan(), rng))
}

func TestFastRunAllocatesNothing(t *testing.T) {
	m, err := compileFast(withObjectives(benchPlan(), rand.New(rand.NewPCG(1, 1))))
	if err != nil {
		t.Fatal(err)
	}
	s := m.newScratch()
	allocs := testing.AllocsPerRun(100, func() {
		copy(s.in, m.base)
		s.in[0][fsConversionRate] *= 1.01
		m.run(s)
		for _, o := range m.objs {
			pt := m.parts(s, o.month)
			m.fastFigure(o.metric, &pt)
		}
	})
	if allocs != 0 {
		t.Errorf("a run allocates %v times, want 0", allocs)
	}
}
