package tui

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// BenchmarkScaleLoads runs each screen's load, as the cockpit's first frame
// runs it, on the database named by KPIT_BENCH_DB (built by `kpit demo
// --scale N --today 2026-11-26`; see BENCHMARKS.md and bench/run.sh).
// Without it the benchmark is skipped: the file is too big to build in a
// benchmark run. Every load starts with no sums kept (store.ForgetSums),
// as after a write, except the period step, which is what `[` costs after
// the month was shown.
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
	// The yardstick of this process's figures, run beside them: one pass
	// over every activity through the same driver, on a connection of its
	// own (bench/run.sh judges the loads by it).
	// On PostgreSQL (KPIT_BENCH_DB=postgres://…) there is no file to scan:
	// the loads are timed alone, beside the same loads on the file.
	var raw *sql.DB
	if !store.IsPostgres(path) {
		if raw, err = sql.Open("sqlite", "file:"+path+"?mode=ro"); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { raw.Close() })
	}
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.Local)
	month := model.PeriodOf(model.Month, now, time.April)
	for _, l := range []struct {
		name string
		load func(b *testing.B) error
	}{
		{"reference_scan", func(b *testing.B) error {
			if raw == nil {
				b.Skip("the reference scan reads a SQLite file")
			}
			var n sql.NullInt64
			return raw.QueryRowContext(ctx, `SELECT sum(length(note)) FROM activities`).Scan(&n)
		}},
		{"first_frame", func(b *testing.B) error { return firstFrame(b, st, now) }},
		{"period_step", func(b *testing.B) error {
			b.StopTimer()
			st.ForgetSums()
			if _, err := loadDashboard(ctx, st, month, now, time.April); err != nil {
				return err
			}
			b.StartTimer()
			_, err := loadDashboard(ctx, st, month.Prev(), now, time.April)
			return err
		}},
		{"dashboard", func(*testing.B) error { _, err := loadDashboard(ctx, st, month, now, time.April); return err }},
		{"tree", func(*testing.B) error { _, err := loadTree(ctx, st, month, now); return err }},
		{"styles", func(*testing.B) error { _, _, _, err := loadStyleData(ctx, st, month, now); return err }},
		{"reps", func(*testing.B) error { _, err := loadReps(ctx, st, month, now.Location()); return err }},
		{"alerts", func(*testing.B) error { _, err := loadAlerts(ctx, st, now); return err }},
		{"checklist", func(*testing.B) error { _, err := st.ChecklistEvidence(ctx, now); return err }},
		{"records", func(*testing.B) error {
			_, _, err := st.RecordsPage(ctx, store.RecordQuery{Kind: model.RecordActivity, Limit: recordsPageSize})
			return err
		}},
	} {
		b.Run(l.name, func(b *testing.B) {
			for b.Loop() {
				st.ForgetSums()
				if err := l.load(b); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// firstFrame is the cockpit's start as Bubble Tea runs it: every command of
// Init at once, each in its own goroutine; it is timed until the dashboard
// has its figures, then waits, untimed, for the other screens.
func firstFrame(b *testing.B, st *store.Store, now time.Time) error {
	a := New(Options{Store: st, Lang: LangJA, Now: func() time.Time { return now }, NoColor: true})
	msgs := make(chan tea.Msg)
	pending := 0
	var start func(cmd tea.Cmd)
	start = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		pending++
		go func() { msgs <- cmd() }()
	}
	start(a.Init())
	timing := true
	for pending > 0 {
		msg := <-msgs
		pending--
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				start(c)
			}
		case dashLoadedMsg:
			if msg.err != nil {
				return msg.err
			}
			if timing {
				b.StopTimer()
				timing = false
			}
		}
	}
	if timing {
		b.StopTimer()
	}
	b.StartTimer()
	return nil
}
