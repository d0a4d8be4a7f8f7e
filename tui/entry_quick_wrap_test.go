package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestQuickAddRefusalWraps: at 80x24 a typo's refusal, which lists the
// kinds it knows, is shown whole (wrapped), not cut at the pane's edge.
func TestQuickAddRefusalWraps(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		press(t, a, ":")
		typeText(t, a, "訪門 3 田中")
		press(t, a, "enter")
		q, ok := a.overlay.(*quickScreen)
		if !ok || q.err == "" {
			t.Fatalf("%s: no refusal:\n%s", lang, screen(a))
		}
		squash := strings.NewReplacer(" ", "", "\n", "", "│", "")
		if out, want := squash.Replace(screen(a)), squash.Replace(q.err); !strings.Contains(out, want) {
			t.Errorf("%s: the refusal %q is not shown whole:\n%s", lang, q.err, screen(a))
		}
		if !strings.Contains(screen(a), ": 訪門 3 田中") {
			t.Errorf("%s: the text typed is not kept:\n%s", lang, screen(a))
		}
	}
}
