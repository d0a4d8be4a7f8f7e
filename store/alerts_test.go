package store

import (
	"context"
	"math/rand"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

func TestAlertsFromRecords(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		at := func(y int, m time.Month, d, h int) func() time.Time {
			return func() time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
		}
		s.SetClock(at(2026, 10, 1, 9))
		addReps(t, s, "田中", "鈴木", "佐藤")
		// 田中: a Wednesday visit entered on Thursday (on time), one entered on
		// Friday (late, next-business-day rule).
		s.SetClock(at(2026, 11, 19, 18))
		if _, err := s.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 1, Date: model.D(2026, 11, 18)}); err != nil {
			t.Fatal(err)
		}
		s.SetClock(at(2026, 11, 20, 9))
		lateID, err := s.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindCall, Count: 2, Date: model.D(2026, 11, 18), Account: "ACME"})
		if err != nil {
			t.Fatal(err)
		}
		// 鈴木: an open deal created 2026-11-01, expected to close 2026-11-15,
		// last activity on it 2026-11-05; entered the same days.
		s.SetClock(at(2026, 11, 1, 10))
		dealID, err := s.AddOpportunity(ctx, model.Opportunity{RepName: "鈴木", Account: "Globex", Created: model.D(2026, 11, 1),
			Closed: model.D(2026, 11, 15), Outcome: model.OutcomeOpen})
		if err != nil {
			t.Fatal(err)
		}
		s.SetClock(at(2026, 11, 5, 10))
		if _, err := s.AddActivity(ctx, model.Activity{RepName: "鈴木", Kind: model.KindMeeting, Count: 1, Date: model.D(2026, 11, 5),
			OpportunityID: dealID}); err != nil {
			t.Fatal(err)
		}
		// 佐藤 never entered anything: counted from 2026-10-01.
		now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
		alerts, _, err := s.Alerts(ctx, now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		got := map[model.AlertKind][]model.Alert{}
		for _, a := range alerts {
			got[a.Kind] = append(got[a.Kind], a)
		}
		if l := got[model.AlertLateEntry]; len(l) != 1 || l[0].RecordID != lateID || l[0].RepName != "田中" || l[0].Subject != "ACME" {
			t.Errorf("late entries %+v", l)
		}
		// 鈴木 last entered 2026-11-05: 16 days > 7 (critical, > 14); 佐藤 since
		// 2026-10-01: 51 days; 田中 entered yesterday.
		if st := got[model.AlertStaleRep]; len(st) != 2 || st[0].RepName != "佐藤" || st[0].Days != 51 || st[1].RepName != "鈴木" || st[1].Days != 16 {
			t.Errorf("stale reps %+v", st)
		}
		// The deal: last activity 11-05 → 16 days, yellow; close date 11-15 passed 6 days ago.
		if d := got[model.AlertStalledDeal]; len(d) != 1 || d[0].Days != 16 || d[0].Severity != model.SeverityWarning {
			t.Errorf("stalled %+v", d)
		}
		if o := got[model.AlertOverdueClose]; len(o) != 1 || o[0].Days != 6 || o[0].RecordID != dealID {
			t.Errorf("overdue %+v", o)
		}
		// Deleting the late record closes its alert; switching alerts off closes all.
		if err := s.Delete(ctx, model.RecordActivity, lateID); err != nil {
			t.Fatal(err)
		}
		alerts, _, _ = s.Alerts(ctx, now, time.UTC)
		for _, a := range alerts {
			if a.Kind == model.AlertLateEntry {
				t.Errorf("deleted record still alerts: %+v", a)
			}
		}
		off := false
		s.UpdateRules(ctx, RuleUpdate{AlertsOn: &off})
		if alerts, _, _ := s.Alerts(ctx, now, time.UTC); len(alerts) != 0 {
			t.Errorf("alerts off: %+v", alerts)
		}
		// Timeliness over November, deleted records left out: 田中's live visit
		// of the 18th was entered on the 19th (within a day, not the same day);
		// 鈴木's deal and meeting were entered on their days.
		team, per, err := s.Timeliness(ctx, model.D(2026, 11, 1), model.D(2026, 12, 1), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if team != (model.Timeliness{Total: 3, SameDay: 2, WithinOneDay: 3}) {
			t.Errorf("team %+v", team)
		}
		if per["田中"] != (model.Timeliness{Total: 1, SameDay: 0, WithinOneDay: 1}) || per["鈴木"].SameDay != 2 {
			t.Errorf("per rep %+v", per)
		}
	})
}

func TestStageChangeCountsAsWorkOnADeal(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		s.SetClock(func() time.Time { return time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC) })
		addReps(t, s, "田中")
		id, err := s.AddOpportunity(ctx, model.Opportunity{RepName: "田中", Account: "ACME", Created: model.D(2026, 10, 1), Outcome: model.OutcomeOpen})
		if err != nil {
			t.Fatal(err)
		}
		stalled := func(now time.Time) []model.Alert {
			t.Helper()
			alerts, _, err := s.Alerts(ctx, now, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			var out []model.Alert
			for _, a := range alerts {
				if a.Kind == model.AlertStalledDeal {
					out = append(out, a)
				}
			}
			return out
		}
		// 2026-10-31: 30 days untouched, red.
		if got := stalled(time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC)); len(got) != 1 || got[0].Severity != model.SeverityCritical || got[0].RecordID != id {
			t.Fatalf("untouched deal: %+v", got)
		}
		// A stage change on 2026-10-28 makes it 3 days: no alert.
		s.SetClock(func() time.Time { return time.Date(2026, 10, 28, 9, 0, 0, 0, time.UTC) })
		o, _ := s.Opportunity(ctx, id)
		o.Stage = "提案"
		if err := s.UpdateOpportunity(ctx, o); err != nil {
			t.Fatal(err)
		}
		if got := stalled(time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC)); len(got) != 0 {
			t.Fatalf("after a stage change: %+v", got)
		}
		// Won: no longer open, never stalled.
		o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, model.D(2026, 10, 28), 1, true
		if err := s.UpdateOpportunity(ctx, o); err != nil {
			t.Fatal(err)
		}
		if got := stalled(time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)); len(got) != 0 {
			t.Fatalf("won deal: %+v", got)
		}
	})
}

// TestTimelinessInSQLMatchesTheModel counts timeliness in SQL and with
// model.MeasureTimeliness over the same records (entry times with
// fractions of a second, in Tokyo time) and expects the same figures.
func TestTimelinessInSQLMatchesTheModel(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		jst := time.FixedZone("JST", 9*3600)
		addReps(t, s, "田中", "鈴木")
		rng := rand.New(rand.NewSource(3))
		var batch Batch
		for i := 0; i < 400; i++ {
			day := model.D(2026, 11, 1+rng.Intn(20))
			// Entered from 10 hours before to 40 hours after the event day's
			// midnight in Tokyo, at an odd nanosecond.
			at := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, rng.Intn(1e9), jst).Add(time.Duration(rng.Intn(50)-10) * time.Hour)
			rep := []string{"田中", "鈴木"}[rng.Intn(2)]
			switch i % 3 {
			case 0:
				batch.Activities = append(batch.Activities, model.Activity{RepName: rep, Kind: model.KindVisit, Count: 1, Date: day, EnteredAt: at})
			case 1:
				batch.Opportunities = append(batch.Opportunities, model.Opportunity{RepName: rep, Created: day, Outcome: model.OutcomeOpen, EnteredAt: at})
			default:
				batch.Leads = append(batch.Leads, model.Lead{Company: "c", Created: day, Status: model.LeadNew, EnteredAt: at})
			}
		}
		if err := s.BulkInsert(ctx, batch); err != nil {
			t.Fatal(err)
		}
		from, to := model.D(2026, 11, 3), model.D(2026, 11, 18)
		facts, err := s.entryFacts(ctx, "event", model.FormatDate(from), model.FormatDate(to))
		if err != nil {
			t.Fatal(err)
		}
		// Zones ahead of UTC, behind it and off the whole hour read the
		// same records on other days; one off the quarter hour reads the
		// records themselves, not entry_lags.
		for _, loc := range []*time.Location{jst, time.UTC, time.FixedZone("EST", -5*3600), time.FixedZone("NPT", 5*3600+45*60),
			time.FixedZone("odd", 5*3600+17*60)} {
			team, per, err := s.Timeliness(ctx, from, to, loc)
			if err != nil {
				t.Fatal(err)
			}
			wantTeam, wantPer := model.MeasureTimeliness(facts, loc)
			if team != wantTeam || team.Total == 0 || team.SameDay == team.Total || team.WithinOneDay == team.SameDay {
				t.Fatalf("%s: team: SQL %+v, model %+v", loc, team, wantTeam)
			}
			if len(per) != len(wantPer) {
				t.Fatalf("%s: per rep: SQL %+v, model %+v", loc, per, wantPer)
			}
			for k, v := range wantPer {
				if per[k] != v {
					t.Fatalf("%s: rep %q: SQL %+v, model %+v", loc, k, per[k], v)
				}
			}
		}
		// The figure on the quarter hour is entry_lags' (migration 24).
		if _, err := s.db.Exec(`UPDATE entry_lags SET n = n + 1 WHERE day = '2026-11-05'`); err != nil {
			t.Fatal(err)
		}
		if team, _, err := s.Timeliness(ctx, from, to, jst); err != nil || team.Total == len(facts) {
			t.Fatalf("with entry_lags bumped: %+v, %v; the figure does not read entry_lags", team, err)
		}
	})
}
