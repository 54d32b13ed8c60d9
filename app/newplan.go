package app

import (
	"time"

	"campaignsim/app/widgets"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// template is one choice of the New dialog: an empty plan or an example.
type template struct {
	name  string // example name; "" for the empty plan
	title string // what the list shows first
	info  string // the second line
}

// templates lists the empty plan then the embedded examples, bakery first.
func templates() []template {
	list := []template{{title: lang.L("Empty plan"), info: lang.L("Start from scratch: add your channels and your budget.")}}
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			continue
		}
		who := p.Business.Name
		if who == "" {
			who = name
		}
		list = append(list, template{name: name, title: lang.L("Example: {{.Name}}", map[string]any{"Name": who}), info: p.Info.Title})
	}
	return list
}

// showNewDialog offers the templates; the chosen one opens as an untitled
// plan, bound to no file.
func (u *UI) showNewDialog() {
	list := templates()
	chosen := 0
	l := widget.NewList(
		func() int { return len(list) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("")
			t.TextStyle.Bold = true
			i := widget.NewLabel("")
			i.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(t, i)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(list[id].title)
			box.Objects[1].(*widget.Label).SetText(list[id].info)
		})
	l.Select(0)
	var d *dialog.ConfirmDialog
	l.OnSelected = func(id widget.ListItemID) { chosen = id }
	d = dialog.NewCustomConfirm(lang.L("New plan"), lang.L("Create"), lang.L("Cancel"), l, func(ok bool) {
		if ok {
			u.newFromTemplate(list[chosen].name)
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// newFromTemplate opens the example name ("" for the empty plan) as a new
// untitled plan.
func (u *UI) newFromTemplate(name string) {
	u.edited = false
	if name == "" {
		u.doc.Replace(widgets.EmptyPlan(time.Now()), "", false)
		return
	}
	u.openExample(name)
}
