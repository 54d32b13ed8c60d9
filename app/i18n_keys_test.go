package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"campaignsim/assets"
	"campaignsim/simulate/display"
)

// TestEveryUIStringIsTranslated: every literal the app passes to
// lang.L or lang.X has an entry in the French and the English
// translations, so no English sentence shows through in the French app
// (seven dialog texts of the Save As dialog once did).
func TestEveryUIStringIsTranslated(t *testing.T) {
	call := regexp.MustCompile(`lang\.(?:L|X)\(("(?:[^"\\]|\\.)*")`)
	var keys []string
	// Every package of the app: the shell here, the screens and the
	// widgets in the folders below.
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	perDir := map[string]int{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			k, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			keys = append(keys, k)
			perDir[filepath.Dir(f)]++
		}
	}
	for _, dir := range []string{".", "editors", "tools", "tracking", "widgets"} {
		if perDir[dir] == 0 {
			t.Errorf("no translated string found in app/%s: the scan misses a package", dir)
		}
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d translated strings: the pattern no longer matches the code", len(keys))
	}
	for _, l := range []string{"fr", "en"} {
		have := map[string]bool{}
		entries, err := fs.Glob(assets.I18N, "i18n/"+l+"/*.json")
		if err != nil || len(entries) == 0 {
			t.Fatalf("no %s translations: %v", l, err)
		}
		for _, e := range entries {
			data, _ := fs.ReadFile(assets.I18N, e)
			var m map[string]string
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", e, err)
			}
			for k := range m {
				have[k] = true
			}
		}
		for _, k := range keys {
			if !have[k] {
				t.Errorf("%s: no translation of %q", l, k)
			}
		}
	}
}

// TestNoUnusedTranslation: every entry of the app's translations is a
// string the app's code still writes (a literal of a non-test file of app
// or a package below it), or one it builds (the month abbreviations of
// monthAbbrev), so a reworded or removed sentence does not stay behind in
// the files a translator reads.
func TestNoUnusedTranslation(t *testing.T) {
	lits := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					lits[s] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for m := time.January; m <= time.December; m++ {
		lits[m.String()[:3]] = true // monthAbbrev
	}
	for _, l := range []string{"fr", "en"} {
		entries, err := fs.Glob(assets.I18N, "i18n/"+l+"/*.json")
		if err != nil || len(entries) == 0 {
			t.Fatalf("no %s translations: %v", l, err)
		}
		for _, e := range entries {
			data, _ := fs.ReadFile(assets.I18N, e)
			var m map[string]string
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatalf("%s: %v", e, err)
			}
			for k := range m {
				if !lits[k] {
					t.Errorf("%s: %q is no string of the app any more: remove it", e, k)
				}
			}
		}
	}
}

// TestTranslationsFrenchTypography: the app's French sentences put a
// no-break space before : ; ? ! and inside « », as the catalog's do
// (display.FrenchSpacing); 32 of them had a plain one, so a label could
// wrap before its colon.
func TestTranslationsFrenchTypography(t *testing.T) {
	entries, err := fs.Glob(assets.I18N, "i18n/fr/*.json")
	if err != nil || len(entries) == 0 {
		t.Fatalf("no French translations: %v", err)
	}
	for _, e := range entries {
		data, _ := fs.ReadFile(assets.I18N, e)
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		for k, v := range m {
			if bad := display.FrenchSpacing(v); bad != "" {
				t.Errorf("%s: %q for %q: %q wants a no-break space (U+00A0)", e, v, k, bad)
			}
		}
	}
}
