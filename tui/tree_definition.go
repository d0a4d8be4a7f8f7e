package tui

import (
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// definitionLines are the detail pane's definition: the one stored for the
// KPI, as the checklist reads it (item 5). The catalogue's wording stands
// in only when the stored text is the catalogue's own (the demo and an
// adopted style store the Japanese), so English shows its translation. A
// KPI with nothing written says so, with the catalogue's definition below
// as a suggestion, never as if it were the team's.
func (s *treeScreen) definitionLines(key string, label func(Text) string) []string {
	stored := ""
	for _, k := range s.data.goals.kpis {
		if k.Key == key {
			stored = strings.TrimSpace(k.Definition)
		}
	}
	e, inCatalogue := model.KPIDefinition(key)
	if stored != "" {
		def := stored
		if inCatalogue && stored == strings.TrimSpace(e.DefinitionJA) {
			def = s.Lang.Pick(e.DefinitionJA, e.DefinitionEN)
		}
		return []string{label(msgDetailDef) + " " + plainGlyphs.Replace(def)}
	}
	lines := []string{label(msgDetailDef) + " " + s.Styles.AtRisk.Render(s.T(msgDetailNoDef))}
	if inCatalogue {
		suggestion := plainGlyphs.Replace(s.Lang.Pick(e.DefinitionJA, e.DefinitionEN))
		lines = append(lines, padRight("", 12)+" "+s.Styles.Muted.Render(s.T(msgDetailSuggest, suggestion)))
	}
	return lines
}
