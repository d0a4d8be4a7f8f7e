package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// A snoozed alert is left out of Alerts for the days given and comes back
// on the day after; the other alerts stay; a snooze needs days and a reason.
func TestSnoozeHidesAnAlertForItsDays(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		s.SetClock(func() time.Time { return time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC) })
		addReps(t, s, "田中", "鈴木") // neither enters anything: two stale-rep alerts
		day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
		reps := func(now time.Time) []string {
			t.Helper()
			alerts, _, err := s.Alerts(ctx, now, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, a := range alerts {
				if a.Kind == model.AlertStaleRep {
					out = append(out, a.RepName)
				}
			}
			return out
		}
		if got := reps(day(20)); len(got) != 2 {
			t.Fatalf("stale reps on 11-20: %v, want both", got)
		}
		stale := model.Alert{Kind: model.AlertStaleRep, RepName: "田中"}
		if err := s.Snooze(ctx, stale, day(20), 0, "休暇"); err == nil {
			t.Fatal("a snooze of 0 days was accepted")
		}
		if err := s.Snooze(ctx, stale, day(20), 3, " "); err == nil {
			t.Fatal("a snooze without a reason was accepted")
		}
		if err := s.Snooze(ctx, stale, day(20), 3, "休暇中"); err != nil {
			t.Fatal(err)
		}
		// Snoozed on the 20th for 3 days: hidden the 20th to the 22nd, back on the 23rd.
		for d, want := range map[int]int{20: 1, 21: 1, 22: 1, 23: 2} {
			got := reps(day(d))
			if len(got) != want {
				t.Errorf("11-%d: stale reps %v, want %d", d, got, want)
			}
			if want == 1 && got[0] != "鈴木" {
				t.Errorf("11-%d: the snoozed rep's alert is shown: %v", d, got)
			}
		}
		var reason, author string
		if err := s.db.QueryRow(`SELECT reason, author FROM alert_snoozes`).Scan(&reason, &author); err != nil || reason != "休暇中" || author == "" {
			t.Errorf("stored snooze: %q by %q (%v)", reason, author, err)
		}
	})
}
