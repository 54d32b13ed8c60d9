package plan

// The English text of the messages Set gives, in the style of
// messages.go (each a fmt format; the comment says what its verbs are).
// They belong in messages.go with the others; they stand here while
// another change owns that file.
const (
	msgSetTable       = "%s: no such table; did you mean %s?"                                                // key, suggestion
	msgSetTableNoHint = "%s: no such table: keys start with one of %s"                                       // key, tables
	msgSetIDKey       = "%s: write %s.ID.KEY, the id of one of the plan's %s, then the key"                  // key, table, table
	msgSetID          = "no %s has the id %q; did you mean %q?"                                              // what, id, suggestion
	msgSetIDNoHint    = "no %s has the id %q: use one of %s"                                                 // what, id, ids
	msgSetUnknownKey  = "%s is not a key of %s: use one of %s"                                               // key, table, keys
	msgSetRequired    = "%s is required and cannot be emptied: write e.g. %s=%s"                             // key, key, example
	msgSetDecimal     = "%s=%s is not a decimal number: write %s"                                            // key, value, what to write
	msgSetInteger     = "%s=%s is not a whole number: write e.g. %s=%s"                                      // key, value, key, example
	msgSetBool        = "%s=%s is not true or false: write %s=true or %s=false"                              // key, value, key, key
	msgSetDate        = "%s=%s is not a date: write it as YYYY-MM-DD, e.g. %s=%s"                            // key, value, key, example
	msgSetMonths      = "%s=%s is not a list of months: write the months separated by commas, e.g. %s=1,2,3" // key, value, key
	msgSetRange       = "%s=%s is not a range: write LOW,HIGH, e.g. %s=0.01,0.03"                            // key, value, key
	msgSetWeight      = "%s: set one weight as tracking.engagement_weights.KPI=WEIGHT, KPI one of %s"        // key, KPIs
)
