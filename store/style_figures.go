package store

import (
	"context"
	"fmt"
	"maps"

	"github.com/kpit-dev/kpit/model"
)

// StyleFigureKeys are the keys StyleFigures gives, for a caller that asks
// for them only when it needs them (the query reads the records, not the
// roll-up: indexed ranges of them, but still the slowest figure there is).
var StyleFigureKeys = []string{"new_orders_won", "existing_revenue"}

// StyleFigures computes the style KPIs (docs/styles.md, docs/kpi-definitions.md) that
// the daily roll-up cannot answer, over the period [f.From, f.To):
//
//   - new_orders_won 新規受注件数: accounts whose first win closed in the period
//   - existing_revenue 既存顧客売上: won amounts in the period from accounts
//     with an earlier win
//
// The inside-sales and customer-success figures are SuccessCounts'.
//
// Opportunities without an account cannot be told new from existing and
// are left out of the first two. Rep and department filters are ignored:
// the styles screen shows the team.
func (s *Store) StyleFigures(ctx context.Context, f Filter) (map[string]model.Value, error) {
	return cached(ctx, s, f.cacheKey("styles"), maps.Clone[map[string]model.Value], func() (map[string]model.Value, error) { return s.readStyleFigures(ctx, f) })
}

func (s *Store) readStyleFigures(ctx context.Context, f Filter) (map[string]model.Value, error) {
	from, to := model.FormatDate(f.From), model.FormatDate(f.To)
	if to == "" {
		to = "9999" // after every date
	}
	var newOrders, existingYen int64
	// The first two read only the period's won deals: an account's first
	// win is in the period when it has a win there and none before; a win
	// is from an existing customer when the account won earlier. Each
	// "earlier win" is a probe of the index of won deals by account
	// (opportunities_won_account), never a pass over every won deal.
	err := s.db.QueryRowContext(ctx, `SELECT
			(SELECT count(DISTINCT o.account) FROM opportunities o
				WHERE o.deleted_at IS NULL AND o.outcome = 'won' AND o.account <> '' AND o.closed >= ?1 AND o.closed < ?2 AND `+pendingHidden("o", kindOpportunities)+`
				AND NOT EXISTS (SELECT 1 FROM opportunities p
					WHERE p.outcome = 'won' AND p.deleted_at IS NULL AND p.account = o.account AND p.closed < ?1 AND `+pendingHidden("p", kindOpportunities)+`)),
			(SELECT coalesce(sum(o.amount_yen), 0) FROM opportunities o
				WHERE o.deleted_at IS NULL AND o.outcome = 'won' AND o.account <> '' AND o.closed >= ?1 AND o.closed < ?2 AND `+pendingHidden("o", kindOpportunities)+`
				AND EXISTS (SELECT 1 FROM opportunities p
					WHERE p.outcome = 'won' AND p.deleted_at IS NULL AND p.account = o.account AND p.closed < o.closed AND `+pendingHidden("p", kindOpportunities)+`))`,
		from, to).Scan(&newOrders, &existingYen)
	if err != nil {
		return nil, fmt.Errorf("compute style figures: %w", describe(err))
	}
	return map[string]model.Value{
		"new_orders_won":   model.Some(float64(newOrders)),
		"existing_revenue": model.Some(float64(existingYen)),
	}, nil
}
