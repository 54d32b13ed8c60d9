package app

import (
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

func shellBakery(t testing.TB) plan.Plan {
	t.Helper()
	p, err := plan.Example("bakery")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// shellWithBudget returns a copy of p with the plan budget set to amount.
func shellWithBudget(p plan.Plan, amount string) plan.Plan {
	q := p.Clone()
	q.Info.Budget = decimal.RequireFromString(amount)
	return q
}

func TestDocumentUndoRedoDirty(t *testing.T) {
	p := shellBakery(t)
	d := NewDocument(p, "/x/bakery.toml")
	changes := 0
	d.OnChange(func() { changes++ })
	if d.Dirty() || d.Version() != 1 {
		t.Fatalf("new document: dirty %v version %d, want clean at version 1", d.Dirty(), d.Version())
	}
	if _, ok := d.UndoLabel(); ok {
		t.Fatal("a new document has something to undo")
	}

	d.Edit("Budget", shellWithBudget(p, "6000"))
	d.Edit("Budget", shellWithBudget(p, "7000"))
	steps := []struct {
		name     string
		do       func() bool
		did      bool
		budget   string
		dirty    bool
		version  int
		undoable string // label of the next undo, "" for none
	}{
		{"undo 7000", d.Undo, true, "6000", true, 4, "Budget"},
		{"undo 6000", d.Undo, true, "5000", false, 5, ""},
		{"undo nothing", d.Undo, false, "5000", false, 5, ""},
		{"redo 6000", d.Redo, true, "6000", true, 6, "Budget"},
		{"redo 7000", d.Redo, true, "7000", true, 7, "Budget"},
		{"redo nothing", d.Redo, false, "7000", true, 7, "Budget"},
	}
	for _, s := range steps {
		if got := s.do(); got != s.did {
			t.Errorf("%s: returned %v", s.name, got)
		}
		if got := d.Plan().Info.Budget.String(); got != s.budget {
			t.Errorf("%s: budget %s, want %s", s.name, got, s.budget)
		}
		if d.Dirty() != s.dirty || d.Version() != s.version {
			t.Errorf("%s: dirty %v version %d, want %v %d", s.name, d.Dirty(), d.Version(), s.dirty, s.version)
		}
		if l, _ := d.UndoLabel(); l != s.undoable {
			t.Errorf("%s: undo label %q, want %q", s.name, l, s.undoable)
		}
	}
	if changes != 6 { // 2 edits, 2 undos, 2 redos
		t.Errorf("listeners called %d times, want 6", changes)
	}

	d.MarkSaved("/x/copy.toml")
	if d.Dirty() || d.Path() != "/x/copy.toml" {
		t.Errorf("after save: dirty %v path %q", d.Dirty(), d.Path())
	}
	d.Undo()
	if !d.Dirty() {
		t.Error("undo after save: the plan differs from the file but is not dirty")
	}
	d.Edit("Title", d.Plan())
	if _, ok := d.RedoLabel(); ok {
		t.Error("an edit must clear the redo stack")
	}

	d.Replace(p, "", true)
	if !d.Dirty() || d.Path() != "" {
		t.Error("Replace(dirty) must give an unsaved untitled plan")
	}
	if _, ok := d.UndoLabel(); ok {
		t.Error("Replace must clear the history")
	}
}

func TestDocumentUndoLimit(t *testing.T) {
	p := shellBakery(t)
	d := NewDocument(p, "")
	for i := 0; i < maxUndo+10; i++ {
		d.Edit("Budget", shellWithBudget(p, "1"))
	}
	n := 0
	for d.Undo() {
		n++
	}
	if n != maxUndo {
		t.Errorf("undid %d edits, want %d", n, maxUndo)
	}
}
