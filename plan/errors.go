package plan

import (
	"fmt"
	"strings"
)

// Error is one problem found in a plan: where it is and what to write
// instead. Line and Col are 1-based and 0 when unknown (a plan built in the
// app has no file positions); Path names the field in the plan's own
// words, e.g. "channels[2].open_rate" or "business.gross_margin"; Msg
// says what is wrong and what to write instead, as a code of the message
// catalog and its arguments (simulate/display.Error words it for people,
// in their language).
type Error struct {
	File string
	Line int
	Col  int
	Path string
	Msg  Msg
}

// Error formats e as FILE:LINE:COL: message (FORMAT.md), leaving out the
// parts that are unknown, in English (Msg.String): the words of logs and
// of tests. A program that shows e to a person renders it with
// simulate/display.Error instead, in the person's language, after the
// same Where.
func (e Error) Error() string { return e.Where() + e.Msg.String() }

// Where is what Error writes before the message: "FILE:LINE:COL: " with
// the unknown parts left out, and the Path ("plan.months: ") when there
// is no line to point at; "" when nothing is known.
func (e Error) Where() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, "%d:", e.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if e.Path != "" && e.Line == 0 {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	return b.String()
}

// ErrorList is every problem found in one pass, in file order. It is an
// error when not empty. Decode keeps the first 50 by position; when it
// found more, its last Error has only File and a Msg counting the others
// ("12 more problems were found: …"), with no Path, Line or Col.
type ErrorList []Error

// Error joins the errors one per line.
func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
