package kpitree

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func benchNewBusiness(b *testing.B) (*Tree, map[string]model.Value, map[string]model.Value) {
	tr, err := Build(Template(model.StyleNewBusiness))
	if err != nil {
		b.Fatal(err)
	}
	target := vals("visits", 400.0, "lead_capture_rate", 0.5, "lead_to_opportunity_rate", 0.25, "win_rate", 0.3, "avg_deal_size", 2e6)
	actual := vals("visits", 350.0, "lead_capture_rate", 0.45, "lead_to_opportunity_rate", 0.27, "win_rate", 0.28, "avg_deal_size", 2.1e6)
	return tr, actual, target
}

// benchLarge is a full tree of 1,093 nodes: fan-out 3, depth 6, levels
// alternating x and +, with 729 leaves.
func benchLarge(b *testing.B) (*Tree, map[string]model.Value, map[string]model.Value) {
	defs := []model.TreeNodeDef{{Key: "n0", Op: model.OpMul}}
	level := []string{"n0"}
	for depth := 1; depth <= 6; depth++ {
		op := model.OpAdd
		switch {
		case depth == 6:
			op = model.OpLeaf
		case depth%2 == 0:
			op = model.OpMul
		}
		var next []string
		for _, parent := range level {
			for pos := 0; pos < 3; pos++ {
				key := fmt.Sprintf("n%d", len(defs))
				defs = append(defs, model.TreeNodeDef{Key: key, ParentKey: parent, Op: op, Position: pos})
				next = append(next, key)
			}
		}
		level = next
	}
	tr, err := Build(defs)
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	actual, target := map[string]model.Value{}, map[string]model.Value{}
	for _, l := range tr.Leaves() {
		t := 1 + r.Float64()*9
		actual[l.Key], target[l.Key] = model.Some(t*(0.8+0.4*r.Float64())), model.Some(t)
	}
	return tr, actual, target
}

func BenchmarkEvaluateNewBusiness(b *testing.B) {
	tr, actual, _ := benchNewBusiness(b)
	for b.Loop() {
		tr.Evaluate(actual)
	}
}

func BenchmarkPlanNewBusiness(b *testing.B) {
	tr, _, _ := benchNewBusiness(b)
	targets := map[string]Target{"opportunities": {Value: 50, Per: model.Month}, "win_rate": {Value: 0.3}, "avg_deal_size": {Value: 2e6}}
	for b.Loop() {
		tr.Plan(Target{Value: 1e9, Per: model.FiscalYear}, targets)
	}
}

func BenchmarkAttributeNewBusiness(b *testing.B) {
	tr, actual, target := benchNewBusiness(b)
	for b.Loop() {
		tr.MainCause(actual, target)
	}
}

func BenchmarkEvaluate1000Nodes(b *testing.B) {
	tr, actual, _ := benchLarge(b)
	b.ReportMetric(float64(len(tr.Nodes())), "nodes")
	for b.Loop() {
		tr.Evaluate(actual)
	}
}

func BenchmarkPlan1000Nodes(b *testing.B) {
	tr, actual, _ := benchLarge(b)
	targets := map[string]Target{}
	for k, v := range actual {
		targets[k] = Target{Value: v.V, Per: model.Month}
	}
	b.ReportMetric(float64(len(tr.Nodes())), "nodes")
	for b.Loop() {
		tr.Plan(Target{Value: 1e9, Per: model.FiscalYear}, targets)
	}
}

func BenchmarkAttribute1000Nodes(b *testing.B) {
	tr, actual, target := benchLarge(b)
	b.ReportMetric(float64(len(tr.Nodes())), "nodes")
	for b.Loop() {
		tr.MainCause(actual, target)
	}
}
