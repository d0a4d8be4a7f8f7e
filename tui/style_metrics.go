package tui

import (
	"context"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// addStyleFigures adds to m the style KPIs the roll-up's metrics lack
// (新規リード数, 新規受注件数, 既存顧客売上, ...), computed as the styles
// screen computes them, so an adopted style's KPIs show the same figure on
// the dashboard as on the styles tab instead of no value.
func addStyleFigures(ctx context.Context, st *store.Store, f store.Filter, m map[string]model.Value) error {
	if _, ok := m["new_leads"]; !ok {
		m["new_leads"] = m[model.MetricLeads] // every lead kpit records is new business
	}
	extra, err := st.StyleFigures(ctx, f)
	if err != nil {
		return err
	}
	for k, v := range extra {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
	return nil
}
