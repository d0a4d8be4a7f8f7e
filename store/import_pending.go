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

// A large import's new activities and opportunities are moved in many
// short transactions, so that another kpit's write waits for one of them
// (a fraction of a second) instead of the whole move (docs/import.md,
// "Moving in batches"). The rows stay invisible until one short final
// transaction makes them all visible at once:
//
//   - Before the first batch the import reserves an id range above every
//     stored id and records it in import_pending. It writes the range's
//     last row first, so a record another process adds meanwhile gets an
//     id above the range and stays visible.
//   - Every read of those two tables leaves out the ids of a pending range
//     (pendingHidden). Their roll-ups and live counts are not touched by
//     the batches (the insert triggers are held off, as in the bulk move)
//     but added by the final transaction, which also deletes the range.
//   - The reps the file names and kpit does not know are created by the
//     first batch's transaction (the rows need their ids), visible from
//     then on with no records until the end; their id range is kept too,
//     so that a stopped import's reps go with its rows, unless another
//     kpit has given them records meanwhile.
//   - Only the holder of the import lock (a lock file beside the database,
//     importLock) may have a pending range. A range found by anyone who
//     holds that lock was left by an import that stopped (killed, or its
//     disk filled): its rows are deleted (clearStoppedImport), at the next
//     import and at the next open that may write.

// sharedFile reports whether s is a SQLite file other processes may write
// while an import moves: not PostgreSQL (one transaction there), not a
// scratch copy in memory (a dry run: nothing else writes to it, and its
// path is the real file's, whose lock it must not take).
func (s *Store) sharedFile() bool { return !s.pg && s.changes != nil }

// pendingRepsRecord is import_pending's record for the reps an import
// created before its rows became visible.
const pendingRepsRecord = "reps"

// pendingTables are the tables an import may move in batches: those with a
// bulk derivation of what their insert triggers write.
var pendingTables = []string{kindOpportunities, kindActivities}

// pendingHidden is the condition that leaves out a row of table (read as
// alias, or by the table's own name when alias is empty) an import has not
// finished moving. Every read of opportunities and activities carries it;
// TestPendingImportIsInvisible reads through every store method while an
// import is half moved. The two bounds are uncorrelated subqueries, worked
// out once per statement; with no pending import the range is empty
// (1 to 0) and every row passes.
func pendingHidden(alias, table string) string {
	if alias == "" {
		alias = table
	}
	return fmt.Sprintf(`%s.id NOT BETWEEN (SELECT coalesce(min(lo), 1) FROM import_pending WHERE record = '%s') AND (SELECT coalesce(max(hi), 0) FROM import_pending WHERE record = '%s')`,
		alias, table, table)
}

// andPendingHidden is " AND " and pendingHidden for a table an import may
// move in batches, and nothing for any other: for the reads written once
// for every kind of record.
func andPendingHidden(alias, table string) string {
	if table != kindOpportunities && table != kindActivities {
		return ""
	}
	return " AND " + pendingHidden(alias, table)
}

// pendingOpportunities and pendingActivities are pendingHidden for a
// table read by its own name.
var (
	pendingOpportunities = pendingHidden("", kindOpportunities)
	pendingActivities    = pendingHidden("", kindActivities)
)

// importPendingSQL is the table of reserved ranges (migration 23, the same
// text on both engines; PostgreSQL never moves in batches but reads
// through the same condition).
const importPendingSQL = `
CREATE TABLE import_pending (
	record     TEXT NOT NULL,
	lo         BIGINT NOT NULL,
	hi         BIGINT NOT NULL,
	started_at TEXT NOT NULL,
	PRIMARY KEY (record, lo)
);
`

// batchMinRows is the fewest new rows of a kind moved in batches; a smaller
// import is one short transaction anyway. A variable so that a test can
// move a small import in batches.
var batchMinRows = 20000

// Batches aim at batchTarget each: the next batch's size follows the last
// one's time, within batchRowsMin and batchRowsMax. Each commit writes the
// index pages its rows touched to the WAL again, so shorter batches cost
// more in all: 400,000 deals into a new file took 25 s of CPU at 200 ms,
// 17 s at 500 ms and 16 s at 1 s (BENCHMARKS.md, "Moving in batches");
// half a second keeps another writer's wait well under the second or two
// a person accepts.
var (
	batchTarget  = 500 * time.Millisecond
	batchRowsMin = 200
	batchRowsMax = 50000
	batchFirst   = 2000
)

// batchHook, when set (tests), runs after each committed batch, before the
// next; an error it returns stops the move as a failure would.
var batchHook func(kind string, done, total int64) error

// errStopWithoutCleanup, returned by batchHook, stops the move as a killed
// process would: the pending range and its rows stay for the next open.
var errStopWithoutCleanup = errors.New("stopped without cleanup (test)")

// pendingRange is one kind's reserved ids lo..hi: the n staged new rows
// in file order (orderTable) get lo, lo+1, …, as the one-transaction move
// would give them.
type pendingRange struct {
	kind   string
	lo, hi int64
	n      int64
}

// orderTable is the TEMP table numbering a kind's staged new rows 1..n in
// file order (ord), each with its staged row (srow): batches are ranges
// of ord, and a row's id is lo - 1 + ord.
func orderTable(kind string) string { return "import_order_" + kind }

// batched reports whether kind's new rows went in by batches.
func (is *ImportSession) batched(kind string) bool {
	for _, r := range is.pending {
		if r.kind == kind {
			return true
		}
	}
	return false
}

// batchedKinds are the kinds this import moves in batches: those with
// batchMinRows new rows or more whose roll-ups were derived before the move
// and whose triggers the bulk move knows.
func (is *ImportSession) batchedKinds(ctx context.Context) ([]string, error) {
	var kinds []string
	for _, kind := range pendingTables {
		if _, ok := is.derived[kind]; !ok || is.inserts[kind] < is.batchMin() {
			continue
		}
		tx, err := is.conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return nil, describe(err)
		}
		_, _, ok, err := bulkPlan(ctx, tx, kind, false)
		tx.Rollback()
		if err != nil {
			return nil, err
		}
		if ok {
			kinds = append(kinds, kind)
		}
	}
	return kinds, nil
}

// moveBatched moves the new rows of kinds in batches, each its own
// transaction, after a first one that creates the import's reps, clears a
// stopped import's range and reserves this one's. What it returns is what
// the final transaction must make visible.
func (is *ImportSession) moveBatched(ctx context.Context, kinds []string) error {
	// The batches read the growing indexes through the page cache, not the
	// memory map: mapped pages count in the process's resident memory, 240
	// MB against 65 MB for 400,000 deals, for no gain in time.
	if _, err := is.conn.ExecContext(ctx, "PRAGMA mmap_size = 0"); err != nil {
		return describe(err)
	}
	ranges := make([]pendingRange, 0, len(kinds))
	for _, kind := range kinds {
		t := orderTable(kind)
		if _, err := is.conn.ExecContext(ctx, `DROP TABLE IF EXISTS `+t); err != nil {
			return fmt.Errorf("write %s: %w", kind, describe(err))
		}
		if _, err := is.conn.ExecContext(ctx, `CREATE TEMP TABLE `+t+` (ord INTEGER PRIMARY KEY, srow INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("write %s: %w", kind, describe(err))
		}
		res, err := is.conn.ExecContext(ctx, `INSERT INTO `+t+` (srow) SELECT rowid FROM `+stageTable(kind)+` WHERE action = ? ORDER BY rowid`, actionInsert)
		if err != nil {
			return fmt.Errorf("write %s: %w", kind, describe(err))
		}
		n, _ := res.RowsAffected()
		ranges = append(ranges, pendingRange{kind: kind, n: n})
	}
	// Holding the lock, any range left is a stopped import's.
	if err := clearStale(ctx, is.conn); err != nil {
		return err
	}
	err := is.writeTx(ctx, func(tx *sql.Tx) error {
		var repLo, repHi int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM reps`).Scan(&repLo); err != nil {
			return fmt.Errorf("create reps: %w", describe(err))
		}
		if err := is.moveReps(ctx, tx); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM reps`).Scan(&repHi); err != nil {
			return fmt.Errorf("create reps: %w", describe(err))
		}
		if repHi >= repLo {
			if _, err := tx.ExecContext(ctx, `INSERT INTO import_pending (record, lo, hi, started_at) VALUES (?, ?, ?, ?)`,
				pendingRepsRecord, repLo, repHi, is.now); err != nil {
				return fmt.Errorf("create reps: %w", describe(err))
			}
		}
		for i := range ranges {
			r := &ranges[i]
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM `+r.kind).Scan(&r.lo); err != nil {
				return fmt.Errorf("write %s: %w", r.kind, describe(err))
			}
			r.hi = r.lo + r.n - 1
			if _, err := tx.ExecContext(ctx, `INSERT INTO import_pending (record, lo, hi, started_at) VALUES (?, ?, ?, ?)`,
				r.kind, r.lo, r.hi, is.now); err != nil {
				return fmt.Errorf("write %s: %w", r.kind, describe(err))
			}
			// The range's last row first: from here on a record added by
			// anyone else gets an id above the range.
			if err := is.insertBatch(ctx, tx, *r, r.n, r.n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	is.repsMoved = true
	is.pending = ranges
	var total, moved int64
	for _, r := range ranges {
		total += r.n
	}
	for _, r := range ranges {
		moved++ // the range's last row, in the first transaction
		rows := int64(batchFirst)
		if fixed := is.store.batches.Rows; fixed > 0 {
			rows = int64(fixed)
		}
		for from := int64(1); from < r.n; {
			to := min(from+rows-1, r.n-1)
			start := time.Now()
			if err := is.writeTx(ctx, func(tx *sql.Tx) error { return is.insertBatch(ctx, tx, r, from, to) }); err != nil {
				return err
			}
			if is.store.batches.Rows == 0 {
				rows = nextBatch(rows, time.Since(start))
			}
			moved += to - from + 1
			from = to + 1
			if is.onMove != nil {
				is.onMove(moved, total)
			}
			if batchHook != nil {
				if err := batchHook(r.kind, to, r.n); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// batchMin is the fewest new rows of a kind moved in batches: the store's
// ImportBatches.MinRows when a test set it, else batchMinRows.
func (is *ImportSession) batchMin() int {
	if m := is.store.batches.MinRows; m > 0 {
		return m
	}
	return batchMinRows
}

// bulkMin is the fewest new rows of a kind moved in bulk: a batched move
// needs the bulk move's derived roll-ups, so a store's ImportBatches.MinRows
// lowers it too.
func (is *ImportSession) bulkMin() int {
	if m := is.store.batches.MinRows; m > 0 {
		return min(m, bulkMinRows)
	}
	return bulkMinRows
}

// nextBatch is the size of the batch after one of rows that took took.
func nextBatch(rows int64, took time.Duration) int64 {
	if took > 0 {
		rows = int64(float64(rows) * float64(batchTarget) / float64(took))
	}
	return max(int64(batchRowsMin), min(rows, int64(batchRowsMax)))
}

// writeTx runs fn in one IMMEDIATE transaction of the session's
// connection, which a Rollback of the session can end.
func (is *ImportSession) writeTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return inWriteTx(ctx, is.conn, func(tx *sql.Tx) error {
		is.moving = tx
		defer func() { is.moving = nil }()
		return fn(tx)
	})
}

// insertBatch inserts the staged new rows from..to (in file order) of r's
// kind under their reserved ids, with the kind's insert triggers held off: the
// final transaction adds what they would have written.
func (is *ImportSession) insertBatch(ctx context.Context, tx *sql.Tx, r pendingRange, from, to int64) error {
	triggers, _, ok, err := bulkPlan(ctx, tx, r.kind, false)
	if err != nil {
		return err
	}
	if !ok { // another kpit's migration added a trigger meanwhile; what went in is cleared
		return model.Refused(model.RefuseImportSchemaChanged, r.kind)
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER main.`+t.name); err != nil {
			return describe(err)
		}
	}
	cols, vals := stageCols[r.kind], is.stagedValues(r.kind)
	ins := fmt.Sprintf(`INSERT OR ROLLBACK INTO %s (id, external_id, %s, entered_at, updated_at, imported)
		SELECT ? + o.ord, s.external_id, %s, ?, ?, 1 FROM %s AS o JOIN %s AS s ON s.rowid = o.srow
		WHERE o.ord BETWEEN ? AND ? ORDER BY o.ord`,
		r.kind, strings.Join(cols, ", "), strings.Join(vals, ", "), orderTable(r.kind), stageTable(r.kind))
	if _, err := tx.ExecContext(ctx, ins, r.lo-1, is.now, is.now, from, to); err != nil {
		return moveFailed(r.kind, err)
	}
	if r.kind == kindOpportunities {
		// What open_deal_work's insert trigger would write, here rather
		// than in the final transaction (at a million deals, hundreds of
		// thousands of open ones): its one reader, the stalled-deal alert,
		// reaches a row through its deal, which stays hidden till then.
		_, err := tx.ExecContext(ctx, `INSERT INTO open_deal_work (opportunity_id, last_day)
			SELECT o.id, `+openDealLastDay("o.id")+` FROM opportunities o
			WHERE o.id BETWEEN ? AND ? AND o.outcome = 'open' AND o.deleted_at IS NULL`, r.lo-1+from, r.lo-1+to)
		if err != nil {
			return fmt.Errorf("write %s: open deals' last work: %w", r.kind, describe(err))
		}
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, t.sql); err != nil {
			return fmt.Errorf("write %s: restore %s: %w", r.kind, t.name, describe(err))
		}
	}
	return nil
}

// finishPending, in the final transaction, adds what the held-off
// triggers would have written for each range's rows and deletes the
// ranges: every row becomes visible at this commit. A range that is gone
// was cleared by someone who took it for a stopped import's; the move
// fails rather than show a part of the file.
func (is *ImportSession) finishPending(ctx context.Context, tx *sql.Tx) error {
	if len(is.pending) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM import_pending WHERE record = ?`, pendingRepsRecord); err != nil {
		return fmt.Errorf("create reps: %w", describe(err))
	}
	for _, r := range is.pending {
		res, err := tx.ExecContext(ctx, `DELETE FROM import_pending WHERE record = ? AND lo = ?`, r.kind, r.lo)
		if err != nil {
			return fmt.Errorf("write %s: %w", r.kind, describe(err))
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return model.Refused(model.RefuseImportRowsCleared, r.kind)
		}
		if err := is.addDerived(ctx, tx, r.kind, is.derived[r.kind]); err != nil {
			return fmt.Errorf("write %s: %w", r.kind, err)
		}
		if r.kind == kindActivities { // the new deals' rows went in with them (insertBatch)
			if err := is.addOpenDealWork(ctx, tx, r.kind); err != nil {
				return fmt.Errorf("write %s: open deals' last work: %w", r.kind, err)
			}
		}
	}
	return nil
}

// abandonPending deletes the rows of a move that failed after its first
// batch, then its ranges. When even that fails (the disk is full), the
// next import or open that may write clears them.
func (is *ImportSession) abandonPending() {
	if len(is.pending) > 0 {
		clearStale(context.Background(), is.conn)
		is.pending = nil
	}
}

// pendingDeleteRows is how many ids one cleanup transaction deletes.
const pendingDeleteRows = 5000

// clearStale deletes every pending range and its rows. The caller holds
// the import lock, so they are a stopped import's (or its own failed
// one's). The rows are invisible to every read, so they go in
// transactions of pendingDeleteRows ids, each as short as a batch of the
// move; the ranges go last, in one more.
func clearStale(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `SELECT record, lo, hi FROM import_pending`)
	if err != nil {
		return describe(err)
	}
	var ranges []pendingRange
	for rows.Next() {
		var r pendingRange
		if err := rows.Scan(&r.kind, &r.lo, &r.hi); err != nil {
			rows.Close()
			return describe(err)
		}
		ranges = append(ranges, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ranges) == 0 {
		return describe(err)
	}
	for _, r := range ranges {
		if r.kind == pendingRepsRecord {
			continue // below, once their records are gone
		}
		for from := r.lo; from <= r.hi; from += pendingDeleteRows {
			to := min(from+pendingDeleteRows-1, r.hi)
			if err := inWriteTx(ctx, conn, func(tx *sql.Tx) error { return deleteHeldOff(ctx, tx, r.kind, from, to) }); err != nil {
				return err
			}
		}
	}
	return inWriteTx(ctx, conn, func(tx *sql.Tx) error {
		for _, r := range ranges {
			if r.kind == pendingRepsRecord {
				if err := deleteUnusedReps(ctx, tx, r.lo, r.hi); err != nil {
					return err
				}
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM import_pending`)
		return describe(err)
	})
}

// inWriteTx runs fn in one IMMEDIATE transaction of conn (the DSN's
// _txlock), foreign keys checked at its commit.
func inWriteTx(ctx context.Context, conn *sql.Conn, fn func(*sql.Tx) error) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return describe(err)
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		tx.Rollback()
		return describe(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return describe(tx.Commit())
}

// deleteUnusedReps deletes the reps lo..hi that nothing refers to: the
// foreign keys refuse the others, rep by rep (the transaction checks them
// at its commit, so each rep is asked first with the check made at once).
func deleteUnusedReps(ctx context.Context, tx *sql.Tx, lo, hi int64) error {
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = OFF"); err != nil {
		return describe(err)
	}
	for id := lo; id <= hi; id++ {
		if _, err := tx.ExecContext(ctx, `DELETE FROM reps WHERE id = ?`, id); err != nil && !isConstraint(err) {
			return describe(err)
		}
	}
	return nil
}

// deleteHeldOff deletes table's rows lo..hi with its delete triggers
// dropped for the statement and restored from their own SQL: the rows'
// insert triggers never ran, so there is nothing to take back.
func deleteHeldOff(ctx context.Context, tx *sql.Tx, table string, lo, hi int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid`, table)
	if err != nil {
		return describe(err)
	}
	var triggers []schemaEntry
	for rows.Next() {
		var e schemaEntry
		if err := rows.Scan(&e.name, &e.sql); err != nil {
			rows.Close()
			return describe(err)
		}
		if firesOn(e.sql, "DELETE") {
			triggers = append(triggers, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return describe(err)
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER main.`+t.name); err != nil {
			return describe(err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id BETWEEN ? AND ?`, lo, hi); err != nil {
		return describe(err)
	}
	if table == kindOpportunities { // the rows insertBatch wrote for them
		if _, err := tx.ExecContext(ctx, `DELETE FROM open_deal_work WHERE opportunity_id BETWEEN ? AND ?`, lo, hi); err != nil {
			return describe(err)
		}
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, t.sql); err != nil {
			return describe(err)
		}
	}
	return nil
}

// ClearStoppedImport deletes a stopped import's hidden rows, when there
// are any and no import holds the lock (kpit doctor --repair; every open
// that may write does it too). It is cheap when there is nothing to do:
// one read of an empty table, and the lock file is not touched.
func (s *Store) ClearStoppedImport(ctx context.Context) error {
	if !s.sharedFile() {
		return nil
	}
	var any bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM import_pending)`).Scan(&any); err != nil || !any {
		return describe(err)
	}
	lock, err := tryImportLock(s.path)
	if err != nil || lock == nil {
		return err // an import is moving its rows, or there is no lock to take
	}
	defer lock.release()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return describe(err)
	}
	defer conn.Close()
	return clearStale(ctx, conn)
}

// PendingImport is an import's rows not yet visible: how many ids each
// table has reserved, and whether the import that reserved them is still
// moving them (else they were left by an import that stopped).
type PendingImport struct {
	Rows   map[string]int64
	Moving bool
}

// PendingImport reports a pending import, or nil when there is none.
func (s *Store) PendingImport(ctx context.Context) (*PendingImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT record, hi - lo + 1 FROM import_pending`)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	p := &PendingImport{Rows: map[string]int64{}}
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, describe(err)
		}
		if kind != pendingRepsRecord { // visible all along
			p.Rows[kind] += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, describe(err)
	}
	if len(p.Rows) == 0 {
		return nil, nil
	}
	// Without the lock file no import can be moving: it makes the file.
	lock, err := tryImportLock(s.path)
	p.Moving = err == nil && lock == nil
	lock.release()
	return p, nil
}
