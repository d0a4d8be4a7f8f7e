package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The import session's upserts, one per kind. Each reads the stored rows
// of the batch in one query, leaves unchanged records alone, UPDATEs the
// changed ones (so the roll-up triggers move their figures) and INSERTs
// the new ones in multi-row statements.

type storedOpp struct {
	repID                                    int64
	account, product, stage, outcome, reason string
	created                                  string
	closed, forecast                         sql.NullString
	amount                                   sql.NullInt64
}

// UpsertOpportunities writes a batch of opportunities (RepID set). A zero
// Created keeps the stored day, or is the import day for a new deal; an
// unrated Forecast keeps the stored category (a file without a forecast
// column, or an empty cell, never clears one).
func (is *ImportSession) UpsertOpportunities(ctx context.Context, recs []model.Opportunity) (inserted, updated, unchanged int, err error) {
	keys := make([]string, len(recs))
	for i, o := range recs {
		keys[i] = o.ExternalID
	}
	old := map[string]storedOpp{}
	err = is.existing(ctx, "opportunities", "external_id, rep_id, account, product, stage, outcome, lost_reason, created, closed, amount_yen, forecast", "external_id", keys,
		func(r *sql.Rows) (string, error) {
			var k string
			var o storedOpp
			err := r.Scan(&k, &o.repID, &o.account, &o.product, &o.stage, &o.outcome, &o.reason, &o.created, &o.closed, &o.amount, &o.forecast)
			old[k] = o
			return k, err
		})
	if err != nil {
		return 0, 0, 0, err
	}
	ins := is.inserter("opportunities", "external_id, rep_id, account, product, stage, created, closed, amount_yen, outcome, lost_reason, forecast, entered_at, updated_at, imported", len(recs))
	for _, o := range recs {
		created := model.FormatDate(o.Created)
		closed, amount := nullDate(o.Closed), nullYen(o.AmountMinor, o.HasAmount)
		forecast := nullText(string(o.Forecast))
		prev, found := old[o.ExternalID]
		if !found {
			if created == "" {
				created = is.today
			}
			ins.add(o.ExternalID, o.RepID, o.Account, o.Product, o.Stage, created, closed, amount, string(o.Outcome), o.LostReason, forecast, is.now, is.now, 1)
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
		err = is.exec(ctx, `UPDATE opportunities SET rep_id = ?, account = ?, product = ?, stage = ?, created = ?, closed = ?, amount_yen = ?,
			outcome = ?, lost_reason = ?, forecast = ?, updated_at = ? WHERE external_id = ?`, "update opportunity "+o.ExternalID,
			o.RepID, o.Account, o.Product, o.Stage, created, closed, amount, string(o.Outcome), o.LostReason, forecast, is.now, o.ExternalID)
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
	ins := is.inserter("activities", "external_id, day, rep_id, kind, count, opportunity_id, account, note, entered_at, updated_at, imported", len(recs))
	for _, a := range recs {
		day, opp := model.FormatDate(a.Date), nullRep(a.OpportunityID)
		prev, found := old[a.ExternalID]
		if !found {
			ins.add(a.ExternalID, day, a.RepID, string(a.Kind), a.Count, opp, a.Account, a.Note, is.now, is.now, 1)
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
	ins := is.inserter("leads", "external_id, company, contact, source, rep_id, created, status, mql_on, sql_on, entered_at, updated_at, imported", len(recs))
	for _, l := range recs {
		created, rep, mql, sqlOn := model.FormatDate(l.Created), nullRep(l.RepID), nullDate(l.MQLOn), nullDate(l.SQLOn)
		prev, found := old[l.ExternalID]
		if !found {
			if created == "" {
				created = is.today
			}
			ins.add(l.ExternalID, l.Company, l.Contact, l.Source, rep, created, string(l.Status), mql, sqlOn, is.now, is.now, 1)
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
	if err = ins.flush(ctx); err != nil {
		return
	}
	err = is.leadStageDays(ctx, recs)
	return
}

// leadStageDays writes the opportunity and won days an import gives as
// stage changes at the start of the day in UTC, as the MQL/SQL days are
// (docs/funnel.md), unless the lead already reached that stage: a second
// import of the same file writes nothing.
func (is *ImportSession) leadStageDays(ctx context.Context, recs []model.Lead) error {
	for _, l := range recs {
		for _, d := range []struct {
			stage model.FunnelStage
			day   time.Time
		}{{model.FunnelOpportunity, l.OpportunityOn}, {model.FunnelWon, l.WonOn}} {
			if d.day.IsZero() {
				continue
			}
			err := is.exec(ctx, `INSERT INTO stage_history (lead_id, stage, at, rep_id, entered_at)
				SELECT l.id, ?, ?, l.rep_id, ? FROM leads l WHERE l.external_id = ?
				AND NOT EXISTS (SELECT 1 FROM stage_history h WHERE h.lead_id = l.id AND h.stage = ?)`,
				"record the "+string(d.stage)+" day of lead "+l.ExternalID,
				string(d.stage), stageTime(model.DayStart(d.day)), is.now, l.ExternalID, string(d.stage))
			if err != nil {
				return err
			}
		}
	}
	return nil
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
	ins := is.inserter("customers", "external_id, name, rep_id, started, churned, mrr_yen, entered_at, updated_at, imported", len(recs))
	for _, c := range recs {
		rep, started, churned, mrr := nullRep(c.RepID), nullDate(c.Started), nullDate(c.Churned), any(int64(c.MRRMinor))
		prev, found := old[c.ExternalID]
		if !found {
			ins.add(c.ExternalID, c.Name, rep, started, churned, mrr, is.now, is.now, 1)
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
			st, err := is.stmt(`INSERT INTO reps (name, department, active, created_at) VALUES (?, ?, ?, ?) RETURNING id`)
			if err != nil {
				return inserted, updated, unchanged, fmt.Errorf("insert rep %s: %w", r.Name, err)
			}
			if err := st.QueryRowContext(ctx, r.Name, string(r.Department), r.Active, is.now).Scan(&id); err != nil {
				return inserted, updated, unchanged, fmt.Errorf("insert rep %s: %w", r.Name, describe(err))
			}
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
