package app

import (
	"errors"
	"strings"
	"time"

	"campaignsim/app/widgets"
	"campaignsim/simulate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// casePrefix marks a template of the New dialog that is a course case:
// "case:bakery".
const casePrefix = "case:"

// exerciseTemplates lists the built-in course cases for the New dialog:
// "Exercice : Boulangerie Artisanale Dupont", beside the examples. The
// exercise opens the brief as a plan to complete, not the answer.
func exerciseTemplates() []template {
	var list []template
	l := widgets.Lang()
	for _, id := range simulate.CaseIDs() {
		c, err := simulate.BuiltinCase(id)
		if err != nil {
			continue
		}
		list = append(list, template{name: casePrefix + id,
			title: lang.L("Exercise: {{.Name}}", map[string]any{"Name": c.Title.In(l)}),
			info:  lang.L("The brief to complete: the case's objective, budget and months, no channel yet.")})
	}
	return list
}

// newExercise opens the starting plan of the case a template names (see
// casePrefix) as a new untitled plan, and reports whether name was a case.
func (u *UI) newExercise(name string) bool {
	id, ok := strings.CutPrefix(name, casePrefix)
	if !ok {
		return false
	}
	c, err := simulate.BuiltinCase(id)
	p, perr := simulate.StartingPlan(c)
	if err != nil || perr != nil {
		// The embedded cases decode (a test of simulate keeps them so):
		// this is a fault of the build, logged like a broken example.
		fyne.LogError("case "+id, errors.Join(err, perr))
		p = widgets.EmptyPlan(time.Now())
	}
	u.doc.Replace(p, "", false)
	return true
}
