package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// With "activity requires account", 訪問 3 田中 昨日 @ACME is accepted; the
// line stays open for the next one, up recalls it, and #D-001 puts an
// activity on a deal.
func TestQuickAddAccountDealHistory(t *testing.T) {
	st := entryStore(t)
	ctx := context.Background()
	if err := st.UpdateRules(ctx, store.RuleUpdate{Required: map[model.RecordKind][]string{model.RecordActivity: {"account"}}}); err != nil {
		t.Fatal(err)
	}
	dealID, err := st.AddOpportunity(ctx, model.Opportunity{ExternalID: "D-001", RepName: "鈴木", Account: "Globex",
		Created: model.D(2026, 11, 1), Outcome: model.OutcomeOpen})
	if err != nil {
		t.Fatal(err)
	}
	a := entryApp(t, st, LangJA)
	press(t, a, ":")
	typeText(t, a, "訪問 3 ")
	typeText(t, a, "田中")
	typeText(t, a, " ")
	typeText(t, a, "昨日")
	typeText(t, a, " @ACME")
	press(t, a, "enter")
	acts := activities(t, st)
	if len(acts) != 1 || acts[0].Account != "ACME" || acts[0].Count != 3 || !acts[0].Date.Equal(model.D(2026, 11, 25)) {
		t.Fatalf("stored %+v\n%s", acts, screen(a))
	}
	if a.overlay == nil {
		t.Fatal("the line should stay open after a save")
	}
	press(t, a, "up")
	if q := a.overlay.(*quickScreen); q.input.Value() != "訪問 3 田中 昨日 @ACME" {
		t.Fatalf("up recalls %q", q.input.Value())
	}
	sendKeys(t, a, ctrl('u'))
	typeText(t, a, "call ")
	typeText(t, a, "鈴木")
	typeText(t, a, " #D-001")
	press(t, a, "enter")
	acts = activities(t, st)
	var onDeal *model.Activity
	for i := range acts {
		if acts[i].Kind == model.KindCall {
			onDeal = &acts[i]
		}
	}
	if onDeal == nil || onDeal.OpportunityID != dealID || onDeal.Account != "Globex" {
		t.Fatalf("#D-001: %+v", onDeal)
	}
	press(t, a, "enter")
	if a.overlay != nil {
		t.Fatal("enter on an empty line should close the line")
	}
}

// tab completes a verb, a rep and an account after @.
func TestQuickAddTabCompletes(t *testing.T) {
	st := entryStore(t)
	if _, err := st.AddOpportunity(context.Background(), model.Opportunity{RepName: "鈴木", Account: "Globex",
		Created: model.D(2026, 11, 1), Outcome: model.OutcomeOpen}); err != nil {
		t.Fatal(err)
	}
	a := entryApp(t, st, LangEN)
	press(t, a, ":")
	q := a.overlay.(*quickScreen)
	tab := tea.KeyPressMsg{Code: tea.KeyTab}
	typeText(t, a, "vis")
	sendKeys(t, a, tab)
	typeText(t, a, "鈴")
	sendKeys(t, a, tab)
	typeText(t, a, "@Glo")
	sendKeys(t, a, tab)
	if got := q.input.Value(); got != "visit 鈴木 @Globex " {
		t.Fatalf("completed %q", got)
	}
	if !strings.Contains(screen(a), "@Globex") {
		t.Fatalf("screen:\n%s", screen(a))
	}
}
