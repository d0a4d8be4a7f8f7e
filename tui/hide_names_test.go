package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
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
