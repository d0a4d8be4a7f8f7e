package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The recount read straight through the tables (SQLite's) gives the same
// cells as the one free to read through the indexes (PostgreSQL's, and
// SQLite's before), on a file with deletions, edits, an
// import moved in batches and calls that connected: every cell, in order.
func TestRollupRecountThroughTheTablesEqualsTheIndexedOne(t *testing.T) {
	if onPostgres(t) {
		t.Skip("kpit doctor reads SQLite")
	}
	s := openTemp(t)
	seedDoctor(t, s)
	// Later records in the months after doctorDay; the imported calls fall in June.
	s.SetClock(func() time.Time { return time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	for i := range 12 {
		if _, err := s.AddActivity(ctx, model.Activity{Kind: model.KindCall, RepName: "田中", Count: 3, Connected: i % 3,
			Date: doctorDay.AddDate(0, 0, i)}); err != nil {
			t.Fatal(err)
		}
	}
	// An edit that moves an activity to another day and kind.
	var visit int64
	if err := s.db.QueryRow(`SELECT min(id) FROM activities WHERE kind = 'visit' AND deleted_at IS NULL`).Scan(&visit); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateActivity(ctx, model.Activity{ID: visit, Kind: model.KindEmail, RepName: "田中", Count: 4,
		Date: doctorDay.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	// A deal won, then deleted; another lost.
	for i, outcome := range []model.Outcome{model.OutcomeWon, model.OutcomeLost} {
		id, err := s.AddOpportunity(ctx, model.Opportunity{ExternalID: fmt.Sprintf("X%d", i), RepName: "田中", Account: "D",
			Created: doctorDay, Closed: doctorDay.AddDate(0, 0, 3), Outcome: outcome, AmountMinor: 70000, HasAmount: true})
		if err != nil {
			t.Fatal(err)
		}
		if outcome == model.OutcomeWon {
			if err := s.Delete(ctx, model.RecordOpportunity, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.SetImportBatches(ImportBatches{MinRows: 100, Rows: 40})
	importCallsReporting(t, s, "imp", 150)

	recount := func(q string) []string {
		t.Helper()
		cells, err := queryStrings(ctx, s.db, `SELECT day || ' ' || metric || ' ' || rep_id || ' ' || value FROM (`+q+`) ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		return cells
	}
	through, indexed := recount(rollupRecountScan), recount(rollupRecount)
	if len(through) < 20 || !slices.Equal(through, indexed) {
		t.Fatalf("through the tables %d cells %v\nthrough the indexes %d cells %v", len(through), through, len(indexed), indexed)
	}
	// The two are different reads, or the comparison proves nothing.
	plan := func(q string) string {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var lines []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, detail)
		}
		return strings.Join(lines, "\n")
	}
	if p := plan(rollupRecountScan); strings.Contains(p, "activities USING") || strings.Contains(p, "INDEX opportunities_closed") {
		t.Errorf("the recount still reads through an index:\n%s", p)
	}
	if p := plan(rollupRecount); !strings.Contains(p, "INDEX") {
		t.Errorf("the indexed recount reads no index:\n%s", p)
	}
	if got, err := s.Check(ctx); err != nil || len(got) != 0 {
		t.Fatalf("findings %+v, %v; want none", got, err)
	}
}

// Check names each of its stages once, in order, on a sound file.
func TestDoctorReportsEveryStageInOrder(t *testing.T) {
	if onPostgres(t) {
		t.Skip("kpit doctor reads SQLite")
	}
	s := openTemp(t)
	seedDoctor(t, s)
	var got []CheckStage
	if _, err := s.CheckShowing(context.Background(), func(st CheckStage) { got = append(got, st) }); err != nil {
		t.Fatal(err)
	}
	want := []CheckStage{StageIntegrity, StageForeignKeys, StageSchema, StageDailyRollup, StageMonthlyRollup, StageImportsAndWAL}
	if !slices.Equal(got, want) || len(want) != CheckStages {
		t.Fatalf("stages %v, want %v", got, want)
	}
}
