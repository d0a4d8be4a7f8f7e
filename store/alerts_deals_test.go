package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The stalled and overdue-close alerts, read from two index ranges of the
// open deals, equal a recount from the raw rows of opportunities and
// activities: every live open deal, its newest live activity, its last
// change in the team's zone and its creation, against 7 and 30 days; its
// expected close against today. Deals worked on, changed, won, deleted
// and with deleted activities, on days either side of a week and a month,
// at times either side of midnight, in UTC and in Japan.
func TestAlertDealsEqualARecountOfTheRows(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		at := func(d time.Time, h int) func() time.Time {
			return func() time.Time { return d.Add(time.Duration(h) * time.Hour) }
		}
		s.SetClock(at(model.D(2026, 8, 1), 9))
		addReps(t, s, "田中", "鈴木")
		r := rand.New(rand.NewSource(11))
		for i := 0; i < 40; i++ {
			created := model.D(2026, 9, 1).AddDate(0, 0, r.Intn(86))
			s.SetClock(at(created, r.Intn(24)))
			o := model.Opportunity{RepName: []string{"田中", "鈴木"}[i%2], Account: fmt.Sprintf("社%d", i), Created: created,
				Outcome: model.OutcomeOpen}
			if i%3 != 0 {
				o.Closed = created.AddDate(0, 0, 10+r.Intn(60))
			}
			id, err := s.AddOpportunity(ctx, o)
			if err != nil {
				t.Fatal(err)
			}
			for k := r.Intn(4); k > 0; k-- {
				day := created.AddDate(0, 0, r.Intn(int(model.D(2026, 11, 26).Sub(created).Hours()/24)+1))
				s.SetClock(at(day, 10))
				aid, err := s.AddActivity(ctx, model.Activity{RepName: o.RepName, Kind: model.KindVisit, Count: 1, Date: day, OpportunityID: id})
				if err != nil {
					t.Fatal(err)
				}
				if r.Intn(5) == 0 {
					if err := s.Delete(ctx, model.RecordActivity, aid); err != nil {
						t.Fatal(err)
					}
				}
			}
			switch r.Intn(10) {
			case 0, 1, 2: // a stage change on a later day, at any hour
				day := created.AddDate(0, 0, r.Intn(int(model.D(2026, 11, 26).Sub(created).Hours()/24)+1))
				s.SetClock(at(day, r.Intn(24)))
				o, _ := s.Opportunity(ctx, id)
				o.Stage = "提案"
				if err := s.UpdateOpportunity(ctx, o); err != nil {
					t.Fatal(err)
				}
			case 3:
				o, _ := s.Opportunity(ctx, id)
				o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, created, 1, true
				if err := s.UpdateOpportunity(ctx, o); err != nil {
					t.Fatal(err)
				}
			case 4:
				if err := s.Delete(ctx, model.RecordOpportunity, id); err != nil {
					t.Fatal(err)
				}
			}
		}
		type dealAlert struct {
			Kind     model.AlertKind
			ID       int64
			Severity model.Severity
			Day      string
			Days     int
		}
		recount := func(now time.Time, loc *time.Location) []dealAlert {
			today := model.Date(now.In(loc))
			newest := map[int64]time.Time{}
			rows, err := s.db.Query(`SELECT opportunity_id, day FROM activities WHERE opportunity_id IS NOT NULL AND deleted_at IS NULL`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				var day string
				rows.Scan(&id, &day)
				if d, _ := model.ParseDate(day); d.After(newest[id]) {
					newest[id] = d
				}
			}
			rows.Close()
			var out []dealAlert
			rows, err = s.db.Query(`SELECT id, created, closed, updated_at FROM opportunities WHERE outcome = 'open' AND deleted_at IS NULL`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var id int64
				var created, updated string
				var closed sql.NullString
				rows.Scan(&id, &created, &closed, &updated)
				last, _ := model.ParseDate(created)
				if newest[id].After(last) {
					last = newest[id]
				}
				if u := model.Date(parseTime(updated).In(loc)); u.After(last) {
					last = u
				}
				if days := int(today.Sub(last).Hours() / 24); days >= 30 {
					out = append(out, dealAlert{model.AlertStalledDeal, id, model.SeverityCritical, model.FormatDate(last), days})
				} else if days >= 7 {
					out = append(out, dealAlert{model.AlertStalledDeal, id, model.SeverityWarning, model.FormatDate(last), days})
				}
				if c, err := model.ParseDate(closed.String); closed.Valid && err == nil && c.Before(today) {
					out = append(out, dealAlert{model.AlertOverdueClose, id, model.SeverityCritical, closed.String, int(today.Sub(c).Hours() / 24)})
				}
			}
			return out
		}
		sortAlerts := func(a []dealAlert) {
			sort.Slice(a, func(i, j int) bool {
				if a[i].Kind != a[j].Kind {
					return a[i].Kind < a[j].Kind
				}
				return a[i].ID < a[j].ID
			})
		}
		jst := time.FixedZone("JST", 9*3600)
		stalled, overdue := 0, 0
		for _, loc := range []*time.Location{time.UTC, jst} {
			for day := model.D(2026, 11, 20); day.Before(model.D(2027, 1, 5)); day = day.AddDate(0, 0, 3) {
				for _, clock := range []time.Duration{30 * time.Minute, 23*time.Hour + 30*time.Minute} {
					now := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc).Add(clock)
					alerts, _, err := s.Alerts(ctx, now, loc)
					if err != nil {
						t.Fatal(err)
					}
					var got []dealAlert
					for _, a := range alerts {
						if a.Kind == model.AlertStalledDeal || a.Kind == model.AlertOverdueClose {
							got = append(got, dealAlert{a.Kind, a.RecordID, a.Severity, model.FormatDate(a.Day), a.Days})
						}
					}
					want := recount(now, loc)
					sortAlerts(got)
					sortAlerts(want)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("at %v: alerts\n%+v\nrecount\n%+v", now, got, want)
					}
					for _, a := range want {
						if a.Kind == model.AlertStalledDeal {
							stalled++
						} else {
							overdue++
						}
					}
				}
			}
		}
		if stalled == 0 || overdue == 0 {
			t.Fatalf("%d stalled and %d overdue alerts in all: the test proves nothing", stalled, overdue)
		}
	})
}
