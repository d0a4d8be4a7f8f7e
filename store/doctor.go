package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// FindingKind says which check a finding comes from.
type FindingKind string

const (
	FindIntegrity  FindingKind = "integrity"   // PRAGMA integrity_check
	FindForeignKey FindingKind = "foreign_key" // PRAGMA foreign_key_check
	FindRollup     FindingKind = "rollup"      // rollup_daily against a recount of the records
	FindTrigger    FindingKind = "trigger"     // a roll-up trigger is missing
	FindSchema     FindingKind = "schema"      // user_version is not this binary's
	FindWAL        FindingKind = "wal"         // the -wal file has grown large
	FindStopped    FindingKind = "stopped"     // an import that stopped left hidden rows (import_pending.go)
)

// Finding is one thing the doctor found wrong. Detail is SQLite's own
// words or the figures that differ; N counts the rows or tables concerned.
type Finding struct {
	Kind   FindingKind
	Detail string
	N      int
}

// LargeWAL is the size of the -wal file past which the doctor reports it:
// SQLite checkpoints it back into the database at about 4 MB unless a
// reader held it open for long (a cockpit left open for days).
const LargeWAL = 64 << 20

// maxIntegrityLines caps the messages integrity_check returns: a badly
// damaged file yields thousands.
const maxIntegrityLines = 20

// CheckStage is one of the checks of Check, in the order it runs them, for
// a progress line on a large file (integrity_check alone takes minutes at a
// million deals: BENCHMARKS.md).
type CheckStage int

const (
	StageIntegrity CheckStage = iota + 1
	StageForeignKeys
	StageSchema // the schema version and the roll-up triggers
	StageDailyRollup
	StageMonthlyRollup
	StageImportsAndWAL // a stopped import and the size of the -wal file
)

// CheckStages is how many stages Check goes through.
const CheckStages = int(StageImportsAndWAL)

// Check runs every check of kpit doctor: integrity_check, foreign_key_check,
// the roll-up triggers and the roll-up against a recount from the records,
// the schema version and the size of the -wal file. No findings means
// nothing is wrong. It only reads.
func (s *Store) Check(ctx context.Context) ([]Finding, error) {
	return s.CheckShowing(ctx, nil)
}

// CheckShowing is Check calling onStage (when not nil) as each check
// begins.
func (s *Store) CheckShowing(ctx context.Context, onStage func(CheckStage)) ([]Finding, error) {
	if s.pg {
		return nil, notSupportedPG("kpit doctor")
	}
	stage := func(st CheckStage) {
		if onStage != nil {
			onStage(st)
		}
	}
	var out []Finding
	stage(StageIntegrity)
	integrity, err := s.integrity(ctx, "integrity_check")
	if err != nil {
		return nil, err
	}
	if len(integrity) > 0 {
		// The other checks read the same damaged pages: their answers would
		// only repeat this one, or fail.
		return []Finding{{Kind: FindIntegrity, Detail: integrity[0], N: len(integrity)}}, nil
	}
	stage(StageForeignKeys)
	var fkRows int
	var fkTable string
	rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, describe(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, describe(err)
		}
		if fkRows == 0 {
			fkTable = fmt.Sprintf("%s row %d refers to a missing %s", table, rowid.Int64, parent)
		}
		fkRows++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, describe(err)
	}
	if fkRows > 0 {
		out = append(out, Finding{Kind: FindForeignKey, Detail: fkTable, N: fkRows})
	}
	stage(StageSchema)
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, describe(err)
	}
	if version != SchemaVersion() {
		out = append(out, Finding{Kind: FindSchema, Detail: fmt.Sprintf("schema version %d, this kpit writes %d", version, SchemaVersion())})
	}
	missing, err := s.missingTriggers(ctx)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		out = append(out, Finding{Kind: FindTrigger, Detail: strings.Join(missing, ", "), N: len(missing)})
	}
	stage(StageDailyRollup)
	diff, first, err := s.rollupDiff(ctx)
	if err != nil {
		return nil, err
	}
	if diff == 0 {
		// The monthly roll-up is summed from the daily one by triggers:
		// checked against it once the daily one is right.
		stage(StageMonthlyRollup)
		if diff, first, err = s.monthlyDiff(ctx); err != nil {
			return nil, err
		}
	}
	if diff > 0 {
		out = append(out, Finding{Kind: FindRollup, Detail: first, N: diff})
	}
	stage(StageImportsAndWAL)
	if p, err := s.PendingImport(ctx); err != nil {
		return nil, err
	} else if p != nil && !p.Moving {
		var n int64
		for _, rows := range p.Rows {
			n += rows
		}
		out = append(out, Finding{Kind: FindStopped, N: int(n)})
	}
	if info, err := os.Stat(s.path + "-wal"); err == nil && info.Size() > LargeWAL {
		out = append(out, Finding{Kind: FindWAL, Detail: fmt.Sprintf("%d MB", info.Size()>>20), N: int(info.Size() >> 20)})
	}
	return out, nil
}

// integrity runs integrity_check or quick_check and returns its complaints,
// none for a sound file. A check that stops at a page it cannot read has
// found damage: that is its answer, not a failure to run.
func (s *Store) integrity(ctx context.Context, pragma string) ([]string, error) {
	var lines []string
	err := func() error {
		rows, err := s.db.QueryContext(ctx, fmt.Sprintf("PRAGMA %s(%d)", pragma, maxIntegrityLines))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				return err
			}
			// A row can hold several lines, headed by the schema's name.
			for _, l := range strings.Split(line, "\n") {
				if l != "ok" && l != "" && !strings.HasPrefix(l, "*** in database") {
					lines = append(lines, l)
				}
			}
		}
		return rows.Err()
	}()
	if isDamage(err) {
		return append(lines, firstLine(err).Error()), nil
	}
	return lines, describe(err)
}

// rollupTriggers are the triggers that keep rollup_daily in step with the
// records (store/schema.go, migration 1) and rollup_monthly with
// rollup_daily (migration 10).
var rollupTriggers = []string{
	"activities_ai", "activities_ad", "activities_au",
	"activities_connects_ai", "activities_connects_ad", "activities_connects_au",
	"opportunities_ai", "opportunities_ad", "opportunities_au",
	"leads_ai", "leads_ad", "leads_au",
	"rollup_daily_monthly_ai", "rollup_daily_monthly_au", "rollup_daily_monthly_moved", "rollup_daily_monthly_ad",
}

func (s *Store) missingTriggers(ctx context.Context) ([]string, error) {
	have, err := queryStrings(ctx, s.db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'")
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, name := range rollupTriggers {
		if !slices.Contains(have, name) {
			missing = append(missing, name)
		}
	}
	return missing, nil
}

// rollupRecount is rollup_daily as it should be, counted afresh from the
// live records by the rules of the triggers in store/schema.go: activities
// by kind, opportunities on their created day, orders won or lost and the
// revenue won on their close day, leads on their created day (rep 0 for
// no owner), the connected calls on their day (migration 13). Both engines
// read it.
var rollupRecount = recountReading("")

// rollupRecountScan is rollupRecount for SQLite alone, which reads
// activities and the closed deals NOT INDEXED, straight through the table:
// left to itself it walks an index (activities_rep, opportunities_closed)
// and looks up every row from it, which made the recount of a million deals
// several times slower (BENCHMARKS.md). Every live row is read either way,
// so the figures are the same.
var rollupRecountScan = recountReading(" NOT INDEXED")

// recount is the recount this store's engine reads best.
func (s *Store) recount() string {
	if s.pg {
		return rollupRecount
	}
	return rollupRecountScan
}

// recountReading is the recount with notIndexed after the tables it reads
// whole.
func recountReading(notIndexed string) string {
	return `
SELECT day, CASE kind WHEN 'visit' THEN 'visits' WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails'
	WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END AS metric,
	rep_id, sum(count) AS value
FROM activities` + notIndexed + ` WHERE deleted_at IS NULL AND ` + pendingActivities + ` GROUP BY 1, 2, 3
UNION ALL
SELECT day, 'connects', rep_id, sum(connected) FROM activities` + notIndexed + `
WHERE deleted_at IS NULL AND ` + pendingActivities + ` AND kind = 'call' AND connected > 0 GROUP BY 1, 3
UNION ALL
SELECT created, 'opportunities', rep_id, count(*) FROM opportunities WHERE deleted_at IS NULL AND ` + pendingOpportunities + ` GROUP BY 1, 3
UNION ALL
SELECT closed, 'orders_won', rep_id, count(*) FROM opportunities` + notIndexed + `
WHERE deleted_at IS NULL AND ` + pendingOpportunities + ` AND outcome = 'won' AND closed IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT closed, 'revenue', rep_id, sum(coalesce(amount_yen, 0)) FROM opportunities` + notIndexed + `
WHERE deleted_at IS NULL AND ` + pendingOpportunities + ` AND outcome = 'won' AND closed IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT closed, 'orders_lost', rep_id, count(*) FROM opportunities` + notIndexed + `
WHERE deleted_at IS NULL AND ` + pendingOpportunities + ` AND outcome = 'lost' AND closed IS NOT NULL GROUP BY 1, 3
UNION ALL
SELECT created, 'leads', coalesce(rep_id, 0), count(*) FROM leads WHERE deleted_at IS NULL GROUP BY 1, 3`
}

// rollupDiff counts the (day, metric, rep) cells where rollup_daily and
// the recount differ (a cell missing on one side counts as 0) and
// describes the first.
func (s *Store) rollupDiff(ctx context.Context) (int, string, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH want AS (`+s.recount()+`),
have AS (SELECT day, metric, rep_id, value FROM rollup_daily WHERE value <> 0),
cells AS (SELECT day, metric, rep_id FROM want UNION SELECT day, metric, rep_id FROM have)
SELECT c.day, c.metric, c.rep_id, coalesce(h.value, 0), coalesce(w.value, 0)
FROM cells c
LEFT JOIN have h USING (day, metric, rep_id)
LEFT JOIN want w USING (day, metric, rep_id)
WHERE coalesce(h.value, 0) <> coalesce(w.value, 0)
ORDER BY c.day, c.metric, c.rep_id`)
	if err != nil {
		return 0, "", describe(err)
	}
	defer rows.Close()
	n, first := 0, ""
	for rows.Next() {
		var day, metric string
		var rep, have, want int64
		if err := rows.Scan(&day, &metric, &rep, &have, &want); err != nil {
			return 0, "", describe(err)
		}
		if n == 0 {
			first = fmt.Sprintf("%s %s of rep %d: %d in the roll-up, %d in the records", day, metric, rep, have, want)
		}
		n++
	}
	return n, first, describe(rows.Err())
}

// monthlyDiff counts the (month, metric, rep) cells where rollup_monthly
// and the sum of rollup_daily over the month differ, and describes the
// first.
func (s *Store) monthlyDiff(ctx context.Context) (int, string, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH want AS (SELECT substr(day, 1, 7) AS month, metric, rep_id, sum(value) AS value FROM rollup_daily GROUP BY 1, 2, 3),
have AS (SELECT month, metric, rep_id, value FROM rollup_monthly),
cells AS (SELECT month, metric, rep_id FROM want UNION SELECT month, metric, rep_id FROM have)
SELECT c.month, c.metric, c.rep_id, coalesce(h.value, 0), coalesce(w.value, 0)
FROM cells c
LEFT JOIN have h USING (month, metric, rep_id)
LEFT JOIN want w USING (month, metric, rep_id)
WHERE coalesce(h.value, 0) <> coalesce(w.value, 0)
ORDER BY c.month, c.metric, c.rep_id`)
	if err != nil {
		return 0, "", describe(err)
	}
	defer rows.Close()
	n, first := 0, ""
	for rows.Next() {
		var month, metric string
		var rep, have, want int64
		if err := rows.Scan(&month, &metric, &rep, &have, &want); err != nil {
			return 0, "", describe(err)
		}
		if n == 0 {
			first = fmt.Sprintf("%s %s of rep %d: %d in the monthly roll-up, %d in the daily one", month, metric, rep, have, want)
		}
		n++
	}
	return n, first, describe(rows.Err())
}

// RebuildRollups replaces rollup_daily with a recount from the records, and
// rollup_monthly with the months of that, in one write transaction: readers
// see the old roll-ups or the new ones.
func (s *Store) RebuildRollups(ctx context.Context) error {
	if s.pg {
		return notSupportedPG("rebuilding the roll-ups")
	}
	return s.tx(ctx, model.AreaRules, func(tx *sql.Tx) error {
		for _, q := range []string{
			"DELETE FROM rollup_daily",
			"INSERT INTO rollup_daily (day, metric, rep_id, value) " + s.recount(),
			"DELETE FROM rollup_monthly",
			rollupMonthlyRecount,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return describe(err)
			}
		}
		return nil
	})
}

// Checkpoint copies the -wal file back into the database and truncates it
// (PRAGMA wal_checkpoint(TRUNCATE)). It returns false when a reader still
// held part of it, so it could not be emptied.
func (s *Store) Checkpoint(ctx context.Context) (bool, error) {
	if s.pg {
		return true, nil // no write-ahead file of kpit's to fold back
	}
	var busy, logPages, done int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logPages, &done); err != nil {
		return false, describe(err)
	}
	return busy == 0, nil
}

// wholeCheckBytes is the file size up to which CheckPages checks every page:
// PRAGMA quick_check took 60-220 ms on the 9.9 MB demo file on a loaded
// 2-core machine, 1.4-7.7 s on a 172 MB file of 100,000 deals
// (RELIABILITY.md). Every command pays it, so the bound stays where it
// costs a short command well under a second; the 21 MB file of 10,000 deals
// spent more on this check than on its query at 32 MB.
const wholeCheckBytes = 16 << 20

// pagesEveryCommandReads are the tables every command and screen reads:
// settings, the reps and the goals. Checked alone they take under a
// millisecond at any size.
var pagesEveryCommandReads = []string{"settings", "reps", "kgi_revisions", "kpi_revisions", "kpis"}

// CheckPages is the check at open of kpit's commands and cockpit, so that a
// damaged file is refused in one line before anything is shown or written:
// PRAGMA quick_check of the whole file up to 16 MB, and of the tables
// every command reads in a larger one (kpit doctor checks all of it).
func (s *Store) CheckPages(ctx context.Context) error {
	if s.pg {
		return nil // the server checks its own pages (data checksums, amcheck)
	}
	tables := []string{""}
	if info, err := os.Stat(s.path); err == nil && info.Size() > wholeCheckBytes {
		tables = pagesEveryCommandReads
	}
	for _, t := range tables {
		pragma := "quick_check"
		if t != "" {
			pragma = "quick_check(" + t + ")"
		}
		var result string
		err := s.db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&result)
		if isDamage(err) || (err == nil && result != "ok") {
			return fmt.Errorf("database %s: %w", s.path, ErrDamaged)
		}
		if err != nil {
			return fmt.Errorf("database %s: %w", s.path, describe(err))
		}
	}
	return nil
}
