package figures

import (
	"context"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The team's figures broken down by rep, department or month: the base
// counts and sums of each group, whose rates come from model.Counts.Metrics
// like the team's.

// BreakdownReader is what the breakdowns read.
type BreakdownReader interface {
	CurrencyReader
	Reps(ctx context.Context) ([]model.Rep, error)
	CountsByRep(ctx context.Context, f store.Filter) (map[int64]model.Counts, error)
	CountsByDepartment(ctx context.Context, f store.Filter) (map[model.Department]model.Counts, error)
	Series(ctx context.Context, kind model.PeriodKind, last model.Period, n int, f store.Filter) ([]store.PeriodCounts, error)
}

// Group is one row of a breakdown.
type Group struct {
	Rep        model.Rep        // by rep: the rep; ID 0 for leads nobody owns
	Department model.Department // by rep and by department; "" for leads nobody owns
	Month      model.Period     // by month
	Range      Range            // by month: the month's days within the range
	Counts     model.Counts     // never nil; money in major units
}

// ByRep is every rep's counts over rng (reps in the store's order, then the
// leads nobody owns when there are any).
func ByRep(ctx context.Context, r BreakdownReader, rng Range) ([]Group, error) {
	reps, err := r.Reps(ctx)
	if err != nil {
		return nil, err
	}
	byRep, err := r.CountsByRep(ctx, rng.Filter())
	if err != nil {
		return nil, err
	}
	cur, err := r.Currency(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Group, 0, len(reps)+1)
	for _, rp := range reps {
		out = append(out, Group{Rep: rp, Department: rp.Department, Counts: majorCounts(byRep[rp.ID], cur)})
	}
	if c, ok := byRep[0]; ok {
		out = append(out, Group{Counts: majorCounts(c, cur)})
	}
	return out, nil
}

// ByDepartment is every department's counts over rng, in the funnel's
// order, then the leads nobody owns when there are any.
func ByDepartment(ctx context.Context, r BreakdownReader, rng Range) ([]Group, error) {
	byDept, err := r.CountsByDepartment(ctx, rng.Filter())
	if err != nil {
		return nil, err
	}
	cur, err := r.Currency(ctx)
	if err != nil {
		return nil, err
	}
	var out []Group
	for _, d := range model.Departments() {
		out = append(out, Group{Department: d, Counts: majorCounts(byDept[d], cur)})
	}
	if c, ok := byDept[""]; ok {
		out = append(out, Group{Counts: majorCounts(c, cur)})
	}
	return out, nil
}

// ByMonth is each calendar month's counts over rng (both ends bounded),
// each with its own days cut to the range.
func ByMonth(ctx context.Context, r BreakdownReader, rng Range) ([]Group, error) {
	from, to := model.Date(rng.From), model.Date(rng.To)
	if from.After(to) {
		return nil, nil
	}
	last := model.PeriodOf(model.Month, to, rng.FiscalStart)
	n := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
	series, err := r.Series(ctx, model.Month, last, n, rng.Filter())
	if err != nil {
		return nil, err
	}
	cur, err := r.Currency(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Group, 0, len(series))
	for _, pc := range series {
		g := Group{Month: pc.Period, Range: PeriodRange(pc.Period), Counts: majorCounts(pc.Counts, cur)}
		if g.Range.From.Before(from) {
			g.Range.From = from
		}
		if g.Range.To.After(to) {
			g.Range.To = to
		}
		out = append(out, g)
	}
	return out, nil
}
