package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The customer-success records page like the others: every live one
// reached, newest first with the higher id first at the same time, the
// total counted, a filter narrowing to a customer or campaign name, each
// record's position where the pages put it, and a delete taking one out
// until undone.
func TestRecordsPageCustomerSuccessKinds(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		reps := addReps(t, s, "田中", "鈴木")
		for _, c := range []model.Customer{{Name: "ACME", RepName: "田中", Started: model.D(2026, 1, 1)},
			{Name: "株式会社ベータ", RepName: "鈴木", Started: model.D(2026, 1, 1)}} {
			if _, err := s.AddCustomer(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		// want is one record as the test wrote it: its order key (a day or
		// a time as stored), and the name a filter finds it by.
		type want struct {
			id   int64
			when string
			name string
		}
		day := func(i int) time.Time { return model.D(2026, 10, 1).AddDate(0, 0, (i*7)%12) } // out of order, several a day
		names := []string{"ACME", "株式会社ベータ"}
		written := map[model.RecordKind][]want{}
		must := func(id int64, err error) int64 {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		for i := 0; i < 17; i++ {
			name := names[i%2]
			d := day(i)
			written[model.RecordNPS] = append(written[model.RecordNPS], want{must(s.AddNPSAnswer(ctx,
				model.NPSAnswer{Account: name, Date: d, Score: i % 11, Comment: fmt.Sprint("c", i)})), model.FormatDate(d), name})
			written[model.RecordUsage] = append(written[model.RecordUsage], want{must(s.AddUsage(ctx,
				model.Usage{Account: name, Date: d, Active: i%3 == 0})), model.FormatDate(d), name})
			opened := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration((i*5)%9) * time.Hour) // two an hour
			written[model.RecordInquiry] = append(written[model.RecordInquiry], want{must(s.AddInquiry(ctx,
				model.Inquiry{Account: name, Opened: opened})), opened.Format(time.RFC3339), name})
			campaign := []string{"11月号", "Webinar"}[i%2]
			written[model.RecordCampaign] = append(written[model.RecordCampaign], want{must(s.AddCampaign(ctx,
				model.Campaign{Name: campaign, Date: d, Sent: 10, Opened: i % 10})), model.FormatDate(d), campaign})
		}
		for kind, all := range written {
			if err := s.Delete(ctx, kind, all[4].id); err != nil {
				t.Fatal(err)
			}
			all = slices.Delete(slices.Clone(all), 4, 5)
			slices.SortFunc(all, func(a, b want) int {
				if c := strings.Compare(b.when, a.when); c != 0 {
					return c
				}
				return int(b.id - a.id)
			})
			page := func(filter string, keep func(want) bool) {
				t.Helper()
				var expect []int64
				for _, w := range all {
					if keep(w) {
						expect = append(expect, w.id)
					}
				}
				var got []int64
				for off := 0; ; off += 4 {
					recs, total, err := s.RecordsPage(ctx, RecordQuery{Kind: kind, Filter: filter, Offset: off, Limit: 4})
					if err != nil {
						t.Fatal(err)
					}
					if total != len(expect) {
						t.Fatalf("%s filter %q: total %d, want %d", kind, filter, total, len(expect))
					}
					if len(recs) == 0 {
						break
					}
					for _, r := range recs {
						if r.Kind != kind {
							t.Fatalf("%s page holds a %s", kind, r.Kind)
						}
						got = append(got, r.ID())
					}
				}
				if !slices.Equal(got, expect) {
					t.Fatalf("%s filter %q: paged ids\n%v\nwant\n%v", kind, filter, got, expect)
				}
				for i, id := range expect {
					pos, ok, err := s.RecordPosition(ctx, kind, filter, id)
					if err != nil || !ok || pos != i {
						t.Fatalf("%s filter %q: position of %d = %d %v %v, want %d", kind, filter, id, pos, ok, err, i)
					}
				}
			}
			page("", func(want) bool { return true })
			if kind == model.RecordCampaign {
				page("webinar", func(w want) bool { return w.name == "Webinar" })
				page("11月", func(w want) bool { return w.name == "11月号" })
			} else {
				page("acme", func(w want) bool { return w.name == "ACME" })
				page("ベータ", func(w want) bool { return w.name == "株式会社ベータ" })
			}
			if kind == model.RecordUsage { // a usage check is found by its customer's rep too
				page("鈴木", func(w want) bool { return w.name == "株式会社ベータ" })
			}
		}

		// What a page holds, field by field, against what was written.
		recs, _, err := s.RecordsPage(ctx, RecordQuery{Kind: model.RecordUsage, Filter: "ベータ", Limit: 1})
		if err != nil || len(recs) != 1 {
			t.Fatalf("usage page: %v %v", recs, err)
		}
		if u := recs[0].Usage; u.Account != "株式会社ベータ" || u.RepID != reps["鈴木"] || u.RepName != "鈴木" || u.EnteredAt.IsZero() {
			t.Errorf("usage check read as %+v", u)
		}
		if id, name := recs[0].Rep(); id != reps["鈴木"] || name != "鈴木" {
			t.Errorf("a usage check's rep = %d %q; want its customer's", id, name)
		}
		first := written[model.RecordNPS][0] // day 0, score 0, comment c0
		recs, _, err = s.RecordsPage(ctx, RecordQuery{Kind: model.RecordNPS, Filter: fmt.Sprint(first.id), Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(recs, func(r model.Record) bool { return r.ID() == first.id })
		if i < 0 || recs[i].NPS.Comment != "c0" || recs[i].NPS.Score != 0 || model.FormatDate(recs[i].NPS.Date) != "2026-10-01" {
			t.Errorf("NPS answer %d read as %+v", first.id, recs)
		}

		// Undo puts the last deleted record back in its place.
		c, err := s.Undo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if pos, ok, err := s.RecordPosition(ctx, c.Kind, "", written[c.Kind][4].id); err != nil || !ok {
			t.Errorf("%s %d after undo: %d %v %v", c.Kind, written[c.Kind][4].id, pos, ok, err)
		}
		if _, total, err := s.RecordsPage(ctx, RecordQuery{Kind: c.Kind, Limit: 1}); err != nil || total != 17 {
			t.Errorf("%s after undo: %d %v; want 17", c.Kind, total, err)
		}
	})
}

// A page of customer-success records without a filter is read through the
// date index: at most one day's rows sorted by id, never the whole table.
func TestRecordsPageCustomerSuccessUsesTheDateIndex(t *testing.T) {
	s := openClocked(t)
	for _, kind := range []model.RecordKind{model.RecordNPS, model.RecordUsage, model.RecordInquiry, model.RecordCampaign} {
		p, _ := pageOf(kind)
		where, _ := p.where("", "instr")
		text := queryPlan(t, s, `SELECT `+p.cols+` FROM `+p.from+` WHERE `+where+
			` ORDER BY `+p.date+` DESC, `+p.alias()+`.id DESC LIMIT 50 OFFSET 100`)
		if !strings.Contains(text, "SCAN "+p.alias()+" USING INDEX "+p.table()+"_") ||
			strings.Contains(strings.ReplaceAll(text, "TEMP B-TREE FOR LAST TERM OF ORDER BY", ""), "TEMP B-TREE") {
			t.Errorf("%s: plan %q sorts instead of reading the date index", kind, text)
		}
	}
}
