package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogueComplete parses every file of the catalogue (package catalog),
// of the cockpit and of the commands, and fails on a Text literal whose
// Japanese or English is missing or empty, or that uses an East Asian
// ambiguous-width glyph the UI avoids (see ambiguousGlyph).
func TestCatalogueComplete(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pattern := range []string{"*.go", "../catalog/*.go", "../cli/*.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	count, catalogCount := 0, 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if !isTextType(lit.Type) {
				return true
			}
			count++
			if filepath.Dir(name) == filepath.Join("..", "catalog") {
				catalogCount++
			}
			fields := map[string]string{}
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					t.Errorf("%s: Text without field names", fset.Position(lit.Pos()))
					continue
				}
				k := kv.Key.(*ast.Ident).Name
				bl, ok := kv.Value.(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: Text.%s is not a string literal", fset.Position(kv.Pos()), k)
					continue
				}
				v, _ := strconv.Unquote(bl.Value)
				fields[k] = v
			}
			for _, k := range []string{"JA", "EN"} {
				v := fields[k]
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s: Text has no %s", fset.Position(lit.Pos()), k)
				}
				if g := ambiguousGlyph(v); g != "" {
					t.Errorf("%s: Text.%s %q uses ambiguous-width %q", fset.Position(lit.Pos()), k, v, g)
				}
			}
			return true
		})
	}
	if count < 50 || catalogCount == 0 {
		t.Fatalf("found %d Text entries, %d in package catalog; is the catalogue parsed?", count, catalogCount)
	}
}

// isTextType tells a Text literal: Text inside catalog and tui (an alias),
// catalog.Text or tui.Text elsewhere.
func isTextType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "Text"
	case *ast.SelectorExpr:
		pkg, ok := e.X.(*ast.Ident)
		return ok && e.Sel.Name == "Text" && (pkg.Name == "catalog" || pkg.Name == "tui")
	}
	return false
}

// ambiguousGlyph returns the first ambiguous-width symbol the UI avoids.
// "—" is allowed: it is how an undefined figure reads (docs/kpi-tree.md).
func ambiguousGlyph(s string) string {
	for _, r := range s {
		if strings.ContainsRune("①②③○●×※±…★▶■↑↓•█░├└│─", r) {
			return string(r)
		}
	}
	return ""
}

func TestTextFormats(t *testing.T) {
	t.Parallel()
	if got := LangJA.T(msgTooSmall, 40, 12); got != "ウィンドウが小さすぎます (40x12 以上にしてください)" {
		t.Errorf("ja: %q", got)
	}
	if got := LangEN.T(msgTabTree); got != "KPI Tree" {
		t.Errorf("en: %q", got)
	}
}
