package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Alerts gathers what the alert rules look at and evaluates them at now in
// the team's time zone loc (model.EvaluateAlerts holds the rules). On an
// open deal the closed column is its expected close date.
func (s *Store) Alerts(ctx context.Context, now time.Time, loc *time.Location) ([]model.Alert, model.InputRules, error) {
	rules, err := s.InputRules(ctx)
	if err != nil {
		return nil, rules, err
	}
	in := model.AlertInput{Now: now, Loc: loc, Rules: rules}
	if !rules.AlertsOn {
		return nil, rules, nil
	}
	// One day more than the window, so a time zone ahead of UTC loses nothing;
	// the rules cut at the local day.
	since := now.AddDate(0, 0, -model.LateEntryWindowDays-1)
	if in.Entries, err = s.entryFacts(ctx, "entered_at", formatTime(since), "9999"); err != nil {
		return nil, rules, err
	}
	if in.Reps, err = s.repFacts(ctx); err != nil {
		return nil, rules, err
	}
	if loc == nil {
		loc = time.Local
	}
	today := model.Date(now.In(loc))
	if in.Deals, err = s.dealFacts(ctx, today, loc); err != nil {
		return nil, rules, err
	}
	if in.Actions, err = s.OpenActions(ctx); err != nil {
		return nil, rules, err
	}
	defs, err := s.StageDefsAsOf(ctx, today)
	if err != nil {
		return nil, rules, err
	}
	if in.Overdue, err = s.StageOverdue(ctx, defs, now, loc); err != nil {
		return nil, rules, err
	}
	alerts, err := s.withoutSnoozed(ctx, model.EvaluateAlerts(in), now.In(loc))
	return alerts, rules, err
}

// Timeliness measures how soon records were entered after their event day,
// over records entered by hand (not imported) whose event day lies in
// [from, to), as model.MeasureTimeliness
// defines it. It counts in SQL, so a fiscal year of records is not carried
// into Go; the entry day is read in loc with loc's UTC offset at the end of
// the range (a daylight-saving change inside the range can move an entry
// made within an hour of midnight by one day).
func (s *Store) Timeliness(ctx context.Context, from, to time.Time, loc *time.Location) (model.Timeliness, map[string]model.Timeliness, error) {
	if loc == nil {
		loc = time.Local
	}
	_, offset := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, loc).Zone()
	// Each event day's two bounds: a record entered before the first (the
	// next midnight in loc, in UTC) was entered on its day or before, one
	// entered before the second by the day after. Written as entered_at is
	// (RFC 3339 in UTC) without the zone letter, so that text order is
	// time order: "…T15:00:00.5Z" sorts after "…T15:00:00".
	var args []any
	days := 0
	for d := model.Date(from); d.Before(model.Date(to)); d = d.AddDate(0, 0, 1) {
		bound := func(n int) string {
			return d.AddDate(0, 0, n).Add(-time.Duration(offset) * time.Second).Format("2006-01-02T15:04:05")
		}
		args = append(args, model.FormatDate(d), bound(1), bound(2))
		days++
	}
	var team model.Timeliness
	per := map[string]model.Timeliness{}
	if days == 0 {
		return team, per, nil
	}
	query := s.timelinessSQL(days)
	// An entry is on its day when entered under 24 h less the zone's
	// offset after the day's midnight in UTC, by the next under 48 h less
	// it: whole quarter hours entry_lags tells apart for every zone on
	// the quarter hour from UTC-12 to UTC+14 (migration 24).
	if same := (86400 - offset) / 900; offset%900 == 0 && same > entryLagEarly && same+96 <= entryLagLate {
		query = `SELECT coalesce(r.name, ''), CAST(sum(e.n) AS BIGINT), CAST(sum(CASE WHEN e.lag < ?3 THEN e.n ELSE 0 END) AS BIGINT),
				CAST(sum(CASE WHEN e.lag < ?4 THEN e.n ELSE 0 END) AS BIGINT)
			FROM entry_lags e LEFT JOIN reps r ON r.id = e.rep_id WHERE e.day >= ?1 AND e.day < ?2
			GROUP BY 1 HAVING sum(e.n) > 0`
		args = []any{model.FormatDate(from), model.FormatDate(to), same, same + 96}
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return model.Timeliness{}, nil, fmt.Errorf("measure entry timeliness: %w", describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		var rep string
		var t model.Timeliness
		if err := rows.Scan(&rep, &t.Total, &t.SameDay, &t.WithinOneDay); err != nil {
			return team, nil, fmt.Errorf("measure entry timeliness: %w", describe(err))
		}
		per[rep] = t
		team.Total += t.Total
		team.SameDay += t.SameDay
		team.WithinOneDay += t.WithinOneDay
	}
	return team, per, describe(rows.Err())
}

// timelinessSQL counts, per rep, the hand-entered records of days event
// days (b: each day and its two bounds, Timeliness) and how many of them
// were entered on that day or by the next. The activities and deals are
// read rep by rep, day by day, from the (rep, event day) indexes, which
// hold every column the count reads (schema 20): the count comes out in
// the reps' order, with no sort of a month of entries (150,000 at a
// million deals) by rep. The few leads, some without a rep, are read by
// their event-day index.
func (s *Store) timelinessSQL(days int) string {
	values := strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", days), ", ")
	count := func(at string) string {
		return `count(*) AS n, sum(CASE WHEN ` + at + ` < b.same THEN 1 ELSE 0 END) AS same,
			sum(CASE WHEN ` + at + ` < b.next THEN 1 ELSE 0 END) AS next`
	}
	return `WITH b(day, same, next) AS (VALUES ` + values + `),
		e(rep_id, n, same, next) AS (
			SELECT r.id, ` + count("a.entered_at") + `
			FROM reps r CROSS JOIN b CROSS JOIN activities a ` + s.indexedBy("activities_rep") + `
			WHERE a.rep_id = r.id AND a.day = b.day AND a.imported = 0 AND a.deleted_at IS NULL GROUP BY r.id
			UNION ALL
			SELECT r.id, ` + count("o.entered_at") + `
			FROM reps r CROSS JOIN b CROSS JOIN opportunities o ` + s.indexedBy("opportunities_rep") + `
			WHERE o.rep_id = r.id AND o.created = b.day AND o.imported = 0 AND o.deleted_at IS NULL GROUP BY r.id
			UNION ALL
			SELECT l.rep_id, ` + count("l.entered_at") + `
			FROM b CROSS JOIN leads l ` + s.indexedBy("leads_created") + `
			WHERE l.created = b.day AND l.imported = 0 AND l.deleted_at IS NULL GROUP BY l.rep_id)
		SELECT coalesce(r.name, ''), CAST(sum(e.n) AS BIGINT), CAST(sum(e.same) AS BIGINT), CAST(sum(e.next) AS BIGINT) FROM e LEFT JOIN reps r ON r.id = e.rep_id
		GROUP BY 1`
}

// entryFacts lists live activities, opportunities and leads whose entered_at
// (by = "entered_at") or event day (by = "event") lies in [from, to). Imported
// records are left out: their entered_at is the import's moment, which says
// nothing about when the rep entered them.
//
// By entered_at, the list is for the late-entry rule, and records entered
// before 09:59 UTC of their event day are left out too: that is still the
// event day (or before it) in every time zone, UTC+14 the furthest ahead,
// and no deadline falls before the event day (model.EntryDeadline.Due), so
// they are on time whatever the rules. At a million deals this keeps 4% of
// the window's 70,000 rows out of Go.
func (s *Store) entryFacts(ctx context.Context, by, from, to string) ([]model.EntryFact, error) {
	rows, err := s.db.QueryContext(ctx, s.entryFactsSQL(by), from, to)
	if err != nil {
		return nil, fmt.Errorf("read entry times: %w", describe(err))
	}
	defer rows.Close()
	var out []model.EntryFact
	for rows.Next() {
		var f model.EntryFact
		var kind, activity, day, at string
		if err := rows.Scan(&kind, &f.ID, &f.RepName, &f.Subject, &activity, &day, &at); err != nil {
			return nil, fmt.Errorf("read entry times: %w", describe(err))
		}
		f.Kind, f.Activity = model.RecordKind(kind), model.ActivityKind(activity)
		f.Event, _ = model.ParseDate(day)
		f.EnteredAt = parseTime(at)
		out = append(out, f)
	}
	return out, describe(rows.Err())
}

// entryFactsSQL is entryFacts' query: ?1 and ?2 bound the column by names.
func (s *Store) entryFactsSQL(by string) string {
	col := map[string][3]string{
		"entered_at": {"a.entered_at", "o.entered_at", "l.entered_at"},
		"event":      {"a.day", "o.created", "l.created"},
	}[by]
	// By entered_at, each table's maybe-late index (schema 21) holds
	// exactly these records, with the columns read.
	var late, index [3]string
	if by == "entered_at" {
		late = [3]string{` AND a.entered_at >= a.day || 'T09:59'`, ` AND o.entered_at >= o.created || 'T09:59'`,
			` AND l.entered_at >= l.created || 'T09:59'`}
		index = [3]string{s.indexedBy("activities_maybe_late"), s.indexedBy("opportunities_maybe_late"), s.indexedBy("leads_maybe_late")}
	}
	return `SELECT 'activity', a.id, r.name, a.account, a.kind, a.day, a.entered_at
		FROM activities a ` + index[0] + ` JOIN reps r ON r.id = a.rep_id WHERE a.imported = 0 AND a.deleted_at IS NULL AND ` + col[0] + ` >= ?1 AND ` + col[0] + ` < ?2` + late[0] + `
		UNION ALL
		SELECT 'opportunity', o.id, r.name, o.account, '', o.created, o.entered_at
		FROM opportunities o ` + index[1] + ` JOIN reps r ON r.id = o.rep_id WHERE o.imported = 0 AND o.deleted_at IS NULL AND ` + col[1] + ` >= ?1 AND ` + col[1] + ` < ?2` + late[1] + `
		UNION ALL
		SELECT 'lead', l.id, coalesce(r.name, ''), l.company, '', l.created, l.entered_at
		FROM leads l ` + index[2] + ` LEFT JOIN reps r ON r.id = l.rep_id WHERE l.imported = 0 AND l.deleted_at IS NULL AND ` + col[2] + ` >= ?1 AND ` + col[2] + ` < ?2` + late[2]
}

// repFacts lists active reps with the time of their newest live entry.
func (s *Store) repFacts(ctx context.Context) ([]model.RepFact, error) {
	// Each newest entry walks the (rep_id, entered_at) index from the top and
	// stops at the first live row.
	rows, err := s.db.QueryContext(ctx, `SELECT r.name, r.created_at, `+s.greatest()+`(
			coalesce((SELECT entered_at FROM activities WHERE rep_id = r.id AND deleted_at IS NULL AND `+pendingHidden("", kindActivities)+` ORDER BY entered_at DESC LIMIT 1), ''),
			coalesce((SELECT entered_at FROM opportunities WHERE rep_id = r.id AND deleted_at IS NULL AND `+pendingHidden("", kindOpportunities)+` ORDER BY entered_at DESC LIMIT 1), ''),
			coalesce((SELECT entered_at FROM leads WHERE rep_id = r.id AND deleted_at IS NULL ORDER BY entered_at DESC LIMIT 1), ''))
		FROM reps r WHERE r.active = 1 ORDER BY r.name`)
	if err != nil {
		return nil, fmt.Errorf("read reps' last entries: %w", describe(err))
	}
	defer rows.Close()
	var out []model.RepFact
	for rows.Next() {
		var f model.RepFact
		var created string
		var last sql.NullString
		if err := rows.Scan(&f.Name, &created, &last); err != nil {
			return nil, fmt.Errorf("read reps' last entries: %w", describe(err))
		}
		f.Since = parseTime(created)
		if last.Valid && last.String != "" {
			f.LastEntered = parseTime(last.String)
		}
		out = append(out, f)
	}
	return out, describe(rows.Err())
}

// dealFacts lists the live open opportunities that can alert on today
// with the day they were last worked on: their newest activity, or the
// last change to the deal itself (a stage change counts as work on it),
// whichever is later. A deal can alert when its expected close has passed
// or when it has not been worked on since model.StallWarnDays before
// today: created by then, no change since and no live activity after.
// The rest, most of the pipeline, are not read, and
// model.EvaluateAlerts judges those read.
func (s *Store) dealFacts(ctx context.Context, today time.Time, loc *time.Location) ([]model.DealFact, error) {
	cut := today.AddDate(0, 0, -model.StallWarnDays)
	// Changed on or before cut in loc: before the next midnight there, in
	// UTC, written as updated_at is without the zone letter (Timeliness).
	next := cut.AddDate(0, 0, 1)
	changedBy := time.Date(next.Year(), next.Month(), next.Day(), 0, 0, 0, 0, loc).UTC().Format("2006-01-02T15:04:05")
	rows, err := s.db.QueryContext(ctx, s.alertDealsSQL(), model.FormatDate(today), changedBy, model.FormatDate(cut))
	if err != nil {
		return nil, fmt.Errorf("read open opportunities: %w", describe(err))
	}
	defer rows.Close()
	var out []model.DealFact
	for rows.Next() {
		var f model.DealFact
		var created, updated string
		var closed, last sql.NullString
		if err := rows.Scan(&f.ID, &f.ExternalID, &f.RepName, &f.Account, &created, &closed, &last, &updated); err != nil {
			return nil, fmt.Errorf("read open opportunities: %w", describe(err))
		}
		f.Created, _ = model.ParseDate(created)
		f.ExpectedClose = parseNullDate(closed)
		f.LastActivity = parseNullDate(last)
		if touched := model.Date(parseTime(updated).In(loc)); touched.After(f.LastActivity) {
			f.LastActivity = touched
		}
		out = append(out, f)
	}
	return out, describe(rows.Err())
}

// alertDealsSQL reads dealFacts' deals: open and past their expected close
// (before ?1), or open, with no live activity after ?3 (open_deal_work's
// range, migration 23), unchanged since before ?2 (a UTC time) and
// created by ?3. INDEXED BY: left to itself SQLite walks every deal in id
// order rather than the open ones past their close.
func (s *Store) alertDealsSQL() string {
	return `SELECT o.id, coalesce(o.external_id, ''), r.name, o.account, o.created, o.closed, nullif(d.last_day, ''), o.updated_at
		FROM opportunities o JOIN reps r ON r.id = o.rep_id JOIN open_deal_work d ON d.opportunity_id = o.id
		WHERE o.id IN (
			SELECT c.id FROM opportunities c ` + s.indexedBy("opportunities_open_close") + `
			WHERE c.outcome = 'open' AND c.deleted_at IS NULL AND c.closed < ?1 AND ` + pendingHidden("c", kindOpportunities) + `
			UNION
			SELECT w.opportunity_id FROM open_deal_work w ` + s.indexedBy("open_deal_work_day") + `
			JOIN opportunities u ON u.id = w.opportunity_id
			WHERE w.last_day <= ?3 AND u.updated_at < ?2 AND u.created <= ?3 AND ` + pendingHidden("u", kindOpportunities) + `)
		ORDER BY o.id`
}
