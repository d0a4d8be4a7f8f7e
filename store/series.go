package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// PeriodCounts is the base metrics of one period of a series.
type PeriodCounts struct {
	Period model.Period
	Counts model.Counts
}

// Series returns the counts of the last n periods of kind kind ending with
// the one that contains last.Start, oldest first (for trend charts). The
// filter's rep and department apply; its From and To, when set, further
// narrow the days counted.
//
// It is one query over the roll-ups grouped by day, folded into
// periods in Go: that works the same for weeks, fiscal quarters and fiscal
// years, and a year is at most 366 days × 11 metrics of rows
// (the Series benchmarks in aggregate_bench_test.go compare it with one
// Counts query per period).
func (s *Store) Series(ctx context.Context, kind model.PeriodKind, last model.Period, n int, f Filter) ([]PeriodCounts, error) {
	if n <= 0 {
		return nil, nil
	}
	if !kind.Valid() {
		return nil, fmt.Errorf("series: unknown period kind %q", kind)
	}
	periods := make([]PeriodCounts, n)
	p := model.PeriodOf(kind, last.Start, last.FiscalStart)
	for i := n - 1; i >= 0; i-- {
		periods[i] = PeriodCounts{Period: p, Counts: model.Counts{}}
		p = p.Prev()
	}
	q := f
	q.From, q.To = periods[0].Period.Start, periods[n-1].Period.End
	if !f.From.IsZero() && f.From.After(q.From) {
		q.From = f.From
	}
	if !f.To.IsZero() && f.To.Before(q.To) {
		q.To = f.To
	}
	// Months, quarters and fiscal years are whole months: their months are
	// read from the monthly roll-up (a month's row is on its first day).
	src, where, args := "rollup_daily r", "", []any(nil)
	if kind == model.Month || kind == model.Quarter || kind == model.FiscalYear {
		src, where, args = q.rollup()
	} else {
		where, args = q.where()
	}
	rows, err := s.db.QueryContext(ctx, "SELECT r.day, r.metric, sum(r.value) FROM "+src+where+
		" GROUP BY r.day, r.metric ORDER BY r.day", args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", describe(err))
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var day, metric string
		var v int64
		if err := rows.Scan(&day, &metric, &v); err != nil {
			return nil, fmt.Errorf("series: %w", describe(err))
		}
		t, err := time.Parse(model.DateLayout, day)
		if err != nil {
			return nil, fmt.Errorf("series: bad day %q in the roll-up", day)
		}
		// Rows come ordered by day, so the period index only moves forward.
		for i < n && !t.Before(periods[i].Period.End) {
			i++
		}
		if i == n {
			break
		}
		periods[i].Counts[metric] += float64(v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("series: %w", describe(err))
	}
	return periods, nil
}

// CountsByRep sums every base metric over the filter per rep. Leads without
// an owner are under rep id 0.
func (s *Store) CountsByRep(ctx context.Context, f Filter) (map[int64]model.Counts, error) {
	return cached(ctx, s, f.cacheKey("by-rep"), cloneCountsByRep, func() (map[int64]model.Counts, error) { return s.readCountsByRep(ctx, f) })
}

func (s *Store) readCountsByRep(ctx context.Context, f Filter) (map[int64]model.Counts, error) {
	src, where, args := f.rollup()
	rows, err := s.db.QueryContext(ctx, "SELECT r.rep_id, r.metric, sum(r.value) FROM "+src+where+
		" GROUP BY r.rep_id, r.metric", args...)
	if err != nil {
		return nil, fmt.Errorf("sum metrics by rep: %w", describe(err))
	}
	defer rows.Close()
	out := map[int64]model.Counts{}
	for rows.Next() {
		var rep, v int64
		var metric string
		if err := rows.Scan(&rep, &metric, &v); err != nil {
			return nil, fmt.Errorf("sum metrics by rep: %w", describe(err))
		}
		if out[rep] == nil {
			out[rep] = model.Counts{}
		}
		out[rep][metric] += float64(v)
	}
	return out, describe(rows.Err())
}

// CountsByDepartment sums every base metric over the filter per department
// of the rep. Leads without an owner are under the empty department.
func (s *Store) CountsByDepartment(ctx context.Context, f Filter) (map[model.Department]model.Counts, error) {
	src, where, args := f.rollup()
	rows, err := s.db.QueryContext(ctx, "SELECT coalesce(p.department, ''), r.metric, sum(r.value) FROM "+src+
		" LEFT JOIN reps p ON p.id = r.rep_id"+where+" GROUP BY 1, 2", args...)
	if err != nil {
		return nil, fmt.Errorf("sum metrics by department: %w", describe(err))
	}
	defer rows.Close()
	out := map[model.Department]model.Counts{}
	for rows.Next() {
		var dept, metric string
		var v int64
		if err := rows.Scan(&dept, &metric, &v); err != nil {
			return nil, fmt.Errorf("sum metrics by department: %w", describe(err))
		}
		d := model.Department(dept)
		if out[d] == nil {
			out[d] = model.Counts{}
		}
		out[d][metric] += float64(v)
	}
	return out, describe(rows.Err())
}

// NewestRecordAt is when the most recent live record was entered (checklist
// item 7: is the dashboard fed in real time?). It is the zero time when
// there are no records.
func (s *Store) NewestRecordAt(ctx context.Context) (time.Time, error) {
	var newest sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT max(m) FROM (
		SELECT max(entered_at) AS m FROM opportunities WHERE deleted_at IS NULL AND `+pendingHidden("", kindOpportunities)+`
		UNION ALL SELECT max(entered_at) FROM activities WHERE deleted_at IS NULL AND `+pendingHidden("", kindActivities)+`
		UNION ALL SELECT max(entered_at) FROM leads WHERE deleted_at IS NULL
		UNION ALL SELECT max(entered_at) FROM customers WHERE deleted_at IS NULL) AS newest`).Scan(&newest)
	if err != nil {
		return time.Time{}, fmt.Errorf("find the newest record: %w", describe(err))
	}
	if !newest.Valid {
		return time.Time{}, nil
	}
	return parseTime(newest.String), nil
}

// RecordCounts is how many live (not deleted) records of each kind there are.
type RecordCounts struct {
	Reps          int
	Opportunities int
	Activities    int
	Leads         int
	Customers     int
	// The customer-success records (docs/success.md).
	NPSAnswers  int
	UsageChecks int
	Inquiries   int
	Campaigns   int
}

// Total is the number of records other than reps.
func (c RecordCounts) Total() int {
	return c.Opportunities + c.Activities + c.Leads + c.Customers + c.NPSAnswers + c.UsageChecks + c.Inquiries + c.Campaigns
}

// RecordCounts counts the live records of each kind.
func (s *Store) RecordCounts(ctx context.Context) (RecordCounts, error) {
	var c RecordCounts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM reps),
		(SELECT count(*) FROM opportunities WHERE deleted_at IS NULL AND `+pendingHidden("", kindOpportunities)+`),
		(SELECT count(*) FROM activities WHERE deleted_at IS NULL AND `+pendingHidden("", kindActivities)+`),
		(SELECT count(*) FROM leads WHERE deleted_at IS NULL),
		(SELECT count(*) FROM customers WHERE deleted_at IS NULL),
		(SELECT count(*) FROM nps_answers WHERE deleted_at IS NULL),
		(SELECT count(*) FROM usage_checks WHERE deleted_at IS NULL),
		(SELECT count(*) FROM inquiries WHERE deleted_at IS NULL),
		(SELECT count(*) FROM campaigns WHERE deleted_at IS NULL)`).
		Scan(&c.Reps, &c.Opportunities, &c.Activities, &c.Leads, &c.Customers, &c.NPSAnswers, &c.UsageChecks, &c.Inquiries, &c.Campaigns)
	if err != nil {
		return c, fmt.Errorf("count records: %w", describe(err))
	}
	return c, nil
}

// DayRange is the first and last day with any figure in the roll-up, zero
// times when there is none.
func (s *Store) DayRange(ctx context.Context) (first, last time.Time, err error) {
	var lo, hi sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT min(day) FROM rollup_daily WHERE value <> 0),
		(SELECT max(day) FROM rollup_daily WHERE value <> 0)`).Scan(&lo, &hi)
	if err != nil {
		return first, last, fmt.Errorf("find the range of recorded days: %w", describe(err))
	}
	return parseNullDate(lo), parseNullDate(hi), nil
}
