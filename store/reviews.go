package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// ErrNoReview is returned when the review asked for does not exist.
var ErrNoReview = errors.New("no such review")

// SaveReview stores a review in one transaction: its snapshot, the causes
// and new actions recorded in it, and the status it gave every action
// carried into it. Nothing is written when any part is refused.
func (s *Store) SaveReview(ctx context.Context, d model.ReviewDraft) (int64, error) {
	if err := d.Check(); err != nil {
		return 0, err
	}
	if d.HeldAt.IsZero() {
		d.HeldAt = s.now()
	}
	var id int64
	err := s.tx(ctx, model.AreaReviews, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO reviews (held_on, notes, period, held_at, main_cause, main_cause_share, forecast)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			model.FormatDate(d.HeldAt), d.Summary, d.Period.Key(), formatTime(d.HeldAt), d.MainCause, nullValue(d.MainCauseShare),
			d.Forecast).Scan(&id)
		if err != nil {
			return fmt.Errorf("save review: %w", describe(err))
		}
		for i, k := range d.KPIs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO review_kpis (review_id, position, kpi_key, name_ja, name_en, unit, kgi, main,
				actual, target, achievement, status, root_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, i, k.Key, k.NameJA, k.NameEN, string(k.Unit), k.KGI, k.Main,
				nullValue(k.Actual), nullValue(k.Target), nullValue(k.Achievement), string(k.Status), nullValue(k.RootShare)); err != nil {
				return fmt.Errorf("save review: KPI %s: %w", k.Key, describe(err))
			}
		}
		for _, n := range d.Notes {
			if _, err := tx.ExecContext(ctx, `INSERT INTO review_notes (review_id, kpi_key, category, text) VALUES (?, ?, ?, ?)`,
				id, n.KPIKey, string(n.Category), strings.TrimSpace(n.Text)); err != nil {
				return fmt.Errorf("save review: note on %s: %w", n.KPIKey, describe(err))
			}
		}
		now := formatTime(s.now())
		for _, a := range d.NewActions {
			var aid int64
			err := tx.QueryRowContext(ctx, `INSERT INTO review_actions (review_id, kpi_key, text, rep_id, due, status, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, id, a.KPIKey, strings.TrimSpace(a.Text), a.RepID, model.FormatDate(a.Due),
				string(a.Status), now).Scan(&aid)
			if err != nil {
				return fmt.Errorf("save review: action %q: %w", a.Text, describe(err))
			}
			if err := actionState(ctx, tx, id, aid, a.Status); err != nil {
				return err
			}
		}
		for _, a := range d.Carried {
			res, err := tx.ExecContext(ctx, `UPDATE review_actions SET status = ?, updated_at = ? WHERE id = ?`, string(a.Status), now, a.ID)
			if err != nil {
				return fmt.Errorf("save review: action %d: %w", a.ID, describe(err))
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return fmt.Errorf("save review: action %d does not exist", a.ID)
			}
			if err := actionState(ctx, tx, id, a.ID, a.Status); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

func actionState(ctx context.Context, tx *sql.Tx, reviewID, actionID int64, st model.ActionStatus) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO review_action_states (review_id, action_id, status) VALUES (?, ?, ?)`,
		reviewID, actionID, string(st)); err != nil {
		return fmt.Errorf("save review: status of action %d: %w", actionID, describe(err))
	}
	return nil
}

// Reviews lists every review, newest first, without their snapshots,
// notes and actions (ReviewByID reads those). fiscalStart reads the
// periods' names.
func (s *Store) Reviews(ctx context.Context) ([]model.SavedReview, error) {
	fiscalStart, err := s.FiscalStart(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, held_on, notes, period, held_at, main_cause, main_cause_share, forecast
		FROM reviews ORDER BY held_on DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list reviews: %w", describe(err))
	}
	defer rows.Close()
	var out []model.SavedReview
	for rows.Next() {
		r, err := scanReview(rows, fiscalStart)
		if err != nil {
			return nil, fmt.Errorf("list reviews: %w", err)
		}
		out = append(out, r)
	}
	return out, describe(rows.Err())
}

func scanReview(row interface{ Scan(...any) error }, fiscalStart time.Month) (model.SavedReview, error) {
	var r model.SavedReview
	var heldOn, period, heldAt string
	var share sql.NullFloat64
	if err := row.Scan(&r.ID, &heldOn, &r.Summary, &period, &heldAt, &r.MainCause, &share, &r.Forecast); err != nil {
		return r, describe(err)
	}
	r.HeldOn, _ = model.ParseDate(heldOn)
	if heldAt != "" {
		r.HeldAt = parseTime(heldAt)
	}
	if period != "" {
		r.Period, _ = model.ParsePeriod(period, fiscalStart)
	}
	r.MainCauseShare = valueOf(share)
	return r, nil
}

// ReviewByID is review id whole: its snapshot, notes and the actions as it
// saw them. ErrNoReview when there is none.
func (s *Store) ReviewByID(ctx context.Context, id int64) (model.SavedReview, error) {
	fiscalStart, err := s.FiscalStart(ctx)
	if err != nil {
		return model.SavedReview{}, err
	}
	r, err := scanReview(s.db.QueryRowContext(ctx, `SELECT id, held_on, notes, period, held_at, main_cause, main_cause_share, forecast
		FROM reviews WHERE id = ?`, id), fiscalStart)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("review %d: %w", id, ErrNoReview)
	}
	if err != nil {
		return r, fmt.Errorf("read review %d: %w", id, err)
	}
	if r.KPIs, err = s.reviewKPIs(ctx, id); err != nil {
		return r, err
	}
	if r.Notes, err = s.reviewNotes(ctx, id); err != nil {
		return r, err
	}
	if r.Actions, err = s.actions(ctx, `JOIN review_action_states st ON st.action_id = a.id AND st.review_id = ?`, "st.status", id); err != nil {
		return r, err
	}
	return r, nil
}

// LastReview is the newest review whole (as ReviewByID); false when none
// has been held.
func (s *Store) LastReview(ctx context.Context) (model.SavedReview, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM reviews ORDER BY held_on DESC, id DESC LIMIT 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return model.SavedReview{}, false, nil
	}
	if err != nil {
		return model.SavedReview{}, false, fmt.Errorf("read the last review: %w", describe(err))
	}
	r, err := s.ReviewByID(ctx, id)
	return r, err == nil, err
}

// OpenActions is every action still open, the earliest due first: what
// the next review asks about before anything else.
func (s *Store) OpenActions(ctx context.Context) ([]model.ReviewAction, error) {
	return s.actions(ctx, `WHERE a.status = 'open'`, "a.status")
}

func (s *Store) reviewKPIs(ctx context.Context, id int64) ([]model.ReviewKPI, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kpi_key, name_ja, name_en, unit, kgi, main, actual, target, achievement, status, root_share
		FROM review_kpis WHERE review_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("read review %d: %w", id, describe(err))
	}
	defer rows.Close()
	var out []model.ReviewKPI
	for rows.Next() {
		var k model.ReviewKPI
		var unit, status string
		var actual, target, achievement, share sql.NullFloat64
		if err := rows.Scan(&k.Key, &k.NameJA, &k.NameEN, &unit, &k.KGI, &k.Main, &actual, &target, &achievement, &status, &share); err != nil {
			return nil, fmt.Errorf("read review %d: %w", id, describe(err))
		}
		k.Unit, k.Status = model.Unit(unit), model.Status(status)
		k.Actual, k.Target, k.Achievement, k.RootShare = valueOf(actual), valueOf(target), valueOf(achievement), valueOf(share)
		out = append(out, k)
	}
	return out, describe(rows.Err())
}

func (s *Store) reviewNotes(ctx context.Context, id int64) ([]model.ReviewNote, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kpi_key, category, text FROM review_notes WHERE review_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("read review %d: %w", id, describe(err))
	}
	defer rows.Close()
	var out []model.ReviewNote
	for rows.Next() {
		var n model.ReviewNote
		var cat string
		if err := rows.Scan(&n.ID, &n.KPIKey, &cat, &n.Text); err != nil {
			return nil, fmt.Errorf("read review %d: %w", id, describe(err))
		}
		n.Category = model.CauseCategory(cat)
		out = append(out, n)
	}
	return out, describe(rows.Err())
}

// actions reads review actions with their owners; where selects them and
// status is the column their status is read from.
func (s *Store) actions(ctx context.Context, where, status string, args ...any) ([]model.ReviewAction, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.review_id, a.kpi_key, a.text, a.rep_id, r.name, a.due, `+status+`
		FROM review_actions a JOIN reps r ON r.id = a.rep_id `+where+` ORDER BY a.due, a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read review actions: %w", describe(err))
	}
	defer rows.Close()
	var out []model.ReviewAction
	for rows.Next() {
		var a model.ReviewAction
		var due, st string
		if err := rows.Scan(&a.ID, &a.ReviewID, &a.KPIKey, &a.Text, &a.RepID, &a.RepName, &due, &st); err != nil {
			return nil, fmt.Errorf("read review actions: %w", describe(err))
		}
		a.Due, _ = model.ParseDate(due)
		a.Status = model.ActionStatus(st)
		out = append(out, a)
	}
	return out, describe(rows.Err())
}

func nullValue(v model.Value) any {
	if !v.Valid {
		return nil
	}
	return v.V
}

func valueOf(n sql.NullFloat64) model.Value {
	if !n.Valid {
		return model.None
	}
	return model.Some(n.Float64)
}
