package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
)

// TestDetailDefinitionWraps: at 80x24 the win rate's definition, longer
// than the room beside its label, is shown whole on wrapped lines
// indented under the value, and no line is wider than the window.
func TestDetailDefinitionWraps(t *testing.T) {
	t.Parallel()
	w, _ := model.KPIDefinition(model.MetricWinRate)
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 80, 24)
		treeAt(t, a, model.MetricWinRate)
		press(t, a, "enter")
		out := screen(a)
		def := plainGlyphs.Replace(lang.Pick(w.DefinitionJA, w.DefinitionEN))
		squash := strings.NewReplacer(" ", "", "\n", "")
		if !strings.Contains(squash.Replace(out), squash.Replace(def)) {
			t.Errorf("%s: definition %q not shown whole:\n%s", lang, def, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("%s: line wider than 80: %q", lang, l)
			}
		}
	}
}
