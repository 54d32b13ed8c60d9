package simulate

import (
	"sort"
	"strings"
	"testing"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// checkMsg fails unless m has a code of MsgArgs and exactly the arguments
// that code lists (nested messages too): what the catalog's templates may
// name (display's catalog test checks the other side).
func checkMsg(t *testing.T, m plan.Msg) {
	t.Helper()
	want, ok := MsgArgs[m.Code]
	if !ok {
		t.Errorf("message code %q is not in MsgArgs", m.Code)
		return
	}
	var got []string
	for _, a := range m.Args {
		got = append(got, a.Name)
		for _, n := range a.Msgs {
			checkMsg(t, n)
		}
	}
	w := append([]string(nil), want...)
	sort.Strings(got)
	sort.Strings(w)
	if strings.Join(got, ",") != strings.Join(w, ",") {
		t.Errorf("message %s has arguments %v, MsgArgs says %v", m.Code, got, w)
	}
}

// TestMessagesOfExamples runs every example plan, its optimiser and a goal
// seek on each of its objectives, and checks every message they carry
// against MsgArgs.
func TestMessagesOfExamples(t *testing.T) {
	for _, name := range plan.ExampleNames() {
		p, err := plan.Example(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := RunAll(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, res := range r {
			for _, w := range res.Warnings {
				checkMsg(t, w.Msg)
			}
			for _, o := range res.Objectives {
				for _, c := range []Check{o.Smart.Specific, o.Smart.Measurable, o.Smart.Achievable, o.Smart.Relevant, o.Smart.TimeBound} {
					checkMsg(t, c.Why)
				}
			}
		}
		for _, g := range []Goal{GoalCustomers, GoalNetProfit} {
			if o, err := Optimize(p, g, decimal.NullDecimal{}); err == nil {
				for _, w := range o.Warnings {
					checkMsg(t, w.Msg)
				}
			}
		}
		for _, ob := range p.Objectives {
			for _, mix := range []Mix{MixKeep, MixOptimize} {
				g, err := GoalSeek(p, ob.Metric, ob.Target.Mul(d("10")), mix)
				if err != nil {
					continue
				}
				for _, w := range g.Warnings {
					checkMsg(t, w.Msg)
				}
			}
		}
	}
}

// TestPurposeMsg: every purpose of PurposeKinds has its message.
func TestPurposeMsg(t *testing.T) {
	for p := range PurposeKinds {
		m, ok := PurposeMsg(p)
		if !ok {
			t.Errorf("purpose %s has no message", p)
			continue
		}
		checkMsg(t, m)
	}
	if _, ok := PurposeMsg("fame"); ok {
		t.Error("an unknown purpose has a message")
	}
}
