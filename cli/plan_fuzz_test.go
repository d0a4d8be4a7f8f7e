package cli

import (
	"math"
	"testing"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
)

// FuzzPlanValues: kpit plan's --kgi and one --set, from any text, are
// refused or give finite values within their node's unit (a rate 0 to 1,
// nothing negative), and the plan built from them holds no NaN.
func FuzzPlanValues(f *testing.F) {
	for _, s := range [][2]string{{"10億", "win_rate=30%"}, {"1e15", "deals=1200/month"}, {"５億円", "win_rate=0.3/year"},
		{"-1", "x=1"}, {"10億", "win_rate=101%"}, {"NaN", "deals=Inf"}, {"10億", "avg_deal_size=1/week"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, kgi, set string) {
		in, err := parsePlanInput(kgi, []string{set})
		if err != nil {
			return
		}
		if !finite(in.kgi.Value) || in.kgi.Value <= 0 {
			t.Fatalf("--kgi %q: %v", kgi, in.kgi.Value)
		}
		for key, tgt := range in.targets {
			n := in.tree.Node(key)
			if !finite(tgt.Value) || tgt.Value < 0 || n.Unit == model.UnitRatio && tgt.Value > 1 {
				t.Fatalf("--set %q: %s = %v (%s)", set, key, tgt.Value, n.Unit)
			}
		}
		p := in.tree.Plan(in.kgi, in.targets)
		checkPlanFinite(t, kgi, set, p)
	})
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// checkPlanFinite fails on a NaN among the plan's defined values: an
// undefined value says so (Valid false) rather than carrying NaN.
func checkPlanFinite(t *testing.T, kgi, set string, p kpitree.Plan) {
	t.Helper()
	values := map[string]model.Value{"implied": p.Implied, "ratio": p.Ratio}
	for k, v := range p.Values {
		values[k] = v
	}
	for k, v := range values {
		if v.Valid && math.IsNaN(v.V) {
			t.Fatalf("--kgi %q --set %q: %s is NaN", kgi, set, k)
		}
	}
}
