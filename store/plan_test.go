package store

import (
	"strings"
	"testing"
)

// queryPlan is SQLite's EXPLAIN QUERY PLAN of query, its steps joined by
// "; ", for tests that hold a read to the index it was built for.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// The entry-timeliness count (the alerts tab, the Reps tab, kpit alerts)
// reads a range of each table's event-day index and never the table: at a
// million deals a month is 146,000 activities, each a lookup otherwise.
func TestTimelinessReadsOnlyTheEventDayIndexes(t *testing.T) {
	s := openClocked(t)
	text := queryPlan(t, s, s.timelinessSQL(), "2026-10-28", "2026-11-27", "+32400 seconds")
	for _, index := range []string{"COVERING INDEX activities_day", "COVERING INDEX opportunities_created", "COVERING INDEX leads_created"} {
		if !strings.Contains(text, index) {
			t.Errorf("plan %q does not read %s", text, index)
		}
	}
}
