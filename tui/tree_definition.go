package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

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
	for _, k := range s.data.goals.KPIs {
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
		lines := s.wrapDetail(plainGlyphs.Replace(def))
		lines[0] = label(msgDetailDef) + " " + lines[0]
		return lines
	}
	lines := []string{label(msgDetailDef) + " " + s.Styles.AtRisk.Render(s.T(msgDetailNoDef))}
	if inCatalogue {
		suggestion := plainGlyphs.Replace(s.Lang.Pick(e.DefinitionJA, e.DefinitionEN))
		for _, l := range s.wrapDetail(s.T(msgDetailSuggest, suggestion)) {
			lines = append(lines, padRight("", 13-ansi.StringWidth(l)+ansi.StringWidth(strings.TrimLeft(l, " ")))+
				s.Styles.Muted.Render(strings.TrimLeft(l, " ")))
		}
	}
	return lines
}

// wrapDetail wraps a value of the detail pane to the room right of its
// 13-column label, so a long definition reads whole instead of being cut.
func (s *treeScreen) wrapDetail(text string) []string {
	const indent = 13
	if s.width-indent < 10 {
		return []string{text}
	}
	lines := wrapIndented(text, s.width, indent)
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, strings.Repeat(" ", indent))
	}
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.Repeat(" ", indent) + lines[i]
	}
	return lines
}
