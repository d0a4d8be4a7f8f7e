package figures

import (
	"context"
	"sort"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The shared funnel's figures (docs/funnel.md): per lead stage, how many
// leads first reached it in the range, the cohort's conversion to the next
// stage so far, the median and 90th percentile of the time it took, the
// leak, the recycles; a breakdown by department, source or rep; the leads
// past their stage's hand-off limit; and the step furthest below its
// target.

// FunnelReader is what the funnel reads. *store.Store is one.
type FunnelReader interface {
	FunnelCohorts(ctx context.Context, from, to, asOf time.Time, by string) ([]store.StageCohort, error)
	RecycledCounts(ctx context.Context, from, to time.Time) (map[model.FunnelStage]int, error)
	StageDefsAsOf(ctx context.Context, day time.Time) ([]model.StageDef, error)
	OverdueLeads(ctx context.Context, defs []model.StageDef, now time.Time, loc *time.Location) ([]model.Overdue, error)
}

// FunnelStep is one stage's figures.
type FunnelStep struct {
	Stage model.FunnelStage
	// Reached is how many leads first reached the stage in the range.
	Reached int
	// Converted is how many of them had reached the next stage by now.
	Converted int
	// Conversion is Converted / Reached; None when none reached the stage,
	// and for the last stage.
	Conversion model.Value
	// Leak is the leads of the cohort that have not (yet) reached the next
	// stage: Reached − Converted; 0 for the last stage.
	Leak int
	// MedianHours and P90Hours are the time from the stage to the next of
	// the converted leads (model.Percentile); None when none converted.
	MedianHours model.Value
	P90Hours    model.Value
	// Recycled counts the recycles back to this stage made in the range.
	Recycled int
	// Open is the cohort's leads still standing at the stage, neither
	// moved on nor disqualified. Young is true when the cohort has not
	// had the time its converted leads took (the range ends less than
	// the step's 90th-percentile time before now, or 30 days without
	// one): its conversion is not final and reads low (docs/funnel.md).
	Open  int
	Young bool
	// Target is the stage definition's target conversion; Shortfall is the
	// leads the cohort is short of it, (Target − Conversion) × Reached,
	// None without a target or a conversion.
	Target    model.Value
	Shortfall model.Value
}

// FunnelGroup is the funnel of one group of a breakdown.
type FunnelGroup struct {
	Key   string // the source, the rep's name or the department; "" for none
	Steps []FunnelStep
}

// Funnel is the funnel of one range at one moment.
type Funnel struct {
	Range Range
	Now   time.Time
	Defs  []model.StageDef // in force on the range's judging day
	Steps []FunnelStep     // the lead stages in order
	By    string           // "", or one of store.FunnelGroupings
	// Groups is the breakdown, by key.
	Groups []FunnelGroup
	// Overdue is every lead past its stage's hand-off limit now, most
	// overdue first; whatever the range.
	Overdue []model.Overdue
	// Worst is the index in Steps of the step furthest below its target
	// (the most leads short), -1 when no step is below its target.
	Worst int
}

// funnelSpan is the range's instants in loc: [from, to); an open start is
// the beginning of time, an open end now.
func funnelSpan(rng Range, now time.Time, loc *time.Location) (from, to time.Time) {
	from, to = time.Unix(0, 0), now.Add(time.Second)
	if !rng.From.IsZero() {
		from = dayStartIn(rng.From, loc)
	}
	if !rng.To.IsZero() {
		to = dayStartIn(rng.To.AddDate(0, 0, 1), loc)
	}
	return from, to
}

// LeadsReader reads the leads behind a funnel figure. *store.Store is one.
type LeadsReader interface {
	FunnelLeads(ctx context.Context, stage model.FunnelStage, from, to, asOf time.Time, by, group string, limit int) ([]store.FunnelLead, error)
}

// FunnelLeadsBehind lists the leads behind the count of stage over rng
// (within group of breakdown by, when by is set), oldest first, at most
// limit: the leads ComputeFunnel counted.
func FunnelLeadsBehind(ctx context.Context, r LeadsReader, rng Range, now time.Time, loc *time.Location, stage model.FunnelStage, by, group string, limit int) ([]store.FunnelLead, error) {
	if loc == nil {
		loc = time.Local
	}
	from, to := funnelSpan(rng, now, loc)
	return r.FunnelLeads(ctx, stage, from, to, now, by, group, limit)
}

// ComputeFunnel makes the funnel of rng at now; the range's days are days
// in loc. by is "" or one of store.FunnelGroupings.
func ComputeFunnel(ctx context.Context, r FunnelReader, rng Range, now time.Time, loc *time.Location, by string) (*Funnel, error) {
	if loc == nil {
		loc = time.Local
	}
	from, to := funnelSpan(rng, now, loc)
	judged := model.Date(now.In(loc))
	if !rng.To.IsZero() {
		judged = rng.JudgedOn(judged)
	}
	defs, err := r.StageDefsAsOf(ctx, judged)
	if err != nil {
		return nil, err
	}
	f := &Funnel{Range: rng, Now: now, Defs: defs, By: by, Worst: -1}
	cohorts, err := r.FunnelCohorts(ctx, from, to, now, "")
	if err != nil {
		return nil, err
	}
	recycled, err := r.RecycledCounts(ctx, from, to)
	if err != nil {
		return nil, err
	}
	f.Steps = funnelSteps(cohorts, defs)
	for i := range f.Steps {
		st := &f.Steps[i]
		st.Recycled = recycled[st.Stage]
		st.Young = st.Open > 0 && youngCohort(*st, to, now)
	}
	for i, st := range f.Steps {
		if st.Shortfall.Valid && st.Shortfall.V > 0 && (f.Worst < 0 || st.Shortfall.V > f.Steps[f.Worst].Shortfall.V) {
			f.Worst = i
		}
	}
	if by != "" {
		grouped, err := r.FunnelCohorts(ctx, from, to, now, by)
		if err != nil {
			return nil, err
		}
		byKey := map[string][]store.StageCohort{}
		var keys []string
		for _, c := range grouped {
			if _, ok := byKey[c.Group]; !ok {
				keys = append(keys, c.Group)
			}
			byKey[c.Group] = append(byKey[c.Group], c)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f.Groups = append(f.Groups, FunnelGroup{Key: k, Steps: funnelSteps(byKey[k], defs)})
		}
	}
	if f.Overdue, err = r.OverdueLeads(ctx, defs, now, loc); err != nil {
		return nil, err
	}
	return f, nil
}

// youngWithoutLags is how recent a cohort's end must be to count as young
// when none of it has converted yet, so no time to next is known.
const youngWithoutLags = 30 * 24 * time.Hour

// youngCohort reports whether a step's cohort, ending at to, has not yet
// had the time its converted leads took to move on.
func youngCohort(st FunnelStep, to, now time.Time) bool {
	took := youngWithoutLags
	if st.P90Hours.Valid {
		took = time.Duration(st.P90Hours.V * float64(time.Hour))
	}
	return now.Sub(to) < took
}

// funnelSteps turns one group's cohorts into its steps, in stage order.
func funnelSteps(cohorts []store.StageCohort, defs []model.StageDef) []FunnelStep {
	by := map[model.FunnelStage]store.StageCohort{}
	for _, c := range cohorts {
		by[c.Stage] = c
	}
	var out []FunnelStep
	for _, st := range model.LeadStages() {
		c := by[st]
		step := FunnelStep{Stage: st, Reached: c.Reached, Open: c.Open}
		if st.Next() != "" {
			step.Converted = len(c.LagsSeconds)
			step.Leak = step.Reached - step.Converted
			step.Conversion = model.Ratio(float64(step.Converted), float64(step.Reached))
			q := model.Percentiles(hoursOf(c.LagsSeconds), 0.5, 0.9)
			step.MedianHours, step.P90Hours = q[0], q[1]
			step.Target = model.StageDefOf(defs, st).TargetRate
			if step.Target.Valid && step.Conversion.Valid {
				step.Shortfall = model.Some((step.Target.V - step.Conversion.V) * float64(step.Reached))
			}
		}
		out = append(out, step)
	}
	return out
}

// hoursOf is durations in seconds as hours, in a new slice.
func hoursOf(seconds []float64) []float64 {
	hours := make([]float64, len(seconds))
	for i, s := range seconds {
		hours[i] = s / 3600
	}
	return hours
}

// dayStartIn is the first instant of day's calendar date in loc.
func dayStartIn(day time.Time, loc *time.Location) time.Time {
	y, m, d := day.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// YoungSteps lists the steps whose cohort is young and still has open
// leads, in funnel order, with those leads and the cohort's size.
func (f *Funnel) YoungSteps() (stages []model.FunnelStage, open, reached []int) {
	for _, st := range f.Steps {
		if st.Young {
			stages, open, reached = append(stages, st.Stage), append(open, st.Open), append(reached, st.Reached)
		}
	}
	return stages, open, reached
}
