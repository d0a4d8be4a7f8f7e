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

// ImportSession writes one import in two steps (docs/import.md):
//
//   - Staging. Each batch of records is compared with the stored rows (by
//     external id, reps by name) and what would change is written to
//     TEMP tables of the session's own connection: the rows to insert and
//     the rows to update, with their final values. Only reads touch the
//     main database, so staging holds no write lock and other kpit
//     processes keep writing, however long the file is. TEMP tables live
//     in a temporary file SQLite deletes itself, even when the process is
//     killed, so memory stays flat whatever the file's size.
//   - The move (Commit). One IMMEDIATE transaction writes the staged rows
//     into the real tables with INSERT … SELECT and UPDATE … FROM, creates
//     the reps the records named, and commits or rolls back as a whole.
//     A killed process leaves the database as it was before.
//
// The records' triggers keep the roll-ups, live counts, forecast changes
// and stage history, as for any other write; new activities and
// opportunities, the bulk of a large import, have theirs derived in bulk
// instead (store/import_bulk.go), proved equal by a test. An unchanged
// record is not written at all. Tombstoned records are matched too and
// stay tombstoned. Imports write no undo journal (they are not a person's
// edit; the dry run shows the effect). A record repeated in one file is
// written once, with its last values.
type ImportSession struct {
	store *Store
	ctx   context.Context
	conn  *sql.Conn
	now   string
	today string
	// reps are the stored reps by name and those the import will create,
	// the latter under provisional negative ids until the move.
	reps        map[string]int64
	repDepts    map[string]model.Department
	repActive   map[string]bool
	newReps     []pendingRep // newReps[i] has the provisional id -(i+1)
	repUpdates  []pendingRep // stored reps a reps file changes, in file order
	repsCreated int
	stmts       map[string]*sql.Stmt
	staged      map[string]bool // the kinds with a staging table
	updates     map[string]bool // the kinds with a staged update
	inserts     map[string]int  // staged inserts by kind
	// oppIDs and oppKnown answer OpportunityID for the refs of the rows
	// being resolved (PrefetchOpportunities), one query per chunk.
	oppIDs   map[string]int64
	oppKnown map[string]bool
	// customers are the ids of the customers usage checks named so far.
	customers map[string]int64
	// derived holds, by kind, how many new records the bulk move inserts,
	// for the kinds whose roll-up deltas were derived before the move
	// (deriveStaged).
	derived map[string]int64
	inBatch bool  // a staging transaction (temp tables only) is open
	seq     int64 // the last staged row's place in the file
	moving  *sql.Tx
	// lock is the import lock while the move goes in batches; pending
	// the ranges its batches filled, made visible by the final
	// transaction; repsMoved that the first batch created the reps.
	lock      *importLock
	pending   []pendingRange
	repsMoved bool
	onMove    func(done, total int64)
}

// OnMove asks the session to report, after each batch of a move made in
// batches, how many of the new records are in (store/import_pending.go).
func (is *ImportSession) OnMove(f func(done, total int64)) { is.onMove = f }

// pendingRep is a rep the import creates or changes at the move.
type pendingRep struct {
	tmpID  int64 // the provisional id records carry until the move (< 0), or the stored one
	name   string
	dept   model.Department
	active bool
}

// BeginImport starts an import session. The caller must end it with
// Commit or Rollback.
func (s *Store) BeginImport(ctx context.Context) (*ImportSession, error) {
	if err := s.may(model.AreaImport); err != nil {
		return nil, err
	}
	// A stopped import's hidden rows would otherwise hold their ids: the
	// same file imported again would meet them at the move.
	s.ClearStoppedImport(ctx)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin import: %w", describe(err))
	}
	now := s.now()
	is := &ImportSession{store: s, ctx: ctx, conn: conn, now: formatTime(now), today: model.FormatDate(model.Date(now.Local())),
		reps: map[string]int64{}, repDepts: map[string]model.Department{}, repActive: map[string]bool{}, stmts: map[string]*sql.Stmt{},
		staged: map[string]bool{}, updates: map[string]bool{}, inserts: map[string]int{}, derived: map[string]int64{}, oppIDs: map[string]int64{}, oppKnown: map[string]bool{},
		customers: map[string]int64{}}
	// The connection keeps SQLite's default page cache (2 MB). A bigger one
	// (32 MB) made neither the staging nor the move faster, added its size
	// and more to the peak RSS, and cost half a second giving its pages
	// back one by one at the end (BENCHMARKS.md, "Import").
	if err := is.loadReps(ctx); err != nil {
		is.release()
		return nil, err
	}
	return is, nil
}

func (is *ImportSession) loadReps(ctx context.Context) error {
	rows, err := is.conn.QueryContext(ctx, `SELECT id, name, department, active FROM reps`)
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

// release drops the staging tables and gives the connection back to the
// pool.
func (is *ImportSession) release() {
	if is.conn == nil {
		return
	}
	is.closeStmts()
	bg := context.Background()
	if is.inBatch {
		is.conn.ExecContext(bg, "ROLLBACK")
		is.inBatch = false
	}
	for kind := range is.staged {
		is.conn.ExecContext(bg, "DROP TABLE IF EXISTS "+stageTable(kind))
	}
	is.conn.ExecContext(bg, "DROP TABLE IF EXISTS import_new_reps")
	if is.lock != nil { // moveBatched turns the memory map off
		is.conn.ExecContext(bg, fmt.Sprintf("PRAGMA mmap_size = %d", mmapBytes))
	}
	for kind := range is.derived {
		is.conn.ExecContext(bg, "DROP TABLE IF EXISTS "+derivedTable(kind))
		is.conn.ExecContext(bg, "DROP TABLE IF EXISTS "+orderTable(kind))
	}
	is.conn.Close()
	is.conn = nil
	is.lock.release()
	is.lock = nil
}

// Commit moves the staged records into the real tables in one transaction.
func (is *ImportSession) Commit() error {
	err := is.deriveStaged(is.ctx)
	if err == nil {
		err = is.move()
	}
	is.release()
	if err != nil {
		return fmt.Errorf("commit import: %w", err)
	}
	return nil
}

// Rollback drops what the session staged (a dry run, or a failure): the
// database was never written.
func (is *ImportSession) Rollback() error {
	if is.moving != nil {
		is.moving.Rollback()
		is.moving = nil
	}
	is.release()
	return nil
}

func (is *ImportSession) closeStmts() {
	for _, st := range is.stmts {
		st.Close()
	}
	clear(is.stmts)
}

// stmt prepares a statement once per session, on its connection.
func (is *ImportSession) stmt(query string) (*sql.Stmt, error) {
	if st, ok := is.stmts[query]; ok {
		return st, nil
	}
	st, err := is.conn.PrepareContext(is.ctx, query)
	if err != nil {
		return nil, describe(err)
	}
	is.stmts[query] = st
	return st, nil
}

// batch runs fn in one transaction that writes only the staging tables
// (a plain BEGIN: deferred, so it never takes the main database's write
// lock) and reads the main database at one moment.
func (is *ImportSession) batch(ctx context.Context, fn func() error) error {
	if _, err := is.conn.ExecContext(ctx, "BEGIN"); err != nil {
		return describe(err)
	}
	is.inBatch = true
	if err := fn(); err != nil {
		is.conn.ExecContext(context.Background(), "ROLLBACK")
		is.inBatch = false
		return err
	}
	is.inBatch = false
	if _, err := is.conn.ExecContext(ctx, "COMMIT"); err != nil {
		is.conn.ExecContext(context.Background(), "ROLLBACK")
		return describe(err)
	}
	return nil
}

// RepsCreated is how many reps the session creates for records naming an
// unknown rep.
func (is *ImportSession) RepsCreated() int { return is.repsCreated }

// Rep returns the id of the rep called name; a rep there is none of is
// created in dept at the move, and until then has a provisional id.
func (is *ImportSession) Rep(ctx context.Context, name string, dept model.Department) (int64, error) {
	if id, ok := is.reps[name]; ok {
		return id, nil
	}
	if !dept.Valid() {
		return 0, fmt.Errorf("rep %s: unknown department %q", name, dept)
	}
	id := is.addNewRep(pendingRep{name: name, dept: dept, active: true})
	is.repsCreated++
	return id, nil
}

// addNewRep books a rep to create at the move and returns its provisional id.
func (is *ImportSession) addNewRep(r pendingRep) int64 {
	r.tmpID = -int64(len(is.newReps) + 1)
	is.newReps = append(is.newReps, r)
	is.reps[r.name], is.repDepts[r.name], is.repActive[r.name] = r.tmpID, r.dept, r.active
	return r.tmpID
}

// PrefetchOpportunities looks up the live opportunities of refs in one
// query, so that OpportunityID answers the rows of a chunk without a query
// each (the importer calls it once per chunk of activity rows).
func (is *ImportSession) PrefetchOpportunities(ctx context.Context, refs []string) error {
	clear(is.oppIDs)
	clear(is.oppKnown)
	for _, r := range refs {
		is.oppKnown[r] = true
	}
	err := is.lookup(ctx, `SELECT external_id, id FROM opportunities WHERE external_id IN (%s) AND deleted_at IS NULL AND `+pendingHidden("", kindOpportunities), refs,
		func(rows *sql.Rows) error {
			var ext string
			var id int64
			if err := rows.Scan(&ext, &id); err != nil {
				return err
			}
			is.oppIDs[ext] = id
			return nil
		})
	if err != nil {
		return fmt.Errorf("find opportunities: %w", err)
	}
	return nil
}

// lookup runs query, whose %s is filled with the placeholders of keys,
// lookupChunk keys at a time, and hands each row to scan.
func (is *ImportSession) lookup(ctx context.Context, query string, keys []string, scan func(*sql.Rows) error) error {
	for len(keys) > 0 {
		n := min(len(keys), lookupChunk)
		part := keys[:n]
		keys = keys[n:]
		st, err := is.stmt(fmt.Sprintf(query, "?"+strings.Repeat(", ?", n-1)))
		if err != nil {
			return err
		}
		args := make([]any, n)
		for i, k := range part {
			args[i] = k
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return describe(err)
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return describe(err)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return describe(err)
		}
	}
	return nil
}

// lookupChunk bounds the keys of one IN (…) lookup.
const lookupChunk = 500

// OpportunityID finds a live opportunity by its external id.
func (is *ImportSession) OpportunityID(ctx context.Context, externalID string) (int64, bool, error) {
	if is.oppKnown[externalID] {
		id, ok := is.oppIDs[externalID]
		return id, ok, nil
	}
	st, err := is.stmt(`SELECT id FROM opportunities WHERE external_id = ? AND deleted_at IS NULL AND ` + pendingHidden("", kindOpportunities))
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
// id (tombstoned ones too: an import matches them), as this import leaves
// it; ok is false when there is none.
func (is *ImportSession) StoredCreated(ctx context.Context, externalID string) (time.Time, bool, error) {
	// One query a row, whichever table holds it: the staged row first.
	live := `(SELECT created FROM opportunities WHERE external_id = ? AND ` + pendingHidden("", kindOpportunities) + `)`
	q, args := `SELECT `+live, []any{externalID}
	if is.staged[kindOpportunities] {
		q = `SELECT coalesce((SELECT created FROM ` + stageTable(kindOpportunities) + ` WHERE external_id = ?), ` + live + `)`
		args = append(args, externalID)
	}
	st, err := is.stmt(q)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("find opportunity %s: %w", externalID, err)
	}
	var created sql.NullString
	if err := st.QueryRowContext(ctx, args...).Scan(&created); err != nil {
		return time.Time{}, false, fmt.Errorf("find opportunity %s: %w", externalID, describe(err))
	}
	if !created.Valid {
		return time.Time{}, false, nil
	}
	d, err := model.ParseDate(created.String)
	return d, err == nil, nil
}

// existing reads the rows whose key is among keys as this import leaves
// them: staged rows first, the stored ones for the rest, one query per
// batch each. scan gets each row and returns its key.
func (is *ImportSession) existing(ctx context.Context, kind, cols string, keys []string, scan func(*sql.Rows) (string, error)) error {
	if len(keys) == 0 {
		return nil
	}
	seen := map[string]bool{}
	read := func(table string, keys []string) error {
		q := `SELECT ` + cols + ` FROM ` + table + ` WHERE external_id IN (%s)` + andPendingHidden("", table)
		err := is.lookup(ctx, q, keys, func(rows *sql.Rows) error {
			k, err := scan(rows)
			seen[k] = true
			return err
		})
		if err != nil {
			return fmt.Errorf("read %s: %w", kind, err)
		}
		return nil
	}
	if is.staged[kind] {
		if err := read(stageTable(kind), keys); err != nil {
			return err
		}
		rest := keys[:0:0]
		for _, k := range keys {
			if !seen[k] {
				rest = append(rest, k)
			}
		}
		keys = rest
	}
	return read(kind, keys)
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
	names, err := queryStrings(ctx, s.db, `SELECT name FROM import_profiles ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list import profiles: %w", err)
	}
	return names, nil
}
