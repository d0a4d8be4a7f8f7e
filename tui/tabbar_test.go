package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// At 120 columns every tab title stays readable in both languages, whichever
// tab is active, and a click on a title still opens its tab. At 80 columns
// eight Japanese titles do not fit: the bar still fits, the active tab shows
// its full title and every other tab at least its short one.
func TestEveryTabTitleFitsAtEightyColumns(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 80, 24)
		for active, td := range tabDefs() {
			a.active = active
			bar := strings.Split(screen(a), "\n")[0]
			if w := lipgloss.Width(bar); w > 80 {
				t.Fatalf("%s, tab %d active: bar is %d columns wide: %q", lang, active+1, w, bar)
			}
			if title := lang.T(td.Title); !strings.Contains(bar, title) {
				t.Fatalf("%s, tab %d active: bar %q lacks its title %q", lang, active+1, bar, title)
			}
			for i, other := range tabDefs() {
				if i != active && !strings.Contains(bar, lang.T(other.Short)) && !strings.Contains(bar, lang.T(other.Title)) {
					t.Fatalf("%s, tab %d active: bar %q lacks %q, not even short", lang, active+1, bar, lang.T(other.Short))
				}
			}
		}
		a = newTestApp(t, lang, 120, 40)
		for active := range tabDefs() {
			a.active = active
			bar := strings.Split(screen(a), "\n")[0]
			if w := lipgloss.Width(bar); w > 120 {
				t.Fatalf("%s, tab %d active: bar is %d columns wide: %q", lang, active+1, w, bar)
			}
			for i, td := range tabDefs() {
				title := lang.T(td.Title)
				at := strings.Index(bar, title)
				if at < 0 {
					t.Fatalf("%s, tab %d active: bar %q lacks %q", lang, active+1, bar, title)
				}
				a.Update(tea.MouseClickMsg{X: lipgloss.Width(bar[:at]) + 1, Y: 0, Button: tea.MouseLeft})
				if a.active != i {
					t.Fatalf("%s: click on %q opened tab %d", lang, title, a.active+1)
				}
				a.active = active
			}
		}
	}
}
