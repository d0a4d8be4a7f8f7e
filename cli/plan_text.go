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

// The plan's text, in both languages.
var (
	msgPlanKGI         = catalog.Text{JA: "KGI: %s %s%s", EN: "KGI: %s %s%s"}
	msgPlanTree        = catalog.Text{JA: "設定したKPIでのKPIツリー(件数・金額は%sあたり):", EN: "The KPI tree with the KPIs as set (counts and amounts per %s):"}
	msgPlanSet         = catalog.Text{JA: "設定: %s", EN: "set: %s"}
	msgPlanSetStandsIn = catalog.Text{JA: "設定: %s(%s の代わり)", EN: "set: %s, stands in for %s"}
	msgPlanUnset       = catalog.Text{JA: "未設定", EN: "unset"}
	msgPlanReach       = catalog.Text{JA: "判定: 設定したKPIでKGIの%s(%s / %s)に達し、KGIに届きます。",
		EN: "Verdict: the KPIs as set reach %s of the KGI (%s of %s): they reach it."}
	msgPlanShort = catalog.Text{JA: "判定: 設定したKPIではKGIの%s(%s / %s)にとどまり、KGIに届きません。不足は%sです。",
		EN: "Verdict: the KPIs as set reach %s of the KGI (%s of %s): they cannot reach it, short by %s."}
	msgPlanUnknown  = catalog.Text{JA: "判定: 未設定のKPIがあるため計算できません(%s)。", EN: "Verdict: cannot be worked out while KPIs are unset (%s)."}
	msgPlanTooLarge = catalog.Text{JA: "判定: 数値が大きすぎて計算できません。", EN: "Verdict: cannot be worked out: the figures are too large."}
	msgPlanRequired = catalog.Text{JA: "KGIに届くために各KPIが単独で必要な値(他は設定どおり):",
		EN: "What each KPI alone would need to reach the KGI (the others as set):"}
	msgPlanAsSet       = catalog.Text{JA: "設定 %s、%s倍", EN: "as set %s, x%s"}
	msgPlanRoundedUp   = catalog.Text{JA: "切り上げ %s", EN: "%s rounded up"}
	msgPlanOutOfReach  = catalog.Text{JA: "単独では届きません", EN: "out of reach alone"}
	msgPlanOverHundred = catalog.Text{JA: "率は100%を超えられません", EN: "a rate cannot pass 100%"}
	msgPlanNoValue     = catalog.Text{JA: "計算できません(隣のKPIが未設定または0)", EN: "cannot be worked out (a KPI beside it is unset or zero)"}
)

// periodTexts holds each period's name ("month") and per-phrase (" per month").
var periodTexts = map[model.PeriodKind][2]catalog.Text{
	model.FiscalYear: {{JA: "年", EN: "year"}, {JA: "/年", EN: " per year"}},
	model.Quarter:    {{JA: "四半期", EN: "quarter"}, {JA: "/四半期", EN: " per quarter"}},
	model.Month:      {{JA: "月", EN: "month"}, {JA: "/月", EN: " per month"}},
	model.Week:       {{JA: "週", EN: "week"}, {JA: "/週", EN: " per week"}},
	model.Day:        {{JA: "日", EN: "day"}, {JA: "/日", EN: " per day"}},
}

// periodText is "month"; perText is " per month" (a year when k is unset).
func periodText(l catalog.Lang, k model.PeriodKind) string { return l.T(periodTextsOf(k)[0]) }
func perText(l catalog.Lang, k model.PeriodKind) string    { return l.T(periodTextsOf(k)[1]) }

func periodTextsOf(k model.PeriodKind) [2]catalog.Text {
	if t, ok := periodTexts[k]; ok {
		return t
	}
	return periodTexts[model.FiscalYear]
}

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
	fmt.Fprintln(w, l.T(msgPlanKGI, nodeName(l, root.Key), catalog.FormatYenFull(kgi), perText(l, p.KGI.Per)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T(msgPlanTree, periodText(l, p.KGI.Per)))

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
				asSet += perText(l, t.Per)
			}
			r.note = l.T(msgPlanSet, asSet)
			if !n.IsLeaf() {
				r.note = l.T(msgPlanSetStandsIn, asSet, formula)
			}
		case n.IsLeaf():
			r.note = l.T(msgPlanUnset)
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
		fmt.Fprintln(w, l.T(msgPlanTooLarge))
	case !p.Implied.Valid:
		names := make([]string, len(p.Unset))
		for i, k := range p.Unset {
			names[i] = nodeName(l, k)
		}
		fmt.Fprintln(w, l.T(msgPlanUnknown, strings.Join(names, ", ")))
	case p.Reaches():
		fmt.Fprintln(w, l.T(msgPlanReach, catalog.FormatPercent(p.Ratio), catalog.FormatYenFull(p.Implied), catalog.FormatYenFull(kgi)))
	default:
		short := model.Some(p.KGI.Value - p.Implied.V)
		fmt.Fprintln(w, l.T(msgPlanShort, catalog.FormatPercent(p.Ratio), catalog.FormatYenFull(p.Implied), catalog.FormatYenFull(kgi), catalog.FormatYenFull(short)))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T(msgPlanRequired))
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
		return "—  " + l.T(msgPlanNoValue)
	}
	s := figure(r.Unit, r.Value)
	if r.Kind == kpitree.Flow {
		var parts []string
		for _, per := range []model.PeriodKind{model.FiscalYear, model.Month, model.Week} {
			v := r.In(per)
			part := figure(r.Unit, v) + perText(l, per)
			if r.Unit == model.UnitCount && v.V != math.Ceil(v.V) {
				part += " (" + l.T(msgPlanRoundedUp, catalog.FormatCount(model.Some(math.Ceil(v.V-1e-9)))) + ")"
			}
			parts = append(parts, part)
		}
		s = strings.Join(parts, " = ")
	}
	if !r.Feasible {
		why := l.T(msgPlanOutOfReach)
		if r.Unit == model.UnitRatio && r.Value.V > 1 {
			why += ": " + l.T(msgPlanOverHundred)
		}
		return s + "  -- " + why
	}
	if set && current.Valid && current.V != 0 {
		was := figure(r.Unit, model.Some(asSet.Value))
		if r.Kind == kpitree.Flow {
			was += perText(l, asSet.Per)
		}
		s += "  (" + l.T(msgPlanAsSet, was, strconv.FormatFloat(r.Value.V/current.V, 'f', 2, 64)) + ")"
	}
	return s
}
