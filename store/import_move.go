package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/model"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// move writes what the session staged into the real tables in one
// IMMEDIATE transaction: the reps first (their provisional ids become
// real ones), then each kind's updates and inserts.
//
// The statements are OR ROLLBACK and foreign keys are checked at the
// commit: no statement can fail half-way, so SQLite keeps no statement
// journal for them (the journal of a million-row statement would be held
// whole), and any failure undoes the whole move.
func (is *ImportSession) move() error {
	ctx := is.ctx
	is.store.announceWork(ctx, is.conn, "kpit import", is.records())
	if err := is.moveInBatches(ctx); err != nil {
		is.abandonPending()
		endWork(is.conn)
		return is.store.named(err)
	}
	tx, err := is.conn.BeginTx(ctx, nil) // IMMEDIATE (the DSN's _txlock)
	if err != nil {
		is.abandonPending()
		endWork(is.conn)
		return is.store.named(describe(err))
	}
	is.moving = tx
	err = is.moveIn(ctx, tx)
	if moveHook != nil {
		moveHook()
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, endWorkSQL)
	}
	if err == nil {
		err = describe(tx.Commit())
	} else {
		tx.Rollback()
	}
	is.moving = nil
	if err != nil {
		is.abandonPending()
		endWork(is.conn)
		return is.store.named(err)
	}
	is.pending = nil
	is.store.wrote()
	return nil
}

// moveInBatches moves a large import's new activities and opportunities
// in short transactions, invisible until the final one
// (store/import_pending.go), when this process can take the import lock;
// otherwise (another import holds it, or the system has none) the final
// transaction moves everything.
func (is *ImportSession) moveInBatches(ctx context.Context) error {
	if !is.store.sharedFile() {
		return nil
	}
	// The kinds first: a small import never touches the lock file.
	kinds, err := is.batchedKinds(ctx)
	if err != nil || len(kinds) == 0 {
		return err
	}
	lock, err := tryImportLock(is.store.path)
	if err != nil || lock == nil {
		return nil
	}
	is.lock = lock
	err = is.moveBatched(ctx, kinds)
	if errors.Is(err, errStopWithoutCleanup) {
		is.pending = nil // as a killed process would: the range stays
	}
	return err
}

// records is how many records the move writes or reads again: the
// staged rows of every kind and the reps it creates or changes.
func (is *ImportSession) records() int {
	return int(is.seq) + len(is.newReps) + len(is.repUpdates)
}

// moveHook, when set (tests), runs inside the move's transaction, while
// the import holds the write lock.
var moveHook func()

func (is *ImportSession) moveIn(ctx context.Context, tx *sql.Tx) error {
	if !is.store.pg {
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return describe(err)
		}
	}
	if !is.repsMoved {
		if err := is.moveReps(ctx, tx); err != nil {
			return err
		}
	}
	for _, kind := range append([]string{kindOpportunities, kindActivities, kindLeads, kindCustomers}, successKinds...) {
		if !is.staged[kind] {
			continue
		}
		if err := is.moveKind(ctx, tx, kind); err != nil {
			return err
		}
		if kind == kindLeads {
			if err := is.moveLeadStages(ctx, tx); err != nil {
				return err
			}
		}
	}
	return is.finishPending(ctx, tx)
}

// moveReps creates the new reps and changes the others as the file says,
// and maps each provisional id to the real one in temp.import_new_reps. A
// rep another process created meanwhile under the same name is used.
func (is *ImportSession) moveReps(ctx context.Context, tx *sql.Tx) error {
	if len(is.newReps) > 0 {
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS import_new_reps (tmp BIGINT PRIMARY KEY, id BIGINT NOT NULL)`); err != nil {
			return fmt.Errorf("create reps: %w", describe(err))
		}
	}
	for _, r := range is.newReps {
		if _, err := tx.ExecContext(ctx, `INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
			r.name, string(r.dept), r.active, is.now); err != nil {
			return fmt.Errorf("create rep %s: %w", r.name, describe(err))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO import_new_reps (tmp, id) VALUES (?, (SELECT id FROM reps WHERE name = ?))`, r.tmpID, r.name); err != nil {
			return fmt.Errorf("create rep %s: %w", r.name, describe(err))
		}
	}
	for _, r := range is.repUpdates {
		if _, err := tx.ExecContext(ctx, `UPDATE reps SET department = ?, active = ? WHERE id = ?`, string(r.dept), r.active, r.tmpID); err != nil {
			return fmt.Errorf("update rep %s: %w", r.name, describe(err))
		}
	}
	return nil
}

// moveKind writes a kind's staged updates, then its inserts in the order
// the file first named them.
func (is *ImportSession) moveKind(ctx context.Context, tx *sql.Tx, kind string) error {
	cols := stageCols[kind]
	stage := stageTable(kind)
	// SQLite: no statement can fail half-way (see move). PostgreSQL keeps
	// no statement journal; its statements are whole anyway.
	orRollback := " OR ROLLBACK"
	if is.store.pg {
		orRollback = ""
	}
	vals := is.stagedValues(kind)
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = " + vals[i]
	}
	if is.updates[kind] {
		// Driven by the staged updates, each finding its row by the
		// external_id index, never by a walk of the whole table.
		upd := fmt.Sprintf(`UPDATE%s %s AS t SET %s, updated_at = ?
			FROM (SELECT * FROM %s WHERE action = '%s') AS s WHERE t.external_id = s.external_id`,
			orRollback, kind, strings.Join(set, ", "), stage, actionUpdate)
		if _, err := tx.ExecContext(ctx, upd, is.now); err != nil {
			return moveFailed(kind, err)
		}
	}
	if is.batched(kind) {
		return nil // its new rows are in already, made visible by finishPending
	}
	ins := fmt.Sprintf(`INSERT%s INTO %s (external_id, %s, entered_at, updated_at, imported)
		SELECT s.external_id, %s, ?, ?, 1 FROM %s AS s WHERE s.action = '%s' ORDER BY %s`,
		orRollback, kind, strings.Join(cols, ", "), strings.Join(vals, ", "), stage, actionInsert, is.fileOrder())
	if n := is.inserts[kind]; n >= is.bulkMin() && !is.store.pg { // the bulk move reads SQLite's schema
		// Rebuilding the indexes pays when the import at least doubles
		// the table (store/import_bulk.go).
		var stored int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT n FROM live_counts WHERE record = ?), 0)`, kind).Scan(&stored); err != nil {
			return moveFailed(kind, err)
		}
		done, err := is.bulkInsert(ctx, tx, kind, ins, int64(n) >= stored)
		if err != nil || done {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, ins, is.now, is.now); err != nil {
		return moveFailed(kind, err)
	}
	return nil
}

// stagedValues are the expressions of kind's stageCols read from its
// staged row (as s), the rep's provisional id made real.
func (is *ImportSession) stagedValues(kind string) []string {
	cols := stageCols[kind]
	vals := make([]string, len(cols))
	for i, c := range cols {
		vals[i] = "s." + c
		if c == "rep_id" {
			vals[i] = is.realRep("s")
		}
	}
	return vals
}

// realRep is the real rep id of the staged row (as alias): a rep this
// import creates has a negative provisional id until moveReps.
func (is *ImportSession) realRep(alias string) string {
	if len(is.newReps) == 0 {
		return alias + ".rep_id"
	}
	return fmt.Sprintf("CASE WHEN %[1]s.rep_id < 0 THEN (SELECT r.id FROM import_new_reps r WHERE r.tmp = %[1]s.rep_id) ELSE %[1]s.rep_id END", alias)
}

// fileOrder orders the staged rows (as s) by where the file first named
// each record: SQLite's rowid, as they were staged in that order (no sort);
// PostgreSQL's heap has no such order, so its seq.
func (is *ImportSession) fileOrder() string {
	if is.store.pg {
		return "s.seq"
	}
	return "s.rowid"
}

// moveLeadStages writes the opportunity and won days staged for leads as
// stage changes, unless the lead already reached that stage: a second
// import of the same file writes nothing. A lead's opportunity day goes in
// before its won day.
func (is *ImportSession) moveLeadStages(ctx context.Context, tx *sql.Tx) error {
	for _, st := range []struct {
		stage model.FunnelStage
		col   string
	}{{model.FunnelOpportunity, "opportunity_at"}, {model.FunnelWon, "won_at"}} {
		q := fmt.Sprintf(`INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
			SELECT l.id, ?, s.%s, l.rep_id, ? FROM %s AS s JOIN leads AS l ON l.external_id = s.external_id
			WHERE s.%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.lead_id = l.id AND h.stage = ?)
			ORDER BY %s`, st.col, stageTable(kindLeads), st.col, is.fileOrder())
		if _, err := tx.ExecContext(ctx, q, string(st.stage), is.now, string(st.stage)); err != nil {
			return fmt.Errorf("record the %s days of leads: %w", st.stage, describe(err))
		}
	}
	return nil
}

// moveFailed names a move's failure. The one a user can meet is another
// import writing records of the same ids while this one was staging.
func moveFailed(kind string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE {
		return fmt.Errorf("write %s: another kpit wrote %s of the same ids while this import was reading the file; nothing was written, run it again", kind, kind)
	}
	return fmt.Errorf("write %s: %w", kind, describe(err))
}
