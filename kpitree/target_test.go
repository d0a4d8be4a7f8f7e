package kpitree

import (
	"math"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

func TestTargetOverWholePeriodsAndRanges(t *testing.T) {
	const year = 1e9
	apr := time.April
	cases := []struct {
		name     string
		tg       Target
		kind     Kind
		from, to time.Time
		want     float64
	}{
		{"month of a yearly flow", Target{year, model.FiscalYear}, Flow, model.D(2026, 11, 1), model.D(2026, 11, 30), year / 12},
		{"week of a yearly flow", Target{year, model.FiscalYear}, Flow, model.D(2026, 11, 23), model.D(2026, 11, 29), year / 52},
		{"fiscal quarter", Target{year, model.FiscalYear}, Flow, model.D(2026, 10, 1), model.D(2026, 12, 31), year / 4},
		{"fiscal year", Target{year, model.FiscalYear}, Flow, model.D(2026, 4, 1), model.D(2027, 3, 31), year},
		{"one day", Target{year, model.FiscalYear}, Flow, model.D(2026, 11, 26), model.D(2026, 11, 26), year / 365},
		{"year of a monthly flow", Target{50, model.Month}, Flow, model.D(2026, 4, 1), model.D(2027, 3, 31), 600},
		{"week of a monthly flow", Target{52, model.Month}, Flow, model.D(2026, 11, 23), model.D(2026, 11, 29), 12},
		{"half a month, by days", Target{year, model.FiscalYear}, Flow, model.D(2026, 11, 1), model.D(2026, 11, 15), year * 15 / 365},
		{"two whole months, by days", Target{100, model.Month}, Flow, model.D(2026, 11, 1), model.D(2026, 12, 31), 100 * 12 * 61.0 / 365},
		{"a week not from Monday, by days", Target{year, model.FiscalYear}, Flow, model.D(2026, 11, 24), model.D(2026, 11, 30), year * 7 / 365},
		{"no period is per year", Target{year, ""}, Flow, model.D(2026, 11, 1), model.D(2026, 11, 30), year / 12},
		{"an unknown period is per year", Target{year, "fortnight"}, Flow, model.D(2026, 11, 1), model.D(2026, 11, 30), year / 12},
		{"a rate is never scaled", Target{0.25, model.Month}, Intensive, model.D(2026, 4, 1), model.D(2027, 3, 31), 0.25},
		{"a rate over odd days", Target{0.25, ""}, Intensive, model.D(2026, 11, 3), model.D(2026, 11, 9), 0.25},
	}
	for _, c := range cases {
		got := TargetOver(c.tg, c.kind, c.from, c.to, apr)
		if math.Abs(got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	// A January fiscal start makes January-March a quarter and the
	// calendar year the fiscal year.
	if got := TargetOver(Target{year, model.FiscalYear}, Flow, model.D(2027, 1, 1), model.D(2027, 3, 31), time.January); got != year/4 {
		t.Errorf("Q1 of a January fiscal year: %v, want %v", got, year/4)
	}
	// With an April start, January-March is still a quarter (Q4), but
	// February-April is not one: by days.
	if got, want := TargetOver(Target{year, model.FiscalYear}, Flow, model.D(2027, 2, 1), model.D(2027, 4, 30), apr), year*89.0/365; math.Abs(got-want) > 1e-6 {
		t.Errorf("February-April: %v, want %v", got, want)
	}
}

func TestTargetsInPeriod(t *testing.T) {
	tr := newBusiness(t) // revenue = orders won × average deal size, ...
	kgi := Target{1.2e9, model.FiscalYear}
	targets := map[string]Target{
		"orders_won":    {40, model.Month},
		"avg_deal_size": {2e6, model.FiscalYear}, // intensive: Per means nothing
	}
	week := model.PeriodOf(model.Week, model.D(2026, 11, 26), time.April)
	got := tr.TargetsIn(&kgi, targets, week)
	want := map[string]float64{"revenue": 1.2e9 / 52, "orders_won": 40 * 12.0 / 52, "avg_deal_size": 2e6}
	for k, w := range want {
		if v := got[k]; !v.Valid || math.Abs(v.V-w) > 1e-6 {
			t.Errorf("%s = %v, want %v", k, v, w)
		}
	}
	// Without the KGI, the root is the product of its children's targets;
	// the nodes below orders won have no target.
	if got["opportunities"].Valid || got["visits"].Valid {
		t.Error("a target below orders won, which none was given")
	}
	got = tr.TargetsIn(nil, targets, week)
	if v := got["revenue"]; !v.Valid || math.Abs(v.V-40*12.0/52*2e6) > 1e-6 {
		t.Errorf("revenue from its children = %v, want %v", v, 40*12.0/52*2e6)
	}
}
