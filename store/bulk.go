package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Batch is a set of records written together by BulkInsert. Records name
// their rep by RepID or, when it is 0, by RepName (a rep of the batch or
// one already stored). Reps are stored as given, Active included.
type Batch struct {
	Reps          []model.Rep
	Opportunities []model.Opportunity
	Activities    []model.Activity
	Leads         []model.Lead
	Customers     []model.Customer
	Reviews       []Review
	// LeadStages holds, by index in Leads, a lead's stage changes after
	// the ones its creation, MQL and SQL days give (docs/funnel.md): its
	// move to an opportunity, its win, recycles. Each is checked as
	// MoveStages checks it; the lead's status is the caller's.
	LeadStages map[int][]model.StageMove
	// The customer-success and inside-sales records (docs/success.md).
	// A usage check names its customer by CustomerID.
	NPSAnswers []model.NPSAnswer
	Usage      []model.Usage
	Campaigns  []model.Campaign
	Inquiries  []model.Inquiry
}

// Review is a KPI review meeting that was held (checklist item 12).
type Review struct {
	HeldOn time.Time
	Notes  string
}

// BulkInsert writes a batch in one transaction with prepared statements:
// all of it or, on the first bad record, none of it. It is for generated
// data (the demo, tests and benchmarks), not for people's edits, so it
// writes no undo journal. A zero EnteredAt is the store's clock now; a zero
// UpdatedAt is EnteredAt.
//
// Its connection keeps temporary storage in memory for the transaction:
// every insert that fires a roll-up trigger writes a statement journal, and
// as temporary files they were 60% of a bulk insert's time (a syscall per
// page). Only here: in memory, SQLite's sorter makes a GROUP BY over the
// roll-up 2.5 times slower, so reads keep the default.
func (s *Store) BulkInsert(ctx context.Context, b Batch) error {
	// A full disk or a busy file is named as every write names it.
	return s.named(s.bulkInsert(ctx, b))
}

func (s *Store) bulkInsert(ctx context.Context, b Batch) error {
	if err := s.may(model.AreaImport); err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("bulk insert: %w", describe(err))
	}
	defer conn.Close()
	if !s.pg {
		if _, err := conn.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
			return fmt.Errorf("bulk insert: %w", describe(err))
		}
		// The connection goes back to the pool: give it back as it was.
		defer conn.ExecContext(context.Background(), "PRAGMA temp_store = DEFAULT")
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("bulk insert: %w", describe(err))
	}
	w := bulkWriter{ctx: ctx, pg: s.pg, tx: tx, now: s.now()}
	if err := w.write(b); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return describe(err)
	}
	s.wrote()
	return nil
}

type bulkWriter struct {
	ctx context.Context
	pg  bool
	tx  *sql.Tx
	now time.Time
	// repIDs are the reps by name: read from the file once, at the first
	// batch (a bulk build writes many batches in one transaction), and
	// each rep the writer adds.
	repIDs map[string]int64
}

func (w *bulkWriter) write(b Batch) error {
	if w.repIDs == nil {
		w.repIDs = map[string]int64{}
		if err := w.loadReps(); err != nil {
			return err
		}
	}
	if err := w.reps(b.Reps); err != nil {
		return err
	}
	if err := w.opportunities(b.Opportunities); err != nil {
		return err
	}
	if err := w.activities(b.Activities); err != nil {
		return err
	}
	if err := w.leads(b.Leads, b.LeadStages); err != nil {
		return err
	}
	if err := w.customers(b.Customers); err != nil {
		return err
	}
	if err := w.success(b); err != nil {
		return err
	}
	return w.reviews(b.Reviews)
}

func (w *bulkWriter) loadReps() error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, name FROM reps`)
	if err != nil {
		return fmt.Errorf("bulk insert: read reps: %w", describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("bulk insert: read reps: %w", describe(err))
		}
		w.repIDs[name] = id
	}
	return describe(rows.Err())
}

// rep resolves a record's rep. optional allows no rep at all (leads and
// customers may be unassigned), which comes back as NULL.
func (w *bulkWriter) rep(what string, i int, id int64, name string, optional bool) (any, error) {
	if id != 0 {
		return id, nil
	}
	if name == "" {
		if optional {
			return nil, nil
		}
		return nil, fmt.Errorf("bulk insert: %s %d has no rep", what, i+1)
	}
	rid, ok := w.repIDs[name]
	if !ok {
		return nil, fmt.Errorf("bulk insert: %s %d: unknown rep %q", what, i+1, name)
	}
	return rid, nil
}

// stamps returns entered_at and updated_at for a record.
func (w *bulkWriter) stamps(entered, updated time.Time) (string, string) {
	if entered.IsZero() {
		entered = w.now
	}
	if updated.IsZero() {
		updated = entered
	}
	return formatTime(entered), formatTime(updated)
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (w *bulkWriter) prepare(query string) (*sql.Stmt, error) {
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("bulk insert: prepare: %w", describe(err))
	}
	return st, nil
}

func (w *bulkWriter) reps(reps []model.Rep) error {
	if len(reps) == 0 {
		return nil
	}
	st, err := w.prepare(`INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, r := range reps {
		if r.Name == "" {
			return fmt.Errorf("bulk insert: rep %d has no name", i+1)
		}
		if !r.Department.Valid() {
			return fmt.Errorf("bulk insert: rep %s: unknown department %q", r.Name, r.Department)
		}
		var id int64
		if err := st.QueryRowContext(w.ctx, r.Name, string(r.Department), r.Active, formatTime(w.now)).Scan(&id); err != nil {
			return fmt.Errorf("bulk insert: rep %s: %w", r.Name, describe(err))
		}
		w.repIDs[r.Name] = id
	}
	return nil
}

func (w *bulkWriter) opportunities(opps []model.Opportunity) error {
	if len(opps) == 0 {
		return nil
	}
	ins, err := w.rows("opportunity", `INSERT INTO opportunities (external_id, rep_id, account, product, stage, created, closed,
		amount_yen, outcome, lost_reason, forecast, entered_at, updated_at) VALUES `, 13)
	if err != nil {
		return err
	}
	defer ins.close()
	for i, o := range opps {
		rep, err := w.rep("opportunity", i, o.RepID, o.RepName, false)
		if err != nil {
			return err
		}
		if o.Created.IsZero() {
			return fmt.Errorf("bulk insert: opportunity %d has no created date", i+1)
		}
		if o.Outcome == "" {
			o.Outcome = model.OutcomeOpen
		}
		if !o.Outcome.Valid() {
			return fmt.Errorf("bulk insert: opportunity %d: unknown outcome %q", i+1, o.Outcome)
		}
		var amount any
		if o.HasAmount {
			amount = int64(o.AmountMinor)
		}
		entered, updated := w.stamps(o.EnteredAt, o.UpdatedAt)
		if err := ins.add(nullText(o.ExternalID), rep, o.Account, o.Product, o.Stage,
			model.FormatDate(o.Created), nullDate(o.Closed), amount, string(o.Outcome), o.LostReason,
			nullText(string(o.Forecast)), entered, updated); err != nil {
			return err
		}
	}
	return ins.flush()
}

func (w *bulkWriter) activities(acts []model.Activity) error {
	if len(acts) == 0 {
		return nil
	}
	ins, err := w.rows("activity", `INSERT INTO activities (external_id, day, rep_id, kind, count, opportunity_id, account, note,
		connected, lead_id, at, entered_at, updated_at) VALUES `, 13)
	if err != nil {
		return err
	}
	defer ins.close()
	for i, a := range acts {
		rep, err := w.rep("activity", i, a.RepID, a.RepName, false)
		if err != nil {
			return err
		}
		if a.Date.IsZero() {
			return fmt.Errorf("bulk insert: activity %d has no date", i+1)
		}
		if !a.Kind.Valid() {
			return fmt.Errorf("bulk insert: activity %d: unknown kind %q", i+1, a.Kind)
		}
		if err := model.CheckActivity(a); err != nil {
			return fmt.Errorf("bulk insert: activity %d: %w", i+1, err)
		}
		entered, updated := w.stamps(a.EnteredAt, a.UpdatedAt)
		if err := ins.add(nullText(a.ExternalID), model.FormatDate(a.Date), rep, string(a.Kind), a.Count,
			nullID(a.OpportunityID), a.Account, a.Note, a.Connected, nullID(a.LeadID), nullMoment(a.At), entered, updated); err != nil {
			return err
		}
	}
	return ins.flush()
}

// multiRows is how many rows one INSERT of rowInserter writes: a statement
// per row was half of the scale company's inserts (bind, step and reset
// for each).
const multiRows = 50

// rowInserter writes rows of one table multiRows to a statement, in the
// order added. A statement SQLite refuses for a constraint writes nothing
// (SQLite backs out the statement, not the transaction), and its rows are
// written again one by one, so that the error names the row it is about.
type rowInserter struct {
	w    *bulkWriter
	what string // the record's name in errors
	one  *sql.Stmt
	many *sql.Stmt
	cols int
	args []any
	next int // the index of the next row added, from 0
}

// rows prepares the inserts of a table: insert is the statement up to and
// with VALUES, cols the number of its columns.
func (w *bulkWriter) rows(what, insert string, cols int) (*rowInserter, error) {
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	one, err := w.prepare(insert + tuple)
	if err != nil {
		return nil, err
	}
	many, err := w.prepare(insert + strings.TrimSuffix(strings.Repeat(tuple+", ", multiRows), ", "))
	if err != nil {
		one.Close()
		return nil, err
	}
	return &rowInserter{w: w, what: what, one: one, many: many, cols: cols, args: make([]any, 0, cols*multiRows)}, nil
}

func (r *rowInserter) add(vals ...any) error {
	r.args = append(r.args, vals...)
	r.next++
	if len(r.args) < r.cols*multiRows {
		return nil
	}
	_, err := r.many.ExecContext(r.w.ctx, r.args...)
	switch {
	case err == nil:
		r.args = r.args[:0]
		return nil
	case isConstraint(err) && !r.w.pg:
		return r.flush()
	default:
		// Any other failure (a full disk, say) may have ended the
		// transaction itself, where a row written now would be committed
		// on its own; and PostgreSQL refuses every statement after one
		// failed. Neither writes another row.
		return fmt.Errorf("bulk insert: %s %d to %d: %w", r.what, r.next-multiRows+1, r.next, describe(err))
	}
}

// flush writes the rows added since the last statement one by one.
func (r *rowInserter) flush() error {
	first := r.next - len(r.args)/r.cols
	for k := 0; k*r.cols < len(r.args); k++ {
		if _, err := r.one.ExecContext(r.w.ctx, r.args[k*r.cols:(k+1)*r.cols]...); err != nil {
			return fmt.Errorf("bulk insert: %s %d: %w", r.what, first+k+1, describe(err))
		}
	}
	r.args = r.args[:0]
	return nil
}

func (r *rowInserter) close() {
	r.one.Close()
	r.many.Close()
}

func (w *bulkWriter) leads(leads []model.Lead, stages map[int][]model.StageMove) error {
	if len(leads) == 0 {
		return nil
	}
	st, err := w.prepare(`INSERT INTO leads (external_id, company, contact, source, rep_id, created, status, mql_on, sql_on,
		entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		return err
	}
	defer st.Close()
	var move *sql.Stmt
	if len(stages) > 0 {
		if move, err = w.prepare(`INSERT INTO stage_history (lead_id, stage, at, rep_id, recycle, entered_at)
			VALUES (?, ?, ?, ?, ?, ?)`); err != nil {
			return err
		}
		defer move.Close()
	}
	for i, l := range leads {
		rep, err := w.rep("lead", i, l.RepID, l.RepName, true)
		if err != nil {
			return err
		}
		if l.Created.IsZero() {
			return fmt.Errorf("bulk insert: lead %d has no created date", i+1)
		}
		if l.Status == "" {
			l.Status = model.LeadNew
		}
		if !l.Status.Valid() {
			return fmt.Errorf("bulk insert: lead %d: unknown status %q", i+1, l.Status)
		}
		entered, updated := w.stamps(l.EnteredAt, l.UpdatedAt)
		var id int64
		err = st.QueryRowContext(w.ctx, nullText(l.ExternalID), l.Company, l.Contact, l.Source, rep,
			model.FormatDate(l.Created), string(l.Status), nullDate(l.MQLOn), nullDate(l.SQLOn), entered, updated).Scan(&id)
		if err != nil {
			return fmt.Errorf("bulk insert: lead %d: %w", i+1, describe(err))
		}
		if len(stages[i]) == 0 {
			continue
		}
		// The history the leads trigger wrote from the lead's days.
		hist := []model.StageMove{{Stage: model.FunnelLead, At: model.DayStart(l.Created)}}
		if !l.MQLOn.IsZero() {
			hist = append(hist, model.StageMove{Stage: model.FunnelMQL, At: model.DayStart(l.MQLOn)})
		}
		if !l.SQLOn.IsZero() {
			hist = append(hist, model.StageMove{Stage: model.FunnelSQL, At: model.DayStart(l.SQLOn)})
		}
		for _, mv := range stages[i] {
			if err := model.CheckStageMove(l.Created, hist, mv); err != nil {
				return fmt.Errorf("bulk insert: lead %d: %w", i+1, err)
			}
			mrep, err := w.rep("lead", i, mv.RepID, mv.RepName, true)
			if err != nil {
				return err
			}
			if _, err := move.ExecContext(w.ctx, id, string(mv.Stage), stageTime(mv.At), mrep, mv.Recycle, entered); err != nil {
				return fmt.Errorf("bulk insert: lead %d: %w", i+1, describe(err))
			}
			hist = append(hist, mv)
		}
	}
	return nil
}

func (w *bulkWriter) customers(cs []model.Customer) error {
	if len(cs) == 0 {
		return nil
	}
	st, err := w.prepare(`INSERT INTO customers (external_id, name, rep_id, started, churned, mrr_yen, onboarding_due,
		onboarded_on, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, c := range cs {
		rep, err := w.rep("customer", i, c.RepID, c.RepName, true)
		if err != nil {
			return err
		}
		if c.Name == "" {
			return fmt.Errorf("bulk insert: customer %d has no name", i+1)
		}
		entered, updated := w.stamps(c.EnteredAt, c.UpdatedAt)
		if _, err := st.ExecContext(w.ctx, nullText(c.ExternalID), c.Name, rep, nullDate(c.Started), nullDate(c.Churned),
			int64(c.MRRMinor), nullDate(c.OnboardingDue), nullDate(c.Onboarded), entered, updated); err != nil {
			return fmt.Errorf("bulk insert: customer %d: %w", i+1, describe(err))
		}
	}
	return nil
}

func (w *bulkWriter) reviews(rs []Review) error {
	if len(rs) == 0 {
		return nil
	}
	st, err := w.prepare(`INSERT INTO reviews (held_on, notes) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, r := range rs {
		if r.HeldOn.IsZero() {
			return fmt.Errorf("bulk insert: review %d has no date", i+1)
		}
		if _, err := st.ExecContext(w.ctx, model.FormatDate(r.HeldOn), r.Notes); err != nil {
			return fmt.Errorf("bulk insert: review %d: %w", i+1, describe(err))
		}
	}
	return nil
}
