package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The refused file's dialog says what was refused, counts the problems
// when there are several and lists them, selectable, in a scroll; one
// problem is not counted.
func TestProblemsBody(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		lines []string
		count bool
	}{
		{[]string{"line 2: a", "line 5: b"}, true},
		{[]string{"line 2: a"}, false},
	} {
		b := ProblemsBody("“x.csv” was not imported: nothing was changed.", c.lines).(*fyne.Container)
		var head, list *widget.Label
		for _, o := range b.Objects {
			switch o := o.(type) {
			case *widget.Label:
				head = o
			case *container.Scroll:
				list = o.Content.(*widget.Label)
			}
		}
		if head == nil || list == nil {
			t.Fatalf("%d lines: no head or no list in %#v", len(c.lines), b.Objects)
		}
		if !strings.HasPrefix(head.Text, "“x.csv” was not imported") || strings.Contains(head.Text, "\n") != c.count {
			t.Errorf("%d lines: head %q", len(c.lines), head.Text)
		}
		if list.Text != strings.Join(c.lines, "\n") || !list.Selectable || list.Wrapping != fyne.TextWrapWord {
			t.Errorf("%d lines: list %q selectable %v", len(c.lines), list.Text, list.Selectable)
		}
	}
}
