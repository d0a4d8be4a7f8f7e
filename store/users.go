package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// The people of a team (docs/teams.md): kpit users writes them, kpit serve
// and --as read them. Writing them is the admins' (model.AreaUsers).

// AddUser records a person. The key is read by model.ParsePublicKey (the
// one rule for keys) and stored in its short form, so that the key a
// client offers is found by equality; a rep is named by RepName.
func (s *Store) AddUser(ctx context.Context, u model.User) error {
	if err := model.ValidateUser(u); err != nil {
		return err
	}
	key, _, err := model.ParsePublicKey(u.Key)
	if err != nil {
		return err
	}
	role, _ := model.ParseRole(string(u.Role))
	return s.tx(ctx, model.AreaUsers, func(tx *sql.Tx) error {
		repID, err := resolveRep(ctx, tx, u.RepID, u.RepName, role != model.RoleRep)
		if err != nil {
			return err
		}
		var holder string
		err = tx.QueryRowContext(ctx, `SELECT name FROM users WHERE name = ? OR key = ? ORDER BY name = ? DESC`,
			u.Name, key, u.Name).Scan(&holder)
		switch {
		case err == nil && holder == u.Name:
			return model.Refuse("name", model.RefuseUserExists, u.Name)
		case err == nil:
			return model.Refuse("key", model.RefuseKeyTaken, holder)
		case !errors.Is(err, sql.ErrNoRows):
			return describe(err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO users (name, key, role, rep_id, lang, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
			u.Name, key, string(role), nullID(repID), u.Lang, formatTime(s.now()))
		if err != nil {
			return fmt.Errorf("add user %s: %w", u.Name, describe(err))
		}
		return nil
	})
}

// RemoveUser forgets a person: their key opens nothing from then on. The
// changes they made keep their name.
func (s *Store) RemoveUser(ctx context.Context, name string) error {
	return s.tx(ctx, model.AreaUsers, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM users WHERE name = ?`, name)
		if err != nil {
			return fmt.Errorf("remove user %s: %w", name, describe(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return model.Refuse("name", model.RefuseNoUser, name)
		}
		return nil
	})
}

const userColumns = `u.name, u.key, u.role, coalesce(u.rep_id, 0), coalesce(r.name, ''), u.lang
	FROM users u LEFT JOIN reps r ON r.id = u.rep_id`

// Users lists the people by name.
func (s *Store) Users(ctx context.Context) ([]model.User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` ORDER BY u.name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", describe(err))
	}
	defer rows.Close()
	var out []model.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, describe(rows.Err())
}

// UserByName is the person of that name; ok is false when there is none.
func (s *Store) UserByName(ctx context.Context, name string) (u model.User, ok bool, err error) {
	return s.userWhere(ctx, `u.name = ?`, name)
}

// UserByKey is the person whose key is key ("TYPE BASE64", model.KeyText);
// ok is false when the key is nobody's.
func (s *Store) UserByKey(ctx context.Context, key string) (u model.User, ok bool, err error) {
	return s.userWhere(ctx, `u.key = ?`, strings.TrimSpace(key))
}

func (s *Store) userWhere(ctx context.Context, where string, arg any) (model.User, bool, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userColumns+` WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return model.User{}, false, nil
	}
	return u, err == nil, err
}

func scanUser(r interface{ Scan(...any) error }) (model.User, error) {
	var u model.User
	var role string
	err := r.Scan(&u.Name, &u.Key, &role, &u.RepID, &u.RepName, &u.Lang)
	if errors.Is(err, sql.ErrNoRows) {
		return u, err
	}
	if err != nil {
		return u, fmt.Errorf("read users: %w", describe(err))
	}
	u.Role = model.Role(role)
	return u, nil
}
