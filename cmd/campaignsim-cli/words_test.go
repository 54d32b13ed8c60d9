package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"campaignsim/plan"
	"campaignsim/simulate/display"
)

// TestWordsMatchCatalog: the tool's codes (cliMsgArgs) are exactly the
// catalog's "cli_" codes, each template names only the arguments its code
// gives, and the French templates keep French typography. Package main is
// not importable, so the catalog test of simulate/display leaves the
// "cli_" codes to this test.
func TestWordsMatchCatalog(t *testing.T) {
	cat, err := display.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	for code, args := range cliMsgArgs {
		if !strings.HasPrefix(code, cliPrefix) {
			t.Errorf("code %s: the tool's codes start %q", code, cliPrefix)
		}
		tmpl, ok := cat[code]
		if !ok {
			t.Errorf("code %s has no entry in cli.toml", code)
			continue
		}
		given := map[string]bool{}
		for _, a := range args {
			given[a] = true
		}
		for lang, s := range map[string]string{"fr": tmpl.FR, "en": tmpl.EN} {
			names, err := display.Placeholders(s)
			if err != nil {
				t.Errorf("[%s] %s: %v", code, lang, err)
			}
			for _, n := range names {
				if !given[n] {
					t.Errorf("[%s] %s names {%s}, an argument the code does not give (it gives %v)", code, lang, n, args)
				}
			}
		}
	}
	for code := range cat {
		if _, ok := cliMsgArgs[code]; strings.HasPrefix(code, cliPrefix) && !ok {
			t.Errorf("the catalog has [%s], a code the tool does not give: remove it or add it to cliMsgArgs", code)
		}
	}
	// French typography of these codes: simulate/display's
	// TestCatalogFrenchTypography checks every code of the catalog.
}

// TestWordCodesAreListed: every word(…) call of the tool's files names a
// literal code of cliMsgArgs (and every tr and plural call literal
// keys of it), every other literal that is a code (a command's help in
// the commands' table, a flag's description, a usagef code, all rendered
// by wordOf) is in cliMsgArgs, and every code listed is rendered, so the
// table (and the catalog test) sees every code the tool renders.
func TestWordCodesAreListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && (fn.Name.Name == "tr" || fn.Name.Name == "plural" || fn.Name.Name == "wordOf") {
				return false // the helpers pass their callers' codes on
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if code, _ := strconv.Unquote(lit.Value); codeLike.MatchString(code) {
					used[code] = true
					if _, ok := cliMsgArgs[code]; !ok {
						t.Errorf("%s: %q looks like a code but is not in cliMsgArgs", fset.Position(lit.Pos()), code)
					}
				}
				return true
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			if id.Name == "tr" || id.Name == "plural" {
				for _, a := range call.Args[1:] {
					if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						code, _ := strconv.Unquote(lit.Value)
						if id.Name == "tr" {
							code = cliPrefix + strings.ReplaceAll(code, " ", "_")
						}
						used[code] = true
						if _, ok := cliMsgArgs[code]; !ok {
							t.Errorf("%s: %s(…, %q): %s is not in cliMsgArgs", fset.Position(call.Pos()), id.Name, lit.Value, code)
						}
					}
				}
				return true
			}
			if id.Name == "usagef" {
				if lit, ok := call.Args[1].(*ast.BasicLit); !ok || !codeLike.MatchString(strings.Trim(lit.Value, `"`)) {
					t.Errorf("%s: usagef(…) with a message that is not a literal code", fset.Position(call.Pos()))
				}
				return true
			}
			if id.Name != "word" {
				return true
			}
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: word(…) with a code that is not a literal", fset.Position(call.Pos()))
				return true
			}
			code, _ := strconv.Unquote(lit.Value)
			used[code] = true
			if _, ok := cliMsgArgs[code]; !ok {
				t.Errorf("%s: word(…, %q) is not in cliMsgArgs", fset.Position(call.Pos()), code)
			}
			return true
		})
	}
	for code := range cliMsgArgs {
		if !used[code] {
			t.Errorf("cliMsgArgs lists %s, which no word(…) call renders: remove it", code)
		}
	}
}

// codeLike is a literal that names a code of the tool.
var codeLike = regexp.MustCompile(`^cli_[a-z0-9_]+$`)

// TestWordsRender renders every code of the tool in both languages with
// its arguments: none renders empty or leaves a placeholder over.
func TestWordsRender(t *testing.T) {
	leftOver := regexp.MustCompile(`\{[a-z_0-9]+\}`)
	for code, args := range cliMsgArgs {
		var kv []string
		for _, a := range args {
			kv = append(kv, a, "x")
		}
		for _, l := range []plan.Language{plan.LangFR, plan.LangEN} {
			if s := word(l, code, kv...); s == "" || leftOver.MatchString(s) || strings.HasPrefix(s, code) {
				t.Errorf("%s in %s: %q", code, l, s)
			}
		}
	}
}
