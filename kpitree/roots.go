package kpitree

import (
	"slices"

	"github.com/kpit-dev/kpit/model"
)

// Several trees can be stored side by side: adopting a sales style adds its
// template (rooted at LTV, existing-customer revenue, ...) beside the tree
// the team already has, and Build takes one tree. Roots and Subtree pick
// one of them.

// Roots lists the keys of the nodes without a parent, in position order.
func Roots(defs []model.TreeNodeDef) []string {
	var roots []model.TreeNodeDef
	for _, d := range defs {
		if d.ParentKey == "" {
			roots = append(roots, d)
		}
	}
	slices.SortStableFunc(roots, func(a, b model.TreeNodeDef) int { return a.Position - b.Position })
	keys := make([]string, len(roots))
	for i, r := range roots {
		keys[i] = r.Key
	}
	return keys
}

// Subtree keeps the nodes that root reaches (root included), in the order
// given, so the result builds as one tree.
func Subtree(defs []model.TreeNodeDef, root string) []model.TreeNodeDef {
	children := map[string][]string{}
	for _, d := range defs {
		if d.ParentKey != "" {
			children[d.ParentKey] = append(children[d.ParentKey], d.Key)
		}
	}
	reach := map[string]bool{}
	var walk func(k string)
	walk = func(k string) {
		if reach[k] {
			return
		}
		reach[k] = true
		for _, c := range children[k] {
			walk(c)
		}
	}
	walk(root)
	var out []model.TreeNodeDef
	for _, d := range defs {
		if reach[d.Key] {
			out = append(out, d)
		}
	}
	return out
}
