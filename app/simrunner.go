package app

import (
	"sync"
	"time"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
)

// DefaultDebounce is how long the runner waits after the last edit before
// it simulates: long enough to skip the keystrokes of a number being typed,
// short enough to feel immediate.
const DefaultDebounce = 150 * time.Millisecond

// SimRunner simulates the plan in the background after every change. It
// waits Debounce after the last Schedule, runs simulate.RunAll in a
// goroutine and hands the results to Deliver on the UI goroutine (through
// fyne.Do), only if they are for the latest version scheduled: results of
// an older version are dropped. Schedule never blocks.
type SimRunner struct {
	// Debounce is the quiet time after the last Schedule before a run.
	Debounce time.Duration
	// Deliver receives the results of the latest version, or the error
	// RunAll returned for it, on the UI goroutine. Set it before the first
	// Schedule, or later with SetDeliver.
	Deliver func(r *widgets.Results, err error)
	// run is the simulation (simulate.RunAll; replaced in tests).
	run func(plan.Plan) ([]simulate.Result, error)

	mu     sync.Mutex
	latest int
	timer  *time.Timer
}

// NewSimRunner returns a runner with DefaultDebounce that calls deliver.
func NewSimRunner(deliver func(r *widgets.Results, err error)) *SimRunner {
	return &SimRunner{Debounce: DefaultDebounce, Deliver: deliver, run: simulate.RunAll}
}

// Schedule asks for the simulation of p, the plan at version. An earlier
// request that has not started yet is cancelled; one that is running
// finishes but its results are dropped. p must not be modified afterwards
// (plan values are never modified in place in this app).
func (s *SimRunner) Schedule(version int, p plan.Plan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latest = version
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(s.Debounce, func() { s.compute(version, p) })
}

// SetDeliver replaces Deliver safely while runs may be under way.
func (s *SimRunner) SetDeliver(fn func(r *widgets.Results, err error)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Deliver = fn
}

// Latest returns the version last scheduled.
func (s *SimRunner) Latest() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.latest
}

// Stop cancels a run that has not started yet.
func (s *SimRunner) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	s.latest = -1
}

// compute runs on the timer's goroutine: the UI goroutine is never blocked.
func (s *SimRunner) compute(version int, p plan.Plan) {
	if s.Latest() != version {
		return // a newer edit came in before the timer fired
	}
	all, err := s.run(p)
	var r *widgets.Results
	if err == nil && len(all) > 0 {
		r = &widgets.Results{Version: version, Base: all[0], Scenarios: all}
	}
	fyne.Do(func() {
		s.mu.Lock()
		latest, deliver := s.latest, s.Deliver
		s.mu.Unlock()
		if latest != version {
			return // stale: the plan changed while it ran
		}
		if deliver != nil {
			deliver(r, err)
		}
	})
}
