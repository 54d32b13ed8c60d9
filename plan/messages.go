package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The codes of the errors Decode, Validate and Set give (Error.Msg.Code):
// the keys of the message catalog, assets/i18n/messages/plan.toml, which
// words each in French and English. The comment names the arguments;
// Words that are arguments of other messages, and messages built at one
// place only.
const (
	msgColumnRef         = "column_ref"          // column
	msgCellRef           = "cell_ref"            // cell
	msgWordObjective     = "word_objective"      // no argument
	msgWordChannel       = "word_channel"        // no argument
	msgWordObjectiveID   = "word_objective_id"   // no argument
	msgWordChannelID     = "word_channel_id"     // no argument
	msgRefObjective      = "ref_objective"       // n
	msgRefChannel        = "ref_channel"         // name
	msgOneOfTwo          = "one_of_two"          // a, b
	msgFixDigits         = "fix_digits"          // key, example
	msgFixDigitsSet      = "fix_digits_set"      // key, example
	msgXLSXParts         = "xlsx_parts"          // count
	msgXLSXDeclared      = "xlsx_declared"       // part, size
	msgXLSXNoSheet       = "xlsx_no_sheet"       // no argument
	msgCSVColsReport     = "csv_cols_report"     // no argument
	msgReportColumns     = "report_columns"      // no argument
	msgCSVMonthNotIn     = "csv_month_not_in"    // column, month, months
	msgActualRowTwice    = "actual_row_twice"    // channel, month, row
	msgReportAnd         = "report_and"          // a, b
	msgRangeWiden        = "range_widen"         // value, low, high, new_low, new_high (of the key's unit)
	msgPlaceChannel      = "place_channel"       // channel (name)
	msgPlaceChannelKey   = "place_channel_key"   // channel (name), key (label)
	msgPlaceChannelRange = "place_channel_range" // channel (name), key (label)
	msgPlaceObjective    = "place_objective"     // objective (id)
	msgPlaceScenario     = "place_scenario"      // scenario (name)
	msgPlaceActual       = "place_actual"        // channel (id), month
	msgPlaceKey          = "place_key"           // key (label)
	msgPlaceThen         = "place_then"          // place, message
	msgVerbatim          = "verbatim"            // text, shown as it is (ids, keys)
)

// The benchmark library (ParseLibrary): its own file, benchmarks.toml, or
// a user's.
const (
	msgLibUnknownKeyAt        = "lib_unknown_key_at"        // path, key
	msgLibUnknownKey          = "lib_unknown_key"           // key
	msgLibFormatMissing       = "lib_format_missing"        // format
	msgLibFormatBad           = "lib_format_bad"            // found, format
	msgLibMissingId           = "lib_missing_id"            // no argument
	msgLibBadId               = "lib_bad_id"                // id
	msgLibDuplicateLever      = "lib_duplicate_lever"       // id
	msgLibMissingFr           = "lib_missing_fr"            // no argument
	msgLibMissingEn           = "lib_missing_en"            // no argument
	msgLibMissingSource       = "lib_missing_source"        // no argument
	msgLibBadCurrency         = "lib_bad_currency"          // currency
	msgLibMissingMetric       = "lib_missing_metric"        // no argument
	msgLibBadMetric           = "lib_bad_metric"            // metric
	msgLibUnknownKind         = "lib_unknown_kind"          // kind
	msgLibUnknownSector       = "lib_unknown_sector"        // sector, sectors
	msgLibMissingSourceFigure = "lib_missing_source_figure" // no argument
	msgLibMissingYear         = "lib_missing_year"          // no argument
	msgLibBadYear             = "lib_bad_year"              // year
	msgLibMinMax              = "lib_min_max"               // min, max
	msgLibEmpty               = "lib_empty"                 // no argument
	msgLibLeverUndefined      = "lib_lever_undefined"       // id
	msgLibNotDecimal          = "lib_not_decimal"           // key, value
	msgLibNegative            = "lib_negative"              // key, value
	msgLibFloat               = "lib_float"                 // key, value
	msgLibWantDecimal         = "lib_want_decimal"          // key

	// helper "model" (the user's library; words in model.toml)
	msgLibOutOfRange = "lib_out_of_range" // key, value, metric, range (a Msg)
	msgLibText       = "lib_text"         // key
	msgLibTextLang   = "lib_text_lang"    // key, lang
	msgLibTooLarge   = "lib_too_large"    // max
)

// msgNames gives them in the order msgf takes them.
const (
	// file level
	msgTooLarge     = "too_large"     // size, max
	msgNotUTF8      = "not_utf8"      // byte
	msgSyntax       = "syntax"        // message
	msgParserFailed = "parser_failed" // value
	msgMoreErrors   = "more_errors"   // count

	// why the layout of a file cannot be kept (LayoutError)
	msgLayoutReadBack         = "layout_readback"
	msgLayoutNotPlan          = "layout_not_plan"
	msgLayoutFileHas          = "layout_file_has"
	msgLayoutScenChannelFirst = "layout_scen_channel_first"
	msgLayoutUTF8             = "layout_utf8"
	msgLayoutCount            = "layout_count"
	msgLayoutOverlapIn        = "layout_overlap_in"
	msgLayoutOverlap          = "layout_overlap"
	msgLayoutHeader           = "layout_header"
	msgLayoutTable            = "layout_table"
	msgLayoutAfterHeader      = "layout_after_header"
	msgLayoutDotted           = "layout_dotted"
	msgLayoutNoValue          = "layout_no_value"
	msgLayoutTopKey           = "layout_top_key"
	msgLayoutAfterValue       = "layout_after_value"

	// the place of a key, as messages name it (describe, table)
	msgTableTop   = "table_top"    // (none): the keys before any [table]
	msgTablePlain = "table_plain"  // header: "[plan]"
	msgTableItem  = "table_item"   // header, id: [[channels]] "mailing"
	msgTableItemN = "table_item_n" // header, n: [[channels]] #3

	// the shape of the file (checkShape, before parsing)
	msgShapeNested     = "shape_nested"      // max
	msgShapeKeyParts   = "shape_key_parts"   // max
	msgShapeKeyLong    = "shape_key_long"    // length, max
	msgShapeString     = "shape_string"      // max
	msgShapeBare       = "shape_bare"        // max
	msgShapeList       = "shape_list"        // max, months
	msgShapeInlineKeys = "shape_inline_keys" // max
	msgShapeTables     = "shape_tables"      // max
	msgShapeKeys       = "shape_keys"        // max
	msgShapeValues     = "shape_values"      // max

	// keys and tables
	msgUnknownKey       = "unknown_key"         // key, table, suggestion
	msgUnknownKeyNoHint = "unknown_key_no_hint" // key, table, keys
	msgForeignKey       = "foreign_key"         // key, article, kind, keys
	msgB2BKey           = "b2b_key"             // key
	msgMissingKey       = "missing_key"         // key, table, example
	msgMissingTable     = "missing_table"       // table, keys
	msgNotTable         = "not_table"           // key, header
	msgNotTableList     = "not_table_list"      // key, header
	msgFunnelNeeded     = "funnel_needed"       // no argument
	msgFunnelInB2C      = "funnel_in_b2c"       // no argument
	msgFormatMissing    = "format_missing"      // no argument
	msgFormatNewer      = "format_newer"        // format
	msgFormatBad        = "format_bad"          // format

	// value types
	msgFloat          = "float"            // key, raw, digits
	msgFloatNotNumber = "float_not_number" // key, raw, example
	msgWantDecimal    = "want_decimal"     // key, example
	msgBadDecimal     = "bad_decimal"      // key, value, fix
	msgDigits         = "digits"           // key, value, digits, max, example
	msgDigitsRounded  = "digits_rounded"   // key, value, digits, max, rounded
	msgEmptyDecimal   = "empty_decimal"    // key, example
	msgWantInteger    = "want_integer"     // key, example
	msgWantString     = "want_string"      // key, example
	msgWantBool       = "want_bool"        // key, example
	msgWantDate       = "want_date"        // key, example
	msgWantList       = "want_list"        // key, example
	msgWantRange      = "want_range"       // key, low, high
	msgActiveTooMany  = "active_too_many"  // entries, max
	msgActiveEmpty    = "active_empty"     // no argument

	// ranges of values
	msgOutOfRange = "out_of_range" // key, value, range
	msgTooLong    = "too_long"     // key, length, max

	// list keys (campaigns, kpis, tools, ignore_campaigns)
	msgWantStrings   = "want_strings"    // key, example
	msgListTooMany   = "list_too_many"   // key, count, max
	msgListBlank     = "list_blank"      // key, entry
	msgListEntryLong = "list_entry_long" // key, entry, length, max
	msgSpendUnknown  = "spend_unknown"   // spend
	msgRequired      = "required"        // key, example

	// enumerations and identifiers
	msgBadID        = "bad_id"          // key, value, suggestion
	msgDuplicateID  = "duplicate_id"    // what, id, other
	msgBadEnum      = "bad_enum"        // key, value, list
	msgBadCurrency  = "bad_currency"    // value
	msgBadMetric    = "bad_metric"      // value, list
	msgB2BMetric    = "b2b_metric"      // metric
	msgBadDateYear  = "bad_date_year"   // key, date
	msgDeadline     = "deadline"        // deadline, start
	msgMonthNotIn   = "month_not_in"    // month, months
	msgMonthTwice   = "month_twice"     // month
	msgMinMax       = "min_max"         // min, max
	msgNotPaid      = "not_paid"        // key
	msgCommission   = "commission"      // no argument
	msgRangeKey     = "range_key"       // key, article, kind, keys
	msgRangeUnset   = "range_unset"     // key
	msgRangeOrder   = "range_order"     // key, low, high
	msgRangeExclude = "range_exclude"   // key, low, high, value
	msgRangeBound   = "range_bound"     // key, end, value, range
	msgUnknownChan  = "unknown_chan"    // key, value, ids
	msgActualTwice  = "actual_twice"    // channel, month
	msgScenarioName = "scenario_name"   // name
	msgScenarioDup  = "scenario_dup"    // name
	msgScenarioChan = "scenario_chan"   // channel, scenario
	msgFactorKey    = "factor_key"      // key, keys
	msgFactorChan   = "factor_chan"     // key, article, kind, keys
	msgNoChannels   = "no_channels_yet" // no argument
	msgMoreIDs      = "more_ids"        // ids, count
	msgWeightsTable = "weights_table"   // example
	msgWeightsZero  = "weights_zero"    // no argument
	msgWeightKey    = "weight_key"      // key, keys
	msgWeightTwice  = "weight_twice"    // key
)

// set: one key of a plan from the text a person types (plan.Set)
const (
	msgSetTable       = "set_table"         // key, suggestion
	msgSetTableNoHint = "set_table_no_hint" // key, tables
	msgSetIDKey       = "set_id_key"        // key, table
	msgSetID          = "set_id"            // what, id, suggestion
	msgSetIDNoHint    = "set_id_nohint"     // what, id, ids
	msgSetUnknownKey  = "set_unknown_key"   // key, table, keys
	msgSetRequired    = "set_required"      // key, example
	msgSetDecimal     = "set_decimal"       // key, value, fix
	msgSetInteger     = "set_integer"       // key, value, example
	msgSetBool        = "set_bool"          // key, value
	msgSetDate        = "set_date"          // key, value, example
	msgSetMonths      = "set_months"        // key, value
	msgSetStrings     = "set_strings"       // key, value
	msgSetRange       = "set_range"         // key, value
	msgSetWeight      = "set_weight"        // key, kpis
)

// Descriptions of ranges, the argument range of msgOutOfRange.
const (
	descRate      = "desc_rate"       // no argument
	descRatePos   = "desc_rate_pos"   // no argument
	descMoney     = "desc_money"      // no argument
	descMoneyPos  = "desc_money_pos"  // no argument
	descCount     = "desc_count"      // no argument
	descCountPos  = "desc_count_pos"  // no argument
	descTarget    = "desc_target"     // no argument
	descOrders    = "desc_orders"     // no argument
	descReach     = "desc_reach"      // no argument
	descFactor    = "desc_factor"     // no argument
	descWeight    = "desc_weight"     // no argument
	descWholeFrom = "desc_whole_from" // from, to
)

// Messages of the report imports (ReadActualsFiles). Cells are quoted
// through csvExcerpt.
const (
	msgReportTooManyFiles = "report_too_many_files" // files, max
	msgReportNumber       = "report_number"         // column, cell, example
	msgReportNoCampaign   = "report_no_campaign"    // campaign, campaigns_line, channel, pattern
	msgReportTwoChannels  = "report_two_channels"   // campaign, ids
	msgReportCurrencyHead = "report_currency_head"  // column, report_currency, plan_currency
	msgReportCurrencyCell = "report_currency_cell"  // column, report_currency, plan_currency
	msgReportNoPeriod     = "report_no_period"      // columns
	msgReportRangeWide    = "report_range_wide"     // range, start, day
	msgReportRangeOut     = "report_range_out"      // range, start, end
	msgReportRowWide      = "report_row_wide"       // column, end_column, start, end
	msgReportNoFigure     = "report_no_figure"      // column, columns
	msgReportNothing      = "report_nothing"        // no argument
	msgXLSXBad            = "xlsx_bad"              // reason
	msgXLSXTooBig         = "xlsx_too_big"          // max, what
	msgXLSXSheets         = "xlsx_sheets"           // sheets, max
	msgXLSXEmpty          = "xlsx_empty"            // sheet
	msgXLSXFormula        = "xlsx_formula"          // column, formula
)

// msgNames gives, for each code of this package, the names of its
// arguments in the order msgf takes them (a name given twice is one
// argument: msgf keeps the first value).
var msgNames = map[string][]string{
	msgTooLarge:               {"size", "max"},
	msgNotUTF8:                {"byte"},
	msgSyntax:                 {"message"},
	msgSyntaxUnquoted:         {"key", "value"},
	msgSyntaxYesNo:            {"key", "value"},
	msgSyntaxUnclosed:         nil,
	msgSyntaxNoEquals:         {"key"},
	msgSyntaxExtra:            {"rest"},
	msgSyntaxBackslash:        nil,
	msgSyntaxDuplicate:        {"key"},
	msgSyntaxDuplicateAt:      {"key", "line"},
	msgSyntaxKeyConflict:      {"key"},
	msgSyntaxHeader:           nil,
	msgSyntaxList:             nil,
	msgSyntaxInlineTable:      nil,
	msgSyntaxEOF:              nil,
	msgSyntaxDate:             {"value"},
	msgSyntaxNumber:           {"value"},
	msgSyntaxControl:          nil,
	msgSyntaxBlankKey:         nil,
	msgParserFailed:           {"value"},
	msgMoreErrors:             {"count"},
	msgLayoutReadBack:         nil,
	msgLayoutNotPlan:          nil,
	msgLayoutFileHas:          {"what"},
	msgLayoutScenChannelFirst: nil,
	msgLayoutUTF8:             nil,
	msgLayoutCount:            {"header"},
	msgLayoutOverlapIn:        {"table"},
	msgLayoutOverlap:          nil,
	msgLayoutHeader:           nil,
	msgLayoutTable:            {"table"},
	msgLayoutAfterHeader:      nil,
	msgLayoutDotted:           nil,
	msgLayoutNoValue:          nil,
	msgLayoutTopKey:           {"key"},
	msgLayoutAfterValue:       {"key"},
	msgTableTop:               nil,
	msgTablePlain:             {"header"},
	msgTableItem:              {"header", "id"},
	msgTableItemN:             {"header", "n"},
	msgShapeNested:            {"max"},
	msgShapeKeyParts:          {"max"},
	msgShapeKeyLong:           {"length", "max"},
	msgShapeString:            {"max"},
	msgShapeBare:              {"max"},
	msgShapeList:              {"max", "months"},
	msgShapeInlineKeys:        {"max"},
	msgShapeTables:            {"max"},
	msgShapeKeys:              {"max"},
	msgShapeValues:            {"max"},
	msgUnknownKey:             {"key", "table", "suggestion"},
	msgUnknownKeyNoHint:       {"key", "table", "table", "keys"},
	msgForeignKey:             {"key", "article", "kind", "kind", "keys"},
	msgB2BKey:                 {"key"},
	msgMissingKey:             {"key", "table", "key", "example"},
	msgMissingTable:           {"table", "keys"},
	msgNotTable:               {"key", "header"},
	msgNotTableList:           {"key", "header"},
	msgFunnelNeeded:           nil,
	msgFunnelInB2C:            nil,
	msgFormatMissing:          nil,
	msgFormatNewer:            {"format"},
	msgFormatBad:              {"format"},
	msgFloat:                  {"key", "raw", "key", "digits"},
	msgFloatNotNumber:         {"key", "raw", "key", "example"},
	msgWantDecimal:            {"key", "key", "example"},
	msgBadDecimal:             {"key", "value", "fix"},
	msgDigits:                 {"key", "value", "digits", "max", "key", "example"},
	msgDigitsRounded:          {"key", "value", "digits", "max", "key", "rounded"},
	msgEmptyDecimal:           {"key", "key", "example"},
	msgWantInteger:            {"key", "key", "example"},
	msgWantString:             {"key", "key", "example"},
	msgWantBool:               {"key", "key", "example"},
	msgWantDate:               {"key", "key", "example"},
	msgWantList:               {"key", "key", "example"},
	msgWantRange:              {"key", "key", "low", "high"},
	msgActiveTooMany:          {"entries", "max"},
	msgActiveEmpty:            nil,
	msgOutOfRange:             {"key", "value", "range"},
	msgTooLong:                {"key", "length", "max"},
	msgWantStrings:            {"key", "key", "example"},
	msgListTooMany:            {"key", "count", "max"},
	msgListBlank:              {"key", "entry"},
	msgListEntryLong:          {"key", "entry", "length", "max"},
	msgSpendUnknown:           {"spend"},
	msgRequired:               {"key", "key", "example"},
	msgBadID:                  {"key", "value", "key", "suggestion"},
	msgDuplicateID:            {"what", "id", "other", "thing"},
	msgBadEnum:                {"key", "value", "list"},
	msgBadCurrency:            {"value"},
	msgBadMetric:              {"value", "list"},
	msgB2BMetric:              {"metric"},
	msgBadDateYear:            {"key", "date"},
	msgDeadline:               {"deadline", "start"},
	msgMonthNotIn:             {"month", "months", "months"},
	msgMonthTwice:             {"month"},
	msgMinMax:                 {"min", "max"},
	msgNotPaid:                {"key"},
	msgCommission:             nil,
	msgRangeKey:               {"key", "key", "article", "kind", "keys"},
	msgRangeUnset:             {"key", "key", "key"},
	msgRangeOrder:             {"key", "low", "high"},
	msgRangeExclude:           {"key", "low", "high", "value", "key"},
	msgRangeBound:             {"key", "end", "value", "range"},
	msgUnknownChan:            {"key", "value", "ids"},
	msgActualTwice:            {"channel", "month"},
	msgScenarioName:           {"name"},
	msgScenarioDup:            {"name"},
	msgScenarioChan:           {"channel", "scenario"},
	msgFactorKey:              {"key", "key", "keys"},
	msgFactorChan:             {"key", "key", "article", "kind", "keys"},
	msgNoChannels:             nil,
	msgMoreIDs:                {"ids", "count"},
	msgWeightsTable:           {"example"},
	msgWeightsZero:            nil,
	msgWeightKey:              {"key", "key", "keys"},
	msgWeightTwice:            {"key"},
	msgSetTable:               {"key", "suggestion"},
	msgSetTableNoHint:         {"key", "tables"},
	msgSetIDKey:               {"key", "table", "table"},
	msgSetID:                  {"what", "id", "suggestion"},
	msgSetIDNoHint:            {"what", "id", "ids"},
	msgSetUnknownKey:          {"key", "table", "keys"},
	msgSetRequired:            {"key", "key", "example"},
	msgSetDecimal:             {"key", "value", "fix"},
	msgSetInteger:             {"key", "value", "key", "example"},
	msgSetBool:                {"key", "value", "key", "key"},
	msgSetDate:                {"key", "value", "key", "example"},
	msgSetMonths:              {"key", "value", "key"},
	msgSetStrings:             {"key", "value", "key", "key"},
	msgSetRange:               {"key", "value", "key"},
	msgSetWeight:              {"key", "kpis"},
	descRate:                  nil,
	descRatePos:               nil,
	descMoney:                 nil,
	descMoneyPos:              nil,
	descCount:                 nil,
	descCountPos:              nil,
	descTarget:                nil,
	descOrders:                nil,
	descReach:                 nil,
	descFactor:                nil,
	descWeight:                nil,
	descWholeFrom:             {"from", "to"},
	msgReportTooManyFiles:     {"files", "max"},
	msgReportNumber:           {"column", "cell", "example"},
	msgReportNoCampaign:       {"campaign", "campaigns_line", "channel", "channel", "pattern"},
	msgReportTwoChannels:      {"campaign", "ids"},
	msgReportCurrencyHead:     {"column", "report_currency", "plan_currency", "plan_currency", "report_currency"},
	msgReportCurrencyCell:     {"column", "report_currency", "plan_currency", "plan_currency", "report_currency"},
	msgReportNoPeriod:         {"columns"},
	msgReportRangeWide:        {"range", "start", "day"},
	msgReportRangeOut:         {"range", "start", "end"},
	msgReportRowWide:          {"column", "end_column", "start", "end"},
	msgReportNoFigure:         {"column", "columns"},
	msgReportNothing:          nil,
	msgXLSXBad:                {"reason"},
	msgXLSXTooBig:             {"max", "what"},
	msgXLSXSheets:             {"sheets", "max"},
	msgXLSXEmpty:              {"sheet"},
	msgXLSXFormula:            {"column", "formula"},
	msgCSVTooLarge:            {"size", "max"},
	msgCSVNotUTF8:             {"line", "cell", "byte"},
	msgCSVNUL:                 {"line", "cell"},
	msgCSVBadUTF16:            {"line", "cell"},
	msgCSVWorkbook:            nil,
	msgCSVEmpty:               {"columns"},
	msgCSVHeaderOnly:          nil,
	msgCSVTooMany:             {"more", "max"},
	msgCSVManyRows:            {"max"},
	msgCSVManyCols:            {"cells", "max", "columns"},
	msgCSVSyntax:              {"column", "what"},
	msgCSVBareQuote:           nil,
	msgCSVAfterQuote:          nil,
	msgCSVOpenQuote:           nil,
	msgCSVRagged:              {"cells", "columns", "which"},
	msgCSVNoCellFor:           {"columns"},
	msgCSVPastLast:            {"cell", "excerpt", "column"},
	msgCSVCellLong:            {"column", "length", "excerpt", "max"},
	msgCSVNumLong:             {"column", "excerpt", "length", "max"},
	msgCSVNumber:              {"column", "cell"},
	msgCSVCommaDec:            {"column", "cell"},
	msgCSVNegative:            {"column", "value"},
	msgCSVTooBig:              {"column", "value"},
	msgCSVEmptyCell:           {"column"},
	msgCSVWhole:               {"column", "cell", "example"},
	msgCSVUnknownCol:          {"column", "columns"},
	msgCSVMissingCol:          {"column", "columns"},
	msgCSVColTwice:            {"column", "first", "second"},
	msgCSVChanEmpty:           {"column", "ids"},
	msgCSVCampaign:            {"column", "name", "ids", "id", "name"},
	msgCSVNotDate:             {"column", "cell"},
	msgCSVOutside:             {"column", "cell", "start", "end"},
	msgCSVMonthEmpty:          {"column", "months"},
	msgCSVRowTwice:            {"column", "month_column", "channel", "month", "line"},
	msgCSVPathEmpty:           {"column"},
	msgCSVStepTwice:           {"path", "step", "line"},
	msgCSVNotBool:             {"column", "cell"},
	msgCSVConvBoth:            {"column", "path", "line"},
	msgCSVTwoRevs:             {"column", "path", "a", "b", "line"},
	msgCSVRevNoConv:           {"path", "revenue"},
	msgCSVStepWhole:           {"column", "cell"},
	msgCSVPathRows:            {"column", "path", "max"},
	msgColumnRef:              {"column"},
	msgCellRef:                {"cell"},
	msgWordObjective:          nil,
	msgWordChannel:            nil,
	msgWordObjectiveID:        nil,
	msgWordChannelID:          nil,
	msgRefObjective:           {"n"},
	msgRefChannel:             {"name"},
	msgOneOfTwo:               {"a", "b"},
	msgFixDigits:              {"key", "example"},
	msgFixDigitsSet:           {"key", "example"},
	msgXLSXParts:              {"count"},
	msgXLSXDeclared:           {"part", "size"},
	msgXLSXNoSheet:            nil,
	msgCSVColsReport:          nil,
	msgReportColumns:          nil,
	msgCSVMonthNotIn:          {"column", "month", "months"},
	msgActualRowTwice:         {"channel", "month", "row"},
	msgReportAnd:              {"a", "b"},
	msgVerbatim:               {"text"},
	msgPlaceChannel:           {"channel"},
	msgPlaceChannelKey:        {"channel", "key"},
	msgPlaceChannelRange:      {"channel", "key"},
	msgPlaceObjective:         {"objective"},
	msgPlaceScenario:          {"scenario"},
	msgPlaceActual:            {"channel", "month"},
	msgPlaceKey:               {"key"},
	msgPlaceThen:              {"place", "message"},
	msgRangeWiden:             {"value", "low", "high", "new_low", "new_high"},
	msgLibUnknownKeyAt:        {"path", "key"},
	msgLibUnknownKey:          {"key"},
	msgLibFormatMissing:       {"format"},
	msgLibFormatBad:           {"found", "format"},
	msgLibMissingId:           nil,
	msgLibBadId:               {"id"},
	msgLibDuplicateLever:      {"id"},
	msgLibMissingFr:           nil,
	msgLibMissingEn:           nil,
	msgLibMissingSource:       nil,
	msgLibBadCurrency:         {"currency"},
	msgLibMissingMetric:       nil,
	msgLibBadMetric:           {"metric"},
	msgLibUnknownKind:         {"kind"},
	msgLibUnknownSector:       {"sector", "sectors"},
	msgLibMissingSourceFigure: nil,
	msgLibMissingYear:         nil,
	msgLibBadYear:             {"year"},
	msgLibMinMax:              {"min", "max"},
	msgLibEmpty:               nil,
	msgLibLeverUndefined:      {"id"},
	msgLibNotDecimal:          {"key", "value"},
	msgLibNegative:            {"key", "value"},
	msgLibFloat:               {"key", "key", "value"},
	msgLibWantDecimal:         {"key", "key"},

	// helper "model"
	msgLibOutOfRange: {"key", "value", "metric", "range"},
	msgLibText:       {"key"},
	msgLibTextLang:   {"key", "lang"},
	msgLibTooLarge:   {"max"},
}

// msgf builds the message code with args given in the order of
// msgNames[code], each typed by its Go type: a string is a text (its
// control characters escaped, so a hostile cell cannot reach a terminal),
// a number a text as written (a line, a count, a value the file holds), a
// Date a date, a Msg a nested message, an error its text. A name listed
// twice is one argument (its first value).
func msgf(code string, args ...any) Msg {
	names := msgNames[code]
	m := Msg{Code: code, Args: make([]Arg, 0, len(args))}
	for i, v := range args {
		name := fmt.Sprintf("arg%d", i+1)
		if i < len(names) {
			name = names[i]
		}
		if _, dup := m.Arg(name); dup {
			continue
		}
		m.Args = append(m.Args, argOf(name, v))
	}
	return m
}

// argOf types one argument of msgf.
func argOf(name string, v any) Arg {
	switch v := v.(type) {
	case string:
		return TextArg(name, printable(v))
	case Msg:
		return MsgsArg(name, v)
	case Date:
		return DateArg(name, v)
	case error:
		return TextArg(name, printable(v.Error()))
	case decimal.Decimal:
		return TextArg(name, v.String())
	}
	return TextArg(name, printable(fmt.Sprint(v)))
}

// printable escapes the characters of s that a terminal or a label would
// not show as themselves (control characters, invalid UTF-8), as Go's %q
// does, and keeps the others.
func printable(s string) string {
	bad := func(i int, r rune) bool {
		if r == utf8.RuneError {
			_, n := utf8.DecodeRuneInString(s[i:])
			return n <= 1
		}
		return !unicode.IsPrint(r) && r != ' '
	}
	ok := true
	for i, r := range s {
		if bad(i, r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && bad(i, r):
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case bad(i, r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MsgArgs lists every code package plan gives with the names of its
// arguments: the contract between plan and the catalog, as
// simulate.MsgArgs is simulate's (a test of package display checks the
// catalog against both).
var MsgArgs = func() map[string][]string {
	out := make(map[string][]string, len(msgNames))
	for code, names := range msgNames {
		var uniq []string
		for _, n := range names {
			if !slices.Contains(uniq, n) {
				uniq = append(uniq, n)
			}
		}
		out[code] = uniq
	}
	return out
}()

// Codes other packages look for in an Error's Msg: the app words an
// out-of-range value for a form (rates are typed there as percentages),
// a missing value as "enter a value", and offers to widen an uncertainty
// range that no longer contains its value.
const (
	CodeOutOfRange    = msgOutOfRange   // key, value, range (a CodeDesc… message)
	CodeRangeBound    = msgRangeBound   // key, end, value, range (a CodeDesc… message)
	CodeRequired      = msgRequired     // key, example
	CodeRangeExclude  = msgRangeExclude // key, low, high, value
	CodeDescRate      = descRate        // no argument
	CodeDescRatePos   = descRatePos     // no argument
	CodeDescMoney     = descMoney       // no argument
	CodeDescMoneyPos  = descMoneyPos    // no argument
	CodeDescCount     = descCount       // no argument
	CodeDescCountPos  = descCountPos    // no argument
	CodeDescFactor    = descFactor      // no argument
	CodeDescWholeFrom = descWholeFrom   // from, to
	CodeRangeWiden    = msgRangeWiden   // value, low, high, new_low, new_high
	CodePlaceThen     = msgPlaceThen    // place, message (both messages): "canal « Mailing » : …"
)
