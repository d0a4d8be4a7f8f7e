package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// benchDB builds, once per top-level benchmark, a database of nOpps
// opportunities and nActs activity rows spread over two fiscal years
// (FY2025 and FY2026) and 20 reps, through BulkInsert.
func benchDB(b *testing.B, nOpps, nActs int) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(1, 2))
	start := model.D(2025, time.April, 1)
	var batch Batch
	depts := model.Departments()
	for i := 0; i < 20; i++ {
		batch.Reps = append(batch.Reps, model.Rep{Name: fmt.Sprintf("rep%02d", i), Department: depts[i%4], Active: true})
	}
	if err := s.BulkInsert(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	// Insert in chunks so the batch slices stay small.
	const chunk = 100_000
	kinds := model.ActivityKinds()
	entered := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for done := 0; done < nOpps+nActs; {
		var bt Batch
		for n := 0; n < chunk && done < nOpps+nActs; n, done = n+1, done+1 {
			rep := int64(1 + r.IntN(20))
			d := start.AddDate(0, 0, r.IntN(730))
			if done < nOpps {
				o := model.Opportunity{RepID: rep, Created: d, EnteredAt: entered}
				switch r.IntN(3) {
				case 0:
					o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, d.AddDate(0, 0, r.IntN(60)), 1_000_000, true
				case 1:
					o.Outcome, o.Closed = model.OutcomeLost, d.AddDate(0, 0, r.IntN(60))
				}
				bt.Opportunities = append(bt.Opportunities, o)
				continue
			}
			bt.Activities = append(bt.Activities, model.Activity{RepID: rep, Date: d, Kind: kinds[r.IntN(len(kinds))],
				Count: 1 + r.IntN(3), EnteredAt: entered})
		}
		if err := s.BulkInsert(context.Background(), bt); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// benchAggregates runs the aggregate queries the dashboard and reports make.
func benchAggregates(b *testing.B, s *Store) {
	ctx := context.Background()
	fy := model.PeriodOf(model.FiscalYear, model.D(2026, 11, 26), time.April)
	b.Run("Counts/FiscalYear", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Counts(ctx, ForPeriod(fy)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Counts/FiscalYear/Department", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Counts(ctx, Filter{From: fy.Start, To: fy.End, Department: model.DeptFieldSales}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("CountsByRep/FiscalYear", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.CountsByRep(ctx, ForPeriod(fy)); err != nil {
				b.Fatal(err)
			}
		}
	})
	last := model.PeriodOf(model.Month, model.D(2026, 11, 26), time.April)
	b.Run("Series/12Months/OneQuery", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Series(ctx, model.Month, last, 12, Filter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The alternative Series does not take: one Counts query per period.
	b.Run("Series/12Months/QueryPerMonth", func(b *testing.B) {
		for b.Loop() {
			p := last
			for i := 0; i < 12; i++ {
				if _, err := s.Counts(ctx, ForPeriod(p)); err != nil {
					b.Fatal(err)
				}
				p = p.Prev()
			}
		}
	})
	b.Run("Series/52Weeks/OneQuery", func(b *testing.B) {
		w := model.PeriodOf(model.Week, model.D(2026, 11, 26), time.April)
		for b.Loop() {
			if _, err := s.Series(ctx, model.Week, w, 52, Filter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("NewestRecordAt", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.NewestRecordAt(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkStore100kOpportunities: the aggregation queries (fiscal year, by
// department and rep, monthly and weekly series) over 100,000 opportunities.
func BenchmarkStore100kOpportunities(b *testing.B) {
	benchAggregates(b, benchDB(b, 100_000, 0))
}

// BenchmarkStore1MActivities: the dashboard's target (fiscal-year
// aggregation under 100 ms) on 1,000,000 activities and 200,000
// opportunities. Building the database takes tens of seconds.
func BenchmarkStore1MActivities(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 1.2M-record database")
	}
	benchAggregates(b, benchDB(b, 200_000, 1_000_000))
}

// BenchmarkBulkInsert measures writing records through the roll-up
// triggers: 10,000 activities per operation.
func BenchmarkBulkInsert(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bulk.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.BulkInsert(ctx, Batch{Reps: []model.Rep{{Name: "r", Department: model.DeptFieldSales}}}); err != nil {
		b.Fatal(err)
	}
	acts := make([]model.Activity, 10_000)
	for i := range acts {
		acts[i] = model.Activity{RepID: 1, Date: model.D(2026, 4, 1).AddDate(0, 0, i%365), Kind: model.KindCall, Count: 1}
	}
	for b.Loop() {
		if err := s.BulkInsert(ctx, Batch{Activities: acts}); err != nil {
			b.Fatal(err)
		}
	}
}
