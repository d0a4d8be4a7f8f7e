package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

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
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			conn.Close()
			return nil, fmt.Errorf("begin import: %w", describe(err))
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		is := &ImportSession{conn: conn}
		is.release()
		return nil, fmt.Errorf("begin import: %w", describe(err))
	}
	now := s.now()
	is := &ImportSession{ctx: ctx, conn: conn, tx: tx, now: formatTime(now), today: model.FormatDate(model.Date(now.Local())),
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
	is.conn.ExecContext(context.Background(), "PRAGMA cache_size = -2000")
	is.conn.ExecContext(context.Background(), "PRAGMA temp_store = DEFAULT")
	is.conn.Close()
	is.conn = nil
}

// Commit makes the import permanent.
func (is *ImportSession) Commit() error {
	is.closeStmts()
	defer is.release()
	if err := is.tx.Commit(); err != nil {
		return fmt.Errorf("commit import: %w", describe(err))
	}
	return nil
}

// Rollback undoes everything the session wrote (a dry run, or a failure).
func (is *ImportSession) Rollback() error {
	is.closeStmts()
	defer is.release()
	err := is.tx.Rollback()
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
	st, err := is.stmt(`INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, 1, ?)`)
	if err != nil {
		return 0, fmt.Errorf("create rep %s: %w", name, err)
	}
	res, err := st.ExecContext(ctx, name, string(dept), is.now)
	if err != nil {
		return 0, fmt.Errorf("create rep %s: %w", name, describe(err))
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("create rep %s: %w", name, err)
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

func nullYen(y model.Yen, ok bool) any {
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

type storedOpp struct {
	repID                                    int64
	account, product, stage, outcome, reason string
	created                                  string
	closed                                   sql.NullString
	amount                                   sql.NullInt64
}

// UpsertOpportunities writes a batch of opportunities (RepID set). A zero
// Created keeps the stored day, or is the import day for a new deal.
func (is *ImportSession) UpsertOpportunities(ctx context.Context, recs []model.Opportunity) (inserted, updated, unchanged int, err error) {
	keys := make([]string, len(recs))
	for i, o := range recs {
		keys[i] = o.ExternalID
	}
	old := map[string]storedOpp{}
	err = is.existing(ctx, "opportunities", "external_id, rep_id, account, product, stage, outcome, lost_reason, created, closed, amount_yen", "external_id", keys,
		func(r *sql.Rows) (string, error) {
			var k string
			var o storedOpp
			err := r.Scan(&k, &o.repID, &o.account, &o.product, &o.stage, &o.outcome, &o.reason, &o.created, &o.closed, &o.amount)
			old[k] = o
			return k, err
		})
	if err != nil {
		return 0, 0, 0, err
	}
	ins := is.inserter("opportunities", "external_id, rep_id, account, product, stage, created, closed, amount_yen, outcome, lost_reason, entered_at, updated_at", len(recs))
	for _, o := range recs {
		created := model.FormatDate(o.Created)
		closed, amount := nullDate(o.Closed), nullYen(o.AmountYen, o.HasAmount)
		prev, found := old[o.ExternalID]
		if !found {
			if created == "" {
				created = is.today
			}
			ins.add(o.ExternalID, o.RepID, o.Account, o.Product, o.Stage, created, closed, amount, string(o.Outcome), o.LostReason, is.now, is.now)
			inserted++
			continue
		}
		if created == "" {
			created = prev.created
		}
		if prev.repID == o.RepID && prev.account == o.Account && prev.product == o.Product && prev.stage == o.Stage &&
			prev.outcome == string(o.Outcome) && prev.reason == o.LostReason && prev.created == created &&
			sameNull(prev.closed, closed) && sameNullInt(prev.amount, amount) {
			unchanged++
			continue
		}
		err = is.exec(ctx, `UPDATE opportunities SET rep_id = ?, account = ?, product = ?, stage = ?, created = ?, closed = ?, amount_yen = ?,
			outcome = ?, lost_reason = ?, updated_at = ? WHERE external_id = ?`, "update opportunity "+o.ExternalID,
			o.RepID, o.Account, o.Product, o.Stage, created, closed, amount, string(o.Outcome), o.LostReason, is.now, o.ExternalID)
		if err != nil {
			return
		}
		updated++
	}
	err = ins.flush(ctx)
	return
}

func sameNull(a sql.NullString, b any) bool {
	if b == nil {
		return !a.Valid
	}
	return a.Valid && a.String == b.(string)
}

func sameNullInt(a sql.NullInt64, b any) bool {
	if b == nil {
		return !a.Valid
	}
	switch v := b.(type) {
	case int64:
		return a.Valid && a.Int64 == v
	}
	return false
}

type storedAct struct {
	day, kind, account, note string
	repID                    int64
	count                    int
	opp                      sql.NullInt64
}

// UpsertActivities writes a batch of activities (RepID and OpportunityID set).
func (is *ImportSession) UpsertActivities(ctx context.Context, recs []model.Activity) (inserted, updated, unchanged int, err error) {
	keys := make([]string, len(recs))
	for i, a := range recs {
		keys[i] = a.ExternalID
	}
	old := map[string]storedAct{}
	err = is.existing(ctx, "activities", "external_id, day, rep_id, kind, count, opportunity_id, account, note", "external_id", keys,
		func(r *sql.Rows) (string, error) {
			var k string
			var a storedAct
			err := r.Scan(&k, &a.day, &a.repID, &a.kind, &a.count, &a.opp, &a.account, &a.note)
			old[k] = a
			return k, err
		})
	if err != nil {
		return 0, 0, 0, err
	}
	ins := is.inserter("activities", "external_id, day, rep_id, kind, count, opportunity_id, account, note, entered_at, updated_at", len(recs))
	for _, a := range recs {
		day, opp := model.FormatDate(a.Date), nullRep(a.OpportunityID)
		prev, found := old[a.ExternalID]
		if !found {
			ins.add(a.ExternalID, day, a.RepID, string(a.Kind), a.Count, opp, a.Account, a.Note, is.now, is.now)
			inserted++
			continue
		}
		if prev.day == day && prev.repID == a.RepID && prev.kind == string(a.Kind) && prev.count == a.Count &&
			sameNullInt(prev.opp, opp) && prev.account == a.Account && prev.note == a.Note {
			unchanged++
			continue
		}
		err = is.exec(ctx, `UPDATE activities SET day = ?, rep_id = ?, kind = ?, count = ?, opportunity_id = ?, account = ?, note = ?, updated_at = ?
			WHERE external_id = ?`, "update activity "+a.ExternalID,
			day, a.RepID, string(a.Kind), a.Count, opp, a.Account, a.Note, is.now, a.ExternalID)
		if err != nil {
			return
		}
		updated++
	}
	err = ins.flush(ctx)
	return
}

type storedLead struct {
	company, contact, source, created, status string
	repID                                     sql.NullInt64
	mql, sql                                  sql.NullString
}

// UpsertLeads writes a batch of leads (RepID 0 for no owner). A zero
// Created keeps the stored day, or is the import day for a new lead.
func (is *ImportSession) UpsertLeads(ctx context.Context, recs []model.Lead) (inserted, updated, unchanged int, err error) {
	keys := make([]string, len(recs))
	for i, l := range recs {
		keys[i] = l.ExternalID
	}
	old := map[string]storedLead{}
	err = is.existing(ctx, "leads", "external_id, company, contact, source, rep_id, created, status, mql_on, sql_on", "external_id", keys,
		func(r *sql.Rows) (string, error) {
			var k string
			var l storedLead
			err := r.Scan(&k, &l.company, &l.contact, &l.source, &l.repID, &l.created, &l.status, &l.mql, &l.sql)
			old[k] = l
			return k, err
		})
	if err != nil {
		return 0, 0, 0, err
	}
	ins := is.inserter("leads", "external_id, company, contact, source, rep_id, created, status, mql_on, sql_on, entered_at, updated_at", len(recs))
	for _, l := range recs {
		created, rep, mql, sqlOn := model.FormatDate(l.Created), nullRep(l.RepID), nullDate(l.MQLOn), nullDate(l.SQLOn)
		prev, found := old[l.ExternalID]
		if !found {
			if created == "" {
				created = is.today
			}
			ins.add(l.ExternalID, l.Company, l.Contact, l.Source, rep, created, string(l.Status), mql, sqlOn, is.now, is.now)
			inserted++
			continue
		}
		if created == "" {
			created = prev.created
		}
		if prev.company == l.Company && prev.contact == l.Contact && prev.source == l.Source && sameNullInt(prev.repID, rep) &&
			prev.created == created && prev.status == string(l.Status) && sameNull(prev.mql, mql) && sameNull(prev.sql, sqlOn) {
			unchanged++
			continue
		}
		err = is.exec(ctx, `UPDATE leads SET company = ?, contact = ?, source = ?, rep_id = ?, created = ?, status = ?, mql_on = ?, sql_on = ?, updated_at = ?
			WHERE external_id = ?`, "update lead "+l.ExternalID,
			l.Company, l.Contact, l.Source, rep, created, string(l.Status), mql, sqlOn, is.now, l.ExternalID)
		if err != nil {
			return
		}
		updated++
	}
	err = ins.flush(ctx)
	return
}

type storedCust struct {
	name             string
	repID            sql.NullInt64
	started, churned sql.NullString
	mrr              sql.NullInt64
}

// UpsertCustomers writes a batch of customers (RepID 0 for no owner).
func (is *ImportSession) UpsertCustomers(ctx context.Context, recs []model.Customer) (inserted, updated, unchanged int, err error) {
	keys := make([]string, len(recs))
	for i, c := range recs {
		keys[i] = c.ExternalID
	}
	old := map[string]storedCust{}
	err = is.existing(ctx, "customers", "external_id, name, rep_id, started, churned, mrr_yen", "external_id", keys,
		func(r *sql.Rows) (string, error) {
			var k string
			var c storedCust
			err := r.Scan(&k, &c.name, &c.repID, &c.started, &c.churned, &c.mrr)
			old[k] = c
			return k, err
		})
	if err != nil {
		return 0, 0, 0, err
	}
	ins := is.inserter("customers", "external_id, name, rep_id, started, churned, mrr_yen, entered_at, updated_at", len(recs))
	for _, c := range recs {
		rep, started, churned, mrr := nullRep(c.RepID), nullDate(c.Started), nullDate(c.Churned), any(int64(c.MRRYen))
		prev, found := old[c.ExternalID]
		if !found {
			ins.add(c.ExternalID, c.Name, rep, started, churned, mrr, is.now, is.now)
			inserted++
			continue
		}
		if prev.name == c.Name && sameNullInt(prev.repID, rep) && sameNull(prev.started, started) &&
			sameNull(prev.churned, churned) && sameNullInt(prev.mrr, mrr) {
			unchanged++
			continue
		}
		err = is.exec(ctx, `UPDATE customers SET name = ?, rep_id = ?, started = ?, churned = ?, mrr_yen = ?, updated_at = ? WHERE external_id = ?`,
			"update customer "+c.ExternalID, c.Name, rep, started, churned, mrr, is.now, c.ExternalID)
		if err != nil {
			return
		}
		updated++
	}
	err = ins.flush(ctx)
	return
}

// UpsertReps writes a batch of reps, matched by name.
func (is *ImportSession) UpsertReps(ctx context.Context, recs []model.Rep) (inserted, updated, unchanged int, err error) {
	for _, r := range recs {
		if !r.Department.Valid() {
			return inserted, updated, unchanged, fmt.Errorf("rep %s: unknown department %q", r.Name, r.Department)
		}
		id, found := is.reps[r.Name]
		if !found {
			st, err := is.stmt(`INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, ?, ?)`)
			if err != nil {
				return inserted, updated, unchanged, fmt.Errorf("insert rep %s: %w", r.Name, err)
			}
			res, err := st.ExecContext(ctx, r.Name, string(r.Department), r.Active, is.now)
			if err != nil {
				return inserted, updated, unchanged, fmt.Errorf("insert rep %s: %w", r.Name, describe(err))
			}
			id, _ = res.LastInsertId()
			is.reps[r.Name], is.repDepts[r.Name], is.repActive[r.Name] = id, r.Department, r.Active
			inserted++
			continue
		}
		if is.repDepts[r.Name] == r.Department && is.repActive[r.Name] == r.Active {
			unchanged++
			continue
		}
		if err := is.exec(ctx, `UPDATE reps SET department = ?, active = ? WHERE id = ?`, "update rep "+r.Name,
			string(r.Department), r.Active, id); err != nil {
			return inserted, updated, unchanged, err
		}
		is.repDepts[r.Name], is.repActive[r.Name] = r.Department, r.Active
		updated++
	}
	return inserted, updated, unchanged, nil
}

// SaveImportProfile stores (or replaces) a named import profile; spec is
// the importer's JSON.
func (s *Store) SaveImportProfile(ctx context.Context, name, kind, spec string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("save import profile: the name is empty")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
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
