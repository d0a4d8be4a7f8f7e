package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The tables kept by triggers for the alerts, open_deal_work (migration
// 23) and entry_lags (24), equal a recount in Go from the raw rows after
// every kind of write: deals, activities and leads added at hours either
// side of their day's bounds, activities moved to another day and another
// deal, tombstoned, undone and deleted outright, deals won, lost, reopened
// and tombstoned, leads moved to another day and rep, and imports through
// the triggers.
func TestKeptTablesEqualARecount(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		r := rand.New(rand.NewSource(23))
		// Each record entered from its day's midnight in UTC to 70 hours
		// after, at an odd nanosecond: every lag entry_lags tells apart.
		enterOn := func(day time.Time) {
			at := day.Add(time.Duration(r.Intn(70*3600))*time.Second + time.Duration(r.Intn(1e9)))
			s.SetClock(func() time.Time { return at })
		}
		s.SetClock(func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) })
		addReps(t, s, "田中", "鈴木")
		check := func(step string) {
			t.Helper()
			want, got := openDealWorkRecount(t, s), plainRows(t, s, `SELECT opportunity_id, last_day FROM open_deal_work ORDER BY 1`)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("after %s: open_deal_work %d rows, recount %d; %s", step, len(got), len(want), firstDiff(got, want))
			}
			want, got = entryLagsRecount(t, s), plainRows(t, s, `SELECT day, rep_id, lag, n FROM entry_lags WHERE n <> 0 ORDER BY 1, 2, 3`)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("after %s: entry_lags %d rows, recount %d; %s", step, len(got), len(want), firstDiff(got, want))
			}
			checkWaitingDays(t, s, step)
		}
		var deals, acts, leads []int64
		for i := 0; i < 30; i++ {
			created := model.D(2026, 8, 1).AddDate(0, 0, r.Intn(60))
			o := model.Opportunity{RepName: []string{"田中", "鈴木"}[i%2], Account: fmt.Sprintf("社%d", i), Created: created,
				Outcome: model.OutcomeOpen}
			if i%5 == 4 {
				o.Outcome, o.Closed = model.OutcomeLost, created.AddDate(0, 0, 3)
			}
			enterOn(created)
			if o.Outcome == model.OutcomeLost {
				enterOn(o.Closed)
			}
			id, err := s.AddOpportunity(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			deals = append(deals, id)
			for k := r.Intn(4); k > 0; k-- {
				a := model.Activity{RepName: o.RepName, Kind: model.KindVisit, Count: 1, Date: created.AddDate(0, 0, r.Intn(25)), OpportunityID: id}
				enterOn(a.Date)
				aid, err := s.AddActivity(ctx, a)
				if err != nil {
					t.Fatal(err)
				}
				acts = append(acts, aid)
			}
		}
		for i := 0; i < 20; i++ {
			l := model.Lead{Company: fmt.Sprintf("見込%d", i), Created: model.D(2026, 8, 1).AddDate(0, 0, r.Intn(60)), Status: model.LeadNew}
			if i%3 != 0 {
				l.RepName = []string{"田中", "鈴木"}[i%2]
			}
			enterOn(l.Created)
			id, err := s.AddLead(ctx, l)
			if err != nil {
				t.Fatal(err)
			}
			leads = append(leads, id)
		}
		check("adds")
		s.SetClock(func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) })
		for i, id := range leads {
			l, err := s.Lead(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			switch i % 4 {
			case 0:
				l.Created = l.Created.AddDate(0, 0, -2)
			case 1:
				l.RepName = "鈴木"
			case 2:
				if err := s.Delete(ctx, model.RecordLead, id); err != nil {
					t.Fatal(err)
				}
				continue
			default:
				continue
			}
			if err := s.UpdateLead(ctx, l); err != nil {
				t.Fatal(err)
			}
		}
		check("leads edited and deleted")
		for i, aid := range acts {
			a, err := s.Activity(ctx, aid)
			if err != nil {
				t.Fatal(err)
			}
			switch i % 6 {
			case 0: // a later day
				a.Date = a.Date.AddDate(0, 0, 9)
			case 1: // an earlier day
				a.Date = a.Date.AddDate(0, 0, -20)
			case 2: // another deal
				a.OpportunityID = deals[r.Intn(len(deals))]
			case 3:
				if err := s.Delete(ctx, model.RecordActivity, aid); err != nil {
					t.Fatal(err)
				}
				continue
			default:
				continue
			}
			if err := s.UpdateActivity(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		check("activities edited and deleted")
		for i, id := range deals {
			o, err := s.Opportunity(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			switch i % 7 {
			case 0:
				o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, o.Created.AddDate(0, 0, 5), 1, true
			case 1: // a lost deal reopened
				if o.Outcome != model.OutcomeLost {
					continue
				}
				o.Outcome, o.Closed = model.OutcomeOpen, time.Time{}
			case 2:
				if err := s.Delete(ctx, model.RecordOpportunity, id); err != nil {
					t.Fatal(err)
				}
				continue
			default:
				o.Stage = "提案"
			}
			if err := s.UpdateOpportunity(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		check("deals won, reopened and deleted")
		for i := 0; i < 30; i++ {
			if _, err := s.Undo(ctx); err != nil {
				t.Fatal(err)
			}
		}
		check("undo")
		// Deleted outright, as no command does, for the delete triggers.
		if _, err := s.db.ExecContext(ctx, `DELETE FROM activities WHERE id IN (?, ?)`, acts[0], acts[1]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM activities WHERE opportunity_id = ?`, deals[5]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM opportunities WHERE id = ?`, deals[5]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM leads WHERE id = ?`, leads[3]); err != nil {
			t.Fatal(err)
		}
		check("rows deleted")
		s.SetClock(func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) })
		old := bulkMinRows
		defer func() { bulkMinRows = old }()
		bulkMinRows = 1 << 30
		bulkTestImport(t, s, 0, 40, 120)
		bulkTestImport(t, s, 20, 60, 200)
		check("imports")
		var n, worked int
		s.db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE last_day <> '') FROM open_deal_work`).Scan(&n, &worked)
		if n < 20 || worked == 0 || worked == n {
			t.Fatalf("%d open deals, %d with work: the test proves little", n, worked)
		}
		var lags, early, late int
		s.db.QueryRow(`SELECT count(DISTINCT lag), count(*) FILTER (WHERE lag = ?), count(*) FILTER (WHERE lag = ?) FROM entry_lags WHERE n > 0`,
			entryLagEarly, entryLagLate).Scan(&lags, &early, &late)
		if lags < 20 || early == 0 || late == 0 {
			t.Fatalf("%d lags, %d early and %d late rows: the test proves little", lags, early, late)
		}
	})
}

// The bulk move of an import (insert triggers dropped, their work done
// afterwards) leaves open_deal_work and entry_lags as the triggers leave
// them, and open_deal_work as a recount gives it, into a file that already
// holds deals and activities.
func TestKeptTablesAfterABulkImport(t *testing.T) {
	old := bulkMinRows
	defer func() { bulkMinRows = old }()
	clock := func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) }
	bulk, rows := openTemp(t), openTemp(t)
	for _, s := range []*Store{bulk, rows} {
		s.SetClock(clock)
		bulkMinRows = 1 << 30
		bulkTestImport(t, s, 0, 40, 120)
	}
	for _, step := range []struct{ from, opps, acts int }{{20, 300, 900}, {250, 200, 400}} {
		bulkMinRows = 1
		bulkTestImport(t, bulk, step.from, step.opps, step.acts)
		bulkMinRows = 1 << 30
		bulkTestImport(t, rows, step.from, step.opps, step.acts)
	}
	for _, table := range []string{"open_deal_work", "entry_lags"} {
		a, b := tableRows(t, bulk, table), tableRows(t, rows, table)
		if strings.Join(a, "\n") != strings.Join(b, "\n") || (len(a) == 0 && table == "open_deal_work") {
			t.Errorf("%s: bulk %d rows, row by row %d; %s", table, len(a), len(b), firstDiff(a, b))
		}
	}
	got := plainRows(t, bulk, `SELECT opportunity_id, last_day FROM open_deal_work ORDER BY 1`)
	if want := openDealWorkRecount(t, bulk); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("open_deal_work after the bulk move: %d rows, recount %d; %s", len(got), len(want), firstDiff(got, want))
	}
}

// openDealWorkRecount is what open_deal_work should hold, counted in Go:
// every open, live deal with the newest day of its live activities (empty when
// none), in the form plainRows prints.
func openDealWorkRecount(t *testing.T, s *Store) []string {
	t.Helper()
	newest := map[int64]string{}
	rows, err := s.db.Query(`SELECT opportunity_id, day, deleted_at FROM activities`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id sql.NullInt64
		var day string
		var deleted sql.NullString
		if err := rows.Scan(&id, &day, &deleted); err != nil {
			t.Fatal(err)
		}
		if id.Valid && !deleted.Valid && day > newest[id.Int64] {
			newest[id.Int64] = day
		}
	}
	rows.Close()
	rows, err = s.db.Query(`SELECT id, outcome, deleted_at FROM opportunities`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var open []int64
	for rows.Next() {
		var id int64
		var outcome string
		var deleted sql.NullString
		if err := rows.Scan(&id, &outcome, &deleted); err != nil {
			t.Fatal(err)
		}
		if outcome == string(model.OutcomeOpen) && !deleted.Valid {
			open = append(open, id)
		}
	}
	sort.Slice(open, func(i, j int) bool { return open[i] < open[j] })
	var out []string
	for _, id := range open {
		out = append(out, fmt.Sprintf("%v", []any{id, newest[id]}))
	}
	return out
}

// entryLagsRecount is what entry_lags should hold, counted in Go: the live
// records entered by hand per event day, rep (0 for none) and quarter
// hours from the day's midnight in UTC to the entry's whole second, under
// 10 h as entryLagEarly and from 60 h on as entryLagLate, in the form
// plainRows prints.
func entryLagsRecount(t *testing.T, s *Store) []string {
	t.Helper()
	type key struct {
		day      string
		rep, lag int64
	}
	counts := map[key]int64{}
	for _, r := range entryLagRecords {
		rows, err := s.db.Query(`SELECT ` + r.day + `, rep_id, entered_at, imported, deleted_at FROM ` + r.table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var day, entered string
			var rep sql.NullInt64
			var imported int
			var deleted sql.NullString
			if err := rows.Scan(&day, &rep, &entered, &imported, &deleted); err != nil {
				t.Fatal(err)
			}
			if imported != 0 || deleted.Valid {
				continue
			}
			d, _ := model.ParseDate(day)
			at, err := time.Parse(time.RFC3339Nano, entered)
			if err != nil {
				t.Fatalf("%s entered_at %q: %v", r.table, entered, err)
			}
			lag := int64(at.Truncate(time.Second).Sub(d) / (15 * time.Minute))
			counts[key{day, rep.Int64, min(max(lag, entryLagEarly), entryLagLate)}]++
		}
		rows.Close()
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.day != b.day {
			return a.day < b.day
		}
		if a.rep != b.rep {
			return a.rep < b.rep
		}
		return a.lag < b.lag
	})
	var out []string
	for _, k := range keys {
		out = append(out, fmt.Sprintf("%v", []any{k.day, k.rep, k.lag, counts[k]}))
	}
	return out
}

// checkWaitingDays fails t when waiting_days (migration 26) is not a
// recount in Go of lead_funnel's rows: per stage and UTC day of arrival,
// the leads not disqualified and, before the opportunity stage, not
// converted.
func checkWaitingDays(t *testing.T, s *Store, step string) {
	t.Helper()
	type key struct {
		stage string
		day   int64
	}
	counts := map[key]int64{}
	rows, err := s.db.Query(`SELECT current_stage, current_s, status FROM lead_funnel`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var stage, status string
		var at int64
		if err := rows.Scan(&stage, &at, &status); err != nil {
			t.Fatal(err)
		}
		converted := status == string(model.LeadConverted) && (stage == "lead" || stage == "mql" || stage == "sql")
		if status != string(model.LeadDisqualified) && !converted {
			counts[key{stage, time.Unix(at, 0).UTC().Truncate(24 * time.Hour).Unix()}]++
		}
	}
	rows.Close()
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].stage != keys[j].stage {
			return keys[i].stage < keys[j].stage
		}
		return keys[i].day < keys[j].day
	})
	var want []string
	for _, k := range keys {
		want = append(want, fmt.Sprintf("%v", []any{k.stage, k.day, counts[k]}))
	}
	got := plainRows(t, s, `SELECT stage, day_s, n FROM waiting_days WHERE n <> 0 ORDER BY 1, 2`)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) == 0 {
		t.Fatalf("after %s: waiting_days %d rows, recount %d; %s", step, len(got), len(want), firstDiff(got, want))
	}
}
