package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestHideNamesEverywhere presses h and walks every tab, the review's
// slides, every overlay and the pickers in the entry form: no rep name
// from the store appears anywhere, at a wide and a narrow size. Pressed
// again, the names come back.
func TestHideNamesEverywhere(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	reps, err := st.Reps(context.Background())
	if err != nil || len(reps) == 0 {
		t.Fatal(reps, err)
	}
	var names []string
	for _, r := range reps {
		names = append(names, r.Name)
	}
	check := func(t *testing.T, state, out string) {
		t.Helper()
		for _, n := range names {
			if strings.Contains(out, n) {
				t.Errorf("%s: %q shows while names are hidden:\n%s", state, n, out)
				return
			}
		}
	}
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, sz := range [][2]int{{120, 40}, {80, 24}} {
			a := newTestApp(t, lang, sz[0], sz[1])
			press(t, a, "h")
			for i, tab := range tabDefs() {
				press(t, a, fmt.Sprint(i+1))
				check(t, string(tab.ID), screen(a))
				if tab.ID == TabRecords {
					for k := 0; k < 3; k++ {
						_, cmd := a.Update(keyRight())
						run(t, a, cmd)
						check(t, fmt.Sprintf("records %d", k), screen(a))
					}
				}
				if tab.ID == TabReview {
					press(t, a, "o") // the first open action stays open: its owner was shown hidden
					check(t, "review ask 2", screen(a))
					press(t, a, "o")
					for k := 0; k < 8; k++ {
						check(t, fmt.Sprintf("review slide %d", k+1), screen(a))
						_, cmd := a.Update(keyRight())
						run(t, a, cmd)
					}
					press(t, a, "A")
					check(t, "review action form", screen(a))
					press(t, a, "esc", "H")
					check(t, "review history", screen(a))
					press(t, a, "esc")
				}
			}
			for _, o := range overlayDefs() {
				press(t, a, "1", o.Key(lang).Keys()[0])
				check(t, o.ID, screen(a))
				if o.ID == "alerts" {
					press(t, a, "t")
					check(t, "alerts timeliness", screen(a))
				}
				if o.ID == "entry" {
					_, cmd := a.Update(keyRight()) // an opportunity, then an update with its deal picker
					run(t, a, cmd)
					check(t, "entry opportunity", screen(a))
					_, cmd = a.Update(keyRight())
					run(t, a, cmd)
					check(t, "entry update", screen(a))
				}
				press(t, a, "esc")
			}
			press(t, a, "h", "6")
			out := screen(a)
			shown := false
			for _, n := range names {
				shown = shown || strings.Contains(out, n)
			}
			if !shown {
				t.Errorf("%s %v: h again does not bring the names back:\n%s", lang, sz, out)
			}
		}
	}
}

// TestHideNamesQuickAddConfirmation: with names hidden, the confirmation
// of every quick-add kind names no rep, while the store keeps the rep the
// line named.
func TestHideNamesQuickAddConfirmation(t *testing.T) {
	t.Parallel()
	lines := map[Lang][]string{
		LangJA: {"受注 1200万 ACME 鈴木", "リード 株式会社ABC 山田 田中", "訪問 3 田中"},
		LangEN: {"won 1200万 ACME 鈴木", "lead ABC-Corp Yamada 田中", "visit 3 田中"},
	}
	for lang, ls := range lines {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		a.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
		press(t, a, "h")
		for _, line := range ls {
			press(t, a, ":")
			typeText(t, a, line)
			press(t, a, "enter")
			// The confirmation is the line naming the record's number (the
			// examples under it name reps of their own).
			out := ""
			for _, l := range strings.Split(screen(a), "\n") {
				if strings.Contains(l, " #") {
					out = l
				}
			}
			if !strings.Contains(out, lang.T(msgRvHidden)) {
				t.Errorf("%s: %q: no hidden name in the confirmation:\n%s", lang, line, out)
			}
			for _, n := range []string{"田中", "鈴木"} {
				if strings.Contains(out, n) {
					t.Errorf("%s: %q: %s shows while names are hidden:\n%s", lang, line, n, out)
				}
			}
			press(t, a, "enter")
		}
		if acts := activities(t, st); len(acts) != 1 || acts[0].RepName != "田中" {
			t.Errorf("%s: stored activities %+v, want one by 田中", lang, acts)
		}
	}
}

// TestHideNamesAlertFilter: with names hidden, `/` and a rep's name keeps
// no alert (the filter would otherwise tell who is behind each one); an
// alert's kind word still filters.
func TestHideNamesAlertFilter(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangJA, 120, 40)
	press(t, a, "h", "!")
	p := a.overlay.(*alertsScreen)
	all := len(p.data.alerts)
	rep := p.data.alerts[0].RepName
	press(t, a, "/")
	typeText(t, a, rep)
	press(t, a, "enter")
	if p.nav.n != 0 {
		t.Errorf("/%s keeps %d of %d alerts while names are hidden, want 0:\n%s", rep, p.nav.n, all, screen(a))
	}
	press(t, a, "esc")
	kind := p.data.alerts[0].Kind
	want := 0
	for _, al := range p.data.alerts {
		if al.Kind == kind {
			want++
		}
	}
	press(t, a, "/")
	typeText(t, a, AlertKindWord(LangJA, kind))
	press(t, a, "enter")
	if p.nav.n < want || want == 0 {
		t.Errorf("/%s keeps %d alerts, want at least the %d of that kind", AlertKindWord(LangJA, kind), p.nav.n, want)
	}
}
