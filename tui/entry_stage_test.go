package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// Marking an open deal won or lost in the entry form sets its stage to the
// outcome's word when the user left the stage as it was (提案 becomes 受注,
// or Won in English), a word the importer's default --won/--lost read back
// as that outcome; a stage the user typed is kept.
func TestEntryCloseSetsTheOutcomeStage(t *testing.T) {
	for _, c := range []struct {
		lang      Lang
		won, lost string
	}{{LangJA, "受注", "失注"}, {LangEN, "Won", "Lost"}} {
		st := entryStore(t)
		ctx := context.Background()
		var ids []int64
		for _, acct := range []string{"ACME", "BETA", "GAMMA"} {
			id, err := st.AddOpportunity(ctx, model.Opportunity{RepName: "鈴木", Account: acct, Created: model.D(2026, 11, 2),
				Stage: "提案", Outcome: model.OutcomeOpen})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		a := entryApp(t, st, c.lang)
		closeDeal := func(deal int, lost bool, amount, stageSuffix string) {
			press(t, a, "a", "up")
			arrow(t, a, tea.KeyRight, 2) // activity -> new opportunity -> update opportunity
			press(t, a, "down")
			arrow(t, a, tea.KeyRight, deal)
			press(t, a, "down")
			if lost {
				arrow(t, a, tea.KeyRight, 1)
			}
			press(t, a, "down")
			typeText(t, a, amount)
			press(t, a, "down")
			if stageSuffix != "" {
				typeText(t, a, stageSuffix)
			}
			press(t, a, "enter")
		}
		// The form offers the newest open deal first: GAMMA, then BETA, then ACME.
		closeDeal(0, false, "1200万", "")
		closeDeal(0, true, "", "")
		closeDeal(0, false, "300万", " 最終")
		stage := func(id int64) (string, model.Outcome) {
			o, err := st.Opportunity(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return o.Stage, o.Outcome
		}
		if s, o := stage(ids[2]); s != c.won || o != model.OutcomeWon {
			t.Errorf("%s: won deal stage %q %s, want %q", c.lang, s, o, c.won)
		}
		if s, o := stage(ids[1]); s != c.lost || o != model.OutcomeLost {
			t.Errorf("%s: lost deal stage %q %s, want %q", c.lang, s, o, c.lost)
		}
		if s, o := stage(ids[0]); s != "提案 最終" || o != model.OutcomeWon {
			t.Errorf("%s: a typed stage %q %s, want 提案 最終 kept", c.lang, s, o)
		}
		// The importer's default words read the stored stages back.
		low := func(xs []string) []string {
			out := make([]string, len(xs))
			for i, x := range xs {
				out[i] = strings.ToLower(x)
			}
			return out
		}
		if !slices.Contains(low(importer.DefaultWon), strings.ToLower(c.won)) || !slices.Contains(low(importer.DefaultLost), strings.ToLower(c.lost)) {
			t.Errorf("%s: %q/%q are not the importer's default won/lost words", c.lang, c.won, c.lost)
		}
	}
}

// Editing a deal: a newly won deal's untouched stage becomes 受注; a deal
// already won keeps its stage; a stage the user changed is kept.
func TestClosingStage(t *testing.T) {
	cases := []struct {
		was, now      model.Outcome
		before, typed string
		want          string
	}{
		{model.OutcomeOpen, model.OutcomeWon, "提案", "提案", "受注"},
		{model.OutcomeOpen, model.OutcomeLost, "提案", " 提案 ", "失注"},
		{model.OutcomeWon, model.OutcomeLost, "受注", "受注", "失注"},
		{model.OutcomeWon, model.OutcomeWon, "提案", "提案", "提案"},
		{model.OutcomeOpen, model.OutcomeWon, "提案", "契約締結", "契約締結"},
		{model.OutcomeOpen, model.OutcomeWon, "Closed Won", "Closed Won", "Closed Won"},
		{model.OutcomeOpen, model.OutcomeOpen, "提案", "提案", "提案"},
	}
	for _, c := range cases {
		if got := closingStage(LangJA, c.was, c.now, c.before, c.typed); got != c.want {
			t.Errorf("%s -> %s, stage %q typed %q: %q, want %q", c.was, c.now, c.before, c.typed, got, c.want)
		}
	}
}
