package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
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

// TestLeadMovedFromTheList: on the SQL list, m asks to move the selected
// lead; a move back without recycle is refused in one line naming the
// lead and the field and writes nothing; r and enter record the recycle
// at the screen's clock, and the history read back from the store has it.
func TestLeadMovedFromTheList(t *testing.T) {
	a, st := funnelApp(t)
	ctx := context.Background()
	st.SetClock(func() time.Time { return fixedNow.Add(time.Hour) })
	s := a.screens[a.active].(*funnelScreen)
	press(t, a, "down", "down", "enter")
	if s.list == nil || len(s.list.leads) < 2 {
		t.Fatalf("no SQL leads listed: %+v", s.list)
	}
	press(t, a, "down", "m")
	fl := s.list.leads[1]
	if s.move == nil || s.move.lead.ID != fl.ID || s.move.to != fl.Current.Next() && fl.Current != model.FunnelWon {
		t.Fatalf("m on lead %d (at %s) opened %+v", fl.ID, fl.Current, s.move)
	}
	before, err := st.StageHistory(ctx, fl.ID)
	if err != nil {
		t.Fatal(err)
	}
	for range s.move.to.Order() - model.FunnelLead.Order() {
		press(t, a, "left")
	}
	press(t, a, "right", "enter") // MQL, behind the lead's stage, not a recycle
	want := fmt.Sprintf("lead #%d: Stage: MQL is behind the lead's stage %s", fl.ID, catalog.StageWord(LangEN, fl.Current))
	if s.move == nil || !strings.HasPrefix(s.move.err, want) || !strings.Contains(screen(a), want) {
		t.Fatalf("refusal = %+v, want %q on the screen:\n%s", s.move, want, screen(a))
	}
	if h, _ := st.StageHistory(ctx, fl.ID); len(h) != len(before) {
		t.Fatalf("a refused move wrote %d stage rows", len(h)-len(before))
	}
	press(t, a, "r", "enter")
	if s.move != nil {
		t.Fatalf("the recycle was not recorded: %+v", s.move)
	}
	h, err := st.StageHistory(ctx, fl.ID)
	if err != nil || len(h) != len(before)+1 {
		t.Fatalf("history %d -> %d rows, %v", len(before), len(h), err)
	}
	if last := h[len(h)-1]; last.Stage != model.FunnelMQL || !last.Recycle || !last.At.Equal(fixedNow) {
		t.Errorf("recorded %+v, want a recycle to MQL at %v", last, fixedNow)
	}
	if s.list == nil || s.list.nav.cursor != 1 {
		t.Errorf("after the move the list is %+v, want it open on the same lead", s.list)
	}
}

// TestFunnelLeadListNavigation: the list behind a figure takes the keys
// every list takes: G and g to the last and first lead, pgdown by a
// screenful, the wheel, the marker n/N beside the title; / narrows it to
// the leads with the text (counted here from the listed leads), esc clears
// the filter and then closes the list.
func TestFunnelLeadListNavigation(t *testing.T) {
	a, _ := funnelApp(t)
	s := a.screens[a.active].(*funnelScreen)
	press(t, a, "enter") // the Lead row: every lead of November
	n := len(s.list.leads)
	if n < 40 {
		t.Fatalf("%d leads: too few to page through", n)
	}
	marker := func() string {
		f := strings.Fields(lineWith(a, "leads that reached"))
		return f[len(f)-1]
	}
	if got := marker(); got != fmt.Sprintf("1/%d", n) {
		t.Errorf("marker %q, want 1/%d", got, n)
	}
	press(t, a, "G")
	last := s.list.leads[n-1]
	if got := marker(); got != fmt.Sprintf("%d/%d", n, n) || !strings.HasPrefix(strings.TrimSpace(lineWith(a, "> ")), fmt.Sprintf("> %d ", last.ID)) {
		t.Errorf("after G the marker is %q and the cursor on %q, want %d/%d on lead %d", marker(), lineWith(a, "> "), n, n, last.ID)
	}
	press(t, a, "g", "pgdown")
	if s.list.nav.cursor < 10 || !strings.Contains(lineWith(a, "> "), fmt.Sprint(s.list.leads[s.list.nav.cursor].ID)) {
		t.Errorf("pgdown moved the cursor to %d (%q), want a screenful down", s.list.nav.cursor, lineWith(a, "> "))
	}
	press(t, a, "g")
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := marker(); got != fmt.Sprintf("2/%d", n) {
		t.Errorf("after a wheel turn down the marker is %q, want 2/%d", got, n)
	}
	// The filter: the leads from one source, counted here.
	source := s.list.leads[0].Source
	want := 0
	for _, fl := range s.list.leads {
		if strings.Contains(fl.Source, source) || strings.Contains(fl.Company, source) {
			want++
		}
	}
	press(t, a, "/")
	typeText(t, a, source)
	press(t, a, "enter")
	if s.list == nil || s.list.nav.n != want || !strings.Contains(screen(a), fmt.Sprintf("1/%d", want)) {
		t.Fatalf("/%s keeps %v leads, want %d:\n%s", source, s.list.nav.n, want, screen(a))
	}
	press(t, a, "esc")
	if s.list == nil || s.list.nav.n != n {
		t.Fatalf("esc did not clear the filter: %+v", s.list)
	}
	press(t, a, "esc")
	if s.list != nil {
		t.Error("the second esc did not close the list")
	}
}

// TestMoveRefusalWrapsAt80: at 80 columns in both languages a refused
// move's line is on the screen whole, wrapped over lines, none cut.
func TestMoveRefusalWrapsAt80(t *testing.T) {
	for _, lang := range []Lang{LangEN, LangJA} {
		a := newTestApp(t, lang, 80, 24)
		for i, tab := range tabDefs() {
			if tab.ID == TabFunnel {
				press(t, a, fmt.Sprint(i+1))
			}
		}
		s := a.screens[a.active].(*funnelScreen)
		press(t, a, "down", "down", "enter", "m", "left", "left", "left", "left", "left", "enter")
		if s.move == nil || s.move.err == "" {
			t.Fatalf("%s: no refusal:\n%s", lang, screen(a))
		}
		if lipgloss.Width(s.move.err) <= 80 {
			t.Fatalf("%s: the refusal %q fits one line: nothing to wrap", lang, s.move.err)
		}
		// The screen's lines from the refusal's start, joined, hold it all.
		lines := strings.Split(screen(a), "\n")
		first := strings.Fields(s.move.err)[0] + " " + strings.Fields(s.move.err)[1]
		for i, l := range lines {
			if !strings.HasPrefix(l, first) {
				continue
			}
			// Spaces aside: a wrap may fall between two Japanese characters.
			bare := func(s string) string { return strings.Join(strings.Fields(s), "") }
			if !strings.Contains(bare(strings.Join(lines[i:min(i+3, len(lines))], "")), bare(s.move.err)) {
				t.Errorf("%s: the refusal %q is not whole on the screen:\n%s", lang, s.move.err, screen(a))
			}
			break
		}
	}
}

// TestFunnelCountsAreGrouped: the funnel tab writes its counts as every
// screen does, with thousands separators: a fiscal year of the demo has
// more than a thousand leads.
func TestFunnelCountsAreGrouped(t *testing.T) {
	a, _ := funnelApp(t)
	s := a.screens[a.active].(*funnelScreen)
	for i := 0; i < 4 && s.f.Steps[0].Reached < 1000; i++ {
		press(t, a, "p") // week, month, quarter, fiscal year
	}
	n := s.f.Steps[0].Reached
	if n < 1000 || n >= 1_000_000 {
		t.Fatalf("%d leads reached: the test needs a count of four to six digits", n)
	}
	want := fmt.Sprintf("%d,%03d", n/1000, n%1000)
	// The still-open line names each young step's open and reached leads.
	if out := screen(a); !strings.Contains(out, "Still open") || !strings.Contains(out, " of "+want) {
		t.Errorf("the still-open line does not give the %s leads reached as %s:\n%s", want, want, out)
	}
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, "> "), "Lead ") {
			if !strings.Contains(l, " "+want+" ") {
				t.Fatalf("the lead row %q does not show %s", l, want)
			}
			return
		}
	}
	t.Fatalf("no lead row on the screen:\n%s", screen(a))
}
