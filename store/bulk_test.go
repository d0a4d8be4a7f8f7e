package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// A bad row among many written a statement at a time is named by its own
// place in the batch, and the batch writes nothing; a good batch of the same
// size writes every row, in order (ids follow the batch).
func TestBulkInsertNamesTheBadRow(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	batch := func(bad int) Batch {
		b := Batch{Reps: []model.Rep{{Name: "佐藤", Department: model.DeptFieldSales, Active: true}}}
		b.Opportunities = []model.Opportunity{{RepName: "佐藤", Account: "A社", Created: day, Outcome: model.OutcomeOpen}}
		for i := 0; i < 2*multiRows+7; i++ {
			a := model.Activity{Date: day, RepName: "佐藤", Kind: model.KindCall, Count: 1, Account: "A社", OpportunityID: 1,
				Note: strings.Repeat("x", i)}
			if i == bad {
				a.OpportunityID = 99 // no such deal: a foreign-key failure only the database sees
			}
			b.Activities = append(b.Activities, a)
		}
		return b
	}
	for _, bad := range []int{multiRows + 12, 2*multiRows + 3} {
		err := s.BulkInsert(ctx, batch(bad))
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("activity %d:", bad+1)) {
			t.Fatalf("bad row %d: got %v, want an error naming activity %d", bad+1, err, bad+1)
		}
		c, err := s.RecordCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Total() != 0 || c.Reps != 0 {
			t.Fatalf("bad row %d: a failed batch left %+v", bad+1, c)
		}
	}
	if err := s.BulkInsert(ctx, batch(-1)); err != nil {
		t.Fatal(err)
	}
	var n, ordered int
	if err := s.db.QueryRow(`SELECT count(*), sum(length(note) = id - 1) FROM activities`).Scan(&n, &ordered); err != nil {
		t.Fatal(err)
	}
	if n != 2*multiRows+7 || ordered != n {
		t.Fatalf("%d activities, %d in the batch's order; want %d in order", n, ordered, 2*multiRows+7)
	}
}
