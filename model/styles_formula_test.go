package model

import (
	"testing"
	"unicode"
)

// TestCatalogueFormulasInBothLanguages: every catalogue KPI says how it is
// computed in Japanese and in English, the Japanese in Japanese words (not
// the English copied), and the stored formula is the English text the
// demo and adopted styles have always stored.
func TestCatalogueFormulasInBothLanguages(t *testing.T) {
	japanese := func(s string) bool {
		for _, r := range s {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				return true
			}
		}
		return false
	}
	es := KPIDefinitions()
	if len(es) < 40 {
		t.Fatalf("the catalogue holds %d KPIs, want the 40 of the styles and the tree", len(es))
	}
	for _, e := range es {
		t.Run(e.KPI.Key, func(t *testing.T) {
			switch {
			case e.FormulaJA == "":
				t.Errorf("no Japanese formula")
			case !japanese(e.FormulaJA):
				t.Errorf("Japanese formula %q has no Japanese word", e.FormulaJA)
			}
			if e.FormulaEN == "" {
				t.Errorf("no English formula")
			}
			if japanese(e.FormulaEN) {
				t.Errorf("English formula %q holds Japanese", e.FormulaEN)
			}
			if e.KPI.Formula != e.FormulaEN {
				t.Errorf("stored formula %q, want the English %q", e.KPI.Formula, e.FormulaEN)
			}
		})
	}
	// Two hand-checked pairs, so a swap or a shifted table shows.
	for key, want := range map[string][2]string{
		MetricWinRate:     {"受注 ÷ (受注 + 失注)、期間内に決着した商談", "won / (won + lost), closed in period"},
		MetricAvgDealSize: {"売上 ÷ 受注件数", "revenue / orders won"},
	} {
		e, _ := KPIDefinition(key)
		if e.FormulaJA != want[0] || e.FormulaEN != want[1] {
			t.Errorf("%s: formulas %q / %q, want %q / %q", key, e.FormulaJA, e.FormulaEN, want[0], want[1])
		}
	}
}
