package kpitree

import (
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func vals(kv ...any) map[string]model.Value {
	m := map[string]model.Value{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = model.Some(kv[i+1].(float64))
	}
	return m
}

func TestEvaluateFromLeaves(t *testing.T) {
	tr := newBusiness(t)
	got := tr.Evaluate(vals("visits", 400.0, "lead_capture_rate", 0.5, "lead_to_opportunity_rate", 0.25,
		"win_rate", 0.3, "avg_deal_size", 2e6))
	want := map[string]float64{"leads": 200, "opportunities": 50, "orders_won": 15, "revenue": 30e6}
	for k, w := range want {
		if v := got[k]; !v.Valid || !near(v.V, w, 1e-6) {
			t.Errorf("%s = %+v, want %v", k, v, w)
		}
	}
	if len(got) != 9 {
		t.Errorf("%d values, want one per node", len(got))
	}
}

func TestEvaluateUndefinedPropagates(t *testing.T) {
	tr := newBusiness(t)
	got := tr.Evaluate(vals("visits", 400.0, "lead_capture_rate", 0.5, "win_rate", 0.3, "avg_deal_size", 2e6))
	if !got["leads"].Valid || got["leads"].V != 200 {
		t.Errorf("leads = %+v", got["leads"])
	}
	for _, k := range []string{"lead_to_opportunity_rate", "opportunities", "orders_won", "revenue"} {
		if got[k].Valid {
			t.Errorf("%s = %v, want undefined", k, got[k].V)
		}
	}
	// An undefined value given counts as not given.
	given := vals("visits", 400.0)
	given["leads"] = model.None
	given["lead_capture_rate"] = model.Some(0.1)
	if got := tr.Evaluate(given); got["leads"].V != 40 {
		t.Errorf("leads = %+v, want 40 from its children", got["leads"])
	}
}

// A quotient over zero is undefined, never NaN, Inf or 0.
func TestEvaluateZeroDenominator(t *testing.T) {
	tr, err := Build(Template(model.StyleCustomerSuccess)) // ltv = avg_mrr / monthly_churn_rate
	if err != nil {
		t.Fatal(err)
	}
	if v := tr.Evaluate(vals("avg_mrr", 50000.0, "monthly_churn_rate", 0.0))["ltv"]; v.Valid {
		t.Errorf("ltv over zero churn = %v, want undefined", v.V)
	}
	if v := tr.Evaluate(vals("avg_mrr", 50000.0, "monthly_churn_rate", 0.02))["ltv"]; !v.Valid || !near(v.V, 2.5e6, 1e-6) {
		t.Errorf("ltv = %+v, want 2,500,000", v)
	}
	// Overflow to Inf is undefined too.
	tr2, _ := Build([]model.TreeNodeDef{def("r", "", model.OpMul, 0), def("a", "r", model.OpLeaf, 0), def("b", "r", model.OpLeaf, 1)})
	if v := tr2.Evaluate(vals("a", 1e300, "b", 1e300))["r"]; v.Valid {
		t.Errorf("overflow = %v, want undefined", v.V)
	}
	// The recorded rates are undefined the same way (model.Counts).
	m := model.Counts{"visits": 0, "leads": 0, "opportunities": 3}.Metrics()
	if m[model.MetricLeadToOppRate].Valid || m[model.MetricLeadCaptureRate].Valid || m[model.MetricWinRate].Valid {
		t.Error("rates over zero from records should be undefined")
	}
	if v := tr.Evaluate(m); v["ltv"].Valid {
		t.Error("nothing recorded for ltv")
	}
}

// A value given for an inner node stands in for its subtree.
func TestEvaluateGivenInnerValueWins(t *testing.T) {
	tr := newBusiness(t)
	got := tr.Evaluate(vals("visits", 400.0, "lead_capture_rate", 0.5, "leads", 999.0, "lead_to_opportunity_rate", 0.1))
	if got["leads"].V != 999 || !near(got["opportunities"].V, 99.9, 1e-9) {
		t.Errorf("leads %v, opportunities %v", got["leads"], got["opportunities"])
	}
}

func TestWhatIf(t *testing.T) {
	tr := newBusiness(t)
	base := vals("visits", 400.0, "lead_capture_rate", 0.5, "lead_to_opportunity_rate", 0.25, "win_rate", 0.3, "avg_deal_size", 2e6)
	before := tr.Evaluate(base)
	after := tr.WhatIf(base, "win_rate", 0.3*1.1) // win rate +10%
	if !near(after["revenue"].V, before["revenue"].V*1.1, 1e-6) || !near(after["orders_won"].V, 15*1.1, 1e-9) {
		t.Errorf("revenue %v -> %v, want +10%%", before["revenue"].V, after["revenue"].V)
	}
	if after["opportunities"] != before["opportunities"] || after["avg_deal_size"] != before["avg_deal_size"] {
		t.Error("nodes off the path changed")
	}
	if base["win_rate"].V != 0.3 {
		t.Error("WhatIf changed its input")
	}
	// Recorded totals on the path are recomputed, not kept.
	recorded := vals("visits", 400.0, "lead_capture_rate", 0.5, "lead_to_opportunity_rate", 0.25, "win_rate", 0.3,
		"avg_deal_size", 2e6, "orders_won", 15.0, "revenue", 30e6)
	if got := tr.WhatIf(recorded, "visits", 800); !near(got["revenue"].V, 60e6, 1e-6) {
		t.Errorf("doubling visits: revenue %v, want 60,000,000", got["revenue"].V)
	}
	if got := tr.WhatIf(base, "nope", 1); got["revenue"] != before["revenue"] {
		t.Error("an unknown key changed something")
	}
}
