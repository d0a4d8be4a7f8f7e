package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestSuccessCountsBothStores writes a few customers, usage checks, NPS
// answers, campaigns, inquiries and a worked MQL to a SQLite file and to
// PostgreSQL, and checks both count November as worked out by hand.
func TestSuccessCountsBothStores(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	d := model.D
	want := SuccessCounts{
		// On Nov 1: A (¥100), B (¥50, churns Nov 15); C left Oct 1; D starts Nov 5.
		AtStart: 2, MRRAtStart: 150, Lost: 1, MRRLost: 50,
		// On Dec 1: A and D, one of them (A) last checked active.
		AtEnd: 2, MRRAtEnd: 130, UsageActive: 1,
		// D due Nov 20, done Nov 25: late.
		OnboardingDue: 1, OnboardedOnTime: 0,
		NPSAnswers: 3, Promoters: 1, Detractors: 1,
		Sent: 100, Opened: 30,
		// MQL Nov 2 00:00 UTC, called at 03:00 by inside sales.
		ResponseSeconds: []float64{3 * 3600},
		// Opened 10:00, answered 12:30.
		InquirySeconds: []float64{2.5 * 3600},
	}
	onBothAlways(t, func(t *testing.T) {
		s := openTemp(t)
		s.SetClock(func() time.Time { return now })
		ctx := context.Background()
		must := func(_ int64, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.AddRep(ctx, model.Rep{Name: "青木", Department: model.DeptInsideSales, Active: true}))
		for _, c := range []model.Customer{
			{Name: "A", Started: d(2026, 1, 1), MRRMinor: 100},
			{Name: "B", Started: d(2026, 2, 1), Churned: d(2026, 11, 15), MRRMinor: 50},
			{Name: "C", Started: d(2026, 3, 1), Churned: d(2026, 10, 1), MRRMinor: 70},
			{Name: "D", Started: d(2026, 11, 5), MRRMinor: 30, OnboardingDue: d(2026, 11, 20), Onboarded: d(2026, 11, 25)},
		} {
			must(s.AddCustomer(ctx, c))
		}
		must(s.AddUsage(ctx, model.Usage{Account: "A", Date: d(2026, 11, 3), Active: false}))
		must(s.AddUsage(ctx, model.Usage{Account: "A", Date: d(2026, 11, 9), Active: true}))
		must(s.AddUsage(ctx, model.Usage{Account: "D", Date: d(2026, 11, 9), Active: false}))
		for _, score := range []int{9, 7, 4} {
			must(s.AddNPSAnswer(ctx, model.NPSAnswer{Date: d(2026, 11, 10), Score: score}))
		}
		must(s.AddCampaign(ctx, model.Campaign{Name: "x", Date: d(2026, 11, 4), Sent: 100, Opened: 30}))
		must(s.AddInquiry(ctx, model.Inquiry{Opened: time.Date(2026, 11, 6, 10, 0, 0, 0, time.UTC),
			Answered: time.Date(2026, 11, 6, 12, 30, 0, 0, time.UTC)}))
		lead, err := s.AddLead(ctx, model.Lead{Company: "L", Created: d(2026, 11, 1), MQLOn: d(2026, 11, 2), Status: model.LeadMQL})
		if err != nil {
			t.Fatal(err)
		}
		must(s.AddActivity(ctx, model.Activity{Kind: model.KindCall, Count: 1, Connected: 1, Date: d(2026, 11, 2),
			At: time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC), LeadID: lead, RepName: "青木"}))
		got, err := s.SuccessCounts(ctx, SuccessSpan{From: d(2026, 11, 1), To: d(2026, 12, 1),
			FromAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), ToAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), AsOf: now})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("counts\n got %+v\nwant %+v", got, want)
		}
		counts, err := s.Counts(ctx, Filter{From: d(2026, 11, 1), To: d(2026, 12, 1)})
		if err != nil || counts[model.MetricConnects] != 1 || counts[model.MetricCalls] != 1 {
			t.Errorf("roll-up connects %v, calls %v (%v), want 1 and 1", counts[model.MetricConnects], counts[model.MetricCalls], err)
		}
	})
}
