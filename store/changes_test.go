package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// A second handle on the same file (as another kpit process would be)
// writes; the first one's data version changes and its kept sums are read
// again, so it sees the new visit. Without a write the version stays.
func TestDataVersionSeesAnotherHandlesWrite(t *testing.T) {
	ctx := context.Background()
	reader := openTemp(t)
	writer, err := Open(reader.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, s := range []*Store{reader, writer} {
		s.SetClock(func() time.Time { return today.Add(10 * time.Hour) })
	}
	rep, err := writer.AddRep(ctx, model.Rep{Name: "Sato", Department: model.DeptFieldSales, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	month := Filter{From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	visits := func() float64 {
		t.Helper()
		c, err := reader.Counts(ctx, month)
		if err != nil {
			t.Fatal(err)
		}
		return c[model.MetricVisits]
	}
	version := func() int64 {
		t.Helper()
		v, err := reader.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	v0 := version()
	if got := visits(); got != 0 {
		t.Fatalf("visits before any write = %v, want 0", got)
	}
	if v := version(); v != v0 {
		t.Fatalf("version moved from %d to %d with no write", v0, v)
	}
	if _, err := writer.AddActivity(ctx, model.Activity{Date: today, RepID: rep, Kind: model.KindVisit, Count: 3}); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 == v0 {
		t.Fatalf("version stayed %d after another handle's write", v0)
	}
	if got := visits(); got != 3 {
		t.Fatalf("visits after the other handle wrote 3 = %v (a stale kept sum)", got)
	}
	// The reader's own write is seen too: it goes through another
	// connection than the one that watches.
	if _, err := reader.AddActivity(ctx, model.Activity{Date: today, RepID: rep, Kind: model.KindVisit, Count: 2}); err != nil {
		t.Fatal(err)
	}
	if v := version(); v == v1 {
		t.Fatalf("version stayed %d after the store's own write", v1)
	}
	if got := visits(); got != 5 {
		t.Fatalf("visits after its own write of 2 more = %v, want 5", got)
	}
}

// A kept answer is a copy: changing what one caller got does not change
// what the next one gets.
func TestKeptSumsAreCopies(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return day.Add(10 * time.Hour) })
	rep, err := s.AddRep(ctx, model.Rep{Name: "Sato", Department: model.DeptFieldSales, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddActivity(ctx, model.Activity{Date: day, RepID: rep, Kind: model.KindCall, Count: 4}); err != nil {
		t.Fatal(err)
	}
	f := Filter{From: day, To: day.AddDate(0, 0, 1)}
	first, err := s.Counts(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	first[model.MetricCalls] = 99
	again, err := s.Counts(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if again[model.MetricCalls] != 4 {
		t.Fatalf("calls read again = %v, want 4", again[model.MetricCalls])
	}
	byRep, err := s.CountsByRep(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	byRep[rep][model.MetricCalls] = 99
	if byRep, _ = s.CountsByRep(ctx, f); byRep[rep][model.MetricCalls] != 4 {
		t.Fatalf("rep's calls read again = %v, want 4", byRep[rep][model.MetricCalls])
	}
}
