package store

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// reachedRecount is the leads reaching each stage per UTC day counted
// here from stage_history: each live lead's first time at each stage, on
// its day (the first second of it, as funnel_reached keys it).
func reachedRecount(t *testing.T, s *Store) (perDay map[string]int64, first map[string][]int64) {
	t.Helper()
	rows, err := s.db.Query(`SELECT h.lead_id, h.stage, h.at FROM stage_history h JOIN leads l ON l.id = h.lead_id
		WHERE l.deleted_at IS NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	firstAt := map[string]int64{} // lead|stage -> unix
	for rows.Next() {
		var id int64
		var st, at string
		if err := rows.Scan(&id, &st, &at); err != nil {
			t.Fatal(err)
		}
		tm, err := time.Parse(time.RFC3339, at)
		if err != nil {
			t.Fatal(err)
		}
		k := fmt.Sprint(id, "|", st)
		if v, ok := firstAt[k]; !ok || tm.Unix() < v {
			firstAt[k] = tm.Unix()
		}
	}
	perDay, first = map[string]int64{}, map[string][]int64{}
	for k, u := range firstAt {
		var id int64
		var st string
		fmt.Sscanf(k, "%d|%s", &id, &st)
		day := time.Unix(u, 0).UTC().Truncate(24 * time.Hour).Unix()
		perDay[fmt.Sprint(st, " ", day)]++
		first[st] = append(first[st], u)
	}
	return perDay, first
}

// reachedKept is funnel_reached's rows with a count.
func reachedKept(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	rows, err := s.db.Query(`SELECT stage, day_s, n FROM funnel_reached WHERE n <> 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var st string
		var day, n int64
		if err := rows.Scan(&st, &day, &n); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprint(st, " ", day)] = n
	}
	return out
}

// TestFunnelReachedEqualsRecount: the per-day counts the triggers keep in
// funnel_reached equal a recount from stage_history after moves (a
// recycle among them), an undo, a lead deleted and an import; and the
// funnel's counts read through them equal the recount for ranges with
// part days at either end, within one day, and open at the start.
func TestFunnelReachedEqualsRecount(t *testing.T) {
	onBothAlways(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "青木", "佐藤")
		check := func(after string) {
			t.Helper()
			want, first := reachedRecount(t, s)
			if got := reachedKept(t, s); !maps.Equal(got, want) {
				t.Fatalf("after %s funnel_reached is\n%v\nthe recount from stage_history\n%v", after, got, want)
			}
			jst := time.FixedZone("JST", 9*3600)
			for _, r := range [][2]time.Time{
				{time.Date(2026, 10, 30, 0, 0, 0, 0, jst), time.Date(2026, 11, 20, 0, 0, 0, 0, jst)},
				{time.Date(2026, 11, 3, 7, 30, 0, 0, time.UTC), time.Date(2026, 11, 3, 19, 0, 0, 0, time.UTC)},
				{time.Unix(0, 0), testNow.Add(time.Second)},
			} {
				cohorts, err := s.FunnelCohorts(ctx, r[0], r[1], testNow, "")
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cohorts {
					n := 0
					for _, u := range first[string(c.Stage)] {
						if u >= r[0].Unix() && u < r[1].Unix() {
							n++
						}
					}
					if c.Reached != n {
						t.Errorf("after %s: %s reached in %v..%v: %d, recount %d", after, c.Stage, r[0], r[1], c.Reached, n)
					}
				}
			}
		}
		var ids []int64
		for i, day := range []int{1, 2, 3, 3, 5} {
			id, err := s.AddLead(ctx, model.Lead{Company: fmt.Sprint("社", i), RepName: "青木", Created: model.D(2026, 11, day)})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		check("adding leads")
		at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 15, 0, 0, time.UTC) }
		if err := s.MoveStages(ctx, []model.StageMove{
			{LeadID: ids[0], Stage: model.FunnelMQL, At: at(2, 9)},
			{LeadID: ids[0], Stage: model.FunnelSQL, At: at(3, 20)},
			{LeadID: ids[1], Stage: model.FunnelMQL, At: at(3, 23)},
			{LeadID: ids[2], Stage: model.FunnelMQL, At: at(4, 1)},
			{LeadID: ids[2], Stage: model.FunnelSQL, At: at(6, 10)},
			{LeadID: ids[2], Stage: model.FunnelMQL, At: at(7, 10), Recycle: true},
			{LeadID: ids[2], Stage: model.FunnelSQL, At: at(9, 10)},
			{LeadID: ids[0], Stage: model.FunnelOpportunity, At: at(10, 3)},
		}); err != nil {
			t.Fatal(err)
		}
		check("moves")
		if err := s.MoveStages(ctx, []model.StageMove{{LeadID: ids[0], Stage: model.FunnelWon, At: at(20, 4)}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		check("an undone move")
		if err := s.Delete(ctx, model.RecordLead, ids[2]); err != nil {
			t.Fatal(err)
		}
		check("a lead deleted")
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		check("the deletion undone")
		is, err := s.BeginImport(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := is.UpsertLeads(ctx, []model.Lead{
			{ExternalID: "sf-1", Company: "輸入1", Created: model.D(2026, 11, 4), Status: model.LeadSQL,
				MQLOn: model.D(2026, 11, 5), SQLOn: model.D(2026, 11, 8)},
			{ExternalID: "sf-2", Company: "輸入2", Created: model.D(2026, 11, 6), Status: model.LeadConverted,
				MQLOn: model.D(2026, 11, 6), SQLOn: model.D(2026, 11, 7), OpportunityOn: model.D(2026, 11, 12)},
		}); err != nil {
			t.Fatal(err)
		}
		if err := is.Commit(); err != nil {
			t.Fatal(err)
		}
		check("an import")
		if got := reachedKept(t, s); len(got) < 8 {
			t.Fatalf("only %d day rows: the test would prove little", len(got))
		}
	})
}
