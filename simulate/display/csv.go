package display

// CSVCell returns s made safe for a CSV cell that a spreadsheet will open:
// a text cell that starts with '=', '+', '-', '@', a tab or a carriage
// return would be run as a formula (CSV injection: "=HYPERLINK(…)",
// "+cmd|…", "@SUM(…)"), so it is prefixed with a single quote, OWASP's
// rule. A plain number keeps its form, so figures stay numbers:
//
//	CSVCell("=HYPERLINK(\"x\")") = "'=HYPERLINK(\"x\")"
//	CSVCell("-12.50")            = "-12.50"
//	CSVCell("-2+3")              = "'-2+3"
//	CSVCell("Mailing")           = "Mailing"
func CSVCell(s string) string {
	if s == "" || isPlainNumber(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// isPlainNumber reports whether s is an optional sign, digits and an
// optional fraction: what the CSV outputs write for figures.
func isPlainNumber(s string) bool {
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i = 1
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}
