package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
)

// leafTargets are the targets set on leaves, the inputs of the what-if.
func (s *treeScreen) leafTargets() map[string]kpitree.Target {
	out := map[string]kpitree.Target{}
	t := s.tree()
	if t == nil {
		return out
	}
	for k, v := range s.data.goals.PlanTargets() {
		if n := t.Node(k); n != nil && n.IsLeaf() {
			out[k] = v
		}
	}
	return out
}

// plan is the engine's plan of the KPI targets as stored (a target on an
// inner node stands in for its subtree): the consistency verdict.
func (s *treeScreen) plan() kpitree.Plan {
	g := s.data.goals
	return g.Tree.Plan(g.KGITarget(), g.PlanTargets())
}

// whatIfPlans are the plan from the leaves' targets and the same with the
// what-if values: every node above a changed leaf is recomputed from it.
func (s *treeScreen) whatIfPlans() (base, changed kpitree.Plan) {
	g := s.data.goals
	targets := s.leafTargets()
	base = g.Tree.Plan(g.KGITarget(), targets)
	for k, v := range s.overrides {
		targets[k] = v
	}
	return base, g.Tree.Plan(g.KGITarget(), targets)
}

// inPeriod converts a plan value (in the KGI's period) to the screen's
// period: flows are scaled, rates stay.
func (s *treeScreen) inPeriod(n *kpitree.Node, v model.Value) model.Value {
	if !v.Valid || n.Kind != kpitree.Flow {
		return v
	}
	return model.Some(kpitree.TargetIn(kpitree.Target{Value: v.V, Per: s.data.goals.KGITarget().Per}, n.Kind, s.period))
}

// nodeTargets is every node's target in the screen's period: the KGI for
// the root, the plan's implied value for the others.
func (s *treeScreen) nodeTargets(p kpitree.Plan) map[string]model.Value {
	g := s.data.goals
	out := map[string]model.Value{}
	for _, n := range g.Tree.Nodes() {
		out[n.Key] = s.inPeriod(n, p.Values[n.Key])
	}
	if g.HasKGI {
		out[g.Tree.Root().Key] = g.TargetIn(g.KGI.Metric, s.period)
	}
	return out
}

// verdict is the consistency check, always on screen: what share of the
// KGI the KPI targets reach.
func (s *treeScreen) verdict() string {
	g := s.data.goals
	if !g.HasKGI {
		return s.Styles.Muted.Render(s.T(msgVerdictNoKGI))
	}
	p := s.plan()
	if s.whatIf && len(s.overrides) > 0 {
		_, p = s.whatIfPlans()
		if p.Ratio.Valid { // else: which KPIs still lack a value, below
			return s.Styles.Bold.Render(s.T(msgWhatIfVerdict, formatRatio(p.Ratio)))
		}
	}
	switch {
	case !p.Ratio.Valid:
		names := make([]string, 0, len(p.Unset))
		for _, k := range p.Unset {
			names = append(names, g.name(s.Lang, k))
		}
		return s.Styles.AtRisk.Render(s.unsetVerdict(names))
	case p.Reaches():
		return s.Styles.OnTrack.Render(s.T(msgVerdictReach, formatRatio(p.Ratio)))
	}
	return s.Styles.OffTrack.Render(s.T(msgVerdictShort, formatRatio(p.Ratio)))
}

// formatRatio writes a share of the KGI as a whole percentage (36%), with
// one decimal near 100% so 99.6% does not read as reaching it.
func formatRatio(v model.Value) string {
	if !v.Valid {
		return undefined
	}
	pct := v.V * 100
	if pct >= 99 && pct < 100 {
		return trimDecimal(pct, 1) + "%"
	}
	return groupThousands(int64(pct+0.5)) + "%"
}

// formatShare writes a gap share as a whole percentage with its sign.
func formatShare(v model.Value) string {
	if !v.Valid {
		return undefined
	}
	return groupThousands(int64(roundHalfAway(v.V*100))) + "%"
}

func roundHalfAway(x float64) float64 {
	if x < 0 {
		return -float64(int64(-x + 0.5))
	}
	return float64(int64(x + 0.5))
}

// treePrefix is the ASCII drawing before a node's name: a `|   ` or four
// spaces per ancestor level, then `|-- ` or "`-- ". ASCII, because box
// glyphs (├ └) are ambiguous-width in Japanese terminals.
func treePrefix(n *kpitree.Node) string {
	if n.Parent == nil {
		return ""
	}
	isLast := func(x *kpitree.Node) bool {
		sib := x.Parent.Children
		return sib[len(sib)-1] == x
	}
	var levels []string
	for a := n.Parent; a.Parent != nil; a = a.Parent {
		if isLast(a) {
			levels = append(levels, "    ")
		} else {
			levels = append(levels, "|   ")
		}
	}
	var b strings.Builder
	for i := len(levels) - 1; i >= 0; i-- {
		b.WriteString(levels[i])
	}
	if isLast(n) {
		b.WriteString("`-- ")
	} else {
		b.WriteString("|-- ")
	}
	return b.String()
}

// nodeLabel is the tree drawing, the expand marker and the node's name.
func (s *treeScreen) nodeLabel(n *kpitree.Node) string {
	mark := ""
	if !n.IsLeaf() {
		mark = "[-] "
		if s.collapsed[n.Key] {
			mark = "[+] "
		}
	}
	label := treePrefix(n) + mark + s.data.goals.name(s.Lang, n.Key)
	if n.Parent == nil && s.data.goals.HasKGI {
		label += " " + s.T(msgKGIMark)
	}
	return label
}

func (s *treeScreen) View() string {
	switch {
	case s.err != nil:
		return errLine(s.Common, s.err)
	case s.data == nil:
		return s.Styles.Muted.Render(s.T(msgLoading))
	case s.data.goals.TreeErr != nil:
		return errLine(s.Common, s.data.goals.TreeErr)
	case s.tree() == nil:
		return s.Styles.Muted.Render(s.T(msgTreeNoTree))
	case s.detail:
		return s.detailView()
	}
	p := s.period
	head := s.Styles.Title.Render(s.T(msgTreePeriod, periodLabel(s.Lang, p), periodKindName(s.Lang, p.Kind)))
	if s.whatIf {
		head += "  " + s.Styles.AtRisk.Render(s.T(msgWhatIfTitle))
	}
	lines := []string{head, s.verdict(), ""}
	var footer []string
	if s.whatIf {
		footer = s.whatIfPane()
	}
	if s.note != "" {
		footer = append(footer, s.Styles.Error.Render(s.note))
	}
	if s.quitAsk {
		footer = append(footer, s.Styles.AtRisk.Render(s.T(msgQuitWhatIf, len(s.overrides))))
	}
	if others := s.data.goals.OtherTrees; len(others) > 0 && !s.whatIf {
		names := make([]string, len(others))
		for i, k := range others {
			names[i] = s.data.goals.name(s.Lang, k)
		}
		footer = append(footer, s.Styles.Muted.Render(s.T(msgTreeOthers, strings.Join(names, ", "))))
	}
	rowsRoom := s.height - len(lines) - len(footer) - 2 // table header, blank
	lines = append(lines, s.tableLines(rowsRoom)...)
	if len(footer) > 0 {
		lines = append(lines, "")
		lines = append(lines, footer...)
	}
	return strings.Join(lines, "\n")
}

// tableLines is the header and the visible nodes, scrolled so the cursor
// stays within room rows.
func (s *treeScreen) tableLines(room int) []string {
	g := s.data.goals
	nodes := s.visibleNodes()
	nameW := displayWidth(s.T(msgColNode))
	for _, n := range nodes {
		nameW = max(nameW, displayWidth(s.nodeLabel(n)))
	}
	// Leave room for at least two figures beside the names.
	nameW = min(nameW, 40, max(s.width-2-20, 12))

	var cols []column
	var drop []int
	var cells func(n *kpitree.Node) []string
	if s.whatIf {
		base, changed := s.whatIfPlans()
		bt, ct := s.nodeTargets(base), s.nodeTargets(changed)
		// The root's plan and what-if are what the KPIs imply, not the KGI.
		root := g.Tree.Root()
		bt[root.Key], ct[root.Key] = s.inPeriod(root, base.Implied), s.inPeriod(root, changed.Implied)
		cols = []column{
			{title: s.T(msgColNode), width: nameW},
			{title: s.T(msgColPlan), width: 9, right: true},
			{title: s.T(msgColWhatIf), width: 9, right: true},
			{title: s.T(msgColDelta), width: 7, right: true},
			{title: s.T(msgColNeed), width: 12, right: true},
		}
		drop = []int{1, 4}
		cells = func(n *kpitree.Node) []string {
			u := n.Unit
			need := ""
			if n.IsLeaf() {
				need = s.needCell(n, changed)
			}
			return []string{s.nodeLabel(n), s.Money().Unit(u, bt[n.Key]), s.Money().Unit(u, ct[n.Key]),
				relChange(bt[n.Key], ct[n.Key]), need}
		}
	} else {
		cols = []column{
			{title: s.T(msgColNode), width: nameW},
			{title: s.T(msgColActual), width: 9, right: true},
			{title: s.T(msgColTarget), width: 9, right: true},
			{title: s.T(msgColAchievement), width: 7, right: true},
			{title: s.T(msgColGapShare), width: 9, right: true},
			{title: s.T(msgColStatus), width: 9},
		}
		drop = []int{5, 3, 2} // status first: actual, target, achievement and gap share are what the tree is for
		cells = func(n *kpitree.Node) []string {
			f := s.data.figs.Get(n.Key)
			return []string{s.nodeLabel(n), s.Money().Unit(n.Unit, f.Actual), s.Money().Unit(n.Unit, f.Target),
				FormatPercent(f.Achievement), formatShare(f.RootShare), s.Styles.Status(s.Lang, f.Status)}
		}
	}
	keep := fitColumns(cols, s.width-2, drop)
	kept := pick(cols, keep)
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	out := []string{"  " + s.Styles.Bold.Render(tableRow(kept, pick(titles, keep)))}
	room = max(room, 1)
	first := 0
	if s.cursor >= room {
		first = s.cursor - room + 1
	}
	for i := first; i < len(nodes) && i < first+room; i++ {
		row := tableRow(kept, pick(cells(nodes[i]), keep))
		if i == s.cursor {
			out = append(out, "> "+s.Styles.Selected.Render(row))
		} else {
			out = append(out, "  "+row)
		}
	}
	return out
}

// relChange is the relative change from a to b: +10.0%.
func relChange(a, b model.Value) string {
	if !a.Valid || !b.Valid || a.V == 0 {
		return undefined
	}
	if b.V == a.V {
		return ""
	}
	return FormatChange(model.Some(b.V/a.V - 1))
}

// unsetVerdict names the KPIs without a target, as many as fit the width,
// then "ほか N件", so the line is never cut in the middle of a name.
func (s *treeScreen) unsetVerdict(names []string) string {
	text := s.T(msgVerdictUnset, strings.Join(names, ", "))
	for k := len(names) - 1; k >= 1 && s.width > 0 && ansi.StringWidth(text) > s.width; k-- {
		text = s.T(msgVerdictUnset, strings.Join(names[:k], ", ")+s.T(msgAndMore, len(names)-k))
	}
	return text
}
