package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Snooze hides the alert a from day today for days days, with the reason
// given, signed with the OS user. The alert shows again on today+days.
func (s *Store) Snooze(ctx context.Context, a model.Alert, today time.Time, days int, reason string) error {
	reason = strings.TrimSpace(reason)
	switch {
	case days <= 0:
		return &model.FieldError{Field: "days", Msg: fmt.Sprintf("%d is not a number of days to snooze (want 1 or more)", days)}
	case reason == "":
		return &model.FieldError{Field: "reason", Msg: "a snooze needs a reason"}
	}
	until := model.Date(today).AddDate(0, 0, days)
	return s.tx(ctx, model.AreaReviews, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO alert_snoozes (alert_key, until, reason, author, created_at) VALUES (?, ?, ?, ?, ?)`,
			model.AlertKey(a), model.FormatDate(until), reason, s.Author(), formatTime(s.now()))
		if err != nil {
			return fmt.Errorf("snooze alert %s: %w", model.AlertKey(a), describe(err))
		}
		return nil
	})
}

// activeSnoozes are the snoozes in force on today, by alert key (the
// latest ending one for a key).
func (s *Store) activeSnoozes(ctx context.Context, today time.Time) (map[string]model.Snooze, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT alert_key, until, reason, author FROM alert_snoozes WHERE until > ?`,
		model.FormatDate(model.Date(today)))
	if err != nil {
		return nil, fmt.Errorf("read snoozed alerts: %w", describe(err))
	}
	defer rows.Close()
	out := map[string]model.Snooze{}
	for rows.Next() {
		var sn model.Snooze
		var until string
		if err := rows.Scan(&sn.Key, &until, &sn.Reason, &sn.Author); err != nil {
			return nil, fmt.Errorf("read snoozed alerts: %w", describe(err))
		}
		if sn.Until, err = model.ParseDate(until); err != nil {
			return nil, fmt.Errorf("read snoozed alerts: %w", err)
		}
		if old, ok := out[sn.Key]; !ok || sn.Until.After(old.Until) {
			out[sn.Key] = sn
		}
	}
	return out, describe(rows.Err())
}

// withoutSnoozed drops the alerts snoozed on today.
func (s *Store) withoutSnoozed(ctx context.Context, alerts []model.Alert, today time.Time) ([]model.Alert, error) {
	if len(alerts) == 0 {
		return alerts, nil
	}
	snoozed, err := s.activeSnoozes(ctx, today)
	if err != nil || len(snoozed) == 0 {
		return alerts, err
	}
	out := alerts[:0:0]
	for _, a := range alerts {
		if sn, ok := snoozed[model.AlertKey(a)]; !ok || !sn.Snoozed(today) {
			out = append(out, a)
		}
	}
	return out, nil
}
