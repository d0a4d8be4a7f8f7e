package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/kpit-dev/kpit/model"
)

// Who writes, and whether they may (docs/teams.md). Every write of the
// store goes through tx (or, for imports and bulk writes, begins with
// may): the role is checked before the transaction starts, and a rep's
// records are checked at its end, against every row the transaction
// journaled, before and after the write, so a refused write leaves
// nothing behind. The rule itself is model.User.May and MayRecord.

// As is a view of the store that writes as u: the same file and the same
// connections, u's rights and u's name in the journal. Closing a view
// closes the store it came from (kpit serve closes only that one; a
// command that opened a store for one person may close either).
func (s *Store) As(u model.User) *Store {
	v := *s
	v.actor = &u
	return &v
}

// User is who writes through this store: the user given to As, else the
// file's owner (model.Owner), who may write everything.
func (s *Store) User() model.User {
	if s.actor == nil {
		return model.Owner
	}
	return *s.actor
}

// Author is the name written as the author of a change: the user's, else
// the system's user name (CurrentUser).
func (s *Store) Author() string {
	if s.actor != nil {
		return s.actor.Name
	}
	return CurrentUser()
}

// may refuses a write in area the user may not make.
func (s *Store) may(area model.Area) error { return s.User().May(area) }

// checksRecords reports whether a write of records must be checked row by
// row: only a rep's are limited to some records.
func (s *Store) checksRecords(area model.Area) bool {
	return area == model.AreaRecords && s.User().Role == model.RoleRep
}

// journalMark is the newest change so far, read inside the transaction:
// the changes after it are this transaction's.
func journalMark(ctx context.Context, tx *sql.Tx) (int64, error) {
	var mark int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM changes`).Scan(&mark); err != nil {
		return 0, describe(err)
	}
	return mark, nil
}

// mayJournaled checks every record the transaction journaled after mark:
// the rep it had before the write (none for an insert) and the rep it has
// now must both be ones the user may write.
func (s *Store) mayJournaled(ctx context.Context, tx *sql.Tx, mark int64) error {
	beforeRep := `json_extract(before, '$.rep_id')`
	if s.pg {
		beforeRep = `CAST(CAST(before AS json) ->> 'rep_id' AS BIGINT)`
	}
	rows, err := tx.QueryContext(ctx, `SELECT table_name, row_id, `+beforeRep+` FROM changes WHERE id > ?`, mark)
	if err != nil {
		return describe(err)
	}
	type touched struct {
		table  string
		id     int64
		before sql.NullInt64
	}
	var all []touched
	for rows.Next() {
		var t touched
		if err := rows.Scan(&t.table, &t.id, &t.before); err != nil {
			rows.Close()
			return describe(err)
		}
		all = append(all, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return describe(err)
	}
	for _, t := range all {
		if t.before.Valid {
			if err := s.mayRep(ctx, tx, t.before.Int64); err != nil {
				return err
			}
		}
		if err := s.mayRow(ctx, tx, t.table, t.id); err != nil {
			return err
		}
	}
	return nil
}

// mayRow checks the record id of table as it stands in the transaction.
func (s *Store) mayRow(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	t, ok := tableFor(table)
	if !ok {
		return fmt.Errorf("check rights: unknown record table %q", table)
	}
	var rep sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT `+t.repSQL()+` FROM `+table+` WHERE id = ?`, id).Scan(&rep)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return describe(err)
	}
	return s.mayRep(ctx, tx, rep.Int64)
}

// mayRep checks a record whose rep is repID (0: none), naming the rep in
// a refusal.
func (s *Store) mayRep(ctx context.Context, tx *sql.Tx, repID int64) error {
	u := s.User()
	if u.MayRecord(repID, "") == nil {
		return nil
	}
	var name string
	if repID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM reps WHERE id = ?`, repID).Scan(&name); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return describe(err)
		}
	}
	return u.MayRecord(repID, name)
}

// writes counts the write transactions in flight, so that Close lets them
// finish (kpit serve closes the store on SIGTERM while sessions may be
// saving). Views made by As share it.
type writes struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   *sync.Cond
}

func newWrites() *writes {
	w := &writes{}
	w.idle = sync.NewCond(&w.mu)
	return w
}

// ErrClosed is returned for a write begun after the store was closed.
var ErrClosed error = model.Refused(model.RefuseDBClosed)

func (w *writes) begin() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrClosed
	}
	w.n++
	return nil
}

func (w *writes) end() {
	w.mu.Lock()
	w.n--
	if w.n == 0 {
		w.idle.Broadcast()
	}
	w.mu.Unlock()
}

// wait refuses new writes and returns once those in flight have ended.
func (w *writes) wait() {
	w.mu.Lock()
	w.closed = true
	for w.n > 0 {
		w.idle.Wait()
	}
	w.mu.Unlock()
}
