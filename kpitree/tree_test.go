package kpitree

import (
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func def(key, parent string, op model.Op, pos int) model.TreeNodeDef {
	return model.TreeNodeDef{Key: key, ParentKey: parent, Op: op, Position: pos}
}

func TestBuildRefuses(t *testing.T) {
	leaf, mul, div, sub := model.OpLeaf, model.OpMul, model.OpDiv, model.OpSub
	for _, tc := range []struct {
		name string
		defs []model.TreeNodeDef
		want string
	}{
		{"empty", nil, "no nodes"},
		{"no root", []model.TreeNodeDef{def("a", "b", mul, 0), def("b", "a", mul, 0)}, "no root"},
		{"two roots", []model.TreeNodeDef{def("a", "", leaf, 0), def("b", "", leaf, 0)}, "two roots"},
		{"cycle beside the root", []model.TreeNodeDef{def("r", "", mul, 0), def("x", "r", leaf, 0),
			def("a", "b", mul, 0), def("b", "a", mul, 0)}, "cycle"},
		{"unknown parent", []model.TreeNodeDef{def("r", "", mul, 0), def("x", "nope", leaf, 0)}, `unknown parent "nope"`},
		{"leaf with children", []model.TreeNodeDef{def("r", "", leaf, 0), def("x", "r", leaf, 0)}, "leaf \"r\" has children"},
		{"operator without children", []model.TreeNodeDef{def("r", "", mul, 0)}, "has no children"},
		{"three-way division", []model.TreeNodeDef{def("r", "", div, 0), def("a", "r", leaf, 0),
			def("b", "r", leaf, 1), def("c", "r", leaf, 2)}, "exactly two"},
		{"one-child difference", []model.TreeNodeDef{def("r", "", sub, 0), def("a", "r", leaf, 0)}, "exactly two"},
		{"duplicate key", []model.TreeNodeDef{def("r", "", mul, 0), def("a", "r", leaf, 0), def("a", "r", leaf, 1)}, "twice"},
		{"unknown operator", []model.TreeNodeDef{def("r", "", "^", 0)}, "unknown operator"},
		{"empty key", []model.TreeNodeDef{def("", "", leaf, 0)}, "empty key"},
	} {
		tr, err := Build(tc.defs)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, %v; want an error with %q", tc.name, tr, err, tc.want)
		}
	}
}

func TestBuildOrderAndDefs(t *testing.T) {
	// Given out of order: positions decide the display order.
	tr, err := Build([]model.TreeNodeDef{
		def("b", "r", model.OpLeaf, 2), def("r", "", model.OpAdd, 0), def("a", "r", model.OpMul, 1),
		def("a2", "a", model.OpLeaf, 5), def("a1", "a", model.OpLeaf, 3), def("c", "r", model.OpLeaf, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tr.Keys(), " "); got != "r c a a1 a2 b" {
		t.Errorf("display order %q", got)
	}
	var depths []int
	tr.Walk(func(n *Node, d int) {
		depths = append(depths, d)
		if d != n.Depth() {
			t.Errorf("%s: walk depth %d, Depth %d", n.Key, d, n.Depth())
		}
	})
	if len(depths) != 6 || depths[3] != 2 {
		t.Errorf("depths %v", depths)
	}
	var leaves []string
	for _, n := range tr.Leaves() {
		leaves = append(leaves, n.Key)
	}
	if strings.Join(leaves, " ") != "c a1 a2 b" {
		t.Errorf("leaves %v", leaves)
	}
	again, err := Build(tr.Defs())
	if err != nil || strings.Join(again.Keys(), " ") != "r c a a1 a2 b" {
		t.Fatalf("Build(Defs()) = %v, %v", again, err)
	}
	if d := again.Defs(); d[3] != def("a1", "a", model.OpLeaf, 0) || d[0] != def("r", "", model.OpAdd, 0) {
		t.Errorf("defs %v", d)
	}
	if tr.Node("zz") != nil || tr.Node("a1") == nil || tr.Path("zz") != nil {
		t.Error("lookup of a missing key")
	}
	if p := tr.Path("a2"); len(p) != 3 || p[0].Key != "r" || p[2].Key != "a2" {
		t.Errorf("path %v", p)
	}
}

// The new-business template is exactly docs/kpi-tree.md (these keys are
// a contract with outside checks).
func TestTemplateNewBusiness(t *testing.T) {
	want := map[string][2]string{ // key: parent, op
		"revenue":                  {"", "*"},
		"orders_won":               {"revenue", "*"},
		"avg_deal_size":            {"revenue", "leaf"},
		"opportunities":            {"orders_won", "*"},
		"win_rate":                 {"orders_won", "leaf"},
		"leads":                    {"opportunities", "*"},
		"lead_to_opportunity_rate": {"opportunities", "leaf"},
		"visits":                   {"leads", "leaf"},
		"lead_capture_rate":        {"leads", "leaf"},
	}
	defs := Template(model.StyleNewBusiness)
	if len(defs) != len(want) {
		t.Fatalf("%d nodes, want %d", len(defs), len(want))
	}
	for _, d := range defs {
		if w, ok := want[d.Key]; !ok || w[0] != d.ParentKey || w[1] != string(d.Op) {
			t.Errorf("node %+v, want %v", d, w)
		}
	}
	tr := newBusiness(t)
	kinds := map[string]Kind{"revenue": Flow, "orders_won": Flow, "opportunities": Flow, "leads": Flow, "visits": Flow,
		"avg_deal_size": Intensive, "win_rate": Intensive, "lead_to_opportunity_rate": Intensive, "lead_capture_rate": Intensive}
	for k, want := range kinds {
		if got := tr.Node(k).Kind; got != want {
			t.Errorf("%s kind %s, want %s", k, got, want)
		}
	}
}

func TestTemplatesBuildAndAreNamed(t *testing.T) {
	for _, s := range model.Styles() {
		tr, err := Build(Template(s.Key))
		if err != nil {
			t.Errorf("%s: %v", s.Key, err)
			continue
		}
		for _, n := range tr.Nodes() {
			if _, ok := model.KPIDefinition(n.Key); !ok {
				t.Errorf("%s: node %s has no catalogue entry", s.Key, n.Key)
			}
		}
	}
	if Template("nope") != nil {
		t.Error("unknown style gave a template")
	}
}

func TestKinds(t *testing.T) {
	if KindOf("made_up", model.UnitCount) != Flow || KindOf("made_up", model.UnitMoney) != Flow ||
		KindOf("made_up", model.UnitRatio) != Intensive || KindOf("made_up", "") != Flow {
		t.Error("unknown keys by unit")
	}
	if KindOf("avg_deal_size", model.UnitMoney) != Intensive || KindOf("existing_accounts", model.UnitCount) != Intensive {
		t.Error("the catalogue decides for keys it knows")
	}
	// Derived nodes: a flow times a rate is a flow; a flow over a flow is not.
	tr, err := Build([]model.TreeNodeDef{def("r", "", model.OpDiv, 0), def("x", "r", model.OpMul, 0),
		def("y", "r", model.OpLeaf, 1), def("x1", "x", model.OpLeaf, 0), def("x2", "x", model.OpLeaf, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Node("x").Kind != Flow || tr.Node("r").Kind != Intensive || tr.Node("r").Unit != model.UnitRatio {
		t.Errorf("x %s, r %s %s", tr.Node("x").Kind, tr.Node("r").Kind, tr.Node("r").Unit)
	}
	tr.ApplyKPIs([]model.KPI{{Key: "x2", Unit: model.UnitRatio}, {Key: "y", Unit: model.UnitMoney}})
	if tr.Node("x2").Kind != Intensive || tr.Node("x2").Unit != model.UnitRatio || tr.Node("y").Unit != model.UnitMoney {
		t.Error("ApplyKPIs")
	}
}

func TestScale(t *testing.T) {
	for _, tc := range []struct {
		v        float64
		from, to model.PeriodKind
		want     float64
	}{
		{50, model.Month, model.FiscalYear, 600},
		{600, model.FiscalYear, model.Month, 50},
		{10, model.Week, model.FiscalYear, 520},
		{100, model.Quarter, model.FiscalYear, 400},
		{100, model.Quarter, model.Month, 100.0 / 3},
		{52, model.FiscalYear, model.Week, 1},
		{7, model.Week, model.Week, 7},
	} {
		if got := Scale(tc.v, tc.from, tc.to); !near(got, tc.want, 1e-9) {
			t.Errorf("Scale(%v, %s, %s) = %v, want %v", tc.v, tc.from, tc.to, got, tc.want)
		}
	}
}
