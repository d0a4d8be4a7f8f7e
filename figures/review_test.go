package figures_test

import (
	"context"
	"testing"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
)

// TestSavedReviewKeepsItsFigures saves a review of November, then records
// a won deal in November: the figures now change (recounted from the
// records), the saved review's do not. Its figures are compared with
// counts from the raw records taken before the edit.
func TestSavedReviewKeepsItsFigures(t *testing.T) {
	st := copyDemo(t)
	ctx := context.Background()
	nov := model.PeriodOf(model.Month, today, model.DefaultFiscalStart)
	rng := figures.PeriodRange(nov)
	before := recount(t, st, rng.From, rng.To)
	figs, err := figures.Compute(ctx, st, rng, today)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.SaveReview(ctx, model.ReviewDraft{Period: nov, HeldAt: today, KPIs: figs.Snapshot(),
		MainCause: figs.MainCause, MainCauseShare: figs.MainCauseShare})
	if err != nil {
		t.Fatal(err)
	}
	reps, err := st.Reps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddOpportunity(ctx, model.Opportunity{RepID: reps[0].ID, Account: "後日の入力", Created: model.D(2026, 11, 2),
		Closed: model.D(2026, 11, 20), Outcome: model.OutcomeWon, AmountMinor: 50_000_000, HasAmount: true}); err != nil {
		t.Fatal(err)
	}
	after := recount(t, st, rng.From, rng.To)
	if after["revenue"] != before["revenue"]+50_000_000 || after["opportunities"] != before["opportunities"]+1 {
		t.Fatalf("the edit did not reach the records: before %v, after %v", before, after)
	}
	r, err := st.ReviewByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"revenue":       before["revenue"],
		"opportunities": before["opportunities"],
		"orders_won":    before["orders_won"],
		"win_rate":      before["orders_won"] / (before["orders_won"] + before["orders_lost"]),
	}
	for k, v := range want {
		got, ok := r.KPI(k)
		if !ok || !got.Actual.Valid || !near(got.Actual.V, v) {
			t.Errorf("saved %s = %+v; before the edit the records gave %v", k, got.Actual, v)
		}
	}
	kgi := r.KPIs[0]
	if !kgi.KGI || kgi.Key != "revenue" || !kgi.Target.Valid || !near(kgi.Target.V, 1_000_000_000.0/12) {
		t.Errorf("the snapshot's first row = %+v; want the KGI, revenue, ¥1B/12", kgi)
	}
	if r.MainCause == "" || !r.MainCauseShare.Valid {
		t.Errorf("the review kept no main cause: %q %v", r.MainCause, r.MainCauseShare)
	}
	// And the figures today did change.
	now, err := figures.Compute(ctx, st, rng, today)
	if err != nil {
		t.Fatal(err)
	}
	if got := now.Get("revenue").Actual.V; !near(got, after["revenue"]) {
		t.Errorf("revenue now = %v, records %v", got, after["revenue"])
	}
}
