package kpitree

import (
	"math"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// A node whose recorded figure is not what its children make keeps the
// difference as its unexplained share. The wants are worked out by hand from
// the figures (ln of the residual ratio over ln(A/T) under × and ÷, the
// residual difference over A − T under + and −), not from the code.
func TestUnexplainedRecordedNode(t *testing.T) {
	ltv, err := Build(Template(model.StyleCustomerSuccess))
	if err != nil {
		t.Fatal(err)
	}
	profit, err := Build([]model.TreeNodeDef{def("sales", "", model.OpAdd, 0),
		def("new", "sales", model.OpLeaf, 0), def("repeat", "sales", model.OpLeaf, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name           string
		tree           *Tree
		actual, target map[string]model.Value
		node           string
		unexplained    float64
		shares         map[string]float64
	}{{
		// Target 50 opportunities × 30% = 15 orders; actual 40 × 30% = 12,
		// but only 10 recorded as won: ln(10/15) = −0.405 of which
		// opportunities explain ln(0.8) = −0.223 (55.0%), win rate nothing,
		// and ln(10/12) = −0.182 (45.0%) is unexplained.
		name:   "orders won recorded below opportunities × win rate",
		tree:   newBusiness(t),
		actual: vals("opportunities", 40.0, "win_rate", 0.3, "orders_won", 10.0, "avg_deal_size", 2e6),
		target: vals("opportunities", 50.0, "win_rate", 0.3, "avg_deal_size", 2e6),
		node:   "orders_won", unexplained: 0.4496602867867914,
		shares: map[string]float64{"opportunities": 0.5503397132132083, "win_rate": 0},
	}, {
		// Target ¥50,000 ÷ 2% = ¥2.5M; actual ¥45,000 ÷ 3% = ¥1.5M, but ¥1.2M
		// recorded: ln(1.2/2.5) = −0.734; MRR ln(0.9) = −0.105 (14.4%),
		// churn −ln(1.5) = −0.405 (55.2%), ln(1.2/1.5) = −0.223 (30.4%) unexplained.
		name:   "LTV recorded below MRR ÷ churn",
		tree:   ltv,
		actual: vals("avg_mrr", 45000.0, "monthly_churn_rate", 0.03, "ltv", 1.2e6),
		target: vals("avg_mrr", 50000.0, "monthly_churn_rate", 0.02),
		node:   "ltv", unexplained: 0.3040230555865334,
		shares: map[string]float64{"avg_mrr": 0.14354896531766964, "monthly_churn_rate": 0.5524279790957971},
	}, {
		// Target 100 + 50 = 150; actual 80 + 55 = 135 but 130 recorded: a gap
		// of −20, new −20 (100%), repeat +5 (−25%), −5 unexplained (25%).
		name:   "sales recorded below new + repeat",
		tree:   profit,
		actual: vals("new", 80.0, "repeat", 55.0, "sales", 130.0),
		target: vals("new", 100.0, "repeat", 50.0),
		node:   "sales", unexplained: 0.25,
		shares: map[string]float64{"new": 1, "repeat": -0.25},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			s, u := tc.tree.Attribute(tc.actual, tc.target), tc.tree.Unexplained(tc.actual, tc.target)
			if v := u[tc.node]; !v.Valid || !near(v.V, tc.unexplained, 1e-12) {
				t.Errorf("unexplained %s = %+v, want %v", tc.node, v, tc.unexplained)
			}
			for k, w := range tc.shares {
				if v := s[k]; !v.Valid || !near(v.V, w, 1e-12) {
					t.Errorf("share %s = %+v, want %v", k, v, w)
				}
			}
		})
	}
}

// The range that made shares explode: kpit demo --today 2026-11-26, then
// kpit tree --from 2026-04-16 --to 2026-05-15 (30 days). Actual: revenue
// ¥71,170,000 from 36 orders won; 108 opportunities from 299 leads from 629
// visits; 36 won and 58 lost. Targets: the KGI ¥1,000,000,000 a year and
// 700 visits a month pro-rated to 30/365, capture 50%, lead→opportunity
// 40%, win rate 30%, ¥2,000,000 a deal. Opportunities read 14,923% and win
// rate −14,831% of the gap when the shares were divided by their sum. The
// wants were computed from these figures outside kpit (ln ratios and their
// quotients, in Python).
func TestAttributeDemoRange(t *testing.T) {
	tr := newBusiness(t)
	actual := vals("revenue", 71_170_000.0, "orders_won", 36.0, "opportunities", 108.0, "leads", 299.0,
		"visits", 629.0, "lead_capture_rate", 299.0/629, "lead_to_opportunity_rate", 108.0/299,
		"win_rate", 36.0/94, "avg_deal_size", 71_170_000.0/36)
	target := vals("revenue", 1e9*30/365, "visits", 8400.0*30/365, "lead_capture_rate", 0.5,
		"lead_to_opportunity_rate", 0.4, "win_rate", 0.3, "avg_deal_size", 2e6)

	share := map[string]float64{
		"orders_won": 0.9748126880358879, "avg_deal_size": 0.08052800091697442,
		"opportunities": 1.7506590134507607, "win_rate": -1.7398230097977665,
		"leads": 0.5848018176282559, "lead_to_opportunity_rate": 0.4151981823717439,
		"visits": 0.6482824040414047, "lead_capture_rate": 0.3517175959585957,
	}
	// Orders won (36) is not 108 × 38.3% (41.4): the opportunities' miss and
	// the win rate's gain cancel, and 98.9% of its gap is unexplained. The
	// KGI (¥82.2M) is not 41.4 orders × ¥2M (¥82.8M): −5.5% on revenue.
	unexplained := map[string]float64{"revenue": -0.05534068895286199, "orders_won": 0.989163996347005,
		"opportunities": 0, "leads": 0}
	ofRoot := map[string]float64{"revenue": 1, "orders_won": 0.9748126880358879, "avg_deal_size": 0.08052800091697442,
		"opportunities": 1.7065646187361918, "win_rate": -1.6960015448876498, "leads": 0.9980020909369965,
		"lead_to_opportunity_rate": 0.7085625277991949, "visits": 0.6469871947509847, "lead_capture_rate": 0.3510148961860122}

	s, u := tr.Attribute(actual, target), tr.Unexplained(actual, target)
	root := tr.RootShares(s)
	for _, m := range []struct {
		what      string
		got, want map[string]float64
	}{{"share", values(s), share}, {"unexplained", values(u), unexplained}, {"share of root", values(root), ofRoot}} {
		for k, w := range m.want {
			if g, ok := m.got[k]; !ok || !near(g, w, 1e-9) {
				t.Errorf("%s %s = %v (defined %v), want %v", m.what, k, g, ok, w)
			}
		}
		for k, g := range m.got {
			if math.Abs(g) > 10 {
				t.Errorf("%s %s = %v: above 1000%%", m.what, k, g)
			}
		}
	}
	if key, v := tr.MainCause(actual, target); key != "lead_to_opportunity_rate" || !near(v.V, 0.7085625277991949, 1e-9) {
		t.Errorf("main cause %s %v, want lead_to_opportunity_rate 0.7086", key, v)
	}
}

// values keeps the defined entries of m.
func values(m map[string]model.Value) map[string]float64 {
	out := map[string]float64{}
	for k, v := range m {
		if v.Valid {
			out[k] = v.V
		}
	}
	return out
}

// A node within 1% of its target has nothing to split: its children's shares
// and its unexplained share are undefined. Revenue ¥83.3M against ¥83.33M
// (−0.04%) and orders won 42 against 41.67 (+0.8%) are both on target, so
// nothing below them is split and there is no main cause; with revenue at
// ¥75M it has a gap again, orders won (still on target) is a cause as it
// stands and deal size (¥75M ÷ 42 = ¥1.786M) is the main one.
func TestAttributeOnTarget(t *testing.T) {
	tr := newBusiness(t)
	target := vals("revenue", 83_333_333.0, "orders_won", 41.67, "opportunities", 140.0, "win_rate", 0.30, "avg_deal_size", 2e6)
	actual := vals("revenue", 83_300_000.0, "orders_won", 42.0, "opportunities", 130.0, "win_rate", 0.31, "avg_deal_size", 1.98e6)
	s, u := tr.Attribute(actual, target), tr.Unexplained(actual, target)
	for _, k := range []string{"revenue", "orders_won", "avg_deal_size", "opportunities", "win_rate"} {
		if s[k].Valid {
			t.Errorf("share %s = %v, want undefined", k, s[k].V)
		}
	}
	for _, k := range []string{"revenue", "orders_won"} {
		if u[k].Valid {
			t.Errorf("unexplained %s = %v, want undefined", k, u[k].V)
		}
	}
	if key, v := tr.MainCause(actual, target); key != "" || v.Valid {
		t.Errorf("main cause %q %v on target", key, v)
	}

	actual["revenue"], actual["avg_deal_size"] = model.Some(75e6), model.Some(75e6/42)
	s, u = tr.Attribute(actual, target), tr.Unexplained(actual, target)
	// ln(42/41.67) and ln(1.786/2) over ln(75/83.33); the KGI is not
	// 41.67 × ¥2M (¥83.34M), which leaves −0.08% unexplained.
	for k, w := range map[string]float64{"revenue": 1, "orders_won": -0.07486839922175088, "avg_deal_size": 1.075627704571659} {
		if !s[k].Valid || !near(s[k].V, w, 1e-9) {
			t.Errorf("share %s = %+v, want %v", k, s[k], w)
		}
	}
	if !u["revenue"].Valid || !near(u["revenue"].V, -0.0007593053499056258, 1e-9) {
		t.Errorf("unexplained revenue = %+v", u["revenue"])
	}
	if s["opportunities"].Valid || s["win_rate"].Valid || u["orders_won"].Valid {
		t.Errorf("below orders won on target: %+v %+v %+v", s["opportunities"], s["win_rate"], u["orders_won"])
	}
	if key, v := tr.MainCause(actual, target); key != "avg_deal_size" || !near(v.V, 1.075627704571659, 1e-9) {
		t.Errorf("main cause %s %v", key, v)
	}
	if c := tr.CauseShares(s); len(c) != 2 || !near(c["orders_won"].V, -0.07486839922175088, 1e-9) {
		t.Errorf("causes %v, want orders_won and avg_deal_size", c)
	}
}

// The 1% line, on a product node: revenue = orders × deal size against
// ¥100 (10 × ¥10). Under 1% off is on target; 1% off or more is a gap.
func TestAttributeOnTargetLine(t *testing.T) {
	tr := newBusiness(t)
	target := vals("orders_won", 10.0, "avg_deal_size", 10.0)
	for _, tc := range []struct {
		deal  float64 // actual deal size; actual orders stay at 10
		split bool
	}{{10, false}, {10.09, false}, {9.91, false}, {10.1, true}, {9.9, true}, {11, true}, {5, true}} {
		actual := vals("orders_won", 10.0, "avg_deal_size", tc.deal)
		s, u := tr.Attribute(actual, target), tr.Unexplained(actual, target)
		if s["revenue"].Valid != tc.split || s["avg_deal_size"].Valid != tc.split || u["revenue"].Valid != tc.split {
			t.Errorf("revenue %v against 100: root %+v, deal %+v, unexplained %+v, want defined %v",
				10*tc.deal, s["revenue"], s["avg_deal_size"], u["revenue"], tc.split)
		}
		if tc.split && (!near(s["avg_deal_size"].V, 1, 1e-12) || s["orders_won"].V != 0 || u["revenue"].V != 0) {
			t.Errorf("revenue %v: deal size %v, orders %v, unexplained %v; want 1, 0, 0",
				10*tc.deal, s["avg_deal_size"].V, s["orders_won"].V, u["revenue"].V)
		}
	}
}
