package apptest

import (
	"os"
	"sync"
	"testing"

	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// NewTestApp makes the test's own Fyne app on the test driver and sets
// the language every test depends on, so that no test leans on what an
// earlier one left behind (go test -count=N, any order): text is the
// language of the translated texts ("en": the English keys as they are,
// "fr"), numbers the language numbers are written in (widgets.Lang). Fyne's
// language, widgets.Lang and the locale environment are put back at the end.
func NewTestApp(t testing.TB, text string, numbers plan.Language) fyne.App {
	t.Helper()
	for _, env := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v, ok := os.LookupEnv(env); ok {
			t.Setenv(env, v) // restored at the end
		} else {
			t.Setenv(env, "")
			_ = os.Unsetenv(env)
		}
	}
	// the user's own benchmarks (the Repères screen reads them from the
	// configuration folder): none, whoever runs the tests
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := test.NewTempApp(t)
	prev := widgets.Lang()
	widgets.SetupLanguage(text)
	widgets.SetLang(numbers)
	t.Cleanup(func() {
		widgets.SetLang(prev)
		_ = lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale(prev))
	})
	return a
}

// WorkQueue stands, in the tests, for the function that runs background
// work off the UI goroutine (a widgets.Task's Go or Post, UI.goWork,
// tracking.View's goWork):
// the background work is queued and run by drain on the test's own
// goroutine, so the test decides when it happens and no goroutine of the
// test touches widgets (the test driver runs fyne.Do at once, on the
// calling goroutine).
type WorkQueue struct {
	mu   sync.Mutex
	jobs []func()
}

// Run queues f (the function a view calls to start background work).
func (q *WorkQueue) Run(f func()) {
	q.mu.Lock()
	q.jobs = append(q.jobs, f)
	q.mu.Unlock()
}

// Drain runs the queued work, including work queued meanwhile, and
// returns how many jobs ran.
func (q *WorkQueue) Drain() int {
	n := 0
	for {
		q.mu.Lock()
		if len(q.jobs) == 0 {
			q.mu.Unlock()
			return n
		}
		f := q.jobs[0]
		q.jobs = q.jobs[1:]
		q.mu.Unlock()
		f()
		n++
	}
}

// Pending returns how many jobs wait.
func (q *WorkQueue) Pending() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.jobs)
}

// findButton returns the button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// TapIn taps the button labelled text in the topmost overlay (dialog)
// of c that has one, as the user would.
func TapIn(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	ov := c.Overlays().List()
	for i := len(ov) - 1; i >= 0; i-- {
		if b := findButton(ov[i], text); b != nil {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialogs shown", text)
}
