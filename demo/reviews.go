package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The demo's last three monthly reviews are kept as kpit keeps a review
// (docs/review.md): each looked at the month before it, with that month's
// figures as they stood on its day, the causes of the misses and the
// actions agreed. Some actions were done by the next review, one was
// dropped, one is open past its due day (an overdue action in the alerts)
// and one is still open and not yet due. The owners are drawn from their
// own seeded generator, so the demo's records do not change with them.

const savedReviews = 3

// demoAction is an action agreed in a review: which review (0 to 2 of the
// saved ones), its KPI and text, the department of its owner, its due day
// as days after the review, and its status in each later review.
type demoAction struct {
	review int
	kpi    string
	text   string
	dept   model.Department
	dueIn  int
	later  []model.ActionStatus // the status each later saved review gave it
}

var demoCauses = [][]model.ReviewNote{
	{{KPIKey: "opportunities", Category: model.CauseVolume, Text: "展示会リードのフォローが遅れ、商談が不足"}},
	{{KPIKey: "lead_to_opportunity_rate", Category: model.CauseConversion, Text: "MQL の基準が担当者ごとに異なる"},
		{KPIKey: "opportunities", Category: model.CauseDataQuality, Text: "商談の入力が数日遅れ、月末にまとめて登録されている"}},
	{{KPIKey: "opportunities", Category: model.CauseVolume, Text: "IS からの引き渡しが週 5 件程度にとどまる"},
		{KPIKey: "avg_deal_size", Category: model.CauseDealSize, Text: "小規模プランの受注が多い"}},
}

var demoActions = []demoAction{
	{0, "opportunities", "展示会リードを48時間以内にフォローする", model.DeptInsideSales, 14, []model.ActionStatus{model.ActionDone, model.ActionDone}},
	{0, "", "提案書テンプレートを全員で共有する", model.DeptFieldSales, 21, []model.ActionStatus{model.ActionDone, model.ActionDone}},
	{1, "lead_to_opportunity_rate", "MQL の基準を再定義して共有する", model.DeptMarketing, 24, []model.ActionStatus{model.ActionOpen}},
	{1, "opportunities", "商談は当日中に入力する (週次で確認)", model.DeptFieldSales, 14, []model.ActionStatus{model.ActionDone}},
	{1, "avg_deal_size", "上位プランの提案を必須にする", model.DeptFieldSales, 28, []model.ActionStatus{model.ActionDropped}},
	{2, "opportunities", "IS→FS の引き渡し基準を見直す", model.DeptInsideSales, 28, nil},
}

// splitReviews parts the reviews that have come into those kept by day and
// notes only and the last savedReviews, kept whole by saveReviews.
func splitReviews(rs []store.Review) (plain, whole []store.Review) {
	n := max(len(rs)-savedReviews, 0)
	return rs[:n], rs[n:]
}

// saveReviews saves the reviews in whole, oldest first, with their
// snapshots, causes and actions.
func saveReviews(ctx context.Context, st *store.Store, seed int64, whole []store.Review) error {
	if len(whole) < savedReviews {
		return nil // a history too short for them: the demo of a first month
	}
	reps, err := st.Reps(ctx)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x726576696577)) // "review"
	owner := func(d model.Department) model.Rep {
		var in []model.Rep
		for _, rp := range reps {
			if rp.Department == d {
				in = append(in, rp)
			}
		}
		return in[r.IntN(len(in))]
	}
	owners := make([]model.Rep, len(demoActions))
	for i, a := range demoActions {
		owners[i] = owner(a.dept)
	}
	ids := make([]int64, len(demoActions)) // the actions' ids once saved
	for i, rv := range whole {
		heldAt := time.Date(rv.HeldOn.Year(), rv.HeldOn.Month(), rv.HeldOn.Day(), 10, 0, 0, 0, jst)
		month := model.PeriodOf(model.Month, rv.HeldOn, model.DefaultFiscalStart).Prev()
		figs, err := figures.Compute(ctx, st, figures.PeriodRange(month), rv.HeldOn)
		if err != nil {
			return err
		}
		d := model.ReviewDraft{Period: month, HeldAt: heldAt, KPIs: figs.Snapshot(), MainCause: figs.MainCause,
			MainCauseShare: figs.MainCauseShare, Summary: rv.Notes, Notes: demoCauses[i]}
		var created []int
		for j, a := range demoActions {
			switch {
			case a.review == i:
				d.NewActions = append(d.NewActions, model.ReviewAction{KPIKey: a.kpi, Text: a.text, RepID: owners[j].ID,
					Due: rv.HeldOn.AddDate(0, 0, a.dueIn), Status: model.ActionOpen})
				created = append(created, j)
			case a.review < i && ids[j] != 0:
				d.Carried = append(d.Carried, model.ReviewAction{ID: ids[j], Text: a.text, RepID: owners[j].ID,
					Due: whole[a.review].HeldOn.AddDate(0, 0, a.dueIn), Status: a.later[i-a.review-1]})
			}
		}
		id, err := st.SaveReview(ctx, d)
		if err != nil {
			return fmt.Errorf("review of %s: %w", month.Key(), err)
		}
		saved, err := st.ReviewByID(ctx, id)
		if err != nil {
			return err
		}
		for _, a := range saved.Actions {
			for _, j := range created {
				if a.ReviewID == id && a.Text == demoActions[j].text {
					ids[j] = a.ID
				}
			}
		}
		// An action closed in this review is not carried any further.
		for j, a := range demoActions {
			if a.review < i && ids[j] != 0 && a.later[i-a.review-1] != model.ActionOpen {
				ids[j] = 0
			}
		}
	}
	return nil
}
