package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The pipeline forecast's reads (docs/forecast.md): the open deals whose
// expected close date (the closed column of an open deal) lies in a range,
// the open deals without one, and what moved since a given time. The
// figures engine sums them; nothing here adds a figure up.

// The forecast's settings. They are not input rules (rule.*), so setting
// them does not count as the team having set its input rules.
//
//	forecast.thresholds  three percentages, commit first (default 80,50,20)
//	forecast.weights     four weights: commit, best case, pipeline, omitted (default 0.9,0.5,0.2,0)
const (
	SettingForecastThresholds = "forecast.thresholds"
	SettingForecastWeights    = "forecast.weights"
)

// openDealWhere is the condition on a live open deal narrowed to f's rep or
// department, with its arguments.
func openDealWhere(f Filter) (string, []any) {
	conds := []string{"o.outcome = 'open'", "o.deleted_at IS NULL"}
	var args []any
	if f.RepID != 0 {
		conds = append(conds, "o.rep_id = ?")
		args = append(args, f.RepID)
	}
	if f.Department != "" {
		conds = append(conds, "o.rep_id IN (SELECT id FROM reps WHERE department = ?)")
		args = append(args, string(f.Department))
	}
	return strings.Join(conds, " AND "), args
}

// OpenDealsClosing lists the live open deals whose expected close date lies
// in f's days (To exclusive; a zero end is open), narrowed to f's rep or
// department, by close date.
func (s *Store) OpenDealsClosing(ctx context.Context, f Filter) ([]model.Opportunity, error) {
	where, args := openDealWhere(f)
	where += " AND o.closed IS NOT NULL"
	if !f.From.IsZero() {
		where += " AND o.closed >= ?"
		args = append(args, model.FormatDate(f.From))
	}
	if !f.To.IsZero() {
		where += " AND o.closed < ?"
		args = append(args, model.FormatDate(f.To))
	}
	return s.opportunitiesWhere(ctx, "list open deals by close date", where+" ORDER BY o.closed, o.id", args)
}

// OpenDealsWithoutClose lists the live open deals that have no expected
// close date, narrowed to f's rep or department (f's days do not apply).
func (s *Store) OpenDealsWithoutClose(ctx context.Context, f Filter) ([]model.Opportunity, error) {
	where, args := openDealWhere(f)
	return s.opportunitiesWhere(ctx, "list open deals without a close date", where+" AND o.closed IS NULL ORDER BY o.id", args)
}

func (s *Store) opportunitiesWhere(ctx context.Context, what, where string, args []any) ([]model.Opportunity, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+opportunityCols+` FROM opportunities o JOIN reps r ON r.id = o.rep_id
		WHERE `+pendingHidden("o", kindOpportunities)+` AND `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, describe(err))
	}
	defer rows.Close()
	var out []model.Opportunity
	for rows.Next() {
		o, err := scanOpportunity(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, describe(err))
		}
		out = append(out, o)
	}
	return out, describe(rows.Err())
}

// ForecastChangesSince lists what moved in the forecast at or after since:
// every recorded change of a live deal's category, expected close date or
// outcome while it was or became open, and every live open deal entered
// since (New), oldest first.
func (s *Store) ForecastChangesSince(ctx context.Context, since time.Time) ([]model.ForecastChange, error) {
	// Stored times are RFC 3339 with a fraction only when there is one; the
	// second's prefix sorts before every time of that second, and the exact
	// cut is made on the parsed times below.
	from := since.UTC().Format("2006-01-02T15:04:05")
	rows, err := s.db.QueryContext(ctx, `
		SELECT c.opportunity_id, o.account, r.name, o.amount_yen, c.at, 0,
			coalesce(c.forecast_before, ''), coalesce(c.forecast_after, ''), c.close_before, c.close_after,
			c.outcome_before, c.outcome_after
		FROM forecast_changes c JOIN opportunities o ON o.id = c.opportunity_id JOIN reps r ON r.id = o.rep_id
		WHERE c.at >= ?1 AND o.deleted_at IS NULL AND `+pendingHidden("o", kindOpportunities)+`
		UNION ALL
		SELECT o.id, o.account, r.name, o.amount_yen, o.entered_at, 1,
			'', coalesce(o.forecast, ''), NULL, o.closed, 'open', o.outcome
		FROM opportunities o JOIN reps r ON r.id = o.rep_id
		WHERE o.entered_at >= ?1 AND o.deleted_at IS NULL AND o.outcome = 'open' AND `+pendingHidden("o", kindOpportunities), from)
	if err != nil {
		return nil, fmt.Errorf("read forecast changes: %w", describe(err))
	}
	defer rows.Close()
	var out []model.ForecastChange
	for rows.Next() {
		var c model.ForecastChange
		var at, fb, fa, ob, oa string
		var cb, ca sql.NullString
		var amount sql.NullInt64
		if err := rows.Scan(&c.OpportunityID, &c.Account, &c.RepName, &amount, &at, &c.New, &fb, &fa, &cb, &ca, &ob, &oa); err != nil {
			return nil, fmt.Errorf("read forecast changes: %w", describe(err))
		}
		c.At = parseTime(at)
		if c.At.Before(since) {
			continue
		}
		c.AmountMinor, c.HasAmount = model.Minor(amount.Int64), amount.Valid
		c.ForecastBefore, c.ForecastAfter = model.ForecastCategory(fb), model.ForecastCategory(fa)
		c.CloseBefore, c.CloseAfter = parseNullDate(cb), parseNullDate(ca)
		c.OutcomeBefore, c.OutcomeAfter = model.Outcome(ob), model.Outcome(oa)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read forecast changes: %w", describe(err))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].OpportunityID < out[j].OpportunityID
	})
	return out, nil
}

// ForecastSettings are the team's forecast thresholds and weights, the
// defaults for any not set (or unreadable).
func (s *Store) ForecastSettings(ctx context.Context) (model.ForecastThresholds, model.ForecastWeights, error) {
	t, w := model.DefaultForecastThresholds, model.DefaultForecastWeights
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings WHERE key IN (?, ?)`,
		SettingForecastThresholds, SettingForecastWeights)
	if err != nil {
		return t, w, fmt.Errorf("read forecast settings: %w", describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return t, w, fmt.Errorf("read forecast settings: %w", describe(err))
		}
		switch k {
		case SettingForecastThresholds:
			if x, err := model.ParseForecastThresholds(v); err == nil {
				t = x
			}
		case SettingForecastWeights:
			if x, err := model.ParseForecastWeights(v); err == nil {
				w = x
			}
		}
	}
	return t, w, describe(rows.Err())
}
