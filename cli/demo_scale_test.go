package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The scale company's report, all time and by rep, equals a recount of the
// raw records streamed by the store's exports (the report reads the daily
// roll-up the triggers keep; the exports read the record tables).
func TestDemoScaleReportEqualsRecount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scale.db")
	code, out, errOut := kpitRun("demo", "--db", path, "--scale", "2000", "--today", "2026-11-26")
	if code != 0 || !strings.Contains(out, "2,000 opportunities") {
		t.Fatalf("demo --scale: exit %d, %q, %q", code, out, errOut)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	// counts[rep name][metric], "" for the whole team and unowned for the
	// leads nobody owns.
	const unowned = "(no rep)"
	counts := map[string]map[string]float64{}
	add := func(rep, metric string, v float64) {
		if rep == "" {
			rep = unowned
		}
		for _, who := range []string{"", rep} {
			if counts[who] == nil {
				counts[who] = map[string]float64{}
			}
			counts[who][metric] += v
		}
	}
	if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		add(o.RepName, "opportunities", 1)
		switch o.Outcome {
		case model.OutcomeWon:
			add(o.RepName, "orders_won", 1)
			add(o.RepName, "revenue", float64(o.AmountMinor))
		case model.OutcomeLost:
			add(o.RepName, "orders_lost", 1)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.ExportActivities(ctx, func(a model.Activity, _ string) error {
		add(a.RepName, string(a.Kind)+"s", float64(a.Count))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.ExportLeads(ctx, func(l model.Lead) error {
		add(l.RepName, "leads", 1)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	team := counts[""]
	if team["opportunities"] != 2000 || team["visits"] == 0 || team["calls"] == 0 || team["proposals"] == 0 ||
		team["leads"] != 400 || team["orders_won"] == 0 || team["orders_lost"] == 0 {
		t.Fatalf("the scale company lacks a kind of record: %v", team)
	}
	metrics := []string{"opportunities", "orders_won", "orders_lost", "revenue", "visits", "calls", "emails",
		"proposals", "meetings", "appointments", "leads"}
	check := func(who string, got map[string]*float64) {
		t.Helper()
		for _, m := range metrics {
			if g := got[m]; g == nil || *g != counts[who][m] {
				t.Errorf("%q %s: report %v, recount %v", who, m, g, counts[who][m])
			}
		}
		won, lost := counts[who]["orders_won"], counts[who]["orders_lost"]
		if won+lost > 0 && (got["win_rate"] == nil || *got["win_rate"] != won/(won+lost)) {
			t.Errorf("%q win rate: report %v, recount %v", who, got["win_rate"], won/(won+lost))
		}
	}
	check("", reportJSON(t, "--db", path).Metrics)
	byRep := reportJSON(t, "--db", path, "--by", "rep")
	if len(byRep.Rows) != 21 {
		t.Fatalf("report --by rep has %d rows, want the 20 reps and one for no rep", len(byRep.Rows))
	}
	for _, row := range byRep.Rows {
		who := unowned
		if row.Rep != nil {
			who = *row.Rep
		}
		check(who, row.Metrics)
	}
}

// A bad --scale is one line, exit 2, and no file.
func TestDemoScaleRefusesBadValues(t *testing.T) {
	for _, v := range []string{"0", "-1", "abc", "1.5", "10000001", "1e6"} {
		path := filepath.Join(t.TempDir(), "scale.db")
		code, _, errOut := kpitRun("demo", "--db", path, "--scale="+v)
		if code != exitUsage || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--scale") {
			t.Errorf("--scale %s: exit %d, %q", v, code, errOut)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("--scale %s wrote %s", v, path)
		}
	}
}
