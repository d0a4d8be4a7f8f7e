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
	where, args := f.where()
	rows, err := s.db.QueryContext(ctx, "SELECT r.metric, sum(r.value) FROM rollup_daily r"+where+" GROUP BY r.metric", args...)
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
