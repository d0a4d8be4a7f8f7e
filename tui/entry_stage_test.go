package tui

import (
	"context"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// Marking an open deal won or lost in the entry form sets its stage to the
// outcome's word when the user left the stage as it was (提案 becomes 受注,
// in the English cockpit too: the stored stage is data, the same whichever
// way the deal was closed), a word the importer's default --won/--lost read
// back as that outcome; a stage the user typed is kept.
func TestEntryCloseSetsTheOutcomeStage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang      Lang
		won, lost string
	}{{LangJA, "受注", "失注"}, {LangEN, "受注", "失注"}} {
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
				// The deal's stage comes selected: end keeps it and adds to it.
				arrow(t, a, tea.KeyEnd, 1)
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
		if !slices.Contains(importer.DefaultWon, c.won) || !slices.Contains(importer.DefaultLost, c.lost) {
			t.Errorf("%s: %q/%q are not the importer's default won/lost words", c.lang, c.won, c.lost)
		}
	}
}
