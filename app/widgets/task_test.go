package widgets

import (
	"context"
	"testing"
	"time"
)

// queue stands for the UI goroutine (Post) or the background (Go): the
// test runs what was queued when it chooses, on its own goroutine.
type queue struct{ jobs []func() }

func (q *queue) add(f func()) { q.jobs = append(q.jobs, f) }

// drain runs the queued jobs, including those queued meanwhile.
func (q *queue) drain() int {
	n := 0
	for len(q.jobs) > 0 {
		f := q.jobs[0]
		q.jobs = q.jobs[1:]
		f()
		n++
	}
	return n
}

// clock is a fake After: the waits fire when the test calls fire.
type clock struct{ waits []*wait }

type wait struct {
	f       func()
	stopped bool
	fired   bool
}

func (c *clock) after(_ time.Duration, f func()) func() bool {
	w := &wait{f: f}
	c.waits = append(c.waits, w)
	return func() bool {
		if w.fired || w.stopped {
			return false
		}
		w.stopped = true
		return true
	}
}

// fire ends every wait not stopped yet.
func (c *clock) fire() {
	for _, w := range c.waits {
		if !w.stopped && !w.fired {
			w.fired = true
			w.f()
		}
	}
}

func newTestTask() (*Task, *queue, *queue) {
	ui, bg := &queue{}, &queue{}
	return &Task{Post: ui.add, Go: bg.add}, ui, bg
}

func TestTaskDeliversTheLatestOnly(t *testing.T) {
	task, ui, bg := newTestTask()
	var got []int
	first := task.Start(func(context.Context) func() { return func() { got = append(got, 1) } })
	second := task.Start(func(context.Context) func() { return func() { got = append(got, 2) } })
	if first == second {
		t.Fatalf("two Starts got the same sequence number %d", first)
	}
	if !task.Running() {
		t.Fatal("Running is false before the work ran")
	}
	if n := bg.drain(); n != 2 {
		t.Fatalf("%d jobs ran in the background, want 2 (both Starts run; the first one's result is dropped)", n)
	}
	ui.drain()
	if len(got) != 1 || got[0] != 2 {
		t.Fatalf("delivered %v, want only the latest [2]", got)
	}
	if task.Running() {
		t.Error("Running is still true after the latest work delivered")
	}
	task.Wait()
}

func TestTaskCancel(t *testing.T) {
	task, ui, bg := newTestTask()
	var ctxErr error
	delivered := false
	task.Start(func(ctx context.Context) func() {
		task.Cancel() // the user presses Cancel while it runs
		ctxErr = ctx.Err()
		return func() { delivered = true }
	})
	bg.drain()
	ui.drain()
	if ctxErr == nil {
		t.Error("the work's context was not cancelled by Cancel")
	}
	if delivered {
		t.Error("the result of a cancelled work was delivered")
	}
	if task.Running() {
		t.Error("Running is true after Cancel")
	}
	task.Wait()
}

func TestTaskSendDropsStaleProgress(t *testing.T) {
	task, ui, bg := newTestTask()
	var progress []int
	seq := task.Start(func(context.Context) func() { return nil })
	task.Send(seq, func() { progress = append(progress, seq) })
	task.Start(func(context.Context) func() { return nil })
	bg.drain()
	ui.drain()
	if len(progress) != 0 {
		t.Errorf("progress of an older Start was shown: %v", progress)
	}
	task.Wait()
}

func TestTaskDelayDebounces(t *testing.T) {
	task, ui, bg := newTestTask()
	c := &clock{}
	task.Delay, task.After = time.Second, c.after
	ran := 0
	for i := 0; i < 3; i++ { // three keystrokes within the delay
		task.Start(func(context.Context) func() { ran++; return nil })
	}
	if n := bg.drain(); n != 0 {
		t.Fatalf("%d jobs started before the delay passed", n)
	}
	c.fire()
	bg.drain()
	ui.drain()
	if ran != 1 {
		t.Fatalf("the work ran %d times for three Starts within the delay, want 1", ran)
	}
	// A Cancel during the wait: the work never starts, and Wait returns.
	task.Start(func(context.Context) func() { ran++; return nil })
	task.Cancel()
	c.fire()
	bg.drain()
	if ran != 1 {
		t.Errorf("a cancelled delayed Start ran")
	}
	task.Wait()
}

func TestTaskZeroValue(t *testing.T) {
	// The zero Task runs the work in a goroutine; fyne.Do without an app
	// cannot be used here, so Post only is set.
	done := make(chan int, 1)
	task := &Task{Post: func(f func()) { f() }}
	task.Start(func(context.Context) func() { return func() { done <- 1 } })
	task.Wait()
	if v := <-done; v != 1 {
		t.Fatal("no delivery")
	}
}
