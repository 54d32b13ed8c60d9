package plan

import (
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// PathsColumns lists the columns of a conversion paths CSV, in the order
// of its header.
var PathsColumns = []string{"path_id", "step", "channel", "converted", "revenue"}

// ConversionPath is one person's journey: the channels touched, in step
// order (a channel may come back), and whether it ended in a conversion
// and for how much revenue.
type ConversionPath struct {
	ID        string
	Channels  []string // channel ids, in step order
	Converted bool
	Revenue   decimal.Decimal // money; 0 when not converted
	Line      int             // file line of the path's first row
}

// ParsePathsCSV reads conversion paths from a CSV file for plan p, in the
// order their first row appears. name is the file's name for the errors.
//
// Header path_id,step,channel,converted,revenue (in any order; French
// parcours, etape/étape, canal, converti, chiffre_affaires are read too);
// one row per touch. step is a whole number ≥ 1, unique within a path
// (the rows of a path may come in any order: they are sorted by step);
// channel is a channel id of p; converted is 1/0, true/false, yes/no or
// oui/non; revenue is money (empty means 0). converted and revenue belong
// to the path: give them on one of its rows and leave the others empty, or
// repeat the same value on every row — two different values are an error,
// as is revenue on a path that did not convert.
//
// The file is read as ParseActualsCSV reads one (encodings, separator,
// decimal commas, quotes, limits, errors); a path may have at most
// MaxCSVPathSteps rows. Unknown and missing columns, bad cells and ragged
// rows (cells past the header are allowed only when empty: a trailing
// separator) are errors with their line and column, and nothing is
// returned when any row is bad.
func ParsePathsCSV(name string, data []byte, p Plan) ([]ConversionPath, error) {
	errs := &csvErrors{file: name}
	text, ok := csvText(errs, data)
	if !ok {
		return nil, errs.result()
	}
	aliases := map[string]string{"path_id": "path_id", "parcours": "path_id", "step": "step", "etape": "step",
		"étape": "step", "channel": "channel", "canal": "channel", "converted": "converted",
		"converti": "converted", "revenue": "revenue", "chiffre_affaires": "revenue"}
	f, ok := openCSV(text, errs, strings.Join(PathsColumns, ","), func(cells []string) bool {
		for _, c := range cells {
			if aliases[headerKey(c)] == "path_id" {
				return true
			}
		}
		return false
	})
	if !ok {
		return nil, errs.result()
	}
	idx := map[string]int{}
	for i, h := range f.header {
		col, known := aliases[headerKey(h)]
		switch {
		case !known && h == "" && i == len(f.header)-1:
		case !known:
			errs.add(f.headerLine, h, msgCSVUnknownCol, csvExcerpt(h), strings.Join(PathsColumns, ", "))
		default:
			if j, dup := idx[col]; dup {
				errs.add(f.headerLine, h, msgCSVColTwice, col, csvExcerpt(f.header[j]), csvExcerpt(h))
				continue
			}
			idx[col] = i
		}
	}
	for _, col := range PathsColumns {
		if _, ok := idx[col]; !ok {
			errs.add(f.headerLine, col, msgCSVMissingCol, col, strings.Join(PathsColumns, ","))
		}
	}
	if errs.any() {
		return nil, errs.result()
	}
	ids := make(map[string]bool, len(p.Channels))
	for _, c := range p.Channels {
		ids[c.ID] = true
	}
	chanIDs := channelIDs(p) // once: the messages of every bad row quote it
	type touch struct {
		step int
		ch   string
		line int
	}
	type acc struct {
		path             ConversionPath
		touches          []touch
		stepLine         map[int]int // line of each step
		conv, rev        string      // the value given, "" when none yet
		convLine, revLin int
		tooLong          bool // reported as over MaxCSVPathSteps
	}
	byID := map[string]*acc{}
	var order []*acc
	rows := 0
	f.each(errs, func(row csvRow) {
		rows++
		line := row.line
		if f.ragged(errs, row, true) {
			return
		}
		get := func(col string) (string, string) {
			i := idx[col]
			return strings.TrimSpace(row.cell(i)), f.header[i]
		}
		id, idHead := get("path_id")
		if id == "" {
			errs.add(line, idHead, msgCSVPathEmpty, csvExcerpt(idHead))
			return
		}
		a := byID[id]
		if a == nil {
			a = &acc{path: ConversionPath{ID: id, Line: line}, stepLine: map[int]int{}}
			byID[id] = a
			order = append(order, a)
		}
		sCell, sHead := get("step")
		if len(a.touches) >= MaxCSVPathSteps {
			if !a.tooLong {
				a.tooLong = true
				errs.add(line, idHead, msgCSVPathRows, csvExcerpt(idHead), csvExcerpt(id), MaxCSVPathSteps)
			}
			return
		}
		step, err := strconv.Atoi(sCell)
		if err != nil || step < 1 {
			errs.add(line, sHead, msgCSVStepWhole, csvExcerpt(sHead), csvExcerpt(sCell))
		}
		ch, chHead := get("channel")
		if !ids[ch] {
			errs.add(line, chHead, msgUnknownChan, msgf(msgColumnRef, csvExcerpt(chHead)), csvExcerpt(ch), chanIDs)
		}
		if err == nil {
			if l, dup := a.stepLine[step]; dup {
				errs.add(line, sHead, msgCSVStepTwice, csvExcerpt(id), step, l)
			} else {
				a.stepLine[step] = line
			}
		}
		a.touches = append(a.touches, touch{step, ch, line})
		cCell, cHead := get("converted")
		if cCell != "" {
			v, ok := parseBool(cCell)
			switch {
			case !ok:
				errs.add(line, cHead, msgCSVNotBool, csvExcerpt(cHead), csvExcerpt(cCell))
			case a.conv != "" && a.conv != strconv.FormatBool(v):
				errs.add(line, cHead, msgCSVConvBoth, csvExcerpt(cHead), csvExcerpt(id), a.convLine)
			default:
				a.conv, a.convLine = strconv.FormatBool(v), line
				a.path.Converted = v
			}
		}
		rCell, rHead := get("revenue")
		if v, ok := amount(errs, line, rHead, rCell, f.sep, true); ok && v.Valid {
			if a.rev != "" && !a.path.Revenue.Equal(v.Decimal) {
				errs.add(line, rHead, msgCSVTwoRevs, csvExcerpt(rHead), csvExcerpt(id), a.path.Revenue, v.Decimal, a.revLin)
			} else {
				a.rev, a.revLin = v.Decimal.String(), line
				a.path.Revenue = v.Decimal
			}
		}
	})
	if !errs.any() && rows == 0 {
		errs.add(f.headerLine, "", msgCSVHeaderOnly)
	}
	var out []ConversionPath
	for _, a := range order {
		if !a.path.Converted && a.path.Revenue.Sign() > 0 {
			errs.add(a.revLin, "revenue", msgCSVRevNoConv, csvExcerpt(a.path.ID), a.path.Revenue)
		}
		sort.SliceStable(a.touches, func(i, j int) bool { return a.touches[i].step < a.touches[j].step })
		for _, t := range a.touches {
			a.path.Channels = append(a.path.Channels, t.ch)
		}
		out = append(out, a.path)
	}
	if errs.any() {
		return nil, errs.result()
	}
	return out, nil
}

// parseBool reads yes/no cells in English and French.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "1", "true", "yes", "y", "oui", "o", "vrai", "x":
		return true, true
	case "0", "false", "no", "n", "non", "faux":
		return false, true
	}
	return false, false
}
