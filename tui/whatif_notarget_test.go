package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestWhatIfValueOnKPIWithoutTarget: on a KPI with no target, once a value
// is typed the pane shows it (plan — -> what-if 35.0%) instead of still
// asking for a value.
func TestWhatIfValueOnKPIWithoutTarget(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := entryApp(t, entryStore(t), lang)
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		press(t, a, "1", "g")
		typeText(t, a, "10億")
		press(t, a, "enter")
		typeText(t, a, "first KGI")
		press(t, a, "enter", "y", "3", "enter", "y", "2")
		s := treeAt(t, a, "win_rate")
		press(t, a, "w")
		name := s.data.goals.name(lang, "win_rate")
		if out := screen(a); !strings.Contains(out, lang.T(msgWhatIfNoTarget, name)) {
			t.Fatalf("%s: before a value, the pane should ask for one:\n%s", lang, out)
		}
		press(t, a, "e")
		typeText(t, a, "35%")
		press(t, a, "enter")
		out := screen(a)
		if strings.Contains(out, lang.T(msgWhatIfNoTarget, name)) || !strings.Contains(out, "35.0%") ||
			!strings.Contains(out, lang.T(msgWhatIfLeaf, name, undefined, "35.0%", undefined)) {
			t.Errorf("%s: after typing 35%%:\n%s", lang, out)
		}
		// The other leaves still have no value: the verdict names them
		// rather than promising "—" of the KGI.
		if v := ansiStrip(s.verdict()); strings.Contains(v, undefined) || !strings.HasPrefix(v, strings.Split(lang.T(msgVerdictUnset, ""), "(")[0]) {
			t.Errorf("%s: what-if verdict with leaves unset: %q", lang, v)
		}
	}
}
