package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Writing the KGI and the KPIs. A change of the KGI, or of a KPI's target,
// deadline, definition, formula or main flag, is never an overwrite: it is
// a revision, appended with the day it takes effect, its author and its
// reason, so a past period keeps the goal it had (asof.go reads them).
// A KPI's name, unit, direction, source, department and style are what it
// is, not goals: they are updated in place.

// RevisionNote says who makes a change, why, and from which day it holds.
type RevisionNote struct {
	// From is the first day the change is in force; zero means today (by
	// the store's clock). The first revision of a KPI or of the KGI is in
	// force from the beginning whatever From says: there is no earlier goal
	// for past periods to keep.
	From   time.Time
	Author string // empty: CurrentUser()
	Reason string
}

// ErrNoKPI is returned when a revision names a KPI that does not exist.
var ErrNoKPI = errors.New("no such KPI")

// CurrentUser is the author of a change when none is given: the OS user,
// else $USER, else "unknown".
func CurrentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "unknown"
}

// stamp is the effective date, the time and the author of a revision.
type stamp struct {
	from       time.Time // zero: from the beginning
	recordedAt string
	author     string
	reason     string
}

// stampOf fills a note's defaults; first says whether it is the subject's
// first revision.
func (s *Store) stampOf(n RevisionNote, first bool) (stamp, error) {
	st := stamp{from: n.From, recordedAt: formatTime(s.now()), author: strings.TrimSpace(n.Author),
		reason: strings.TrimSpace(n.Reason)}
	if strings.ContainsAny(st.reason, "\r\n") || strings.ContainsAny(st.author, "\r\n") {
		return st, errors.New("a revision's reason and author are one line each")
	}
	if st.author == "" || s.actor != nil {
		// A person known to the team is the author of their writes,
		// whatever the note says.
		st.author = s.Author()
	}
	switch {
	case first:
		st.from = time.Time{}
	case st.from.IsZero():
		st.from = s.today()
	default:
		st.from = model.Date(st.from)
	}
	return st, nil
}

// SetKGI sets (or replaces) the goal from today, as the OS user with no
// reason; see ReviseKGI.
func (s *Store) SetKGI(ctx context.Context, k model.KGI) error {
	return s.ReviseKGI(ctx, k, RevisionNote{})
}

// ReviseKGI records k as the KGI from note.From. A goal equal to the one in
// force on that day writes nothing.
func (s *Store) ReviseKGI(ctx context.Context, k model.KGI, note RevisionNote) error {
	if k.Metric == "" {
		return errors.New("KGI: metric is empty")
	}
	if k.Per == "" {
		k.Per = model.FiscalYear
	}
	if !k.Per.Valid() {
		return fmt.Errorf("KGI: unknown period %q", k.Per)
	}
	if k.Unit == "" {
		k.Unit = model.UnitMoney
	}
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM kgi_revisions`).Scan(&n); err != nil {
			return fmt.Errorf("set KGI: %w", describe(err))
		}
		st, err := s.stampOf(note, n == 0)
		if err != nil {
			return fmt.Errorf("set KGI: %w", err)
		}
		cur, ok, err := kgiAsOf(ctx, tx, st.from)
		if err != nil {
			return fmt.Errorf("set KGI: %w", describe(err))
		}
		if ok && model.SameKGI(cur, k) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO kgi_revisions (effective_from, recorded_at, author, reason,
			name_ja, name_en, metric, value, unit, per, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			effectiveText(st.from), st.recordedAt, st.author, st.reason,
			k.NameJA, k.NameEN, k.Metric, k.Value, string(k.Unit), string(k.Per), nullDate(k.Deadline)); err != nil {
			return fmt.Errorf("set KGI: %w", describe(err))
		}
		return s.refreshKGIRow(ctx, tx)
	})
}

// refreshKGIRow writes the KGI in force today into the kgi table, kept for
// readers of the file.
func (s *Store) refreshKGIRow(ctx context.Context, tx *sql.Tx) error {
	k, ok, err := kgiAsOf(ctx, tx, s.today())
	if err != nil || !ok {
		return describe(err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO kgi (id, name_ja, name_en, metric, value, unit, per, deadline)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en, metric = excluded.metric,
			value = excluded.value, unit = excluded.unit, per = excluded.per, deadline = excluded.deadline`,
		k.NameJA, k.NameEN, k.Metric, k.Value, string(k.Unit), string(k.Per), nullDate(k.Deadline))
	if err != nil {
		return fmt.Errorf("set KGI: %w", describe(err))
	}
	return nil
}

// KGIHistory lists the KGI's revisions, newest first: by effective date,
// then the later recorded first.
func (s *Store) KGIHistory(ctx context.Context) ([]model.KGIRevision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT effective_from, recorded_at, author, reason,
		name_ja, name_en, metric, value, unit, per, deadline FROM kgi_revisions ORDER BY effective_from DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list KGI revisions: %w", describe(err))
	}
	defer rows.Close()
	var out []model.KGIRevision
	for rows.Next() {
		var r model.KGIRevision
		var from, at, unit, per string
		var deadline sql.NullString
		if err := rows.Scan(&from, &at, &r.Author, &r.Reason, &r.KGI.NameJA, &r.KGI.NameEN, &r.KGI.Metric,
			&r.KGI.Value, &unit, &per, &deadline); err != nil {
			return nil, fmt.Errorf("list KGI revisions: %w", describe(err))
		}
		r.EffectiveFrom, r.RecordedAt = parseEffective(from), parseTime(at)
		r.KGI.Unit, r.KGI.Per, r.KGI.Deadline = model.Unit(unit), model.PeriodKind(per), parseNullDate(deadline)
		out = append(out, r)
	}
	return out, describe(rows.Err())
}

// normalizeKPI fills defaults and checks the fields a KPI must have.
func normalizeKPI(k model.KPI) (model.KPI, error) {
	if strings.TrimSpace(k.Key) == "" {
		return k, errors.New("KPI: key is empty")
	}
	if k.Unit == "" {
		k.Unit = model.UnitCount
	}
	if k.Direction == "" {
		k.Direction = model.HigherIsBetter
	}
	if k.Direction != model.HigherIsBetter && k.Direction != model.LowerIsBetter {
		return k, fmt.Errorf("KPI %s: unknown direction %q", k.Key, k.Direction)
	}
	if k.Source == "" {
		k.Source = model.SourceRecords
	}
	if k.Source != model.SourceRecords && k.Source != model.SourceManual {
		return k, fmt.Errorf("KPI %s: unknown source %q", k.Key, k.Source)
	}
	if k.TargetPer == "" {
		k.TargetPer = model.FiscalYear
	}
	if !k.TargetPer.Valid() {
		return k, fmt.Errorf("KPI %s: unknown target period %q", k.Key, k.TargetPer)
	}
	if k.Department != "" && !k.Department.Valid() {
		return k, fmt.Errorf("KPI %s: unknown department %q", k.Key, k.Department)
	}
	if !k.HasTarget {
		k.Target = 0
	}
	return k, nil
}

// UpsertKPI adds a KPI or updates the one with the same key, from today, as
// the OS user with no reason; see SaveKPI.
func (s *Store) UpsertKPI(ctx context.Context, k model.KPI) error {
	return s.SaveKPI(ctx, k, RevisionNote{})
}

// SaveKPI adds a KPI or updates the one with the same key. A new KPI's
// goals are its first revision; of an existing one, the goals that differ
// from those in force on note.From are one revision. Saving an unchanged
// definition writes nothing.
func (s *Store) SaveKPI(ctx context.Context, k model.KPI, note RevisionNote) error {
	k, err := normalizeKPI(k)
	if err != nil {
		return err
	}
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		return s.saveKPITx(ctx, tx, k, note, false)
	})
}

// saveKPITx writes k in tx. With onlyNew, an existing KPI is left alone.
func (s *Store) saveKPITx(ctx context.Context, tx *sql.Tx, k model.KPI, note RevisionNote, onlyNew bool) error {
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM kpis WHERE key = ?)`, k.Key).Scan(&exists); err != nil {
		return fmt.Errorf("read KPI %s: %w", k.Key, describe(err))
	}
	if exists && onlyNew {
		return nil
	}
	now := formatTime(s.now())
	_, err := tx.ExecContext(ctx, `INSERT INTO kpis (key, name_ja, name_en, unit, direction, source, department, style,
			target_per, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en, unit = excluded.unit,
			direction = excluded.direction, source = excluded.source, department = excluded.department,
			style = excluded.style, updated_at = excluded.updated_at
		WHERE kpis.name_ja IS DISTINCT FROM excluded.name_ja OR kpis.name_en IS DISTINCT FROM excluded.name_en
			OR kpis.unit IS DISTINCT FROM excluded.unit
			OR kpis.direction IS DISTINCT FROM excluded.direction OR kpis.source IS DISTINCT FROM excluded.source
			OR kpis.department IS DISTINCT FROM excluded.department OR kpis.style IS DISTINCT FROM excluded.style`,
		k.Key, k.NameJA, k.NameEN, string(k.Unit), string(k.Direction), string(k.Source), string(k.Department),
		string(k.Style), string(k.TargetPer), now, now)
	if err != nil {
		return fmt.Errorf("save KPI %s: %w", k.Key, describe(err))
	}
	st, err := s.stampOf(note, !exists)
	if err != nil {
		return fmt.Errorf("save KPI %s: %w", k.Key, err)
	}
	fields := model.KPIFields
	if exists {
		cur, err := kpisAsOf(ctx, tx, st.from, k.Key)
		if err != nil || len(cur) == 0 {
			return fmt.Errorf("read KPI %s: %w", k.Key, describe(err))
		}
		if fields = model.ChangedKPIFields(cur[0], k); len(fields) == 0 {
			return nil
		}
	}
	return s.insertKPIRevision(ctx, tx, k, fields, st)
}

// ReviseKPI records a revision of KPI key setting the fields named to their
// values in k (its other fields are ignored), from note.From. Unlike
// SaveKPI it records the fields even when they already hold those values:
// the user asked for them from that day. A KPI that does not exist is
// ErrNoKPI.
func (s *Store) ReviseKPI(ctx context.Context, key string, k model.KPI, fields []model.KPIField, note RevisionNote) error {
	if len(fields) == 0 {
		return fmt.Errorf("KPI %s: nothing to revise", key)
	}
	for _, f := range fields {
		if !f.Valid() {
			return fmt.Errorf("KPI %s: unknown field %q", key, f)
		}
	}
	if k.HasTarget && !k.TargetPer.Valid() {
		return fmt.Errorf("KPI %s: unknown target period %q", key, k.TargetPer)
	}
	if !k.HasTarget {
		k.Target, k.TargetPer = 0, model.FiscalYear
	}
	k.Key = key
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM kpis WHERE key = ?)`, key).Scan(&exists); err != nil {
			return fmt.Errorf("read KPI %s: %w", key, describe(err))
		}
		if !exists {
			return fmt.Errorf("KPI %s: %w", key, ErrNoKPI)
		}
		st, err := s.stampOf(note, false)
		if err != nil {
			return fmt.Errorf("revise KPI %s: %w", key, err)
		}
		return s.insertKPIRevision(ctx, tx, k, fields, st)
	})
}

// insertKPIRevision appends a revision of k.Key setting fields from k. Its
// value columns hold every field as it stands from st.from once it is
// recorded: the fields in force that day with the new ones over them.
func (s *Store) insertKPIRevision(ctx context.Context, tx *sql.Tx, k model.KPI, fields []model.KPIField, st stamp) error {
	cur, err := kpisAsOf(ctx, tx, st.from, k.Key)
	if err != nil || len(cur) == 0 {
		return fmt.Errorf("read KPI %s: %w", k.Key, describe(err))
	}
	v := cur[0]
	model.ApplyKPIFields(&v, k, fields)
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f)
	}
	var target any
	if v.HasTarget {
		target = v.Target
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO kpi_revisions (kpi_key, effective_from, recorded_at, author, reason,
		changed, target, target_per, deadline, definition, formula, main) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		k.Key, effectiveText(st.from), st.recordedAt, st.author, st.reason, strings.Join(names, ","),
		target, string(v.TargetPer), nullDate(v.Deadline), v.Definition, v.Formula, v.Main); err != nil {
		return fmt.Errorf("record revision of KPI %s: %w", k.Key, describe(err))
	}
	return s.refreshKPIRow(ctx, tx, k.Key, st.recordedAt)
}

// refreshKPIRow writes key's goals in force today into the kpis table,
// kept for readers of the file.
func (s *Store) refreshKPIRow(ctx context.Context, tx *sql.Tx, key, at string) error {
	cur, err := kpisAsOf(ctx, tx, s.today(), key)
	if err != nil || len(cur) == 0 {
		return fmt.Errorf("read KPI %s: %w", key, describe(err))
	}
	k := cur[0]
	var target any
	if k.HasTarget {
		target = k.Target
	}
	if _, err := tx.ExecContext(ctx, `UPDATE kpis SET target = ?, target_per = ?, deadline = ?, definition = ?,
		formula = ?, main = ?, updated_at = ? WHERE key = ?`,
		target, string(k.TargetPer), nullDate(k.Deadline), k.Definition, k.Formula, k.Main, at, key); err != nil {
		return fmt.Errorf("save KPI %s: %w", key, describe(err))
	}
	return nil
}

// KPIHistory lists the revisions of KPI key, newest first: by effective
// date, then the later recorded first. Each revision's KPI holds only the
// revised fields (and the key).
func (s *Store) KPIHistory(ctx context.Context, key string) ([]model.KPIRevision, error) {
	out, err := kpiRevisionRows(ctx, s.db, `WHERE kpi_key = ? ORDER BY effective_from DESC, id DESC`, key)
	if err != nil {
		return nil, fmt.Errorf("list revisions of KPI %s: %w", key, describe(err))
	}
	return out, nil
}

// KPIRevisions lists the revisions of every KPI in the order they were
// recorded.
func (s *Store) KPIRevisions(ctx context.Context) ([]model.KPIRevision, error) {
	out, err := kpiRevisionRows(ctx, s.db, `ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list KPI revisions: %w", describe(err))
	}
	return out, nil
}
