package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The bulk move of a large import's new activities and opportunities
// (docs/import.md). Row by row, each new record fires its insert triggers
// (the daily roll-up, through it the monthly one, and the live count) and
// enters every index of its table; at hundreds of thousands of rows that
// is most of an import's time. In bulk, the roll-up deltas of the staged
// inserts are summed with one GROUP BY per metric before the move, without
// the write lock (deriveStaged); inside the move's one transaction the
// insert triggers are dropped, the rows inserted, the deltas and the live
// count added, and the triggers created again from their own stored SQL. When the import
// at least doubles the table, its indexes are dropped too and built again
// afterwards (one sort each instead of a B-tree insert per row and index).
// TestBulkMoveEqualsTriggerPath compares every derived table, row by row,
// with the same imports moved through the triggers.

// bulkMinRows is the fewest new rows of a kind moved in bulk; fewer go
// through the triggers. A variable so that a test can move any import
// either way.
var bulkMinRows = 2000

// bulkInsertTriggers are the insert triggers whose work bulkDerive does, by
// table. A table with any other insert trigger (a later migration's) is
// moved through the triggers, so that nothing a trigger does is skipped.
// The entry_lags triggers count only records entered by hand: an
// import's are all marked imported, so they have no work to derive.
var bulkInsertTriggers = map[string][]string{
	kindActivities: {"activities_ai", "activities_live_ai", "activities_connects_ai", "open_deal_work_activities_ai",
		"entry_lags_activities_ai"},
	kindOpportunities: {"opportunities_ai", "opportunities_live_ai", "open_deal_work_opportunities_ai", "entry_lags_opportunities_ai"},
}

// metricOfKind is the daily roll-up's metric of an activity kind, as the
// activities triggers name it (store/schema.go).
const metricOfKind = `CASE kind WHEN 'visit' THEN 'visits' WHEN 'call' THEN 'calls' WHEN 'email' THEN 'emails'
	WHEN 'proposal' THEN 'proposals' WHEN 'appointment' THEN 'appointments' ELSE 'meetings' END`

// schemaEntry is one trigger or index as sqlite_schema holds it, with
// its table.
type schemaEntry struct{ name, sql, table string }

// bulkPlan reads what the bulk move of kind would drop. ok is false when
// the kind must go through its triggers: a table without a bulk
// derivation, or with an insert trigger bulkDerive does not know.
func bulkPlan(ctx context.Context, tx *sql.Tx, kind string, rebuild bool) (triggers, indexes []schemaEntry, ok bool, err error) {
	known := map[string]bool{}
	for _, n := range bulkInsertTriggers[kind] {
		known[n] = true
	}
	if len(known) == 0 {
		return nil, nil, false, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_schema
		WHERE tbl_name = ? AND type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY rowid`, kind)
	if err != nil {
		return nil, nil, false, describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var typ string
		var e schemaEntry
		if err := rows.Scan(&typ, &e.name, &e.sql); err != nil {
			return nil, nil, false, describe(err)
		}
		switch {
		case typ == "index":
			if rebuild {
				indexes = append(indexes, e)
			}
		case known[e.name]:
			triggers = append(triggers, e)
		case isInsertTrigger(e.sql):
			return nil, nil, false, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, false, describe(err)
	}
	return triggers, indexes, len(triggers) == len(known), nil
}

// isInsertTrigger reports whether a trigger's SQL fires on INSERT.
func isInsertTrigger(sql string) bool { return firesOn(sql, "INSERT") }

// firesOn reports whether a trigger's SQL fires on event (INSERT, UPDATE or
// DELETE): the event's word followed by ON (UPDATE OF columns ON is not
// matched, which only UPDATE has).
func firesOn(sql, event string) bool {
	f := strings.Fields(strings.ToUpper(sql))
	for i := 0; i+1 < len(f); i++ {
		if f[i] == event && f[i+1] == "ON" {
			return true
		}
	}
	return false
}

// bulkInsert moves the staged inserts of kind with its insert triggers
// (and, with rebuild, its indexes) dropped, adds what the triggers would
// have written, and restores the schema as it was. It reports false when
// the kind must go through its triggers instead.
func (is *ImportSession) bulkInsert(ctx context.Context, tx *sql.Tx, kind, insert string, rebuild bool) (bool, error) {
	n, derived := is.derived[kind]
	if !derived {
		return false, nil
	}
	triggers, indexes, ok, err := bulkPlan(ctx, tx, kind, rebuild)
	if err != nil || !ok {
		return false, err
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER main.`+t.name); err != nil {
			return false, describe(err)
		}
	}
	for _, ix := range indexes {
		if _, err := tx.ExecContext(ctx, `DROP INDEX main.`+ix.name); err != nil {
			return false, describe(err)
		}
	}
	if _, err := tx.ExecContext(ctx, insert, is.now, is.now); err != nil {
		return false, moveFailed(kind, err)
	}
	for _, e := range append(indexes, triggers...) {
		if _, err := tx.ExecContext(ctx, e.sql); err != nil {
			return false, fmt.Errorf("write %s: restore %s: %w", kind, e.name, describe(err))
		}
	}
	if err := is.addDerived(ctx, tx, kind, n); err != nil {
		return false, fmt.Errorf("write %s: %w", kind, err)
	}
	if err := is.addOpenDealWork(ctx, tx, kind); err != nil {
		return false, fmt.Errorf("write %s: open deals' last work: %w", kind, err)
	}
	return true, nil
}

// addOpenDealWork does, once the records are in, what the open_deal_work
// insert triggers (migration 23) would have: a row for each new open deal
// with its newest activity's day, and each deal the new activities name
// moved forward to the newest of them. The moved records are all live.
func (is *ImportSession) addOpenDealWork(ctx context.Context, tx *sql.Tx, kind string) error {
	var q string
	switch kind {
	case kindOpportunities:
		q = `INSERT INTO open_deal_work (opportunity_id, last_day)
			SELECT o.id, ` + openDealLastDay("o.id") + ` FROM opportunities o INDEXED BY opportunities_open
			WHERE o.outcome = 'open' AND o.deleted_at IS NULL AND o.id NOT IN (SELECT opportunity_id FROM open_deal_work)
				AND ` + pendingHidden("o", kindOpportunities)
	case kindActivities:
		q = `UPDATE open_deal_work SET last_day = m.day
			FROM (SELECT opportunity_id, max(day) AS day FROM ` + stageTable(kind) + `
				WHERE action = '` + actionInsert + `' AND opportunity_id IS NOT NULL GROUP BY 1) AS m
			WHERE open_deal_work.opportunity_id = m.opportunity_id AND open_deal_work.last_day < m.day`
	default:
		return nil
	}
	_, err := tx.ExecContext(ctx, q)
	return describe(err)
}

// derivedTable is the TEMP table of a kind's roll-up deltas.
func derivedTable(kind string) string { return "import_rollup_" + kind }

// deriveStaged computes, before the move takes the write lock, what the
// insert triggers would add to the daily roll-up for the new records of
// each kind the bulk move may take: one GROUP BY per metric over the
// staged inserts, into a TEMP table, with the reps' provisional ids. Only
// the staging tables are read, so other writers go on meanwhile; the move
// then adds these few rows (days × metrics × reps) instead of grouping its
// inserted rows while it holds the lock. The inserted records are all
// live (an import writes no tombstone), as the triggers' WHEN clauses ask.
func (is *ImportSession) deriveStaged(ctx context.Context) error {
	if is.store.pg { // the bulk move reads SQLite's schema
		return nil
	}
	for kind := range bulkInsertTriggers {
		if !is.staged[kind] || is.inserts[kind] < is.bulkMin() {
			continue
		}
		stage := stageTable(kind)
		var sel []string
		switch kind {
		case kindActivities:
			sel = []string{
				`SELECT day, ` + metricOfKind + `, rep_id, sum(count) FROM ` + stage + ` WHERE action = 'insert' GROUP BY 1, 2, 3`,
				`SELECT day, 'connects', rep_id, sum(connected) FROM ` + stage + `
					WHERE action = 'insert' AND kind = 'call' AND connected > 0 GROUP BY 1, 3`,
			}
		case kindOpportunities:
			sel = []string{
				`SELECT created, 'opportunities', rep_id, count(*) FROM ` + stage + ` WHERE action = 'insert' GROUP BY 1, 3`,
				`SELECT closed, 'orders_won', rep_id, count(*) FROM ` + stage + `
					WHERE action = 'insert' AND outcome = 'won' AND closed IS NOT NULL GROUP BY 1, 3`,
				`SELECT closed, 'revenue', rep_id, sum(coalesce(amount_yen, 0)) FROM ` + stage + `
					WHERE action = 'insert' AND outcome = 'won' AND closed IS NOT NULL GROUP BY 1, 3`,
				`SELECT closed, 'orders_lost', rep_id, count(*) FROM ` + stage + `
					WHERE action = 'insert' AND outcome = 'lost' AND closed IS NOT NULL GROUP BY 1, 3`,
			}
		}
		t := derivedTable(kind)
		if _, err := is.conn.ExecContext(ctx, `DROP TABLE IF EXISTS `+t); err != nil {
			return fmt.Errorf("sum up %s: %w", kind, describe(err))
		}
		if _, err := is.conn.ExecContext(ctx, `CREATE TEMP TABLE `+t+` (day TEXT, metric TEXT, rep_id BIGINT, value BIGINT)`); err != nil {
			return fmt.Errorf("sum up %s: %w", kind, describe(err))
		}
		for _, q := range sel {
			if _, err := is.conn.ExecContext(ctx, `INSERT INTO `+t+` `+q); err != nil {
				return fmt.Errorf("sum up %s: %w", kind, describe(err))
			}
		}
		var n int64
		if err := is.conn.QueryRowContext(ctx, `SELECT count(*) FROM `+stage+` WHERE action = 'insert'`).Scan(&n); err != nil {
			return fmt.Errorf("sum up %s: %w", kind, describe(err))
		}
		is.derived[kind] = n
	}
	return nil
}

// addDerived adds a kind's roll-up deltas (deriveStaged) to the daily
// roll-up, the reps' provisional ids made real (its own triggers keep the
// monthly roll-up, once per day, metric and rep), and its n new records to
// the live count.
func (is *ImportSession) addDerived(ctx context.Context, tx *sql.Tx, kind string, n int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO rollup_daily (day, metric, rep_id, value)
		SELECT d.day, d.metric, `+is.realRep("d")+`, sum(d.value) FROM `+derivedTable(kind)+` AS d GROUP BY 1, 2, 3
		ON CONFLICT DO UPDATE SET value = value + excluded.value`)
	if err != nil {
		return fmt.Errorf("roll-up: %w", describe(err))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE live_counts SET n = n + ? WHERE record = ?`, n, kind); err != nil {
		return fmt.Errorf("live count: %w", describe(err))
	}
	return nil
}
