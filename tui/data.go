package tui

import (
	"context"
	"slices"
	"time"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// loadTimeout bounds one load from the store: a screen shows an error line
// rather than waiting forever behind another kpit's long write.
const loadTimeout = 10 * time.Second

// goals is the goal side of the database: the KGI, the KPI definitions and
// the tree, read together so a screen sees one consistent picture.
type goals struct {
	kgi    model.KGI
	hasKGI bool
	kpis   []model.KPI
	tree   *kpitree.Tree // nil when no tree is stored or it does not build
	// treeErr says why tree is nil when nodes are stored but do not build.
	treeErr error
	// otherTrees are the roots of trees stored beside the one shown (the
	// templates of adopted styles), which the KGI does not sit on.
	otherTrees []string
}

// kpi returns the stored definition of key, else the catalogue's.
func (g *goals) kpi(key string) (model.KPI, bool) {
	for _, k := range g.kpis {
		if k.Key == key {
			return k, true
		}
	}
	if e, ok := model.KPIDefinition(key); ok {
		return e.KPI, true
	}
	return model.KPI{}, false
}

// name is the display name of a KPI or tree node key: the KPI's (stored,
// else the catalogue's), else the KGI's for its metric, else the key.
func (g *goals) name(l Lang, key string) string {
	if k, ok := g.kpi(key); ok && (k.NameJA != "" || k.NameEN != "") {
		return l.Pick(k.NameJA, k.NameEN)
	}
	if g.hasKGI && key == g.kgi.Metric && (g.kgi.NameJA != "" || g.kgi.NameEN != "") {
		return l.Pick(g.kgi.NameJA, g.kgi.NameEN)
	}
	return key
}

// unit is how a key's figure reads.
func (g *goals) unit(key string) model.Unit {
	if g.tree != nil {
		if n := g.tree.Node(key); n != nil && n.Unit != "" {
			return n.Unit
		}
	}
	if k, ok := g.kpi(key); ok && k.Unit != "" {
		return k.Unit
	}
	return model.UnitCount
}

// isFlow reports whether key's figure grows with the period (a count or a sum).
func (g *goals) isFlow(key string) bool {
	if g.tree != nil {
		if n := g.tree.Node(key); n != nil {
			return n.Kind == kpitree.Flow
		}
	}
	return kpitree.KindOf(key, g.unit(key)) == kpitree.Flow
}

// direction is whether more is better for key.
func (g *goals) direction(key string) model.Direction {
	if k, ok := g.kpi(key); ok && k.Direction != "" {
		return k.Direction
	}
	return model.HigherIsBetter
}

// targetIn is key's target for period p, by the one rule of
// kpitree.TargetOver (kpit tree uses it too): a flow target is scaled from
// the period it is set for (a year when unset), a rate is the same in any
// period. The KGI's metric takes the KGI.
func (g *goals) targetIn(key string, p model.Period) model.Value {
	kind := kpitree.Intensive
	if g.isFlow(key) {
		kind = kpitree.Flow
	}
	if g.hasKGI && key == g.kgi.Metric {
		return model.Some(kpitree.TargetIn(g.kgiTarget(), kind, p))
	}
	for _, k := range g.kpis {
		if k.Key == key && k.HasTarget {
			return model.Some(kpitree.TargetIn(kpitree.Target{Value: k.Target, Per: k.TargetPer}, kind, p))
		}
	}
	return model.None
}

// periodTargets is every tree node's target for period p, as kpit tree
// works it out for the same days: each KPI's target on its node and the
// KGI's on the root it is set for, through kpitree.TargetsIn; the nodes
// without one computed from their children.
func (g *goals) periodTargets(p model.Period) map[string]model.Value {
	targets := map[string]kpitree.Target{}
	for _, k := range g.kpis {
		if k.HasTarget {
			targets[k.Key] = kpitree.Target{Value: k.Target, Per: k.TargetPer}
		}
	}
	var kgi *kpitree.Target
	if g.hasKGI && g.kgi.Metric == g.tree.Root().Key {
		t := g.kgiTarget()
		kgi = &t
	}
	return g.tree.TargetsIn(kgi, targets, p)
}

// targets are the KPI targets as the engine's plan wants them, a target
// with no period being per year.
func (g *goals) targets() map[string]kpitree.Target {
	out := map[string]kpitree.Target{}
	for _, k := range g.kpis {
		if k.HasTarget && (!g.hasKGI || k.Key != g.kgi.Metric) {
			out[k.Key] = kpitree.Target{Value: k.Target, Per: kpitree.PerOrYear(k.TargetPer)}
		}
	}
	return out
}

func (g *goals) kgiTarget() kpitree.Target {
	return kpitree.Target{Value: g.kgi.Value, Per: kpitree.PerOrYear(g.kgi.Per)}
}

// loadGoals reads the KGI, the KPIs and the tree.
func loadGoals(ctx context.Context, st *store.Store) (*goals, error) {
	g := &goals{}
	var err error
	if g.kgi, g.hasKGI, err = st.KGI(ctx); err != nil {
		return nil, err
	}
	if g.kpis, err = st.KPIs(ctx); err != nil {
		return nil, err
	}
	defs, err := st.TreeNodes(ctx)
	if err != nil {
		return nil, err
	}
	if roots := kpitree.Roots(defs); len(roots) > 1 {
		// The cockpit shows the tree the KGI sits on (else the first).
		root := roots[0]
		if g.hasKGI && slices.Contains(roots, g.kgi.Metric) {
			root = g.kgi.Metric
		}
		for _, r := range roots {
			if r != root {
				g.otherTrees = append(g.otherTrees, r)
			}
		}
		defs = kpitree.Subtree(defs, root)
	}
	if len(defs) > 0 {
		if g.tree, g.treeErr = kpitree.Build(defs); g.tree != nil {
			g.tree.ApplyKPIs(g.kpis)
		}
	}
	return g, nil
}

// metricsFor reads every metric of period p: the base counts and ratios from
// the records, and hand-entered values of manual KPIs: the value typed in
// for exactly p, else undefined, never the records' figure in its place (a
// manual KPI is typed in because the records cannot give it; kpit tree
// reads it the same way).
func metricsFor(ctx context.Context, st *store.Store, g *goals, f store.Filter, p model.Period) (map[string]model.Value, error) {
	counts, err := st.Counts(ctx, f)
	if err != nil {
		return nil, err
	}
	m := counts.Metrics()
	if err := addStyleFigures(ctx, st, f, m); err != nil {
		return nil, err
	}
	for _, k := range g.kpis {
		if k.Source != model.SourceManual {
			continue
		}
		v, err := st.ManualValue(ctx, k.Key, p)
		if err != nil {
			return nil, err
		}
		m[k.Key] = v
	}
	return m, nil
}

// elapsedDays is how many days of p have passed on day today (today
// included): 0 before p, p.Days() after it.
func elapsedDays(p model.Period, today time.Time) int {
	d := model.Date(today)
	switch {
	case d.Before(p.Start):
		return 0
	case !d.Before(p.End):
		return p.Days()
	}
	return int(d.Sub(p.Start).Hours()/24+0.5) + 1
}

// periodLabel names a period for a heading: 2026年11月 / Nov 2026.
func periodLabel(l Lang, p model.Period) string {
	switch p.Kind {
	case model.Day:
		return model.FormatDate(p.Start)
	case model.Week:
		_, w := p.Start.ISOWeek()
		last := p.Last()
		return l.T(msgPeriodNameWeek, w, int(p.Start.Month()), p.Start.Day(), int(last.Month()), last.Day(),
			p.Start.Format("Jan 2"), last.Format("Jan 2"))
	case model.Month:
		return l.T(msgPeriodNameMonth, p.Start.Year(), int(p.Start.Month()), p.Start.Format("Jan"))
	case model.Quarter:
		key := p.Key() // FY2026-Q3
		return l.T(msgPeriodNameQuarter, model.FiscalYearNumber(p.Start, p.FiscalStart), key[len(key)-1:])
	default:
		return l.T(msgPeriodNameFY, p.Start.Year())
	}
}

// Period names: the arguments are numbers and Go's English month
// abbreviations, so each language picks the ones it writes.
var (
	msgPeriodNameWeek    = Text{JA: "第%[1]d週 %[2]d/%[3]d-%[4]d/%[5]d", EN: "W%[1]d %[6]s-%[7]s"}
	msgPeriodNameMonth   = Text{JA: "%[1]d年%[2]d月", EN: "%[3]s %[1]d"}
	msgPeriodNameQuarter = Text{JA: "%[1]d年度 第%[2]s四半期", EN: "FY%[1]d Q%[2]s"}
	msgPeriodNameFY      = Text{JA: "%d年度", EN: "FY%d"}
)

// periodKindName names a kind of period.
func periodKindName(l Lang, k model.PeriodKind) string {
	switch k {
	case model.Day:
		return l.T(msgPeriodDay)
	case model.Week:
		return l.T(msgPeriodWeek)
	case model.Month:
		return l.T(msgPeriodMonth)
	case model.Quarter:
		return l.T(msgPeriodQuarter)
	}
	return l.T(msgPeriodYear)
}

// nextKind is the period kind after k in the p cycle: week, month, quarter, year.
func nextKind(k model.PeriodKind) model.PeriodKind {
	switch k {
	case model.Week:
		return model.Month
	case model.Month:
		return model.Quarter
	case model.Quarter:
		return model.FiscalYear
	}
	return model.Week
}

// errLine is a load error as one line for the screen.
func errLine(c *Common, err error) string {
	return c.Styles.Error.Render(c.T(msgLoadErr, err.Error()))
}
