package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The import session's upserts, one per kind. Each reads the rows of the
// batch as the import leaves them (staged, else stored) in one query,
// leaves unchanged records alone and stages the changed and the new ones
// with their final values; the move writes them (store/import_move.go).

// The kinds of record an import stages, named as their tables.
const (
	kindOpportunities = "opportunities"
	kindActivities    = "activities"
	kindLeads         = "leads"
	kindCustomers     = "customers"
)

// stageCols are the columns an import writes, besides external_id and the
// stamps, in the order the staging table and the moves list them.
var stageCols = map[string][]string{
	kindOpportunities: {"rep_id", "account", "product", "stage", "created", "closed", "amount_yen", "outcome", "lost_reason", "forecast"},
	kindActivities:    {"day", "rep_id", "kind", "count", "opportunity_id", "account", "note", "connected"},
	kindLeads:         {"company", "contact", "source", "rep_id", "created", "status", "mql_on", "sql_on"},
	kindCustomers:     {"name", "rep_id", "started", "churned", "mrr_yen"},
	kindNPSAnswers:    {"account", "day", "score", "comment"},
	kindUsage:         {"customer_id", "day", "active"},
	kindInquiries:     {"account", "opened_at", "answered_at"},
	kindCampaigns:     {"name", "day", "sent", "opened"},
}

// stageExtra are staged values that are not columns of the real table:
// the days an import says a lead became an opportunity and a customer,
// written as stage changes at the move (moveLeadStages), as start-of-day
// times in UTC.
var stageExtra = map[string][]string{kindLeads: {"opportunity_at", "won_at"}}

// stageTable is the TEMP table holding a kind's staged rows. Its name is
// no real table's, so it is named without a schema (SQLite's temp and
// PostgreSQL's pg_temp are searched first either way).
func stageTable(kind string) string { return "import_" + kind }

// integerCols are the staged columns holding integers; the others hold text.
var integerCols = map[string]bool{"rep_id": true, "count": true, "connected": true, "opportunity_id": true, "amount_yen": true, "mrr_yen": true,
	"score": true, "customer_id": true, "active": true, "sent": true, "opened": true}

// Staged rows are to be inserted, to update the stored row of their id,
// or leave it as it is (a lead staged only for its stage days).
const (
	actionInsert = "insert"
	actionUpdate = "update"
	actionSame   = "same"
)

// stager collects the staged rows of one batch and writes them with
// multi-row statements, far fewer executions than one per row.
type stager struct {
	is   *ImportSession
	kind string
	n    int // values per row: external_id, the columns, action
	rows int
	args []any
}

// stageChunk is how many rows one staging statement writes.
const stageChunk = 64

// stager makes the kind's staging table when the session has none yet.
func (is *ImportSession) stager(ctx context.Context, kind string, capRows int) (*stager, error) {
	cols := stageCols[kind]
	if !is.staged[kind] {
		// The types of the real columns, so a value is stored as it would
		// be there. seq keeps the order the file first named each record.
		var defs []string
		for _, c := range append(cols[:len(cols):len(cols)], stageExtra[kind]...) {
			if integerCols[c] {
				defs = append(defs, c+" BIGINT")
			} else {
				defs = append(defs, c+" TEXT")
			}
		}
		q := fmt.Sprintf(`CREATE TEMP TABLE IF NOT EXISTS %s (external_id TEXT PRIMARY KEY, %s, action TEXT NOT NULL, seq BIGINT NOT NULL)`,
			stageTable(kind), strings.Join(defs, ", "))
		if _, err := is.conn.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("stage %s: %w", kind, describe(err))
		}
		is.staged[kind] = true
	}
	n := len(cols) + len(stageExtra[kind]) + 3
	return &stager{is: is, kind: kind, n: n, args: make([]any, 0, capRows*n)}, nil
}

// add stages a row: external id, the stageCols values, the stageExtra
// ones, then the action.
func (w *stager) add(args ...any) {
	w.is.seq++
	args = append(args, w.is.seq)
	switch args[len(args)-2] {
	case actionUpdate:
		w.is.updates[w.kind] = true
	case actionInsert:
		w.is.inserts[w.kind]++
	}
	w.args = append(w.args, args...)
	w.rows++
}

// flush writes the rows. A row whose id is staged already replaces it;
// it stays an insert when it was one.
func (w *stager) flush(ctx context.Context) error {
	cols := stageCols[w.kind]
	t := stageTable(w.kind)
	set := make([]string, 0, len(cols)+3)
	for _, c := range cols {
		set = append(set, c+" = excluded."+c)
	}
	// A stage day is recorded once: the first row that gives it.
	for _, c := range stageExtra[w.kind] {
		set = append(set, fmt.Sprintf("%s = coalesce(%s.%s, excluded.%s)", c, t, c, c))
	}
	// An insert stays one; an update stays one when a later row repeats it.
	set = append(set, fmt.Sprintf("action = CASE WHEN %s.action = '%s' OR (%s.action = '%s' AND excluded.action = '%s') THEN %s.action ELSE excluded.action END",
		t, actionInsert, t, actionUpdate, actionSame, t))
	cols = append(cols[:len(cols):len(cols)], stageExtra[w.kind]...)
	row := "(?" + strings.Repeat(", ?", w.n-1) + ")"
	for done := 0; done < w.rows; {
		k := min(w.rows-done, stageChunk)
		q := fmt.Sprintf("INSERT INTO %s (external_id, %s, action, seq) VALUES %s%s ON CONFLICT (external_id) DO UPDATE SET %s",
			stageTable(w.kind), strings.Join(cols, ", "), row, strings.Repeat(", "+row, k-1), strings.Join(set, ", "))
		st, err := w.is.stmt(q)
		if err != nil {
			return fmt.Errorf("stage %s: %w", w.kind, err)
		}
		if _, err := st.ExecContext(ctx, w.args[done*w.n:(done+k)*w.n]...); err != nil {
			return fmt.Errorf("stage %s: %w", w.kind, describe(err))
		}
		done += k
	}
	w.args, w.rows = w.args[:0], 0
	return nil
}

type storedOpp struct {
	repID                                    int64
	account, product, stage, outcome, reason string
	created                                  string
	closed, forecast                         sql.NullString
	amount                                   sql.NullInt64
}

// UpsertOpportunities stages a batch of opportunities (RepID set). A zero
// Created keeps the stored day, or is the import day for a new deal; an
// unrated Forecast keeps the stored category (a file without a forecast
// column, or an empty cell, never clears one).
func (is *ImportSession) UpsertOpportunities(ctx context.Context, recs []model.Opportunity) (inserted, updated, unchanged int, err error) {
	err = is.batch(ctx, func() error {
		keys := make([]string, len(recs))
		for i, o := range recs {
			keys[i] = o.ExternalID
		}
		old := map[string]storedOpp{}
		err := is.existing(ctx, kindOpportunities, "external_id, rep_id, account, product, stage, outcome, lost_reason, created, closed, amount_yen, forecast", keys,
			func(r *sql.Rows) (string, error) {
				var k string
				var o storedOpp
				err := r.Scan(&k, &o.repID, &o.account, &o.product, &o.stage, &o.outcome, &o.reason, &o.created, &o.closed, &o.amount, &o.forecast)
				old[k] = o
				return k, err
			})
		if err != nil {
			return err
		}
		w, err := is.stager(ctx, kindOpportunities, len(recs))
		if err != nil {
			return err
		}
		for _, o := range recs {
			created := model.FormatDate(o.Created)
			closed, amount := nullDate(o.Closed), nullInt(int64(o.AmountMinor), o.HasAmount)
			forecast := nullText(string(o.Forecast))
			prev, found := old[o.ExternalID]
			if !found {
				if created == "" {
					created = is.today
				}
				w.add(o.ExternalID, o.RepID, o.Account, o.Product, o.Stage, created, closed, amount, string(o.Outcome), o.LostReason, forecast, actionInsert)
				inserted++
				continue
			}
			if created == "" {
				created = prev.created
			}
			if forecast == nil && prev.forecast.Valid {
				forecast = prev.forecast.String
			}
			if prev.repID == o.RepID && prev.account == o.Account && prev.product == o.Product && prev.stage == o.Stage &&
				prev.outcome == string(o.Outcome) && prev.reason == o.LostReason && prev.created == created &&
				sameNull(prev.closed, closed) && sameNullInt(prev.amount, amount) && sameNull(prev.forecast, forecast) {
				unchanged++
				continue
			}
			w.add(o.ExternalID, o.RepID, o.Account, o.Product, o.Stage, created, closed, amount, string(o.Outcome), o.LostReason, forecast, actionUpdate)
			updated++
		}
		return w.flush(ctx)
	})
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
	v, ok := b.(int64)
	return ok && a.Valid && a.Int64 == v
}

type storedAct struct {
	day, kind, account, note string
	repID                    int64
	count, connected         int
	opp                      sql.NullInt64
}

// UpsertActivities stages a batch of activities (RepID and OpportunityID set).
func (is *ImportSession) UpsertActivities(ctx context.Context, recs []model.Activity) (inserted, updated, unchanged int, err error) {
	err = is.batch(ctx, func() error {
		keys := make([]string, len(recs))
		for i, a := range recs {
			keys[i] = a.ExternalID
		}
		old := map[string]storedAct{}
		err := is.existing(ctx, kindActivities, "external_id, day, rep_id, kind, count, opportunity_id, account, note, connected", keys,
			func(r *sql.Rows) (string, error) {
				var k string
				var a storedAct
				err := r.Scan(&k, &a.day, &a.repID, &a.kind, &a.count, &a.opp, &a.account, &a.note, &a.connected)
				old[k] = a
				return k, err
			})
		if err != nil {
			return err
		}
		w, err := is.stager(ctx, kindActivities, len(recs))
		if err != nil {
			return err
		}
		for _, a := range recs {
			day, opp := model.FormatDate(a.Date), nullID(a.OpportunityID)
			prev, found := old[a.ExternalID]
			if !found {
				w.add(a.ExternalID, day, a.RepID, string(a.Kind), a.Count, opp, a.Account, a.Note, a.Connected, actionInsert)
				inserted++
				continue
			}
			if prev.day == day && prev.repID == a.RepID && prev.kind == string(a.Kind) && prev.count == a.Count &&
				sameNullInt(prev.opp, opp) && prev.account == a.Account && prev.note == a.Note && prev.connected == a.Connected {
				unchanged++
				continue
			}
			w.add(a.ExternalID, day, a.RepID, string(a.Kind), a.Count, opp, a.Account, a.Note, a.Connected, actionUpdate)
			updated++
		}
		return w.flush(ctx)
	})
	return
}

type storedLead struct {
	company, contact, source, created, status string
	repID                                     sql.NullInt64
	mql, sql                                  sql.NullString
}

// UpsertLeads stages a batch of leads (RepID 0 for no owner). A zero
// Created keeps the stored day, or is the import day for a new lead.
func (is *ImportSession) UpsertLeads(ctx context.Context, recs []model.Lead) (inserted, updated, unchanged int, err error) {
	err = is.batch(ctx, func() error {
		keys := make([]string, len(recs))
		for i, l := range recs {
			keys[i] = l.ExternalID
		}
		old := map[string]storedLead{}
		err := is.existing(ctx, kindLeads, "external_id, company, contact, source, rep_id, created, status, mql_on, sql_on", keys,
			func(r *sql.Rows) (string, error) {
				var k string
				var l storedLead
				err := r.Scan(&k, &l.company, &l.contact, &l.source, &l.repID, &l.created, &l.status, &l.mql, &l.sql)
				old[k] = l
				return k, err
			})
		if err != nil {
			return err
		}
		w, err := is.stager(ctx, kindLeads, len(recs))
		if err != nil {
			return err
		}
		for _, l := range recs {
			created, rep, mql, sqlOn := model.FormatDate(l.Created), nullID(l.RepID), nullDate(l.MQLOn), nullDate(l.SQLOn)
			oppAt, wonAt := nullStageDay(l.OpportunityOn), nullStageDay(l.WonOn)
			prev, found := old[l.ExternalID]
			if !found {
				if created == "" {
					created = is.today
				}
				w.add(l.ExternalID, l.Company, l.Contact, l.Source, rep, created, string(l.Status), mql, sqlOn, oppAt, wonAt, actionInsert)
				inserted++
				continue
			}
			if created == "" {
				created = prev.created
			}
			if prev.company == l.Company && prev.contact == l.Contact && prev.source == l.Source && sameNullInt(prev.repID, rep) &&
				prev.created == created && prev.status == string(l.Status) && sameNull(prev.mql, mql) && sameNull(prev.sql, sqlOn) {
				if oppAt != nil || wonAt != nil { // its stage days may still be new
					w.add(l.ExternalID, l.Company, l.Contact, l.Source, rep, created, string(l.Status), mql, sqlOn, oppAt, wonAt, actionSame)
				}
				unchanged++
				continue
			}
			w.add(l.ExternalID, l.Company, l.Contact, l.Source, rep, created, string(l.Status), mql, sqlOn, oppAt, wonAt, actionUpdate)
			updated++
		}
		return w.flush(ctx)
	})
	return
}

// nullStageDay is a stage day as the stage history writes it, the start
// of the day in UTC, as the MQL/SQL days are (docs/funnel.md); NULL for
// none.
func nullStageDay(d time.Time) any {
	if d.IsZero() {
		return nil
	}
	return stageTime(model.DayStart(d))
}

type storedCust struct {
	name             string
	repID            sql.NullInt64
	started, churned sql.NullString
	mrr              sql.NullInt64
}

// UpsertCustomers stages a batch of customers (RepID 0 for no owner).
func (is *ImportSession) UpsertCustomers(ctx context.Context, recs []model.Customer) (inserted, updated, unchanged int, err error) {
	err = is.batch(ctx, func() error {
		keys := make([]string, len(recs))
		for i, c := range recs {
			keys[i] = c.ExternalID
		}
		old := map[string]storedCust{}
		err := is.existing(ctx, kindCustomers, "external_id, name, rep_id, started, churned, mrr_yen", keys,
			func(r *sql.Rows) (string, error) {
				var k string
				var c storedCust
				err := r.Scan(&k, &c.name, &c.repID, &c.started, &c.churned, &c.mrr)
				old[k] = c
				return k, err
			})
		if err != nil {
			return err
		}
		w, err := is.stager(ctx, kindCustomers, len(recs))
		if err != nil {
			return err
		}
		for _, c := range recs {
			rep, started, churned, mrr := nullID(c.RepID), nullDate(c.Started), nullDate(c.Churned), any(int64(c.MRRMinor))
			prev, found := old[c.ExternalID]
			if !found {
				w.add(c.ExternalID, c.Name, rep, started, churned, mrr, actionInsert)
				inserted++
				continue
			}
			if prev.name == c.Name && sameNullInt(prev.repID, rep) && sameNull(prev.started, started) &&
				sameNull(prev.churned, churned) && sameNullInt(prev.mrr, mrr) {
				unchanged++
				continue
			}
			w.add(c.ExternalID, c.Name, rep, started, churned, mrr, actionUpdate)
			updated++
		}
		return w.flush(ctx)
	})
	return
}

// UpsertReps books a batch of reps, matched by name, for the move: a new
// name is created, a stored rep whose department or active flag differs is
// updated.
func (is *ImportSession) UpsertReps(ctx context.Context, recs []model.Rep) (inserted, updated, unchanged int, err error) {
	for _, r := range recs {
		if !r.Department.Valid() {
			return inserted, updated, unchanged, fmt.Errorf("rep %s: unknown department %q", r.Name, r.Department)
		}
		id, found := is.reps[r.Name]
		if !found {
			is.addNewRep(pendingRep{name: r.Name, dept: r.Department, active: r.Active})
			inserted++
			continue
		}
		if is.repDepts[r.Name] == r.Department && is.repActive[r.Name] == r.Active {
			unchanged++
			continue
		}
		if id < 0 { // booked by this file already: it is created as the last row says
			is.newReps[-id-1].dept, is.newReps[-id-1].active = r.Department, r.Active
		} else {
			is.repUpdates = append(is.repUpdates, pendingRep{tmpID: id, name: r.Name, dept: r.Department, active: r.Active})
		}
		is.repDepts[r.Name], is.repActive[r.Name] = r.Department, r.Active
		updated++
	}
	return inserted, updated, unchanged, nil
}
