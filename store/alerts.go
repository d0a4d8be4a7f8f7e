package store

import (
	"context"
	"database/sql"
	"fmt"
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
	if in.Deals, err = s.dealFacts(ctx, loc); err != nil {
		return nil, rules, err
	}
	if in.Actions, err = s.OpenActions(ctx); err != nil {
		return nil, rules, err
	}
	if loc == nil {
		loc = time.Local
	}
	defs, err := s.StageDefsAsOf(ctx, model.Date(now.In(loc)))
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
	shift := fmt.Sprintf("%+d seconds", offset)
	rows, err := s.db.QueryContext(ctx, s.timelinessSQL(), model.FormatDate(from), model.FormatDate(to), shift)
	if err != nil {
		return model.Timeliness{}, nil, fmt.Errorf("measure entry timeliness: %w", describe(err))
	}
	defer rows.Close()
	var team model.Timeliness
	per := map[string]model.Timeliness{}
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

// timelinessSQL counts, per rep, the hand-entered records whose event day
// lies in [?1, ?2) and how many of them were entered on that day or the
// next, reading the entry day with the UTC offset ?3 ('+32400 seconds').
// Each table's event-day index holds every column it reads (migration 15).
func (s *Store) timelinessSQL() string {
	entered := s.shiftedDay("at", "?3")
	return `SELECT rep, count(*), sum(CASE WHEN ` + entered + ` <= day THEN 1 ELSE 0 END),
		sum(CASE WHEN ` + entered + ` <= ` + s.nextDay("day") + ` THEN 1 ELSE 0 END)
		FROM (
			SELECT r.name AS rep, a.day AS day, a.entered_at AS at FROM activities a JOIN reps r ON r.id = a.rep_id
			WHERE a.deleted_at IS NULL AND a.imported = 0 AND a.day >= ?1 AND a.day < ?2
			UNION ALL
			SELECT r.name, o.created, o.entered_at FROM opportunities o JOIN reps r ON r.id = o.rep_id
			WHERE o.deleted_at IS NULL AND o.imported = 0 AND o.created >= ?1 AND o.created < ?2
			UNION ALL
			SELECT coalesce(r.name, ''), l.created, l.entered_at FROM leads l LEFT JOIN reps r ON r.id = l.rep_id
			WHERE l.deleted_at IS NULL AND l.imported = 0 AND l.created >= ?1 AND l.created < ?2) AS entries
		GROUP BY rep`
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
	col := map[string][3]string{
		"entered_at": {"a.entered_at", "o.entered_at", "l.entered_at"},
		"event":      {"a.day", "o.created", "l.created"},
	}[by]
	var late [3]string
	if by == "entered_at" {
		late = [3]string{` AND a.entered_at >= a.day || 'T09:59'`, ` AND o.entered_at >= o.created || 'T09:59'`,
			` AND l.entered_at >= l.created || 'T09:59'`}
	}
	q := `SELECT 'activity', a.id, r.name, a.account, a.kind, a.day, a.entered_at
		FROM activities a JOIN reps r ON r.id = a.rep_id WHERE a.deleted_at IS NULL AND a.imported = 0 AND ` + col[0] + ` >= ?1 AND ` + col[0] + ` < ?2` + late[0] + `
		UNION ALL
		SELECT 'opportunity', o.id, r.name, o.account, '', o.created, o.entered_at
		FROM opportunities o JOIN reps r ON r.id = o.rep_id WHERE o.deleted_at IS NULL AND o.imported = 0 AND ` + col[1] + ` >= ?1 AND ` + col[1] + ` < ?2` + late[1] + `
		UNION ALL
		SELECT 'lead', l.id, coalesce(r.name, ''), l.company, '', l.created, l.entered_at
		FROM leads l LEFT JOIN reps r ON r.id = l.rep_id WHERE l.deleted_at IS NULL AND l.imported = 0 AND ` + col[2] + ` >= ?1 AND ` + col[2] + ` < ?2` + late[2]
	rows, err := s.db.QueryContext(ctx, q, from, to)
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

// repFacts lists active reps with the time of their newest live entry.
func (s *Store) repFacts(ctx context.Context) ([]model.RepFact, error) {
	// Each newest entry walks the (rep_id, entered_at) index from the top and
	// stops at the first live row.
	rows, err := s.db.QueryContext(ctx, `SELECT r.name, r.created_at, `+s.greatest()+`(
			coalesce((SELECT entered_at FROM activities WHERE rep_id = r.id AND deleted_at IS NULL ORDER BY entered_at DESC LIMIT 1), ''),
			coalesce((SELECT entered_at FROM opportunities WHERE rep_id = r.id AND deleted_at IS NULL ORDER BY entered_at DESC LIMIT 1), ''),
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

// dealFacts lists live open opportunities with the day they were last
// worked on: their newest activity, or the last change to the deal itself
// (a stage change counts as work on it), whichever is later.
func (s *Store) dealFacts(ctx context.Context, loc *time.Location) ([]model.DealFact, error) {
	if loc == nil {
		loc = time.Local
	}
	// INDEXED BY: left to itself SQLite walks every deal in id order rather
	// than the open ones and a sort of them.
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, coalesce(o.external_id, ''), r.name, o.account, o.created, o.closed,
			(SELECT max(a.day) FROM activities a WHERE a.opportunity_id = o.id AND a.deleted_at IS NULL), o.updated_at
		FROM opportunities o `+s.indexedBy("opportunities_open")+` JOIN reps r ON r.id = o.rep_id
		WHERE o.outcome = 'open' AND o.deleted_at IS NULL ORDER BY o.id`)
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
