package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// TestEntryFormRatesADeal: a new deal entered in the form takes its
// forecast category and expected close date; editing it keeps the category
// unless changed.
func TestEntryFormRatesADeal(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		ctx := context.Background()
		a := entryApp(t, st, lang)
		press(t, a, "a", "up")
		arrow(t, a, tea.KeyRight, 1) // activity -> new opportunity
		press(t, a, "down", "down")  // rep -> account
		typeText(t, a, "ACME")
		press(t, a, "down", "down", "down", "down") // amount, stage, created -> expected close
		typeText(t, a, "2026-12-20")
		press(t, a, "down") // the forecast: unrated
		if !strings.Contains(screen(a), catalog.ForecastName(lang, model.ForecastUnrated)) {
			t.Fatalf("%s: no forecast field:\n%s", lang, screen(a))
		}
		arrow(t, a, tea.KeyRight, 2) // unrated -> commit -> best case
		press(t, a, "enter")
		recs, err := st.Recent(ctx, model.RecordOpportunity, 10)
		if err != nil || len(recs) != 1 {
			t.Fatalf("%s: %d deals, %v:\n%s", lang, len(recs), err, screen(a))
		}
		o := recs[0].Opportunity
		if o.Forecast != model.ForecastBestCase || !o.Closed.Equal(model.D(2026, 12, 20)) || o.Outcome != model.OutcomeOpen {
			t.Fatalf("%s: stored %+v", lang, o)
		}
	}
}

// TestQuickAddRatesADeal: `opp ... 確度A 完了予定:DATE` stores both and
// says them back.
func TestQuickAddRatesADeal(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		press(t, a, ":")
		typeText(t, a, "案件 ACME 鈴木 500万 確度A 完了予定:2026-12-20")
		press(t, a, "enter")
		recs, err := st.Recent(context.Background(), model.RecordOpportunity, 10)
		if err != nil || len(recs) != 1 {
			t.Fatalf("%s: %d deals, %v:\n%s", lang, len(recs), err, screen(a))
		}
		o := recs[0].Opportunity
		if o.Forecast != model.ForecastCommit || !o.Closed.Equal(model.D(2026, 12, 20)) || o.AmountMinor != 5_000_000 {
			t.Fatalf("%s: stored %+v", lang, o)
		}
		if out := screen(a); !strings.Contains(out, catalog.ForecastName(lang, model.ForecastCommit)) || !strings.Contains(out, "2026-12-20") {
			t.Errorf("%s: not said back:\n%s", lang, out)
		}
	}
}
