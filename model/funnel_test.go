package model

import (
	"errors"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

func TestPercentileByHand(t *testing.T) {
	// Linear interpolation between closest ranks, worked by hand.
	xs := []float64{1, 2, 4, 8, 16}
	for _, c := range []struct{ p, want float64 }{
		{0, 1}, {0.5, 4}, {0.9, 8 + 0.6*8}, {1, 16}, {0.25, 2},
	} {
		if got := Percentile(xs, c.p); !got.Valid || got.V != c.want {
			t.Errorf("Percentile(%v) = %v, want %v", c.p, got, c.want)
		}
	}
	if got := Percentile([]float64{3, 5}, 0.5); got.V != 4 {
		t.Errorf("median of 3 and 5 = %v, want 4", got)
	}
	if got := Percentile([]float64{7}, 0.9); got.V != 7 {
		t.Errorf("p90 of one value = %v", got)
	}
	if got := Percentile(nil, 0.5); got.Valid {
		t.Errorf("percentile of none = %v, want none", got)
	}
}

func TestCheckStageMove(t *testing.T) {
	created := D(2026, 11, 2)
	ts := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	hist := []StageMove{{Stage: FunnelLead, At: ts("2026-11-02T00:00:00Z")}, {Stage: FunnelSQL, At: ts("2026-11-05T00:00:00Z")}}
	for _, c := range []struct {
		name  string
		mv    StageMove
		field string
		code  RefusalCode
	}{
		{"forward", StageMove{Stage: FunnelOpportunity, At: ts("2026-11-06T00:00:00Z")}, "", ""},
		{"same stage again", StageMove{Stage: FunnelSQL, At: ts("2026-11-06T00:00:00Z")}, "", ""},
		{"recycle back", StageMove{Stage: FunnelMQL, At: ts("2026-11-06T00:00:00Z"), Recycle: true}, "", ""},
		{"before creation", StageMove{Stage: FunnelOpportunity, At: ts("2026-11-01T23:00:00Z")}, "at", RefuseStageBeforeCreated},
		{"before the last move", StageMove{Stage: FunnelOpportunity, At: ts("2026-11-04T00:00:00Z")}, "at", RefuseStageBeforeLast},
		{"back without recycle", StageMove{Stage: FunnelMQL, At: ts("2026-11-06T00:00:00Z")}, "stage", RefuseBackwardsNotRecycle},
		{"recycle forward", StageMove{Stage: FunnelWon, At: ts("2026-11-06T00:00:00Z"), Recycle: true}, "stage", RefuseRecycleNotBack},
		{"unknown stage", StageMove{Stage: "nurture", At: ts("2026-11-06T00:00:00Z")}, "stage", RefuseUnknownStage},
	} {
		err := CheckStageMove(created, hist, c.mv)
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || fe.Code != c.code {
			t.Errorf("%s: %v, want %s refused by %s", c.name, err, c.field, c.code)
		}
	}
}

func TestCheckLeadStageDays(t *testing.T) {
	l := Lead{Company: "A", Status: LeadSQL, Created: D(2026, 11, 5), MQLOn: D(2026, 11, 4)}
	if err := CheckLead(l); err == nil || err.(*FieldError).Field != "mql_on" {
		t.Errorf("MQL before creation: %v", err)
	}
	l.MQLOn, l.SQLOn = D(2026, 11, 7), D(2026, 11, 6)
	if err := CheckLead(l); err == nil || err.(*FieldError).Field != "sql_on" {
		t.Errorf("SQL before MQL: %v", err)
	}
	l.SQLOn = D(2026, 11, 7)
	if err := CheckLead(l); err != nil {
		t.Errorf("MQL and SQL on one day: %v", err)
	}
}

func TestStageDefsAsOf(t *testing.T) {
	def := StageDefOf(DefaultStageDefs(), FunnelMQL)
	v1, v2 := def, def
	v1.DefinitionJA, v1.LimitDays = "スコア50以上", 3
	v2.DefinitionJA, v2.LimitDays = "スコア60以上", 1
	revs := []StageDefRevision{
		{Revision: Revision{EffectiveFrom: D(2026, 4, 1)}, Def: v1},
		{Revision: Revision{EffectiveFrom: D(2026, 10, 1)}, Def: v2},
	}
	for _, c := range []struct {
		day   time.Time
		want  string
		limit int
	}{{D(2026, 3, 31), "", 2}, {D(2026, 4, 1), "スコア50以上", 3}, {D(2026, 9, 30), "スコア50以上", 3}, {D(2026, 10, 1), "スコア60以上", 1}} {
		got := StageDefOf(StageDefsAsOf(revs, c.day), FunnelMQL)
		if got.DefinitionJA != c.want || got.LimitDays != c.limit {
			t.Errorf("as of %s: %+v, want %q %d", FormatDate(c.day), got, c.want, c.limit)
		}
	}
}

func TestHandoffDueSkipsWeekendsAndHolidays(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	// Fri 20 Nov 2026 18:00 JST + 2 business days: Mon 23 is a holiday, so Wed 25.
	got := HandoffDue(time.Date(2026, 11, 20, 18, 0, 0, 0, jst), 2, jst, true)
	if want := time.Date(2026, 11, 25, 18, 0, 0, 0, jst); !got.Equal(want) {
		t.Errorf("due %v, want %v", got, want)
	}
	// Over the year end with the closure on: 28 Dec + 1 business day is 4 Jan.
	got = HandoffDue(time.Date(2026, 12, 28, 9, 0, 0, 0, jst), 1, jst, true)
	if want := time.Date(2027, 1, 4, 9, 0, 0, 0, jst); !got.Equal(want) {
		t.Errorf("due over the year end %v, want %v", got, want)
	}
}

func TestHandoffAlertsOnePerStage(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	waits := []StageWait{
		{LeadID: 1, Stage: FunnelMQL, Since: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}, // due 26 Nov 00:00: 12h over
		{LeadID: 2, Stage: FunnelMQL, Since: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), RepName: "林"},
		{LeadID: 3, Stage: FunnelSQL, Since: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}, // 5 days: due 30 Nov, not yet
		{LeadID: 4, Stage: FunnelLead, Since: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},  // no limit
	}
	overdue := OverdueLeads(waits, DefaultStageDefs(), now, time.UTC, true)
	alerts := EvaluateAlerts(AlertInput{Now: now, Loc: time.UTC, Rules: DefaultInputRules(), Overdue: CountOverdue(overdue)})
	// One alert for MQL, about 2 leads, the worst being lead 2 (due Thu 5
	// Nov, 21 days over: critical).
	if len(alerts) != 1 {
		t.Fatalf("alerts = %+v", alerts)
	}
	a := alerts[0]
	if a.Kind != AlertHandoffOverdue || a.Count != 2 || a.RecordID != 2 || a.Subject != "mql" || a.Days != 21 || a.Severity != SeverityCritical || a.RepName != "林" {
		t.Errorf("alert = %+v", a)
	}
}

// HandoffArrivalDays and HandoffSameDueDays agree with AddBusinessDaysWith
// day by day, over weekends, 祝日, Golden Week and the year-end closure.
func TestHandoffArrivalDaysAgreeWithTheDueDays(t *testing.T) {
	for _, closure := range []bool{true, false} {
		for limit := 1; limit <= 6; limit++ {
			for today := D(2026, 4, 20); today.Before(D(2027, 1, 20)); today = today.AddDate(0, 0, 1) {
				dueToday, dueAfter := HandoffArrivalDays(limit, today, closure)
				for d := today.AddDate(0, 0, -40); !d.After(today); d = d.AddDate(0, 0, 1) {
					due := AddBusinessDaysWith(d, limit, closure)
					before, on := due.Before(today), due.Equal(today)
					if before != d.Before(dueToday) || on != (!d.Before(dueToday) && d.Before(dueAfter)) {
						t.Fatalf("limit %d, closure %v, today %s: arrival %s is due %s; split at %s and %s", limit, closure,
							FormatDate(today), FormatDate(d), FormatDate(due), FormatDate(dueToday), FormatDate(dueAfter))
					}
				}
				same := HandoffSameDueDays(today, limit, closure)
				due := AddBusinessDaysWith(today, limit, closure)
				for d := today; d.Before(same.AddDate(0, 0, 3)); d = d.AddDate(0, 0, 1) {
					if AddBusinessDaysWith(d, limit, closure).Equal(due) != d.Before(same) {
						t.Fatalf("limit %d, closure %v: arrivals from %s share their due day %s until %s, but %s",
							limit, closure, FormatDate(today), FormatDate(due), FormatDate(same), FormatDate(d))
					}
				}
			}
		}
	}
}

// TestPercentilesEqualSortedPercentile: selection gives exactly what
// Percentile gives on the sorted values, for sizes 0 to 300 and larger,
// with many ties, few ties and runs already sorted or reversed.
func TestPercentilesEqualSortedPercentile(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	ps := []float64{0, 0.1, 0.5, 0.9, 0.99, 1}
	sizes := []int{100_000}
	for n := range 301 {
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		for shape := range 4 {
			xs := make([]float64, n)
			for i := range xs {
				switch shape {
				case 0:
					xs[i] = float64(r.IntN(5)) // many ties
				case 1:
					xs[i] = r.Float64() * 1e6
				case 2:
					xs[i] = float64(i) // sorted
				case 3:
					xs[i] = float64(n - i) // reversed
				}
			}
			sorted := slices.Clone(xs)
			sort.Float64s(sorted)
			got := Percentiles(slices.Clone(xs), ps...)
			for i, p := range ps {
				if want := Percentile(sorted, p); got[i] != want {
					t.Fatalf("n=%d shape %d p=%v: Percentiles %v, Percentile of the sorted %v", n, shape, p, got[i], want)
				}
			}
		}
	}
}
