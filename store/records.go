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

// Records entered by a person go through this file: each write checks the
// input rules (model.Validate*), runs in one short IMMEDIATE transaction and
// is journaled in the changes table with the row as it was before, so Undo
// can put it back. A delete only sets deleted_at (a tombstone); the roll-up
// triggers leave tombstoned rows out of every figure.

// ErrNothingToUndo is returned by Undo when every change is already undone.
var ErrNothingToUndo = errors.New("nothing to undo")

// UnknownRepError is a rep name that is not in the reps table. Known lists
// the names that are, so the user can pick one.
type UnknownRepError struct {
	Name  string
	Known []string
}

func (e *UnknownRepError) Error() string {
	known := "none yet"
	if len(e.Known) > 0 {
		known = strings.Join(e.Known, ", ")
	}
	return fmt.Sprintf("rep: unknown rep %q (known: %s)", e.Name, known)
}

// recordTable describes one record table for the journal: its name and the
// columns a before-image holds (every column but id). rep is the SQL that
// reads a row's rep, for the rights check (rep_id unless set): a usage
// check is its customer's rep's record; an NPS answer, an inquiry and a
// campaign belong to no rep, so only a team lead or an admin writes them
// (docs/teams.md).
type recordTable struct {
	name    string
	kind    model.RecordKind
	columns []string
	rep     string
}

// repSQL is the expression reading the rep of a row of t.
func (t recordTable) repSQL() string {
	if t.rep == "" {
		return "rep_id"
	}
	return t.rep
}

var recordTables = map[model.RecordKind]recordTable{
	model.RecordActivity: {"activities", model.RecordActivity, []string{"external_id", "day", "rep_id", "kind", "count",
		"opportunity_id", "account", "note", "connected", "lead_id", "at", "entered_at", "updated_at", "deleted_at"}, ""},
	model.RecordOpportunity: {"opportunities", model.RecordOpportunity, []string{"external_id", "rep_id", "account", "product",
		"stage", "created", "closed", "amount_yen", "outcome", "lost_reason", "forecast", "entered_at", "updated_at", "deleted_at"}, ""},
	model.RecordLead: {"leads", model.RecordLead, []string{"external_id", "company", "contact", "source", "rep_id", "created",
		"status", "mql_on", "sql_on", "entered_at", "updated_at", "deleted_at"}, ""},
	model.RecordCustomer: {"customers", model.RecordCustomer, []string{"external_id", "name", "rep_id", "started", "churned",
		"mrr_yen", "onboarding_due", "onboarded_on", "entered_at", "updated_at", "deleted_at"}, ""},
	model.RecordNPS: {"nps_answers", model.RecordNPS, []string{"external_id", "account", "day", "score", "comment", "imported",
		"entered_at", "updated_at", "deleted_at"}, "NULL"},
	model.RecordUsage: {"usage_checks", model.RecordUsage, []string{"external_id", "customer_id", "day", "active", "imported",
		"entered_at", "updated_at", "deleted_at"}, "(SELECT c.rep_id FROM customers c WHERE c.id = usage_checks.customer_id)"},
	model.RecordInquiry: {"inquiries", model.RecordInquiry, []string{"external_id", "account", "opened_at", "answered_at", "imported",
		"entered_at", "updated_at", "deleted_at"}, "NULL"},
	model.RecordCampaign: {"campaigns", model.RecordCampaign, []string{"external_id", "name", "day", "sent", "opened", "imported",
		"entered_at", "updated_at", "deleted_at"}, "NULL"},
}

func tableFor(name string) (recordTable, bool) {
	for _, t := range recordTables {
		if t.name == name {
			return t, true
		}
	}
	return recordTable{}, false
}

// beforeImage is the SQL expression building a row's JSON before-image.
func (t recordTable) beforeImage(pg bool) string {
	parts := make([]string, 0, 2*len(t.columns))
	for _, c := range t.columns {
		parts = append(parts, "'"+c+"'", c)
	}
	if pg {
		return "json_build_object(" + strings.Join(parts, ", ") + ")::text"
	}
	return "json_object(" + strings.Join(parts, ", ") + ")"
}

// restoreSQL puts the before-image ?1 back into row ?2. PostgreSQL reads
// the image as a row of the table, which gives every value its column's type.
func (t recordTable) restoreSQL(pg bool) string {
	if pg {
		cols := strings.Join(t.columns, ", ")
		return `UPDATE ` + t.name + ` SET (` + cols + `) = (SELECT ` + cols + ` FROM jsonb_populate_record(NULL::` + t.name +
			`, ?1::jsonb)) WHERE id = ?2`
	}
	sets := make([]string, len(t.columns))
	for i, col := range t.columns {
		sets[i] = fmt.Sprintf("%s = json_extract(?1, '$.%s')", col, col)
	}
	return `UPDATE ` + t.name + ` SET ` + strings.Join(sets, ", ") + ` WHERE id = ?2`
}

// journal records a change in the same transaction as the write. For
// updates and deletes it must run before the write, to catch the old row.
func (s *Store) journal(ctx context.Context, tx *sql.Tx, t recordTable, id int64, action string) error {
	at := formatTime(s.now())
	// A lead's entry notes the last stage change before the write, so Undo
	// can take back the stage changes the write makes (the MQL/SQL days
	// become stage_history rows through triggers; MoveStages adds them).
	// A new lead's stage changes are all the insert's own (mark 0).
	mark := "NULL"
	switch {
	case t.kind == model.RecordLead && action == "insert":
		mark = "0"
	case t.kind == model.RecordLead:
		mark = "(SELECT coalesce(max(id), 0) FROM stage_history)"
	}
	var err error
	if action == "insert" {
		_, err = tx.ExecContext(ctx, `INSERT INTO changes (at, table_name, row_id, action, stage_mark, author) VALUES (?, ?, ?, 'insert', `+mark+`, ?)`,
			at, t.name, id, s.Author())
	} else {
		var res sql.Result
		res, err = tx.ExecContext(ctx, `INSERT INTO changes (at, table_name, row_id, action, before, stage_mark, author)
			SELECT ?, ?, id, ?, `+t.beforeImage(s.pg)+`, `+mark+`, ? FROM `+t.name+` WHERE id = ? AND deleted_at IS NULL`+andPendingHidden("", t.name),
			at, t.name, action, s.Author(), id)
		if err == nil {
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("%s %d: no such record (or it was deleted)", t.kind, id)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("journal %s %d: %w", t.kind, id, describe(err))
	}
	return nil
}

// today is the calendar day of the store's clock.
func (s *Store) today() time.Time { return model.Date(s.now()) }

// resolveRep fills in a rep id from a name. optional allows no rep at all.
func resolveRep(ctx context.Context, q queryer, id int64, name string, optional bool) (int64, error) {
	if id != 0 {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM reps WHERE id = ?`, id).Scan(&n); err != nil {
			return 0, describe(err)
		}
		if n == 0 {
			return 0, &model.FieldError{Field: "rep", Msg: fmt.Sprintf("no rep with id %d", id)}
		}
		return id, nil
	}
	name = strings.TrimSpace(name)
	if name == "" {
		if optional {
			return 0, nil
		}
		return 0, model.Refuse("rep", model.RefuseRequired)
	}
	err := q.QueryRowContext(ctx, `SELECT id FROM reps WHERE name = ?`, name).Scan(&id)
	if !errors.Is(err, sql.ErrNoRows) {
		return id, describe(err)
	}
	// A family name alone names the one active rep whose full name starts
	// with it (鈴木 for 鈴木 一郎), as quick-add reads it.
	rows, err := q.QueryContext(ctx, `SELECT id FROM reps WHERE active = 1 AND substr(name, 1, length(?1) + 1) = ?1 || ' '`, name)
	if err != nil {
		return 0, describe(err)
	}
	var ids []int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, describe(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) == 1 {
		return ids[0], nil
	}
	known, kerr := repNames(ctx, q)
	if kerr != nil {
		return 0, kerr
	}
	return 0, &UnknownRepError{Name: name, Known: known}
}

// queryer is what *sql.DB and *sql.Tx share for reads.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryStrings is the one text column a query answers, row by row.
func queryStrings(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, describe(err)
		}
		out = append(out, v)
	}
	return out, describe(rows.Err())
}

func repNames(ctx context.Context, q queryer) ([]string, error) {
	return queryStrings(ctx, q, `SELECT name FROM reps WHERE active = 1 ORDER BY name`)
}

// RepNames lists the names of the active reps, for quick-add and prompts.
func (s *Store) RepNames(ctx context.Context) ([]string, error) { return repNames(ctx, s.db) }

func nullInt(v int64, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// AddActivity records an activity and returns its id.
func (s *Store) AddActivity(ctx context.Context, a model.Activity) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if a, err = s.checkActivity(ctx, tx, a); err != nil {
			return err
		}
		now := formatTime(s.now())
		err = tx.QueryRowContext(ctx, `INSERT INTO activities (external_id, day, rep_id, kind, count, opportunity_id,
			account, note, connected, lead_id, at, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			nullText(a.ExternalID), model.FormatDate(a.Date), a.RepID, string(a.Kind), a.Count, nullID(a.OpportunityID),
			a.Account, a.Note, a.Connected, nullID(a.LeadID), nullMoment(a.At), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add activity: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordActivity], id, "insert")
	})
	return id, err
}

// UpdateActivity replaces the activity a.ID with a.
func (s *Store) UpdateActivity(ctx context.Context, a model.Activity) error {
	return s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if a, err = s.checkActivity(ctx, tx, a); err != nil {
			return err
		}
		if err := s.journal(ctx, tx, recordTables[model.RecordActivity], a.ID, "update"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE activities SET day = ?, rep_id = ?, kind = ?, count = ?, opportunity_id = ?,
			account = ?, note = ?, connected = ?, lead_id = ?, at = ?, updated_at = ? WHERE id = ?`,
			model.FormatDate(a.Date), a.RepID, string(a.Kind), a.Count, nullID(a.OpportunityID), a.Account, a.Note,
			a.Connected, nullID(a.LeadID), nullMoment(a.At), formatTime(s.now()), a.ID)
		if err != nil {
			return fmt.Errorf("update activity %d: %w", a.ID, describe(err))
		}
		return nil
	})
}

func (s *Store) checkActivity(ctx context.Context, tx *sql.Tx, a model.Activity) (model.Activity, error) {
	rules, err := s.rules(ctx, tx)
	if err != nil {
		return a, err
	}
	if err := model.ValidateActivity(a, rules, s.today()); err != nil {
		return a, err
	}
	if a.RepID, err = resolveRep(ctx, tx, a.RepID, a.RepName, false); err != nil {
		return a, err
	}
	if a.OpportunityID != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM opportunities WHERE id = ? AND deleted_at IS NULL AND `+pendingHidden("", kindOpportunities),
			a.OpportunityID).Scan(&n); err != nil {
			return a, describe(err)
		}
		if n == 0 {
			return a, &model.FieldError{Field: "opportunity", Msg: fmt.Sprintf("no opportunity %d", a.OpportunityID)}
		}
	}
	if a.LeadID != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM leads WHERE id = ? AND deleted_at IS NULL`,
			a.LeadID).Scan(&n); err != nil {
			return a, describe(err)
		}
		if n == 0 {
			return a, &model.FieldError{Field: "lead", Msg: fmt.Sprintf("no lead %d", a.LeadID)}
		}
	}
	return a, nil
}

// AddOpportunity records a new opportunity and returns its id.
func (s *Store) AddOpportunity(ctx context.Context, o model.Opportunity) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if o, err = s.checkOpportunity(ctx, tx, o); err != nil {
			return err
		}
		if o.ExternalID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM opportunities WHERE external_id = ?`, o.ExternalID).Scan(&n); err != nil {
				return describe(err)
			}
			if n > 0 {
				return &model.FieldError{Field: "id", Msg: fmt.Sprintf("opportunity %q already exists", o.ExternalID)}
			}
		}
		now := formatTime(s.now())
		err = tx.QueryRowContext(ctx, `INSERT INTO opportunities (external_id, rep_id, account, product, stage, created,
			closed, amount_yen, outcome, lost_reason, forecast, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			nullText(o.ExternalID), o.RepID, o.Account, o.Product, o.Stage, model.FormatDate(o.Created), nullDate(o.Closed),
			nullInt(int64(o.AmountMinor), o.HasAmount), string(o.Outcome), o.LostReason, nullText(string(o.Forecast)), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add opportunity: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordOpportunity], id, "insert")
	})
	return id, err
}

// UpdateOpportunity replaces the opportunity o.ID with o: a stage change,
// a win with its amount, a loss with its reason.
func (s *Store) UpdateOpportunity(ctx context.Context, o model.Opportunity) error {
	return s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if o, err = s.checkOpportunity(ctx, tx, o); err != nil {
			return err
		}
		if err := s.journal(ctx, tx, recordTables[model.RecordOpportunity], o.ID, "update"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE opportunities SET rep_id = ?, account = ?, product = ?, stage = ?, created = ?,
			closed = ?, amount_yen = ?, outcome = ?, lost_reason = ?, forecast = ?, updated_at = ? WHERE id = ?`,
			o.RepID, o.Account, o.Product, o.Stage, model.FormatDate(o.Created), nullDate(o.Closed),
			nullInt(int64(o.AmountMinor), o.HasAmount), string(o.Outcome), o.LostReason, nullText(string(o.Forecast)),
			formatTime(s.now()), o.ID)
		if err != nil {
			return fmt.Errorf("update opportunity %d: %w", o.ID, describe(err))
		}
		return nil
	})
}

func (s *Store) checkOpportunity(ctx context.Context, tx *sql.Tx, o model.Opportunity) (model.Opportunity, error) {
	rules, err := s.rules(ctx, tx)
	if err != nil {
		return o, err
	}
	if err := model.ValidateOpportunity(o, rules, s.today()); err != nil {
		return o, err
	}
	o.RepID, err = resolveRep(ctx, tx, o.RepID, o.RepName, false)
	return o, err
}

// AddLead records a lead and returns its id.
func (s *Store) AddLead(ctx context.Context, l model.Lead) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if l, err = s.checkLead(ctx, tx, l); err != nil {
			return err
		}
		now := formatTime(s.now())
		err = tx.QueryRowContext(ctx, `INSERT INTO leads (external_id, company, contact, source, rep_id, created, status,
			mql_on, sql_on, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			nullText(l.ExternalID), l.Company, l.Contact, l.Source, nullID(l.RepID), model.FormatDate(l.Created),
			string(l.Status), nullDate(l.MQLOn), nullDate(l.SQLOn), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add lead: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordLead], id, "insert")
	})
	return id, err
}

// UpdateLead replaces the lead l.ID with l.
func (s *Store) UpdateLead(ctx context.Context, l model.Lead) error {
	return s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if l, err = s.checkLead(ctx, tx, l); err != nil {
			return err
		}
		if err := s.journal(ctx, tx, recordTables[model.RecordLead], l.ID, "update"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE leads SET company = ?, contact = ?, source = ?, rep_id = ?, created = ?,
			status = ?, mql_on = ?, sql_on = ?, updated_at = ? WHERE id = ?`,
			l.Company, l.Contact, l.Source, nullID(l.RepID), model.FormatDate(l.Created), string(l.Status),
			nullDate(l.MQLOn), nullDate(l.SQLOn), formatTime(s.now()), l.ID)
		if err != nil {
			return fmt.Errorf("update lead %d: %w", l.ID, describe(err))
		}
		return nil
	})
}

func (s *Store) checkLead(ctx context.Context, tx *sql.Tx, l model.Lead) (model.Lead, error) {
	if l.Status == "" {
		l.Status = model.LeadNew
	}
	rules, err := s.rules(ctx, tx)
	if err != nil {
		return l, err
	}
	if err := model.ValidateLead(l, rules, s.today()); err != nil {
		return l, err
	}
	// Reaching MQL or SQL without a day for it: the creation day stands in.
	if (l.Status == model.LeadMQL || l.Status == model.LeadSQL) && l.MQLOn.IsZero() {
		l.MQLOn = l.Created
	}
	if l.Status == model.LeadSQL && l.SQLOn.IsZero() {
		l.SQLOn = l.Created
	}
	l.RepID, err = resolveRep(ctx, tx, l.RepID, l.RepName, true)
	return l, err
}

// AddCustomer records a customer and returns its id.
func (s *Store) AddCustomer(ctx context.Context, c model.Customer) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if c, err = s.checkCustomer(ctx, tx, c); err != nil {
			return err
		}
		now := formatTime(s.now())
		err = tx.QueryRowContext(ctx, `INSERT INTO customers (external_id, name, rep_id, started, churned, mrr_yen,
			onboarding_due, onboarded_on, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			nullText(c.ExternalID), c.Name, nullID(c.RepID), nullDate(c.Started), nullDate(c.Churned), int64(c.MRRMinor),
			nullDate(c.OnboardingDue), nullDate(c.Onboarded), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add customer: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordCustomer], id, "insert")
	})
	return id, err
}

// UpdateCustomer replaces the customer c.ID with c.
func (s *Store) UpdateCustomer(ctx context.Context, c model.Customer) error {
	return s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var err error
		if c, err = s.checkCustomer(ctx, tx, c); err != nil {
			return err
		}
		if err := s.journal(ctx, tx, recordTables[model.RecordCustomer], c.ID, "update"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE customers SET name = ?, rep_id = ?, started = ?, churned = ?, mrr_yen = ?,
			onboarding_due = ?, onboarded_on = ?, updated_at = ? WHERE id = ?`,
			c.Name, nullID(c.RepID), nullDate(c.Started), nullDate(c.Churned), int64(c.MRRMinor),
			nullDate(c.OnboardingDue), nullDate(c.Onboarded), formatTime(s.now()), c.ID)
		if err != nil {
			return fmt.Errorf("update customer %d: %w", c.ID, describe(err))
		}
		return nil
	})
}

func (s *Store) checkCustomer(ctx context.Context, tx *sql.Tx, c model.Customer) (model.Customer, error) {
	rules, err := s.rules(ctx, tx)
	if err != nil {
		return c, err
	}
	if err := model.ValidateCustomer(c, rules, s.today()); err != nil {
		return c, err
	}
	c.RepID, err = resolveRep(ctx, tx, c.RepID, c.RepName, true)
	return c, err
}

// Delete tombstones one record: it stays in the file for undo and audit and
// drops out of every figure.
func (s *Store) Delete(ctx context.Context, kind model.RecordKind, id int64) error {
	t, ok := recordTables[kind]
	if !ok {
		return &model.FieldError{Field: "kind", Msg: fmt.Sprintf("unknown record kind %q", kind)}
	}
	return s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		if err := s.journal(ctx, tx, t, id, "delete"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+t.name+` SET deleted_at = ? WHERE id = ?`, formatTime(s.now()), id); err != nil {
			return fmt.Errorf("delete %s %d: %w", kind, id, describe(err))
		}
		return nil
	})
}

// Change is one journaled write, as Undo reports it.
type Change struct {
	ID     int64
	At     time.Time
	Kind   model.RecordKind
	RowID  int64
	Action string // insert, update or delete
}

// Undo reverts the newest change not yet undone: an insert is tombstoned, an
// update or a delete puts the row's before-image back. The undo itself is
// not journaled; a second Undo reverts the change before. Changes made by
// another kpit on the same file are undone too: the journal is the file's.
// A person of a team (As) undoes only their own changes, and only on
// records they may still write.
func (s *Store) Undo(ctx context.Context) (Change, error) {
	var c Change
	author := ""
	if s.actor != nil {
		author = s.actor.Name
	}
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		var table, at string
		var before sql.NullString
		var stageMark sql.NullInt64
		if err := s.oneAtATime(ctx, tx, pgLockUndo); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		err := tx.QueryRowContext(ctx, `SELECT id, at, table_name, row_id, action, before, stage_mark FROM changes
			WHERE undone = 0 AND (?1 = '' OR author = ?1) ORDER BY id DESC LIMIT 1`, author).
			Scan(&c.ID, &at, &table, &c.RowID, &c.Action, &before, &stageMark)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return fmt.Errorf("undo: %w", describe(err))
		}
		c.At = parseTime(at)
		t, ok := tableFor(table)
		if !ok {
			return fmt.Errorf("undo: change %d is on unknown table %q", c.ID, table)
		}
		c.Kind = t.kind
		if s.checksRecords(model.AreaRecords) {
			if err := s.mayRow(ctx, tx, t.name, c.RowID); err != nil {
				return err
			}
		}
		switch c.Action {
		case "insert":
			_, err = tx.ExecContext(ctx, `UPDATE `+t.name+` SET deleted_at = ? WHERE id = ?`, formatTime(s.now()), c.RowID)
		default:
			_, err = tx.ExecContext(ctx, t.restoreSQL(s.pg), before.String, c.RowID)
		}
		if err == nil && stageMark.Valid {
			// The stage changes the write made go with it; a trigger
			// rebuilds lead_funnel from the history that remains.
			_, err = tx.ExecContext(ctx, `DELETE FROM stage_history WHERE lead_id = ? AND id > ?`, c.RowID, stageMark.Int64)
		}
		if err != nil {
			return fmt.Errorf("undo %s of %s %d: %w", c.Action, t.kind, c.RowID, describe(err))
		}
		_, err = tx.ExecContext(ctx, `UPDATE changes SET undone = 1 WHERE id = ?`, c.ID)
		return describe(err)
	})
	return c, err
}
