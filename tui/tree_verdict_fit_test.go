package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestTreeVerdictUnsetFits: a team that has just adopted a style has no
// KPI targets; at 80 columns the verdict names as many of them as fit and
// counts the rest, instead of being cut in the middle of the list.
func TestTreeVerdictUnsetFits(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := entryApp(t, entryStore(t), lang)
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		press(t, a, "1", "g")
		typeText(t, a, "10億")
		press(t, a, "enter")
		typeText(t, a, "first KGI")
		press(t, a, "enter", "y", "3", "enter", "y", "2")
		s := a.screens[1].(*treeScreen)
		line := ansi.Strip(s.verdict())
		more := strings.TrimSpace(strings.TrimPrefix(lang.T(msgAndMore, 0), " "))
		more = more[:strings.IndexAny(more, "0")]
		if ansi.StringWidth(line) > 80 || !strings.HasSuffix(line, ")") || !strings.Contains(line, more) {
			t.Errorf("%s: verdict %q (width %d) does not end whole with the rest counted", lang, line, ansi.StringWidth(line))
		}
		if !strings.Contains(screen(a), line) {
			t.Errorf("%s: verdict not on screen:\n%s", lang, screen(a))
		}
	}
}
