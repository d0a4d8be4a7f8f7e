package kpitree

import "github.com/kpit-dev/kpit/model"

// Kind says how a figure behaves when the period gets longer.
type Kind string

const (
	// Flow is a count or a sum over time (visits, leads, opportunities,
	// orders, revenue): 50 a month is 600 a year, so it is scaled by period.
	Flow Kind = "flow"
	// Intensive is a rate, an average or a stock (win rate, average deal
	// size, active accounts, NPS): the same figure whatever the period, so it
	// is never scaled.
	Intensive Kind = "intensive"
)

// KindOf is the kind of the figure with the given key: the catalogue's word
// for keys it knows (model.KPIDefinition), else by unit: counts and yen are
// flows, ratios, scores and hours are intensive. An unknown key with no
// unit is taken as a flow, the more common case for a KPI someone adds.
func KindOf(key string, unit model.Unit) Kind {
	if e, ok := model.KPIDefinition(key); ok {
		if e.Flow {
			return Flow
		}
		return Intensive
	}
	switch unit {
	case model.UnitRatio, model.UnitScore, model.UnitHours:
		return Intensive
	}
	return Flow
}

// Scale converts a flow figure given per period from to per period to
// (50 per month is 600 per year): v × from.PerYear() / to.PerYear().
func Scale(v float64, from, to model.PeriodKind) float64 {
	return v * from.PerYear() / to.PerYear()
}

// fillMeta sets each node's Unit and Kind: from the catalogue for keys it
// knows, else, for operator nodes, from the children (a product or sum with
// a flow in it is a flow; a quotient is a flow only when a flow is divided by
// something intensive), else UnitCount and Flow. A derived node is in yen
// when a child (the numerator of a quotient) is, else a ratio when intensive.
func (t *Tree) fillMeta() {
	for i := len(t.order) - 1; i >= 0; i-- { // children before parents
		n := t.order[i]
		if e, ok := model.KPIDefinition(n.Key); ok {
			n.Unit = e.KPI.Unit
			n.Kind = KindOf(n.Key, e.KPI.Unit)
			continue
		}
		n.Unit, n.Kind = model.UnitCount, Flow
		if n.IsLeaf() {
			continue
		}
		n.Kind = derivedKind(n)
		if n.Kind == Intensive {
			n.Unit = model.UnitRatio
		}
		money := n.Children
		if n.Op == model.OpDiv {
			money = n.Children[:1] // yen ÷ anything is still yen
		}
		for _, c := range money {
			if c.Unit == model.UnitMoney {
				n.Unit = model.UnitMoney
			}
		}
	}
}

func derivedKind(n *Node) Kind {
	if n.Op == model.OpDiv {
		if n.Children[0].Kind == Flow && n.Children[1].Kind == Intensive {
			return Flow
		}
		return Intensive
	}
	for _, c := range n.Children {
		if c.Kind == Flow {
			return Flow
		}
	}
	return Intensive
}

// ApplyKPIs refines nodes' Unit and Kind from stored KPI definitions, for
// keys the catalogue does not know (user-made KPIs). Keys the catalogue knows
// keep the catalogue's kind: an average deal size is in yen yet intensive.
func (t *Tree) ApplyKPIs(kpis []model.KPI) {
	for _, k := range kpis {
		n := t.nodes[k.Key]
		if n == nil || k.Unit == "" {
			continue
		}
		if _, known := model.KPIDefinition(k.Key); known {
			continue
		}
		n.Unit, n.Kind = k.Unit, KindOf(k.Key, k.Unit)
	}
}
