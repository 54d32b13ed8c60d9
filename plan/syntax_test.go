package plan

import (
	"errors"
	"strings"
	"testing"
)

// TestSyntaxErrorsSayWhatToWrite edits one line of basePlan the way people
// mistype a TOML file and checks that the error names the line, the
// column (the parser's: the first character it could not read) and what
// to write instead, in words that do not quote the
// parser's English. Each expected message is the catalog's English text
// with the arguments the line gives (the key before "=", the text after).
func TestSyntaxErrorsSayWhatToWrite(t *testing.T) {
	cases := []struct {
		name      string
		old, new  string
		line, col int
		code      string
		msg       string
	}{
		{"text without quotes", `name = "Shop"`, `name = Boulangerie Dupont`, 10, 8, msgSyntaxUnquoted,
			`the value of name is text without quotes: write it in straight double quotes, name = "Boulangerie Dupont" (an amount or a rate too: budget = "5000")`},
		{"text without quotes and a comment", `name = "Shop"`, `name = Shop # our shop`, 10, 8, msgSyntaxUnquoted,
			`the value of name is text without quotes: write it in straight double quotes, name = "Shop" (`},
		{"yes for a boolean", `list_size = 2500`, "list_size = 2500\nspend_unknown = oui", 25, 17, msgSyntaxYesNo,
			`spend_unknown = oui: write spend_unknown = true for yes or spend_unknown = false for no, without quotes`},
		{"a quote not closed", `budget = "5000"`, `budget = "5000`, 7, 15, msgSyntaxUnclosed,
			`a text opened with a quote is not closed on this line: add the closing quote`},
		{"no equals sign", `budget = "5000"`, `budget "5000"`, 7, 8, msgSyntaxNoEquals,
			`the = sign is missing after budget: write budget = and then the value, e.g. budget = "5000"`},
		{"a euro sign after the value", `budget = "5000"`, `budget = "5000" €`, 7, 16, msgSyntaxExtra,
			`"€" is left over after the value: a line holds one key = value`},
		{"a space inside a number", `budget = "5000"`, `budget = 5 000`, 7, 11, msgSyntaxExtra,
			`"000" is left over after the value`},
		{"a Windows path", `name = "Shop"`, `name = "C:\Users\marie"`, 10, 9, msgSyntaxBackslash,
			`a backslash \ in a text in double quotes starts a special code: double it ("C:\\Users") or write the text in single quotes ('C:\Users')`},
		// months = 3 is line 6 of basePlan; the second one is line 7
		{"a key written twice", `months = 3`, "months = 3\nmonths = 4", 7, 1, msgSyntaxDuplicateAt,
			`months is already written on line 6 in this part of the file: keep one of the two lines months = …`},
		// name = "Mailing" is line 22, in the first [[channels]]
		{"a key written twice in a channel", `kind = "email"`, "kind = \"email\"\nname = \"Mails\"", 24, 1, msgSyntaxDuplicateAt,
			`name is already written on line 22 in this part of the file`},
		// in an inline table the first one is on no line of its own
		{"a key written twice in an inline table", `open_rate = "0.22"`, `open_rate = "0.22"` + "\nranges = { open_rate = [\"0.1\", \"0.3\"], open_rate = [\"0.1\", \"0.4\"] }", 26, 0, msgSyntaxDuplicate,
			`open_rate is already written higher up in this part of the file`},
		{"a table header not closed", `[business]`, `[business`, 9, 10, msgSyntaxHeader,
			`this table header is not closed: write it on a line of its own, in brackets, e.g. [plan] or [[channels]]`},
		{"a list without its comma", `open_rate = "0.22"`, `open_rate = "0.22"` + "\nranges = { open_rate = [\"0.1\" \"0.3\"] }", 26, 31, msgSyntaxList,
			`in a list between [ and ], separate the items with commas and close it with ]: e.g. ["0.01", "0.03"]`},
		{"an inline table without its comma", `open_rate = "0.22"`, `open_rate = "0.22"` + "\nranges = { open_rate = [\"0.1\", \"0.3\"] click_rate = [\"0.01\", \"0.05\"] }", 26, 0, msgSyntaxInlineTable,
			`a table between { and } stays on one line, its items separated by commas`},
		{"a date that does not exist", `start = 2027-01-04`, `start = 2027-02-30`, 5, 9, msgSyntaxDate,
			`"2027-02-30" is not a date that exists: write it YYYY-MM-DD, without quotes, e.g. start = 2027-01-04`},
		{"a number with a leading point", `months = 3`, `months = .5`, 6, 0, msgSyntaxNumber,
			`".5" is not a number this format reads: write amounts and rates in quotes, with a decimal point and no spaces, e.g. budget = "4500.50"`},
		{"an equals sign with no key", `months = 3`, "months = 3\n= 4", 7, 1, msgSyntaxBlankKey,
			`an = sign with no key before it: write key = value, e.g. budget = "5000"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode("p.toml", []byte(edit(t, c.old, c.new)))
			var list ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("Decode gave %v, want one error", err)
			}
			e := list[0]
			if e.Msg.Code != c.code || e.Line != c.line || (c.col != 0 && e.Col != c.col) || e.File != "p.toml" {
				t.Errorf("got %s:%d:%d %s (%v), want line %d column %d code %s", e.File, e.Line, e.Col, e.Msg.Code, e, c.line, c.col, c.code)
			}
			if got := e.Msg.String(); !strings.HasPrefix(got, c.msg) {
				t.Errorf("message\n %s\nwant it to start\n %s", got, c.msg)
			}
		})
	}
}

// TestSyntaxErrorUnknownKeepsTheParser checks the fallback: a message of
// the parser no pattern knows is quoted, on one line, under "syntax".
func TestSyntaxErrorUnknownKeepsTheParser(t *testing.T) {
	m := syntaxMsg("something new\nfrom the parser", "x = 1", 3)
	if m.Code != msgSyntax || m.String() != `TOML syntax error: something new\nfrom the parser` {
		t.Errorf("got %s %q", m.Code, m.String())
	}
}

// TestLibrarySyntaxErrorIsCoded checks that a benchmark library file gets
// the same words and position as a plan.
func TestLibrarySyntaxErrorIsCoded(t *testing.T) {
	_, err := ParseLibrary([]byte("[[benchmarks]]\nmetric = ctr\n"))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("got %v, want one error", err)
	}
	if e := list[0]; e.Msg.Code != msgSyntaxUnquoted || e.Line != 2 || e.Col != 10 {
		t.Errorf("got %d:%d %s %v", e.Line, e.Col, e.Msg.Code, e)
	}
}
