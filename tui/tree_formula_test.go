package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/width"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// formulaLine is the detail pane's formula line of the KPI key.
func formulaLine(t *testing.T, a *App, lang Lang, key string) string {
	t.Helper()
	treeAt(t, a, key)
	press(t, a, "enter")
	defer press(t, a, "esc")
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, lang.T(msgDetailFormula)+"   ") {
			return l
		}
	}
	t.Fatalf("no formula line:\n%s", screen(a))
	return ""
}

// TestDetailFormulaInUILanguage: the demo stores the catalogue's formula
// for 受注率 (in English, as an adopted style does); the Japanese pane
// reads it in Japanese words, the English pane in English. A formula the
// team wrote itself is shown as written in both.
func TestDetailFormulaInUILanguage(t *testing.T) {
	t.Parallel()
	k, ok, err := openDemo(t).KPI(context.Background(), model.MetricWinRate)
	if err != nil || !ok || k.Formula != "won / (won + lost), closed in period" {
		t.Fatalf("the demo's win rate formula %q (%v, %v); this test needs the catalogue's", k.Formula, ok, err)
	}
	for lang, want := range map[Lang]string{
		LangJA: "受注 / (受注 + 失注)、期間内に決着した商談",
		LangEN: "won / (won + lost), closed in period",
	} {
		a := newTestApp(t, lang, 120, 40)
		l := formulaLine(t, a, lang, model.MetricWinRate)
		if !strings.Contains(l, want) {
			t.Errorf("%s: formula line %q, want %q", lang, l, want)
		}
		if lang == LangJA && strings.Contains(l, "won") {
			t.Errorf("ja: formula line %q holds English", l)
		}
	}

	path := copyDemo(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return fixedNow }) // the change is in force on the cockpit's today
	ctx := context.Background()
	k, _, err = st.KPI(ctx, model.MetricWinRate)
	if err != nil {
		t.Fatal(err)
	}
	k.Formula = "受注 ÷ 提案件数 (営業会議で決定)"
	if err := st.UpsertKPI(ctx, k); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []Lang{LangJA, LangEN} {
		a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if l := formulaLine(t, a, lang, model.MetricWinRate); !strings.Contains(l, "受注 / 提案件数 (営業会議で決定)") {
			t.Errorf("%s: the team's formula is not shown as written: %q", lang, l)
		}
	}
}

// TestCatalogueFormulasPlainWidth: as the pane shows them, no catalogue
// formula holds an East Asian ambiguous-width glyph (two columns on many
// Japanese terminals).
func TestCatalogueFormulasPlainWidth(t *testing.T) {
	t.Parallel()
	for _, e := range model.KPIDefinitions() {
		for _, f := range []string{e.FormulaJA, e.FormulaEN} {
			for _, r := range plainGlyphs.Replace(f) {
				if width.LookupRune(r).Kind() == width.EastAsianAmbiguous {
					t.Errorf("%s: %q holds the ambiguous-width %q", e.KPI.Key, f, r)
				}
			}
		}
	}
}
