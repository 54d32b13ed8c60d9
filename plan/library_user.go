package plan

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// The user's own benchmark library (MODEL.md "Benchmarks"): a file of the
// same schema as assets/benchmarks.toml, in the user's configuration
// folder (UserLibraryPath) or given with --library FILE, whose figures
// come first in every look-up and carry her sources.

var (
	userMu   sync.RWMutex
	userSet  bool
	userLib  Library
	overlaid Library
)

// SetUserLibrary makes user the user's own library: from then on
// DefaultLibrary returns Overlay(user, BuiltinLibrary()). An empty Library
// goes back to the embedded one alone. Safe for concurrent use; the app
// calls it when it starts and after each edit of the benchmarks screen,
// the command line once for --library.
func SetUserLibrary(user Library) {
	o := Overlay(user, BuiltinLibrary())
	userMu.Lock()
	defer userMu.Unlock()
	userLib = user
	userSet = len(user.Benchmarks) > 0 || len(user.Levers) > 0
	overlaid = o
}

// UserLibrary returns the user's own library set by SetUserLibrary (empty
// when none).
func UserLibrary() Library {
	userMu.RLock()
	defer userMu.RUnlock()
	return userLib
}

// Overlay returns user over base: user's benchmarks (marked User) before
// base's, so that every look-up (Find, FindAll, Prefill) finds the user's
// figure first; user's levers, then base's whose id user does not define.
func Overlay(user, base Library) Library {
	var out Library
	for _, b := range user.Benchmarks {
		b.User = true
		out.Benchmarks = append(out.Benchmarks, b)
	}
	out.Benchmarks = append(out.Benchmarks, base.Benchmarks...)
	ids := map[string]bool{}
	for _, l := range user.Levers {
		ids[l.ID] = true
		out.Levers = append(out.Levers, l)
	}
	for _, l := range base.Levers {
		if !ids[l.ID] {
			out.Levers = append(out.Levers, l)
		}
	}
	return out
}

// UserLibraryPath returns where the user's own library lives:
// os.UserConfigDir()/campaignsim/benchmarks.toml (on Linux
// $XDG_CONFIG_HOME/campaignsim/benchmarks.toml, else
// ~/.config/campaignsim/benchmarks.toml).
func UserLibraryPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("plan: no configuration folder for the user's benchmarks: %w", err)
	}
	return filepath.Join(dir, "campaignsim", "benchmarks.toml"), nil
}

// ReadLibraryFile reads and parses a user's library file (ParseUserLibrary
// over the embedded library's levers). A problem in the file is an
// ErrorList whose errors carry the file name and their lines, like a
// plan's; a file that cannot be read is the os error (fs.ErrNotExist when
// it does not exist). The file is read up to its size limit only.
func ReadLibraryFile(path string) (Library, error) {
	f, err := os.Open(path)
	if err != nil {
		return Library{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxLibraryBytes+1))
	if err != nil {
		return Library{}, err
	}
	lib, err := ParseUserLibrary(data, BuiltinLibrary())
	var errs ErrorList
	if errors.As(err, &errs) {
		for i := range errs {
			errs[i].File = path
		}
		return Library{}, errs
	}
	return lib, err
}

// ReadUserLibrary reads the user's library at UserLibraryPath: an empty
// Library and no error when she has none yet.
func ReadUserLibrary() (Library, string, error) {
	path, err := UserLibraryPath()
	if err != nil {
		return Library{}, "", err
	}
	lib, err := ReadLibraryFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Library{}, path, nil
	}
	return lib, path, err
}

// WithFigure returns a copy of l where b replaces the figure for the same
// metric, kinds and sector, or is added at the end: how the benchmarks
// screen adds or overrides one of the user's figures.
func (l Library) WithFigure(b Benchmark) Library {
	out := Library{Benchmarks: slices.Clone(l.Benchmarks), Levers: slices.Clone(l.Levers)}
	b.User = false // the flag belongs to Overlay, not to the file
	for i, x := range out.Benchmarks {
		if x.sameSlot(b) {
			out.Benchmarks[i] = b
			return out
		}
	}
	out.Benchmarks = append(out.Benchmarks, b)
	return out
}

// WithoutFigure returns a copy of l without the figure for the same
// metric, kinds and sector as b.
func (l Library) WithoutFigure(b Benchmark) Library {
	out := Library{Levers: slices.Clone(l.Levers)}
	for _, x := range l.Benchmarks {
		if !x.sameSlot(b) {
			out.Benchmarks = append(out.Benchmarks, x)
		}
	}
	return out
}

// sameSlot reports whether a and b are figures for the same metric, kinds
// (in any order) and sector.
func (a Benchmark) sameSlot(b Benchmark) bool {
	if a.Metric != b.Metric || a.Sector != b.Sector || len(a.Kinds) != len(b.Kinds) {
		return false
	}
	for _, k := range a.Kinds {
		if !slices.Contains(b.Kinds, k) {
			return false
		}
	}
	return true
}

// SourceIn returns the benchmark's source in lang (publisher and title as
// the reader reads them), with its year: "Mailchimp, « Email Marketing
// Benchmarks », 2019". Without a year, the source alone.
func (b Benchmark) SourceIn(lang Language) string {
	s := b.Source
	if lang == LangEN && b.SourceEN != "" {
		s = b.SourceEN
	}
	if b.Year == 0 || s == "" {
		return s
	}
	return s + ", " + strconv.Itoa(b.Year)
}

// NoteIn returns what the figure measures, in lang ("" when no note).
func (b Benchmark) NoteIn(lang Language) string {
	if lang == LangEN && b.NoteEN != "" {
		return b.NoteEN
	}
	return b.Note
}

// SourceIn returns the lever's source in lang.
func (l Lever) SourceIn(lang Language) string {
	if lang == LangEN && l.SourceEN != "" {
		return l.SourceEN
	}
	return l.Source
}

// EncodeLibrary writes l in the library format ParseLibrary reads (format
// = 1, [[levers]], then [[benchmarks]]), texts in both languages as
// { fr = "…", en = "…" } where they differ, decimals as quoted strings:
// the bytes the app saves as the user's library (through
// internal/fileio.WriteFile, atomically). EncodeLibrary then ParseLibrary
// gives l back.
func EncodeLibrary(l Library) []byte {
	var b strings.Builder
	b.WriteString("# CampaignSim — my own benchmarks (same schema as the built-in library, README \"Benchmarks\").\n")
	b.WriteString("# My figures come first in every look-up and carry my sources.\n\nformat = 1\n")
	q := tomlQuote // campaigns.go: quotes, backslashes and controls escaped
	text := func(key, fr, en string) {
		switch {
		case fr == "" && en == "":
			return
		case en == "" || en == fr:
			fmt.Fprintf(&b, "%s = %s\n", key, q(fr))
		default:
			fmt.Fprintf(&b, "%s = { fr = %s, en = %s }\n", key, q(fr), q(en))
		}
	}
	dec := func(key string, d decimal.NullDecimal) {
		if d.Valid {
			fmt.Fprintf(&b, "%s = %s\n", key, q(d.Decimal.String()))
		}
	}
	list := func(key string, xs []string) {
		if len(xs) == 0 {
			return
		}
		qs := make([]string, len(xs))
		for i, x := range xs {
			qs[i] = q(x)
		}
		fmt.Fprintf(&b, "%s = [%s]\n", key, strings.Join(qs, ", "))
	}
	for _, lv := range l.Levers {
		fmt.Fprintf(&b, "\n[[levers]]\nid = %s\nfr = %s\nen = %s\n", q(lv.ID), q(lv.FR), q(lv.EN))
		text("source", lv.Source, lv.SourceEN)
	}
	for _, bm := range l.Benchmarks {
		fmt.Fprintf(&b, "\n[[benchmarks]]\nmetric = %s\n", q(bm.Metric))
		kinds := make([]string, len(bm.Kinds))
		for i, k := range bm.Kinds {
			kinds[i] = string(k)
		}
		list("kinds", kinds)
		if bm.Sector != "" {
			fmt.Fprintf(&b, "sector = %s\n", q(bm.Sector))
		}
		dec("value", bm.Value)
		dec("min", bm.Min)
		dec("max", bm.Max)
		if bm.Currency != "" {
			fmt.Fprintf(&b, "currency = %s\n", q(bm.Currency))
		}
		text("source", bm.Source, bm.SourceEN)
		fmt.Fprintf(&b, "year = %d\n", bm.Year)
		text("note", bm.Note, bm.NoteEN)
		list("levers", bm.Levers)
	}
	return []byte(b.String())
}
