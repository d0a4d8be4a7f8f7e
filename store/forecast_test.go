package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestForecastMigration builds a file as kpit left it at schema version 5,
// with an open deal and a journaled change of it, and opens it: the deal
// reads unrated with its expected close date kept, can be rated, the rating
// is recorded as a forecast change, and undoing the old journal entry (a
// before-image without a forecast) still works.
func TestForecastMigration(t *testing.T) {
	ctx := context.Background()
	path := oldDatabase(t, 5,
		`INSERT INTO reps (id, name, department, created_at) VALUES (1, '佐藤', 'field_sales', '2026-04-01T09:00:00Z')`,
		`INSERT INTO opportunities (id, rep_id, account, stage, created, closed, amount_yen, outcome, entered_at, updated_at)
			VALUES (1, 1, 'ACME', '提案', '2026-10-01', '2026-11-25', 1200000, 'open', '2026-10-01T09:00:00Z', '2026-10-02T09:00:00Z')`,
		`INSERT INTO changes (at, table_name, row_id, action, before) VALUES ('2026-10-02T09:00:00Z', 'opportunities', 1, 'update',
			json_object('external_id', NULL, 'rep_id', 1, 'account', 'ACME', 'product', '', 'stage', '初回', 'created', '2026-10-01',
				'closed', NULL, 'amount_yen', 1200000, 'outcome', 'open', 'lost_reason', '', 'entered_at', '2026-10-01T09:00:00Z',
				'updated_at', '2026-10-01T09:00:00Z', 'deleted_at', NULL))`,
	)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetClock(func() time.Time { return testNow })
	o, err := s.Opportunity(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if o.Forecast != model.ForecastUnrated || model.FormatDate(o.Closed) != "2026-11-25" {
		t.Fatalf("migrated deal = %+v", o)
	}
	o.Forecast = model.ForecastCommit
	if err := s.UpdateOpportunity(ctx, o); err != nil {
		t.Fatal(err)
	}
	got, err := s.ForecastChangesSince(ctx, testNow.Add(-time.Minute))
	if err != nil || len(got) != 1 || got[0].ForecastBefore != model.ForecastUnrated || got[0].ForecastAfter != model.ForecastCommit {
		t.Fatalf("changes = %+v, %v", got, err)
	}
	// Undo the rating, then the migrated journal entry.
	for range 2 {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	o, err = s.Opportunity(ctx, 1)
	if err != nil || o.Forecast != model.ForecastUnrated || o.Stage != "初回" || !o.Closed.IsZero() {
		t.Fatalf("after undo = %+v, %v", o, err)
	}
}

// TestForecastColumnRefusesUnknownCategory: the check holds even for a
// write that bypasses the model's rule.
func TestForecastColumnRefusesUnknownCategory(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		s := openClocked(t)
		addReps(t, s, "佐藤")
		_, err := s.AddOpportunity(context.Background(), model.Opportunity{RepName: "佐藤", Outcome: model.OutcomeOpen,
			Forecast: "maybe", Created: testNow})
		if err == nil {
			t.Fatal("an unknown category was stored")
		}
		if _, err := s.db.Exec(`INSERT INTO opportunities (rep_id, created, outcome, forecast, entered_at, updated_at)
		VALUES (1, '2026-11-01', 'open', 'maybe', 'x', 'x')`); err == nil {
			t.Error("the column took an unknown category")
		}
	})
}
