package cli

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
)

// TestJapaneseOutputShowsNoEnglish runs the commands that print text for
// people with --lang ja on a demo database and fails on every line with
// English words in it (catalog.EnglishRun names the tokens allowed).
func TestJapaneseOutputShowsNoEnglish(t *testing.T) {
	db := demoCopy(t)
	commands := [][]string{
		{"tree", "--today", "2026-11-26"},
		{"tree", "--from", "2026-10-01", "--to", "2026-12-31", "--today", "2026-11-30"},
		{"tree", "--from", "2026-04-16", "--to", "2026-05-15", "--today", "2026-11-26"},
		{"report", "--format", "md", "--from", "2026-10-01", "--to", "2026-10-31", "--today", "2026-11-26"},
		{"report", "--format", "md", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "department", "--today", "2026-11-26"},
		{"rules"},
		{"alerts"},
	}
	for _, args := range commands {
		code, out, errOut := kpitRun(append(args, "--db", db, "--lang", "ja")...)
		if args[0] == "alerts" && code == 1 {
			code = 0 // open alerts: the exit status says so, the text is the same
		}
		checkJapanese(t, strings.Join(args, " "), code, out, errOut)
	}
	plans := [][]string{
		{"plan", "--kgi", "10億", "--set", "opportunities=50/month", "--set", "win_rate=30%", "--set", "avg_deal_size=200万"},
		{"plan", "--kgi", "10億", "--set", "win_rate=30%"},
		{"plan", "--kgi", "10億", "--set", "opportunities=500/month", "--set", "win_rate=30%", "--set", "avg_deal_size=200万"},
	}
	for _, args := range plans {
		code, out, errOut := kpitRun(append(args, "--lang", "ja")...)
		checkJapanese(t, strings.Join(args, " "), code, out, errOut)
	}
}

func checkJapanese(t *testing.T, cmd string, code int, out, errOut string) {
	t.Helper()
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("kpit %s: exit %d, %q, %q", cmd, code, out, errOut)
	}
	for _, line := range strings.Split(out+errOut, "\n") {
		if run := catalog.EnglishRun(line); run != "" {
			t.Errorf("kpit %s: English %q in %q", cmd, run, line)
		}
	}
}

// TestOnlyTheCockpitImportsTUI: the commands take their words and numbers
// from the catalogue; package tui is imported only to start the cockpit.
// (go list -deps cannot say this: cockpit.go makes tui a dependency anyway.)
func TestOnlyTheCockpitImportsTUI(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var importers []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue // a test may drive the cockpit (entry_paths_test.go)
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "github.com/kpit-dev/kpit/tui" {
				importers = append(importers, name)
			}
		}
	}
	if len(importers) != 1 || importers[0] != "cockpit.go" {
		t.Errorf("package tui is imported by %v, want only cockpit.go", importers)
	}
}
