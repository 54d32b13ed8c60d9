package assets

import _ "embed"

// Glossary is the text of glossary.toml: every word of the results, the
// tools and the tracking defined in plain words, in French and English,
// with the figures each term explains. Read it through
// simulate/display.Glossary and display.Term.
//
//go:embed glossary.toml
var Glossary []byte

// Guide is the text of guide.toml: the steps of a first campaign for a
// blank plan, in French and English. Read it through
// simulate/display.FirstPlanGuide.
//
//go:embed guide.toml
var Guide []byte
