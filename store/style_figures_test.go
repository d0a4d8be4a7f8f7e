package store

import (
	"context"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func TestStyleFigures(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		s := openTemp(t)
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := s.db.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		const at = "2026-11-26T00:00:00Z"
		exec(`INSERT INTO reps (id, name, department, created_at) VALUES (1, '田中', 'field_sales', ?)`, at)
		opp := func(account, outcome, closed string, amount int, deleted any) {
			exec(`INSERT INTO opportunities (rep_id, account, created, closed, amount_yen, outcome, entered_at, updated_at, deleted_at)
			VALUES (1, ?, '2026-09-01', ?, ?, ?, ?, ?, ?)`, account, closed, amount, outcome, at, at, deleted)
		}
		opp("A", "won", "2026-10-05", 1000, nil) // A's first win, before November
		opp("A", "won", "2026-11-10", 300, nil)  // existing customer in November
		opp("B", "won", "2026-11-03", 700, nil)  // B's first win: new
		opp("C", "lost", "2026-11-04", 0, nil)
		opp("D", "won", "2026-11-20", 100, nil) // D's first win: new
		opp("D", "won", "2026-11-25", 50, nil)  // D again: existing revenue
		opp("E", "won", "2026-11-06", 900, "2026-11-07T00:00:00Z")
		opp("", "won", "2026-11-08", 400, nil) // no account: neither new nor existing
		nov := model.PeriodOf(model.Month, model.D(2026, 11, 1), 4)
		got, err := s.StyleFigures(context.Background(), ForPeriod(nov))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]model.Value{
			"new_orders_won":   model.Some(2),   // B and D
			"existing_revenue": model.Some(350), // A 300 + D's second 50
		}
		for k, w := range want {
			if g := got[k]; g.Valid != w.Valid || g.V-w.V > 1e-9 || w.V-g.V > 1e-9 {
				t.Errorf("%s = %+v, want %+v", k, g, w)
			}
		}
		sep := model.PeriodOf(model.Month, model.D(2025, 9, 1), 4)
		empty, err := s.StyleFigures(context.Background(), ForPeriod(sep))
		if err != nil {
			t.Fatal(err)
		}
		if empty["existing_revenue"] != model.Some(0) || empty["new_orders_won"] != model.Some(0) {
			t.Errorf("a period with nothing in it gives %+v", empty)
		}
	})
}
