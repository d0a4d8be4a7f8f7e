package tui

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// styleTargets are monthly targets of an inside-sales and a customer-success
// team, for the goldens below.
var styleTargets = map[model.StyleKey]map[string]float64{
	model.StyleInsideSales: {"meetings": 300, "appointments": 200, "calls": 4500, "appointment_rate": 0.045,
		"meeting_set_rate": 1.5, "mql_to_sql_rate": 0.8, "email_open_rate": 0.25, "response_time": 4},
	model.StyleCustomerSuccess: {"ltv": 4_000_000, "avg_mrr": 150_000, "monthly_churn_rate": 0.03, "churn_rate": 0.03,
		"nps": 20, "onboarding_completion_rate": 0.8, "usage_rate": 0.9, "inquiry_response_time": 8},
}

// styleTeam opens a copy of the demo run as a team of the style: the
// style adopted with monthly targets, and the KGI on its tree's root, so
// the KPI tree tab shows that tree.
func styleTeam(t *testing.T, key model.StyleKey) *store.Store {
	t.Helper()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	style, _ := model.StyleByKey(key)
	tree := kpitree.Template(key)
	kpis := styleKPIs(style)
	for _, d := range tree {
		if e, ok := model.KPIDefinition(d.Key); ok && !containsKPI(kpis, d.Key) {
			kpis = append(kpis, e.KPI)
		}
	}
	for i := range kpis {
		if v, ok := styleTargets[key][kpis[i].Key]; ok {
			kpis[i].Target, kpis[i].HasTarget, kpis[i].TargetPer = v, true, model.Month
		}
	}
	if err := st.AdoptKPIs(ctx, kpis, tree); err != nil {
		t.Fatal(err)
	}
	root, _ := model.KPIDefinition(tree[0].Key)
	if err := st.ReviseKGI(ctx, model.KGI{NameJA: root.KPI.NameJA, NameEN: root.KPI.NameEN, Metric: root.KPI.Key,
		Value: styleTargets[key][root.KPI.Key], Unit: root.KPI.Unit, Per: model.Month},
		store.RevisionNote{From: model.D(2026, 4, 1), Reason: "the team's own goal"}); err != nil {
		t.Fatal(err)
	}
	return st
}

func containsKPI(ks []model.KPI, key string) bool {
	for _, k := range ks {
		if k.Key == key {
			return true
		}
	}
	return false
}

// TestGoldenStyleTrees: the KPI tree and the styles tab of an inside-sales
// and a customer-success team at both sizes in both languages. Every
// node's actual on the tree is the figures engine's, which
// figures.TestSuccessFiguresByHand checks against a recount.
func TestGoldenStyleTrees(t *testing.T) {
	t.Parallel()
	for _, key := range []model.StyleKey{model.StyleInsideSales, model.StyleCustomerSuccess} {
		for _, lang := range []Lang{LangJA, LangEN} {
			for _, sz := range goldenSizes {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", key, lang, sz[0], sz[1]), func(t *testing.T) {
					st := styleTeam(t, key)
					a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
					run(t, a, a.Init())
					a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					showTab(t, a, TabTree)
					tree := screen(a)
					checkFits(t, tree, sz[0], sz[1])
					showTab(t, a, TabStyles)
					for i, s := range model.Styles() {
						if s.Key == key {
							for range i {
								a.Update(tea.KeyPressMsg{Code: tea.KeyRight})
							}
						}
					}
					styles := screen(a)
					checkFits(t, styles, sz[0], sz[1])
					golden.RequireEqual(t, tree+"\n----\n"+styles)
				})
			}
		}
	}
}

// TestStyleTreeFigures: the actual on each node of the two trees is the
// figure the engine gives for the period, whatever the tree computes.
func TestStyleTreeFigures(t *testing.T) {
	t.Parallel()
	for _, key := range []model.StyleKey{model.StyleInsideSales, model.StyleCustomerSuccess} {
		st := styleTeam(t, key)
		nov := model.PeriodOf(model.Month, fixedNow, time.April)
		figs, err := figures.Compute(context.Background(), st, figures.PeriodRange(nov), fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		if figs.Goals.Tree == nil || figs.Goals.Tree.Root().Key != kpitree.Template(key)[0].Key {
			t.Fatalf("%s: the tree shown is not the style's", key)
		}
		for _, d := range kpitree.Template(key) {
			f := figs.Get(d.Key)
			if !f.Actual.Valid || !f.Target.Valid {
				t.Errorf("%s: node %s has actual %+v, target %+v", key, d.Key, f.Actual, f.Target)
			}
		}
		v := figs.Values
		switch key {
		case model.StyleInsideSales:
			// appointment rate and meeting set rate are the roll-up's counts' ratios.
			if !near(v["appointment_rate"].V, v["appointments"].V/v["calls"].V) ||
				!near(v["meeting_set_rate"].V, v["meetings"].V/v["appointments"].V) {
				t.Errorf("inside-sales rates %v", v)
			}
		case model.StyleCustomerSuccess:
			if !near(v["ltv"].V, v["avg_mrr"].V/v["monthly_churn_rate"].V) {
				t.Errorf("LTV %v is not average MRR %v ÷ monthly churn %v", v["ltv"].V, v["avg_mrr"].V, v["monthly_churn_rate"].V)
			}
		}
	}
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-9*max(1, b) && -d < 1e-9*max(1, b)
}
