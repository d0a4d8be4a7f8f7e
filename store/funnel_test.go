package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

func stageRows(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM stage_history`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMoveStagesRefusesBadMovesAndWritesNothing(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "青木")
		id, err := s.AddLead(ctx, model.Lead{Company: "A社", RepName: "青木", Created: model.D(2026, 11, 10)})
		if err != nil {
			t.Fatal(err)
		}
		ts := func(v string) time.Time { x, _ := time.Parse(time.RFC3339, v); return x }
		before := stageRows(t, s)
		for _, c := range []struct {
			name  string
			moves []model.StageMove
			want  string
		}{
			{"before creation", []model.StageMove{{LeadID: id, Stage: model.FunnelMQL, At: ts("2026-11-09T12:00:00Z")}},
				fmt.Sprintf("lead %d: at: ", id)},
			// The first move is fine; the second goes back without a recycle:
			// neither is written.
			{"back without recycle", []model.StageMove{
				{LeadID: id, Stage: model.FunnelSQL, At: ts("2026-11-11T00:00:00Z")},
				{LeadID: id, Stage: model.FunnelMQL, At: ts("2026-11-12T00:00:00Z")}},
				fmt.Sprintf("lead %d: stage: ", id)},
			{"no such lead", []model.StageMove{{LeadID: 999, Stage: model.FunnelMQL, At: ts("2026-11-12T00:00:00Z")}}, "lead 999: no such lead"},
		} {
			err := s.MoveStages(ctx, c.moves)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: %v, want one line starting %q", c.name, err, c.want)
			}
			if n := stageRows(t, s); n != before {
				t.Errorf("%s: %d stage rows written", c.name, n-before)
			}
		}
		l, err := s.Lead(ctx, id)
		if err != nil || l.Status != model.LeadNew || !l.MQLOn.IsZero() {
			t.Errorf("lead after refusals = %+v, %v", l, err)
		}
		// A good move updates the lead's status and MQL day, once.
		if err := s.MoveStages(ctx, []model.StageMove{{LeadID: id, Stage: model.FunnelMQL, At: ts("2026-11-12T03:00:00Z"), RepName: "青木"}}); err != nil {
			t.Fatal(err)
		}
		l, _ = s.Lead(ctx, id)
		if l.Status != model.LeadMQL || !l.MQLOn.Equal(model.D(2026, 11, 12)) {
			t.Errorf("lead after MQL = %+v", l)
		}
		h, _ := s.StageHistory(ctx, id)
		if len(h) != 2 || h[1].Stage != model.FunnelMQL || h[1].RepName != "青木" || !h[1].At.Equal(ts("2026-11-12T03:00:00Z")) {
			t.Errorf("history = %+v", h)
		}
	})
}

// TestLeadDaysBecomeStageChanges: a lead written the old way (its MQL and
// SQL days) gets the stage changes those days say, once.
func TestLeadDaysBecomeStageChanges(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		id, err := s.AddLead(ctx, model.Lead{Company: "B社", Created: model.D(2026, 11, 2), Status: model.LeadMQL, MQLOn: model.D(2026, 11, 3)})
		if err != nil {
			t.Fatal(err)
		}
		l, _ := s.Lead(ctx, id)
		l.Status, l.SQLOn = model.LeadSQL, model.D(2026, 11, 5)
		if err := s.UpdateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateLead(ctx, l); err != nil { // again: nothing new
			t.Fatal(err)
		}
		h, _ := s.StageHistory(ctx, id)
		var got []string
		for _, m := range h {
			got = append(got, string(m.Stage)+"@"+m.At.Format("01-02T15"))
		}
		if strings.Join(got, " ") != "lead@11-02T00 mql@11-03T00 sql@11-05T00" {
			t.Errorf("history = %v", got)
		}
	})
}

func TestStageDefinitionRevisions(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		def := model.StageDefOf(model.DefaultStageDefs(), model.FunnelMQL)
		def.DefinitionJA, def.DefinitionEN, def.LimitDays = "スコア50以上", "Score 50 or more", 3
		if err := s.ReviseStageDef(ctx, def, RevisionNote{From: model.D(2026, 4, 1), Author: "mk", Reason: "共通定義"}); err != nil {
			t.Fatal(err)
		}
		// The same definition again writes nothing.
		if err := s.ReviseStageDef(ctx, def, RevisionNote{From: model.D(2026, 5, 1), Reason: "again"}); err != nil {
			t.Fatal(err)
		}
		def2 := def
		def2.LimitDays = 1
		if err := s.ReviseStageDef(ctx, def2, RevisionNote{From: model.D(2026, 10, 1), Reason: "faster hand-off"}); err != nil {
			t.Fatal(err)
		}
		bad := def2
		bad.Owner = "sales"
		if err := s.ReviseStageDef(ctx, bad, RevisionNote{Reason: "x"}); err == nil || !strings.HasPrefix(err.Error(), "owner: ") {
			t.Errorf("unknown owner: %v", err)
		}
		revs, err := s.StageDefRevisions(ctx)
		if err != nil || len(revs) != 2 {
			t.Fatalf("revisions = %+v, %v", revs, err)
		}
		if revs[0].Reason != "共通定義" || revs[0].Author != "mk" || !revs[0].EffectiveFrom.Equal(model.D(2026, 4, 1)) ||
			revs[1].Reason != "faster hand-off" || !revs[1].RecordedAt.Equal(testNow) {
			t.Errorf("revisions = %+v", revs)
		}
		for _, c := range []struct {
			day   time.Time
			limit int
			def   string
		}{{model.D(2026, 3, 31), 2, ""}, {model.D(2026, 9, 30), 3, "スコア50以上"}, {model.D(2026, 10, 1), 1, "スコア50以上"}} {
			defs, _ := s.StageDefsAsOf(ctx, c.day)
			got := model.StageDefOf(defs, model.FunnelMQL)
			if got.LimitDays != c.limit || got.DefinitionJA != c.def {
				t.Errorf("as of %s: %+v", model.FormatDate(c.day), got)
			}
		}
	})
}

// TestFunnelMigrationBackfill opens a file as kpit left it at schema 7:
// its leads' days become stage changes and its MQL/SQL definitions first
// revisions.
func TestFunnelMigrationBackfill(t *testing.T) {
	ctx := context.Background()
	path := oldDatabase(t, 7,
		`INSERT INTO leads (company, created, status, mql_on, sql_on, entered_at, updated_at) VALUES
			('A', '2026-11-01', 'sql', '2026-11-02', '2026-11-04', '2026-11-01T09:00:00Z', '2026-11-04T09:00:00Z'),
			('B', '2026-11-02', 'mql', '2026-11-02', NULL, '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z'),
			('C', '2026-11-03', 'new', NULL, NULL, '2026-11-03T09:00:00Z', '2026-11-03T09:00:00Z')`,
		`INSERT INTO settings (key, value) VALUES ('funnel.mql_definition', 'スコア50以上'), ('funnel.handoff_days', '3')`,
	)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := stageRows(t, s); n != 3+2+1 {
		t.Errorf("stage rows = %d, want 6", n)
	}
	cs, err := s.FunnelCohorts(ctx, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), testNow, "")
	if err != nil {
		t.Fatal(err)
	}
	// lead 3 (A, B, C), 2 reached MQL (A after 24h, B at once); MQL 2, 1 reached SQL after 48h.
	if cs[0].Reached != 3 || fmt.Sprint(cs[0].LagsSeconds) != "[86400 0]" || cs[1].Reached != 2 || fmt.Sprint(cs[1].LagsSeconds) != "[172800]" {
		t.Errorf("cohorts = %+v", cs)
	}
	defs, _ := s.StageDefsAsOf(ctx, model.D(2026, 11, 1))
	if d := model.StageDefOf(defs, model.FunnelMQL); d.DefinitionJA != "スコア50以上" || d.LimitDays != 3 {
		t.Errorf("MQL definition = %+v", d)
	}
}

// TestDisqualifiedLeadsWaitForNobody: a lead past its MQL limit is
// overdue until it is disqualified.
func TestDisqualifiedLeadsWaitForNobody(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		id, err := s.AddLead(ctx, model.Lead{Company: "C社", Created: model.D(2026, 11, 2), Status: model.LeadMQL, MQLOn: model.D(2026, 11, 2)})
		if err != nil {
			t.Fatal(err)
		}
		defs := model.DefaultStageDefs()
		o, err := s.OverdueLeads(ctx, defs, testNow, time.UTC)
		// MQL on Mon 2 Nov 00:00 UTC, 2 business days (3 Nov is a holiday):
		// due Thu 5 Nov 00:00; at 26 Nov 12:00, 21.5 days over.
		if err != nil || len(o) != 1 || o[0].LeadID != id || o[0].HoursOver != 21*24+12 {
			t.Fatalf("overdue = %+v, %v", o, err)
		}
		l, _ := s.Lead(ctx, id)
		l.Status = model.LeadDisqualified
		if err := s.UpdateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if o, err := s.OverdueLeads(ctx, defs, testNow, time.UTC); err != nil || len(o) != 0 {
			t.Errorf("overdue after disqualifying = %+v, %v", o, err)
		}
	})
}
