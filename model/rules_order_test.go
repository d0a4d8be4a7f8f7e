package model

import (
	"testing"
	"time"
)

// TestStaleRepsWorstFirstThenByName: stale reps come with the longest
// silence first; two reps silent for as long come in name order, whatever
// order the store listed them in.
func TestStaleRepsWorstFirstThenByName(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	last := func(daysAgo int) time.Time { return now.AddDate(0, 0, -daysAgo) }
	in := AlertInput{Now: now, Loc: time.UTC, Rules: DefaultInputRules(), Reps: []RepFact{
		{Name: "鈴木", LastEntered: last(9)},
		{Name: "佐藤", LastEntered: last(9)},
		{Name: "林", LastEntered: last(12)},
		{Name: "田中", LastEntered: last(2)},
	}}
	var got []string
	for _, a := range EvaluateAlerts(in) {
		if a.Kind == AlertStaleRep {
			got = append(got, a.RepName)
		}
	}
	want := []string{"林", "佐藤", "鈴木"} // 12 days, then the two 9-day reps by name
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("stale reps %q, want %q", got, want)
	}
}
