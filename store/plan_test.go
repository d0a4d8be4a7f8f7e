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
// reads each rep's days from the (rep, event day) indexes and never the
// tables, and does not sort the activities or deals by rep: at a million
// deals a month is 150,000 entries. Only the leads' counts, grouped by
// rep from their event-day index, and the final per-name rows are sorted.
func TestTimelinessReadsOnlyTheEventDayIndexes(t *testing.T) {
	s := openClocked(t)
	text := queryPlan(t, s, s.timelinessSQL(2), "2026-11-25", "2026-11-25T15:00:00", "2026-11-26T15:00:00",
		"2026-11-26", "2026-11-26T15:00:00", "2026-11-27T15:00:00")
	for _, index := range []string{"COVERING INDEX activities_rep (rep_id=? AND day=? AND imported=? AND deleted_at=?)",
		"COVERING INDEX opportunities_rep (rep_id=? AND created=? AND imported=? AND deleted_at=?)", "COVERING INDEX leads_created"} {
		if !strings.Contains(text, index) {
			t.Errorf("plan %q does not read %s", text, index)
		}
	}
	if n := strings.Count(text, "TEMP B-TREE"); n != 2 {
		t.Errorf("plan %q sorts %d times, want 2 (the leads by rep, the rows by name)", text, n)
	}
}

// The open deals that can alert are two index ranges: those past their
// expected close, and those with no activity after a day (open_deal_work),
// each looked up for its last change. No deal's activities are read.
func TestAlertDealsReadTwoRanges(t *testing.T) {
	s := openClocked(t)
	text := queryPlan(t, s, s.alertDealsSQL(), "2026-11-26", "2026-11-19T15:00:00", "2026-11-19")
	if strings.Contains(text, "activities") {
		t.Errorf("plan %q reads activities", text)
	}
	for _, index := range []string{"INDEX opportunities_open_close (closed<?)", "COVERING INDEX open_deal_work_day (last_day<?)"} {
		if !strings.Contains(text, index) {
			t.Errorf("plan %q does not read %s", text, index)
		}
	}
}

// The late-entry rule's records of the last days are a range of each
// table's maybe-late index, which holds every column read: at a million
// deals 3,600 index entries instead of 75,000 and a table lookup each.
func TestLateEntriesReadTheMaybeLateIndexes(t *testing.T) {
	s := openClocked(t)
	text := queryPlan(t, s, s.entryFactsSQL("entered_at"), "2026-11-16T09:00:00Z", "9999")
	for _, index := range []string{"COVERING INDEX activities_maybe_late (entered_at>? AND entered_at<?)",
		"COVERING INDEX opportunities_maybe_late (entered_at>? AND entered_at<?)", "COVERING INDEX leads_maybe_late (entered_at>? AND entered_at<?)"} {
		if !strings.Contains(text, index) {
			t.Errorf("plan %q does not read %s", text, index)
		}
	}
}

// The checklist's counts of the leads with an MQL and an SQL day walk the
// partial indexes of those leads (migration 27), never every lead.
func TestLeadCountsReadThePartialIndexes(t *testing.T) {
	s := openClocked(t)
	if s.pg {
		t.Skip("SQLite's plan")
	}
	text := queryPlan(t, s, leadCountsSQL)
	for _, index := range []string{"COVERING INDEX leads_mql_live", "COVERING INDEX leads_sql_live"} {
		if !strings.Contains(text, index) {
			t.Errorf("plan %q does not read %s", text, index)
		}
	}
	if strings.Contains(text, "SCAN leads\n") || strings.HasSuffix(text, "SCAN leads") {
		t.Errorf("plan %q reads every lead", text)
	}
}
