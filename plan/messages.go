package plan

// The English text of every error message Decode and Validate give, kept
// in one place so that it can be translated. Each is a fmt format; the
// comment says what its verbs are.
const (
	// file level
	msgTooLarge     = "the file is %d bytes, more than the %d bytes (10 MB) a plan may have: is it really a plan file?" // size, max
	msgNotUTF8      = "the file is not valid UTF-8 text (byte 0x%02x): save it as UTF-8"                                // byte
	msgSyntax       = "TOML syntax error: %s"                                                                           // parser message
	msgParserFailed = "the TOML parser failed on this file: %v"                                                         // panic value
	msgMoreErrors   = "%d more problems were found: fix the ones above first, then check the file again"                // count

	// the shape of the file (checkShape, before parsing)
	msgShapeNested     = "values are nested more than %d deep: a plan needs 4 at most (ranges = { ctr = [\"0.01\", \"0.03\"] } is 2): remove the extra [ and {"                      // max
	msgShapeKeyParts   = "this key has more than %d parts: a plan's keys have 3 at most, as in tracking.engagement_weights.ctr: write a shorter key"                                 // max
	msgShapeKeyLong    = "this key is %d bytes long, more than the %d a key may have: a plan's keys are short names such as open_rate"                                               // length, max
	msgShapeString     = "this text is more than %d bytes (1 MB) long: the longest text of a plan, context, has at most 100000 characters: shorten it"                               // max
	msgShapeBare       = "this value is more than %d characters long without quotes: a number or a date is short, e.g. 2500 or 2027-01-04: put text in quotes"                       // max
	msgShapeList       = "this list has more than %d elements: the longest list of a plan, active_months, has at most %d: list each month once"                                      // max, months
	msgShapeInlineKeys = "this inline table has more than %d keys: the inline tables of a plan (ranges, factors, engagement_weights) have a few: remove the others"                  // max
	msgShapeTables     = "the file has more than %d tables: a plan has a few dozen (one [[channels]] per channel, one [[actuals]] per channel and month): is it really a plan file?" // max
	msgShapeKeys       = "the file has more than %d keys: a plan has a few hundred: is it really a plan file?"                                                                       // max
	msgShapeValues     = "the lists of the file have more than %d elements in all: a plan has at most 60 in each active_months: is it really a plan file?"                           // max

	// keys and tables
	msgUnknownKey       = "unknown key %q in %s; did you mean %q?"                                                // key, table, suggestion
	msgUnknownKeyNoHint = "unknown key %q in %s: remove it (the keys of %s are %s)"                               // key, table, table, keys
	msgForeignKey       = "%s is not a key of %s %s channel; %s channels take %s"                                 // key, article, kind, kind, keys
	msgB2BKey           = "%s is a b2b key, but this plan is b2c: remove it or set model = \"b2b\" in [business]" // key
	msgMissingKey       = "missing key %q in %s: add %s = %s"                                                     // key, table, key, example
	msgMissingTable     = "missing table %s: add it with %s"                                                      // table, keys
	msgNotTable         = "%s must be a table: write %s on a line of its own, then its keys below"                // key, header
	msgNotTableList     = "%s must be a list of tables: write each one under a %s header"                         // key, header
	msgFunnelNeeded     = "a b2b plan needs a [funnel] table: add [funnel] with lead_to_mql, mql_to_sql and sql_to_customer"
	msgFunnelInB2C      = "[funnel] is only for b2b plans: remove it or set model = \"b2b\" in [business]"
	msgFormatMissing    = "missing key \"format\" at the top of the file: add format = 1 as its first line"
	msgFormatNewer      = "this plan is written in format %d, newer than this version of CampaignSim reads (format 1): update CampaignSim" // format
	msgFormatBad        = "format = %d is not a plan file format: write format = 1"                                                        // format

	// value types
	msgFloat          = "%s = %s is a TOML float, which loses digits: write it as a string: %s = \"%s\""                                         // key, raw, key, digits
	msgFloatNotNumber = "%s = %s is not a number: write a decimal in quotes, e.g. %s = %s"                                                       // key, raw, key, example
	msgWantDecimal    = "%s must be a decimal in quotes: write e.g. %s = %s"                                                                     // key, key, example
	msgBadDecimal     = "%s = %q is not a decimal number: write %s"                                                                              // key, value, what to write
	msgDigits         = "%s = %s has %d digits: write at most %d, e.g. %s = %s"                                                                  // key, value, digits, max, key, example
	msgDigitsRounded  = "%s = %s has %d digits: write at most %d, rounded: %s = \"%s\""                                                          // key, value, digits, max, key, rounded
	msgEmptyDecimal   = "%s is empty: write a number in quotes, e.g. %s = %s"                                                                    // key, key, example
	msgWantInteger    = "%s must be a whole number without quotes: write %s = %s"                                                                // key, key, example
	msgWantString     = "%s must be text in quotes: write %s = %s"                                                                               // key, key, example
	msgWantBool       = "%s must be true or false: write %s = %s"                                                                                // key, key, example
	msgWantDate       = "%s must be a date without quotes or time: write %s = %s"                                                                // key, key, example
	msgWantList       = "%s must be a list: write %s = %s"                                                                                       // key, key, example
	msgWantRange      = "ranges.%s must be a list of two decimals [low, high]: write %s = [%s, %s]"                                              // key, key, low, high
	msgActiveTooMany  = "active_months lists %d months, more than a plan has (at most %d): list each month once, e.g. active_months = [1, 2, 3]" // entries, max
	msgActiveEmpty    = "active_months is empty: remove the key to run the channel every month, or list the months, e.g. active_months = [1, 2]"

	// ranges of values
	msgOutOfRange = "%s = %s is out of range: write %s"          // key, value, range description
	msgTooLong    = "%s is %d characters long: write at most %d" // key, length, max

	// list keys (campaigns, kpis, tools, ignore_campaigns)
	msgWantStrings   = "%s must be a list of texts in quotes: write %s = %s"                                                     // key, key, example
	msgListTooMany   = "%s has %d entries, more than the %d it may have: keep the ones that matter"                              // key, count, max
	msgListBlank     = "%s: entry %d is blank: remove it or write a name"                                                        // key, entry
	msgListEntryLong = "%s: entry %d is %d characters long: write at most %d"                                                    // key, entry, length, max
	msgSpendUnknown  = "spend is %s but spend_unknown = true says nobody knows it: remove spend_unknown, or write spend = \"0\"" // spend
	msgRequired      = "%s is required: write e.g. %s = %s"                                                                      // key, key, example

	// enumerations and identifiers
	msgBadID        = "%s = %q is not a valid id: use only lower-case letters a-z, digits and '-', e.g. %s = %q" // key, value, key, suggestion
	msgDuplicateID  = "%s %q is already used by %s: give each %s its own id"                                     // what, id, other, what
	msgBadEnum      = "%s = %q is not one of %s: write one of them"                                              // key, value, list
	msgBadCurrency  = "currency = %q is not an ISO 4217 code: write three capital letters, e.g. currency = \"EUR\""
	msgBadMetric    = "metric = %q is not a figure CampaignSim computes: write one of %s" // value, list
	msgB2BMetric    = "metric = %q exists only in b2b plans (a b2c plan has no lead stage): choose another metric or set model = \"b2b\""
	msgBadDateYear  = "%s = %s is not a plausible date: write a date between 1900 and 2199" // key, date
	msgDeadline     = "deadline = %s is before the plan starts (%s): write a date on or after the start"
	msgMonthNotIn   = "month %d is outside the plan, which runs %d months: write a month from 1 to %d"      // month, months, months
	msgMonthTwice   = "month %d is listed twice in active_months: list each month once"                     // month
	msgMinMax       = "min_budget = %s is more than max_budget = %s: write a min_budget at most max_budget" // min, max
	msgNotPaid      = "%s is only for search, display and social_ads channels: remove it"                   // key
	msgCommission   = "both commission_per_sale and commission_rate are set: keep only one"
	msgRangeKey     = "ranges.%s: %s is not an uncertain input of %s %s channel; ranges take %s"     // key, key, article, kind, keys
	msgRangeUnset   = "ranges.%s: the channel has no %s to range around: set %s or remove the range" // key, key, key
	msgRangeOrder   = "ranges.%s = [%s, %s]: low is above high: write [low, high] with low ≤ high"   // key, low, high
	msgRangeExclude = "ranges.%s = [%s, %s] does not contain the plan value %s: widen the range so that low ≤ %s ≤ high"
	msgRangeBound   = "ranges.%s: %s = %s is out of range: write %s"                     // key, low|high, value, range
	msgUnknownChan  = "%s = %q is not the id of a channel of this plan: write one of %s" // key, value, ids
	msgActualTwice  = "channel %q, month %d already has a row of actuals: keep one row per channel and month"
	msgScenarioName = "scenario name %q is reserved for the plan as written: choose another name"
	msgScenarioDup  = "scenario name %q is already used (names are compared without case): give each scenario its own name"
	msgScenarioChan = "channel %q already has factors in scenario %q: merge them into one [[scenarios.channel]]"
	msgFactorKey    = "factors.%s: %s is not an input a scenario can scale: use one of %s" // key, key, keys
	msgFactorChan   = "factors.%s: %s is not a key of %s %s channel: use one of %s"        // key, key, article, kind, keys
	msgNoChannels   = "(this plan has no channel yet)"
	msgMoreIDs      = "%s and %d more"                                                                    // the first ids, count of the others
	msgWeightsTable = "engagement_weights must be a table of KPI = weight: write engagement_weights = %s" // example
	msgWeightsZero  = "engagement_weights gives no weight above 0: give at least one KPI a weight above 0, or remove engagement_weights to use the default weights"
	msgWeightKey    = "engagement_weights.%s: %s is not an engagement KPI: use one of %s" // key, key, keys
	msgWeightTwice  = "engagement_weights.%s is given twice: give each KPI one weight"    // key
)

// set: one key of a plan from the text a person types (plan.Set)
const (
	msgSetTable       = "%s: no such table; did you mean %s?"                                                                                                    // key, suggestion
	msgSetTableNoHint = "%s: no such table: keys start with one of %s"                                                                                           // key, tables
	msgSetIDKey       = "%s: write %s.ID.KEY, the id of one of the plan's %s, then the key"                                                                      // key, table, table
	msgSetID          = "no %s has the id %q; did you mean %q?"                                                                                                  // what, id, suggestion
	msgSetIDNoHint    = "no %s has the id %q: use one of %s"                                                                                                     // what, id, ids
	msgSetUnknownKey  = "%s is not a key of %s: use one of %s"                                                                                                   // key, table, keys
	msgSetRequired    = "%s is required and cannot be emptied: write e.g. %s=%s"                                                                                 // key, key, example
	msgSetDecimal     = "%s=%s is not a decimal number: write %s"                                                                                                // key, value, what to write
	msgSetInteger     = "%s=%s is not a whole number: write e.g. %s=%s"                                                                                          // key, value, key, example
	msgSetBool        = "%s=%s is not true or false: write %s=true or %s=false"                                                                                  // key, value, key, key
	msgSetDate        = "%s=%s is not a date: write it as YYYY-MM-DD, e.g. %s=%s"                                                                                // key, value, key, example
	msgSetMonths      = "%s=%s is not a list of months: write the months separated by commas, e.g. %s=1,2,3"                                                     // key, value, key
	msgSetStrings     = "%s=%s is not a list of texts: separate them with commas, e.g. %s=Marque*,Générique*, or write a TOML list such as %s=[\"Marque, été\"]" // key, value, key, key
	msgSetRange       = "%s=%s is not a range: write LOW,HIGH, e.g. %s=0.01,0.03"                                                                                // key, value, key
	msgSetWeight      = "%s: set one weight as tracking.engagement_weights.KPI=WEIGHT, KPI one of %s"                                                            // key, KPIs
)

// Descriptions of ranges, used in msgOutOfRange.
const (
	descRate      = `a fraction from 0 to 1 ("0.22" is 22 %)`
	descRatePos   = `a fraction above 0 and at most 1 ("0.03" is 3 %)`
	descMoney     = `an amount from 0 to 1000000000000`
	descMoneyPos  = `an amount above 0 and at most 1000000000000`
	descCount     = `a number from 0 to 1000000000000`
	descCountPos  = `a number above 0 and at most 1000000000000`
	descTarget    = `a number from -1000000000000 to 1000000000000`
	descOrders    = `a number of orders from 0 to 1000`
	descReach     = `a number of people from 0 to 1000000`
	descFactor    = `a factor above 0 and at most 100 ("0.8" is 20 % less)`
	descWeight    = `a weight from 0 to 1000 (only the ratios between the weights count)`
	descWholeFrom = `a whole number from %d to %d`
)

// Messages of the report imports (ReadActualsFiles), each a fmt format;
// the verbs are in the comment. Cells are quoted through csvExcerpt.
const (
	msgReportTooManyFiles = "%d files at once, more than the %d an import reads: import them in several goes"                                                                                                                                                       // files, max
	msgReportNumber       = "column %q: %q is not a number: write it as the report does, e.g. %s"                                                                                                                                                                   // column, cell, example
	msgReportNoCampaign   = "campaign %q matches no channel of the plan: add it to a channel, e.g. %s under the [[channels]] with id = %q (or start the campaign's name with \"[%s]\"), or leave it out with [tracking] ignore_campaigns = [%s]"                    // campaign, campaigns line, channel, channel, pattern
	msgReportTwoChannels  = "campaign %q matches the channels %s: make their campaigns patterns tell it apart (a campaign counts in one channel)"                                                                                                                   // campaign, ids
	msgReportCurrencyHead = "the amounts of column %q are in %s but the plan is in %s: download the report in %s, or set currency = %q in [plan] (no amount is converted)"                                                                                          // column, report's, plan's, plan's, report's
	msgReportCurrencyCell = "column %q: the amounts of this row are in %s but the plan is in %s: download the report in %s, or set currency = %q in [plan] (no amount is converted)"                                                                                // column, report's, plan's, plan's, report's
	msgReportNoPeriod     = "the report has no time segment column (%s) and no date range above its header: download it split by month (in Google Ads: Segment → Time → Month; in Meta: Breakdown → By time → Month)"                                               // columns
	msgReportRangeWide    = "the report covers %q, which is not inside one month of the plan (it starts on %s; each plan month starts on day %d): download the report split by month (in Google Ads: Segment → Time → Month; in Meta: Breakdown → By time → Month)" // range, start, day
	msgReportRangeOut     = "the report covers %q, outside the plan, which runs from %s to %s: download the report for months of the plan, or change the plan's start"                                                                                              // range, start, end
	msgReportRowWide      = "columns %q and %q: this row covers %s to %s, more than one month of the plan: download the report split by month (in Meta: Breakdown → By time → Month)"                                                                               // column, column, start, end
	msgReportNoFigure     = "the header has the campaign column %q but none of the figures an import reads (%s): add them to the report's columns before downloading it"                                                                                            // column, columns
	msgReportNothing      = "the report has no row to import: every row below the header is a total, an account summary or all zero (paused campaigns): download it for a period when the campaigns ran"                                                            //
	msgXLSXBad            = "the file is an Excel workbook (.xlsx) that cannot be read (%v): open it in Excel or LibreOffice and save it again as .xlsx, or save it as UTF-8 (CSV UTF-8 in Excel)"                                                                  // reason
	msgXLSXTooBig         = "the workbook unpacks to more than %d MB (%s): a report is far smaller: download it again, or as CSV"                                                                                                                                   // max MB, what
	msgXLSXSheets         = "the workbook has %d sheets, more than the %d an import looks at: keep the report's sheet only"                                                                                                                                         // sheets, max
	msgXLSXEmpty          = "the workbook's first sheet %q is empty: put the report on the first sheet"                                                                                                                                                             // sheet
	msgXLSXFormula        = "column %q: the cell holds a formula without a value (%q): open the workbook in Excel or LibreOffice and save it, so that its values are stored"                                                                                        // column, formula
)
