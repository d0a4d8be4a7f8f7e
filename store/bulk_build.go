package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kpit-dev/kpit/model"
)

// BulkBuild fills a new, empty database with the batches next gives, until
// it reports false: the scale company of `kpit demo --scale`, millions of
// records. Written through BulkInsert, every row fires a dozen insert
// triggers and enters a dozen indexes; at a million deals that took an hour
// (BENCHMARKS.md). On an empty SQLite file BulkBuild instead writes every
// batch in one transaction with the insert triggers and the record tables'
// indexes dropped, then builds each index with one sort and derives every
// kept table from the records with the statements the migrations fill them
// with (buildSteps), and creates the triggers again from their own stored
// SQL. Other connections see the empty file until the commit, then the
// whole company; a failure or a killed process leaves the file empty.
// TestBulkBuildEqualsTriggerPath (demo) compares every table, row by row,
// with the same batches written through BulkInsert.
//
// Where the fast path does not hold (PostgreSQL, a file with records or
// kept rows already, an insert trigger buildSteps does not know), the
// batches go through BulkInsert, one transaction each. A batch may not
// carry lead stage changes (Batch.LeadStages): their rows would come
// between the ones the leads' days give, which the fill after the inserts
// cannot interleave.
func (s *Store) BulkBuild(ctx context.Context, next func() (Batch, bool)) error {
	// A full disk or a busy file is named as every write names it.
	return s.named(s.bulkBuild(ctx, next))
}

func (s *Store) bulkBuild(ctx context.Context, next func() (Batch, bool)) error {
	if err := s.may(model.AreaImport); err != nil {
		return err
	}
	if s.pg {
		return s.bulkChunks(ctx, next)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("bulk build: %w", describe(err))
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bulk build: %w", describe(err))
	}
	triggers, indexes, ok, err := buildPlan(ctx, tx)
	if err != nil || !ok {
		tx.Rollback()
		if err != nil {
			return fmt.Errorf("bulk build: %w", err)
		}
		return s.bulkChunks(ctx, next)
	}
	if err := s.build(ctx, tx, triggers, indexes, next); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("bulk build: %w", describe(err))
	}
	s.wrote()
	return nil
}

// bulkChunks writes every batch next gives through BulkInsert, one
// transaction each.
func (s *Store) bulkChunks(ctx context.Context, next func() (Batch, bool)) error {
	for {
		b, ok := next()
		if !ok {
			return nil
		}
		if err := s.BulkInsert(ctx, b); err != nil {
			return err
		}
	}
}

// buildTables are the tables BulkBuild writes in bulk, whose indexes it
// drops and builds again: the record tables, then the stage history and
// the funnel derived from the leads, in the order their indexes are built.
var buildTables = []string{"opportunities", "activities", "leads", "customers", "stage_history", "lead_funnel"}

// buildEmpty are the tables that must hold no row for the fills to be the
// whole of each kept table: the records, the reps, and every kept table a
// fill writes (live_counts is refilled).
var buildEmpty = []string{"reps", "opportunities", "activities", "leads", "customers", "nps_answers", "usage_checks",
	"campaigns", "inquiries", "reviews", "stage_history", "lead_funnel", "rollup_daily", "rollup_monthly",
	"open_deal_work", "entry_lags", "funnel_reached", "waiting_days", "import_pending"}

// buildInsertTriggers are the insert triggers whose work buildSteps does.
// A file with any other insert trigger (a later migration's) is written
// through BulkInsert, so that nothing a trigger does is skipped.
var buildInsertTriggers = map[string]bool{
	"activities_ai": true, "activities_live_ai": true, "activities_connects_ai": true,
	"open_deal_work_activities_ai": true, "entry_lags_activities_ai": true,
	"opportunities_ai": true, "opportunities_live_ai": true, "open_deal_work_opportunities_ai": true,
	"entry_lags_opportunities_ai": true,
	"leads_ai":                    true, "leads_live_ai": true, "leads_stage_ai": true, "entry_lags_leads_ai": true,
	"customers_live_ai": true,
	"stage_history_ai":  true, "lead_funnel_lead_ai": true, "funnel_reached_ai": true, "waiting_days_ai": true,
	"rollup_daily_monthly_ai": true,
}

// leadFunnelFromHistory is lead_funnel derived from the stage history, as
// the stage_history insert trigger and lead_funnel's own (the lead's
// status, source and owner) build it row by row: per live lead the first
// time of each stage, the latest change (the later row on a tie), and the
// recycles.
const leadFunnelFromHistory = `INSERT INTO lead_funnel (lead_id, lead_s, mql_s, sql_s, opportunity_s, won_s,
	current_stage, current_s, recycles, status, source, rep_id)
SELECT h.lead_id,
	min(CASE WHEN h.stage = 'lead' THEN unixepoch(h.at) END), min(CASE WHEN h.stage = 'mql' THEN unixepoch(h.at) END),
	min(CASE WHEN h.stage = 'sql' THEN unixepoch(h.at) END), min(CASE WHEN h.stage = 'opportunity' THEN unixepoch(h.at) END),
	min(CASE WHEN h.stage = 'won' THEN unixepoch(h.at) END),
	(SELECT stage FROM stage_history WHERE lead_id = h.lead_id ORDER BY unixepoch(at) DESC, id DESC LIMIT 1),
	max(unixepoch(h.at)), sum(h.recycle), l.status, l.source, l.rep_id
FROM stage_history h JOIN leads l ON l.id = h.lead_id
WHERE l.deleted_at IS NULL GROUP BY h.lead_id ORDER BY h.lead_id`

// buildStep is one step after the inserts: a fill, one statement that
// derives a kept table from what the steps before it wrote, or the
// building of the dropped indexes of the tables indexes says.
type buildStep struct {
	fill    string
	indexes func(table string) bool
}

// buildSteps derive every kept table from the records. The fills that
// only sum whole tables run before any index is built, so that they scan
// the tables (with an index to choose, SQLite read the roll-up's
// recount through one and looked up every activity, three times slower);
// the funnel's fill reads the stage history through its index, and the
// open deals' last work each deal's activities through theirs.
func buildSteps() []buildStep {
	notFunnel := func(table string) bool { return table != "lead_funnel" }
	funnel := func(table string) bool { return table == "lead_funnel" }
	return []buildStep{
		{fill: stageHistoryFromLeads},
		{fill: `INSERT INTO rollup_daily (day, metric, rep_id, value) ` + rollupRecount},
		{fill: rollupMonthlyRecount},
		{fill: `DELETE FROM live_counts`},
		{fill: liveCountsFill},
		{fill: entryLagsFill(false)},
		{indexes: notFunnel},
		{fill: leadFunnelFromHistory},
		{indexes: funnel},
		{fill: funnelReachedFill},
		{fill: waitingDaysFill},
		{fill: openDealWorkFill},
	}
}

// buildPlan reads what the build drops: every insert trigger and the
// indexes of buildTables. ok is false when the file is not empty or has
// an insert trigger buildSteps does not know.
func buildPlan(ctx context.Context, tx *sql.Tx) (triggers, indexes []schemaEntry, ok bool, err error) {
	for _, t := range buildEmpty {
		var any bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+t+`)`).Scan(&any); err != nil {
			return nil, nil, false, describe(err)
		}
		if any {
			return nil, nil, false, nil
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT type, name, tbl_name, sql FROM sqlite_schema
		WHERE type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY rowid`)
	if err != nil {
		return nil, nil, false, describe(err)
	}
	defer rows.Close()
	byTable := map[string][]schemaEntry{}
	for rows.Next() {
		var typ string
		var e schemaEntry
		if err := rows.Scan(&typ, &e.name, &e.table, &e.sql); err != nil {
			return nil, nil, false, describe(err)
		}
		switch {
		case typ == "index":
			byTable[e.table] = append(byTable[e.table], e)
		case !isInsertTrigger(e.sql):
		case !buildInsertTriggers[e.name]:
			return nil, nil, false, nil
		default:
			triggers = append(triggers, e)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, false, describe(err)
	}
	for _, t := range buildTables {
		indexes = append(indexes, byTable[t]...)
	}
	return triggers, indexes, true, nil
}

// build is BulkBuild's transaction: drop, insert, index, fill, restore.
func (s *Store) build(ctx context.Context, tx *sql.Tx, triggers, indexes []schemaEntry, next func() (Batch, bool)) error {
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER main.`+t.name); err != nil {
			return fmt.Errorf("bulk build: %w", describe(err))
		}
	}
	for _, ix := range indexes {
		if _, err := tx.ExecContext(ctx, `DROP INDEX main.`+ix.name); err != nil {
			return fmt.Errorf("bulk build: %w", describe(err))
		}
	}
	w := bulkWriter{ctx: ctx, tx: tx, now: s.now()}
	for n := 1; ; n++ {
		b, ok := next()
		if !ok {
			break
		}
		if len(b.LeadStages) > 0 {
			return fmt.Errorf("bulk build: batch %d has lead stage changes, which only BulkInsert writes", n)
		}
		if err := w.write(b); err != nil {
			return err
		}
	}
	for _, step := range buildSteps() {
		if step.indexes != nil {
			if err := buildIndexes(ctx, tx, indexes, step.indexes); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, step.fill); err != nil {
			return fmt.Errorf("bulk build: derive the kept tables: %w", describe(err))
		}
	}
	for _, t := range triggers {
		if _, err := tx.ExecContext(ctx, t.sql); err != nil {
			return fmt.Errorf("bulk build: restore %s: %w", t.name, describe(err))
		}
	}
	return nil
}

// buildIndexes creates the dropped indexes of the tables which says.
func buildIndexes(ctx context.Context, tx *sql.Tx, indexes []schemaEntry, which func(table string) bool) error {
	for _, ix := range indexes {
		if !which(ix.table) {
			continue
		}
		if _, err := tx.ExecContext(ctx, ix.sql); err != nil {
			return fmt.Errorf("bulk build: restore %s: %w", ix.name, describe(err))
		}
	}
	return nil
}
