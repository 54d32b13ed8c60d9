package app

import (
	"campaignsim/internal/fileio"
	"campaignsim/plan"
)

// Document is the plan being edited in the window: its current value, the
// file it comes from, the undo and redo stacks of whole plan values, and
// whether it differs from what was last saved or opened.
//
// Every change (an edit, undo, redo, a file opened, a new plan) makes a new
// version: Version counts them, so results computed in the background can
// tell whether they are still about the plan shown. A Document is used on
// the UI goroutine only; it is not safe for concurrent use.
type Document struct {
	plan    plan.Plan
	path    string // "" while untitled
	state   int    // identifies the current plan value; equal states are equal plans
	saved   int    // the state last saved or opened; -1 when never saved
	next    int    // the next fresh state
	version int

	// The plan file's text as last read or saved (nil: none), which a save
	// writes over (plan.EncodeOver) so that its comments stay; and the
	// Hash the file must still have for a save to replace it without
	// asking (nil: no file). They differ only after a restore, whose base
	// is the file as read when the edits began.
	original []byte
	base     *fileio.Hash

	undo, redo []step
	listeners  []func()
}

// step is one entry of the undo or redo stack: a plan value, the state it
// has, and the label of the edit that left it.
type step struct {
	label string
	plan  plan.Plan
	state int
}

// maxUndo is how many edits Undo can take back.
const maxUndo = 200

// NewDocument returns a document holding p, read from path ("" for an
// untitled plan). It is clean: not dirty, with nothing to undo.
func NewDocument(p plan.Plan, path string) *Document {
	d := &Document{}
	d.reset(p, path, false)
	return d
}

// Plan returns the current plan value. Callers must treat it as read-only
// (edit through Edit with a new value, e.g. from Plan.Clone).
func (d *Document) Plan() plan.Plan { return d.plan }

// Path returns the file the plan is bound to; "" while untitled.
func (d *Document) Path() string { return d.path }

// State identifies the current plan value: equal states are equal plans.
// A save records the state it wrote (MarkSavedState).
func (d *Document) State() int { return d.state }

// Original returns the plan file's text as last read or saved; nil for a
// plan not read from a file. Callers must not modify it.
func (d *Document) Original() []byte { return d.original }

// Base returns the Hash the plan file must still have for a save to
// replace it without asking; nil when the plan has no file yet.
func (d *Document) Base() *fileio.Hash { return d.base }

// Version returns the number of changes so far; it grows by one with every
// Edit, Undo, Redo and Replace.
func (d *Document) Version() int { return d.version }

// Dirty reports whether the plan differs from what was last saved or
// opened. An untitled plan made from a template is clean until edited.
func (d *Document) Dirty() bool { return d.state != d.saved }

// OnChange adds fn to the functions called after every change, including
// MarkSaved (the dirty flag and the path may have changed).
func (d *Document) OnChange(fn func()) { d.listeners = append(d.listeners, fn) }

func (d *Document) changed() {
	for _, fn := range d.listeners {
		fn()
	}
}

// Edit makes p the current plan as one undoable step named label ("Budget",
// "Add channel"…). It clears the redo stack.
func (d *Document) Edit(label string, p plan.Plan) {
	d.undo = append(d.undo, step{label: label, plan: d.plan, state: d.state})
	if len(d.undo) > maxUndo {
		d.undo = append([]step(nil), d.undo[len(d.undo)-maxUndo:]...)
	}
	d.redo = nil
	d.plan = p
	d.state = d.fresh()
	d.version++
	d.changed()
}

// UndoLabel returns the label of the edit Undo would take back, and false
// when there is nothing to undo.
func (d *Document) UndoLabel() (string, bool) {
	if len(d.undo) == 0 {
		return "", false
	}
	return d.undo[len(d.undo)-1].label, true
}

// RedoLabel returns the label of the edit Redo would make again, and false
// when there is nothing to redo.
func (d *Document) RedoLabel() (string, bool) {
	if len(d.redo) == 0 {
		return "", false
	}
	return d.redo[len(d.redo)-1].label, true
}

// Undo takes back the last edit and reports whether there was one. Undoing
// back to the saved plan makes the document clean again.
func (d *Document) Undo() bool {
	if len(d.undo) == 0 {
		return false
	}
	s := d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	d.redo = append(d.redo, step{label: s.label, plan: d.plan, state: d.state})
	d.plan, d.state = s.plan, s.state
	d.version++
	d.changed()
	return true
}

// Redo makes again the last edit Undo took back and reports whether there
// was one.
func (d *Document) Redo() bool {
	if len(d.redo) == 0 {
		return false
	}
	s := d.redo[len(d.redo)-1]
	d.redo = d.redo[:len(d.redo)-1]
	d.undo = append(d.undo, step{label: s.label, plan: d.plan, state: d.state})
	d.plan, d.state = s.plan, s.state
	d.version++
	d.changed()
	return true
}

// Replace puts p in the document, bound to path, with an empty history:
// a file opened, a new plan from a template. dirty marks a plan that is not
// on disk as it is (one restored from a recovery file).
func (d *Document) Replace(p plan.Plan, path string, dirty bool) {
	d.ReplaceFile(p, path, nil, nil, dirty)
}

// ReplaceFile is Replace for a plan read from a file: original is the
// file's text (see Original) and base the Hash it must still have when
// saved (see Base); base nil with original not nil means HashOf(original).
func (d *Document) ReplaceFile(p plan.Plan, path string, original []byte, base *fileio.Hash, dirty bool) {
	d.reset(p, path, dirty)
	d.original = original
	if base == nil && original != nil {
		h := fileio.HashOf(original)
		base = &h
	}
	d.base = base
	d.changed()
}

func (d *Document) reset(p plan.Plan, path string, dirty bool) {
	d.plan, d.path = p, path
	d.original, d.base = nil, nil
	d.undo, d.redo = nil, nil
	d.state = d.fresh()
	d.saved = d.state
	if dirty {
		d.saved = -1
	}
	d.version++
}

// MarkSaved records that the current plan was written to path: the
// document is clean and bound to path.
func (d *Document) MarkSaved(path string) {
	d.MarkSavedState(path, d.state, d.original)
}

// MarkSavedState records that the plan of state (see State) was written
// to path as text, the file's new content: the document is bound to path,
// text becomes Original and its Hash Base, and the document is clean only
// if it is still at that state (or comes back to it by undo or redo). A
// save runs in the background: edits made meanwhile stay unsaved.
func (d *Document) MarkSavedState(path string, state int, text []byte) {
	d.path = path
	d.saved = state
	d.original = text
	if text != nil {
		h := fileio.HashOf(text)
		d.base = &h
	} else {
		d.base = nil
	}
	d.changed()
}

func (d *Document) fresh() int {
	d.next++
	return d.next
}
