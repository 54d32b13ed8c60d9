package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// ProblemsBody is the body of the dialog that refuses a file: head (what
// was refused, "“X” was not imported: nothing was changed."), then, when
// there are several, how many problems lines holds, then the lines (as
// LoadErrorLines writes them) in a scrollable list the user can select and
// copy.
func ProblemsBody(head string, lines []string) fyne.CanvasObject {
	if len(lines) > 1 {
		head += "\n" + lang.L("{{.N}} problems to fix in the file:", map[string]any{"N": len(lines)})
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	headL := widget.NewLabel(head)
	headL.Wrapping = fyne.TextWrapWord
	return container.NewBorder(headL, nil, nil, nil, container.NewVScroll(text))
}

// ShowProblems shows ProblemsBody(head, lines) in a dialog titled title
// over win, with Close.
func ShowProblems(win fyne.Window, title, head string, lines []string) {
	d := dialog.NewCustom(title, lang.L("Close"), ProblemsBody(head, lines), win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}
