package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// runTree prints the stored tree evaluated over a range of days:
// `kpit tree --db PATH [--from D --to D] [--today D] [--format text|json] [--lang ja|en]`.
func runTree(e env) int {
	fs := newFlagSet(e, "tree", "tree [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD] [--today YYYY-MM-DD] [--format text|json] [--lang ja|en]")
	dbPath := dbFlag(fs)
	fromFlag := fs.String("from", "", "first day of the range (default: start of the current fiscal year)")
	toFlag := fs.String("to", "", "last day of the range, inclusive (default: today)")
	todayArg := todayFlag(fs)
	format := fs.String("format", "text", "text or json")
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(e, "tree", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"text", "json"}))
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "tree", err)
	}
	today, err := parseToday(*todayArg)
	if err != nil {
		return fail(e, "tree", err)
	}
	rng, err := parseRange(*fromFlag, *toFlag)
	if err != nil {
		return fail(e, "tree", err)
	}
	st, err := e.openExisting(*dbPath)
	if err != nil {
		return fail(e, "tree", err)
	}
	defer st.Close()
	ctx := context.Background()
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		return fail(e, "tree", err)
	}
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
	ev, err := evaluateTree(ctx, st, figures.Range{From: rng.from, To: rng.to, FiscalStart: fiscalStart}, today)
	if err != nil {
		return fail(e, "tree", err)
	}
	if *format == "json" {
		return writeIndentedJSON(e, "tree", ev.json())
	}
	ev.writeText(e.stdout, lang)
	return exitOK
}

// treeEval is the stored tree's figures over a range, as the figures
// engine makes them.
type treeEval struct {
	*figures.Figures
	tree *kpitree.Tree
}

// evaluateTree computes the tree's figures over rng on day today. The
// targets follow kpitree.TargetOver (see the figures engine), the same
// rule the cockpit uses: a flow target over a whole week, month, quarter
// or fiscal year is scaled by periods per year, over any other range
// pro-rated by days; rates and averages are not scaled.
func evaluateTree(ctx context.Context, st *store.Store, rng figures.Range, today time.Time) (*treeEval, error) {
	f, err := figures.Compute(ctx, st, rng, today)
	if err != nil {
		return nil, err
	}
	if f.Goals.Tree == nil {
		if f.Goals.TreeErr != nil {
			return nil, fmt.Errorf("stored %w", f.Goals.TreeErr)
		}
		return nil, errors.New("no KPI tree is stored yet (set one up in the cockpit, or run 'kpit demo' for an example)")
	}
	return &treeEval{Figures: f, tree: f.Goals.Tree}, nil
}

// name is the node's name in lang.
func (ev *treeEval) name(l catalog.Lang, key string) string {
	return l.Pick(ev.Goals.Names(key))
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
	Pace            *float64 `json:"pace"`             // the projection to the range's end
	PaceAchievement *float64 `json:"pace_achievement"` // pace against the target
	Status          string   `json:"status"`
	GapShare        *float64 `json:"gap_share"`         // share of the parent's gap
	GapShareOfTotal *float64 `json:"gap_share_of_root"` // share of the root's (KGI's) gap
	// UnexplainedShare is, on an operator node only, the part of its own gap
	// its children do not explain: a number, or null where its gap is not
	// split. A *float64 in an interface so that a leaf omits the key while
	// an operator node keeps it as null.
	UnexplainedShare any `json:"unexplained_share,omitempty"`
}

type treeJSON struct {
	From      string         `json:"from"`
	To        string         `json:"to"`
	Today     string         `json:"today"`
	State     string         `json:"state"`     // over, in_progress or not_started on today
	JudgedOn  string         `json:"judged_on"` // the day whose targets are in force
	Currency  string         `json:"currency"`  // money (actual, target, pace, the KGI) is in its major units
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

// stateWord is a range's state in JSON.
func stateWord(s figures.State) string {
	switch s {
	case figures.Over:
		return "over"
	case figures.InProgress:
		return "in_progress"
	}
	return "not_started"
}

func (ev *treeEval) json() treeJSON {
	out := treeJSON{From: model.FormatDate(ev.Range.From), To: model.FormatDate(ev.Range.To),
		Today: model.FormatDate(ev.Today), State: stateWord(ev.State),
		JudgedOn: model.FormatDate(ev.Range.JudgedOn(ev.Today)), Currency: ev.Currency.Code, Nodes: []treeNodeJSON{}}
	if g := ev.Goals; g.HasKGI {
		out.KGI = &kgiJSON{NameJA: g.KGI.NameJA, NameEN: g.KGI.NameEN, Metric: g.KGI.Metric, Value: g.KGI.Value,
			Per: string(g.KGI.Per), Deadline: model.FormatDate(g.KGI.Deadline)}
	}
	ev.tree.Walk(func(n *kpitree.Node, depth int) {
		f := ev.Get(n.Key)
		ja, en := ev.Goals.Names(n.Key)
		j := treeNodeJSON{Key: n.Key, Op: string(n.Op), Depth: depth, Unit: string(n.Unit), NameJA: ja, NameEN: en,
			Actual: jsonNum(f.Actual), Target: jsonNum(f.Target), Achievement: jsonNum(f.Achievement),
			Pace: jsonNum(f.Pace), PaceAchievement: jsonNum(f.PaceAchievement), Status: string(f.Status),
			GapShare: jsonNum(f.GapShare), GapShareOfTotal: jsonNum(f.RootShare)}
		if n.Parent != nil {
			j.Parent = n.Parent.Key
		}
		if !n.IsLeaf() {
			j.UnexplainedShare = jsonNum(f.Unexplained)
		}
		out.Nodes = append(out.Nodes, j)
	})
	if ev.MainCause != "" {
		out.MainCause = &causeJSON{Key: ev.MainCause, Share: ev.MainCauseShare.V}
	}
	return out
}

func (ev *treeEval) writeText(w io.Writer, l catalog.Lang) {
	money := catalog.Money{Lang: l, Currency: ev.Currency}
	fmt.Fprintf(w, "%s %s - %s\n", l.T(catalog.TreeTitle), model.FormatDate(ev.Range.From), model.FormatDate(ev.Range.To))
	header := []string{l.T(catalog.TreeNode), l.T(catalog.TreeActual), l.T(catalog.TreeTarget),
		l.T(catalog.TreeAchieved), l.T(catalog.TreePace), l.T(catalog.TreeStatus), l.T(catalog.TreeGapShare)}
	var rows [][]string
	var add func(n *kpitree.Node, depth int)
	add = func(n *kpitree.Node, depth int) {
		label := strings.Repeat("  ", depth) + ev.name(l, n.Key)
		if !n.IsLeaf() {
			label += " (" + opSymbol(n.Op) + ")"
		}
		f := ev.Get(n.Key)
		share := "-"
		if v := f.RootShare; v.Valid && n != ev.tree.Root() {
			share = catalog.FormatPercent(v)
		}
		rows = append(rows, []string{label, money.Unit(n.Unit, f.Actual),
			money.Unit(n.Unit, f.Target), catalog.FormatPercent(f.Achievement), money.Pace(n.Unit, f.Pace),
			catalog.StatusWord(l, f.Status), share})
		for _, c := range n.Children {
			add(c, depth+1)
		}
		// Under its children, the part of this node's gap they do not
		// explain, so the shares under a node add up to its own; left out
		// where it would read 0.0% (a node computed from its children).
		if u, up := f.Unexplained, f.RootShare; u.Valid && up.Valid && math.Abs(u.V*up.V) >= 0.0005 {
			rows = append(rows, []string{strings.Repeat("  ", depth+1) + l.T(catalog.TreeUnexplained),
				"", "", "", "", "", catalog.FormatPercent(model.Some(u.V * up.V))})
		}
	}
	add(ev.tree.Root(), 0)
	writeTable(w, header, rows)
	if v := ev.verdict(l); v != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, v)
	}
}

// writeTable writes rows under a header, the first column left-aligned and
// the others right-aligned, measured in display columns.
func writeTable(w io.Writer, header []string, rows [][]string) {
	writeTableAligned(w, header, rows, "l"+strings.Repeat("r", len(header)-1))
}

// writeTableAligned is writeTable with each column aligned as align says,
// one letter a column: l left, r right.
func writeTableAligned(w io.Writer, header []string, rows [][]string, align string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	line := func(r []string) {
		parts := make([]string, len(r))
		for i, c := range r {
			if i < len(align) && align[i] == 'l' {
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
// for the range (by the status rule: a range in progress by its pace) and
// which KPI explains most of the gap.
func (ev *treeEval) verdict(l catalog.Lang) string {
	root := ev.tree.Root()
	f := ev.Get(root.Key)
	if !ev.Goals.HasKGI || !f.Target.Valid {
		return ""
	}
	u, money := root.Unit, catalog.Money{Lang: l, Currency: ev.Currency}
	s := l.T(catalog.TreeVerdict, ev.name(l, root.Key), money.Unit(u, f.Actual), money.Unit(u, f.Target),
		catalog.FormatPercent(f.Achievement), catalog.StatusWord(l, f.Status))
	if ev.State == figures.InProgress && f.Pace.Valid {
		s += l.T(catalog.TreeVerdictPace, money.Unit(u, f.Pace), catalog.FormatPercent(f.PaceAchievement))
	}
	if ev.MainCause != "" && f.Status != model.StatusOnTrack && f.Status != model.StatusUnknown {
		s += l.T(catalog.TreeVerdictCause, ev.name(l, ev.MainCause), catalog.FormatPercent(ev.MainCauseShare))
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
