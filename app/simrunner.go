package app

import (
	"context"
	"sync"
	"time"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate"
)

// DefaultDebounce is how long the runner waits after the last edit before
// it simulates: long enough to skip the keystrokes of a number being typed,
// short enough to feel immediate.
const DefaultDebounce = 150 * time.Millisecond

// SimRunner simulates the plan in the background after every change. It
// waits Debounce after the last Schedule, runs simulate.RunAll off the UI
// goroutine and hands the results to Deliver on the UI goroutine, only if
// they are for the latest version scheduled: results of an older version
// are dropped. Schedule never blocks. The sequence, the debounce, the
// cancelling and the posting back are widgets.Task's.
type SimRunner struct {
	// Debounce is the quiet time after the last Schedule before a run.
	Debounce time.Duration
	// Deliver receives the results of the latest version, or the error
	// RunAll returned for it, on the UI goroutine. Set it before the first
	// Schedule, or later with SetDeliver.
	Deliver func(r *widgets.Results, err error)
	// run is the simulation (simulate.RunAll; replaced in tests).
	run func(plan.Plan) ([]simulate.Result, error)

	mu     sync.Mutex // guards Debounce, Deliver and latest
	latest int
	task   widgets.Task
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
	s.latest = version
	delay := s.Debounce
	s.mu.Unlock()
	s.task.StartAfter(delay, func(ctx context.Context) func() {
		if ctx.Err() != nil {
			return nil
		}
		all, err := s.run(p)
		var r *widgets.Results
		if err == nil && len(all) > 0 {
			r = &widgets.Results{Version: version, Base: all[0], Scenarios: all}
		}
		return func() {
			s.mu.Lock()
			deliver := s.Deliver
			s.mu.Unlock()
			if deliver != nil {
				deliver(r, err)
			}
		}
	})
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

// Stop cancels a run that has not started yet and drops the results of
// one that is running.
func (s *SimRunner) Stop() {
	s.mu.Lock()
	s.latest = -1
	s.mu.Unlock()
	s.task.Cancel()
}
