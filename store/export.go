package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The Export methods stream every live (not tombstoned) record of a kind
// in id order to fn, with rep names filled in. A record without an
// external id is given "kpit-ID", so that an export re-imports as the same
// records and activities keep pointing at their opportunity.

// ExportOpportunities streams every live opportunity.
func (s *Store) ExportOpportunities(ctx context.Context, fn func(model.Opportunity) error) error {
	return s.each(ctx, "export opportunities", `SELECT o.id, coalesce(o.external_id, 'kpit-' || o.id), o.rep_id, r.name, o.account, o.product,
		o.stage, o.created, o.closed, o.amount_yen, o.outcome, o.lost_reason, coalesce(o.forecast, ''), o.entered_at, o.updated_at
		FROM opportunities o JOIN reps r ON r.id = o.rep_id WHERE o.deleted_at IS NULL AND `+pendingHidden("o", kindOpportunities)+` ORDER BY o.id`,
		func(rows *sql.Rows) error {
			var o model.Opportunity
			var created, entered, updated, outcome, forecast string
			var closed sql.NullString
			var amount sql.NullInt64
			if err := rows.Scan(&o.ID, &o.ExternalID, &o.RepID, &o.RepName, &o.Account, &o.Product, &o.Stage,
				&created, &closed, &amount, &outcome, &o.LostReason, &forecast, &entered, &updated); err != nil {
				return err
			}
			o.Created = parseNullDate(sql.NullString{String: created, Valid: true})
			o.Closed = parseNullDate(closed)
			o.AmountMinor, o.HasAmount = model.Minor(amount.Int64), amount.Valid
			o.Outcome = model.Outcome(outcome)
			o.Forecast = model.ForecastCategory(forecast)
			o.EnteredAt, o.UpdatedAt = parseTime(entered), parseTime(updated)
			return fn(o)
		})
}

// ExportActivities streams every live activity with the external id of
// its opportunity ("" when none).
func (s *Store) ExportActivities(ctx context.Context, fn func(a model.Activity, opportunity string) error) error {
	return s.each(ctx, "export activities", `SELECT a.id, coalesce(a.external_id, 'kpit-' || a.id), a.day, a.rep_id, r.name, a.kind, a.count,
		coalesce(a.opportunity_id, 0), coalesce(o.external_id, 'kpit-' || o.id, ''), a.account, a.note, a.entered_at, a.updated_at,
		a.connected
		FROM activities a JOIN reps r ON r.id = a.rep_id LEFT JOIN opportunities o ON o.id = a.opportunity_id
		WHERE a.deleted_at IS NULL AND `+pendingHidden("a", kindActivities)+` ORDER BY a.id`,
		func(rows *sql.Rows) error {
			var a model.Activity
			var day, kind, opp, entered, updated string
			if err := rows.Scan(&a.ID, &a.ExternalID, &day, &a.RepID, &a.RepName, &kind, &a.Count,
				&a.OpportunityID, &opp, &a.Account, &a.Note, &entered, &updated, &a.Connected); err != nil {
				return err
			}
			a.Date = parseNullDate(sql.NullString{String: day, Valid: true})
			a.Kind = model.ActivityKind(kind)
			a.EnteredAt, a.UpdatedAt = parseTime(entered), parseTime(updated)
			return fn(a, opp)
		})
}

// ExportLeads streams every live lead.
func (s *Store) ExportLeads(ctx context.Context, fn func(model.Lead) error) error {
	return s.each(ctx, "export leads", `SELECT l.id, coalesce(l.external_id, 'kpit-' || l.id), l.company, l.contact, l.source,
		coalesce(l.rep_id, 0), coalesce(r.name, ''), l.created, l.status, l.mql_on, l.sql_on, l.entered_at, l.updated_at,
		f.opportunity_s, f.won_s
		FROM leads l LEFT JOIN reps r ON r.id = l.rep_id LEFT JOIN lead_funnel f ON f.lead_id = l.id
		WHERE l.deleted_at IS NULL ORDER BY l.id`,
		func(rows *sql.Rows) error {
			var l model.Lead
			var created, status, entered, updated string
			var mql, sqlOn sql.NullString
			var opp, won sql.NullInt64
			if err := rows.Scan(&l.ID, &l.ExternalID, &l.Company, &l.Contact, &l.Source, &l.RepID, &l.RepName,
				&created, &status, &mql, &sqlOn, &entered, &updated, &opp, &won); err != nil {
				return err
			}
			l.Created = parseNullDate(sql.NullString{String: created, Valid: true})
			l.Status = model.LeadStatus(status)
			l.MQLOn, l.SQLOn = parseNullDate(mql), parseNullDate(sqlOn)
			// The days it first became an opportunity and was won, read
			// back as an import writes them: a stage change at the start
			// of the day in UTC (migration 8).
			l.OpportunityOn, l.WonOn = stageDay(opp), stageDay(won)
			l.EnteredAt, l.UpdatedAt = parseTime(entered), parseTime(updated)
			return fn(l)
		})
}

// stageDay is the UTC day of a lead_funnel time, zero when there is none.
func stageDay(s sql.NullInt64) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	return model.Date(time.Unix(s.Int64, 0).UTC())
}

// ExportCustomers streams every live customer.
func (s *Store) ExportCustomers(ctx context.Context, fn func(model.Customer) error) error {
	return s.each(ctx, "export customers", `SELECT c.id, coalesce(c.external_id, 'kpit-' || c.id), c.name, coalesce(c.rep_id, 0),
		coalesce(r.name, ''), c.started, c.churned, coalesce(c.mrr_yen, 0), c.entered_at, c.updated_at
		FROM customers c LEFT JOIN reps r ON r.id = c.rep_id WHERE c.deleted_at IS NULL ORDER BY c.id`,
		func(rows *sql.Rows) error {
			var c model.Customer
			var started, churned sql.NullString
			var entered, updated string
			if err := rows.Scan(&c.ID, &c.ExternalID, &c.Name, &c.RepID, &c.RepName, &started, &churned, &c.MRRMinor,
				&entered, &updated); err != nil {
				return err
			}
			c.Started, c.Churned = parseNullDate(started), parseNullDate(churned)
			c.EnteredAt, c.UpdatedAt = parseTime(entered), parseTime(updated)
			return fn(c)
		})
}

// each runs a query and hands each row to scan.
func (s *Store) each(ctx context.Context, what, query string, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("%s: %w", what, describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("%s: %w", what, describe(err))
		}
	}
	return describe(rows.Err())
}

// ExportNPSAnswers streams every live NPS answer.
func (s *Store) ExportNPSAnswers(ctx context.Context, fn func(model.NPSAnswer) error) error {
	return s.each(ctx, "export NPS answers", `SELECT id, coalesce(external_id, 'kpit-' || id), account, day, score, comment, entered_at
		FROM nps_answers WHERE deleted_at IS NULL ORDER BY id`,
		func(rows *sql.Rows) error {
			var a model.NPSAnswer
			var day, entered string
			if err := rows.Scan(&a.ID, &a.ExternalID, &a.Account, &day, &a.Score, &a.Comment, &entered); err != nil {
				return err
			}
			a.Date = parseNullDate(sql.NullString{String: day, Valid: true})
			a.EnteredAt = parseTime(entered)
			return fn(a)
		})
}

// ExportUsage streams every live usage check with its customer's name.
func (s *Store) ExportUsage(ctx context.Context, fn func(model.Usage) error) error {
	return s.each(ctx, "export usage checks", `SELECT u.id, coalesce(u.external_id, 'kpit-' || u.id), u.customer_id, c.name, u.day, u.active, u.entered_at
		FROM usage_checks u JOIN customers c ON c.id = u.customer_id WHERE u.deleted_at IS NULL ORDER BY u.id`,
		func(rows *sql.Rows) error {
			var u model.Usage
			var day, entered string
			var active int
			if err := rows.Scan(&u.ID, &u.ExternalID, &u.CustomerID, &u.Account, &day, &active, &entered); err != nil {
				return err
			}
			u.EnteredAt = parseTime(entered)
			u.Date = parseNullDate(sql.NullString{String: day, Valid: true})
			u.Active = active == 1
			return fn(u)
		})
}

// ExportInquiries streams every live inquiry.
func (s *Store) ExportInquiries(ctx context.Context, fn func(model.Inquiry) error) error {
	return s.each(ctx, "export inquiries", `SELECT id, coalesce(external_id, 'kpit-' || id), account, opened_at, coalesce(answered_at, ''), entered_at
		FROM inquiries WHERE deleted_at IS NULL ORDER BY id`,
		func(rows *sql.Rows) error {
			var q model.Inquiry
			var opened, answered, entered string
			if err := rows.Scan(&q.ID, &q.ExternalID, &q.Account, &opened, &answered, &entered); err != nil {
				return err
			}
			q.Opened, q.Answered, q.EnteredAt = parseTime(opened), parseTime(answered), parseTime(entered)
			return fn(q)
		})
}

// ExportCampaigns streams every live e-mail campaign.
func (s *Store) ExportCampaigns(ctx context.Context, fn func(model.Campaign) error) error {
	return s.each(ctx, "export campaigns", `SELECT id, coalesce(external_id, 'kpit-' || id), name, day, sent, opened, entered_at
		FROM campaigns WHERE deleted_at IS NULL ORDER BY id`,
		func(rows *sql.Rows) error {
			var c model.Campaign
			var day, entered string
			if err := rows.Scan(&c.ID, &c.ExternalID, &c.Name, &day, &c.Sent, &c.Opened, &entered); err != nil {
				return err
			}
			c.Date = parseNullDate(sql.NullString{String: day, Valid: true})
			c.EnteredAt = parseTime(entered)
			return fn(c)
		})
}
