package kpitree

import (
	"math"

	"github.com/kpit-dev/kpit/model"
)

// Attribute splits each operator node's gap (actual against target) among
// its children and returns, for every non-root node, its share of its
// parent's gap (KPI未達時の分析). Both maps are evaluated first (see
// Evaluate), so leaf values are enough.
//
// Under × and ÷ the split is exact in log space: ln(A/T) = Σ ln(aᵢ/tᵢ), the
// divisor's term negated under ÷, and each child's share is its term over
// the sum. Under + and − the differences add directly (the subtrahend's
// negated). The shares of one node's children sum to 1. A share is negative
// when that child did better than its target while the node missed (or the
// reverse), and can then exceed 1.
//
// All of a node's children are undefined when the node has no gap, when a
// value is missing, or, under × and ÷, when a value is zero or negative. The
// root's entry is 1 when it has a gap, else undefined.
func (t *Tree) Attribute(actual, target map[string]model.Value) map[string]model.Value {
	a, tg := t.Evaluate(actual), t.Evaluate(target)
	out := make(map[string]model.Value, len(t.order))
	out[t.root.Key] = model.None
	if x, y := a[t.root.Key], tg[t.root.Key]; x.Valid && y.Valid && x.V != y.V {
		out[t.root.Key] = model.Some(1)
	}
	for _, n := range t.order {
		if n.IsLeaf() {
			continue
		}
		// Dividing by the sum of the terms, not by the node's own gap, keeps
		// the split exact when a recorded total differs from the product of
		// its recorded parts by rounding. A sum that is only rounding noise
		// next to its terms means the node has no gap.
		terms := childTerms(n, a, tg)
		sum, size := 0.0, 0.0
		for _, x := range terms {
			sum += x
			size = math.Max(size, math.Abs(x))
		}
		for i, c := range n.Children {
			if terms == nil || math.Abs(sum) <= 1e-12*size || math.IsNaN(sum) || math.IsInf(sum, 0) {
				out[c.Key] = model.None
				continue
			}
			out[c.Key] = model.Some(terms[i] / sum)
		}
	}
	return out
}

// childTerms is each child's additive term of node n's gap: log ratios
// under × and ÷, differences under + and −; nil when any is undefined.
func childTerms(n *Node, a, t map[string]model.Value) []float64 {
	terms := make([]float64, len(n.Children))
	for i, c := range n.Children {
		x, y := a[c.Key], t[c.Key]
		if !x.Valid || !y.Valid {
			return nil
		}
		sign := 1.0
		if i > 0 && (n.Op == model.OpDiv || n.Op == model.OpSub) {
			sign = -1
		}
		switch n.Op {
		case model.OpMul, model.OpDiv:
			if x.V <= 0 || y.V <= 0 {
				return nil
			}
			terms[i] = sign * math.Log(x.V/y.V)
		default:
			terms[i] = sign * (x.V - y.V)
		}
	}
	return terms
}

// RootShares is every node's share of the root's gap: the shares from
// Attribute multiplied down its path (1 for the root when it has a gap),
// undefined where a share on the way is.
func (t *Tree) RootShares(shares map[string]model.Value) map[string]model.Value {
	out := make(map[string]model.Value, len(t.order))
	for _, n := range t.order { // parents before children
		if n.Parent == nil {
			out[n.Key] = shares[n.Key]
			continue
		}
		up, own := out[n.Parent.Key], shares[n.Key]
		if !up.Valid || !own.Valid {
			out[n.Key] = model.None
			continue
		}
		out[n.Key] = model.Some(up.V * own.V)
	}
	return out
}

// CauseShares is the share of the root's gap of each cause: a node as deep
// as the split goes, a leaf or a node whose gap cannot be split among its
// children (their values are missing, or zero under x and ÷), such as an
// inner node given a value of its own. The causes' shares add up to 1; the
// map is empty when the root has no gap.
func (t *Tree) CauseShares(shares map[string]model.Value) map[string]model.Value {
	root := t.RootShares(shares)
	out := map[string]model.Value{}
	for _, n := range t.order {
		if root[n.Key].Valid && (n.IsLeaf() || !root[n.Children[0].Key].Valid) {
			out[n.Key] = root[n.Key]
		}
	}
	return out
}

// MainCause is the cause that explains most of the root's miss (the
// largest of CauseShares), with its share; "" when the root has no gap.
// It is the one rule for "the main cause" in kpit: kpit tree, kpit report
// and the cockpit all call it. A cause is a leaf whenever the gap can be
// split down to the leaves, which is the usual case; an inner node is named
// only where the split stops at it (its children's figures are missing, or
// zero under x and ÷), because there the miss cannot be pinned on a leaf,
// and passing it over would name a lesser leaf elsewhere as the main cause.
// Ties go to the node first in display order.
func (t *Tree) MainCause(actual, target map[string]model.Value) (string, model.Value) {
	causes := t.CauseShares(t.Attribute(actual, target))
	best, share := "", model.None
	for _, n := range t.order {
		if v, ok := causes[n.Key]; ok && (!share.Valid || v.V > share.V) {
			best, share = n.Key, v
		}
	}
	return best, share
}
