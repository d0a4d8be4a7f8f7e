// Package kpitree is the KPI tree (KPIツリー): nodes that are leaves or
// operators (×, ÷, +, −) over their children, and the arithmetic kpit does
// on them: evaluate, implied KGI from KPI targets, back-calculation (逆算),
// exact gap attribution and what-if. It is pure: no I/O, no store, no UI.
//
// Values are model.Value: a figure that may be undefined. Undefined
// propagates upwards, and a division by zero is undefined, never NaN, Inf or 0.
package kpitree

import (
	"fmt"
	"sort"

	"github.com/kpit-dev/kpit/model"
)

// Node is one node of a tree: a leaf (a KPI fed by records or typed in) or
// an operator over its children, in display order.
type Node struct {
	Key      string
	Op       model.Op
	Children []*Node
	Parent   *Node // nil for the root
	// Kind says whether the node's figure scales with the period's length.
	// Build fills it from the KPI catalogue (see KindOf); a caller holding
	// stored KPI definitions may refine it with ApplyKPIs.
	Kind Kind
	// Unit is how the node's figure reads; Build fills it from the catalogue
	// (UnitCount for keys it does not know).
	Unit model.Unit
}

// IsLeaf reports whether n has no operator.
func (n *Node) IsLeaf() bool { return n.Op == model.OpLeaf }

// Depth is 0 for the root, 1 for its children, and so on.
func (n *Node) Depth() int {
	d := 0
	for p := n.Parent; p != nil; p = p.Parent {
		d++
	}
	return d
}

// Tree is a validated KPI tree with one root.
type Tree struct {
	root  *Node
	nodes map[string]*Node
	order []*Node // pre-order, children by position: the display order
}

// Build makes a tree from stored node definitions. Siblings are ordered by
// Position, then by their order in defs. It refuses: no node, no root or two
// roots, a duplicate or empty key, an unknown operator, an unknown parent, a
// cycle, a leaf with children, an operator without children, and a ÷ or −
// node that does not have exactly two children.
func Build(defs []model.TreeNodeDef) (*Tree, error) {
	if len(defs) == 0 {
		return nil, fmt.Errorf("tree: no nodes")
	}
	t := &Tree{nodes: make(map[string]*Node, len(defs))}
	pos := make(map[string]int, len(defs))
	for _, d := range defs {
		if d.Key == "" {
			return nil, fmt.Errorf("tree: a node has an empty key")
		}
		if _, dup := t.nodes[d.Key]; dup {
			return nil, fmt.Errorf("tree: node %q appears twice", d.Key)
		}
		if !d.Op.Valid() {
			return nil, fmt.Errorf("tree: node %q has unknown operator %q", d.Key, d.Op)
		}
		t.nodes[d.Key] = &Node{Key: d.Key, Op: d.Op}
		pos[d.Key] = d.Position
	}
	for _, d := range defs {
		n := t.nodes[d.Key]
		if d.ParentKey == "" {
			if t.root != nil {
				return nil, fmt.Errorf("tree: two roots, %q and %q", t.root.Key, d.Key)
			}
			t.root = n
			continue
		}
		p, ok := t.nodes[d.ParentKey]
		if !ok {
			return nil, fmt.Errorf("tree: node %q has unknown parent %q", d.Key, d.ParentKey)
		}
		n.Parent = p
		p.Children = append(p.Children, n)
	}
	if t.root == nil {
		return nil, fmt.Errorf("tree: no root (every node has a parent, so there is a cycle)")
	}
	for _, n := range t.nodes {
		sort.SliceStable(n.Children, func(i, j int) bool { return pos[n.Children[i].Key] < pos[n.Children[j].Key] })
	}
	t.walk(t.root, 0, func(n *Node, _ int) { t.order = append(t.order, n) })
	if len(t.order) != len(t.nodes) {
		// Every node has one parent, so a node the root does not reach sits
		// on (or under) a cycle of parents.
		seen := make(map[*Node]bool, len(t.order))
		for _, n := range t.order {
			seen[n] = true
		}
		for _, d := range defs {
			if !seen[t.nodes[d.Key]] {
				return nil, fmt.Errorf("tree: node %q is on a cycle, not under the root %q", d.Key, t.root.Key)
			}
		}
	}
	for _, n := range t.order {
		switch {
		case n.IsLeaf() && len(n.Children) > 0:
			return nil, fmt.Errorf("tree: leaf %q has children", n.Key)
		case !n.IsLeaf() && len(n.Children) == 0:
			return nil, fmt.Errorf("tree: operator node %q (%s) has no children", n.Key, n.Op)
		case (n.Op == model.OpDiv || n.Op == model.OpSub) && len(n.Children) != 2:
			return nil, fmt.Errorf("tree: node %q (%s) needs exactly two children, has %d", n.Key, n.Op, len(n.Children))
		}
	}
	t.fillMeta()
	return t, nil
}

func (t *Tree) walk(n *Node, depth int, fn func(*Node, int)) {
	fn(n, depth)
	for _, c := range n.Children {
		t.walk(c, depth+1, fn)
	}
}

// Root is the tree's top node, usually the KGI.
func (t *Tree) Root() *Node { return t.root }

// Node returns the node with the given key, or nil.
func (t *Tree) Node(key string) *Node { return t.nodes[key] }

// Nodes lists every node in display order (pre-order).
func (t *Tree) Nodes() []*Node { return append([]*Node(nil), t.order...) }

// Keys lists every node's key in display order.
func (t *Tree) Keys() []string {
	out := make([]string, len(t.order))
	for i, n := range t.order {
		out[i] = n.Key
	}
	return out
}

// Leaves lists the leaves in display order.
func (t *Tree) Leaves() []*Node {
	var out []*Node
	for _, n := range t.order {
		if n.IsLeaf() {
			out = append(out, n)
		}
	}
	return out
}

// Walk calls fn for every node in display order with its depth (root 0).
func (t *Tree) Walk(fn func(n *Node, depth int)) { t.walk(t.root, 0, fn) }

// Defs turns the tree back into definitions, Position numbering siblings
// from 0 in display order. Build(t.Defs()) gives the same tree.
func (t *Tree) Defs() []model.TreeNodeDef {
	out := make([]model.TreeNodeDef, 0, len(t.order))
	for _, n := range t.order {
		d := model.TreeNodeDef{Key: n.Key, Op: n.Op}
		if n.Parent != nil {
			d.ParentKey = n.Parent.Key
			for i, c := range n.Parent.Children {
				if c == n {
					d.Position = i
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// Path lists the nodes from the root down to key, or nil when key is not in
// the tree.
func (t *Tree) Path(key string) []*Node {
	n := t.nodes[key]
	if n == nil {
		return nil
	}
	var rev []*Node
	for p := n; p != nil; p = p.Parent {
		rev = append(rev, p)
	}
	out := make([]*Node, len(rev))
	for i, p := range rev {
		out[len(rev)-1-i] = p
	}
	return out
}
