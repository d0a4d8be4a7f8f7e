package catalog

import "github.com/kpit-dev/kpit/model"

// The status words, the same vocabulary on every screen and in every command.
var (
	msgStatusOnTrack  = Text{JA: "順調", EN: "On track"}
	msgStatusAtRisk   = Text{JA: "注意", EN: "At risk"}
	msgStatusOffTrack = Text{JA: "未達", EN: "Off track"}
	msgStatusUnknown  = Text{JA: "—", EN: "—"}
)

// StatusWord is a status as its plain word (順調 / On track ...), the same
// vocabulary on every screen and in the command-line output.
func StatusWord(l Lang, st model.Status) string {
	switch st {
	case model.StatusOnTrack:
		return l.T(msgStatusOnTrack)
	case model.StatusAtRisk:
		return l.T(msgStatusAtRisk)
	case model.StatusOffTrack:
		return l.T(msgStatusOffTrack)
	}
	return l.T(msgStatusUnknown)
}
