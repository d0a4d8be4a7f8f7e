package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestDashboardHasStyleFigures: the new-business KPIs an adopted style adds
// (新規リード数, 新規受注件数) have a figure on the dashboard, the one
// counted here from the raw records, not a dash beside the styles tab's
// number. (A style figure no KPI uses is not computed: it reads the records.)
func TestDashboardHasStyleFigures(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	ctx := context.Background()
	nov := model.PeriodOf(model.Month, fixedNow, model.DefaultFiscalStart)
	firstWin := map[string]model.Opportunity{}
	err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		if o.Outcome != model.OutcomeWon || o.Account == "" || o.Closed.IsZero() {
			return nil
		}
		if f, ok := firstWin[o.Account]; !ok || o.Closed.Before(f.Closed) {
			firstWin[o.Account] = o
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	newOrders := 0
	for _, o := range firstWin {
		if nov.Contains(o.Closed) {
			newOrders++
		}
	}
	leads := 0
	if err := st.ExportLeads(ctx, func(l model.Lead) error {
		if nov.Contains(l.Created) {
			leads++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Adopt the new-business style's figure on a copy, as the styles tab does.
	cp, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	entry, _ := model.KPIDefinition("new_orders_won")
	if err := cp.UpsertKPI(ctx, entry.KPI); err != nil {
		t.Fatal(err)
	}
	a := New(Options{Store: cp, Lang: LangJA, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	d := a.screens[0].(*dashboard)
	for k, want := range map[string]int{"new_orders_won": newOrders, "new_leads": leads} {
		if got := d.data.cur.Values[k]; !got.Valid || got.V != float64(want) {
			t.Errorf("dashboard %s = %v, from the records %d", k, got, want)
		}
	}
}
