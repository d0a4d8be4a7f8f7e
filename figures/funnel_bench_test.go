package figures_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// funnelBenchLeads is the size of BenchmarkFunnel's fiscal year.
const funnelBenchLeads = 500_000

// BenchmarkFunnel is the funnel of fiscal year 2026 over 500,000 leads
// created in it with their stage histories (about 1.3 million stage
// changes, 4% of them recycles): the counts, cohort conversions,
// percentiles and overdue leads kpit funnel and the Funnel tab show, and
// the same broken down by source. The data is written once with
// BulkInsert before the timer starts.
func BenchmarkFunnel(b *testing.B) {
	ctx := context.Background()
	// KPIT_FUNNEL_BENCH_DB keeps the file between runs: written when it
	// does not exist, reused when it does.
	path := os.Getenv("KPIT_FUNNEL_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "funnel-bench.db")
	}
	_, statErr := os.Stat(path)
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2027, 3, 31, 18, 0, 0, 0, time.UTC)
	st.SetClock(func() time.Time { return now })
	if statErr != nil {
		start := time.Now()
		if err := st.BulkInsert(ctx, funnelBenchBatch(funnelBenchLeads, now)); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %d leads in %v", funnelBenchLeads, time.Since(start).Round(time.Millisecond))
	}
	rng := figures.Range{From: model.D(2026, 4, 1), To: model.D(2027, 3, 31), FiscalStart: time.April}
	for _, by := range []string{"", "source"} {
		name := "FiscalYear"
		if by != "" {
			name += "By" + by
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				f, err := figures.ComputeFunnel(ctx, st, rng, now, time.UTC, by)
				if err != nil {
					b.Fatal(err)
				}
				if f.Steps[0].Reached != funnelBenchLeads {
					b.Fatalf("reached %d leads", f.Steps[0].Reached)
				}
			}
		})
	}
}

// funnelBenchBatch is n leads over the fiscal year: 55% reach MQL within
// two days, 60% of those SQL within a week, half of those an opportunity,
// 30% of those are won; one lead in twenty-five goes back from SQL to MQL
// and forward again; most that stop are disqualified, a few wait.
func funnelBenchBatch(n int, now time.Time) store.Batch {
	r := rand.New(rand.NewPCG(11, 26))
	sources := []string{"ads", "event", "referral", "outbound", "web", "partner"}
	var b store.Batch
	for i := range 40 {
		b.Reps = append(b.Reps, model.Rep{Name: fmt.Sprintf("rep%02d", i), Department: model.Departments()[i%4], Active: true})
	}
	b.LeadStages = make(map[int][]model.StageMove, n)
	fyStart := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		created := fyStart.Add(time.Duration(r.Int64N(int64(358 * 24 * time.Hour))))
		l := model.Lead{Company: "c", Source: sources[r.IntN(len(sources))], RepName: b.Reps[r.IntN(40)].Name,
			Created: model.Date(created), Status: model.LeadDisqualified}
		t := model.DayStart(l.Created)
		var moves []model.StageMove
		step := func(st model.FunnelStage, maxHours int, recycle bool) bool {
			next := t.Add(time.Duration(1+r.IntN(maxHours*3600)) * time.Second)
			if next.After(now) {
				return false
			}
			t = next
			moves = append(moves, model.StageMove{Stage: st, At: t, Recycle: recycle})
			return true
		}
		switch {
		case r.Float64() >= 0.55 || !step(model.FunnelMQL, 48, false):
			if r.IntN(50) == 0 {
				l.Status = model.LeadNew
			}
		case r.Float64() >= 0.60 || !step(model.FunnelSQL, 168, false):
			if r.IntN(50) == 0 {
				l.Status = model.LeadMQL
			}
		default:
			if r.IntN(25) == 0 && step(model.FunnelMQL, 72, true) && !step(model.FunnelSQL, 168, false) {
				break
			}
			if r.Float64() < 0.5 && step(model.FunnelOpportunity, 240, false) {
				l.Status = model.LeadConverted
				if r.Float64() < 0.3 {
					step(model.FunnelWon, 1440, false)
				}
			}
		}
		b.Leads = append(b.Leads, l)
		b.LeadStages[i] = moves
	}
	return b
}
