package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestLateActivityKeepsItsKind: a late activity without an account comes
// back with an empty subject and its kind, for the wording to name it.
func TestLateActivityKeepsItsKind(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	s.SetClock(func() time.Time { return time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC) })
	addReps(t, s, "林 和也")
	// A Monday call entered on Friday: due Tuesday, late.
	s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	id, err := s.AddActivity(ctx, model.Activity{RepName: "林 和也", Kind: model.KindCall, Count: 1, Date: model.D(2026, 11, 16)})
	if err != nil {
		t.Fatal(err)
	}
	alerts, _, err := s.Alerts(ctx, time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var late []model.Alert
	for _, a := range alerts {
		if a.Kind == model.AlertLateEntry {
			late = append(late, a)
		}
	}
	if len(late) != 1 || late[0].RecordID != id || late[0].Subject != "" || late[0].ActivityKind != model.KindCall || late[0].Days != 3 {
		t.Fatalf("late entries %+v", late)
	}
}
