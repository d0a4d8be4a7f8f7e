package store

import (
	"context"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// StageOverdue, which counts most overdue leads in an index range, equals
// every waiting lead judged one by one (OverdueLeads, model.CountOverdue),
// at moments around weekends, 祝日 and the time of day leads arrived, in
// UTC and in Japan.
func TestStageOverdueEqualsEveryLeadJudged(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "青木", "林")
		r := rand.New(rand.NewSource(7))
		start := time.Date(2026, 9, 22, 0, 0, 0, 0, time.UTC)
		var moves []model.StageMove
		for i := 0; i < 80; i++ {
			at := start.Add(time.Duration(r.Intn(62*24*60)) * time.Minute)
			rep := []string{"", "青木", "林"}[i%3]
			id, err := s.AddLead(ctx, model.Lead{Company: "社", RepName: rep, Created: model.Date(at)})
			if err != nil {
				t.Fatal(err)
			}
			moves = append(moves, model.StageMove{LeadID: id, Stage: model.FunnelMQL, At: at.Add(time.Minute)})
			if i%4 == 1 {
				moves = append(moves, model.StageMove{LeadID: id, Stage: model.FunnelSQL, At: at.Add(time.Duration(r.Intn(3*24*60)+2) * time.Minute)})
			}
			if i%9 == 4 || i%9 == 5 {
				l, _ := s.Lead(ctx, id)
				l.Status = map[int]model.LeadStatus{4: model.LeadDisqualified, 5: model.LeadConverted}[i%9]
				if err := s.UpdateLead(ctx, l); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := s.MoveStages(ctx, moves); err != nil {
			t.Fatal(err)
		}
		checkWaitingDays(t, s, "stage moves")
		// A lead deleted outright and the newest changes undone: the
		// counts of waiting leads follow (waiting_days, migration 26).
		if _, err := s.db.ExecContext(ctx, `DELETE FROM leads WHERE id = (SELECT min(id) FROM leads)`); err != nil {
			t.Fatal(err)
		}
		checkWaitingDays(t, s, "a lead deleted")
		for i := 0; i < 3; i++ {
			if _, err := s.Undo(ctx); err != nil {
				t.Fatal(err)
			}
		}
		checkWaitingDays(t, s, "undo")
		defs := model.DefaultStageDefs()
		jst := time.FixedZone("JST", 9*3600)
		seen := 0
		for _, loc := range []*time.Location{time.UTC, jst} {
			for now := time.Date(2026, 11, 20, 1, 30, 0, 0, loc); now.Before(time.Date(2026, 11, 27, 0, 0, 0, 0, loc)); now = now.Add(5*time.Hour + 7*time.Minute) {
				all, err := s.OverdueLeads(ctx, defs, now, loc)
				if err != nil {
					t.Fatal(err)
				}
				want := model.CountOverdue(all)
				got, err := s.StageOverdue(ctx, defs, now, loc)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("at %v: StageOverdue\n%+v\nevery lead judged\n%+v", now, got, want)
				}
				for _, w := range want {
					seen += w.Count
				}
			}
		}
		if seen == 0 {
			t.Fatal("no lead was ever overdue: the test proves nothing")
		}
	})
}
