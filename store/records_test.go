package store

import (
	"context"
	"errors"
	"math/rand"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

var testNow = time.Date(2026, time.November, 26, 12, 0, 0, 0, time.UTC)

func openClocked(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	s.SetClock(func() time.Time { return testNow })
	return s
}

func addReps(t *testing.T, s *Store, names ...string) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, n := range names {
		id, err := s.AddRep(context.Background(), model.Rep{Name: n, Department: model.DeptFieldSales})
		if err != nil {
			t.Fatal(err)
		}
		ids[n] = id
	}
	return ids
}

// mirror is the test's own copy of the records, from which it computes the
// figures the store must report.
type mirror struct {
	acts  map[int64]model.Activity
	opps  map[int64]model.Opportunity
	leads map[int64]model.Lead
}

func (m mirror) clone() mirror {
	c := mirror{acts: map[int64]model.Activity{}, opps: map[int64]model.Opportunity{}, leads: map[int64]model.Lead{}}
	for k, v := range m.acts {
		c.acts[k] = v
	}
	for k, v := range m.opps {
		c.opps[k] = v
	}
	for k, v := range m.leads {
		c.leads[k] = v
	}
	return c
}

// expect counts by hand over [from, to) for one rep (0 = all).
func (m mirror) expect(from, to time.Time, rep int64) map[string]float64 {
	in := func(d time.Time) bool { return !d.IsZero() && !d.Before(from) && d.Before(to) }
	c := map[string]float64{}
	for _, a := range m.acts {
		if in(a.Date) && (rep == 0 || a.RepID == rep) {
			c[model.ActivityMetric(a.Kind)] += float64(a.Count)
		}
	}
	for _, o := range m.opps {
		if rep != 0 && o.RepID != rep {
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
	for _, l := range m.leads {
		if in(l.Created) && (rep == 0 || l.RepID == rep) {
			c[model.MetricLeads]++
		}
	}
	return c
}

func TestRandomEditsAggregateLikeAnIndependentCount(t *testing.T) {
	onBothAlways(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		reps := addReps(t, s, "田中", "鈴木")
		satoID, err := s.AddRep(ctx, model.Rep{Name: "佐藤", Department: model.DeptInsideSales})
		if err != nil {
			t.Fatal(err)
		}
		repIDs := []int64{reps["田中"], reps["鈴木"], satoID}
		rng := rand.New(rand.NewSource(7))
		day := func() time.Time { return model.D(2026, time.January, 1).AddDate(0, 0, rng.Intn(330)) }
		m := mirror{acts: map[int64]model.Activity{}, opps: map[int64]model.Opportunity{}, leads: map[int64]model.Lead{}}
		var history []mirror
		pick := func(n int) int { return rng.Intn(n) }
		anyKey := func(keys []int64) int64 { return keys[pick(len(keys))] }
		keysA := func() (ks []int64) {
			for k := range m.acts {
				ks = append(ks, k)
			}
			return
		}
		keysO := func() (ks []int64) {
			for k := range m.opps {
				ks = append(ks, k)
			}
			return
		}
		keysL := func() (ks []int64) {
			for k := range m.leads {
				ks = append(ks, k)
			}
			return
		}
		newOpp := func() model.Opportunity {
			o := model.Opportunity{RepID: repIDs[pick(3)], Account: "A", Created: day(), Outcome: model.OutcomeOpen}
			switch pick(3) {
			case 1:
				o.Outcome, o.AmountMinor, o.HasAmount = model.OutcomeWon, model.Minor(1+pick(5_000_000)), true
				o.Closed = o.Created.AddDate(0, 0, pick(20))
			case 2:
				o.Outcome, o.Closed = model.OutcomeLost, o.Created.AddDate(0, 0, pick(20))
			}
			if o.Closed.After(model.Date(testNow)) {
				o.Closed = model.Date(testNow)
			}
			return o
		}
		for step := 0; step < 600; step++ {
			before := m.clone()
			ok := true
			switch op := pick(10); {
			case op == 0 && len(history) > 0:
				if _, err := s.Undo(ctx); err != nil {
					t.Fatalf("step %d undo: %v", step, err)
				}
				m = history[len(history)-1]
				history = history[:len(history)-1]
				ok = false
			case op <= 3:
				a := model.Activity{RepID: repIDs[pick(3)], Kind: model.ActivityKinds()[pick(6)], Count: 1 + pick(5), Date: day()}
				id, err := s.AddActivity(ctx, a)
				if err != nil {
					t.Fatalf("step %d add activity: %v", step, err)
				}
				a.ID = id
				m.acts[id] = a
			case op == 4:
				id, err := s.AddOpportunity(ctx, newOpp())
				if err != nil {
					t.Fatalf("step %d add opportunity: %v", step, err)
				}
				o, _ := s.Opportunity(ctx, id)
				m.opps[id] = o
			case op == 5:
				l := model.Lead{Company: "C", Created: day(), Status: model.LeadNew}
				if pick(2) == 0 {
					l.RepID = repIDs[pick(3)]
				}
				id, err := s.AddLead(ctx, l)
				if err != nil {
					t.Fatalf("step %d add lead: %v", step, err)
				}
				l.ID = id
				m.leads[id] = l
			case op == 6 && len(m.acts) > 0:
				a := m.acts[anyKey(keysA())]
				a.Count, a.Date, a.RepID, a.Kind = 1+pick(9), day(), repIDs[pick(3)], model.ActivityKinds()[pick(6)]
				if err := s.UpdateActivity(ctx, a); err != nil {
					t.Fatalf("step %d update activity: %v", step, err)
				}
				m.acts[a.ID] = a
			case op == 7 && len(m.opps) > 0:
				id := anyKey(keysO())
				o := newOpp()
				o.ID = id
				if err := s.UpdateOpportunity(ctx, o); err != nil {
					t.Fatalf("step %d update opportunity: %v", step, err)
				}
				m.opps[id] = o
			case op == 8 && len(m.acts) > 0:
				id := anyKey(keysA())
				if err := s.Delete(ctx, model.RecordActivity, id); err != nil {
					t.Fatalf("step %d delete activity: %v", step, err)
				}
				delete(m.acts, id)
			case op == 9 && len(m.opps)+len(m.leads) > 0:
				if len(m.leads) > 0 && (pick(2) == 0 || len(m.opps) == 0) {
					id := anyKey(keysL())
					if err := s.Delete(ctx, model.RecordLead, id); err != nil {
						t.Fatalf("step %d delete lead: %v", step, err)
					}
					delete(m.leads, id)
				} else {
					id := anyKey(keysO())
					if err := s.Delete(ctx, model.RecordOpportunity, id); err != nil {
						t.Fatalf("step %d delete opportunity: %v", step, err)
					}
					delete(m.opps, id)
				}
			default:
				ok = false
			}
			if ok {
				history = append(history, before)
			}
			if step%50 == 49 || step == 599 {
				checkAgainstMirror(t, s, m, repIDs, step)
			}
		}
	})
}

func checkAgainstMirror(t *testing.T, s *Store, m mirror, repIDs []int64, step int) {
	t.Helper()
	ctx := context.Background()
	var periods []model.Period
	for _, k := range []model.PeriodKind{model.Week, model.Month, model.Quarter, model.FiscalYear} {
		periods = append(periods, model.PeriodOf(k, model.D(2026, time.June, 10), time.April))
	}
	periods = append(periods, model.PeriodOf(model.Day, model.D(2026, time.March, 3), time.April))
	for _, p := range periods {
		for _, rep := range append([]int64{0}, repIDs...) {
			got, err := s.Counts(ctx, Filter{From: p.Start, To: p.End, RepID: rep})
			if err != nil {
				t.Fatal(err)
			}
			want := m.expect(p.Start, p.End, rep)
			if rep == repIDs[2] {
				// 佐藤 is the only rep in inside sales: the department filter
				// must give the same figures.
				dept, err := s.Counts(ctx, Filter{From: p.Start, To: p.End, Department: model.DeptInsideSales})
				if err != nil {
					t.Fatal(err)
				}
				for k, v := range want {
					if dept[k] != v {
						t.Fatalf("step %d, %s inside sales, %s: store %v, by hand %v", step, p.Key(), k, dept[k], v)
					}
				}
			}
			for _, k := range []string{model.MetricVisits, model.MetricCalls, model.MetricEmails, model.MetricProposals,
				model.MetricAppointments, model.MetricMeetings, model.MetricLeads, model.MetricOpportunities,
				model.MetricOrdersWon, model.MetricOrdersLost, model.MetricRevenue} {
				if got[k] != want[k] {
					t.Fatalf("step %d, %s rep %d, %s: store %v, by hand %v", step, p.Key(), rep, k, got[k], want[k])
				}
			}
		}
	}
}

func TestUndoEachKindOfChange(t *testing.T) {
	onBothAlways(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		reps := addReps(t, s, "田中")
		oct := model.PeriodOf(model.Month, model.D(2026, 10, 1), time.April)
		visits := func() float64 {
			c, err := s.Counts(ctx, ForPeriod(oct))
			if err != nil {
				t.Fatal(err)
			}
			return c[model.MetricVisits]
		}
		id, err := s.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 3, Date: model.D(2026, 10, 5)})
		if err != nil {
			t.Fatal(err)
		}
		a, _ := s.Activity(ctx, id)
		if a.RepID != reps["田中"] || !a.EnteredAt.Equal(testNow) {
			t.Fatalf("stored %+v", a)
		}
		// update: 3 → 5 visits, then undo back to 3.
		later := testNow.Add(time.Hour)
		s.SetClock(func() time.Time { return later })
		a.Count = 5
		if err := s.UpdateActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
		if v := visits(); v != 5 {
			t.Fatalf("after update %v", v)
		}
		if got, _ := s.Activity(ctx, id); !got.UpdatedAt.Equal(later) || !got.EnteredAt.Equal(testNow) {
			t.Fatalf("stamps after update: %+v", got)
		}
		c, err := s.Undo(ctx)
		if err != nil || c.Action != "update" || c.RowID != id || c.Kind != model.RecordActivity {
			t.Fatalf("undo update: %+v %v", c, err)
		}
		if got, _ := s.Activity(ctx, id); got.Count != 3 || !got.UpdatedAt.Equal(testNow) {
			t.Fatalf("after undoing the update: %+v", got)
		}
		if v := visits(); v != 3 {
			t.Fatalf("visits after undoing the update %v", v)
		}
		// delete, then undo: the record and its visits come back.
		if err := s.Delete(ctx, model.RecordActivity, id); err != nil {
			t.Fatal(err)
		}
		if v := visits(); v != 0 {
			t.Fatalf("after delete %v", v)
		}
		var deletedAt *string
		s.db.QueryRow(`SELECT deleted_at FROM activities WHERE id = ?`, id).Scan(&deletedAt)
		if deletedAt == nil {
			t.Fatal("delete left no tombstone")
		}
		if err := s.Delete(ctx, model.RecordActivity, id); err == nil {
			t.Fatal("deleted a tombstone twice")
		}
		if c, err := s.Undo(ctx); err != nil || c.Action != "delete" {
			t.Fatalf("undo delete: %+v %v", c, err)
		}
		if v := visits(); v != 3 {
			t.Fatalf("after undoing the delete %v", v)
		}
		// undo the insert: a tombstone, so the count drops and the row stays.
		if c, err := s.Undo(ctx); err != nil || c.Action != "insert" {
			t.Fatalf("undo insert: %+v %v", c, err)
		}
		if v := visits(); v != 0 {
			t.Fatalf("after undoing the insert %v", v)
		}
		var n int
		s.db.QueryRow(`SELECT count(*) FROM activities WHERE id = ? AND deleted_at IS NOT NULL`, id).Scan(&n)
		if n != 1 {
			t.Fatal("undone insert is not kept as a tombstone")
		}
		if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
			t.Fatalf("undo with nothing left: %v", err)
		}
	})
}

func TestOpportunityLifecycleAndUndo(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "鈴木")
		nov := ForPeriod(model.PeriodOf(model.Month, model.D(2026, 11, 1), time.April))
		o := model.Opportunity{ExternalID: "D-1", RepName: "鈴木", Account: "ACME", Created: model.D(2026, 11, 2), Outcome: model.OutcomeOpen}
		id, err := s.AddOpportunity(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddOpportunity(ctx, o); !model.IsFieldError(err) {
			t.Fatalf("second D-1: %v", err)
		}
		o, ok, err := s.OpportunityByExternalID(ctx, "D-1")
		if err != nil || !ok || o.ID != id {
			t.Fatalf("by external id: %+v %v %v", o, ok, err)
		}
		o.Stage = "proposal"
		if err := s.UpdateOpportunity(ctx, o); err != nil {
			t.Fatal(err)
		}
		won := o
		won.Outcome, won.Closed = model.OutcomeWon, model.D(2026, 11, 20)
		if err := s.UpdateOpportunity(ctx, won); !model.IsFieldError(err) {
			t.Fatalf("won without amount: %v", err)
		}
		won.AmountMinor, won.HasAmount = 12_000_000, true
		if err := s.UpdateOpportunity(ctx, won); err != nil {
			t.Fatal(err)
		}
		c, _ := s.Counts(ctx, nov)
		if c[model.MetricOrdersWon] != 1 || c[model.MetricRevenue] != 12_000_000 || c[model.MetricOpportunities] != 1 {
			t.Fatalf("after win %v", c)
		}
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
		c, _ = s.Counts(ctx, nov)
		if c[model.MetricOrdersWon] != 0 || c[model.MetricRevenue] != 0 || c[model.MetricOpportunities] != 1 {
			t.Fatalf("after undoing the win %v", c)
		}
		if got, _ := s.Opportunity(ctx, id); got.Stage != "proposal" || got.Outcome != model.OutcomeOpen || got.HasAmount {
			t.Fatalf("restored %+v", got)
		}
		if f, ok, _ := s.OpenOpportunityFor(ctx, "ACME", "鈴木"); !ok || f.ID != id {
			t.Fatalf("open deal on ACME: %+v %v", f, ok)
		}
	})
}

func TestBadInputWritesNothing(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "田中", "鈴木")
		_, err := s.AddActivity(ctx, model.Activity{RepName: "山田", Kind: model.KindVisit, Count: 1, Date: model.Date(testNow)})
		var ue *UnknownRepError
		if !errors.As(err, &ue) || len(ue.Known) != 2 || ue.Known[0] != "田中" && ue.Known[1] != "田中" {
			t.Fatalf("unknown rep: %v", err)
		}
		bad := []model.Activity{
			{RepName: "田中", Kind: model.KindVisit, Count: 0, Date: model.Date(testNow)},
			{RepName: "田中", Kind: "lunch", Count: 1, Date: model.Date(testNow)},
			{RepName: "田中", Kind: model.KindVisit, Count: 1, Date: model.Date(testNow).AddDate(0, 0, 1)},
			{RepName: "田中", Kind: model.KindVisit, Count: 1, Date: model.Date(testNow), OpportunityID: 99},
		}
		for _, a := range bad {
			if _, err := s.AddActivity(ctx, a); !model.IsFieldError(err) {
				t.Errorf("%+v: %v", a, err)
			}
		}
		var n int
		s.db.QueryRow(`SELECT (SELECT count(*) FROM activities) + (SELECT count(*) FROM changes) + (SELECT count(*) FROM rollup_daily)`).Scan(&n)
		if n != 0 {
			t.Fatalf("%d rows written by refused input", n)
		}
		// A required-field rule applies on the next write.
		if err := s.UpdateRules(ctx, RuleUpdate{Required: map[model.RecordKind][]string{model.RecordOpportunity: {"amount", "account"}}}); err != nil {
			t.Fatal(err)
		}
		_, err = s.AddOpportunity(ctx, model.Opportunity{RepName: "田中", Account: "X", Created: model.Date(testNow), Outcome: model.OutcomeOpen})
		var fe *model.FieldError
		if !errors.As(err, &fe) || fe.Field != "amount" {
			t.Fatalf("required amount: %v", err)
		}
	})
}

func TestFamilyNameNamesOneRep(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "高橋 直樹", "山本 彩", "山本 健")
		if _, err := s.AddActivity(ctx, model.Activity{RepName: "高橋", Kind: model.KindVisit, Count: 1, Date: model.Date(testNow)}); err != nil {
			t.Fatalf("family name: %v", err)
		}
		var ue *UnknownRepError
		if _, err := s.AddActivity(ctx, model.Activity{RepName: "山本", Kind: model.KindVisit, Count: 1, Date: model.Date(testNow)}); !errors.As(err, &ue) {
			t.Fatalf("a family name two reps share: %v", err)
		}
		if _, err := s.AddActivity(ctx, model.Activity{RepName: "高", Kind: model.KindVisit, Count: 1, Date: model.Date(testNow)}); !errors.As(err, &ue) {
			t.Fatalf("part of a family name: %v", err)
		}
		if acts, _ := s.Recent(ctx, model.RecordActivity, 5); len(acts) != 1 || acts[0].Activity.RepName != "高橋 直樹" {
			t.Fatalf("stored %+v", acts)
		}
	})
}

func TestRecentListsNewestFirstWithoutTombstones(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "田中")
		var ids []int64
		for i := 0; i < 4; i++ {
			at := testNow.Add(time.Duration(i) * time.Minute)
			s.SetClock(func() time.Time { return at })
			id, err := s.AddLead(ctx, model.Lead{Company: string(rune('A' + i)), RepName: "田中", Created: model.D(2026, 11, 1)})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if err := s.Delete(ctx, model.RecordLead, ids[3]); err != nil {
			t.Fatal(err)
		}
		got, err := s.Recent(ctx, model.RecordLead, 2)
		if err != nil || len(got) != 2 || got[0].Lead.Company != "C" || got[1].Lead.Company != "B" || got[0].Lead.RepName != "田中" {
			t.Fatalf("recent = %+v, %v", got, err)
		}
	})
}

func TestRulesRoundTrip(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "田中")
		r, err := s.InputRules(ctx)
		if err != nil || r.Configured || r.Deadline.Kind != model.DeadlineNextBusinessDay || r.StaleDays != 7 || !r.AlertsOn {
			t.Fatalf("defaults %+v %v", r, err)
		}
		d, _ := model.ParseDeadline("3d")
		stale, future, off := 10, 2, false
		err = s.UpdateRules(ctx, RuleUpdate{Deadline: &d, StaleDays: &stale, FutureDays: &future, AlertsOn: &off,
			RepStaleDays: map[string]int{"田中": 0}, Required: map[model.RecordKind][]string{model.RecordLead: {"source"}}})
		if err != nil {
			t.Fatal(err)
		}
		r, _ = s.InputRules(ctx)
		if !r.Configured || r.Deadline != d || r.StaleDays != 10 || r.FutureDays != 2 || r.AlertsOn || r.StaleLimit("田中") != 0 ||
			len(r.Required[model.RecordLead]) != 1 {
			t.Fatalf("after update %+v", r)
		}
		var v string
		s.db.QueryRow(`SELECT value FROM settings WHERE key = 'rule.deadline'`).Scan(&v)
		if v != "3d" {
			t.Fatalf("rule.deadline = %q", v)
		}
		if err := s.UpdateRules(ctx, RuleUpdate{RepStaleDays: map[string]int{"山田": 3}}); err == nil {
			t.Fatal("rule for an unknown rep accepted")
		}
	})
}
