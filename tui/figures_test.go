package tui

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestDashboardFiguresFromRecords recounts November's opportunities from
// the raw records (not the roll-up the screens read) and checks the
// dashboard and the tree show the same figures.
func TestDashboardFiguresFromRecords(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	nov := model.PeriodOf(model.Month, fixedNow, model.DefaultFiscalStart)
	var created, won, lost, revenue float64
	err := st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
		if nov.Contains(o.Created) {
			created++
		}
		if !o.Closed.IsZero() && nov.Contains(o.Closed) {
			switch o.Outcome {
			case model.OutcomeWon:
				won++
				revenue += float64(o.AmountMinor)
			case model.OutcomeLost:
				lost++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if created == 0 || won == 0 || lost == 0 {
		t.Fatalf("demo November has no deals to check: %v %v %v", created, won, lost)
	}
	a := newTestApp(t, LangEN, 120, 40)
	d := a.screens[0].(*dashboard)
	want := map[string]float64{
		"opportunities": created, "orders_won": won, "revenue": revenue,
		"win_rate": won / (won + lost), "avg_deal_size": revenue / won,
	}
	for k, v := range want {
		if got := d.data.cur.Values[k]; !got.Valid || math.Abs(got.V-v) > 1e-9*math.Abs(v) {
			t.Errorf("dashboard %s = %v, from the records %v", k, got, v)
		}
	}
	out := screen(a)
	for _, s := range []string{
		FormatYen(LangEN, model.Some(revenue)) + " of ",
		FormatPercent(model.Some(won / (won + lost))),
		FormatYen(LangEN, model.Some(revenue/won)),
		"pace " + FormatYen(LangEN, model.Some(revenue*30/26)),
	} {
		if !strings.Contains(out, s) {
			t.Errorf("dashboard lacks %q:\n%s", s, out)
		}
	}
	// The tree shows the same actuals.
	tree := treeAt(t, a, "revenue")
	for k, v := range want {
		if got := tree.data.actual[k]; !got.Valid || math.Abs(got.V-v) > 1e-9*math.Abs(v) {
			t.Errorf("tree %s = %v, from the records %v", k, got, v)
		}
	}
	// Gap shares by hand: orders won's term ln(won / 42 a month) over
	// revenue's own gap, ln(revenue / a twelfth of the ¥1,000,000,000 KGI).
	tg := demoLeafTargets(t)
	lnOrders := math.Log(won / tg["orders_won"])
	lnRevenue := math.Log(revenue / (1e9 / 12))
	if got, want := tree.data.figs.Get("orders_won").RootShare.V, lnOrders/lnRevenue; math.Abs(got-want) > 1e-9 {
		t.Errorf("orders won's share of the gap %v, by hand %v", got, want)
	}
	row := ""
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, "Orders won") {
			row = l
		}
	}
	if want := formatShare(model.Some(lnOrders / lnRevenue)); !strings.Contains(row, want) {
		t.Errorf("orders won row %q lacks its share %s", row, want)
	}
	// Pace: November's revenue so far, run out over 30 days from 26.
	if got, wantFc := d.data.cur.Get("revenue").Pace.V, revenue*30/26; math.Abs(got-wantFc) > 1e-6 {
		t.Errorf("pace %v, want %v", got, wantFc)
	}
}

// TestTreeDetailNamesTheUnexplainedPart: November's orders won (counted
// by close date) are not its opportunities (by creation) x its win rate,
// so the detail pane of orders won says what share of its gap the two do
// not explain, worked out here from the raw records and the demo's
// targets (140 opportunities a month, a 30% win rate, 42 orders).
func TestTreeDetailNamesTheUnexplainedPart(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	nov := model.PeriodOf(model.Month, fixedNow, model.DefaultFiscalStart)
	var created, won, lost float64
	err := st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
		if nov.Contains(o.Created) {
			created++
		}
		if !o.Closed.IsZero() && nov.Contains(o.Closed) {
			switch o.Outcome {
			case model.OutcomeWon:
				won++
			case model.OutcomeLost:
				lost++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tg := demoLeafTargets(t)
	gap := math.Log(won / tg["orders_won"])
	want := 1 - (math.Log(created/tg["opportunities"])+math.Log(won/(won+lost)/tg["win_rate"]))/gap
	if math.Abs(want) < 0.0005 {
		t.Fatalf("November's orders won are explained by their parts (%v): nothing to check", want)
	}
	a := newTestApp(t, LangEN, 120, 40)
	treeAt(t, a, "orders_won")
	press(t, a, "enter")
	line := ""
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.HasPrefix(l, "Unexplained") {
			line = l
		}
	}
	if !strings.Contains(line, formatShare(model.Some(want))+" of this gap") {
		t.Errorf("detail line %q, by hand %s of the gap", line, formatShare(model.Some(want)))
	}
}
