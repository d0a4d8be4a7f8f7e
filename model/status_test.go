package model

import "testing"

func TestAchievementAndStatus(t *testing.T) {
	for _, tc := range []struct {
		actual, target Value
		dir            Direction
		want           Value
		status         Status
	}{
		{Some(95), Some(100), HigherIsBetter, Some(0.95), StatusOnTrack},
		{Some(120), Some(100), HigherIsBetter, Some(1.2), StatusOnTrack},
		{Some(94), Some(100), HigherIsBetter, Some(0.94), StatusAtRisk},
		{Some(80), Some(100), HigherIsBetter, Some(0.8), StatusAtRisk},
		{Some(79), Some(100), HigherIsBetter, Some(0.79), StatusOffTrack},
		{Some(0), Some(100), HigherIsBetter, Some(0), StatusOffTrack},
		// Lower is better: 4 hours against a 2-hour target is half as good.
		{Some(4), Some(2), LowerIsBetter, Some(0.5), StatusOffTrack},
		{Some(1), Some(2), LowerIsBetter, Some(2), StatusOnTrack},
		{Some(0), Some(0.05), LowerIsBetter, Some(1), StatusOnTrack},
		{None, Some(100), HigherIsBetter, None, StatusUnknown},
		{Some(5), None, HigherIsBetter, None, StatusUnknown},
		{Some(5), Some(0), HigherIsBetter, None, StatusUnknown},
		{Some(5), Some(-1), LowerIsBetter, None, StatusUnknown},
	} {
		got := Achievement(tc.actual, tc.target, tc.dir)
		if got.Valid != tc.want.Valid || got.V != tc.want.V || StatusOf(got) != tc.status {
			t.Errorf("Achievement(%v, %v, %s) = %+v %s, want %+v %s", tc.actual, tc.target, tc.dir, got, StatusOf(got), tc.want, tc.status)
		}
	}
}
