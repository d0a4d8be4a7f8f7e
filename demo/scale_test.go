package demo

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
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

// The alerts of the 10,000-deal scale company, read through the store's
// index ranges (the late entries of the last days, the open deals that can
// alert, the hand-off counts), equal the alert rules applied to every live
// record as the exports stream them: every entry, every open deal with its
// newest activity, each rep's newest entry, every waiting lead judged one
// by one. So are the 30 days' timeliness figures.
func TestSeedScaleAlertsEqualRecount(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	jst := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, jst)
	st, err := store.Open(filepath.Join(t.TempDir(), "scale.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The reps are written at now: the customer-success reps enter no
	// record the alerts read, so their silence counts from then.
	st.SetClock(func() time.Time { return now })
	ctx := context.Background()
	if err := SeedScale(ctx, st, DefaultSeed, now, 10_000); err != nil {
		t.Fatal(err)
	}
	rules, err := st.InputRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := model.AlertInput{Now: now, Loc: jst, Rules: rules}
	newest := map[string]time.Time{} // each rep's newest entry
	worked := map[int64]time.Time{}  // each deal's newest activity
	entry := func(f model.EntryFact) {
		in.Entries = append(in.Entries, f)
		if f.EnteredAt.After(newest[f.RepName]) {
			newest[f.RepName] = f.EnteredAt
		}
	}
	if err := st.ExportActivities(ctx, func(a model.Activity, _ string) error {
		entry(model.EntryFact{Kind: model.RecordActivity, ID: a.ID, RepName: a.RepName, Subject: a.Account, Activity: a.Kind,
			Event: a.Date, EnteredAt: a.EnteredAt})
		if a.OpportunityID != 0 && a.Date.After(worked[a.OpportunityID]) {
			worked[a.OpportunityID] = a.Date
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var open []model.Opportunity
	if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		entry(model.EntryFact{Kind: model.RecordOpportunity, ID: o.ID, RepName: o.RepName, Subject: o.Account, Event: o.Created, EnteredAt: o.EnteredAt})
		if o.Outcome == model.OutcomeOpen {
			open = append(open, o)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.ExportLeads(ctx, func(l model.Lead) error {
		entry(model.EntryFact{Kind: model.RecordLead, ID: l.ID, RepName: l.RepName, Subject: l.Company, Event: l.Created, EnteredAt: l.EnteredAt})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, o := range open {
		last := worked[o.ID]
		if u := model.Date(o.UpdatedAt.In(jst)); u.After(last) {
			last = u
		}
		in.Deals = append(in.Deals, model.DealFact{ID: o.ID, ExternalID: o.ExternalID, RepName: o.RepName, Account: o.Account,
			Created: o.Created, ExpectedClose: o.Closed, LastActivity: last})
	}
	reps, err := st.Reps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if !r.Active {
			continue
		}
		in.Reps = append(in.Reps, model.RepFact{Name: r.Name, LastEntered: newest[r.Name], Since: now})
	}
	if in.Actions, err = st.OpenActions(ctx); err != nil {
		t.Fatal(err)
	}
	defs, err := st.StageDefsAsOf(ctx, model.Date(now))
	if err != nil {
		t.Fatal(err)
	}
	every, err := st.OverdueLeads(ctx, defs, now, jst)
	if err != nil {
		t.Fatal(err)
	}
	in.Overdue = model.CountOverdue(every)

	key := func(a model.Alert) string {
		return fmt.Sprintf("%s %s %d %s %d %s %s %s %d %d", a.Kind, a.RecordKind, a.RecordID, a.Severity, a.Days,
			model.FormatDate(a.Day), model.FormatDate(a.Due), a.RepName+"|"+a.Subject+"|"+string(a.ActivityKind), a.Count, len(a.RepName))
	}
	keys := func(alerts []model.Alert) []string {
		var out []string
		for _, a := range alerts {
			out = append(out, key(a))
		}
		sort.Strings(out)
		return out
	}
	got, _, err := st.Alerts(ctx, now, jst)
	if err != nil {
		t.Fatal(err)
	}
	want := model.EvaluateAlerts(in)
	if g, w := keys(got), keys(want); !reflect.DeepEqual(g, w) {
		t.Fatalf("alerts (%d) differ from the recount (%d):\n%s\nrecount:\n%s", len(g), len(w), strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	kinds := map[model.AlertKind]int{}
	for _, a := range want {
		kinds[a.Kind]++
	}
	if kinds[model.AlertLateEntry] == 0 || kinds[model.AlertHandoffOverdue] == 0 || len(in.Deals) < 100 {
		t.Errorf("the recount has %v alerts over %d open deals: too few kinds to prove much", kinds, len(in.Deals))
	}

	today := model.Date(now)
	from, to := today.AddDate(0, 0, -29), today.AddDate(0, 0, 1)
	var month []model.EntryFact
	for _, f := range in.Entries {
		if !f.Event.Before(from) && f.Event.Before(to) {
			month = append(month, f)
		}
	}
	wantTeam, wantPer := model.MeasureTimeliness(month, jst)
	team, per, err := st.Timeliness(ctx, from, to, jst)
	if err != nil {
		t.Fatal(err)
	}
	if team != wantTeam || !reflect.DeepEqual(per, wantPer) || team.Total == 0 {
		t.Errorf("timeliness %+v %+v; recount %+v %+v", team, per, wantTeam, wantPer)
	}
}

// The scale company built in bulk (Store.BulkBuild: triggers and indexes
// dropped, the kept tables derived afterwards) is, table by table and row
// by row, the company written through the triggers batch by batch
// (Store.BulkInsert), and its schema is the schema it started with.
func TestBulkBuildEqualsTriggerPath(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	jst := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, jst)
	ctx := context.Background()
	build := func(bulk bool) string {
		path := filepath.Join(t.TempDir(), "scale.db")
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		st.SetClock(func() time.Time { return now })
		write := st.BulkBuild
		if !bulk {
			write = func(ctx context.Context, next func() (store.Batch, bool)) error {
				for b, ok := next(); ok; b, ok = next() {
					if err := st.BulkInsert(ctx, b); err != nil {
						return err
					}
				}
				return nil
			}
		}
		// Five batches, the last a short one.
		if err := seedScale(ctx, st, DefaultSeed, now, 3_100, 700, write); err != nil {
			t.Fatal(err)
		}
		findings, err := st.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range findings {
			t.Errorf("bulk %v: doctor: %+v", bulk, f)
		}
		return path
	}
	bulk, triggers := dumpTables(t, build(true)), dumpTables(t, build(false))
	for table, want := range triggers {
		got := bulk[table]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d rows built in bulk, %d through the triggers; first difference: %s", table, len(got), len(want),
				firstDifference(got, want))
		}
	}
	if len(bulk) != len(triggers) {
		t.Errorf("%d tables built in bulk, %d through the triggers", len(bulk), len(triggers))
	}
	// What the comparison rests on: every kept table has rows.
	for _, table := range []string{"stage_history", "lead_funnel", "funnel_reached", "waiting_days", "rollup_daily",
		"rollup_monthly", "open_deal_work", "entry_lags", "live_counts", "customers", "reviews"} {
		if len(triggers[table]) == 0 {
			t.Errorf("%s is empty: the comparison proves nothing about it", table)
		}
	}
}

// dumpTables reads every table of the SQLite file at path, each row as a
// line, ordered by every column, and the schema's triggers and indexes
// by name (as "schema").
func dumpTables(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows := func(q string) []string {
		rs, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rs.Close()
		cols, _ := rs.Columns()
		var out []string
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%#v", vals))
		}
		if err := rs.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	out := map[string][]string{
		"schema": rows(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('trigger', 'index') ORDER BY name`),
	}
	var tables []string
	for _, r := range rows(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`) {
		tables = append(tables, strings.TrimSuffix(strings.TrimPrefix(r, `[]interface {}{"`), `"}`))
	}
	for _, name := range tables {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM pragma_table_info(?)`, name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		order := make([]string, n)
		for i := range order {
			order[i] = fmt.Sprint(i + 1)
		}
		where := ""
		if name == "waiting_days" {
			// A day whose leads all moved on stays with n = 0 in the
			// triggers' table (store/schema.go), and counts nothing.
			where = " WHERE n <> 0"
		}
		out[name] = rows(`SELECT * FROM "` + name + `"` + where + ` ORDER BY ` + strings.Join(order, ", "))
	}
	return out
}

func firstDifference(a, b []string) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return "missing " + b[i]
		case i >= len(b):
			return "extra " + a[i]
		case a[i] != b[i]:
			return a[i] + " against " + b[i]
		}
	}
	return "none"
}
