package demo

import (
	"context"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestSeedRatesTheOpenDeals: every open deal of the demo carries a category
// its stage allows (forecast.go), each category is used, closed deals are
// not rated, and every open deal keeps an expected close date.
func TestSeedRatesTheOpenDeals(t *testing.T) {
	t.Parallel()
	st := defaultDemo(t)
	ctx := context.Background()
	allowed := map[string][]model.ForecastCategory{
		"交渉":    {model.ForecastCommit, model.ForecastBestCase},
		"見積提示":  {model.ForecastCommit, model.ForecastBestCase, model.ForecastPipeline},
		"提案":    {model.ForecastBestCase, model.ForecastPipeline},
		"ヒアリング": {model.ForecastPipeline, model.ForecastUnrated},
		"初回訪問":  {model.ForecastPipeline, model.ForecastUnrated},
	}
	late := []model.ForecastCategory{model.ForecastBestCase, model.ForecastPipeline, model.ForecastOmitted}
	seen := map[model.ForecastCategory]int{}
	err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		if o.Outcome != model.OutcomeOpen {
			if o.Forecast != model.ForecastUnrated {
				t.Errorf("closed deal %d rated %q", o.ID, o.Forecast)
			}
			return nil
		}
		seen[o.Forecast]++
		if o.Closed.IsZero() {
			t.Errorf("open deal %d has no expected close date", o.ID)
		}
		ok := false
		// A deal that slipped or stalled may be rated down whatever its stage.
		for _, c := range append(allowed[o.Stage], late...) {
			ok = ok || c == o.Forecast
		}
		if !ok {
			t.Errorf("deal %d at %s rated %q", o.ID, o.Stage, o.Forecast)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append(model.ForecastCategories(), model.ForecastUnrated) {
		if seen[c] == 0 {
			t.Errorf("no open deal is %q: %v", c, seen)
		}
	}
	// The ratings put something in next month's buckets.
	deals, err := st.OpenDealsClosing(ctx, store.ForPeriod(model.PeriodOf(model.Month, today, 4).Next()))
	if err != nil || len(deals) < 20 {
		t.Errorf("%d open deals close next month, %v", len(deals), err)
	}
}
