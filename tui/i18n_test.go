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

// TestCatalogueComplete parses every file of the package and fails on a
// Text literal whose Japanese or English is missing or empty, or that uses
// an East Asian ambiguous-width glyph the UI avoids (see ambiguousGlyph).
func TestCatalogueComplete(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	count := 0
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
			if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "Text" {
				return true
			}
			count++
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
	if count < 50 {
		t.Fatalf("found only %d Text entries; is the catalogue parsed?", count)
	}
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

func TestDetectLang(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	tests := []struct {
		flag string
		env  map[string]string
		want Lang
	}{
		{"ja", map[string]string{"LANG": "en_US.UTF-8"}, LangJA},
		{"en", map[string]string{"LANG": "ja_JP.UTF-8"}, LangEN},
		{"", map[string]string{"LANG": "ja_JP.UTF-8"}, LangJA},
		{"", map[string]string{"LC_ALL": "ja_JP.UTF-8", "LANG": "C"}, LangJA},
		{"", map[string]string{"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, LangEN},
		{"", map[string]string{"LC_MESSAGES": "ja_JP", "LANG": "en_GB"}, LangJA},
		{"", map[string]string{}, LangEN},
	}
	for _, tt := range tests {
		got, err := DetectLang(tt.flag, env(tt.env))
		if err != nil || got != tt.want {
			t.Errorf("DetectLang(%q, %v) = %v, %v; want %v", tt.flag, tt.env, got, err, tt.want)
		}
	}
	if _, err := DetectLang("fr", env(nil)); err == nil || !strings.Contains(err.Error(), "--lang") {
		t.Errorf("DetectLang(fr) error = %v, want one naming --lang", err)
	}
}

func TestTextFormats(t *testing.T) {
	if got := LangJA.T(msgTooSmall, 40, 12); got != "ウィンドウが小さすぎます (40x12 以上にしてください)" {
		t.Errorf("ja: %q", got)
	}
	if got := LangEN.T(msgTabTree); got != "KPI Tree" {
		t.Errorf("en: %q", got)
	}
	if got := LangJA.Pick("", "Visits"); got != "Visits" {
		t.Errorf("Pick falls back to English: %q", got)
	}
}
