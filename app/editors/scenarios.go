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
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// businessFactorKeys are the business inputs a scenario may scale
// (FORMAT.md, plan.Validate).
var businessFactorKeys = []string{"average_order", "first_order_discount", "gross_margin", "monthly_retention", "orders_per_month"}

// factorKeys returns the inputs a plan-wide factor may scale: the business
// keys and every channel key that may carry a range, sorted.
func factorKeys() []string {
	keys := slices.Clone(businessFactorKeys)
	for _, k := range channelKeys {
		if k.uncertain() && !slices.Contains(keys, k.key) {
			keys = append(keys, k.key)
		}
	}
	slices.Sort(keys)
	return keys
}

// factorLabel names a scenario input for people.
func factorLabel(key string) string {
	switch key {
	case "average_order":
		return lang.L("Average order")
	case "first_order_discount":
		return lang.L("First-order discount")
	case "gross_margin":
		return lang.L("Gross margin")
	case "monthly_retention":
		return lang.L("Monthly retention")
	case "orders_per_month":
		return lang.L("Orders per month")
	}
	for _, k := range channelKeys {
		if k.key == key {
			return lang.L(k.label)
		}
	}
	return display.Label(key, widgets.Lang())
}

// factorRow is one (input, change) line of a scenario.
type factorRow struct {
	input  *widget.Select
	change *widgets.Field
	remove *widget.Button
	keys   []string // the select's options, as keys
}

// ScenariosEditor is the panel that edits the scenarios: each has a name,
// factors for every channel, and factors for single channels. A factor is
// typed as a percentage change ("−20" multiplies by 0.8).
type ScenariosEditor struct {
	core widgets.EditorCore

	items      *widgets.ItemList
	name       *widgets.Field
	errLine    *widget.Label
	global     []*factorRow
	channels   [][]*factorRow // per ChannelFactors of the scenario
	addGlobal  *widget.Button
	addChannel *widget.Select
	shape      string // what the form was built for
	root       fyne.CanvasObject
}

var _ widgets.Panel = (*ScenariosEditor)(nil)

// NewScenariosEditor returns the scenarios editor.
func NewScenariosEditor(w fyne.Window, edit widgets.EditFunc) *ScenariosEditor {
	e := &ScenariosEditor{core: widgets.EditorCore{Win: w, Edit: edit}}
	e.core.Applied = func(plan.Plan) { e.show() }
	e.items = widgets.NewItemList(&e.core, func() int { return len(e.core.P.Scenarios) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id int, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.core.P.Scenarios[id].Name) },
		e.onAdd, e.onDelete, e.showForm,
		lang.L("No scenario yet: press Add to test a pessimistic or an optimistic case (e.g. clicks −20 %)."))
	e.errLine = widgets.ErrorLine()
	e.items.ErrLine = e.errLine
	e.root = e.items.Split(nil, 0.25)
	return e
}

// Widget returns the list and the form side by side.
func (e *ScenariosEditor) Widget() fyne.CanvasObject { return e.root }

// Refresh shows p; results are not used by this editor.
func (e *ScenariosEditor) Refresh(p plan.Plan, r *widgets.Results) {
	if changed, _ := e.core.Load(p, r); changed {
		e.show()
	}
}

// show puts e.core.P in the list and the form.
func (e *ScenariosEditor) show() {
	e.items.Sync()
	e.showForm()
}

// scenarioShape is what the form's widgets depend on: which scenario, its
// inputs, its channels and the plan's channels.
func scenarioShape(p plan.Plan, i int) string {
	s := p.Scenarios[i]
	var b strings.Builder
	fmt.Fprintf(&b, "%d|", i)
	for _, f := range s.Factors {
		b.WriteString(f.Input + ",")
	}
	for _, c := range s.Channels {
		b.WriteString("|" + c.ID + ":")
		if ch, ok := p.Channel(c.ID); ok {
			b.WriteString(string(ch.Kind) + ":" + ch.Name + ":")
		}
		for _, f := range c.Factors {
			b.WriteString(f.Input + ",")
		}
	}
	b.WriteString("|")
	for _, c := range p.Channels {
		b.WriteString(c.ID + ":" + c.Name + ",")
	}
	return b.String()
}

func (e *ScenariosEditor) showForm() {
	c := &e.core
	if !e.items.HasSelection() {
		e.items.DeleteButton.Disable()
		e.shape = ""
		e.items.ShowDetail(nil)
		return
	}
	e.items.DeleteButton.Enable()
	defer c.Begin()()
	if sh := scenarioShape(c.P, e.items.Selected); sh != e.shape {
		e.shape = sh
		e.build()
	}
	s := c.P.Scenarios[e.items.Selected]
	c.ShowField(e.name)
	l := widgets.Lang()
	for j, f := range s.Factors {
		e.global[j].change.Show(widgets.ChangeText(f.Factor, l))
	}
	for k, cf := range s.Channels {
		for j, f := range cf.Factors {
			e.channels[k][j].change.Show(widgets.ChangeText(f.Factor, l))
		}
	}
}

// build makes the form of the selected scenario.
func (e *ScenariosEditor) build() {
	c := &e.core
	i := e.items.Selected
	s := c.P.Scenarios[i]
	pre := fmt.Sprintf("scenarios[%d]", i)
	e.name = c.Bind(widgets.NewField(widgets.UnitText, false), pre+".name", "Scenario name", func(p *plan.Plan) any {
		if i >= len(p.Scenarios) {
			return nil
		}
		return &p.Scenarios[i].Name
	})
	e.global = nil
	used := map[string]bool{}
	for _, f := range s.Factors {
		used[f.Input] = true
	}
	all := factorKeys()
	gbox := container.NewVBox()
	for j, f := range s.Factors {
		row := e.newRow(all, f.Input, pre+".factors."+f.Input, -1, j)
		e.global = append(e.global, row)
		gbox.Add(rowBox(row))
	}
	e.addGlobal = widget.NewButtonWithIcon(lang.L("Add a factor"), theme.ContentAddIcon(), func() { e.onAddFactor(-1) })
	if len(used) == len(all) {
		e.addGlobal.Disable()
	}
	sections := []fyne.CanvasObject{
		widgets.NewCard(lang.L("Scenario"), "", widgets.NewForm(widgets.FormRow(lang.L("Name"), e.name.Widget()))),
		widgets.NewCard(lang.L("Every channel"), lang.L("Change an input for the whole plan: −20 means 20 % less, +15 means 15 % more."), container.NewVBox(gbox, container.NewHBox(e.addGlobal))),
	}
	e.channels = nil
	for k, cf := range s.Channels {
		ch, _ := c.P.Channel(cf.ID)
		var keys []string
		for _, key := range rangeKeys(ch.Kind) {
			keys = append(keys, key.key)
		}
		box := container.NewVBox()
		var rows []*factorRow
		for j, f := range cf.Factors {
			row := e.newRow(keys, f.Input, fmt.Sprintf("%s.channel[%d].factors.%s", pre, k, f.Input), k, j)
			rows = append(rows, row)
			box.Add(rowBox(row))
		}
		e.channels = append(e.channels, rows)
		add := widget.NewButtonWithIcon(lang.L("Add a factor"), theme.ContentAddIcon(), func() { e.onAddFactor(k) })
		if len(cf.Factors) >= len(keys) {
			add.Disable()
		}
		drop := widget.NewButtonWithIcon(lang.L("Remove this channel"), theme.DeleteIcon(), func() { e.onRemoveChannel(k) })
		title := ch.Name
		if title == "" {
			title = cf.ID
		}
		sections = append(sections, widgets.NewCard(title, display.KindLabel(ch.Kind, widgets.Lang()), container.NewVBox(box, container.NewHBox(add, drop))))
	}
	var names []string
	for _, ch := range c.P.Channels {
		if !slices.ContainsFunc(s.Channels, func(cf plan.ChannelFactors) bool { return cf.ID == ch.ID }) {
			names = append(names, ch.Name)
		}
	}
	e.addChannel = widget.NewSelect(names, func(name string) { e.onAddChannel(name) })
	e.addChannel.PlaceHolder = lang.L("Add factors for one channel…")
	if len(names) == 0 {
		e.addChannel.Disable()
	}
	sections = append(sections, e.addChannel, e.errLine)
	e.core.Say(e.errLine, "")
	e.items.ShowDetail(container.NewVBox(sections...))
}

func rowBox(r *factorRow) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, r.remove, container.NewGridWithColumns(2, r.input, r.change.Widget()))
}

// newRow makes the row of factor j of the plan-wide factors (k = -1) or of
// the scenario's channel group k.
func (e *ScenariosEditor) newRow(keys []string, input, path string, k, j int) *factorRow {
	r := &factorRow{keys: keys}
	var names []string
	for _, key := range keys {
		names = append(names, factorLabel(key))
	}
	r.input = widget.NewSelect(names, nil)
	if i := slices.Index(keys, input); i >= 0 {
		r.input.SetSelectedIndex(i)
	}
	r.input.OnChanged = func(string) { e.onInput(r, k, j) }
	r.change = widgets.NewField(widgets.UnitChange, false)
	r.change.Path = path
	r.change.Undo = "Scenario factor"
	r.change.Commit = func(f *widgets.Field, text string) { e.onChange(f, text, k, j) }
	r.remove = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { e.onRemoveFactor(k, j) })
	return r
}

// factorsOf returns the factor list (plan-wide or of channel group k) of
// scenario s in p, for editing in place.
func factorsOf(p *plan.Plan, s, k int) *[]plan.Factor {
	if k < 0 {
		return &p.Scenarios[s].Factors
	}
	return &p.Scenarios[s].Channels[k].Factors
}

// valid reports whether the selected scenario still exists in the plan.
func (e *ScenariosEditor) valid(k, j int) bool {
	p := e.core.P
	if e.items.Selected < 0 || e.items.Selected >= len(p.Scenarios) {
		return false
	}
	if k >= len(p.Scenarios[e.items.Selected].Channels) {
		return false
	}
	return j < 0 || j < len(*factorsOf(&p, e.items.Selected, k))
}

// onChange stores a factor typed as a percentage change.
func (e *ScenariosEditor) onChange(f *widgets.Field, text string, k, j int) {
	if !e.valid(k, j) {
		return
	}
	d, err := widgets.ParseChange(text, widgets.Lang())
	if err != nil {
		f.SetError(widgets.InputError(err, widgets.UnitChange))
		return
	}
	cand := e.core.P.Clone()
	(*factorsOf(&cand, e.items.Selected, k))[j].Factor = d
	if msgs := e.core.Apply("Scenario factor", f.Path, cand); len(msgs) > 0 {
		f.SetError(strings.Join(msgs, "\n"))
		return
	}
	f.Accepted(text)
}

// onInput changes which input a factor scales; an input already scaled in
// the same group is refused.
func (e *ScenariosEditor) onInput(r *factorRow, k, j int) {
	if e.core.Updating || !e.valid(k, j) {
		return
	}
	i := r.input.SelectedIndex()
	if i < 0 {
		return
	}
	cand := e.core.P.Clone()
	fs := factorsOf(&cand, e.items.Selected, k)
	key := r.keys[i]
	for n, f := range *fs {
		if n != j && f.Input == key {
			e.core.Say(e.errLine, lang.L("{{.Input}} already has a factor in this group.", map[string]any{"Input": factorLabel(key)}))
			e.core.Updating = true
			r.input.SetSelectedIndex(slices.Index(r.keys, (*fs)[j].Input))
			e.core.Updating = false
			return
		}
	}
	(*fs)[j].Input = key
	e.core.Say(e.errLine, strings.Join(e.core.Apply("Scenario factor", r.change.Path, cand), "\n"))
}

// onAddFactor adds a factor of 0 % change on the first input not yet used.
func (e *ScenariosEditor) onAddFactor(k int) {
	if !e.valid(k, -1) {
		return
	}
	cand := e.core.P.Clone()
	fs := factorsOf(&cand, e.items.Selected, k)
	keys := factorKeys()
	if k >= 0 {
		ch, _ := cand.Channel(cand.Scenarios[e.items.Selected].Channels[k].ID)
		keys = nil
		for _, key := range rangeKeys(ch.Kind) {
			keys = append(keys, key.key)
		}
	}
	for _, pref := range append([]string{"conversion_rate", "ctr"}, keys...) {
		if !slices.Contains(keys, pref) || slices.ContainsFunc(*fs, func(f plan.Factor) bool { return f.Input == pref }) {
			continue
		}
		*fs = append(*fs, plan.Factor{Input: pref, Factor: decimal.NewFromInt(1)})
		e.core.Say(e.errLine, strings.Join(e.core.Apply("Add scenario factor", "", cand), "\n"))
		return
	}
}

func (e *ScenariosEditor) onRemoveFactor(k, j int) {
	if !e.valid(k, j) {
		return
	}
	cand := e.core.P.Clone()
	fs := factorsOf(&cand, e.items.Selected, k)
	*fs = slices.Delete(*fs, j, j+1)
	e.core.Say(e.errLine, strings.Join(e.core.Apply("Remove scenario factor", "", cand), "\n"))
}

// onAddChannel adds a factor group for the channel named name.
func (e *ScenariosEditor) onAddChannel(name string) {
	if e.core.Updating || name == "" || !e.valid(-1, -1) {
		return
	}
	cand := e.core.P.Clone()
	for _, ch := range cand.Channels {
		if ch.Name != name {
			continue
		}
		keys := rangeKeys(ch.Kind)
		if len(keys) == 0 {
			return
		}
		input := keys[0].key
		for _, k := range keys {
			if k.key == "conversion_rate" {
				input = k.key
			}
		}
		s := &cand.Scenarios[e.items.Selected]
		s.Channels = append(s.Channels, plan.ChannelFactors{ID: ch.ID, Factors: []plan.Factor{{Input: input, Factor: decimal.NewFromInt(1)}}})
		e.core.Say(e.errLine, strings.Join(e.core.Apply("Add channel factors", "", cand), "\n"))
		return
	}
}

func (e *ScenariosEditor) onRemoveChannel(k int) {
	if !e.valid(k, -1) || k < 0 {
		return
	}
	cand := e.core.P.Clone()
	s := &cand.Scenarios[e.items.Selected]
	s.Channels = slices.Delete(s.Channels, k, k+1)
	e.core.Say(e.errLine, strings.Join(e.core.Apply("Remove channel factors", "", cand), "\n"))
}

// onAdd adds a scenario named "Pessimistic" (then "Scenario 2"…) with
// conversions 20 % lower.
func (e *ScenariosEditor) onAdd() {
	cand := e.core.P.Clone()
	name := lang.L("Pessimistic")
	for n := 2; slices.ContainsFunc(cand.Scenarios, func(s plan.Scenario) bool { return strings.EqualFold(s.Name, name) }); n++ {
		name = lang.L("Scenario {{.N}}", map[string]any{"N": n})
	}
	cand.Scenarios = append(cand.Scenarios, plan.Scenario{Name: name,
		Factors: []plan.Factor{{Input: "conversion_rate", Factor: decimal.RequireFromString("0.8")}}})
	e.items.Added("Add scenario", cand, len(cand.Scenarios)-1)
}

func (e *ScenariosEditor) onDelete() {
	e.items.Delete("Delete scenario", func(p *plan.Plan, i int) int {
		p.Scenarios = slices.Delete(p.Scenarios, i, i+1)
		return len(p.Scenarios)
	})
}
