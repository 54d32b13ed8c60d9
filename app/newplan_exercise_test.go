package app

import (
	"testing"
)

// TestNewOffersTheExercise: File → New lists "Exercice : Boulangerie
// Artisanale Dupont" right after the empty plan, before the examples (in
// view without scrolling); choosing it opens the case's
// starting plan (the brief, no channel) as an untitled plan, not the
// finished example.
func TestNewOffersTheExercise(t *testing.T) {
	s := newShellUI(t)
	list := templates()
	var found *template
	for i := range list {
		if list[i].title == "Exercice\u00a0: Boulangerie Artisanale Dupont" {
			found = &list[i]
		}
	}
	if found == nil {
		t.Fatalf("no exercise in the New dialog: %+v", list)
	}
	if list[1].name != found.name {
		t.Errorf("the exercise comes second, after the empty plan, not %q", list[1].name)
	}
	s.newFromTemplate(found.name)
	p := s.doc.Plan()
	if p.Info.Case != "bakery" || len(p.Channels) != 0 || len(p.Objectives) != 1 || s.doc.Path() != "" {
		t.Errorf("opened case %q, %d channels, %d objectives, path %q", p.Info.Case, len(p.Channels), len(p.Objectives), s.doc.Path())
	}
}
