package cli

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
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

// badInvocations are command lines with one mistake each, what the English
// line must name (the flag and the value typed), one for every command's
// flags, its shared parsers (dates, periods, formats, numbers) and the
// common refusals of the store and the file system.
func badInvocations(t *testing.T) []struct {
	args []string
	want []string
} {
	db := demoCopy(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	csv := func(name, body string) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	deals := csv("deals.csv", "id,owner,amount\nD-1,田中 恵,100\n")
	return []struct {
		args []string
		want []string
	}{
		{[]string{"add", "activity", "--db", db, "--kind", "foo", "--rep", "田中 恵"}, []string{"--kind", `"foo"`}},
		{[]string{"add", "activity", "--db", db, "--kind", "call", "--rep", "田中 恵", "--date", "2026-02-30"}, []string{"--date", `"2026-02-30"`}},
		{[]string{"add", "activity", "--db", db, "--kind", "call", "--rep", "田中 恵", "--count", "x"}, []string{"--count", `"x"`}},
		{[]string{"add", "activity", "--db", db, "--kind", "call", "--rep", "nobody"}, []string{"--rep", `"nobody"`}},
		{[]string{"add", "activity", "--db", db, "--kind", "call", "--rep", "田中 恵", "--department", "zzz"}, []string{"--department", `"zzz"`}},
		{[]string{"add", "activity", "--db", db, "--kind", "call", "--rep", "田中 恵", "--today", "2026-13-01"}, []string{"--today", `"2026-13-01"`}},
		{[]string{"add", "opportunity", "--db", db, "--id", "X1", "--rep", "nobody", "--account", "ACME"}, []string{"--rep", `"nobody"`}},
		{[]string{"add", "opportunity", "--db", db, "--id", "X1", "--rep", "田中 恵", "--account", "ACME", "--outcome", "maybe"}, []string{"--outcome", `"maybe"`}},
		{[]string{"add", "opportunity", "--db", db, "--rep", "田中 恵", "--account", "ACME"}, []string{"--id"}},
		{[]string{"add", "opportunity", "--db", db, "--id", "X1", "--rep", "田中 恵", "--account", "ACME", "--amount", "-5"}, []string{"--amount", `"-5"`}},
		{[]string{"add", "lead", "--db", db, "--company", "ACME", "--status", "zzz"}, []string{"--status", `"zzz"`}},
		{[]string{"add", "activity", "--db", db, "-x"}, []string{"-x"}},
		{[]string{"report", "--db", db, "--period", "xx"}, []string{"--period", `"xx"`}},
		{[]string{"report", "--db", db, "--format", "yaml"}, []string{"--format", `"yaml"`}},
		{[]string{"report", "--db", db, "--format", "json", "--by", "team"}, []string{"--by", `"team"`}},
		{[]string{"report", "--db", db, "--from", "2026-13-01"}, []string{"--from", `"2026-13-01"`}},
		{[]string{"report", "--db", db, "--from", "2026-12-01", "--to", "2026-11-01"}, []string{"--from", "2026-12-01"}},
		{[]string{"report", "--db", db, "--period", "2026-11", "--from", "2026-11-01"}, []string{"--period", "--from"}},
		{[]string{"report", "--db", db, "-x"}, []string{"-x"}},
		{[]string{"report", "--db", db, "stray"}, []string{`"stray"`}},
		{[]string{"report", "--db", missing}, []string{missing}},
		{[]string{"alerts", "--db", db, "--format", "yaml"}, []string{"--format", `"yaml"`}},
		{[]string{"alerts", "--db", db, "--now", "noon"}, []string{"--now", `"noon"`}},
		{[]string{"funnel", "--db", db, "--by", "zzz"}, []string{"--by", `"zzz"`}},
		{[]string{"funnel", "--db", db, "--format", "xml"}, []string{"--format", `"xml"`}},
		{[]string{"forecast", "--db", db, "--format", "yaml"}, []string{"--format", `"yaml"`}},
		{[]string{"forecast", "--db", db, "--since", "2026-02-30"}, []string{"--since", `"2026-02-30"`}},
		{[]string{"forecast", "--db", db, "--period", "2026-W60"}, []string{"--period", `"2026-W60"`}},
		{[]string{"tree", "--db", db, "--format", "yaml"}, []string{"--format", `"yaml"`}},
		{[]string{"tree", "--db", db, "--today", "tomorrow"}, []string{"--today", `"tomorrow"`}},
		{[]string{"plan", "--kgi", "10億", "--format", "xml"}, []string{"--format", `"xml"`}},
		{[]string{"plan", "--kgi", "abc"}, []string{"--kgi", `"abc"`}},
		{[]string{"plan", "--kgi", "10億", "--set", "nope=5"}, []string{"--set", `"nope"`}},
		{[]string{"plan", "--kgi", "10億", "--set", "visits=2,00"}, []string{"--set", `"visits=2,00"`}},
		{[]string{"plan", "--kgi", "10億", "--set", "win_rate=150%"}, []string{"--set", "win_rate"}},
		{[]string{"export", "opportunities", "--db", db, "--format", "pdf"}, []string{"--format", `"pdf"`}},
		{[]string{"review", "--db", db, "--export", "pdf", "--id", "1"}, []string{"--export", `"pdf"`}},
		{[]string{"review", "--db", db, "--id", "abc"}, []string{"-id", `"abc"`}},
		{[]string{"kpi", "list", "--db", db, "--format", "yaml"}, []string{"--format", `"yaml"`}},
		{[]string{"kpi", "set", "nosuch", "--db", db, "--target", "5", "--reason", "r"}, []string{`"nosuch"`}},
		{[]string{"rules", "--db", db, "--fiscal-start", "13"}, []string{"--fiscal-start", `"13"`}},
		{[]string{"rules", "--db", db, "--alerts", "maybe"}, []string{"--alerts", `"maybe"`}},
		{[]string{"rules", "--db", db, "--currency", "XYZ"}, []string{"--currency", `"XYZ"`}},
		{[]string{"rules", "--db", db, "--stale-days-rep", "nobody=3"}, []string{"--stale-days-rep", `"nobody"`}},
		{[]string{"demo", "--db", filepath.Join(t.TempDir(), "d.db"), "--today", "2026-13-01"}, []string{"--today", `"2026-13-01"`}},
		{[]string{"import", "widgets", "x.csv", "--db", db}, []string{`"widgets"`}},
		{[]string{"add", "nps", "--score", "11", "--db", db}, []string{"--score", "11"}},
		{[]string{"add", "nps", "--score", "nine", "--db", db}, []string{"--score", `"nine"`}},
		{[]string{"add", "nps", "--score", "9", "--date", "someday", "--db", db}, []string{"--date", `"someday"`}},
		{[]string{"add", "inquiry", "--opened", "soon", "--db", db}, []string{"--opened", `"soon"`}},
		{[]string{"add", "inquiry", "--opened", "2026-11-20 10:00", "--answered", "2026-11-20 09:00", "--db", db}, []string{"--answered"}},
		{[]string{"add", "usage", "--customer", "Nobody", "--db", db}, []string{"--customer", `"Nobody"`}},
		{[]string{"add", "campaign", "--name", "x", "--sent", "1", "--opened", "2", "--db", db}, []string{"--opened"}},
		{[]string{"import", "opportunities", "/nonexistent/deals.csv", "--db", db}, []string{"/nonexistent/deals.csv"}},
		{[]string{"--theme", "pink"}, []string{"--theme", `"pink"`}},
		{[]string{"nosuch"}, []string{`"nosuch"`}},
		{[]string{"add", "--db", db}, []string{"activity"}},
		{[]string{"add", "widget", "--db", db}, []string{`"widget"`}},
		{[]string{"add", "opportunity", "--db", db, "--id", "X1", "--rep", "田中 恵", "--account", "ACME", "--amount", "abc"}, []string{"--amount", `"abc"`}},
		{[]string{"lead", "jump", "--db", db}, []string{`"jump"`}},
		{[]string{"lead", "move", "abc", "--to", "sql", "--db", db}, []string{`"abc"`}},
		{[]string{"lead", "move", "1", "--to", "churned", "--db", db}, []string{"--to", "churned"}},
		{[]string{"lead", "move", "1", "--to", "sql", "--at", "noon", "--db", db}, []string{"--at", `"noon"`}},
		{[]string{"kpi", "bogus", "--db", db}, []string{`"bogus"`}},
		{[]string{"kpi", "set", "--db", db}, []string{"kpi set"}},
		{[]string{"users", "bogus", "--db", db}, []string{`"bogus"`}},
		{[]string{"review", "--db", db, "--id", "99", "--export", "md"}, []string{"--id", "99"}},
		{[]string{"migrate", "--to", missing}, []string{"--from"}},
		{[]string{"backup", "--db", db}, []string{"--out"}},
		{[]string{"restore", "--db", db}, []string{"FILE"}},
		{[]string{"serve", "--db", db, "--idle", "soon"}, []string{"-idle", `"soon"`}},
		{[]string{"config", "bogus"}, []string{"path, show or keys"}},
		{[]string{"export", "--db", db}, []string{"KIND"}},
		{[]string{"import", "--db", db}, []string{"KIND FILE"}},
		{[]string{"demo", "--db", filepath.Join(t.TempDir(), "d.db"), "--scale", "0"}, []string{"--scale", `"0"`}},
		{[]string{"--db", db, "--demo"}, []string{"--demo", "--db"}},
		// A file kpit import cannot read as it is, and its own flags.
		{[]string{"import", "opportunities", csv("dup.csv", "id,owner,id\nD-1,a,b\n"), "--db", db}, []string{"dup.csv: header: columns 1 and 3", `"id"`}},
		{[]string{"import", "opportunities", csv("nocol.csv", "id,amount\nD-1,100\n"), "--db", db}, []string{"nocol.csv: no column for the required field owner", "--map owner=COLUMN"}},
		{[]string{"import", "opportunities", csv("quote.csv", "id,owner\n\"D-1,x\n"), "--db", db}, []string{"quote.csv:2: a quoted field"}},
		{[]string{"import", "opportunities", csv("empty.csv", ""), "--db", db}, []string{"empty.csv: the file is empty"}},
		{[]string{"import", "opportunities", csv("ctrl.csv", "id,o\x01wner\nD1,x\n"), "--db", db}, []string{"ctrl.csv:1: column 2 of the header"}},
		{[]string{"import", "opportunities", deals, "--db", db, "--map", "owner=担当"}, []string{`--map owner=担当: the file has no column "担当"`}},
		{[]string{"import", "opportunities", deals, "--db", db, "--map", "bogus=x"}, []string{`--map bogus=x: opportunities have no field "bogus"`}},
		{[]string{"import", "opportunities", deals, "--db", db, "--map", "xx"}, []string{`--map "xx": want FIELD=COLUMN`}},
		{[]string{"import", "opportunities", deals, "--db", db, "--sheet", "S1"}, []string{"--sheet S1: " + deals + " is not an .xlsx file"}},
		{[]string{"import", "opportunities", deals, "--db", db, "--encoding", "latin1"}, []string{"--encoding latin1: unknown encoding"}},
		{[]string{"import", "activities", deals, "--db", db}, []string{"no column for the required field date"}},
		// The forecast's settings, an output file, kpit serve's host key
		// and the cockpit's own flags.
		{[]string{"rules", "--db", db, "--forecast-thresholds", "80,90,20"}, []string{"--forecast-thresholds", `"80,90,20"`, "each must be lower"}},
		{[]string{"rules", "--db", db, "--forecast-thresholds", "80,50"}, []string{"--forecast-thresholds", "2 values, not 3"}},
		{[]string{"rules", "--db", db, "--forecast-thresholds", "80,x,20"}, []string{"--forecast-thresholds", `"x" is not a number`}},
		{[]string{"rules", "--db", db, "--forecast-weights", "0.9,0.5,0.2,2"}, []string{"--forecast-weights", "2 is not between 0 and 1"}},
		{[]string{"export", "opportunities", "--db", db, "--format", "csv", "--out", "/nonexistent/dir/x.csv"}, []string{"--out /nonexistent/dir/x.csv: no such file or directory"}},
		{[]string{"serve", "--db", db, "--host-key", t.TempDir()}, []string{"--host-key", "is a directory, not a key file"}},
		{[]string{"serve", "--db", "postgres://kpit@db.invalid/team"}, []string{"--host-key: give the host key's PATH"}},
		{[]string{"--bogus"}, []string{"flag provided but not defined: -bogus (see 'kpit help')"}},
		{[]string{"--demo=maybe"}, []string{`invalid value "maybe" for flag -demo (see 'kpit help')`}},
	}
}

// TestBadInputIsWordedInJapanese: every refusal of a command line's input
// is one line in the language asked for. In Japanese it has no English
// besides what the user typed (quoted: "…") and what they are to type
// (flag names, and commands in '…'); in English it names the flag and the
// value as before.
func TestBadInputIsWordedInJapanese(t *testing.T) {
	// The command (kpit add activity: ...), the quoted values and commands.
	typed := regexp.MustCompile(`^kpit[^:]*: |"(?:[^"\\]|\\.)*"|'[^']*'`)
	for _, c := range badInvocations(t) {
		cmd := strings.Join(c.args, " ")
		code, _, errOut := kpitRun(append(c.args, "--lang", "ja")...)
		if code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Errorf("kpit %s --lang ja: exit %d, %q; want exit %d and one line", cmd, code, errOut, exitUsage)
			continue
		}
		if run := catalog.EnglishRun(typed.ReplaceAllString(errOut, "＿")); run != "" {
			t.Errorf("kpit %s --lang ja: English %q in %q", cmd, run, errOut)
		}
		code, _, errOut = kpitRun(append(c.args, "--lang", "en")...)
		if code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Errorf("kpit %s --lang en: exit %d, %q; want exit %d and one line", cmd, code, errOut, exitUsage)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("kpit %s --lang en: %q does not name %s", cmd, errOut, w)
			}
		}
	}
}
