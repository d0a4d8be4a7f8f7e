package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/width"

	"github.com/kpit-dev/kpit/model"
)

// Paging through every record of a kind for the Records tab: newest event
// first (an activity's day, a deal's or lead's created date, the day of an
// NPS answer, a usage check or a campaign, the time an inquiry was opened),
// the id breaking ties, read one page at a time through the date index
// (each table's date index holds the rowid, so "day DESC, id DESC" is the
// index's own order read backwards and a page costs its rows, not the
// table; the NPS answers' and usage checks' indexes hold the score or the
// customer between the day and the rowid, so a day's rows are sorted by id
// as they are read, and a page costs the days it spans).

// RecordQuery picks a page of one kind's records.
type RecordQuery struct {
	Kind   model.RecordKind
	Filter string // keep records whose rep, account (company, contact) or id contains it; "" keeps all
	Offset int
	Limit  int
}

// pageSQL is the table, its date column, the columns read and the text a
// filter is matched against, for one kind.
type pageSQL struct {
	from, date, cols string
	match            []string
	// live: live_counts keeps the table's number of live rows (schema
	// 11); the customer-success tables are counted when read.
	live bool
}

func pageOf(kind model.RecordKind) (pageSQL, error) {
	switch kind {
	case model.RecordActivity:
		return pageSQL{from: `activities a JOIN reps r ON r.id = a.rep_id`, date: "a.day", cols: activityCols,
			match: []string{"r.name", "a.account", "CAST(a.id AS TEXT)", "coalesce(a.external_id, '')"}, live: true}, nil
	case model.RecordOpportunity:
		return pageSQL{from: `opportunities o JOIN reps r ON r.id = o.rep_id`, date: "o.created", cols: opportunityCols,
			match: []string{"r.name", "o.account", "CAST(o.id AS TEXT)", "coalesce(o.external_id, '')"}, live: true}, nil
	case model.RecordLead:
		return pageSQL{from: `leads l LEFT JOIN reps r ON r.id = l.rep_id`, date: "l.created", cols: leadCols,
			match: []string{"coalesce(r.name, '')", "l.company", "l.contact", "CAST(l.id AS TEXT)", "coalesce(l.external_id, '')"}, live: true}, nil
	case model.RecordNPS:
		return pageSQL{from: `nps_answers n`, date: "n.day", cols: npsCols,
			match: []string{"n.account", "n.comment", "CAST(n.id AS TEXT)", "coalesce(n.external_id, '')"}}, nil
	case model.RecordUsage:
		return pageSQL{from: `usage_checks u JOIN customers c ON c.id = u.customer_id LEFT JOIN reps r ON r.id = c.rep_id`,
			date: "u.day", cols: usageCols,
			match: []string{"coalesce(r.name, '')", "c.name", "CAST(u.id AS TEXT)", "coalesce(u.external_id, '')"}}, nil
	case model.RecordInquiry:
		return pageSQL{from: `inquiries q`, date: "q.opened_at", cols: inquiryCols,
			match: []string{"q.account", "CAST(q.id AS TEXT)", "coalesce(q.external_id, '')"}}, nil
	case model.RecordCampaign:
		return pageSQL{from: `campaigns m`, date: "m.day", cols: campaignCols,
			match: []string{"m.name", "CAST(m.id AS TEXT)", "coalesce(m.external_id, '')"}}, nil
	}
	return pageSQL{}, &model.FieldError{Field: "kind", Msg: fmt.Sprintf("unknown record kind %q", kind)}
}

// table is the kind's table, the first word of pageOf's from clause.
func (p pageSQL) table() string { return strings.SplitN(p.from, " ", 2)[0] }

// alias is the table's alias in pageOf's from clause.
func (p pageSQL) alias() string { return strings.SplitN(p.date, ".", 2)[0] }

// where is the clause keeping live rows that match filter, and its args.
// The filter is folded to half-width lower case (ＡＣＭＥ and Acme read as
// acme) and matched against the lower() of each column, which folds ASCII
// letters (PostgreSQL's too under the "C" collation of kpit's columns): a
// half-width column matches however the filter was typed; Japanese is
// matched as typed. find is the function giving the place of a text in
// another (Store.findIn).
func (p pageSQL) where(filter, find string) (string, []any) {
	w := p.alias() + ".deleted_at IS NULL" + andPendingHidden(p.alias(), p.table())
	f := strings.ToLower(width.Fold.String(strings.TrimSpace(filter)))
	if f == "" {
		return w, nil
	}
	var or []string
	var args []any
	for _, m := range p.match {
		or = append(or, find+"(lower("+m+"), ?) > 0")
		args = append(args, f)
	}
	return w + " AND (" + strings.Join(or, " OR ") + ")", args
}

// RecordsPage reads one page of q.Kind's records in the Records tab's order
// and how many records match in all.
func (s *Store) RecordsPage(ctx context.Context, q RecordQuery) ([]model.Record, int, error) {
	p, err := pageOf(q.Kind)
	if err != nil {
		return nil, 0, err
	}
	where, args := p.where(q.Filter, s.findIn())
	// Without a filter every live record matches: the write path keeps
	// their number (live_counts), so a page of 5 million activities never
	// counts them (every record has its rep: the join drops none).
	count, countArgs := `SELECT count(*) FROM `+p.from+` WHERE `+where, args
	if strings.TrimSpace(q.Filter) == "" && p.live {
		count, countArgs = `SELECT n FROM live_counts WHERE record = ?`, []any{p.table()}
	} else if strings.TrimSpace(q.Filter) == "" {
		// Counted through the partial date index of the live rows, without
		// the joins, which drop none.
		count = `SELECT count(*) FROM ` + p.table() + ` ` + p.alias() + ` WHERE ` + where
	}
	var total int
	if err := s.db.QueryRowContext(ctx, count, countArgs...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count %s: %w", q.Kind, describe(err))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+p.cols+` FROM `+p.from+` WHERE `+where+
		` ORDER BY `+p.date+` DESC, `+p.alias()+`.id DESC LIMIT ? OFFSET ?`, append(args, max(q.Limit, 0), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", q.Kind, describe(err))
	}
	defer rows.Close()
	var out []model.Record
	for rows.Next() {
		r := model.Record{Kind: q.Kind}
		switch q.Kind {
		case model.RecordActivity:
			r.Activity, err = scanActivity(rows)
		case model.RecordOpportunity:
			r.Opportunity, err = scanOpportunity(rows)
		case model.RecordLead:
			r.Lead, err = scanLead(rows)
		case model.RecordNPS:
			r.NPS, err = scanNPS(rows)
		case model.RecordUsage:
			r.Usage, err = scanUsage(rows)
		case model.RecordInquiry:
			r.Inquiry, err = scanInquiry(rows)
		case model.RecordCampaign:
			r.Campaign, err = scanCampaign(rows)
		}
		if err != nil {
			return nil, 0, fmt.Errorf("list %s: %w", q.Kind, describe(err))
		}
		out = append(out, r)
	}
	return out, total, describe(rows.Err())
}

// RecordPosition is where record id stands in RecordsPage's order under
// filter: how many matching records come before it. ok is false when the
// record is gone or does not match.
func (s *Store) RecordPosition(ctx context.Context, kind model.RecordKind, filter string, id int64) (pos int, ok bool, err error) {
	p, err := pageOf(kind)
	if err != nil {
		return 0, false, err
	}
	where, args := p.where(filter, s.findIn())
	a := p.alias()
	var day string
	err = s.db.QueryRowContext(ctx, `SELECT `+p.date+` FROM `+p.from+` WHERE `+where+` AND `+a+`.id = ?`,
		append(args, id)...).Scan(&day)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, false, nil
		}
		return 0, false, fmt.Errorf("find %s %d: %w", kind, id, describe(err))
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+p.from+` WHERE `+where+` AND (`+p.date+` > ? OR (`+p.date+` = ? AND `+a+`.id > ?))`,
		append(args, day, day, id)...).Scan(&pos)
	if err != nil {
		return 0, false, fmt.Errorf("find %s %d: %w", kind, id, describe(err))
	}
	return pos, true, nil
}

// AccountNames are the accounts of live opportunities, most used first (at
// most limit), for completing an account as it is typed.
func (s *Store) AccountNames(ctx context.Context, limit int) ([]string, error) {
	accounts, err := queryStrings(ctx, s.db, `SELECT account FROM opportunities WHERE deleted_at IS NULL AND account != '' AND `+pendingHidden("", kindOpportunities)+`
		GROUP BY account ORDER BY count(*) DESC, account LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	return accounts, nil
}
