package figures

import (
	"context"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Money: the store keeps amounts in whole minor units of the team's
// currency (yen, cents) and sums them so; every figure is in major units
// (yen, dollars), like the targets typed in. This file is the one place
// one becomes the other: the counts and values the records give pass
// through it before any rate, average, pace or tree value is made of them.

// CurrencyReader reads the team's currency; *store.Store is one.
type CurrencyReader interface {
	Currency(ctx context.Context) (model.Currency, error)
}

// isMoney says whether a figure the records give is an amount: the
// catalogue's money KPIs (revenue, average deal size, existing-customer
// revenue, …).
func isMoney(key string) bool {
	e, ok := model.KPIDefinition(key)
	return ok && e.KPI.Unit == model.UnitMoney
}

// majorCounts is c with its sums of money in major units of cur; never
// nil, so a group without records has zero counts.
func majorCounts(c model.Counts, cur model.Currency) model.Counts {
	out := make(model.Counts, len(c))
	for k, v := range c {
		if isMoney(k) {
			v /= cur.PerMajor()
		}
		out[k] = v
	}
	return out
}

// majorValues is m with its amounts in major units of cur.
func majorValues(m map[string]model.Value, cur model.Currency) map[string]model.Value {
	out := make(map[string]model.Value, len(m))
	for k, v := range m {
		if v.Valid && isMoney(k) {
			v.V /= cur.PerMajor()
		}
		out[k] = v
	}
	return out
}

// TotalReader is what Total reads.
type TotalReader interface {
	CurrencyReader
	Counts(ctx context.Context, f store.Filter) (model.Counts, error)
}

// Total is the team's base counts and sums over rng, money in major units.
func Total(ctx context.Context, r TotalReader, rng Range) (model.Counts, model.Currency, error) {
	cur, err := r.Currency(ctx)
	if err != nil {
		return nil, cur, err
	}
	c, err := r.Counts(ctx, rng.Filter())
	if err != nil {
		return nil, cur, err
	}
	return majorCounts(c, cur), cur, nil
}
