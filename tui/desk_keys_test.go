package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// quits reports whether cmd (or a command it batches) quits the program.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch m := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range m {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

// q closes a pane or the help; it quits only from a tab.
func TestQClosesPanesAndQuitsFromATab(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	press(t, a, "!")
	if _, cmd := a.Update(keyMsg("q")); quits(cmd) || a.overlay != nil {
		t.Fatalf("q in the alerts pane should close it, not quit (overlay %v)", a.overlay != nil)
	}
	press(t, a, "?")
	if _, cmd := a.Update(keyMsg("q")); quits(cmd) || a.showHelp {
		t.Fatal("q in the help should close it, not quit")
	}
	if _, cmd := a.Update(keyMsg("q")); !quits(cmd) {
		t.Fatal("q on a tab should quit")
	}
}

// With what-if values not saved, q asks first: n stays, y quits.
func TestQAsksWithUnsavedWhatIf(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 120, 40)
		treeAt(t, a, "win_rate")
		press(t, a, "w", "+")
		if _, cmd := a.Update(keyMsg("q")); quits(cmd) {
			t.Fatalf("%s: q quit at once, dropping the what-if", lang)
		}
		if !strings.Contains(screen(a), lang.T(msgQuitWhatIf, 1)) {
			t.Fatalf("%s: no question:\n%s", lang, screen(a))
		}
		if _, cmd := a.Update(keyMsg("n")); quits(cmd) {
			t.Fatalf("%s: n quit", lang)
		}
		a.Update(keyMsg("q"))
		if _, cmd := a.Update(keyMsg("y")); !quits(cmd) {
			t.Fatalf("%s: y should quit", lang)
		}
	}
}

// A key that cannot act says why in the footer.
func TestKeysThatCannotActSayWhy(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	press(t, a, "]") // the dashboard shows the month holding today
	if l := lastLine(a); !strings.Contains(l, LangEN.T(msgNoLaterPeriod)) {
		t.Errorf("] past the current period: footer %q", l)
	}
	press(t, a, "2", "t") // the tree's cursor starts on the KGI
	if l := lastLine(a); !strings.Contains(l, "The KGI is set with g on the dashboard") {
		t.Errorf("t on the KGI: footer %q", l)
	}
}

func lastLine(a *App) string {
	lines := strings.Split(screen(a), "\n")
	return lines[len(lines)-1]
}

// The footer shows the keys that work from every tab; a click on the
// badge opens the alerts, a click on a row selects it.
func TestFooterGlobalsAndClicks(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	if l := lastLine(a); !strings.Contains(l, "a : ! i") {
		t.Errorf("footer lacks the global keys: %q", l)
	}
	_, cmd := a.Update(tea.MouseClickMsg{X: 118, Y: 0, Button: tea.MouseLeft})
	run(t, a, cmd)
	if _, ok := a.overlay.(*alertsScreen); !ok {
		t.Fatalf("a click on the badge should open the alerts:\n%s", screen(a))
	}
	press(t, a, "esc")
	d := a.screens[0].(*dashboard)
	// The third KPI row: find its line on screen.
	lines := strings.Split(screen(a), "\n")
	name := d.data.goals.name(LangEN, d.rows()[2])
	for y, l := range lines {
		if strings.HasPrefix(l, "  "+name+" ") {
			_, cmd := a.Update(tea.MouseClickMsg{X: 4, Y: y, Button: tea.MouseLeft})
			run(t, a, cmd)
		}
	}
	if d.nav.cursor != 2 {
		t.Fatalf("a click on %q selected row %d", name, d.nav.cursor)
	}
}

// Checklist items 8 and 9 agree on an empty database: the default entry
// deadline that item 9 counts late entries against is a rule to item 8.
func TestChecklistDeadlineByDefaultIsARule(t *testing.T) {
	for _, lang := range []Lang{LangJA, LangEN} {
		a := entryApp(t, entryStore(t), lang)
		showTab(t, a, TabChecklist)
		s := a.screens[a.active].(*checklistScreen)
		ev8, ev9 := s.evidenceText(8), s.evidenceText(9)
		if strings.Contains(ev8, lang.T(msgEvRulesNone)) {
			t.Errorf("%s: item 8 says no rule (%q) while item 9 says %q", lang, ev8, ev9)
		}
		word := deadlineRuleWord(lang, "next-business-day")
		if !strings.Contains(ev8, word) || !strings.Contains(ev9, word) {
			t.Errorf("%s: items 8 (%q) and 9 (%q) should both name the deadline %q", lang, ev8, ev9, word)
		}
	}
}

// The entry form asks before esc or q drops what was typed: n goes back to
// the form with the value kept, y closes it. A form left as it opened
// closes at once, and q typed into a text field is a letter.
func TestEntryFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 80, 24)
		press(t, a, "a")
		if _, ok := a.overlay.(*entryScreen); !ok {
			t.Fatalf("%s: a opens no entry form", lang)
		}
		press(t, a, "q") // on the kind: nothing typed, the form closes
		if a.overlay != nil {
			t.Fatalf("%s: q on an untouched form should close it:\n%s", lang, screen(a))
		}
		press(t, a, "a", "down", "down", "3") // count: 1 -> 3
		e := a.overlay.(*entryScreen)
		if got := e.form.get("count"); got != "3" {
			t.Fatalf("%s: count %q, want 3", lang, got)
		}
		ask := lang.T(msgEntryDropAsk)
		for _, closeKey := range []string{"esc", "q"} {
			if closeKey == "q" {
				press(t, a, "up", "up") // q on a text field is a letter: ask from the kind
			}
			press(t, a, closeKey)
			if a.overlay == nil || !strings.Contains(screen(a), ask) {
				t.Fatalf("%s: %s dropped the typed count without asking:\n%s", lang, closeKey, screen(a))
			}
			press(t, a, "n")
			if a.overlay == nil || strings.Contains(screen(a), ask) || e.form.get("count") != "3" {
				t.Fatalf("%s: n should go back to the form with count 3:\n%s", lang, screen(a))
			}
		}
		press(t, a, "esc", "y")
		if a.overlay != nil {
			t.Fatalf("%s: y should drop the form:\n%s", lang, screen(a))
		}
	}
}

// A click on an alert in the alerts pane selects it, as on any list.
func TestClickSelectsAnAlert(t *testing.T) {
	t.Parallel()
	for _, sz := range goldenSizes {
		a := newTestApp(t, LangEN, sz[0], sz[1])
		press(t, a, "!")
		lines := strings.Split(screen(a), "\n")
		y, seen := -1, 0
		for i, l := range lines {
			if strings.Contains(l, "│   [") {
				if seen++; seen == 3 {
					y = i
					break
				}
			}
		}
		if y < 0 {
			t.Fatalf("%v: fewer than 3 unselected alerts:\n%s", sz, screen(a))
		}
		a.Update(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
		after := strings.Split(screen(a), "\n")
		if !strings.Contains(after[y], "│ > [") {
			t.Fatalf("%v: the clicked line %d is not selected:\n%s", sz, y, screen(a))
		}
		if p, ok := a.overlay.(*alertsScreen); !ok || p.nav.cursor != 3 {
			t.Errorf("%v: cursor not on the 4th alert", sz)
		}
	}
}

// With quit rebound to x, x asks about unsaved what-if values as q did:
// the screen reads the quit binding, not the letter q.
func TestReboundQuitAsksWithUnsavedWhatIf(t *testing.T) {
	t.Parallel()
	a := New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true,
		Keys: KeyOverrides{"quit": {"x"}}})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	treeAt(t, a, "win_rate")
	press(t, a, "w", "+")
	if _, cmd := a.Update(keyMsg("x")); quits(cmd) {
		t.Fatal("x quit at once, dropping the what-if")
	}
	if !strings.Contains(screen(a), LangEN.T(msgQuitWhatIf, 1)) {
		t.Fatalf("x asked nothing:\n%s", screen(a))
	}
	if _, cmd := a.Update(keyMsg("y")); !quits(cmd) {
		t.Fatal("y should quit")
	}
}
