package plan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMessageCallsGiveEveryArgument reads plan's own code: every call that
// builds a message from a code constant (msgf, v.add, d.errorf, errs.add,
// s.fail, NewMsg …) gives exactly the arguments msgNames lists for it,
// so no placeholder of the catalog is left empty and no argument is
// unnamed; and no message is built from a string literal, which would
// escape MsgArgs (and so the catalog test of package display).
func TestMessageCallsGiveEveryArgument(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	codes := map[string]string{} // constant name → code
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, file)
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if code, _ := strconv.Unquote(lit.Value); msgNames[code] != nil || hasCode(code) {
							codes[n.Name] = code
						}
					}
				}
			}
		}
	}
	if len(codes) < 150 {
		t.Fatalf("found %d code constants: the test no longer reads the files", len(codes))
	}
	calls := 0
	for _, file := range parsed {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NewMsg" || isIdent(call.Fun, "msgf") || isIdent(call.Fun, "NewMsg") {
				if len(call.Args) > 0 {
					if lit, ok := call.Args[0].(*ast.BasicLit); ok {
						t.Errorf("%s: a message built from the literal %s: use a code constant of messages.go", fset.Position(call.Pos()), lit.Value)
					}
				}
			}
			for i, a := range call.Args {
				id, ok := a.(*ast.Ident)
				if !ok {
					continue
				}
				code, ok := codes[id.Name]
				if !ok {
					continue
				}
				calls++
				if call.Ellipsis.IsValid() {
					break // a helper passing its own arguments on
				}
				if got, want := len(call.Args)-i-1, len(msgNames[code]); got != want && !isIdent(call.Fun, "NewMsg") {
					t.Errorf("%s: %s gets %d arguments, msgNames lists %d (%v)", fset.Position(call.Pos()), id.Name, got, want, msgNames[code])
				}
				break
			}
			return true
		})
	}
	if calls < 200 {
		t.Errorf("checked %d calls: the test no longer finds them", calls)
	}
}

// hasCode reports whether code is one msgNames lists (with no argument).
func hasCode(code string) bool {
	_, ok := msgNames[code]
	return ok
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
