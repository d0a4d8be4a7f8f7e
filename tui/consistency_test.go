package tui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"testing"

	"github.com/kpit-dev/kpit/cli"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
	"github.com/kpit-dev/kpit/tui"
)

// TestTargetsAgreeEverywhere works out the demo tree's targets by hand from
// the stored KPI rows and the rule (a flow target set per P is value ×
// periods of P in a year ÷ periods of the shown kind in a year; rates and
// averages as set; no period means per year), for the week, month, quarter
// and fiscal year of the test day, and checks that kpit tree --format json
// over those days, the cockpit's KPI tree screen and its dashboard give
// exactly those figures.
func TestTargetsAgreeEverywhere(t *testing.T) {
	ctx := context.Background()
	path := tui.DemoPathForTest()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	kpis, err := st.KPIs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kgi, hasKGI, err := st.KGI(ctx)
	if err != nil || !hasKGI {
		t.Fatalf("the demo has no KGI: %v", err)
	}
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// How many of each period make a year, written out here rather than
	// taken from model.PeriodKind.PerYear.
	perYear := map[model.PeriodKind]float64{model.Week: 52, model.Month: 12, model.Quarter: 4, model.FiscalYear: 1}
	// The demo tree's rates and averages; everything else in it is a flow.
	intensive := map[string]bool{model.MetricWinRate: true, model.MetricAvgDealSize: true,
		model.MetricLeadToOppRate: true, model.MetricLeadCaptureRate: true}

	for _, kind := range []model.PeriodKind{model.Week, model.Month, model.Quarter, model.FiscalYear} {
		p := model.PeriodOf(kind, tui.FixedNowForTest, fiscalStart)
		want := map[string]float64{}
		for _, k := range kpis {
			if !k.HasTarget {
				continue
			}
			per := k.TargetPer
			if per == "" {
				per = model.FiscalYear
			}
			want[k.Key] = k.Target
			if !intensive[k.Key] {
				want[k.Key] = k.Target * perYear[per] / perYear[kind]
			}
		}
		kgiPer := kgi.Per
		if kgiPer == "" {
			kgiPer = model.FiscalYear
		}
		want[kgi.Metric] = kgi.Value * perYear[kgiPer] / perYear[kind]

		var out, errOut bytes.Buffer
		if code := cli.Run([]string{"tree", "--db", path, "--format", "json", "--from", model.FormatDate(p.Start),
			"--to", model.FormatDate(p.Last())}, nil, &out, &errOut); code != 0 {
			t.Fatalf("%s: kpit tree exit %d: %s", kind, code, errOut.String())
		}
		var tree struct {
			Nodes []struct {
				Key    string   `json:"key"`
				Actual *float64 `json:"actual"`
				Target *float64 `json:"target"`
			} `json:"nodes"`
		}
		if err := json.Unmarshal(out.Bytes(), &tree); err != nil {
			t.Fatal(err)
		}
		screenTarget, screenActual, dashTarget, err := tui.CockpitFiguresForTest(st, tui.FixedNowForTest, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(tree.Nodes) < 9 {
			t.Fatalf("%s: kpit tree shows %d nodes", kind, len(tree.Nodes))
		}
		for _, n := range tree.Nodes {
			w, ok := want[n.Key]
			if !ok {
				t.Errorf("%s: node %s has no target in the demo's KPI rows", kind, n.Key)
				continue
			}
			if n.Target == nil || !same(*n.Target, w) {
				t.Errorf("%s %s: kpit tree's target %v, by hand %v", kind, n.Key, show(n.Target), w)
			}
			if v := screenTarget[n.Key]; !v.Valid || !same(v.V, w) {
				t.Errorf("%s %s: tree screen's target %v, by hand %v", kind, n.Key, v, w)
			}
			// The actuals come through two doors too: the same figure.
			if v := screenActual[n.Key]; v.Valid != (n.Actual != nil) || (v.Valid && !same(v.V, *n.Actual)) {
				t.Errorf("%s %s: tree screen's actual %v, kpit tree's %v", kind, n.Key, v, show(n.Actual))
			}
		}
		for k, w := range want {
			if v, shown := dashTarget[k]; !shown || !v.Valid || !same(v.V, w) {
				t.Errorf("%s %s: dashboard's target %v (shown %v), by hand %v", kind, k, v, shown, w)
			}
		}
	}
}

func same(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func show(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestManualKPIAgreesEverywhere: a KPI typed in by hand has, in kpit tree
// and in the cockpit alike, the value entered for exactly the period shown,
// else none: never the records' figure. Visits, counted from the records in
// the demo, are declared typed in by hand here.
func TestManualKPIAgreesEverywhere(t *testing.T) {
	ctx := context.Background()
	path := tui.CopyDemoForTest(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	k, ok, err := st.KPI(ctx, model.MetricVisits)
	if err != nil || !ok {
		t.Fatalf("the demo has no visits KPI: %v", err)
	}
	k.Source = model.SourceManual
	if err := st.UpsertKPI(ctx, k); err != nil {
		t.Fatal(err)
	}
	month := model.PeriodOf(model.Month, tui.FixedNowForTest, model.DefaultFiscalStart)
	week := model.PeriodOf(model.Week, tui.FixedNowForTest, model.DefaultFiscalStart)
	visits := func(p model.Period) (cliValue *float64, screen model.Value) {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := cli.Run([]string{"tree", "--db", path, "--format", "json", "--from", model.FormatDate(p.Start),
			"--to", model.FormatDate(p.Last())}, nil, &out, &errOut); code != 0 {
			t.Fatalf("kpit tree exit %d: %s", code, errOut.String())
		}
		var tree struct {
			Nodes []struct {
				Key    string   `json:"key"`
				Actual *float64 `json:"actual"`
			} `json:"nodes"`
		}
		if err := json.Unmarshal(out.Bytes(), &tree); err != nil {
			t.Fatal(err)
		}
		for _, n := range tree.Nodes {
			if n.Key == model.MetricVisits {
				cliValue = n.Actual
			}
		}
		_, actual, _, err := tui.CockpitFiguresForTest(st, tui.FixedNowForTest, p)
		if err != nil {
			t.Fatal(err)
		}
		return cliValue, actual[model.MetricVisits]
	}
	if c, s := visits(month); c != nil || s.Valid {
		t.Errorf("nothing typed in for November: kpit tree %v, cockpit %v; want none in both", show(c), s)
	}
	if err := st.SetManualValue(ctx, model.MetricVisits, month, 640); err != nil {
		t.Fatal(err)
	}
	if c, s := visits(month); c == nil || *c != 640 || !s.Valid || s.V != 640 {
		t.Errorf("640 typed in for November: kpit tree %v, cockpit %v", show(c), s)
	}
	// The week has no value of its own: none, not a share of November's.
	if c, s := visits(week); c != nil || s.Valid {
		t.Errorf("the week: kpit tree %v, cockpit %v; want none in both", show(c), s)
	}
}
