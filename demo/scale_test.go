package demo

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The scale company is the same from the same seed and day, whatever
// machine builds it, and another seed gives another company.
func TestSeedScaleIsDeterministic(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	build := func(seed int64) []model.Opportunity {
		st, err := store.Open(filepath.Join(t.TempDir(), "scale.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ctx := context.Background()
		if err := SeedScale(ctx, st, seed, now, 300); err != nil {
			t.Fatal(err)
		}
		var out []model.Opportunity
		if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
			out = append(out, o)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b, other := build(1), build(1), build(2)
	if len(a) != 300 || !reflect.DeepEqual(a, b) {
		t.Fatalf("two builds of seed 1 differ (%d and %d deals)", len(a), len(b))
	}
	if reflect.DeepEqual(a, other) {
		t.Fatal("seeds 1 and 2 built the same company")
	}
	for _, o := range a {
		if o.EnteredAt.After(now) || o.UpdatedAt.After(now) || o.Created.After(model.Date(now)) {
			t.Fatalf("deal %d is from after %v: %+v", o.ID, now, o)
		}
	}
}

// The style figures of the scale company, whose accounts win again and
// again, equal a recount of its exported deals: an account's first win in
// the range is new, a later win is existing revenue.
func TestSeedScaleStyleFiguresEqualRecount(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)
	st, err := store.Open(filepath.Join(t.TempDir(), "scale.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := SeedScale(ctx, st, DefaultSeed, now, 2000); err != nil {
		t.Fatal(err)
	}
	var wins []model.Opportunity
	if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		if o.Outcome == model.OutcomeWon && o.Account != "" {
			wins = append(wins, o)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	first := map[string]time.Time{}
	for _, o := range wins {
		if f, ok := first[o.Account]; !ok || o.Closed.Before(f) {
			first[o.Account] = o.Closed
		}
	}
	for _, p := range []model.Period{model.PeriodOf(model.Month, now, time.April), model.PeriodOf(model.FiscalYear, now, time.April),
		model.PeriodOf(model.FiscalYear, now.AddDate(-2, 0, 0), time.April), model.PeriodOf(model.Quarter, now.AddDate(-4, 0, 0), time.April)} {
		in := func(d time.Time) bool { return !d.Before(p.Start) && d.Before(p.End) }
		newAccounts, existingYen := 0, 0.0
		for _, d := range first {
			if in(d) {
				newAccounts++
			}
		}
		for _, o := range wins {
			if in(o.Closed) && o.Closed.After(first[o.Account]) {
				existingYen += float64(o.AmountMinor)
			}
		}
		got, err := st.StyleFigures(ctx, store.ForPeriod(p))
		if err != nil {
			t.Fatal(err)
		}
		if got["new_orders_won"] != model.Some(float64(newAccounts)) || got["existing_revenue"] != model.Some(existingYen) {
			t.Errorf("%s: new %v existing %v; recount %d, %v", p.Key(), got["new_orders_won"], got["existing_revenue"], newAccounts, existingYen)
		}
		if newAccounts == 0 || existingYen == 0 {
			t.Errorf("%s: the recount has no new account (%d) or no existing revenue (%v): the test proves nothing", p.Key(), newAccounts, existingYen)
		}
	}
}
