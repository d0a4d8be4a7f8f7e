package figures_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/demo"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The demo company's history ends on this day; every test's clock.
var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.Local)

var demoPath string

func TestMain(m *testing.M) {
	path, cleanup, err := demo.TempDatabase(context.Background(), demo.DefaultSeed, today.Add(18*time.Hour))
	if err != nil {
		fmt.Fprintln(os.Stderr, "seed demo database:", err)
		os.Exit(2)
	}
	demoPath = path
	code := m.Run()
	cleanup()
	os.Exit(code)
}

func openDemo(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// copyDemo is a copy of the demo database for a test that writes.
func copyDemo(t *testing.T) *store.Store {
	t.Helper()
	// The seeding store is closed, so the file alone is the whole database.
	data, err := os.ReadFile(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// recount is the base figures over [from, to] counted from the raw records
// (the export reads the record tables, not the daily roll-up the engine sums).
func recount(t *testing.T, st *store.Store, from, to time.Time) map[string]float64 {
	t.Helper()
	ctx := context.Background()
	in := func(d time.Time) bool { return !d.IsZero() && !d.Before(from) && !d.After(to) }
	c := map[string]float64{}
	firstWin := map[string]time.Time{}
	var wins []model.Opportunity
	err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		if in(o.Created) {
			c["opportunities"]++
		}
		if o.Outcome == model.OutcomeWon && o.Account != "" && !o.Closed.IsZero() {
			if f, ok := firstWin[o.Account]; !ok || o.Closed.Before(f) {
				firstWin[o.Account] = o.Closed
			}
			wins = append(wins, o)
		}
		if !in(o.Closed) {
			return nil
		}
		switch o.Outcome {
		case model.OutcomeWon:
			c["orders_won"]++
			c["revenue"] += float64(o.AmountMinor)
		case model.OutcomeLost:
			c["orders_lost"]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range firstWin {
		if in(d) {
			c["new_orders_won"]++
		}
	}
	for _, o := range wins {
		if in(o.Closed) && o.Closed.After(firstWin[o.Account]) {
			c["existing_revenue"] += float64(o.AmountMinor)
		}
	}
	err = st.ExportActivities(ctx, func(a model.Activity, _ string) error {
		if in(a.Date) {
			c[string(a.Kind)] += float64(a.Count)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = st.ExportLeads(ctx, func(l model.Lead) error {
		if in(l.Created) {
			c["leads"]++
		}
		if in(l.MQLOn) {
			c["mql"]++
			if !l.SQLOn.IsZero() {
				c["mql_then_sql"]++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestValuesFromRawRecords checks the engine's figures for several ranges
// (a month in progress, a whole past week, an arbitrary span, a fiscal
// year) against sums and ratios worked out here from the raw records.
func TestValuesFromRawRecords(t *testing.T) {
	st := openDemo(t)
	ctx := context.Background()
	fs := model.DefaultFiscalStart
	ranges := []figures.Range{
		figures.PeriodRange(model.PeriodOf(model.Month, today, fs)),
		figures.PeriodRange(model.PeriodOf(model.Week, today.AddDate(0, 0, -7), fs)),
		{From: time.Date(2026, 4, 16, 0, 0, 0, 0, time.Local), To: time.Date(2026, 5, 15, 0, 0, 0, 0, time.Local), FiscalStart: fs},
		figures.PeriodRange(model.PeriodOf(model.FiscalYear, today, fs)),
	}
	for _, rng := range ranges {
		name := model.FormatDate(rng.From) + ".." + model.FormatDate(rng.To)
		c := recount(t, st, rng.From, rng.To)
		if c["opportunities"] == 0 || c["orders_won"] == 0 || c["visit"] == 0 {
			t.Fatalf("%s: the demo has nothing to check: %v", name, c)
		}
		keys := append(append([]string(nil), store.StyleFigureKeys...), figures.SuccessKeys...)
		figs, err := figures.ComputeWith(ctx, st, rng, today, figures.Options{Keys: keys})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{
			"opportunities":            c["opportunities"],
			"orders_won":               c["orders_won"],
			"orders_lost":              c["orders_lost"],
			"revenue":                  c["revenue"],
			"visits":                   c["visit"],
			"calls":                    c["call"],
			"leads":                    c["leads"],
			"new_leads":                c["leads"],
			"win_rate":                 c["orders_won"] / (c["orders_won"] + c["orders_lost"]),
			"avg_deal_size":            c["revenue"] / c["orders_won"],
			"lead_to_opportunity_rate": c["opportunities"] / c["leads"],
			"lead_capture_rate":        c["leads"] / c["visit"],
			"new_orders_won":           c["new_orders_won"],
			"existing_revenue":         c["existing_revenue"],
			"mql_to_sql_rate":          c["mql_then_sql"] / c["mql"],
		}
		for k, v := range want {
			got := figs.Get(k).Actual
			if !got.Valid || !near(got.V, v) {
				t.Errorf("%s: %s = %v, from the raw records %v", name, k, got, v)
			}
		}
	}
}

// perYear is how many periods of each kind make a year, written out here
// rather than taken from model.
var perYear = map[model.PeriodKind]float64{model.Week: 52, model.Month: 12, model.Quarter: 4, model.FiscalYear: 1}

// intensive are the demo tree's rates and averages, never scaled.
var intensive = map[string]bool{"win_rate": true, "avg_deal_size": true, "lead_to_opportunity_rate": true, "lead_capture_rate": true}

// TestTargetsByHand works out every demo KPI's target from its stored row
// for whole periods (value × periods of its own kind a year ÷ periods of
// the shown kind) and for an arbitrary span (pro-rated by days over 365),
// and the KGI's likewise.
func TestTargetsByHand(t *testing.T) {
	st := openDemo(t)
	ctx := context.Background()
	per := func(p model.PeriodKind) model.PeriodKind {
		if p == "" {
			return model.FiscalYear
		}
		return p
	}
	fs := model.DefaultFiscalStart
	type span struct {
		rng   figures.Range
		scale func(value float64, per model.PeriodKind) float64
	}
	var spans []span
	for _, kind := range []model.PeriodKind{model.Week, model.Month, model.Quarter, model.FiscalYear} {
		spans = append(spans, span{figures.PeriodRange(model.PeriodOf(kind, today, fs)),
			func(v float64, p model.PeriodKind) float64 { return v * perYear[p] / perYear[kind] }})
	}
	from, to := time.Date(2026, 4, 16, 0, 0, 0, 0, time.Local), time.Date(2026, 5, 15, 0, 0, 0, 0, time.Local)
	spans = append(spans, span{figures.Range{From: from, To: to, FiscalStart: fs},
		func(v float64, p model.PeriodKind) float64 { return v * perYear[p] * 30 / 365 }})
	for _, sp := range spans {
		figs, err := figures.Compute(ctx, st, sp.rng, today)
		if err != nil {
			t.Fatal(err)
		}
		// The stored goals in force on the day the range is judged (the
		// demo raised its opportunities target on 2026-09-26).
		day := sp.rng.JudgedOn(today)
		kpis, err := st.KPIsAsOf(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		kgi, ok, err := st.KGIAsOf(ctx, day)
		if err != nil || !ok {
			t.Fatalf("demo KGI: %v %v", ok, err)
		}
		for _, k := range kpis {
			if !k.HasTarget || k.Key == kgi.Metric {
				continue
			}
			want := k.Target
			if !intensive[k.Key] {
				want = sp.scale(k.Target, per(k.TargetPer))
			}
			if got := figs.Get(k.Key).Target; !got.Valid || !near(got.V, want) {
				t.Errorf("%s..%s: %s target %v, by hand %v", model.FormatDate(sp.rng.From), model.FormatDate(sp.rng.To), k.Key, got, want)
			}
		}
		if got, want := figs.Get(kgi.Metric).Target, sp.scale(kgi.Value, per(kgi.Per)); !got.Valid || !near(got.V, want) {
			t.Errorf("%s: KGI target %v, by hand %v", model.FormatDate(sp.rng.From), got, want)
		}
	}
}

// TestStatusRule checks the one status rule at a range's boundaries: over
// (its last day was yesterday) by achievement, in progress (today is its
// first or last day, or inside it) by pace, not started by nothing.
func TestStatusRule(t *testing.T) {
	st := openDemo(t)
	ctx := context.Background()
	day := func(s string) time.Time {
		d, err := model.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		from, to string
		state    figures.State
		elapsed  int
	}{
		{"2026-10-27", "2026-11-25", figures.Over, 30},        // ended yesterday
		{"2026-10-28", "2026-11-26", figures.InProgress, 30},  // ends today
		{"2026-11-26", "2026-12-25", figures.InProgress, 1},   // starts today
		{"2026-11-01", "2026-11-30", figures.InProgress, 26},  // inside
		{"2026-11-27", "2026-12-26", figures.NotStarted, 0},   // starts tomorrow
		{"2026-04-01", "2027-03-31", figures.InProgress, 240}, // the fiscal year
		{"2025-04-01", "2026-03-31", figures.Over, 365},       // the last one
		{"2026-11-02", "2026-11-02", figures.Over, 1},         // one past day
		{"2026-11-26", "2026-11-26", figures.InProgress, 1},   // today alone
		{"2026-12-01", "2026-12-31", figures.NotStarted, 0},   // next month
		{"2026-01-01", "2026-12-31", figures.InProgress, 330}, // the calendar year
		{"2026-11-20", "2026-11-26", figures.InProgress, 7},   // a week to today
		{"2026-11-16", "2026-11-22", figures.Over, 7},         // last ISO week
		{"2026-11-23", "2026-11-29", figures.InProgress, 4},   // this ISO week
		{"2026-10-01", "2026-12-31", figures.InProgress, 57},  // the fiscal quarter
		{"2026-07-01", "2026-09-30", figures.Over, 92},        // the one before
		{"2027-04-01", "2028-03-31", figures.NotStarted, 0},   // next fiscal year
		{"2026-11-25", "2026-11-25", figures.Over, 1},         // yesterday alone
		{"2026-11-27", "2026-11-27", figures.NotStarted, 0},   // tomorrow alone
		{"2026-06-01", "2026-06-30", figures.Over, 30},        // June
		{"2026-11-01", "2026-11-26", figures.InProgress, 26},  // month to date
		{"2026-11-01", "2026-11-25", figures.Over, 25},        // month to yesterday
		{"2026-09-15", "2026-12-14", figures.InProgress, 73},  // a span across months
		{"2026-11-26", "2027-11-25", figures.InProgress, 1},   // a year from today
		{"2026-11-25", "2026-11-26", figures.InProgress, 2},   // yesterday and today
		{"2026-11-24", "2026-11-25", figures.Over, 2},         // two past days
		{"2026-11-27", "2026-11-28", figures.NotStarted, 0},   // two days ahead
		{"2025-11-01", "2025-11-30", figures.Over, 30},        // a year ago
		{"2026-04-01", "2026-11-26", figures.InProgress, 240}, // fiscal year to date
		{"2026-04-01", "2026-11-25", figures.Over, 239},       // to yesterday
		{"2026-11-26", "2026-11-30", figures.InProgress, 1},   // rest of the month
		{"2026-10-26", "2026-11-26", figures.InProgress, 32},  // a month back
		{"2026-10-26", "2026-11-24", figures.Over, 30},        // before yesterday
		{"2026-11-23", "2026-11-26", figures.InProgress, 4},   // week to date
		{"2026-11-30", "2026-12-06", figures.NotStarted, 0},   // next week
		{"2026-08-01", "2026-08-31", figures.Over, 31},        // August
		{"2026-02-01", "2026-02-28", figures.Over, 28},        // February
		{"2026-11-01", "2026-11-01", figures.Over, 1},         // the first alone
		{"2026-11-26", "2026-12-31", figures.InProgress, 1},   // to the quarter's end
		{"2026-10-01", "2026-11-26", figures.InProgress, 57},  // quarter to date
		{"2026-10-01", "2026-11-25", figures.Over, 56},        // quarter to yesterday
		{"2026-12-01", "2027-02-28", figures.NotStarted, 0},   // the next quarter
		{"2026-11-27", "2027-03-31", figures.NotStarted, 0},   // the rest of the year
		{"2026-11-26", "2027-03-31", figures.InProgress, 1},   // from today
		{"2026-11-25", "2027-03-31", figures.InProgress, 2},   // from yesterday
		{"2026-05-01", "2026-05-31", figures.Over, 31},        // May
		{"2026-03-01", "2026-03-31", figures.Over, 31},        // the last fiscal month
		{"2026-04-01", "2026-04-30", figures.Over, 30},        // the first fiscal month
		{"2026-11-19", "2026-11-25", figures.Over, 7},         // the last seven days
		{"2026-11-20", "2026-11-26", figures.InProgress, 7},   // seven days to today
	}
	for _, c := range cases {
		rng := figures.Range{From: day(c.from), To: day(c.to), FiscalStart: model.DefaultFiscalStart}
		figs, err := figures.Compute(ctx, st, rng, today)
		if err != nil {
			t.Fatal(err)
		}
		name := c.from + ".." + c.to
		if figs.State != c.state || figs.Elapsed != c.elapsed {
			t.Errorf("%s: state %v after %d days, want %v after %d", name, figs.State, figs.Elapsed, c.state, c.elapsed)
			continue
		}
		days := float64(model.DaysBetween(rng.From, rng.To))
		for _, k := range []string{"revenue", "opportunities", "win_rate", "visits"} {
			f := figs.Get(k)
			if !f.Target.Valid {
				t.Fatalf("%s: %s has no target", name, k)
			}
			if !f.Actual.Valid { // a rate with nothing to divide by: no pace, no status
				if f.Pace.Valid || f.Status != model.StatusUnknown {
					t.Errorf("%s: %s undefined but pace %v status %s", name, k, f.Pace, f.Status)
				}
				continue
			}
			var want model.Status
			switch c.state {
			case figures.Over:
				if !near(f.Pace.V, f.Actual.V) {
					t.Errorf("%s: %s pace %v of a range that is over, want the actual %v", name, k, f.Pace, f.Actual)
				}
				want = statusByHand(f.Actual.V / f.Target.V)
			case figures.InProgress:
				pace := f.Actual.V
				if !intensive[k] {
					pace = f.Actual.V * days / float64(c.elapsed)
				}
				if !near(f.Pace.V, pace) {
					t.Errorf("%s: %s pace %v, by hand %v", name, k, f.Pace, pace)
				}
				want = statusByHand(pace / f.Target.V)
			default:
				if f.Pace.Valid {
					t.Errorf("%s: %s has a pace %v before the range starts", name, k, f.Pace)
				}
				want = model.StatusUnknown
			}
			if f.Status != want {
				t.Errorf("%s: %s status %s (actual %v, pace %v, target %v), want %s", name, k, f.Status, f.Actual, f.Pace, f.Target, want)
			}
		}
	}
}

// statusByHand is the status thresholds written out: 95% and 80%.
func statusByHand(achievement float64) model.Status {
	switch {
	case achievement >= 0.95:
		return model.StatusOnTrack
	case achievement >= 0.80:
		return model.StatusAtRisk
	}
	return model.StatusOffTrack
}

// TestPreviousComparableRange: a month in progress is compared with the
// same days of the month before, an arbitrary span with as many days just
// before it.
func TestPreviousComparableRange(t *testing.T) {
	st := openDemo(t)
	ctx := context.Background()
	nov := figures.PeriodRange(model.PeriodOf(model.Month, today, model.DefaultFiscalStart))
	figs, err := figures.Compute(ctx, st, nov, today)
	if err != nil {
		t.Fatal(err)
	}
	oct := recount(t, st, time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), time.Date(2026, 10, 26, 0, 0, 0, 0, time.Local))
	cur := recount(t, st, nov.From, today)
	f := figs.Get("opportunities")
	if !near(f.Previous.V, oct["opportunities"]) {
		t.Errorf("previous opportunities %v, October 1-26 from the records %v", f.Previous, oct["opportunities"])
	}
	if got, want := f.Change().V, cur["opportunities"]/oct["opportunities"]-1; !near(got, want) {
		t.Errorf("change %v, by hand %v", got, want)
	}
	w := figs.Get("win_rate")
	octRate := oct["orders_won"] / (oct["orders_won"] + oct["orders_lost"])
	curRate := cur["orders_won"] / (cur["orders_won"] + cur["orders_lost"])
	if got := w.Change().V; !near(got, curRate-octRate) {
		t.Errorf("win rate change %v points, by hand %v", got, curRate-octRate)
	}

	span := figures.Range{From: time.Date(2026, 4, 16, 0, 0, 0, 0, time.Local), To: time.Date(2026, 5, 15, 0, 0, 0, 0, time.Local),
		FiscalStart: model.DefaultFiscalStart}
	prev := span.Previous(today)
	if model.FormatDate(prev.From) != "2026-03-17" || model.FormatDate(prev.To) != "2026-04-15" {
		t.Errorf("previous of 2026-04-16..05-15 is %s..%s, want 2026-03-17..2026-04-15", model.FormatDate(prev.From), model.FormatDate(prev.To))
	}
}

// TestManualKPIOnlyForItsPeriod: a KPI typed in by hand has the value
// entered for exactly the period shown, and none over any other days.
func TestManualKPIOnlyForItsPeriod(t *testing.T) {
	st := copyDemo(t)
	ctx := context.Background()
	if err := st.UpsertKPI(ctx, model.KPI{Key: "nps_test", NameEN: "NPS", Unit: model.UnitScore, Source: model.SourceManual}); err != nil {
		t.Fatal(err)
	}
	oct := model.PeriodOf(model.Month, time.Date(2026, 10, 1, 0, 0, 0, 0, time.Local), model.DefaultFiscalStart)
	if err := st.SetManualValue(ctx, "nps_test", oct, 42); err != nil {
		t.Fatal(err)
	}
	figs, err := figures.Compute(ctx, st, figures.PeriodRange(oct), today)
	if err != nil {
		t.Fatal(err)
	}
	if got := figs.Get("nps_test").Actual; !got.Valid || got.V != 42 {
		t.Errorf("October's NPS %v, want the 42 typed in", got)
	}
	half := figures.Range{From: oct.Start, To: oct.Start.AddDate(0, 0, 14), FiscalStart: oct.FiscalStart}
	if figs, err = figures.Compute(ctx, st, half, today); err != nil {
		t.Fatal(err)
	}
	if got := figs.Get("nps_test").Actual; got.Valid {
		t.Errorf("NPS over October 1-15 is %v, want none (it was typed in for the whole month)", got)
	}
}

// countingReader counts the passes over the records StyleFigures makes.
type countingReader struct {
	*store.Store
	styleCalls, successCalls, cohortCalls int
}

func (c *countingReader) StyleFigures(ctx context.Context, f store.Filter) (map[string]model.Value, error) {
	c.styleCalls++
	return c.Store.StyleFigures(ctx, f)
}

func (c *countingReader) SuccessCounts(ctx context.Context, span store.SuccessSpan) (store.SuccessCounts, error) {
	c.successCalls++
	return c.Store.SuccessCounts(ctx, span)
}

func (c *countingReader) FunnelCohorts(ctx context.Context, from, to, asOf time.Time, by string) ([]store.StageCohort, error) {
	c.cohortCalls++
	return c.Store.FunnelCohorts(ctx, from, to, asOf, by)
}

// TestSuccessReadsOnlyWhenNeeded: the success counts and the funnel's
// cohorts are each read only for a key that needs them, once per range
// (this one and the previous).
func TestSuccessReadsOnlyWhenNeeded(t *testing.T) {
	ctx := context.Background()
	rng := figures.PeriodRange(model.PeriodOf(model.Month, today, model.DefaultFiscalStart))
	st := openDemo(t)
	for _, tc := range []struct {
		key                   string
		successes, cohortRead int
	}{
		{"calls", 0, 0},
		{"churn_rate", 2, 0},
		{"mql_to_sql_rate", 0, 2},
	} {
		r := &countingReader{Store: st}
		figs, err := figures.ComputeWith(ctx, r, rng, today, figures.Options{Keys: []string{tc.key}})
		if err != nil {
			t.Fatal(err)
		}
		if r.successCalls != tc.successes || r.cohortCalls != tc.cohortRead {
			t.Errorf("%s: %d reads of the success counts and %d of the cohorts, want %d and %d",
				tc.key, r.successCalls, r.cohortCalls, tc.successes, tc.cohortRead)
		}
		if _, ok := figs.Values[tc.key]; !ok {
			t.Errorf("%s wanted but not computed", tc.key)
		}
	}
}

// TestStyleFiguresOnlyWhenNeeded: the style figures read the records, not
// the roll-up, so they are computed only when a KPI, a tree node or the
// caller wants one: never for the demo's new-business tree alone, and once
// per range (this one and the previous) when a style KPI is registered.
func TestStyleFiguresOnlyWhenNeeded(t *testing.T) {
	ctx := context.Background()
	rng := figures.PeriodRange(model.PeriodOf(model.Month, today, model.DefaultFiscalStart))
	r := &countingReader{Store: openDemo(t)}
	if _, err := figures.Compute(ctx, r, rng, today); err != nil {
		t.Fatal(err)
	}
	if r.styleCalls != 0 {
		t.Errorf("the demo tree alone made %d passes for style figures, want 0", r.styleCalls)
	}
	w := &countingReader{Store: copyDemo(t)}
	entry, _ := model.KPIDefinition("existing_revenue")
	if err := w.UpsertKPI(ctx, entry.KPI); err != nil {
		t.Fatal(err)
	}
	figs, err := figures.Compute(ctx, w, rng, today)
	if err != nil {
		t.Fatal(err)
	}
	if w.styleCalls != 2 {
		t.Errorf("with existing-customer revenue registered: %d passes, want 2 (the range and the previous one)", w.styleCalls)
	}
	if _, ok := figs.Values["existing_revenue"]; !ok {
		t.Error("existing-customer revenue registered but not computed")
	}
}

// TestRevisionsKeepThePast: a target or KGI changed today judges the
// ranges in progress and to come, while June keeps the goals it had, its
// achievement and status with them.
func TestRevisionsKeepThePast(t *testing.T) {
	st := copyDemo(t)
	ctx := context.Background()
	fs := model.DefaultFiscalStart
	june := figures.PeriodRange(model.PeriodOf(model.Month, time.Date(2026, 6, 1, 0, 0, 0, 0, time.Local), fs))
	nov := figures.PeriodRange(model.PeriodOf(model.Month, today, fs))
	const rate = "lead_to_opportunity_rate"
	before, err := figures.Compute(ctx, st, june, today)
	if err != nil {
		t.Fatal(err)
	}
	oldKPI, _, err := st.KPI(ctx, rate)
	if err != nil {
		t.Fatal(err)
	}
	oldKGI, _, err := st.KGI(ctx)
	if err != nil {
		t.Fatal(err)
	}
	note := store.RevisionNote{From: today, Author: "test", Reason: "a higher bar from today"}
	if err := st.ReviseKPI(ctx, rate, model.KPI{Target: 0.42, HasTarget: true, TargetPer: oldKPI.TargetPer},
		[]model.KPIField{model.FieldTarget}, note); err != nil {
		t.Fatal(err)
	}
	newKGI := oldKGI
	newKGI.Value = 1_200_000_000
	if err := st.ReviseKGI(ctx, newKGI, note); err != nil {
		t.Fatal(err)
	}
	after, err := figures.Compute(ctx, st, june, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{rate, oldKGI.Metric, "orders_won"} {
		b, a := before.Get(k), after.Get(k)
		if b.Target != a.Target || b.Achievement != a.Achievement || b.Status != a.Status {
			t.Errorf("June's %s changed with today's revision: target %v -> %v, achievement %v -> %v, status %s -> %s",
				k, b.Target, a.Target, b.Achievement, a.Achievement, b.Status, a.Status)
		}
	}
	if got := after.Get(rate).Target; !got.Valid || got.V != oldKPI.Target {
		t.Errorf("June's %s target %v, want the %v it had", rate, got, oldKPI.Target)
	}
	if got, want := after.Get(oldKGI.Metric).Target.V, oldKGI.Value/12; !near(got, want) {
		t.Errorf("June's revenue target %v, want the old KGI's month %v", got, want)
	}
	cur, err := figures.Compute(ctx, st, nov, today)
	if err != nil {
		t.Fatal(err)
	}
	if got := cur.Get(rate).Target; !got.Valid || got.V != 0.42 {
		t.Errorf("November's %s target %v, want today's 0.42", rate, got)
	}
	if got, want := cur.Get(oldKGI.Metric).Target.V, 1_200_000_000.0/12; !near(got, want) {
		t.Errorf("November's revenue target %v, want the new KGI's month %v", got, want)
	}
}

// TestTrendKeepsEachPeriodsTarget: the trend's months are each judged by
// the target in force on their last day (the demo raised the opportunities
// target from 120 to 140 a month on 2026-09-26), and their values are the
// raw records' counts.
func TestTrendKeepsEachPeriodsTarget(t *testing.T) {
	st := openDemo(t)
	ctx := context.Background()
	nov := model.PeriodOf(model.Month, today, model.DefaultFiscalStart)
	trend, err := figures.Trend(ctx, st, nov, 6, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(trend) != 6 {
		t.Fatalf("%d points, want 6", len(trend))
	}
	for _, pt := range trend {
		want := 120.0
		if !pt.Period.Last().Before(time.Date(2026, 9, 26, 0, 0, 0, 0, time.Local)) {
			want = 140
		}
		if got := pt.Targets["opportunities"]; !got.Valid || !near(got.V, want) {
			t.Errorf("%s: opportunities target %v, want %v", pt.Period.Key(), got, want)
		}
		c := recount(t, st, pt.Period.Start, pt.Period.Last())
		if got := pt.Values["opportunities"]; !near(got.V, c["opportunities"]) {
			t.Errorf("%s: opportunities %v, from the records %v", pt.Period.Key(), got, c["opportunities"])
		}
	}
}

// TestAttributionBoundedOnTheDemo: over 2026-04-16..05-15, where orders
// won is not opportunities x win rate (different cohorts of deals) and the
// KGI is not orders x deal size, every operator node's children and its
// unexplained part add up to 1 without normalising, and no share is above
// 1000%.
func TestAttributionBoundedOnTheDemo(t *testing.T) {
	st := openDemo(t)
	rng := figures.Range{From: time.Date(2026, 4, 16, 0, 0, 0, 0, time.Local), To: time.Date(2026, 5, 15, 0, 0, 0, 0, time.Local),
		FiscalStart: model.DefaultFiscalStart}
	figs, err := figures.Compute(context.Background(), st, rng, today)
	if err != nil {
		t.Fatal(err)
	}
	split := 0
	for _, n := range figs.Goals.Tree.Nodes() {
		f := figs.Get(n.Key)
		for _, v := range []model.Value{f.GapShare, f.RootShare, f.Unexplained} {
			if v.Valid && math.Abs(v.V) > 10 {
				t.Errorf("%s: a share of %.1f%%", n.Key, v.V*100)
			}
		}
		if n.IsLeaf() || !f.Unexplained.Valid {
			continue
		}
		if n.Op != model.OpMul {
			t.Fatalf("%s: the demo tree multiplies; this test does not negate divisors", n.Key)
		}
		split++
		// The node's own gap, worked out here: each child's log term over it.
		gap := math.Log(f.Actual.V / f.Target.V)
		sum := f.Unexplained.V
		for _, c := range n.Children {
			cf := figs.Get(c.Key)
			term := math.Log(cf.Actual.V / cf.Target.V)
			if cf.Direction == model.LowerIsBetter {
				t.Fatalf("%s: the demo tree has no lower-is-better node", c.Key)
			}
			if got := cf.GapShare.V; !near(got, term/gap) {
				t.Errorf("%s: share of %s's gap %v, by hand %v", c.Key, n.Key, got, term/gap)
			}
			sum += cf.GapShare.V
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("%s: children + unexplained = %v, want 1", n.Key, sum)
		}
	}
	if split == 0 {
		t.Fatal("no node's gap was split")
	}
	if figs.MainCause == "" || !figs.MainCauseShare.Valid || math.Abs(figs.MainCauseShare.V) > 10 {
		t.Errorf("main cause %q %v", figs.MainCause, figs.MainCauseShare)
	}
}
