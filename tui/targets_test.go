package tui

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestSaveWhatIfAsTargets: in what-if mode, s then y stores the what-if
// values as the KPI targets; the verdict then reads from them.
func TestSaveWhatIfAsTargets(t *testing.T) {
	t.Parallel()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, _, err := st.KPI(context.Background(), "win_rate")
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	s := treeAt(t, a, "win_rate")

	press(t, a, "w", "s")
	if s.confirm || !strings.Contains(screen(a), LangEN.T(msgTargetsNothing)) {
		t.Fatalf("s with nothing changed should say so:\n%s", screen(a))
	}
	press(t, a, "+", "+", "s")
	if !s.Capturing() || !strings.Contains(screen(a), "Save 2 KPI targets from the what-if") {
		t.Fatalf("s should ask first:\n%s", screen(a))
	}
	// Each target to change is listed old -> new: the win rate +10% of its plan.
	money := catalog.Money{Lang: LangEN, Currency: model.JPY}
	want := s.data.goals.name(LangEN, "win_rate") + ": " + money.Unit(model.UnitRatio, model.Some(before.Target)) + " -> " +
		money.Unit(model.UnitRatio, model.Some(before.Target*1.1))
	if !strings.Contains(screen(a), want) {
		t.Fatalf("the confirmation should list %q:\n%s", want, screen(a))
	}
	press(t, a, "n") // declined: nothing stored
	if k, _, _ := st.KPI(context.Background(), "win_rate"); k.Target != before.Target {
		t.Fatalf("declined save changed the target to %v", k.Target)
	}
	press(t, a, "s", "y")
	after, _, err := st.KPI(context.Background(), "win_rate")
	if err != nil {
		t.Fatal(err)
	}
	if !after.HasTarget || math.Abs(after.Target-before.Target*1.1) > 1e-12 {
		t.Fatalf("stored win rate target %v, want %v", after.Target, before.Target*1.1)
	}
	if after.NameEN != before.NameEN || after.Main != before.Main {
		t.Errorf("saving a target changed the rest of the definition: %+v -> %+v", before, after)
	}
	if len(s.overrides) != 0 {
		t.Errorf("what-if values should be cleared once saved: %v", s.overrides)
	}
	// Orders won has a target of its own in the demo: it moved with the win
	// rate (42 a month at 30% -> 46.2 at 33%), so the verdict, which lets an
	// inner target stand in for its subtree, moves by the same 10%.
	orders, _, err := st.KPI(context.Background(), "orders_won")
	if err != nil {
		t.Fatal(err)
	}
	tg := demoLeafTargets(t)
	wantOrders := tg["opportunities"] * tg["win_rate"] * 1.1 // per month, like the demo's target
	if orders.TargetPer != model.Month || math.Abs(orders.Target-wantOrders) > 1e-9 {
		t.Errorf("orders won target %v per %s, want %v per month", orders.Target, orders.TargetPer, wantOrders)
	}
	wantRatio := tg["visits"] * 12 * tg["lead_capture_rate"] * tg["lead_to_opportunity_rate"] * tg["win_rate"] * 1.1 *
		tg["avg_deal_size"] / 1e9
	if got := s.plan().Ratio; !got.Valid || math.Abs(got.V-wantRatio) > 1e-9 {
		t.Errorf("verdict after saving %v, want %v", got, wantRatio)
	}
	revs, err := st.KPIRevisions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	revised := map[string]model.KPIRevision{}
	for _, r := range revs[len(revs)-2:] {
		revised[r.Key] = r
	}
	if w, o := revised["win_rate"], revised["orders_won"]; !w.Sets(model.FieldTarget) || !o.Sets(model.FieldTarget) ||
		math.Abs(o.KPI.Target-wantOrders) > 1e-9 || !w.EffectiveFrom.Equal(model.Date(fixedNow)) {
		t.Errorf("revisions of the new targets: %+v", revised)
	}
	if !strings.Contains(screen(a), "Saved 2 KPI targets") {
		t.Errorf("no confirmation line:\n%s", screen(a))
	}
}

func TestPasteIntoWhatIfValue(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	s := treeAt(t, a, "win_rate")
	press(t, a, "w", "e")
	a.Update(tea.PasteMsg{Content: "42%"})
	d := a.screens[0].(*dashboard)
	if s.input.Value() != "42%" || d.kgi.input.Value() != "" {
		t.Fatalf("paste went to %q (tree) and %q (dashboard)", s.input.Value(), d.kgi.input.Value())
	}
	press(t, a, "enter")
	if got := s.overrides["win_rate"].Value; math.Abs(got-0.42) > 1e-12 {
		t.Fatalf("pasted 42%% read as %v", got)
	}
}
