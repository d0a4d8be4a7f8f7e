package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The story of these tests: the lead→opportunity rate's target was 40%
// from the start; on 2026-11-30 it is raised to 42% from that day. June
// 2026 (last day 06-30) keeps 40%; a range in progress on 11-30 has 42%.

var (
	revisionToday = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	juneLastDay   = model.D(2026, 6, 30)
)

func leadToOpp(target float64) model.KPI {
	return model.KPI{Key: "lead_to_opportunity_rate", NameJA: "リード商談化率", NameEN: "Lead to opportunity rate",
		Unit: model.UnitRatio, Target: target, HasTarget: true, TargetPer: model.FiscalYear, Main: true,
		Definition: "opportunities / leads", Deadline: model.D(2027, 3, 31)}
}

// targetOn is the target of key in force on day, read through KPIsAsOf.
func targetOn(t *testing.T, s *Store, key string, day time.Time) (float64, bool) {
	t.Helper()
	ks, err := s.KPIsAsOf(context.Background(), day)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ks {
		if k.Key == key {
			return k.Target, k.HasTarget
		}
	}
	t.Fatalf("KPI %s not listed as of %s", key, model.FormatDate(day))
	return 0, false
}

func TestRevisionJuneKeepsItsTarget(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return clock })
		if err := s.UpsertKPI(ctx, leadToOpp(0.40)); err != nil {
			t.Fatal(err)
		}
		clock = revisionToday
		if err := s.SaveKPI(ctx, leadToOpp(0.42), RevisionNote{Author: "鈴木", Reason: "review of November"}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			day  time.Time
			want float64
		}{
			{model.D(2020, 1, 1), 0.40}, // the first target holds from the beginning
			{juneLastDay, 0.40},
			{model.D(2026, 11, 29), 0.40},
			{model.D(2026, 11, 30), 0.42},
			{model.D(2027, 3, 31), 0.42},
		} {
			if got, ok := targetOn(t, s, "lead_to_opportunity_rate", c.day); !ok || got != c.want {
				t.Errorf("target on %s = %v (%v), want %v", model.FormatDate(c.day), got, ok, c.want)
			}
		}
		if k, ok, err := s.KPI(ctx, "lead_to_opportunity_rate"); err != nil || !ok || k.Target != 0.42 {
			t.Errorf("KPI today = %v, %v, %v; want 42%%", k.Target, ok, err)
		}
		hist, err := s.KPIHistory(ctx, "lead_to_opportunity_rate")
		if err != nil || len(hist) != 2 {
			t.Fatalf("history = %+v, %v", hist, err)
		}
		h := hist[0]
		if !h.EffectiveFrom.Equal(model.D(2026, 11, 30)) || !h.RecordedAt.Equal(revisionToday) || h.Author != "鈴木" ||
			h.Reason != "review of November" || fmt.Sprint(h.Changed) != "[target]" || h.KPI.Target != 0.42 ||
			!h.KPI.Main || h.KPI.Definition != "opportunities / leads" {
			t.Errorf("newest revision = %+v", h)
		}
		if h := hist[1]; !h.EffectiveFrom.IsZero() || h.KPI.Target != 0.40 || h.Author == "" {
			t.Errorf("first revision = %+v", h)
		}
		// Saving the same definition again is no revision.
		if err := s.UpsertKPI(ctx, leadToOpp(0.42)); err != nil {
			t.Fatal(err)
		}
		if hist, _ := s.KPIHistory(ctx, "lead_to_opportunity_rate"); len(hist) != 2 {
			t.Errorf("an unchanged save recorded a revision: %d", len(hist))
		}
	})
}

func TestRevisionKGIJuneKeepsItsGoal(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return clock })
		kgi := model.KGI{NameJA: "年間売上高", NameEN: "Annual revenue", Metric: "revenue", Value: 1e9,
			Unit: model.UnitMoney, Per: model.FiscalYear, Deadline: model.D(2027, 3, 31)}
		if err := s.SetKGI(ctx, kgi); err != nil {
			t.Fatal(err)
		}
		clock = revisionToday
		raised := kgi
		raised.Value = 1.2e9
		if err := s.ReviseKGI(ctx, raised, RevisionNote{Reason: "new product"}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			day  time.Time
			want float64
		}{{model.D(2025, 4, 1), 1e9}, {juneLastDay, 1e9}, {model.D(2026, 11, 29), 1e9}, {model.D(2026, 11, 30), 1.2e9}} {
			got, ok, err := s.KGIAsOf(ctx, c.day)
			if err != nil || !ok || got.Value != c.want {
				t.Errorf("KGI on %s = %v, %v, %v; want %v", model.FormatDate(c.day), got.Value, ok, err, c.want)
			}
		}
		if got, ok, _ := s.KGI(ctx); !ok || !model.SameKGI(got, raised) {
			t.Errorf("KGI today = %+v, want %+v", got, raised)
		}
		hist, err := s.KGIHistory(ctx)
		if err != nil || len(hist) != 2 || hist[0].KGI.Value != 1.2e9 || hist[0].Reason != "new product" ||
			!hist[0].EffectiveFrom.Equal(model.D(2026, 11, 30)) || !hist[1].EffectiveFrom.IsZero() {
			t.Fatalf("KGI history = %+v, %v", hist, err)
		}
		// A KGI before any was set is none at all.
		if _, ok, err := openTemp(t).KGIAsOf(ctx, juneLastDay); ok || err != nil {
			t.Errorf("empty store has a KGI: %v %v", ok, err)
		}
	})
}

func TestRevisionFromThePast(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		clock := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return clock })
		if err := s.UpsertKPI(ctx, leadToOpp(0.40)); err != nil {
			t.Fatal(err)
		}
		clock = revisionToday
		if err := s.UpsertKPI(ctx, leadToOpp(0.42)); err != nil {
			t.Fatal(err)
		}
		// Recorded after the 42%, but in force from 2026-09-01: it changes the
		// ranges ending from 09-01 until the 42% takes over on 11-30.
		target := model.KPI{Target: 0.38, HasTarget: true, TargetPer: model.FiscalYear}
		if err := s.ReviseKPI(ctx, "lead_to_opportunity_rate", target, []model.KPIField{model.FieldTarget},
			RevisionNote{From: model.D(2026, 9, 1), Reason: "correction"}); err != nil {
			t.Fatal(err)
		}
		// And the deadline moved from 2026-10-01: the target is left as it was.
		dl := model.KPI{Deadline: model.D(2026, 12, 31)}
		if err := s.ReviseKPI(ctx, "lead_to_opportunity_rate", dl, []model.KPIField{model.FieldDeadline},
			RevisionNote{From: model.D(2026, 10, 1), Reason: "earlier"}); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			day      time.Time
			target   float64
			deadline time.Time
		}{
			{juneLastDay, 0.40, model.D(2027, 3, 31)},
			{model.D(2026, 8, 31), 0.40, model.D(2027, 3, 31)},
			{model.D(2026, 9, 1), 0.38, model.D(2027, 3, 31)},
			{model.D(2026, 10, 31), 0.38, model.D(2026, 12, 31)},
			{model.D(2026, 11, 30), 0.42, model.D(2026, 12, 31)},
		} {
			k, ok, err := s.KPIAsOf(ctx, "lead_to_opportunity_rate", c.day)
			if err != nil || !ok || k.Target != c.target || !k.Deadline.Equal(c.deadline) || !k.Main {
				t.Errorf("on %s: target %v deadline %s main %v (%v %v); want %v %s", model.FormatDate(c.day), k.Target,
					model.FormatDate(k.Deadline), k.Main, ok, err, c.target, model.FormatDate(c.deadline))
			}
		}
		// The deadline revision's row shows the target in force on 10-01 (38%).
		hist, _ := s.KPIHistory(ctx, "lead_to_opportunity_rate")
		if len(hist) != 4 || hist[1].Reason != "earlier" || hist[1].KPI.Target != 0.38 {
			t.Fatalf("history = %+v", hist)
		}
		// Two revisions effective the same day: the later recorded wins.
		for _, v := range []float64{0.5, 0.45} {
			if err := s.ReviseKPI(ctx, "lead_to_opportunity_rate", model.KPI{Target: v, HasTarget: true, TargetPer: model.FiscalYear},
				[]model.KPIField{model.FieldTarget}, RevisionNote{From: model.D(2026, 7, 1), Reason: "tie"}); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := targetOn(t, s, "lead_to_opportunity_rate", model.D(2026, 7, 31)); got != 0.45 {
			t.Errorf("tie: target %v, want the later recorded 45%%", got)
		}
		// A revision from a future day is not in force today.
		if err := s.ReviseKPI(ctx, "lead_to_opportunity_rate", model.KPI{}, []model.KPIField{model.FieldTarget},
			RevisionNote{From: model.D(2027, 4, 1), Reason: "no target next year"}); err != nil {
			t.Fatal(err)
		}
		if k, _, _ := s.KPI(ctx, "lead_to_opportunity_rate"); !k.HasTarget || k.Target != 0.42 {
			t.Errorf("today's target %v (%v), want 42%%", k.Target, k.HasTarget)
		}
		if _, ok := targetOn(t, s, "lead_to_opportunity_rate", model.D(2027, 4, 1)); ok {
			t.Error("the target removed from 2027-04-01 is still there")
		}
	})
}

func TestRevisionRefusals(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if err := s.UpsertKPI(ctx, leadToOpp(0.40)); err != nil {
			t.Fatal(err)
		}
		before, _ := s.KPIRevisions(ctx)
		tgt := model.KPI{Target: 1, HasTarget: true, TargetPer: model.Month}
		if err := s.ReviseKPI(ctx, "nope", tgt, []model.KPIField{model.FieldTarget}, RevisionNote{Reason: "x"}); !errors.Is(err, ErrNoKPI) {
			t.Errorf("unknown KPI: %v", err)
		}
		if err := s.ReviseKPI(ctx, "lead_to_opportunity_rate", tgt, nil, RevisionNote{Reason: "x"}); err == nil {
			t.Error("a revision of nothing was accepted")
		}
		if err := s.ReviseKPI(ctx, "lead_to_opportunity_rate", tgt, []model.KPIField{model.FieldTarget},
			RevisionNote{Reason: "two\nlines"}); err == nil {
			t.Error("a two-line reason was accepted")
		}
		if after, _ := s.KPIRevisions(ctx); len(after) != len(before) {
			t.Errorf("refused revisions were written: %d -> %d", len(before), len(after))
		}
	})
}

// TestRevisionMigration builds a file as kpit left it at schema version 3
// and opens it: each KPI's goals and the KGI become first revisions from the
// beginning, and every day reads the values the file had.
func TestRevisionMigration(t *testing.T) {
	ctx := context.Background()
	path := oldDatabase(t, 3,
		`INSERT INTO kgi (id, name_ja, name_en, metric, value, unit, per, deadline)
			VALUES (1, '年間売上高', 'Annual revenue', 'revenue', 1e9, 'yen', 'year', '2027-03-31')`,
		`INSERT INTO kpis (key, name_ja, name_en, unit, definition, formula, target, target_per, deadline, main, created_at, updated_at)
			VALUES ('win_rate', '受注率', 'Win rate', 'ratio', 'won / closed', 'orders_won / closed', 0.3, 'year', '2027-03-31', 1,
				'2026-04-01T09:00:00Z', '2026-09-01T09:00:00Z'),
			('visits', '訪問数', 'Visits', 'count', '', '', NULL, 'month', NULL, 0, '2026-04-01T09:00:00Z', '2026-04-01T09:00:00Z')`,
		`INSERT INTO kpi_revisions (kpi_key, changed_at, what) VALUES ('win_rate', '2026-09-01T09:00:00Z', 'target "0.25" -> "0.3"')`,
	)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, day := range []time.Time{model.D(1990, 1, 1), juneLastDay, model.D(2030, 1, 1)} {
		ks, err := s.KPIsAsOf(ctx, day)
		if err != nil || len(ks) != 2 {
			t.Fatalf("KPIs as of %s = %+v, %v", model.FormatDate(day), ks, err)
		}
		w, v := ks[0], ks[1]
		if w.Key != "win_rate" || !w.HasTarget || w.Target != 0.3 || w.TargetPer != model.FiscalYear || !w.Main ||
			!w.Deadline.Equal(model.D(2027, 3, 31)) || w.Definition != "won / closed" || w.Formula != "orders_won / closed" ||
			w.Unit != model.UnitRatio || w.NameJA != "受注率" {
			t.Errorf("win rate as of %s = %+v", model.FormatDate(day), w)
		}
		if v.Key != "visits" || v.HasTarget || !v.Deadline.IsZero() || v.Main {
			t.Errorf("visits as of %s = %+v", model.FormatDate(day), v)
		}
		kgi, ok, err := s.KGIAsOf(ctx, day)
		if err != nil || !ok || kgi.Value != 1e9 || kgi.Metric != "revenue" || !kgi.Deadline.Equal(model.D(2027, 3, 31)) {
			t.Errorf("KGI as of %s = %+v, %v, %v", model.FormatDate(day), kgi, ok, err)
		}
	}
	hist, err := s.KPIHistory(ctx, "win_rate")
	if err != nil || len(hist) != 1 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	h := hist[0]
	if !h.EffectiveFrom.IsZero() || h.Author != "kpit" || h.Reason != "existing target" ||
		!h.RecordedAt.Equal(time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)) || len(h.Changed) != len(model.KPIFields) {
		t.Errorf("first revision = %+v", h)
	}
	kh, err := s.KGIHistory(ctx)
	if err != nil || len(kh) != 1 || kh[0].Author != "kpit" || kh[0].Reason != "existing target" || !kh[0].EffectiveFrom.IsZero() {
		t.Errorf("KGI history = %+v, %v", kh, err)
	}
	// The old text log is kept under its new name.
	var what string
	if err := s.db.QueryRow(`SELECT what FROM kpi_change_log`).Scan(&what); err != nil || what != `target "0.25" -> "0.3"` {
		t.Errorf("change log: %q, %v", what, err)
	}
}

// oldDatabase is a file as kpit left it at schema version: the first
// version migrations, then statements writing what such a file held. The
// test opens it with Open to migrate it the rest of the way.
func oldDatabase(t *testing.T, version int, statements ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, m := range migrations[:version] {
		if _, err := db.Exec(m); err != nil {
			t.Fatal(err)
		}
	}
	statements = append([]string{fmt.Sprintf(`PRAGMA user_version = %d`, version)}, statements...)
	for _, q := range statements {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}
