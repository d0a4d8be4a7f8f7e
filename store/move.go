package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// Moving a team's records between stores (kpit migrate): every table is
// copied row for row, ids and all, in one transaction on the target, so a
// move is whole or not at all. The tables derived from the records
// (roll-ups, live counts, the funnel) are copied too, with the target's
// triggers held off while the rows go in: the records' own triggers would
// otherwise count them a second time.

// moveTables is every kpit table in an order in which each row's foreign
// keys point at rows already copied (tree_nodes' parents are set after
// every node is in). TestMoveCoversEveryTable fails when a migration adds
// a table that is not here.
var moveTables = []string{
	"settings", "reps", "users", "opportunities", "leads", "activities", "customers",
	"rollup_daily", "rollup_monthly", "live_counts",
	"kgi", "kfs", "kpis", "kpi_change_log", "kpi_manual_values", "tree_nodes",
	"checklist_answers", "reviews", "import_profiles", "changes",
	"kgi_revisions", "kpi_revisions", "forecast_changes",
	"review_kpis", "review_notes", "review_actions", "review_action_states",
	"stage_history", "lead_funnel", "funnel_reached", "stage_revisions", "alert_snoozes",
	"nps_answers", "usage_checks", "campaigns", "inquiries", "open_deal_work", "entry_lags", "import_pending", "waiting_days",
}

// derivedTables are kept by triggers from the others; a store whose only
// rows are in them (live_counts' zeros) holds no records.
var derivedTables = []string{"rollup_daily", "rollup_monthly", "live_counts", "lead_funnel", "funnel_reached", "open_deal_work", "entry_lags", "waiting_days"}

// moveChunk is the rows of one INSERT: well under both engines' limits on
// the parameters of one statement at kpit's widest table.
const moveChunk = 400

// MoveSummary is what a move copied: rows per table.
type MoveSummary struct {
	Rows   map[string]int64
	Total  int64
	Tables int
}

// ErrTargetNotEmpty refuses a move into a store that holds records.
var ErrTargetNotEmpty = errors.New("the target already holds kpit data; kpit migrate copies only into a new, empty database")

// MoveTo copies every row of s into to, which must be empty and at the
// same schema version. The source is read in one transaction, so the
// copy is one moment of it even while others write.
func (s *Store) MoveTo(ctx context.Context, to *Store) (MoveSummary, error) {
	sum := MoveSummary{Rows: map[string]int64{}}
	empty, err := to.holdsNothing(ctx)
	if err != nil {
		return sum, err
	}
	if !empty {
		return sum, ErrTargetNotEmpty
	}
	var opts *sql.TxOptions
	if s.pg {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	src, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return sum, fmt.Errorf("read %s: %w", s.path, describe(err))
	}
	defer src.Rollback()
	// An import still moving its rows would carry them over hidden, where
	// nothing removes them (store/import_pending.go): the move waits for it.
	var pending int
	if err := src.QueryRowContext(ctx, `SELECT count(*) FROM import_pending`).Scan(&pending); err != nil {
		return sum, fmt.Errorf("read %s: %w", s.path, describe(err))
	}
	if pending > 0 {
		return sum, model.Refused(model.RefuseMigrateImportMoving, s.path)
	}
	// The whole team, its people included: an admin's move.
	err = to.tx(ctx, model.AreaUsers, func(dst *sql.Tx) error {
		clear(sum.Rows)
		restore, err := to.holdTriggers(ctx, dst)
		if err != nil {
			return err
		}
		for _, table := range moveTables {
			n, err := copyTable(ctx, src, dst, s, to, table)
			if err != nil {
				return fmt.Errorf("copy %s: %w", table, err)
			}
			sum.Rows[table] = n
		}
		if err := restore(); err != nil {
			return err
		}
		return to.restartIDs(ctx, dst)
	})
	if err != nil {
		return MoveSummary{}, err
	}
	if to.pg {
		// The planner's statistics of tables that filled at once: without
		// them it reads the roll-ups by the wrong plan until autovacuum
		// comes by.
		if _, err := to.db.ExecContext(ctx, `ANALYZE`); err != nil {
			return MoveSummary{}, fmt.Errorf("analyze %s: %w", to.path, describe(err))
		}
	}
	for _, n := range sum.Rows {
		sum.Total += n
	}
	sum.Tables = len(sum.Rows)
	return sum, nil
}

// holdsNothing reports whether every table but the derived ones is empty.
func (s *Store) holdsNothing(ctx context.Context) (bool, error) {
	for _, t := range moveTables {
		if slices.Contains(derivedTables, t) {
			continue
		}
		var any int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+t+` LIMIT 1) AS one`).Scan(&any)
		if err != nil {
			return false, fmt.Errorf("read %s of %s: %w", t, s.path, describe(err))
		}
		if any > 0 {
			return false, nil
		}
	}
	return true, nil
}

// columns lists a table's columns.
func (s *Store) columns(ctx context.Context, q queryer, table string) ([]string, error) {
	query := `SELECT name FROM pragma_table_info(?)`
	if s.pg {
		query = `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
			ORDER BY ordinal_position`
	}
	return queryStrings(ctx, q, query, table)
}

// copyTable copies one table's rows, the columns both stores have (the
// order kpis were added in is kept by copying them in that order).
func copyTable(ctx context.Context, src, dst *sql.Tx, from, to *Store, table string) (int64, error) {
	have, err := from.columns(ctx, src, table)
	if err != nil {
		return 0, err
	}
	want, err := to.columns(ctx, dst, table)
	if err != nil {
		return 0, err
	}
	var cols []string
	for _, c := range want {
		if slices.Contains(have, c) {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return 0, fmt.Errorf("no columns in common")
	}
	if _, err := dst.ExecContext(ctx, `DELETE FROM `+table); err != nil { // live_counts' zeros
		return 0, describe(err)
	}
	order := ""
	if table == "kpis" {
		order = " ORDER BY rowid"
	}
	rows, err := src.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table+order)
	if err != nil {
		return 0, describe(err)
	}
	defer rows.Close()
	parent, key := slices.Index(cols, "parent_key"), slices.Index(cols, "key")
	if table != "tree_nodes" {
		parent = -1
	}
	var batch []any
	var parents [][2]any
	var n int64
	insert := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES `
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		k := len(batch) / len(cols)
		_, err := dst.ExecContext(ctx, insert+row+strings.Repeat(", "+row, k-1), batch...)
		batch = batch[:0]
		return describe(err)
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return 0, describe(err)
		}
		if parent >= 0 && vals[parent] != nil {
			parents = append(parents, [2]any{vals[key], vals[parent]})
			vals[parent] = nil
		}
		batch = append(batch, vals...)
		n++
		if len(batch) >= moveChunk*len(cols) {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return 0, describe(err)
	}
	if err := flush(); err != nil {
		return 0, err
	}
	for _, p := range parents {
		if _, err := dst.ExecContext(ctx, `UPDATE tree_nodes SET parent_key = ? WHERE key = ?`, p[1], p[0]); err != nil {
			return 0, describe(err)
		}
	}
	return n, nil
}

// holdTriggers stops the target's triggers until the returned function
// puts them back, inside the move's transaction. SQLite has no switch for
// them: they are dropped and made again from their own text.
func (s *Store) holdTriggers(ctx context.Context, tx *sql.Tx) (func() error, error) {
	if s.pg {
		switchAll := func(verb string) error {
			for _, t := range moveTables {
				if _, err := tx.ExecContext(ctx, `ALTER TABLE `+t+` `+verb+` TRIGGER USER`); err != nil {
					return describe(err)
				}
			}
			return nil
		}
		if err := switchAll("DISABLE"); err != nil {
			return nil, err
		}
		return func() error { return switchAll("ENABLE") }, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid`)
	if err != nil {
		return nil, describe(err)
	}
	var names, texts []string
	for rows.Next() {
		var name, text string
		if err := rows.Scan(&name, &text); err != nil {
			rows.Close()
			return nil, describe(err)
		}
		names, texts = append(names, name), append(texts, text)
	}
	rows.Close()
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER "`+name+`"`); err != nil {
			return nil, describe(err)
		}
	}
	return func() error {
		for _, text := range texts {
			if _, err := tx.ExecContext(ctx, text); err != nil {
				return describe(err)
			}
		}
		return nil
	}, nil
}

// restartIDs moves PostgreSQL's identity sequences past the ids copied in,
// so the next record gets a new one. (SQLite takes the largest id plus one.)
func (s *Store) restartIDs(ctx context.Context, tx *sql.Tx) error {
	if !s.pg {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'`)
	if err != nil {
		return describe(err)
	}
	var idents [][2]string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			rows.Close()
			return describe(err)
		}
		idents = append(idents, [2]string{t, c})
	}
	rows.Close()
	for _, tc := range idents {
		_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(`+tc[1]+`), 0) + 1, false) FROM `+tc[0],
			tc[0], tc[1])
		if err != nil {
			return describe(err)
		}
	}
	return nil
}
