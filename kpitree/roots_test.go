package kpitree

import (
	"slices"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestSubtreeOfAdoptedStyles: the new-business tree with the customer
// success template beside it does not build as one tree; each root's
// subtree does, with exactly that template's nodes.
func TestSubtreeOfAdoptedStyles(t *testing.T) {
	nb, cs := Template(model.StyleNewBusiness), Template(model.StyleCustomerSuccess)
	for i := range cs {
		if cs[i].ParentKey == "" {
			cs[i].Position = 1 // stored after the first root
		}
	}
	defs := append(append([]model.TreeNodeDef{}, nb...), cs...)
	if _, err := Build(defs); err == nil {
		t.Fatal("two roots should not build as one tree")
	}
	if got := Roots(defs); !slices.Equal(got, []string{model.MetricRevenue, "ltv"}) {
		t.Fatalf("roots %v", got)
	}
	for root, want := range map[string]int{model.MetricRevenue: 9, "ltv": 3} {
		sub := Subtree(defs, root)
		tr, err := Build(sub)
		if err != nil || len(sub) != want || tr.Root().Key != root {
			t.Errorf("%s: %d nodes, err %v", root, len(sub), err)
		}
	}
	if got := Subtree(defs, "nothing"); len(got) != 0 {
		t.Errorf("unknown root: %v", got)
	}
}
