package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// goalsDB is a database whose goals were set on 2026-04-01: the KGI
// (¥1,000,000,000 a year), the new-business tree, lead→opportunity rate
// 40% (main) and opportunities 140 a month. No records: the tests read
// targets, which need none.
func goalsDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "goals.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	if err := st.SetKGI(ctx, model.KGI{NameJA: "年間売上高", NameEN: "Annual revenue", Metric: model.MetricRevenue,
		Value: 1e9, Per: model.FiscalYear, Deadline: model.D(2027, 3, 31)}); err != nil {
		t.Fatal(err)
	}
	if err := st.ReplaceTree(ctx, kpitree.Template(model.StyleNewBusiness)); err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct {
		key    string
		target float64
		per    model.PeriodKind
	}{{model.MetricLeadToOppRate, 0.40, model.FiscalYear}, {model.MetricOpportunities, 140, model.Month}} {
		e, _ := model.KPIDefinition(g.key)
		k := e.KPI
		k.Target, k.HasTarget, k.TargetPer, k.Main, k.Deadline = g.target, true, g.per, true, model.D(2027, 3, 31)
		if err := st.UpsertKPI(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// storedTarget is key's target in force on day, read back from the file.
func storedTarget(t *testing.T, path, key string, day time.Time) float64 {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	k, ok, err := st.KPIAsOf(context.Background(), key, day)
	if err != nil || !ok {
		t.Fatalf("KPI %s: %v %v", key, ok, err)
	}
	if !k.HasTarget {
		return -1
	}
	return k.Target
}

// treeTarget is the target kpit tree --format json gives node key for a range.
func treeTarget(t *testing.T, path, key, from, to, today string) float64 {
	t.Helper()
	code, out, errOut := kpitRun("tree", "--db", path, "--from", from, "--to", to, "--today", today, "--format", "json")
	if code != 0 {
		t.Fatalf("kpit tree: %d %s", code, errOut)
	}
	var tr struct {
		Nodes []struct {
			Key    string   `json:"key"`
			Target *float64 `json:"target"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	for _, n := range tr.Nodes {
		if n.Key == key && n.Target != nil {
			return *n.Target
		}
	}
	t.Fatalf("no target for %s in %s", key, out)
	return 0
}

// TestKpiSetKeepsJune: 42% set today (2026-11-30) holds from today; June
// 2026 keeps its 40%, in the store and in kpit tree.
func TestKpiSetKeepsJune(t *testing.T) {
	db := goalsDB(t)
	code, out, errOut := kpitRun("kpi", "set", model.MetricLeadToOppRate, "--target", "42%", "--reason", "November review",
		"--db", db, "--today", "2026-11-30", "--lang", "en", "--author", "鈴木")
	if code != 0 || out != "Revised lead_to_opportunity_rate from 2026-11-30: target 42.0%\n" || errOut != "" {
		t.Fatalf("kpi set: %d %q %q", code, out, errOut)
	}
	for _, c := range []struct {
		day  time.Time
		want float64
	}{{model.D(2026, 6, 30), 0.40}, {model.D(2026, 11, 29), 0.40}, {model.D(2026, 11, 30), 0.42}} {
		if got := storedTarget(t, db, model.MetricLeadToOppRate, c.day); got != c.want {
			t.Errorf("target on %s = %v, want %v", model.FormatDate(c.day), got, c.want)
		}
	}
	if got := treeTarget(t, db, model.MetricLeadToOppRate, "2026-06-01", "2026-06-30", "2026-11-30"); got != 0.40 {
		t.Errorf("kpit tree for June: target %v, want 0.40", got)
	}
	if got := treeTarget(t, db, model.MetricLeadToOppRate, "2026-11-01", "2026-11-30", "2026-11-30"); got != 0.42 {
		t.Errorf("kpit tree for November: target %v, want 0.42", got)
	}

	code, out, errOut = kpitRun("kpi", "history", model.MetricLeadToOppRate, "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("kpi history: %d %s", code, errOut)
	}
	var hist []map[string]any
	if err := json.Unmarshal([]byte(out), &hist); err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 {
		t.Fatalf("history has %d entries: %s", len(hist), out)
	}
	want := map[string]any{"effective_from": "2026-11-30", "author": "鈴木", "reason": "November review", "target": 0.42,
		"target_per": "year", "deadline": "2027-03-31", "main": true}
	for k, v := range want {
		if hist[0][k] != v {
			t.Errorf("newest revision %s = %v, want %v", k, hist[0][k], v)
		}
	}
	if hist[1]["effective_from"] != "0001-01-01" || hist[1]["target"] != 0.40 {
		t.Errorf("first revision = %v", hist[1])
	}
	for _, k := range []string{"recorded_at", "definition", "formula", "changed"} {
		if _, ok := hist[0][k]; !ok {
			t.Errorf("history entry lacks %q", k)
		}
	}
}

// TestKpiSetFromThePast: a revision from 2026-09-01 changes the ranges that
// end on or after that day, and no earlier one.
func TestKpiSetFromThePast(t *testing.T) {
	db := goalsDB(t)
	code, _, errOut := kpitRun("kpi", "set", model.MetricOpportunities, "--target", "150/month", "--from", "2026-09-01",
		"--reason", "agreed in August", "--db", db, "--today", "2026-11-30")
	if code != 0 {
		t.Fatalf("kpi set: %d %s", code, errOut)
	}
	for _, c := range []struct {
		from, to string
		want     float64
	}{
		{"2026-08-01", "2026-08-31", 140},
		{"2026-09-01", "2026-09-30", 150},
		{"2026-11-01", "2026-11-30", 150},
		// A quarter ending after the change takes the target in force on its last day: 150 × 3.
		{"2026-07-01", "2026-09-30", 450},
	} {
		if got := treeTarget(t, db, model.MetricOpportunities, c.from, c.to, "2026-11-30"); got != c.want {
			t.Errorf("%s..%s: target %v, want %v", c.from, c.to, got, c.want)
		}
	}
}

// TestKpiBadInput: each refusal is one line on stderr naming what is wrong,
// exit status 2, and nothing written.
func TestKpiBadInput(t *testing.T) {
	db := goalsDB(t)
	revisions := func() int {
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		revs, err := st.KPIRevisions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return len(revs)
	}
	before := revisions()
	key := model.MetricLeadToOppRate
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"set", key, "--target", "42%"}, "--reason"},
		{[]string{"set", key, "--target", "42%", "--reason", "  "}, "--reason"},
		{[]string{"set", "nope", "--target", "42%", "--reason", "x"}, `unknown KPI "nope"`},
		{[]string{"set", key, "--target", "abc", "--reason", "x"}, "--target"},
		{[]string{"set", key, "--target", "140%", "--reason", "x"}, "--target"},
		{[]string{"set", key, "--target", "40%/month", "--reason", "x"}, "--target"},
		{[]string{"set", model.MetricOpportunities, "--target", "30%", "--reason", "x"}, "--target"},
		{[]string{"set", key, "--target", "-5%", "--reason", "x"}, "--target"},
		{[]string{"set", key, "--target", "42%", "--reason", "x", "--from", "2026-13-01"}, "--from"},
		{[]string{"set", key, "--target", "42%", "--reason", "x", "--from", "soon"}, "--from"},
		{[]string{"set", key, "--deadline", "2026-02-30", "--reason", "x"}, "--deadline"},
		{[]string{"set", key, "--main", "--supporting", "--reason", "x"}, "--main"},
		{[]string{"set", key, "--reason", "x"}, "nothing to change"},
		{[]string{"set", "--target", "42%", "--reason", "x"}, "name one KPI"},
		{[]string{"set", key, "other", "--target", "42%", "--reason", "x"}, "name one KPI"},
		{[]string{"set", key, "--target", "42%", "--reason", "x", "--today", "30/11/2026"}, "--today"},
		{[]string{"set", key, "--target", "42%", "--reason", "x", "--lang", "fr"}, "fr"},
		{[]string{"set", key, "--target", "42%", "--reason", "x", "--bogus"}, "-bogus"},
		{[]string{"set", key, "--definition", "two\nlines", "--reason", "x"}, "--definition"},
		{[]string{"history", "nope"}, `unknown KPI "nope"`},
		{[]string{"history"}, "name one KPI"},
		{[]string{"list", "--format", "xml"}, "--format"},
		{[]string{"bogus"}, "unknown subcommand"},
	} {
		args := append(append([]string{"kpi"}, c.args...), "--db", db)
		if c.args[0] == "bogus" {
			args = []string{"kpi", "bogus"}
		}
		code, out, errOut := kpitRun(args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line naming %q", c.args, code, out, errOut, c.want)
		}
	}
	code, _, errOut := kpitRun("kpi", "list", "--db", filepath.Join(t.TempDir(), "missing.db"))
	if code != exitUsage || !strings.Contains(errOut, "does not exist") {
		t.Errorf("missing database: %d %q", code, errOut)
	}
	if after := revisions(); after != before {
		t.Errorf("refused commands wrote revisions: %d -> %d", before, after)
	}
	if got := storedTarget(t, db, key, model.D(2030, 1, 1)); got != 0.40 {
		t.Errorf("target after refusals %v, want 0.40", got)
	}
}

// TestKpiList: the KPIs as in force on --today, text and JSON.
func TestKpiList(t *testing.T) {
	db := goalsDB(t)
	if code, _, errOut := kpitRun("kpi", "set", model.MetricLeadToOppRate, "--target", "42%", "--supporting",
		"--from", "2026-12-01", "--reason", "next month", "--db", db, "--today", "2026-11-30", "--author", "a"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := kpitRun("kpi", "list", "--db", db, "--today", "2026-11-30", "--lang", "en")
	if code != 0 {
		t.Fatal(errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "key") {
		t.Fatalf("list:\n%s", out)
	}
	// On 11-30 the change from 12-01 is not in force yet; its record is the last change.
	fields := strings.Fields(lines[1])
	if fields[0] != model.MetricLeadToOppRate || !strings.Contains(lines[1], " 40.0% ") || !strings.Contains(lines[1], " main ") ||
		!strings.HasSuffix(lines[1], "2026-11-30 a") {
		t.Errorf("lead→opportunity line %q", lines[1])
	}
	if !strings.Contains(lines[2], " 140 ") || !strings.Contains(lines[2], " month ") {
		t.Errorf("opportunities line %q", lines[2])
	}
	code, out, _ = kpitRun("kpi", "list", "--db", db, "--today", "2026-12-01", "--format", "json")
	var list []struct {
		Key        string   `json:"key"`
		Target     *float64 `json:"target"`
		TargetPer  string   `json:"target_per"`
		Main       bool     `json:"main"`
		LastChange struct {
			Reason string `json:"reason"`
		} `json:"last_change"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 2 {
		t.Fatalf("list json: %d %v %s", code, err, out)
	}
	if l := list[0]; l.Target == nil || *l.Target != 0.42 || l.Main || l.LastChange.Reason != "next month" {
		t.Errorf("on 12-01: %+v", l)
	}
	if l := list[1]; l.Target == nil || *l.Target != 140 || l.TargetPer != "month" || !l.Main {
		t.Errorf("opportunities: %+v", l)
	}
}

// TestKpiListMoneyInTeamCurrency: a money target reads in the database's
// currency, not in yen.
func TestKpiListMoneyInTeamCurrency(t *testing.T) {
	path := filepath.Join(t.TempDir(), "usd.db")
	if code, _, errOut := kpitRun("rules", "--db", path, "--currency", "USD"); code != 0 {
		t.Fatal(errOut)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := model.KPIDefinition(model.MetricAvgDealSize)
	k := e.KPI
	k.Target, k.HasTarget = 2500, true
	err = st.UpsertKPI(context.Background(), k)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := kpitRun("kpi", "list", "--db", path, "--lang", "en")
	if code != 0 || !strings.Contains(out, "$2,500") || strings.Contains(out, "¥") {
		t.Errorf("list in USD: %d %q %q", code, out, errOut)
	}
}
