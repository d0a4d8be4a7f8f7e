package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// rollup reads one roll-up cell (0 when absent).
func rollup(t *testing.T, s *Store, day, metric string) int64 {
	t.Helper()
	var v int64
	err := s.db.QueryRow(`SELECT coalesce(sum(value), 0) FROM rollup_daily WHERE day = ? AND metric = ?`, day, metric).Scan(&v)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportSessionUpsertsAndKeepsRollupRight(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		s.SetClock(func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) })

		is, err := s.BeginImport(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tanaka, err := is.Rep(ctx, "田中", model.DeptFieldSales)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := is.Rep(ctx, "田中", model.DeptMarketing); again != tanaka || is.RepsCreated() != 1 {
			t.Fatalf("second lookup gave %d (want %d), created %d", again, tanaka, is.RepsCreated())
		}
		opps := []model.Opportunity{
			{ExternalID: "D-1", RepID: tanaka, Stage: "Won", Created: model.D(2026, 10, 1), Closed: model.D(2026, 11, 2), AmountMinor: 1_200_000, HasAmount: true, Outcome: model.OutcomeWon},
			{ExternalID: "D-2", RepID: tanaka, Stage: "Lost", Created: model.D(2026, 10, 1), Closed: model.D(2026, 11, 3), Outcome: model.OutcomeLost},
			{ExternalID: "D-3", RepID: tanaka, Stage: "Prospecting", Outcome: model.OutcomeOpen}, // no created day: the import day
		}
		ins, upd, same, err := is.UpsertOpportunities(ctx, opps)
		if err != nil || ins != 3 || upd != 0 || same != 0 {
			t.Fatalf("first upsert: %d %d %d %v", ins, upd, same, err)
		}
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := rollup(t, s, "2026-10-01", "opportunities"); got != 2 {
			t.Errorf("opportunities on 10-01 = %d; want 2", got)
		}
		if got := rollup(t, s, "2026-11-26", "opportunities"); got != 1 {
			t.Errorf("opportunities on the import day = %d; want 1", got)
		}
		if got := rollup(t, s, "2026-11-02", "revenue"); got != 1_200_000 {
			t.Errorf("revenue on 11-02 = %d", got)
		}

		// The same records again change nothing; D-1 moved and repriced, and
		// D-3 sent without a created day, keep its stored one. (A rep created
		// by a session has a provisional id until its move: the next session
		// reads the stored one.)
		is, _ = s.BeginImport(ctx)
		if tanaka, _ = is.Rep(ctx, "田中", model.DeptFieldSales); tanaka <= 0 || is.RepsCreated() != 0 {
			t.Fatalf("the stored rep: id %d, created %d", tanaka, is.RepsCreated())
		}
		for i := range opps {
			opps[i].RepID = tanaka
		}
		opps[0].Closed, opps[0].AmountMinor = model.D(2026, 11, 20), 1_500_000
		ins, upd, same, err = is.UpsertOpportunities(ctx, opps)
		if err != nil || ins != 0 || upd != 1 || same != 2 {
			t.Fatalf("second upsert: %d %d %d %v", ins, upd, same, err)
		}
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		if a, b := rollup(t, s, "2026-11-02", "revenue"), rollup(t, s, "2026-11-20", "revenue"); a != 0 || b != 1_500_000 {
			t.Errorf("revenue after the move: 11-02 %d, 11-20 %d; want 0 and 1,500,000", a, b)
		}
		if got := rollup(t, s, "2026-11-20", "orders_won"); got != 1 {
			t.Errorf("orders won on 11-20 = %d", got)
		}
		if n := count(t, s, "opportunities"); n != 3 {
			t.Errorf("opportunities = %d", n)
		}

		// A rolled-back session leaves nothing behind, reps included.
		is, _ = s.BeginImport(ctx)
		sato, _ := is.Rep(ctx, "佐藤", model.DeptInsideSales)
		is.UpsertOpportunities(ctx, []model.Opportunity{{ExternalID: "D-9", RepID: sato, Created: model.D(2026, 9, 9), Outcome: model.OutcomeOpen}})
		if err := is.Rollback(); err != nil {
			t.Fatal(err)
		}
		if n, r := count(t, s, "opportunities"), count(t, s, "reps"); n != 3 || r != 1 {
			t.Errorf("after rollback: %d opportunities, %d reps; want 3 and 1", n, r)
		}
		if got := rollup(t, s, "2026-09-09", "opportunities"); got != 0 {
			t.Errorf("roll-up kept a rolled-back row: %d", got)
		}
	})
}

func TestImportSessionOtherKinds(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		is, err := s.BeginImport(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ins, upd, same, err := is.UpsertReps(ctx, []model.Rep{{Name: "山田", Department: model.DeptMarketing, Active: true}})
		if err != nil || ins != 1 {
			t.Fatalf("reps: %d %d %d %v", ins, upd, same, err)
		}
		yamada, _ := is.Rep(ctx, "山田", model.DeptFieldSales)
		is.UpsertOpportunities(ctx, []model.Opportunity{{ExternalID: "D-1", RepID: yamada, Created: model.D(2026, 11, 1), Outcome: model.OutcomeOpen}})
		if _, ok, _ := is.OpportunityID(ctx, "D-1"); ok {
			t.Fatal("a staged opportunity was found before the move")
		}
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		// Activities name opportunities stored before their import.
		is, _ = s.BeginImport(ctx)
		yamada, _ = is.Rep(ctx, "山田", model.DeptFieldSales)
		opp, ok, err := is.OpportunityID(ctx, "D-1")
		if err != nil || !ok {
			t.Fatalf("opportunity id: %v %v", ok, err)
		}
		acts := []model.Activity{
			{ExternalID: "A-1", Date: model.D(2026, 11, 2), RepID: yamada, Kind: model.KindVisit, Count: 2, OpportunityID: opp},
			{ExternalID: "A-2", Date: model.D(2026, 11, 2), RepID: yamada, Kind: model.KindVisit, Count: 3},
		}
		if ins, _, _, err := is.UpsertActivities(ctx, acts); err != nil || ins != 2 {
			t.Fatalf("activities: %d %v", ins, err)
		}
		if ins, _, _, err := is.UpsertLeads(ctx, []model.Lead{{ExternalID: "L-1", Company: "あおば", Created: model.D(2026, 11, 2), Status: model.LeadMQL, MQLOn: model.D(2026, 11, 3)}}); err != nil || ins != 1 {
			t.Fatalf("leads: %d %v", ins, err)
		}
		if ins, _, _, err := is.UpsertCustomers(ctx, []model.Customer{{ExternalID: "C-1", Name: "あおば", RepID: yamada, Started: model.D(2026, 4, 1), MRRMinor: 50000}}); err != nil || ins != 1 {
			t.Fatalf("customers: %d %v", ins, err)
		}
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := rollup(t, s, "2026-11-02", "visits"); got != 5 {
			t.Errorf("visits = %d; want 2+3", got)
		}
		if got := rollup(t, s, "2026-11-02", "leads"); got != 1 {
			t.Errorf("leads = %d", got)
		}

		is, _ = s.BeginImport(ctx)
		acts[1].Count = 1
		ins, upd, same, err = is.UpsertActivities(ctx, acts)
		if err != nil || ins != 0 || upd != 1 || same != 1 {
			t.Fatalf("activities again: %d %d %d %v", ins, upd, same, err)
		}
		ins, upd, same, err = is.UpsertReps(ctx, []model.Rep{{Name: "山田", Department: model.DeptInsideSales, Active: true}})
		if err != nil || upd != 1 {
			t.Fatalf("rep move: %d %d %d %v", ins, upd, same, err)
		}
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := rollup(t, s, "2026-11-02", "visits"); got != 3 {
			t.Errorf("visits after update = %d; want 2+1", got)
		}
	})
}

func TestExportLeavesOutTombstones(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		is, _ := s.BeginImport(ctx)
		rep, _ := is.Rep(ctx, "田中", model.DeptFieldSales)
		is.UpsertOpportunities(ctx, []model.Opportunity{
			{ExternalID: "D-1", RepID: rep, Created: model.D(2026, 11, 1), Outcome: model.OutcomeOpen},
			{ExternalID: "D-2", RepID: rep, Created: model.D(2026, 11, 1), Outcome: model.OutcomeOpen},
		})
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`UPDATE opportunities SET deleted_at = '2026-11-26T00:00:00Z' WHERE external_id = 'D-2'`); err != nil {
			t.Fatal(err)
		}
		var ids []string
		s.ExportOpportunities(ctx, func(o model.Opportunity) error { ids = append(ids, o.ExternalID+"/"+o.RepName); return nil })
		if len(ids) != 1 || ids[0] != "D-1/田中" {
			t.Fatalf("exported %v; want only D-1", ids)
		}
		// Re-importing a tombstoned record matches it and leaves it deleted.
		is, _ = s.BeginImport(ctx)
		rep, _ = is.Rep(ctx, "田中", model.DeptFieldSales)
		ins, upd, same, err := is.UpsertOpportunities(ctx, []model.Opportunity{{ExternalID: "D-2", RepID: rep, Created: model.D(2026, 11, 1), Outcome: model.OutcomeOpen}})
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		if err != nil || ins != 0 || same != 1 || upd != 0 {
			t.Fatalf("re-import of a tombstone: %d %d %d %v", ins, upd, same, err)
		}
		if got := rollup(t, s, "2026-11-01", "opportunities"); got != 1 {
			t.Errorf("opportunities roll-up = %d; want 1 (the tombstone stays out)", got)
		}
	})
}

func TestImportProfiles(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if err := s.SaveImportProfile(ctx, "sfdc", "opportunities", `{"kind":"opportunities"}`); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveImportProfile(ctx, "sfdc", "leads", `{"kind":"leads"}`); err != nil {
			t.Fatal(err)
		}
		kind, spec, ok, err := s.ImportProfile(ctx, "sfdc")
		if err != nil || !ok || kind != "leads" || spec != `{"kind":"leads"}` {
			t.Fatalf("profile = %s %s %v %v", kind, spec, ok, err)
		}
		if _, _, ok, _ := s.ImportProfile(ctx, "none"); ok {
			t.Fatal("found a profile never saved")
		}
		names, _ := s.ImportProfileNames(ctx)
		if len(names) != 1 {
			t.Fatalf("names = %v", names)
		}
	})
}
