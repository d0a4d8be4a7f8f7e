package cli

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// treeDB is a small database whose figures are easy to work out by hand:
// in April 2026 one rep made 40 visits, 20 leads, 10 opportunities, won 3
// deals (¥1,000,000, ¥2,000,000 and ¥3,000,000) and lost 2; in May 100
// visits and nothing else.
func treeDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := store.Batch{Reps: []model.Rep{{Name: "佐藤", Department: model.DeptFieldSales}}}
	b.Activities = append(b.Activities,
		model.Activity{RepName: "佐藤", Date: model.D(2026, 4, 3), Kind: model.KindVisit, Count: 40},
		model.Activity{RepName: "佐藤", Date: model.D(2026, 5, 3), Kind: model.KindVisit, Count: 100})
	for i := 0; i < 20; i++ {
		b.Leads = append(b.Leads, model.Lead{RepName: "佐藤", Created: model.D(2026, 4, 1+i)})
	}
	for i := 0; i < 10; i++ {
		o := model.Opportunity{RepName: "佐藤", Created: model.D(2026, 4, 1+i)}
		switch {
		case i < 3:
			o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, model.D(2026, 4, 20+i), model.Minor(1_000_000*(i+1)), true
		case i < 5:
			o.Outcome, o.Closed = model.OutcomeLost, model.D(2026, 4, 25)
		}
		b.Opportunities = append(b.Opportunities, o)
	}
	if err := st.BulkInsert(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := st.ReplaceTree(ctx, kpitree.Template(model.StyleNewBusiness)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetKGI(ctx, model.KGI{Metric: model.MetricRevenue, Value: 365_000_000, Per: model.FiscalYear}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []model.KPI{
		{Key: model.MetricOpportunities, Target: 20, HasTarget: true, TargetPer: model.Month},
		{Key: model.MetricWinRate, Unit: model.UnitRatio, Target: 0.5, HasTarget: true},
		{Key: model.MetricAvgDealSize, Unit: model.UnitMoney, Target: 2_000_000, HasTarget: true},
		{Key: model.MetricVisits, Target: 3650, HasTarget: true, TargetPer: model.FiscalYear},
	} {
		if err := st.UpsertKPI(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

type treeOut struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Nodes []struct {
		Key         string          `json:"key"`
		Actual      *float64        `json:"actual"`
		Target      *float64        `json:"target"`
		Achievement *float64        `json:"achievement"`
		Status      string          `json:"status"`
		GapShare    *float64        `json:"gap_share"`
		RootShare   *float64        `json:"gap_share_of_root"`
		Unexplained json.RawMessage `json:"unexplained_share"`
	} `json:"nodes"`
	MainCause *struct {
		Key   string  `json:"key"`
		Share float64 `json:"share"`
	} `json:"main_cause"`
}

func treeJSONOf(t *testing.T, args ...string) (treeOut, map[string]int) {
	t.Helper()
	code, out, errOut := kpitRun(append([]string{"tree", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("tree %v: exit %d: %s", args, code, errOut)
	}
	var r treeOut
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, n := range r.Nodes {
		idx[n.Key] = i
	}
	return r, idx
}

func near(p *float64, want float64) bool {
	return p != nil && math.Abs(*p-want) <= 1e-9*math.Max(1, math.Abs(want))
}

func TestTreeFiguresForAMonth(t *testing.T) {
	path := treeDB(t)
	r, idx := treeJSONOf(t, "--db", path, "--from", "2026-04-01", "--to", "2026-04-30")
	if r.From != "2026-04-01" || r.To != "2026-04-30" || len(r.Nodes) != 9 || r.Nodes[0].Key != "revenue" {
		t.Fatalf("tree = %+v", r)
	}
	node := func(k string) int { return idx[k] }
	// Actuals by hand: revenue 6,000,000 from 3 wins; win rate 3/5; deal
	// size 2,000,000; 10 opportunities of 20 leads; 20 leads of 40 visits.
	for k, want := range map[string]float64{
		"revenue": 6_000_000, "orders_won": 3, "avg_deal_size": 2_000_000, "opportunities": 10, "win_rate": 0.6,
		"leads": 20, "lead_to_opportunity_rate": 0.5, "visits": 40, "lead_capture_rate": 0.5,
	} {
		if n := r.Nodes[node(k)]; !near(n.Actual, want) {
			t.Errorf("%s actual = %v, want %v", k, show(n.Actual), want)
		}
	}
	// Targets for April, one whole month: the KGI ¥365,000,000/year is a
	// twelfth of it; 20 opportunities a month = 20; 3,650 visits a year =
	// 3,650/12; rates and deal size as set. orders_won has no KPI: 20 × 0.5.
	for k, want := range map[string]float64{
		"revenue": 365_000_000.0 / 12, "opportunities": 20, "win_rate": 0.5, "avg_deal_size": 2_000_000, "visits": 3650.0 / 12, "orders_won": 10,
	} {
		if n := r.Nodes[node(k)]; !near(n.Target, want) {
			t.Errorf("%s target = %v, want %v", k, show(n.Target), want)
		}
	}
	if n := r.Nodes[node("leads")]; n.Target != nil {
		t.Errorf("leads has a target %v from nowhere", show(n.Target))
	}
	rev := r.Nodes[node("revenue")]
	if !near(rev.Achievement, 6_000_000/(365_000_000.0/12)) || rev.Status != "off_track" {
		t.Errorf("revenue achievement %v %s, want 19.7%% off_track", show(rev.Achievement), rev.Status)
	}
	// Gap shares are each child's term over its parent's own gap. Revenue's
	// gap is ln(6,000,000 / (365,000,000/12)); under it orders_won = 3
	// against 10 gives ln(3/10) and the deal size ln(1) = 0. The KGI is not
	// 10 × ¥2,000,000, so the rest of revenue's gap is unexplained.
	g := math.Log(6_000_000 / (365_000_000.0 / 12))
	if !near(r.Nodes[node("orders_won")].GapShare, math.Log(0.3)/g) || !near(r.Nodes[node("avg_deal_size")].GapShare, 0) {
		t.Errorf("shares under revenue: %v, %v; want %v, 0", show(r.Nodes[node("orders_won")].GapShare),
			show(r.Nodes[node("avg_deal_size")].GapShare), math.Log(0.3)/g)
	}
	// Under orders_won = opportunities × win_rate: ln(10/20) and ln(0.6/0.5)
	// over orders won's own gap ln(3/10) (3 won is not 10 × 0.6: different
	// deals, the rest unexplained).
	a, b := math.Log(0.5), math.Log(1.2)
	if !near(r.Nodes[node("opportunities")].GapShare, a/math.Log(0.3)) || !near(r.Nodes[node("win_rate")].GapShare, b/math.Log(0.3)) {
		t.Errorf("shares under orders_won: %v, %v; want %v, %v", show(r.Nodes[node("opportunities")].GapShare),
			show(r.Nodes[node("win_rate")].GapShare), a/math.Log(0.3), b/math.Log(0.3))
	}
	if !near(r.Nodes[node("win_rate")].RootShare, b/g) {
		t.Errorf("win rate's share of the KGI gap = %v, want %v", show(r.Nodes[node("win_rate")].RootShare), b/g)
	}
	// Unexplained, by hand from the residual ratios: revenue ¥6,000,000 is
	// 3 × ¥2,000,000 but its target (¥30.4M) is 1.52 × 10 × ¥2,000,000, so
	// −ln(1.52...)/g; orders won 3 is half of 10 × 0.6 against a target 10
	// that is 20 × 0.5, so ln(0.5)/ln(0.3). Opportunities is not split
	// (leads have no target): null. A leaf has no such key.
	for k, want := range map[string]float64{
		"revenue":    -math.Log(365_000_000.0/12/20_000_000) / g,
		"orders_won": math.Log(0.5) / math.Log(0.3),
	} {
		var got *float64
		if err := json.Unmarshal(r.Nodes[node(k)].Unexplained, &got); err != nil || !near(got, want) {
			t.Errorf("%s unexplained_share = %s, want %v", k, r.Nodes[node(k)].Unexplained, want)
		}
	}
	for k, want := range map[string]string{"opportunities": "null", "win_rate": "", "visits": ""} {
		if got := string(r.Nodes[node(k)].Unexplained); got != want {
			t.Errorf("%s unexplained_share = %q, want %q", k, got, want)
		}
	}
	// The main cause (kpitree.MainCause): leads have no target, so the
	// split stops at opportunities, which carry ln(0.5)/g = 42.7% of the
	// miss. Only leaves would name the deal size, whose share is 0.
	if m := r.MainCause; m == nil || m.Key != "opportunities" || !near(&m.Share, a/g) {
		t.Errorf("main cause %+v, want opportunities with %v", m, a/g)
	}
}

func TestTreeProRatesByDays(t *testing.T) {
	path := treeDB(t)
	// April 16 – May 15 is no whole period: 30 of 365 days of each
	// target's year, 20 a month being 240 a year.
	r, idx := treeJSONOf(t, "--db", path, "--from", "2026-04-16", "--to", "2026-05-15")
	if got, want := r.Nodes[idx["opportunities"]].Target, 240*30.0/365; !near(got, want) {
		t.Errorf("opportunities target = %v, want %v", show(got), want)
	}
	if got := r.Nodes[idx["visits"]].Target; !near(got, 300) {
		t.Errorf("visits target = %v, want 300", show(got))
	}
	if got := r.Nodes[idx["visits"]].Actual; !near(got, 100) {
		t.Errorf("visits actual = %v, want 100 (May 3 only)", show(got))
	}
	// A whole fiscal year: the yearly targets in full.
	r, idx = treeJSONOf(t, "--db", path, "--from", "2026-04-01", "--to", "2027-03-31")
	if got := r.Nodes[idx["revenue"]].Target; !near(got, 365_000_000) {
		t.Errorf("FY revenue target = %v", show(got))
	}
	if got := r.Nodes[idx["opportunities"]].Target; !near(got, 240) {
		t.Errorf("FY opportunities target = %v, want 240", show(got))
	}
}

func TestTreeText(t *testing.T) {
	path := treeDB(t)
	code, out, errOut := kpitRun("tree", "--db", path, "--from", "2026-04-01", "--to", "2026-04-30", "--lang", "en")
	if code != 0 {
		t.Fatal(errOut)
	}
	for _, s := range []string{"KPI tree 2026-04-01 - 2026-04-30", "Revenue (x)", "Off track", "60.0%", "19.7%"} {
		if !strings.Contains(out, s) {
			t.Errorf("text lacks %q:\n%s", s, out)
		}
	}
	code, out, _ = kpitRun("tree", "--db", path, "--from", "2026-04-01", "--to", "2026-04-30", "--lang", "ja")
	if code != 0 || !strings.Contains(out, "売上") || !strings.Contains(out, "未達") {
		t.Errorf("ja text:\n%s", out)
	}
	// Default range: the current fiscal year to date.
	fy := model.PeriodOf(model.FiscalYear, clock(), time.April)
	r, _ := treeJSONOf(t, "--db", path)
	if r.From != model.FormatDate(fy.Start) || r.To != model.FormatDate(model.Date(clock())) {
		t.Errorf("default range %s..%s", r.From, r.To)
	}
}

func TestTreeWithoutATree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "e.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errOut := kpitRun("tree", "--db", path)
	if code != exitUsage || !strings.Contains(errOut, "no KPI tree") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}

// A manual KPI's value is the one typed in for exactly the range's period,
// else undefined: never the records' figure in its place. Here visits are
// declared typed in by hand although the records hold 40 in April.
func TestTreeManualKPIIsTheValueTypedIn(t *testing.T) {
	path := treeDB(t)
	ctx := context.Background()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.UpsertKPI(ctx, model.KPI{Key: model.MetricVisits, Source: model.SourceManual, Target: 3650, HasTarget: true,
		TargetPer: model.FiscalYear}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r, idx := treeJSONOf(t, "--db", path, "--from", "2026-04-01", "--to", "2026-04-30")
	if got := r.Nodes[idx["visits"]].Actual; got != nil {
		t.Errorf("visits with nothing typed in = %v, want undefined", show(got))
	}
	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	if err := st.SetManualValue(ctx, model.MetricVisits, model.PeriodOf(model.Month, model.D(2026, 4, 1), time.April), 55); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r, idx = treeJSONOf(t, "--db", path, "--from", "2026-04-01", "--to", "2026-04-30")
	if got := r.Nodes[idx["visits"]].Actual; !near(got, 55) {
		t.Errorf("visits typed in for April = %v, want 55", show(got))
	}
	// Half of April is not the month it was typed in for.
	r, idx = treeJSONOf(t, "--db", path, "--from", "2026-04-01", "--to", "2026-04-15")
	if got := r.Nodes[idx["visits"]].Actual; got != nil {
		t.Errorf("visits over April 1-15 = %v, want undefined", show(got))
	}
}

// TestTreeTextNamesTheUnexplainedPart: in April the 3 orders won are not
// 10 opportunities x the 60% win rate (the deals closed are not the deals
// created), and the KGI's month is not 10 orders x ¥2,000,000. The text
// shows, under each such node's children, the part of its gap they do not
// explain, as a share of the KGI's gap worked out here in log space.
func TestTreeTextNamesTheUnexplainedPart(t *testing.T) {
	path := treeDB(t)
	code, out, errOut := kpitRun("tree", "--db", path, "--from", "2026-04-01", "--to", "2026-04-30", "--today", "2026-06-01", "--lang", "en")
	if code != 0 {
		t.Fatal(errOut)
	}
	gapRevenue := math.Log(6_000_000 / (365_000_000.0 / 12))
	// Orders won's own gap ln(3/10) less its children's terms ln(10/20) and
	// ln(0.6/0.5), over the KGI's gap.
	underOrders := (math.Log(0.3) - math.Log(0.5) - math.Log(1.2)) / gapRevenue
	// The KGI's gap less orders won's ln(3/10) and deal size's ln(1).
	underRevenue := (gapRevenue - math.Log(0.3)) / gapRevenue
	var got []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "(not explained by the parts)") {
			f := strings.Fields(line)
			got = append(got, f[len(f)-1])
		}
	}
	want := []string{catalog.FormatPercent(model.Some(underOrders)), catalog.FormatPercent(model.Some(underRevenue))}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("unexplained rows %v, by hand %v:\n%s", got, want, out)
	}
	r, idx := treeJSONOf(t, "--db", path, "--from", "2026-04-01", "--to", "2026-04-30", "--today", "2026-06-01")
	var u float64
	if err := json.Unmarshal(r.Nodes[idx["orders_won"]].Unexplained, &u); err != nil {
		t.Fatal(err)
	}
	if want := 1 - (math.Log(0.5)+math.Log(1.2))/math.Log(0.3); math.Abs(u-want) > 1e-9 {
		t.Errorf("orders won's unexplained share %v, by hand %v", u, want)
	}
}
