package model

// Status is how a KPI stands against its target. It is always shown with a
// word or symbol, never by colour alone.
type Status string

const (
	StatusOnTrack  Status = "on_track"
	StatusAtRisk   Status = "at_risk"
	StatusOffTrack Status = "off_track"
	StatusUnknown  Status = "unknown" // no target or no value
)

// The status thresholds, defined once: achievement (actual ÷ target, or its
// inverse for lower-is-better KPIs, against the pace-adjusted target) at or
// above OnTrackAt is on track, at or above AtRiskAt is at risk.
const (
	OnTrackAt = 0.95
	AtRiskAt  = 0.80
)

// Achievement is actual over target for higher-is-better KPIs and target over
// actual for lower-is-better ones, undefined without a positive target.
func Achievement(actual, target Value, dir Direction) Value {
	if !actual.Valid || !target.Valid || target.V <= 0 {
		return None
	}
	if dir == LowerIsBetter {
		if actual.V <= 0 {
			return Some(1)
		}
		return Some(target.V / actual.V)
	}
	return Some(actual.V / target.V)
}

// StatusOf maps an achievement to a status.
func StatusOf(achievement Value) Status {
	switch {
	case !achievement.Valid:
		return StatusUnknown
	case achievement.V >= OnTrackAt:
		return StatusOnTrack
	case achievement.V >= AtRiskAt:
		return StatusAtRisk
	default:
		return StatusOffTrack
	}
}
