package kpitree

import (
	"math"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func newBusiness(t *testing.T) *Tree {
	t.Helper()
	tr, err := Build(Template(model.StyleNewBusiness))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// The worked example of docs/kpi-tree.md.
func TestPlanWorkedExample(t *testing.T) {
	tr := newBusiness(t)
	p := tr.Plan(Target{Value: 1e9, Per: model.FiscalYear}, map[string]Target{
		"opportunities": {Value: 50, Per: model.Month},
		"win_rate":      {Value: 0.30},
		"avg_deal_size": {Value: 2_000_000},
	})
	// 50 × 12 × 0.30 × 2,000,000
	if !p.Implied.Valid || !near(p.Implied.V, 360_000_000, 1e-3) {
		t.Fatalf("implied = %+v, want 360,000,000", p.Implied)
	}
	if !near(p.Ratio.V, 0.36, 1e-12) || p.Reaches() {
		t.Errorf("ratio = %v, reaches = %v; want 0.36, false", p.Ratio, p.Reaches())
	}
	opp := p.Required["opportunities"]
	// 1e9 / 2e6 / 0.3 = 1666.67 a year, /12 = 138.89 a month
	if !near(opp.Value.V, 1e9/2e6/0.3, 1e-6) || !near(opp.In(model.Month).V, 1e9/2e6/0.3/12, 1e-6) {
		t.Errorf("required opportunities = %v per year, %v per month", opp.Value, opp.In(model.Month))
	}
	if !opp.Feasible {
		t.Error("opportunities should be feasible")
	}
	wr := p.Required["win_rate"]
	// 1e9 / (600 × 2e6) = 0.8333
	if !near(wr.Value.V, 1e9/(600*2e6), 1e-12) || !wr.Feasible || wr.In(model.Month) != wr.Value {
		t.Errorf("required win rate = %+v", wr)
	}
	ads := p.Required["avg_deal_size"]
	// 1e9 / (600 × 0.3) = 5,555,555.6 → 5,555,556 yen
	if ads.Value.V != 5_555_556 || !ads.Feasible {
		t.Errorf("required deal size = %+v, want 5,555,556", ads)
	}
	if len(p.Unset) != 0 {
		t.Errorf("unset = %v, want none", p.Unset)
	}
}

// Targets per week and per quarter scale to a yearly KGI; per-month KGIs
// scale the other way; intensive targets never scale.
func TestPlanPeriodScaling(t *testing.T) {
	tr := newBusiness(t)
	targets := map[string]Target{
		"visits":                   {Value: 100, Per: model.Week},
		"lead_capture_rate":        {Value: 0.5, Per: model.Week}, // a period on a rate is ignored
		"lead_to_opportunity_rate": {Value: 0.2},
		"win_rate":                 {Value: 0.25},
		"avg_deal_size":            {Value: 1e6, Per: model.Quarter},
	}
	year := tr.Plan(Target{Value: 2e8, Per: model.FiscalYear}, targets)
	// 100 × 52 visits × 0.5 × 0.2 × 0.25 × ¥1,000,000
	if want := 100 * 52 * 0.5 * 0.2 * 0.25 * 1e6; !near(year.Implied.V, want, 1e-3) || !near(year.Ratio.V, want/2e8, 1e-12) {
		t.Errorf("per year: implied %v ratio %v, want %v", year.Implied.V, year.Ratio.V, want)
	}
	if !near(year.Values["leads"].V, 2600, 1e-9) {
		t.Errorf("leads per year %v, want 2,600", year.Values["leads"].V)
	}
	month := tr.Plan(Target{Value: 2e8 / 12, Per: model.Month}, targets)
	if want := 100 * 52.0 / 12 * 0.5 * 0.2 * 0.25 * 1e6; !near(month.Implied.V, want, 1e-3) || !near(month.Ratio.V, year.Ratio.V, 1e-12) {
		t.Errorf("per month: implied %v, want %v", month.Implied.V, want)
	}
	v := year.Required["visits"]
	// visits needed a year: 2e8 / (0.5 × 0.2 × 0.25 × 1e6) = 8,000; a week 8,000 / 52; a quarter 2,000.
	if !near(v.Value.V, 8000, 1e-6) || !near(v.In(model.Week).V, 8000.0/52, 1e-9) || !near(v.In(model.Quarter).V, 2000, 1e-9) {
		t.Errorf("required visits %+v", v)
	}
	if mv := month.Required["visits"]; !near(mv.In(model.FiscalYear).V, 8000, 1e-6) || mv.Per != model.Month {
		t.Errorf("required visits against a monthly KGI %+v", mv)
	}
	if r := year.Required["lead_capture_rate"]; r.In(model.Week) != r.Value {
		t.Error("a rate changed with the period")
	}
}

func TestPlanFeasibility(t *testing.T) {
	tr := newBusiness(t)
	p := tr.Plan(Target{Value: 1e9, Per: model.FiscalYear}, map[string]Target{
		"leads": {Value: 100, Per: model.Month}, "lead_to_opportunity_rate": {Value: 0.1},
		"win_rate": {Value: 0.2}, "avg_deal_size": {Value: 1e6},
	})
	// 1e9 / (1,200 leads × 0.2 × 1e6) = 4.17 opportunities per lead: no rate can do that.
	r := p.Required["lead_to_opportunity_rate"]
	if r.Feasible || !near(r.Value.V, 1e9/(1200*0.2*1e6), 1e-9) {
		t.Errorf("lead_to_opportunity_rate %+v, want 4.17 and infeasible", r)
	}
	if !p.Required["leads"].Feasible || !p.Required["avg_deal_size"].Feasible {
		t.Error("counts and amounts can always grow")
	}
	if got := strings.Join(p.Inputs, " "); got != "leads lead_to_opportunity_rate win_rate avg_deal_size" {
		t.Errorf("inputs %q", got)
	}
	// A zero beside an input leaves it undefined and infeasible.
	z := tr.Plan(Target{Value: 1e9, Per: model.FiscalYear}, map[string]Target{
		"opportunities": {Value: 50, Per: model.Month}, "win_rate": {Value: 0}, "avg_deal_size": {Value: 2e6}})
	if r := z.Required["opportunities"]; r.Value.Valid || r.Feasible {
		t.Errorf("opportunities with a zero win rate %+v", r)
	}
	if !near(z.Required["win_rate"].Value.V, 1e9/(600*2e6), 1e-12) || z.Implied.V != 0 || z.Ratio.V != 0 {
		t.Errorf("zero win rate: %+v", z)
	}
	// A KGI already beaten asks for less and reaches.
	over := tr.Plan(Target{Value: 1e8, Per: model.FiscalYear}, map[string]Target{
		"opportunities": {Value: 50, Per: model.Month}, "win_rate": {Value: 0.3}, "avg_deal_size": {Value: 2e6}})
	if !over.Reaches() || !near(over.Required["win_rate"].Value.V, 1e8/(600*2e6), 1e-12) {
		t.Errorf("over-reached plan %+v", over)
	}
	// No KGI: nothing to compare with.
	if none := tr.Plan(Target{}, nil); none.Ratio.Valid || none.Implied.Valid || len(none.Unset) != 5 {
		t.Errorf("empty plan %+v", none)
	}
}

// Under + and − the back-calculation is linear; under ÷ it inverts.
func TestPlanSolvesEveryOperator(t *testing.T) {
	tr, err := Build([]model.TreeNodeDef{
		def("profit", "", model.OpSub, 0), def("income", "profit", model.OpAdd, 0), def("cost", "profit", model.OpLeaf, 1),
		def("a", "income", model.OpLeaf, 0), def("b", "income", model.OpDiv, 1),
		def("num", "b", model.OpLeaf, 0), def("den", "b", model.OpLeaf, 1),
	})
	if err != nil {
		t.Fatal(err)
	}
	// profit = a + num/den − cost = 100 + 60/3 − 30 = 90; KGI 150.
	p := tr.Plan(Target{Value: 150, Per: model.FiscalYear}, map[string]Target{
		"a": {Value: 100}, "num": {Value: 60}, "den": {Value: 3}, "cost": {Value: 30}})
	if !near(p.Implied.V, 90, 1e-12) {
		t.Fatalf("implied %v, want 90", p.Implied.V)
	}
	want := map[string]float64{
		"a":    160,       // 150 + 30 − 20
		"cost": -30,       // 100 + 20 − 150: a negative cost is out of reach
		"num":  80 * 3,    // b must be 80
		"den":  60.0 / 80, // 60 / 80
	}
	for k, w := range want {
		if r := p.Required[k]; !near(r.Value.V, w, 1e-9) {
			t.Errorf("required %s = %v, want %v", k, r.Value.V, w)
		}
	}
	if p.Required["cost"].Feasible || !p.Required["a"].Feasible {
		t.Error("feasibility of a negative requirement")
	}
	// Each requirement, put back in, hits the KGI exactly.
	for k := range want {
		if got := tr.WhatIf(tr.Evaluate(vals("a", 100.0, "num", 60.0, "den", 3.0, "cost", 30.0)), k, want[k])["profit"]; !near(got.V, 150, 1e-9) {
			t.Errorf("with %s as required, profit = %v", k, got.V)
		}
	}
}
