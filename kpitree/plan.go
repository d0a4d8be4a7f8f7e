package kpitree

import (
	"math"

	"github.com/kpit-dev/kpit/model"
)

// Target is a figure with the period it is for: 50 opportunities per month,
// ¥1,000,000,000 per year. Per is ignored for intensive figures.
type Target struct {
	Value float64
	Per   model.PeriodKind
}

// Plan is what a set of KPI targets means for the KGI: the implied value of
// every node, the implied KGI and its ratio to the KGI, and what each input
// would need to be to reach the KGI alone.
type Plan struct {
	KGI Target
	// Values holds every node's implied value, flows in the KGI's period.
	Values map[string]model.Value
	// Implied is the root's implied value in the KGI's period, and Ratio is
	// Implied ÷ KGI (0.36 = the targets reach 36% of the KGI); undefined
	// when an input is unset or the KGI is not positive.
	Implied model.Value
	Ratio   model.Value
	// Inputs are the nodes the root is computed from, in display order: the
	// leaves, except that a node given a target stands in for its subtree.
	Inputs []string
	// Unset lists the inputs with no target.
	Unset []string
	// Required is, for each input, the value it alone would need for the
	// root to equal the KGI, the other inputs held at their targets.
	Required map[string]Requirement
}

// Reaches reports whether the targets as set reach the KGI.
func (p Plan) Reaches() bool { return p.Ratio.Valid && p.Ratio.V >= 1-1e-9 }

// Requirement is the back-calculated value (逆算) of one input.
type Requirement struct {
	Key  string
	Kind Kind
	Unit model.Unit
	// Value is in the KGI's period for a flow (Per says which); money is
	// rounded up to a whole yen. Undefined when it cannot be worked out:
	// another input on its path is unset, or a factor beside it is zero.
	Value model.Value
	Per   model.PeriodKind
	// Feasible is false when no value of this input alone reaches the KGI:
	// the value is undefined, negative, or a rate above 100%.
	Feasible bool
}

// In is the required value per period p: flows are rescaled, intensive
// figures are the same in any period.
func (r Requirement) In(p model.PeriodKind) model.Value {
	if !r.Value.Valid || r.Kind != Flow {
		return r.Value
	}
	return model.Some(Scale(r.Value.V, r.Per, p))
}

// Plan works out the plan for a KGI from targets keyed by node. A flow
// target is scaled to the KGI's period (50 per month against a per-year KGI
// counts as 600; one with no Per is taken as in the KGI's period);
// intensive targets are used as they are. Targets for keys
// not in the tree are ignored; a target on an inner node stands in for its
// subtree.
func (t *Tree) Plan(kgi Target, targets map[string]Target) Plan {
	given := make(map[string]model.Value, len(targets))
	for k, tg := range targets {
		n := t.nodes[k]
		if n == nil {
			continue
		}
		v := tg.Value
		if n.Kind == Flow && tg.Per != "" {
			v = Scale(v, tg.Per, kgi.Per)
		}
		given[k] = model.Some(v)
	}
	p := Plan{KGI: kgi, Values: t.Evaluate(given), Required: map[string]Requirement{}}
	p.Implied = p.Values[t.root.Key]
	if p.Implied.Valid && kgi.Value > 0 {
		p.Ratio = model.Some(p.Implied.V / kgi.Value)
	}
	t.walkInputs(t.root, given, func(n *Node) {
		p.Inputs = append(p.Inputs, n.Key)
		if _, ok := given[n.Key]; !ok {
			p.Unset = append(p.Unset, n.Key)
		}
		p.Required[n.Key] = t.require(n, kgi, p.Values)
	})
	return p
}

// walkInputs visits, in display order, the nodes the root is computed from.
func (t *Tree) walkInputs(n *Node, given map[string]model.Value, fn func(*Node)) {
	if _, ok := given[n.Key]; ok || n.IsLeaf() {
		fn(n)
		return
	}
	for _, c := range n.Children {
		t.walkInputs(c, given, fn)
	}
}

// require back-solves node n for the root to equal the KGI, walking down its
// path and holding every sibling at its value in vals.
func (t *Tree) require(n *Node, kgi Target, vals map[string]model.Value) Requirement {
	r := Requirement{Key: n.Key, Kind: n.Kind, Unit: n.Unit}
	if n.Kind == Flow {
		r.Per = kgi.Per
	}
	need := model.Some(kgi.Value)
	path := t.Path(n.Key)
	for i := 0; i+1 < len(path) && need.Valid; i++ {
		need = solveChild(path[i], path[i+1], need.V, vals)
	}
	if need.Valid && n.Unit == model.UnitMoney {
		need.V = math.Ceil(need.V - 1e-6) // whole yen, never short of the KGI
	}
	r.Value = need
	r.Feasible = need.Valid && need.V >= 0 && !(n.Unit == model.UnitRatio && need.V > 1+1e-9)
	return r
}

// solveChild is the value child c of node p must take for p to equal need,
// its siblings held at their values: linear under + and −, proportional
// under × and ÷.
func solveChild(p, c *Node, need float64, vals map[string]model.Value) model.Value {
	first := p.Children[0] == c
	switch p.Op {
	case model.OpMul, model.OpAdd:
		rest := 1.0
		if p.Op == model.OpAdd {
			rest = 0
		}
		for _, s := range p.Children {
			if s == c {
				continue
			}
			v := vals[s.Key]
			if !v.Valid {
				return model.None
			}
			if p.Op == model.OpMul {
				rest *= v.V
			} else {
				rest += v.V
			}
		}
		if p.Op == model.OpAdd {
			return finite(need - rest)
		}
		if rest == 0 {
			return model.None
		}
		return finite(need / rest)
	case model.OpDiv, model.OpSub:
		other := p.Children[1]
		if !first {
			other = p.Children[0]
		}
		o := vals[other.Key]
		if !o.Valid {
			return model.None
		}
		switch {
		case p.Op == model.OpSub && first: // need = c − o
			return finite(need + o.V)
		case p.Op == model.OpSub: // need = o − c
			return finite(o.V - need)
		case first: // need = c ÷ o
			if o.V == 0 {
				return model.None
			}
			return finite(need * o.V)
		default: // need = o ÷ c
			if need == 0 {
				return model.None
			}
			return finite(o.V / need)
		}
	}
	return model.None
}
