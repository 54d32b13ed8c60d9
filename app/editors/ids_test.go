package editors

import (
	"testing"

	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// New items get ids in the plan's language, whatever the interface's:
// a print channel of a French plan was "print", a new objective
// "objective".
func TestNewItemsGetIDsInThePlansLanguage(t *testing.T) {
	for _, c := range []struct {
		lang                 plan.Language
		print, email, search string
		objective, second    string
	}{
		{plan.LangFR, "imprimes", "e-mailing", "liens-sponsorises", "objectif", "objectif-2"},
		{plan.LangEN, "print", "email", "paid-search", "objective", "objective-2"},
	} {
		p := bakery(t)
		p.Info.Language = c.lang
		p.Objectives = nil
		ed, rec, _ := newChannelsEditorTest(t, p) // English interface
		for k, want := range map[plan.Kind]string{plan.Print: c.print, plan.Email: c.email, plan.Search: c.search} {
			ed.onAdd()
			test.Tap(ed.kindButtons[k])
			got := rec.last(t)
			if id := got.Channels[len(got.Channels)-1].ID; id != want {
				t.Errorf("%s plan: new %s channel id %q, want %q", c.lang, k, id, want)
			}
			ed.Refresh(got, nil)
		}

		orec := &recorder{}
		w := test.NewTempWindow(t, nil)
		oe := NewObjectivesEditor(w, orec.edit)
		orec.panel = oe
		w.SetContent(oe.Widget())
		w.Resize(fyne.NewSize(1024, 768))
		oe.Refresh(p, nil)
		oe.onAdd()
		oe.onAdd()
		r := orec.last(t)
		if len(r.Objectives) != 2 || r.Objectives[0].ID != c.objective || r.Objectives[1].ID != c.second {
			t.Errorf("%s plan: new objective ids %+v, want %s, %s", c.lang, r.Objectives, c.objective, c.second)
		}
	}
	if !isPlaceholderObjectiveID("objectif-3") || !isPlaceholderObjectiveID("objective") || isPlaceholderObjectiveID("objectifs-du-trimestre") {
		t.Error("isPlaceholderObjectiveID")
	}
}
