package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
)

const planUsage = `plan --kgi AMOUNT[/PERIOD] --set NODE=VALUE[/PERIOD] ... [--format text|json] [--lang ja|en]

A calculator over the new-business KPI tree (no database): what the KPIs as
set imply for the KGI, and what each would need alone to reach it.
Nodes: revenue = orders_won x avg_deal_size; orders_won = opportunities x
win_rate; opportunities = leads x lead_to_opportunity_rate; leads = visits x
lead_capture_rate. A value set on an inner node (e.g. opportunities) stands
in for the nodes under it. Values: 30%, 0.3, 2000000, 2,000,000, 200万, 10億;
counts and amounts take /year, /quarter, /month or /week (default /year).

Example: kpit plan --kgi 10億 --set opportunities=50/month --set win_rate=30% --set avg_deal_size=200万`

// setFlags collects repeated --set NODE=VALUE flags.
type setFlags []string

func (s *setFlags) String() string     { return strings.Join(*s, " ") }
func (s *setFlags) Set(v string) error { *s = append(*s, v); return nil }

// planInput is a checked plan request.
type planInput struct {
	tree    *kpitree.Tree
	kgi     kpitree.Target
	targets map[string]kpitree.Target
}

func runPlan(e env) int {
	fs := newFlagSet(e, "plan", planUsage)
	kgi := fs.String("kgi", "", "the KGI, `AMOUNT` of revenue per year (or add /quarter, /month, /week): 1000000000, 10億, 1億/month")
	var sets setFlags
	fs.Var(&sets, "set", "a KPI as set, `NODE=VALUE` (repeat): opportunities=50/month, win_rate=30%, avg_deal_size=200万")
	format := fs.String("format", "text", "output `FORMAT`: text or json")
	lang := langFlag(fs)
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	if *format != "text" && *format != "json" {
		return fail(e, "plan", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"text", "json"}))
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "plan", err)
	}
	in, err := parsePlanInput(*kgi, sets)
	if err != nil {
		return fail(e, "plan", err)
	}
	p := in.tree.Plan(in.kgi, in.targets)
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(planJSON(in, p)); err != nil {
			return fail(e, "plan", model.Refused(model.RefuseWriteJSON, err))
		}
		return exitOK
	}
	writePlanText(e.stdout, l, in, p)
	return exitOK
}

// parsePlanInput checks --kgi and every --set against the new-business tree.
func parsePlanInput(kgi string, sets []string) (planInput, error) {
	tree, err := kpitree.Build(kpitree.Template(model.StyleNewBusiness))
	if err != nil {
		return planInput{}, fmt.Errorf("build the new-business tree: %w", err)
	}
	in := planInput{tree: tree, targets: map[string]kpitree.Target{}}
	if strings.TrimSpace(kgi) == "" {
		return in, model.Refused(model.RefuseKGIRequired)
	}
	q, err := model.ParseQuantity(kgi)
	switch {
	case err != nil:
		return in, model.Refused(model.RefuseKGI, err)
	case q.Percent:
		return in, model.Refused(model.RefuseKGIPercent, kgi)
	case q.Value <= 0:
		return in, model.Refused(model.RefuseKGIPositive, kgi)
	}
	in.kgi = kpitree.Target{Value: q.Value, Per: q.Per}
	for _, s := range sets {
		key, val, ok := strings.Cut(s, "=")
		key = strings.TrimSpace(key)
		if !ok {
			return in, model.Refused(model.RefuseSetForm, s)
		}
		n := tree.Node(key)
		if n == nil {
			return in, model.Refused(model.RefuseSetUnknownNode, s, key, model.Names(tree.Keys()))
		}
		if _, dup := in.targets[key]; dup {
			return in, model.Refused(model.RefuseSetTwice, s, key)
		}
		t, err := parseSetValue(n, val)
		if err != nil {
			return in, model.Refused(model.RefuseSetValue, s, err)
		}
		in.targets[key] = t
	}
	// A set node stands in for its subtree, so a value set below it would
	// be silently ignored: refuse it instead.
	for key := range in.targets {
		for p := tree.Node(key).Parent; p != nil; p = p.Parent {
			if _, ok := in.targets[p.Key]; ok {
				return in, model.Refused(model.RefuseSetUnder, key, p.Key)
			}
		}
	}
	return in, nil
}

// parseSetValue reads one node's value and checks it against the node's
// unit: rates are 0–100% with no period, counts and amounts are not
// negative and not percentages, averages take no period.
func parseSetValue(n *kpitree.Node, val string) (kpitree.Target, error) {
	q, err := model.ParseQuantity(val)
	if err != nil {
		return kpitree.Target{}, err
	}
	if q.HasPer && n.Kind != kpitree.Flow {
		return kpitree.Target{}, model.Refused(model.RefuseNodeNoPer, n.Key, q.Per)
	}
	if q.Value < 0 {
		return kpitree.Target{}, model.Refused(model.RefuseNodeNegative, n.Key)
	}
	switch n.Unit {
	case model.UnitRatio:
		if q.Value > 1 {
			return kpitree.Target{}, model.Refused(model.RefuseNodeOver100, n.Key)
		}
	default:
		if q.Percent {
			return kpitree.Target{}, model.Refused(model.RefuseNodeNotPercent, n.Key, n.Unit)
		}
	}
	return kpitree.Target{Value: q.Value, Per: q.Per}, nil
}

// num is a figure in JSON: null when undefined.
type num model.Value

func (v num) MarshalJSON() ([]byte, error) {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(v.V)
}

// perPeriods is a flow figure in every period; nil fields are left out.
type perPeriods struct {
	PerYear    *num `json:"per_year,omitempty"`
	PerQuarter *num `json:"per_quarter,omitempty"`
	PerMonth   *num `json:"per_month,omitempty"`
	PerWeek    *num `json:"per_week,omitempty"`
}

// inPeriods fills perPeriods for a flow figure v given per period from.
func inPeriods(v model.Value, from model.PeriodKind, whole bool) *perPeriods {
	at := func(to model.PeriodKind) *num {
		x := v
		if x.Valid {
			x.V = kpitree.Scale(x.V, from, to)
			if whole {
				x.V = math.Ceil(x.V - 1e-9)
			}
		}
		n := num(x)
		return &n
	}
	return &perPeriods{PerYear: at(model.FiscalYear), PerQuarter: at(model.Quarter), PerMonth: at(model.Month), PerWeek: at(model.Week)}
}

type planNodeJSON struct {
	Key    string `json:"key"`
	NameJA string `json:"name_ja"`
	NameEN string `json:"name_en"`
	Op     string `json:"op"`
	Depth  int    `json:"depth"`
	Kind   string `json:"kind"`
	Unit   string `json:"unit"`
	// Set is the value as given on the command line, with its period.
	Set *planSetJSON `json:"set"`
	// Used is false below a set node, which stands in for them.
	Used bool `json:"used"`
	// Value is in the KGI's period for flows.
	Value num `json:"value"`
	*perPeriods
}

type planSetJSON struct {
	Value float64          `json:"value"`
	Per   model.PeriodKind `json:"per,omitempty"`
}

type planReqJSON struct {
	Kind string `json:"kind"`
	Unit string `json:"unit"`
	// Value is in the KGI's period for flows; money is rounded up to the yen.
	Value num `json:"value"`
	*perPeriods
	// Whole rounds a count up to whole units: 139 opportunities a month.
	Whole *perPeriods `json:"whole,omitempty"`
	// Current is the value as set, in the KGI's period, and Change is
	// Value ÷ Current (2.78 = nearly three times as many).
	Current  num  `json:"current"`
	Change   num  `json:"change"`
	Feasible bool `json:"feasible"`
}

type planOutJSON struct {
	Tree         string                 `json:"tree"`
	KGITarget    float64                `json:"kgi_target"`
	KGIPer       model.PeriodKind       `json:"kgi_per"`
	ImpliedKGI   num                    `json:"implied_kgi"`
	ImpliedRatio num                    `json:"implied_ratio"`
	ReachesKGI   bool                   `json:"reaches_kgi"`
	Shortfall    num                    `json:"shortfall"`
	Inputs       []string               `json:"inputs"`
	Unset        []string               `json:"unset"`
	Nodes        []planNodeJSON         `json:"nodes"`
	Required     map[string]planReqJSON `json:"required"`
}

func planJSON(in planInput, p kpitree.Plan) planOutJSON {
	out := planOutJSON{
		Tree: string(model.StyleNewBusiness), KGITarget: p.KGI.Value, KGIPer: p.KGI.Per,
		ImpliedKGI: num(p.Implied), ImpliedRatio: num(p.Ratio), ReachesKGI: p.Reaches(),
		Inputs: p.Inputs, Unset: append([]string{}, p.Unset...), Required: map[string]planReqJSON{},
	}
	if p.Implied.Valid {
		out.Shortfall = num(model.Some(math.Max(0, p.KGI.Value-p.Implied.V)))
	}
	used := map[string]bool{}
	for _, k := range p.Inputs {
		for _, n := range in.tree.Path(k) {
			used[n.Key] = true
		}
	}
	for _, n := range in.tree.Nodes() {
		e, _ := model.KPIDefinition(n.Key)
		nj := planNodeJSON{Key: n.Key, NameJA: e.KPI.NameJA, NameEN: e.KPI.NameEN, Op: string(n.Op), Depth: n.Depth(),
			Kind: string(n.Kind), Unit: string(n.Unit), Used: used[n.Key], Value: num(p.Values[n.Key])}
		if t, ok := in.targets[n.Key]; ok {
			nj.Set = &planSetJSON{Value: t.Value}
			if n.Kind == kpitree.Flow {
				nj.Set.Per = t.Per
			}
		}
		if n.Kind == kpitree.Flow {
			nj.perPeriods = inPeriods(p.Values[n.Key], p.KGI.Per, false)
		}
		out.Nodes = append(out.Nodes, nj)
	}
	for _, k := range p.Inputs {
		r := p.Required[k]
		rj := planReqJSON{Kind: string(r.Kind), Unit: string(r.Unit), Value: num(r.Value), Current: num(p.Values[k]), Feasible: r.Feasible}
		if cur := p.Values[k]; r.Value.Valid && cur.Valid && cur.V != 0 {
			rj.Change = num(model.Some(r.Value.V / cur.V))
		}
		if r.Kind == kpitree.Flow {
			rj.perPeriods = inPeriods(r.Value, r.Per, false)
			if r.Unit == model.UnitCount {
				rj.Whole = inPeriods(r.Value, r.Per, true)
			}
		}
		out.Required[k] = rj
	}
	return out
}
