package widgets_test

import (
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

var d = decimal.RequireFromString

// edits records the edits an editor makes.
type edits struct {
	labels []string
	plans  []plan.Plan
}

func (e *edits) edit(label string, p plan.Plan) {
	e.labels = append(e.labels, label)
	e.plans = append(e.plans, p)
}

// pauses stands for the end of the typing pause: the test decides when.
type pauses struct{ fns []func() }

func (q *pauses) pause(fn func()) { q.fns = append(q.fns, fn) }

func (q *pauses) end() {
	fns := q.fns
	q.fns = nil
	for _, fn := range fns {
		fn()
	}
}

// withChannel is a new plan with c as its one channel.
func withChannel(c plan.Channel) plan.Plan {
	p := plan.New("Plan", "Boutique", plan.LangFR, plan.NewDate(2027, 2, 1))
	c.ID, c.Name = "salon", "Salon"
	p.Channels = []plan.Channel{c}
	return p
}

// field binds a new field of unit u to channel 0's key in core.
func field(core *widgets.EditorCore, u widgets.FieldUnit, key, undo string, ptr func(*plan.Channel) any) *widgets.Field {
	f := core.Bind(widgets.NewField(u, false), "channels[0]."+key, undo, func(p *plan.Plan) any {
		if len(p.Channels) == 0 {
			return nil
		}
		return ptr(&p.Channels[0])
	})
	core.ShowField(f)
	return f
}

// TestFieldMessageByCode: a field words a plan error from its code: a rate
// out of range asks for a percentage (rates are typed as percentages in
// the app), another error is the catalog's French.
func TestFieldMessageByCode(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	c, _ := plan.DefaultLibrary().Prefill(plan.Event, "")
	c.ResponseRate = d("1.5")
	errs := plan.Validate(withChannel(c))
	if len(errs) != 1 || errs[0].Msg.Code != plan.CodeOutOfRange {
		t.Fatalf("Validate: %v, want one out-of-range error", errs)
	}
	if got, want := widgets.FieldMessage(errs[0]), "Saisissez un pourcentage entre 0 et 100"; got != want {
		t.Errorf("FieldMessage = %q, want %q", got, want)
	}
	a, _ := plan.DefaultLibrary().Prefill(plan.Affiliate, "")
	a.CommissionPerSale = decimal.NewNullDecimal(d("5"))
	a.CommissionRate = decimal.NewNullDecimal(d("0.08"))
	errs = plan.Validate(withChannel(a))
	if len(errs) != 1 {
		t.Fatalf("Validate: %v, want one error (both commissions)", errs)
	}
	if got, want := widgets.FieldMessage(errs[0]), display.Text(errs[0].Msg, plan.LangFR, ""); got != want || got == errs[0].Msg.String() {
		t.Errorf("FieldMessage = %q, want the catalog's French %q", got, want)
	}
}

// TestFieldOffersToWidenTheRange (issue 11 item 1): a response rate moved
// from 1,5 % to 3 % while its range is [0,8 %, 2,5 %] is not refused: the
// field offers, in French, to widen the range to [0,8 %, 3,5 %]
// (3 + (3 − 2,5)), and yes makes the value and the range one edit.
func TestFieldOffersToWidenTheRange(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	c, _ := plan.DefaultLibrary().Prefill(plan.Event, "")
	c.ResponseRate = d("0.015")
	c.Ranges = []plan.Range{{Input: "response_rate", Low: d("0.008"), High: d("0.025")}}
	rec := &edits{}
	core := &widgets.EditorCore{Edit: rec.edit, P: withChannel(c)}
	f := field(core, widgets.UnitPercent, "response_rate", "Response rate", func(c *plan.Channel) any { return &c.ResponseRate })
	f.Pause = nil
	f.Entry.SetText("3")
	f.Entry.OnSubmitted("3")
	if f.Invalid() || !f.Error.Hidden {
		t.Fatalf("3 %% was refused: %q", f.Error.Text)
	}
	pc := func(s string) string { return display.Percent(d(s), plan.LangFR) }
	want := pc("0.03") + " est hors de la fourchette " + pc("0.008") + "–" + pc("0.025") +
		"\u00a0: l'élargir à " + pc("0.008") + "–" + pc("0.035") + "\u00a0?"
	text := f.Offer.Objects[0].(*widget.Label).Text
	yes := f.Offer.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
	if f.Offer.Hidden || text != want {
		t.Fatalf("offer %q (hidden %v), want %q", text, f.Offer.Hidden, want)
	}
	if len(rec.plans) != 0 {
		t.Fatalf("the plan changed before the user said yes: %v", rec.labels)
	}
	test.Tap(yes)
	if len(rec.plans) != 1 {
		t.Fatalf("%d edits, want one (value and range together)", len(rec.plans))
	}
	got := rec.plans[0].Channels[0]
	if !got.ResponseRate.Equal(d("0.03")) || !got.Ranges[0].Low.Equal(d("0.008")) || !got.Ranges[0].High.Equal(d("0.035")) {
		t.Errorf("edit: response rate %s, range [%s, %s]", got.ResponseRate, got.Ranges[0].Low, got.Ranges[0].High)
	}
	if errs := plan.Validate(rec.plans[0]); len(errs) > 0 {
		t.Errorf("the edit is invalid: %v", errs)
	}
	if !f.Offer.Hidden || f.Invalid() {
		t.Error("the offer stayed after yes")
	}
}

// TestAmountEcho (issue 11 item 4): "5.000" in the French app is read as
// 5 000, and the field says so next to it; a text that already reads as
// the amount has no echo.
func TestAmountEcho(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	c, _ := plan.DefaultLibrary().Prefill(plan.Search, "")
	core := &widgets.EditorCore{P: withChannel(c)}
	f := field(core, widgets.UnitMoney, "budget", "Budget", func(c *plan.Channel) any { return &c.Budget })
	f.Pause = nil
	f.Entry.SetText("5.000")
	if want := "= " + display.Money(d("5000"), "EUR", plan.LangFR); f.Echo.Hidden || f.Echo.Text != want {
		t.Errorf("echo %q (hidden %v), want %q", f.Echo.Text, f.Echo.Hidden, want)
	}
	f.SetUnit("€") // the unit beside the echo says the currency
	f.Entry.SetText("5.000,5")
	if want := "= " + display.Decimal(d("5000.5"), 2, plan.LangFR); f.Echo.Text != want {
		t.Errorf("echo beside a unit %q, want %q", f.Echo.Text, want)
	}
	f.Entry.SetText(display.Decimal(d("5000"), 2, plan.LangFR))
	if !f.Echo.Hidden {
		t.Errorf("echo %q for a text that reads as the amount", f.Echo.Text)
	}
	f.Entry.SetText("abc")
	if !f.Echo.Hidden {
		t.Errorf("echo %q for a text that is no amount", f.Echo.Text)
	}
}

// TestFieldCommitsAfterAPause (issue 11 item 12): the results follow the
// typing: once the user stops, what was typed becomes the plan, without
// Enter or Tab; a pause cut short by more typing commits nothing.
func TestFieldCommitsAfterAPause(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	c, _ := plan.DefaultLibrary().Prefill(plan.Search, "")
	rec := &edits{}
	core := &widgets.EditorCore{Edit: rec.edit, P: withChannel(c)}
	f := field(core, widgets.UnitMoney, "budget", "Budget", func(c *plan.Channel) any { return &c.Budget })
	q := &pauses{}
	f.Pause = q.pause
	f.Entry.SetText("1")
	f.Entry.SetText("12")
	f.Entry.SetText("1200")
	if len(rec.plans) != 0 {
		t.Fatal("committed before the pause")
	}
	q.end()
	if len(rec.plans) != 1 || !rec.plans[0].Channels[0].Budget.Equal(d("1200")) {
		t.Fatalf("after the pause: %d edits %v, want one with budget 1200", len(rec.plans), rec.labels)
	}
	f.Entry.SetText("1300")
	f.Entry.OnSubmitted("1300") // Enter before the pause ends
	q.end()
	if len(rec.plans) != 2 {
		t.Errorf("%d edits, want 2 (Enter commits, the pause then does nothing)", len(rec.plans))
	}
}

// TestStaleErrorGoes (issue 11 item 1): a value refused because of
// another figure is taken once that figure is fixed: the error goes and
// the text is committed.
func TestStaleErrorGoes(t *testing.T) {
	apptest.NewTestApp(t, "fr", plan.LangFR)
	c, _ := plan.DefaultLibrary().Prefill(plan.Search, "")
	c.MinBudget = d("500")
	rec := &edits{}
	core := &widgets.EditorCore{Edit: rec.edit, P: withChannel(c)}
	f := field(core, widgets.UnitMoney, "max_budget", "Maximum budget", func(c *plan.Channel) any { return &c.MaxBudget })
	q := &pauses{}
	f.Pause = q.pause
	f.Entry.SetText("100")
	f.Entry.OnSubmitted("100")
	if !f.Invalid() {
		t.Fatal("a maximum below the minimum was taken")
	}
	q.fns = nil
	fixed := core.P.Clone()
	fixed.Channels[0].MinBudget = decimal.Zero
	core.P = fixed
	core.ShowField(f)
	if f.Invalid() || f.Entry.Text != "100" {
		t.Fatalf("after the fix: error %q, text %q", f.Error.Text, f.Entry.Text)
	}
	q.end()
	if len(rec.plans) != 1 || !rec.plans[0].Channels[0].MaxBudget.Decimal.Equal(d("100")) {
		t.Errorf("%d edits, want the refused 100 committed", len(rec.plans))
	}
}

// No field of these tests commits on a timer: each test that checks the
// pause ends it itself (pauses).
func init() { widgets.TypingPause = func(func()) {} }
