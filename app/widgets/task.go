package widgets

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Task runs one view's background work, the one way the app does it
// (ARCHITECTURE.md "Threading"): every Start gets a new sequence number
// and cancels the work started before it; the work runs off the UI
// goroutine; what it hands back is posted to the UI goroutine and run
// there only if no Start or Cancel came after it. A view that touches its
// widgets only in those posted functions and in its own handlers needs no
// mutex: both run on the UI goroutine (in the tests, on the test's own
// goroutine when Post queues and the test drains the queue).
//
// The zero Task is ready to use: fyne.Do posts, `go f()` runs the work,
// time.AfterFunc waits the Delay. Its methods may be called from any
// goroutine.
type Task struct {
	// Post runs f on the UI goroutine (nil: fyne.Do). Tests set a queue
	// they drain when they choose.
	Post func(f func())
	// Go runs f off the UI goroutine (nil: `go f()`). Tests may queue f.
	Go func(f func())
	// Delay is how long Start waits before the work begins; a Start within
	// that time replaces the waiting one (a debounce). Zero: at once.
	Delay time.Duration
	// After calls f once d has passed and returns a function that stops
	// the wait (nil: time.AfterFunc). Tests replace it with a clock of
	// their own.
	After func(d time.Duration, f func()) (stop func() bool)

	mu      sync.Mutex
	seq     int
	cancel  context.CancelFunc
	stop    func() bool // stops the wait of a delayed Start
	pending bool        // the latest Start has not delivered yet
	wg      sync.WaitGroup
}

// Start begins new work and returns its sequence number. The previous
// work's context is cancelled and whatever it still hands back is
// dropped. work runs off the UI goroutine with a context that is cancelled
// by the next Start or Cancel; the function it returns (nil: nothing) is
// run on the UI goroutine, unless a newer Start or a Cancel came
// meanwhile.
func (t *Task) Start(work func(ctx context.Context) func()) int {
	return t.StartAfter(t.Delay, work)
}

// StartAfter is Start with a delay of its own instead of t.Delay (for a
// view whose debounce may change while it runs).
func (t *Task) StartAfter(delay time.Duration, work func(ctx context.Context) func()) int {
	ctx, cancel := context.WithCancel(context.Background())
	t.mu.Lock()
	t.stopLocked()
	t.seq++
	seq := t.seq
	t.cancel = cancel
	t.pending = true
	t.wg.Add(1) // released when the work ends or its wait is stopped
	run := func() {
		t.goRun(func() {
			defer t.wg.Done()
			defer cancel()
			done := work(ctx)
			t.Send(seq, func() {
				t.mu.Lock()
				if t.seq == seq {
					t.pending = false
				}
				t.mu.Unlock()
				if done != nil {
					done()
				}
			})
		})
	}
	if delay <= 0 {
		t.mu.Unlock()
		run()
		return seq
	}
	after := t.After
	if after == nil {
		after = func(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }
	}
	var once sync.Once
	started := func() {
		once.Do(func() {
			t.mu.Lock()
			current := t.seq == seq
			t.mu.Unlock()
			if !current {
				t.wg.Done()
				return
			}
			run()
		})
	}
	stop := after(delay, started)
	t.stop = func() bool {
		if stop() {
			once.Do(t.wg.Done) // the work will never start
			return true
		}
		return false
	}
	t.mu.Unlock()
	return seq
}

// Send posts f to the UI goroutine and runs it there if seq is still the
// latest Start (for progress reports from within the work).
func (t *Task) Send(seq int, f func()) {
	post := t.Post
	if post == nil {
		post = fyne.Do
	}
	post(func() {
		if t.Current(seq) {
			f()
		}
	})
}

// Current reports whether seq is the latest Start and no Cancel came
// after it.
func (t *Task) Current(seq int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.seq == seq
}

// Cancel stops the latest work: a delayed Start that has not begun never
// does, the running work's context is cancelled and what it hands back is
// dropped.
func (t *Task) Cancel() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopLocked()
	t.seq++
	t.pending = false
}

// Running reports whether the latest Start has not delivered yet (it
// waits, runs, or its result is posted but not run).
func (t *Task) Running() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pending
}

// Wait cancels nothing: it waits until no work of t runs any more (a view
// that closes, a test that ends). Call Cancel first to make it quick.
func (t *Task) Wait() { t.wg.Wait() }

// stopLocked stops a delayed Start and cancels the running work; t.mu is
// held.
func (t *Task) stopLocked() {
	if t.stop != nil {
		t.stop()
		t.stop = nil
	}
	if t.cancel != nil {
		t.cancel()
		t.cancel = nil
	}
}

func (t *Task) goRun(f func()) {
	if t.Go != nil {
		t.Go(f)
		return
	}
	go f()
}
