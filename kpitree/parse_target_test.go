package kpitree

import (
	"errors"
	"math"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func TestParseTarget(t *testing.T) {
	for _, c := range []struct {
		text    string
		unit    model.Unit
		kind    Kind
		per     model.PeriodKind
		want    Target
		problem TargetProblem // 0: accepted
	}{
		{"42%", model.UnitRatio, Intensive, "", Target{0.42, model.Month}, 0},
		{"0.3", model.UnitRatio, Intensive, model.FiscalYear, Target{0.3, model.FiscalYear}, 0},
		{"35", model.UnitRatio, Intensive, "", Target{0.35, model.Month}, 0}, // 35 for a rate is 35%
		{"140%", model.UnitRatio, Intensive, "", Target{}, TargetRateOver100},
		{"40%/month", model.UnitRatio, Intensive, "", Target{}, TargetRateWithPeriod},
		{"140/month", model.UnitCount, Flow, model.FiscalYear, Target{140, model.Month}, 0},
		{"1680", model.UnitCount, Flow, model.FiscalYear, Target{1680, model.FiscalYear}, 0}, // keeps its period
		{"150", model.UnitCount, Flow, "", Target{150, model.Month}, 0},
		{"30%", model.UnitCount, Flow, "", Target{}, TargetPercentNotRate},
		{"200万", model.UnitMoney, Intensive, "", Target{2e6, model.Month}, 0},
		{"200万/month", model.UnitMoney, Intensive, "", Target{}, TargetLevelWithPeriod},
		{"-5", model.UnitCount, Flow, "", Target{}, TargetNegative},
	} {
		got, err := ParseTarget(c.text, c.unit, c.kind, c.per)
		var te *TargetError
		switch {
		case c.problem == 0 && (err != nil || math.Abs(got.Value-c.want.Value) > 1e-12 || got.Per != c.want.Per):
			t.Errorf("%q: %+v, %v; want %+v", c.text, got, err, c.want)
		case c.problem != 0 && (!errors.As(err, &te) || te.Problem != c.problem || te.Text != c.text):
			t.Errorf("%q: %v, want problem %d", c.text, err, c.problem)
		}
	}
	if _, err := ParseTarget("abc", model.UnitCount, Flow, ""); err == nil {
		t.Error("abc accepted")
	}
}

// FuzzParseTarget: whatever is typed, a rate's target is 0..1, no target
// is negative, and every period is a known one.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"42%", "140/month", "200万", "35", "-1", "1e400", "％", "/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, unit := range []model.Unit{model.UnitRatio, model.UnitCount, model.UnitMoney} {
			tg, err := ParseTarget(text, unit, KindOf("", unit), "")
			if err != nil {
				continue
			}
			if tg.Value < 0 || !tg.Per.Valid() || unit == model.UnitRatio && tg.Value > 1 || math.IsNaN(tg.Value) {
				t.Fatalf("%q (%s): %+v", text, unit, tg)
			}
		}
	})
}
