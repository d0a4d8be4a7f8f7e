package kpitree

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

func TestAttributeProduct(t *testing.T) {
	tr := newBusiness(t)
	// Target: 50 opportunities, 30% won, ¥2,000,000 → ¥30,000,000.
	// Actual: 40 opportunities, 30% won, ¥2,200,000 → ¥26,400,000.
	target := vals("opportunities", 50.0, "win_rate", 0.3, "avg_deal_size", 2e6)
	actual := vals("opportunities", 40.0, "win_rate", 0.3, "avg_deal_size", 2.2e6)
	s := tr.Attribute(actual, target)
	total := math.Log(26.4e6 / 30e6) // ln(A/T) of revenue, from the totals
	cases := map[string]float64{
		"revenue":       1,
		"orders_won":    math.Log(12.0/15) / total,
		"avg_deal_size": math.Log(1.1) / total,
		"opportunities": 1, // the only factor of orders_won that moved
		"win_rate":      0,
	}
	for k, w := range cases {
		if v := s[k]; !v.Valid || !near(v.V, w, 1e-12) {
			t.Errorf("share %s = %+v, want %v", k, v, w)
		}
	}
	// Orders explain more than all of the miss (1.72), the bigger deals
	// won some back (−0.72).
	if s["orders_won"].V < 1.7 || s["avg_deal_size"].V > -0.7 {
		t.Errorf("shares %v %v", s["orders_won"].V, s["avg_deal_size"].V)
	}
	// Below the set opportunities there is nothing to split.
	if s["leads"].Valid || s["visits"].Valid {
		t.Error("shares below a node with no children's values")
	}
	// opportunities, given a value of its own, is the cause (1.72 of the miss).
	if key, share := tr.MainCause(actual, target); key != "opportunities" || !near(share.V, cases["orders_won"], 1e-12) {
		t.Errorf("main cause %s %v", key, share)
	}
	causes := tr.CauseShares(s)
	if len(causes) != 3 || !near(causes["avg_deal_size"].V, cases["avg_deal_size"], 1e-12) || causes["win_rate"].V != 0 {
		t.Errorf("causes %v", causes)
	}
	if c := tr.CauseShares(tr.Attribute(target, target)); len(c) != 0 {
		t.Errorf("causes without a gap %v", c)
	}
}

func TestAttributeSumAndDifference(t *testing.T) {
	tr, err := Build([]model.TreeNodeDef{def("profit", "", model.OpSub, 0), def("sales", "profit", model.OpAdd, 0),
		def("cost", "profit", model.OpLeaf, 1), def("new", "sales", model.OpLeaf, 0), def("repeat", "sales", model.OpLeaf, 1)})
	if err != nil {
		t.Fatal(err)
	}
	// Target 100 + 50 − 40 = 110; actual 80 + 55 − 45 = 90: a gap of −20.
	s := tr.Attribute(vals("new", 80.0, "repeat", 55.0, "cost", 45.0), vals("new", 100.0, "repeat", 50.0, "cost", 40.0))
	want := map[string]float64{"sales": -15.0 / -20, "cost": 5.0 / 20, "new": -20.0 / -15, "repeat": 5.0 / -15}
	for k, w := range want {
		if !near(s[k].V, w, 1e-12) {
			t.Errorf("share %s = %v, want %v", k, s[k].V, w)
		}
	}
	leaf := tr.CauseShares(s)
	// new explains −20 of −20 (1.0), repeat +5 (−0.25), cost −5 (0.25).
	for k, w := range map[string]float64{"new": 1, "repeat": -0.25, "cost": 0.25} {
		if !near(leaf[k].V, w, 1e-12) {
			t.Errorf("leaf share %s = %v, want %v", k, leaf[k].V, w)
		}
	}
	if key, share := tr.MainCause(vals("new", 80.0, "repeat", 55.0, "cost", 45.0), vals("new", 100.0, "repeat", 50.0, "cost", 40.0)); key != "new" || !near(share.V, 1, 1e-12) {
		t.Errorf("main cause %s %v", key, share)
	}
}

// Under ÷ the divisor's term is negated: churn above target lowers LTV.
func TestAttributeQuotient(t *testing.T) {
	tr, _ := Build(Template(model.StyleCustomerSuccess))
	s := tr.Attribute(vals("avg_mrr", 45000.0, "monthly_churn_rate", 0.03), vals("avg_mrr", 50000.0, "monthly_churn_rate", 0.02))
	total := math.Log((45000 / 0.03) / (50000 / 0.02))
	if !near(s["avg_mrr"].V, math.Log(0.9)/total, 1e-12) || !near(s["monthly_churn_rate"].V, -math.Log(1.5)/total, 1e-12) {
		t.Errorf("shares %v %v", s["avg_mrr"], s["monthly_churn_rate"])
	}
	if s["monthly_churn_rate"].V < s["avg_mrr"].V {
		t.Error("higher churn should explain more of the LTV miss")
	}
}

func TestAttributeUndefined(t *testing.T) {
	tr := newBusiness(t)
	target := vals("opportunities", 50.0, "win_rate", 0.3, "avg_deal_size", 2e6)
	for name, actual := range map[string]map[string]model.Value{
		"no gap":        vals("opportunities", 50.0, "win_rate", 0.3, "avg_deal_size", 2e6),
		"zero factor":   vals("opportunities", 0.0, "win_rate", 0.3, "avg_deal_size", 2e6),
		"negative":      vals("opportunities", -5.0, "win_rate", 0.3, "avg_deal_size", 2e6),
		"missing value": vals("opportunities", 40.0, "avg_deal_size", 2e6),
	} {
		s, u := tr.Attribute(actual, target), tr.Unexplained(actual, target)
		if s["orders_won"].Valid || s["avg_deal_size"].Valid || u["revenue"].Valid {
			t.Errorf("%s: shares %v %v, unexplained %v, want undefined", name, s["orders_won"], s["avg_deal_size"], u["revenue"])
		}
	}
	// Factors that offset exactly leave no gap to split.
	s := tr.Attribute(vals("opportunities", 100.0, "win_rate", 0.15, "avg_deal_size", 2e6), target)
	if s["revenue"].Valid || s["orders_won"].Valid {
		t.Errorf("offsetting factors: %v %v", s["revenue"], s["orders_won"])
	}
}

// randomTree builds a tree of about n nodes with random operators, random
// positive actual and target values for its leaves, and, on about a third
// of its operator nodes, a recorded actual or target of its own that is not
// what its children make (as recorded orders won is not opportunities × win
// rate).
func randomTree(r *rand.Rand, n int) (*Tree, map[string]model.Value, map[string]model.Value, error) {
	ops := []model.Op{model.OpMul, model.OpDiv, model.OpAdd, model.OpSub}
	var defs []model.TreeNodeDef
	var grow func(parent string, pos int)
	grow = func(parent string, pos int) {
		key := fmt.Sprintf("n%d", len(defs))
		op := model.OpLeaf
		if parent == "" || (len(defs) < n && r.IntN(3) == 0) {
			op = ops[r.IntN(len(ops))]
		}
		defs = append(defs, model.TreeNodeDef{Key: key, ParentKey: parent, Op: op, Position: pos})
		children := 0
		switch op {
		case model.OpDiv, model.OpSub:
			children = 2
		case model.OpMul, model.OpAdd:
			children = 2 + r.IntN(3)
		}
		for i := 0; i < children; i++ {
			grow(key, i)
		}
	}
	grow("", 0)
	tr, err := Build(defs)
	if err != nil {
		return nil, nil, nil, err
	}
	actual, target := map[string]model.Value{}, map[string]model.Value{}
	for _, n := range tr.Nodes() {
		if !n.IsLeaf() && r.IntN(3) != 0 {
			continue
		}
		t := 1 + r.Float64()*99
		if n.IsLeaf() || r.IntN(2) == 0 {
			actual[n.Key] = model.Some(t * (0.5 + r.Float64()))
		}
		if n.IsLeaf() || r.IntN(2) == 0 {
			target[n.Key] = model.Some(t)
		}
	}
	return tr, actual, target, nil
}

// residual is how far a node's value v is from what its children's values
// vals make, in the terms of its gap: ln(v ÷ the product, divisors
// inverted) under × and ÷, v − the sum (subtrahend negated) under + and −.
// It works from the children's product, not from their log terms, so it is
// an independent route to the unexplained share.
func residual(n *Node, v float64, vals map[string]model.Value) float64 {
	made := vals[n.Children[0].Key].V
	for _, c := range n.Children[1:] {
		switch n.Op {
		case model.OpMul:
			made *= vals[c.Key].V
		case model.OpDiv:
			made /= vals[c.Key].V
		case model.OpAdd:
			made += vals[c.Key].V
		case model.OpSub:
			made -= vals[c.Key].V
		}
	}
	if n.Op == model.OpMul || n.Op == model.OpDiv {
		return math.Log(v / made)
	}
	return v - made
}

// On random trees, at every operator node that is off target by 1% or more
// with positive figures (any figures under + and −), the children's shares
// plus the unexplained share are 1, each share times the node's gap gives
// back the child's own term, and the unexplained share times the gap is the
// node's residual (actual against target); at every other operator node the
// children and the unexplained share are undefined. Over the whole tree the
// causes plus the unexplained parts make the root's gap.
func TestAttributeRandomTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	split, unexplained, undefined := 0, 0, 0
	for i := 0; i < 500; i++ {
		tr, actual, target, err := randomTree(r, 3+r.IntN(30))
		if err != nil {
			t.Fatal(err)
		}
		s, u := tr.Attribute(actual, target), tr.Unexplained(actual, target)
		a, tg := tr.Evaluate(actual), tr.Evaluate(target)
		logs := func(n *Node) bool { return n.Op == model.OpMul || n.Op == model.OpDiv }
		for _, n := range tr.Nodes() {
			if n.IsLeaf() {
				if _, ok := u[n.Key]; ok {
					t.Fatalf("tree %d leaf %s has an unexplained share", i, n.Key)
				}
				continue
			}
			values := []model.Value{a[n.Key], tg[n.Key]}
			for _, c := range n.Children {
				values = append(values, a[c.Key], tg[c.Key])
			}
			want := math.Abs(a[n.Key].V-tg[n.Key].V) >= 0.01*math.Abs(tg[n.Key].V) && a[n.Key].V != tg[n.Key].V
			for _, v := range values {
				want = want && v.Valid && (v.V > 0 || !logs(n))
			}
			if !want {
				for _, c := range n.Children {
					if s[c.Key].Valid {
						t.Fatalf("tree %d node %s (%s): child %s has share %v, want undefined", i, n.Key, n.Op, c.Key, s[c.Key].V)
					}
				}
				if u[n.Key].Valid {
					t.Fatalf("tree %d node %s (%s): unexplained %v, want undefined", i, n.Key, n.Op, u[n.Key].V)
				}
				undefined++
				continue
			}
			gap := a[n.Key].V - tg[n.Key].V
			if logs(n) {
				gap = math.Log(a[n.Key].V / tg[n.Key].V)
			}
			if !u[n.Key].Valid {
				t.Fatalf("tree %d node %s (%s): unexplained undefined", i, n.Key, n.Op)
			}
			sum, size := u[n.Key].V, math.Abs(u[n.Key].V)
			for j, c := range n.Children {
				if !s[c.Key].Valid {
					t.Fatalf("tree %d node %s (%s): child %s undefined", i, n.Key, n.Op, c.Key)
				}
				sum += s[c.Key].V
				size = math.Max(size, math.Abs(s[c.Key].V))
				own := a[c.Key].V - tg[c.Key].V
				if logs(n) {
					own = math.Log(a[c.Key].V / tg[c.Key].V)
				}
				if j == 1 && (n.Op == model.OpDiv || n.Op == model.OpSub) {
					own = -own
				}
				if math.Abs(s[c.Key].V*gap-own) > 1e-9*math.Max(1, math.Abs(own)) {
					t.Fatalf("tree %d node %s child %s: share %v × %v ≠ %v", i, n.Key, c.Key, s[c.Key].V, gap, own)
				}
			}
			// Within 1e-9, or 1e-9 of the largest share where a child's
			// figures dwarf the node's (a recorded 92 over children of 6.5e9
			// gives shares of 1e8, and float64 carries 16 digits of them).
			if math.Abs(sum-1) > 1e-9*math.Max(1, size) {
				t.Fatalf("tree %d node %s (%s): children + unexplained = %v", i, n.Key, n.Op, sum)
			}
			res := residual(n, a[n.Key].V, a) - residual(n, tg[n.Key].V, tg)
			if math.Abs(u[n.Key].V*gap-res) > 1e-9*math.Max(math.Max(1, math.Abs(res)), size*math.Abs(gap)) {
				t.Fatalf("tree %d node %s (%s): unexplained %v × %v ≠ residual %v", i, n.Key, n.Op, u[n.Key].V, gap, res)
			}
			split++
			if math.Abs(u[n.Key].V) > 0.01 {
				unexplained++
			}
		}
		if !s["n0"].Valid {
			continue
		}
		root := tr.RootShares(s)
		sum := 0.0
		for _, v := range tr.CauseShares(s) {
			sum += v.V
		}
		for k, v := range u {
			if v.Valid {
				sum += root[k].V * v.V
			}
		}
		if math.Abs(sum-1) > 1e-6 {
			t.Fatalf("tree %d: causes + unexplained parts = %v", i, sum)
		}
	}
	// Enough of each kind of node for the checks above to mean something.
	if split < 1000 || unexplained < 200 || undefined < 50 {
		t.Errorf("split %d nodes (%d with an unexplained share), %d undefined", split, unexplained, undefined)
	}
}

func TestRootShares(t *testing.T) {
	tr := newBusiness(t)
	target := vals("visits", 400.0, "lead_capture_rate", 0.5, "lead_to_opportunity_rate", 0.25, "win_rate", 0.3, "avg_deal_size", 2e6)
	actual := vals("visits", 300.0, "lead_capture_rate", 0.5, "lead_to_opportunity_rate", 0.25, "win_rate", 0.3, "avg_deal_size", 2e6)
	// Only visits moved: every node on its path carries the whole gap, the rest none.
	root := tr.RootShares(tr.Attribute(actual, target))
	for _, n := range tr.Nodes() {
		want := 0.0
		if n.Key == "visits" || !n.IsLeaf() {
			want = 1
		}
		if v := root[n.Key]; !v.Valid || !near(v.V, want, 1e-12) {
			t.Errorf("%s: %+v, want %v", n.Key, v, want)
		}
	}
	if key, share := tr.MainCause(actual, target); key != "visits" || !near(share.V, 1, 1e-12) {
		t.Errorf("main cause %s %v", key, share)
	}
}
