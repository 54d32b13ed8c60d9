package plan

import (
	"strconv"
	"strings"
)

// Place names, for a person, the part of p that e is about: the channel
// by its name and the figure by its label ("canal « Mailing »
// (Taux de conversion)"), the objective by its id, the scenario by its
// name, a table's key by its label; never the key path
// (channels[0].conversion_rate) the file would need. It is the zero Msg
// when e has no Path or names nothing p has (an index out of range), and
// the caller then says nothing of the place. Keys are arguments of kind
// ArgMetric: display writes them with the figure labels.
func (e Error) Place(p Plan) Msg {
	head, rest, _ := strings.Cut(e.Path, ".")
	name, idx, indexed := splitIndex(head)
	key, _, _ := strings.Cut(rest, ".")
	switch {
	case indexed && name == "channels" && idx < len(p.Channels):
		c := p.Channels[idx]
		ch := TextArg("channel", c.Name)
		if c.Name == "" {
			ch = TextArg("channel", c.ID)
		}
		switch {
		case rest == "":
			return NewMsg(msgPlaceChannel, ch)
		case key == "ranges":
			_, in, _ := strings.Cut(rest, ".")
			return NewMsg(msgPlaceChannelRange, ch, MetricArg("key", in))
		}
		return NewMsg(msgPlaceChannelKey, ch, MetricArg("key", key))
	case indexed && name == "objectives" && idx < len(p.Objectives):
		return NewMsg(msgPlaceObjective, TextArg("objective", p.Objectives[idx].ID))
	case indexed && name == "scenarios" && idx < len(p.Scenarios):
		return NewMsg(msgPlaceScenario, TextArg("scenario", p.Scenarios[idx].Name))
	case indexed && name == "actuals" && idx < len(p.Actuals):
		a := p.Actuals[idx]
		return NewMsg(msgPlaceActual, TextArg("channel", a.Channel), MonthArg("month", a.Month))
	case !indexed && rest != "" && (head == "plan" || head == "business" || head == "funnel" || head == "simulation" || head == "tracking"):
		return NewMsg(msgPlaceKey, MetricArg("key", key))
	}
	return Msg{}
}

// splitIndex splits "channels[3]" into "channels", 3 and true.
func splitIndex(s string) (string, int, bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 || !strings.HasSuffix(s, "]") {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1 : len(s)-1])
	if err != nil || n < 0 {
		return s, 0, false
	}
	return s[:i], n, true
}
