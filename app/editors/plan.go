package editors

import (
	"slices"
	"strings"

	"campaignsim/app/widgets"
	"campaignsim/plan"
	"campaignsim/simulate/display"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// PlanEditor is the panel that edits the [plan] table (title, dates,
// budget, context), the [business] economics and, in b2b, the [funnel].
// Rates are typed as percentages and stored as fractions; money accepts
// "1 250,50" or "1250.50". A field commits when the user presses Enter or
// leaves it; a value Validate refuses is marked under the field and the
// plan is left as it was.
type PlanEditor struct {
	core widgets.EditorCore

	title, author, client *widgets.Field
	language              *widget.Select
	currency              *widgets.Field
	start                 *widgets.Field
	months                *widgets.Field
	budget                *widgets.Field
	context               *widgets.Field

	name                   *widgets.Field
	sector                 *widget.Select
	model                  *widget.RadioGroup
	averageOrder           *widgets.Field
	grossMargin            *widgets.Field
	firstOrderDiscount     *widgets.Field
	ordersPerMonth         *widgets.Field
	monthlyRetention       *widgets.Field
	annualDiscountRate     *widgets.Field
	clvMonths              *widgets.Field
	selectErr              *widget.Label // problems of the selects and the model
	leadToMQL, mqlToSQL    *widgets.Field
	sqlToCustomer          *widgets.Field
	funnelCard             *widget.Card
	fields                 []*widgets.Field
	languages, sectorNames []string

	root fyne.CanvasObject
}

var _ widgets.Panel = (*PlanEditor)(nil)

// NewPlanEditor returns the plan and business editor. Every accepted change
// calls edit with the whole new plan; w is the window dialogs belong to.
func NewPlanEditor(w fyne.Window, edit widgets.EditFunc) *PlanEditor {
	e := &PlanEditor{core: widgets.EditorCore{Win: w, Edit: edit}}
	e.core.Applied = func(p plan.Plan) { e.show() }
	c := &e.core
	add := func(f *widgets.Field) *widgets.Field { e.fields = append(e.fields, f); return f }

	e.title = add(c.Bind(widgets.NewField(widgets.UnitText, false), "plan.title", "Title", func(p *plan.Plan) any { return &p.Info.Title }))
	e.author = add(c.Bind(widgets.NewField(widgets.UnitText, false), "plan.author", "Author", func(p *plan.Plan) any { return &p.Info.Author }))
	e.client = add(c.Bind(widgets.NewField(widgets.UnitText, false), "plan.client", "Client", func(p *plan.Plan) any { return &p.Info.Client }))
	e.currency = add(c.Bind(widgets.NewField(widgets.UnitText, false), "plan.currency", "Currency", func(p *plan.Plan) any { return &p.Info.Currency }))
	e.currency.SetInfo(lang.L("ISO code: EUR, USD, CHF, GBP…"))
	e.start = add(c.Bind(widgets.NewField(widgets.UnitDate, false), "plan.start", "Start date", func(p *plan.Plan) any { return &p.Info.Start }))
	e.months = add(c.Bind(widgets.NewField(widgets.UnitInt, false), "plan.months", "Months", func(p *plan.Plan) any { return &p.Info.Months }))
	e.months.SetUnit(lang.L("months"))
	e.budget = add(c.Bind(widgets.NewField(widgets.UnitMoney, false), "plan.budget", "Budget", func(p *plan.Plan) any { return &p.Info.Budget }))
	e.context = add(c.Bind(widgets.NewField(widgets.UnitText, true), "plan.context", "Context", func(p *plan.Plan) any { return &p.Info.Context }))
	e.context.Entry.SetPlaceHolder(lang.L("Market analysis, target, partnerships…"))

	e.languages = []string{lang.L("French"), lang.L("English")}
	e.language = widget.NewSelect(e.languages, func(s string) { e.onLanguage(s) })

	e.name = add(c.Bind(widgets.NewField(widgets.UnitText, false), "business.name", "Business name", func(p *plan.Plan) any { return &p.Business.Name }))
	for _, s := range plan.Sectors {
		e.sectorNames = append(e.sectorNames, sectorLabel(s))
	}
	e.sector = widget.NewSelect(append([]string{lang.L("(no sector)")}, e.sectorNames...), func(s string) { e.onSector(s) })
	e.model = widget.NewRadioGroup([]string{lang.L("B2C: sells to consumers"), lang.L("B2B: sells to businesses")}, func(s string) { e.onModel(s) })
	// Stacked: side by side, the two long choices would widen the whole form.
	e.model.Required = true
	e.selectErr = widgets.ErrorLine()

	e.averageOrder = add(c.Bind(widgets.NewField(widgets.UnitMoney, false), "business.average_order", "Average order", func(p *plan.Plan) any { return &p.Business.AverageOrder }))
	e.averageOrder.SetInfo(lang.L("What one customer spends per order, taxes excluded."))
	e.grossMargin = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "business.gross_margin", "Gross margin", func(p *plan.Plan) any { return &p.Business.GrossMargin }))
	e.grossMargin.SetInfo(lang.L("Share of the price left after the cost of goods."))
	e.firstOrderDiscount = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "business.first_order_discount", "First-order discount", func(p *plan.Plan) any { return &p.Business.FirstOrderDiscount }))
	e.ordersPerMonth = add(c.Bind(widgets.NewField(widgets.UnitNumber, false), "business.orders_per_month", "Orders per month", func(p *plan.Plan) any { return &p.Business.OrdersPerMonth }))
	e.ordersPerMonth.SetInfo(lang.L("Repeat orders of a customer who stays; 0 for a one-off purchase."))
	e.monthlyRetention = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "business.monthly_retention", "Monthly retention", func(p *plan.Plan) any { return &p.Business.MonthlyRetention }))
	e.monthlyRetention.SetInfo(lang.L("Share of customers still buying the next month."))
	e.annualDiscountRate = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "business.annual_discount_rate", "Annual discount rate", func(p *plan.Plan) any { return &p.Business.AnnualDiscountRate }))
	e.clvMonths = add(c.Bind(widgets.NewField(widgets.UnitInt, false), "business.clv_months", "CLV months", func(p *plan.Plan) any { return &p.Business.CLVMonths }))
	e.clvMonths.SetUnit(lang.L("months"))
	e.clvMonths.SetInfo(lang.L("How far ahead the customer lifetime value looks."))

	e.leadToMQL = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "funnel.lead_to_mql", "Lead → MQL", func(p *plan.Plan) any { return &p.Funnel.LeadToMQL }))
	e.mqlToSQL = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "funnel.mql_to_sql", "MQL → SQL", func(p *plan.Plan) any { return &p.Funnel.MQLToSQL }))
	e.sqlToCustomer = add(c.Bind(widgets.NewField(widgets.UnitPercent, false), "funnel.sql_to_customer", "SQL → customer", func(p *plan.Plan) any { return &p.Funnel.SQLToCustomer }))

	planCard := widgets.NewCard(lang.L("Plan"), lang.L("What the campaign is, when it runs and what it may spend"), widgets.NewForm(
		widgets.FormRow(lang.L("Title"), e.title.Widget()),
		widgets.FormRow(lang.L("Author"), e.author.Widget()),
		widgets.FormRow(lang.L("Client"), e.client.Widget()),
		widgets.FormRow(lang.L("Report language"), e.language),
		widgets.FormRow(lang.L("Currency"), e.currency.Widget()),
		widgets.FormRow(lang.L("Start date"), e.start.Widget()),
		widgets.FormRow(lang.L("Duration"), e.months.Widget()),
		widgets.FormRow(lang.L("Budget"), e.budget.Widget()),
	))
	contextCard := widgets.NewCard(lang.L("Context"), lang.L("Market analysis, target, partnerships: free text for the report"), e.context.Widget())
	bizCard := widgets.NewCard(lang.L("Business"), lang.L("The economics of one customer"), container.NewVBox(widgets.NewForm(
		widgets.FormRow(lang.L("Business name"), e.name.Widget()),
		widgets.FormRow(lang.L("Sector"), e.sector),
		widgets.FormRow(lang.L("Model"), e.model),
		widgets.FormRow(lang.L("Average order"), e.averageOrder.Widget()),
		widgets.FormRow(lang.L("Gross margin"), e.grossMargin.Widget()),
		widgets.FormRow(lang.L("First-order discount"), e.firstOrderDiscount.Widget()),
		widgets.FormRow(lang.L("Orders per month"), e.ordersPerMonth.Widget()),
		widgets.FormRow(lang.L("Monthly retention"), e.monthlyRetention.Widget()),
		widgets.FormRow(lang.L("Annual discount rate"), e.annualDiscountRate.Widget()),
		widgets.FormRow(lang.L("CLV horizon"), e.clvMonths.Widget()),
	), e.selectErr))
	e.funnelCard = widgets.NewCard(lang.L("B2B funnel"), lang.L("How leads become customers"), widgets.NewForm(
		widgets.FormRow(lang.L("Lead → MQL"), e.leadToMQL.Widget()),
		widgets.FormRow(lang.L("MQL → SQL"), e.mqlToSQL.Widget()),
		widgets.FormRow(lang.L("SQL → customer"), e.sqlToCustomer.Widget()),
	))
	e.funnelCard.Hide()
	e.root = container.NewVScroll(container.NewVBox(planCard, bizCard, e.funnelCard, contextCard))
	e.core.Root = e.root
	return e
}

// Widget returns the editor's scrollable form.
func (e *PlanEditor) Widget() fyne.CanvasObject { return e.root }

// Refresh shows p; it leaves alone a field being typed in, and does
// nothing when p is the plan already shown. The editor shows no results.
func (e *PlanEditor) Refresh(p plan.Plan, r *widgets.Results) {
	if changed, _ := e.core.Load(p, r); changed {
		e.show()
	}
}

// show puts e.core.p in every widget.
func (e *PlanEditor) show() {
	c := &e.core
	p := c.P
	defer c.Begin()()
	for _, f := range e.fields {
		c.ShowField(f)
	}
	sym := display.CurrencySymbol(p.Info.Currency, widgets.Lang())
	e.budget.SetUnit(sym)
	e.averageOrder.SetUnit(sym)
	if p.Info.Language == plan.LangEN {
		e.language.SetSelected(e.languages[1])
	} else {
		e.language.SetSelected(e.languages[0])
	}
	if i := slices.Index(plan.Sectors, p.Business.Sector); i >= 0 {
		e.sector.SetSelected(e.sectorNames[i])
	} else {
		e.sector.SetSelectedIndex(0)
	}
	if p.Business.Model == plan.B2B {
		e.model.SetSelected(e.model.Options[1])
		e.funnelCard.Show()
	} else {
		e.model.SetSelected(e.model.Options[0])
		e.funnelCard.Hide()
	}
	lib := plan.DefaultLibrary()
	for _, f := range []*widgets.Field{e.leadToMQL, e.mqlToSQL, e.sqlToCustomer} {
		key := strings.TrimPrefix(f.Path, "funnel.")
		f.SetInfo(widgets.BenchmarkHint(lib.FindAll("", p.Business.Sector, key), f.Ptr(&p), widgets.UnitPercent, p.Info.Currency))
	}
	if e.end() != "" {
		e.months.SetInfo(e.end())
	}
	e.core.Say(e.selectErr, "")
}

// end says when the plan ends.
func (e *PlanEditor) end() string {
	p := e.core.P
	if p.Info.Start.IsZero() || p.Info.Months < 1 {
		return ""
	}
	return lang.L("Ends on {{.Date}}", map[string]any{"Date": display.Date(plan.End(p.Info.Start, p.Info.Months), widgets.Lang())})
}

func (e *PlanEditor) onLanguage(s string) {
	if e.core.Updating {
		return
	}
	cand := e.core.P.Clone()
	cand.Info.Language = plan.LangFR
	if s == e.languages[1] {
		cand.Info.Language = plan.LangEN
	}
	e.core.Say(e.selectErr, strings.Join(e.core.Apply("Report language", "plan.language", cand), "\n"))
}

func (e *PlanEditor) onSector(s string) {
	if e.core.Updating {
		return
	}
	cand := e.core.P.Clone()
	cand.Business.Sector = ""
	if i := slices.Index(e.sectorNames, s); i >= 0 {
		cand.Business.Sector = plan.Sectors[i]
	}
	e.core.Say(e.selectErr, strings.Join(e.core.Apply("Sector", "business.sector", cand), "\n"))
}

// onModel switches between b2c and b2b. Switching to b2b with an empty
// funnel fills it from the benchmark library; switching to b2c is refused
// (with the reason) while an objective measures leads, MQL, SQL or CPL.
func (e *PlanEditor) onModel(s string) {
	if e.core.Updating || s == "" {
		return
	}
	cand := e.core.P.Clone()
	cand.Business.Model = plan.B2C
	if s == e.model.Options[1] {
		cand.Business.Model = plan.B2B
		f := &cand.Funnel
		if f.LeadToMQL.IsZero() && f.MQLToSQL.IsZero() && f.SQLToCustomer.IsZero() {
			lib := plan.DefaultLibrary()
			for key, d := range map[string]*decimal.Decimal{"lead_to_mql": &f.LeadToMQL, "mql_to_sql": &f.MQLToSQL, "sql_to_customer": &f.SQLToCustomer} {
				for _, b := range lib.FindAll("", cand.Business.Sector, key) {
					if b.Value.Valid {
						*d = b.Value.Decimal
						break
					}
				}
			}
		}
	}
	if msgs := e.core.Apply("Business model", "business.model", cand); len(msgs) > 0 {
		e.core.Say(e.selectErr, strings.Join(msgs, "\n"))
		e.core.Updating = true
		e.show()
		e.core.Updating = false
		e.core.Say(e.selectErr, strings.Join(msgs, "\n"))
	}
}

// sectorLabel names a sector key for people.
func sectorLabel(s string) string {
	switch s {
	case "software":
		return lang.L("Software")
	case "financial-services":
		return lang.L("Financial services")
	case "ecommerce":
		return lang.L("E-commerce")
	case "manufacturing":
		return lang.L("Manufacturing")
	case "local-retail":
		return lang.L("Local shop")
	case "food-service":
		return lang.L("Restaurant, café")
	case "services":
		return lang.L("Services")
	case "other":
		return lang.L("Other sector")
	}
	return s
}
