package kpitree

import (
	"math"
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

// The worked example of domain.md section 2.
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
