package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestDetailPaneSaysWhenNoDefinition: the demo leaves Leads without a
// definition (the checklist lists it under item 5). Its detail pane says
// so and offers the catalogue's wording only as a suggestion; a KPI with
// a stored definition shows it.
func TestDetailPaneSaysWhenNoDefinition(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	ev, err := st.ChecklistEvidence(context.Background(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.MissingDefinition) != 1 || ev.MissingDefinition[0] != model.MetricLeads {
		t.Fatalf("the demo's KPIs without a definition: %v; this test needs leads alone", ev.MissingDefinition)
	}
	e, _ := model.KPIDefinition(model.MetricLeads)
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 120, 40)
		treeAt(t, a, model.MetricLeads)
		press(t, a, "enter")
		out := screen(a)
		def := lineWith(a, lang.T(msgDetailDef)+" ")
		if !strings.Contains(def, lang.Pick("定義はまだ書かれていません (チェックリスト項目5)", "No definition written yet (checklist item 5)")) {
			t.Errorf("%s: definition line %q:\n%s", lang, def, out)
		}
		catalogue := plainGlyphs.Replace(lang.Pick(e.DefinitionJA, e.DefinitionEN))
		if l := lineWith(a, catalogue); !strings.Contains(l, lang.Pick("候補: ", "Suggestion: ")) {
			t.Errorf("%s: the catalogue's definition is not labelled a suggestion: %q", lang, l)
		}
		press(t, a, "esc")
		treeAt(t, a, model.MetricWinRate)
		press(t, a, "enter")
		w, _ := model.KPIDefinition(model.MetricWinRate)
		start := string([]rune(plainGlyphs.Replace(lang.Pick(w.DefinitionJA, w.DefinitionEN)))[:8])
		if def := lineWith(a, lang.T(msgDetailDef)+" "); !strings.Contains(def, start) || strings.Contains(def, lang.T(msgDetailNoDef)) {
			t.Errorf("%s: win rate's definition line %q", lang, def)
		}
	}
}
