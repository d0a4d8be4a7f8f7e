package tui

import (
	"context"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// clearField empties the editor's text (ctrl+u).
func clearField(t *testing.T, a *App) {
	t.Helper()
	_, cmd := a.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	run(t, a, cmd)
}

// reopened reads key's KPI and the revision count from a second store on
// the same file, so the test sees what was written, not what was cached.
func reopened(t *testing.T, path, key string) (model.KPI, int, model.Evidence) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	k, ok, err := st.KPI(ctx, key)
	if err != nil || !ok {
		t.Fatalf("KPI %s: stored %v, %v", key, ok, err)
	}
	revs, err := st.KPIRevisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := st.ChecklistEvidence(ctx, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	return k, len(revs), ev
}

// saveWithReason accepts the value typed (enter), types the reason the
// editor asks for next and saves (enter).
func saveWithReason(t *testing.T, a *App, reason string) {
	t.Helper()
	press(t, a, "enter")
	typeText(t, a, reason)
	press(t, a, "enter")
	// The change is shown, old -> new, and saved on y.
	if !strings.Contains(screen(a), " -> ") || !strings.Contains(screen(a), "(y/n)") {
		t.Fatalf("no confirmation of the change:\n%s", screen(a))
	}
	press(t, a, "y")
}

// jumpFrom presses enter on checklist item's gap, as the gaps list does.
func jumpFrom(t *testing.T, a *App, item int) *treeScreen {
	t.Helper()
	press(t, a, "4")
	run(t, a, a.screens[3].(*checklistScreen).jump(item))
	if a.tabs[a.active].ID != TabTree {
		t.Fatalf("item %d's gap showed tab %s, want the tree", item, a.tabs[a.active].ID)
	}
	return a.screens[1].(*treeScreen)
}

// TestSetDeadlineFromChecklistGap: the demo's one KPI without a deadline
// (lead->opportunity rate) is where item 4's gap lands; d, a date, enter
// stores it, and the checklist no longer lists it.
func TestSetDeadlineFromChecklistGap(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	_, revsBefore, ev := reopened(t, path, model.MetricLeadToOppRate)
	if len(ev.MissingTarget) != 0 || len(ev.MissingDeadline) != 1 || ev.MissingDeadline[0] != model.MetricLeadToOppRate {
		t.Fatalf("the demo's KPIs without a target %v / deadline %v; this test needs lead->opportunity rate alone",
			ev.MissingTarget, ev.MissingDeadline)
	}
	a, _ := appOn(t, path, LangEN, 120, 40)
	name := "Lead→opportunity rate"
	press(t, a, "4")
	if l := lineWith(a, "KPIs with no deadline (1)"); !strings.Contains(l, name) {
		t.Fatalf("the checklist's evidence should name %s: %q\n%s", name, l, screen(a))
	}

	s := jumpFrom(t, a, 4)
	if !s.detail || s.current().Key != model.MetricLeadToOppRate {
		t.Fatalf("the jump should open %s's detail pane, got detail %v on %s", name, s.detail, s.current().Key)
	}
	if l := lineWith(a, "Deadline "); !strings.Contains(l, "No deadline set") {
		t.Errorf("the detail pane should say there is no deadline: %q", l)
	}
	press(t, a, "d")
	typeText(t, a, "2027-03-31")
	saveWithReason(t, a, "test")
	if s.edit != nil {
		t.Fatalf("the editor is still open after a valid date:\n%s", screen(a))
	}
	if l := lineWith(a, "Deadline "); !strings.Contains(l, "2027-03-31") {
		t.Errorf("the detail pane after saving: %q\n%s", l, screen(a))
	}

	k, revsAfter, ev := reopened(t, path, model.MetricLeadToOppRate)
	if !k.Deadline.Equal(model.D(2027, 3, 31)) {
		t.Errorf("stored deadline %v, want 2027-03-31", k.Deadline)
	}
	if revsAfter != revsBefore+1 {
		t.Errorf("revisions %d -> %d, want one more", revsBefore, revsAfter)
	}
	if len(ev.MissingDeadline) != 0 {
		t.Errorf("the store still lists KPIs without a deadline: %v", ev.MissingDeadline)
	}
	// The save reloaded the checklist: its evidence line is gone.
	press(t, a, "esc", "4")
	if l := lineWith(a, "no deadline"); l != "" {
		t.Errorf("the checklist still lists a KPI without a deadline: %q", l)
	}
}

// TestWriteDefinitionFromChecklistGap: item 5's gap lands on Leads, the
// KPI with nothing written; e, a line, enter stores it.
func TestWriteDefinitionFromChecklistGap(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	_, revsBefore, ev := reopened(t, path, model.MetricLeads)
	if len(ev.MissingDefinition) != 1 || ev.MissingDefinition[0] != model.MetricLeads {
		t.Fatalf("the demo's KPIs without a definition: %v; this test needs leads alone", ev.MissingDefinition)
	}
	a, _ := appOn(t, path, LangJA, 120, 40)
	s := jumpFrom(t, a, 5)
	if !s.detail || s.current().Key != model.MetricLeads {
		t.Fatalf("the jump should open the leads' detail pane, got detail %v on %s", s.detail, s.current().Key)
	}
	def := "展示会と問い合わせで得た 新規の連絡先 (重複は除く)"
	press(t, a, "e")
	typeText(t, a, def)
	saveWithReason(t, a, "test")
	if l := lineWith(a, "定義 "); !strings.Contains(l, def) {
		t.Errorf("the detail pane shows %q, want the new definition", l)
	}

	k, revsAfter, ev := reopened(t, path, model.MetricLeads)
	if k.Definition != def {
		t.Errorf("stored definition %q, want %q", k.Definition, def)
	}
	if revsAfter != revsBefore+1 {
		t.Errorf("revisions %d -> %d, want one more", revsBefore, revsAfter)
	}
	if len(ev.MissingDefinition) != 0 {
		t.Errorf("the store still lists KPIs without a definition: %v", ev.MissingDefinition)
	}
	press(t, a, "esc", "4")
	if l := lineWith(a, "定義のないKPI"); l != "" {
		t.Errorf("the checklist still lists a KPI without a definition: %q", l)
	}
}

// TestBadDeadlineKeepsText: 2026-02-30 is no date: one error line, the
// text kept to fix, nothing stored.
func TestBadDeadlineKeepsText(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	_, revsBefore, _ := reopened(t, path, model.MetricLeadToOppRate)
	a, _ := appOn(t, path, LangEN, 120, 40)
	s := treeAt(t, a, model.MetricLeadToOppRate)
	press(t, a, "enter", "d")
	typeText(t, a, "2026-02-30")
	press(t, a, "enter")
	if s.edit == nil || s.edit.text.Value() != "2026-02-30" {
		t.Fatalf("the editor should stay open with the text: %+v", s.edit)
	}
	if l := lineWith(a, "Cannot read the deadline"); !strings.Contains(l, `"2026-02-30" is not a date (want YYYY-MM-DD)`) {
		t.Errorf("error line %q\n%s", l, screen(a))
	}
	if l := lineWith(a, "Deadline (YYYY-MM-DD"); !strings.Contains(l, "2026-02-30") {
		t.Errorf("the prompt does not show the typed text: %q", l)
	}
	k, revsAfter, _ := reopened(t, path, model.MetricLeadToOppRate)
	if !k.Deadline.IsZero() || revsAfter != revsBefore {
		t.Errorf("a bad date stored something: deadline %v, revisions %d -> %d", k.Deadline, revsBefore, revsAfter)
	}
	// Fixed in place: backspace twice, 28, enter.
	press(t, a, "backspace", "backspace")
	typeText(t, a, "28")
	saveWithReason(t, a, "test")
	if k, _, _ := reopened(t, path, model.MetricLeadToOppRate); !k.Deadline.Equal(model.D(2026, 2, 28)) {
		t.Errorf("the corrected date stored %v", k.Deadline)
	}
}

// TestTargetOnRateAndFlow: 150% is refused on a rate; 35% is stored as
// 0.35; a flow keeps the period typed.
func TestTargetOnRateAndFlow(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	before, revsBefore, _ := reopened(t, path, model.MetricWinRate)
	for _, lang := range []Lang{LangEN, LangJA} {
		a, _ := appOn(t, path, lang, 120, 40)
		s := treeAt(t, a, model.MetricWinRate)
		press(t, a, "enter", "t")
		clearField(t, a)
		typeText(t, a, "150%")
		press(t, a, "enter")
		want := lang.Pick(`"150%" は100%を超えています`, `"150%" is over 100%`)
		if s.edit == nil || s.edit.text.Value() != "150%" || !strings.Contains(lineWith(a, want), want) {
			t.Errorf("%s: 150%% on a rate should be refused with %q:\n%s", lang, want, screen(a))
		}
		press(t, a, "esc", "esc")
	}
	k, revsAfter, _ := reopened(t, path, model.MetricWinRate)
	if k.Target != before.Target || revsAfter != revsBefore {
		t.Fatalf("a refused target stored something: %v -> %v, revisions %d -> %d", before.Target, k.Target, revsBefore, revsAfter)
	}

	a, _ := appOn(t, path, LangEN, 120, 40)
	treeAt(t, a, model.MetricWinRate)
	press(t, a, "enter", "t")
	clearField(t, a)
	typeText(t, a, "35%")
	saveWithReason(t, a, "test")
	if k, _, _ := reopened(t, path, model.MetricWinRate); !k.HasTarget || math.Abs(k.Target-0.35) > 1e-12 {
		t.Errorf("35%% stored as %v (has %v), want 0.35", k.Target, k.HasTarget)
	}
	press(t, a, "esc")
	treeAt(t, a, model.MetricOpportunities)
	press(t, a, "enter", "t")
	clearField(t, a)
	typeText(t, a, "40/week")
	saveWithReason(t, a, "test")
	if k, _, _ := reopened(t, path, model.MetricOpportunities); k.Target != 40 || k.TargetPer != model.Week {
		t.Errorf("40/week stored as %v per %s", k.Target, k.TargetPer)
	}
	// A percentage is no count.
	press(t, a, "t")
	clearField(t, a)
	typeText(t, a, "40%")
	press(t, a, "enter")
	if l := lineWith(a, "Cannot read the target"); !strings.Contains(l, "not a rate") {
		t.Errorf("40%% on a count: %q", l)
	}
}

// TestFormulaOnInnerNode: an inner node's formula line is its children;
// one written with f is stored and shown below it.
func TestFormulaOnInnerNode(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	a, _ := appOn(t, path, LangEN, 120, 40)
	s := treeAt(t, a, model.MetricLeads)
	if s.current().IsLeaf() {
		t.Fatal("this test needs leads to be an inner node")
	}
	press(t, a, "enter", "f")
	clearField(t, a)
	typeText(t, a, "count of leads created in the CRM")
	saveWithReason(t, a, "test")
	if k, _, _ := reopened(t, path, model.MetricLeads); k.Formula != "count of leads created in the CRM" {
		t.Errorf("stored formula %q", k.Formula)
	}
	out := screen(a)
	if !strings.Contains(out, "Formula      Leads = ") || !strings.Contains(out, "             count of leads created in the CRM") {
		t.Errorf("the formula lines after saving:\n%s", out)
	}
}

// TestBadDeadlineIsToldInJapanese: the same refusal on a Japanese screen
// is Japanese, naming the typed text.
func TestBadDeadlineIsToldInJapanese(t *testing.T) {
	t.Parallel()
	a, _ := appOn(t, copyDemo(t), LangJA, 120, 40)
	treeAt(t, a, model.MetricLeadToOppRate)
	press(t, a, "enter", "d")
	typeText(t, a, "2026-02-30")
	press(t, a, "enter")
	if l := lineWith(a, "期限を読めません"); !strings.Contains(l, `"2026-02-30" は日付ではありません (YYYY-MM-DD)`) {
		t.Errorf("error line %q\n%s", l, screen(a))
	}
}
