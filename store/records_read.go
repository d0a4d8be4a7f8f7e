package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/kpit-dev/kpit/model"
)

// Reading single records and recent lists for the entry screens. Tombstoned
// rows are never returned.

const activityCols = `a.id, coalesce(a.external_id, ''), a.day, a.rep_id, r.name, a.kind, a.count,
	coalesce(a.opportunity_id, 0), a.account, a.note, a.connected, coalesce(a.lead_id, 0), a.at, a.entered_at, a.updated_at`

func scanActivity(sc interface{ Scan(...any) error }) (model.Activity, error) {
	var a model.Activity
	var day, kind, entered, updated string
	var at sql.NullString
	err := sc.Scan(&a.ID, &a.ExternalID, &day, &a.RepID, &a.RepName, &kind, &a.Count, &a.OpportunityID,
		&a.Account, &a.Note, &a.Connected, &a.LeadID, &at, &entered, &updated)
	if err != nil {
		return a, err
	}
	if at.Valid {
		a.At = parseTime(at.String)
	}
	a.Date, _ = model.ParseDate(day)
	a.Kind = model.ActivityKind(kind)
	a.EnteredAt, a.UpdatedAt = parseTime(entered), parseTime(updated)
	return a, nil
}

const opportunityCols = `o.id, coalesce(o.external_id, ''), o.rep_id, r.name, o.account, o.product, o.stage, o.created,
	o.closed, o.amount_yen, o.outcome, o.lost_reason, coalesce(o.forecast, ''), o.entered_at, o.updated_at`

func scanOpportunity(sc interface{ Scan(...any) error }) (model.Opportunity, error) {
	var o model.Opportunity
	var created, outcome, forecast, entered, updated string
	var closed sql.NullString
	var amount sql.NullInt64
	err := sc.Scan(&o.ID, &o.ExternalID, &o.RepID, &o.RepName, &o.Account, &o.Product, &o.Stage, &created, &closed,
		&amount, &outcome, &o.LostReason, &forecast, &entered, &updated)
	if err != nil {
		return o, err
	}
	o.Created, _ = model.ParseDate(created)
	o.Closed = parseNullDate(closed)
	o.AmountMinor, o.HasAmount = model.Minor(amount.Int64), amount.Valid
	o.Outcome = model.Outcome(outcome)
	o.Forecast = model.ForecastCategory(forecast)
	o.EnteredAt, o.UpdatedAt = parseTime(entered), parseTime(updated)
	return o, nil
}

const leadCols = `l.id, coalesce(l.external_id, ''), l.company, l.contact, l.source, coalesce(l.rep_id, 0),
	coalesce(r.name, ''), l.created, l.status, l.mql_on, l.sql_on, l.entered_at, l.updated_at`

func scanLead(sc interface{ Scan(...any) error }) (model.Lead, error) {
	var l model.Lead
	var created, status, entered, updated string
	var mql, sqlOn sql.NullString
	err := sc.Scan(&l.ID, &l.ExternalID, &l.Company, &l.Contact, &l.Source, &l.RepID, &l.RepName, &created, &status,
		&mql, &sqlOn, &entered, &updated)
	if err != nil {
		return l, err
	}
	l.Created, _ = model.ParseDate(created)
	l.Status = model.LeadStatus(status)
	l.MQLOn, l.SQLOn = parseNullDate(mql), parseNullDate(sqlOn)
	l.EnteredAt, l.UpdatedAt = parseTime(entered), parseTime(updated)
	return l, nil
}

const customerCols = `c.id, coalesce(c.external_id, ''), c.name, coalesce(c.rep_id, 0), coalesce(r.name, ''), c.started,
	c.churned, coalesce(c.mrr_yen, 0), c.onboarding_due, c.onboarded_on, c.entered_at, c.updated_at`

func scanCustomer(sc interface{ Scan(...any) error }) (model.Customer, error) {
	var c model.Customer
	var entered, updated string
	var started, churned, due, onboarded sql.NullString
	var mrr int64
	err := sc.Scan(&c.ID, &c.ExternalID, &c.Name, &c.RepID, &c.RepName, &started, &churned, &mrr, &due, &onboarded,
		&entered, &updated)
	if err != nil {
		return c, err
	}
	c.OnboardingDue, c.Onboarded = parseNullDate(due), parseNullDate(onboarded)
	c.Started, c.Churned = parseNullDate(started), parseNullDate(churned)
	c.MRRMinor = model.Minor(mrr)
	c.EnteredAt, c.UpdatedAt = parseTime(entered), parseTime(updated)
	return c, nil
}

func notFound(kind model.RecordKind, id any, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %v: no such record", kind, id)
	}
	return fmt.Errorf("read %s %v: %w", kind, id, describe(err))
}

// Activity reads one activity.
func (s *Store) Activity(ctx context.Context, id int64) (model.Activity, error) {
	a, err := scanActivity(s.db.QueryRowContext(ctx, `SELECT `+activityCols+` FROM activities a JOIN reps r ON r.id = a.rep_id
		WHERE a.id = ? AND a.deleted_at IS NULL AND `+pendingHidden("a", kindActivities), id))
	if err != nil {
		return a, notFound(model.RecordActivity, id, err)
	}
	return a, nil
}

// Opportunity reads one opportunity.
func (s *Store) Opportunity(ctx context.Context, id int64) (model.Opportunity, error) {
	o, err := scanOpportunity(s.db.QueryRowContext(ctx, `SELECT `+opportunityCols+` FROM opportunities o
		JOIN reps r ON r.id = o.rep_id WHERE o.id = ? AND o.deleted_at IS NULL AND `+pendingHidden("o", kindOpportunities), id))
	if err != nil {
		return o, notFound(model.RecordOpportunity, id, err)
	}
	return o, nil
}

// OpportunityByExternalID reads the opportunity with the given id from an
// outside system; ok is false when there is none.
func (s *Store) OpportunityByExternalID(ctx context.Context, ext string) (o model.Opportunity, ok bool, err error) {
	o, err = scanOpportunity(s.db.QueryRowContext(ctx, `SELECT `+opportunityCols+` FROM opportunities o
		JOIN reps r ON r.id = o.rep_id WHERE o.external_id = ? AND o.deleted_at IS NULL AND `+pendingHidden("o", kindOpportunities), ext))
	if errors.Is(err, sql.ErrNoRows) {
		return o, false, nil
	}
	if err != nil {
		return o, false, notFound(model.RecordOpportunity, ext, err)
	}
	return o, true, nil
}

// OpenOpportunityFor finds the newest open opportunity on an account,
// preferring one owned by the rep; ok is false when there is none. Quick-add
// `won`/`lost` lines close it rather than adding a second deal.
func (s *Store) OpenOpportunityFor(ctx context.Context, account, repName string) (o model.Opportunity, ok bool, err error) {
	o, err = scanOpportunity(s.db.QueryRowContext(ctx, `SELECT `+opportunityCols+` FROM opportunities o
		JOIN reps r ON r.id = o.rep_id WHERE o.account = ? AND o.outcome = 'open' AND o.deleted_at IS NULL AND `+pendingHidden("o", kindOpportunities)+`
		ORDER BY (r.name = ?) DESC, o.created DESC, o.id DESC LIMIT 1`, account, repName))
	if errors.Is(err, sql.ErrNoRows) {
		return o, false, nil
	}
	if err != nil {
		return o, false, notFound(model.RecordOpportunity, account, err)
	}
	return o, true, nil
}

// Lead reads one lead.
func (s *Store) Lead(ctx context.Context, id int64) (model.Lead, error) {
	l, err := scanLead(s.db.QueryRowContext(ctx, `SELECT `+leadCols+` FROM leads l LEFT JOIN reps r ON r.id = l.rep_id
		WHERE l.id = ? AND l.deleted_at IS NULL`, id))
	if err != nil {
		return l, notFound(model.RecordLead, id, err)
	}
	return l, nil
}

// Recent lists the n most recently entered or edited records of a kind,
// newest first.
func (s *Store) Recent(ctx context.Context, kind model.RecordKind, n int) ([]model.Record, error) {
	var q string
	switch kind {
	case model.RecordActivity:
		q = `SELECT ` + activityCols + ` FROM activities a JOIN reps r ON r.id = a.rep_id WHERE a.deleted_at IS NULL AND ` + pendingHidden("a", kindActivities) + `
			ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`
	case model.RecordOpportunity:
		q = `SELECT ` + opportunityCols + ` FROM opportunities o JOIN reps r ON r.id = o.rep_id WHERE o.deleted_at IS NULL AND ` + pendingHidden("o", kindOpportunities) + `
			ORDER BY o.updated_at DESC, o.id DESC LIMIT ?`
	case model.RecordLead:
		q = `SELECT ` + leadCols + ` FROM leads l LEFT JOIN reps r ON r.id = l.rep_id WHERE l.deleted_at IS NULL
			ORDER BY l.updated_at DESC, l.id DESC LIMIT ?`
	case model.RecordCustomer:
		q = `SELECT ` + customerCols + ` FROM customers c LEFT JOIN reps r ON r.id = c.rep_id WHERE c.deleted_at IS NULL
			ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`
	default:
		return nil, &model.FieldError{Field: "kind", Msg: fmt.Sprintf("unknown record kind %q", kind)}
	}
	rows, err := s.db.QueryContext(ctx, q, n)
	if err != nil {
		return nil, fmt.Errorf("list recent %s: %w", kind, describe(err))
	}
	defer rows.Close()
	var out []model.Record
	for rows.Next() {
		r := model.Record{Kind: kind}
		switch kind {
		case model.RecordActivity:
			r.Activity, err = scanActivity(rows)
		case model.RecordOpportunity:
			r.Opportunity, err = scanOpportunity(rows)
		case model.RecordLead:
			r.Lead, err = scanLead(rows)
		default:
			r.Customer, err = scanCustomer(rows)
		}
		if err != nil {
			return nil, fmt.Errorf("list recent %s: %w", kind, describe(err))
		}
		out = append(out, r)
	}
	return out, describe(rows.Err())
}

// OpenDeals lists every open opportunity, the most recently entered or
// changed first, for the entry form's picker. It reads only the columns a
// picker shows, and the reps' names apart (sorting rows joined to them
// costs more than twice as much): 100,000 open deals load in about 0.4 s.
func (s *Store) OpenDeals(ctx context.Context) ([]model.OpenDeal, error) {
	names := map[int64]string{}
	reps, err := s.db.QueryContext(ctx, `SELECT id, name FROM reps`)
	if err != nil {
		return nil, fmt.Errorf("list open opportunities: %w", describe(err))
	}
	for reps.Next() {
		var id int64
		var name string
		if err := reps.Scan(&id, &name); err != nil {
			reps.Close()
			return nil, fmt.Errorf("list open opportunities: %w", describe(err))
		}
		names[id] = name
	}
	reps.Close()
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(external_id, ''), account, rep_id, stage, amount_yen
		FROM opportunities WHERE outcome = 'open' AND deleted_at IS NULL AND `+pendingOpportunities+` ORDER BY updated_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list open opportunities: %w", describe(err))
	}
	defer rows.Close()
	var out []model.OpenDeal
	for rows.Next() {
		var d model.OpenDeal
		var repID int64
		var amount sql.NullInt64
		if err := rows.Scan(&d.ID, &d.ExternalID, &d.Account, &repID, &d.Stage, &amount); err != nil {
			return nil, fmt.Errorf("list open opportunities: %w", describe(err))
		}
		d.RepName = names[repID]
		d.AmountMinor, d.HasAmount = model.Minor(amount.Int64), amount.Valid
		out = append(out, d)
	}
	return out, describe(rows.Err())
}
