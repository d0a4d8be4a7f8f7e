package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// funnelApp is the cockpit on a copy of the demo, on the Funnel tab.
func funnelApp(t *testing.T) (*App, *store.Store) {
	t.Helper()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for i, tab := range tabDefs() {
		if tab.ID == TabFunnel {
			press(t, a, fmt.Sprint(i+1))
		}
	}
	return a, st
}

// TestStageDefinitionRevisedFromTheTab: d, the SQL stage, enter, a
// definition typed, the reason, enter: one revision of SQL from today with
// that text and reason. Without a reason nothing is written.
func TestStageDefinitionRevisedFromTheTab(t *testing.T) {
	a, st := funnelApp(t)
	ctx := context.Background()
	before, err := st.StageDefRevisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	press(t, a, "d", "down", "down", "enter")
	typeText(t, a, "Need, budget and timing confirmed")
	press(t, a, "enter") // no reason yet
	if !strings.Contains(screen(a), LangEN.T(msgDefsNeedWhy)) {
		t.Errorf("no reason asked for:\n%s", screen(a))
	}
	if revs, _ := st.StageDefRevisions(ctx); len(revs) != len(before) {
		t.Fatalf("a revision without a reason was written: %+v", revs[len(before):])
	}
	for range defsFieldReason - defsFieldJA {
		press(t, a, "tab")
	}
	typeText(t, a, "agreed with FS")
	press(t, a, "enter")
	revs, err := st.StageDefRevisions(ctx)
	if err != nil || len(revs) != len(before)+1 {
		t.Fatalf("revisions %d -> %d, %v", len(before), len(revs), err)
	}
	r := revs[len(revs)-1]
	if r.Def.Stage != model.FunnelSQL || r.Def.DefinitionJA != "Need, budget and timing confirmed" || r.Reason != "agreed with FS" ||
		!r.EffectiveFrom.Equal(model.Date(fixedNow)) || r.Def.LimitDays != 5 || r.Def.Owner != model.DeptFieldSales {
		t.Errorf("revision = %+v", r)
	}
	if !strings.Contains(screen(a), "agreed with FS") {
		t.Errorf("the revision is not listed:\n%s", screen(a))
	}
}

// TestFunnelLeadsBehindAFigure: enter on the MQL row lists as many leads
// as the row counts.
func TestFunnelLeadsBehindAFigure(t *testing.T) {
	a, _ := funnelApp(t)
	s := a.screens[a.active].(*funnelScreen)
	want := s.f.Steps[1].Reached
	press(t, a, "down", "enter")
	if s.list == nil || len(s.list.leads) != min(want, funnelLeadsLimit) {
		t.Fatalf("listed %v leads, the MQL row counts %d", s.list, want)
	}
	for _, fl := range s.list.leads {
		if fl.Reached.Before(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)) || !fl.Reached.Before(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("lead %d reached MQL at %v, outside November", fl.ID, fl.Reached)
		}
	}
	press(t, a, "esc")
	if s.list != nil {
		t.Error("esc did not close the list")
	}
}
