package store

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Filter narrows an aggregate to a range of days and optionally to one rep
// or one department. From and To are calendar days; To is exclusive. A zero
// From or To leaves that side open.
type Filter struct {
	From       time.Time
	To         time.Time
	RepID      int64
	Department model.Department
}

// ForPeriod is a filter over one period.
func ForPeriod(p model.Period) Filter { return Filter{From: p.Start, To: p.End} }

// rollup is the roll-up rows over f's days, a table r with the columns
// day (a month's first day for a month's row), metric, rep_id and value (src), and the WHERE clause that narrows them to
// f's rep or department; args are src's then where's. The range's whole
// months come from rollup_monthly, the days before the first whole month
// and after the last from rollup_daily.
func (f Filter) rollup() (src, where string, args []any) {
	firstOfMonth := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location()) }
	var monthFrom, monthTo time.Time // whole months, To exclusive; zero: open
	if !f.From.IsZero() {
		if monthFrom = firstOfMonth(f.From); !monthFrom.Equal(f.From) {
			monthFrom = monthFrom.AddDate(0, 1, 0)
		}
	}
	if !f.To.IsZero() {
		monthTo = firstOfMonth(f.To)
	}
	var parts []string
	days := func(from, to time.Time) {
		parts = append(parts, "SELECT day, metric, rep_id, value FROM rollup_daily WHERE day >= ? AND day < ?")
		args = append(args, model.FormatDate(from), model.FormatDate(to))
	}
	if !monthFrom.IsZero() && !monthTo.IsZero() && !monthFrom.Before(monthTo) {
		days(f.From, f.To) // no whole month in the range
	} else {
		var conds []string
		if !monthFrom.IsZero() {
			conds = append(conds, "month >= ?")
			args = append(args, monthFrom.Format("2006-01"))
		}
		if !monthTo.IsZero() {
			conds = append(conds, "month < ?")
			args = append(args, monthTo.Format("2006-01"))
		}
		months := "SELECT month || '-01' AS day, metric, rep_id, value FROM rollup_monthly"
		if len(conds) > 0 {
			months += " WHERE " + strings.Join(conds, " AND ")
		}
		parts = append(parts, months)
		if !f.From.IsZero() && f.From.Before(monthFrom) {
			days(f.From, monthFrom)
		}
		if !f.To.IsZero() && monthTo.Before(f.To) {
			days(monthTo, f.To)
		}
	}
	who := Filter{RepID: f.RepID, Department: f.Department}
	where, whoArgs := who.where()
	return "(" + strings.Join(parts, " UNION ALL ") + ") r", where, append(args, whoArgs...)
}

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds = append(conds, "r.day >= ?")
		args = append(args, model.FormatDate(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "r.day < ?")
		args = append(args, model.FormatDate(f.To))
	}
	if f.RepID != 0 {
		conds = append(conds, "r.rep_id = ?")
		args = append(args, f.RepID)
	}
	if f.Department != "" {
		conds = append(conds, "r.rep_id IN (SELECT id FROM reps WHERE department = ?)")
		args = append(args, string(f.Department))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Counts sums every base metric over the filter from the daily roll-up.
// The sums of a range are kept until the file changes (changes.go).
func (s *Store) Counts(ctx context.Context, f Filter) (model.Counts, error) {
	return cached(ctx, s, f.cacheKey("counts"), maps.Clone[model.Counts], func() (model.Counts, error) { return s.readCounts(ctx, f) })
}

func (s *Store) readCounts(ctx context.Context, f Filter) (model.Counts, error) {
	src, where, args := f.rollup()
	rows, err := s.db.QueryContext(ctx, "SELECT r.metric, sum(r.value) FROM "+src+where+" GROUP BY r.metric", args...)
	if err != nil {
		return nil, fmt.Errorf("sum metrics: %w", describe(err))
	}
	defer rows.Close()
	c := model.Counts{}
	for rows.Next() {
		var m string
		var v int64
		if err := rows.Scan(&m, &v); err != nil {
			return nil, fmt.Errorf("sum metrics: %w", describe(err))
		}
		c[m] = float64(v)
	}
	return c, describe(rows.Err())
}
