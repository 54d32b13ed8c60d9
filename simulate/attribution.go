package simulate

import (
	"campaignsim/plan"

	"github.com/shopspring/decimal"
)

// AttributionModel is a rule that shares a conversion among the channels
// of its path (seeds 000 and 004).
type AttributionModel string

// The attribution models.
const (
	// FirstTouch gives the whole conversion to the path's first channel.
	FirstTouch AttributionModel = "first_touch"
	// LastTouch gives it to the last channel.
	LastTouch AttributionModel = "last_touch"
	// Linear shares it equally among the path's touches (a channel touched
	// twice gets two shares).
	Linear AttributionModel = "linear"
	// PositionBased (U-shaped) gives 40 % to the first touch, 40 % to the
	// last and shares 20 % equally among the touches between. With one
	// touch it gets 100 %; with two, 50 % each (there is no middle to take
	// the 20 %, so first and last share the whole equally).
	PositionBased AttributionModel = "position_based"
)

// AttributionModels lists the models in the order of the outputs.
var AttributionModels = []AttributionModel{FirstTouch, LastTouch, Linear, PositionBased}

// ChannelCredit is what one model credits to one channel: conversions
// (a count, possibly fractional) and revenue (money).
type ChannelCredit struct {
	Channel     string
	Conversions decimal.Decimal
	Revenue     decimal.Decimal
}

// AttributionTable is one model's credits, one per channel of the plan in
// plan order.
type AttributionTable struct {
	Model    AttributionModel
	Channels []ChannelCredit
}

// AttributionSpread is, for one channel, how much the models disagree:
// the lowest and highest conversions and revenue credited by any model,
// and the difference highest − lowest.
type AttributionSpread struct {
	Channel                          string
	MinConversions, MaxConversions   decimal.Decimal
	MinRevenue, MaxRevenue           decimal.Decimal
	ConversionsSpread, RevenueSpread decimal.Decimal
}

// Attribution is the result of Attribute: the totals, one table per model
// (AttributionModels order) and the spread between the models.
type Attribution struct {
	Paths       int             // paths read
	Conversions decimal.Decimal // converted paths
	Revenue     decimal.Decimal // revenue of the converted paths
	Models      []AttributionTable
	Spread      []AttributionSpread
}

// Table returns the table of model m.
func (a Attribution) Table(m AttributionModel) (AttributionTable, bool) {
	for _, t := range a.Models {
		if t.Model == m {
			return t, true
		}
	}
	return AttributionTable{}, false
}

// positionWeights returns the share of each of n touches under model.
// The shares add up to exactly 1: every share but the last is rounded to
// Precision places and the last one takes the remainder.
func positionWeights(model AttributionModel, n int) []decimal.Decimal {
	w := make([]decimal.Decimal, n)
	if n == 0 {
		return w
	}
	switch model {
	case FirstTouch:
		w[0] = one
		return w
	case LastTouch:
		w[n-1] = one
		return w
	case Linear:
		each := one.DivRound(decimal.NewFromInt(int64(n)), Precision)
		for i := range w {
			w[i] = each
		}
	case PositionBased:
		switch n {
		case 1:
			w[0] = one
			return w
		case 2:
			w[0], w[1] = decimal.New(5, -1), decimal.New(5, -1)
			return w
		}
		ends := decimal.New(4, -1)
		mid := decimal.New(2, -1).DivRound(decimal.NewFromInt(int64(n-2)), Precision)
		w[0], w[n-1] = ends, ends
		for i := 1; i < n-1; i++ {
			w[i] = mid
		}
	}
	var sum decimal.Decimal
	for i := 0; i < n-1; i++ {
		sum = sum.Add(w[i])
	}
	w[n-1] = one.Sub(sum)
	return w
}

// Attribute credits the conversions and revenue of the converted paths to
// the plan's channels under every model of AttributionModels. Paths that
// did not convert are counted in Paths and credit nothing. Under each
// model, a path's credits add up exactly to one conversion and to its
// revenue (the last touch takes the rounding remainder of the revenue), so
// each table's credits add up to Conversions and Revenue.
// A path naming a channel the plan lacks is an error.
func Attribute(p plan.Plan, paths []plan.ConversionPath) (Attribution, error) {
	idx := map[string]int{}
	for i, c := range p.Channels {
		idx[c.ID] = i
	}
	a := Attribution{Paths: len(paths)}
	for _, m := range AttributionModels {
		t := AttributionTable{Model: m, Channels: make([]ChannelCredit, len(p.Channels))}
		for i, c := range p.Channels {
			t.Channels[i].Channel = c.ID
		}
		a.Models = append(a.Models, t)
	}
	for _, path := range paths {
		for _, ch := range path.Channels {
			if _, ok := idx[ch]; !ok {
				return Attribution{}, errorf(p, nil, MsgErrPathChannel, plan.TextArg("path", path.ID), plan.TextArg("channel", ch))
			}
		}
		if !path.Converted || len(path.Channels) == 0 {
			continue
		}
		a.Conversions = a.Conversions.Add(one)
		a.Revenue = a.Revenue.Add(path.Revenue)
		for k, m := range AttributionModels {
			w := positionWeights(m, len(path.Channels))
			var given decimal.Decimal
			last := -1
			for j := range w {
				if !w[j].IsZero() {
					last = j
				}
			}
			for j, ch := range path.Channels {
				if w[j].IsZero() {
					continue
				}
				cc := &a.Models[k].Channels[idx[ch]]
				cc.Conversions = cc.Conversions.Add(w[j])
				r := path.Revenue.Mul(w[j]).Round(Precision)
				if j == last {
					r = path.Revenue.Sub(given)
				}
				given = given.Add(r)
				cc.Revenue = cc.Revenue.Add(r)
			}
		}
	}
	for i, c := range p.Channels {
		s := AttributionSpread{Channel: c.ID}
		for k, t := range a.Models {
			cc := t.Channels[i]
			if k == 0 || cc.Conversions.LessThan(s.MinConversions) {
				s.MinConversions = cc.Conversions
			}
			if k == 0 || cc.Conversions.GreaterThan(s.MaxConversions) {
				s.MaxConversions = cc.Conversions
			}
			if k == 0 || cc.Revenue.LessThan(s.MinRevenue) {
				s.MinRevenue = cc.Revenue
			}
			if k == 0 || cc.Revenue.GreaterThan(s.MaxRevenue) {
				s.MaxRevenue = cc.Revenue
			}
		}
		s.ConversionsSpread = s.MaxConversions.Sub(s.MinConversions)
		s.RevenueSpread = s.MaxRevenue.Sub(s.MinRevenue)
		a.Spread = append(a.Spread, s)
	}
	return a, nil
}
