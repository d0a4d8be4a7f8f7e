package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
)

// nodeName is a node's name in language l, its key when the catalogue has none.
func nodeName(l catalog.Lang, key string) string {
	if e, ok := model.KPIDefinition(key); ok {
		return l.Pick(e.KPI.NameJA, e.KPI.NameEN)
	}
	return key
}

// figure writes a value in full by unit: ¥5,555,556, 83.3%, 1,666.7.
func figure(u model.Unit, v model.Value) string {
	switch u {
	case model.UnitMoney:
		return catalog.FormatYenFull(v)
	case model.UnitRatio:
		return catalog.FormatPercent(v)
	}
	return catalog.FormatCount(v)
}

// opSymbol is an ASCII operator, so the text aligns on every terminal (×
// and ÷ are ambiguous-width glyphs).
func opSymbol(op model.Op) string {
	if op == model.OpMul {
		return "x"
	}
	return string(op)
}

// padRight pads s with spaces to display width w (Japanese is two columns).
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
}

func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-lipgloss.Width(s))) + s
}

func writePlanText(w io.Writer, l catalog.Lang, in planInput, p kpitree.Plan) {
	root := in.tree.Root()
	kgi := model.Some(p.KGI.Value)
	fmt.Fprintln(w, l.T(catalog.PlanKGI, nodeName(l, root.Key), catalog.FormatYenFull(kgi), catalog.PerPeriod(l, p.KGI.Per)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T(catalog.PlanTree, catalog.PeriodName(l, p.KGI.Per)))

	type row struct{ name, value, note string }
	var rows []row
	var walk func(n *kpitree.Node, depth int)
	walk = func(n *kpitree.Node, depth int) {
		r := row{name: strings.Repeat("  ", depth+1) + nodeName(l, n.Key), value: figure(n.Unit, p.Values[n.Key])}
		t, set := in.targets[n.Key]
		var parts []string
		for _, c := range n.Children {
			parts = append(parts, nodeName(l, c.Key))
		}
		formula := strings.Join(parts, " "+opSymbol(n.Op)+" ")
		switch {
		case set:
			asSet := figure(n.Unit, model.Some(t.Value))
			if n.Kind == kpitree.Flow {
				asSet += catalog.PerPeriod(l, t.Per)
			}
			r.note = l.T(catalog.PlanSet, asSet)
			if !n.IsLeaf() {
				r.note = l.T(catalog.PlanSetStandsIn, asSet, formula)
			}
		case n.IsLeaf():
			r.note = l.T(catalog.PlanUnset)
		default:
			r.note = "= " + formula
		}
		rows = append(rows, r)
		if !set {
			for _, c := range n.Children {
				walk(c, depth+1)
			}
		}
	}
	walk(root, 0)
	nameW, valueW := 0, 0
	for _, r := range rows {
		nameW, valueW = max(nameW, lipgloss.Width(r.name)), max(valueW, lipgloss.Width(r.value))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%s  %s  %s\n", padRight(r.name, nameW), padLeft(r.value, valueW), r.note)
	}
	fmt.Fprintln(w)

	switch {
	case !p.Implied.Valid && len(p.Unset) == 0:
		fmt.Fprintln(w, l.T(catalog.PlanTooLarge))
	case !p.Implied.Valid:
		names := make([]string, len(p.Unset))
		for i, k := range p.Unset {
			names[i] = nodeName(l, k)
		}
		fmt.Fprintln(w, l.T(catalog.PlanUnknown, strings.Join(names, ", ")))
	case p.Reaches():
		fmt.Fprintln(w, l.T(catalog.PlanReach, catalog.FormatPercent(p.Ratio), catalog.FormatYenFull(p.Implied), catalog.FormatYenFull(kgi)))
	default:
		short := model.Some(p.KGI.Value - p.Implied.V)
		fmt.Fprintln(w, l.T(catalog.PlanShort, catalog.FormatPercent(p.Ratio), catalog.FormatYenFull(p.Implied), catalog.FormatYenFull(kgi), catalog.FormatYenFull(short)))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T(catalog.PlanRequired))
	nameW = 0
	for _, k := range p.Inputs {
		nameW = max(nameW, lipgloss.Width(nodeName(l, k)))
	}
	for _, k := range p.Inputs {
		t, set := in.targets[k]
		fmt.Fprintf(w, "  %s  %s\n", padRight(nodeName(l, k), nameW), requiredText(l, p.Required[k], t, set, p.Values[k]))
	}
}

// requiredText is one line of the back-calculation: the value in every
// period for a flow, whole units for a count, and how it compares to the
// value as set (asSet, when set; current is that value in the KGI's period).
func requiredText(l catalog.Lang, r kpitree.Requirement, asSet kpitree.Target, set bool, current model.Value) string {
	if !r.Value.Valid {
		return "—  " + l.T(catalog.PlanNoValue)
	}
	s := figure(r.Unit, r.Value)
	if r.Kind == kpitree.Flow {
		var parts []string
		for _, per := range []model.PeriodKind{model.FiscalYear, model.Month, model.Week} {
			v := r.In(per)
			part := figure(r.Unit, v) + catalog.PerPeriod(l, per)
			if r.Unit == model.UnitCount && v.V != math.Ceil(v.V) {
				part += " (" + l.T(catalog.PlanRoundedUp, catalog.FormatCount(model.Some(math.Ceil(v.V-1e-9)))) + ")"
			}
			parts = append(parts, part)
		}
		s = strings.Join(parts, " = ")
	}
	if !r.Feasible {
		why := l.T(catalog.PlanOutOfReach)
		if r.Unit == model.UnitRatio && r.Value.V > 1 {
			why += ": " + l.T(catalog.PlanOverHundred)
		}
		return s + "  -- " + why
	}
	if set && current.Valid && current.V != 0 {
		was := figure(r.Unit, model.Some(asSet.Value))
		if r.Kind == kpitree.Flow {
			was += catalog.PerPeriod(l, asSet.Per)
		}
		s += "  (" + l.T(catalog.PlanAsSet, was, strconv.FormatFloat(r.Value.V/current.V, 'f', 2, 64)) + ")"
	}
	return s
}
