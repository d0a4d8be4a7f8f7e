package store

import (
	"context"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// KGIAsOf is the KGI in force on day. Until KPI revisions carry effective
// dates this is the KGI as stored.
func (s *Store) KGIAsOf(ctx context.Context, day time.Time) (model.KGI, bool, error) {
	return s.KGI(ctx)
}

// KPIsAsOf lists every KPI as in force on day. Until KPI revisions carry
// effective dates these are the KPIs as stored.
func (s *Store) KPIsAsOf(ctx context.Context, day time.Time) ([]model.KPI, error) {
	return s.KPIs(ctx)
}
