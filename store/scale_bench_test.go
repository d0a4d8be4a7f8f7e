package store

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// BenchmarkScaleQueries runs the store's heaviest reads on the database
// named by KPIT_BENCH_DB (built by `kpit demo --scale N --today
// 2026-11-26`; see BENCHMARKS.md), skipped without it.
func BenchmarkScaleQueries(b *testing.B) {
	path := os.Getenv("KPIT_BENCH_DB")
	if path == "" {
		b.Skip("KPIT_BENCH_DB is not set")
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.Local)
	month := model.PeriodOf(model.Month, now, time.April)
	fy := model.PeriodOf(model.FiscalYear, now, time.April)
	for _, q := range []struct {
		name string
		run  func() error
	}{
		// The yardstick each figure is judged against in the same run: one
		// pass over every activity row through the same driver.
		{"reference_scan_activities", func() error {
			var n sql.NullInt64
			return s.db.QueryRowContext(ctx, `SELECT sum(length(note)) FROM activities`).Scan(&n)
		}},
		{"recent_activities", func() error { _, err := s.Recent(ctx, model.RecordActivity, 200); return err }},
		{"recent_opportunities", func() error { _, err := s.Recent(ctx, model.RecordOpportunity, 200); return err }},
		{"recent_leads", func() error { _, err := s.Recent(ctx, model.RecordLead, 200); return err }},
		{"open_deals", func() error { _, err := s.OpenDeals(ctx); return err }},
		{"checklist_evidence", func() error { _, err := s.ChecklistEvidence(ctx, now); return err }},
		{"alerts", func() error { _, _, err := s.Alerts(ctx, now, now.Location()); return err }},
		// The reads themselves, not the sums kept since the last one
		// (changes.go), then a kept one for comparison.
		{"style_figures_month", func() error {
			_, err := s.readStyleFigures(ctx, Filter{From: month.Start, To: month.End})
			return err
		}},
		{"style_figures_fy", func() error { _, err := s.readStyleFigures(ctx, Filter{From: fy.Start, To: fy.End}); return err }},
		{"counts_by_rep_all_time", func() error { _, err := s.readCountsByRep(ctx, Filter{}); return err }},
		{"counts_fy", func() error { _, err := s.readCounts(ctx, Filter{From: fy.Start, To: fy.End}); return err }},
		{"counts_fy_kept", func() error { _, err := s.Counts(ctx, Filter{From: fy.Start, To: fy.End}); return err }},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if err := q.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
