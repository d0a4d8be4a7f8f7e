package tui

import (
	"context"
	"math"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// perSuffix is "/月", "/mo" and so on.
func perSuffix(l Lang, k model.PeriodKind) string {
	switch k {
	case model.Day:
		return l.T(msgPerDay)
	case model.Week:
		return l.T(msgPerWeek)
	case model.Month:
		return l.T(msgPerMonth)
	case model.Quarter:
		return l.T(msgPerQuarter)
	}
	return l.T(msgPerYear)
}

// leafPer is the period a leaf's target is set for (per month unless said).
func (s *treeScreen) leafPer(key string) model.PeriodKind {
	if t, ok := s.leafTargets()[key]; ok && t.Per.Valid() {
		return t.Per
	}
	return model.Month
}

// formatTarget writes a target value with its period for a flow: 140/月.
func (s *treeScreen) formatTarget(n *kpitree.Node, t kpitree.Target) string {
	v := s.Money().Unit(n.Unit, model.Some(t.Value))
	if n.Kind == kpitree.Flow {
		v += perSuffix(s.Lang, kpitree.PerOrYear(t.Per))
	}
	return v
}

// needCell is what leaf n alone would need for the plan to reach the KGI
// (the back-calculation), per the leaf's own target period.
func (s *treeScreen) needCell(n *kpitree.Node, p kpitree.Plan) string {
	r, ok := p.Required[n.Key]
	if !ok {
		return ""
	}
	if !r.Feasible {
		return s.T(msgInfeasible)
	}
	per := s.leafPer(n.Key)
	v := s.Money().Unit(n.Unit, r.In(per))
	if n.Kind == kpitree.Flow {
		v += perSuffix(s.Lang, per)
	}
	return v
}

// whatIfPane: the leaf under the cursor against its plan, the implied KGI
// with the what-if values, and the value being typed.
func (s *treeScreen) whatIfPane() []string {
	g := s.data.goals
	base, changed := s.whatIfPlans()
	var out []string
	if n := s.current(); n != nil && n.IsLeaf() {
		if b, ok := s.leafTargets()[n.Key]; ok {
			cur := b
			if o, ok := s.overrides[n.Key]; ok {
				cur = o
			}
			change := relChange(model.Some(kpitree.Scale(b.Value, b.Per, model.FiscalYear)),
				model.Some(kpitree.Scale(cur.Value, cur.Per, model.FiscalYear)))
			if n.Kind != kpitree.Flow {
				change = relChange(model.Some(b.Value), model.Some(cur.Value))
			}
			if change == "" {
				change = "+0.0%"
			}
			out = append(out, s.T(msgWhatIfLeaf, g.name(s.Lang, n.Key), s.formatTarget(n, b), s.formatTarget(n, cur), change))
		} else if o, ok := s.overrides[n.Key]; ok {
			// No plan, but a value typed: say what it is, not "type a value".
			out = append(out, s.T(msgWhatIfLeaf, g.name(s.Lang, n.Key), undefined, s.formatTarget(n, o), undefined))
		} else {
			out = append(out, s.T(msgWhatIfNoTarget, g.name(s.Lang, n.Key)))
		}
	} else {
		out = append(out, s.Styles.Muted.Render(s.T(msgWhatIfNotLeaf)))
	}
	if g.HasKGI {
		root := g.Tree.Root()
		kgi := model.Some(g.KGI.Value)
		line := s.T(msgWhatIfImplied, s.Money().Unit(root.Unit, changed.Implied), s.Money().Unit(root.Unit, kgi),
			formatRatio(changed.Ratio))
		if d := relChange(base.Implied, changed.Implied); d != "" && d != undefined {
			line += "  " + s.Styles.Bold.Render(d)
		}
		out = append(out, line)
	}
	if s.editing {
		n := s.current()
		out = append(out, promptLines(s.Common, s.T(msgWhatIfPrompt, g.name(s.Lang, n.Key)), &s.input, s.width)...)
	}
	if s.confirm {
		out = append(out, s.Styles.AtRisk.Render(s.T(msgTargetsConfirm, len(s.targetsToSave()))))
		out = append(out, s.targetChanges()...)
	}
	return out
}

// targetChanges lists what a save of the what-if changes, one KPI a line
// in the tree's order: its name, the target in force and the new one.
func (s *treeScreen) targetChanges() []string {
	g := s.data.goals
	todo, stored := s.targetsToSave(), g.PlanTargets()
	write := func(n *kpitree.Node, t kpitree.Target, ok bool) string {
		if !ok {
			return s.T(msgEditNone)
		}
		v := s.Money().Unit(n.Unit, model.Some(t.Value))
		if n.Kind == kpitree.Flow {
			v += "/" + string(kpitree.PerOrYear(t.Per))
		}
		return v
	}
	var out []string
	for _, k := range g.Tree.Keys() {
		t, ok := todo[k]
		if !ok {
			continue
		}
		n := g.Tree.Node(k)
		old, had := stored[k]
		out = append(out, "  "+g.name(s.Lang, k)+": "+s.T(msgChangeOldNew, write(n, old, had), write(n, t, true)))
	}
	return out
}

// targetsToSave are the what-if values of the leaves and, so the stored
// targets stay consistent, the new values of every node above them that has
// a target of its own (orders won, when the win rate changed), each in the
// period its target is set for. The KGI itself is never changed here.
func (s *treeScreen) targetsToSave() map[string]kpitree.Target {
	g := s.data.goals
	out := map[string]kpitree.Target{}
	for k, v := range s.overrides {
		out[k] = v
	}
	_, changed := s.whatIfPlans()
	stored := g.PlanTargets()
	kgiPer := g.KGITarget().Per
	for k := range s.overrides {
		for _, a := range g.Tree.Path(k) {
			t, ok := stored[a.Key]
			v := changed.Values[a.Key]
			if a.Parent == nil || !ok || !v.Valid || a.Key == k {
				continue
			}
			if a.Kind == kpitree.Flow {
				t.Value = kpitree.Scale(v.V, kgiPer, t.Per)
			} else {
				t.Value = v.V
			}
			out[a.Key] = t
		}
	}
	return out
}

type targetsSavedMsg struct {
	n   int
	err error
}

// saveTargets stores what-if values as the KPIs' targets: the stored
// definition when there is one, else the catalogue's, with the new target
// and its period. Each save is a KPI revision (checklist item 14) from the
// note's day.
func saveTargets(st *store.Store, values map[string]kpitree.Target, note store.RevisionNote) tea.Cmd {
	todo := make(map[string]kpitree.Target, len(values))
	for k, v := range values {
		todo[k] = v
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		for key, t := range todo {
			kpi, ok, err := st.KPIAsOf(ctx, key, note.From)
			if err != nil {
				return targetsSavedMsg{err: err}
			}
			if !ok {
				kpi = model.KPI{Key: key}
				if e, known := model.KPIDefinition(key); known {
					kpi = e.KPI
				}
			}
			// 12 significant digits: 42 x 1.1 is stored as 46.2, not 46.199999999999996.
			v, _ := strconv.ParseFloat(strconv.FormatFloat(t.Value, 'g', 12, 64), 64)
			kpi.Target, kpi.HasTarget, kpi.TargetPer = v, true, kpitree.PerOrYear(t.Per)
			if err := st.SaveKPI(ctx, kpi, note); err != nil {
				return targetsSavedMsg{err: err}
			}
		}
		return targetsSavedMsg{n: len(todo)}
	}
}

// detailView is the pane of the node under the cursor: definition,
// formula, data source, target and history.
func (s *treeScreen) detailView() string {
	g := s.data.goals
	n := s.current()
	name := g.name(s.Lang, n.Key)
	kpi, known := g.KPI(n.Key)
	label := func(t Text) string { return s.Styles.Bold.Render(padRight(s.T(t), 12)) }
	lines := []string{s.Styles.Title.Render(s.T(msgDetailTitle, name)), s.verdict(), ""}

	lines = append(lines, s.definitionLines(n.Key, label)...)

	formula := s.T(msgNone)
	switch {
	case !n.IsLeaf():
		formula = s.formulaOf(n)
	case known && kpi.Formula != "":
		formula = plainGlyphs.Replace(s.formulaText(n.Key, kpi.Formula))
	}
	fl := s.wrapDetail(formula)
	fl[0] = label(msgDetailFormula) + " " + fl[0]
	lines = append(lines, fl...)
	// An inner node's formula is its children; one written for it (f) reads below.
	if stored := s.storedKPI(n.Key); !n.IsLeaf() && stored != nil && strings.TrimSpace(stored.Formula) != "" {
		for _, l := range s.wrapDetail(plainGlyphs.Replace(s.formulaText(n.Key, stored.Formula))) {
			lines = append(lines, padRight("", 13)+strings.TrimLeft(l, " "))
		}
	}

	source := s.T(msgSourceDerived)
	switch {
	case known && kpi.Source == model.SourceManual:
		source = s.T(msgSourceManual)
	case n.IsLeaf() || known:
		source = s.T(msgSourceRecords)
	}
	lines = append(lines, label(msgDetailSource)+" "+source)

	fig := s.data.figs.Get(n.Key)
	target := fig.Target
	lines = append(lines, label(msgDetailTarget)+" "+s.Money().Unit(n.Unit, target)+" "+
		s.Styles.Muted.Render(periodLabel(s.Lang, s.period)))
	if u := fig.Unexplained; u.Valid && math.Abs(u.V) >= 0.0005 {
		lines = append(lines, label(msgDetailUnexplained)+" "+formatShare(u)+" "+s.Styles.Muted.Render(s.T(msgDetailOfGap)))
	}
	if n.Parent != nil || !g.HasKGI {
		lines = append(lines, s.deadlineLine(n.Key, label))
	}
	lines = append(lines, s.editLines()...)

	// History: each of the last periods against the target in force for
	// it (a past period keeps the target it had), with its achievement.
	var periods []string
	for _, pc := range s.data.trend {
		v := pc.Values[n.Key]
		if known && kpi.Source == model.SourceManual {
			v = model.None
		}
		achv := model.Achievement(v, pc.Targets[n.Key], g.Direction(n.Key))
		periods = append(periods, "  "+padRight(periodLabel(s.Lang, pc.Period), 24)+" "+
			padLeft(s.Money().Unit(n.Unit, v), 12)+" "+padLeft(FormatPercent(achv), 8))
	}
	// The goal's revisions share the room left with the periods.
	revs := s.revisionRows(n)
	fixed := len(lines) + 3 // the periods' blank line, title and header
	if len(revs) > 0 {
		fixed += 2 // the revisions' blank line and title
	}
	revs, periods = fitDetail(s.height, fixed, revs, periods)
	if len(revs) > 0 {
		lines = append(lines, "", s.Styles.Bold.Render(s.T(msgRevTitle)))
		lines = append(lines, revs...)
	}
	lines = append(lines, "", s.Styles.Bold.Render(s.T(msgDetailHistory)))
	lines = append(lines, s.Styles.Muted.Render("  "+padRight("", 24)+" "+padLeft(s.T(msgColActual), 12)+" "+
		padLeft(s.T(msgColAchievement), 8)))
	lines = append(lines, periods...)
	return strings.Join(lines, "\n")
}

// formulaText is a KPI's formula as the pane shows it: the catalogue's
// in the UI language when the text is the catalogue's own (what the demo
// and an adopted style store, in English), else the team's as written.
func (s *treeScreen) formulaText(key, formula string) string {
	if e, ok := model.KPIDefinition(key); ok && strings.TrimSpace(formula) == strings.TrimSpace(e.FormulaEN) {
		return s.Lang.Pick(e.FormulaJA, e.FormulaEN)
	}
	return formula
}

// formulaOf writes an operator node as its children joined by the operator
// in ASCII: 受注件数 * 顧客単価.
func (s *treeScreen) formulaOf(n *kpitree.Node) string {
	g := s.data.goals
	parts := make([]string, len(n.Children))
	for i, c := range n.Children {
		parts[i] = g.name(s.Lang, c.Key)
	}
	return g.name(s.Lang, n.Key) + " = " + strings.Join(parts, " "+string(n.Op)+" ")
}

// plainGlyphs replaces ambiguous-width symbols in stored text (×, ÷, …)
// with ASCII, so the pane lines up on Japanese terminals.
var plainGlyphs = strings.NewReplacer("×", "x", "÷", "/", "…", "...", "※", "*", "±", "+/-", "○", "o", "●", "*")
