package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestSuccessRecordsRights: the customer-success records are records
// (docs/teams.md): a rep writes the usage checks of their own customers
// only, and no NPS answer, inquiry or campaign, which belong to no rep; a
// lead writes them all, and each write is journaled for undo.
func TestSuccessRecordsRights(t *testing.T) {
	onBothAlways(t, func(t *testing.T) {
		s := openTemp(t)
		s.SetClock(func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) })
		ctx := context.Background()
		sato, err := s.AddRep(ctx, model.Rep{Name: "佐藤", Department: model.DeptCustomerSuccess, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		suzuki, err := s.AddRep(ctx, model.Rep{Name: "鈴木", Department: model.DeptCustomerSuccess, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		for name, rep := range map[string]int64{"Own": sato, "Other": suzuki} {
			if _, err := s.AddCustomer(ctx, model.Customer{Name: name, RepID: rep, Started: model.D(2026, 1, 1)}); err != nil {
				t.Fatal(err)
			}
		}
		rep := s.As(model.User{Name: "sato", Role: model.RoleRep, RepID: sato})
		lead := s.As(model.User{Name: "boss", Role: model.RoleLead})
		day := model.D(2026, 11, 20)
		refused := func(what string, write func() (int64, error)) {
			t.Helper()
			_, err := write()
			var re *model.RightsError
			if !errors.As(err, &re) {
				t.Errorf("%s by a rep: %v, want a refusal by rights", what, err)
			}
		}
		refused("NPS answer", func() (int64, error) { return rep.AddNPSAnswer(ctx, model.NPSAnswer{Score: 9, Date: day}) })
		refused("inquiry", func() (int64, error) {
			return rep.AddInquiry(ctx, model.Inquiry{Opened: time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)})
		})
		refused("campaign", func() (int64, error) { return rep.AddCampaign(ctx, model.Campaign{Name: "c", Date: day, Sent: 1}) })
		refused("another rep's usage check", func() (int64, error) {
			return rep.AddUsage(ctx, model.Usage{Account: "Other", Date: day, Active: true})
		})
		if _, err := rep.AddUsage(ctx, model.Usage{Account: "Own", Date: day, Active: true}); err != nil {
			t.Errorf("own customer's usage check by its rep: %v", err)
		}
		if _, err := lead.AddNPSAnswer(ctx, model.NPSAnswer{Score: 9, Date: day, Comment: "早い"}); err != nil {
			t.Errorf("NPS answer by a lead: %v", err)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM nps_answers`).Scan(&n); err != nil || n != 1 {
			t.Errorf("%d NPS answers stored (%v), want only the lead's", n, err)
		}
		// The lead's answer is the newest change: their undo takes it back.
		c, err := lead.Undo(ctx)
		if err != nil || c.Kind != model.RecordNPS {
			t.Fatalf("lead's undo = %+v, %v; want their NPS answer", c, err)
		}
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM nps_answers WHERE deleted_at IS NULL`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%d live NPS answers after undo (%v), want 0", n, err)
		}
	})
}
