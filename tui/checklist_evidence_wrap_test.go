package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestChecklistEvidenceWraps: right after adopting a style, item 4's
// evidence lists the KPIs without a deadline and those without a target;
// it is shown whole over two lines, not cut mid-list (Japanese at 80x24;
// the longer English at 120x40).
func TestChecklistEvidenceWraps(t *testing.T) {
	t.Parallel()
	for lang, w := range map[Lang]int{LangJA: 80, LangEN: 120} {
		a := entryApp(t, entryStore(t), lang)
		a.Update(tea.WindowSizeMsg{Width: w, Height: 24 + (w-80)/40*16})
		press(t, a, "1", "g")
		typeText(t, a, "10億")
		press(t, a, "enter")
		typeText(t, a, "first KGI")
		press(t, a, "enter", "y", "3", "enter", "y", "4")
		s := a.screens[3].(*checklistScreen)
		for i, r := range s.rows {
			if r.item == 4 && !r.gap {
				s.cursor = i
			}
		}
		ev := ansi.Strip(s.evidenceText(4))
		if ansi.StringWidth(ev) <= w {
			t.Fatalf("%s: item 4's evidence %q fits one line; the test needs a long one", lang, ev)
		}
		squash := strings.NewReplacer(" ", "", "\n", "")
		if out := screen(a); !strings.Contains(squash.Replace(out), squash.Replace(ev)) {
			t.Errorf("%s: evidence %q not shown whole:\n%s", lang, ev, out)
		}
	}
}
