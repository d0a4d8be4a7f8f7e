package kpitree

import (
	"math"

	"github.com/kpit-dev/kpit/model"
)

// Evaluate returns every node's value from the values given. A node with a
// value in given keeps it, and its subtree is not used for it (so recorded
// revenue stays recorded revenue, and a figure set on an inner node stands
// in for its subtree); any other operator node is computed from its
// children. A leaf with no value, or an operator with an undefined child, is
// undefined; so is a quotient whose divisor is zero. Nothing is ever NaN or
// Inf: a result that would be is undefined. The result has an entry for
// every node of the tree and nothing else; given is not changed.
func (t *Tree) Evaluate(given map[string]model.Value) map[string]model.Value {
	out := make(map[string]model.Value, len(t.order))
	for i := len(t.order) - 1; i >= 0; i-- { // children before parents
		n := t.order[i]
		if v, ok := given[n.Key]; ok && v.Valid {
			out[n.Key] = finite(v.V)
			continue
		}
		if n.IsLeaf() {
			out[n.Key] = model.None
			continue
		}
		out[n.Key] = apply(n, out)
	}
	return out
}

// apply computes an operator node from its children's values in vals.
func apply(n *Node, vals map[string]model.Value) model.Value {
	acc := vals[n.Children[0].Key]
	if !acc.Valid {
		return model.None
	}
	r := acc.V
	for _, c := range n.Children[1:] {
		v := vals[c.Key]
		if !v.Valid {
			return model.None
		}
		switch n.Op {
		case model.OpMul:
			r *= v.V
		case model.OpDiv:
			if v.V == 0 {
				return model.None
			}
			r /= v.V
		case model.OpAdd:
			r += v.V
		case model.OpSub:
			r -= v.V
		}
	}
	return finite(r)
}

func finite(v float64) model.Value {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return model.None
	}
	return model.Some(v)
}

// WhatIf returns every node's value when the node key takes newValue and the
// other values stay as given: a what-if on one KPI. Values given for the
// node's ancestors are dropped so that they are recomputed from it. A key
// not in the tree changes nothing.
func (t *Tree) WhatIf(given map[string]model.Value, key string, newValue float64) map[string]model.Value {
	vals := make(map[string]model.Value, len(given)+1)
	for k, v := range given {
		vals[k] = v
	}
	if n := t.nodes[key]; n != nil {
		vals[key] = model.Some(newValue)
		for p := n.Parent; p != nil; p = p.Parent {
			delete(vals, p.Key)
		}
	}
	return t.Evaluate(vals)
}
