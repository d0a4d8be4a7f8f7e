package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The goals in force on a day, read from their revisions (revisions.go
// writes them). On each day the most recent revision effective on or
// before it wins; of two effective the same day, the later recorded.
// KGI, KPIs and KPI answer for today by the store's clock.

// fromBeginning is the effective date stored for "in force from the
// beginning": the first revision of every goal, unless given a day.
const fromBeginning = "0001-01-01"

// effectiveText writes the day a revision takes effect; the zero time is
// the beginning.
func effectiveText(day time.Time) string {
	if day.IsZero() {
		return fromBeginning
	}
	return model.Date(day).Format(model.DateLayout)
}

// parseEffective reads an effective date; the beginning is the zero time.
func parseEffective(s string) time.Time {
	t, _ := time.Parse(model.DateLayout, s) // 0001-01-01 is the zero time
	return t
}

// KGI is the goal in force today (by the store's clock). ok is false when
// none has been set yet, which is not an error.
func (s *Store) KGI(ctx context.Context) (model.KGI, bool, error) {
	return s.KGIAsOf(ctx, s.today())
}

// KGIAsOf is the KGI in force on day: the latest revision effective on or
// before day. ok is false when none was in force.
func (s *Store) KGIAsOf(ctx context.Context, day time.Time) (model.KGI, bool, error) {
	k, ok, err := kgiAsOf(ctx, s.db, day)
	if err != nil {
		return model.KGI{}, false, fmt.Errorf("read KGI as of %s: %w", model.FormatDate(day), describe(err))
	}
	return k, ok, nil
}

func kgiAsOf(ctx context.Context, q queryer, day time.Time) (model.KGI, bool, error) {
	var k model.KGI
	var unit, per string
	var deadline sql.NullString
	err := q.QueryRowContext(ctx, `SELECT name_ja, name_en, metric, value, unit, per, deadline FROM kgi_revisions
		WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1`, effectiveText(day)).
		Scan(&k.NameJA, &k.NameEN, &k.Metric, &k.Value, &unit, &per, &deadline)
	if errors.Is(err, sql.ErrNoRows) {
		return model.KGI{}, false, nil
	}
	if err != nil {
		return model.KGI{}, false, err
	}
	k.Unit, k.Per, k.Deadline = model.Unit(unit), model.PeriodKind(per), parseNullDate(deadline)
	return k, true, nil
}

// KPIs lists every KPI in the order they were added, as in force today
// (by the store's clock).
func (s *Store) KPIs(ctx context.Context) ([]model.KPI, error) {
	return s.KPIsAsOf(ctx, s.today())
}

// KPIsAsOf lists every KPI (in the order they were added, like KPIs) with
// the target, target period, deadline, definition, formula and main flag
// in force on day. A KPI none of whose revisions is in force yet on day is
// listed with none of these set: no target, no deadline, empty definition
// and formula, supporting.
func (s *Store) KPIsAsOf(ctx context.Context, day time.Time) ([]model.KPI, error) {
	out, err := kpisAsOf(ctx, s.db, day, "")
	if err != nil {
		return nil, fmt.Errorf("list KPIs as of %s: %w", model.FormatDate(day), describe(err))
	}
	return out, nil
}

// KPI returns one KPI as in force today; ok is false when there is none by
// that key.
func (s *Store) KPI(ctx context.Context, key string) (model.KPI, bool, error) {
	return s.KPIAsOf(ctx, key, s.today())
}

// KPIAsOf returns one KPI as in force on day (see KPIsAsOf); ok is false
// when there is none by that key.
func (s *Store) KPIAsOf(ctx context.Context, key string, day time.Time) (model.KPI, bool, error) {
	ks, err := kpisAsOf(ctx, s.db, day, key)
	if err != nil {
		return model.KPI{}, false, fmt.Errorf("read KPI %s: %w", key, describe(err))
	}
	if len(ks) == 0 {
		return model.KPI{}, false, nil
	}
	return ks[0], true, nil
}

// kpisAsOf reads the KPIs (only key's when key is not empty) and folds
// their revisions effective on or before day over them, oldest first, so
// that for each field the last revision setting it wins.
func kpisAsOf(ctx context.Context, q queryer, day time.Time, key string) ([]model.KPI, error) {
	where, args := "", []any{}
	if key != "" {
		where, args = " WHERE key = ?", []any{key}
	}
	rows, err := q.QueryContext(ctx, `SELECT key, name_ja, name_en, unit, direction, source, department, style
		FROM kpis`+where+` ORDER BY rowid`, args...)
	if err != nil {
		return nil, err
	}
	var out []model.KPI
	index := map[string]int{}
	for rows.Next() {
		var k model.KPI
		var unit, dir, source, dept, style string
		if err := rows.Scan(&k.Key, &k.NameJA, &k.NameEN, &unit, &dir, &source, &dept, &style); err != nil {
			rows.Close()
			return nil, err
		}
		k.Unit, k.Direction, k.Source = model.Unit(unit), model.Direction(dir), model.Source(source)
		k.Department, k.Style = model.Department(dept), model.StyleKey(style)
		k.TargetPer = model.FiscalYear
		index[k.Key] = len(out)
		out = append(out, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	where, args = "", []any{effectiveText(day)}
	if key != "" {
		where, args = " AND kpi_key = ?", append(args, key)
	}
	revs, err := kpiRevisionRows(ctx, q, `WHERE effective_from <= ?`+where+` ORDER BY effective_from, id`, args...)
	if err != nil {
		return nil, err
	}
	for _, r := range revs {
		if i, ok := index[r.Key]; ok {
			model.ApplyKPIFields(&out[i], r.KPI, r.Changed)
		}
	}
	return out, nil
}

// kpiRevisionRows reads revisions of KPIs: tail is the WHERE and ORDER BY.
func kpiRevisionRows(ctx context.Context, q queryer, tail string, args ...any) ([]model.KPIRevision, error) {
	rows, err := q.QueryContext(ctx, `SELECT kpi_key, effective_from, recorded_at, author, reason, changed,
		target, target_per, deadline, definition, formula, main FROM kpi_revisions `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.KPIRevision
	for rows.Next() {
		var r model.KPIRevision
		var from, at, changed, per string
		var target sql.NullFloat64
		var deadline sql.NullString
		if err := rows.Scan(&r.Key, &from, &at, &r.Author, &r.Reason, &changed, &target, &per, &deadline,
			&r.KPI.Definition, &r.KPI.Formula, &r.KPI.Main); err != nil {
			return nil, err
		}
		if r.Changed, err = model.ParseKPIFields(changed); err != nil {
			return nil, fmt.Errorf("revision of KPI %s: %w", r.Key, err)
		}
		r.EffectiveFrom, r.RecordedAt = parseEffective(from), parseTime(at)
		r.KPI.Key, r.KPI.Target, r.KPI.HasTarget = r.Key, target.Float64, target.Valid
		r.KPI.TargetPer, r.KPI.Deadline = model.PeriodKind(per), parseNullDate(deadline)
		out = append(out, r)
	}
	return out, rows.Err()
}
