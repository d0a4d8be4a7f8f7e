package tui

import (
	"fmt"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Test-only doors for the tests of package tui_test, which also run the
// kpit command (package cli imports tui, so they cannot live in package tui).

// DemoPathForTest is the demo database the tests share, seeded by TestMain
// with demo.DefaultSeed for FixedNowForTest.
func DemoPathForTest() string { return demoPath }

// FixedNowForTest is the clock of every test.
var FixedNowForTest = fixedNow

// CockpitFiguresForTest opens the cockpit on st with the clock at now,
// moves the KPI tree screen and the dashboard to period p and returns what
// they hold: the tree screen's target and actual of every node (the figures
// its table shows) and the dashboard's target of every KPI in its table and of the KGI.
func CockpitFiguresForTest(st *store.Store, now time.Time, p model.Period) (treeTarget, treeActual, dashTarget map[string]model.Value, err error) {
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return now }, NoColor: true})
	var ts *treeScreen
	var d *dashboard
	for _, s := range a.screens {
		switch s := s.(type) {
		case *treeScreen:
			ts = s
		case *dashboard:
			d = s
		}
	}
	if ts == nil || d == nil {
		return nil, nil, nil, fmt.Errorf("the cockpit has no tree screen or dashboard")
	}
	ts.period = p
	ts.Update(ts.load()())
	if ts.err != nil || ts.tree() == nil {
		return nil, nil, nil, fmt.Errorf("tree screen: %v", ts.err)
	}
	d.period = p
	d.SetSize(200, 100) // tall enough for every KPI's row
	d.Update(d.load()())
	if d.err != nil || d.data == nil {
		return nil, nil, nil, fmt.Errorf("dashboard: %v", d.err)
	}
	dashTarget = map[string]model.Value{}
	g := d.data.goals
	for _, k := range d.rows() {
		dashTarget[k] = g.targetIn(k, p)
	}
	if g.hasKGI { // the KGI line above the table
		dashTarget[g.kgi.Metric] = g.targetIn(g.kgi.Metric, p)
	}
	return ts.data.goals.periodTargets(ts.period), ts.data.actual, dashTarget, nil
}

// CopyDemoForTest copies the demo database for a test that writes to it.
func CopyDemoForTest(t *testing.T) string { return copyDemo(t) }
