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

// Every activity is reached by paging, in date order (newest first, the
// higher id first on a day), tombstones left out; a filter narrows to a
// rep or an account; a record's position is where the pages put it.
func TestRecordsPageReachesEveryRecordInDateOrder(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openClocked(t)
		addReps(t, s, "田中 一郎", "Suzuki")
		type want struct {
			id  int64
			day time.Time
			rep string
			acc string
		}
		var all []want
		for i := 0; i < 53; i++ {
			rep, acc := "田中 一郎", "ACME"
			if i%3 == 0 {
				rep, acc = "Suzuki", "株式会社ベータ"
			}
			day := model.D(2026, 10, 1).AddDate(0, 0, (i*7)%40) // out of order, several a day
			id, err := s.AddActivity(ctx, model.Activity{Kind: model.KindVisit, RepName: rep, Count: 1, Date: day, Account: acc})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, want{id, day, rep, acc})
		}
		if err := s.Delete(ctx, model.RecordActivity, all[5].id); err != nil {
			t.Fatal(err)
		}
		all = slices.Delete(all, 5, 6)
		slices.SortFunc(all, func(a, b want) int {
			if c := b.day.Compare(a.day); c != 0 {
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
			for off := 0; ; off += 7 {
				recs, total, err := s.RecordsPage(ctx, RecordQuery{Kind: model.RecordActivity, Filter: filter, Offset: off, Limit: 7})
				if err != nil {
					t.Fatal(err)
				}
				if total != len(expect) {
					t.Fatalf("filter %q: total %d, want %d", filter, total, len(expect))
				}
				if len(recs) == 0 {
					break
				}
				for _, r := range recs {
					got = append(got, r.Activity.ID)
				}
			}
			if !slices.Equal(got, expect) {
				t.Fatalf("filter %q: paged ids\n%v\nwant\n%v", filter, got, expect)
			}
			for i, id := range expect {
				pos, ok, err := s.RecordPosition(ctx, model.RecordActivity, filter, id)
				if err != nil || !ok || pos != i {
					t.Fatalf("filter %q: position of %d = %d %v %v, want %d", filter, id, pos, ok, err, i)
				}
			}
		}
		page("", func(want) bool { return true })
		page("田中", func(w want) bool { return w.rep == "田中 一郎" })
		page("suzuki", func(w want) bool { return w.rep == "Suzuki" })
		page("acme", func(w want) bool { return w.acc == "ACME" })
		page("ＡＣＭＥ", func(w want) bool { return w.acc == "ACME" }) // typed in full width
		page("ｓｕｚｕＫＩ", func(w want) bool { return w.rep == "Suzuki" })
		page("ベータ", func(w want) bool { return w.acc == "株式会社ベータ" })
		page(fmt.Sprint(all[3].id), func(w want) bool { return strings.Contains(fmt.Sprint(w.id), fmt.Sprint(all[3].id)) })
		if _, ok, err := s.RecordPosition(ctx, model.RecordActivity, "", 999999); ok || err != nil {
			t.Fatalf("a missing record has a position: %v %v", ok, err)
		}
	})
}

// A page without a filter is read in the date index's order: no sort of
// the whole table.
func TestRecordsPageUsesTheDateIndex(t *testing.T) {
	s := openClocked(t)
	for _, kind := range []model.RecordKind{model.RecordActivity, model.RecordOpportunity, model.RecordLead} {
		p, _ := pageOf(kind)
		where, _ := p.where("", "instr")
		text := queryPlan(t, s, `SELECT `+p.cols+` FROM `+p.from+` WHERE `+where+
			` ORDER BY `+p.date+` DESC, `+p.alias()+`.id DESC LIMIT 50 OFFSET 100`)
		if strings.Contains(text, "TEMP B-TREE") || !strings.Contains(text, "INDEX") {
			t.Errorf("%s: plan %q sorts instead of reading the date index", kind, text)
		}
	}
}
