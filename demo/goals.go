package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// kpiTarget is how the demo sets one KPI of the new-business tree. Two are
// left incomplete on purpose, so the checklist diagnosis has evidence to
// show: lead→opportunity rate has no deadline, leads no written definition.
type kpiTarget struct {
	key        string
	target     float64
	per        model.PeriodKind
	main       bool
	noDeadline bool
	noDefn     bool
}

// demoAuthor is the author of the demo's goal revisions.
const demoAuthor = "kpit demo"

var kpiTargets = []kpiTarget{
	{key: model.MetricRevenue, target: kgiYen, per: model.FiscalYear},
	{key: model.MetricOrdersWon, target: targetOrdersWon, per: model.Month},
	{key: model.MetricAvgDealSize, target: targetAvgDeal, main: true},
	{key: model.MetricOpportunities, target: targetOpps, per: model.Month, main: true},
	{key: model.MetricWinRate, target: targetWinRate, main: true},
	{key: model.MetricLeads, target: targetLeads, per: model.Month, noDefn: true},
	{key: model.MetricLeadToOppRate, target: targetLeadToOpp, main: true, noDeadline: true},
	{key: model.MetricVisits, target: targetVisits, per: model.Month},
	{key: model.MetricLeadCaptureRate, target: targetLeadCapture},
}

// goals stores the KGI, the tree, its KPIs (with a revision history), the
// KFSs and the settings. KPI changes are stamped with dates derived from
// today, not the wall clock, so the demo stays the same from run to run.
func (g *generator) goals(ctx context.Context, st *store.Store) error {
	clock := st.Clock()
	defer st.SetClock(clock)

	if err := st.SetFiscalStart(ctx, model.DefaultFiscalStart); err != nil {
		return err
	}
	setUpNote := store.RevisionNote{Author: demoAuthor, Reason: "期初の目標設定"}
	if err := st.ReviseKGI(ctx, model.KGI{NameJA: "年間売上高", NameEN: "Annual revenue", Metric: model.MetricRevenue,
		Value: kgiYen * g.targetScale, Unit: model.UnitMoney, Per: model.FiscalYear, Deadline: g.fy.Last()}, setUpNote); err != nil {
		return err
	}
	if err := st.ReplaceTree(ctx, kpitree.Template(model.StyleNewBusiness)); err != nil {
		return err
	}
	// The KPIs were set up at the start of the fiscal year (their first
	// revisions, in force from the beginning); the opportunities target was
	// raised two months ago, after a review, from that day on: the months
	// before keep 120.
	setUp := g.notYet(time.Date(g.fy.Start.Year(), g.fy.Start.Month(), g.fy.Start.Day(), 1, 0, 0, 0, time.UTC))
	st.SetClock(func() time.Time { return setUp })
	for _, t := range kpiTargets {
		e, ok := model.KPIDefinition(t.key)
		if !ok {
			return fmt.Errorf("KPI %s is not in the catalogue", t.key)
		}
		k := e.KPI
		k.Target, k.HasTarget, k.Main = t.target, true, t.main
		k.TargetPer = t.per
		if k.TargetPer == "" {
			k.TargetPer = model.FiscalYear
		} else {
			k.Target *= g.targetScale // a volume per period
		}
		if !t.noDeadline {
			k.Deadline = g.fy.Last()
		}
		if t.noDefn {
			// Nothing written down: neither the wording nor the formula
			// (the checklist counts a KPI with either as defined).
			k.Definition, k.Formula = "", ""
		}
		if t.key == model.MetricOpportunities {
			k.Target = 120 * g.targetScale
		}
		if err := st.SaveKPI(ctx, k, setUpNote); err != nil {
			return err
		}
	}
	revised := g.today.AddDate(0, -2, 0).Add(2 * time.Hour)
	st.SetClock(func() time.Time { return revised })
	k, _, err := st.KPI(ctx, model.MetricOpportunities)
	if err != nil {
		return err
	}
	k.Target = targetOpps * g.targetScale
	if err := st.SaveKPI(ctx, k, store.RevisionNote{Author: demoAuthor, Reason: "レビューで商談数の目標を引き上げ"}); err != nil {
		return err
	}

	for _, k := range []model.KFS{
		{Text: "商談の質向上(提案内容の見直しと上位プランの提案)", KPIKeys: []string{model.MetricWinRate, model.MetricAvgDealSize}},
		{Text: "商談数の確保(マーケティング・IS・FSでリード定義を共有)", KPIKeys: []string{model.MetricLeads, model.MetricLeadToOppRate, model.MetricOpportunities}},
		{Text: "顧客満足度の維持"},
	} {
		if _, err := st.AddKFS(ctx, k); err != nil {
			return err
		}
	}
	return nil
}
