// Package figures is the one place a figure is made. Given a store reader,
// a range of days and today's date it returns everything a screen or a
// command shows for that range: per KPI the actual, the target in force,
// achievement, pace (the projection to the range's end), the change against
// the previous comparable range and the status; per tree node the share of
// the KGI's gap and the main cause. The cockpit's screens and the commands
// only format what it returns.
package figures

import (
	"context"
	"slices"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Reader is what the engine reads from a store: the goals in force on a
// day, the counts and sums of records over days and the currency the sums
// are in. *store.Store is one.
type Reader interface {
	CurrencyReader
	SuccessReader
	KGIAsOf(ctx context.Context, day time.Time) (model.KGI, bool, error)
	KPIsAsOf(ctx context.Context, day time.Time) ([]model.KPI, error)
	TreeNodes(ctx context.Context) ([]model.TreeNodeDef, error)
	Counts(ctx context.Context, f store.Filter) (model.Counts, error)
	StyleFigures(ctx context.Context, f store.Filter) (map[string]model.Value, error)
	ManualValue(ctx context.Context, key string, p model.Period) (model.Value, error)
}

// Range is a stretch of calendar days, both ends included.
type Range struct {
	From, To    time.Time
	FiscalStart time.Month // the month the fiscal year starts in (periods, whole-period targets)
}

// PeriodRange is the days of period p.
func PeriodRange(p model.Period) Range {
	return Range{From: p.Start, To: p.Last(), FiscalStart: p.FiscalStart}
}

// Days is how many days the range holds.
func (r Range) Days() int { return model.DaysBetween(r.From, r.To) }

// Filter is the store filter over the range (the store's To is exclusive);
// a zero end leaves that side open.
func (r Range) Filter() store.Filter {
	var f store.Filter
	if !r.From.IsZero() {
		f.From = model.Date(r.From)
	}
	if !r.To.IsZero() {
		f.To = model.Date(r.To).AddDate(0, 0, 1)
	}
	return f
}

// Period is the whole week, month, fiscal quarter or fiscal year the range
// is, if it is one.
func (r Range) Period() (model.Period, bool) {
	return model.WholePeriod(r.From, r.To, r.FiscalStart)
}

// State is where a range stands on a day.
type State int

const (
	NotStarted State = iota // every day of it is still to come
	InProgress              // today is one of its days
	Over                    // its last day has passed
)

// StateOn is where r stands on day today.
func (r Range) StateOn(today time.Time) State {
	d := model.Date(today)
	switch {
	case d.Before(model.Date(r.From)):
		return NotStarted
	case d.After(model.Date(r.To)):
		return Over
	}
	return InProgress
}

// Elapsed is how many days of r have passed on day today, today included:
// 0 before the range, all of them after it.
func (r Range) Elapsed(today time.Time) int {
	switch r.StateOn(today) {
	case NotStarted:
		return 0
	case Over:
		return r.Days()
	}
	return model.DaysBetween(r.From, today)
}

// JudgedOn is the day whose goals judge the range: its last day, or today
// while it is in progress. Past ranges keep the targets they had.
func (r Range) JudgedOn(today time.Time) time.Time {
	if r.StateOn(today) == InProgress {
		return model.Date(today)
	}
	return model.Date(r.To)
}

// Previous is the comparable stretch before r: the previous period of the
// same kind when r is a whole period, else as many days just before it;
// cut to as many days as have passed of r, so a month in progress is
// compared with the same days of the month before.
func (r Range) Previous(today time.Time) Range {
	var prev Range
	if p, ok := r.Period(); ok {
		prev = PeriodRange(p.Prev())
	} else {
		n := r.Days()
		prev = Range{From: r.From.AddDate(0, 0, -n), To: r.From.AddDate(0, 0, -1), FiscalStart: r.FiscalStart}
	}
	if days := max(r.Elapsed(today), 1); days < prev.Days() {
		prev.To = prev.From.AddDate(0, 0, days-1)
	}
	return prev
}

// Figure is everything shown for one KPI or tree node over a range.
type Figure struct {
	Key       string
	Unit      model.Unit
	Direction model.Direction
	Flow      bool // a count or a sum, which grows with the range; else a rate or an average

	Actual model.Value // from the records (or typed in by hand for a manual KPI)
	Target model.Value // the target in force, scaled to the range
	// Achievement is actual against target (inverted for lower-is-better).
	Achievement model.Value
	// Pace is the projection to the range's end: a flow at its run rate so
	// far, a rate as it stands; the actual once the range is over.
	Pace            model.Value
	PaceAchievement model.Value
	// Previous is the figure over the previous comparable range.
	Previous model.Value
	Status   model.Status

	// Tree nodes only: the share of the parent's gap, of the KGI's gap, and
	// for an operator node the part of its own gap its children do not explain.
	GapShare    model.Value
	RootShare   model.Value
	Unexplained model.Value
}

// Change is the figure against the previous comparable range: a relative
// change for a flow (+0.091 is +9.1%), a difference for a rate or an
// average in its own unit (0.014 is 1.4 points); undefined when either is,
// or a flow's previous figure is zero.
func (f Figure) Change() model.Value { return ChangeBetween(f.Unit, f.Previous, f.Actual) }

// ChangeBetween is the one way a change is read, from before to now:
// relative for a count or a sum, a difference for a rate, undefined when
// either value is or the earlier one is a zero count.
func ChangeBetween(u model.Unit, before, now model.Value) model.Value {
	if !now.Valid || !before.Valid {
		return model.None
	}
	if u == model.UnitRatio {
		return model.Some(now.V - before.V)
	}
	if before.V == 0 {
		return model.None
	}
	return model.Some(now.V/before.V - 1)
}

// Figures are the figures of one range on one day.
type Figures struct {
	Range   Range
	Today   time.Time
	State   State
	Elapsed int // days of the range passed, today included
	Goals   *Goals
	// Currency is the team's: every amount below is in its major units.
	Currency model.Currency
	// Values is every metric the records give over the range (base counts,
	// rates, style figures), hand-entered KPIs, and every tree node's value.
	Values map[string]model.Value
	// Previous is the same over the previous comparable range.
	Previous map[string]model.Value
	// ByKey holds the figure of every KPI, every tree node and the KGI's metric.
	ByKey map[string]Figure
	// MainCause is the tree node that explains most of the KGI's miss, and
	// its share; "" when there is no miss to explain.
	MainCause      string
	MainCauseShare model.Value
}

// Get is the figure of key, with the goals' unit, kind and direction and
// the values the range gives when key is not a KPI or a tree node.
func (fs *Figures) Get(key string) Figure {
	if f, ok := fs.ByKey[key]; ok {
		return f
	}
	return fs.figure(key, model.None)
}

// Options say what a caller wants beyond the figures of the KPIs and the
// tree in force.
type Options struct {
	// Keys are more figures wanted in Values (the styles screen's
	// catalogue KPIs that no one has adopted yet).
	Keys []string
}

// Compute makes every figure of rng on day today.
func Compute(ctx context.Context, r Reader, rng Range, today time.Time) (*Figures, error) {
	return ComputeWith(ctx, r, rng, today, Options{})
}

// ComputeWith is Compute with options.
func ComputeWith(ctx context.Context, r Reader, rng Range, today time.Time, opt Options) (*Figures, error) {
	now := today // the moment, for the figures that follow leads and inquiries over time
	today = model.Date(today)
	fs := &Figures{Range: rng, Today: today, State: rng.StateOn(today), Elapsed: rng.Elapsed(today)}
	var err error
	if fs.Goals, err = LoadGoals(ctx, r, rng.JudgedOn(today)); err != nil {
		return nil, err
	}
	if fs.Currency, err = r.Currency(ctx); err != nil {
		return nil, err
	}
	need := wants{style: needsAny(fs.Goals, opt.Keys, store.StyleFigureKeys),
		success: needsAny(fs.Goals, opt.Keys, successCountKeys), cohorts: needsAny(fs.Goals, opt.Keys, []string{KeyMQLToSQLRate})}
	if fs.Values, err = values(ctx, r, fs.Goals, rng, now, need, fs.Currency); err != nil {
		return nil, err
	}
	if fs.Previous, err = values(ctx, r, fs.Goals, rng.Previous(today), now, need, fs.Currency); err != nil {
		return nil, err
	}
	g := fs.Goals
	if g.Tree != nil {
		fs.Values = mergeValues(fs.Values, g.Tree.Evaluate(fs.Values))
		fs.Previous = mergeValues(fs.Previous, g.Tree.Evaluate(fs.Previous))
	}
	targets := g.Targets(rng)
	fs.ByKey = make(map[string]Figure, len(targets))
	for k, target := range targets {
		fs.ByKey[k] = fs.figure(k, target)
	}
	if g.Tree != nil {
		share := g.Tree.Attribute(fs.Values, targets)
		root := g.Tree.RootShares(share)
		unexplained := g.Tree.Unexplained(fs.Values, targets)
		for _, n := range g.Tree.Nodes() {
			f := fs.ByKey[n.Key]
			f.GapShare, f.RootShare, f.Unexplained = share[n.Key], root[n.Key], unexplained[n.Key]
			fs.ByKey[n.Key] = f
		}
		fs.MainCause, fs.MainCauseShare = g.Tree.MainCause(fs.Values, targets)
	}
	return fs, nil
}

// figure is key's figure against target, without the tree's shares.
func (fs *Figures) figure(key string, target model.Value) Figure {
	g := fs.Goals
	f := Figure{Key: key, Unit: g.Unit(key), Direction: g.Direction(key), Flow: g.IsFlow(key),
		Actual: fs.Values[key], Target: target, Previous: fs.Previous[key]}
	f.Achievement = model.Achievement(f.Actual, f.Target, f.Direction)
	f.Pace = pace(f.Actual, fs.Range, fs.Today, f.Flow)
	f.PaceAchievement = model.Achievement(f.Pace, f.Target, f.Direction)
	f.Status = Judge(fs.State, f.Achievement, f.PaceAchievement)
	return f
}

// Judge is the one status rule: a range that is over is judged by its
// achievement, a range in progress by its pace (where the run rate so far
// would end it); a range not yet started has no status. The thresholds are
// model.StatusOf's.
func Judge(s State, achievement, paceAchievement model.Value) model.Status {
	switch s {
	case Over:
		return model.StatusOf(achievement)
	case InProgress:
		return model.StatusOf(paceAchievement)
	}
	return model.StatusUnknown
}

// pace projects actual to the end of rng: a flow at the run rate so far, a
// rate or an average as it stands. Before the range starts there is none.
func pace(actual model.Value, rng Range, today time.Time, flow bool) model.Value {
	if !actual.Valid {
		return model.None
	}
	days := rng.Elapsed(today)
	if days == 0 {
		return model.None
	}
	if !flow {
		return actual
	}
	return model.Some(actual.V * float64(rng.Days()) / float64(days))
}

// needsAny says whether a KPI, a tree node or a wanted key is one of
// keys: the style figures cost a pass over the records, the success
// figures reads of their own tables, so each is read only when needed.
func needsAny(g *Goals, wanted, keys []string) bool {
	all := append([]string(nil), wanted...)
	for _, k := range g.KPIs {
		all = append(all, k.Key)
	}
	if g.Tree != nil {
		all = append(all, g.Tree.Keys()...)
	}
	for _, k := range all {
		if slices.Contains(keys, k) {
			return true
		}
	}
	return false
}

// wants says which figures beyond the roll-up's a computation reads.
type wants struct {
	style   bool // store.StyleFigures
	success bool // store.SuccessCounts, for the success figures but the MQL→SQL rate
	cohorts bool // store.FunnelCohorts, for the MQL→SQL rate
}

// values is every figure the records give over rng: the base counts and
// their rates, the style and success figures when wanted, and the
// hand-entered KPIs; amounts in major units of cur.
func values(ctx context.Context, r Reader, g *Goals, rng Range, now time.Time, need wants, cur model.Currency) (map[string]model.Value, error) {
	f := rng.Filter()
	counts, err := r.Counts(ctx, f)
	if err != nil {
		return nil, err
	}
	m := majorCounts(counts, cur).Metrics()
	add := func(extra map[string]model.Value) {
		for k, v := range majorValues(extra, cur) {
			if _, ok := m[k]; !ok {
				m[k] = v
			}
		}
	}
	if need.style {
		extra, err := r.StyleFigures(ctx, f)
		if err != nil {
			return nil, err
		}
		add(extra)
	}
	if need.success || need.cohorts {
		extra, err := successValues(ctx, r, rng, now, need)
		if err != nil {
			return nil, err
		}
		add(extra)
	}
	// Every lead kpit records is new business (新規リード数).
	m["new_leads"] = m[model.MetricLeads]
	// A hand-entered KPI is typed in because the records cannot give it:
	// it has the value entered for exactly this period, else none, never
	// a figure from the records in its place.
	p, whole := rng.Period()
	for _, k := range g.KPIs {
		if k.Source != model.SourceManual {
			continue
		}
		m[k.Key] = model.None
		if whole {
			if m[k.Key], err = r.ManualValue(ctx, k.Key, p); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

// mergeValues adds to m the tree's values for keys m has no value for (an
// operator node computed from its children).
func mergeValues(m, tree map[string]model.Value) map[string]model.Value {
	for k, v := range tree {
		if !m[k].Valid {
			m[k] = v
		}
	}
	return m
}

// SeriesPoint is one period of a trend: its counts, values and the
// targets in force for it (a past period keeps the targets it had);
// amounts in major units of the team's currency.
type SeriesPoint struct {
	Period  model.Period
	Counts  model.Counts
	Values  map[string]model.Value
	Targets map[string]model.Value
}

// TrendReader is what Trend reads.
type TrendReader interface {
	Reader
	Series(ctx context.Context, kind model.PeriodKind, last model.Period, n int, f store.Filter) ([]store.PeriodCounts, error)
}

// Trend is the last n periods of last's kind ending with last, oldest
// first, for the team: the base metrics, their rates and the tree's
// values, and each period's targets as judged on today.
func Trend(ctx context.Context, r TrendReader, last model.Period, n int, today time.Time) ([]SeriesPoint, error) {
	pcs, err := r.Series(ctx, last.Kind, last, n, store.Filter{})
	if err != nil {
		return nil, err
	}
	cur, err := r.Currency(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SeriesPoint, len(pcs))
	for i, pc := range pcs {
		rng := PeriodRange(pc.Period)
		g, err := LoadGoals(ctx, r, rng.JudgedOn(today))
		if err != nil {
			return nil, err
		}
		counts := majorCounts(pc.Counts, cur)
		values := counts.Metrics()
		if g.Tree != nil {
			values = mergeValues(values, g.Tree.Evaluate(values))
		}
		out[i] = SeriesPoint{Period: pc.Period, Counts: counts, Values: values, Targets: g.Targets(rng)}
	}
	return out, nil
}
