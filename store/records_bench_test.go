package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// BenchmarkAddActivity is one record entered by a person: rules read, rep
// resolved, insert, roll-up trigger and journal row, in one transaction.
func BenchmarkAddActivity(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		b.Fatal(err)
	}
	day := model.Date(time.Now())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindCall, Count: 1, Date: day}); err != nil {
			b.Fatal(err)
		}
	}
}

// alertsBenchStore holds a year of records for 50 reps: nActs activities,
// nOpps opportunities (a third still open), 5,000 leads.
func alertsBenchStore(b *testing.B, nActs, nOpps int, now time.Time) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "alerts.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewSource(1))
	var batch Batch
	for i := 0; i < 50; i++ {
		batch.Reps = append(batch.Reps, model.Rep{Name: fmt.Sprintf("rep%02d", i), Department: model.DeptFieldSales, Active: true})
	}
	day := func() time.Time { return model.Date(now).AddDate(0, 0, -rng.Intn(365)) }
	entered := func(d time.Time) time.Time { return d.Add(time.Duration(9+rng.Intn(40)) * time.Hour) }
	for i := 0; i < nOpps; i++ {
		d := day()
		o := model.Opportunity{RepName: batch.Reps[i%50].Name, Account: fmt.Sprintf("acct%d", i), Created: d,
			Outcome: model.OutcomeOpen, EnteredAt: entered(d)}
		switch i % 3 {
		case 1:
			o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, d, 1_000_000, true
		case 2:
			o.Outcome, o.Closed = model.OutcomeLost, d
		}
		batch.Opportunities = append(batch.Opportunities, o)
	}
	for i := 0; i < nActs; i++ {
		d := day()
		batch.Activities = append(batch.Activities, model.Activity{RepName: batch.Reps[i%50].Name, Kind: model.KindCall,
			Count: 1, Date: d, EnteredAt: entered(d)})
	}
	for i := 0; i < 5000; i++ {
		d := day()
		batch.Leads = append(batch.Leads, model.Lead{Company: "c", Created: d, Status: model.LeadNew, EnteredAt: entered(d)})
	}
	if err := s.BulkInsert(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkAlerts evaluates every alert rule (the tab-bar badge runs this
// on each reload) over 200,000 activities and 30,000 opportunities.
func BenchmarkAlerts(b *testing.B) {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	s := alertsBenchStore(b, 200_000, 30_000, now)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := s.Alerts(ctx, now, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimeliness30Days measures entry timeliness over the last 30
// days of the same data (the alerts pane and kpit alerts).
func BenchmarkTimeliness30Days(b *testing.B) {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	s := alertsBenchStore(b, 200_000, 30_000, now)
	ctx := context.Background()
	from, to := model.Date(now).AddDate(0, 0, -29), model.Date(now).AddDate(0, 0, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := s.Timeliness(ctx, from, to, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}
