package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestReviewActionsCarryForward saves a review with two actions, then a
// second review that closes one: the open actions are what the third
// review must ask about, and each saved review keeps the status it gave.
func TestReviewActionsCarryForward(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		tanaka, err := s.AddRep(ctx, model.Rep{Name: "田中 一郎", Department: model.DeptFieldSales})
		if err != nil {
			t.Fatal(err)
		}
		nov := model.PeriodOf(model.Month, model.D(2026, 11, 1), time.April)
		first := model.ReviewDraft{
			Period: nov, HeldAt: time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC),
			KPIs: []model.ReviewKPI{{Key: "revenue", NameJA: "売上", NameEN: "Revenue", Unit: model.UnitMoney, KGI: true,
				Actual: model.Some(25_000_000), Target: model.Some(83_333_333), Status: model.StatusOffTrack}},
			Notes: []model.ReviewNote{{KPIKey: "opportunities", Category: model.CauseVolume, Text: "展示会リードが少ない"}},
			NewActions: []model.ReviewAction{
				{KPIKey: "opportunities", Text: "IS に架電リストを渡す", RepID: tanaka, Due: model.D(2026, 11, 17), Status: model.ActionOpen},
				{Text: "MQL 基準を見直す", RepID: tanaka, Due: model.D(2026, 11, 24), Status: model.ActionOpen},
			},
		}
		id1, err := s.SaveReview(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		open, err := s.OpenActions(ctx)
		if err != nil || len(open) != 2 {
			t.Fatalf("open actions after the first review = %v, %v; want both", open, err)
		}
		if open[0].Text != "IS に架電リストを渡す" || open[0].RepName != "田中 一郎" || !open[0].Due.Equal(model.D(2026, 11, 17)) || open[0].ReviewID != id1 {
			t.Errorf("first open action = %+v", open[0])
		}
		// The second review closes the first action and keeps the second open.
		carried := []model.ReviewAction{open[0], open[1]}
		carried[0].Status = model.ActionDone
		id2, err := s.SaveReview(ctx, model.ReviewDraft{Period: nov, HeldAt: time.Date(2026, 11, 17, 9, 0, 0, 0, time.UTC), Carried: carried})
		if err != nil {
			t.Fatal(err)
		}
		open, err = s.OpenActions(ctx)
		if err != nil || len(open) != 1 || open[0].Text != "MQL 基準を見直す" {
			t.Fatalf("open actions after the second review = %v, %v; want the MQL one", open, err)
		}
		r1, err := s.ReviewByID(ctx, id1)
		if err != nil {
			t.Fatal(err)
		}
		if len(r1.Actions) != 2 || r1.Actions[0].Status != model.ActionOpen || r1.Actions[1].Status != model.ActionOpen {
			t.Errorf("the first review's actions = %+v; want both open as it left them", r1.Actions)
		}
		if len(r1.KPIs) != 1 || r1.KPIs[0].Actual != model.Some(25_000_000) || !r1.KPIs[0].KGI || r1.KPIs[0].Status != model.StatusOffTrack {
			t.Errorf("the first review's snapshot = %+v", r1.KPIs)
		}
		if len(r1.Notes) != 1 || r1.Notes[0].Category != model.CauseVolume || r1.Period != nov || !r1.HeldOn.Equal(model.D(2026, 11, 10)) {
			t.Errorf("the first review = %+v", r1)
		}
		r2, err := s.ReviewByID(ctx, id2)
		if err != nil {
			t.Fatal(err)
		}
		if len(r2.Actions) != 2 || r2.Actions[0].Status != model.ActionDone || r2.Actions[1].Status != model.ActionOpen {
			t.Errorf("the second review's actions = %+v; want done, open", r2.Actions)
		}
		last, ok, err := s.LastReview(ctx)
		if err != nil || !ok || last.ID != id2 {
			t.Errorf("last review = %d, %v, %v; want %d", last.ID, ok, err, id2)
		}
		if _, err := s.ReviewByID(ctx, 99); err == nil {
			t.Error("review 99 was found")
		}
	})
}

// TestReviewRefusedWritesNothing: a draft with one bad action is refused
// whole, before anything is written.
func TestReviewRefusedWritesNothing(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		rep, err := s.AddRep(ctx, model.Rep{Name: "鈴木", Department: model.DeptFieldSales})
		if err != nil {
			t.Fatal(err)
		}
		nov := model.PeriodOf(model.Month, model.D(2026, 11, 1), time.April)
		for name, d := range map[string]model.ReviewDraft{
			"no owner": {Period: nov, NewActions: []model.ReviewAction{{Text: "x", Due: model.D(2026, 12, 1), Status: model.ActionOpen}}},
			"no due":   {Period: nov, NewActions: []model.ReviewAction{{Text: "x", RepID: rep, Status: model.ActionOpen}}},
			"bad cat":  {Period: nov, Notes: []model.ReviewNote{{KPIKey: "k", Category: "luck", Text: "x"}}},
			"unknown":  {Period: nov, Carried: []model.ReviewAction{{ID: 42, Text: "x", RepID: rep, Due: model.D(2026, 12, 1), Status: model.ActionDone}}},
		} {
			if _, err := s.SaveReview(ctx, d); err == nil {
				t.Errorf("%s: saved", name)
			}
		}
		rs, err := s.Reviews(ctx)
		if err != nil || len(rs) != 0 {
			t.Errorf("reviews after refusals = %v, %v; want none", rs, err)
		}
	})
}

// TestReviewEvidenceForItem13 counts, by hand, the last review's misses
// (the KGI aside), those with a cause, its actions and the overdue ones.
func TestReviewEvidenceForItem13(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		rep, err := s.AddRep(ctx, model.Rep{Name: "佐藤", Department: model.DeptInsideSales})
		if err != nil {
			t.Fatal(err)
		}
		nov := model.PeriodOf(model.Month, model.D(2026, 11, 1), time.April)
		kpi := func(key string, st model.Status, kgi bool) model.ReviewKPI {
			return model.ReviewKPI{Key: key, NameJA: key, NameEN: key, Unit: model.UnitCount, KGI: kgi, Status: st}
		}
		if _, err := s.SaveReview(ctx, model.ReviewDraft{Period: nov, HeldAt: time.Date(2026, 11, 10, 1, 0, 0, 0, time.UTC),
			KPIs: []model.ReviewKPI{kpi("revenue", model.StatusOffTrack, true), kpi("opportunities", model.StatusOffTrack, false),
				kpi("win_rate", model.StatusAtRisk, false), kpi("avg_deal_size", model.StatusOnTrack, false)},
			Notes:      []model.ReviewNote{{KPIKey: "opportunities", Category: model.CauseVolume, Text: "少ない"}},
			NewActions: []model.ReviewAction{{Text: "架電を増やす", RepID: rep, Due: model.D(2026, 11, 17), Status: model.ActionOpen}},
		}); err != nil {
			t.Fatal(err)
		}
		e, err := s.ChecklistEvidence(ctx, time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if e.ReviewsWithFigures != 1 || e.MissedLastReview != 2 || e.ExplainedLastReview != 1 || e.ActionsLastReview != 1 || e.OverdueActions != 1 {
			t.Errorf("evidence = %d reviews, %d missed, %d explained, %d actions, %d overdue; want 1, 2, 1, 1, 1",
				e.ReviewsWithFigures, e.MissedLastReview, e.ExplainedLastReview, e.ActionsLastReview, e.OverdueActions)
		}
		if a, _ := model.SuggestAnswer(13, e); a != model.AnswerPartly {
			t.Errorf("item 13 suggests %q, want partly", a)
		}
	})
}
