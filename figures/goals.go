package figures

import (
	"context"
	"slices"
	"time"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
)

// Goals is the goal side as in force on one day: the KGI, the KPI
// definitions and the tree the KGI sits on, read together so every figure
// of a range is judged against one consistent set of targets.
type Goals struct {
	KGI    model.KGI
	HasKGI bool
	KPIs   []model.KPI
	// Tree is the tree the KGI sits on (else the first stored); nil when
	// none is stored or it does not build.
	Tree *kpitree.Tree
	// TreeErr says why Tree is nil when nodes are stored but do not build.
	TreeErr error
	// OtherTrees are the roots of trees stored beside the one shown (the
	// templates of adopted styles), which the KGI does not sit on.
	OtherTrees []string
}

// LoadGoals reads the KGI and KPIs in force on day, and the tree.
func LoadGoals(ctx context.Context, r Reader, day time.Time) (*Goals, error) {
	g := &Goals{}
	var err error
	if g.KGI, g.HasKGI, err = r.KGIAsOf(ctx, day); err != nil {
		return nil, err
	}
	if g.KPIs, err = r.KPIsAsOf(ctx, day); err != nil {
		return nil, err
	}
	defs, err := r.TreeNodes(ctx)
	if err != nil {
		return nil, err
	}
	if roots := kpitree.Roots(defs); len(roots) > 1 {
		// Adopted styles store their trees beside the team's: the one the
		// KGI sits on is shown (else the first).
		root := roots[0]
		if g.HasKGI && slices.Contains(roots, g.KGI.Metric) {
			root = g.KGI.Metric
		}
		for _, rt := range roots {
			if rt != root {
				g.OtherTrees = append(g.OtherTrees, rt)
			}
		}
		defs = kpitree.Subtree(defs, root)
	}
	if len(defs) > 0 {
		if g.Tree, g.TreeErr = kpitree.Build(defs); g.Tree != nil {
			g.Tree.ApplyKPIs(g.KPIs)
		}
	}
	return g, nil
}

// KPI returns the stored definition of key, else the catalogue's.
func (g *Goals) KPI(key string) (model.KPI, bool) {
	for _, k := range g.KPIs {
		if k.Key == key {
			return k, true
		}
	}
	if e, ok := model.KPIDefinition(key); ok {
		return e.KPI, true
	}
	return model.KPI{}, false
}

// Names are the Japanese and English names of a KPI or tree node key: the
// stored KPI's, else the catalogue's, else the KGI's for its metric; each
// falls back to the other language, and both to the key.
func (g *Goals) Names(key string) (ja, en string) {
	if e, ok := model.KPIDefinition(key); ok {
		ja, en = e.KPI.NameJA, e.KPI.NameEN
	}
	for _, k := range g.KPIs {
		if k.Key == key {
			if k.NameJA != "" {
				ja = k.NameJA
			}
			if k.NameEN != "" {
				en = k.NameEN
			}
		}
	}
	if ja == "" && en == "" && g.HasKGI && key == g.KGI.Metric {
		ja, en = g.KGI.NameJA, g.KGI.NameEN
	}
	if ja == "" {
		ja = en
	}
	if en == "" {
		en = ja
	}
	if ja == "" {
		ja, en = key, key
	}
	return ja, en
}

// Unit is how a key's figure reads.
func (g *Goals) Unit(key string) model.Unit {
	if g.Tree != nil {
		if n := g.Tree.Node(key); n != nil && n.Unit != "" {
			return n.Unit
		}
	}
	if k, ok := g.KPI(key); ok && k.Unit != "" {
		return k.Unit
	}
	if g.HasKGI && key == g.KGI.Metric && g.KGI.Unit != "" {
		return g.KGI.Unit
	}
	return model.UnitCount
}

// Kind is whether key's figure grows with the range (a flow: a count or a
// sum) or not (a rate, an average).
func (g *Goals) Kind(key string) kpitree.Kind {
	if g.Tree != nil {
		if n := g.Tree.Node(key); n != nil {
			return n.Kind
		}
	}
	return kpitree.KindOf(key, g.Unit(key))
}

// IsFlow reports whether key's figure grows with the range.
func (g *Goals) IsFlow(key string) bool { return g.Kind(key) == kpitree.Flow }

// Direction is whether more is better for key.
func (g *Goals) Direction(key string) model.Direction {
	if k, ok := g.KPI(key); ok && k.Direction != "" {
		return k.Direction
	}
	return model.HigherIsBetter
}

// KGITarget is the KGI as a target, per year when it names no period.
func (g *Goals) KGITarget() kpitree.Target {
	return kpitree.Target{Value: g.KGI.Value, Per: kpitree.PerOrYear(g.KGI.Per)}
}

// PlanTargets are the KPI targets as the tree's plan wants them (the
// KGI's metric left to the KGI), a target with no period being per year.
func (g *Goals) PlanTargets() map[string]kpitree.Target {
	out := map[string]kpitree.Target{}
	for _, k := range g.KPIs {
		if k.HasTarget && (!g.HasKGI || k.Key != g.KGI.Metric) {
			out[k.Key] = kpitree.Target{Value: k.Target, Per: kpitree.PerOrYear(k.TargetPer)}
		}
	}
	return out
}

// TargetOver is key's target over the days [from, to], by the one rule of
// kpitree.TargetOver: the KGI for its metric, else the KPI's own target;
// undefined when neither is set. Tree nodes without a target of their own
// get theirs from their children in Compute.
func (g *Goals) TargetOver(key string, from, to time.Time, fiscalStart time.Month) model.Value {
	kind := g.Kind(key)
	if g.HasKGI && key == g.KGI.Metric {
		return model.Some(kpitree.TargetOver(g.KGITarget(), kind, from, to, fiscalStart))
	}
	for _, k := range g.KPIs {
		if k.Key == key && k.HasTarget {
			return model.Some(kpitree.TargetOver(kpitree.Target{Value: k.Target, Per: k.TargetPer}, kind, from, to, fiscalStart))
		}
	}
	return model.None
}

// TargetIn is TargetOver for the days of period p.
func (g *Goals) TargetIn(key string, p model.Period) model.Value {
	return g.TargetOver(key, p.Start, p.Last(), p.FiscalStart)
}

// Targets is the target in force of every tree node, every KPI and the
// KGI's metric over rng: the tree's nodes from their own targets or their
// children's (the KGI's on the root it is set for), the others from their
// own, all by the one rule of kpitree.TargetOver.
func (g *Goals) Targets(rng Range) map[string]model.Value {
	out := map[string]model.Value{}
	if g.Tree != nil {
		targets := map[string]kpitree.Target{}
		for _, k := range g.KPIs {
			if k.HasTarget {
				targets[k.Key] = kpitree.Target{Value: k.Target, Per: k.TargetPer}
			}
		}
		var kgi *kpitree.Target
		if g.HasKGI && g.KGI.Metric == g.Tree.Root().Key {
			t := g.KGITarget()
			kgi = &t
		}
		out = g.Tree.TargetsOver(kgi, targets, rng.From, rng.To, rng.FiscalStart)
	}
	for _, k := range g.KPIs {
		if _, ok := out[k.Key]; !ok {
			out[k.Key] = g.TargetOver(k.Key, rng.From, rng.To, rng.FiscalStart)
		}
	}
	if g.HasKGI {
		if _, ok := out[g.KGI.Metric]; !ok {
			out[g.KGI.Metric] = g.TargetOver(g.KGI.Metric, rng.From, rng.To, rng.FiscalStart)
		}
	}
	return out
}
