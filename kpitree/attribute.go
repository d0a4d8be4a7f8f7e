package kpitree

import (
	"math"

	"github.com/kpit-dev/kpit/model"
)

// OnTargetWithin is how close to its target a node must be for kpit to say
// it has no gap to split: |A − T| < 1% of |T| (for positive figures, the
// same as |A/T − 1| < 1%).
//
// Why 1%: a node's recorded actual is not the product of its recorded
// children (orders won counts deals closed in the range, opportunities deals
// created in it) and a target pro-rated by days (41.4 orders) is never met
// in whole deals, so a node near its target has a gap that is mostly that
// noise. Dividing its children's ordinary misses (opportunities −22%) by a
// gap near zero gave shares of thousands of percent that said nothing. A
// miss under 1% is also far inside on track (model.OnTrackAt), so nobody
// asks for its cause.
const OnTargetWithin = 0.01

// Attribute splits each operator node's own gap (actual against target)
// among its children and returns, for every non-root node, its share of its
// parent's gap (KPI未達時の分析). The root's entry is 1 when it has a gap
// (it is not within OnTargetWithin of its target), else undefined. Both
// maps are evaluated first (see Evaluate), so leaf values are enough, and a
// value recorded on an inner node stands as that node's actual or target.
//
// A node's gap g is ln(A/T) under × and ÷ and A − T under + and −, from its
// own values. Each child's term is ln(aᵢ/tᵢ) under × and ÷ (the divisor's
// negated) and aᵢ − tᵢ under + and − (the subtrahend's negated), and its
// share is its term ÷ g. For a node computed from its children the terms add
// up to g exactly; for one whose recorded figure is not what its children
// make (orders won is not opportunities × win rate: different cohorts of
// deals) or whose target is not what its children's targets make, the
// remainder is the node's unexplained share (see Unexplained), so the
// children's shares plus it are 1. The shares are never divided by their
// own sum: that sum can be near zero when children miss in opposite
// directions, and the shares then explode.
//
// A share is negative when that child did better than its target while the
// node missed (or the reverse), and can then exceed 1. All of a node's
// children are undefined when the node is within OnTargetWithin of its
// target (nothing to split), when a value of the node or of a child is
// missing, or, under × and ÷, when one is zero or negative.
func (t *Tree) Attribute(actual, target map[string]model.Value) map[string]model.Value {
	shares, _ := t.split(actual, target)
	return shares
}

// Unexplained is, for every operator node, the share of its own gap that
// its children do not explain (see Attribute): 1 − the sum of its children's
// shares, undefined exactly where their shares are. Leaves have no entry.
// Under × it is ln of how far the node's actual departs from its children's
// product, against how far its target does from theirs, over ln(A/T); it is
// 0 for a node computed from its children.
func (t *Tree) Unexplained(actual, target map[string]model.Value) map[string]model.Value {
	_, unexplained := t.split(actual, target)
	return unexplained
}

// split is Attribute and Unexplained: the one place the split is made.
func (t *Tree) split(actual, target map[string]model.Value) (shares, unexplained map[string]model.Value) {
	a, tg := t.Evaluate(actual), t.Evaluate(target)
	shares = make(map[string]model.Value, len(t.order))
	unexplained = map[string]model.Value{}
	shares[t.root.Key] = model.None
	if x, y := a[t.root.Key], tg[t.root.Key]; x.Valid && y.Valid && !onTarget(x.V, y.V) {
		shares[t.root.Key] = model.Some(1)
	}
	for _, n := range t.order {
		if n.IsLeaf() {
			continue
		}
		unexplained[n.Key] = model.None
		for _, c := range n.Children {
			shares[c.Key] = model.None
		}
		gap, ok := gapOf(n.Op, a[n.Key], tg[n.Key])
		terms := childTerms(n, a, tg)
		if !ok || terms == nil {
			continue
		}
		rest := 1.0
		for _, x := range terms {
			rest -= x / gap
		}
		if math.IsNaN(rest) || math.IsInf(rest, 0) {
			continue
		}
		// For a node computed from its children what is left is rounding
		// in the logs (under 1e-12 for any figure kpit shows): call it 0 so
		// that it reads 0.0%, not −0.0%.
		if math.Abs(rest) < 1e-9 {
			rest = 0
		}
		unexplained[n.Key] = model.Some(rest)
		for i, c := range n.Children {
			shares[c.Key] = model.Some(terms[i] / gap)
		}
	}
	return shares, unexplained
}

// onTarget reports whether actual is within OnTargetWithin of target.
func onTarget(actual, target float64) bool {
	return actual == target || math.Abs(actual-target) < OnTargetWithin*math.Abs(target)
}

// gapOf is a node's own gap in the terms its children's gaps add up in:
// ln(A/T) under × and ÷, A − T under + and −. ok is false when there is no
// gap to split: a value is missing, is zero or negative under × and ÷, or
// the node is on target.
func gapOf(op model.Op, actual, target model.Value) (gap float64, ok bool) {
	if !actual.Valid || !target.Valid || onTarget(actual.V, target.V) {
		return 0, false
	}
	if op == model.OpMul || op == model.OpDiv {
		if actual.V <= 0 || target.V <= 0 {
			return 0, false
		}
		return math.Log(actual.V / target.V), true
	}
	return actual.V - target.V, true
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
// as the split goes, a leaf or a node whose gap is not split among its
// children (it is on target, or their values are missing, or zero under ×
// and ÷), such as an inner node given a value of its own. The map is empty
// when the root has no gap.
//
// The causes no longer add up to 1: what they leave is the unexplained part
// of the nodes above them, so the causes plus each split node's root share
// × its Unexplained share add up to 1. The unexplained parts are not causes.
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
// and the cockpit all call it. It is chosen among defined shares only, and
// never the unexplained part of a node: that is what the tree's figures do
// not account for, not a KPI anyone can act on. A cause is a leaf whenever
// the gap can be split down to the leaves, which is the usual case; an
// inner node is named only where the split stops at it (it is on target,
// or its children's figures are missing, or zero under × and ÷), because
// there the miss cannot be pinned on a leaf, and passing it over would
// name a lesser leaf elsewhere as the main cause. Ties go to the node first
// in display order.
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
