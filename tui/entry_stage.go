package tui

import (
	"strings"

	"golang.org/x/text/width"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// Outcome stage words: what the entry form stores as a deal's stage when
// it marks the deal won or lost and the user left the stage as it was.
// They are among the importer's default --won and --lost values, so an
// export read back in keeps the outcome.
var (
	msgStageWon  = Text{JA: "受注", EN: "Won"}
	msgStageLost = Text{JA: "失注", EN: "Lost"}
)

// closingStage is the stage to store for a deal going from outcome `was`
// to `now` with the stage typed as `typed` over the stage `before`: the
// outcome's word when the deal is newly won or lost and the user did not
// touch the stage (unless it already says that outcome), else what was typed.
func closingStage(l Lang, was, now model.Outcome, before, typed string) string {
	typed = strings.TrimSpace(typed)
	if now == was || typed != strings.TrimSpace(before) {
		return typed
	}
	var word Text
	var known []string
	switch now {
	case model.OutcomeWon:
		word, known = msgStageWon, importer.DefaultWon
	case model.OutcomeLost:
		word, known = msgStageLost, importer.DefaultLost
	default:
		return typed
	}
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(width.Fold.String(s)), " ")) }
	for _, k := range known {
		if fold(typed) == fold(k) {
			return typed
		}
	}
	return l.T(word)
}
