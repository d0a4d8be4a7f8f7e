package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// funnelRows is every row of stage_history and lead_funnel, each column
// printed, in id order: what an undo must put back exactly.
func funnelRows(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'h', id, lead_id, stage, at, coalesce(rep_id, -1), recycle, entered_at FROM stage_history ORDER BY id`,
		`SELECT 'f', lead_id, coalesce(lead_s, -1), coalesce(mql_s, -1), coalesce(sql_s, -1), coalesce(opportunity_s, -1),
			coalesce(won_s, -1), current_stage, current_s, recycles, status FROM lead_funnel ORDER BY lead_id`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%v", vals))
		}
		rows.Close()
	}
	return out
}

// Undoing a lead's edit, stage move or creation leaves stage_history and
// lead_funnel row for row as they were before it.
func TestUndoRestoresTheStageRows(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "青木", "佐藤")
		other, err := s.AddLead(ctx, model.Lead{Company: "B社", RepName: "佐藤", Created: model.D(2026, 11, 2), Status: model.LeadMQL,
			MQLOn: model.D(2026, 11, 3)})
		if err != nil {
			t.Fatal(err)
		}
		id, err := s.AddLead(ctx, model.Lead{Company: "A社", RepName: "青木", Created: model.D(2026, 11, 2)})
		if err != nil {
			t.Fatal(err)
		}
		l, err := s.Lead(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		undoCompare := func(what string, write func() error) {
			t.Helper()
			before := funnelRows(t, s)
			if err := write(); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if after := funnelRows(t, s); slices.Equal(after, before) {
				t.Fatalf("%s wrote no stage row: the test would prove nothing", what)
			}
			if _, err := s.Undo(ctx); err != nil {
				t.Fatalf("undo %s: %v", what, err)
			}
			if got := funnelRows(t, s); !slices.Equal(got, before) {
				t.Errorf("after undoing %s the stage rows are\n%v\nwant\n%v", what, got, before)
			}
		}
		undoCompare("an edit giving MQL and SQL days", func() error {
			e := l
			e.Status, e.MQLOn, e.SQLOn = model.LeadSQL, model.D(2026, 11, 4), model.D(2026, 11, 6)
			return s.UpdateLead(ctx, e)
		})
		if got, _ := s.Lead(ctx, id); got.Status != model.LeadNew || !got.MQLOn.IsZero() || !got.SQLOn.IsZero() {
			t.Errorf("lead after undo = %+v, want it new with no MQL/SQL day", got)
		}
		undoCompare("a move to opportunity", func() error {
			return s.MoveStages(ctx, []model.StageMove{{LeadID: other, Stage: model.FunnelOpportunity, At: testNow.Add(-48 * 3600e9)}})
		})
		if got, _ := s.Lead(ctx, other); got.Status != model.LeadMQL {
			t.Errorf("lead %d after undoing its move is %s, want mql", other, got.Status)
		}
		undoCompare("a new lead at SQL", func() error {
			_, err := s.AddLead(ctx, model.Lead{Company: "C社", Created: model.D(2026, 11, 5), Status: model.LeadSQL,
				MQLOn: model.D(2026, 11, 5), SQLOn: model.D(2026, 11, 6)})
			return err
		})
	})
}
