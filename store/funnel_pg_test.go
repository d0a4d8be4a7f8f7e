package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestPostgresFunnelBreakdowns: on PostgreSQL, lead_funnel takes the
// lead's source and owner as its row comes in and when the lead changes,
// and each breakdown's groups add up to the whole, counted by hand: three
// leads of November, two from ads (one moved to 佐藤 later), one MQL.
func TestPostgresFunnelBreakdowns(t *testing.T) {
	s, _ := openPG(t)
	ctx := context.Background()
	s.SetClock(func() time.Time { return testNow })
	addReps(t, s, "青木", "佐藤")
	var ids []int64
	for _, l := range []model.Lead{
		{Company: "A社", Source: "ads", RepName: "青木", Created: model.D(2026, 11, 2), Status: model.LeadMQL, MQLOn: model.D(2026, 11, 3)},
		{Company: "B社", Source: "ads", RepName: "青木", Created: model.D(2026, 11, 4)},
		{Company: "C社", Source: "web", Created: model.D(2026, 11, 5)},
	} {
		id, err := s.AddLead(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	b, err := s.Lead(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	b.RepID, b.RepName = 0, "佐藤"
	if err := s.UpdateLead(ctx, b); err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	want := map[string]map[string]int{
		"source": {"ads": 2, "web": 1},
		"rep":    {"青木": 1, "佐藤": 1, "": 1},
		// addReps makes field sales reps; C社 has no owner.
		"department": {"field_sales": 2, "": 1},
	}
	for by, groups := range want {
		cs, err := s.FunnelCohorts(ctx, from, to, testNow, by)
		if err != nil {
			t.Fatalf("by %s: %v", by, err)
		}
		got := map[string]int{}
		for _, c := range cs {
			if c.Stage == model.FunnelLead {
				got[c.Group] = c.Reached
				if c.Group == "ads" && len(c.LagsSeconds) != 1 || c.Group == "ads" && c.LagsSeconds[0] != 86400 {
					t.Errorf("ads lead→MQL lags = %v, want one of 24h", c.LagsSeconds)
				}
			}
		}
		for k, n := range groups {
			if got[k] != n {
				t.Errorf("by %s: leads %v, want %v", by, got, groups)
				break
			}
		}
	}
}
