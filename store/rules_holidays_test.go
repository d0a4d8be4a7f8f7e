package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The year-end closure is stored as rule.year_end_closure and decides
// whether a 12/28 record entered on 1/4 is late.
func TestYearEndClosureRule(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		at := func(y int, m time.Month, d, h int) func() time.Time {
			return func() time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
		}
		s.SetClock(at(2026, 12, 1, 9))
		addReps(t, s, "田中")
		r, err := s.InputRules(ctx)
		if err != nil || !r.YearEndClosure {
			t.Fatalf("default closure %v (%v), want on", r.YearEndClosure, err)
		}
		// A Monday 12/28 visit typed in on Monday 2027-01-04.
		s.SetClock(at(2027, 1, 4, 10))
		id, err := s.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 1, Date: model.D(2026, 12, 28)})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2027, 1, 4, 18, 0, 0, 0, time.UTC)
		lateOnes := func() []model.Alert {
			t.Helper()
			alerts, _, err := s.Alerts(ctx, now, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			var out []model.Alert
			for _, a := range alerts {
				if a.Kind == model.AlertLateEntry {
					out = append(out, a)
				}
			}
			return out
		}
		if l := lateOnes(); len(l) != 0 {
			t.Errorf("with the closure on, late entries %+v, want none (due 2027-01-04)", l)
		}
		off := false
		if err := s.UpdateRules(ctx, RuleUpdate{YearEndClosure: &off}); err != nil {
			t.Fatal(err)
		}
		var v string
		s.db.QueryRow(`SELECT value FROM settings WHERE key = 'rule.year_end_closure'`).Scan(&v)
		if v != "off" {
			t.Fatalf("rule.year_end_closure = %q, want off", v)
		}
		if r, _ := s.InputRules(ctx); r.YearEndClosure || !r.Configured {
			t.Fatalf("after switching off: %+v", r)
		}
		// Without the closure it was due Tuesday 12/29: six days late.
		if l := lateOnes(); len(l) != 1 || l[0].RecordID != id || l[0].Days != 6 || !l[0].Due.Equal(model.D(2026, 12, 29)) {
			t.Errorf("with the closure off, late entries %+v, want one due 2026-12-29, 6 days late", l)
		}
		on := true
		if err := s.UpdateRules(ctx, RuleUpdate{YearEndClosure: &on}); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.InputRules(ctx); !r.YearEndClosure {
			t.Fatal("switching back on did not stick")
		}
	})
}
