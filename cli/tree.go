package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
	"github.com/kpit-dev/kpit/tui"
)

// runTree prints the stored tree evaluated over a range of days:
// `kpit tree --db PATH [--from D --to D] [--format text|json] [--lang ja|en]`.
func runTree(e env) int {
	fs := newFlagSet(e, "tree", "tree [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD] [--format text|json] [--lang ja|en]")
	dbPath := dbFlag(fs)
	fromFlag := fs.String("from", "", "first day of the range (default: start of the current fiscal year)")
	toFlag := fs.String("to", "", "last day of the range, inclusive (default: today)")
	format := fs.String("format", "text", "text or json")
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(e, "tree", fmt.Errorf("--format %q: want text or json", *format))
	}
	lang, err := tui.DetectLang(*langArg, nil)
	if err != nil {
		return fail(e, "tree", err)
	}
	rng, err := parseRange(*fromFlag, *toFlag)
	if err != nil {
		return fail(e, "tree", err)
	}
	st, err := openExisting(*dbPath)
	if err != nil {
		return fail(e, "tree", err)
	}
	defer st.Close()
	ctx := context.Background()
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		return fail(e, "tree", err)
	}
	today := model.Date(time.Now())
	if rng.from.IsZero() {
		rng.from = model.PeriodOf(model.FiscalYear, today, fiscalStart).Start
		if !rng.to.IsZero() && rng.to.Before(rng.from) {
			rng.from = model.PeriodOf(model.FiscalYear, rng.to, fiscalStart).Start
		}
	}
	if rng.to.IsZero() {
		rng.to = today
		if rng.to.Before(rng.from) {
			rng.to = model.PeriodOf(model.FiscalYear, rng.from, fiscalStart).Last()
		}
	}
	ev, err := evaluateTree(ctx, st, rng.from, rng.to, fiscalStart)
	if err != nil {
		return fail(e, "tree", err)
	}
	if *format == "json" {
		return writeIndentedJSON(e, "tree", ev.json())
	}
	ev.writeText(e.stdout, lang)
	return exitOK
}

// treeEval is the stored tree evaluated over [from, to] (both inclusive).
type treeEval struct {
	from, to time.Time
	tree     *kpitree.Tree
	kgi      model.KGI
	hasKGI   bool
	kpis     map[string]model.KPI
	actual   map[string]model.Value
	target   map[string]model.Value
	share    map[string]model.Value // share of the parent's gap
	rootShr  map[string]model.Value // share of the root's gap
}

// evaluateTree computes actuals from the records, targets from the KPI
// definitions and the KGI scaled to the range, and the gap attribution.
//
// Targets follow kpitree.TargetOver, the rule the cockpit uses too: a flow
// target (a count or a sum: visits, revenue) over a range that is one whole
// week, month, quarter or fiscal year is scaled by PerYear (¥1,000,000,000
// a year is ¥83,333,333 a month, a 52nd of it a week); over any other range
// it is pro-rated by days (value × PerYear × days ÷ 365). Rates and
// averages (win rate, deal size) are not scaled; a target with no period is
// per year.
func evaluateTree(ctx context.Context, st *store.Store, from, to time.Time, fiscalStart time.Month) (*treeEval, error) {
	defs, err := st.TreeNodes(ctx)
	if err != nil {
		return nil, err
	}
	if len(defs) == 0 {
		return nil, errors.New("no KPI tree is stored yet (set one up in the cockpit, or run 'kpit demo' for an example)")
	}
	if roots := kpitree.Roots(defs); len(roots) > 1 {
		// Adopted styles store their trees beside the team's: report the
		// one the KGI sits on (else the first), as the cockpit shows it.
		root := roots[0]
		kgi, ok, err := st.KGI(ctx)
		if err != nil {
			return nil, err
		}
		if ok && slices.Contains(roots, kgi.Metric) {
			root = kgi.Metric
		}
		defs = kpitree.Subtree(defs, root)
	}
	t, err := kpitree.Build(defs)
	if err != nil {
		return nil, fmt.Errorf("stored %w", err)
	}
	kpis, err := st.KPIs(ctx)
	if err != nil {
		return nil, err
	}
	t.ApplyKPIs(kpis)
	ev := &treeEval{from: from, to: to, tree: t, kpis: map[string]model.KPI{}}
	for _, k := range kpis {
		ev.kpis[k.Key] = k
	}
	if ev.kgi, ev.hasKGI, err = st.KGI(ctx); err != nil {
		return nil, err
	}
	counts, err := st.Counts(ctx, store.Filter{From: from, To: to.AddDate(0, 0, 1)})
	if err != nil {
		return nil, err
	}
	metrics := counts.Metrics()
	actualGiven := map[string]model.Value{}
	targets := map[string]kpitree.Target{}
	for _, n := range t.Nodes() {
		if v, ok := metrics[n.Key]; ok {
			actualGiven[n.Key] = v
		}
		k, ok := ev.kpis[n.Key]
		if ok && k.Source == model.SourceManual {
			// Typed in by hand: the value entered for the range, never
			// the records' figure in its place (see manualValueFor).
			if actualGiven[n.Key], err = manualValueFor(ctx, st, k.Key, from, to, fiscalStart); err != nil {
				return nil, err
			}
		}
		if ok && k.HasTarget {
			targets[n.Key] = kpitree.Target{Value: k.Target, Per: k.TargetPer}
		}
	}
	var kgi *kpitree.Target
	if ev.hasKGI && ev.kgi.Metric == t.Root().Key {
		kgi = &kpitree.Target{Value: ev.kgi.Value, Per: ev.kgi.Per}
	}
	ev.actual = t.Evaluate(actualGiven)
	ev.target = t.TargetsOver(kgi, targets, from, to, fiscalStart)
	ev.share = t.Attribute(ev.actual, ev.target)
	ev.rootShr = t.RootShares(ev.share)
	return ev, nil
}

// manualValueFor is a hand-entered KPI's value over [from, to]: the value
// entered for exactly that period, else undefined (shown as "-"), also when
// the range is not one whole period. A manual KPI is typed in because the
// records cannot give it; a figure computed from the records in its place
// would pass for the one typed in. The cockpit reads it the same way.
func manualValueFor(ctx context.Context, st *store.Store, key string, from, to time.Time, fiscalStart time.Month) (model.Value, error) {
	if p, ok := model.WholePeriod(from, to, fiscalStart); ok {
		return st.ManualValue(ctx, key, p)
	}
	return model.None, nil
}

// direction is whether more is better for a node.
func (ev *treeEval) direction(key string) model.Direction {
	if k, ok := ev.kpis[key]; ok && k.Direction != "" {
		return k.Direction
	}
	if e, ok := model.KPIDefinition(key); ok {
		return e.KPI.Direction
	}
	return model.HigherIsBetter
}

// name is the node's name in lang: the stored KPI's, else the catalogue's,
// else its key.
func (ev *treeEval) name(l tui.Lang, key string) string {
	ja, en := "", ""
	if e, ok := model.KPIDefinition(key); ok {
		ja, en = e.KPI.NameJA, e.KPI.NameEN
	}
	if k, ok := ev.kpis[key]; ok {
		if k.NameJA != "" {
			ja = k.NameJA
		}
		if k.NameEN != "" {
			en = k.NameEN
		}
	}
	if ja == "" {
		ja = en
	}
	if en == "" {
		en = ja
	}
	if s := l.Pick(ja, en); s != "" {
		return s
	}
	return key
}

func (ev *treeEval) achievement(key string) model.Value {
	return model.Achievement(ev.actual[key], ev.target[key], ev.direction(key))
}

// mainCause is the node that explains most of the root's miss, by the
// one rule of kpitree.MainCause.
func (ev *treeEval) mainCause() (string, model.Value) {
	return ev.tree.MainCause(ev.actual, ev.target)
}

type treeNodeJSON struct {
	Key             string   `json:"key"`
	Parent          string   `json:"parent"`
	Op              string   `json:"op"`
	Depth           int      `json:"depth"`
	NameJA          string   `json:"name_ja"`
	NameEN          string   `json:"name_en"`
	Unit            string   `json:"unit"`
	Actual          *float64 `json:"actual"`
	Target          *float64 `json:"target"`
	Achievement     *float64 `json:"achievement"`
	Status          string   `json:"status"`
	GapShare        *float64 `json:"gap_share"`         // share of the parent's gap
	GapShareOfTotal *float64 `json:"gap_share_of_root"` // share of the root's (KGI's) gap
}

type treeJSON struct {
	From      string         `json:"from"`
	To        string         `json:"to"`
	KGI       *kgiJSON       `json:"kgi"`
	Nodes     []treeNodeJSON `json:"nodes"`
	MainCause *causeJSON     `json:"main_cause"`
}

type kgiJSON struct {
	NameJA   string  `json:"name_ja"`
	NameEN   string  `json:"name_en"`
	Metric   string  `json:"metric"`
	Value    float64 `json:"value"`
	Per      string  `json:"per"`
	Deadline string  `json:"deadline"`
}

type causeJSON struct {
	Key   string  `json:"key"`
	Share float64 `json:"share"`
}

// jsonNum is a defined value as a JSON number, an undefined one (or NaN,
// which JSON cannot hold) as null.
func jsonNum(v model.Value) *float64 {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return nil
	}
	x := v.V
	return &x
}

func (ev *treeEval) json() treeJSON {
	out := treeJSON{From: model.FormatDate(ev.from), To: model.FormatDate(ev.to), Nodes: []treeNodeJSON{}}
	if ev.hasKGI {
		out.KGI = &kgiJSON{NameJA: ev.kgi.NameJA, NameEN: ev.kgi.NameEN, Metric: ev.kgi.Metric, Value: ev.kgi.Value,
			Per: string(ev.kgi.Per), Deadline: model.FormatDate(ev.kgi.Deadline)}
	}
	ev.tree.Walk(func(n *kpitree.Node, depth int) {
		j := treeNodeJSON{Key: n.Key, Op: string(n.Op), Depth: depth, Unit: string(n.Unit),
			NameJA: ev.name(tui.LangJA, n.Key), NameEN: ev.name(tui.LangEN, n.Key),
			Actual: jsonNum(ev.actual[n.Key]), Target: jsonNum(ev.target[n.Key]), Achievement: jsonNum(ev.achievement(n.Key)),
			Status: string(model.StatusOf(ev.achievement(n.Key))), GapShare: jsonNum(ev.share[n.Key]),
			GapShareOfTotal: jsonNum(ev.rootShr[n.Key])}
		if n.Parent != nil {
			j.Parent = n.Parent.Key
		}
		out.Nodes = append(out.Nodes, j)
	})
	if key, share := ev.mainCause(); key != "" {
		out.MainCause = &causeJSON{Key: key, Share: share.V}
	}
	return out
}

func (ev *treeEval) writeText(w io.Writer, l tui.Lang) {
	fmt.Fprintf(w, "%s %s - %s\n", l.Pick("KPIツリー", "KPI tree"), model.FormatDate(ev.from), model.FormatDate(ev.to))
	header := []string{l.Pick("ノード", "node"), l.Pick("実績", "actual"), l.Pick("目標", "target"),
		l.Pick("達成率", "achieved"), l.Pick("状態", "status"), l.Pick("差の寄与", "gap share")}
	var rows [][]string
	ev.tree.Walk(func(n *kpitree.Node, depth int) {
		label := strings.Repeat("  ", depth) + ev.name(l, n.Key)
		if !n.IsLeaf() {
			label += " (" + opSymbol(n.Op) + ")"
		}
		ach := ev.achievement(n.Key)
		share := "-"
		if v := ev.rootShr[n.Key]; v.Valid && n != ev.tree.Root() {
			share = tui.FormatPercent(v)
		}
		rows = append(rows, []string{label, tui.FormatUnit(l, n.Unit, ev.actual[n.Key]),
			tui.FormatUnit(l, n.Unit, ev.target[n.Key]), tui.FormatPercent(ach), tui.StatusWord(l, model.StatusOf(ach)), share})
	})
	writeTable(w, header, rows)
	if v := ev.verdict(l); v != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, v)
	}
}

// writeTable writes rows under a header, the first column left-aligned and
// the others right-aligned, measured in display columns.
func writeTable(w io.Writer, header []string, rows [][]string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	line := func(r []string) {
		parts := make([]string, len(r))
		for i, c := range r {
			if i == 0 {
				parts[i] = padRight(c, widths[i])
			} else {
				parts[i] = padLeft(c, widths[i])
			}
		}
		fmt.Fprintln(w, strings.TrimRight(strings.Join(parts, "  "), " "))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
}

// verdict is one sentence on the KGI: where it stands against its target
// for the range and which KPI explains most of the gap.
func (ev *treeEval) verdict(l tui.Lang) string {
	root := ev.tree.Root()
	actual, target := ev.actual[root.Key], ev.target[root.Key]
	if !ev.hasKGI || !target.Valid {
		return ""
	}
	ach := ev.achievement(root.Key)
	s := l.Pick(
		fmt.Sprintf("%s: 実績 %s / 期間目標 %s (達成率 %s、%s)。", ev.name(l, root.Key), tui.FormatUnit(l, root.Unit, actual),
			tui.FormatUnit(l, root.Unit, target), tui.FormatPercent(ach), tui.StatusWord(l, model.StatusOf(ach))),
		fmt.Sprintf("%s: %s against %s for the period (%s achieved, %s).", ev.name(l, root.Key), tui.FormatUnit(l, root.Unit, actual),
			tui.FormatUnit(l, root.Unit, target), tui.FormatPercent(ach), tui.StatusWord(l, model.StatusOf(ach))))
	if key, share := ev.mainCause(); key != "" && ach.Valid && ach.V < 1 {
		s += l.Pick(
			fmt.Sprintf("差の最大の要因は %s (寄与 %s)。", ev.name(l, key), tui.FormatPercent(share)),
			fmt.Sprintf(" The largest share of the gap: %s (%s).", ev.name(l, key), tui.FormatPercent(share)))
	}
	return s
}

// writeJSON prints v as indented JSON.
func writeIndentedJSON(e env, cmd string, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fail(e, cmd, fmt.Errorf("write JSON: %w", err))
	}
	return exitOK
}
