package editors

import (
	"campaignsim/app/widgets"
	"slices"
	"strings"
	"testing"

	"campaignsim/app/internal/apptest"
	"campaignsim/plan"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"
)

func newChannelsEditorTest(t *testing.T, p plan.Plan) (*ChannelsEditor, *recorder, fyne.Window) {
	apptest.NewTestApp(t, "en", plan.LangEN)
	rec := &recorder{}
	w := test.NewTempWindow(t, nil)
	ed := NewChannelsEditor(w, rec.edit)
	rec.panel = ed
	w.SetContent(ed.Widget())
	w.Resize(fyne.NewSize(1024, 768))
	ed.Refresh(p, nil)
	return ed, rec, w
}

func TestChannelsEditorAddEachKind(t *testing.T) {
	p := bakery(t)
	ed, rec, _ := newChannelsEditorTest(t, p)
	for _, k := range plan.Kinds {
		ed.onAdd()
		test.Tap(ed.kindButtons[k])
		got := rec.last(t)
		if len(got.Channels) != len(p.Channels)+1 {
			t.Fatalf("%s: %d channels, want %d", k, len(got.Channels), len(p.Channels)+1)
		}
		ch := got.Channels[len(got.Channels)-1]
		if ch.Kind != k || ch.ID == "" || ch.Name == "" {
			t.Errorf("%s: added %+v", k, ch)
		}
		if !ch.ConversionRate.IsPositive() {
			t.Errorf("%s: conversion rate not pre-filled", k)
		}
		if ed.form == nil || ed.form.kind != k {
			t.Fatalf("%s: form not shown for the new channel", k)
		}
		// Only the kind's own keys are shown.
		for _, key := range channelKeys {
			_, shown := ed.form.values[key.key]
			if want := key.takes(k, p.Business.Model); shown != want {
				t.Errorf("%s: field %s shown = %v, want %v", k, key.key, shown, want)
			}
		}
		if info := ed.form.values["conversion_rate"].Info.Text; !strings.Contains(info, "20") {
			t.Errorf("%s: conversion rate source line %q names no year", k, info)
		}
		p = got
	}
	// Money figures in dollars are flagged.
	ed.onAdd()
	test.Tap(ed.kindButtons[plan.Search])
	if info := ed.form.values["cpc"].Info.Text; !strings.Contains(info, "USD") {
		t.Errorf("cpc source line %q does not flag USD", info)
	}
}

func TestChannelsEditorEditField(t *testing.T) {
	ed, rec, _ := newChannelsEditorTest(t, bakery(t))
	if ed.form == nil || ed.form.kind != plan.Print {
		t.Fatal("first channel (print) not shown")
	}
	typeIn(ed.form.values["response_rate"], "2")
	got := rec.last(t).Channels[0]
	if !got.ResponseRate.Equal(decimal.RequireFromString("0.02")) {
		t.Errorf("response rate = %s", got.ResponseRate)
	}
	// Out of its range: marked, no edit.
	n := len(rec.plans)
	typeIn(ed.form.values["response_rate"], "120")
	if len(rec.plans) != n || !ed.form.values["response_rate"].Invalid() {
		t.Error("response rate 120 % not refused")
	}
	// Select the social ads channel: only its keys.
	ed.items.List.Select(1)
	if ed.form.kind != plan.SocialAds || ed.form.values["cpm"] == nil || ed.form.values["units"] != nil {
		t.Fatalf("social ads form wrong: kind %s", ed.form.kind)
	}
	typeIn(ed.form.values["budget"], "1 500")
	if got := rec.last(t).Channels[1].Budget; !got.Equal(decimal.NewFromInt(1500)) {
		t.Errorf("budget = %s", got)
	}
	ed.form.locked.SetChecked(true)
	if !rec.last(t).Channels[1].Locked {
		t.Error("lock not stored")
	}
	// Active months: untick month 3.
	ed.form.monthChecks[2].SetChecked(false)
	if got := rec.last(t).Channels[1].ActiveMonths; !slices.Equal(got, []int{1, 2}) {
		t.Errorf("active months = %v", got)
	}
}

func TestChannelsEditorDuplicateDelete(t *testing.T) {
	p := bakery(t)
	ed, rec, _ := newChannelsEditorTest(t, p)
	test.Tap(ed.dupButton)
	got := rec.last(t)
	if len(got.Channels) != len(p.Channels)+1 {
		t.Fatalf("duplicate: %d channels", len(got.Channels))
	}
	c0, c1 := got.Channels[0], got.Channels[1]
	if c1.ID == c0.ID || c1.Kind != c0.Kind || !c1.ResponseRate.Equal(c0.ResponseRate) {
		t.Errorf("duplicate = %+v", c1)
	}
	if ed.items.Selected != 1 {
		t.Errorf("selected %d after duplicate", ed.items.Selected)
	}
	test.Tap(ed.items.DeleteButton)
	got = rec.last(t)
	if len(got.Channels) != len(p.Channels) || got.Channels[1].ID != p.Channels[1].ID {
		t.Errorf("delete removed the wrong channel")
	}
	if rec.labels[len(rec.labels)-1] != "Delete channel" {
		t.Errorf("label = %q", rec.labels[len(rec.labels)-1])
	}
	if !ed.items.Notice.Visible() || !strings.Contains(ed.items.Notice.Text, "Ctrl+Z") {
		t.Errorf("notice %q", ed.items.Notice.Text)
	}
	// With an Undo hook, the notice offers a button.
	undone := false
	ed.Undo = func() { undone = true }
	test.Tap(ed.items.DeleteButton)
	if !ed.items.UndoButton.Visible() {
		t.Fatal("no undo button")
	}
	test.Tap(ed.items.UndoButton)
	if !undone {
		t.Error("Undo not called")
	}
	// File → New (the shell's ClearStatus) leaves no notice about the
	// plan it replaced.
	var _ widgets.StatusClearer = ed
	ed.ClearStatus()
	if ed.items.Notice.Visible() && ed.items.Notice.Text != "" || ed.items.UndoButton.Visible() {
		t.Errorf("after ClearStatus: notice %q (visible %v), undo button visible %v", ed.items.Notice.Text, ed.items.Notice.Visible(), ed.items.UndoButton.Visible())
	}
	// Deleting every channel never panics.
	for range 10 {
		test.Tap(ed.items.DeleteButton)
	}
	if n := len(rec.last(t).Channels); n != 0 {
		t.Errorf("%d channels left", n)
	}
}

func TestChannelsEditorRanges(t *testing.T) {
	ed, rec, _ := newChannelsEditorTest(t, bakery(t))
	lo, hi := ed.form.lows["response_rate"], ed.form.highs["response_rate"]
	if lo.Entry.Text != "0,8" && lo.Entry.Text != "0.8" {
		t.Errorf("range low shows %q, want 0,8 (per cent)", lo.Entry.Text)
	}
	lo.Entry.SetText("1")
	hi.Entry.SetText("3,5")
	hi.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	r, ok := rec.last(t).Channels[0].Range("response_rate")
	if !ok || !r.Low.Equal(decimal.RequireFromString("0.01")) || !r.High.Equal(decimal.RequireFromString("0.035")) {
		t.Errorf("range = %+v", r)
	}
	// A range that excludes the value is refused.
	n := len(rec.plans)
	typeIn(lo, "2")
	if len(rec.plans) != n || !lo.Invalid() {
		t.Error("range excluding the value accepted")
	}
	// Both empty removes it.
	lo.Entry.SetText("")
	typeIn(hi, "")
	if _, ok := rec.last(t).Channels[0].Range("response_rate"); ok {
		t.Error("range not removed")
	}
}

func TestChannelsEditorB2BOverrides(t *testing.T) {
	p, err := plan.Example("b2b-software")
	if err != nil {
		t.Fatal(err)
	}
	ed, rec, _ := newChannelsEditorTest(t, p)
	f := ed.form.values["lead_to_mql"]
	if f == nil {
		t.Fatal("no b2b override in a b2b plan")
	}
	typeIn(f, "20")
	if got := rec.last(t).Channels[0].LeadToMQL; !got.Valid || !got.Decimal.Equal(decimal.RequireFromString("0.2")) {
		t.Errorf("override = %v", got)
	}
	typeIn(f, "")
	if rec.last(t).Channels[0].LeadToMQL.Valid {
		t.Error("empty override not unset")
	}
	ed2, _, _ := newChannelsEditorTest(t, bakery(t))
	if ed2.form.values["lead_to_mql"] != nil {
		t.Error("b2b override shown in a b2c plan")
	}
}

// TestChannelKeysMatchFormat checks the editor's key table against the
// plan file: every key plan.Encode writes for a channel of each kind is a
// field of the form, and no other.
func TestChannelKeysMatchFormat(t *testing.T) {
	for _, k := range plan.Kinds {
		p := bakery(t)
		p.Business.Model = plan.B2B
		p.Funnel = plan.Funnel{LeadToMQL: decimal.RequireFromString("0.1"), MQLToSQL: decimal.RequireFromString("0.1"), SQLToCustomer: decimal.RequireFromString("0.1")}
		ch, _ := plan.DefaultLibrary().Prefill(k, "")
		ch.ID, ch.Name = "x", "x"
		one := decimal.NewNullDecimal(decimal.RequireFromString("0.5"))
		ch.LeadToMQL, ch.MQLToSQL, ch.SQLToCustomer = one, one, one
		ch.Audience, ch.MaxClicks = decimal.NewNullDecimal(decimal.NewFromInt(10)), decimal.NewNullDecimal(decimal.NewFromInt(10))
		ch.CTR, ch.CommissionPerSale = one, decimal.NullDecimal{}
		ch.CPC, ch.CPM, ch.FixedCost = decimal.NewFromInt(1), decimal.NewFromInt(1), decimal.NewFromInt(1)
		p.Channels = []plan.Channel{ch}
		p.Scenarios, p.Actuals, p.Objectives = nil, nil, nil
		data, err := plan.Encode(p)
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		_, body, _ := strings.Cut(string(data), "[[channels]]")
		body, _, _ = strings.Cut(body, "\n[")
		var written []string
		for _, line := range strings.Split(body, "\n") {
			key, _, ok := strings.Cut(line, " = ")
			key = strings.TrimSpace(key)
			if !ok || slices.Contains([]string{"id", "name", "kind", "owner", "active_months", "ranges", "min_budget", "max_budget", "locked"}, key) {
				continue
			}
			written = append(written, key)
		}
		for _, key := range written {
			if !slices.ContainsFunc(keysOf(k, plan.B2B), func(c channelKey) bool { return c.key == key }) {
				t.Errorf("%s: plan.Encode writes %s, the form has no field for it", k, key)
			}
		}
		for _, c := range keysOf(k, plan.B2B) {
			if c.key != "commission_per_sale" && !slices.Contains(written, c.key) {
				t.Errorf("%s: the form shows %s, which the plan file does not have", k, c.key)
			}
		}
	}
}

func TestChannelsEditorResults(t *testing.T) {
	p := bakery(t)
	ed, _, _ := newChannelsEditorTest(t, p)
	ed.Refresh(p, results(t, p))
	if s := ed.subtitle(0); !strings.Contains(s, "€") || !strings.Contains(s, "customers") && !strings.Contains(s, "clients") {
		t.Errorf("subtitle %q has no cost or customers", s)
	}
}

func TestChannelsEditorGolden(t *testing.T) {
	p := bakery(t)
	ed, _, w := newChannelsEditorTest(t, p)
	ed.Refresh(p, results(t, p))
	test.AssertRendersToMarkup(t, "channels_editor.xml", w.Canvas())
}

// TestChannelsEditorOneCustomer (issue 11 item 12): a channel that wins
// one customer reads « 1 client », not « 1 clients ».
func TestChannelsEditorOneCustomer(t *testing.T) {
	p := bakery(t)
	r := results(t, p)
	n := r.Base.Channels[0].Figures.Customers.Decimal
	// the first channel's customers are proportional to its conversion
	// rate: divide it by its customer count for one customer
	p.Channels[0].ConversionRate = p.Channels[0].ConversionRate.Div(n).Round(10)
	p.Channels[0].Ranges = nil
	apptest.NewTestApp(t, "fr", plan.LangFR)
	w := test.NewTempWindow(t, nil)
	ed := NewChannelsEditor(w, (&recorder{}).edit)
	w.SetContent(ed.Widget())
	ed.Refresh(p, results(t, p))
	s := ed.subtitle(0)
	if !strings.HasSuffix(s, " 1 client") {
		t.Errorf("subtitle %q, want it to end « 1 client »", s)
	}
}

// An added channel the plan refuses (the plan already has a problem that
// any edit keeps) leaves the selection on the channel whose form is shown:
// it once moved to the last channel, so the next edit of the form went to
// another channel than the one on screen.
func TestChannelsEditorRefusedAddKeepsSelection(t *testing.T) {
	p := bakery(t)
	if len(p.Channels) < 2 {
		t.Fatalf("bakery has %d channels", len(p.Channels))
	}
	p.Business.GrossMargin = decimal.NewFromInt(2) // 200 %: plan.Validate refuses it
	if len(plan.Validate(p)) == 0 {
		t.Fatal("the plan is valid")
	}
	ed, rec, _ := newChannelsEditorTest(t, p)
	if ed.items.Selected != 0 || ed.form == nil || ed.form.index != 0 {
		t.Fatalf("selected %d before the add", ed.items.Selected)
	}
	ed.onAdd()
	test.Tap(ed.kindButtons[plan.Email])
	if len(rec.plans) != 0 {
		t.Fatalf("the add went through: %d edits", len(rec.plans))
	}
	if ed.items.Selected != 0 || ed.form.index != 0 {
		t.Errorf("after a refused add: selected %d, form of channel %d", ed.items.Selected, ed.form.index)
	}
	if !ed.items.Notice.Visible() || ed.items.Notice.Text == "" {
		t.Error("the refusal is not said")
	}
}
