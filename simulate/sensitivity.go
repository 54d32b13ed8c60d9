package simulate

import (
	"cmp"
	"fmt"
	"slices"

	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// SensitivityInputs lists, per channel kind, the inputs Sensitivity moves
// by ±20 % when the channel gives them no range: the rates and unit costs
// that carry the channel's results. Budgets and fixed costs are decisions,
// not uncertainties, and list sizes, units and posts are counts the
// owner knows, so they are moved only when the plan gives them a range;
// open_rate is left out (clicks come from delivered messages, so it moves
// neither customers nor profit), and so is the ctr of a search channel
// (it only turns clicks into impressions). Any input that carries a range
// is moved to its range ends, whether listed here or not.
var SensitivityInputs = map[plan.Kind][]string{
	plan.Email:         {"bounce_rate", "click_rate", "conversion_rate", "cost_per_message", "unsubscribe_rate"},
	plan.SMS:           {"bounce_rate", "click_rate", "conversion_rate", "cost_per_message", "unsubscribe_rate"},
	plan.Search:        {"conversion_rate", "cpc"},
	plan.Display:       {"conversion_rate", "cpm", "ctr"},
	plan.SocialAds:     {"conversion_rate", "cpm", "ctr"},
	plan.SocialOrganic: {"conversion_rate", "ctr", "reach_rate"},
	plan.Influencer:    {"conversion_rate", "ctr", "reach_rate"},
	plan.SEO:           {"conversion_rate"},
	plan.Content:       {"conversion_rate"},
	plan.Print:         {"conversion_rate", "cost_per_unit", "response_rate"},
	plan.Event:         {"conversion_rate", "response_rate"},
	plan.Partnership:   {"conversion_rate", "response_rate"},
	plan.Affiliate:     {"commission_per_sale", "commission_rate", "conversion_rate"},
}

// SensitivityStep is the relative move of an input without a range: ±20 %.
var SensitivityStep = decimal.New(2, -1)

// SensitivityResult is a tornado: how much one figure of the plan's
// totals moves when each uncertain input moves alone to its low and high
// ends, every other input at its plan value.
type SensitivityResult struct {
	Metric string // the figure, e.g. "net_profit" or "customers"
	Unit   Unit
	// Base is the figure with every input at its plan value.
	Base   decimal.NullDecimal
	Inputs []SensitivityInput // largest swing first
}

// SensitivityInput is one input moved alone. Low and High are the input's
// ends: its range when the plan gives one (Ranged), else its plan value
// −20 % and +20 % (rates clamped to [0, 1]). ValueLow and ValueHigh are
// the figure with the input at Low and at High; Swing = |ValueHigh −
// ValueLow|, undefined when either value is (e.g. cpa with no customer).
// Values are exact decimals (the deterministic engine); round for display.
type SensitivityInput struct {
	Channel             string // channel id
	Input               string // channel key, e.g. "conversion_rate"
	Ranged              bool
	Value               decimal.Decimal // the plan value
	Low, High           decimal.Decimal
	ValueLow, ValueHigh decimal.NullDecimal
	Swing               decimal.NullDecimal
}

// sensitivityRate lists the inputs that are fractions (clamped to [0, 1]).
var sensitivityRate = map[string]bool{"conversion_rate": true, "bounce_rate": true, "open_rate": true,
	"click_rate": true, "unsubscribe_rate": true, "ctr": true, "reach_rate": true, "response_rate": true,
	"commission_rate": true}

// Sensitivity computes the tornado of MODEL.md for metric (a figure name
// of FigureSpecs, e.g. "net_profit" or "customers") on the plan's totals:
// each input of each channel that carries a range, and each input of
// SensitivityInputs that has a non-zero value, is moved alone to its low
// and high ends and the plan is simulated by the deterministic decimal
// engine (2 runs per input), so every value is exact. The inputs are
// sorted by swing, largest first; ties (and undefined swings, last) by
// channel in plan order, then input name.
//
// It returns the plan's validation errors (a plan.ErrorList) when p is
// invalid, and an error when metric is not a figure.
func Sensitivity(p plan.Plan, metric string) (SensitivityResult, error) {
	spec, ok := SpecOf(metric)
	if !ok {
		return SensitivityResult{}, fmt.Errorf("simulate: sensitivity: %q is not a figure of the results", metric)
	}
	lib := plan.Library{} // recommendations are not needed
	base, err := RunWith(p, lib)
	if err != nil {
		return SensitivityResult{}, err
	}
	res := SensitivityResult{Metric: metric, Unit: spec.Unit, Base: spec.Get(base.Totals)}
	order := map[string]int{}
	for ci, c := range p.Channels {
		order[c.ID] = ci
		names := slices.Clone(SensitivityInputs[c.Kind])
		for _, r := range c.Ranges {
			if !slices.Contains(names, r.Input) {
				names = append(names, r.Input)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			val, ok := c.Value(name)
			if !ok {
				continue
			}
			in := SensitivityInput{Channel: c.ID, Input: name, Value: val}
			if r, ok := c.Range(name); ok {
				in.Ranged, in.Low, in.High = true, r.Low, r.High
			} else {
				if val.IsZero() {
					continue
				}
				in.Low, in.High = val.Mul(one.Sub(SensitivityStep)), val.Mul(one.Add(SensitivityStep))
				if sensitivityRate[name] {
					in.Low, in.High = clamp01(in.Low), clamp01(in.High)
				}
			}
			for _, end := range []struct {
				v   decimal.Decimal
				out *decimal.NullDecimal
			}{{in.Low, &in.ValueLow}, {in.High, &in.ValueHigh}} {
				q := p.Clone()
				qc := &q.Channels[ci]
				qc.Ranges = nil
				qc.SetValue(name, end.v)
				r, err := RunWith(q, lib)
				if err != nil {
					return SensitivityResult{}, fmt.Errorf("simulate: sensitivity: channel %q with %s = %s: %w", c.ID, name, end.v, err)
				}
				*end.out = spec.Get(r.Totals)
			}
			if in.ValueLow.Valid && in.ValueHigh.Valid {
				in.Swing = valid(in.ValueHigh.Decimal.Sub(in.ValueLow.Decimal).Abs())
			}
			res.Inputs = append(res.Inputs, in)
		}
	}
	slices.SortStableFunc(res.Inputs, func(a, b SensitivityInput) int {
		switch {
		case a.Swing.Valid && !b.Swing.Valid:
			return -1
		case !a.Swing.Valid && b.Swing.Valid:
			return 1
		case a.Swing.Valid:
			if c := b.Swing.Decimal.Cmp(a.Swing.Decimal); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(order[a.Channel], order[b.Channel]); c != 0 {
			return c
		}
		return cmp.Compare(a.Input, b.Input)
	})
	return res, nil
}
