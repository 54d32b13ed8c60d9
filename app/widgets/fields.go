package widgets

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// This file holds what every plan editor shares: parsing what people type
// (French decimal commas, spaces between thousands, percentages), the field
// widget that shows a unit, an error and a source line, and the commit
// rule: build a candidate plan, validate it, mark the field or call the
// EditFunc.

// FieldUnit says what a field holds, and so how it is typed and shown.
type FieldUnit int

const (
	UnitText    FieldUnit = iota // free text
	UnitMoney                    // an amount in the plan's currency, shown with cents
	UnitPrice                    // a unit price that may hold fractions of a cent (0,001 €)
	UnitPercent                  // a fraction stored, a percentage typed: "22,5" is 0.225
	UnitNumber                   // a decimal count or plain number
	UnitInt                      // a whole number
	UnitDate                     // a calendar date: jj/mm/aaaa in French, yyyy-mm-dd in English
	UnitChange                   // a scenario factor typed as a percentage change: "−20" is 0.8
)

var (
	// The parsers' errors (display's: one reader of typed numbers for the
	// app and the command line), and the app's own for an empty field.
	errNotNumber = display.ErrNotNumber
	errNotWhole  = display.ErrNotWhole
	errNotDate   = display.ErrNotDate
	errRequired  = errors.New("required")
)

// The readers of what people type in a field: display's, in the
// interface language l (French reads "5.000" as 5 000; see
// display.ParseNumber).
var (
	ParseNumber  = display.ParseNumber
	parsePercent = display.ParsePercent
	ParseChange  = display.ParseChange
	parseWhole   = display.ParseWhole
	ParseDate    = display.ParseDate
)

// decimals returns the number of decimal places d is written with.
func decimals(d decimal.Decimal) int32 {
	_, frac, _ := strings.Cut(d.String(), ".")
	return int32(len(frac))
}

// inputText formats a number for an entry: grouped by thousands, with the
// decimal separator of l and as many decimals as it has (at least minPlaces
// when it is not whole).
func inputText(d decimal.Decimal, minPlaces int32, l plan.Language) string {
	p := decimals(d)
	if p > 0 && p < minPlaces {
		p = minPlaces
	}
	return display.Decimal(d, p, l)
}

// ChangeText formats a factor as the percentage change people type:
// 0.8 → "−20", 1.15 → "+15", 1 → "0".
func ChangeText(f decimal.Decimal, l plan.Language) string {
	c := f.Sub(decimal.NewFromInt(1)).Shift(2)
	switch c.Sign() {
	case 0:
		return "0"
	case -1:
		return "−" + inputText(c.Neg(), 0, l)
	}
	return "+" + inputText(c, 0, l)
}

// dateText formats a date for an entry (empty for the zero date).
func dateText(d plan.Date, l plan.Language) string {
	if d.IsZero() {
		return ""
	}
	return display.Date(d, l)
}

// ValueText returns the text an entry shows for the value behind ptr (a
// pointer into a plan: *string, *decimal.Decimal, *decimal.NullDecimal,
// *int, *int64 or *plan.Date) in unit u.
func ValueText(ptr any, u FieldUnit, l plan.Language) string {
	var d decimal.Decimal
	switch v := ptr.(type) {
	case *string:
		return *v
	case *plan.Date:
		return dateText(*v, l)
	case *int:
		return inputText(decimal.NewFromInt(int64(*v)), 0, l)
	case *int64:
		return inputText(decimal.NewFromInt(*v), 0, l)
	case *decimal.NullDecimal:
		if !v.Valid {
			return ""
		}
		d = v.Decimal
	case *decimal.Decimal:
		d = *v
	default:
		return ""
	}
	switch u {
	case UnitPercent:
		return inputText(d.Shift(2), 0, l)
	case UnitChange:
		return ChangeText(d, l)
	case UnitMoney:
		return inputText(d, 2, l)
	}
	return inputText(d, 0, l)
}

// SetValue parses text in unit u and stores it behind ptr. An empty text
// unsets a *decimal.NullDecimal, clears a *string or a *plan.Date, and is
// errRequired for the other types. It never panics.
func SetValue(ptr any, text string, u FieldUnit, l plan.Language) error {
	empty := strings.TrimSpace(text) == ""
	switch v := ptr.(type) {
	case *string:
		*v = strings.TrimSpace(text)
		return nil
	case *plan.Date:
		if empty {
			*v = plan.Date{}
			return nil
		}
		d, err := ParseDate(text)
		if err != nil {
			return err
		}
		*v = d
		return nil
	case *int, *int64:
		if empty {
			return errRequired
		}
		n, err := parseWhole(text, l)
		if err != nil {
			return err
		}
		if p, ok := v.(*int); ok {
			if n > 1<<31-1 || n < -(1<<31) {
				return errNotWhole
			}
			*p = int(n)
		} else {
			*v.(*int64) = n
		}
		return nil
	}
	var d decimal.Decimal
	var err error
	if !empty {
		switch u {
		case UnitPercent:
			d, err = parsePercent(text, l)
		case UnitChange:
			d, err = ParseChange(text, l)
		default:
			d, err = ParseNumber(text, l)
		}
		if err != nil {
			return err
		}
	}
	switch v := ptr.(type) {
	case *decimal.NullDecimal:
		*v = decimal.NullDecimal{Decimal: d, Valid: !empty}
	case *decimal.Decimal:
		if empty {
			return errRequired
		}
		*v = d
	default:
		return fmt.Errorf("app: no field of type %T", ptr)
	}
	return nil
}

// InputError returns the message a field shows when its text does not
// parse.
func InputError(err error, u FieldUnit) string {
	switch {
	case errors.Is(err, errRequired):
		return lang.L("Enter a value")
	case errors.Is(err, errNotWhole):
		return lang.L("Enter a whole number, e.g. 12")
	case errors.Is(err, errNotDate):
		if Lang() == plan.LangFR {
			return lang.L("Enter a date as dd/mm/yyyy, e.g. 04/01/2027")
		}
		return lang.L("Enter a date as yyyy-mm-dd, e.g. 2027-01-04")
	case u == UnitPercent:
		return lang.L("Enter a percentage, e.g. 22,5 for 22.5 %")
	case u == UnitChange:
		return lang.L("Enter a change in percent, e.g. -20 or +15")
	case u == UnitMoney || u == UnitPrice:
		return lang.L("Enter an amount, e.g. 1 250,50")
	}
	return lang.L("Enter a number, e.g. 1 250,50")
}

// fieldEntry is a widget.Entry that knows whether it has the focus and
// tells when the user leaves it, so that a field commits on Enter or when
// the focus moves away, and Refresh never overwrites what is being typed.
type fieldEntry struct {
	widget.Entry
	Focused bool
	onLeave func()
}

var _ fyne.Focusable = (*fieldEntry)(nil)

func newFieldEntry(multiline bool) *fieldEntry {
	e := &fieldEntry{}
	e.MultiLine = multiline
	if multiline {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained notes the focus, then behaves as widget.Entry.
func (e *fieldEntry) FocusGained() {
	e.Focused = true
	e.Entry.FocusGained()
}

// FocusLost behaves as widget.Entry, then commits the field.
func (e *fieldEntry) FocusLost() {
	e.Focused = false
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}

// Field is one labelled input of an editor: an entry with its unit beside
// it, an error line under it (hidden when the value is fine) and an info
// line (the source of a benchmark figure, a hint). It is bound to a value
// of the plan by ptr and to a validation path.
type Field struct {
	Entry *fieldEntry
	Unit  *widget.Label // "€", "%"…; empty for text
	Echo  *widget.Label // an amount as it was understood ("= 5 000,00 €"); hidden when it reads as typed
	Error *widget.Label // the problem with what was typed; hidden when none
	Info  *widget.Label // source or hint; hidden when empty
	// Offer is a question under the field with a button that answers yes
	// (the offer to widen an uncertainty range); hidden when none.
	Offer       *fyne.Container
	offerText   *widget.Label
	offerButton *widget.Button
	// Currency is the plan's currency, for the echo of an amount (Bind
	// sets it; "" is EUR).
	Currency func() string
	// Pause runs fn once the user has stopped typing for a moment
	// (LivePause), on the UI goroutine: the field then commits what was
	// typed, so the results follow without Enter or Tab. Tests replace it
	// to decide when the pause ends.
	Pause func(fn func())
	// typing counts the changes of the entry's text, so that a pause that
	// ends after another change, or after a commit, does nothing.
	typing int

	UnitKind FieldUnit
	Path     string                 // Validate path, e.g. "business.gross_margin"
	Undo     string                 // undo label, in English (translated when used)
	Ptr      func(p *plan.Plan) any // where the value lives in a plan
	Shown    string                 // the text last shown from the plan
	Bad      bool                   // the text typed was refused
	// Commit is called with the text when the user presses Enter or
	// leaves the field after changing it.
	Commit func(f *Field, text string)
	// relayout is called when a line appears or disappears, so the form
	// around the field makes room for it.
	relayout func()
	box      *fyne.Container
	row      *fyne.Container
	side     *fyne.Container // the echo and the unit, right of the entry
}

// sideChanged shows the echo and unit column only when one of them shows,
// so that a field without either gives the entry the whole row.
func (f *Field) sideChanged() {
	if f.side == nil || f.row == nil {
		return
	}
	f.side.Hidden = f.Unit.Hidden && f.Echo.Hidden
	f.row.Refresh()
}

// NewField returns a field in unit u; multiline for long text.
func NewField(u FieldUnit, multiline bool) *Field {
	f := &Field{Entry: newFieldEntry(multiline), UnitKind: u, Unit: widget.NewLabel(""),
		Echo: widget.NewLabel(""), Error: widget.NewLabel(""), Info: widget.NewLabel(""), Pause: TypingPause}
	f.Echo.Importance = widget.LowImportance
	f.Echo.Hide()
	f.offerText = widget.NewLabel("")
	f.offerText.Wrapping = fyne.TextWrapWord
	f.offerButton = widget.NewButton(lang.L("Widen"), nil)
	f.offerButton.Importance = widget.HighImportance
	f.Offer = container.NewBorder(nil, nil, container.NewVBox(f.offerButton), nil, f.offerText)
	f.Offer.Hide()
	f.Error.Importance = widget.DangerImportance
	f.Error.Wrapping = fyne.TextWrapWord
	f.Error.Hide()
	f.Info.Importance = widget.LowImportance
	f.Info.Wrapping = fyne.TextWrapWord
	f.Info.TextStyle = fyne.TextStyle{Italic: true}
	f.Info.Hide()
	f.Unit.Hide()
	if multiline {
		f.Entry.SetMinRowsVisible(4)
	}
	switch u {
	case UnitDate:
		if Lang() == plan.LangFR {
			f.Entry.SetPlaceHolder(lang.L("dd/mm/yyyy"))
		} else {
			f.Entry.SetPlaceHolder("yyyy-mm-dd")
		}
	case UnitPercent:
		f.SetUnit("%")
	case UnitChange:
		f.SetUnit(lang.L("% change"))
	}
	f.Entry.OnSubmitted = func(string) { f.submit() }
	f.Entry.onLeave = f.submit
	f.Entry.OnChanged = f.onChanged
	f.side = container.NewHBox(f.Echo, f.Unit)
	f.side.Hidden = f.Unit.Hidden && f.Echo.Hidden
	f.row = container.NewBorder(nil, nil, nil, f.side, f.Entry)
	f.box = container.NewVBox(f.row, f.Error, f.Offer, f.Info)
	return f
}

// LivePause is how long the user must stop typing before a field commits
// what was typed (issue 11 item 12: results follow the typing). Long
// enough not to commit "1" on the way to "15", short enough to feel live.
const LivePause = 600 * time.Millisecond

// TypingPause is the Pause a new field gets: afterPause. The tests of a
// package that types into fields set it to one they control (or to
// nothing), so that no timer edits a plan behind their back.
var TypingPause = afterPause

// afterPause runs fn on the UI goroutine LivePause from now.
func afterPause(fn func()) {
	time.AfterFunc(LivePause, func() { fyne.Do(fn) })
}

// onChanged follows the typing: an offer made for the former text goes, a
// text that cannot be read is said at once (range checks wait for the
// commit), an amount echoes what it was understood as, and a text that
// reads is committed after a pause.
func (f *Field) onChanged(s string) {
	f.typing++
	f.SetOffer("", nil)
	f.echo(s)
	if f.UnitKind == UnitText || s == f.Shown {
		if !f.Bad || s == f.Shown {
			f.SetError("")
		}
		return
	}
	if err := SetValue(f.probe(), s, f.UnitKind, Lang()); err != nil {
		if !errors.Is(err, errRequired) {
			f.SetError(InputError(err, f.UnitKind))
		}
		return
	}
	if !f.Bad {
		f.SetError("")
	}
	f.commitAfterPause()
}

// commitAfterPause commits the entry's text once the user has stopped
// typing, unless it changed again or was committed meanwhile.
func (f *Field) commitAfterPause() {
	if f.Pause == nil || f.Commit == nil {
		return
	}
	n, text := f.typing, f.Entry.Text
	f.Pause(func() {
		if f.typing == n && f.Entry.Text == text {
			f.submit()
		}
	})
}

// echo shows, next to an amount, the amount it was read as ("5.000" in
// French is 5 000: "= 5 000,00 €"), and hides when the text already reads
// so, is empty or is not an amount.
func (f *Field) echo(s string) {
	text := ""
	if f.UnitKind == UnitMoney || f.UnitKind == UnitPrice {
		l := Lang()
		if d, err := ParseNumber(s, l); err == nil && strings.TrimSpace(s) != "" {
			cur := ""
			if f.Currency != nil {
				cur = f.Currency()
			}
			shown := display.MoneyExact(d, cur, l)
			if f.UnitKind == UnitMoney {
				shown = display.Money(d, cur, l)
			}
			if f.Unit.Visible() {
				// the unit label beside it already says the currency:
				// "= 5 000,00" then "€" reads "= 5 000,00 €"
				shown = display.Decimal(d, max(display.CurrencyDigits(cur), min(decimals(d), 6)), l)
				if f.UnitKind == UnitMoney {
					shown = display.Decimal(d, display.CurrencyDigits(cur), l)
				}
			}
			if t := bare(s); t != bare(inputText(d, 2, l)) && t != bare(display.Decimal(d, 2, l)) {
				text = "= " + shown
			}
		}
	}
	if f.Echo.Text == text && f.Echo.Visible() == (text != "") {
		return
	}
	f.Echo.SetText(text)
	f.Echo.Hidden = text == ""
	f.sideChanged()
}

// bare is s without its spaces (plain, no-break or narrow), to compare
// how a number is grouped.
func bare(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
}

// SetOffer shows the question q under the field with a button that runs
// yes, or hides it with "".
func (f *Field) SetOffer(q string, yes func()) {
	if q == "" && !f.Offer.Visible() {
		return
	}
	f.offerText.SetText(q)
	f.offerButton.OnTapped = yes
	f.Offer.Hidden = q == ""
	f.changed()
}

// probe returns a throw-away value of the field's type, to check that a
// text parses.
func (f *Field) probe() any {
	if f.Ptr != nil {
		var p plan.Plan
		v := reflect.ValueOf(f.Ptr(&p))
		if v.Kind() == reflect.Pointer && !v.IsNil() {
			return reflect.New(v.Elem().Type()).Interface()
		}
	}
	switch f.UnitKind {
	case UnitInt:
		return new(int64)
	case UnitDate:
		return new(plan.Date)
	}
	return new(decimal.NullDecimal)
}

// Widget returns the field's entry with its unit, error and info lines.
func (f *Field) Widget() fyne.CanvasObject { return f.box }

// SetUnit shows the unit beside the entry ("€", "%", "clients").
func (f *Field) SetUnit(u string) {
	if f.Unit.Text == u {
		return
	}
	f.Unit.SetText(u)
	f.Unit.Hidden = u == ""
	f.sideChanged()
}

// SetInfo shows (or, with "", hides) the line under the field.
func (f *Field) SetInfo(s string) {
	if f.Info.Text == s && f.Info.Visible() == (s != "") {
		return
	}
	f.Info.SetText(s)
	f.Info.Hidden = s == ""
	f.changed()
}

// changed lays out the field and the form around it again after a line
// appeared, disappeared or changed height.
func (f *Field) changed() {
	if f.box == nil {
		return
	}
	f.box.Refresh()
	if f.relayout != nil {
		f.relayout()
	}
}

// SetError marks the field with msg (and f.Entry's validation status), or
// clears the mark with "".
func (f *Field) SetError(msg string) {
	f.Bad = msg != ""
	if msg == "" {
		f.Entry.SetValidationError(nil)
	} else {
		f.Entry.SetValidationError(errors.New(msg))
	}
	if f.Error.Text == msg && f.Error.Visible() == f.Bad {
		return
	}
	f.Error.SetText(msg)
	f.Error.Hidden = !f.Bad
	f.changed()
}

// Invalid reports whether the field is marked with an error.
func (f *Field) Invalid() bool { return f.Bad }

// Show puts the text of the plan's value in the entry, unless the user is
// typing in it, or left refused text there and the plan's value has not
// changed since (so they can still see and fix it).
func (f *Field) Show(text string) {
	if f.Entry.Focused {
		return
	}
	if f.Bad && text == f.Shown {
		return
	}
	f.Shown = text
	if f.Entry.Text != text {
		f.Entry.SetText(text)
	}
	f.SetError("")
	f.SetOffer("", nil)
}

// Accepted records that text is now the plan's value.
func (f *Field) Accepted(text string) {
	f.Shown = text
	f.SetError("")
}

// submit commits the entry's text when it differs from the plan's value,
// or when it was refused (to show the problem again).
func (f *Field) submit() {
	if f.Commit == nil {
		return
	}
	t := f.Entry.Text
	if t == f.Shown && !f.Bad {
		return
	}
	f.typing++ // a pause that ends now commits nothing more
	f.Commit(f, t)
}

// EditorCore is what every editor shares: the EditFunc, the plan and the
// results last shown, and the commit rule.
type EditorCore struct {
	Win  fyne.Window
	Edit EditFunc
	P    plan.Plan
	R    *Results
	// Loaded is false until the first Refresh.
	Loaded bool
	// Updating is true while the editor sets its widgets from the plan, so
	// that the callbacks of selects and checks do not make edits.
	Updating bool
	// Applied is called after an edit went through, with the new plan, so
	// the editor shows it at once (the shell's Refresh follows).
	Applied func(p plan.Plan)
	// Root is the editor's root object, laid out again when a field grows
	// or shrinks (an error line appears); batch counts the updates in
	// progress, which lay out once at the end.
	Root  fyne.CanvasObject
	batch int
}

// Load takes the plan p and the results r an editor's Refresh receives.
// changed reports whether p is another plan than the one the editor shows
// (always at the first Refresh): the editor then shows it all again.
// resultsChanged reports whether r is other results than before, for an
// editor that shows them.
func (c *EditorCore) Load(p plan.Plan, r *Results) (changed, resultsChanged bool) {
	resultsChanged = r != c.R
	c.R = r
	if c.Loaded && PlanEqual(p, c.P) {
		return false, resultsChanged
	}
	c.Loaded = true
	c.P = p
	return true, resultsChanged
}

// layout lays the editor out again, unless a batch of updates is running.
func (c *EditorCore) layout() {
	if c.batch == 0 && c.Root != nil {
		c.Root.Refresh()
	}
}

// Begin starts a batch of widget updates; the returned func ends it and
// lays the editor out once.
func (c *EditorCore) Begin() func() {
	c.batch++
	c.Updating = true
	return func() {
		c.batch--
		if c.batch == 0 {
			c.Updating = false
			c.layout()
		}
	}
}

// Apply validates cand, the current plan with one change. When Validate
// finds problems it returns them, those on path first, and leaves the plan
// alone; otherwise it calls edit with the undo label (translated) and
// returns nil. A candidate equal to the current plan is no edit.
func (c *EditorCore) Apply(label, path string, cand plan.Plan) []string {
	if reflect.DeepEqual(cand, c.P) {
		return nil
	}
	if msgs := problems(plan.Validate(cand), plan.Validate(c.P), path, cand); len(msgs) > 0 {
		return msgs
	}
	c.P = cand
	if c.Edit != nil {
		c.Edit(lang.L(label), cand)
	}
	if c.Applied != nil {
		c.Applied(cand)
	}
	return nil
}

// problems returns the messages of errs that concern path (the field
// itself or something inside it); if none does, those errs that were not
// already in before (the change caused them elsewhere, e.g. an objective
// that a b2c plan cannot measure), and at most three of them. Each is
// worded for a form by FieldMessage; one about another part of p than the
// field says which, in words (« objectif « ventes » : … »).
func problems(errs, before plan.ErrorList, path string, p plan.Plan) []string {
	if len(errs) == 0 {
		return nil
	}
	var own, other []string
	old := map[string]bool{}
	for _, e := range before {
		old[e.Path+"\x00"+e.Msg.String()] = true
	}
	for _, e := range errs {
		switch {
		case path != "" && (e.Path == path || strings.HasPrefix(e.Path, path+".") || strings.HasPrefix(e.Path, path+"[")):
			own = append(own, FieldMessage(e))
		case !old[e.Path+"\x00"+e.Msg.String()]:
			other = append(other, placed(e, p))
		}
	}
	if len(own) > 0 {
		return own
	}
	if len(other) == 0 {
		for _, e := range errs {
			other = append(other, placed(e, p))
		}
	}
	if len(other) > 3 {
		other = other[:3]
	}
	return other
}

// placed is FieldMessage after the place in p that e is about, when it
// has one (plan.Error.Place).
func placed(e plan.Error, p plan.Plan) string {
	if where := e.Place(p); !where.IsZero() {
		return display.Text(where, Lang(), p.Info.Currency) + UIColon() + FieldMessage(e)
	}
	return FieldMessage(e)
}

// FieldMessage words a validation error for a form, by its code (never by
// its English words): rates are typed as percentages here, so "write a
// fraction from 0 to 1" becomes "enter a percentage from 0 to 100"; a
// missing value is "enter a value"; any other message is the catalog's,
// in the interface language (display.Text).
func FieldMessage(e plan.Error) string {
	m := e.Msg
	switch m.Code {
	case plan.CodeRequired:
		return lang.L("Enter a value")
	case plan.CodeOutOfRange, plan.CodeRangeBound:
		if r, ok := m.Arg("range"); ok && len(r.Msgs) == 1 {
			if s := limitText(r.Msgs[0]); s != "" {
				return s
			}
		}
	}
	return display.Text(m, Lang(), "")
}

// limitText is the form's wording of a range description (a plan.CodeDesc…
// message), or "" when the catalog's own words fit.
func limitText(d plan.Msg) string {
	switch d.Code {
	case plan.CodeDescRate:
		return lang.L("Enter a percentage from 0 to 100")
	case plan.CodeDescRatePos:
		return lang.L("Enter a percentage above 0 and at most 100")
	case plan.CodeDescMoneyPos:
		return lang.L("Enter an amount above 0")
	case plan.CodeDescMoney:
		return lang.L("Enter an amount of 0 or more (at most 1 000 billion)")
	case plan.CodeDescCountPos:
		return lang.L("Enter a number above 0")
	case plan.CodeDescCount:
		return lang.L("Enter a number of 0 or more")
	case plan.CodeDescFactor:
		return lang.L("Enter a change above -100 % and at most +9 900 %")
	case plan.CodeDescWholeFrom:
		lo, _ := d.Arg("from")
		hi, _ := d.Arg("to")
		return lang.L("Enter a whole number from {{.Lo}} to {{.Hi}}", map[string]any{"Lo": lo.Text, "Hi": hi.Text})
	}
	return ""
}

// commitField is the usual commit of a field bound to a plan value: parse
// the text into a clone of the plan, validate, edit or mark.
func (c *EditorCore) commitField(f *Field, text string) {
	cand := c.P.Clone()
	if f.Ptr == nil {
		return
	}
	ptr := f.Ptr(&cand)
	if ptr == nil {
		return
	}
	if err := SetValue(ptr, text, f.UnitKind, Lang()); err != nil {
		f.SetError(InputError(err, f.UnitKind))
		return
	}
	if msgs := c.Apply(f.Undo, f.Path, cand); len(msgs) > 0 {
		if q, wide, ok := c.widenOffer(f.Path, cand); ok {
			// A plausible value that only leaves its uncertainty range is
			// taken, with the range widened, when the user says yes: one
			// edit, one undo.
			f.SetError("")
			f.SetOffer(q, func() {
				if msgs := c.Apply(f.Undo, f.Path, wide); len(msgs) > 0 {
					f.SetOffer("", nil)
					f.SetError(strings.Join(msgs, "\n"))
					return
				}
				f.SetOffer("", nil)
				f.Accepted(text)
			})
			return
		}
		f.SetError(strings.Join(msgs, "\n"))
		return
	}
	f.Accepted(text)
}

// widenOffer: when cand's only new problem on the channel input at path
// (channels[N].KEY) is that the value left its uncertainty range, the
// question that offers to widen the range (plan.WidenRange, in the
// interface language) and cand with the range widened.
func (c *EditorCore) widenOffer(path string, cand plan.Plan) (string, plan.Plan, bool) {
	var i int
	var key string
	if n, err := fmt.Sscanf(path, "channels[%d].", &i); n != 1 || err != nil || i < 0 || i >= len(cand.Channels) {
		return "", plan.Plan{}, false
	}
	key = path[strings.Index(path, "].")+2:]
	ch := cand.Channels[i]
	w, m, ok := plan.WidenRange(ch, key)
	if !ok {
		return "", plan.Plan{}, false
	}
	wide := cand.Clone()
	for j, r := range wide.Channels[i].Ranges {
		if r.Input == key {
			wide.Channels[i].Ranges[j] = w
		}
	}
	if len(problems(plan.Validate(wide), plan.Validate(c.P), path, wide)) > 0 {
		return "", plan.Plan{}, false
	}
	return display.Text(m, Lang(), cand.Info.Currency), wide, true
}

// Bind makes f edit the plan value ptr points to, at path, with the undo
// label undo.
func (c *EditorCore) Bind(f *Field, path, undo string, ptr func(p *plan.Plan) any) *Field {
	f.Path, f.Undo, f.Ptr = path, undo, ptr
	f.Commit = c.commitField
	f.Currency = func() string { return c.P.Info.Currency }
	f.relayout = c.layout
	return f
}

// ShowField puts the plan's value in f.
func (c *EditorCore) ShowField(f *Field) {
	if f.Ptr == nil {
		return
	}
	p := c.P
	ptr := f.Ptr(&p)
	if ptr == nil {
		return
	}
	if f.Bad && !f.Entry.Focused && f.Entry.Text != f.Shown && c.wouldAccept(f) {
		// The refused text is fine now (the problem was fixed elsewhere,
		// e.g. the range widened): the stale error goes, and the text is
		// committed after the usual pause.
		f.SetError("")
		f.commitAfterPause()
		return
	}
	f.Show(ValueText(ptr, f.UnitKind, Lang()))
}

// wouldAccept reports whether f's text would now be taken into the plan.
func (c *EditorCore) wouldAccept(f *Field) bool {
	cand := c.P.Clone()
	ptr := f.Ptr(&cand)
	if ptr == nil || SetValue(ptr, f.Entry.Text, f.UnitKind, Lang()) != nil {
		return false
	}
	return len(problems(plan.Validate(cand), plan.Validate(c.P), f.Path, cand)) == 0
}

// FormRow is a label and its input, for a two-column grid.
func FormRow(label string, input fyne.CanvasObject) []fyne.CanvasObject {
	l := widget.NewLabel(label)
	return []fyne.CanvasObject{l, input}
}

// NewForm lays out label/input pairs in two columns: labels on the left
// sized to their text, inputs filling the rest.
func NewForm(rows ...[]fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, r := range rows {
		objs = append(objs, r...)
	}
	return container.New(newFormLayout(), objs...)
}

// ErrorLine returns a hidden red label for errors of selects and checks.
func ErrorLine() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// setLine sets a label's text and hides it when empty.
func setLine(l *widget.Label, s string) {
	if l.Text == s && l.Visible() == (s != "") {
		return
	}
	l.SetText(s)
	l.Hidden = s == ""
	l.Refresh()
}

// formLayout lays out objects in pairs: a label column as wide as the
// widest visible label, and an input column filling the rest. A pair whose
// input is hidden takes no room.
type formLayout struct{}

func newFormLayout() fyne.Layout { return formLayout{} }

func (formLayout) widths(objs []fyne.CanvasObject) (label, input float32) {
	for i := 0; i+1 < len(objs); i += 2 {
		if !objs[i+1].Visible() {
			continue
		}
		label = max(label, objs[i].MinSize().Width)
		input = max(input, objs[i+1].MinSize().Width)
	}
	return label, input
}

// MinSize is the widest label and input side by side, and the rows stacked.
func (l formLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	lw, iw := l.widths(objs)
	var h float32
	gaps := eachPair(objs, false, func(lab, in fyne.CanvasObject) {
		h += max(lab.MinSize().Height, in.MinSize().Height)
	})
	return fyne.NewSize(lw+theme.Padding()+iw, h+gaps)
}

// eachPair calls f with every (label, input) pair of a form's objs whose
// input is visible, in order, and returns the padding between those pairs
// stacked. With layout set (a Layout, not a MinSize), it first hides the
// label of a hidden input and shows the others.
func eachPair(objs []fyne.CanvasObject, layout bool, f func(lab, in fyne.CanvasObject)) (gaps float32) {
	n := 0
	for i := 0; i+1 < len(objs); i += 2 {
		lab, in := objs[i], objs[i+1]
		if !in.Visible() {
			if layout {
				lab.Hide()
			}
			continue
		}
		if layout {
			lab.Show()
		}
		f(lab, in)
		n++
	}
	if n > 1 {
		gaps = float32(n-1) * theme.Padding()
	}
	return gaps
}

// Layout places each visible pair on its own row.
func (l formLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw, _ := l.widths(objs)
	var y float32
	eachPair(objs, true, func(lab, in fyne.CanvasObject) {
		h := max(lab.MinSize().Height, in.MinSize().Height)
		lab.Move(fyne.NewPos(0, y))
		lab.Resize(fyne.NewSize(lw, lab.MinSize().Height))
		in.Move(fyne.NewPos(lw+theme.Padding(), y))
		in.Resize(fyne.NewSize(size.Width-lw-theme.Padding(), h))
		y += h + theme.Padding()
	})
}

// PlanEqual reports whether two plans are the same value (an editor
// compares the plan it is given with the one it shows, to rebuild nothing
// when nothing changed).
func PlanEqual(a, b plan.Plan) bool { return reflect.DeepEqual(a, b) }

// BenchmarkHint returns the line shown under a pre-filled field: where the
// benchmark figure comes from, and its value when the plan's differs.
// Money in another currency than the plan's is flagged as not converted.
// It is empty when no benchmark carries a value.
//
//	from the benchmarks: WordStream, Google Ads benchmarks 2018 (search network, all industries)
//	benchmark 22,7 %: Mailchimp 2019 (…)
func BenchmarkHint(bs []plan.Benchmark, ptr any, u FieldUnit, planCurrency string) string {
	var b plan.Benchmark
	found := false
	for _, x := range bs {
		if x.Value.Valid {
			b, found = x, true
			break
		}
	}
	if !found {
		return ""
	}
	l := Lang()
	var cur decimal.NullDecimal
	switch v := ptr.(type) {
	case *decimal.Decimal:
		cur = decimal.NewNullDecimal(*v)
	case *decimal.NullDecimal:
		cur = *v
	}
	src := b.SourceIn(Lang()) // publisher and title in the reader's language, with the year
	if note := b.NoteIn(Lang()); note != "" {
		src += " (" + note + ")"
	}
	money := u == UnitMoney || u == UnitPrice
	bcur := b.Currency
	if bcur == "" {
		bcur = "EUR"
	}
	pcur := planCurrency
	if pcur == "" {
		pcur = "EUR"
	}
	var s string
	if cur.Valid && cur.Decimal.Equal(b.Value.Decimal) {
		s = lang.L("From the benchmarks: {{.Source}}", map[string]any{"Source": src})
	} else {
		v := display.Percent(b.Value.Decimal, l)
		if money {
			v = display.MoneyExact(b.Value.Decimal, bcur, l)
		} else if u != UnitPercent {
			v = display.Decimal(b.Value.Decimal, decimals(b.Value.Decimal), l)
		}
		s = lang.L("Benchmark {{.Value}}: {{.Source}}", map[string]any{"Value": v, "Source": src})
	}
	if money && bcur != pcur {
		s += " — " + lang.L("⚠ figure in {{.Currency}}, not converted", map[string]any{"Currency": bcur})
	}
	return s
}

// Say sets an error or notice line of the editor and lays it out again.
func (c *EditorCore) Say(l *widget.Label, s string) {
	if l.Text == s && l.Visible() == (s != "") {
		return
	}
	setLine(l, s)
	c.layout()
}

// NewCard is a titled section of a form. Its subtitle is a word-wrapped
// label inside the card: widget.Card's own subtitle never wraps, so a long
// one would make the whole form wider than the window.
func NewCard(title, subtitle string, content fyne.CanvasObject) *widget.Card {
	if subtitle == "" {
		return widget.NewCard(title, "", content)
	}
	l := widget.NewLabel(subtitle)
	l.Wrapping = fyne.TextWrapWord
	return widget.NewCard(title, "", container.NewVBox(l, content))
}

// NewStackedForm lays out label/input pairs one under the other: each label
// on its own line above its input, both as wide as the form. It suits a
// narrow pane (the channel editor beside its list), where a label column
// would leave the inputs too little room.
func NewStackedForm(rows ...[]fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, r := range rows {
		objs = append(objs, r...)
	}
	return container.New(stackedFormLayout{}, objs...)
}

// stackedFormLayout places each visible pair as a label line then an input
// line; a pair whose input is hidden takes no room.
type stackedFormLayout struct{}

// MinSize is the widest label or input, and every visible pair stacked.
func (stackedFormLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	gaps := eachPair(objs, false, func(lab, in fyne.CanvasObject) {
		lm, im := lab.MinSize(), in.MinSize()
		w = max(w, lm.Width, im.Width)
		h += lm.Height + im.Height
	})
	return fyne.NewSize(w, h+gaps)
}

// Layout places each visible pair's label, then its input, full width.
func (stackedFormLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	eachPair(objs, true, func(lab, in fyne.CanvasObject) {
		lh, ih := lab.MinSize().Height, in.MinSize().Height
		lab.Move(fyne.NewPos(0, y))
		lab.Resize(fyne.NewSize(size.Width, lh))
		in.Move(fyne.NewPos(0, y+lh))
		in.Resize(fyne.NewSize(size.Width, ih))
		y += lh + ih + theme.Padding()
	})
}

// TightVBox stacks a key figure's name and value without the theme's
// padding between them, so the pair reads as one tile.
type TightVBox struct{}

// MinSize is the widest child by the children's heights, less the theme's
// padding for each (fyne.Layout).
func (TightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - theme.Padding()
	}
	return s
}

// Layout stacks the visible children top to bottom, each as wide as size
// (fyne.Layout).
func (TightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y-theme.Padding()/2))
		o.Resize(fyne.NewSize(size.Width, h+theme.Padding()))
		y += h
	}
}
