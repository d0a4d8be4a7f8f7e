package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestCurrencyInTheCockpit: a currency set while the cockpit is open (the
// file holds no money yet) takes effect on ctrl+r; quick-add then reads
// $1,234.56 as 123456 cents and says it back in dollars, and a third decimal
// is refused with the text kept.
func TestCurrencyInTheCockpit(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	a := entryApp(t, st, LangEN)
	if a.common.Currency.Code != "JPY" {
		t.Fatalf("a file without a currency: %s, want JPY", a.common.Currency.Code)
	}
	usd, _ := model.CurrencyFor("USD")
	if err := st.UpdateRules(context.Background(), store.RuleUpdate{Currency: &usd}); err != nil {
		t.Fatal(err)
	}
	press(t, a, "ctrl+r")
	if a.common.Currency.Code != "USD" {
		t.Fatalf("after ctrl+r: %s, want USD", a.common.Currency.Code)
	}
	press(t, a, ":")
	typeText(t, a, "won 12.345 ACME ")
	typeText(t, a, "鈴木")
	press(t, a, "enter")
	if a.overlay == nil || !strings.Contains(screen(a), "12.345") {
		t.Fatalf("12.345 dollars not refused with the text kept:\n%s", screen(a))
	}
	press(t, a, "esc")
	press(t, a, ":")
	typeText(t, a, "won $1,234.56 ACME ")
	typeText(t, a, "鈴木")
	press(t, a, "enter")
	recs, _ := st.Recent(context.Background(), model.RecordOpportunity, 10)
	if len(recs) != 1 || recs[0].Opportunity.AmountMinor != 123456 {
		t.Fatalf("quick win in dollars: %+v\n%s", recs, screen(a))
	}
	if out := screen(a); !strings.Contains(out, "$1,234.56") {
		t.Errorf("the answer does not say $1,234.56:\n%s", out)
	}
}

// TestEntryFormInDollars: the entry form reads a won deal's amount in the
// file's currency: 12.345 is refused naming the currency and its decimals,
// with the text kept, and $1,234.56 is stored as 123456 cents.
func TestEntryFormInDollars(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	usd, _ := model.CurrencyFor("USD")
	if err := st.UpdateRules(ctx, store.RuleUpdate{Currency: &usd}); err != nil {
		t.Fatal(err)
	}
	id, err := st.AddOpportunity(ctx, model.Opportunity{RepName: "鈴木", Account: "ACME", Created: model.D(2026, 11, 2),
		Stage: "提案", Outcome: model.OutcomeOpen})
	if err != nil {
		t.Fatal(err)
	}
	a := entryApp(t, st, LangEN)
	press(t, a, "a", "up")
	arrow(t, a, tea.KeyRight, 2) // activity -> new opportunity -> update opportunity
	press(t, a, "enter")         // won without an amount: the cursor goes to the amount
	typeText(t, a, "12.345")
	press(t, a, "enter")
	if out := screen(a); !strings.Contains(out, `"12.345" is not an amount of USD (up to 2 decimals`) {
		t.Fatalf("12.345 dollars not refused:\n%s", out)
	}
	for range len("12.345") {
		press(t, a, "backspace")
	}
	typeText(t, a, "$1,234.56")
	press(t, a, "enter")
	o, err := st.Opportunity(ctx, id)
	if err != nil || o.Outcome != model.OutcomeWon || o.AmountMinor != 123456 {
		t.Fatalf("deal after the win: %+v %v\n%s", o, err, screen(a))
	}
}
