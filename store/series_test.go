package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// fixture is a database filled with random records plus the same records
// kept in Go, so that every aggregate can be checked against a count the
// test makes itself.
type fixture struct {
	s     *Store
	reps  []model.Rep // with IDs
	opps  []model.Opportunity
	acts  []model.Activity
	leads []model.Lead
	// dead marks records tombstoned through SQL, by table and 1-based id.
	dead map[string]map[int64]bool
}

func newFixture(t *testing.T, seed uint64) *fixture {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	r := rand.New(rand.NewPCG(seed, 7))
	depts := model.Departments()
	var b Batch
	for i := 0; i < 8; i++ {
		b.Reps = append(b.Reps, model.Rep{Name: fmt.Sprintf("担当%d", i), Department: depts[i%4], Active: true})
	}
	start := model.D(2025, time.March, 20)
	day := func() time.Time { return start.AddDate(0, 0, r.IntN(420)) }
	for i := 0; i < 600; i++ {
		o := model.Opportunity{RepName: b.Reps[r.IntN(8)].Name, Account: "株式会社テスト", Created: day()}
		switch r.IntN(3) {
		case 0:
			o.Outcome = model.OutcomeOpen
		case 1:
			o.Outcome, o.Closed = model.OutcomeWon, o.Created.AddDate(0, 0, r.IntN(90))
			o.AmountMinor, o.HasAmount = model.Minor(100_000*(1+r.IntN(80))), true
		default:
			o.Outcome, o.Closed = model.OutcomeLost, o.Created.AddDate(0, 0, r.IntN(90))
		}
		b.Opportunities = append(b.Opportunities, o)
	}
	kinds := model.ActivityKinds()
	for i := 0; i < 1500; i++ {
		b.Activities = append(b.Activities, model.Activity{RepName: b.Reps[r.IntN(8)].Name, Date: day(),
			Kind: kinds[r.IntN(len(kinds))], Count: 1 + r.IntN(4)})
	}
	for i := 0; i < 400; i++ {
		l := model.Lead{Company: "リード社", Created: day()}
		if r.IntN(4) > 0 {
			l.RepName = b.Reps[r.IntN(8)].Name
		}
		b.Leads = append(b.Leads, l)
	}
	if err := s.BulkInsert(ctx, b); err != nil {
		t.Fatal(err)
	}
	f := &fixture{s: s, opps: b.Opportunities, acts: b.Activities, leads: b.Leads, dead: map[string]map[int64]bool{
		"opportunities": {}, "activities": {}, "leads": {}}}
	reps, err := s.Reps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.reps = reps
	return f
}

func (f *fixture) repByName(name string) model.Rep {
	for _, r := range f.reps {
		if r.Name == name {
			return r
		}
	}
	return model.Rep{}
}

// tombstone marks record id (1-based, as BulkInsert assigns them in a fresh
// database) deleted with plain SQL, so that the roll-up triggers are what
// keeps the figures right.
func (f *fixture) tombstone(t *testing.T, table string, id int64) {
	t.Helper()
	if _, err := f.s.db.Exec("UPDATE "+table+" SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?", id); err != nil {
		t.Fatal(err)
	}
	f.dead[table][id] = true
}

// expect counts base metrics the slow way over records in [from, to) that
// pass keep (by rep name; "" for an unowned lead).
func (f *fixture) expect(from, to time.Time, keep func(rep string) bool) model.Counts {
	c := model.Counts{}
	in := func(d time.Time) bool {
		return !d.IsZero() && (from.IsZero() || !d.Before(from)) && (to.IsZero() || d.Before(to))
	}
	for i, o := range f.opps {
		if f.dead["opportunities"][int64(i+1)] || !keep(o.RepName) {
			continue
		}
		if in(o.Created) {
			c[model.MetricOpportunities]++
		}
		if in(o.Closed) && o.Outcome == model.OutcomeWon {
			c[model.MetricOrdersWon]++
			c[model.MetricRevenue] += float64(o.AmountMinor)
		}
		if in(o.Closed) && o.Outcome == model.OutcomeLost {
			c[model.MetricOrdersLost]++
		}
	}
	for i, a := range f.acts {
		if !f.dead["activities"][int64(i+1)] && keep(a.RepName) && in(a.Date) {
			c[model.ActivityMetric(a.Kind)] += float64(a.Count)
		}
	}
	for i, l := range f.leads {
		if !f.dead["leads"][int64(i+1)] && keep(l.RepName) && in(l.Created) {
			c[model.MetricLeads]++
		}
	}
	return c
}

func all(string) bool { return true }

// sameCounts compares two counts, treating a missing metric as zero.
func sameCounts(t *testing.T, what string, got, want model.Counts) {
	t.Helper()
	keys := map[string]bool{}
	for k := range got {
		keys[k] = true
	}
	for k := range want {
		keys[k] = true
	}
	for k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s: %s = %v, want %v", what, k, got[k], want[k])
		}
	}
}

// mutate tombstones some records and moves deals between outcomes, dates
// and amounts through plain SQL updates, mirroring each change in Go.
func (f *fixture) mutate(t *testing.T) {
	t.Helper()
	for _, id := range []int64{1, 2, 3, 50, 51, 300} {
		f.tombstone(t, "opportunities", id)
	}
	for _, id := range []int64{5, 6, 7, 900, 1400} {
		f.tombstone(t, "activities", id)
	}
	for _, id := range []int64{10, 11, 12} {
		f.tombstone(t, "leads", id)
	}
	// An open deal is won later with an amount; a won deal's close date and
	// amount change; a lost deal is reopened.
	moved := 0
	for i := range f.opps {
		id := int64(i + 1)
		o := &f.opps[i]
		if f.dead["opportunities"][id] {
			continue
		}
		switch {
		case o.Outcome == model.OutcomeOpen && moved%3 == 0:
			o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, o.Created.AddDate(0, 0, 10), 3_300_000, true
			if _, err := f.s.db.Exec("UPDATE opportunities SET outcome = 'won', closed = ?, amount_yen = ? WHERE id = ?",
				model.FormatDate(o.Closed), int64(o.AmountMinor), id); err != nil {
				t.Fatal(err)
			}
		case o.Outcome == model.OutcomeWon && moved%3 == 1:
			o.Closed, o.AmountMinor = o.Closed.AddDate(0, 1, 3), o.AmountMinor+250_000
			if _, err := f.s.db.Exec("UPDATE opportunities SET closed = ?, amount_yen = ? WHERE id = ?",
				model.FormatDate(o.Closed), int64(o.AmountMinor), id); err != nil {
				t.Fatal(err)
			}
		case o.Outcome == model.OutcomeLost && moved%3 == 2:
			o.Outcome, o.Closed = model.OutcomeOpen, time.Time{}
			if _, err := f.s.db.Exec("UPDATE opportunities SET outcome = 'open', closed = NULL WHERE id = ?", id); err != nil {
				t.Fatal(err)
			}
		default:
			continue
		}
		moved++
		if moved == 60 {
			break
		}
	}
	// An activity moves to another day and kind; a lead changes owner.
	a := &f.acts[99]
	a.Date, a.Kind, a.Count = a.Date.AddDate(0, 0, 40), model.KindProposal, 7
	if _, err := f.s.db.Exec("UPDATE activities SET day = ?, kind = 'proposal', count = 7 WHERE id = 100", model.FormatDate(a.Date)); err != nil {
		t.Fatal(err)
	}
	f.leads[199].RepName = f.reps[0].Name
	if _, err := f.s.db.Exec("UPDATE leads SET rep_id = ? WHERE id = 200", f.reps[0].ID); err != nil {
		t.Fatal(err)
	}
}

func TestAggregatesMatchIndependentCounts(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		f := newFixture(t, 1)
		for _, stage := range []string{"as inserted", "after tombstones and updates"} {
			if stage != "as inserted" {
				f.mutate(t)
			}
			fy := model.PeriodOf(model.FiscalYear, model.D(2025, time.June, 1), time.April)
			got, err := f.s.Counts(ctx, ForPeriod(fy))
			if err != nil {
				t.Fatal(err)
			}
			sameCounts(t, stage+": fiscal year", got, f.expect(fy.Start, fy.End, all))
			got, err = f.s.Counts(ctx, Filter{})
			if err != nil {
				t.Fatal(err)
			}
			sameCounts(t, stage+": everything", got, f.expect(time.Time{}, time.Time{}, all))

			// Per rep and per department.
			byRep, err := f.s.CountsByRep(ctx, ForPeriod(fy))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range f.reps {
				sameCounts(t, stage+": rep "+r.Name, byRep[r.ID], f.expect(fy.Start, fy.End, func(n string) bool { return n == r.Name }))
				one, err := f.s.Counts(ctx, Filter{From: fy.Start, To: fy.End, RepID: r.ID})
				if err != nil {
					t.Fatal(err)
				}
				sameCounts(t, stage+": filter rep "+r.Name, one, byRep[r.ID])
			}
			sameCounts(t, stage+": unowned leads", byRep[0], f.expect(fy.Start, fy.End, func(n string) bool { return n == "" }))
			byDept, err := f.s.CountsByDepartment(ctx, ForPeriod(fy))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range model.Departments() {
				want := f.expect(fy.Start, fy.End, func(n string) bool { return n != "" && f.repByName(n).Department == d })
				sameCounts(t, stage+": department "+string(d), byDept[d], want)
				one, err := f.s.Counts(ctx, Filter{From: fy.Start, To: fy.End, Department: d})
				if err != nil {
					t.Fatal(err)
				}
				sameCounts(t, stage+": filter department "+string(d), one, want)
			}

			// Series: 12 months ending November 2025, 10 ISO weeks, 3 fiscal years.
			for _, c := range []struct {
				kind model.PeriodKind
				n    int
			}{{model.Month, 12}, {model.Week, 10}, {model.Quarter, 5}, {model.FiscalYear, 3}} {
				last := model.PeriodOf(c.kind, model.D(2025, time.November, 15), time.April)
				series, err := f.s.Series(ctx, c.kind, last, c.n, Filter{})
				if err != nil {
					t.Fatal(err)
				}
				if len(series) != c.n || series[c.n-1].Period != last {
					t.Fatalf("%s series: %d periods ending %v", c.kind, len(series), series[len(series)-1].Period)
				}
				for i, pc := range series {
					if i > 0 && !pc.Period.Start.Equal(series[i-1].Period.End) {
						t.Errorf("%s series: period %d starts %v, previous ends %v", c.kind, i, pc.Period.Start, series[i-1].Period.End)
					}
					sameCounts(t, fmt.Sprintf("%s: %s series %s", stage, c.kind, pc.Period.Key()), pc.Counts,
						f.expect(pc.Period.Start, pc.Period.End, all))
				}
			}
			// A series for one department.
			last := model.PeriodOf(model.Month, model.D(2025, time.October, 1), time.April)
			series, err := f.s.Series(ctx, model.Month, last, 6, Filter{Department: model.DeptFieldSales})
			if err != nil {
				t.Fatal(err)
			}
			for _, pc := range series {
				sameCounts(t, stage+": field sales month "+pc.Period.Key(), pc.Counts, f.expect(pc.Period.Start, pc.Period.End,
					func(n string) bool { return n != "" && f.repByName(n).Department == model.DeptFieldSales }))
			}
		}
	})
}

func TestRecordCountsAndNewest(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if at, err := s.NewestRecordAt(ctx); err != nil || !at.IsZero() {
			t.Fatalf("empty database: newest = %v, %v", at, err)
		}
		newest := time.Date(2026, 11, 20, 18, 30, 0, 0, time.UTC)
		b := Batch{
			Reps: []model.Rep{{Name: "佐藤", Department: model.DeptFieldSales}},
			Opportunities: []model.Opportunity{
				{RepName: "佐藤", Created: model.D(2026, 11, 1), EnteredAt: newest.Add(-time.Hour)},
				{RepName: "佐藤", Created: model.D(2026, 11, 2), EnteredAt: newest.Add(-2 * time.Hour)},
			},
			Activities: []model.Activity{{RepName: "佐藤", Date: model.D(2026, 11, 20), Kind: model.KindVisit, Count: 2, EnteredAt: newest}},
			Leads:      []model.Lead{{Created: model.D(2026, 11, 3), EnteredAt: newest.Add(-3 * time.Hour)}},
			Customers:  []model.Customer{{Name: "株式会社A", RepName: "佐藤", MRRMinor: 50000, EnteredAt: newest.Add(-4 * time.Hour)}},
			NPSAnswers: []model.NPSAnswer{{Account: "株式会社A", Date: model.D(2026, 11, 4), Score: 9}, {Date: model.D(2026, 11, 5), Score: 2}},
			Inquiries:  []model.Inquiry{{Account: "株式会社A", Opened: newest.Add(-5 * time.Hour)}},
			Campaigns:  []model.Campaign{{Name: "11月号", Date: model.D(2026, 11, 6), Sent: 10, Opened: 4}},
		}
		if err := s.BulkInsert(ctx, b); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddUsage(ctx, model.Usage{Account: "株式会社A", Date: model.D(2026, 11, 7), Active: true}); err != nil {
			t.Fatal(err)
		}
		c, err := s.RecordCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c != (RecordCounts{Reps: 1, Opportunities: 2, Activities: 1, Leads: 1, Customers: 1, NPSAnswers: 2, UsageChecks: 1, Inquiries: 1,
			Campaigns: 1}) || c.Total() != 10 {
			t.Fatalf("record counts = %+v", c)
		}
		if at, err := s.NewestRecordAt(ctx); err != nil || !at.Equal(newest) {
			t.Fatalf("newest = %v, %v; want %v", at, err, newest)
		}
		// The newest record deleted: the next newest counts.
		if _, err := s.db.Exec("UPDATE activities SET deleted_at = '2026-11-21T00:00:00Z'"); err != nil {
			t.Fatal(err)
		}
		if at, err := s.NewestRecordAt(ctx); err != nil || !at.Equal(newest.Add(-time.Hour)) {
			t.Fatalf("newest after delete = %v, %v", at, err)
		}
		if c, _ := s.RecordCounts(ctx); c.Activities != 0 {
			t.Fatalf("deleted activity still counted: %+v", c)
		}
	})
}

func TestBulkInsertIsAllOrNothing(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		b := Batch{
			Reps:          []model.Rep{{Name: "鈴木", Department: model.DeptInsideSales}},
			Opportunities: []model.Opportunity{{RepName: "鈴木", Created: model.D(2026, 4, 1)}},
			Activities: []model.Activity{
				{RepName: "鈴木", Date: model.D(2026, 4, 1), Kind: model.KindCall, Count: 3},
				{RepName: "山田", Date: model.D(2026, 4, 1), Kind: model.KindCall, Count: 1}, // unknown rep
			},
		}
		err := s.BulkInsert(ctx, b)
		if err == nil || !containsAll(err.Error(), "activity 2", "山田") {
			t.Fatalf("err = %v, want one naming activity 2 and the unknown rep", err)
		}
		c, _ := s.RecordCounts(ctx)
		if c != (RecordCounts{}) {
			t.Fatalf("a failed batch left %+v", c)
		}
		if got, _ := s.Counts(ctx, Filter{}); len(got) != 0 {
			t.Fatalf("a failed batch left roll-up rows %v", got)
		}
		for _, bad := range []Batch{
			{Activities: []model.Activity{{RepName: "x", Date: model.D(2026, 1, 1), Kind: "fax", Count: 1}}},
			{Reps: []model.Rep{{Name: "x", Department: "sales"}}},
			{Reps: []model.Rep{{Name: "x", Department: model.DeptMarketing}}, Activities: []model.Activity{{RepName: "x", Date: model.D(2026, 1, 1), Kind: model.KindCall, Count: 0}}},
			{Reps: []model.Rep{{Name: "x", Department: model.DeptMarketing}}, Opportunities: []model.Opportunity{{RepName: "x"}}},
		} {
			if err := s.BulkInsert(ctx, bad); err == nil {
				t.Errorf("bad batch %+v accepted", bad)
			}
		}
		// Reps already stored are found by name.
		if _, err := s.AddRep(ctx, model.Rep{Name: "高橋", Department: model.DeptFieldSales}); err != nil {
			t.Fatal(err)
		}
		if err := s.BulkInsert(ctx, Batch{Activities: []model.Activity{{RepName: "高橋", Date: model.D(2026, 5, 1), Kind: model.KindVisit, Count: 4}}}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Counts(ctx, Filter{}); got[model.MetricVisits] != 4 {
			t.Fatalf("visits = %v, want 4", got[model.MetricVisits])
		}
	})
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
