package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Aide holds the glossary and the first-plan guide, not only "À propos";
// each opens over the window.
func TestHelpMenuOpensGlossaryAndGuide(t *testing.T) {
	s := newShellUI(t)
	menu := s.win.MainMenu()
	var items []*fyne.MenuItem
	for _, m := range menu.Items {
		if m.Label == lang.L("Help") {
			items = m.Items
		}
	}
	want := []string{lang.L("Glossary…"), lang.L("First plan…"), lang.L("About CampaignSim")}
	if len(items) != len(want) {
		t.Fatalf("Help menu has %d items, want %v", len(items), want)
	}
	for i, it := range items {
		if it.Label != want[i] {
			t.Errorf("item %d is %q, want %q", i, it.Label, want[i])
		}
	}
	for _, it := range items[:2] {
		before := len(s.win.Canvas().Overlays().List())
		it.Action()
		if after := len(s.win.Canvas().Overlays().List()); after != before+1 {
			t.Errorf("%q opened %d overlays", it.Label, after-before)
		}
		top := s.win.Canvas().Overlays().Top()
		if _, ok := top.(*widget.PopUp); !ok {
			t.Errorf("%q: top overlay %T", it.Label, top)
		}
		s.win.Canvas().Overlays().Remove(top)
	}
}

// A blank plan from Fichier → Nouveau opens the first-plan guide.
func TestEmptyPlanOpensTheGuide(t *testing.T) {
	s := newShellUI(t)
	before := len(s.win.Canvas().Overlays().List())
	s.newFromTemplate("")
	if after := len(s.win.Canvas().Overlays().List()); after != before+1 {
		t.Fatalf("%d overlays after a blank plan, want the guide", after-before)
	}
	s.win.Canvas().Overlays().Remove(s.win.Canvas().Overlays().Top())
	s.newFromTemplate("bakery")
	if after := len(s.win.Canvas().Overlays().List()); after != before {
		t.Errorf("an example opened %d overlays", after-before)
	}
}
