package plan

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The codes of a TOML syntax error the decoder's text is recognised in:
// each says what is wrong in words a person who never read the TOML
// specification understands, and what to write instead. A message of the
// parser none of them recognises keeps msgSyntax, which quotes it.
const (
	msgSyntaxUnquoted     = "syntax_unquoted"     // key, value
	msgSyntaxYesNo        = "syntax_yes_no"       // key, value
	msgSyntaxUnclosed     = "syntax_unclosed"     // (none)
	msgSyntaxNoEquals     = "syntax_no_equals"    // key
	msgSyntaxExtra        = "syntax_extra"        // rest
	msgSyntaxBackslash    = "syntax_backslash"    // (none)
	msgSyntaxDuplicate    = "syntax_duplicate"    // key
	msgSyntaxDuplicateAt  = "syntax_duplicate_at" // key, line
	msgSyntaxKeyConflict  = "syntax_key_conflict" // key
	msgSyntaxHeader       = "syntax_header"       // (none)
	msgSyntaxList         = "syntax_list"         // (none)
	msgSyntaxInlineTable  = "syntax_inline_table" // (none)
	msgSyntaxEOF          = "syntax_eof"          // (none)
	msgSyntaxDate         = "syntax_date"         // value
	msgSyntaxNumber       = "syntax_number"       // value
	msgSyntaxControl      = "syntax_control"      // (none)
	msgSyntaxBlankKey     = "syntax_blank_key"    // (none)
	maxSyntaxValueRunes   = 60                    // characters of the line quoted back
	syntaxTextPlaceholder = "…"                   // stands for a value too long to quote
)

// syntaxPatterns maps the parser's messages (BurntSushi/toml v1.6,
// lex.go, parse.go and error.go) to codes; the first submatch, when there
// is one, is the quoted text the parser names.
var syntaxPatterns = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`^expected value but found (.*) instead$`), msgSyntaxUnquoted},
	{regexp.MustCompile(`^strings cannot contain newlines$`), msgSyntaxUnclosed},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`), msgSyntaxNoEquals},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`), msgSyntaxExtra},
	{regexp.MustCompile(`^(invalid escape in string|expected (four|eight) hexadecimal digits after)`), msgSyntaxBackslash},
	{duplicateKey, msgSyntaxDuplicate},
	{regexp.MustCompile(`^Key '(.*)' was already created`), msgSyntaxKeyConflict},
	{regexp.MustCompile(`^(.*) is not a table$`), msgSyntaxKeyConflict},
	{regexp.MustCompile(`^(expected '\.' or '\]' to end table name|expected end of table array name delimiter|unexpected (table separator|end of table name))`), msgSyntaxHeader},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator`), msgSyntaxList},
	{regexp.MustCompile(`^(expected a comma or an inline table terminator|newlines not allowed within inline tables)`), msgSyntaxInlineTable},
	{regexp.MustCompile(`^unexpected EOF`), msgSyntaxEOF},
	{regexp.MustCompile(`^invalid datetime: (.*)$`), msgSyntaxDate},
	{regexp.MustCompile(`^(invalid float: (.*)|floats must start with a digit|expected a digit but got|not an? (octal|hexadecimal|binary) number|cannot use sign with non-decimal numbers|.* is out of (range|the safe))`), msgSyntaxNumber},
	{regexp.MustCompile(`^TOML files cannot contain control characters`), msgSyntaxControl},
	{regexp.MustCompile(`^unexpected '=': key name appears blank$`), msgSyntaxBlankKey},
}

// SyntaxError turns err, an error of the TOML parser (BurntSushi/toml) on
// src, into the Error of file name at its line and column: a coded message
// when the parser's message is one people commonly cause (a text without
// quotes, a missing "=", a key written twice, a Windows path in quotes…),
// or the code "syntax" quoting the parser. ok is false when err is no
// toml.ParseError. Plans, libraries and case files all report their
// syntax errors through it.
func SyntaxError(name, src string, err error) (e Error, ok bool) {
	var pe toml.ParseError
	if !asParseError(err, &pe) {
		return Error{}, false
	}
	e = Error{File: name}
	e.Line, e.Col = syntaxPosition(src, pe.Position)
	e.Msg = syntaxMsg(pe.Message, lineAt(src, e.Line), e.Col)
	if e.Msg.Code == msgSyntaxDuplicate {
		key, _ := e.Msg.Arg("key")
		full := duplicateKey.FindStringSubmatch(strings.TrimSpace(pe.Message))
		if first := firstDefinition(src, e.Line, full[1]); first > 0 {
			e.Msg = msgf(msgSyntaxDuplicateAt, key.Text, first)
		}
	}
	return e, true
}

// duplicateKey is the parser's message for a key defined twice, the
// key's whole dotted path in its submatch.
var duplicateKey = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)

// firstDefinition returns the line, before line at, where the key of
// dotted path full ("plan.budget", "channels.name") is written as
// "key = …" in the table of line at (below the last [header] or
// [[header]] above it), or 0 when it is not on a line of its own (in an
// inline table, or as a dotted key).
func firstDefinition(src string, at int, full string) int {
	lines := strings.Split(src, "\n")
	if at > len(lines) || full == "" {
		return 0
	}
	table := ""
	for i := at - 2; i >= 0; i-- {
		if t := strings.TrimSpace(lines[i]); strings.HasPrefix(t, "[") {
			table = strings.Trim(strings.SplitN(t, "]", 2)[0], "[ ")
			break
		}
	}
	rel := full
	if table != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(full, table+"."); !ok {
			return 0
		}
	}
	for i := at - 2; i >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "[") {
			return 0
		}
		if k, _, ok := strings.Cut(t, "="); ok && strings.Trim(strings.TrimSpace(k), `"'`) == rel {
			return i + 1
		}
	}
	return 0
}

// syntaxMsg is the message of the parser's text msg, at column col (from
// 1, in bytes) of the line text.
func syntaxMsg(msg, text string, col int) Msg {
	msg = strings.TrimSpace(msg)
	before, after := splitAtCol(text, col)
	for _, p := range syntaxPatterns {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		switch p.code {
		case msgSyntaxUnquoted:
			key := keyBefore(before)
			value := quotedBack(stripComment(after))
			if r, _ := utf8.DecodeRuneInString(value); key == "" || !unicode.IsLetter(r) {
				break // "x = = 3", "x = ,": no text to put in quotes
			}
			switch strings.ToLower(value) {
			case "oui", "non", "vrai", "faux", "yes", "no", "y", "n", "true", "false":
				return msgf(msgSyntaxYesNo, key, value)
			}
			return msgf(msgSyntaxUnquoted, key, strings.ReplaceAll(value, `"`, `\"`))
		case msgSyntaxNoEquals:
			key := strings.TrimSpace(before)
			if key == "" || len(key) > maxSyntaxValueRunes {
				break
			}
			return msgf(msgSyntaxNoEquals, key)
		case msgSyntaxExtra:
			rest := quotedBack(stripComment(after))
			if rest == "" {
				break
			}
			return msgf(msgSyntaxExtra, rest)
		case msgSyntaxDuplicate, msgSyntaxKeyConflict:
			key := strings.Trim(m[1], `"'`)
			if i := strings.LastIndexByte(key, '.'); i >= 0 {
				key = key[i+1:]
			}
			return msgf(p.code, key)
		case msgSyntaxDate, msgSyntaxNumber:
			value := quotedBack(stripComment(after))
			if value == "" {
				value = syntaxTextPlaceholder
			}
			return msgf(p.code, value)
		default:
			return msgf(p.code)
		}
		break
	}
	return msgf(msgSyntax, oneLine(msg))
}

// lineAt returns line n (from 1) of src without its end of line, or "".
func lineAt(src string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSuffix(src, "\r")
}

// splitAtCol splits text before column col (from 1, in bytes).
func splitAtCol(text string, col int) (before, after string) {
	i := col - 1
	if i < 0 {
		i = 0
	}
	if i > len(text) {
		i = len(text)
	}
	return text[:i], text[i:]
}

// keyBefore returns the key of "key = " ending before, or "".
func keyBefore(before string) string {
	k, _, ok := strings.Cut(before, "=")
	if !ok {
		return ""
	}
	k = strings.TrimSpace(k)
	if k == "" || len(k) > maxSyntaxValueRunes {
		return ""
	}
	return k
}

// stripComment returns s without a comment (from " #") and spaces around.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// quotedBack is s made fit to quote back in a message: control
// characters escaped and at most maxSyntaxValueRunes characters.
func quotedBack(s string) string {
	return clipN(printable(s), maxSyntaxValueRunes)
}
