package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// goalSnapshot is the KPIs and tree nodes of a database, read directly.
func goalSnapshot(t *testing.T, path string) (map[string]model.KPI, map[string]model.TreeNodeDef) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	kpis, err := st.KPIs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := st.TreeNodes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	km, nm := map[string]model.KPI{}, map[string]model.TreeNodeDef{}
	for _, k := range kpis {
		km[k.Key] = k
	}
	for _, n := range nodes {
		nm[n.Key] = n
	}
	return km, nm
}

func TestStylesAdoptAddsOnlyWhatIsMissing(t *testing.T) {
	t.Parallel() // reads the shared demo file or a copy of its own
	path := copyDemo(t)
	beforeKPIs, beforeNodes := goalSnapshot(t, path)

	// What route sales (the second style) should add: its six KPIs and its
	// template's nodes, less what the demo already has.
	route, _ := model.StyleByKey(model.StyleRoute)
	wantNewKPIs := map[string]bool{}
	for _, e := range append(append([]model.KPIEntry(nil), route.Main...), route.Supporting...) {
		if _, ok := beforeKPIs[e.KPI.Key]; !ok {
			wantNewKPIs[e.KPI.Key] = true
		}
	}
	wantNewNodes := map[string]bool{}
	for _, d := range kpitree.Template(model.StyleRoute) {
		if _, ok := beforeNodes[d.Key]; !ok {
			wantNewNodes[d.Key] = true
		}
	}
	if len(wantNewKPIs) == 0 || len(wantNewNodes) == 0 {
		t.Fatal("the demo already has route sales; pick a style it lacks")
	}

	a, _ := appOn(t, path, LangEN, 120, 40)
	press(t, a, "3", "right", "enter")
	confirm := lineWith(a, "Adopt Route sales")
	if !strings.Contains(confirm, fmt.Sprintf("add %d KPIs and %d tree nodes", len(wantNewKPIs), len(wantNewNodes))) {
		t.Fatalf("confirmation %q", confirm)
	}
	press(t, a, "n") // cancelled: nothing written
	if k, n := goalSnapshot(t, path); len(k) != len(beforeKPIs) || len(n) != len(beforeNodes) {
		t.Fatalf("n wrote something: %d KPIs, %d nodes", len(k), len(n))
	}
	press(t, a, "enter", "y")

	afterKPIs, afterNodes := goalSnapshot(t, path)
	if len(afterKPIs) != len(beforeKPIs)+len(wantNewKPIs) {
		t.Errorf("%d KPIs after, want %d + %d", len(afterKPIs), len(beforeKPIs), len(wantNewKPIs))
	}
	for k, old := range beforeKPIs {
		if !reflect.DeepEqual(afterKPIs[k], old) {
			t.Errorf("KPI %s changed: %+v -> %+v", k, old, afterKPIs[k])
		}
	}
	for k := range wantNewKPIs {
		if _, ok := afterKPIs[k]; !ok {
			t.Errorf("KPI %s not added", k)
		}
	}
	if len(afterNodes) != len(beforeNodes)+len(wantNewNodes) {
		t.Errorf("%d nodes after, want %d + %d", len(afterNodes), len(beforeNodes), len(wantNewNodes))
	}
	for k, old := range beforeNodes {
		if afterNodes[k] != old {
			t.Errorf("node %s changed: %+v -> %+v", k, old, afterNodes[k])
		}
	}
	// The screen reloads: every route KPI now shows as added.
	for _, e := range route.Main {
		if l := lineWith(a, e.KPI.NameEN); !strings.HasSuffix(strings.TrimRight(l, " "), "yes") {
			t.Errorf("after adopting, %s reads %q", e.KPI.NameEN, l)
		}
	}
}

func TestStylesMainKPIWarning(t *testing.T) {
	t.Parallel()
	for _, n := range []int{2, 4, 6} {
		path := filepath.Join(t.TempDir(), "k.db")
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			k := model.KPI{Key: fmt.Sprintf("main%d", i), NameJA: "主要", NameEN: "Main", Unit: model.UnitCount, Main: true}
			if err := st.UpsertKPI(context.Background(), k); err != nil {
				t.Fatal(err)
			}
		}
		// A supporting KPI is not counted.
		st.UpsertKPI(context.Background(), model.KPI{Key: "support", NameJA: "補助", NameEN: "Support", Unit: model.UnitCount})
		st.Close()
		for _, lang := range []Lang{LangEN, LangJA} {
			a, _ := appOn(t, path, lang, 80, 24)
			press(t, a, "3")
			word := map[Lang]string{LangEN: fmt.Sprintf("Warning: %d main KPIs", n), LangJA: fmt.Sprintf("警告: 登録中の主要KPIが%d個", n)}[lang]
			shown := lineWith(a, word) != ""
			if want := n < 3 || n > 5; shown != want {
				t.Errorf("%s with %d main KPIs: warning shown %v, want %v\n%s", lang, n, shown, want, screen(a))
			}
		}
	}
}

// The screens' golden files are in TestGolden (golden_test.go), which
// renders every tab at both sizes in both languages.

// TestStylesColumnsLineUp checks on the Japanese tables that every figure
// ends in the column where its heading 実績 ends, though the KPI names mix
// two-column Japanese with ASCII.
func TestStylesColumnsLineUp(t *testing.T) {
	t.Parallel()
	for _, sz := range goldenSizes {
		a := newTestApp(t, LangJA, sz[0], sz[1])
		press(t, a, "3")
		lines := strings.Split(screen(a), "\n")
		tables := 0
		for i, l := range lines {
			if !strings.Contains(l, "実績") {
				continue
			}
			tables++
			// The last 実績 on the line: in the 2x2 grid the right table's.
			for _, at := range []int{strings.Index(l, "実績"), strings.LastIndex(l, "実績")} {
				end := lipgloss.Width(l[:at]) + lipgloss.Width("実績")
				for _, row := range lines[i+1 : i+7] {
					rc := cells(row)
					if end > len(rc) || rc[end-1] == " " || (end < len(rc) && rc[end] != " ") {
						t.Errorf("%v: the 実績 column does not end at column %d in %q", sz, end, row)
					}
				}
			}
		}
		if tables == 0 {
			t.Errorf("%v: no table", sz)
		}
	}
}

func BenchmarkStylesView(b *testing.B) {
	a := newTestApp(b, LangJA, 120, 40)
	press(b, a, "3")
	s := a.screens[a.active]
	for b.Loop() {
		_ = s.View()
	}
}

func TestStylesFiguresFollowThePeriod(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return fixedNow })
	if _, err := st.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []model.Activity{
		{Date: model.D(2026, 11, 2), Kind: model.KindVisit, Count: 2},
		{Date: model.D(2026, 11, 10), Kind: model.KindVisit, Count: 3},
		{Date: model.D(2026, 11, 11), Kind: model.KindCall, Count: 4},
		{Date: model.D(2026, 10, 15), Kind: model.KindVisit, Count: 1},
	} {
		a.RepName = "田中"
		if _, err := st.AddActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, o := range []model.Opportunity{
		{Account: "B", Created: model.D(2026, 10, 1), Closed: model.D(2026, 11, 5), AmountMinor: 1_000_000},
		{Account: "C", Created: model.D(2026, 9, 1), Closed: model.D(2026, 10, 3), AmountMinor: 500_000},
		{Account: "C", Created: model.D(2026, 10, 10), Closed: model.D(2026, 11, 20), AmountMinor: 2_000_000},
	} {
		o.RepName, o.Outcome, o.HasAmount = "田中", model.OutcomeWon, true
		if _, err := st.AddOpportunity(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	a, _ := appOn(t, path, LangEN, 80, 24)
	press(t, a, "3")
	figure := func(name string) string {
		t.Helper()
		f := strings.Fields(lineWith(a, " "+name+" "))
		if len(f) < 2 {
			t.Fatalf("no row for %s:\n%s", name, screen(a))
		}
		return f[len(f)-2] // the figure, before the Added column
	}
	// November: visits 2 + 3; B's first win is new, C's second is not.
	if got := figure("Visits"); got != "5" {
		t.Errorf("November visits %s, want 5", got)
	}
	if got := figure("won"); got != "1" {
		t.Errorf("November new orders won %s, want 1", got)
	}
	press(t, a, "[")
	if l := lineWith(a, "KPIs by sales style"); !strings.Contains(l, "Oct 2026") {
		t.Fatalf("after [ the heading reads %q", l)
	}
	// October: one visit; C's first win.
	if got := figure("Visits"); got != "1" {
		t.Errorf("October visits %s, want 1", got)
	}
	if got := figure("won"); got != "1" {
		t.Errorf("October new orders won %s, want 1", got)
	}
	// Route sales in November: C's second win is existing-customer revenue.
	press(t, a, "]", "right")
	if got := figure("revenue"); got != "¥2M" {
		t.Errorf("November existing-customer revenue %s, want ¥2M", got)
	}
}

// TestStylesShowConnectRate: the inside-sales table shows the connect rate
// (calls that reached the person ÷ calls, docs/success.md) worked out here
// from the calls written: 3 of 10 and 2 of 10, so 25%.
func TestStylesShowConnectRate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.SetClock(func() time.Time { return fixedNow })
	if _, err := st.AddRep(ctx, model.Rep{Name: "佐藤", Department: model.DeptInsideSales}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []model.Activity{
		{Date: model.D(2026, 11, 2), Kind: model.KindCall, Count: 10, Connected: 3},
		{Date: model.D(2026, 11, 9), Kind: model.KindCall, Count: 10, Connected: 2},
		{Date: model.D(2026, 10, 9), Kind: model.KindCall, Count: 10, Connected: 10}, // October: not counted
	} {
		a.RepName = "佐藤"
		if _, err := st.AddActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	for _, sz := range goldenSizes {
		a, _ := appOn(t, path, LangEN, sz[0], sz[1])
		press(t, a, "3", "right", "right")
		row := lineWith(a, "Connect rate")
		if f := strings.Fields(row); len(f) < 2 || f[len(f)-2] != "25.0%" || !strings.Contains(row, "Related") {
			t.Errorf("%v: the connect rate row reads %q, want Related ... 25.0%%\n%s", sz, row, screen(a))
		}
	}
}
