package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/kpit-dev/kpit/model"
)

// AddRep creates a rep and returns its id.
func (s *Store) AddRep(ctx context.Context, r model.Rep) (int64, error) {
	if r.Name == "" {
		return 0, errors.New("rep: name is empty")
	}
	if !r.Department.Valid() {
		return 0, fmt.Errorf("rep %s: unknown department %q", r.Name, r.Department)
	}
	var id int64
	err := s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, 1, ?) RETURNING id`,
			r.Name, string(r.Department), formatTime(s.now())).Scan(&id)
		if err != nil {
			return fmt.Errorf("add rep %s: %w", r.Name, describe(err))
		}
		return nil
	})
	return id, err
}

// Reps lists every rep by department, then name.
func (s *Store) Reps(ctx context.Context) ([]model.Rep, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, department, active FROM reps ORDER BY department, name`)
	if err != nil {
		return nil, fmt.Errorf("list reps: %w", describe(err))
	}
	defer rows.Close()
	var out []model.Rep
	for rows.Next() {
		var r model.Rep
		var dept string
		if err := rows.Scan(&r.ID, &r.Name, &dept, &r.Active); err != nil {
			return nil, fmt.Errorf("list reps: %w", describe(err))
		}
		r.Department = model.Department(dept)
		out = append(out, r)
	}
	return out, describe(rows.Err())
}
