package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// appOn is the cockpit on the database at path, loaded and sized.
func appOn(tb testing.TB, path string, lang Lang, w, h int) (*App, *store.Store) {
	tb.Helper()
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(tb, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a, st
}

// lineWith is the first line of the screen containing s, or "".
func lineWith(a *App, s string) string {
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// cursorLine is the list row under the cursor (it starts with "> ").
func cursorLine(a *App) string {
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.HasPrefix(l, "> ") {
			return l
		}
	}
	return ""
}

func TestChecklistToggleIsSaved(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	a, _ := appOn(t, path, LangEN, 120, 40)
	press(t, a, "4")
	// Item 1: the demo's KGI has a value and a deadline, so the data
	// suggests yes; space cycles on from there to partly, then y sets yes.
	// Item 3 is set to no with n.
	press(t, a, " ", "y", "down", "down", "n")

	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.ChecklistAnswers(context.Background(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1] != model.AnswerYes || got[3] != model.AnswerNo {
		t.Errorf("stored answers %v, want item 1 yes and item 3 no", got)
	}
	h, err := st.ChecklistHistory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, x := range h {
		statuses = append(statuses, fmt.Sprintf("%d:%s", x.Item, x.Status))
		if !x.AnsweredAt.Equal(fixedNow) {
			t.Errorf("answer %d dated %v, want %v", x.Item, x.AnsweredAt, fixedNow)
		}
	}
	if strings.Join(statuses, " ") != "1:partly 1:yes 3:no" {
		t.Errorf("history %v, want 1:partly 1:yes 3:no", statuses)
	}

	// A new cockpit on the file shows the answers as answered (no "?").
	b, _ := appOn(t, path, LangEN, 120, 40)
	press(t, b, "4")
	if l := lineWith(b, "The KGI is one number"); !strings.Contains(l, "[Yes]") {
		t.Errorf("item 1 after reopening: %q", l)
	}
	if l := lineWith(b, "Main KPIs are kept"); !strings.Contains(l, "[No]") {
		t.Errorf("item 3 after reopening: %q", l)
	}
}

func TestChecklistScoreByHandAndPrevious(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "empty.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// An earlier diagnosis on 1 October: every item no, then item 5 yes.
	oct := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= 14; i++ {
		if err := st.SaveChecklistAnswer(context.Background(), model.ChecklistAnswer{Item: i, Status: model.AnswerNo, AnsweredAt: oct}); err != nil {
			t.Fatal(err)
		}
	}
	st.SaveChecklistAnswer(context.Background(), model.ChecklistAnswer{Item: 5, Status: model.AnswerYes, AnsweredAt: oct.Add(time.Hour)})
	st.Close()

	a, _ := appOn(t, path, LangEN, 120, 40)
	press(t, a, "4")
	// Today: yes on 1, 2, 5, 9, 12 (5 points), partly on 3, 6, 7, 13
	// (4 × 0.5 = 2), no on the rest: 7 of 14 = 50%.
	keys := []string{"y", "y", "p", "n", "y", "p", "p", "n", "y", "n", "n", "y", "p", "n"}
	for i, k := range keys {
		press(t, a, k)
		if i < len(keys)-1 {
			press(t, a, "down")
		}
	}
	head := lineWith(a, "Score")
	if !strings.Contains(head, "Score 7/14 (50%)") {
		t.Errorf("header %q, want Score 7/14 (50%%)", head)
	}
	// October: 13 no and item 5 yes = 1 of 14 = 7%.
	if !strings.Contains(head, "Previous 2026-10-01: 1/14 (7%)") {
		t.Errorf("header %q, want the October diagnosis 1/14 (7%%)", head)
	}
	if l := lineWith(a, "answered"); !strings.Contains(l, "14/14 answered") {
		t.Errorf("summary %q", l)
	}
}

func TestChecklistEvidenceOnDemo(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	kpis, err := st.KPIs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var noDeadline []model.KPI
	for _, k := range kpis {
		if k.Deadline.IsZero() {
			noDeadline = append(noDeadline, k)
		}
	}
	if len(noDeadline) == 0 {
		t.Fatal("the demo sets every deadline; this test needs one left out")
	}
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 200, 50)
		press(t, a, "4")
		marker := map[Lang]string{LangJA: fmt.Sprintf("期限のないKPI %d件: ", len(noDeadline)),
			LangEN: fmt.Sprintf("KPIs with no deadline (%d): ", len(noDeadline))}[lang]
		l := lineWith(a, marker)
		if l == "" {
			t.Fatalf("%s: no line names the KPIs without a deadline:\n%s", lang, screen(a))
		}
		for _, k := range noDeadline {
			if name := lang.Pick(k.NameJA, k.NameEN); !strings.Contains(l, name) {
				t.Errorf("%s: %q does not name %s", lang, l, name)
			}
		}
	}
}

func TestChecklistGapJumpsToItsScreen(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	press(t, a, "4")
	// The rows are the 14 items, then the gaps; the first gap on the demo
	// data is item 4 (a KPI without a deadline), fixed on the tree.
	for i := 0; i < 14; i++ {
		press(t, a, "down")
	}
	if l := cursorLine(a); !strings.Contains(l, "-> KPI Tree") {
		t.Fatalf("cursor row %q is not a gap fixed on the tree", l)
	}
	press(t, a, "enter")
	if a.tabs[a.active].ID != TabTree {
		t.Errorf("enter on the gap showed tab %s, want %s", a.tabs[a.active].ID, TabTree)
	}
}

func BenchmarkChecklistView(b *testing.B) {
	a := newTestApp(b, LangJA, 120, 40)
	press(b, a, "4")
	s := a.screens[a.active]
	for b.Loop() {
		_ = s.View()
	}
}

func TestChecklistAndStylesAnySize(t *testing.T) {
	t.Parallel() // reads the shared demo file or a copy of its own
	for _, size := range [][2]int{{40, 12}, {41, 13}, {60, 16}, {200, 50}} {
		for _, lang := range []Lang{LangJA, LangEN} {
			a := newTestApp(t, lang, size[0], size[1])
			// Keys that move around without writing: the demo file is shared.
			for _, tab := range []string{"3", "4"} {
				press(t, a, tab, "down", "down", "pgdown", "up", "[")
				out := screen(a)
				if strings.TrimSpace(out) == "" {
					t.Errorf("%s %v tab %s: empty screen", lang, size, tab)
				}
				for _, l := range strings.Split(out, "\n") {
					if w := lipgloss.Width(l); w > size[0] {
						t.Errorf("%s %v tab %s: line %d wide: %q", lang, size, tab, w, l)
					}
				}
			}
		}
	}
}

// BenchmarkChecklistEvidence is the checklist's load on the demo data (run
// in a command at start and on ctrl+r, never inside Update).
func BenchmarkChecklistEvidence(b *testing.B) {
	st := openDemo(b)
	for b.Loop() {
		if _, err := st.ChecklistEvidence(context.Background(), fixedNow); err != nil {
			b.Fatal(err)
		}
	}
}

func TestChecklistGapOpensAlertsPane(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	press(t, a, "4")
	// Down past the 14 items to the gap on item 9 (alerts), fixed in the
	// alerts pane, an overlay rather than a tab.
	for i := 0; i < 14; i++ {
		press(t, a, "down")
	}
	for i := 0; i < 6 && !strings.Contains(cursorLine(a), "-> Alerts"); i++ {
		press(t, a, "down")
	}
	if l := cursorLine(a); !strings.Contains(l, "-> Alerts") {
		t.Fatalf("no gap fixed in the alerts pane on the demo data; cursor on %q", l)
	}
	press(t, a, "enter")
	if a.overlay == nil {
		t.Errorf("enter on the alerts gap opened no pane:\n%s", screen(a))
	}
}

func TestChecklistWheelScrolls(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 80, 24)
	press(t, a, "4")
	if strings.Contains(screen(a), "Gaps:") && lineWith(a, "Pattern 1") != "" {
		t.Fatal("the gaps fit at 80x24 already; nothing to scroll")
	}
	for i := 0; i < 16; i++ {
		_, cmd := a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		run(t, a, cmd)
	}
	// Row 17 is the third gap: the gaps have scrolled into view.
	if lineWith(a, "Pattern 1") == "" || !strings.Contains(cursorLine(a), "->") {
		t.Errorf("after 16 wheel steps the cursor is on %q:\n%s", cursorLine(a), screen(a))
	}
	for i := 0; i < 40; i++ {
		_, cmd := a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
		run(t, a, cmd)
	}
	if l := cursorLine(a); !strings.Contains(l, "The KGI is one number") {
		t.Errorf("wheel up to the top: cursor on %q", l)
	}
}
