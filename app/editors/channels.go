package editors

import (
	"fmt"
	"slices"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// channelKey describes one value key of a channel as the editor shows it:
// FORMAT.md's key (also the last part of its validation path), its label
// (English, translated with lang.L), its unit, the kinds that take it (nil:
// every kind) and where it lives in a plan.Channel. It mirrors the key
// table of package plan, which is not exported; TestChannelKeysMatchFormat
// checks both agree through plan.Encode.
type channelKey struct {
	key   string
	label string
	unit  widgets.FieldUnit
	kinds []plan.Kind
	b2b   bool   // a funnel override, shown in b2b plans only
	hint  string // one line under the field (English); "" for none
	ptr   func(c *plan.Channel) any
}

var (
	kEmail  = []plan.Kind{plan.Email, plan.SMS}
	kPaid   = []plan.Kind{plan.Search, plan.Display, plan.SocialAds}
	kAds    = []plan.Kind{plan.Display, plan.SocialAds}
	kSocial = []plan.Kind{plan.SocialOrganic, plan.Influencer}
	kCTR    = []plan.Kind{plan.Search, plan.Display, plan.SocialAds, plan.SocialOrganic, plan.Influencer}
	kAud    = []plan.Kind{plan.Display, plan.SocialAds, plan.SocialOrganic, plan.Influencer, plan.Print}
	kResp   = []plan.Kind{plan.Print, plan.Event, plan.Partnership}
)

// channelKeys are the value keys of a channel in FORMAT.md's order (the
// optimiser bounds and lock come after, see the paid section).
var channelKeys = []channelKey{
	{key: "list_size", label: "List size", unit: widgets.UnitInt, kinds: kEmail, hint: "People on the list before the first send.", ptr: func(c *plan.Channel) any { return &c.ListSize }},
	{key: "sends", label: "Sends", unit: widgets.UnitInt, kinds: kEmail, ptr: func(c *plan.Channel) any { return &c.Sends }},
	{key: "cost_per_message", label: "Cost per message", unit: widgets.UnitPrice, kinds: kEmail, ptr: func(c *plan.Channel) any { return &c.CostPerMessage }},
	{key: "bounce_rate", label: "Bounce rate", unit: widgets.UnitPercent, kinds: kEmail, ptr: func(c *plan.Channel) any { return &c.BounceRate }},
	{key: "open_rate", label: "Open rate", unit: widgets.UnitPercent, kinds: kEmail, ptr: func(c *plan.Channel) any { return &c.OpenRate }},
	{key: "click_rate", label: "Click rate", unit: widgets.UnitPercent, kinds: kEmail, hint: "Clicks per delivered message, as Mailchimp reports it.", ptr: func(c *plan.Channel) any { return &c.ClickRate }},
	{key: "unsubscribe_rate", label: "Unsubscribe rate", unit: widgets.UnitPercent, kinds: kEmail, ptr: func(c *plan.Channel) any { return &c.UnsubscribeRate }},
	{key: "budget", label: "Media budget", unit: widgets.UnitMoney, kinds: kPaid, hint: "Spent on the ads over the whole plan.", ptr: func(c *plan.Channel) any { return &c.Budget }},
	{key: "cpc", label: "Cost per click (CPC)", unit: widgets.UnitPrice, kinds: []plan.Kind{plan.Search}, ptr: func(c *plan.Channel) any { return &c.CPC }},
	{key: "cpm", label: "Cost per 1000 impressions (CPM)", unit: widgets.UnitPrice, kinds: kAds, ptr: func(c *plan.Channel) any { return &c.CPM }},
	{key: "followers", label: "Followers", unit: widgets.UnitNumber, kinds: kSocial, ptr: func(c *plan.Channel) any { return &c.Followers }},
	{key: "reach_rate", label: "Reach rate", unit: widgets.UnitPercent, kinds: kSocial, hint: "Share of followers who see a post.", ptr: func(c *plan.Channel) any { return &c.ReachRate }},
	{key: "posts", label: "Posts", unit: widgets.UnitInt, kinds: kSocial, ptr: func(c *plan.Channel) any { return &c.Posts }},
	{key: "ctr", label: "Click-through rate (CTR)", unit: widgets.UnitPercent, kinds: kCTR, ptr: func(c *plan.Channel) any { return &c.CTR }},
	{key: "max_clicks", label: "Most clicks", unit: widgets.UnitNumber, kinds: []plan.Kind{plan.Search}, hint: "Optional: the searches there are to win; empty for no cap.", ptr: func(c *plan.Channel) any { return &c.MaxClicks }},
	{key: "visits_per_month", label: "Visits per month", unit: widgets.UnitNumber, kinds: []plan.Kind{plan.SEO, plan.Content}, ptr: func(c *plan.Channel) any { return &c.VisitsPerMonth }},
	{key: "ramp_months", label: "Months to full traffic", unit: widgets.UnitInt, kinds: []plan.Kind{plan.SEO, plan.Content}, ptr: func(c *plan.Channel) any { return &c.RampMonths }},
	{key: "units", label: "Units", unit: widgets.UnitInt, kinds: []plan.Kind{plan.Print}, hint: "Flyers, posters or copies printed.", ptr: func(c *plan.Channel) any { return &c.Units }},
	{key: "cost_per_unit", label: "Cost per unit", unit: widgets.UnitPrice, kinds: []plan.Kind{plan.Print}, ptr: func(c *plan.Channel) any { return &c.CostPerUnit }},
	{key: "reach_per_unit", label: "People reached per unit", unit: widgets.UnitNumber, kinds: []plan.Kind{plan.Print}, ptr: func(c *plan.Channel) any { return &c.ReachPerUnit }},
	{key: "contacts", label: "Contacts", unit: widgets.UnitNumber, kinds: []plan.Kind{plan.Event, plan.Partnership}, hint: "People met or reached through the partner.", ptr: func(c *plan.Channel) any { return &c.Contacts }},
	{key: "response_rate", label: "Response rate", unit: widgets.UnitPercent, kinds: kResp, ptr: func(c *plan.Channel) any { return &c.ResponseRate }},
	{key: "audience", label: "Audience", unit: widgets.UnitNumber, kinds: kAud, hint: "Optional: the most people the channel can reach; empty for no cap.", ptr: func(c *plan.Channel) any { return &c.Audience }},
	{key: "clicks", label: "Clicks", unit: widgets.UnitNumber, kinds: []plan.Kind{plan.Affiliate}, ptr: func(c *plan.Channel) any { return &c.Clicks }},
	{key: "commission_per_sale", label: "Commission per sale", unit: widgets.UnitMoney, kinds: []plan.Kind{plan.Affiliate}, hint: "Fill in this one or the commission rate, not both.", ptr: func(c *plan.Channel) any { return &c.CommissionPerSale }},
	{key: "commission_rate", label: "Commission rate", unit: widgets.UnitPercent, kinds: []plan.Kind{plan.Affiliate}, hint: "Share of the first order paid to the affiliate.", ptr: func(c *plan.Channel) any { return &c.CommissionRate }},
	{key: "fixed_cost", label: "Fixed cost", unit: widgets.UnitMoney, hint: "Design, fees, gifts: paid once for the whole plan.", ptr: func(c *plan.Channel) any { return &c.FixedCost }},
	{key: "conversion_rate", label: "Conversion rate", unit: widgets.UnitPercent, hint: "Share of clicks or responses that become customers.", ptr: func(c *plan.Channel) any { return &c.ConversionRate }},
	{key: "lead_to_mql", label: "Lead → MQL", unit: widgets.UnitPercent, b2b: true, hint: "Empty: the plan's funnel.", ptr: func(c *plan.Channel) any { return &c.LeadToMQL }},
	{key: "mql_to_sql", label: "MQL → SQL", unit: widgets.UnitPercent, b2b: true, hint: "Empty: the plan's funnel.", ptr: func(c *plan.Channel) any { return &c.MQLToSQL }},
	{key: "sql_to_customer", label: "SQL → customer", unit: widgets.UnitPercent, b2b: true, hint: "Empty: the plan's funnel.", ptr: func(c *plan.Channel) any { return &c.SQLToCustomer }},
}

// takes reports whether a channel of kind k in a plan of model m has key.
func (k channelKey) takes(kind plan.Kind, m plan.Model) bool {
	if k.b2b {
		return m == plan.B2B
	}
	return k.kinds == nil || slices.Contains(k.kinds, kind)
}

// uncertain reports whether the key may carry a range or a scenario
// factor: every decimal key but the funnel overrides (the optimiser bounds
// are not in channelKeys).
func (k channelKey) uncertain() bool {
	return !k.b2b && k.unit != widgets.UnitInt
}

// keysOf returns the keys of a channel of kind in a plan of model m.
func keysOf(kind plan.Kind, m plan.Model) []channelKey {
	var out []channelKey
	for _, k := range channelKeys {
		if k.takes(kind, m) {
			out = append(out, k)
		}
	}
	return out
}

// rangeKeys returns the keys of a channel of kind that may carry a range,
// sorted by key as plan.Channel.Ranges is.
func rangeKeys(kind plan.Kind) []channelKey {
	var out []channelKey
	for _, k := range keysOf(kind, plan.B2C) {
		if k.uncertain() {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b channelKey) int { return strings.Compare(a.key, b.key) })
	return out
}

// kindIcon returns the icon of a channel kind (a Fyne theme icon).
func kindIcon(k plan.Kind) fyne.Resource {
	switch k {
	case plan.Email:
		return theme.MailComposeIcon()
	case plan.SMS:
		return theme.MailSendIcon()
	case plan.Search:
		return theme.SearchIcon()
	case plan.Display:
		return theme.MediaPhotoIcon()
	case plan.SocialAds:
		return theme.VolumeUpIcon()
	case plan.SocialOrganic:
		return theme.AccountIcon()
	case plan.Influencer:
		return theme.VisibilityIcon()
	case plan.SEO:
		return theme.ZoomInIcon()
	case plan.Content:
		return theme.DocumentCreateIcon()
	case plan.Print:
		return theme.DocumentPrintIcon()
	case plan.Event:
		return theme.CalendarIcon()
	case plan.Partnership:
		return theme.HomeIcon()
	case plan.Affiliate:
		return theme.MailForwardIcon()
	}
	return theme.QuestionIcon()
}

// kindHelp explains a channel kind in one line (English, translated).
func kindHelp(k plan.Kind) string {
	switch k {
	case plan.Email:
		return lang.L("Emails to your own list of subscribers (newsletter, offers).")
	case plan.SMS:
		return lang.L("Text messages to customers who gave their number.")
	case plan.Search:
		return lang.L("Ads on Google or Bing search results, paid per click.")
	case plan.Display:
		return lang.L("Banners on websites and apps, paid per thousand views.")
	case plan.SocialAds:
		return lang.L("Sponsored posts on Facebook, Instagram, TikTok…, paid per thousand views.")
	case plan.SocialOrganic:
		return lang.L("Your own posts on your social pages: free but for the time spent.")
	case plan.Influencer:
		return lang.L("A creator shows you to their followers, for a fee or gifts.")
	case plan.SEO:
		return lang.L("Visitors who find your website on Google without ads.")
	case plan.Content:
		return lang.L("Articles, videos or guides that bring visitors to your site.")
	case plan.Print:
		return lang.L("Flyers, posters, mailbox drops, local press.")
	case plan.Event:
		return lang.L("Fairs, tastings, open days: the people you meet there.")
	case plan.Partnership:
		return lang.L("A partner (school, shop, club) recommends you to their contacts.")
	case plan.Affiliate:
		return lang.L("Partner sites send you clicks; you pay a commission per sale.")
	}
	return ""
}

// ChannelsEditor is the panel that edits the channel mix: a list of the
// channels (kind icon, name, cost and customers from the latest results)
// and the form of the selected one, which shows only its kind's keys.
// "Add" opens a kind picker; the new channel is pre-filled from the
// benchmark library, and each pre-filled field says where its figure comes
// from. Delete is an ordinary edit, so the shell's undo brings it back.
type ChannelsEditor struct {
	core widgets.EditorCore

	items                  *widgets.ItemList
	dupButton              *widget.Button
	picker                 dialog.Dialog
	kindButtons            map[plan.Kind]*widget.Button
	form                   *channelForm
	root                   fyne.CanvasObject
	listIDs, listSubtitles []string

	// Undo, when set by the window, is offered as a button in the notice
	// that follows a deletion; otherwise the notice says "Ctrl+Z".
	Undo func()
}

var _ widgets.Panel = (*ChannelsEditor)(nil)

// NewChannelsEditor returns the channel mix editor; w is the window the kind
// picker opens in.
func NewChannelsEditor(w fyne.Window, edit widgets.EditFunc) *ChannelsEditor {
	e := &ChannelsEditor{core: widgets.EditorCore{Win: w, Edit: edit}, kindButtons: map[plan.Kind]*widget.Button{}}
	e.core.Applied = func(p plan.Plan) { e.show() }
	e.items = widgets.NewItemList(&e.core, func() int { return len(e.core.P.Channels) },
		func() fyne.CanvasObject {
			// Two lines for the name rather than "Mailing familles en boîte…":
			// the row is two lines tall (the list sizes every row from this
			// template), the name wraps within them, "…" only after two lines.
			name := widget.NewLabel("")
			name.TextStyle = fyne.TextStyle{Bold: true}
			name.Wrapping, name.Truncation = fyne.TextWrapWord, fyne.TextTruncateEllipsis
			twoLines := widget.NewLabel("\n") // blank, two lines tall
			sub := widget.NewLabel("")
			sub.Importance = widget.LowImportance
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.QuestionIcon()), nil, container.NewVBox(container.NewStack(twoLines, name), sub))
		},
		func(id int, o fyne.CanvasObject) {
			ch := e.core.P.Channels[id]
			box := o.(*fyne.Container)
			texts := box.Objects[0].(*fyne.Container)
			texts.Objects[0].(*fyne.Container).Objects[1].(*widget.Label).SetText(ch.Name)
			texts.Objects[1].(*widget.Label).SetText(e.subtitle(id))
			box.Objects[1].(*widget.Icon).SetResource(kindIcon(ch.Kind))
		}, e.onAdd, e.onDelete, func() {
			e.showForm()
			e.updateButtons()
		}, lang.L("No channel yet: press Add to choose the first action of the mix (mailing, flyers, Google ads…)."))
	e.dupButton = widget.NewButtonWithIcon(lang.L("Duplicate"), theme.ContentCopyIcon(), e.onDuplicate)

	buttons := container.NewVBox(e.items.AddButton, container.NewGridWithColumns(2, e.dupButton, e.items.DeleteButton))
	e.root = e.items.Split(container.NewVBox(buttons, e.items.NoticeRow()), 0.3)
	e.updateButtons()
	return e
}

// Widget returns the list and the form, side by side.
func (e *ChannelsEditor) Widget() fyne.CanvasObject { return e.root }

// Refresh shows p and, when r is not nil, the cost and customers of each
// channel. The form is rebuilt only when the selected channel's kind, the
// plan's length or its model changed; otherwise its fields are updated in
// place (never the one being typed in).
func (e *ChannelsEditor) Refresh(p plan.Plan, r *widgets.Results) {
	switch changed, resultsChanged := e.core.Load(p, r); {
	case changed:
		e.show()
	case resultsChanged:
		e.refreshList()
	}
}

// subtitle is the second line of a channel in the list: its kind, cost and
// customers when results are known.
func (e *ChannelsEditor) subtitle(i int) string {
	p := e.core.P
	ch := p.Channels[i]
	l := widgets.Lang()
	s := display.KindLabel(ch.Kind, l)
	if e.core.R == nil {
		return s
	}
	for _, cr := range e.core.R.Base.Channels {
		if cr.ID != ch.ID {
			continue
		}
		cost, cust := display.Undefined, display.Undefined
		if cr.Figures.Cost.Valid {
			cost = display.Money(cr.Figures.Cost.Decimal, p.Info.Currency, l)
		}
		customers := "{{.N}} customers"
		if cr.Figures.Customers.Valid {
			cust = display.Count(cr.Figures.Customers.Decimal, l)
			if !display.Plural(cr.Figures.Customers.Decimal, l) {
				customers = "{{.N}} customer" // « 1 client », not « 1 clients »
			}
		}
		return s + " · " + cost + " · " + lang.L(customers, map[string]any{"N": cust})
	}
	return s
}

func (e *ChannelsEditor) refreshList() { e.items.List.Refresh() }

// show puts e.core.p in the list and the form.
func (e *ChannelsEditor) show() {
	e.items.Sync()
	e.showForm()
	e.updateButtons()
}

func (e *ChannelsEditor) updateButtons() {
	if e.items.Selected < 0 {
		e.dupButton.Disable()
		e.items.DeleteButton.Disable()
	} else {
		e.dupButton.Enable()
		e.items.DeleteButton.Enable()
	}
}

// showForm builds the selected channel's form if its shape changed, then
// fills it.
func (e *ChannelsEditor) showForm() {
	if e.items.Selected < 0 {
		e.form = nil
		e.items.ShowDetail(nil)
		return
	}
	p := e.core.P
	ch := p.Channels[e.items.Selected]
	defer e.core.Begin()()
	if e.form == nil || e.form.index != e.items.Selected || e.form.kind != ch.Kind || e.form.months != p.Info.Months || e.form.model != p.Business.Model {
		e.form = newChannelForm(&e.core, e.items.Selected, ch.Kind, p.Info.Months, p.Business.Model)
		e.items.ShowDetail(e.form.box)
	}
	e.form.show()
}

// onAdd opens the kind picker.
func (e *ChannelsEditor) onAdd() {
	rows := container.NewVBox()
	l := widgets.Lang()
	for _, k := range plan.Kinds {
		b := widget.NewButtonWithIcon(display.KindLabel(k, l), kindIcon(k), func() { e.onAddKind(k) })
		b.Alignment = widget.ButtonAlignLeading
		e.kindButtons[k] = b
		help := widget.NewLabel(kindHelp(k))
		help.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewGridWithColumns(2, b, help))
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(640, 440))
	e.picker = dialog.NewCustom(lang.L("Add a channel"), lang.L("Cancel"), scroll, e.core.Win)
	e.picker.Show()
}

// onAddKind adds a channel of kind k, pre-filled from the benchmark
// library for the plan's sector, and selects it.
func (e *ChannelsEditor) onAddKind(k plan.Kind) {
	if e.picker != nil {
		e.picker.Hide()
	}
	cand := e.core.P.Clone()
	ch, _ := plan.DefaultLibrary().Prefill(k, cand.Business.Sector)
	ch.Name = display.KindLabel(k, widgets.Lang())
	ch.ID = uniqueID(cand, channelIDBase(k, cand.Info.Language)) // in the plan's language (ids.go)
	if k == plan.Search && !ch.CPC.IsPositive() {
		ch.CPC = decimal.NewFromInt(1)
	}
	if (k == plan.Display || k == plan.SocialAds) && !ch.CPM.IsPositive() {
		ch.CPM = decimal.NewFromInt(5)
	}
	cand.Channels = append(cand.Channels, ch)
	if e.items.Added("Add channel", cand, len(cand.Channels)-1) {
		e.items.Say("")
	}
}

// onDuplicate adds a copy of the selected channel after it.
func (e *ChannelsEditor) onDuplicate() {
	if !e.items.HasSelection() {
		return
	}
	i := e.items.Selected
	cand := e.core.P.Clone()
	ch := cand.Channels[i]
	ch.ActiveMonths = slices.Clone(ch.ActiveMonths)
	ch.Ranges = slices.Clone(ch.Ranges)
	ch.ID = uniqueID(cand, ch.ID)
	ch.Name = lang.L("{{.Name}} (copy)", map[string]any{"Name": ch.Name})
	if len([]rune(ch.Name)) > 200 {
		ch.Name = string([]rune(ch.Name)[:200])
	}
	cand.Channels = slices.Insert(cand.Channels, i+1, ch)
	if e.items.Added("Duplicate channel", cand, i+1) {
		e.items.Say("")
	}
}

// onDelete removes the selected channel, with its scenario factors and
// actuals (which would name a channel that no longer exists).
func (e *ChannelsEditor) onDelete() {
	if !e.items.HasSelection() {
		return
	}
	ch := e.core.P.Channels[e.items.Selected]
	deleted := e.items.Delete("Delete channel", func(p *plan.Plan, i int) int {
		p.Channels = slices.Delete(p.Channels, i, i+1)
		for s := range p.Scenarios {
			p.Scenarios[s].Channels = slices.DeleteFunc(p.Scenarios[s].Channels, func(cf plan.ChannelFactors) bool { return cf.ID == ch.ID })
		}
		p.Actuals = slices.DeleteFunc(p.Actuals, func(a plan.Actual) bool { return a.Channel == ch.ID })
		return len(p.Channels)
	})
	if deleted {
		e.items.SayUndoable(lang.L("Channel “{{.Name}}” deleted.", map[string]any{"Name": ch.Name}), e.Undo)
	}
}

// ClearStatus hides the editor's notice ("Channel deleted.", a refused
// value's problems): the shell calls it when another plan replaces this
// one (widgets.StatusClearer), so no notice about the previous plan
// survives File → New.
func (e *ChannelsEditor) ClearStatus() { e.items.Say("") }

// slugify turns text into an id: lower case, accents dropped, other
// characters turned into dashes, at most 40 bytes; "" gives "".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	repl := strings.NewReplacer("à", "a", "â", "a", "ä", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
		"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c", "œ", "oe", "æ", "ae")
	for _, r := range repl.Replace(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// uniqueID returns base, or base-2, base-3… the first that no channel of p
// has. An empty base gives "channel".
func uniqueID(p plan.Plan, base string) string {
	if base == "" {
		base = "channel"
	}
	base = strings.TrimRight(base, "-0123456789")
	if base == "" {
		base = "channel"
	}
	taken := func(id string) bool { _, ok := p.Channel(id); return ok }
	if !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		id := fmt.Sprintf("%s-%d", base, n)
		if !taken(id) {
			return id
		}
	}
}

// channelForm is the form of one channel: the keys of its kind only.
type channelForm struct {
	core   *widgets.EditorCore
	index  int
	kind   plan.Kind
	months int
	model  plan.Model

	title        *widget.Label
	id           *widgets.Field
	name, owner  *widgets.Field
	values       map[string]*widgets.Field // by key
	fields       []*widgets.Field
	monthChecks  []*widget.Check
	monthsErr    *widget.Label
	minBudget    *widgets.Field
	maxBudget    *widgets.Field
	locked       *widget.Check
	lockedErr    *widget.Label
	lows, highs  map[string]*widgets.Field // range ends by key
	rangeKeyList []channelKey
	box          *fyne.Container
}

// newChannelForm builds the form of channel i of kind k in a plan of
// months months and model m.
func newChannelForm(c *widgets.EditorCore, i int, k plan.Kind, months int, m plan.Model) *channelForm {
	f := &channelForm{core: c, index: i, kind: k, months: months, model: m,
		values: map[string]*widgets.Field{}, lows: map[string]*widgets.Field{}, highs: map[string]*widgets.Field{}}
	pre := fmt.Sprintf("channels[%d]", i)
	chanPtr := func(get func(*plan.Channel) any) func(p *plan.Plan) any {
		return func(p *plan.Plan) any {
			if i >= len(p.Channels) {
				return nil
			}
			return get(&p.Channels[i])
		}
	}
	l := widgets.Lang()
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.Wrapping = fyne.TextWrapWord // the whole name of the channel shown
	f.name = c.Bind(widgets.NewField(widgets.UnitText, false), pre+".name", "Channel name", chanPtr(func(ch *plan.Channel) any { return &ch.Name }))
	f.owner = c.Bind(widgets.NewField(widgets.UnitText, false), pre+".owner", "Owner", chanPtr(func(ch *plan.Channel) any { return &ch.Owner }))
	f.owner.Entry.SetPlaceHolder(lang.L("Who runs it (optional)"))
	f.id = c.Bind(widgets.NewField(widgets.UnitText, false), pre+".id", "Channel id", chanPtr(func(ch *plan.Channel) any { return &ch.ID }))
	f.id.Commit = f.onID
	f.id.SetInfo(lang.L("Short name used by scenarios and actuals: a-z, 0-9 and dashes."))
	f.fields = append(f.fields, f.name, f.owner)

	head := widgets.NewStackedForm(widgets.FormRow(lang.L("Name"), f.name.Widget()), widgets.FormRow(lang.L("Owner"), f.owner.Widget()), widgets.FormRow(lang.L("Identifier"), f.id.Widget()))

	var rows [][]fyne.CanvasObject
	for _, key := range keysOf(k, plan.B2C) {
		fl := c.Bind(widgets.NewField(key.unit, false), pre+"."+key.key, key.label, chanPtr(key.ptr))
		if key.hint != "" {
			fl.SetInfo(lang.L(key.hint))
		}
		switch key.unit {
		case widgets.UnitInt, widgets.UnitNumber:
			if key.key == "ramp_months" {
				fl.SetUnit(lang.L("months"))
			}
		}
		if strings.Contains(key.hint, "Optional") {
			fl.Entry.SetPlaceHolder(lang.L("no cap"))
		}
		f.values[key.key] = fl
		f.fields = append(f.fields, fl)
		rows = append(rows, widgets.FormRow(lang.L(key.label), fl.Widget()))
	}
	values := widgets.NewCard(lang.L("Figures"), display.KindLabel(k, l)+" — "+kindHelp(k), widgets.NewStackedForm(rows...))

	sections := []fyne.CanvasObject{container.NewBorder(nil, nil, widget.NewIcon(kindIcon(k)), nil, f.title), head, values}

	// Active months: one check per plan month; all checked means every month.
	f.monthsErr = widgets.ErrorLine()
	// A wrapping grid: as many months per row as the width allows.
	grid := container.NewGridWrap(widget.NewCheck(lang.L("Month {{.N}}", map[string]any{"N": 12}), nil).MinSize())
	for mo := 1; mo <= months; mo++ {
		ck := widget.NewCheck(lang.L("Month {{.N}}", map[string]any{"N": mo}), func(bool) { f.onMonths() })
		f.monthChecks = append(f.monthChecks, ck)
		grid.Add(ck)
	}
	sections = append(sections, widgets.NewCard(lang.L("Active months"), lang.L("The months the channel runs; its cost and customers are spread evenly over them."), container.NewVBox(grid, f.monthsErr)))

	if k.IsPaid() {
		f.minBudget = c.Bind(widgets.NewField(widgets.UnitMoney, false), pre+".min_budget", "Minimum budget", chanPtr(func(ch *plan.Channel) any { return &ch.MinBudget }))
		f.maxBudget = c.Bind(widgets.NewField(widgets.UnitMoney, false), pre+".max_budget", "Maximum budget", chanPtr(func(ch *plan.Channel) any { return &ch.MaxBudget }))
		f.maxBudget.Entry.SetPlaceHolder(lang.L("no limit"))
		f.locked = widget.NewCheck(lang.L("Keep this budget as it is"), func(bool) { f.onLocked() })
		f.lockedErr = widgets.ErrorLine()
		f.fields = append(f.fields, f.minBudget, f.maxBudget)
		sections = append(sections, widgets.NewCard(lang.L("Optimiser"), lang.L("Bounds the budget optimiser must respect for this channel."), widgets.NewStackedForm(
			widgets.FormRow(lang.L("Minimum budget"), f.minBudget.Widget()),
			widgets.FormRow(lang.L("Maximum budget"), f.maxBudget.Widget()),
			widgets.FormRow(lang.L("Lock"), container.NewVBox(f.locked, f.lockedErr)),
		)))
	}

	if m == plan.B2B {
		var brows [][]fyne.CanvasObject
		for _, key := range channelKeys {
			if !key.b2b {
				continue
			}
			fl := c.Bind(widgets.NewField(key.unit, false), pre+"."+key.key, key.label, chanPtr(key.ptr))
			f.values[key.key] = fl
			f.fields = append(f.fields, fl)
			brows = append(brows, widgets.FormRow(lang.L(key.label), fl.Widget()))
		}
		sections = append(sections, widgets.NewCard(lang.L("B2B funnel of this channel"), lang.L("Leave empty to use the plan's funnel."), widgets.NewStackedForm(brows...)))
	}

	// Ranges: low and high per uncertain key, both empty for none.
	// Each range is a wrapped label over its low and high entries: a
	// three-column grid would make every column as wide as the longest
	// label and push the form off the window.
	grid2 := container.NewVBox()
	f.rangeKeyList = rangeKeys(k)
	for _, key := range f.rangeKeyList {
		lo, hi := widgets.NewField(key.unit, false), widgets.NewField(key.unit, false)
		lo.Path, hi.Path = pre+".ranges."+key.key, pre+".ranges."+key.key
		lo.Commit = func(*widgets.Field, string) { f.onRange(key) }
		hi.Commit = lo.Commit
		lo.Entry.SetPlaceHolder(lang.L("Low"))
		hi.Entry.SetPlaceHolder(lang.L("High"))
		f.lows[key.key], f.highs[key.key] = lo, hi
		name := widget.NewLabel(lang.L(key.label))
		name.Wrapping = fyne.TextWrapWord
		grid2.Add(name)
		grid2.Add(container.NewGridWithColumns(2, lo.Widget(), hi.Widget()))
	}
	sections = append(sections, widgets.NewCard(lang.L("Uncertainty (optional)"), lang.L("Lowest and highest plausible values, for the risk analysis. Leave both empty for none."), grid2))

	f.box = container.NewVBox(sections...)
	return f
}

// show fills the form from the plan.
func (f *channelForm) show() {
	c := f.core
	p := c.P
	if f.index >= len(p.Channels) {
		return
	}
	ch := p.Channels[f.index]
	l := widgets.Lang()
	defer c.Begin()()
	f.title.SetText(ch.Name)
	for _, fl := range append(f.fields, f.id) {
		c.ShowField(fl)
	}
	sym := display.CurrencySymbol(p.Info.Currency, l)
	_, bench := plan.DefaultLibrary().Prefill(ch.Kind, p.Business.Sector)
	for _, key := range keysOf(ch.Kind, p.Business.Model) {
		fl := f.values[key.key]
		if fl == nil {
			continue
		}
		if key.unit == widgets.UnitMoney || key.unit == widgets.UnitPrice {
			fl.SetUnit(sym)
		}
		var bs []plan.Benchmark
		for _, b := range bench {
			if b.Metric == key.key {
				bs = append(bs, b)
			}
		}
		hint := widgets.BenchmarkHint(bs, key.ptr(&ch), key.unit, p.Info.Currency)
		if key.b2b {
			v := funnelValue(p.Funnel, key.key)
			fl.Entry.SetPlaceHolder(lang.L("plan: {{.V}}", map[string]any{"V": display.Percent(v, l)}))
		}
		if hint == "" && key.hint != "" {
			hint = lang.L(key.hint)
		}
		fl.SetInfo(hint)
	}
	if f.minBudget != nil {
		f.minBudget.SetUnit(sym)
		f.maxBudget.SetUnit(sym)
		f.locked.SetChecked(ch.Locked)
		f.core.Say(f.lockedErr, "")
	}
	for i, ck := range f.monthChecks {
		ck.SetChecked(len(ch.ActiveMonths) == 0 || slices.Contains(ch.ActiveMonths, i+1))
		if !p.Info.Start.IsZero() {
			ck.Text = fmt.Sprintf("%s %d", monthAbbrev(p.Info.Start.AddMonths(i).Month), p.Info.Start.AddMonths(i).Year%100)
			ck.Refresh()
		}
	}
	f.core.Say(f.monthsErr, "")
	for _, key := range f.rangeKeyList {
		lo, hi := f.lows[key.key], f.highs[key.key]
		if r, ok := ch.Range(key.key); ok {
			lo.Show(widgets.ValueText(&r.Low, key.unit, l))
			hi.Show(widgets.ValueText(&r.High, key.unit, l))
		} else {
			lo.Show("")
			hi.Show("")
		}
		if key.unit == widgets.UnitMoney || key.unit == widgets.UnitPrice {
			lo.SetUnit(sym)
			hi.SetUnit(sym)
		}
	}
}

// funnelValue returns the plan funnel's rate for a funnel key.
func funnelValue(fn plan.Funnel, key string) decimal.Decimal {
	switch key {
	case "lead_to_mql":
		return fn.LeadToMQL
	case "mql_to_sql":
		return fn.MQLToSQL
	}
	return fn.SQLToCustomer
}

// onID renames the channel and the references to it (scenario factors,
// actuals).
func (f *channelForm) onID(fl *widgets.Field, text string) {
	c := f.core
	cand := c.P.Clone()
	if f.index >= len(cand.Channels) {
		return
	}
	old := cand.Channels[f.index].ID
	id := strings.TrimSpace(text)
	cand.Channels[f.index].ID = id
	for s := range cand.Scenarios {
		for j := range cand.Scenarios[s].Channels {
			if cand.Scenarios[s].Channels[j].ID == old {
				cand.Scenarios[s].Channels[j].ID = id
			}
		}
	}
	for a := range cand.Actuals {
		if cand.Actuals[a].Channel == old {
			cand.Actuals[a].Channel = id
		}
	}
	if msgs := c.Apply("Channel id", fl.Path, cand); len(msgs) > 0 {
		fl.SetError(strings.Join(msgs, "\n"))
		return
	}
	fl.Accepted(text)
}

// onMonths stores the checked months (none unchecked: every month).
func (f *channelForm) onMonths() {
	c := f.core
	if c.Updating {
		return
	}
	var months []int
	for i, ck := range f.monthChecks {
		if ck.Checked {
			months = append(months, i+1)
		}
	}
	if len(months) == 0 {
		f.core.Say(f.monthsErr, lang.L("A channel runs at least one month: tick one."))
		return
	}
	if len(months) == len(f.monthChecks) {
		months = nil
	}
	cand := c.P.Clone()
	if f.index >= len(cand.Channels) {
		return
	}
	cand.Channels[f.index].ActiveMonths = months
	f.core.Say(f.monthsErr, strings.Join(c.Apply("Active months", fmt.Sprintf("channels[%d].active_months", f.index), cand), "\n"))
}

func (f *channelForm) onLocked() {
	c := f.core
	if c.Updating || f.index >= len(c.P.Channels) {
		return
	}
	cand := c.P.Clone()
	cand.Channels[f.index].Locked = f.locked.Checked
	f.core.Say(f.lockedErr, strings.Join(c.Apply("Lock budget", fmt.Sprintf("channels[%d].locked", f.index), cand), "\n"))
}

// onRange stores the range of key from its low and high fields: both
// empty removes it, one empty is refused.
func (f *channelForm) onRange(key channelKey) {
	c := f.core
	lo, hi := f.lows[key.key], f.highs[key.key]
	cand := c.P.Clone()
	if f.index >= len(cand.Channels) {
		return
	}
	ch := &cand.Channels[f.index]
	ch.Ranges = slices.DeleteFunc(ch.Ranges, func(r plan.Range) bool { return r.Input == key.key })
	lt, ht := strings.TrimSpace(lo.Entry.Text), strings.TrimSpace(hi.Entry.Text)
	l := widgets.Lang()
	switch {
	case lt == "" && ht == "":
	case lt == "" || ht == "":
		msg := lang.L("Enter both the low and the high value, or neither.")
		lo.SetError(msg)
		return
	default:
		var r plan.Range
		r.Input = key.key
		var low, high decimal.NullDecimal
		if err := widgets.SetValue(&low, lt, key.unit, l); err != nil {
			lo.SetError(widgets.InputError(err, key.unit))
			return
		}
		if err := widgets.SetValue(&high, ht, key.unit, l); err != nil {
			hi.SetError(widgets.InputError(err, key.unit))
			return
		}
		r.Low, r.High = low.Decimal, high.Decimal
		ch.Ranges = append(ch.Ranges, r)
		slices.SortFunc(ch.Ranges, func(a, b plan.Range) int { return strings.Compare(a.Input, b.Input) })
	}
	if msgs := c.Apply("Range", lo.Path, cand); len(msgs) > 0 {
		lo.SetError(strings.Join(rangeMessages(msgs), "\n"))
		hi.SetError("")
		return
	}
	lo.Accepted(lo.Entry.Text)
	hi.Accepted(hi.Entry.Text)
}

// rangeMessages makes the validator's range messages readable in a form.
func rangeMessages(msgs []string) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		switch {
		case strings.Contains(m, "low is above high"):
			out[i] = lang.L("Low is above high: swap them.")
		case strings.Contains(m, "does not contain the plan value"):
			out[i] = lang.L("The range must contain the channel's value: low ≤ value ≤ high.")
		case strings.Contains(m, "the channel has no"):
			out[i] = lang.L("Set the value itself first.")
		default:
			out[i] = m
		}
	}
	return out
}

// monthAbbrev names a calendar month shortly ("Jan", translated).
func monthAbbrev(m interface{ String() string }) string {
	return lang.L(m.String()[:3])
}
