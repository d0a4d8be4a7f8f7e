package demo

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// enteredTimes lists every record's entered_at, activities, deals, leads,
// customers, NPS answers, usage checks and campaigns in export order.
// Inquiries are left out: one that comes in later today is not there yet,
// so their number depends on the hour (TestInquiriesEnteredAfterOpened).
func enteredTimes(t *testing.T, st *store.Store) []time.Time {
	t.Helper()
	ctx := context.Background()
	var out []time.Time
	err := st.ExportActivities(ctx, func(a model.Activity, _ string) error { out = append(out, a.EnteredAt); return nil })
	if err == nil {
		err = st.ExportOpportunities(ctx, func(o model.Opportunity) error { out = append(out, o.EnteredAt); return nil })
	}
	if err == nil {
		err = st.ExportLeads(ctx, func(l model.Lead) error { out = append(out, l.EnteredAt); return nil })
	}
	if err == nil {
		err = st.ExportCustomers(ctx, func(c model.Customer) error { out = append(out, c.EnteredAt); return nil })
	}
	if err == nil {
		err = st.ExportNPSAnswers(ctx, func(a model.NPSAnswer) error { out = append(out, a.EnteredAt); return nil })
	}
	if err == nil {
		err = st.ExportUsage(ctx, func(u model.Usage) error { out = append(out, u.EnteredAt); return nil })
	}
	if err == nil {
		err = st.ExportCampaigns(ctx, func(c model.Campaign) error { out = append(out, c.EnteredAt); return nil })
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoRecordEnteredAfterNow seeds the demo at 07:30 in Tokyo, before
// office hours: no record is entered after that moment, today's records
// are still entered today (between midnight and 07:30), and every record
// of an earlier day is stamped exactly as in a demo seeded at the end of
// the same day (capping draws nothing new). The same moment gives the
// same stamps.
func TestNoRecordEnteredAfterNow(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	tokyo := time.FixedZone("JST", 9*60*60)
	early := time.Date(2026, 11, 26, 7, 30, 0, 0, tokyo)
	late := time.Date(2026, 11, 26, 23, 59, 59, 0, tokyo)
	a, b := enteredTimes(t, seeded(t, 1, early)), enteredTimes(t, seeded(t, 1, late))
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d records early, %d late", len(a), len(b))
	}
	midnight := time.Date(2026, 11, 26, 0, 0, 0, 0, tokyo)
	moved := 0
	for i := range a {
		if a[i].After(early) {
			t.Fatalf("record %d entered %v, after now %v", i, a[i].In(tokyo), early)
		}
		if a[i].Equal(b[i]) {
			continue
		}
		moved++
		// Only entries the later seed put after 07:30 today move, and they
		// stay on today.
		if !b[i].After(early) || a[i].Before(midnight) {
			t.Errorf("record %d: %v at the end of the day, %v early", i, b[i].In(tokyo), a[i].In(tokyo))
		}
	}
	if moved == 0 {
		t.Fatal("no entry of today was moved; the test needs some")
	}
	again := enteredTimes(t, seeded(t, 1, early))
	for i := range a {
		if !a[i].Equal(again[i]) {
			t.Fatalf("record %d: %v, then %v from the same inputs", i, a[i], again[i])
		}
	}
}

// TestInquiriesEnteredAfterOpened: every inquiry of a demo seeded before
// office hours came in by then and was entered after it came in, by then.
func TestInquiriesEnteredAfterOpened(t *testing.T) {
	t.Parallel()
	early := time.Date(2026, 11, 26, 7, 30, 0, 0, time.FixedZone("JST", 9*60*60))
	n := 0
	err := seeded(t, 1, early).ExportInquiries(context.Background(), func(q model.Inquiry) error {
		n++
		if q.Opened.After(early) || q.EnteredAt.After(early) || q.EnteredAt.Before(q.Opened) {
			t.Errorf("inquiry %s opened %v, entered %v; now %v", q.ExternalID, q.Opened, q.EnteredAt, early)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%d inquiries, %v", n, err)
	}
}
