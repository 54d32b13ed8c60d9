package assets

import _ "embed"

// ActualsColumns is the text of actuals_columns.toml: for the actuals CSV
// of FORMAT.md ([[sources]]) and for the reports users export from Google
// Ads, Meta Ads Manager and Mailchimp ([[reports]], per interface
// language), which header stands for which column of ours, and how the
// campaign, the period and the currency are found. Parse it with
// plan.ActualsSources and plan.ReportSources.
//
//go:embed actuals_columns.toml
var ActualsColumns []byte
