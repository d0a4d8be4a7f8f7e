package tui

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// juneLast is the last day of June 2026, a month that is over on fixedNow.
var juneLast = model.D(2026, 6, 30)

// TestTargetChangeAsksReasonAndKeepsJune: a new target is saved only with
// a reason (esc cancels); it is in force from the cockpit's today, signed by
// the OS user, listed first in the pane, and June keeps the target it had.
func TestTargetChangeAsksReasonAndKeepsJune(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	june, _, err := st.KPIAsOf(ctx, model.MetricWinRate, juneLast)
	if err != nil || !june.HasTarget {
		t.Fatalf("the demo's win rate in June: %+v %v", june, err)
	}
	histBefore, _ := st.KPIHistory(ctx, model.MetricWinRate)

	a, _ := appOn(t, path, LangEN, 80, 24)
	s := treeAt(t, a, model.MetricWinRate)
	press(t, a, "enter", "t")
	clearField(t, a)
	typeText(t, a, "33%")
	press(t, a, "enter")
	if s.edit == nil || !s.edit.asking || !strings.Contains(screen(a), "Reason for the change") {
		t.Fatalf("no reason asked for:\n%s", screen(a))
	}
	press(t, a, "enter") // an empty reason
	if s.edit == nil || !strings.Contains(screen(a), "Type a reason") {
		t.Fatalf("an empty reason should be refused:\n%s", screen(a))
	}
	press(t, a, "esc")
	if s.edit != nil {
		t.Fatal("esc should close the editor")
	}
	if h, _ := st.KPIHistory(ctx, model.MetricWinRate); len(h) != len(histBefore) {
		t.Fatalf("a cancelled edit wrote a revision: %d -> %d", len(histBefore), len(h))
	}

	press(t, a, "t")
	clearField(t, a)
	typeText(t, a, "33%")
	press(t, a, "enter")
	typeText(t, a, "四半期レビューで合意した新しい受注率の目標、来期の計画にも反映する")
	out := screen(a)
	checkFits(t, out, 80, 24)
	press(t, a, "enter")
	if l := lineWith(a, "Save? (y/n)"); l == "" {
		t.Fatalf("no confirmation:\n%s", screen(a))
	}
	press(t, a, "y")

	hist, err := st.KPIHistory(ctx, model.MetricWinRate)
	if err != nil || len(hist) != len(histBefore)+1 {
		t.Fatalf("history %d -> %d (%v), want one more", len(histBefore), len(hist), err)
	}
	h := hist[0]
	if !h.EffectiveFrom.Equal(model.Date(fixedNow)) || h.Author != store.CurrentUser() || !strings.HasPrefix(h.Reason, "四半期レビュー") ||
		math.Abs(h.KPI.Target-0.33) > 1e-12 {
		t.Errorf("the new revision %+v", h)
	}
	if k, _, _ := st.KPIAsOf(ctx, model.MetricWinRate, juneLast); k.Target != june.Target {
		t.Errorf("June's target moved: %v -> %v", june.Target, k.Target)
	}
	if k, _, _ := st.KPIAsOf(ctx, model.MetricWinRate, fixedNow); math.Abs(k.Target-0.33) > 1e-12 {
		t.Errorf("today's target %v, want 0.33", k.Target)
	}
	// The pane lists it first: effective today, the value, the author and
	// the reason cut to the width.
	out = screen(a)
	checkFits(t, out, 80, 24)
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Revisions") {
			row := lines[i+1]
			if !strings.Contains(row, "2026-11-26") || !strings.Contains(row, "33.0%") || !strings.Contains(row, "四半期レビュー") {
				t.Errorf("the newest revision row %q", row)
			}
			return
		}
	}
	t.Errorf("no revisions in the pane:\n%s", out)
}

// TestKGIChangeKeepsJune: the dashboard's g records a KGI revision from
// the cockpit's today with its reason; June keeps the KGI it had, and the
// root's detail pane lists the KGI's revisions.
func TestKGIChangeKeepsJune(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	a, st := appOn(t, path, LangJA, 80, 24)
	ctx := context.Background()
	old, ok, err := st.KGIAsOf(ctx, juneLast)
	if err != nil || !ok {
		t.Fatalf("the demo's KGI: %v %v", ok, err)
	}
	press(t, a, "1", "g")
	typeText(t, a, "12億") // replaces the current KGI, which comes selected
	press(t, a, "enter")
	typeText(t, a, "新製品の投入")
	press(t, a, "enter", "y")
	for _, c := range []struct {
		day  string
		want float64
	}{{"2026-06-30", old.Value}, {"2026-11-25", old.Value}, {"2026-11-26", 1.2e9}} {
		day, _ := model.ParseDate(c.day)
		if k, _, _ := st.KGIAsOf(ctx, day); k.Value != c.want {
			t.Errorf("KGI on %s = %v, want %v", c.day, k.Value, c.want)
		}
	}
	treeAt(t, a, model.MetricRevenue)
	press(t, a, "enter")
	out := screen(a)
	checkFits(t, out, 80, 24)
	if l := lineWith(a, "新製品の投入"); !strings.Contains(l, "2026-11-26") || !strings.Contains(l, "12億") {
		t.Errorf("the KGI's revision row %q:\n%s", l, out)
	}
}

// TestFitDetail: the revisions give way first (to two rows), then the
// oldest periods (to two), then the revisions (to one).
func TestFitDetail(t *testing.T) {
	t.Parallel()
	rows := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = prefix + string(rune('a'+i))
		}
		return out
	}
	for _, c := range []struct {
		room, fixed, revs, periods int
		wantRevs, wantPeriods      []string
	}{
		{40, 10, 7, 6, rows("r", 5), rows("p", 6)},         // all fit: five revisions at most
		{22, 12, 5, 6, rows("r", 4), rows("p", 6)},         // one revision less
		{22, 14, 5, 6, rows("r", 2), rows("p", 6)},         // down to two revisions
		{20, 14, 5, 6, rows("r", 2), rows("p", 6)[2:]},     // then the two oldest periods go
		{20, 17, 3, 6, rows("r", 1), []string{"pe", "pf"}}, // periods down to two, then one revision
	} {
		revs, periods := fitDetail(c.room, c.fixed, rows("r", c.revs), rows("p", c.periods))
		if strings.Join(revs, ",") != strings.Join(c.wantRevs, ",") || strings.Join(periods, ",") != strings.Join(c.wantPeriods, ",") {
			t.Errorf("room %d fixed %d: %v %v, want %v %v", c.room, c.fixed, revs, periods, c.wantRevs, c.wantPeriods)
		}
	}
}
