package plan

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"campaignsim/assets"
)

// LibraryFormat is the version of the benchmark library file
// (assets/benchmarks.toml) that ParseLibrary reads.
const LibraryFormat = 1

var (
	defaultLibOnce sync.Once
	defaultLib     Library
	defaultLibErr  error
)

// DefaultLibrary returns the benchmark library in effect: the user's own
// library (SetUserLibrary) over the one embedded in the binary
// (BuiltinLibrary), as Overlay makes it. Every look-up — pre-filled
// channels, recommendations, the PDF — reads it, so the user's figures
// come first with her sources. Without a user library it is the embedded
// one.
//
// The returned Library shares its slices with every other caller: treat it
// as read-only.
func DefaultLibrary() Library {
	userMu.RLock()
	defer userMu.RUnlock()
	if userSet {
		return overlaid
	}
	return BuiltinLibrary()
}

// BuiltinLibrary returns the benchmark library embedded in the binary
// (assets/benchmarks.toml), parsed once. The embedded file is checked by
// the package tests, so it always parses in a released build; should it
// not, BuiltinLibrary returns an empty Library (no pre-fill, no
// recommendation) rather than panic, and DefaultLibraryErr says why.
func BuiltinLibrary() Library {
	loadDefaultLibrary()
	return defaultLib
}

// DefaultLibraryErr returns the error met while parsing the embedded
// library, or nil when it parsed (always nil in a tested build).
func DefaultLibraryErr() error {
	loadDefaultLibrary()
	return defaultLibErr
}

func loadDefaultLibrary() {
	defaultLibOnce.Do(func() {
		lib, err := ParseLibrary(assets.Benchmarks)
		if err != nil {
			defaultLibErr = fmt.Errorf("plan: embedded benchmarks.toml: %w", err)
			return
		}
		defaultLib = lib
	})
}

// libFile is the TOML layout of a benchmark library. Decimal keys are
// decoded as any so that a TOML float (which loses digits) can be refused
// with a clear message.
type libFile struct {
	Format     *int           `toml:"format"`
	Levers     []libLever     `toml:"levers"`
	Benchmarks []libBenchmark `toml:"benchmarks"`
}

type libLever struct {
	ID     string `toml:"id"`
	FR     string `toml:"fr"`
	EN     string `toml:"en"`
	Source any    `toml:"source"`
}

type libBenchmark struct {
	Metric   string   `toml:"metric"`
	Kinds    []string `toml:"kinds"`
	Sector   string   `toml:"sector"`
	Value    any      `toml:"value"`
	Min      any      `toml:"min"`
	Max      any      `toml:"max"`
	Source   any      `toml:"source"`
	Year     int      `toml:"year"`
	Note     any      `toml:"note"`
	Currency string   `toml:"currency"`
	Levers   []string `toml:"levers"`
}

var (
	leverIDPattern  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
	metricPattern   = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$`)
)

// ParseLibrary reads a benchmark library in the format of
// assets/benchmarks.toml (README "Benchmarks"):
//
//	format = 1
//	[[levers]]      id, fr, en, source            (all required)
//	[[benchmarks]]  metric, source, year          (required)
//	                kinds, sector, value, min, max, currency, note, levers (optional)
//
// source and note are a text, or a table of their French and English texts
// ({ fr = "…", en = "…" }): what a reader sees is in her language
// (SourceIn, NoteIn). It is strict: an unknown key, a TOML float where a
// decimal is expected (write "0.2271", a quoted string, or an integer), a
// figure out of its key's range (a rate above 1), a missing source or
// year, an unknown kind or sector, a duplicate lever id, or a lever id that
// a benchmark names but no [[levers]] entry defines is an error. Every
// benchmark must carry at least one of value, min, max or levers. All
// problems are returned together as an ErrorList whose Path names the
// entry, e.g. "benchmarks[3].year", and whose Line is the line of that key
// (or of the entry's header).
func ParseLibrary(data []byte) (Library, error) { return parseLibrary(data, nil) }

// ParseUserLibrary is ParseLibrary for the user's own library (Overlay):
// its benchmarks may also name the levers of base.
func ParseUserLibrary(data []byte, base Library) (Library, error) {
	known := map[string]bool{}
	for _, l := range base.Levers {
		known[l.ID] = true
	}
	return parseLibrary(data, known)
}

// maxLibraryBytes bounds a library file: the embedded one is ~60 kB.
const maxLibraryBytes = 4 << 20

func parseLibrary(data []byte, knownLevers map[string]bool) (Library, error) {
	if len(data) > maxLibraryBytes {
		return Library{}, ErrorList{{Msg: msgf(msgLibTooLarge, maxLibraryBytes)}}
	}
	if e := checkShape("", string(data)); e != nil {
		return Library{}, ErrorList{*e}
	}
	var f libFile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		if e, ok := SyntaxError("", string(data), err); ok {
			return Library{}, ErrorList{e}
		}
		return Library{}, ErrorList{{Msg: msgf(msgParserFailed, err)}}
	}
	lines := libLines(data)
	var errs ErrorList
	add := func(path, code string, args ...any) {
		errs = append(errs, Error{Path: path, Line: lines.of(path), Msg: msgf(code, args...)})
	}
	occ := keyOccurrences(data)
	for _, k := range md.Undecoded() {
		if len(k) >= 2 && (k[len(k)-2] == "source" || k[len(k)-2] == "note") {
			continue // the languages of a text table: libText checks them
		}
		table, key := strings.Join(k[:len(k)-1], "."), k[len(k)-1]
		found := false
		for _, o := range occ {
			if o.table == table && o.key == key {
				found = true
				errs = append(errs, Error{Line: o.line, Path: o.path(), Msg: msgf(msgLibUnknownKeyAt, o.path(), key)})
			}
		}
		if !found {
			add(libKeyPath(k), msgLibUnknownKey, key)
		}
	}
	switch {
	case f.Format == nil:
		add("format", msgLibFormatMissing, LibraryFormat)
	case *f.Format != LibraryFormat:
		add("format", msgLibFormatBad, *f.Format, LibraryFormat)
	}

	var lib Library
	ids := map[string]bool{}
	for i, l := range f.Levers {
		p := fmt.Sprintf("levers[%d]", i)
		switch {
		case l.ID == "":
			add(p+".id", msgLibMissingId)
		case !leverIDPattern.MatchString(l.ID):
			add(p+".id", msgLibBadId, l.ID)
		case ids[l.ID]:
			add(p+".id", msgLibDuplicateLever, l.ID)
		}
		ids[l.ID] = true
		if strings.TrimSpace(l.FR) == "" {
			add(p+".fr", msgLibMissingFr)
		}
		if strings.TrimSpace(l.EN) == "" {
			add(p+".en", msgLibMissingEn)
		}
		src, srcEN := libText(l.Source, p+".source", add)
		if strings.TrimSpace(src) == "" {
			add(p+".source", msgLibMissingSource)
		}
		lib.Levers = append(lib.Levers, Lever{ID: l.ID, FR: l.FR, EN: l.EN, Source: src, SourceEN: srcEN})
	}

	for i, b := range f.Benchmarks {
		p := fmt.Sprintf("benchmarks[%d]", i)
		out := Benchmark{Metric: b.Metric, Sector: b.Sector, Year: b.Year, Currency: b.Currency}
		out.Source, out.SourceEN = libText(b.Source, p+".source", add)
		out.Note, out.NoteEN = libText(b.Note, p+".note", add)
		if b.Currency != "" && !currencyPattern.MatchString(b.Currency) {
			add(p+".currency", msgLibBadCurrency, b.Currency)
		}
		switch {
		case b.Metric == "":
			add(p+".metric", msgLibMissingMetric)
		case !metricPattern.MatchString(b.Metric):
			add(p+".metric", msgLibBadMetric, b.Metric)
		}
		for j, k := range b.Kinds {
			if !isKind(Kind(k)) {
				add(fmt.Sprintf("%s.kinds[%d]", p, j), msgLibUnknownKind, k)
			}
			out.Kinds = append(out.Kinds, Kind(k))
		}
		if b.Sector != "" && !isSector(b.Sector) {
			add(p+".sector", msgLibUnknownSector, b.Sector, strings.Join(Sectors, ", "))
		}
		if strings.TrimSpace(out.Source) == "" {
			add(p+".source", msgLibMissingSourceFigure)
		}
		if b.Year < 1900 || b.Year > 2100 {
			if b.Year == 0 {
				add(p+".year", msgLibMissingYear)
			} else {
				add(p+".year", msgLibBadYear, b.Year)
			}
		}
		bnd := metricBounds(b.Metric)
		for _, f := range []struct {
			key string
			v   any
			out *decimal.NullDecimal
		}{{"value", b.Value, &out.Value}, {"min", b.Min, &out.Min}, {"max", b.Max, &out.Max}} {
			var derr []Msg
			*f.out = libDecimal(f.v, f.key, &derr)
			for _, e := range derr {
				errs = append(errs, Error{Path: p + "." + f.key, Line: lines.of(p + "." + f.key), Msg: e})
			}
			if f.out.Valid && len(derr) == 0 && bnd != nil && !bnd.contains(f.out.Decimal) {
				add(p+"."+f.key, msgLibOutOfRange, f.key, f.out.Decimal, b.Metric, bnd.desc)
			}
		}
		if out.Min.Valid && out.Max.Valid && out.Min.Decimal.GreaterThan(out.Max.Decimal) {
			add(p+".min", msgLibMinMax, out.Min.Decimal, out.Max.Decimal)
		}
		if b.Value == nil && b.Min == nil && b.Max == nil && len(b.Levers) == 0 {
			add(p, msgLibEmpty)
		}
		out.Levers = append(out.Levers, b.Levers...)
		lib.Benchmarks = append(lib.Benchmarks, out)
	}
	for i, b := range f.Benchmarks {
		for j, id := range b.Levers {
			if !ids[id] && !knownLevers[id] {
				add(fmt.Sprintf("benchmarks[%d].levers[%d]", i, j), msgLibLeverUndefined, id)
			}
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return Library{}, errs
	}
	return lib, nil
}

// libText reads a source or note: a text (the same in both languages), or
// a table { fr = "…", en = "…" } (either may be left out: the other is
// then used). It returns the French and the English text ("" when the
// same).
func libText(v any, path string, add func(path, format string, args ...any)) (fr, en string) {
	switch x := v.(type) {
	case nil:
		return "", ""
	case string:
		return x, ""
	case map[string]any:
		for k, t := range x {
			s, ok := t.(string)
			switch {
			case k != "fr" && k != "en":
				add(path, msgLibTextLang, path, k)
			case !ok:
				add(path, msgLibText, path)
			case k == "fr":
				fr = s
			default:
				en = s
			}
		}
		if fr == "" {
			fr, en = en, ""
		}
		if en == fr {
			en = ""
		}
		return fr, en
	}
	add(path, msgLibText, path)
	return "", ""
}

// metricBounds returns the range of the plan key a benchmark's metric
// names ("open_rate", "lead_to_mql"; a qualified metric such as
// "click_rate.webinars" takes its base key's), or nil for a result figure
// (cpa, roi) or a key without a range. The rates of the engine's KPIs
// that are no plan key (click_to_open) are fractions too.
func metricBounds(metric string) *bounds {
	base, _, _ := strings.Cut(metric, ".")
	if base == "click_to_open" {
		return bRate
	}
	for _, s := range channelBody {
		if s.key == base {
			return s.b
		}
	}
	for _, s := range funnelSpecs {
		if s.key == base {
			return s.b
		}
	}
	for _, s := range businessSpecs {
		if s.key == base {
			return s.b
		}
	}
	return nil
}

// libLineIndex maps the paths of a library file ("benchmarks[3]",
// "benchmarks[3].value", "format") to their 1-based lines.
type libLineIndex map[string]int

// of returns the line of path, else of its entry ("benchmarks[3]" for
// "benchmarks[3].kinds[1]"), else 0.
func (ix libLineIndex) of(path string) int {
	for p := path; p != ""; {
		if l, ok := ix[p]; ok {
			return l
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return 0
}

// libLines indexes the header and key lines of a library file.
func libLines(data []byte) libLineIndex {
	ix := libLineIndex{}
	for _, o := range keyOccurrences(data) {
		ix[o.path()] = o.line
	}
	counts := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		if m := libHeaderLine.FindStringSubmatch(line); m != nil && m[1] == "[[" {
			ix[fmt.Sprintf("%s[%d]", m[2], counts[m[2]])] = i + 1
			counts[m[2]]++
		}
	}
	return ix
}

// asParseError reports whether err is a toml.ParseError and stores it in pe.
func asParseError(err error, pe *toml.ParseError) bool {
	switch e := err.(type) {
	case toml.ParseError:
		*pe = e
		return true
	case *toml.ParseError:
		*pe = *e
		return true
	}
	return false
}

// libDecimal converts a decoded TOML value into a decimal. Absent (nil)
// gives an invalid NullDecimal; a quoted decimal string or an integer is
// accepted; anything else appends a message to errs.
func libDecimal(v any, key string, errs *[]Msg) decimal.NullDecimal {
	switch x := v.(type) {
	case nil:
		return decimal.NullDecimal{}
	case string:
		d, err := decimal.NewFromString(strings.TrimSpace(x))
		if err != nil {
			*errs = append(*errs, msgf(msgLibNotDecimal, key, x))
			return decimal.NullDecimal{}
		}
		if d.IsNegative() {
			*errs = append(*errs, msgf(msgLibNegative, key, d))
		}
		return decimal.NewNullDecimal(d)
	case int64:
		if x < 0 {
			*errs = append(*errs, msgf(msgLibNegative, key, x))
		}
		return decimal.NewNullDecimal(decimal.NewFromInt(x))
	case float64:
		*errs = append(*errs, msgf(msgLibFloat, key, key, x))
	default:
		*errs = append(*errs, msgf(msgLibWantDecimal, key, key))
	}
	return decimal.NullDecimal{}
}

// keyOccurrence is one "key = value" line of a TOML file: the table it
// sits in (array tables with their index) and its 1-based line.
type keyOccurrence struct {
	table string // dotted table name without indexes, e.g. "benchmarks"
	index int    // index in the array table, -1 for a plain table
	key   string
	line  int
}

func (o keyOccurrence) path() string {
	switch {
	case o.table == "":
		return o.key
	case o.index >= 0:
		return fmt.Sprintf("%s[%d].%s", o.table, o.index, o.key)
	}
	return o.table + "." + o.key
}

var (
	libHeaderLine = regexp.MustCompile(`^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?`)
	libKeyLine    = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=`)
)

// keyOccurrences lists the bare keys of a TOML text line by line, so that
// an unknown key (which the decoder names without its array index) can be
// reported with its line and entry. It skips multi-line strings.
func keyOccurrences(data []byte) []keyOccurrence {
	var out []keyOccurrence
	table, index := "", -1
	counts := map[string]int{}
	inString := ""
	for i, line := range strings.Split(string(data), "\n") {
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		if m := libHeaderLine.FindStringSubmatch(line); m != nil {
			table = m[2]
			index = -1
			if m[1] == "[[" {
				index = counts[table]
				counts[table]++
			}
			continue
		}
		if m := libKeyLine.FindStringSubmatch(line); m != nil {
			out = append(out, keyOccurrence{table: table, index: index, key: m[1], line: i + 1})
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(line, q)%2 == 1 {
				inString = q
			}
		}
	}
	return out
}

// libKeyPath turns a TOML key such as benchmarks.3.valeu into a path.
func libKeyPath(k toml.Key) string {
	var b strings.Builder
	for i, part := range k {
		if i > 0 && !isIndex(part) {
			b.WriteString(".")
		}
		if isIndex(part) {
			b.WriteString("[" + part + "]")
		} else {
			b.WriteString(part)
		}
	}
	return b.String()
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isKind(k Kind) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

func isSector(s string) bool {
	for _, x := range Sectors {
		if x == s {
			return true
		}
	}
	return false
}

// matchScore says how well b fits a request for metric on a channel of
// kind in sector: -1 when it does not apply, else 2 for a sector-specific
// figure plus 1 for a kind-specific one (higher is more specific).
// A benchmark with no Kinds applies to every kind; kind "" (a plan-level
// figure such as lead_to_mql) matches only benchmarks with no Kinds.
func (b Benchmark) matchScore(kind Kind, sector, metric string) int {
	if b.Metric != metric {
		return -1
	}
	score := 0
	if b.Sector != "" {
		if b.Sector != sector {
			return -1
		}
		score += 2
	}
	if len(b.Kinds) > 0 {
		found := false
		for _, k := range b.Kinds {
			if k == kind {
				found = true
				break
			}
		}
		if !found {
			return -1
		}
		score++
	}
	return score
}

// FindAll returns every benchmark for metric on a channel of kind in
// sector: the user's own figures first (Benchmark.User, see Overlay), then,
// in each group, most specific first: sector-specific before all-sector,
// then kind-specific before any-kind, then file order. Kind "" asks for a
// plan-level figure (lead_to_mql, roi…) and matches only benchmarks that
// name no kind. Sector "" matches only all-sector benchmarks. Nil when
// none applies.
func (l Library) FindAll(kind Kind, sector, metric string) []Benchmark {
	type scored struct {
		b     Benchmark
		score int
	}
	var found []scored
	for _, b := range l.Benchmarks {
		if s := b.matchScore(kind, sector, metric); s >= 0 {
			found = append(found, scored{b, s})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].b.User != found[j].b.User {
			return found[i].b.User // the user's own figures first (MODEL.md)
		}
		return found[i].score > found[j].score
	})
	var out []Benchmark
	for _, f := range found {
		out = append(out, f.b)
	}
	return out
}

// Find returns the benchmark for metric on a channel of kind in sector:
// the sector's own figure first, else the all-sector one; among figures of
// the same sector scope a kind-specific one wins over one for every kind,
// then the first in the file. In the embedded library an alert threshold
// (Min/Max) comes before a plain average for the same key, so Find gives
// what a recommendation compares against; Prefill and FindAll see the
// others. The second result is false when no benchmark applies.
//
// Example: Find(Email, "local-retail", "open_rate") gives Mailchimp's
// all-industry figure (value 0.2271, min 0.20), since no sector-specific
// open rate exists.
//
// It gives FindAll's first figure without building the list: it runs on
// every simulation, for each channel's KPIs.
func (l Library) Find(kind Kind, sector, metric string) (Benchmark, bool) {
	best, bestScore := -1, 0
	for i, b := range l.Benchmarks {
		s := b.matchScore(kind, sector, metric)
		if s < 0 {
			continue
		}
		// FindAll's order: the user's own figures first, then the higher
		// score, then the first in the file (a stable sort)
		if best < 0 || b.User && !l.Benchmarks[best].User ||
			b.User == l.Benchmarks[best].User && s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return Benchmark{}, false
	}
	return l.Benchmarks[best], true
}

// findValue is FindAll's first benchmark that carries a Value.
func (l Library) findValue(kind Kind, sector, metric string) (Benchmark, bool) {
	for _, b := range l.FindAll(kind, sector, metric) {
		if b.Value.Valid {
			return b, true
		}
	}
	return Benchmark{}, false
}

// Lever returns the lever with the given id, and whether it exists.
func (l Library) Lever(id string) (Lever, bool) {
	for _, v := range l.Levers {
		if v.ID == id {
			return v, true
		}
	}
	return Lever{}, false
}

// prefillKeys lists, per kind, the channel keys Prefill fills from the
// library (rates and unit costs; never budgets, list sizes or audiences,
// which only the user knows).
var prefillKeys = map[Kind][]string{
	Email:         {"cost_per_message", "bounce_rate", "open_rate", "click_rate", "unsubscribe_rate", "conversion_rate"},
	SMS:           {"cost_per_message", "bounce_rate", "open_rate", "click_rate", "unsubscribe_rate", "conversion_rate"},
	Search:        {"cpc", "ctr", "conversion_rate"},
	Display:       {"cpm", "ctr", "conversion_rate"},
	SocialAds:     {"cpm", "ctr", "conversion_rate"},
	SocialOrganic: {"reach_rate", "ctr", "conversion_rate"},
	Influencer:    {"reach_rate", "ctr", "conversion_rate"},
	SEO:           {"conversion_rate"},
	Content:       {"conversion_rate"},
	Print:         {"cost_per_unit", "reach_per_unit", "response_rate", "conversion_rate"},
	Event:         {"response_rate", "conversion_rate"},
	Partnership:   {"response_rate", "conversion_rate"},
	Affiliate:     {"commission_rate", "conversion_rate"},
}

// StartSizeKeys are the channel keys Prefill starts at a figure to replace
// (their example in the key table): the size of the audience a channel
// reaches, which only the user knows.
var StartSizeKeys = []string{"list_size", "followers", "units", "contacts", "clicks", "visits_per_month"}

// PrefillKeys returns the channel keys that Prefill fills for kind, in
// the order of FORMAT.md's table (nil for an unknown kind).
func PrefillKeys(kind Kind) []string {
	return append([]string(nil), prefillKeys[kind]...)
}

// Prefill returns a new channel of the given kind for a business in
// sector, with the kind's defaults (sends, posts, ramp_months = 1) and its
// rates and unit costs (PrefillKeys) taken from the library's Value
// figures: the sector's own figure first, else the all-sector one. It
// also returns the benchmarks it used, in PrefillKeys order, so the UI can
// say where each figure came from (Benchmark.Metric names the key). A key
// with no benchmark stays zero. ID, Name and the budget are left empty.
// The sizes only the user knows (StartSizeKeys: list_size, followers,
// units, contacts, clicks, visits_per_month) start at the file format's
// example figure (2500 contacts on a list…), not 0: a new SMS channel with
// a list of 0 reached nobody and read as a broken simulation (issue 11
// item 12). They are no benchmark (not in the list returned); the user
// replaces them.
//
// Money benchmarks are in their Currency (WordStream's are US dollars);
// they are copied as they are: the UI shows the source and currency.
func (l Library) Prefill(kind Kind, sector string) (Channel, []Benchmark) {
	c := Channel{Kind: kind}
	switch kind {
	case Email, SMS:
		c.Sends = 1
	case SocialOrganic, Influencer:
		c.Posts = 1
	case SEO, Content:
		c.RampMonths = 1
	}
	for _, key := range StartSizeKeys {
		if sp, ok := channelSpec(kind, key); ok {
			setDefault(sp.field(&c), strings.Trim(sp.ex, `"`))
		}
	}
	var used []Benchmark
	for _, key := range prefillKeys[kind] {
		b, ok := l.findValue(kind, sector, key)
		if !ok {
			continue
		}
		if c.SetValue(key, b.Value.Decimal) {
			used = append(used, b)
		}
	}
	return c, used
}
