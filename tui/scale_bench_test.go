package tui

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// BenchmarkScaleLoads runs each screen's load, as the cockpit's first frame
// runs it, on the database named by KPIT_BENCH_DB (built by `kpit demo
// --scale N --today 2026-11-26`; see BENCHMARKS.md). Without it the
// benchmark is skipped: the file is too big to build in a benchmark run.
func BenchmarkScaleLoads(b *testing.B) {
	path := os.Getenv("KPIT_BENCH_DB")
	if path == "" {
		b.Skip("KPIT_BENCH_DB is not set")
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.Local)
	month := model.PeriodOf(model.Month, now, time.April)
	for _, l := range []struct {
		name string
		load func() error
	}{
		{"dashboard", func() error { _, err := loadDashboard(ctx, st, month, now, time.April); return err }},
		{"tree", func() error { _, err := loadTree(ctx, st, month, now); return err }},
		{"styles", func() error { _, _, _, err := loadStyleData(ctx, st, month, now); return err }},
		{"reps", func() error { _, err := loadReps(ctx, st, month, now.Location()); return err }},
		{"alerts", func() error { _, err := loadAlerts(ctx, st, now); return err }},
		{"checklist", func() error { _, err := st.ChecklistEvidence(ctx, now); return err }},
		{"records", func() error {
			_, _, err := st.RecordsPage(ctx, store.RecordQuery{Kind: model.RecordActivity, Limit: recordsPageSize})
			return err
		}},
	} {
		b.Run(l.name, func(b *testing.B) {
			for b.Loop() {
				if err := l.load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
