package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The Records tab lists the customer-success records: each kind a step
// right of the last, its records newest first with their own columns; a
// filter narrows to a customer; d deletes one after the question naming
// it and u brings it back; e says these are not edited here (the store
// has no edit of them) and the help leaves it out.
func TestRecordsListCustomerSuccessKinds(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	if _, err := st.AddCustomer(ctx, model.Customer{Name: "ACME", RepName: "田中", Started: model.D(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddCustomer(ctx, model.Customer{Name: "Beta", RepName: "鈴木", Started: model.D(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	for _, a := range []model.NPSAnswer{{Account: "ACME", Date: model.D(2026, 11, 20), Score: 9, Comment: "quick replies"},
		{Account: "Beta", Date: model.D(2026, 11, 24), Score: 3}, {Account: "ACME", Date: model.D(2026, 11, 2), Score: 7}} {
		if _, err := st.AddNPSAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.AddUsage(ctx, model.Usage{Account: "Beta", Date: model.D(2026, 11, 25), Active: false}); err != nil {
		t.Fatal(err)
	}
	opened := time.Date(2026, 11, 24, 10, 30, 0, 0, time.UTC) // the fixed clock's zone
	if _, err := st.AddInquiry(ctx, model.Inquiry{Account: "ACME", Opened: opened, Answered: opened.Add(45 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddCampaign(ctx, model.Campaign{Name: "November news", Date: model.D(2026, 11, 10), Sent: 1200, Opened: 480}); err != nil {
		t.Fatal(err)
	}
	a := entryApp(t, st, LangEN)
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	r := recordsTab(t, a)
	press(t, a, "right", "right", "right")
	view := screen(a)
	if recordTabKinds[r.kind] != model.RecordNPS || !strings.Contains(view, "1/3") {
		t.Fatalf("three steps right: kind %s\n%s", recordTabKinds[r.kind], view)
	}
	// Newest first, as written above: 11-24 (3, Beta), 11-20 (9), 11-02 (7).
	rows := recordRows(view)
	if len(rows) != 3 || !strings.Contains(rows[0], "2026-11-24     3 Beta") || !strings.Contains(rows[1], "2026-11-20     9 ACME     quick replies") ||
		!strings.Contains(rows[2], "2026-11-02     7 ACME") {
		t.Fatalf("NPS rows:\n%s", view)
	}
	for _, b := range r.Keys().ShortHelp() {
		if b.Enabled() && b.Help().Key == "e" {
			t.Errorf("the help offers e on NPS answers")
		}
	}
	press(t, a, "e")
	if !strings.Contains(a.flash.Text, "NPS answer: not edited here") {
		t.Errorf("e on an NPS answer: flash %q", a.flash.Text)
	}
	press(t, a, "/")
	typeText(t, a, "acme")
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "1/2") || strings.Contains(view, "Beta") {
		t.Fatalf("filter acme:\n%s", view)
	}
	press(t, a, "d")
	if view := screen(a); !strings.Contains(view, "Delete NPS answer #1 (2026-11-20, score 9, ACME)?") {
		t.Fatalf("the question does not name the answer:\n%s", view)
	}
	press(t, a, "y")
	c, _ := st.SuccessCounts(ctx, store.SuccessSpan{From: model.D(2026, 11, 1), To: model.D(2026, 12, 1), AsOf: fixedNow})
	if c.NPSAnswers != 2 || c.Promoters != 0 {
		t.Fatalf("after the delete: %d answers, %d promoters; want 2, 0", c.NPSAnswers, c.Promoters)
	}
	press(t, a, "u")
	c, _ = st.SuccessCounts(ctx, store.SuccessSpan{From: model.D(2026, 11, 1), To: model.D(2026, 12, 1), AsOf: fixedNow})
	if c.NPSAnswers != 3 || c.Promoters != 1 {
		t.Fatalf("after undo: %d answers, %d promoters; want 3, 1", c.NPSAnswers, c.Promoters)
	}
	press(t, a, "esc", "right")
	if rows := recordRows(screen(a)); len(rows) != 1 || !strings.Contains(rows[0], "2026-11-25 Beta     not active 鈴木") {
		t.Fatalf("usage rows:\n%s", screen(a))
	}
	press(t, a, "right")
	if rows := recordRows(screen(a)); len(rows) != 1 || !strings.Contains(rows[0], "2026-11-24 10:30 ACME     2026-11-24 11:15") {
		t.Fatalf("inquiry rows (times in the clock's zone):\n%s", screen(a))
	}
	press(t, a, "right")
	if rows := recordRows(screen(a)); len(rows) != 1 || !strings.Contains(rows[0], "2026-11-10 November news 1,200    480") {
		t.Fatalf("campaign rows:\n%s", screen(a))
	}
}

// recordRows are the table's rows: every record above was entered at the
// fixed clock's time, which ends each row.
func recordRows(view string) []string {
	var out []string
	for _, l := range strings.Split(view, "\n") {
		if strings.HasSuffix(l, " 2026-11-26 01:00") {
			out = append(out, l)
		}
	}
	return out
}
