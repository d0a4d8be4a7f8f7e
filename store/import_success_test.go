package store

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestImportSuccessRecords stages and moves each customer-success kind on
// both engines: the counts are those of the records given, and the same
// records imported again change nothing.
func TestImportSuccessRecords(t *testing.T) {
	onBothAlways(t, func(t *testing.T) {
		s := openTemp(t)
		now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return now })
		ctx := context.Background()
		for _, name := range []string{"A", "B"} {
			if _, err := s.AddCustomer(ctx, model.Customer{Name: name, Started: model.D(2026, 1, 1), MRRMinor: 10}); err != nil {
				t.Fatal(err)
			}
		}
		d := func(day int) time.Time { return model.D(2026, 11, day) }
		at := func(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, time.UTC) }
		nps := []model.NPSAnswer{{ExternalID: "n1", Date: d(2), Score: 10, Account: "A", Comment: "良い"},
			{ExternalID: "n2", Date: d(3), Score: 3}, {ExternalID: "n3", Date: d(4), Score: 9}}
		inqs := []model.Inquiry{{ExternalID: "q1", Opened: at(5, 9, 0), Answered: at(5, 12, 0)}, {ExternalID: "q2", Opened: at(6, 9, 0)}}
		camps := []model.Campaign{{ExternalID: "c1", Name: "x", Date: d(7), Sent: 200, Opened: 50}}
		importAll := func(want [3]int) {
			t.Helper()
			is, err := s.BeginImport(ctx)
			if err != nil {
				t.Fatal(err)
			}
			a, err := is.CustomerID(ctx, "A")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := is.CustomerID(ctx, "Nobody"); err == nil {
				t.Error("an unknown customer was found")
			}
			usage := []model.Usage{{ExternalID: "u1", CustomerID: a, Date: d(8), Active: true}}
			var got [3]int
			add := func(i, u, n int, err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				got[0], got[1], got[2] = got[0]+i, got[1]+u, got[2]+n
			}
			add(is.UpsertNPSAnswers(ctx, nps))
			add(is.UpsertInquiries(ctx, inqs))
			add(is.UpsertCampaigns(ctx, camps))
			add(is.UpsertUsage(ctx, usage))
			if err := is.Commit(); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("inserted, updated, unchanged = %v, want %v", got, want)
			}
		}
		importAll([3]int{7, 0, 0})
		importAll([3]int{0, 0, 7})
		nps[1].Score = 6 // a corrected answer is an update
		importAll([3]int{0, 1, 6})
		c, err := s.SuccessCounts(ctx, SuccessSpan{From: d(1), To: model.D(2026, 12, 1), FromAt: at(1, 0, 0),
			ToAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), AsOf: now})
		if err != nil {
			t.Fatal(err)
		}
		if c.NPSAnswers != 3 || c.Promoters != 2 || c.Detractors != 1 || c.Sent != 200 || c.Opened != 50 || c.UsageActive != 1 ||
			len(c.InquirySeconds) != 1 || c.InquirySeconds[0] != 3*3600 {
			t.Errorf("counts after import: %+v", c)
		}
	})
}
