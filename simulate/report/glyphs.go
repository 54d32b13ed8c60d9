package report

import (
	"fmt"
	"reflect"
	"strings"

	"campaignsim/plan"
	"campaignsim/simulate/chart"
)

// Characters the document's font cannot draw.
//
// The text of the document is set in DejaVu Sans, which has the Latin,
// Greek and Cyrillic scripts, "€" and many symbols, but no emoji, no CJK
// ideographs and nothing outside the Basic Multilingual Plane. A plan may
// still hold such characters (a plan file is any UTF-8): they are drawn as
// chart.Substitute (U+FFFD, "�") in the text and the charts alike —
// chart.Covered is the one place that decides — and the summary says which
// characters were replaced, by code point, so the reader knows the
// document differs from the plan there. The PDF's metadata (title,
// subject, author) and bookmarks keep the plan's characters as they are:
// viewers show them with fonts of their own.

// maxMissingListed is the number of replaced characters the summary's
// notice lists by code point; more are counted ("and 3 more").
const maxMissingListed = 12

// missingGlyphs returns the distinct characters of p's text that the
// document cannot draw (chart.Missing over every string of the plan: its
// title, names, statements, context, owners, scenario names…), in order of
// first appearance; nil when there is none.
func missingGlyphs(p plan.Plan) []rune {
	var out []rune
	seen := map[rune]bool{}
	walkStrings(reflect.ValueOf(p), 0, func(s string) {
		for _, r := range chart.Missing(s) {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	})
	return out
}

// walkStrings calls f on every string reachable from v through exported
// struct fields, slices, arrays, maps (keys and values) and pointers, at
// most 12 levels deep (a plan is four).
func walkStrings(v reflect.Value, depth int, f func(string)) {
	if depth > 12 || !v.IsValid() {
		return
	}
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if t.Field(i).IsExported() {
				walkStrings(v.Field(i), depth+1, f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), depth+1, f)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			walkStrings(it.Key(), depth+1, f)
			walkStrings(it.Value(), depth+1, f)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), depth+1, f)
		}
	}
}

// missingText is the summary's notice of the characters replaced by
// chart.Substitute: "U+1F950, U+4E2D" and how many more.
func (d *doc) missingText() string {
	var codes []string
	for i, r := range d.missing {
		if i == maxMissingListed {
			break
		}
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	list := strings.Join(codes, ", ")
	if n := len(d.missing) - maxMissingListed; n > 0 {
		list += trf(d.lang, "glyphs more", fmt.Sprint(n))
	}
	return trf(d.lang, "glyphs missing", string(chart.Substitute), list)
}
