package tui

import (
	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// The wording of alerts, input rules and timeliness is the catalogue's,
// shared with `kpit alerts` and `kpit rules`; these names keep the alerts
// pane and the settings short.

func recordKindWord(l Lang, k model.RecordKind) string { return catalog.RecordKindWord(l, k) }

// AlertText is one alert as a sentence, without its severity (catalog.AlertText).
func AlertText(l Lang, a model.Alert) string { return catalog.AlertText(l, a) }

// AlertKindWord is the short name of an alert rule (catalog.AlertKindWord).
func AlertKindWord(l Lang, k model.AlertKind) string { return catalog.AlertKindWord(l, k) }

// DeadlineWord describes an entry deadline (catalog.DeadlineWord).
func DeadlineWord(l Lang, d model.EntryDeadline) string { return catalog.DeadlineWord(l, d) }

// RulesLines lists the input rules, one per line (catalog.RulesLines).
func RulesLines(l Lang, r model.InputRules) []string { return catalog.RulesLines(l, r) }

// TimelinessLines shows the team's and each rep's timeliness (catalog.TimelinessLines).
func TimelinessLines(l Lang, team model.Timeliness, perRep map[string]model.Timeliness) []string {
	return catalog.TimelinessLines(l, team, perRep)
}
