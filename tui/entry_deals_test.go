package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// seedDeals writes n deals D-0001..D-n through an import session (fast),
// every seventh won, and returns how many are open.
func seedDeals(t *testing.T, st *store.Store, n int) (open int) {
	t.Helper()
	ctx := context.Background()
	is, err := st.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	repIDs := map[string]int64{}
	for _, name := range []string{"田中", "鈴木"} {
		if repIDs[name], err = is.Rep(ctx, name, model.DeptFieldSales); err != nil {
			t.Fatal(err)
		}
	}
	var recs []model.Opportunity
	for i := 1; i <= n; i++ {
		o := model.Opportunity{ExternalID: fmt.Sprintf("D-%04d", i), RepID: repIDs["鈴木"], Account: fmt.Sprintf("Account %d", i),
			Stage: "提案", Created: model.D(2026, 10, 1), Outcome: model.OutcomeOpen}
		if i%2 == 0 {
			o.RepID = repIDs["田中"]
		}
		if i%7 == 0 {
			o.Outcome, o.Closed, o.AmountMinor, o.HasAmount, o.Stage = model.OutcomeWon, model.D(2026, 11, 1), 1000, true, "受注"
		} else {
			open++
		}
		recs = append(recs, o)
	}
	if _, _, _, err := is.UpsertOpportunities(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if err := is.Commit(); err != nil {
		t.Fatal(err)
	}
	return open
}

// The picker lists every open deal, not the 500 most recent, and typing
// narrows it by id, account or rep whatever the case and width.
func TestDealPickerListsEveryOpenDealAndFilters(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	open := seedDeals(t, st, 700)
	a := entryApp(t, st, LangEN)
	press(t, a, "a", "up")
	arrow(t, a, tea.KeyRight, 2) // activity -> new opportunity -> update opportunity
	press(t, a, "down")          // on the deal picker
	e := a.overlay.(*entryScreen)
	if got := len(e.deals.deals); got != open {
		t.Fatalf("picker lists %d deals, want the %d open ones", got, open)
	}
	if !strings.Contains(screen(a), fmt.Sprintf("%d of %d", open, open)) {
		t.Fatalf("picker does not say it holds %d deals:\n%s", open, screen(a))
	}
	// `/` starts the filter as on every list: it is not taken as text.
	press(t, a, "/")
	if f := e.deals.filter.Value(); f != "" || len(e.deals.match) != open {
		t.Fatalf("after /: filter %q, %d matches", f, len(e.deals.match))
	}
	// D-0001 is the oldest: beyond any "recent 500". Typed in full width.
	typeText(t, a, "ｄ－０００１")
	if d, ok := e.deals.selected(); !ok || d.ExternalID != "D-0001" || len(e.deals.match) != 1 {
		t.Fatalf("filter ｄ－０００１: %+v, %d matches", d, len(e.deals.match))
	}
	press(t, a, "down", "down") // outcome (won), amount
	typeText(t, a, "500万")
	press(t, a, "enter")
	o, ok, err := st.OpportunityByExternalID(context.Background(), "D-0001")
	if err != nil || !ok || o.Outcome != model.OutcomeWon || o.AmountMinor != 5_000_000 || o.Stage != model.StageWon {
		t.Fatalf("D-0001 after the win: %+v %v", o, err)
	}
}

// Filtering by id, account and rep, ignoring case and width (half-width
// katakana in the data, full-width letters typed): the expected matches are
// counted from how the deals were made.
func TestDealPickerFilter(t *testing.T) {
	t.Parallel()
	var deals []model.OpenDeal
	want := map[string]int{}
	for i := 1; i <= 300; i++ {
		deals = append(deals, model.OpenDeal{ID: int64(i), ExternalID: fmt.Sprintf("OPP-%d", i),
			Account: []string{"ACME株式会社", "Beta Inc", "ｶﾞﾝﾏ商事"}[i%3], RepName: []string{"鈴木 一郎", "田中"}[i%2]})
		switch i % 3 {
		case 0:
			want["ＡＣＭＥ"]++
		case 2:
			want["ガンマ"]++
		}
		if i%2 == 1 {
			want["田中"]++
		}
		if i == 7 || (i >= 70 && i <= 79) {
			want["opp-7"]++
		}
	}
	want["no such"] = 0
	p := newDealPicker(deals)
	for q, n := range want {
		p.filter.SetValue(q)
		p.refilter()
		if len(p.match) != n {
			t.Errorf("%q: %d matches, want %d", q, len(p.match), n)
		}
	}
	p.filter.SetValue("")
	p.refilter()
	p.step(-1)
	if d, _ := p.selected(); d.ID != 300 {
		t.Errorf("left from the first deal: #%d, want the last, #300", d.ID)
	}
}

// 100,000 open deals: folding once and filtering on every keystroke stays
// far below a frame.
func BenchmarkDealPickerFilter(b *testing.B) {
	deals := make([]model.OpenDeal, 100_000)
	for i := range deals {
		deals[i] = model.OpenDeal{ID: int64(i + 1), ExternalID: fmt.Sprintf("D-%06d", i), Account: fmt.Sprintf("取引先%d", i%5000), RepName: "鈴木"}
	}
	p := newDealPicker(deals)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.filter.SetValue("取引先42")
		p.refilter()
	}
}
