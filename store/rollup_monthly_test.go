package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// recount is each (month, metric, rep) sum counted afresh from the live
// records (the doctor's recount of the daily roll-up, by month), leaving
// out zeros.
func monthlyRecount(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	return cells(t, s, `SELECT substr(day, 1, 7), metric, rep_id, sum(value) FROM (`+rollupRecount+`) AS recount
		GROUP BY 1, 2, 3 HAVING sum(value) <> 0`)
}

func cells(t *testing.T, s *Store, query string, args ...any) map[string]int64 {
	t.Helper()
	rows, err := s.db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var month, metric string
		var rep, v int64
		if err := rows.Scan(&month, &metric, &rep, &v); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("%s %s %d", month, metric, rep)] = v
	}
	return out
}

// The monthly roll-up and the live counts equal a recount from the records
// after inserts,
// an edit that moves a deal's close into another month and changes its
// amount, a delete and its undo; and sums over ranges that start and end
// inside months equal a recount of those days.
func TestMonthlyRollupEqualsRecount(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		s.SetClock(func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) })
		rep, err := s.AddRep(ctx, model.Rep{Name: "Sato", Department: model.DeptFieldSales, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		other, err := s.AddRep(ctx, model.Rep{Name: "Ito", Department: model.DeptInsideSales, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
		var visit int64
		for i, d := range []time.Time{day(8, 30), day(8, 31), day(9, 1), day(9, 15), day(10, 31), day(11, 2)} {
			id, err := s.AddActivity(ctx, model.Activity{Date: d, RepID: []int64{rep, other}[i%2], Kind: model.KindVisit, Count: i + 1})
			if err != nil {
				t.Fatal(err)
			}
			visit = id
		}
		won, err := s.AddOpportunity(ctx, model.Opportunity{RepID: rep, Account: "A", Created: day(8, 20), Closed: day(9, 30),
			AmountMinor: 1_000_000, HasAmount: true, Outcome: model.OutcomeWon})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateOpportunity(ctx, model.Opportunity{ID: won, RepID: other, Account: "A", Created: day(8, 20), Closed: day(10, 1),
			AmountMinor: 1_500_000, HasAmount: true, Outcome: model.OutcomeWon}); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, model.RecordActivity, visit); err != nil {
			t.Fatal(err)
		}
		check := func(when string) {
			t.Helper()
			want := monthlyRecount(t, s)
			have := cells(t, s, `SELECT month, metric, rep_id, value FROM rollup_monthly WHERE value <> 0`)
			if fmt.Sprint(have) != fmt.Sprint(want) {
				t.Fatalf("%s: monthly roll-up\n%v\nrecount\n%v", when, have, want)
			}
			// A series of months and of quarters, period by period, against
			// the daily roll-up's recount of the same days.
			for _, kind := range []model.PeriodKind{model.Month, model.Quarter, model.Week} {
				last := model.PeriodOf(kind, day(11, 2), time.April)
				series, err := s.Series(ctx, kind, last, 6, Filter{})
				if err != nil {
					t.Fatal(err)
				}
				for _, pc := range series {
					want := cells(t, s, `SELECT 'p', metric, 0, sum(value) FROM (`+rollupRecount+`) AS recount WHERE day >= ? AND day < ? GROUP BY 2`,
						model.FormatDate(pc.Period.Start), model.FormatDate(pc.Period.End))
					for key, v := range want {
						var metric string
						fmt.Sscanf(key, "p %s 0", &metric)
						if pc.Counts[metric] != float64(v) {
							t.Errorf("%s: %s %s = %v, recount %d", when, pc.Period.Key(), metric, pc.Counts[metric], v)
						}
					}
				}
			}
			// The live counts the write path keeps, against count(*).
			for _, table := range []string{"activities", "opportunities", "leads", "customers"} {
				var kept, counted int64
				if err := s.db.QueryRow(`SELECT n FROM live_counts WHERE record = ?`, table).Scan(&kept); err != nil {
					t.Fatal(err)
				}
				if err := s.db.QueryRow(`SELECT count(*) FROM ` + table + ` WHERE deleted_at IS NULL`).Scan(&counted); err != nil {
					t.Fatal(err)
				}
				if kept != counted {
					t.Errorf("%s: live %s kept %d, counted %d", when, table, kept, counted)
				}
			}
			for _, f := range []Filter{
				{},
				{From: day(8, 31)},
				{To: day(10, 1)},
				{From: day(8, 31), To: day(11, 3)},
				{From: day(9, 1), To: day(11, 1)},
				{From: day(9, 2), To: day(9, 16)},
				{From: day(8, 1), To: day(12, 1), RepID: other},
				{From: day(8, 15), To: day(10, 15), Department: model.DeptFieldSales},
			} {
				got, err := s.readCounts(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				byRep, err := s.readCountsByRep(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				where, args := f.where()
				rows := cells(t, s, `SELECT 'all', r.metric, 0, sum(r.value) FROM (`+rollupRecount+`) r`+where+` GROUP BY 2`, args...)
				for key, v := range rows {
					var metric string
					fmt.Sscanf(key, "all %s 0", &metric)
					if got[metric] != float64(v) {
						t.Errorf("%s: %+v %s = %v, recount %d", when, f, metric, got[metric], v)
					}
					sum := 0.0
					for _, c := range byRep {
						sum += c[metric]
					}
					if sum != float64(v) {
						t.Errorf("%s: %+v %s summed over reps = %v, recount %d", when, f, metric, sum, v)
					}
				}
			}
		}
		check("after the edits")
		if _, err := s.db.Exec(`DELETE FROM activities WHERE id = (SELECT min(id) FROM activities)`); err != nil {
			t.Fatal(err)
		}
		check("after a row is deleted outright")
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		check("after undoing the delete")
	})
}
