package plan

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MatchCampaign reports whether a campaign name matches pattern, as the
// `campaigns` and `ignore_campaigns` keys compare them: both trimmed of
// spaces at the ends and compared without case (Unicode simple folding:
// "Générique" matches "GÉNÉRIQUE"); `*` in pattern matches any run of
// characters, the empty run included. There is no other special
// character: "?" and "[" match themselves.
//
//	MatchCampaign("Générique*", "générique - Lille")  → true
//	MatchCampaign("*Noël*", "Promo Noël 2027")       → true
//	MatchCampaign("Marque", "Marque 2")              → false
//	MatchCampaign("*", "")                           → true
//
// The time is linear in len(pattern) × len(name) at worst (no
// backtracking blow-up whatever the stars).
func MatchCampaign(pattern, name string) bool {
	p := strings.ToLower(strings.TrimSpace(pattern))
	n := strings.ToLower(strings.TrimSpace(name))
	if !strings.Contains(p, "*") {
		return strings.EqualFold(p, n)
	}
	parts := strings.Split(p, "*")
	// the first part is a prefix, the last a suffix, the others appear in
	// order in between: a greedy left-to-right search is exact for globs
	// whose only wildcard is "*".
	if !strings.HasPrefix(n, parts[0]) {
		return false
	}
	n = n[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(n, mid)
		if i < 0 {
			return false
		}
		n = n[i+len(mid):]
	}
	return len(n) >= len(last) && strings.HasSuffix(n, last)
}

// campaignMatcher places report campaigns in the channels of a plan.
type campaignMatcher struct {
	p      Plan
	ignore []string
}

func newCampaignMatcher(p Plan) campaignMatcher {
	return campaignMatcher{p: p, ignore: p.Tracking.IgnoreCampaigns}
}

// match returns the indexes of the channels campaign name belongs to (its
// id or name, a name starting with "[id]", or one of its campaigns
// patterns), and whether an ignore_campaigns pattern leaves it out (then
// the channels are not looked at: ignoring wins, it is the user's
// explicit choice).
func (m campaignMatcher) match(name string) (channels []int, ignored bool) {
	for _, pat := range m.ignore {
		if MatchCampaign(pat, name) {
			return nil, true
		}
	}
	trimmed := strings.TrimSpace(name)
	bracket := ""
	if strings.HasPrefix(trimmed, "[") {
		if end := strings.IndexByte(trimmed, ']'); end > 1 {
			bracket = strings.TrimSpace(trimmed[1:end])
		}
	}
	for i, c := range m.p.Channels {
		ok := strings.EqualFold(trimmed, c.ID) || strings.EqualFold(trimmed, strings.TrimSpace(c.Name)) || bracket != "" && strings.EqualFold(bracket, c.ID)
		for _, pat := range c.Campaigns {
			if ok {
				break
			}
			ok = MatchCampaign(pat, name)
		}
		if ok {
			channels = append(channels, i)
		}
	}
	return channels, false
}

// sourceKinds are the channel kinds a report's campaigns most likely
// belong to: the channel an error about an unplaced campaign suggests.
var sourceKinds = map[string][]Kind{
	"google-ads": {Search, Display},
	"meta":       {SocialAds, Display},
	"mailchimp":  {Email},
}

// suggestChannel returns the channel an unplaced campaign of source
// should most likely go to: the first of the plan whose kind fits the
// source, else the first channel ("" when the plan has none).
func (m campaignMatcher) suggestChannel(source string) string {
	for _, k := range sourceKinds[source] {
		for _, c := range m.p.Channels {
			if c.Kind == k {
				return c.ID
			}
		}
	}
	if len(m.p.Channels) > 0 {
		return m.p.Channels[0].ID
	}
	return ""
}

// campaignsLine returns the `campaigns` line that would take name into
// channel id: the channel's patterns with name added, as TOML.
func (m campaignMatcher) campaignsLine(id, name string) string {
	var pats []string
	for _, c := range m.p.Channels {
		if c.ID == id {
			pats = append(pats, c.Campaigns...)
		}
	}
	pats = append(pats, strings.TrimSpace(name))
	var b strings.Builder
	b.WriteString("campaigns = [")
	for i, s := range pats {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(tomlQuote(s))
	}
	b.WriteString("]")
	return b.String()
}

// tomlQuote writes s as a TOML basic string (the characters a campaign
// name may hold, quotes and backslashes escaped, controls as \uXXXX).
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			b.WriteString(`\u`)
			const hex = "0123456789ABCDEF"
			b.WriteByte(hex[r>>12&15])
			b.WriteByte(hex[r>>8&15])
			b.WriteByte(hex[r>>4&15])
			b.WriteByte(hex[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// CampaignChoice is what a person picked for a campaign an import could
// not place (UnplacedCampaign): Channel is the id of the channel that
// takes it, or "" to leave it out of every import.
type CampaignChoice struct {
	Campaign string // as written in the report
	Channel  string // a channel id, or "" for ignore_campaigns
}

// CampaignPattern returns the pattern written for campaign name: the name
// trimmed, which MatchCampaign matches to that name (and, when it holds
// a "*", to the names that star stands for); a name longer than an entry
// may be (255 characters) is cut to its first 254 characters then "*".
//
//	CampaignPattern("  Marque - Recherche ") → "Marque - Recherche"
func CampaignPattern(name string) string {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) <= maxListEntry {
		return name
	}
	r := []rune(name)
	return string(r[:maxListEntry-1]) + "*"
}

// PlaceCampaigns returns a new plan: p with each choice written where the
// next ReadActualsFiles will find it — the campaign's CampaignPattern
// appended to its channel's campaigns, or to [tracking] ignore_campaigns
// when Channel is "". A choice whose campaign is already matched by the
// patterns it would join adds nothing; the same campaign chosen twice
// keeps the last choice. p is not changed (its lists are copied). It is
// an error (an ErrorList whose Paths name the choices, "choices[i]") when
// a choice names a channel p does not have; a list grown past its limit
// (100 patterns) is Validate's to report.
func PlaceCampaigns(p Plan, choices []CampaignChoice) (Plan, error) {
	last := map[string]int{} // campaign (as matched: without case) → index of its last choice
	for i, c := range choices {
		last[strings.ToLower(strings.TrimSpace(c.Campaign))] = i
	}
	var errs ErrorList
	q := p.Clone()
	q.Tracking.IgnoreCampaigns = append([]string(nil), p.Tracking.IgnoreCampaigns...)
	idx := make(map[string]int, len(q.Channels))
	for i, c := range q.Channels {
		idx[c.ID] = i
	}
	has := func(list []string, name string) bool {
		for _, pat := range list {
			if MatchCampaign(pat, name) {
				return true
			}
		}
		return false
	}
	for i, c := range choices {
		if last[strings.ToLower(strings.TrimSpace(c.Campaign))] != i {
			continue
		}
		pat := CampaignPattern(c.Campaign)
		if c.Channel == "" {
			if !has(q.Tracking.IgnoreCampaigns, c.Campaign) {
				q.Tracking.IgnoreCampaigns = append(q.Tracking.IgnoreCampaigns, pat)
			}
			continue
		}
		ci, ok := idx[c.Channel]
		if !ok {
			errs = append(errs, Error{Path: fmt.Sprintf("choices[%d].channel", i), Msg: msgf(msgUnknownChan, "channel", c.Channel, channelIDs(p))})
			continue
		}
		if !has(q.Channels[ci].Campaigns, c.Campaign) {
			q.Channels[ci].Campaigns = append(q.Channels[ci].Campaigns, pat)
		}
	}
	if len(errs) > 0 {
		return Plan{}, errs
	}
	return q, nil
}
