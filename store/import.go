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

// ImportSession writes one import: a single IMMEDIATE transaction in which
// records are upserted in batches by external id (reps by name), reps
// named by records are resolved or created, and which is committed or
// rolled back as a whole. A killed process leaves the database as before.
//
// Updates are plain UPDATE statements, so the roll-up triggers take the old
// row out and put the new one in. An unchanged record is not written at all.
// Tombstoned records are matched too and stay tombstoned. Imports write no
// undo journal (they are not a person's edit; the dry run shows the effect).
type ImportSession struct {
	store       *Store // for the label of the work (store/writer.go)
	ctx         context.Context
	conn        *sql.Conn
	tx          *sql.Tx
	now         string
	today       string
	reps        map[string]int64
	repDepts    map[string]model.Department
	repActive   map[string]bool
	repsCreated int
	stmts       map[string]*sql.Stmt
}

// BeginImport starts an import session. The caller must end it with
// Commit or Rollback.
func (s *Store) BeginImport(ctx context.Context) (*ImportSession, error) {
	if err := s.may(model.AreaImport); err != nil {
		return nil, err
	}
	// Before the connection is taken: a scratch store has only one.
	s.announceWork(ctx, "kpit import")
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin import: %w", describe(err))
	}
	// A large import touches index pages all over the file: a bigger page
	// cache for this connection keeps them in memory instead of spilling
	// to the WAL and reading them back (bounded, whatever the file size).
	// Each insert fires the roll-up triggers, so SQLite keeps a statement
	// journal of the pages it touches; in memory, not in a temporary file.
	for _, pragma := range []string{fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB), "PRAGMA temp_store = MEMORY"} {
		if s.pg {
			break // PostgreSQL's buffers are the server's
		}
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			conn.Close()
			return nil, fmt.Errorf("begin import: %w", describe(err))
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		is := &ImportSession{store: s, conn: conn}
		is.release()
		s.endWork(ctx)
		return nil, fmt.Errorf("begin import: %w", describe(err))
	}
	now := s.now()
	is := &ImportSession{store: s, ctx: ctx, conn: conn, tx: tx, now: formatTime(now), today: model.FormatDate(model.Date(now.Local())),
		reps: map[string]int64{}, repDepts: map[string]model.Department{}, repActive: map[string]bool{}, stmts: map[string]*sql.Stmt{}}
	if err := is.loadReps(ctx); err != nil {
		is.Rollback()
		return nil, err
	}
	return is, nil
}

// importCacheKiB is the page cache of an import's connection.
const importCacheKiB = 64 << 10

func (is *ImportSession) loadReps(ctx context.Context) error {
	rows, err := is.tx.QueryContext(ctx, `SELECT id, name, department, active FROM reps`)
	if err != nil {
		return fmt.Errorf("begin import: read reps: %w", describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name, dept string
		var active bool
		if err := rows.Scan(&id, &name, &dept, &active); err != nil {
			return fmt.Errorf("begin import: read reps: %w", describe(err))
		}
		is.reps[name], is.repDepts[name], is.repActive[name] = id, model.Department(dept), active
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("begin import: read reps: %w", describe(err))
	}
	return nil
}

// release gives the connection back to the pool with its usual cache.
func (is *ImportSession) release() {
	if is.conn == nil {
		return
	}
	if !is.store.pg {
		is.conn.ExecContext(context.Background(), "PRAGMA cache_size = -2000")
		is.conn.ExecContext(context.Background(), "PRAGMA temp_store = DEFAULT")
	}
	is.conn.Close()
	is.conn = nil
}

// Commit makes the import permanent.
func (is *ImportSession) Commit() error {
	is.closeStmts()
	_, err := is.tx.ExecContext(is.ctx, endWorkSQL)
	if err == nil {
		if err = is.tx.Commit(); err == nil {
			is.store.wrote()
		}
	} else {
		is.tx.Rollback()
	}
	is.release()
	if err != nil {
		is.store.endWork(context.Background())
		return fmt.Errorf("commit import: %w", describe(err))
	}
	return nil
}

// Rollback undoes everything the session wrote (a dry run, or a failure).
func (is *ImportSession) Rollback() error {
	is.closeStmts()
	err := is.tx.Rollback()
	is.release()
	is.store.endWork(context.Background())
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back import: %w", describe(err))
	}
	return nil
}

func (is *ImportSession) closeStmts() {
	for _, st := range is.stmts {
		st.Close()
	}
	clear(is.stmts)
}

// stmt prepares a statement once per session.
func (is *ImportSession) stmt(query string) (*sql.Stmt, error) {
	if st, ok := is.stmts[query]; ok {
		return st, nil
	}
	st, err := is.tx.PrepareContext(is.ctx, query)
	if err != nil {
		return nil, describe(err)
	}
	is.stmts[query] = st
	return st, nil
}

// RepsCreated is how many reps the session created for records naming an
// unknown rep.
func (is *ImportSession) RepsCreated() int { return is.repsCreated }

// Rep returns the id of the rep called name, creating it in dept when
// there is none.
func (is *ImportSession) Rep(ctx context.Context, name string, dept model.Department) (int64, error) {
	if id, ok := is.reps[name]; ok {
		return id, nil
	}
	if !dept.Valid() {
		return 0, fmt.Errorf("rep %s: unknown department %q", name, dept)
	}
	st, err := is.stmt(`INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, 1, ?) RETURNING id`)
	if err != nil {
		return 0, fmt.Errorf("create rep %s: %w", name, err)
	}
	var id int64
	if err := st.QueryRowContext(ctx, name, string(dept), is.now).Scan(&id); err != nil {
		return 0, fmt.Errorf("create rep %s: %w", name, describe(err))
	}
	is.reps[name], is.repDepts[name], is.repActive[name] = id, dept, true
	is.repsCreated++
	return id, nil
}

// OpportunityID finds a live opportunity by its external id.
func (is *ImportSession) OpportunityID(ctx context.Context, externalID string) (int64, bool, error) {
	st, err := is.stmt(`SELECT id FROM opportunities WHERE external_id = ? AND deleted_at IS NULL`)
	if err != nil {
		return 0, false, fmt.Errorf("find opportunity %s: %w", externalID, err)
	}
	var id int64
	err = st.QueryRowContext(ctx, externalID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("find opportunity %s: %w", externalID, describe(err))
	}
	return id, true, nil
}

// StoredCreated is the created date of the opportunity with this external
// id (tombstoned ones too: an import matches them); ok is false when there
// is none.
func (is *ImportSession) StoredCreated(ctx context.Context, externalID string) (time.Time, bool, error) {
	st, err := is.stmt(`SELECT created FROM opportunities WHERE external_id = ?`)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("find opportunity %s: %w", externalID, err)
	}
	var created string
	err = st.QueryRowContext(ctx, externalID).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("find opportunity %s: %w", externalID, describe(err))
	}
	d, err := model.ParseDate(created)
	return d, err == nil, nil
}

// existing reads the stored rows whose key is among keys, one query per
// batch: scan gets each row and returns its key.
func (is *ImportSession) existing(ctx context.Context, table, cols, keyCol string, keys []string, scan func(*sql.Rows) (string, error)) error {
	if len(keys) == 0 {
		return nil
	}
	q := fmt.Sprintf(`SELECT %s FROM %s WHERE %s IN (?%s)`, cols, table, keyCol, strings.Repeat(", ?", len(keys)-1))
	st, err := is.stmt(q)
	if err != nil {
		return fmt.Errorf("read %s: %w", table, err)
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", table, describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		if _, err := scan(rows); err != nil {
			return fmt.Errorf("read %s: %w", table, describe(err))
		}
	}
	return describe(rows.Err())
}

// exec runs a prepared statement and names the record on failure.
func (is *ImportSession) exec(ctx context.Context, query, what string, args ...any) error {
	st, err := is.stmt(query)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		return fmt.Errorf("%s: %w", what, describe(err))
	}
	return nil
}

func nullYen(y model.Minor, ok bool) any {
	if !ok {
		return nil
	}
	return int64(y)
}

func nullRep(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// SaveImportProfile stores (or replaces) a named import profile; spec is
// the importer's JSON.
func (s *Store) SaveImportProfile(ctx context.Context, name, kind, spec string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("save import profile: the name is empty")
	}
	return s.tx(ctx, model.AreaImport, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO import_profiles (name, kind, spec) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, spec = excluded.spec`, name, kind, spec)
		if err != nil {
			return fmt.Errorf("save import profile %s: %w", name, describe(err))
		}
		return nil
	})
}

// ImportProfile reads a named import profile.
func (s *Store) ImportProfile(ctx context.Context, name string) (kind, spec string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT kind, spec FROM import_profiles WHERE name = ?`, name).Scan(&kind, &spec)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("read import profile %s: %w", name, describe(err))
	}
	return kind, spec, true, nil
}

// ImportProfileNames lists the saved import profiles by name.
func (s *Store) ImportProfileNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM import_profiles ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list import profiles: %w", describe(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("list import profiles: %w", describe(err))
		}
		out = append(out, n)
	}
	return out, describe(rows.Err())
}

// inserter collects new rows of one table and writes them with multi-row
// INSERT statements, far fewer statement executions than one per row.
type inserter struct {
	is    *ImportSession
	table string
	cols  string
	n     int // columns per row
	rows  int
	args  []any
}

// insertChunk is how many rows one INSERT statement writes.
const insertChunk = 64

func (is *ImportSession) inserter(table, cols string, capRows int) *inserter {
	n := strings.Count(cols, ",") + 1
	return &inserter{is: is, table: table, cols: cols, n: n, args: make([]any, 0, capRows*n)}
}

func (w *inserter) add(args ...any) {
	w.args = append(w.args, args...)
	w.rows++
}

func (w *inserter) flush(ctx context.Context) error {
	row := "(?" + strings.Repeat(", ?", w.n-1) + ")"
	for done := 0; done < w.rows; {
		k := min(w.rows-done, insertChunk)
		q := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s%s", w.table, w.cols, row, strings.Repeat(", "+row, k-1))
		if err := w.is.exec(ctx, q, "insert "+w.table, w.args[done*w.n:(done+k)*w.n]...); err != nil {
			return err
		}
		done += k
	}
	w.args, w.rows = w.args[:0], 0
	return nil
}
