package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFooterNeverCutsAKey: at 80 columns the what-if footer leaves out
// the keys that do not fit and ends with "...", never a key shown without
// what it does ("w" alone).
func TestFooterNeverCutsAKey(t *testing.T) {
	t.Parallel() // reads the shared demo file or a copy of its own
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, w := range []int{40, 60, 80, 100} {
			a := newTestApp(t, lang, w, 24)
			press(t, a, "2", "w")
			foot := ansi.Strip(a.footer())
			if ansi.StringWidth(foot) > w {
				t.Errorf("%s %d: footer wider than the window: %q", lang, w, foot)
			}
			left := strings.TrimSpace(strings.Split(foot, "   ")[0])
			items := strings.Split(left, "  ")
			for _, it := range items {
				if it != "..." && !strings.Contains(it, " ") {
					t.Errorf("%s %d: footer shows %q without its words: %q", lang, w, it, foot)
				}
			}
		}
	}
}
