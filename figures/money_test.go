package figures_test

import (
	"context"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestFiguresInDollars: in a USD file the store sums cents and every figure
// the engine hands out is in dollars: revenue, average deal size, existing
// revenue, the breakdown by rep, the month's trend point and the report's
// total, each checked against the cents written here divided by 100.
func TestFiguresInDollars(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "usd.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	usd, _ := model.CurrencyFor("USD")
	if err := st.UpdateRules(ctx, store.RuleUpdate{Currency: &usd}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ann", "Bob"} {
		if _, err := st.AddRep(ctx, model.Rep{Name: name, Department: model.DeptFieldSales, Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	deals := []struct {
		rep, account string
		closed       time.Time
		cents        model.Minor
	}{
		{"Ann", "Acme", model.D(2026, 9, 15), 5_000},         // September: Acme's first win, $50
		{"Ann", "Acme", model.D(2026, 10, 3), 123_456},       // $1,234.56 from an existing account
		{"Ann", "Globex", model.D(2026, 10, 10), 99},         // $0.99
		{"Bob", "Initech", model.D(2026, 10, 20), 1_000_001}, // $10,000.01
	}
	for i, d := range deals {
		o := model.Opportunity{ExternalID: string(rune('A' + i)), RepName: d.rep, Account: d.account,
			Created: model.D(2026, 9, 1), Closed: d.closed, Outcome: model.OutcomeWon, AmountMinor: d.cents, HasAmount: true}
		if _, err := st.AddOpportunity(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	oct := model.PeriodOf(model.Month, model.D(2026, 10, 1), model.DefaultFiscalStart)
	rng := figures.PeriodRange(oct)
	today := model.D(2026, 11, 5)
	near := func(what string, got model.Value, want float64) {
		t.Helper()
		if !got.Valid || math.Abs(got.V-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	figs, err := figures.ComputeWith(ctx, st, rng, today, figures.Options{Keys: []string{"existing_revenue"}})
	if err != nil {
		t.Fatal(err)
	}
	if figs.Currency.Code != "USD" {
		t.Errorf("figures currency %q, want USD", figs.Currency.Code)
	}
	octCents := 123_456 + 99 + 1_000_001
	near("October revenue", figs.Values[model.MetricRevenue], float64(octCents)/100)
	near("average deal size", figs.Values[model.MetricAvgDealSize], float64(octCents)/100/3)
	near("existing revenue", figs.Values["existing_revenue"], 1234.56)
	near("September revenue (previous)", figs.Previous[model.MetricRevenue], 50)

	groups, err := figures.ByRep(ctx, st, rng)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"Ann": 1234.56 + 0.99, "Bob": 10_000.01}
	for _, g := range groups {
		if got := g.Counts[model.MetricRevenue]; math.Abs(got-want[g.Rep.Name]) > 1e-9 {
			t.Errorf("%s's revenue %v, want %v", g.Rep.Name, got, want[g.Rep.Name])
		}
	}
	trend, err := figures.Trend(ctx, st, oct, 2, today)
	if err != nil {
		t.Fatal(err)
	}
	near("trend September", trend[0].Values[model.MetricRevenue], 50)
	near("trend October", trend[1].Values[model.MetricRevenue], float64(octCents)/100)
	total, cur, err := figures.Total(ctx, st, rng)
	if err != nil || cur.Code != "USD" || math.Abs(total[model.MetricRevenue]-float64(octCents)/100) > 1e-9 {
		t.Errorf("total %v %s %v, want %v USD", total[model.MetricRevenue], cur.Code, err, float64(octCents)/100)
	}
}
