package store

import (
	"database/sql"

	"github.com/kpit-dev/kpit/model"
)

// The customer-success records as the Records tab reads them
// (RecordsPage): each with its external id ("" when none) and when it
// was entered; a usage check with its customer's name and rep.

const npsCols = `n.id, coalesce(n.external_id, ''), n.account, n.day, n.score, n.comment, n.entered_at`

func scanNPS(sc interface{ Scan(...any) error }) (model.NPSAnswer, error) {
	var a model.NPSAnswer
	var day, entered string
	if err := sc.Scan(&a.ID, &a.ExternalID, &a.Account, &day, &a.Score, &a.Comment, &entered); err != nil {
		return a, err
	}
	a.Date, _ = model.ParseDate(day)
	a.EnteredAt = parseTime(entered)
	return a, nil
}

const usageCols = `u.id, coalesce(u.external_id, ''), u.customer_id, c.name, u.day, u.active, coalesce(c.rep_id, 0),
	coalesce(r.name, ''), u.entered_at`

func scanUsage(sc interface{ Scan(...any) error }) (model.Usage, error) {
	var u model.Usage
	var day, entered string
	var active int
	if err := sc.Scan(&u.ID, &u.ExternalID, &u.CustomerID, &u.Account, &day, &active, &u.RepID, &u.RepName, &entered); err != nil {
		return u, err
	}
	u.Date, _ = model.ParseDate(day)
	u.Active = active == 1
	u.EnteredAt = parseTime(entered)
	return u, nil
}

const inquiryCols = `q.id, coalesce(q.external_id, ''), q.account, q.opened_at, q.answered_at, q.entered_at`

func scanInquiry(sc interface{ Scan(...any) error }) (model.Inquiry, error) {
	var q model.Inquiry
	var opened, entered string
	var answered sql.NullString
	if err := sc.Scan(&q.ID, &q.ExternalID, &q.Account, &opened, &answered, &entered); err != nil {
		return q, err
	}
	q.Opened, q.EnteredAt = parseTime(opened), parseTime(entered)
	if answered.Valid {
		q.Answered = parseTime(answered.String)
	}
	return q, nil
}

const campaignCols = `m.id, coalesce(m.external_id, ''), m.name, m.day, m.sent, m.opened, m.entered_at`

func scanCampaign(sc interface{ Scan(...any) error }) (model.Campaign, error) {
	var c model.Campaign
	var day, entered string
	if err := sc.Scan(&c.ID, &c.ExternalID, &c.Name, &day, &c.Sent, &c.Opened, &entered); err != nil {
		return c, err
	}
	c.Date, _ = model.ParseDate(day)
	c.EnteredAt = parseTime(entered)
	return c, nil
}
