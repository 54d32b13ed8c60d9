package assets

import _ "embed"

// ActualsColumns is the text of actuals_columns.toml: for the actuals CSV
// of FORMAT.md and for the reports users export (Google Ads, Mailchimp),
// which header stands for which column of ours, and how the channel and
// the month are found. Parse it with plan.ActualsSources.
//
//go:embed actuals_columns.toml
var ActualsColumns []byte
