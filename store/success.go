package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The records behind the inside-sales and customer-success KPIs
// (docs/success.md): NPS answers, usage checks, e-mail campaigns and
// inquiries, and the counts the figures engine turns into those KPIs.

// AddNPSAnswer records one answer to the NPS question. A score outside
// 0–10 or a day in the future is refused and nothing is written.
func (s *Store) AddNPSAnswer(ctx context.Context, a model.NPSAnswer) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		if err := model.CheckNPSAnswer(a); err != nil {
			return err
		}
		if err := s.notFuture(ctx, tx, "date", a.Date); err != nil {
			return err
		}
		now := formatTime(s.now())
		err := tx.QueryRowContext(ctx, `INSERT INTO nps_answers (external_id, account, day, score, comment, entered_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, nullText(a.ExternalID), strings.TrimSpace(a.Account), model.FormatDate(a.Date),
			a.Score, strings.TrimSpace(a.Comment), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add NPS answer: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordNPS], id, "insert")
	})
	return id, err
}

// AddUsage records a usage check of the customer named u.Account. An
// unknown customer is refused with the known ones.
func (s *Store) AddUsage(ctx context.Context, u model.Usage) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		if err := model.CheckUsage(u); err != nil {
			return err
		}
		if err := s.notFuture(ctx, tx, "date", u.Date); err != nil {
			return err
		}
		cust, err := customerByName(ctx, tx, u.Account)
		if err != nil {
			return err
		}
		now := formatTime(s.now())
		err = tx.QueryRowContext(ctx, `INSERT INTO usage_checks (external_id, customer_id, day, active, entered_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, nullText(u.ExternalID), cust, model.FormatDate(u.Date), boolInt(u.Active),
			now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add usage: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordUsage], id, "insert")
	})
	return id, err
}

// AddCampaign records one e-mail campaign's sent and opened figures.
func (s *Store) AddCampaign(ctx context.Context, c model.Campaign) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		if err := model.CheckCampaign(c); err != nil {
			return err
		}
		now := formatTime(s.now())
		err := tx.QueryRowContext(ctx, `INSERT INTO campaigns (external_id, name, day, sent, opened, entered_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, nullText(c.ExternalID), strings.TrimSpace(c.Name), model.FormatDate(c.Date),
			c.Sent, c.Opened, now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add campaign: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordCampaign], id, "insert")
	})
	return id, err
}

// AddInquiry records a customer's inquiry and, when answered, its first
// answer.
func (s *Store) AddInquiry(ctx context.Context, q model.Inquiry) (int64, error) {
	var id int64
	err := s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		if err := model.CheckInquiry(q); err != nil {
			return err
		}
		now := formatTime(s.now())
		err := tx.QueryRowContext(ctx, `INSERT INTO inquiries (external_id, account, opened_at, answered_at, entered_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, nullText(q.ExternalID), strings.TrimSpace(q.Account), nullMoment(q.Opened),
			nullMoment(q.Answered), now, now).Scan(&id)
		if err != nil {
			return fmt.Errorf("add inquiry: %w", describe(err))
		}
		return s.journal(ctx, tx, recordTables[model.RecordInquiry], id, "insert")
	})
	return id, err
}

// notFuture applies the input rules' limit on future days to day.
func (s *Store) notFuture(ctx context.Context, tx *sql.Tx, field string, day time.Time) error {
	rules, err := inputRules(ctx, tx)
	if err != nil {
		return err
	}
	return model.NotFuture(field, day, rules, s.today())
}

// customerByName is the live customer of that name (the newest when two
// share it); an unknown name is refused with the names known.
func customerByName(ctx context.Context, q queryer, name string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM customers WHERE name = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1`,
		strings.TrimSpace(name)).Scan(&id)
	if err == nil {
		return id, nil
	}
	if err != sql.ErrNoRows {
		return 0, describe(err)
	}
	rows, err := q.QueryContext(ctx, `SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY name LIMIT 6`)
	if err != nil {
		return 0, describe(err)
	}
	defer rows.Close()
	var known []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return 0, describe(err)
		}
		known = append(known, n)
	}
	list := strings.Join(known, ", ")
	if len(known) == 6 {
		list = strings.Join(known[:5], ", ") + ", …"
	}
	return 0, model.Refuse("customer", model.RefuseUnknownCustomer, strings.TrimSpace(name), list)
}

// CustomerNames lists the live customers by name, each with its rep (id
// 0: none), for the entry form's customer pickers. A name two customers
// share comes once, with the newest's rep: the one a usage check of that
// name is recorded on (customerByName).
func (s *Store) CustomerNames(ctx context.Context) ([]model.Customer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.name, coalesce(c.rep_id, 0), coalesce(r.name, '')
		FROM customers c LEFT JOIN reps r ON r.id = c.rep_id
		WHERE c.deleted_at IS NULL ORDER BY c.name, c.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list customers: %w", describe(err))
	}
	defer rows.Close()
	var out []model.Customer
	for rows.Next() {
		var c model.Customer
		if err := rows.Scan(&c.ID, &c.Name, &c.RepID, &c.RepName); err != nil {
			return nil, fmt.Errorf("list customers: %w", describe(err))
		}
		if len(out) > 0 && out[len(out)-1].Name == c.Name {
			continue // an older customer of the same name
		}
		out = append(out, c)
	}
	return out, describe(rows.Err())
}

// SuccessSpan is what the success counts are read over: a range of days
// [From, To) for the dated records, the same range as instants in the
// team's time zone [FromAt, ToAt) for the timed ones, and the moment
// they are read at.
type SuccessSpan struct {
	From, To     time.Time
	FromAt, ToAt time.Time
	AsOf         time.Time
}

// SuccessCounts are the counts behind the inside-sales and
// customer-success KPIs over a span (docs/success.md).
type SuccessCounts struct {
	// Customers under contract at the start of the first day, and those of
	// them whose contract ended in the span, with their monthly contract
	// values (minor units).
	AtStart, Lost       int
	MRRAtStart, MRRLost int64
	// Customers under contract at the end of the span, with their MRR.
	AtEnd    int
	MRRAtEnd int64
	// UsageActive is how many of AtEnd had their latest usage check in the
	// span say active.
	UsageActive int
	// OnboardingDue counts the customers whose onboarding fell due in the
	// span, OnboardedOnTime those of them done by the due day.
	OnboardingDue, OnboardedOnTime int
	// NPS answers dated in the span.
	NPSAnswers, Promoters, Detractors int
	// E-mails sent and opened by the campaigns sent in the span.
	Sent, Opened int64
	// ResponseSeconds holds, per lead that became MQL in the span and has
	// had an inside-sales activity since, the time to the first one.
	ResponseSeconds []float64
	// InquirySeconds holds, per inquiry opened in the span and answered by
	// AsOf, the time to the first answer.
	InquirySeconds []float64
}

// SuccessCounts reads the counts of span.
func (s *Store) SuccessCounts(ctx context.Context, span SuccessSpan) (SuccessCounts, error) {
	var c SuccessCounts
	from, to := model.FormatDate(span.From), model.FormatDate(span.To)
	if span.From.IsZero() {
		from = "0000"
	}
	if span.To.IsZero() {
		to = "9999"
	}
	// A customer is under contract from its start day up to the day before
	// its churn day: "at the start of day d" is started < d and no churn
	// by then. Each table is read once, its counts as filtered aggregates.
	err := s.db.QueryRowContext(ctx, `SELECT c.*, n.*, m.* FROM
		(SELECT count(*) FILTER (WHERE started < ?1 AND (churned IS NULL OR churned >= ?1)),
			coalesce(sum(mrr_yen) FILTER (WHERE started < ?1 AND (churned IS NULL OR churned >= ?1)), 0),
			count(*) FILTER (WHERE started < ?1 AND churned >= ?1 AND churned < ?2),
			coalesce(sum(mrr_yen) FILTER (WHERE started < ?1 AND churned >= ?1 AND churned < ?2), 0),
			count(*) FILTER (WHERE started < ?2 AND (churned IS NULL OR churned >= ?2)),
			coalesce(sum(mrr_yen) FILTER (WHERE started < ?2 AND (churned IS NULL OR churned >= ?2)), 0),
			count(*) FILTER (WHERE started < ?2 AND (churned IS NULL OR churned >= ?2)
				AND (SELECT u.active FROM usage_checks u WHERE u.customer_id = customers.id AND u.deleted_at IS NULL
					AND u.day >= ?1 AND u.day < ?2 ORDER BY u.day DESC, u.id DESC LIMIT 1) = 1),
			count(*) FILTER (WHERE onboarding_due >= ?1 AND onboarding_due < ?2),
			count(*) FILTER (WHERE onboarding_due >= ?1 AND onboarding_due < ?2 AND onboarded_on <= onboarding_due)
			FROM customers WHERE deleted_at IS NULL) c,
		(SELECT count(*), count(*) FILTER (WHERE score >= ?3), count(*) FILTER (WHERE score <= ?4)
			FROM nps_answers WHERE deleted_at IS NULL AND day >= ?1 AND day < ?2) n,
		(SELECT coalesce(sum(sent), 0), coalesce(sum(opened), 0)
			FROM campaigns WHERE deleted_at IS NULL AND day >= ?1 AND day < ?2) m`,
		from, to, model.NPSPromoter, model.NPSDetractor).Scan(&c.AtStart, &c.MRRAtStart, &c.Lost, &c.MRRLost, &c.AtEnd,
		&c.MRRAtEnd, &c.UsageActive, &c.OnboardingDue, &c.OnboardedOnTime, &c.NPSAnswers, &c.Promoters, &c.Detractors,
		&c.Sent, &c.Opened)
	if err != nil {
		return c, fmt.Errorf("count customer success records: %w", describe(err))
	}
	fromAt, toAt := span.FromAt.Unix(), span.ToAt.Unix()
	if span.FromAt.IsZero() {
		fromAt = 0
	}
	if span.ToAt.IsZero() {
		toAt = span.AsOf.Unix() + 1
	}
	if c.ResponseSeconds, err = s.responseSeconds(ctx, fromAt, toAt, span.AsOf); err != nil {
		return c, fmt.Errorf("read response times: %w", err)
	}
	if c.InquirySeconds, err = s.inquirySeconds(ctx, time.Unix(fromAt, 0), time.Unix(toAt, 0), span.AsOf); err != nil {
		return c, fmt.Errorf("read inquiry response times: %w", err)
	}
	return c, nil
}

// responseSeconds is, per lead that first became MQL in [fromAt, toAt)
// (Unix seconds) and has been worked by inside sales by asOf, the time
// from its MQL to the first inside-sales activity at or after it. An
// activity with its moment counts from that moment; one with its day only
// from the start of that day (UTC), so one on the MQL's own day without a
// moment is a response of 0.
func (s *Store) responseSeconds(ctx context.Context, fromAt, toAt int64, asOf time.Time) ([]float64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.lead_id, f.mql_s, a.day, a.at FROM lead_funnel f
		JOIN activities a ON a.lead_id = f.lead_id JOIN reps r ON r.id = a.rep_id
		WHERE f.mql_s >= ?1 AND f.mql_s < ?2 AND a.deleted_at IS NULL AND r.department = 'inside_sales' AND `+pendingHidden("a", kindActivities), fromAt, toAt)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	first := map[int64]float64{}
	for rows.Next() {
		var lead, mqlS int64
		var day string
		var at sql.NullString
		if err := rows.Scan(&lead, &mqlS, &day, &at); err != nil {
			return nil, describe(err)
		}
		mql := time.Unix(mqlS, 0).UTC()
		var moment time.Time
		if at.Valid {
			if moment = parseTime(at.String); moment.Before(mql) {
				continue
			}
		} else {
			d, _ := model.ParseDate(day)
			if d.Before(model.DayStart(mql)) {
				continue
			}
			moment = d
		}
		if moment.After(asOf) {
			continue
		}
		wait := max(moment.Sub(mql), 0).Seconds()
		if prev, ok := first[lead]; !ok || wait < prev {
			first[lead] = wait
		}
	}
	if err := rows.Err(); err != nil {
		return nil, describe(err)
	}
	out := make([]float64, 0, len(first))
	for _, w := range first {
		out = append(out, w)
	}
	return out, nil
}

// inquirySeconds is, per inquiry opened in [from, to) and answered by
// asOf, the time to its first answer.
func (s *Store) inquirySeconds(ctx context.Context, from, to, asOf time.Time) ([]float64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT opened_at, answered_at FROM inquiries
		WHERE deleted_at IS NULL AND opened_at >= ?1 AND opened_at < ?2 AND answered_at IS NOT NULL`,
		stageTime(from), stageTime(to))
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []float64
	for rows.Next() {
		var opened, answered string
		if err := rows.Scan(&opened, &answered); err != nil {
			return nil, describe(err)
		}
		o, a := parseTime(opened), parseTime(answered)
		if !a.After(asOf) {
			out = append(out, a.Sub(o).Seconds())
		}
	}
	return out, describe(rows.Err())
}

// success writes a batch's NPS answers, usage checks, campaigns and
// inquiries, each checked as the Add functions check it.
func (w *bulkWriter) success(b Batch) error {
	type table struct {
		query string
		n     int
		row   func(i int) ([]any, error)
	}
	// A record entered at a time of its own (the demo's) keeps it; the
	// others are entered now.
	stamp := func(entered time.Time) (string, string) { return w.stamps(entered, time.Time{}) }
	tables := []table{
		{`INSERT INTO nps_answers (external_id, account, day, score, comment, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			len(b.NPSAnswers), func(i int) ([]any, error) {
				a := b.NPSAnswers[i]
				e, u := stamp(a.EnteredAt)
				return []any{nullText(a.ExternalID), a.Account, model.FormatDate(a.Date), a.Score, a.Comment, e, u}, model.CheckNPSAnswer(a)
			}},
		{`INSERT INTO usage_checks (external_id, customer_id, day, active, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			len(b.Usage), func(i int) ([]any, error) {
				u := b.Usage[i]
				if u.CustomerID == 0 {
					return nil, fmt.Errorf("usage check %d names no customer id", i+1)
				}
				e, up := stamp(u.EnteredAt)
				return []any{nullText(u.ExternalID), u.CustomerID, model.FormatDate(u.Date), boolInt(u.Active), e, up}, model.CheckUsage(u)
			}},
		{`INSERT INTO campaigns (external_id, name, day, sent, opened, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			len(b.Campaigns), func(i int) ([]any, error) {
				c := b.Campaigns[i]
				e, u := stamp(c.EnteredAt)
				return []any{nullText(c.ExternalID), c.Name, model.FormatDate(c.Date), c.Sent, c.Opened, e, u}, model.CheckCampaign(c)
			}},
		{`INSERT INTO inquiries (external_id, account, opened_at, answered_at, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			len(b.Inquiries), func(i int) ([]any, error) {
				q := b.Inquiries[i]
				e, u := stamp(q.EnteredAt)
				return []any{nullText(q.ExternalID), q.Account, nullMoment(q.Opened), nullMoment(q.Answered), e, u}, model.CheckInquiry(q)
			}},
	}
	for _, t := range tables {
		if t.n == 0 {
			continue
		}
		st, err := w.prepare(t.query)
		if err != nil {
			return err
		}
		for i := 0; i < t.n; i++ {
			args, err := t.row(i)
			if err == nil {
				_, err = st.ExecContext(w.ctx, args...)
			}
			if err != nil {
				st.Close()
				return fmt.Errorf("bulk insert: %w", describe(err))
			}
		}
		st.Close()
	}
	return nil
}

// boolInt is a flag as the 0 or 1 the schema's INTEGER columns hold.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
