package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

func TestKGI(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if _, ok, err := s.KGI(ctx); ok || err != nil {
			t.Fatalf("fresh database: ok=%v err=%v, want no KGI and no error", ok, err)
		}
		want := model.KGI{NameJA: "年間売上高", NameEN: "Annual revenue", Metric: "revenue", Value: 1e9,
			Unit: model.UnitMoney, Per: model.FiscalYear, Deadline: model.D(2027, 3, 31)}
		if err := s.SetKGI(ctx, want); err != nil {
			t.Fatal(err)
		}
		want.Value = 1.2e9
		if err := s.SetKGI(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.KGI(ctx)
		if err != nil || !ok || got != want {
			t.Fatalf("KGI = %+v, %v, %v; want %+v", got, ok, err, want)
		}
		if err := s.SetKGI(ctx, model.KGI{Value: 1}); err == nil {
			t.Fatal("a KGI without a metric was accepted")
		}
	})
}

func TestKPIUpsertKeepsRevisions(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return clock })
		k := model.KPI{Key: "opportunities", NameJA: "商談数", NameEN: "Opportunities", Unit: model.UnitCount,
			Target: 50, HasTarget: true, TargetPer: model.Month, Main: true, Department: model.DeptFieldSales}
		if err := s.UpsertKPI(ctx, k); err != nil {
			t.Fatal(err)
		}
		if err := s.UpsertKPI(ctx, k); err != nil { // unchanged: no revision
			t.Fatal(err)
		}
		clock = clock.AddDate(0, 2, 0)
		k.Target, k.Deadline = 60, model.D(2027, 3, 31)
		if err := s.UpsertKPI(ctx, k); err != nil {
			t.Fatal(err)
		}
		if err := s.UpsertKPI(ctx, model.KPI{Key: "win_rate", Unit: model.UnitRatio, Direction: model.LowerIsBetter}); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.KPI(ctx, "opportunities")
		want := k
		want.Direction, want.Source = model.HigherIsBetter, model.SourceRecords
		if err != nil || !ok || got != want {
			t.Fatalf("KPI = %+v, %v, %v\nwant %+v", got, ok, err, want)
		}
		all, err := s.KPIs(ctx)
		if err != nil || len(all) != 2 || all[0].Key != "opportunities" || all[1].Key != "win_rate" || all[1].HasTarget {
			t.Fatalf("KPIs = %+v, %v", all, err)
		}
		revs, err := s.KPIRevisions(ctx)
		if err != nil || len(revs) != 3 {
			t.Fatalf("revisions = %+v, %v; want created, changed, created", revs, err)
		}
		// Created from the beginning; changed from the day of the change.
		if !revs[0].EffectiveFrom.IsZero() || len(revs[0].Changed) != len(model.KPIFields) ||
			!revs[1].RecordedAt.Equal(clock) || !revs[1].EffectiveFrom.Equal(model.D(2026, 6, 1)) ||
			fmt.Sprint(revs[1].Changed) != "[target deadline]" || revs[1].KPI.Target != 60 || revs[0].KPI.Target != 50 {
			t.Fatalf("revisions = %+v", revs)
		}
		if _, ok, _ := s.KPI(ctx, "nope"); ok {
			t.Fatal("found a KPI that does not exist")
		}
		for _, bad := range []model.KPI{{}, {Key: "x", Direction: "up"}, {Key: "x", Source: "guess"}, {Key: "x", TargetPer: "decade"}, {Key: "x", Department: "hr"}} {
			if err := s.UpsertKPI(ctx, bad); err == nil {
				t.Errorf("bad KPI %+v accepted", bad)
			}
		}
	})
}

func TestKFS(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if _, err := s.AddKFS(ctx, model.KFS{Text: "商談の質向上", KPIKeys: []string{"win_rate", "avg_deal_size"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddKFS(ctx, model.KFS{Text: "顧客満足度の維持"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddKFS(ctx, model.KFS{Text: "  "}); err == nil {
			t.Fatal("empty KFS accepted")
		}
		got, err := s.KFSList(ctx)
		if err != nil || len(got) != 2 || got[0].Text != "商談の質向上" || strings.Join(got[0].KPIKeys, "|") != "win_rate|avg_deal_size" || got[1].KPIKeys != nil {
			t.Fatalf("KFS = %+v, %v", got, err)
		}
	})
}

// newBusinessTree is the standard tree of docs/kpi-tree.md, given children
// before parents to check the store orders them.
func newBusinessTree() []model.TreeNodeDef {
	return []model.TreeNodeDef{
		{Key: "visits", ParentKey: "leads", Op: model.OpLeaf, Position: 0},
		{Key: "lead_capture_rate", ParentKey: "leads", Op: model.OpLeaf, Position: 1},
		{Key: "leads", ParentKey: "opportunities", Op: model.OpMul, Position: 0},
		{Key: "lead_to_opportunity_rate", ParentKey: "opportunities", Op: model.OpLeaf, Position: 1},
		{Key: "opportunities", ParentKey: "orders_won", Op: model.OpMul, Position: 0},
		{Key: "win_rate", ParentKey: "orders_won", Op: model.OpLeaf, Position: 1},
		{Key: "orders_won", ParentKey: "revenue", Op: model.OpMul, Position: 0},
		{Key: "avg_deal_size", ParentKey: "revenue", Op: model.OpLeaf, Position: 1},
		{Key: "revenue", Op: model.OpMul},
	}
}

func treeString(defs []model.TreeNodeDef) string {
	var b strings.Builder
	for _, d := range defs {
		b.WriteString(d.ParentKey + ">" + d.Key + string(d.Op) + " ")
	}
	return b.String()
}

func TestTreeReplaceAndAdopt(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if got, err := s.TreeNodes(ctx); err != nil || len(got) != 0 {
			t.Fatalf("fresh tree = %v, %v", got, err)
		}
		if err := s.ReplaceTree(ctx, newBusinessTree()); err != nil {
			t.Fatal(err)
		}
		got, err := s.TreeNodes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := ">revenue* revenue>orders_won* revenue>avg_deal_sizeleaf orders_won>opportunities* orders_won>win_rateleaf " +
			"opportunities>leads* opportunities>lead_to_opportunity_rateleaf leads>visitsleaf leads>lead_capture_rateleaf "
		if treeString(got) != want {
			t.Fatalf("tree =\n%s\nwant\n%s", treeString(got), want)
		}
		// Bad trees are refused and leave the stored one alone.
		for _, bad := range [][]model.TreeNodeDef{
			{{Key: "a", ParentKey: "b", Op: model.OpLeaf}, {Key: "b", ParentKey: "a", Op: model.OpMul}},
			{{Key: "a", ParentKey: "missing", Op: model.OpLeaf}},
			{{Key: "a", Op: "^"}},
			{{Key: "a", Op: model.OpMul}, {Key: "a", Op: model.OpLeaf}},
		} {
			if err := s.ReplaceTree(ctx, bad); err == nil {
				t.Errorf("bad tree %v accepted", bad)
			}
		}
		if again, _ := s.TreeNodes(ctx); treeString(again) != want {
			t.Fatalf("a refused tree changed the stored one: %s", treeString(again))
		}

		// Adopt: existing KPI and node untouched, new ones added under existing parents.
		if err := s.UpsertKPI(ctx, model.KPI{Key: "visits", NameJA: "訪問数", Target: 100, HasTarget: true, TargetPer: model.Month}); err != nil {
			t.Fatal(err)
		}
		adopt := []model.KPI{
			{Key: "visits", NameJA: "訪問件数", Target: 5, HasTarget: true},
			{Key: "inbound_leads", NameJA: "広告からの流入数", Unit: model.UnitCount},
		}
		tree := []model.TreeNodeDef{
			{Key: "leads", ParentKey: "opportunities", Op: model.OpAdd}, // exists as *: kept
			{Key: "inbound_leads", ParentKey: "leads", Op: model.OpLeaf, Position: 2},
		}
		if err := s.AdoptKPIs(ctx, adopt, tree); err != nil {
			t.Fatal(err)
		}
		v, _, _ := s.KPI(ctx, "visits")
		if v.NameJA != "訪問数" || v.Target != 100 {
			t.Fatalf("adopt overwrote an existing KPI: %+v", v)
		}
		if _, ok, _ := s.KPI(ctx, "inbound_leads"); !ok {
			t.Fatal("adopt did not add the new KPI")
		}
		got, _ = s.TreeNodes(ctx)
		if treeString(got) != want+"leads>inbound_leadsleaf " {
			t.Fatalf("tree after adopt = %s", treeString(got))
		}
		// A node under a parent that exists nowhere is refused, and nothing of
		// that adoption is kept.
		if err := s.AdoptKPIs(ctx, []model.KPI{{Key: "nps"}}, []model.TreeNodeDef{{Key: "nps", ParentKey: "ltv", Op: model.OpLeaf}}); err == nil {
			t.Fatal("adopted a node with an unknown parent")
		}
		if _, ok, _ := s.KPI(ctx, "nps"); ok {
			t.Fatal("a failed adoption kept its KPI")
		}
	})
}

func TestSettingsAndFiscalStart(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if m, err := s.FiscalStart(ctx); err != nil || m != time.April {
			t.Fatalf("default fiscal start = %v, %v", m, err)
		}
		if err := s.SetFiscalStart(ctx, time.January); err != nil {
			t.Fatal(err)
		}
		if m, err := s.FiscalStart(ctx); err != nil || m != time.January {
			t.Fatalf("fiscal start = %v, %v", m, err)
		}
		if err := s.SetFiscalStart(ctx, 13); err == nil {
			t.Fatal("month 13 accepted")
		}
		if err := s.SetSetting(ctx, "lang", "ja"); err != nil {
			t.Fatal(err)
		}
		if v, ok, err := s.Setting(ctx, "lang"); v != "ja" || !ok || err != nil {
			t.Fatalf("setting = %q %v %v", v, ok, err)
		}
		if _, ok, _ := s.Setting(ctx, "nope"); ok {
			t.Fatal("unset setting found")
		}
	})
}

func TestManualValues(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if err := s.UpsertKPI(ctx, model.KPI{Key: "nps", Unit: model.UnitScore, Source: model.SourceManual}); err != nil {
			t.Fatal(err)
		}
		if err := s.UpsertKPI(ctx, model.KPI{Key: "visits"}); err != nil {
			t.Fatal(err)
		}
		nov := model.PeriodOf(model.Month, model.D(2026, 11, 5), time.April)
		if v, err := s.ManualValue(ctx, "nps", nov); err != nil || v.Valid {
			t.Fatalf("no value yet: %v, %v", v, err)
		}
		for _, x := range []float64{31, 34.5} { // the second replaces the first
			if err := s.SetManualValue(ctx, "nps", nov, x); err != nil {
				t.Fatal(err)
			}
		}
		if v, err := s.ManualValue(ctx, "nps", nov); err != nil || v != model.Some(34.5) {
			t.Fatalf("value = %v, %v", v, err)
		}
		if v, _ := s.ManualValue(ctx, "nps", nov.Next()); v.Valid {
			t.Fatal("a value leaked into the next month")
		}
		if err := s.SetManualValue(ctx, "visits", nov, 3); err == nil || !strings.Contains(err.Error(), "records") {
			t.Fatalf("typed value for a records KPI: %v", err)
		}
		if _, err := s.ManualValue(ctx, "visits", nov); err == nil {
			t.Fatal("read a typed value for a records KPI")
		}
		if err := s.SetManualValue(ctx, "ghost", nov, 3); err == nil {
			t.Fatal("typed value for a missing KPI")
		}
	})
}
