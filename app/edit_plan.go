package app

import (
	"slices"
	"strings"

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
	core editorCore

	title, author, client *field
	language              *widget.Select
	currency              *field
	start                 *field
	months                *field
	budget                *field
	context               *field

	name                   *field
	sector                 *widget.Select
	model                  *widget.RadioGroup
	averageOrder           *field
	grossMargin            *field
	firstOrderDiscount     *field
	ordersPerMonth         *field
	monthlyRetention       *field
	annualDiscountRate     *field
	clvMonths              *field
	selectErr              *widget.Label // problems of the selects and the model
	leadToMQL, mqlToSQL    *field
	sqlToCustomer          *field
	funnelCard             *widget.Card
	fields                 []*field
	languages, sectorNames []string

	root fyne.CanvasObject
}

var _ Panel = (*PlanEditor)(nil)

// NewPlanEditor returns the plan and business editor. Every accepted change
// calls edit with the whole new plan; w is the window dialogs belong to.
func NewPlanEditor(w fyne.Window, edit EditFunc) *PlanEditor {
	e := &PlanEditor{core: editorCore{win: w, edit: edit}}
	e.core.applied = func(p plan.Plan) { e.show() }
	c := &e.core
	add := func(f *field) *field { e.fields = append(e.fields, f); return f }

	e.title = add(c.bind(newField(unitText, false), "plan.title", "Title", func(p *plan.Plan) any { return &p.Info.Title }))
	e.author = add(c.bind(newField(unitText, false), "plan.author", "Author", func(p *plan.Plan) any { return &p.Info.Author }))
	e.client = add(c.bind(newField(unitText, false), "plan.client", "Client", func(p *plan.Plan) any { return &p.Info.Client }))
	e.currency = add(c.bind(newField(unitText, false), "plan.currency", "Currency", func(p *plan.Plan) any { return &p.Info.Currency }))
	e.currency.SetInfo(lang.L("ISO code: EUR, USD, CHF, GBP…"))
	e.start = add(c.bind(newField(unitDate, false), "plan.start", "Start date", func(p *plan.Plan) any { return &p.Info.Start }))
	e.months = add(c.bind(newField(unitInt, false), "plan.months", "Months", func(p *plan.Plan) any { return &p.Info.Months }))
	e.months.SetUnit(lang.L("months"))
	e.budget = add(c.bind(newField(unitMoney, false), "plan.budget", "Budget", func(p *plan.Plan) any { return &p.Info.Budget }))
	e.context = add(c.bind(newField(unitText, true), "plan.context", "Context", func(p *plan.Plan) any { return &p.Info.Context }))
	e.context.Entry.SetPlaceHolder(lang.L("Market analysis, target, partnerships…"))

	e.languages = []string{lang.L("French"), lang.L("English")}
	e.language = widget.NewSelect(e.languages, func(s string) { e.onLanguage(s) })

	e.name = add(c.bind(newField(unitText, false), "business.name", "Business name", func(p *plan.Plan) any { return &p.Business.Name }))
	for _, s := range plan.Sectors {
		e.sectorNames = append(e.sectorNames, sectorLabel(s))
	}
	e.sector = widget.NewSelect(append([]string{lang.L("(no sector)")}, e.sectorNames...), func(s string) { e.onSector(s) })
	e.model = widget.NewRadioGroup([]string{lang.L("B2C: sells to consumers"), lang.L("B2B: sells to businesses")}, func(s string) { e.onModel(s) })
	// Stacked: side by side, the two long choices would widen the whole form.
	e.model.Required = true
	e.selectErr = errorLine()

	e.averageOrder = add(c.bind(newField(unitMoney, false), "business.average_order", "Average order", func(p *plan.Plan) any { return &p.Business.AverageOrder }))
	e.averageOrder.SetInfo(lang.L("What one customer spends per order, taxes excluded."))
	e.grossMargin = add(c.bind(newField(unitPercent, false), "business.gross_margin", "Gross margin", func(p *plan.Plan) any { return &p.Business.GrossMargin }))
	e.grossMargin.SetInfo(lang.L("Share of the price left after the cost of goods."))
	e.firstOrderDiscount = add(c.bind(newField(unitPercent, false), "business.first_order_discount", "First-order discount", func(p *plan.Plan) any { return &p.Business.FirstOrderDiscount }))
	e.ordersPerMonth = add(c.bind(newField(unitNumber, false), "business.orders_per_month", "Orders per month", func(p *plan.Plan) any { return &p.Business.OrdersPerMonth }))
	e.ordersPerMonth.SetInfo(lang.L("Repeat orders of a customer who stays; 0 for a one-off purchase."))
	e.monthlyRetention = add(c.bind(newField(unitPercent, false), "business.monthly_retention", "Monthly retention", func(p *plan.Plan) any { return &p.Business.MonthlyRetention }))
	e.monthlyRetention.SetInfo(lang.L("Share of customers still buying the next month."))
	e.annualDiscountRate = add(c.bind(newField(unitPercent, false), "business.annual_discount_rate", "Annual discount rate", func(p *plan.Plan) any { return &p.Business.AnnualDiscountRate }))
	e.clvMonths = add(c.bind(newField(unitInt, false), "business.clv_months", "CLV months", func(p *plan.Plan) any { return &p.Business.CLVMonths }))
	e.clvMonths.SetUnit(lang.L("months"))
	e.clvMonths.SetInfo(lang.L("How far ahead the customer lifetime value looks."))

	e.leadToMQL = add(c.bind(newField(unitPercent, false), "funnel.lead_to_mql", "Lead → MQL", func(p *plan.Plan) any { return &p.Funnel.LeadToMQL }))
	e.mqlToSQL = add(c.bind(newField(unitPercent, false), "funnel.mql_to_sql", "MQL → SQL", func(p *plan.Plan) any { return &p.Funnel.MQLToSQL }))
	e.sqlToCustomer = add(c.bind(newField(unitPercent, false), "funnel.sql_to_customer", "SQL → customer", func(p *plan.Plan) any { return &p.Funnel.SQLToCustomer }))

	planCard := newCard(lang.L("Plan"), lang.L("What the campaign is, when it runs and what it may spend"), newForm(
		formRow(lang.L("Title"), e.title.Widget()),
		formRow(lang.L("Author"), e.author.Widget()),
		formRow(lang.L("Client"), e.client.Widget()),
		formRow(lang.L("Report language"), e.language),
		formRow(lang.L("Currency"), e.currency.Widget()),
		formRow(lang.L("Start date"), e.start.Widget()),
		formRow(lang.L("Duration"), e.months.Widget()),
		formRow(lang.L("Budget"), e.budget.Widget()),
	))
	contextCard := newCard(lang.L("Context"), lang.L("Market analysis, target, partnerships: free text for the report"), e.context.Widget())
	bizCard := newCard(lang.L("Business"), lang.L("The economics of one customer"), container.NewVBox(newForm(
		formRow(lang.L("Business name"), e.name.Widget()),
		formRow(lang.L("Sector"), e.sector),
		formRow(lang.L("Model"), e.model),
		formRow(lang.L("Average order"), e.averageOrder.Widget()),
		formRow(lang.L("Gross margin"), e.grossMargin.Widget()),
		formRow(lang.L("First-order discount"), e.firstOrderDiscount.Widget()),
		formRow(lang.L("Orders per month"), e.ordersPerMonth.Widget()),
		formRow(lang.L("Monthly retention"), e.monthlyRetention.Widget()),
		formRow(lang.L("Annual discount rate"), e.annualDiscountRate.Widget()),
		formRow(lang.L("CLV horizon"), e.clvMonths.Widget()),
	), e.selectErr))
	e.funnelCard = newCard(lang.L("B2B funnel"), lang.L("How leads become customers"), newForm(
		formRow(lang.L("Lead → MQL"), e.leadToMQL.Widget()),
		formRow(lang.L("MQL → SQL"), e.mqlToSQL.Widget()),
		formRow(lang.L("SQL → customer"), e.sqlToCustomer.Widget()),
	))
	e.funnelCard.Hide()
	e.root = container.NewVScroll(container.NewVBox(planCard, bizCard, e.funnelCard, contextCard))
	e.core.root = e.root
	return e
}

// Widget returns the editor's scrollable form.
func (e *PlanEditor) Widget() fyne.CanvasObject { return e.root }

// Refresh shows p; it leaves alone a field being typed in, and does
// nothing when p is the plan already shown. The editor shows no results.
func (e *PlanEditor) Refresh(p plan.Plan, r *Results) {
	e.core.r = r
	if e.core.loaded && planEqual(p, e.core.p) {
		return
	}
	e.core.loaded = true
	e.core.p = p
	e.show()
}

// show puts e.core.p in every widget.
func (e *PlanEditor) show() {
	c := &e.core
	p := c.p
	defer c.begin()()
	for _, f := range e.fields {
		c.showField(f)
	}
	sym := display.CurrencySymbol(p.Info.Currency, uiLanguage())
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
	for _, f := range []*field{e.leadToMQL, e.mqlToSQL, e.sqlToCustomer} {
		key := strings.TrimPrefix(f.path, "funnel.")
		f.SetInfo(benchmarkHint(lib.FindAll("", p.Business.Sector, key), f.ptr(&p), unitPercent, p.Info.Currency))
	}
	if e.end() != "" {
		e.months.SetInfo(e.end())
	}
	e.core.say(e.selectErr, "")
}

// end says when the plan ends.
func (e *PlanEditor) end() string {
	p := e.core.p
	if p.Info.Start.IsZero() || p.Info.Months < 1 {
		return ""
	}
	return lang.L("Ends on {{.Date}}", map[string]any{"Date": display.Date(plan.End(p.Info.Start, p.Info.Months), uiLanguage())})
}

func (e *PlanEditor) onLanguage(s string) {
	if e.core.updating {
		return
	}
	cand := e.core.p.Clone()
	cand.Info.Language = plan.LangFR
	if s == e.languages[1] {
		cand.Info.Language = plan.LangEN
	}
	e.core.say(e.selectErr, strings.Join(e.core.apply("Report language", "plan.language", cand), "\n"))
}

func (e *PlanEditor) onSector(s string) {
	if e.core.updating {
		return
	}
	cand := e.core.p.Clone()
	cand.Business.Sector = ""
	if i := slices.Index(e.sectorNames, s); i >= 0 {
		cand.Business.Sector = plan.Sectors[i]
	}
	e.core.say(e.selectErr, strings.Join(e.core.apply("Sector", "business.sector", cand), "\n"))
}

// onModel switches between b2c and b2b. Switching to b2b with an empty
// funnel fills it from the benchmark library; switching to b2c is refused
// (with the reason) while an objective measures leads, MQL, SQL or CPL.
func (e *PlanEditor) onModel(s string) {
	if e.core.updating || s == "" {
		return
	}
	cand := e.core.p.Clone()
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
	if msgs := e.core.apply("Business model", "business.model", cand); len(msgs) > 0 {
		e.core.say(e.selectErr, strings.Join(msgs, "\n"))
		e.core.updating = true
		e.show()
		e.core.updating = false
		e.core.say(e.selectErr, strings.Join(msgs, "\n"))
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
